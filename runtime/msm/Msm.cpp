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

#include <algorithm>
#include <atomic>
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

struct G1Codec {
  using Traits = G1Traits;
  using F = Fq;
  static constexpr size_t Bytes = kG1PointBytes;
  static void load(const uint8_t *B, F &X, F &Y) {
    X = loadFq(B);
    Y = loadFq(B + 32);
  }
};

struct G2Codec {
  using Traits = G2Traits;
  using F = Fq2;
  static constexpr size_t Bytes = kG2PointBytes;
  static void load(const uint8_t *B, F &X, F &Y) {
    X = Fq2(loadFq(B), loadFq(B + 32));
    Y = Fq2(loadFq(B + 64), loadFq(B + 96));
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
/// digits, so the hot loop never needs to test for them.
std::vector<int16_t> recode(const uint8_t *Points, size_t PointBytes,
                            const Fr *Scalars, size_t N, unsigned C,
                            unsigned Windows, unsigned Threads) {
  std::vector<int16_t> Digits((size_t)Windows * N);
  const int64_t Half = int64_t(1) << (C - 1), Full = int64_t(1) << C;
  const uint64_t Mask = (uint64_t(1) << C) - 1;
  runThreads(Threads, [&](unsigned T) {
    size_t Begin = N * T / Threads, End = N * (T + 1) / Threads;
    for (size_t I = Begin; I < End; ++I) {
      if (Scalars[I].isZero() || allZero(Points + I * PointBytes, PointBytes))
        continue; // digits already zero
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

  void reset() {
    std::fill(State.begin(), State.end(), 0);
    Overflow.assign(Overflow.size(), J());
    UsedOverflow = false;
  }

  /// Bucket B (0-based) += (X, Y).
  void add(uint32_t B, const F &X, const F &Y) {
    uint8_t &S = State[B];
    if (S & kBusy) {
      if (Queue.size() < Queue.capacity()) {
        Queue.push_back({B, X, Y});
      } else {
        Overflow[B] += Affine<typename Codec::Traits>(X, Y);
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
    if (Used == Batch.size()) {
      flush();
      drainQueue(/*Final=*/false);
    }
  }

  /// Completes every pending update and returns sum_b (b+1) * bucket_b.
  J finish() {
    flush();
    drainQueue(/*Final=*/true);
    flush();
    J Running, Sum;
    for (size_t B = BX.size(); B-- > 0;) {
      if (State[B] & kFull)
        Running += Affine<typename Codec::Traits>(BX[B], BY[B]);
      if (UsedOverflow)
        Running += Overflow[B];
      Sum += Running;
    }
    return Sum;
  }

private:
  static constexpr uint8_t kFull = 1, kBusy = 2;
  struct Op {
    uint32_t Bucket;
    F X, Y;
    F Den, Prefix;
  };
  struct Queued {
    uint32_t Bucket;
    F X, Y;
  };
  std::vector<F> BX, BY;
  std::vector<uint8_t> State;
  std::vector<J> Overflow;
  bool UsedOverflow = false;
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
        Overflow[Q.Bucket] += Affine<typename Codec::Traits>(Q.X, Q.Y);
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
    F Acc = F::one();
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
      O.Prefix = Acc;
      Acc *= O.Den;
    }
    F Inv = Acc.inverse();
    for (size_t K = Used; K-- > 0;) {
      Op &O = Batch[K];
      uint8_t &S = State[O.Bucket];
      S &= ~kBusy;
      if (O.Den.isZero()) {
        S &= ~kFull;
        continue;
      }
      F DenInv = Inv * O.Prefix;
      Inv *= O.Den;
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
  std::vector<int16_t> Digits =
      recode(Points, Codec::Bytes, Scalars, N, C, Windows, Threads);

  const size_t NumBuckets = size_t(1) << (C - 1);
  // Large enough to amortise the inversion, small enough that few updates
  // collide with a bucket already in the batch.
  const size_t BatchSize = std::clamp<size_t>(NumBuckets / 8, 16, 1024);
  std::vector<J> WindowSums(Windows);
  std::atomic<unsigned> Next{0};
  runThreads(std::min(Threads, Windows), [&](unsigned) {
    WindowBuckets<Codec> Buckets(NumBuckets, BatchSize);
    F X, Y;
    for (unsigned W; (W = Next.fetch_add(1)) < Windows;) {
      Buckets.reset();
      const int16_t *D = Digits.data() + (size_t)W * N;
      for (size_t I = 0; I < N; ++I) {
        int D16 = D[I];
        if (D16 == 0)
          continue;
        Codec::load(Points + I * Codec::Bytes, X, Y);
        if (D16 > 0) {
          Buckets.add((uint32_t)(D16 - 1), X, Y);
        } else {
          Buckets.add((uint32_t)(-D16 - 1), X, -Y);
        }
      }
      WindowSums[W] = Buckets.finish();
    }
  });

  J Acc;
  for (unsigned W = Windows; W-- > 0;) {
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
