//===- Groth16Test.cpp - Setup, prover and verifier on in-memory circuits -===//

#include "runtime/formats/ZkeyFile.h"
#include "runtime/groth16/Prover.h"
#include "runtime/groth16/Randomness.h"
#include "runtime/groth16/Setup.h"
#include "runtime/groth16/Verifier.h"
#include "runtime/hash/Blake2b.h"
#include "runtime/ntt/Ntt.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <gtest/gtest.h>

#include <random>

using namespace zkevmc;
using namespace zkevmc::bn254;
using namespace zkevmc::groth16;
using formats::Zkey;
using formats::ZkeyContents;
using hash::Blake2b;

namespace {

Fr fr(int64_t V) {
  return V >= 0 ? Fr::fromU64(uint64_t(V)) : -Fr::fromU64(uint64_t(-V));
}

r1cs::Term term(uint32_t Wire, int64_t Coeff) { return {Wire, fr(Coeff)}; }

/// Wires: 0 = 1, 1 = y (public output), 2 = x (public input), 3 = a,
/// 4 = b (private inputs), 5 = t, 6 = u.
///   a * b = t;  (t + 3x) * (a - 1) = u;  u * 2 = y - 5.
r1cs::R1cs smallCircuit() {
  r1cs::R1cs R;
  R.NWires = 7;
  R.NPubOut = 1;
  R.NPubIn = 1;
  R.NPrvIn = 2;
  R.NLabels = 7;
  R.Constraints.push_back({{term(3, 1)}, {term(4, 1)}, {term(5, 1)}});
  R.Constraints.push_back(
      {{term(2, 3), term(5, 1)}, {term(0, -1), term(3, 1)}, {term(6, 1)}});
  R.Constraints.push_back(
      {{term(6, 1)}, {term(0, 2)}, {term(0, -5), term(1, 1)}});
  for (uint32_t W = 0; W < R.NWires; ++W)
    R.WireToLabel.push_back(W);
  return R;
}

r1cs::Witness smallWitness(int64_t X, int64_t A, int64_t B) {
  int64_t T = A * B, U = (T + 3 * X) * (A - 1), Y = 2 * U + 5;
  return {fr(1), fr(Y), fr(X), fr(A), fr(B), fr(T), fr(U)};
}

/// A chain x[i+1] = x[i]^2 + i + b of N constraints with public b, big
/// enough that the domain spans several NTT stages.
r1cs::R1cs chainCircuit(uint32_t N) {
  r1cs::R1cs R;
  // Wires: 0 = 1, 1 = out x[N], 2 = b (public), 3 = x[0], 4.. = x[1..N-1].
  R.NWires = N + 3;
  R.NPubOut = 1;
  R.NPubIn = 1;
  R.NPrvIn = 1;
  R.NLabels = R.NWires;
  auto Wire = [&](uint32_t I) { return I == N ? 1u : 3u + I; };
  for (uint32_t I = 0; I < N; ++I) {
    r1cs::LinearCombination C = {term(Wire(I + 1), 1)};
    r1cs::LinearCombination Rhs;
    if (I)
      Rhs.push_back(term(0, -int64_t(I)));
    Rhs.push_back(term(2, -1));
    // C = x[i+1] - i - b, keeping wires sorted.
    r1cs::LinearCombination Sorted;
    for (auto &T : Rhs)
      Sorted.push_back(T);
    Sorted.push_back(C[0]);
    std::sort(Sorted.begin(), Sorted.end(),
              [](const r1cs::Term &L, const r1cs::Term &Q) {
                return L.Wire < Q.Wire;
              });
    R.Constraints.push_back(
        {{term(Wire(I), 1)}, {term(Wire(I), 1)}, std::move(Sorted)});
  }
  for (uint32_t W = 0; W < R.NWires; ++W)
    R.WireToLabel.push_back(W);
  return R;
}

r1cs::Witness chainWitness(uint32_t N, const Fr &X0, const Fr &B) {
  r1cs::Witness W(N + 3);
  W[0] = Fr::one();
  W[2] = B;
  Fr X = X0;
  W[3] = X;
  for (uint32_t I = 0; I < N; ++I) {
    X = X * X + Fr::fromU64(I) + B;
    W[I + 1 == N ? 1 : 3 + I + 1] = X;
  }
  return W;
}

class Groth16Test : public ::testing::Test {
protected:
  std::mt19937_64 Rng{20251126};
  std::vector<std::string> Files;

