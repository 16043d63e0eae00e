//===- SnarkjsJsonTest.cpp - snarkjs proof/public/vkey JSON and calldata --===//
//
// Round trips through the writers and readers, the exact text layout
// (snarkjs's point and Fq12 encodings), every class of malformed input
// with the error it must produce, random corruptions that must fail
// cleanly, and the Solidity calldata and contract text. Agreement with
// files snarkjs itself writes is checked by the solidity-verifier interop
// test.
//
//===----------------------------------------------------------------------===//

#include "runtime/groth16/SnarkjsJson.h"
#include "runtime/bn254/Pairing.h"
#include "runtime/groth16/SolidityVerifier.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include "gtest/gtest.h"

#include <gmp.h>
#include <nlohmann/json.hpp>

#include <random>
#include <string>

using namespace zkevmc::bn254;
using namespace zkevmc::groth16;
using Json = nlohmann::ordered_json;

namespace {

const char *QDec = "21888242871839275222246405745257275088696311157297823662689"
                   "037894645226208583";
const char *RDec = "21888242871839275222246405745257275088548364400416034343698"
                   "204186575808495617";

class SnarkjsJsonTest : public ::testing::Test {
protected:
  std::mt19937_64 Rng{0x6a50ull};

  Fr randomFr() { return Fr::random(Rng); }
  G1Affine randomG1() { return G1(g1Generator()).mul(randomFr()).toAffine(); }
  G2Affine randomG2() { return G2(g2Generator()).mul(randomFr()).toAffine(); }
  Proof randomProof() { return Proof{randomG1(), randomG2(), randomG1()}; }
  VerificationKey randomKey(uint32_t NPublic) {
    VerificationKey VK;
    VK.NPublic = NPublic;
    VK.Alpha1 = randomG1();
    VK.Beta2 = randomG2();
    VK.Gamma2 = randomG2();
    VK.Delta2 = randomG2();
    for (uint32_t I = 0; I <= NPublic; ++I)
      VK.IC.push_back(randomG1());
    return VK;
  }

  /// The message of a parse failure, or "" if it parsed.
  template <typename T> std::string errorOf(llvm::Expected<T> R) {
    if (R)
      return "";
    return llvm::toString(R.takeError());
  }
  std::string proofError(const Json &J) {
    return errorOf(parseProofJson(J.dump(), "proof.json"));
  }
  std::string keyError(const Json &J) {
    return errorOf(parseVerificationKeyJson(J.dump(), "vk.json"));
  }
  static std::string message(llvm::Error E) {
    return E ? llvm::toString(std::move(E)) : "";
  }
  std::string publicError(const Json &J) {
    return errorOf(parsePublicJson(J.dump(), "public.json"));
  }

  Json proofJson() { return Json::parse(formatProofJson(randomProof())); }
  Json keyJson(uint32_t NPublic) {
    return Json::parse(formatVerificationKeyJson(randomKey(NPublic)));
  }

  std::string tempPath(const char *Name) {
    llvm::SmallString<128> Dir;
    EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("snarkjs-json", Dir));
    Dirs.push_back(std::string(Dir));
    llvm::sys::path::append(Dir, Name);
    return std::string(Dir);
  }
  void TearDown() override {
    for (const std::string &D : Dirs)
      llvm::sys::fs::remove_directories(D);
  }
  std::vector<std::string> Dirs;
};

bool samePoints(const Proof &A, const Proof &B) {
  return A.A == B.A && A.B == B.B && A.C == B.C;
}

bool sameKeys(const VerificationKey &A, const VerificationKey &B) {
  return A.NPublic == B.NPublic && A.Alpha1 == B.Alpha1 && A.Beta2 == B.Beta2 &&
         A.Gamma2 == B.Gamma2 && A.Delta2 == B.Delta2 && A.IC == B.IC;
}

/// sqrt in Fq2 through the norm: for a = a0 + a1 u with n = a0^2 + a1^2 =
/// s^2, x0^2 = (a0 + s) / 2 (or with -s) and x1 = a1 / (2 x0).
std::optional<Fq2> fq2Sqrt(const Fq2 &A) {
  std::optional<Fq> S = (A.C0.square() + A.C1.square()).sqrt();
  if (!S)
    return std::nullopt;
  Fq Half = Fq::fromU64(2).inverse();
  for (Fq Sign : {*S, -*S}) {
    std::optional<Fq> X0 = ((A.C0 + Sign) * Half).sqrt();
    if (!X0 || X0->isZero())
      continue;
    Fq2 X(*X0, A.C1 * (X0->dbl()).inverse());
    if (X.square() == A)
      return X;
  }
  return std::nullopt;
}

