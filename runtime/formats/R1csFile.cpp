//===- R1csFile.cpp - Reading and writing iden3 .r1cs files ---------------===//

#include "runtime/formats/R1csFile.h"
#include "runtime/formats/BinFile.h"
#include "runtime/formats/PrimeField.h"

#include "llvm/Support/FormatVariadic.h"

using namespace zkevmc;
using namespace zkevmc::formats;
using bn254::Fr;

namespace {
constexpr uint32_t kHeader = 1, kConstraints = 2, kWireToLabel = 3,
                   kCustomGatesList = 4, kCustomGatesUses = 5;
constexpr uint64_t kTermBytes = 4 + 32;
} // namespace

static llvm::Error makeError(const llvm::Twine &Msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Msg);
}

/// Reads one linear combination into LC. Field names are formatted only on
/// the error paths: a large circuit has millions of these.
static llvm::Error readLinearCombination(SectionReader &Rd, uint32_t NWires,
                                         uint32_t Index, char Which,
                                         r1cs::LinearCombination &LC) {
  auto Field = [&] {
    return llvm::formatv("constraint {0} {1}", Index, Which).str();
  };
  if (Rd.remaining() < 4)
    return Rd.bytes(4, Field() + " term count").takeError();
  uint32_t NTerms = readLE32(Rd.current());
  cantFail(Rd.bytes(4, ""));
  // Check the size up front so a lying count cannot make us reserve
  // gigabytes.
  if (uint64_t(NTerms) * kTermBytes > Rd.remaining())
    return Rd.error(
        llvm::formatv("truncated: {0}: {1} terms need {2} bytes, {3} left",
                      Field(), NTerms, uint64_t(NTerms) * kTermBytes,
                      Rd.remaining())
            .str());
  LC.reserve(NTerms);
  for (uint32_t T = 0; T < NTerms; ++T) {
    uint64_t At = Rd.offset();
    const uint8_t *P = cantFail(Rd.bytes(kTermBytes, ""));
    uint32_t Wire = readLE32(P);
    if (Wire >= NWires)
      return Rd.error(llvm::formatv("{0} term {1} (offset {2}): wire {3} out "
                                    "of range (nWires = {4})",
                                    Field(), T, At, Wire, NWires)
                          .str());
    std::optional<Fr> V = Fr::fromBytesLE(P + 4);
    if (!V)
      return Rd.error(llvm::formatv("{0} term {1} (offset {2}): coefficient "
                                    "{3} is not below the prime",
                                    Field(), T, At, leBytesToDecimal(P + 4, 32))
                          .str());
    LC.push_back(r1cs::Term{Wire, *V});
  }
  return llvm::Error::success();
}

llvm::Expected<r1cs::R1cs> formats::readR1cs(llvm::StringRef Path) {
  auto File = BinFile::open(Path, "r1cs", 1, 1);
  if (!File)
    return File.takeError();
  if (File->has(kCustomGatesList) || File->has(kCustomGatesUses))
    return File->error("custom gates unsupported (sections 4/5, written by "
                       "circom for custom templates)");

  r1cs::R1cs R;
  uint32_t NConstraints = 0;
  {
    auto Sec = File->section(kHeader, "header");
    if (!Sec)
      return Sec.takeError();
    SectionReader Rd(*File, *Sec, kHeader, "header");
    if (auto E = expectPrime(Rd, Fr::Modulus, "BN254's scalar field r"))
      return E;
    uint32_t *U32s[] = {&R.NWires, &R.NPubOut, &R.NPubIn, &R.NPrvIn};
    const char *Names[] = {"nWires", "nPubOut", "nPubIn", "nPrvIn"};
    for (int I = 0; I < 4; ++I) {
      auto V = Rd.u32(Names[I]);
      if (!V)
        return V.takeError();
      *U32s[I] = *V;
    }
    auto NLabels = Rd.u64("nLabels");
    if (!NLabels)
      return NLabels.takeError();
    R.NLabels = *NLabels;
    auto M = Rd.u32("mConstraints");
    if (!M)
      return M.takeError();
    NConstraints = *M;
    if (auto E = Rd.expectEnd())
      return E;
    if (R.NWires == 0)
      return Rd.error("nWires is 0 (wire 0, the constant 1, must exist)");
    uint64_t Io = 1 + uint64_t(R.NPubOut) + R.NPubIn + R.NPrvIn;
    if (Io > R.NWires)
      return Rd.error(llvm::formatv("1 + nPubOut + nPubIn + nPrvIn = {0} "
                                    "exceeds nWires = {1}",
                                    Io, R.NWires)
                          .str());
  }

  {
    auto Sec = File->section(kConstraints, "constraints");
    if (!Sec)
      return Sec.takeError();
    SectionReader Rd(*File, *Sec, kConstraints, "constraints");
    // Each constraint holds at least three term counts.
    if (uint64_t(NConstraints) * 12 > Sec->Size)
      return Rd.error(
          llvm::formatv("truncated: {0} constraints need at least {1} bytes, "
                        "section has {2}",
                        NConstraints, uint64_t(NConstraints) * 12, Sec->Size)
              .str());
    R.Constraints.resize(NConstraints);
    for (uint32_t I = 0; I < NConstraints; ++I) {
      r1cs::LinearCombination *LCs[] = {
          &R.Constraints[I].A, &R.Constraints[I].B, &R.Constraints[I].C};
      for (int K = 0; K < 3; ++K) {
        if (auto E = readLinearCombination(Rd, R.NWires, I, "ABC"[K], *LCs[K]))
          return E;
      }
    }
    if (auto E = Rd.expectEnd())
      return E;
  }

  {
    auto Sec = File->section(kWireToLabel, "wire-to-label map");
    if (!Sec)
      return Sec.takeError();
    SectionReader Rd(*File, *Sec, kWireToLabel, "wire-to-label map");
    if (Sec->Size != uint64_t(R.NWires) * 8)
      return Rd.error(llvm::formatv("size {0} bytes, expected 8 * nWires = {1}",
                                    Sec->Size, uint64_t(R.NWires) * 8)
                          .str());
    R.WireToLabel.resize(R.NWires);
    for (uint32_t W = 0; W < R.NWires; ++W) {
      uint64_t L = readLE64(Sec->Data + 8 * uint64_t(W));
      if (L >= R.NLabels)
        return Rd.error(llvm::formatv("wire {0} maps to label {1}, not below "
                                      "nLabels = {2}",
                                      W, L, R.NLabels)
                            .str());
      R.WireToLabel[W] = L;
    }
  }
  return R;
}