  void TearDown() override {
    for (const std::string &F : Files)
      llvm::sys::fs::remove(F);
  }

  Fr scalar() { return Fr::random(Rng); }

  ToxicWaste waste() {
    return {scalar(), scalar(), scalar(), scalar(), scalar()};
  }

  /// Writes K to a fresh temporary .zkey and maps it.
  Zkey store(const ZkeyContents &K) {
    llvm::SmallString<128> Path;
    EXPECT_FALSE(
        llvm::sys::fs::createTemporaryFile("groth16test", "zkey", Path));
    Files.push_back(std::string(Path));
    llvm::Error E = formats::writeZkey(K, Path);
    EXPECT_FALSE(bool(E)) << llvm::toString(std::move(E));
    llvm::Expected<Zkey> Z = Zkey::open(Path);
    if (!Z) {
      ADD_FAILURE() << llvm::toString(Z.takeError());
      std::abort();
    }
    return std::move(*Z);
  }

  Zkey devKey(const r1cs::R1cs &R) {
    llvm::Expected<ZkeyContents> K = setupDevelopment(R);
    if (!K) {
      ADD_FAILURE() << llvm::toString(K.takeError());
      std::abort();
    }
    return store(*K);
  }

  ProofWithPublic mustProve(const Zkey &Z, const r1cs::Witness &W) {
    llvm::Expected<ProofWithPublic> P = prove(Z, W);
    if (!P) {
      ADD_FAILURE() << llvm::toString(P.takeError());
      std::abort();
    }
    return *P;
  }

  bool verifies(const VerificationKey &Vk, llvm::ArrayRef<Fr> Public,
                const Proof &P) {
    llvm::Expected<bool> Ok = verifyProof(Vk, Public, P);
    if (!Ok) {
      ADD_FAILURE() << llvm::toString(Ok.takeError());
      return false;
    }
    return *Ok;
  }
};

VerificationKey vkeyOf(const Zkey &Z) {
  return verificationKeyFromZkey(Z.header(), Z.ic());
}

/// L_j(tau) by the textbook product formula (independent of the setup's
/// closed form with one batch inversion).
Fr naiveLagrange(const Fr &Tau, unsigned LogN, size_t J) {
  size_t N = size_t(1) << LogN;
  Fr W = ntt::rootOfUnity(LogN);
  std::vector<Fr> Pts(N);
  Fr P = Fr::one();
  for (size_t K = 0; K < N; ++K, P *= W)
    Pts[K] = P;
  Fr Num = Fr::one(), Den = Fr::one();
  for (size_t K = 0; K < N; ++K)
    if (K != J) {
      Num *= Tau - Pts[K];
      Den *= Pts[J] - Pts[K];
    }
  return Num * Den.inverse();
}

G1Affine g1(const Fr &K) { return G1(g1Generator()).mul(K).toAffine(); }
G2Affine g2(const Fr &K) { return G2(g2Generator()).mul(K).toAffine(); }

/// Per-wire QAP polynomials at tau, from the constraint rows directly.
struct NaiveQap {
  std::vector<Fr> A, B, C;
  Fr Z; // tau^n - 1
};

NaiveQap naiveQap(const r1cs::R1cs &R, const Fr &Tau) {
  unsigned LogN = *qapDomainLog2(R);
  NaiveQap Q;
  Q.A.assign(R.NWires, Fr::zero());
  Q.B = Q.A;
  Q.C = Q.A;
  size_t M = R.Constraints.size();
  for (size_t C = 0; C < M; ++C) {
    Fr L = naiveLagrange(Tau, LogN, C);
    for (auto &T : R.Constraints[C].A)
      Q.A[T.Wire] += T.Coeff * L;
    for (auto &T : R.Constraints[C].B)
      Q.B[T.Wire] += T.Coeff * L;
    for (auto &T : R.Constraints[C].C)
      Q.C[T.Wire] += T.Coeff * L;
  }
  for (uint32_t S = 0; S <= R.numPublic(); ++S)
    Q.A[S] += naiveLagrange(Tau, LogN, M + S);
  Fr TauN = Tau;
  for (unsigned I = 0; I < LogN; ++I)
    TauN = TauN.square();
  Q.Z = TauN - Fr::one();
  return Q;
}

} // namespace

