//===- Msm.cpp - Pippenger multi-scalar multiplication for BN254 ----------===//

#include "runtime/msm/Msm.h"

#include <algorithm>
#include <cstring>
#include <thread>
#include <vector>

namespace zkevmc::msm {

using namespace bn254;

namespace {

unsigned resolveThreads(unsigned Threads) {
  if (Threads == 0)
    Threads = std::max(1u, std::thread::hardware_concurrency());
  return Threads;
}

Fq loadFq(const uint8_t *B) {
  Limbs L;
  std::memcpy(L.data(), B, 32);
  return Fq::fromMontgomery(L);
}

bool allZero(const uint8_t *B, size_t N) {
  for (size_t I = 0; I < N; ++I)
    if (B[I])
      return false;
  return true;
}

struct G1Codec {
  using Traits = G1Traits;
  static constexpr size_t Bytes = kG1PointBytes;
  static Affine<Traits> load(const uint8_t *B) {
    if (allZero(B, Bytes))
      return Affine<Traits>();
    return Affine<Traits>(loadFq(B), loadFq(B + 32));
  }
};

struct G2Codec {
  using Traits = G2Traits;
  static constexpr size_t Bytes = kG2PointBytes;
  static Affine<Traits> load(const uint8_t *B) {
    if (allZero(B, Bytes))
      return Affine<Traits>();
    return Affine<Traits>(Fq2(loadFq(B), loadFq(B + 32)),
                          Fq2(loadFq(B + 64), loadFq(B + 96)));
  }
};

unsigned windowBits(size_t N) {
  if (N < 32)
    return 3;
  unsigned LogN = 63 - __builtin_clzll(N);
  return std::max(4u, LogN * 7 / 10 + 2);
}

/// Window W (C bits) of the canonical scalar.
unsigned digit(const Limbs &K, unsigned Bit, unsigned C) {
  unsigned Limb = Bit / 64, Off = Bit % 64;
  if (Limb >= 4)
    return 0;
  uint64_t V = K[Limb] >> Off;
  if (Off + C > 64 && Limb + 1 < 4)
    V |= K[Limb + 1] << (64 - Off);
  return (unsigned)(V & ((uint64_t(1) << C) - 1));
}

template <typename Codec>
Jacobian<typename Codec::Traits> pippenger(const uint8_t *Points,
                                           const Fr *Scalars, size_t N,
                                           unsigned Threads) {
  using J = Jacobian<typename Codec::Traits>;
  if (N == 0)
    return J();
  Threads = resolveThreads(Threads);
  std::vector<Limbs> K(N);
  for (size_t I = 0; I < N; ++I)
    K[I] = Scalars[I].toLimbs();
  unsigned C = windowBits(N);
  unsigned NumWindows = (254 + C - 1) / C;
  std::vector<J> WindowSums(NumWindows);
  auto RunWindow = [&](unsigned W) {
    std::vector<J> Buckets((size_t(1) << C) - 1);
    for (size_t I = 0; I < N; ++I) {
      unsigned D = digit(K[I], W * C, C);
      if (D)
        Buckets[D - 1] += Codec::load(Points + I * Codec::Bytes);
    }
    J Running, Sum;
    for (size_t B = Buckets.size(); B-- > 0;) {
      Running += Buckets[B];
      Sum += Running;
    }
    WindowSums[W] = Sum;
  };
  std::vector<std::thread> Workers;
  for (unsigned T = 0; T < std::min(Threads, NumWindows); ++T)
    Workers.emplace_back([&, T] {
      for (unsigned W = T; W < NumWindows; W += Threads)
        RunWindow(W);
    });
  for (auto &W : Workers)
    W.join();
  J Acc;
  for (unsigned W = NumWindows; W-- > 0;) {
    for (unsigned I = 0; I < C; ++I)
      Acc = Acc.dbl();
    Acc += WindowSums[W];
  }
  return Acc;
}

} // namespace

G1 msmG1(const uint8_t *Points, const Fr *Scalars, size_t N, unsigned Threads) {
  return pippenger<G1Codec>(Points, Scalars, N, Threads);
}

G2 msmG2(const uint8_t *Points, const Fr *Scalars, size_t N, unsigned Threads) {
  return pippenger<G2Codec>(Points, Scalars, N, Threads);
}

} // namespace zkevmc::msm