TEST_F(SnarkjsJsonTest, ProofRoundTripsThroughTextAndFile) {
  for (int I = 0; I < 5; ++I) {
    Proof P = randomProof();
    llvm::Expected<Proof> Back = parseProofJson(formatProofJson(P), "p");
    ASSERT_TRUE(!!Back) << llvm::toString(Back.takeError());
    EXPECT_TRUE(samePoints(P, *Back));
  }
  Proof P = randomProof();
  std::string Path = tempPath("proof.json");
  ASSERT_EQ(message(writeProofJson(P, Path)), "");
  llvm::Expected<Proof> Back = readProofJson(Path);
  ASSERT_TRUE(!!Back) << llvm::toString(Back.takeError());
  EXPECT_TRUE(samePoints(P, *Back));
}

TEST_F(SnarkjsJsonTest, PublicRoundTripsIncludingZeroAndRMinusOne) {
  std::vector<Fr> V = {Fr::zero(), Fr::one(), -Fr::one(), randomFr()};
  std::string Path = tempPath("public.json");
  ASSERT_EQ(message(writePublicJson(V, Path)), "");
  llvm::Expected<std::vector<Fr>> Back = readPublicJson(Path);
  ASSERT_TRUE(!!Back) << llvm::toString(Back.takeError());
  EXPECT_EQ(*Back, V);
  llvm::Expected<std::vector<Fr>> Empty =
      parsePublicJson(formatPublicJson({}), "public.json");
  ASSERT_TRUE(!!Empty);
  EXPECT_TRUE(Empty->empty());
}

TEST_F(SnarkjsJsonTest, VerificationKeyRoundTripsForSeveralSizes) {
  for (uint32_t N : {0u, 1u, 4u}) {
    VerificationKey VK = randomKey(N);
    std::string Path = tempPath("verification_key.json");
    ASSERT_EQ(message(writeVerificationKeyJson(VK, Path)), "");
    llvm::Expected<VerificationKey> Back = readVerificationKeyJson(Path);
    ASSERT_TRUE(!!Back) << llvm::toString(Back.takeError());
    EXPECT_TRUE(sameKeys(VK, *Back));
  }
}

TEST_F(SnarkjsJsonTest, TextLayoutIsSnarkjsLayout) {
  // One-space indentation and no final newline, as the snarkjs CLI writes.
  std::string Text = formatPublicJson({Fr::fromU64(108), Fr::fromU64(3)});
  EXPECT_EQ(Text, "[\n \"108\",\n \"3\"\n]");
  Proof P = randomProof();
  Json J = Json::parse(formatProofJson(P));
  std::vector<std::string> Keys;
  for (auto &[K, V] : J.items())
    Keys.push_back(K);
  EXPECT_EQ(Keys, (std::vector<std::string>{"pi_a", "pi_b", "pi_c", "protocol",
                                            "curve"}));
  EXPECT_EQ(J["pi_a"][0], P.A.X.toDecimal());
  EXPECT_EQ(J["pi_a"][1], P.A.Y.toDecimal());
  EXPECT_EQ(J["pi_a"][2], "1");
  // Fq2 as [c0, c1]: real part first (unlike the precompiles).
  EXPECT_EQ(J["pi_b"][0][0], P.B.X.C0.toDecimal());
  EXPECT_EQ(J["pi_b"][0][1], P.B.X.C1.toDecimal());
  EXPECT_EQ(J["pi_b"][1][1], P.B.Y.C1.toDecimal());
  EXPECT_EQ(J["pi_b"][2], Json::array({"1", "0"}));
  EXPECT_EQ(J["protocol"], "groth16");
  EXPECT_EQ(J["curve"], "bn128");

  Json K = keyJson(2);
  Keys.clear();
  for (auto &[Key, V] : K.items())
    Keys.push_back(Key);
  EXPECT_EQ(Keys, (std::vector<std::string>{
                      "protocol", "curve", "nPublic", "vk_alpha_1", "vk_beta_2",
                      "vk_gamma_2", "vk_delta_2", "vk_alphabeta_12", "IC"}));
  EXPECT_EQ(K["nPublic"], 2);
  EXPECT_EQ(K["IC"].size(), 3u);
}