TEST_F(Groth16Test, DomainSizeFollowsSnarkjs) {
  // snarkjs: 2^(log2(nConstraints + nPublic) + 1), log2 rounding down.
  r1cs::R1cs R = smallCircuit(); // 3 constraints + 2 public
  EXPECT_EQ(*qapDomainLog2(R), 3u);
  R.Constraints.resize(1); // 1 + 2 = 3
  EXPECT_EQ(*qapDomainLog2(R), 2u);
  R.Constraints.resize(2); // 2 + 2 = 4: a power of two still doubles
  EXPECT_EQ(*qapDomainLog2(R), 3u);
  EXPECT_EQ(*qapDomainLog2(chainCircuit(61)), 6u); // 63
  EXPECT_EQ(*qapDomainLog2(chainCircuit(62)), 7u); // 64
}

TEST_F(Groth16Test, CoefficientsListATermsThenBTermsThenPublicRows) {
  r1cs::R1cs R = smallCircuit();
  std::vector<formats::ZkeyCoefficient> Cs = qapCoefficients(R);
  ASSERT_EQ(Cs.size(), 2u + 4u + 2u + 3u);
  EXPECT_EQ(Cs[0].Matrix, 0u);
  EXPECT_EQ(Cs[0].Signal, 3u);
  EXPECT_EQ(Cs[1].Matrix, 1u);
  EXPECT_EQ(Cs[1].Signal, 4u);
  EXPECT_EQ(Cs[2].Constraint, 1u);
  EXPECT_EQ(Cs[2].Value, fr(3));
  EXPECT_EQ(Cs[5].Value, fr(1));
  EXPECT_EQ(Cs[7].Value, fr(2));
  for (uint32_t S = 0; S <= 2; ++S) {
    const formats::ZkeyCoefficient &C = Cs[8 + S];
    EXPECT_EQ(C.Matrix, 0u);
    EXPECT_EQ(C.Constraint, 3u + S);
    EXPECT_EQ(C.Signal, S);
    EXPECT_TRUE(C.Value.isOne());
  }
}

TEST_F(Groth16Test, KeyPointsMatchTextbookLagrangeEvaluation) {
  r1cs::R1cs R = smallCircuit();
  ToxicWaste T = waste();
  llvm::Expected<ZkeyContents> K = setupWithToxicWaste(R, T);
  ASSERT_TRUE(bool(K)) << llvm::toString(K.takeError());
  NaiveQap Q = naiveQap(R, T.Tau);
  unsigned LogN = *qapDomainLog2(R);
  EXPECT_EQ(K->Header.DomainSize, 1u << LogN);
  EXPECT_EQ(K->Header.NVars, 7u);
  EXPECT_EQ(K->Header.NPublic, 2u);
  EXPECT_TRUE(K->Header.Alpha1 == g1(T.Alpha));
  EXPECT_TRUE(K->Header.Beta1 == g1(T.Beta));
  EXPECT_TRUE(K->Header.Beta2 == g2(T.Beta));
  EXPECT_TRUE(K->Header.Gamma2 == g2(T.Gamma));
  EXPECT_TRUE(K->Header.Delta1 == g1(T.Delta));
  EXPECT_TRUE(K->Header.Delta2 == g2(T.Delta));
  for (uint32_t S = 0; S < R.NWires; ++S) {
    EXPECT_TRUE(K->A[S] == g1(Q.A[S])) << "A " << S;
    EXPECT_TRUE(K->B1[S] == g1(Q.B[S])) << "B1 " << S;
    EXPECT_TRUE(K->B2[S] == g2(Q.B[S])) << "B2 " << S;
    Fr Lin = T.Beta * Q.A[S] + T.Alpha * Q.B[S] + Q.C[S];
    if (S <= 2)
      EXPECT_TRUE(K->IC[S] == g1(Lin * T.Gamma.inverse())) << "IC " << S;
    else
      EXPECT_TRUE(K->C[S - 3] == g1(Lin * T.Delta.inverse())) << "C " << S;
  }
  // Wire 4 (b) appears only in B: its A point is the point at infinity.
  EXPECT_TRUE(K->A[4].Infinity);
  // H[i] = L'_{2i+1}(tau) / delta on the doubled domain.
  ASSERT_EQ(K->H.size(), size_t(1) << LogN);
  for (size_t I = 0; I < K->H.size(); ++I)
    EXPECT_TRUE(K->H[I] == g1(naiveLagrange(T.Tau, LogN + 1, 2 * I + 1) *
                              T.Delta.inverse()))
        << "H " << I;
}

