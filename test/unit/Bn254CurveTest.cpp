//===- Bn254CurveTest.cpp - BN254 G1, G2 and the optimal ate pairing ------===//
//
// Group laws are checked through identities that any slip in a formula
// breaks (known multiples, r * G = infinity, linearity of scalar
// multiplication, agreement between the addition variants); the pairing is
// checked for bilinearity and non-degeneracy, its final exponentiation
// against plain exponentiation by (q^12 - 1)/r computed with GMP, and the
// EIP-197 entry point against go-ethereum's published precompile vectors.
// Set ZKEVMC_SEED to vary or reproduce the random scalars.
//
//===----------------------------------------------------------------------===//

#include "runtime/bn254/Pairing.h"

#include "gtest/gtest.h"

#include <gmp.h>

#include <cstdlib>
#include <random>
#include <string>
#include <vector>

using namespace zkevmc::bn254;

namespace {

uint64_t testSeed() {
  const char *S = std::getenv("ZKEVMC_SEED");
  return S ? std::strtoull(S, nullptr, 0) : 0x5eed254ull;
}

Fq fq(const char *Dec) { return *Fq::fromDecimal(Dec); }

std::vector<uint8_t> fromHex(const std::string &Hex) {
  std::vector<uint8_t> Out;
  for (size_t I = 0; I + 1 < Hex.size(); I += 2)
    Out.push_back((uint8_t)std::stoul(Hex.substr(I, 2), nullptr, 16));
  return Out;
}

/// Little-endian limbs of an arbitrary-size GMP integer.
std::vector<uint64_t> limbsOf(const mpz_t V) {
  std::vector<uint64_t> Out((mpz_sizeinbase(V, 2) + 63) / 64, 0);
  size_t Count = 0;
  mpz_export(Out.data(), &Count, -1, sizeof(uint64_t), 0, 0, V);
  Out.resize(Count);
  return Out;
}

struct CurveTest : ::testing::Test {
  std::mt19937_64 Rng{testSeed()};
  Fr scalar() { return Fr::random(Rng); }
};

//===----------------------------------------------------------------------===//
// G1
//===----------------------------------------------------------------------===//

TEST_F(CurveTest, G1GeneratorIsOnCurveAndDoublesToKnownPoint) {
  G1Affine G = g1Generator();
  EXPECT_TRUE(G.isOnCurve());
  G1Affine Two = G1(G).dbl().toAffine();
  EXPECT_TRUE(Two == G1Affine(fq("1368015179489954701390400359078579693043519"
                                 "447331113978918064868415326638035"),
                              fq("9918110051302171585080402603319702774565515"
                                 "993150576347155970296011118125764")));
  EXPECT_TRUE((G1(G) + G1(G)).toAffine() == Two);
  EXPECT_TRUE((G1(G) + G).toAffine() == Two);
  EXPECT_TRUE(G1(G).mul(Fr::fromU64(2)).toAffine() == Two);
  EXPECT_FALSE(G1Affine(Fq::fromU64(1), Fq::fromU64(3)).isOnCurve());
}

TEST_F(CurveTest, G1GroupOrderIsR) {
  G1 G(g1Generator());
  EXPECT_TRUE(G.mul(FrParams::P).isInfinity());
  EXPECT_TRUE(G.mul(-Fr::one()) == -G);
  EXPECT_FALSE(G.mul(-Fr::one()).isInfinity());
  EXPECT_TRUE(G.mul(Fr::zero()).isInfinity());
}

TEST_F(CurveTest, G1AdditionVariantsAgreeAndHandleSpecialCases) {
  G1 G(g1Generator());
  for (int I = 0; I < 50; ++I) {
    G1 P = G.mul(scalar()), Q = G.mul(scalar()), R = G.mul(scalar());
    G1Affine QA = Q.toAffine();
    ASSERT_TRUE(P.isOnCurve());
    ASSERT_TRUE(P + Q == Q + P);
    ASSERT_TRUE((P + Q) + R == P + (Q + R));
    ASSERT_TRUE(P + QA == P + Q);
    ASSERT_TRUE((P + QA).isOnCurve());
    ASSERT_TRUE(P + P == P.dbl());
    ASSERT_TRUE(P + P.toAffine() == P.dbl());
    ASSERT_TRUE((P + (-P)).isInfinity());
    ASSERT_TRUE((P + (-P.toAffine())).isInfinity());
    ASSERT_TRUE(P + G1() == P);
    ASSERT_TRUE(G1() + P == P);
    ASSERT_TRUE(P + G1Affine::infinity() == P);
    ASSERT_TRUE(G1() + QA == Q);
    ASSERT_TRUE(P - P == G1());
  }
  EXPECT_TRUE(G1().dbl().isInfinity());
  EXPECT_TRUE(G1().toAffine().Infinity);
}

TEST_F(CurveTest, G1ScalarMultiplicationIsLinear) {
  G1 G(g1Generator());
  for (int I = 0; I < 30; ++I) {
    Fr A = scalar(), B = scalar();
    G1 P = G.mul(scalar());
    ASSERT_TRUE(P.mul(A + B) == P.mul(A) + P.mul(B));
    ASSERT_TRUE(P.mul(A * B) == P.mul(A).mul(B));
    ASSERT_TRUE(P.mul(-A) == -P.mul(A));
  }
}

TEST_F(CurveTest, BatchToAffineMatchesIndividualNormalisation) {
  G1 G(g1Generator());
  std::vector<G1> Pts;
  for (int I = 0; I < 20; ++I)
    Pts.push_back(G.mul(scalar()));
  Pts.push_back(G1());
  auto Aff = G1::batchToAffine(Pts);
  for (size_t I = 0; I < Pts.size(); ++I)
    ASSERT_TRUE(Aff[I] == Pts[I].toAffine()) << I;
}

//===----------------------------------------------------------------------===//
// G2
//===----------------------------------------------------------------------===//

/// Square root in Fq2 for q = 3 mod 4 (Adj and Rodriguez-Henriquez, alg. 9);
/// the caller verifies the result, so a wrong branch only costs a retry.
std::optional<Fq2> fq2Sqrt(const Fq2 &A) {
  mpz_t Q, E1, E2;
  mpz_inits(Q, E1, E2, nullptr);
  mpz_import(Q, 4, -1, sizeof(uint64_t), 0, 0, FqParams::P.data());
  mpz_sub_ui(E1, Q, 3);
  mpz_fdiv_q_2exp(E1, E1, 2); // (q-3)/4
  mpz_sub_ui(E2, Q, 1);
  mpz_fdiv_q_2exp(E2, E2, 1); // (q-1)/2
  auto L1 = limbsOf(E1), L2 = limbsOf(E2);
  mpz_clears(Q, E1, E2, nullptr);
  Fq2 A1 = A.pow(L1.data(), L1.size());
  Fq2 Alpha = A1 * (A1 * A);
  Fq2 X0 = A1 * A;
  Fq2 X;
  if (Alpha == -Fq2::one())
    X = Fq2(Fq::zero(), Fq::one()) * X0;
  else
    X = (Fq2::one() + Alpha).pow(L2.data(), L2.size()) * X0;
  if (X.square() != A)
    return std::nullopt;
  return X;
}

TEST_F(CurveTest, G2GeneratorIsOnCurveInSubgroupAndHasOrderR) {
  G2Affine G = g2Generator();
  EXPECT_TRUE(G.isOnCurve());
  EXPECT_TRUE(isInG2Subgroup(G));
  EXPECT_TRUE(G2(G).mul(FrParams::P).isInfinity());
  EXPECT_TRUE(G2(G).mul(-Fr::one()) == -G2(G));
  EXPECT_FALSE(G2(G).dbl().isInfinity());
  // The twist coefficient is 3 / (9 + u).
  EXPECT_TRUE(G2Traits::b() * Fq2::xi() == Fq2(Fq::fromU64(3), Fq::zero()));
}

TEST_F(CurveTest, G2GeneratorEncodesAsInEip197) {
  uint8_t Enc[128];
  encodeG2(g2Generator(), Enc);
  auto Want = fromHex(
      "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
      "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
      "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
      "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa");
  EXPECT_EQ(std::vector<uint8_t>(Enc, Enc + 128), Want);
  auto Back = decodeG2(Enc);
  ASSERT_TRUE(Back.has_value());
  EXPECT_TRUE(*Back == g2Generator());
}

TEST_F(CurveTest, G2GroupLawsAndLinearity) {
  G2 G(g2Generator());
  for (int I = 0; I < 15; ++I) {
    Fr A = scalar(), B = scalar();
    G2 P = G.mul(scalar()), Q = G.mul(scalar());
    ASSERT_TRUE(P.isOnCurve());
    ASSERT_TRUE(P + Q == Q + P);
    ASSERT_TRUE(P + Q.toAffine() == P + Q);
    ASSERT_TRUE(P + P == P.dbl());
    ASSERT_TRUE(P + P.toAffine() == P.dbl());
    ASSERT_TRUE((P + (-P)).isInfinity());
    ASSERT_TRUE(P.mul(A + B) == P.mul(A) + P.mul(B));
    ASSERT_TRUE(P.mul(A * B) == P.mul(A).mul(B));
    ASSERT_TRUE(isInG2Subgroup(P.toAffine()));
  }
}

TEST_F(CurveTest, TwistPointsOutsideTheSubgroupAreRejected) {
  int Found = 0;
  for (uint64_t X = 1; Found < 3 && X < 200; ++X) {
    Fq2 Xc(Fq::fromU64(X), Fq::one());
    auto Y = fq2Sqrt(Xc.square() * Xc + G2Traits::b());
    if (!Y)
      continue;
    G2Affine Q(Xc, *Y);
    ASSERT_TRUE(Q.isOnCurve());
    // The cofactor is ~2^254, so a point found this way is not in G2.
    EXPECT_FALSE(isInG2Subgroup(Q));
    uint8_t Enc[128];
    encodeG2(Q, Enc);
    EXPECT_FALSE(decodeG2(Enc).has_value());
    ++Found;
  }
  EXPECT_EQ(Found, 3);
}

TEST_F(CurveTest, Eip196DecodingRejectsNonCanonicalAndOffCurveInput) {
  uint8_t Enc[64];
  encodeG1(g1Generator(), Enc);
  ASSERT_TRUE(decodeG1(Enc).has_value());
  EXPECT_TRUE(*decodeG1(Enc) == g1Generator());
  uint8_t Zero[64] = {0};
  ASSERT_TRUE(decodeG1(Zero).has_value());
  EXPECT_TRUE(decodeG1(Zero)->Infinity);
  Enc[63] ^= 1; // y = 3: off the curve
  EXPECT_FALSE(decodeG1(Enc).has_value());
  // x = 1 + q is the generator's x unreduced: must be rejected, not reduced.
  Enc[63] ^= 1;
  Limbs Q1 = FqParams::P;
  Q1[0] += 1;
  for (int I = 0; I < 32; ++I)
    Enc[31 - I] = (uint8_t)(Q1[I / 8] >> (8 * (I % 8)));
  EXPECT_FALSE(decodeG1(Enc).has_value());
}

//===----------------------------------------------------------------------===//
// Pairing
//===----------------------------------------------------------------------===//

TEST_F(CurveTest, PairingIsNonDegenerateAndLandsInOrderRSubgroup) {
  Fq12 E = pairing(g1Generator(), g2Generator());
  EXPECT_FALSE(E.isOne());
  mpz_t R;
  mpz_init(R);
  mpz_import(R, 4, -1, sizeof(uint64_t), 0, 0, FrParams::P.data());
  auto L = limbsOf(R);
  mpz_clear(R);
  EXPECT_TRUE(E.pow(L.data(), L.size()).isOne());
  EXPECT_TRUE(pairing(G1Affine::infinity(), g2Generator()).isOne());
  EXPECT_TRUE(pairing(g1Generator(), G2Affine::infinity()).isOne());
}

TEST_F(CurveTest, PairingIsBilinear) {
  G1 P(g1Generator());
  G2 Q(g2Generator());
  Fq12 Base = pairing(g1Generator(), g2Generator());
  for (int I = 0; I < 3; ++I) {
    Fr A = scalar(), B = scalar();
    Fq12 Lhs = pairing(P.mul(A).toAffine(), Q.mul(B).toAffine());
    Limbs AB = (A * B).toLimbs();
    ASSERT_TRUE(Lhs == Base.pow(AB.data(), 4));
    // Linearity in each argument separately.
    G1Affine P1 = P.mul(scalar()).toAffine(), P2 = P.mul(scalar()).toAffine();
    G2Affine Q1 = Q.mul(scalar()).toAffine();
    ASSERT_TRUE(pairing((G1(P1) + P2).toAffine(), Q1) ==
                pairing(P1, Q1) * pairing(P2, Q1));
  }
}

TEST_F(CurveTest, FinalExponentiationMatchesPlainExponentiation) {
  mpz_t Q, R, E;
  mpz_inits(Q, R, E, nullptr);
  mpz_import(Q, 4, -1, sizeof(uint64_t), 0, 0, FqParams::P.data());
  mpz_import(R, 4, -1, sizeof(uint64_t), 0, 0, FrParams::P.data());
  mpz_pow_ui(E, Q, 12);
  mpz_sub_ui(E, E, 1);
  ASSERT_TRUE(mpz_divisible_p(E, R));
  mpz_divexact(E, E, R);
  auto L = limbsOf(E);
  mpz_clears(Q, R, E, nullptr);
  for (int I = 0; I < 2; ++I) {
    Fq12 F = Fq12::random(Rng);
    ASSERT_TRUE(finalExponentiation(F) == F.pow(L.data(), L.size()));
  }
}

TEST_F(CurveTest, MultiMillerLoopEqualsProductOfPairings) {
  G1 P(g1Generator());
  G2 Q(g2Generator());
  std::vector<G1Affine> Ps;
  std::vector<G2Affine> Qs;
  Fq12 Want = Fq12::one();
  for (int I = 0; I < 3; ++I) {
    Ps.push_back(P.mul(scalar()).toAffine());
    Qs.push_back(Q.mul(scalar()).toAffine());
    Want *= pairing(Ps.back(), Qs.back());
  }
  EXPECT_TRUE(finalExponentiation(millerLoop(Ps.data(), Qs.data(), 3)) == Want);
}

TEST_F(CurveTest, PairingCheckAcceptsCancellingProductsOnly) {
  G1Affine P = g1Generator();
  G2Affine Q = g2Generator();
  EXPECT_TRUE(pairingCheck({{P, Q}, {-P, Q}}));
  EXPECT_TRUE(pairingCheck({{P, Q}, {P, -Q}}));
  EXPECT_FALSE(pairingCheck({{P, Q}, {P, Q}}));
  EXPECT_FALSE(pairingCheck({{P, Q}}));
  EXPECT_TRUE(pairingCheck({}));
  for (int I = 0; I < 3; ++I) {
    Fr A = scalar(), B = scalar();
    G1Affine AP = G1(P).mul(A).toAffine();
    G2Affine AQ = G2(Q).mul(A).toAffine();
    EXPECT_TRUE(pairingCheck({{AP, Q}, {-P, AQ}}));
    // e(aP, bQ) e(-abP, Q) = 1, but not with a perturbed scalar.
    G2Affine BQ = G2(Q).mul(B).toAffine();
    G1Affine ABP = G1(P).mul(A * B).toAffine();
    EXPECT_TRUE(pairingCheck({{AP, BQ}, {-ABP, Q}}));
    G1Affine Off = G1(P).mul(A * B + Fr::one()).toAffine();
    EXPECT_FALSE(pairingCheck({{AP, BQ}, {-Off, Q}}));
  }
}

struct Eip197Vector {
  const char *Name;
  const char *Input;
  bool Expected;
};

// From go-ethereum core/vm/testdata/precompiles/bn256Pairing.json.
const Eip197Vector Eip197Vectors[] = {
    {"jeff1",
     "1c76476f4def4bb94541d57ebba1193381ffa7aa76ada664dd31c16024c43f59"
     "3034dd2920f673e204fee2811c678745fc819b55d3e9d294e45c9b03a76aef41"
     "209dd15ebff5d46c4bd888e51a93cf99a7329636c63514396b4a452003a35bf7"
     "04bf11ca01483bfa8b34b43561848d28905960114c8ac04049af4b6315a41678"
     "2bb8324af6cfc93537a2ad1a445cfd0ca2a71acd7ac41fadbf933c2a51be344d"
     "120a2a4cf30c1bf9845f20c6fe39e07ea2cce61f0c9bb048165fe5e4de877550"
     "111e129f1cf1097710d41c4ac70fcdfa5ba2023c6ff1cbeac322de49d1b6df7c"
     "2032c61a830e3c17286de9462bf242fca2883585b93870a73853face6a6bf411"
     "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
     "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
     "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
     "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa",
     true},
    {"jeff6",
     "1c76476f4def4bb94541d57ebba1193381ffa7aa76ada664dd31c16024c43f59"
     "3034dd2920f673e204fee2811c678745fc819b55d3e9d294e45c9b03a76aef41"
     "209dd15ebff5d46c4bd888e51a93cf99a7329636c63514396b4a452003a35bf7"
     "04bf11ca01483bfa8b34b43561848d28905960114c8ac04049af4b6315a41678"
     "2bb8324af6cfc93537a2ad1a445cfd0ca2a71acd7ac41fadbf933c2a51be344d"
     "120a2a4cf30c1bf9845f20c6fe39e07ea2cce61f0c9bb048165fe5e4de877550"
     "111e129f1cf1097710d41c4ac70fcdfa5ba2023c6ff1cbeac322de49d1b6df7c"
     "103188585e2364128fe25c70558f1560f4f9350baf3959e603cc91486e110936"
     "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
     "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
     "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
     "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa",
     false},
    {"jeff2",
     "2eca0c7238bf16e83e7a1e6c5d49540685ff51380f309842a98561558019fc02"
     "03d3260361bb8451de5ff5ecd17f010ff22f5c31cdf184e9020b06fa5997db84"
     "1213d2149b006137fcfb23036606f848d638d576a120ca981b5b1a5f9300b3ee"
     "2276cf730cf493cd95d64677bbb75fc42db72513a4c1e387b476d056f80aa75f"
     "21ee6226d31426322afcda621464d0611d226783262e21bb3bc86b537e986237"
     "096df1f82dff337dd5972e32a8ad43e28a78a96a823ef1cd4debe12b6552ea5f"
     "06967a1237ebfeca9aaae0d6d0bab8e28c198c5a339ef8a2407e31cdac516db9"
     "22160fa257a5fd5b280642ff47b65eca77e626cb685c84fa6d3b6882a283ddd1"
     "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
     "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
     "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
     "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa",
     true},
    {"one_point",
     "0000000000000000000000000000000000000000000000000000000000000001"
     "0000000000000000000000000000000000000000000000000000000000000002"
     "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
     "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
     "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
     "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa",
     false},
    {"two_point_match_2",
     "0000000000000000000000000000000000000000000000000000000000000001"
     "0000000000000000000000000000000000000000000000000000000000000002"
     "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
     "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
     "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
     "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa"
     "0000000000000000000000000000000000000000000000000000000000000001"
     "0000000000000000000000000000000000000000000000000000000000000002"
     "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
     "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
     "275dc4a288d1afb3cbb1ac09187524c7db36395df7be3b99e673b13a075a65ec"
     "1d9befcd05a5323e6da4d435f3b617cdb3af83285c2df711ef39c01571827f9d",
     true},
    {"two_point_match_3",
     "0000000000000000000000000000000000000000000000000000000000000001"
     "0000000000000000000000000000000000000000000000000000000000000002"
     "203e205db4f19b37b60121b83a7333706db86431c6d835849957ed8c3928ad79"
     "27dc7234fd11d3e8c36c59277c3e6f149d5cd3cfa9a62aee49f8130962b4b3b9"
     "195e8aa5b7827463722b8c153931579d3505566b4edf48d498e185f0509de152"
     "04bb53b8977e5f92a0bc372742c4830944a59b4fe6b1c0466e2a6dad122b5d2e"
     "030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd3"
     "1a76dae6d3272396d0cbe61fced2bc532edac647851e3ac53ce1cc9c7e645a83"
     "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
     "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
     "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
     "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa",
     true},
    {"two_point_match_4",
     "105456a333e6d636854f987ea7bb713dfd0ae8371a72aea313ae0c32c0bf1016"
     "0cf031d41b41557f3e7e3ba0c51bebe5da8e6ecd855ec50fc87efcdeac168bcc"
     "0476be093a6d2b4bbf907172049874af11e1b6267606e00804d3ff0037ec57fd"
     "3010c68cb50161b7d1d96bb71edfec9880171954e56871abf3d93cc94d745fa1"
     "14c059d74e5b6c4ec14ae5864ebe23a71781d86c29fb8fb6cce94f70d3de7a21"
     "01b33461f39d9e887dbb100f170a2345dde3c07e256d1dfa2b657ba5cd030427"
     "0000000000000000000000000000000000000000000000000000000000000001"
     "0000000000000000000000000000000000000000000000000000000000000002"
     "1a2c3013d2ea92e13c800cde68ef56a294b883f6ac35d25f587c09b1b3c635f7"
     "290158a80cd3d66530f74dc94c94adb88f5cdb481acca997b6e60071f08a115f"
     "2f997f3dbd66a7afe07fe7862ce239edba9e05c5afff7f8a1259c9733b2dfbb9"
     "29d1691530ca701b4a106054688728c9972c8512e9789e9567aae23e302ccd75",
     true},
};

TEST_F(CurveTest, Eip197PrecompileMatchesGoEthereumVectors) {
  for (const auto &V : Eip197Vectors) {
    auto In = fromHex(V.Input);
    ASSERT_EQ(In.size() % 192, 0u) << V.Name;
    bool Result = !V.Expected;
    ASSERT_TRUE(eip197PairingCheck(In.data(), In.size(), Result)) << V.Name;
    EXPECT_EQ(Result, V.Expected) << V.Name;
  }
  bool Empty = false;
  ASSERT_TRUE(eip197PairingCheck(nullptr, 0, Empty));
  EXPECT_TRUE(Empty);
}

TEST_F(CurveTest, Eip197PrecompileRejectsMalformedInput) {
  auto In = fromHex(Eip197Vectors[0].Input);
  bool Result = false;
  EXPECT_FALSE(eip197PairingCheck(In.data(), In.size() - 1, Result));
  auto BadG1 = In;
  BadG1[63] ^= 1; // G1 y no longer on the curve
  EXPECT_FALSE(eip197PairingCheck(BadG1.data(), BadG1.size(), Result));
  auto BadG2 = In;
  BadG2[64 + 127] ^= 1; // G2 y.c0 no longer on the twist
  EXPECT_FALSE(eip197PairingCheck(BadG2.data(), BadG2.size(), Result));
}

} // namespace
