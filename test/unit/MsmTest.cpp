//===- MsmTest.cpp - Multi-scalar multiplication over BN254 G1 and G2 -----===//
//
// Every MSM is compared with the naive sum of double-and-add products
// (Jacobian::mul, itself tested in Bn254CurveTest), across sizes that cross
// the window-size and batching boundaries, both thread counts, and inputs
// that hit the special cases of batched affine addition: equal points
// (doubling), opposite points, the point at infinity, scalars 0, 1 and r-1.
// Set ZKEVMC_SEED to vary the random inputs.
//
//===----------------------------------------------------------------------===//

#include "runtime/msm/Msm.h"

#include "runtime/bn254/MulAdx.h"

#include "gtest/gtest.h"

#include <cstdlib>
#include <cstring>
#include <random>
#include <vector>

using namespace zkevmc;
using namespace zkevmc::bn254;

namespace {

uint64_t testSeed() {
  const char *S = std::getenv("ZKEVMC_SEED");
  return S ? std::strtoull(S, nullptr, 0) : 0x5eed254ull;
}

/// snarkjs .zkey encodings: Montgomery-form little-endian coordinates.
void encode(const G1Affine &P, uint8_t *Out) {
  if (P.Infinity) {
    std::memset(Out, 0, msm::kG1PointBytes);
    return;
  }
  P.X.toMontgomeryBytesLE(Out);
  P.Y.toMontgomeryBytesLE(Out + 32);
}
void encode(const G2Affine &P, uint8_t *Out) {
  if (P.Infinity) {
    std::memset(Out, 0, msm::kG2PointBytes);
    return;
  }
  P.X.C0.toMontgomeryBytesLE(Out);
  P.X.C1.toMontgomeryBytesLE(Out + 32);
  P.Y.C0.toMontgomeryBytesLE(Out + 64);
  P.Y.C1.toMontgomeryBytesLE(Out + 96);
}

G1Affine generator(G1Traits) { return g1Generator(); }
G2Affine generator(G2Traits) { return g2Generator(); }

template <typename Traits> struct Case {
  static constexpr size_t Bytes = std::is_same_v<Traits, G1Traits>
                                      ? msm::kG1PointBytes
                                      : msm::kG2PointBytes;
  std::vector<Affine<Traits>> Points;
  std::vector<Fr> Scalars;

  /// Encoded at byte offset Skew into the buffer, to exercise unaligned
  /// reads as from an mmap at an arbitrary file offset.
  std::vector<uint8_t> encoded(size_t Skew) const {
    std::vector<uint8_t> Buf(Skew + Points.size() * Bytes + 1);
    for (size_t I = 0; I < Points.size(); ++I)
      encode(Points[I], Buf.data() + Skew + I * Bytes);
    return Buf;
  }

  Jacobian<Traits> naive() const {
    Jacobian<Traits> Acc;
    for (size_t I = 0; I < Points.size(); ++I)
      Acc += Jacobian<Traits>(Points[I]).mul(Scalars[I]);
    return Acc;
  }

  Jacobian<Traits> run(unsigned Threads, size_t Skew = 0) const {
    auto Buf = encoded(Skew);
    if constexpr (std::is_same_v<Traits, G1Traits>)
      return msm::msmG1(Buf.data() + Skew, Scalars.data(), Points.size(),
                        Threads);
    else
      return msm::msmG2(Buf.data() + Skew, Scalars.data(), Points.size(),
                        Threads);
  }

  /// With the baseline-ISA multiplication forced.
  Jacobian<Traits> runPortable(unsigned Threads) const {
    auto Buf = encoded(0);
    if constexpr (std::is_same_v<Traits, G1Traits>)
      return msm::detail::msmG1With(Buf.data(), Scalars.data(), Points.size(),
                                    Threads, false);
    else
      return msm::detail::msmG2With(Buf.data(), Scalars.data(), Points.size(),
                                    Threads, false);
  }
};

/// N distinct random points: a random multiple of the generator, then a
/// chain of additions of another random point, normalised in one batch.
template <typename Traits>
std::vector<Affine<Traits>> randomPoints(size_t N, std::mt19937_64 &Rng) {
  using J = Jacobian<Traits>;
  J P = J(generator(Traits())).mul(Fr::random(Rng));
  J Step = J(generator(Traits())).mul(Fr::random(Rng));
  std::vector<J> Pts(N);
  for (size_t I = 0; I < N; ++I, P += Step)
    Pts[I] = P;
  return J::batchToAffine(Pts);
}

std::vector<Fr> randomScalars(size_t N, std::mt19937_64 &Rng) {
  std::vector<Fr> S(N);
  for (auto &X : S)
    X = Fr::random(Rng);
  return S;
}

Fr minusOne() { return -Fr::one(); }

template <typename Traits>
void checkRandom(const std::vector<size_t> &Sizes, uint64_t Seed) {
  std::mt19937_64 Rng(Seed);
  for (size_t N : Sizes) {
    Case<Traits> C;
    C.Points = randomPoints<Traits>(N, Rng);
    C.Scalars = randomScalars(N, Rng);
    auto Want = C.naive();
    EXPECT_EQ(C.run(1), Want) << "n = " << N << ", 1 thread";
    EXPECT_EQ(C.run(2, 3), Want) << "n = " << N << ", 2 threads";
    EXPECT_EQ(C.runPortable(2), Want) << "n = " << N << ", portable";
  }
}

/// Inputs built to collide inside buckets: many copies of few points, their
/// negations, infinity, and the extreme scalars.
template <typename Traits> void checkEdgeCases(size_t N, uint64_t Seed) {
  std::mt19937_64 Rng(Seed);
  auto Base = randomPoints<Traits>(4, Rng);
  Case<Traits> C;
  for (size_t I = 0; I < N; ++I) {
    switch (Rng() % 6) {
    case 0:
      C.Points.push_back(Base[I % 4]);
      break;
    case 1:
      C.Points.push_back(-Base[I % 4]);
      break;
    case 2:
      C.Points.push_back(Affine<Traits>::infinity());
      break;
    default:
      C.Points.push_back(Base[0]);
    }
    switch (Rng() % 7) {
    case 0:
      C.Scalars.push_back(Fr::zero());
      break;
    case 1:
      C.Scalars.push_back(Fr::one());
      break;
    case 2:
      C.Scalars.push_back(minusOne());
      break;
    case 3:
      C.Scalars.push_back(Fr::fromU64(Rng() % 5));
      break;
    case 4:
      C.Scalars.push_back(minusOne() - Fr::fromU64(Rng() % 5));
      break;
    default:
      C.Scalars.push_back(Fr::random(Rng));
    }
  }
  auto Want = C.naive();
  EXPECT_EQ(C.run(1), Want) << "n = " << N;
  EXPECT_EQ(C.run(2, 1), Want) << "n = " << N;
  EXPECT_EQ(C.runPortable(1), Want) << "n = " << N << ", portable";
}

#if defined(__x86_64__) && !defined(ZKEVMC_BN254_PORTABLE)
TEST(MulAdx, AgreesWithFieldMultiplication) {
  if (!cpuHasMulAdx())
    GTEST_SKIP() << "CPU lacks BMI2/ADX";
  std::mt19937_64 Rng(testSeed() + 8);
  std::vector<Fq> Q = {Fq::zero(), Fq::one(), -Fq::one(), Fq::fromU64(2)};
  std::vector<Fr> R = {Fr::zero(), Fr::one(), -Fr::one(), Fr::fromU64(2)};
  for (int I = 0; I < 20000; ++I) {
    Q.push_back(Fq::random(Rng));
    R.push_back(Fr::random(Rng));
  }
  // Extremes against each other, then random pairs.
  for (size_t I = 0; I < Q.size(); ++I) {
    size_t J = I < 4 ? (I + 2) % 4 : I - 1;
    ASSERT_EQ(mulMontAdx<FqParams>(Q[I].montgomery(), Q[J].montgomery()),
              (Q[I] * Q[J]).montgomery())
        << "i = " << I;
    ASSERT_EQ(mulMontAdx<FrParams>(R[I].montgomery(), R[J].montgomery()),
              (R[I] * R[J]).montgomery())
        << "i = " << I;
  }
  for (size_t I = 0; I < 4; ++I)
    for (size_t J = 0; J < 4; ++J)
      ASSERT_EQ(mulMontAdx<FqParams>(Q[I].montgomery(), Q[J].montgomery()),
                (Q[I] * Q[J]).montgomery());
}
#endif

TEST(MsmG1, MatchesNaiveSumAcrossSizes) {
  checkRandom<G1Traits>({0, 1, 2, 3, 17, 255, 1000, 4097}, testSeed());
}

/// Large inputs checked through discrete logs known by construction:
/// P_i = (A + i*B) G, so sum_i s_i P_i = (sum_i s_i (A + i*B)) G, a scalar
/// sum in Fr and one scalar multiplication. Independent of the bucket code
/// and cheap enough for sizes where the naive sum is not.
template <typename Traits>
void checkKnownLogs(size_t N, bool WitnessLike, uint64_t Seed) {
  using J = Jacobian<Traits>;
  std::mt19937_64 Rng(Seed);
  Fr A = Fr::random(Rng), B = Fr::random(Rng);
  J G(generator(Traits()));
  J P = G.mul(A), Step = G.mul(B);
  std::vector<J> Pts(N);
  Case<Traits> C;
  Fr Log = A, Want;
  for (size_t I = 0; I < N; ++I, P += Step, Log += B) {
    Pts[I] = P;
    unsigned K = Rng() % 4;
    Fr S = !WitnessLike || K >= 2 ? Fr::random(Rng)
           : K == 1               ? Fr::one()
                                  : Fr::zero();
    C.Scalars.push_back(S);
    Want += S * Log;
  }
  C.Points = J::batchToAffine(Pts);
  EXPECT_EQ(C.run(2, 5), G.mul(Want)) << "n = " << N;
  EXPECT_EQ(C.runPortable(1), G.mul(Want)) << "n = " << N;
}

TEST(MsmG1, LargeInputsMatchKnownDiscreteLogs) {
  checkKnownLogs<G1Traits>(70000, false, testSeed() + 1);
  checkKnownLogs<G1Traits>(70000, true, testSeed() + 11);
}

TEST(MsmG2, LargeInputMatchesKnownDiscreteLogs) {
  checkKnownLogs<G2Traits>(20000, true, testSeed() + 12);
}

TEST(MsmG1, CollidingPointsAndExtremeScalars) {
  for (size_t N : {2, 9, 100, 3000})
    checkEdgeCases<G1Traits>(N, testSeed() + N);
}

TEST(MsmG1, AllEqualPointsAndScalars) {
  std::mt19937_64 Rng(testSeed() + 2);
  auto P = randomPoints<G1Traits>(1, Rng)[0];
  for (Fr S : {Fr::one(), minusOne(), Fr::fromU64(12345), Fr::random(Rng)}) {
    Case<G1Traits> C;
    C.Points.assign(2000, P);
    C.Scalars.assign(2000, S);
    EXPECT_EQ(C.run(2), G1(P).mul(S).mul(Limbs{2000, 0, 0, 0}));
    EXPECT_EQ(C.run(1), C.naive());
  }
}

TEST(MsmG1, WitnessLikeScalarsWithManyOnes) {
  // More ones than any window has buckets, so the scalar-1 sum wraps its
  // bucket copies several times; zeros and random values in between.
  std::mt19937_64 Rng(testSeed() + 9);
  for (size_t N : {300, 9000}) {
    Case<G1Traits> C;
    C.Points = randomPoints<G1Traits>(N, Rng);
    for (size_t I = 0; I < N; ++I) {
      unsigned K = Rng() % 10;
      C.Scalars.push_back(K < 5   ? Fr::one()
                          : K < 8 ? Fr::zero()
                                  : Fr::random(Rng));
    }
    auto Want = C.naive();
    EXPECT_EQ(C.run(1), Want) << "n = " << N;
    EXPECT_EQ(C.run(2), Want) << "n = " << N;
    EXPECT_EQ(C.runPortable(2), Want) << "n = " << N;
  }
}

TEST(MsmG1, AnyThreadCountGivesTheSameSum) {
  std::mt19937_64 Rng(testSeed() + 13);
  Case<G1Traits> C;
  C.Points = randomPoints<G1Traits>(3000, Rng);
  C.Scalars = randomScalars(3000, Rng);
  auto Want = C.naive();
  for (unsigned T : {0u, 3u, 7u, 1000u})
    EXPECT_EQ(C.run(T), Want) << T << " threads";
}

TEST(MsmG1, PointAndNegationCancel) {
  std::mt19937_64 Rng(testSeed() + 3);
  auto Pts = randomPoints<G1Traits>(500, Rng);
  auto S = randomScalars(500, Rng);
  Case<G1Traits> C;
  for (size_t I = 0; I < Pts.size(); ++I) {
    C.Points.push_back(Pts[I]);
    C.Points.push_back(-Pts[I]);
    C.Scalars.push_back(S[I]);
    C.Scalars.push_back(S[I]);
  }
  EXPECT_TRUE(C.run(1).isInfinity());
  EXPECT_TRUE(C.run(2).isInfinity());
}

TEST(MsmG1, OnlyInfinityOrZeroGivesInfinity) {
  std::mt19937_64 Rng(testSeed() + 4);
  Case<G1Traits> C;
  C.Points.assign(300, G1Affine::infinity());
  C.Scalars = randomScalars(300, Rng);
  EXPECT_TRUE(C.run(2).isInfinity());
  C.Points = randomPoints<G1Traits>(300, Rng);
  C.Scalars.assign(300, Fr::zero());
  EXPECT_TRUE(C.run(2).isInfinity());
}

TEST(MsmG2, MatchesNaiveSumAcrossSizes) {
  checkRandom<G2Traits>({0, 1, 2, 3, 17, 255, 1000}, testSeed() + 5);
}

TEST(MsmG2, CollidingPointsAndExtremeScalars) {
  for (size_t N : {5, 300})
    checkEdgeCases<G2Traits>(N, testSeed() + 6 + N);
}

TEST(MsmG2, ManyOnes) {
  std::mt19937_64 Rng(testSeed() + 10);
  Case<G2Traits> C;
  C.Points = randomPoints<G2Traits>(3000, Rng);
  for (size_t I = 0; I < C.Points.size(); ++I)
    C.Scalars.push_back(I % 3 ? Fr::one() : Fr::random(Rng));
  auto Want = C.naive();
  EXPECT_EQ(C.run(2), Want);
  EXPECT_EQ(C.runPortable(1), Want);
}

TEST(MsmG2, AllEqualPoints) {
  std::mt19937_64 Rng(testSeed() + 7);
  auto P = randomPoints<G2Traits>(1, Rng)[0];
  Case<G2Traits> C;
  C.Points.assign(700, P);
  C.Scalars = randomScalars(700, Rng);
  EXPECT_EQ(C.run(2), C.naive());
}

} // namespace
