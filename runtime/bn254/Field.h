//===- Field.h - BN254 prime fields Fq and Fr in Montgomery form ----------===//
//
// Elements live in Montgomery form (aR mod p, R = 2^256) on four 64-bit
// limbs, least significant first, always fully reduced below p. Every input
// path that takes an external integer rejects values >= p rather than
// silently reducing them: EIP-196/197 and the snarkjs formats all treat a
// non-canonical encoding as malformed input. `fromLimbsReduced` exists for
// callers that deliberately want x mod p (e.g. hashing to a scalar).
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_BN254_FIELD_H
#define ZKEVMC_RUNTIME_BN254_FIELD_H

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#if defined(__x86_64__)
#include <x86intrin.h>
#endif

namespace zkevmc::bn254 {

using Limbs = std::array<uint64_t, 4>;
using u128 = unsigned __int128;

namespace detail {

// Carry-chain primitives. On x86-64 the intrinsics become plain ADC/SBB
// (baseline ISA, no ADX needed); GCC turns the portable u128 form into far
// longer sequences.
inline uint64_t addCarry(uint64_t A, uint64_t B, unsigned char &Carry) {
#if defined(__x86_64__)
  unsigned long long R;
  Carry = _addcarry_u64(Carry, A, B, &R);
  return R;
#else
  u128 S = (u128)A + B + Carry;
  Carry = (unsigned char)(S >> 64);
  return (uint64_t)S;
#endif
}

inline uint64_t subBorrow(uint64_t A, uint64_t B, unsigned char &Borrow) {
#if defined(__x86_64__)
  unsigned long long R;
  Borrow = _subborrow_u64(Borrow, A, B, &R);
  return R;
#else
  u128 D = (u128)A - B - Borrow;
  Borrow = (unsigned char)((D >> 64) & 1);
  return (uint64_t)D;
#endif
}

/// a >= b on 4-limb integers.
inline bool geq(const Limbs &A, const Limbs &B) {
  for (int I = 3; I >= 0; --I)
    if (A[I] != B[I])
      return A[I] > B[I];
  return true;
}

/// A -= B, returning the borrow out.
inline uint64_t subInPlace(Limbs &A, const Limbs &B) {
  uint64_t Borrow = 0;
  for (int I = 0; I < 4; ++I) {
    u128 D = (u128)A[I] - B[I] - Borrow;
    A[I] = (uint64_t)D;
    Borrow = (uint64_t)(D >> 64) & 1;
  }
  return Borrow;
}

/// A += B, returning the carry out.
inline uint64_t addInPlace(Limbs &A, const Limbs &B) {
  uint64_t Carry = 0;
  for (int I = 0; I < 4; ++I) {
    u128 S = (u128)A[I] + B[I] + Carry;
    A[I] = (uint64_t)S;
    Carry = (uint64_t)(S >> 64);
  }
  return Carry;
}

} // namespace detail

/// Modulus description for Fp. P's top limb must be below 2^62 so that the
/// carry-free CIOS variant used by `mul` is valid (true for both BN254
/// fields, whose moduli are ~2^254).
struct FqParams {
  static constexpr Limbs P = {0x3c208c16d87cfd47, 0x97816a916871ca8d,
                              0xb85045b68181585d, 0x30644e72e131a029};
  /// 2^256 mod P (Montgomery one) and 2^512 mod P (to enter the form).
  static constexpr Limbs R1 = {0xd35d438dc58f0d9d, 0x0a78eb28f5c70b3d,
                               0x666ea36f7879462c, 0x0e0a77c19a07df2f};
  static constexpr Limbs R2 = {0xf32cfc5b538afa89, 0xb5e71911d44501fb,
                               0x47ab1eff0a417ff6, 0x06d89f71cab8351f};
  /// -P^{-1} mod 2^64.
  static constexpr uint64_t Inv = 0x87d20782e4866389;
};

struct FrParams {
  static constexpr Limbs P = {0x43e1f593f0000001, 0x2833e84879b97091,
                              0xb85045b68181585d, 0x30644e72e131a029};
  static constexpr Limbs R1 = {0xac96341c4ffffffb, 0x36fc76959f60cd29,
                               0x666ea36f7879462e, 0x0e0a77c19a07df2f};
  static constexpr Limbs R2 = {0x1bb8e645ae216da7, 0x53fe3ab1e35c59e3,
                               0x8c49833d53bb8085, 0x0216d0b17f4e44a5};
  static constexpr uint64_t Inv = 0xc2e1f593efffffff;
};

template <typename Params> class Fp {
  static_assert(Params::P[3] < (1ull << 62), "no-carry CIOS needs slack");

public:
  static constexpr Limbs Modulus = Params::P;

  /// Zero.
  constexpr Fp() : L{0, 0, 0, 0} {}

  static Fp zero() { return Fp(); }
  static Fp one() { return fromMontgomery(Params::R1); }

  /// Wraps limbs that are already in Montgomery form (e.g. read from a .zkey)
  /// without checking them; use `fromMontgomeryChecked` for untrusted data.
  static Fp fromMontgomery(const Limbs &M) {
    Fp R;
    R.L = M;
    return R;
  }
  static std::optional<Fp> fromMontgomeryChecked(const Limbs &M) {
    if (detail::geq(M, Params::P))
      return std::nullopt;
    return fromMontgomery(M);
  }
  const Limbs &montgomery() const { return L; }

  /// Canonical (normal-form) integer; nullopt when >= p.
  static std::optional<Fp> fromLimbs(const Limbs &V) {
    if (detail::geq(V, Params::P))
      return std::nullopt;
    return fromMontgomery(V) * fromMontgomery(Params::R2);
  }
  /// Any 256-bit integer, reduced mod p.
  static Fp fromLimbsReduced(Limbs V) {
    while (detail::geq(V, Params::P))
      detail::subInPlace(V, Params::P);
    return fromMontgomery(V) * fromMontgomery(Params::R2);
  }
  static Fp fromU64(uint64_t V) { return *fromLimbs(Limbs{V, 0, 0, 0}); }

  /// Canonical integer value.
  Limbs toLimbs() const {
    // Multiplying by plain 1 divides out R.
    return (*this * fromMontgomery(Limbs{1, 0, 0, 0})).L;
  }

  /// 32-byte encodings of the canonical value; nullopt when >= p.
  static std::optional<Fp> fromBytesBE(const uint8_t *B) {
    return fromLimbs(bytesToLimbs(B, /*BigEndian=*/true));
  }
  static std::optional<Fp> fromBytesLE(const uint8_t *B) {
    return fromLimbs(bytesToLimbs(B, /*BigEndian=*/false));
  }
  void toBytesBE(uint8_t *Out) const { limbsToBytes(toLimbs(), Out, true); }
  void toBytesLE(uint8_t *Out) const { limbsToBytes(toLimbs(), Out, false); }
  /// 32-byte little-endian Montgomery-form encoding, as in snarkjs .zkey.
  static std::optional<Fp> fromMontgomeryBytesLE(const uint8_t *B) {
    return fromMontgomeryChecked(bytesToLimbs(B, false));
  }
  void toMontgomeryBytesLE(uint8_t *Out) const { limbsToBytes(L, Out, false); }

  /// Decimal digits only (no sign, no whitespace); nullopt on bad syntax,
  /// empty input or a value >= p.
  static std::optional<Fp> fromDecimal(std::string_view S) {
    if (S.empty())
      return std::nullopt;
    Limbs V{0, 0, 0, 0};
    for (char C : S) {
      if (C < '0' || C > '9')
        return std::nullopt;
      uint64_t Carry = (uint64_t)(C - '0');
      for (int I = 0; I < 4; ++I) {
        u128 T = (u128)V[I] * 10 + Carry;
        V[I] = (uint64_t)T;
        Carry = (uint64_t)(T >> 64);
      }
      if (Carry)
        return std::nullopt;
    }
    return fromLimbs(V);
  }
  std::string toDecimal() const {
    Limbs V = toLimbs();
    std::string Digits;
    // Peel off 19 decimal digits per pass so the division stays in u128.
    const uint64_t Chunk = 10000000000000000000ull;
    while (V[0] | V[1] | V[2] | V[3]) {
      uint64_t Rem = 0;
      for (int I = 3; I >= 0; --I) {
        u128 Cur = ((u128)Rem << 64) | V[I];
        V[I] = (uint64_t)(Cur / Chunk);
        Rem = (uint64_t)(Cur % Chunk);
      }
      bool Last = !(V[0] | V[1] | V[2] | V[3]);
      for (int D = 0; D < 19 && (!Last || Rem); ++D) {
        Digits.push_back(char('0' + Rem % 10));
        Rem /= 10;
      }
    }
    if (Digits.empty())
      return "0";
    return std::string(Digits.rbegin(), Digits.rend());
  }

  /// Uniform element from a caller-supplied 64-bit generator (any callable
  /// returning uint64_t), by rejection sampling on 254-bit candidates.
  template <typename Gen> static Fp random(Gen &&G) {
    const uint64_t TopMask = (~0ull) >> __builtin_clzll(Params::P[3]);
    for (;;) {
      Limbs V{G(), G(), G(), G() & TopMask};
      if (!detail::geq(V, Params::P))
        return fromMontgomery(V); // uniform in Montgomery form is uniform
    }
  }

  bool isZero() const { return (L[0] | L[1] | L[2] | L[3]) == 0; }
  bool isOne() const { return L == Params::R1; }
  bool operator==(const Fp &O) const { return L == O.L; }
  bool operator!=(const Fp &O) const { return L != O.L; }

  Fp operator+(const Fp &O) const {
    Fp R = *this;
    R += O;
    return R;
  }
  Fp &operator+=(const Fp &O) {
    // 2p < 2^256, so the sum cannot carry out of the top limb. Limb loops
    // here and below are unrolled by hand: GCC -O2 keeps them as loops with
    // the carry in a byte register, several times slower.
    unsigned char C = 0;
    uint64_t T0 = detail::addCarry(L[0], O.L[0], C);
    uint64_t T1 = detail::addCarry(L[1], O.L[1], C);
    uint64_t T2 = detail::addCarry(L[2], O.L[2], C);
    uint64_t T3 = detail::addCarry(L[3], O.L[3], C);
    L = reduceOnce(T0, T1, T2, T3);
    return *this;
  }
  Fp operator-(const Fp &O) const {
    Fp R = *this;
    R -= O;
    return R;
  }
  Fp &operator-=(const Fp &O) {
    // Add p back under a mask instead of a branch: the borrow is data
    // dependent and mispredicts half the time.
    unsigned char B = 0;
    uint64_t T0 = detail::subBorrow(L[0], O.L[0], B);
    uint64_t T1 = detail::subBorrow(L[1], O.L[1], B);
    uint64_t T2 = detail::subBorrow(L[2], O.L[2], B);
    uint64_t T3 = detail::subBorrow(L[3], O.L[3], B);
    uint64_t Mask = 0 - (uint64_t)B;
    unsigned char C = 0;
    L[0] = detail::addCarry(T0, Params::P[0] & Mask, C);
    L[1] = detail::addCarry(T1, Params::P[1] & Mask, C);
    L[2] = detail::addCarry(T2, Params::P[2] & Mask, C);
    L[3] = detail::addCarry(T3, Params::P[3] & Mask, C);
    return *this;
  }
  Fp operator-() const {
    // p - x, masked to zero when x is zero (p itself is not canonical).
    uint64_t Mask = isZero() ? 0 : ~0ull;
    unsigned char B = 0;
    Fp R;
    R.L[0] = detail::subBorrow(Params::P[0], L[0], B) & Mask;
    R.L[1] = detail::subBorrow(Params::P[1], L[1], B) & Mask;
    R.L[2] = detail::subBorrow(Params::P[2], L[2], B) & Mask;
    R.L[3] = detail::subBorrow(Params::P[3], L[3], B) & Mask;
    return R;
  }
  Fp dbl() const { return *this + *this; }

  Fp operator*(const Fp &O) const { return fromMontgomery(mulMont(L, O.L)); }
  Fp &operator*=(const Fp &O) {
    L = mulMont(L, O.L);
    return *this;
  }
  Fp square() const { return *this * *this; }

  /// x^e for an arbitrary-length little-endian exponent.
  Fp pow(const uint64_t *E, size_t NLimbs) const {
    Fp Acc = one();
    for (size_t I = NLimbs; I-- > 0;)
      for (int B = 63; B >= 0; --B) {
        Acc = Acc.square();
        if ((E[I] >> B) & 1)
          Acc *= *this;
      }
    return Acc;
  }
  Fp pow(const Limbs &E) const { return pow(E.data(), 4); }

  /// Multiplicative inverse by Fermat (x^(p-2)); inverse(0) = 0.
  Fp inverse() const {
    Limbs E = Params::P;
    E[0] -= 2; // p is odd and > 2, so no borrow
    return pow(E);
  }

  /// Square root when one exists, as x^((p+1)/4). Only instantiable for
  /// p = 3 mod 4 (Fq); Fr would need Tonelli-Shanks, which nothing needs yet.
  std::optional<Fp> sqrt() const {
    static_assert(Params::P[0] % 4 == 3, "sqrt needs p = 3 mod 4");
    Limbs E = Params::P;
    detail::addInPlace(E, Limbs{1, 0, 0, 0});
    for (int I = 0; I < 4; ++I)
      E[I] = (E[I] >> 2) | (I < 3 ? E[I + 1] << 62 : 0);
    Fp R = pow(E);
    if (R.square() == *this)
      return R;
    return std::nullopt;
  }

private:
  Limbs L;

  static Limbs bytesToLimbs(const uint8_t *B, bool BigEndian) {
    Limbs V{0, 0, 0, 0};
    for (int I = 0; I < 32; ++I) {
      int Pos = BigEndian ? 31 - I : I; // byte significance
      V[Pos / 8] |= (uint64_t)B[I] << (8 * (Pos % 8));
    }
    return V;
  }
  static void limbsToBytes(const Limbs &V, uint8_t *Out, bool BigEndian) {
    for (int I = 0; I < 32; ++I) {
      int Pos = BigEndian ? 31 - I : I;
      Out[I] = (uint8_t)(V[Pos / 8] >> (8 * (Pos % 8)));
    }
  }

  /// Lo word of A*B + T + Carry; the high word goes back into Carry. The
  /// sum cannot overflow 128 bits. Written with explicit carry adds because
  /// GCC spills badly when the same thing is expressed as u128 additions.
  __attribute__((always_inline)) static inline uint64_t
  mac(uint64_t A, uint64_t B, uint64_t T, uint64_t &Carry) {
    u128 X = (u128)A * B;
    uint64_t Lo = (uint64_t)X, Hi = (uint64_t)(X >> 64);
    unsigned char C = 0;
    Lo = detail::addCarry(Lo, T, C);
    Hi += C;
    C = 0;
    Lo = detail::addCarry(Lo, Carry, C);
    Hi += C;
    Carry = Hi;
    return Lo;
  }

  /// One CIOS round: T = (T + A * Bi + M * P) / 2^64. The top limb of P is
  /// < 2^62, so the running value never needs a fifth limb (the "no-carry"
  /// observation from the gnark-crypto write-up).
  __attribute__((always_inline)) static inline void
  montRound(const Limbs &A, uint64_t Bi, uint64_t &T0, uint64_t &T1,
            uint64_t &T2, uint64_t &T3) {
    constexpr Limbs P = Params::P;
    uint64_t CA = 0, CM = 0;
    T0 = mac(A[0], Bi, T0, CA);
    uint64_t M = T0 * Params::Inv;
    (void)mac(M, P[0], T0, CM); // low word is zero by choice of M
    T1 = mac(A[1], Bi, T1, CA);
    T0 = mac(M, P[1], T1, CM);
    T2 = mac(A[2], Bi, T2, CA);
    T1 = mac(M, P[2], T2, CM);
    T3 = mac(A[3], Bi, T3, CA);
    T2 = mac(M, P[3], T3, CM);
    T3 = CA + CM;
  }

  /// Montgomery product A * B / 2^256 mod p (CIOS, rounds unrolled).
  /// On x86-64 the rounds are hand-scheduled MUL/ADC (baseline ISA, so no
  /// CPU dispatch is needed); define ZKEVMC_BN254_PORTABLE to use the C form.
  static inline Limbs mulMont(const Limbs &A, const Limbs &B) {
    uint64_t T0 = 0, T1 = 0, T2 = 0, T3 = 0;
#if defined(__x86_64__) && !defined(ZKEVMC_BN254_PORTABLE)
    uint64_t Bi, M, CA, CM;
    // Each limb step: (hi, lo) = x * y + addend1 + addend2, with two ADCs
    // into the high word. A and B are read through base registers and the
    // constants are immediates, so the block needs 12 registers even at -O0.
    // clang-format off
#define ZK_BN_STEP(LOAD, MUL, ADD1, ADD2, DST, CARRY)                          \
  LOAD ", %%rax\n\t"                                                           \
  "mulq " MUL "\n\t"                                                           \
  "addq " ADD1 ", %%rax\n\t"                                                   \
  "adcq $0, %%rdx\n\t"                                                         \
  "addq " ADD2 ", %%rax\n\t"                                                   \
  "adcq $0, %%rdx\n\t"                                                         \
  "movq %%rax, " DST "\n\t"                                                    \
  "movq %%rdx, " CARRY "\n\t"
#define ZK_BN_ROUND(BOFF)                                                      \
  "movq " BOFF "(%[b]), %[bi]\n\t"                                             \
  "movq (%[a]), %%rax\n\t"                                                     \
  "mulq %[bi]\n\t"                                                             \
  "addq %%rax, %[t0]\n\t"                                                      \
  "adcq $0, %%rdx\n\t"                                                         \
  "movq %%rdx, %[ca]\n\t"                                                      \
  "movabsq %[inv], %[m]\n\t"                                                   \
  "imulq %[t0], %[m]\n\t"                                                      \
  "movabsq %[p0], %%rax\n\t"                                                   \
  "mulq %[m]\n\t"                                                              \
  "addq %[t0], %%rax\n\t"                                                      \
  "adcq $0, %%rdx\n\t"                                                         \
  "movq %%rdx, %[cm]\n\t"                                                      \
  ZK_BN_STEP("movq 8(%[a])", "%[bi]", "%[ca]", "%[t1]", "%[t1]", "%[ca]")      \
  ZK_BN_STEP("movabsq %[p1]", "%[m]", "%[cm]", "%[t1]", "%[t0]", "%[cm]")      \
  ZK_BN_STEP("movq 16(%[a])", "%[bi]", "%[ca]", "%[t2]", "%[t2]", "%[ca]")     \
  ZK_BN_STEP("movabsq %[p2]", "%[m]", "%[cm]", "%[t2]", "%[t1]", "%[cm]")      \
  ZK_BN_STEP("movq 24(%[a])", "%[bi]", "%[ca]", "%[t3]", "%[t3]", "%[ca]")     \
  ZK_BN_STEP("movabsq %[p3]", "%[m]", "%[cm]", "%[t3]", "%[t2]", "%[cm]")      \
  "movq %[ca], %[t3]\n\t"                                                      \
  "addq %[cm], %[t3]\n\t"
    // clang-format on
    __asm__(ZK_BN_ROUND("0") ZK_BN_ROUND("8") ZK_BN_ROUND("16")
                ZK_BN_ROUND("24")
            : [t0] "+r"(T0), [t1] "+r"(T1), [t2] "+r"(T2), [t3] "+r"(T3),
              [bi] "=&r"(Bi), [m] "=&r"(M), [ca] "=&r"(CA), [cm] "=&r"(CM)
            : [a] "r"(A.data()), [b] "r"(B.data()), [p0] "i"(Params::P[0]),
              [p1] "i"(Params::P[1]), [p2] "i"(Params::P[2]),
              [p3] "i"(Params::P[3]), [inv] "i"(Params::Inv)
            : "rax", "rdx", "cc", "memory");
#undef ZK_BN_ROUND
#undef ZK_BN_STEP
#else
    montRound(A, B[0], T0, T1, T2, T3);
    montRound(A, B[1], T0, T1, T2, T3);
    montRound(A, B[2], T0, T1, T2, T3);
    montRound(A, B[3], T0, T1, T2, T3);
#endif
    return reduceOnce(T0, T1, T2, T3);
  }

  /// T mod p for T < 2p, without branches.
  static inline Limbs reduceOnce(uint64_t T0, uint64_t T1, uint64_t T2,
                                 uint64_t T3) {
    unsigned char B = 0;
    uint64_t R0 = detail::subBorrow(T0, Params::P[0], B);
    uint64_t R1 = detail::subBorrow(T1, Params::P[1], B);
    uint64_t R2 = detail::subBorrow(T2, Params::P[2], B);
    uint64_t R3 = detail::subBorrow(T3, Params::P[3], B);
    // Borrow set means T < p: keep T.
    return Limbs{B ? T0 : R0, B ? T1 : R1, B ? T2 : R2, B ? T3 : R3};
  }
};

using Fq = Fp<FqParams>;
using Fr = Fp<FrParams>;

/// Replaces every element of [Begin, Begin+N) by its inverse with one field
/// inversion (Montgomery's trick). Zeros are left as zero and do not poison
/// the rest of the batch.
template <typename F> void batchInverse(F *Elems, size_t N) {
  if (N == 0)
    return;
  // Prefix products of the non-zero elements.
  std::vector<F> Prefix(N);
  F Acc = F::one();
  for (size_t I = 0; I < N; ++I) {
    Prefix[I] = Acc;
    if (!Elems[I].isZero())
      Acc *= Elems[I];
  }
  F Inv = Acc.inverse();
  for (size_t I = N; I-- > 0;) {
    if (Elems[I].isZero())
      continue;
    F Orig = Elems[I];
    Elems[I] = Inv * Prefix[I];
    Inv *= Orig;
  }
}

} // namespace zkevmc::bn254

#endif // ZKEVMC_RUNTIME_BN254_FIELD_H