TEST_F(SnarkjsJsonTest, InfinityUsesSnarkjsEncodingBothWays) {
  Proof P{G1Affine::infinity(), G2Affine::infinity(), randomG1()};
  Json J = Json::parse(formatProofJson(P));
  EXPECT_EQ(J["pi_a"], Json::array({"0", "1", "0"}));
  EXPECT_EQ(J["pi_b"],
            Json::array({Json::array({"0", "0"}), Json::array({"1", "0"}),
                         Json::array({"0", "0"})}));
  llvm::Expected<Proof> Back = parseProofJson(J.dump(), "p");
  ASSERT_TRUE(!!Back) << llvm::toString(Back.takeError());
  EXPECT_TRUE(Back->A.Infinity);
  EXPECT_TRUE(Back->B.Infinity);
  // The all-zero form is accepted too; other z = 0 triples are not.
  J["pi_a"] = Json::array({"0", "0", "0"});
  EXPECT_EQ(proofError(J), "");
  J["pi_a"] = Json::array({"5", "1", "0"});
  EXPECT_EQ(proofError(J), "proof.json: pi_a: a point at infinity (z = 0) "
                           "must have x = 0 and y = 0 or 1");
}

TEST_F(SnarkjsJsonTest, AlphaBetaIsSnarkjsPowerOfThePairing) {
  // snarkjs's final exponentiation yields e^k, k = 2z(6z^2 + 3z + 1).
  mpz_t K;
  mpz_init_set_str(K, "4965661367192848881", 10);
  mpz_t Z2;
  mpz_init(Z2);
  mpz_mul(Z2, K, K);
  mpz_mul_ui(Z2, Z2, 6);
  mpz_t T;
  mpz_init(T);
  mpz_mul_ui(T, K, 3);
  mpz_add(Z2, Z2, T);
  mpz_add_ui(Z2, Z2, 1);
  mpz_mul(K, K, Z2);
  mpz_mul_ui(K, K, 2);
  uint64_t KLimbs[4] = {0, 0, 0, 0};
  size_t Count = 0;
  ASSERT_LE(mpz_sizeinbase(K, 2), 256u);
  mpz_export(KLimbs, &Count, -1, sizeof(uint64_t), 0, 0, K);
  mpz_clears(K, Z2, T, nullptr);

  VerificationKey VK = randomKey(1);
  Json J = Json::parse(formatVerificationKeyJson(VK));
  Fq12 Want = pairing(VK.Alpha1, VK.Beta2).pow(KLimbs, 4);
  const Json &AB = J["vk_alphabeta_12"];
  ASSERT_EQ(AB.size(), 2u);
  const Fq6 *Halves[2] = {&Want.C0, &Want.C1};
  for (int I = 0; I < 2; ++I) {
    const Fq2 *Cs[3] = {&Halves[I]->C0, &Halves[I]->C1, &Halves[I]->C2};
    ASSERT_EQ(AB[I].size(), 3u);
    for (int J2 = 0; J2 < 3; ++J2) {
      EXPECT_EQ(AB[I][J2][0], Cs[J2]->C0.toDecimal());
      EXPECT_EQ(AB[I][J2][1], Cs[J2]->C1.toDecimal());
    }
  }
  // Bilinear: doubling alpha squares the stored value.
  VerificationKey VK2 = VK;
  VK2.Alpha1 = G1(VK.Alpha1).dbl().toAffine();
  Json J2 = Json::parse(formatVerificationKeyJson(VK2));
  Fq12 Sq = Want.square();
  EXPECT_EQ(J2["vk_alphabeta_12"][1][2][1], Sq.C1.C2.C1.toDecimal());
  EXPECT_EQ(J2["vk_alphabeta_12"][0][0][0], Sq.C0.C0.C0.toDecimal());
}

TEST_F(SnarkjsJsonTest, MalformedJsonIsRejected) {
  EXPECT_EQ(errorOf(parseProofJson("{\"pi_a\": [", "proof.json")),
            "proof.json: not valid JSON");
  EXPECT_EQ(errorOf(parsePublicJson("", "public.json")),
            "public.json: not valid JSON");
  EXPECT_EQ(errorOf(parseVerificationKeyJson("[1, 2]", "vk.json")),
            "vk.json: expected an object");
  EXPECT_EQ(publicError(Json::object()),
            "public.json: expected an array of decimal strings");
  EXPECT_EQ(proofError(Json::array()),
            "proof.json: expected an object with pi_a, pi_b and pi_c");
}

