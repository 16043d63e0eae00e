//===- Curve.h - BN254 groups G1 and G2 in affine and Jacobian form -------===//
//
// G1 is y^2 = x^3 + 3 over Fq; G2 is the sextic D-type twist
// y^2 = x^3 + 3/(9+u) over Fq2, the convention of EIP-197 and snarkjs. Both
// share one template over the coordinate field. Jacobian coordinates
// (x = X/Z^2, y = Y/Z^3) keep inversions out of additions; Z = 0 is the point
// at infinity. Formulas are the a = 0 ones from the Explicit-Formulas
// Database (dbl-2009-l, add-2007-bl, madd-2007-bl).
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_BN254_CURVE_H
#define ZKEVMC_RUNTIME_BN254_CURVE_H

#include "runtime/bn254/Tower.h"

#include <optional>
#include <vector>

namespace zkevmc::bn254 {

struct G1Traits {
  using F = Fq;
  static const Fq &b() {
    static const Fq B = Fq::fromU64(3);
    return B;
  }
};

struct G2Traits {
  using F = Fq2;
  static const Fq2 &b() {
    static const Fq2 B = Fq2(Fq::fromU64(3), Fq::zero()) * Fq2::xi().inverse();
    return B;
  }
};

template <typename Traits> struct Jacobian;

template <typename Traits> struct Affine {
  using F = typename Traits::F;
  F X, Y;
  bool Infinity = true;

  Affine() = default;
  Affine(const F &X, const F &Y) : X(X), Y(Y), Infinity(false) {}
  static Affine infinity() { return Affine(); }

  bool isOnCurve() const {
    return Infinity || Y.square() == X.square() * X + Traits::b();
  }
  bool operator==(const Affine &O) const {
    if (Infinity || O.Infinity)
      return Infinity == O.Infinity;
    return X == O.X && Y == O.Y;
  }
  bool operator!=(const Affine &O) const { return !(*this == O); }
  Affine operator-() const {
    if (Infinity)
      return *this;
    return Affine(X, -Y);
  }
  Jacobian<Traits> toJacobian() const { return Jacobian<Traits>(*this); }
};

template <typename Traits> struct Jacobian {
  using F = typename Traits::F;
  F X, Y, Z;

  /// The point at infinity.
  Jacobian() : X(F::one()), Y(F::one()), Z() {}
  Jacobian(const F &X, const F &Y, const F &Z) : X(X), Y(Y), Z(Z) {}
  explicit Jacobian(const Affine<Traits> &A) {
    if (A.Infinity) {
      *this = Jacobian();
      return;
    }
    X = A.X;
    Y = A.Y;
    Z = F::one();
  }
  static Jacobian infinity() { return Jacobian(); }

  bool isInfinity() const { return Z.isZero(); }

  bool isOnCurve() const {
    if (isInfinity())
      return true;
    // Y^2 = X^3 + b Z^6
    F Z2 = Z.square();
    F Z6 = Z2.square() * Z2;
    return Y.square() == X.square() * X + Traits::b() * Z6;
  }

  /// Projective equality: cross-multiplies instead of normalising.
  bool operator==(const Jacobian &O) const {
    if (isInfinity() || O.isInfinity())
      return isInfinity() == O.isInfinity();
    F Z1Z1 = Z.square(), Z2Z2 = O.Z.square();
    if (X * Z2Z2 != O.X * Z1Z1)
      return false;
    return Y * Z2Z2 * O.Z == O.Y * Z1Z1 * Z;
  }
  bool operator!=(const Jacobian &O) const { return !(*this == O); }

  Jacobian operator-() const { return Jacobian(X, -Y, Z); }

  Jacobian dbl() const {
    if (isInfinity())
      return *this;
    F A = X.square(), B = Y.square(), C = B.square();
    F D = ((X + B).square() - A - C).dbl();
    F E = A.dbl() + A;
    F FF = E.square();
    F X3 = FF - D.dbl();
    F C8 = C.dbl().dbl().dbl();
    F Y3 = E * (D - X3) - C8;
    F Z3 = (Y * Z).dbl();
    return Jacobian(X3, Y3, Z3);
  }

  Jacobian operator+(const Jacobian &O) const {
    if (isInfinity())
      return O;
    if (O.isInfinity())
      return *this;
    F Z1Z1 = Z.square(), Z2Z2 = O.Z.square();
    F U1 = X * Z2Z2, U2 = O.X * Z1Z1;
    F S1 = Y * O.Z * Z2Z2, S2 = O.Y * Z * Z1Z1;
    F H = U2 - U1;
    F R = (S2 - S1).dbl();
    if (H.isZero())
      return R.isZero() ? dbl() : Jacobian();
    F I = H.dbl().square();
    F J = H * I;
    F V = U1 * I;
    F X3 = R.square() - J - V.dbl();
    F Y3 = R * (V - X3) - (S1 * J).dbl();
    F Z3 = ((Z + O.Z).square() - Z1Z1 - Z2Z2) * H;
    return Jacobian(X3, Y3, Z3);
  }
  Jacobian &operator+=(const Jacobian &O) { return *this = *this + O; }
  Jacobian operator-(const Jacobian &O) const { return *this + (-O); }

  /// Mixed addition with an affine point (Z2 = 1): the MSM workhorse.
  Jacobian operator+(const Affine<Traits> &O) const {
    if (O.Infinity)
      return *this;
    if (isInfinity())
      return Jacobian(O);
    F Z1Z1 = Z.square();
    F U2 = O.X * Z1Z1;
    F S2 = O.Y * Z * Z1Z1;
    F H = U2 - X;
    F R = (S2 - Y).dbl();
    if (H.isZero())
      return R.isZero() ? dbl() : Jacobian();
    F HH = H.square();
    F I = HH.dbl().dbl();
    F J = H * I;
    F V = X * I;
    F X3 = R.square() - J - V.dbl();
    F Y3 = R * (V - X3) - (Y * J).dbl();
    F Z3 = (Z + H).square() - Z1Z1 - HH;
    return Jacobian(X3, Y3, Z3);
  }
  Jacobian &operator+=(const Affine<Traits> &O) { return *this = *this + O; }

  /// k * P for a 256-bit little-endian integer k (not reduced mod r, so
  /// r * P can be formed for subgroup checks). Fixed 4-bit window.
  Jacobian mul(const Limbs &K) const {
    Jacobian Table[16];
    Table[0] = Jacobian();
    Table[1] = *this;
    for (int I = 2; I < 16; ++I)
      Table[I] = (I & 1) ? Table[I - 1] + *this : Table[I / 2].dbl();
    Jacobian Acc;
    bool Started = false;
    for (int Nib = 63; Nib >= 0; --Nib) {
      unsigned W = (unsigned)(K[Nib / 16] >> (4 * (Nib % 16))) & 15;
      if (Started)
        Acc = Acc.dbl().dbl().dbl().dbl();
      if (W) {
        Acc = Started ? Acc + Table[W] : Table[W];
        Started = true;
      }
    }
    return Acc;
  }
  Jacobian mul(const Fr &K) const { return mul(K.toLimbs()); }

  Affine<Traits> toAffine() const {
    if (isInfinity())
      return Affine<Traits>();
    F ZInv = Z.inverse();
    F ZInv2 = ZInv.square();
    return Affine<Traits>(X * ZInv2, Y * ZInv2 * ZInv);
  }

  /// Normalises many points with a single field inversion.
  static std::vector<Affine<Traits>>
  batchToAffine(const std::vector<Jacobian> &Pts) {
    std::vector<F> Zs(Pts.size());
    for (size_t I = 0; I < Pts.size(); ++I)
      Zs[I] = Pts[I].Z;
    batchInverse(Zs.data(), Zs.size());
    std::vector<Affine<Traits>> Out(Pts.size());
    for (size_t I = 0; I < Pts.size(); ++I) {
      if (Pts[I].isInfinity())
        continue;
      F ZInv2 = Zs[I].square();
      Out[I] = Affine<Traits>(Pts[I].X * ZInv2, Pts[I].Y * ZInv2 * Zs[I]);
    }
    return Out;
  }
};

using G1Affine = Affine<G1Traits>;
using G1 = Jacobian<G1Traits>;
using G2Affine = Affine<G2Traits>;
using G2 = Jacobian<G2Traits>;

/// (1, 2).
G1Affine g1Generator();
/// The EIP-197 / snarkjs generator of G2.
G2Affine g2Generator();

/// True when Q has order dividing r. Every point of G1 is in the subgroup
/// (cofactor 1), so this is needed only for G2, whose cofactor is not 1.
bool isInG2Subgroup(const G2Affine &Q);

/// EIP-196/197 encodings: big-endian 32-byte words; G1 as x || y, G2 as
/// x.c1 || x.c0 || y.c1 || y.c0 (imaginary part first); all-zero encodes
/// infinity. Decoding fails on coordinates >= q, points off the curve and,
/// for G2, points outside the order-r subgroup.
std::optional<G1Affine> decodeG1(const uint8_t *In64);
std::optional<G2Affine> decodeG2(const uint8_t *In128);
void encodeG1(const G1Affine &P, uint8_t *Out64);
void encodeG2(const G2Affine &Q, uint8_t *Out128);

} // namespace zkevmc::bn254

#endif // ZKEVMC_RUNTIME_BN254_CURVE_H