TEST_F(Groth16Test, ProofWithoutBlindingMatchesTheQapAtTau) {
  // With r = s = 0: A = alpha + A(tau), B = beta + B(tau) and
  // C = (sum_priv w_i (beta a_i + alpha b_i + c_i) + A(tau)B(tau) - C(tau))
  //     / delta, which exercises the NTTs, the coset and the H points.
  r1cs::R1cs R = chainCircuit(40);
  ToxicWaste T = waste();
  llvm::Expected<ZkeyContents> K = setupWithToxicWaste(R, T);
  ASSERT_TRUE(bool(K)) << llvm::toString(K.takeError());
  Zkey Z = store(*K);
  r1cs::Witness W = chainWitness(40, scalar(), scalar());
  llvm::Expected<ProofWithPublic> P =
      proveWithBlinding(Z, W, Fr::zero(), Fr::zero());
  ASSERT_TRUE(bool(P)) << llvm::toString(P.takeError());
  NaiveQap Q = naiveQap(R, T.Tau);
  Fr At = Fr::zero(), Bt = Fr::zero(), Ct = Fr::zero(), Priv = Fr::zero();
  for (uint32_t S = 0; S < R.NWires; ++S) {
    At += W[S] * Q.A[S];
    Bt += W[S] * Q.B[S];
    Ct += W[S] * Q.C[S];
    if (S > R.numPublic())
      Priv += W[S] * (T.Beta * Q.A[S] + T.Alpha * Q.B[S] + Q.C[S]);
  }
  EXPECT_TRUE(P->P.A == g1(T.Alpha + At));
  EXPECT_TRUE(P->P.B == g2(T.Beta + Bt));
  EXPECT_TRUE(P->P.C == g1((Priv + At * Bt - Ct) * T.Delta.inverse()));
  ASSERT_EQ(P->Public.size(), 2u);
  EXPECT_EQ(P->Public[0], W[1]);
  EXPECT_EQ(P->Public[1], W[2]);
}

TEST_F(Groth16Test, ValidProofVerifies) {
  r1cs::R1cs R = smallCircuit();
  Zkey Z = devKey(R);
  r1cs::Witness W = smallWitness(7, 3, 5);
  ProofWithPublic P = mustProve(Z, W);
  ASSERT_EQ(P.Public.size(), 2u);
  EXPECT_EQ(P.Public[0], fr(149));
  EXPECT_EQ(P.Public[1], fr(7));
  EXPECT_TRUE(verifies(vkeyOf(Z), P.Public, P.P));
}

TEST_F(Groth16Test, LargerCircuitWithRandomValuesVerifies) {
  r1cs::R1cs R = chainCircuit(300); // domain 2^9
  Zkey Z = devKey(R);
  r1cs::Witness W = chainWitness(300, scalar(), scalar());
  ProofWithPublic P = mustProve(Z, W);
  EXPECT_TRUE(verifies(vkeyOf(Z), P.Public, P.P));
}

TEST_F(Groth16Test, TwoProofsOfOneWitnessDifferAndBothVerify) {
  r1cs::R1cs R = smallCircuit();
  Zkey Z = devKey(R);
  r1cs::Witness W = smallWitness(2, 9, 11);
  ProofWithPublic P1 = mustProve(Z, W), P2 = mustProve(Z, W);
  EXPECT_TRUE(P1.P.A != P2.P.A);
  EXPECT_TRUE(P1.P.B != P2.P.B);
  EXPECT_TRUE(P1.P.C != P2.P.C);
  EXPECT_TRUE(verifies(vkeyOf(Z), P1.Public, P1.P));
  EXPECT_TRUE(verifies(vkeyOf(Z), P2.Public, P2.P));
}

TEST_F(Groth16Test, TamperedProofIsRejected) {
  r1cs::R1cs R = smallCircuit();
  Zkey Z = devKey(R);
  ProofWithPublic P = mustProve(Z, smallWitness(7, 3, 5));
  VerificationKey Vk = vkeyOf(Z);
  Proof Bad = P.P;
  Bad.A = (G1(Bad.A) + g1Generator()).toAffine();
  EXPECT_FALSE(verifies(Vk, P.Public, Bad));
  Bad = P.P;
  Bad.B = (G2(Bad.B) + g2Generator()).toAffine();
  EXPECT_FALSE(verifies(Vk, P.Public, Bad));
  Bad = P.P;
  Bad.C = (-G1(Bad.C)).toAffine();
  EXPECT_FALSE(verifies(Vk, P.Public, Bad));
  // Swapping in another valid proof's C mixes two blindings.
  ProofWithPublic Other = mustProve(Z, smallWitness(7, 3, 5));
  Bad = P.P;
  Bad.C = Other.P.C;
  EXPECT_FALSE(verifies(Vk, P.Public, Bad));
}