TEST_F(SnarkjsJsonTest, MissingKeysAreNamed) {
  for (const char *Key : {"pi_a", "pi_b", "pi_c"}) {
    Json J = proofJson();
    J.erase(Key);
    EXPECT_EQ(proofError(J),
              std::string("proof.json: missing key '") + Key + "'");
  }
  for (const char *Key : {"nPublic", "vk_alpha_1", "vk_beta_2", "vk_gamma_2",
                          "vk_delta_2", "IC"}) {
    Json J = keyJson(1);
    J.erase(Key);
    EXPECT_EQ(keyError(J), std::string("vk.json: missing key '") + Key + "'");
  }
  // vk_alphabeta_12, protocol and curve are redundant and may be left out.
  Json J = keyJson(1);
  J.erase("vk_alphabeta_12");
  J.erase("protocol");
  J.erase("curve");
  EXPECT_EQ(keyError(J), "");
}

TEST_F(SnarkjsJsonTest, BadDecimalsAreRejectedWithTheirPath) {
  for (Json Bad : {Json(5), Json("0x12"), Json("-1"), Json(""), Json(" 1"),
                   Json("1e3"), Json(nullptr), Json::array()}) {
    Json J = proofJson();
    J["pi_b"][1][0] = Bad;
    EXPECT_EQ(proofError(J), "proof.json: pi_b[1][0]: not a decimal string")
        << Bad.dump();
  }
  Json P = Json::array({"1", 2});
  EXPECT_EQ(publicError(P), "public.json: [1]: not a decimal string");
  Json K = keyJson(2);
  K["IC"][2][1] = "12a";
  EXPECT_EQ(keyError(K), "vk.json: IC[2][1]: not a decimal string");
}

TEST_F(SnarkjsJsonTest, ValuesNotBelowTheModulusAreRejected) {
  Json J = proofJson();
  J["pi_a"][0] = QDec;
  EXPECT_EQ(proofError(J), "proof.json: pi_a[0]: value is not below the base "
                           "field modulus");
  J = proofJson();
  J["pi_c"][1] = std::string(90, '9'); // far above 2^256
  EXPECT_EQ(proofError(J), "proof.json: pi_c[1]: value is not below the base "
                           "field modulus");
  // r is below q: a public input in [r, q) must still fail.
  EXPECT_EQ(publicError(Json::array({"7", RDec})),
            "public.json: [1]: value is not below the scalar field modulus");
  llvm::Expected<std::vector<Fr>> Max = parsePublicJson(
      Json::array({(-Fr::one()).toDecimal()}).dump(), "public.json");
  ASSERT_TRUE(!!Max);
  EXPECT_EQ((*Max)[0], -Fr::one());
  // Leading zeros are still the same canonical value (snarkjs accepts them).
  EXPECT_EQ(publicError(Json::array({"007"})), "");
}

TEST_F(SnarkjsJsonTest, PointsOffTheCurveAreRejected) {
  Json J = proofJson();
  J["pi_a"] = Json::array({"1", "3", "1"});
  EXPECT_EQ(proofError(J), "proof.json: pi_a: point is not on the curve (G1)");
  J = proofJson();
  J["pi_b"][1][0] = Fq::fromDecimal(J["pi_b"][1][0].get<std::string>())
                        ->
                        operator+(Fq::one())
                        .toDecimal();
  EXPECT_EQ(proofError(J), "proof.json: pi_b: point is not on the curve (G2)");
  Json K = keyJson(1);
  K["IC"][1] = Json::array({"1", "3", "1"});
  EXPECT_EQ(keyError(K), "vk.json: IC[1]: point is not on the curve (G1)");
}

TEST_F(SnarkjsJsonTest, TwistPointsOutsideG2AreRejected) {
  int Found = 0;
  for (uint64_t X = 2; Found < 2 && X < 100; ++X) {
    Fq2 Xc(Fq::fromU64(X), Fq::fromU64(X + 1));
    std::optional<Fq2> Y = fq2Sqrt(Xc.square() * Xc + G2Traits::b());
    if (!Y)
      continue;
    G2Affine Q(Xc, *Y);
    ASSERT_TRUE(Q.isOnCurve());
    ASSERT_FALSE(isInG2Subgroup(Q)); // the cofactor is ~2^254
    Proof P = randomProof();
    P.B = Q;
    EXPECT_EQ(errorOf(parseProofJson(formatProofJson(P), "proof.json")),
              "proof.json: pi_b: point is not in the order-r subgroup of G2");
    VerificationKey VK = randomKey(0);
    VK.Delta2 = Q;
    EXPECT_EQ(errorOf(parseVerificationKeyJson(formatVerificationKeyJson(VK),
                                               "vk.json")),
              "vk.json: vk_delta_2: point is not in the order-r subgroup of "
              "G2");
    ++Found;
  }
  EXPECT_EQ(Found, 2);
}

