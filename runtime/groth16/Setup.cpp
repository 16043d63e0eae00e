//===- Setup.cpp - Groth16 key generation in snarkjs's .zkey layout -------===//

#include "runtime/groth16/Setup.h"

#include "runtime/formats/R1csFile.h"
#include "runtime/groth16/Randomness.h"
#include "runtime/hash/Blake2b.h"
#include "runtime/ntt/Ntt.h"

#include <algorithm>
#include <atomic>
#include <thread>

using namespace llvm;
using namespace zkevmc::bn254;
using zkevmc::formats::ZkeyCoefficient;
using zkevmc::formats::ZkeyContents;
using zkevmc::hash::Blake2b;

namespace zkevmc::groth16 {

namespace {

Error setupError(const Twine &Msg) {
  return createStringError(inconvertibleErrorCode(), "setup: " + Msg);
}

unsigned threadCount(unsigned Requested) {
  if (Requested)
    return Requested;
  unsigned Hw = std::thread::hardware_concurrency();
  return Hw ? Hw : 1;
}

/// Runs Body(Begin, End) over [0, N) in chunks shared by Threads workers and
/// reports progress from the calling thread's worker only, so the callback
/// never runs concurrently with itself.
template <typename BodyT>
void parallelChunks(size_t N, unsigned Threads, StringRef Step,
                    const ProgressFn &Progress, BodyT Body) {
  const size_t Chunk = 1024;
  std::atomic<size_t> Next{0}, Done{0};
  auto Worker = [&](bool Reports) {
    for (;;) {
      size_t Begin = Next.fetch_add(Chunk);
      if (Begin >= N)
        return;
      size_t End = std::min(N, Begin + Chunk);
      Body(Begin, End);
      size_t Now = Done.fetch_add(End - Begin) + (End - Begin);
      if (Reports && Progress)
        Progress(Step, Now, N);
    }
  };
  unsigned T =
      std::max(1u, std::min<unsigned>(threadCount(Threads),
                                      unsigned((N + Chunk - 1) / Chunk)));
  std::vector<std::thread> Pool;
  for (unsigned I = 1; I < T; ++I)
    Pool.emplace_back(Worker, false);
  Worker(true);
  for (std::thread &Th : Pool)
    Th.join();
  if (Progress)
    Progress(Step, N, N);
}

/// Fixed-base scalar multiplication by a precomputed table of
/// d * 2^(8j) * G: a product costs 32 mixed additions and no doublings,
/// which is what makes a setup of millions of points affordable.
template <typename Traits> class FixedBase {
public:
  using AffineT = Affine<Traits>;
  using JacobianT = Jacobian<Traits>;
  static constexpr unsigned kWindow = 8;
  static constexpr unsigned kWindows = 32; // 256 bits
  static constexpr unsigned kDigits = (1u << kWindow) - 1;

  explicit FixedBase(const AffineT &G) {
    std::vector<JacobianT> Jac;
    Jac.reserve(size_t(kWindows) * kDigits);
    JacobianT Base(G);
    for (unsigned W = 0; W < kWindows; ++W) {
      JacobianT Acc = Base;
      for (unsigned D = 1; D <= kDigits; ++D) {
        Jac.push_back(Acc);
        Acc += Base;
      }
      Base = Acc; // 256 * Base
    }
    Table = JacobianT::batchToAffine(Jac);
  }

  JacobianT mul(const Fr &K) const {
    Limbs V = K.toLimbs();
    JacobianT Acc;
    for (unsigned W = 0; W < kWindows; ++W) {
      unsigned D = unsigned(V[W / 8] >> (8 * (W % 8))) & 0xff;
      if (D)
        Acc += Table[size_t(W) * kDigits + D - 1];
    }
    return Acc;
  }

  /// Out[i] = Scalars[i] * G for i < N, normalised to affine in batches.
  void mulMany(const Fr *Scalars, size_t N, AffineT *Out, unsigned Threads,
               StringRef Step, const ProgressFn &Progress) const {
    parallelChunks(N, Threads, Step, Progress, [&](size_t Begin, size_t End) {
      std::vector<JacobianT> Jac(End - Begin);
      for (size_t I = Begin; I < End; ++I)
        Jac[I - Begin] = mul(Scalars[I]);
      std::vector<AffineT> Aff = JacobianT::batchToAffine(Jac);
      std::copy(Aff.begin(), Aff.end(), Out + Begin);
    });
  }

private:
  std::vector<AffineT> Table;
};

/// L_j(tau) for j in [0, n), the Lagrange basis of the size-n domain with
/// root w: L_j(x) = (x^n - 1) / n * w^j / (x - w^j). One batch inversion.
Expected<std::vector<Fr>> lagrangeAt(const Fr &Tau, unsigned LogN) {
  size_t N = size_t(1) << LogN;
  Fr W = ntt::rootOfUnity(LogN);
  std::vector<Fr> Den(N), Pow(N);
  Fr P = Fr::one();
  for (size_t J = 0; J < N; ++J) {
    Pow[J] = P;
    Den[J] = Tau - P;
    if (Den[J].isZero())
      return setupError("tau is a root of unity of the domain; draw again");
    P *= W;
  }
  batchInverse(Den.data(), N);
  Fr TauN = Tau;
  for (unsigned I = 0; I < LogN; ++I)
    TauN = TauN.square();
  Fr Scale = (TauN - Fr::one()) * Fr::fromU64(N).inverse();
  for (size_t J = 0; J < N; ++J)
    Pow[J] = Scale * Pow[J] * Den[J];
  return Pow;
}

Error checkCircuit(const r1cs::R1cs &R) {
  if (Error E = formats::validateR1cs(R, "circuit"))
    return E;
  if (size_t(R.numPublic()) + 1 > R.NWires)
    return setupError("circuit has " + Twine(R.numPublic()) +
                      " public signals but only " + Twine(R.NWires) + " wires");
  return Error::success();
}

/// Per-wire evaluations a_s(tau), b_s(tau), c_s(tau), including the extra
/// rows that put L_{m+s} into a_s for the public wires.
struct WirePolys {
  std::vector<Fr> A, B, C;
};

WirePolys wirePolynomials(const r1cs::R1cs &R, const std::vector<Fr> &L) {
  WirePolys W;
  W.A.assign(R.NWires, Fr::zero());
  W.B.assign(R.NWires, Fr::zero());
  W.C.assign(R.NWires, Fr::zero());
  for (size_t C = 0; C < R.Constraints.size(); ++C) {
    const r1cs::Constraint &K = R.Constraints[C];
    for (const r1cs::Term &T : K.A)
      W.A[T.Wire] += T.Coeff * L[C];
    for (const r1cs::Term &T : K.B)
      W.B[T.Wire] += T.Coeff * L[C];
    for (const r1cs::Term &T : K.C)
      W.C[T.Wire] += T.Coeff * L[C];
  }
  size_t M = R.Constraints.size();
  for (uint32_t S = 0; S <= R.numPublic(); ++S)
    W.A[S] += L[M + S];
  return W;
}

} // namespace

Expected<unsigned> qapDomainLog2(const r1cs::R1cs &R) {
  uint64_t V = uint64_t(R.Constraints.size()) + R.numPublic();
  unsigned Log = 0;
  while (V >> (Log + 1))
    ++Log;
  unsigned K = Log + 1; // snarkjs: log2(nConstraints + nPublic) + 1
  if (K > ntt::kMaxLogSize - 1)
    return setupError("circuit needs a domain of 2^" + Twine(K) +
                      " (constraints + public signals = " + Twine(V) +
                      "); at most 2^" + Twine(ntt::kMaxLogSize - 1) +
                      " is supported");
  return K;
}

std::vector<ZkeyCoefficient> qapCoefficients(const r1cs::R1cs &R) {
  std::vector<ZkeyCoefficient> Out;
  size_t Total = R.numPublic() + 1;
  for (const r1cs::Constraint &K : R.Constraints)
    Total += K.A.size() + K.B.size();
  Out.reserve(Total);
  for (size_t C = 0; C < R.Constraints.size(); ++C) {
    for (const r1cs::Term &T : R.Constraints[C].A)
      Out.push_back({0, uint32_t(C), T.Wire, T.Coeff});
    for (const r1cs::Term &T : R.Constraints[C].B)
      Out.push_back({1, uint32_t(C), T.Wire, T.Coeff});
  }
  uint32_t M = uint32_t(R.Constraints.size());
  for (uint32_t S = 0; S <= R.numPublic(); ++S)
    Out.push_back({0, M + S, S, Fr::one()});
  return Out;
}

Expected<ZkeyContents> setupWithToxicWaste(const r1cs::R1cs &R,
                                           const ToxicWaste &Waste,
                                           const SetupOptions &Options) {
  if (Error E = checkCircuit(R))
    return E;
  Expected<unsigned> LogN = qapDomainLog2(R);
  if (!LogN)
    return LogN.takeError();
  if (Waste.Gamma.isZero() || Waste.Delta.isZero())
    return setupError("gamma and delta must be non-zero");
  size_t N = size_t(1) << *LogN;
  uint32_t NPub = R.numPublic();

  Expected<std::vector<Fr>> L = lagrangeAt(Waste.Tau, *LogN);
  if (!L)
    return L.takeError();
  WirePolys W = wirePolynomials(R, *L);
  L->clear();
  L->shrink_to_fit();

  ZkeyContents K;
  K.Header.NVars = R.NWires;
  K.Header.NPublic = NPub;
  K.Header.DomainSize = uint32_t(N);
  G1 G1Gen(g1Generator());
  G2 G2Gen(g2Generator());
  K.Header.Alpha1 = G1Gen.mul(Waste.Alpha).toAffine();
  K.Header.Beta1 = G1Gen.mul(Waste.Beta).toAffine();
  K.Header.Beta2 = G2Gen.mul(Waste.Beta).toAffine();
  K.Header.Gamma2 = G2Gen.mul(Waste.Gamma).toAffine();
  K.Header.Delta1 = G1Gen.mul(Waste.Delta).toAffine();
  K.Header.Delta2 = G2Gen.mul(Waste.Delta).toAffine();
  K.Coeffs = qapCoefficients(R);

  FixedBase<G1Traits> TG1(g1Generator());
  FixedBase<G2Traits> TG2(g2Generator());
  unsigned T = Options.Threads;
  const ProgressFn &P = Options.Progress;

  // The C-side scalars (beta a + alpha b + c) over gamma for the public
  // wires (IC) and over delta for the private ones (C).
  Fr GammaInv = Waste.Gamma.inverse(), DeltaInv = Waste.Delta.inverse();
  std::vector<Fr> Lin(R.NWires);
  for (uint32_t S = 0; S < R.NWires; ++S)
    Lin[S] = (Waste.Beta * W.A[S] + Waste.Alpha * W.B[S] + W.C[S]) *
             (S <= NPub ? GammaInv : DeltaInv);
  W.C.clear();
  W.C.shrink_to_fit();

  K.IC.resize(NPub + 1);
  TG1.mulMany(Lin.data(), NPub + 1, K.IC.data(), T, "IC", P);
  K.C.resize(R.NWires - NPub - 1);
  TG1.mulMany(Lin.data() + NPub + 1, K.C.size(), K.C.data(), T, "C", P);
  Lin.clear();
  Lin.shrink_to_fit();
  K.A.resize(R.NWires);
  TG1.mulMany(W.A.data(), R.NWires, K.A.data(), T, "A", P);
  K.B1.resize(R.NWires);
  TG1.mulMany(W.B.data(), R.NWires, K.B1.data(), T, "B1", P);
  K.B2.resize(R.NWires);
  TG2.mulMany(W.B.data(), R.NWires, K.B2.data(), T, "B2", P);
  W = WirePolys();

  // H[i] = L'_{2i+1}(tau) / delta on the domain of size 2n.
  Expected<std::vector<Fr>> L2 = lagrangeAt(Waste.Tau, *LogN + 1);
  if (!L2)
    return L2.takeError();
  std::vector<Fr> HScalars(N);
  for (size_t I = 0; I < N; ++I)
    HScalars[I] = (*L2)[2 * I + 1] * DeltaInv;
  L2->clear();
  L2->shrink_to_fit();
  K.H.resize(N);
  TG1.mulMany(HScalars.data(), N, K.H.data(), T, "H", P);
  return K;
}

Expected<ZkeyContents> setupDevelopment(const r1cs::R1cs &R,
                                        const SetupOptions &Options) {
  ToxicWaste Waste;
  for (Fr *V :
       {&Waste.Tau, &Waste.Alpha, &Waste.Beta, &Waste.Gamma, &Waste.Delta}) {
    Expected<Fr> X = randomNonZeroFr();
    if (!X)
      return X.takeError();
    *V = *X;
  }
  Expected<ZkeyContents> K = setupWithToxicWaste(R, Waste, Options);
  // Best effort: the secrets should not outlive the call in this frame.
  volatile uint8_t *Bytes = reinterpret_cast<volatile uint8_t *>(&Waste);
  for (size_t I = 0; I < sizeof(Waste); ++I)
    Bytes[I] = 0;
  return K;
}

namespace {

/// Adds Coeff * P to Acc; coefficient 1 (most of them in practice) is a
/// plain mixed addition.
template <typename Traits>
void addScaled(Jacobian<Traits> &Acc, const Affine<Traits> &P,
               const Fr &Coeff) {
  if (Coeff.isOne())
    Acc += P;
  else
    Acc += Jacobian<Traits>(P).mul(Coeff);
}

/// Decodes point Index of a raw section, checking it (a ptau is untrusted).
template <typename AffineT>
Expected<AffineT> ptauPoint(const formats::Ptau &P, formats::PointSection S,
                            size_t Index, StringRef What, size_t Bytes,
                            std::optional<AffineT> (*Decode)(const uint8_t *),
                            StringRef Group) {
  if (Index >= S.Count)
    return setupError(P.path() + ": " + What + " has " + Twine(S.Count) +
                      " points, point " + Twine(Index) + " needed");
  std::optional<AffineT> Pt = Decode(S.Data + Index * Bytes);
  if (!Pt)
    return setupError(P.path() + ": " + What + " point " + Twine(Index) +
                      " is not a valid " + Group + " point");
  return *Pt;
}

Expected<G1Affine> ptauG1(const formats::Ptau &P, formats::PointSection S,
                          size_t Index, StringRef What) {
  return ptauPoint<G1Affine>(P, S, Index, What, formats::kG1Bytes,
                             formats::decodeG1Mont, "G1");
}

Expected<G2Affine> ptauG2(const formats::Ptau &P, formats::PointSection S,
                          size_t Index, StringRef What) {
  return ptauPoint<G2Affine>(P, S, Index, What, formats::kG2Bytes,
                             formats::decodeG2Mont, "G2");
}

/// Decodes a whole Lagrange block (a ptau's points are checked once here
/// rather than at every use).
template <typename AffineT, typename DecodeT>
Expected<std::vector<AffineT>>
decodeBlock(const formats::Ptau &P, formats::PointSection S, size_t Count,
            size_t Stride, StringRef What, DecodeT Decode) {
  if (S.Count < Count)
    return setupError(P.path() + ": " + What + " has " + Twine(S.Count) +
                      " points, " + Twine(Count) + " needed");
  std::vector<AffineT> Out(Count);
  for (size_t I = 0; I < Count; ++I) {
    std::optional<AffineT> Pt = Decode(S.Data + I * Stride);
    if (!Pt)
      return setupError(P.path() + ": " + What + " point " + Twine(I) +
                        " is not a valid curve point");
    Out[I] = *Pt;
  }
  return Out;
}

/// snarkjs's circuit hash feeds points in "uncompressed" form: affine,
/// big-endian canonical coordinates, G2 imaginary part first, all zeros for
/// infinity -- exactly the EIP-197 encoding.
void hashU32(Blake2b &H, uint32_t V) {
  uint8_t B[4] = {uint8_t(V >> 24), uint8_t(V >> 16), uint8_t(V >> 8),
                  uint8_t(V)};
  H.update(B, 4);
}
void hashPoint(Blake2b &H, const G1Affine &P) {
  uint8_t B[64];
  encodeG1(P, B);
  H.update(B, sizeof(B));
}
void hashPoint(Blake2b &H, const G2Affine &P) {
  uint8_t B[128];
  encodeG2(P, B);
  H.update(B, sizeof(B));
}
template <typename AffineT>
void hashSection(Blake2b &H, const std::vector<AffineT> &Pts) {
  hashU32(H, uint32_t(Pts.size()));
  for (const AffineT &P : Pts)
    hashPoint(H, P);
}

/// Section 10 of a fresh key as snarkjs's zkey_new.js writes it: the
/// BLAKE2b-512 of the header points, IC, the points (tau^(i+n) - tau^i) G1
/// for i < n - 1 (the monomial-basis H that a contribution rescales), C, A,
/// B1 and B2; then a contribution count of 0.
Expected<std::vector<uint8_t>> freshCircuitHash(const formats::Ptau &P,
                                                const ZkeyContents &K) {
  Blake2b H(64);
  hashPoint(H, K.Header.Alpha1);
  hashPoint(H, K.Header.Beta1);
  hashPoint(H, K.Header.Beta2);
  hashPoint(H, K.Header.Gamma2);
  hashPoint(H, K.Header.Delta1);
  hashPoint(H, K.Header.Delta2);
  hashSection(H, K.IC);
  size_t N = K.Header.DomainSize;
  hashU32(H, uint32_t(N - 1));
  const size_t Chunk = 4096;
  for (size_t Begin = 0; Begin + 1 < N; Begin += Chunk) {
    size_t End = std::min(N - 1, Begin + Chunk);
    std::vector<G1> Diff(End - Begin);
    for (size_t I = Begin; I < End; ++I) {
      Expected<G1Affine> Hi = ptauG1(P, P.tauG1(), I + N, "tauG1");
      if (!Hi)
        return Hi.takeError();
      Expected<G1Affine> Lo = ptauG1(P, P.tauG1(), I, "tauG1");
      if (!Lo)
        return Lo.takeError();
      Diff[I - Begin] = G1(*Hi) + (-*Lo);
    }
    for (const G1Affine &A : G1::batchToAffine(Diff))
      hashPoint(H, A);
  }
  hashSection(H, K.C);
  hashSection(H, K.A);
  hashSection(H, K.B1);
  hashSection(H, K.B2);
  std::vector<uint8_t> Out(64 + 4, 0);
  H.final(Out.data());
  return Out;
}

} // namespace

Expected<ZkeyContents> setupFromPtau(const r1cs::R1cs &R,
                                     const formats::Ptau &P,
                                     const SetupOptions &Options) {
  if (Error E = checkCircuit(R))
    return E;
  Expected<unsigned> LogN = qapDomainLog2(R);
  if (!LogN)
    return LogN.takeError();
  if (!P.prepared())
    return setupError(P.path() +
                      ": powers of tau are not prepared for phase 2 (run "
                      "`snarkjs powersoftau prepare phase2` first)");
  if (*LogN > P.power())
    return setupError(P.path() + ": circuit needs a domain of 2^" +
                      Twine(*LogN) + " but the ptau has power " +
                      Twine(P.power()));
  size_t N = size_t(1) << *LogN;
  uint32_t NPub = R.numPublic();

  auto G1Block = [&](formats::PointSection Whole, unsigned Log,
                     StringRef What) -> Expected<std::vector<G1Affine>> {
    Expected<formats::PointSection> B =
        P.lagrangeBlock(Whole, Log, formats::kG1Bytes);
    if (!B)
      return B.takeError();
    return decodeBlock<G1Affine>(P, *B, size_t(1) << Log, formats::kG1Bytes,
                                 What, formats::decodeG1Mont);
  };
  Expected<std::vector<G1Affine>> LTau =
      G1Block(P.lagrangeTauG1(), *LogN, "Lagrange tauG1");
  if (!LTau)
    return LTau.takeError();
  Expected<std::vector<G1Affine>> LAlpha =
      G1Block(P.lagrangeAlphaTauG1(), *LogN, "Lagrange alphaTauG1");
  if (!LAlpha)
    return LAlpha.takeError();
  Expected<std::vector<G1Affine>> LBeta =
      G1Block(P.lagrangeBetaTauG1(), *LogN, "Lagrange betaTauG1");
  if (!LBeta)
    return LBeta.takeError();
  Expected<formats::PointSection> B2Block =
      P.lagrangeBlock(P.lagrangeTauG2(), *LogN, formats::kG2Bytes);
  if (!B2Block)
    return B2Block.takeError();
  Expected<std::vector<G2Affine>> LTau2 =
      decodeBlock<G2Affine>(P, *B2Block, N, formats::kG2Bytes, "Lagrange tauG2",
                            formats::decodeG2Mont);
  if (!LTau2)
    return LTau2.takeError();

  ZkeyContents K;
  K.Header.NVars = R.NWires;
  K.Header.NPublic = NPub;
  K.Header.DomainSize = uint32_t(N);
  Expected<G1Affine> Alpha1 = ptauG1(P, P.alphaTauG1(), 0, "alphaTauG1");
  if (!Alpha1)
    return Alpha1.takeError();
  Expected<G1Affine> Beta1 = ptauG1(P, P.betaTauG1(), 0, "betaTauG1");
  if (!Beta1)
    return Beta1.takeError();
  Expected<G2Affine> Beta2 = ptauG2(P, P.betaG2(), 0, "betaG2");
  if (!Beta2)
    return Beta2.takeError();
  K.Header.Alpha1 = *Alpha1;
  K.Header.Beta1 = *Beta1;
  K.Header.Beta2 = *Beta2;
  K.Header.Gamma2 = g2Generator();
  K.Header.Delta1 = g1Generator();
  K.Header.Delta2 = g2Generator();
  K.Coeffs = qapCoefficients(R);

  // Each worker owns the wires s = t (mod T) and scans every constraint, so
  // the accumulators need no locks.
  std::vector<G1> A(R.NWires), B1(R.NWires), Lin(R.NWires);
  std::vector<G2> B2(R.NWires);
  unsigned T = threadCount(Options.Threads);
  size_t M = R.Constraints.size();
  auto Worker = [&](unsigned Tid) {
    for (size_t C = 0; C < M; ++C) {
      const r1cs::Constraint &Con = R.Constraints[C];
      for (const r1cs::Term &Tm : Con.A)
        if (Tm.Wire % T == Tid) {
          addScaled(A[Tm.Wire], (*LTau)[C], Tm.Coeff);
          addScaled(Lin[Tm.Wire], (*LBeta)[C], Tm.Coeff);
        }
      for (const r1cs::Term &Tm : Con.B)
        if (Tm.Wire % T == Tid) {
          addScaled(B1[Tm.Wire], (*LTau)[C], Tm.Coeff);
          addScaled(B2[Tm.Wire], (*LTau2)[C], Tm.Coeff);
          addScaled(Lin[Tm.Wire], (*LAlpha)[C], Tm.Coeff);
        }
      for (const r1cs::Term &Tm : Con.C)
        if (Tm.Wire % T == Tid)
          addScaled(Lin[Tm.Wire], (*LTau)[C], Tm.Coeff);
      if (Tid == 0 && Options.Progress && C % 1024 == 1023)
        Options.Progress("constraints", C + 1, M);
    }
    for (uint32_t S = 0; S <= NPub; ++S)
      if (S % T == Tid) {
        A[S] += (*LTau)[M + S];
        Lin[S] += (*LBeta)[M + S];
      }
  };
  std::vector<std::thread> Pool;
  for (unsigned I = 1; I < T; ++I)
    Pool.emplace_back(Worker, I);
  Worker(0);
  for (std::thread &Th : Pool)
    Th.join();
  if (Options.Progress)
    Options.Progress("constraints", M, M);

  K.A = G1::batchToAffine(A);
  K.B1 = G1::batchToAffine(B1);
  K.B2 = G2::batchToAffine(B2);
  std::vector<G1Affine> LinAff = G1::batchToAffine(Lin);
  K.IC.assign(LinAff.begin(), LinAff.begin() + NPub + 1);
  K.C.assign(LinAff.begin() + NPub + 1, LinAff.end());

  // H[i] = L'_{2i+1}(tau) G1 from the Lagrange block of the doubled domain.
  Expected<formats::PointSection> HBlock =
      P.lagrangeBlock(P.lagrangeTauG1(), *LogN + 1, formats::kG1Bytes);
  if (!HBlock)
    return HBlock.takeError();
  K.H.resize(N);
  for (size_t I = 0; I < N; ++I) {
    Expected<G1Affine> Pt = ptauG1(P, *HBlock, 2 * I + 1, "Lagrange tauG1");
    if (!Pt)
      return Pt.takeError();
    K.H[I] = *Pt;
  }
  Expected<std::vector<uint8_t>> Hash = freshCircuitHash(P, K);
  if (!Hash)
    return Hash.takeError();
  K.Contributions = std::move(*Hash);
  return K;
}

} // namespace zkevmc::groth16
