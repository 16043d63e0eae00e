//===- Msm.cpp - Pippenger multi-scalar multiplication for BN254 ----------===//
//
// Signed-digit Pippenger. Scalars are recoded once into c-bit digits in
// (-2^(c-1), 2^(c-1)], so each window needs only 2^(c-1) buckets and a
// negative digit costs a negation of y. Buckets are kept in affine form and
// filled by batched affine additions: a batch of independent bucket updates
// shares one field inversion (Montgomery's trick), which makes an addition
// ~6 multiplications instead of the 11 of a mixed Jacobian addition. An
// update whose bucket is already in the running batch waits in a short
// queue; when the queue is full (heavily repeated digits, e.g. many scalars
// equal to 1) it falls back to a Jacobian bucket, so adversarial inputs cost
// no more than plain Pippenger. Threads take whole windows from a shared
// counter; the caller's point bytes are streamed once per window, never
// copied.
//
//===----------------------------------------------------------------------===//

#include "runtime/msm/Msm.h"

#include "runtime/bn254/MulAdx.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <thread>
#include <vector>

namespace zkevmc::msm {

using namespace bn254;

namespace {

/// Threads = 0 means all hardware threads; absurd requests are capped so a
/// bad argument cannot exhaust the process's threads.
unsigned resolveThreads(unsigned Threads) {
  if (Threads == 0)
    Threads = std::max(1u, std::thread::hardware_concurrency());
  return std::min(Threads, 256u);
}

/// Runs Body(T) on Threads threads (T = 0 on the calling thread).
template <typename Fn> void runThreads(unsigned Threads, Fn Body) {
  std::vector<std::thread> Workers;
  for (unsigned T = 1; T < Threads; ++T)
    Workers.emplace_back([&Body, T] { Body(T); });
  Body(0);
  for (auto &W : Workers)
    W.join();
}

Fq loadFq(const uint8_t *B) {
  Limbs L;
  std::memcpy(L.data(), B, 32);
  return Fq::fromMontgomery(L);
}

bool allZero(const uint8_t *B, size_t N) {
  uint64_t Or = 0;
  for (size_t I = 0; I < N; I += 8) {
    uint64_t W;
    std::memcpy(&W, B + I, 8);
    Or |= W;
  }
  return Or == 0;
}

/// Fq arithmetic for the batched additions, with the multiplication picked
/// at compile time: Fq's own (baseline ISA) or MULX/ADX. Everything else is
/// Fq's.
template <bool Adx> struct FqM {
  Fq V;
  static FqM one() { return {Fq::one()}; }
  static FqM zero() { return {Fq::zero()}; }
  bool isZero() const { return V.isZero(); }
  bool operator==(const FqM &O) const {
    const Limbs &A = V.montgomery(), &B = O.V.montgomery();
    return ((A[0] ^ B[0]) | (A[1] ^ B[1]) | (A[2] ^ B[2]) | (A[3] ^ B[3])) == 0;
  }
  bool operator!=(const FqM &O) const { return !(*this == O); }
  // Additions are written out here, always inlined: GCC declines to inline
  // Fq's operator-= into the batch loop, and a call per subtraction costs
  // as much as the subtraction.
  __attribute__((always_inline)) FqM operator+(const FqM &O) const {
    const Limbs &A = V.montgomery(), &B = O.V.montgomery();
    unsigned char C = 0;
    uint64_t T0 = bn254::detail::addCarry(A[0], B[0], C);
    uint64_t T1 = bn254::detail::addCarry(A[1], B[1], C);
    uint64_t T2 = bn254::detail::addCarry(A[2], B[2], C);
    uint64_t T3 = bn254::detail::addCarry(A[3], B[3], C);
    return reduceOnce(T0, T1, T2, T3);
  }
  __attribute__((always_inline)) FqM operator-(const FqM &O) const {
    const Limbs &A = V.montgomery(), &B = O.V.montgomery();
    unsigned char Br = 0;
    uint64_t T0 = bn254::detail::subBorrow(A[0], B[0], Br);
    uint64_t T1 = bn254::detail::subBorrow(A[1], B[1], Br);
    uint64_t T2 = bn254::detail::subBorrow(A[2], B[2], Br);
    uint64_t T3 = bn254::detail::subBorrow(A[3], B[3], Br);
    uint64_t Mask = 0 - (uint64_t)Br;
    constexpr Limbs P = FqParams::P;
    unsigned char C = 0;
    T0 = bn254::detail::addCarry(T0, P[0] & Mask, C);
    T1 = bn254::detail::addCarry(T1, P[1] & Mask, C);
    T2 = bn254::detail::addCarry(T2, P[2] & Mask, C);
    T3 = bn254::detail::addCarry(T3, P[3] & Mask, C);
    return {Fq::fromMontgomery(Limbs{T0, T1, T2, T3})};
  }
  FqM operator-() const { return zero() - *this; }
  FqM dbl() const { return *this + *this; }
  __attribute__((always_inline)) FqM operator*(const FqM &O) const {
#if defined(__x86_64__) && !defined(ZKEVMC_BN254_PORTABLE)
    if constexpr (Adx)
      return {Fq::fromMontgomery(
          mulMontAdx<FqParams>(V.montgomery(), O.V.montgomery()))};
#endif
    return {V * O.V};
  }
  FqM &operator*=(const FqM &O) { return *this = *this * O; }
  FqM square() const { return *this * *this; }
  /// x^(q-2) with 4-bit fixed windows and this type's multiplication: one
  /// inversion per batch, so its ~320 products matter.
  FqM inverse() const {
    Limbs E = FqParams::P;
    E[0] -= 2;
    FqM Table[16];
    Table[0] = one();
    for (int I = 1; I < 16; ++I)
      Table[I] = Table[I - 1] * *this;
    FqM Acc = one();
    for (int Nib = 63; Nib >= 0; --Nib) {
      Acc = Acc.square().square().square().square();
      Acc *= Table[(E[Nib / 16] >> (4 * (Nib % 16))) & 15];
    }
    return Acc;
  }
  Fq base() const { return V; }

  /// Batched inversion works on norms to this field; Fq's norm is itself.
  using Base = FqM;
  FqM norm() const { return *this; }
  FqM inverseGivenNormInverse(const FqM &NormInv) const { return NormInv; }

private:
  /// T mod q for T < 2q.
  __attribute__((always_inline)) static FqM
  reduceOnce(uint64_t T0, uint64_t T1, uint64_t T2, uint64_t T3) {
    constexpr Limbs P = FqParams::P;
    unsigned char B = 0;
    uint64_t R0 = bn254::detail::subBorrow(T0, P[0], B);
    uint64_t R1 = bn254::detail::subBorrow(T1, P[1], B);
    uint64_t R2 = bn254::detail::subBorrow(T2, P[2], B);
    uint64_t R3 = bn254::detail::subBorrow(T3, P[3], B);
    return {
        Fq::fromMontgomery(B ? Limbs{T0, T1, T2, T3} : Limbs{R0, R1, R2, R3})};
  }
};

/// Fq2 = Fq[u]/(u^2 + 1) over FqM, as bn254::Fq2 but with FqM products.
template <bool Adx> struct Fq2M {
  using B = FqM<Adx>;
  B C0, C1;
  static Fq2M one() { return {B::one(), B::zero()}; }
  static Fq2M zero() { return {B::zero(), B::zero()}; }
  bool isZero() const { return C0.isZero() && C1.isZero(); }
  bool operator==(const Fq2M &O) const { return C0 == O.C0 && C1 == O.C1; }
  bool operator!=(const Fq2M &O) const { return !(*this == O); }
  Fq2M operator+(const Fq2M &O) const { return {C0 + O.C0, C1 + O.C1}; }
  Fq2M operator-(const Fq2M &O) const { return {C0 - O.C0, C1 - O.C1}; }
  Fq2M operator-() const { return {-C0, -C1}; }
  Fq2M dbl() const { return {C0.dbl(), C1.dbl()}; }
  Fq2M operator*(const Fq2M &O) const {
    B T0 = C0 * O.C0, T1 = C1 * O.C1;
    B Mid = (C0 + C1) * (O.C0 + O.C1);
    return {T0 - T1, Mid - T0 - T1};
  }
  Fq2M &operator*=(const Fq2M &O) { return *this = *this * O; }
  Fq2M square() const {
    B AB = C0 * C1;
    return {(C0 + C1) * (C0 - C1), AB.dbl()};
  }
  Fq2M inverse() const {
    B Inv = (C0.square() + C1.square()).inverse();
    return {C0 * Inv, -(C1 * Inv)};
  }
  Fq2 base() const { return Fq2(C0.base(), C1.base()); }

  /// x^-1 = conj(x) / N(x) with N(x) = c0^2 + c1^2 in Fq, non-zero for
  /// x != 0 because -1 is not a square mod q (q = 3 mod 4).
  using Base = FqM<Adx>;
  B norm() const { return C0.square() + C1.square(); }
  Fq2M inverseGivenNormInverse(const B &NormInv) const {
    return {C0 * NormInv, -(C1 * NormInv)};
  }
};

template <bool Adx> struct G1Codec {
  using Traits = G1Traits;
  using F = FqM<Adx>;
  static constexpr size_t Bytes = kG1PointBytes;
  static void load(const uint8_t *B, F &X, F &Y) {
    X = {loadFq(B)};
    Y = {loadFq(B + 32)};
  }
};

template <bool Adx> struct G2Codec {
  using Traits = G2Traits;
  using F = Fq2M<Adx>;
  static constexpr size_t Bytes = kG2PointBytes;
  static void load(const uint8_t *B, F &X, F &Y) {
    X = {{loadFq(B)}, {loadFq(B + 32)}};
    Y = {{loadFq(B + 64)}, {loadFq(B + 96)}};
  }
};

/// Window width minimising roughly (point additions + 3 * bucket-reduction
/// additions), the latter being Jacobian and ~3x dearer than a batched
/// affine one. Capped at 15 so a digit fits an int16_t.
unsigned windowBits(size_t N) {
  unsigned Best = 2;
  double BestCost = 1e300;
  for (unsigned C = 2; C <= 15; ++C) {
    double Windows = (255 + C - 1) / C;
    double Cost = Windows * ((double)N + 3.0 * double(1u << C));
    if (Cost < BestCost) {
      BestCost = Cost;
      Best = C;
    }
  }
  return Best;
}

/// Signed c-bit digits of every scalar, window-major (Digits[w * N + i]) so
/// each window reads its digits sequentially. Points at infinity get all-zero
/// digits, so the hot loop never needs to test for them. Scalars equal to 1
/// (common in witnesses: bits and flags) also get zero digits and their
/// indices go to Ones instead, to be summed without any bucket collisions.
std::vector<int16_t> recode(const uint8_t *Points, size_t PointBytes,
                            const Fr *Scalars, size_t N, unsigned C,
                            unsigned Windows, unsigned Threads,
                            std::vector<uint32_t> &Ones) {
  std::vector<int16_t> Digits((size_t)Windows * N);
  std::vector<std::vector<uint32_t>> OnesPerThread(Threads);
  const int64_t Half = int64_t(1) << (C - 1), Full = int64_t(1) << C;
  const uint64_t Mask = (uint64_t(1) << C) - 1;
  runThreads(Threads, [&](unsigned T) {
    size_t Begin = N * T / Threads, End = N * (T + 1) / Threads;
    for (size_t I = Begin; I < End; ++I) {
      if (Scalars[I].isZero() || allZero(Points + I * PointBytes, PointBytes))
        continue; // digits already zero
      if (Scalars[I].isOne()) {
        OnesPerThread[T].push_back((uint32_t)I);
        continue;
      }
      Limbs K = Scalars[I].toLimbs();
      int64_t Carry = 0;
      for (unsigned W = 0; W < Windows; ++W) {
        unsigned Bit = W * C, Limb = Bit / 64, Off = Bit % 64;
        uint64_t V = Limb < 4 ? K[Limb] >> Off : 0;
        if (Off + C > 64 && Limb + 1 < 4)
          V |= K[Limb + 1] << (64 - Off);
        int64_t D = (int64_t)(V & Mask) + Carry;
        // The top window never exceeds 2^(c-1) (Windows * c >= 255 > the
        // scalar's 254 bits), so no carry is lost.
        Carry = D > Half;
        if (Carry)
          D -= Full;
        Digits[(size_t)W * N + I] = (int16_t)D;
      }
    }
  });
  Ones.clear();
  for (auto &L : OnesPerThread)
    Ones.insert(Ones.end(), L.begin(), L.end());
  return Digits;
}

/// One window's buckets and the batch of pending affine additions.
template <typename Codec> class WindowBuckets {
  using F = typename Codec::F;
  using J = Jacobian<typename Codec::Traits>;

public:
  WindowBuckets(size_t NumBuckets, size_t BatchSize)
      : BX(NumBuckets), BY(NumBuckets), State(NumBuckets, 0),
        Overflow(NumBuckets), Batch(BatchSize) {
    Queue.reserve(BatchSize);
  }

  /// Starts a sum over Logical buckets, each held as 2^LogCopies copies
  /// (Logical << LogCopies <= NumBuckets). Copies spread updates of a window
  /// with few buckets (the top window, the scalar-1 sum) over the whole
  /// bucket array, so consecutive updates do not collide.
  void reset(size_t Logical, unsigned LogCopies) {
    this->Logical = Logical;
    this->LogCopies = LogCopies;
    std::fill(State.begin(), State.end(), 0);
    if (UsedOverflow)
      Overflow.assign(Overflow.size(), J());
    UsedOverflow = false;
  }

  /// Logical bucket B (0-based) += (X, Y); Spread (e.g. the point index)
  /// picks the copy.
  void add(uint32_t B, size_t Spread, const F &X, const F &Y) {
    B = (B << LogCopies) | (uint32_t)(Spread & ((size_t(1) << LogCopies) - 1));
    uint8_t &S = State[B];
    if (S & kBusy) {
      if (Queue.size() < Queue.capacity()) {
        Queue.push_back({B, X, Y});
      } else {
        Overflow[B] += Affine<typename Codec::Traits>(X.base(), Y.base());
        UsedOverflow = true;
      }
      return;
    }
    if (!(S & kFull)) {
      BX[B] = X;
      BY[B] = Y;
      S |= kFull;
      return;
    }
    S |= kBusy;
    Op &O = Batch[Used++];
    O.Bucket = B;
    O.X = X;
    O.Y = Y;
    // The queue can refill the whole batch, so flush until there is room:
    // every later add() relies on Used < Batch.size().
    while (Used == Batch.size()) {
      flush();
      drainQueue(/*Final=*/false);
    }
  }

  /// Completes every pending update and returns sum_b (b+1) * bucket_b
  /// over the logical buckets.
  J finish() {
    flush();
    drainQueue(/*Final=*/true);
    flush();
    J Running, Sum;
    const size_t Copies = size_t(1) << LogCopies;
    for (size_t B = Logical; B-- > 0;) {
      for (size_t K = B * Copies; K < (B + 1) * Copies; ++K) {
        if (State[K] & kFull)
          Running += Affine<typename Codec::Traits>(BX[K].base(), BY[K].base());
        if (UsedOverflow)
          Running += Overflow[K];
      }
      Sum += Running;
    }
    return Sum;
  }

private:
  static constexpr uint8_t kFull = 1, kBusy = 2;
  using Base = typename F::Base;
  struct Op {
    uint32_t Bucket;
    F X, Y;
    F Den;
    Base Norm, Prefix;
  };
  struct Queued {
    uint32_t Bucket;
    F X, Y;
  };
  std::vector<F> BX, BY;
  std::vector<uint8_t> State;
  std::vector<J> Overflow;
  bool UsedOverflow = false;
  size_t Logical = 0;
  unsigned LogCopies = 0;
  std::vector<Op> Batch;
  size_t Used = 0;
  std::vector<Queued> Queue;

  /// Moves queued updates whose bucket is free into the batch. On the final
  /// pass, ones that still collide go to the Jacobian buckets instead of
  /// costing an inversion each.
  void drainQueue(bool Final) {
    size_t Keep = 0;
    for (size_t I = 0; I < Queue.size(); ++I) {
      Queued &Q = Queue[I];
      uint8_t &S = State[Q.Bucket];
      if (!(S & kBusy) && Used < Batch.size()) {
        if (!(S & kFull)) {
          BX[Q.Bucket] = Q.X;
          BY[Q.Bucket] = Q.Y;
          S |= kFull;
          continue;
        }
        S |= kBusy;
        Op &O = Batch[Used++];
        O.Bucket = Q.Bucket;
        O.X = Q.X;
        O.Y = Q.Y;
      } else if (Final) {
        Overflow[Q.Bucket] +=
            Affine<typename Codec::Traits>(Q.X.base(), Q.Y.base());
        UsedOverflow = true;
      } else {
        Queue[Keep++] = Q;
      }
    }
    Queue.resize(Keep);
  }

  /// Applies every batched update with one inversion.
  void flush() {
    if (Used == 0)
      return;
    // Montgomery's trick runs over the denominators' norms to Fq (the
    // denominators themselves for G1): for G2 that makes the prefix and
    // suffix products Fq instead of Fq2 multiplications.
    Base Acc = Base::one();
    for (size_t K = 0; K < Used; ++K) {
      Op &O = Batch[K];
      const F &X1 = BX[O.Bucket], &Y1 = BY[O.Bucket];
      if (X1 != O.X) {
        O.Den = O.X - X1;
      } else if (Y1 == O.Y && !Y1.isZero()) {
        O.Den = Y1.dbl(); // doubling: lambda = 3x^2 / 2y
      } else {
        O.Den = F::zero(); // P + (-P): the bucket empties
        continue;
      }
      O.Norm = O.Den.norm();
      O.Prefix = Acc;
      Acc *= O.Norm;
    }
    Base Inv = Acc.inverse();
    for (size_t K = Used; K-- > 0;) {
      Op &O = Batch[K];
      uint8_t &S = State[O.Bucket];
      S &= ~kBusy;
      if (O.Den.isZero()) {
        S &= ~kFull;
        continue;
      }
      F DenInv = O.Den.inverseGivenNormInverse(Inv * O.Prefix);
      Inv *= O.Norm;
      F &X1 = BX[O.Bucket], &Y1 = BY[O.Bucket];
      F Lambda;
      if (X1 != O.X) {
        Lambda = (O.Y - Y1) * DenInv;
      } else {
        F XX = X1.square();
        Lambda = (XX.dbl() + XX) * DenInv;
      }
      F X3 = Lambda.square() - X1 - O.X;
      Y1 = Lambda * (X1 - X3) - Y1;
      X1 = X3;
    }
    Used = 0;
  }
};

template <typename Codec>
Jacobian<typename Codec::Traits> pippenger(const uint8_t *Points,
                                           const Fr *Scalars, size_t N,
                                           unsigned Threads) {
  using J = Jacobian<typename Codec::Traits>;
  using F = typename Codec::F;
  if (N == 0)
    return J();
  Threads = resolveThreads(Threads);
  if (N < 64)
    Threads = 1;
  const unsigned C = windowBits(N);
  const unsigned Windows = (255 + C - 1) / C;
  std::vector<uint32_t> Ones;
  std::vector<int16_t> Digits =
      recode(Points, Codec::Bytes, Scalars, N, C, Windows,
             (unsigned)std::min<size_t>(Threads, N / 1024 + 1), Ones);

  const unsigned LogBuckets = C - 1;
  const size_t NumBuckets = size_t(1) << LogBuckets;
  // Scalars are below 2^254, so the top window's digits are at most
  // 2^TopBits: few buckets, which get copies.
  const unsigned TopBits = 254 - (Windows - 1) * C;
  // Large enough to amortise the inversion, small enough that few updates
  // collide with a bucket already in the batch.
  const size_t BatchSize = std::clamp<size_t>(NumBuckets / 4, 16, 2048);
  // Jobs 0..Windows-1 are the windows; job Windows is the scalar-1 sum.
  const unsigned Jobs = Windows + (Ones.empty() ? 0 : 1);
  std::vector<J> Sums(Jobs);
  std::atomic<unsigned> Next{0};
  runThreads(std::min(Threads, Jobs), [&](unsigned) {
    WindowBuckets<Codec> Buckets(NumBuckets, BatchSize);
    F X, Y;
    // Jobs are handed out scalar-1 sum first: it can be the largest, and
    // starting it last would leave the other threads idle at the end.
    for (unsigned Job; (Job = Next.fetch_add(1)) < Jobs;) {
      unsigned W = Jobs > Windows ? (Job + Windows) % Jobs : Job;
      if (W == Windows) {
        Buckets.reset(1, LogBuckets);
        for (size_t K = 0; K < Ones.size(); ++K) {
          Codec::load(Points + (size_t)Ones[K] * Codec::Bytes, X, Y);
          Buckets.add(0, K, X, Y);
        }
        Sums[W] = Buckets.finish();
        continue;
      }
      if (W + 1 == Windows)
        Buckets.reset(size_t(1) << TopBits, LogBuckets - TopBits);
      else
        Buckets.reset(NumBuckets, 0);
      const int16_t *D = Digits.data() + (size_t)W * N;
      for (size_t I = 0; I < N; ++I) {
        int D16 = D[I];
        if (D16 == 0)
          continue;
        Codec::load(Points + I * Codec::Bytes, X, Y);
        if (D16 > 0)
          Buckets.add((uint32_t)(D16 - 1), I, X, Y);
        else
          Buckets.add((uint32_t)(-D16 - 1), I, X, -Y);
      }
      Sums[W] = Buckets.finish();
    }
  });

  J Acc;
  for (unsigned W = Windows; W-- > 0;) {
    for (unsigned I = 0; I < C; ++I)
      Acc = Acc.dbl();
    Acc += Sums[W];
  }
  if (Jobs > Windows)
    Acc += Sums[Windows];
  return Acc;
}

} // namespace

namespace detail {

G1 msmG1With(const uint8_t *Points, const Fr *Scalars, size_t N,
             unsigned Threads, bool UseMulAdx) {
  if (UseMulAdx && cpuHasMulAdx())
    return pippenger<G1Codec<true>>(Points, Scalars, N, Threads);
  return pippenger<G1Codec<false>>(Points, Scalars, N, Threads);
}

G2 msmG2With(const uint8_t *Points, const Fr *Scalars, size_t N,
             unsigned Threads, bool UseMulAdx) {
  if (UseMulAdx && cpuHasMulAdx())
    return pippenger<G2Codec<true>>(Points, Scalars, N, Threads);
  return pippenger<G2Codec<false>>(Points, Scalars, N, Threads);
}

} // namespace detail

G1 msmG1(const uint8_t *Points, const Fr *Scalars, size_t N, unsigned Threads) {
  return detail::msmG1With(Points, Scalars, N, Threads, /*UseMulAdx=*/true);
}

G2 msmG2(const uint8_t *Points, const Fr *Scalars, size_t N, unsigned Threads) {
  return detail::msmG2With(Points, Scalars, N, Threads, /*UseMulAdx=*/true);
}

} // namespace zkevmc::msm
