//===- PtauFile.cpp - snarkjs powers-of-tau files (.ptau) -----------------===//

#include "runtime/formats/PtauFile.h"
#include "runtime/formats/PrimeField.h"

#include "llvm/Support/FormatVariadic.h"

using namespace zkevmc;
using namespace zkevmc::formats;

namespace {
/// snarkjs caps ceremonies at 2^28 (Fr's 2-adicity); anything larger is a
/// corrupt header, and rejecting it keeps the size arithmetic in range.
constexpr uint32_t kMaxPower = 28;
} // namespace

llvm::Expected<Ptau> Ptau::open(llvm::StringRef Path) {
  auto File = BinFile::open(Path, "ptau", 1, 1);
  if (!File)
    return File.takeError();
  Ptau P(std::move(*File));
  const BinFile &F = P.File;
  {
    auto Sec = F.section(1, "header");
    if (!Sec)
      return Sec.takeError();
    SectionReader Rd(F, *Sec, 1, "header");
    if (auto E = expectPrime(Rd, bn254::Fq::Modulus, "BN254's base field q"))
      return E;
    auto Power = Rd.u32("power");
    if (!Power)
      return Power.takeError();
    auto Ceremony = Rd.u32("ceremonyPower");
    if (!Ceremony)
      return Ceremony.takeError();
    if (auto E = Rd.expectEnd())
      return E;
    if (*Power < 1 || *Power > kMaxPower)
      return Rd.error(
          llvm::formatv("power {0} outside 1..{1}", *Power, kMaxPower).str());
    if (*Ceremony < *Power)
      return Rd.error(
          llvm::formatv("ceremonyPower {0} below power {1}", *Ceremony, *Power)
              .str());
    P.Power = *Power;
    P.CeremonyPower = *Ceremony;
  }

  uint64_t N = uint64_t(1) << P.Power;
  struct {
    uint32_t Type;
    const char *What;
    uint64_t Count;
    size_t Stride;
    PointSection *Out;
  } Required[] = {
      {2, "tauG1", 2 * N - 1, kG1Bytes, &P.TauG1},
      {3, "tauG2", N, kG2Bytes, &P.TauG2},
      {4, "alphaTauG1", N, kG1Bytes, &P.AlphaTauG1},
      {5, "betaTauG1", N, kG1Bytes, &P.BetaTauG1},
      {6, "betaG2", 1, kG2Bytes, &P.BetaG2},
  };
  for (auto &S : Required) {
    auto Sec = pointSection(F, S.Type, S.What, S.Count, S.Stride);
    if (!Sec)
      return Sec.takeError();
    *S.Out = *Sec;
  }

  int NLagrange = 0;
  for (uint32_t T = 12; T <= 15; ++T)
    NLagrange += F.has(T);
  if (NLagrange != 0 && NLagrange != 4)
    return F.error(llvm::formatv("only {0} of the 4 Lagrange sections 12-15 "
                                 "present (a partly prepared file)",
                                 NLagrange)
                       .str());
  if (NLagrange == 4) {
    struct {
      uint32_t Type;
      const char *What;
      uint64_t Count;
      size_t Stride;
      PointSection *Out;
    } Lagrange[] = {
        {12, "Lagrange tauG1", 4 * N - 1, kG1Bytes, &P.LTauG1},
        {13, "Lagrange tauG2", 2 * N - 1, kG2Bytes, &P.LTauG2},
        {14, "Lagrange alphaTauG1", 2 * N - 1, kG1Bytes, &P.LAlphaTauG1},
        {15, "Lagrange betaTauG1", 2 * N - 1, kG1Bytes, &P.LBetaTauG1},
    };
    for (auto &S : Lagrange) {
      auto Sec = pointSection(F, S.Type, S.What, S.Count, S.Stride);
      if (!Sec)
        return Sec.takeError();
      *S.Out = *Sec;
    }
    P.Prepared = true;
  }
  return P;
}

llvm::Expected<PointSection>
Ptau::lagrangeBlock(PointSection Whole, uint32_t Log2N, size_t Stride) const {
  if (!Prepared)
    return File.error("not prepared for phase 2 (no Lagrange sections "
                      "12-15; run `snarkjs powersoftau prepare phase2`)");
  if (Log2N > kMaxPower + 1)
    return File.error(
        llvm::formatv("no Lagrange block for domain 2^{0}", Log2N).str());
  uint64_t Size = uint64_t(1) << Log2N;
  uint64_t Start = Size - 1;
  if (Start + Size > Whole.Count)
    return File.error(llvm::formatv("domain 2^{0} needs Lagrange points up to "
                                    "index {1}, the section holds {2} (power "
                                    "{3})",
                                    Log2N, Start + Size, Whole.Count, Power)
                          .str());
  return PointSection{Whole.Data + Start * Stride, size_t(Size)};
}
