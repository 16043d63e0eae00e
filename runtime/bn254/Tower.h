//===- Tower.h - BN254 extension tower Fq2, Fq6 and Fq12 ------------------===//
//
// Fq2 = Fq[u]/(u^2 + 1), Fq6 = Fq2[v]/(v^3 - xi) with xi = 9 + u, and
// Fq12 = Fq6[w]/(w^2 - v): the tower used by Ethereum's bn256 code and by
// snarkjs, so coefficients line up with their serialisations. Since w^6 = xi,
// Fq12 can also be read as Fq2 coefficients of 1, w, ..., w^5; the Frobenius
// maps use that view (coefficient of v^i w^j sits at power k = 2i + j).
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_BN254_TOWER_H
#define ZKEVMC_RUNTIME_BN254_TOWER_H

#include "runtime/bn254/Field.h"

namespace zkevmc::bn254 {

struct Fq2 {
  Fq C0, C1; // C0 + C1 u

  Fq2() = default;
  Fq2(const Fq &A, const Fq &B) : C0(A), C1(B) {}
  static Fq2 zero() { return Fq2(); }
  static Fq2 one() { return Fq2(Fq::one(), Fq::zero()); }
  /// xi = 9 + u, the non-residue defining Fq6 and the sextic twist.
  static Fq2 xi() { return Fq2(Fq::fromU64(9), Fq::one()); }
  template <typename Gen> static Fq2 random(Gen &&G) {
    Fq A = Fq::random(G);
    return Fq2(A, Fq::random(G));
  }

  bool isZero() const { return C0.isZero() && C1.isZero(); }
  bool operator==(const Fq2 &O) const { return C0 == O.C0 && C1 == O.C1; }
  bool operator!=(const Fq2 &O) const { return !(*this == O); }

  Fq2 operator+(const Fq2 &O) const { return Fq2(C0 + O.C0, C1 + O.C1); }
  Fq2 operator-(const Fq2 &O) const { return Fq2(C0 - O.C0, C1 - O.C1); }
  Fq2 operator-() const { return Fq2(-C0, -C1); }
  Fq2 &operator+=(const Fq2 &O) { return *this = *this + O; }
  Fq2 &operator-=(const Fq2 &O) { return *this = *this - O; }
  Fq2 dbl() const { return Fq2(C0.dbl(), C1.dbl()); }

  Fq2 operator*(const Fq2 &O) const {
    // Karatsuba: three base multiplications instead of four.
    Fq T0 = C0 * O.C0, T1 = C1 * O.C1;
    Fq Mid = (C0 + C1) * (O.C0 + O.C1);
    return Fq2(T0 - T1, Mid - T0 - T1);
  }
  Fq2 &operator*=(const Fq2 &O) { return *this = *this * O; }
  Fq2 operator*(const Fq &S) const { return Fq2(C0 * S, C1 * S); }
  Fq2 square() const {
    // (a + bu)^2 = (a+b)(a-b) + 2ab u: two multiplications.
    Fq AB = C0 * C1;
    return Fq2((C0 + C1) * (C0 - C1), AB.dbl());
  }
  Fq2 conjugate() const { return Fq2(C0, -C1); }
  /// Multiplication by xi = 9 + u, done with additions only.
  Fq2 mulByXi() const {
    Fq2 T = dbl().dbl().dbl(); // 8x
    return Fq2(T.C0 + C0 - C1, T.C1 + C1 + C0);
  }
  Fq2 inverse() const {
    Fq Norm = C0.square() + C1.square();
    Fq Inv = Norm.inverse();
    return Fq2(C0 * Inv, -(C1 * Inv));
  }
  /// x^e for an arbitrary-length little-endian exponent.
  Fq2 pow(const uint64_t *E, size_t NLimbs) const {
    Fq2 Acc = one();
    for (size_t I = NLimbs; I-- > 0;)
      for (int B = 63; B >= 0; --B) {
        Acc = Acc.square();
        if ((E[I] >> B) & 1)
          Acc *= *this;
      }
    return Acc;
  }
};

struct Fq6 {
  Fq2 C0, C1, C2; // C0 + C1 v + C2 v^2