llvm::Error formats::validateR1cs(const r1cs::R1cs &R, llvm::StringRef Name) {
  if (R.NWires == 0)
    return makeError(llvm::Twine(Name) + ": NWires is 0 (wire 0 is the "
                                         "constant 1)");
  uint64_t Io = 1 + uint64_t(R.NPubOut) + R.NPubIn + R.NPrvIn;
  if (Io > R.NWires)
    return makeError(llvm::formatv("{0}: 1 + outputs + inputs = {1} exceeds "
                                   "NWires = {2}",
                                   Name, Io, R.NWires)
                         .str());
  if (R.Constraints.size() > UINT32_MAX)
    return makeError(llvm::Twine(Name) + ": more than 2^32-1 constraints");
  if (!R.WireToLabel.empty() && R.WireToLabel.size() != R.NWires)
    return makeError(llvm::formatv("{0}: WireToLabel has {1} entries, NWires "
                                   "is {2}",
                                   Name, R.WireToLabel.size(), R.NWires)
                         .str());
  for (size_t W = 0; W < R.WireToLabel.size(); ++W)
    if (R.WireToLabel[W] >= R.NLabels)
      return makeError(llvm::formatv("{0}: wire {1} maps to label {2}, not "
                                     "below NLabels = {3}",
                                     Name, W, R.WireToLabel[W], R.NLabels)
                           .str());
  if (R.WireToLabel.empty() && R.NLabels < R.NWires)
    return makeError(llvm::formatv("{0}: NLabels = {1} is below NWires = {2}",
                                   Name, R.NLabels, R.NWires)
                         .str());
  for (size_t I = 0; I < R.Constraints.size(); ++I) {
    const r1cs::LinearCombination *LCs[] = {
        &R.Constraints[I].A, &R.Constraints[I].B, &R.Constraints[I].C};
    for (int K = 0; K < 3; ++K) {
      if (LCs[K]->size() > UINT32_MAX)
        return makeError(llvm::formatv("{0}: constraint {1} {2} has too many "
                                       "terms",
                                       Name, I, "ABC"[K])
                             .str());
      for (const r1cs::Term &T : *LCs[K])
        if (T.Wire >= R.NWires)
          return makeError(llvm::formatv("{0}: constraint {1} {2}: wire {3} "
                                         "out of range (NWires = {4})",
                                         Name, I, "ABC"[K], T.Wire, R.NWires)
                               .str());
    }
  }
  return llvm::Error::success();
}

llvm::Error formats::writeR1cs(const r1cs::R1cs &R, llvm::StringRef Path) {
  if (auto E = validateR1cs(R, Path))
    return E;
  auto W = BinFileWriter::create(Path, "r1cs", 1, 3);
  if (!W)
    return W.takeError();

  // circom 2 writes the constraints section before the header; matching its
  // order makes our copy of a circom file byte-identical.
  if (auto E = W->beginSection(kConstraints))
    return E;
  uint8_t Term[kTermBytes];
  for (const r1cs::Constraint &C : R.Constraints) {
    for (const r1cs::LinearCombination *LC : {&C.A, &C.B, &C.C}) {
      W->writeU32(uint32_t(LC->size()));
      for (const r1cs::Term &T : *LC) {
        writeLE32(Term, T.Wire);
        T.Coeff.toBytesLE(Term + 4);
        W->write(Term, kTermBytes);
      }
    }
  }
  if (auto E = W->endSection())
    return E;

  if (auto E = W->beginSection(kHeader))
    return E;
  writePrime(*W, Fr::Modulus);
  W->writeU32(R.NWires);
  W->writeU32(R.NPubOut);
  W->writeU32(R.NPubIn);
  W->writeU32(R.NPrvIn);
  W->writeU64(R.NLabels);
  W->writeU32(uint32_t(R.Constraints.size()));
  if (auto E = W->endSection())
    return E;

  if (auto E = W->beginSection(kWireToLabel))
    return E;
  for (uint32_t Wire = 0; Wire < R.NWires; ++Wire)
    W->writeU64(R.WireToLabel.empty() ? Wire : R.WireToLabel[Wire]);
  if (auto E = W->endSection())
    return E;
  return W->close();
}