TEST_F(Groth16Test, WrongPublicInputIsRejected) {
  r1cs::R1cs R = smallCircuit();
  Zkey Z = devKey(R);
  ProofWithPublic P = mustProve(Z, smallWitness(7, 3, 5));
  std::vector<Fr> Public = P.Public;
  Public[1] += Fr::one();
  EXPECT_FALSE(verifies(vkeyOf(Z), Public, P.P));
  Public = P.Public;
  std::swap(Public[0], Public[1]);
  EXPECT_FALSE(verifies(vkeyOf(Z), Public, P.P));
}

TEST_F(Groth16Test, ProofAgainstAnotherKeyIsRejected) {
  r1cs::R1cs R = smallCircuit();
  Zkey Z1 = devKey(R), Z2 = devKey(R);
  ProofWithPublic P = mustProve(Z1, smallWitness(7, 3, 5));
  EXPECT_TRUE(verifies(vkeyOf(Z1), P.Public, P.P));
  EXPECT_FALSE(verifies(vkeyOf(Z2), P.Public, P.P));
}

TEST_F(Groth16Test, UnsatisfyingWitnessGivesAProofThatFails) {
  r1cs::R1cs R = smallCircuit();
  Zkey Z = devKey(R);
  r1cs::Witness W = smallWitness(7, 3, 5);
  W[5] += Fr::one(); // t != a * b
  ProofWithPublic P = mustProve(Z, W);
  EXPECT_FALSE(verifies(vkeyOf(Z), P.Public, P.P));
}

TEST_F(Groth16Test, WitnessForAnotherCircuitIsAnError) {
  r1cs::R1cs R = smallCircuit();
  Zkey Z = devKey(R);
  r1cs::Witness W = smallWitness(7, 3, 5);
  W.push_back(fr(1));
  llvm::Expected<ProofWithPublic> P = prove(Z, W);
  ASSERT_FALSE(bool(P));
  std::string Msg = llvm::toString(P.takeError());
  EXPECT_NE(Msg.find("witness for another circuit: 8 values, the key "),
            std::string::npos)
      << Msg;
  W.pop_back();
  W[0] = fr(2);
  P = prove(Z, W);
  ASSERT_FALSE(bool(P));
  Msg = llvm::toString(P.takeError());
  EXPECT_NE(Msg.find("wire 0 must be 1"), std::string::npos) << Msg;
}

namespace {

/// A square root in Fq2 (q = 3 mod 4; Adj, Rodriguez-Henriquez, alg. 9).
std::optional<Fq2> fq2Sqrt(const Fq2 &A) {
  Limbs E1 = FqParams::P, E2 = FqParams::P;
  // (q - 3) / 4 and (q - 1) / 2; q is odd so the low bits just drop.
  auto ShiftRight = [](Limbs &L, unsigned By) {
    for (int I = 0; I < 4; ++I)
      L[I] = (L[I] >> By) | (I < 3 ? L[I + 1] << (64 - By) : 0);
  };
  E1[0] -= 3;
  ShiftRight(E1, 2);
  E2[0] -= 1;
  ShiftRight(E2, 1);
  Fq2 A1 = A.pow(E1.data(), 4);
  Fq2 Alpha = A1 * (A1 * A);
  Fq2 X0 = A1 * A;
  Fq2 X = Alpha == -Fq2::one() ? Fq2(Fq::zero(), Fq::one()) * X0
                               : (Fq2::one() + Alpha).pow(E2.data(), 4) * X0;
  if (X.square() != A)
    return std::nullopt;
  return X;
}

} // namespace

