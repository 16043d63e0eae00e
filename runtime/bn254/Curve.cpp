//===- Curve.cpp - BN254 generators, G2 subgroup check and EIP-197 codecs -===//

#include "runtime/bn254/Curve.h"

namespace zkevmc::bn254 {

G1Affine g1Generator() { return G1Affine(Fq::fromU64(1), Fq::fromU64(2)); }

G2Affine g2Generator() {
  static const G2Affine G(
      Fq2(*Fq::fromDecimal("108570469990230571359445707622328294813707563595"
                           "78518086990519993285655852781"),
          *Fq::fromDecimal("115597320329863871079910040213922857839258128618"
                           "21192530917403151452391805634")),
      Fq2(*Fq::fromDecimal("849565392312343141760497324748927243841819058726"
                           "3600148770280649306958101930"),
          *Fq::fromDecimal("408236787586343368133220340314543556831685132759"
                           "3401208105741076214120093531")));
  return G;
}

bool isInG2Subgroup(const G2Affine &Q) {
  // Direct r * Q; an endomorphism-based test would be faster but this runs
  // once per decoded precompile input, far from the prover's hot path.
  return G2(Q).mul(FrParams::P).isInfinity();
}

namespace {

bool allZero(const uint8_t *B, size_t N) {
  for (size_t I = 0; I < N; ++I)
    if (B[I])
      return false;
  return true;
}

} // namespace

std::optional<G1Affine> decodeG1(const uint8_t *In) {
  if (allZero(In, 64))
    return G1Affine::infinity();
  auto X = Fq::fromBytesBE(In), Y = Fq::fromBytesBE(In + 32);
  if (!X || !Y)
    return std::nullopt;
  G1Affine P(*X, *Y);
  if (!P.isOnCurve())
    return std::nullopt;
  return P;
}

std::optional<G2Affine> decodeG2(const uint8_t *In) {
  if (allZero(In, 128))
    return G2Affine::infinity();
  auto X1 = Fq::fromBytesBE(In), X0 = Fq::fromBytesBE(In + 32);
  auto Y1 = Fq::fromBytesBE(In + 64), Y0 = Fq::fromBytesBE(In + 96);
  if (!X0 || !X1 || !Y0 || !Y1)
    return std::nullopt;
  G2Affine Q(Fq2(*X0, *X1), Fq2(*Y0, *Y1));
  if (!Q.isOnCurve() || !isInG2Subgroup(Q))
    return std::nullopt;
  return Q;
}

void encodeG1(const G1Affine &P, uint8_t *Out) {
  if (P.Infinity) {
    for (int I = 0; I < 64; ++I)
      Out[I] = 0;
    return;
  }
  P.X.toBytesBE(Out);
  P.Y.toBytesBE(Out + 32);
}

void encodeG2(const G2Affine &Q, uint8_t *Out) {
  if (Q.Infinity) {
    for (int I = 0; I < 128; ++I)
      Out[I] = 0;
    return;
  }
  Q.X.C1.toBytesBE(Out);
  Q.X.C0.toBytesBE(Out + 32);
  Q.Y.C1.toBytesBE(Out + 64);
  Q.Y.C0.toBytesBE(Out + 96);
}

} // namespace zkevmc::bn254