TEST_F(SnarkjsJsonTest, ProjectiveZMustBeOneOrZero) {
  Json J = proofJson();
  J["pi_c"][2] = "2";
  EXPECT_EQ(proofError(J), "proof.json: pi_c[2]: projective z must be \"1\" "
                           "(affine) or \"0\" (infinity)");
  J = proofJson();
  J["pi_b"][2] = Json::array({"1", "1"});
  EXPECT_EQ(proofError(J), "proof.json: pi_b[2]: projective z must be [\"1\", "
                           "\"0\"] (affine) or [\"0\", \"0\"] (infinity)");
}

TEST_F(SnarkjsJsonTest, WrongShapesAreRejected) {
  Json J = proofJson();
  J["pi_a"].erase(2);
  EXPECT_EQ(proofError(J),
            "proof.json: pi_a: expected an array of 3 elements, found 2");
  J = proofJson();
  J["pi_b"][0] = "1";
  EXPECT_EQ(proofError(J), "proof.json: pi_b[0]: expected an array of 2 "
                           "elements");
  J = proofJson();
  J["protocol"] = "plonk";
  EXPECT_EQ(proofError(J),
            "proof.json: protocol: expected \"groth16\", found \"plonk\"");
  J = proofJson();
  J["curve"] = "bls12381";
  EXPECT_EQ(proofError(J),
            "proof.json: curve: expected \"bn128\", found \"bls12381\"");
}

TEST_F(SnarkjsJsonTest, ICLengthMustBeNPublicPlusOne) {
  Json K = keyJson(2);
  K["IC"].erase(2);
  EXPECT_EQ(keyError(K),
            "vk.json: IC: expected nPublic + 1 = 3 points, found 2");
  K = keyJson(2);
  K["nPublic"] = 3;
  EXPECT_EQ(keyError(K),
            "vk.json: IC: expected nPublic + 1 = 4 points, found 3");
  for (Json Bad : {Json(-1), Json("2"), Json(2.5), Json(4294967295ull)}) {
    K = keyJson(2);
    K["nPublic"] = Bad;
    EXPECT_EQ(keyError(K), "vk.json: nPublic: expected a non-negative "
                           "integer, found " +
                               Bad.dump());
  }
  VerificationKey VK = randomKey(2);
  VK.IC.pop_back();
  std::string Path = tempPath("vk.json");
  llvm::Error E = writeVerificationKeyJson(VK, Path);
  ASSERT_TRUE(!!E);
  EXPECT_EQ(llvm::toString(std::move(E)),
            Path + ": cannot write: IC has 2 points, nPublic + 1 = 3 expected");
}

TEST_F(SnarkjsJsonTest, EditedAlphaBetaIsRejected) {
  Json K = keyJson(1);
  K["vk_alphabeta_12"] =
      Json::parse(formatVerificationKeyJson(randomKey(1)))["vk_alphabeta_12"];
  EXPECT_EQ(keyError(K), "vk.json: vk_alphabeta_12: does not equal "
                         "e(vk_alpha_1, vk_beta_2) (as snarkjs computes it)");
  K = keyJson(1);
  K["vk_alphabeta_12"][1].erase(0);
  EXPECT_EQ(keyError(K), "vk.json: vk_alphabeta_12[1]: expected an array of 3 "
                         "elements, found 2");
}

TEST_F(SnarkjsJsonTest, FileErrorsNameTheFile) {
  std::string Missing = tempPath("absent.json");
  std::string E = errorOf(readProofJson(Missing));
  EXPECT_EQ(E.rfind(Missing + ": cannot read: ", 0), 0u) << E;
  llvm::SmallString<128> NoDir(tempPath("x"));
  llvm::sys::path::append(NoDir, "no-such-dir", "proof.json");
  llvm::Error W = writeProofJson(randomProof(), NoDir);
  ASSERT_TRUE(!!W);
  std::string WE = llvm::toString(std::move(W));
  EXPECT_EQ(WE.rfind(std::string(NoDir) + ": cannot write: ", 0), 0u) << WE;
}