  Fq6() = default;
  Fq6(const Fq2 &A, const Fq2 &B, const Fq2 &C) : C0(A), C1(B), C2(C) {}
  static Fq6 zero() { return Fq6(); }
  static Fq6 one() { return Fq6(Fq2::one(), Fq2(), Fq2()); }
  template <typename Gen> static Fq6 random(Gen &&G) {
    Fq2 A = Fq2::random(G), B = Fq2::random(G);
    return Fq6(A, B, Fq2::random(G));
  }

  bool isZero() const { return C0.isZero() && C1.isZero() && C2.isZero(); }
  bool operator==(const Fq6 &O) const {
    return C0 == O.C0 && C1 == O.C1 && C2 == O.C2;
  }
  bool operator!=(const Fq6 &O) const { return !(*this == O); }

  Fq6 operator+(const Fq6 &O) const {
    return Fq6(C0 + O.C0, C1 + O.C1, C2 + O.C2);
  }
  Fq6 operator-(const Fq6 &O) const {
    return Fq6(C0 - O.C0, C1 - O.C1, C2 - O.C2);
  }
  Fq6 operator-() const { return Fq6(-C0, -C1, -C2); }
  Fq6 &operator+=(const Fq6 &O) { return *this = *this + O; }
  Fq6 &operator-=(const Fq6 &O) { return *this = *this - O; }

  Fq6 operator*(const Fq6 &O) const {
    // Karatsuba over three coefficients: six Fq2 multiplications.
    Fq2 T0 = C0 * O.C0, T1 = C1 * O.C1, T2 = C2 * O.C2;
    Fq2 R0 = ((C1 + C2) * (O.C1 + O.C2) - T1 - T2).mulByXi() + T0;
    Fq2 R1 = (C0 + C1) * (O.C0 + O.C1) - T0 - T1 + T2.mulByXi();
    Fq2 R2 = (C0 + C2) * (O.C0 + O.C2) - T0 - T2 + T1;
    return Fq6(R0, R1, R2);
  }
  Fq6 &operator*=(const Fq6 &O) { return *this = *this * O; }
  Fq6 operator*(const Fq2 &S) const { return Fq6(C0 * S, C1 * S, C2 * S); }
  Fq6 square() const {
    // Chung-Hasan SQR2: two multiplications and three squarings.
    Fq2 S0 = C0.square();
    Fq2 AB = C0 * C1;
    Fq2 S1 = AB.dbl();
    Fq2 S2 = (C0 - C1 + C2).square();
    Fq2 BC = C1 * C2;
    Fq2 S3 = BC.dbl();
    Fq2 S4 = C2.square();
    return Fq6(S3.mulByXi() + S0, S4.mulByXi() + S1, S1 + S2 + S3 - S0 - S4);
  }
  /// Multiplication by v (a shift, wrapping through xi).
  Fq6 mulByV() const { return Fq6(C2.mulByXi(), C0, C1); }
  /// Multiplication by the sparse element B0 + B1 v (five Fq2 products).
  Fq6 mulBy01(const Fq2 &B0, const Fq2 &B1) const {
    Fq2 T0 = C0 * B0, T1 = C1 * B1;
    Fq2 R0 = ((C1 + C2) * B1 - T1).mulByXi() + T0;
    Fq2 R1 = (C0 + C1) * (B0 + B1) - T0 - T1;
    Fq2 R2 = (C0 + C2) * B0 - T0 + T1;
    return Fq6(R0, R1, R2);
  }
  Fq6 inverse() const {
    Fq2 A = C0.square() - (C1 * C2).mulByXi();
    Fq2 B = C2.square().mulByXi() - C0 * C1;
    Fq2 C = C1.square() - C0 * C2;
    Fq2 F = C0 * A + (C2 * B + C1 * C).mulByXi();
    Fq2 FInv = F.inverse();
    return Fq6(A * FInv, B * FInv, C * FInv);
  }
};

struct Fq12 {
  Fq6 C0, C1; // C0 + C1 w

