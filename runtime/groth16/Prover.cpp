//===- Prover.cpp - Groth16 proving from a .zkey view and a witness -------===//

#include "runtime/groth16/Prover.h"

#include "runtime/groth16/Randomness.h"
#include "runtime/msm/Msm.h"
#include "runtime/ntt/Ntt.h"

#include <sys/mman.h>
#include <unistd.h>

using namespace llvm;
using namespace zkevmc::bn254;

namespace zkevmc::groth16 {

namespace {

Error proverError(const formats::Zkey &Key, const Twine &Msg) {
  return createStringError(inconvertibleErrorCode(), Key.path() + ": " + Msg);
}

/// Drops the resident pages of a read-only file mapping; they are reloaded
/// from the file if touched again, so this only trades memory for I/O.
void releasePages(const uint8_t *Data, size_t Bytes) {
  long Page = sysconf(_SC_PAGESIZE);
  if (Page <= 0 || !Data)
    return;
  uintptr_t Begin =
      (reinterpret_cast<uintptr_t>(Data) + Page - 1) & ~uintptr_t(Page - 1);
  uintptr_t End =
      (reinterpret_cast<uintptr_t>(Data) + Bytes) & ~uintptr_t(Page - 1);
  if (End > Begin)
    (void)madvise(reinterpret_cast<void *>(Begin), End - Begin, MADV_DONTNEED);
}

} // namespace

Error checkWitnessForKey(const formats::Zkey &Key, ArrayRef<Fr> W) {
  const formats::Groth16Header &H = Key.header();
  if (W.size() != H.NVars)
    return createStringError(inconvertibleErrorCode(),
                             "witness for another circuit: " + Twine(W.size()) +
                                 " values, the key " + Key.path() + " has " +
                                 Twine(H.NVars) + " signals");
  if (W.empty() || !W[0].isOne())
    return createStringError(inconvertibleErrorCode(),
                             "witness for another circuit: wire 0 must be 1 "
                             "(key " +
                                 Key.path() + ")");
  return Error::success();
}

Expected<ProofWithPublic> proveWithBlinding(const formats::Zkey &Key,
                                            ArrayRef<Fr> W, const Fr &R,
                                            const Fr &S,
                                            const ProverOptions &Options) {
  if (Error E = checkWitnessForKey(Key, W))
    return E;
  const formats::Groth16Header &Hd = Key.header();
  size_t N = Hd.DomainSize;
  unsigned LogN = 0;
  while ((size_t(1) << LogN) < N)
    ++LogN;
  if ((size_t(1) << LogN) != N || LogN + 1 > ntt::kMaxLogSize)
    return proverError(Key, "domain size " + Twine(N) +
                                " is not a power of two up to 2^" +
                                Twine(ntt::kMaxLogSize - 1));
  if (Key.a().Count != Hd.NVars || Key.b1().Count != Hd.NVars ||
      Key.b2().Count != Hd.NVars || Key.h().Count != N ||
      Key.c().Count + Hd.NPublic + 1 != Hd.NVars)
    return proverError(Key, "point sections do not match the header");
  unsigned T = Options.Threads;
  auto Progress = [&](StringRef Step, size_t Done, size_t Total) {
    if (Options.Progress)
      Options.Progress(Step, Done, Total);
  };

  // Evaluations of A and B on the domain; rows past the constraints stay 0.
  std::vector<Fr> A(N), B(N), C(N);
  for (const formats::ZkeyCoefficient &K : Key.coefficients()) {
    if (K.Constraint >= N || K.Signal >= Hd.NVars || K.Matrix > 1)
      return proverError(Key, "coefficient out of range");
    (K.Matrix == 0 ? A : B)[K.Constraint] += K.Value * W[K.Signal];
  }
  for (size_t I = 0; I < N; ++I)
    C[I] = A[I] * B[I];
  Progress("QAP", 1, 7);

  // Interpolate each and evaluate on the odd points w_{2n}^(2i+1) of the
  // doubled domain, where A*B - C does not vanish.
  ntt::Domain D(LogN);
  Fr Shift = ntt::rootOfUnity(LogN + 1);
  for (std::vector<Fr> *V : {&A, &B, &C}) {
    D.inverse(V->data(), T);
    D.cosetForward(V->data(), Shift, T);
  }
  for (size_t I = 0; I < N; ++I)
    A[I] = A[I] * B[I] - C[I];
  std::vector<Fr> &Hq = A;
  B = std::vector<Fr>();
  C = std::vector<Fr>();
  Progress("NTT", 2, 7);

  auto Release = [&](formats::PointSection Sec, size_t Stride) {
    if (Options.ReleaseSections)
      releasePages(Sec.Data, Sec.Count * Stride);
  };
  G1 PiA = msm::msmG1(Key.a().Data, W.data(), Hd.NVars, T);
  Release(Key.a(), formats::kG1Bytes);
  Progress("MSM A", 3, 7);
  G1 PiB1 = msm::msmG1(Key.b1().Data, W.data(), Hd.NVars, T);
  Release(Key.b1(), formats::kG1Bytes);
  Progress("MSM B1", 4, 7);
  G2 PiB = msm::msmG2(Key.b2().Data, W.data(), Hd.NVars, T);
  Release(Key.b2(), formats::kG2Bytes);
  Progress("MSM B2", 5, 7);
  G1 PiC =
      msm::msmG1(Key.c().Data, W.data() + Hd.NPublic + 1, Key.c().Count, T);
  Release(Key.c(), formats::kG1Bytes);
  Progress("MSM C", 6, 7);
  G1 PiH = msm::msmG1(Key.h().Data, Hq.data(), N, T);
  Release(Key.h(), formats::kG1Bytes);
  Progress("MSM H", 7, 7);

  // A = alpha + sum w_i A_i + r delta, B = beta + sum w_i B_i + s delta,
  // C = sum_priv w_i C_i + H + s A + r B1 - r s delta.
  G1 Delta1(Hd.Delta1);
  PiA += Hd.Alpha1;
  PiA += Delta1.mul(R);
  PiB += Hd.Beta2;
  PiB += G2(Hd.Delta2).mul(S);
  PiB1 += Hd.Beta1;
  PiB1 += Delta1.mul(S);
  PiC += PiH;
  PiC += PiA.mul(S);
  PiC += PiB1.mul(R);
  PiC += Delta1.mul(-(R * S));

  ProofWithPublic Out;
  Out.P.A = PiA.toAffine();
  Out.P.B = PiB.toAffine();
  Out.P.C = PiC.toAffine();
  Out.Public.assign(W.begin() + 1, W.begin() + 1 + Hd.NPublic);
  return Out;
}

Expected<ProofWithPublic> prove(const formats::Zkey &Key, ArrayRef<Fr> W,
                                const ProverOptions &Options) {
  Expected<Fr> R = randomFr();
  if (!R)
    return R.takeError();
  Expected<Fr> S = randomFr();
  if (!S)
    return S.takeError();
  return proveWithBlinding(Key, W, *R, *S, Options);
}

} // namespace zkevmc::groth16
