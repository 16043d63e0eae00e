//===- Tower.cpp - Frobenius constants and cyclotomic squaring for Fq12 ---===//
//
// The Frobenius constants are derived from q at first use rather than pasted
// in, so a typo in a 254-bit literal cannot silently break the pairing.
//
//===----------------------------------------------------------------------===//

#include "runtime/bn254/Tower.h"

#include <vector>

namespace zkevmc::bn254 {

namespace {

using BigInt = std::vector<uint64_t>; // little-endian limbs

BigInt mulBig(const BigInt &A, const BigInt &B) {
  BigInt R(A.size() + B.size(), 0);
  for (size_t I = 0; I < A.size(); ++I) {
    uint64_t Carry = 0;
    for (size_t J = 0; J < B.size(); ++J) {
      u128 T = (u128)A[I] * B[J] + R[I + J] + Carry;
      R[I + J] = (uint64_t)T;
      Carry = (uint64_t)(T >> 64);
    }
    R[I + B.size()] = Carry;
  }
  return R;
}

/// (Q^N - 1) / 6; exact because q = 1 mod 6.
BigInt frobeniusExponent(unsigned N) {
  BigInt Q(FqParams::P.begin(), FqParams::P.end());
  BigInt E = Q;
  for (unsigned I = 1; I < N; ++I)
    E = mulBig(E, Q);
  // Subtract one (q^N is odd, so no borrow past limb 0).
  E[0] -= 1;
  uint64_t Rem = 0;
  for (size_t I = E.size(); I-- > 0;) {
    u128 Cur = ((u128)Rem << 64) | E[I];
    E[I] = (uint64_t)(Cur / 6);
    Rem = (uint64_t)(Cur % 6);
  }
  return E;
}

struct FrobeniusTable {
  Fq2 Gamma[3][6];
  FrobeniusTable() {
    for (unsigned N = 1; N <= 3; ++N) {
      BigInt E = frobeniusExponent(N);
      Fq2 G = Fq2::xi().pow(E.data(), E.size());
      Fq2 Acc = Fq2::one();
      for (unsigned K = 0; K < 6; ++K) {
        Gamma[N - 1][K] = Acc;
        Acc *= G;
      }
    }
  }
};

} // namespace

const Fq2 (&frobeniusCoeffs())[3][6] {
  static const FrobeniusTable Table;
  return Table.Gamma;
}

Fq12 Fq12::frobenius(unsigned N) const {
  if (N == 0)
    return *this;
  if (N > 3)
    return frobenius(3).frobenius(N - 3);
  const Fq2 *G = frobeniusCoeffs()[N - 1];
  // Odd powers of q conjugate the Fq2 coefficients; even powers fix them.
  auto Map = [&](const Fq2 &C, unsigned K) {
    return (N & 1 ? C.conjugate() : C) * G[K];
  };
  return Fq12(Fq6(Map(C0.C0, 0), Map(C0.C1, 2), Map(C0.C2, 4)),
              Fq6(Map(C1.C0, 1), Map(C1.C1, 3), Map(C1.C2, 5)));
}

namespace {

/// Square of A0 + A1 s in Fq4 = Fq2[s]/(s^2 - xi), returned as (R0, R1).
void fq4Square(const Fq2 &A0, const Fq2 &A1, Fq2 &R0, Fq2 &R1) {
  Fq2 T0 = A0.square(), T1 = A1.square();
  R0 = T1.mulByXi() + T0;
  R1 = (A0 + A1).square() - T0 - T1;
}

} // namespace

Fq12 Fq12::cyclotomicSquare() const {
  // Read the element as A + B w + C w^2 with A, B, C in Fq4 = Fq2(s),
  // s = w^3. On the cyclotomic subgroup the norm relations let each of A, B
  // and C be squared independently (Granger-Scott 2010): 9 Fq2 squarings in
  // place of the 12 Fq2 multiplications of a generic squaring.
  const Fq2 &A0 = C0.C0, &A1 = C1.C1; // w^0, w^3
  const Fq2 &B0 = C1.C0, &B1 = C0.C2; // w^1, w^4
  const Fq2 &D0 = C0.C1, &D1 = C1.C2; // w^2, w^5
  Fq2 SA0, SA1, SB0, SB1, SD0, SD1;
  fq4Square(A0, A1, SA0, SA1);
  fq4Square(B0, B1, SB0, SB1);
  fq4Square(D0, D1, SD0, SD1);
  // A' = 3A^2 - 2 conj(A);  B' = 3 s D^2 + 2 conj(B);  D' = 3B^2 - 2 conj(D)
  auto Three = [](const Fq2 &X) { return X.dbl() + X; };
  Fq2 NA0 = Three(SA0) - A0.dbl();
  Fq2 NA1 = Three(SA1) + A1.dbl();
  // s * (SD0 + SD1 s) = xi SD1 + SD0 s
  Fq2 NB0 = Three(SD1.mulByXi()) + B0.dbl();
  Fq2 NB1 = Three(SD0) - B1.dbl();
  Fq2 ND0 = Three(SB0) - D0.dbl();
  Fq2 ND1 = Three(SB1) + D1.dbl();
  return Fq12(Fq6(NA0, ND0, NB1), Fq6(NB0, NA1, ND1));
}

} // namespace zkevmc::bn254