  Fq12() = default;
  Fq12(const Fq6 &A, const Fq6 &B) : C0(A), C1(B) {}
  static Fq12 zero() { return Fq12(); }
  static Fq12 one() { return Fq12(Fq6::one(), Fq6()); }
  template <typename Gen> static Fq12 random(Gen &&G) {
    Fq6 A = Fq6::random(G);
    return Fq12(A, Fq6::random(G));
  }

  bool isZero() const { return C0.isZero() && C1.isZero(); }
  bool isOne() const { return *this == one(); }
  bool operator==(const Fq12 &O) const { return C0 == O.C0 && C1 == O.C1; }
  bool operator!=(const Fq12 &O) const { return !(*this == O); }

  Fq12 operator+(const Fq12 &O) const { return Fq12(C0 + O.C0, C1 + O.C1); }
  Fq12 operator-(const Fq12 &O) const { return Fq12(C0 - O.C0, C1 - O.C1); }
  Fq12 operator-() const { return Fq12(-C0, -C1); }

  Fq12 operator*(const Fq12 &O) const {
    Fq6 T0 = C0 * O.C0, T1 = C1 * O.C1;
    return Fq12(T0 + T1.mulByV(), (C0 + C1) * (O.C0 + O.C1) - T0 - T1);
  }
  Fq12 &operator*=(const Fq12 &O) { return *this = *this * O; }
  Fq12 square() const {
    // Complex squaring: two Fq6 multiplications.
    Fq6 T = C0 * C1;
    Fq6 R0 = (C0 + C1) * (C0 + C1.mulByV()) - T - T.mulByV();
    return Fq12(R0, T + T);
  }
  /// Multiplication by a Miller-loop line L0 + (L1 + L2 v) w.
  Fq12 mulByLine(const Fq2 &L0, const Fq2 &L1, const Fq2 &L2) const {
    Fq6 A0 = C0 * L0;
    Fq6 A1 = C1.mulBy01(L1, L2);
    Fq6 Mid = (C0 + C1).mulBy01(L0 + L1, L2);
    return Fq12(A0 + A1.mulByV(), Mid - A0 - A1);
  }
  /// x^(q^6): the inverse for elements of the cyclotomic subgroup.
  Fq12 conjugate() const { return Fq12(C0, -C1); }
  Fq12 inverse() const {
    Fq6 Den = (C0.square() - C1.square().mulByV()).inverse();
    return Fq12(C0 * Den, -(C1 * Den));
  }
  /// x^(q^N) for N in 1..3 (larger N by repetition).
  Fq12 frobenius(unsigned N = 1) const;
  /// Squaring valid only in the cyclotomic subgroup (after the easy part of
  /// the final exponentiation); Granger-Scott, cheaper than `square`.
  Fq12 cyclotomicSquare() const;
  /// x^e for an arbitrary-length little-endian exponent.
  Fq12 pow(const uint64_t *E, size_t NLimbs) const {
    Fq12 Acc = one();
    for (size_t I = NLimbs; I-- > 0;)
      for (int B = 63; B >= 0; --B) {
        Acc = Acc.square();
        if ((E[I] >> B) & 1)
          Acc *= *this;
      }
    return Acc;
  }
};

/// Frobenius coefficients gamma[n-1][k] = xi^(k (q^n - 1) / 6), n = 1..3,
/// k = 0..5, computed once on first use.
const Fq2 (&frobeniusCoeffs())[3][6];

} // namespace zkevmc::bn254

#endif // ZKEVMC_RUNTIME_BN254_TOWER_H