TEST_F(Groth16Test, MalformedVerificationInputsAreErrors) {
  r1cs::R1cs R = smallCircuit();
  Zkey Z = devKey(R);
  ProofWithPublic P = mustProve(Z, smallWitness(7, 3, 5));
  VerificationKey Vk = vkeyOf(Z);
  auto ErrorOf = [&](const VerificationKey &K, llvm::ArrayRef<Fr> Pub,
                     const Proof &Pr) {
    llvm::Expected<bool> Ok = verifyProof(K, Pub, Pr);
    if (Ok)
      return std::string("accepted as well-formed");
    return llvm::toString(Ok.takeError());
  };
  std::vector<Fr> Short(P.Public.begin(), P.Public.begin() + 1);
  EXPECT_NE(ErrorOf(Vk, Short, P.P)
                .find("1 values, the verification key "
                      "expects 2"),
            std::string::npos);
  Proof Bad = P.P;
  Bad.A.Y += Fq::one();
  EXPECT_NE(ErrorOf(Vk, P.Public, Bad).find("pi_a is not on the BN254 curve"),
            std::string::npos);
  Bad = P.P;
  Bad.B.X.C0 += Fq::one();
  EXPECT_NE(ErrorOf(Vk, P.Public, Bad).find("pi_b is not on the BN254 twist"),
            std::string::npos);
  // A twist point outside the order-r subgroup.
  std::optional<G2Affine> Outside;
  for (uint64_t X = 1; !Outside && X < 200; ++X) {
    Fq2 Xc(Fq::fromU64(X), Fq::one());
    if (auto Y = fq2Sqrt(Xc.square() * Xc + G2Traits::b()))
      Outside = G2Affine(Xc, *Y);
  }
  ASSERT_TRUE(Outside.has_value());
  Bad = P.P;
  Bad.B = *Outside;
  EXPECT_NE(ErrorOf(Vk, P.Public, Bad).find("pi_b is not in the order-r"),
            std::string::npos);
  VerificationKey BadVk = Vk;
  BadVk.Delta2 = *Outside;
  EXPECT_NE(ErrorOf(BadVk, P.Public, P.P).find("vk_delta_2 is not in"),
            std::string::npos);
  BadVk = Vk;
  BadVk.IC.pop_back();
  EXPECT_NE(ErrorOf(BadVk, P.Public, P.P).find("IC has 2 points"),
            std::string::npos);
}

TEST_F(Groth16Test, RandomFieldElementsDiffer) {
  llvm::Expected<Fr> A = randomNonZeroFr(), B = randomNonZeroFr();
  ASSERT_TRUE(bool(A) && bool(B));
  EXPECT_FALSE(A->isZero());
  EXPECT_NE(*A, *B); // a collision has probability 2^-254
}

namespace {

std::string blake2bHex(const std::vector<uint8_t> &Msg, size_t Split) {
  Blake2b H;
  // Feeding the message in two pieces exercises the block buffering.
  H.update(Msg.data(), std::min(Split, Msg.size()));
  if (Split < Msg.size())
    H.update(Msg.data() + Split, Msg.size() - Split);
  uint8_t Out[64];
  H.final(Out);
  static const char *Hex = "0123456789abcdef";
  std::string S;
  for (uint8_t B : Out) {
    S.push_back(Hex[B >> 4]);
    S.push_back(Hex[B & 15]);
  }
  return S;
}

} // namespace

TEST(Blake2bTest, MatchesReferenceDigests) {
  // Digests from Python's hashlib.blake2b (RFC 7693 BLAKE2b-512).
  std::vector<uint8_t> Empty, Abc = {'a', 'b', 'c'}, Long, A128(128, 'a'),
                              B129(129, 'b');
  for (int R = 0; R < 3; ++R)
    for (int I = 0; I < 256; ++I)
      Long.push_back(uint8_t(I));
  for (size_t Split : {size_t(0), size_t(1), size_t(127), size_t(128),
                       size_t(200), size_t(1000)}) {
    EXPECT_EQ(blake2bHex(Empty, Split),
              "786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f54"
              "19d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9b"
              "e2ce");
    EXPECT_EQ(blake2bHex(Abc, Split),
              "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2"
              "d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd400"
              "9923");
    EXPECT_EQ(blake2bHex(Long, Split),
              "323e97a7a859ee63c9013debb0ca995811e73117a2f574723416e596ebc184"
              "e37a59b66d2f597df4a7c1b0d1d41a1a7f28774f46a6864d56c57b9d6c5f73"
              "02fb");
    EXPECT_EQ(blake2bHex(A128, Split),
              "fc6c71f688f43ea7d60817478808f3cac753e61571865c95adbc2d9122c943"
              "a76b92c2cb1047ef3fe7bf6e436ec1d0a99a9e5b216780bf7fed9d7ca91d3a"
              "8f3b");
    EXPECT_EQ(blake2bHex(B129, Split),
              "a9cf50fa8f7a98caf1048e5457727dd5077c043f8e23401be838d56e86b685"
              "f5c7bf6b3c9b545b7c36e08d7242d830152fe676b6d2ec6ec7a4eb5f5b2674"
              "9784");
  }
}
