//===- Ntt.cpp - Radix-2 NTT over BN254's Fr with snarkjs's roots ---------===//

#include "runtime/ntt/Ntt.h"

#include <algorithm>
#include <cassert>
#include <thread>

namespace zkevmc::ntt {

using bn254::Fr;

namespace {

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

size_t bitReverse(size_t X, unsigned Bits) {
  size_t R = 0;
  for (unsigned I = 0; I < Bits; ++I, X >>= 1)
    R = (R << 1) | (X & 1);
  return R;
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
  for (size_t I = 0; I < N; ++I) {
    size_t J = bitReverse(I, LogN);
    if (I < J)
      std::swap(V[I], V[J]);
  }
  // Decimation in time: after the bit-reversal permutation, stage s merges
  // pairs of length-2^(s-1) transforms using the 2^s-th roots w^(j n/2^s).
  for (unsigned S = 1; S <= LogN; ++S) {
    size_t Len = size_t(1) << S, HalfLen = Len / 2, Stride = N / Len;
    parallelFor(N / 2, Threads, 1 << 14, [&](size_t B, size_t E) {
      for (size_t K = B; K < E; ++K) {
        size_t Group = K / HalfLen, J = K % HalfLen;
        size_t Lo = Group * Len + J, Hi = Lo + HalfLen;
        Fr T = V[Hi] * Tw[J * Stride];
        V[Hi] = V[Lo] - T;
        V[Lo] += T;
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