TEST_F(SnarkjsJsonTest, RandomCorruptionsFailCleanly) {
  // Every single-byte change of valid files either still parses to valid
  // data or gives an error naming the file; none may crash.
  std::string Texts[3] = {formatProofJson(randomProof()),
                          formatVerificationKeyJson(randomKey(1)),
                          formatPublicJson({randomFr(), randomFr()})};
  const char Alphabet[] = "0123456789[]{}\",: \nx-";
  int Errors = 0;
  for (int I = 0; I < 600; ++I) {
    std::string T = Texts[I % 3];
    size_t Pos = Rng() % T.size();
    if (Rng() % 4 == 0)
      T.erase(Pos, 1 + Rng() % 8);
    else
      T[Pos] = Alphabet[Rng() % (sizeof(Alphabet) - 1)];
    std::string E;
    if (I % 3 == 0)
      E = errorOf(parseProofJson(T, "f.json"));
    else if (I % 3 == 1)
      E = errorOf(parseVerificationKeyJson(T, "f.json"));
    else
      E = errorOf(parsePublicJson(T, "f.json"));
    if (!E.empty()) {
      ++Errors;
      EXPECT_EQ(E.rfind("f.json: ", 0), 0u) << E;
    }
  }
  EXPECT_GT(Errors, 300); // most corruptions are detectable
}

TEST_F(SnarkjsJsonTest, CalldataHasSnarkjsOrderAndSpacing) {
  Proof P = randomProof();
  P.A = g1Generator(); // (1, 2)
  std::string S = formatSolidityCalldata(P, {Fr::fromU64(108), Fr::fromU64(3)});
  auto W = [](uint64_t V) {
    std::string H = "\"0x" + std::string(63, '0');
    H.push_back("0123456789abcdef"[V]);
    return H + "\"";
  };
  EXPECT_EQ(S.rfind("[" + W(1) + ", " + W(2) + "],[[", 0), 0u) << S;
  std::string Tail = "],[\"0x" + std::string(62, '0') + "6c\"," + W(3) + "]";
  EXPECT_EQ(S.substr(S.size() - Tail.size()), Tail);
  // B: imaginary part first, as the pairing precompile takes it.
  Json J = Json::parse("[" + S + "]");
  auto Dec = [](const Json &H) {
    Limbs L{0, 0, 0, 0};
    std::string Hex = H.get<std::string>().substr(2);
    for (char C : Hex) {
      uint64_t Carry = (uint64_t)std::stoi(std::string(1, C), nullptr, 16);
      for (uint64_t &Limb : L) {
        unsigned __int128 T = ((unsigned __int128)Limb << 4) | Carry;
        Limb = (uint64_t)T;
        Carry = (uint64_t)(T >> 64);
      }
    }
    return *Fq::fromLimbs(L);
  };
  EXPECT_EQ(Dec(J[1][0][0]), P.B.X.C1);
  EXPECT_EQ(Dec(J[1][0][1]), P.B.X.C0);
  EXPECT_EQ(Dec(J[1][1][0]), P.B.Y.C1);
  EXPECT_EQ(Dec(J[1][1][1]), P.B.Y.C0);
  EXPECT_EQ(Dec(J[2][0]), P.C.X);
  EXPECT_EQ(Dec(J[2][1]), P.C.Y);
}

TEST_F(SnarkjsJsonTest, ContractSignatureFollowsNPublic) {
  std::string Two = generateSolidityVerifier(randomKey(2));
  EXPECT_NE(Two.find("uint256[2] calldata input"), std::string::npos);
  EXPECT_NE(Two.find("contract Groth16Verifier"), std::string::npos);
  // No zero-length arrays in Solidity: the parameter goes away.
  std::string None = generateSolidityVerifier(randomKey(0));
  EXPECT_EQ(None.find("calldata input"), std::string::npos);
  EXPECT_NE(None.find("uint256[2] calldata c\n    ) external view"),
            std::string::npos);
  // IC: (nPublic + 1) * 2 words of 64 hex digits.
  size_t At = Two.find("hex\"") + 4;
  EXPECT_EQ(Two.find('"', At) - At, 3u * 2 * 64);
}

} // namespace
