//===- Pairing.cpp - BN254 Miller loop and final exponentiation -----------===//
//
// The Miller loop keeps T on the twist in homogeneous projective coordinates
// and evaluates each line at P directly as a sparse Fq12 element
// L0 + (L1 + L2 v) w, using the formulas of Costello, Lange and Naehrig
// ("Faster pairing computations on curves with high-degree twists", 2010).
// Lines are only correct up to factors in Fq2, which the final
// exponentiation kills (q^6 - 1 divides its exponent), so no inversions are
// needed.
//
//===----------------------------------------------------------------------===//

#include "runtime/bn254/Pairing.h"

namespace zkevmc::bn254 {

namespace {

/// BN parameter x; 6x + 2 drives the Miller loop.
constexpr uint64_t BnX = 4965661367192848881ull;

/// Signed binary (NAF) digits of 6x + 2, most significant first. NAF keeps
/// the number of addition steps low (26 instead of 37 for plain binary).
const std::vector<int> &loopDigits() {
  static const std::vector<int> Digits = [] {
    u128 K = (u128)BnX * 6 + 2;
    std::vector<int> LsbFirst;
    while (K) {
      int D = 0;
      if (K & 1) {
        D = 2 - (int)(K & 3); // +1 or -1
        K = D > 0 ? K - 1 : K + 1;
      }
      LsbFirst.push_back(D);
      K >>= 1;
    }
    return std::vector<int>(LsbFirst.rbegin(), LsbFirst.rend());
  }();
  return Digits;
}

struct G2Proj {
  Fq2 X, Y, Z; // x = X/Z, y = Y/Z
};

struct Line {
  Fq2 L0, L1, L2; // L0 + L1 w + L2 w^3
};

const Fq &twoInverse() {
  static const Fq H = Fq::fromU64(2).inverse();
  return H;
}

/// T <- 2T; returns the tangent at T evaluated at P = (Xp, Yp), scaled.
Line doublingStep(G2Proj &T, const Fq &Xp, const Fq &Yp) {
  const Fq2 &B = G2Traits::b();
  Fq2 A = (T.X * T.Y) * twoInverse();
  Fq2 YY = T.Y.square();
  Fq2 ZZ = T.Z.square();
  Fq2 E = B * (ZZ.dbl() + ZZ);
  Fq2 F = E.dbl() + E;
  Fq2 G = (YY + F) * twoInverse();
  Fq2 H = (T.Y + T.Z).square() - (YY + ZZ); // 2YZ
  Fq2 I = E - YY;
  Fq2 J = T.X.square();
  Fq2 ESq = E.square();
  T.X = A * (YY - F);
  T.Y = G.square() - (ESq.dbl() + ESq);
  T.Z = YY * H;
  return Line{-(H * Yp), (J.dbl() + J) * Xp, I};
}

/// T <- T + Q for affine Q; returns the chord through T and Q at P, scaled.
Line additionStep(G2Proj &T, const G2Affine &Q, const Fq &Xp, const Fq &Yp) {
  Fq2 Theta = T.Y - Q.Y * T.Z;
  Fq2 Lambda = T.X - Q.X * T.Z;
  Fq2 C = Theta.square();
  Fq2 D = Lambda.square();
  Fq2 E = Lambda * D;
  Fq2 F = T.Z * C;
  Fq2 G = T.X * D;
  Fq2 H = E + F - G.dbl();
  T.X = Lambda * H;
  T.Y = Theta * (G - H) - E * T.Y;
  T.Z = T.Z * E;
  Fq2 J = Theta * Q.X - Lambda * Q.Y;
  return Line{Lambda * Yp, -(Theta * Xp), J};
}

/// The twisted Frobenius pi(Q) = (conj(x) xi^((q-1)/3), conj(y) xi^((q-1)/2)).
G2Affine twistFrobenius(const G2Affine &Q) {
  const auto &G = frobeniusCoeffs();
  return G2Affine(Q.X.conjugate() * G[0][2], Q.Y.conjugate() * G[0][3]);
}

Fq12 applyLine(const Fq12 &F, const Line &L) {
  return F.mulByLine(L.L0, L.L1, L.L2);
}

/// F^x for x the BN parameter, F in the cyclotomic subgroup.
Fq12 powX(const Fq12 &F) {
  Fq12 Acc = F;
  for (int B = 62 - __builtin_clzll(BnX); B >= 0; --B) {
    Acc = Acc.cyclotomicSquare();
    if ((BnX >> B) & 1)
      Acc *= F;
  }
  return Acc;
}

} // namespace

Fq12 millerLoop(const G1Affine *Ps, const G2Affine *Qs, size_t N) {
  struct Work {
    Fq Xp, Yp;
    G2Affine Q, NegQ;
    G2Proj T;
  };
  std::vector<Work> Ws;
  for (size_t I = 0; I < N; ++I) {
    if (Ps[I].Infinity || Qs[I].Infinity)
      continue;
    Ws.push_back(Work{Ps[I].X, Ps[I].Y, Qs[I], -Qs[I],
                      G2Proj{Qs[I].X, Qs[I].Y, Fq2::one()}});
  }
  Fq12 F = Fq12::one();
  if (Ws.empty())
    return F;
  const std::vector<int> &Digits = loopDigits();
  for (size_t I = 1; I < Digits.size(); ++I) {
    if (I != 1)
      F = F.square();
    for (Work &W : Ws)
      F = applyLine(F, doublingStep(W.T, W.Xp, W.Yp));
    if (Digits[I] == 0)
      continue;
    for (Work &W : Ws)
      F = applyLine(
          F, additionStep(W.T, Digits[I] > 0 ? W.Q : W.NegQ, W.Xp, W.Yp));
  }
  // The two extra lines of the optimal ate pairing: T + pi(Q), then
  // T + pi(Q) - pi^2(Q) (the final T is not needed).
  const auto &G = frobeniusCoeffs();
  for (Work &W : Ws) {
    G2Affine Q1 = twistFrobenius(W.Q);
    G2Affine Q2(W.Q.X * G[1][2], -(W.Q.Y * G[1][3]));
    F = applyLine(F, additionStep(W.T, Q1, W.Xp, W.Yp));
    F = applyLine(F, additionStep(W.T, Q2, W.Xp, W.Yp));
  }
  return F;
}

Fq12 finalExponentiation(const Fq12 &In) {
  // Easy part: (q^6 - 1)(q^2 + 1) lands in the cyclotomic subgroup, where
  // inversion is conjugation and squaring can use the cheaper formula.
  Fq12 F = In.conjugate() * In.inverse();
  F = F.frobenius(2) * F;
  // Hard part (q^4 - q^2 + 1)/r, written in base q with coefficients in x
  // and evaluated by the addition chain of Scott et al., "On the final
  // exponentiation for calculating pairings on ordinary elliptic curves".
  Fq12 Fu = powX(F), Fu2 = powX(Fu), Fu3 = powX(Fu2);
  Fq12 Y0 = F.frobenius(1) * F.frobenius(2) * F.frobenius(3);
  Fq12 Y1 = F.conjugate();
  Fq12 Y2 = Fu2.frobenius(2);
  Fq12 Y3 = Fu.frobenius(1).conjugate();
  Fq12 Y4 = (Fu * Fu2.frobenius(1)).conjugate();
  Fq12 Y5 = Fu2.conjugate();
  Fq12 Y6 = (Fu3 * Fu3.frobenius(1)).conjugate();
  Fq12 T0 = Y6.cyclotomicSquare() * Y4 * Y5;
  Fq12 T1 = Y3 * Y5 * T0;
  T0 = T0 * Y2;
  T1 = (T1.cyclotomicSquare() * T0).cyclotomicSquare();
  T0 = T1 * Y1;
  T1 = T1 * Y0;
  return T0.cyclotomicSquare() * T1;
}

Fq12 pairing(const G1Affine &P, const G2Affine &Q) {
  return finalExponentiation(millerLoop(&P, &Q, 1));
}

bool pairingCheck(const G1Affine *Ps, const G2Affine *Qs, size_t N) {
  return finalExponentiation(millerLoop(Ps, Qs, N)).isOne();
}

bool pairingCheck(const std::vector<std::pair<G1Affine, G2Affine>> &Pairs) {
  std::vector<G1Affine> Ps;
  std::vector<G2Affine> Qs;
  for (const auto &PQ : Pairs) {
    Ps.push_back(PQ.first);
    Qs.push_back(PQ.second);
  }
  return pairingCheck(Ps.data(), Qs.data(), Ps.size());
}

bool eip197PairingCheck(const uint8_t *In, size_t Len, bool &Result) {
  if (Len % 192 != 0)
    return false;
  std::vector<G1Affine> Ps;
  std::vector<G2Affine> Qs;
  for (size_t Off = 0; Off < Len; Off += 192) {
    auto P = decodeG1(In + Off);
    auto Q = decodeG2(In + Off + 64);
    if (!P || !Q)
      return false;
    Ps.push_back(*P);
    Qs.push_back(*Q);
  }
  Result = pairingCheck(Ps.data(), Qs.data(), Ps.size());
  return true;
}

} // namespace zkevmc::bn254
