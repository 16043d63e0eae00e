//===- Ntt.cpp - Radix-2 NTT over BN254's Fr with snarkjs's roots ---------===//

#include "runtime/ntt/Ntt.h"

#include <algorithm>
#include <cassert>
#include <thread>

namespace zkevmc::ntt {

using bn254::Fr;

namespace {

/// 2^12 elements of Fr are 128 KiB: a block stays in a core's L2.
constexpr unsigned kBlockLog = 12;

unsigned resolveThreads(unsigned Threads) {
  if (Threads == 0)
    Threads = std::max(1u, std::thread::hardware_concurrency());
  return Threads;
}

/// Runs Body(Begin, End) over [0, N) split into Threads contiguous parts.
template <typename Fn>
void parallelFor(size_t N, unsigned Threads, size_t MinPerThread, Fn Body) {
  size_t Parts =
      std::min<size_t>(Threads, std::max<size_t>(1, N / MinPerThread));
  if (Parts <= 1) {
    Body(size_t(0), N);
    return;
  }
  std::vector<std::thread> Workers;
  size_t Chunk = (N + Parts - 1) / Parts;
  for (size_t P = 1; P < Parts; ++P) {
    size_t B = std::min(N, P * Chunk), E = std::min(N, B + Chunk);
    Workers.emplace_back([=] { Body(B, E); });
  }
  Body(0, std::min(N, Chunk));
  for (auto &W : Workers)
    W.join();
}

} // namespace

Fr rootOfUnity(unsigned LogN) {
  assert(LogN <= kMaxLogSize && "domain larger than the 2-adicity of r - 1");
  // (r - 1) / 2^28, the odd part of r - 1.
  bn254::Limbs T = bn254::FrParams::P;
  T[0] -= 1;
  for (unsigned I = 0; I < kMaxLogSize; ++I)
    T = {(T[0] >> 1) | (T[1] << 63), (T[1] >> 1) | (T[2] << 63),
         (T[2] >> 1) | (T[3] << 63), T[3] >> 1};
  Fr W = Fr::fromU64(5).pow(T);
  for (unsigned K = kMaxLogSize; K > LogN; --K)
    W = W.square();
  return W;
}

Domain::Domain(unsigned LogN) : LogN(LogN) {
  assert(LogN <= kMaxLogSize && "domain larger than the 2-adicity of r - 1");
  Root = rootOfUnity(LogN);
  RootInv = Root.inverse();
  SizeInv = Fr::fromU64(uint64_t(1) << LogN).inverse();
  size_t Half = size() / 2;
  Twiddles.resize(Half);
  InvTwiddles.resize(Half);
  Fr W = Fr::one(), WI = Fr::one();
  for (size_t J = 0; J < Half; ++J) {
    Twiddles[J] = W;
    InvTwiddles[J] = WI;
    W *= Root;
    WI *= RootInv;
  }
}

void Domain::transform(Fr *V, const std::vector<Fr> &Tw,
                       unsigned Threads) const {
  size_t N = size();
  if (N <= 1)
    return;
  Threads = resolveThreads(Threads);
  // Bit-reversal permutation: J is kept as the reversed counter of I, so
  // no per-index bit loop is needed.
  for (size_t I = 1, J = 0; I < N; ++I) {
    size_t Bit = N >> 1;
    for (; J & Bit; Bit >>= 1)
      J ^= Bit;
    J |= Bit;
    if (I < J)
      std::swap(V[I], V[J]);
  }
  // Decimation in time: after the permutation, stage s merges pairs of
  // length-2^(s-1) transforms using the 2^s-th roots w^(j n/2^s).
  auto Stage = [&](Fr *Block, unsigned S, size_t BlockSize) {
    const size_t Len = size_t(1) << S, HalfLen = Len / 2, Stride = N / Len;
    for (size_t G = 0; G < BlockSize; G += Len) {
      Fr *Lo = Block + G, *Hi = Lo + HalfLen;
      for (size_t J = 0; J < HalfLen; ++J) {
        Fr T = Hi[J] * Tw[J * Stride];
        Hi[J] = Lo[J] - T;
        Lo[J] += T;
      }
    }
  };
  // Stages up to kBlockLog touch only aligned blocks of 2^kBlockLog
  // elements, so each block runs them all while it sits in cache.
  const unsigned BlockLog = std::min(LogN, kBlockLog);
  const size_t BlockSize = size_t(1) << BlockLog;
  parallelFor(N / BlockSize, Threads, 1, [&](size_t B, size_t E) {
    for (size_t Blk = B; Blk < E; ++Blk)
      for (unsigned S = 1; S <= BlockLog; ++S)
        Stage(V + Blk * BlockSize, S, BlockSize);
  });
  // The remaining stages have few, large groups: split each group's
  // butterflies across the threads.
  for (unsigned S = BlockLog + 1; S <= LogN; ++S) {
    const size_t Len = size_t(1) << S, HalfLen = Len / 2, Stride = N / Len;
    for (size_t G = 0; G < N; G += Len)
      parallelFor(HalfLen, Threads, 1 << 12, [&](size_t B, size_t E) {
        Fr *Lo = V + G, *Hi = Lo + HalfLen;
        for (size_t J = B; J < E; ++J) {
          Fr T = Hi[J] * Tw[J * Stride];
          Hi[J] = Lo[J] - T;
          Lo[J] += T;
        }
      });
  }
}

void Domain::forward(Fr *Values, unsigned Threads) const {
  transform(Values, Twiddles, Threads);
}

void Domain::inverse(Fr *Values, unsigned Threads) const {
  transform(Values, InvTwiddles, Threads);
  parallelFor(size(), resolveThreads(Threads), 1 << 14,
              [&](size_t B, size_t E) {
                for (size_t I = B; I < E; ++I)
                  Values[I] *= SizeInv;
              });
}

void Domain::cosetForward(Fr *Values, const Fr &Shift, unsigned Threads) const {
  Fr P = Fr::one();
  for (size_t I = 0; I < size(); ++I, P *= Shift)
    Values[I] *= P;
  forward(Values, Threads);
}

void Domain::cosetInverse(Fr *Values, const Fr &Shift, unsigned Threads) const {
  inverse(Values, Threads);
  Fr ShiftInv = Shift.inverse(), P = Fr::one();
  for (size_t I = 0; I < size(); ++I, P *= ShiftInv)
    Values[I] *= P;
}

} // namespace zkevmc::ntt
