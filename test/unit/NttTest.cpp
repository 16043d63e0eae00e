//===- NttTest.cpp - Radix-2 NTT over BN254's Fr --------------------------===//
//
// The roots are pinned against an independent GMP computation of
// 5^((r-1)/2^28) mod r (ffjavascript's choice, which .zkey H points depend
// on); transforms are checked against naive O(n^2) polynomial evaluation and
// against each other across thread counts. Set ZKEVMC_SEED to vary the
// random inputs.
//
//===----------------------------------------------------------------------===//

#include "runtime/ntt/Ntt.h"

#include "gtest/gtest.h"

#include <gmp.h>

#include <cstdlib>
#include <random>
#include <vector>

using namespace zkevmc;
using bn254::Fr;

namespace {

uint64_t testSeed() {
  const char *S = std::getenv("ZKEVMC_SEED");
  return S ? std::strtoull(S, nullptr, 0) : 0x5eed254ull;
}

std::vector<Fr> randomVector(size_t N, std::mt19937_64 &Rng) {
  std::vector<Fr> V(N);
  for (auto &X : V)
    X = Fr::random(Rng);
  return V;
}

/// sum_j A[j] * X^j by Horner.
Fr evaluate(const std::vector<Fr> &A, const Fr &X) {
  Fr Acc;
  for (size_t J = A.size(); J-- > 0;)
    Acc = Acc * X + A[J];
  return Acc;
}

Fr powU64(const Fr &X, uint64_t E) { return X.pow(bn254::Limbs{E, 0, 0, 0}); }

TEST(NttRoots, MaxRootMatchesGmpPowerOfFive) {
  mpz_t R, T, W;
  mpz_init_set_str(
      R,
      "21888242871839275222246405745257275088548364400416034343698204186575808"
      "495617",
      10);
  mpz_init(T);
  mpz_init(W);
  mpz_sub_ui(T, R, 1);
  mpz_fdiv_q_2exp(T, T, 28);
  mpz_set_ui(W, 5);
  mpz_powm(W, W, T, R);
  char *Dec = mpz_get_str(nullptr, 10, W);
  EXPECT_EQ(ntt::rootOfUnity(28).toDecimal(), Dec);
  // Python's pow(5, (r-1) >> 28, r), derived separately when this test was
  // written, so a broken GMP call cannot silently agree with the code.
  EXPECT_EQ(ntt::rootOfUnity(28).toDecimal(),
            "191032190679217139442913928276920700361456519573292863153056420048"
            "21462161904");
  free(Dec);
  mpz_clear(R);
  mpz_clear(T);
  mpz_clear(W);
}

TEST(NttRoots, EachRootHasExactOrder) {
  for (unsigned K = 0; K <= ntt::kMaxLogSize; ++K) {
    Fr W = ntt::rootOfUnity(K);
    for (unsigned I = 0; I + 1 < K; ++I)
      W = W.square();
    // W is now w_k^(2^(k-1)), which must be -1 for k >= 1.
    if (K == 0) {
      EXPECT_TRUE(W.isOne());
      continue;
    }
    EXPECT_EQ(W, -Fr::one()) << "k = " << K;
    EXPECT_TRUE(W.square().isOne());
  }
}

TEST(NttRoots, SmallerRootsAreSquaresOfLarger) {
  for (unsigned K = 1; K <= ntt::kMaxLogSize; ++K)
    EXPECT_EQ(ntt::rootOfUnity(K).square(), ntt::rootOfUnity(K - 1));
  ntt::Domain D(10);
  EXPECT_EQ(D.size(), 1024u);
  EXPECT_EQ(D.logSize(), 10u);
  EXPECT_EQ(D.root(), ntt::rootOfUnity(10));
}

TEST(Ntt, ForwardMatchesNaiveEvaluation) {
  std::mt19937_64 Rng(testSeed());
  for (unsigned LogN = 0; LogN <= 8; ++LogN) {
    ntt::Domain D(LogN);
    for (unsigned Threads : {1u, 2u}) {
      auto A = randomVector(D.size(), Rng);
      auto V = A;
      D.forward(V.data(), Threads);
      for (size_t I = 0; I < D.size(); ++I)
        ASSERT_EQ(V[I], evaluate(A, powU64(D.root(), I)))
            << "log n = " << LogN << ", i = " << I;
    }
  }
}

TEST(Ntt, InverseRecoversCoefficients) {
  std::mt19937_64 Rng(testSeed() + 1);
  for (unsigned LogN = 0; LogN <= 8; ++LogN) {
    ntt::Domain D(LogN);
    auto A = randomVector(D.size(), Rng);
    std::vector<Fr> Evals(D.size());
    for (size_t I = 0; I < D.size(); ++I)
      Evals[I] = evaluate(A, powU64(D.root(), I));
    D.inverse(Evals.data(), 1);
    EXPECT_EQ(Evals, A) << "log n = " << LogN;
  }
}

TEST(Ntt, CosetForwardMatchesNaiveEvaluation) {
  std::mt19937_64 Rng(testSeed() + 2);
  // snarkjs's coset shift is nqr^2 = 25; any non-root shift must work.
  for (Fr Shift : {Fr::fromU64(25), Fr::random(Rng)}) {
    for (unsigned LogN : {0u, 1u, 3u, 7u}) {
      ntt::Domain D(LogN);
      auto A = randomVector(D.size(), Rng);
      auto V = A;
      D.cosetForward(V.data(), Shift, 2);
      for (size_t I = 0; I < D.size(); ++I)
        ASSERT_EQ(V[I], evaluate(A, Shift * powU64(D.root(), I)))
            << "log n = " << LogN << ", i = " << I;
      D.cosetInverse(V.data(), Shift, 1);
      EXPECT_EQ(V, A);
    }
  }
}

TEST(Ntt, RoundTripAndThreadAgreementAtLargeSizes) {
  std::mt19937_64 Rng(testSeed() + 3);
  // Sizes past the parallel split threshold, so the threaded paths run.
  for (unsigned LogN : {12u, 16u, 17u}) {
    ntt::Domain D(LogN);
    auto A = randomVector(D.size(), Rng);
    auto V1 = A, V2 = A;
    D.forward(V1.data(), 1);
    D.forward(V2.data(), 2);
    ASSERT_EQ(V1, V2) << "log n = " << LogN;
    // Spot-check a few evaluations against Horner.
    for (size_t I : {size_t(0), size_t(1), D.size() / 2 + 3, D.size() - 1})
      EXPECT_EQ(V1[I], evaluate(A, powU64(D.root(), I)));
    D.inverse(V2.data(), 2);
    EXPECT_EQ(V2, A);
    Fr Shift = Fr::fromU64(25);
    auto C1 = A, C2 = A;
    D.cosetForward(C1.data(), Shift, 1);
    D.cosetForward(C2.data(), Shift, 2);
    ASSERT_EQ(C1, C2);
    EXPECT_EQ(C1[5], evaluate(A, Shift * powU64(D.root(), 5)));
    D.cosetInverse(C2.data(), Shift, 2);
    EXPECT_EQ(C2, A);
  }
}

TEST(Ntt, PortableMultiplicationPathAgrees) {
  std::mt19937_64 Rng(testSeed() + 4);
  for (unsigned LogN : {1u, 5u, 13u, 15u}) {
    ntt::Domain D(LogN);
    auto A = randomVector(D.size(), Rng);
    Fr Shift = Fr::random(Rng);
    auto Fast = A, Portable = A;
    D.cosetForward(Fast.data(), Shift, 2);
    ntt::detail::cosetForwardWith(D, Portable.data(), Shift, 2, false);
    ASSERT_EQ(Fast, Portable) << "log n = " << LogN;
    EXPECT_EQ(Portable[1], evaluate(A, Shift * D.root()));
    ntt::detail::cosetInverseWith(D, Portable.data(), Shift, 1, false);
    EXPECT_EQ(Portable, A);
  }
}

TEST(Ntt, AnyThreadCountGivesTheSameTransform) {
  std::mt19937_64 Rng(testSeed() + 5);
  ntt::Domain D(14);
  auto A = randomVector(D.size(), Rng);
  auto Want = A;
  D.forward(Want.data(), 1);
  for (unsigned T : {0u, 3u, 7u, 1000u}) {
    auto V = A;
    D.forward(V.data(), T);
    EXPECT_EQ(V, Want) << T << " threads";
    D.cosetInverse(V.data(), Fr::one(), T);
    EXPECT_EQ(V, A) << T << " threads";
  }
}

TEST(Ntt, SizeOneIsIdentity) {
  ntt::Domain D(0);
  Fr X = Fr::fromU64(7), Y = X;
  D.forward(&Y);
  EXPECT_EQ(Y, X);
  D.inverse(&Y);
  EXPECT_EQ(Y, X);
  D.cosetForward(&Y, Fr::fromU64(25));
  EXPECT_EQ(Y, X);
}

} // namespace
