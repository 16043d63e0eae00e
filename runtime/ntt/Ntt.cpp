//===- Ntt.cpp - Radix-2 NTT over BN254's Fr with snarkjs's roots ---------===//

#include "runtime/ntt/Ntt.h"

#include "runtime/bn254/MulAdx.h"

#include <algorithm>
#include <cassert>
#include <thread>

namespace zkevmc::ntt {

using bn254::Fr;

namespace {

/// 2^12 elements of Fr are 128 KiB: a block stays in a core's L2.
constexpr unsigned kBlockLog = 12;

/// Threads = 0 means all hardware threads; absurd requests are capped so a
/// bad argument cannot exhaust the process's threads.
unsigned resolveThreads(unsigned Threads) {
  if (Threads == 0)
    Threads = std::max(1u, std::thread::hardware_concurrency());
  return std::min(Threads, 256u);
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

namespace {

/// Fr products with the multiplication picked at compile time: Fr's own
/// (baseline ISA) or MULX/ADX where the CPU has it.
template <bool Adx>
__attribute__((always_inline)) inline Fr mul(const Fr &A, const Fr &B) {
#if defined(__x86_64__) && !defined(ZKEVMC_BN254_PORTABLE)
  if constexpr (Adx)
    return Fr::fromMontgomery(
        bn254::mulMontAdx<bn254::FrParams>(A.montgomery(), B.montgomery()));
#endif
  return A * B;
}

/// (Lo, Hi) <- (Lo + T, Lo - T), written out because GCC does not inline
/// Fr's operator-= into these loops.
__attribute__((always_inline)) inline void butterfly(Fr &Lo, Fr &Hi,
                                                     const Fr &T) {
  using bn254::detail::addCarry;
  using bn254::detail::subBorrow;
  constexpr bn254::Limbs P = bn254::FrParams::P;
  const bn254::Limbs &A = Lo.montgomery(), &B = T.montgomery();
  unsigned char C = 0;
  uint64_t S0 = addCarry(A[0], B[0], C), S1 = addCarry(A[1], B[1], C);
  uint64_t S2 = addCarry(A[2], B[2], C), S3 = addCarry(A[3], B[3], C);
  unsigned char Br = 0;
  uint64_t R0 = subBorrow(S0, P[0], Br), R1 = subBorrow(S1, P[1], Br);
  uint64_t R2 = subBorrow(S2, P[2], Br), R3 = subBorrow(S3, P[3], Br);
  bn254::Limbs Sum =
      Br ? bn254::Limbs{S0, S1, S2, S3} : bn254::Limbs{R0, R1, R2, R3};
  Br = 0;
  uint64_t D0 = subBorrow(A[0], B[0], Br), D1 = subBorrow(A[1], B[1], Br);
  uint64_t D2 = subBorrow(A[2], B[2], Br), D3 = subBorrow(A[3], B[3], Br);
  uint64_t Mask = 0 - (uint64_t)Br;
  C = 0;
  D0 = addCarry(D0, P[0] & Mask, C);
  D1 = addCarry(D1, P[1] & Mask, C);
  D2 = addCarry(D2, P[2] & Mask, C);
  D3 = addCarry(D3, P[3] & Mask, C);
  Hi = Fr::fromMontgomery(bn254::Limbs{D0, D1, D2, D3});
  Lo = Fr::fromMontgomery(Sum);
}

template <bool Adx>
void transformImpl(Fr *V, const Fr *Tw, unsigned LogN, unsigned Threads) {
  const size_t N = size_t(1) << LogN;
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
  // Butterflies [B, E) of stage S, numbered group-major.
  auto Stage = [&](unsigned S, size_t B, size_t E) {
    const size_t HalfLen = size_t(1) << (S - 1), Stride = N >> S;
    while (B < E) {
      size_t G = B >> (S - 1), J = B & (HalfLen - 1);
      size_t Stop = std::min(E - B, HalfLen - J) + J;
      Fr *Lo = V + (G << S), *Hi = Lo + HalfLen;
      for (; J < Stop; ++J, ++B) {
        Fr T = mul<Adx>(Hi[J], Tw[J * Stride]);
        butterfly(Lo[J], Hi[J], T);
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
        Stage(S, Blk * BlockSize / 2, (Blk + 1) * BlockSize / 2);
  });
  // The remaining stages sweep the whole array; split their butterflies
  // evenly across the threads.
  for (unsigned S = BlockLog + 1; S <= LogN; ++S)
    parallelFor(N / 2, Threads, 1 << 12,
                [&](size_t B, size_t E) { Stage(S, B, E); });
}

/// V[i] *= Scale * Base^i, each thread starting from its own power.
template <bool Adx>
void scaleByPowers(Fr *V, size_t N, const Fr &Scale, const Fr &Base,
                   unsigned Threads) {
  parallelFor(N, Threads, 1 << 13, [&](size_t B, size_t E) {
    Fr P = mul<Adx>(Scale, Base.pow(bn254::Limbs{(uint64_t)B, 0, 0, 0}));
    for (size_t I = B; I < E; ++I) {
      V[I] = mul<Adx>(V[I], P);
      P = mul<Adx>(P, Base);
    }
  });
}

} // namespace

void Domain::transform(Fr *V, const std::vector<Fr> &Tw, unsigned Threads,
                       bool UseMulAdx) const {
  if (LogN == 0)
    return;
  Threads = resolveThreads(Threads);
  if (UseMulAdx && bn254::cpuHasMulAdx())
    transformImpl<true>(V, Tw.data(), LogN, Threads);
  else
    transformImpl<false>(V, Tw.data(), LogN, Threads);
}

void Domain::scale(Fr *V, const Fr &Scale, const Fr &Base, unsigned Threads,
                   bool UseMulAdx) const {
  Threads = resolveThreads(Threads);
  if (UseMulAdx && bn254::cpuHasMulAdx())
    scaleByPowers<true>(V, size(), Scale, Base, Threads);
  else
    scaleByPowers<false>(V, size(), Scale, Base, Threads);
}

void Domain::forward(Fr *Values, unsigned Threads) const {
  transform(Values, Twiddles, Threads, true);
}

void Domain::inverse(Fr *Values, unsigned Threads) const {
  transform(Values, InvTwiddles, Threads, true);
  scale(Values, SizeInv, Fr::one(), Threads, true);
}

void Domain::cosetForward(Fr *Values, const Fr &Shift, unsigned Threads) const {
  detail::cosetForwardWith(*this, Values, Shift, Threads, true);
}

void Domain::cosetInverse(Fr *Values, const Fr &Shift, unsigned Threads) const {
  detail::cosetInverseWith(*this, Values, Shift, Threads, true);
}

namespace detail {

void cosetForwardWith(const Domain &D, Fr *Values, const Fr &Shift,
                      unsigned Threads, bool UseMulAdx) {
  D.scale(Values, Fr::one(), Shift, Threads, UseMulAdx);
  D.transform(Values, D.Twiddles, Threads, UseMulAdx);
}

void cosetInverseWith(const Domain &D, Fr *Values, const Fr &Shift,
                      unsigned Threads, bool UseMulAdx) {
  // a_i = Shift^-i * (1/n) * (plain inverse)_i, scaled in one pass.
  D.transform(Values, D.InvTwiddles, Threads, UseMulAdx);
  D.scale(Values, D.SizeInv, Shift.inverse(), Threads, UseMulAdx);
}

} // namespace detail

} // namespace zkevmc::ntt
