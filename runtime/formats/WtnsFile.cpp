//===- WtnsFile.cpp - Reading, writing and checking .wtns witnesses -------===//

#include "runtime/formats/WtnsFile.h"
#include "runtime/formats/BinFile.h"
#include "runtime/formats/PrimeField.h"

#include "llvm/Support/FormatVariadic.h"

using namespace zkevmc;
using namespace zkevmc::formats;
using bn254::Fr;

namespace {
constexpr uint32_t kHeader = 1, kValues = 2;
} // namespace

static llvm::Error makeError(const llvm::Twine &Msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Msg);
}

llvm::Expected<r1cs::Witness> formats::readWtns(llvm::StringRef Path) {
  auto File = BinFile::open(Path, "wtns", 2, 2);
  if (!File)
    return File.takeError();
  uint32_t N = 0;
  {
    auto Sec = File->section(kHeader, "header");
    if (!Sec)
      return Sec.takeError();
    SectionReader Rd(*File, *Sec, kHeader, "header");
    if (auto E = expectPrime(Rd, Fr::Modulus, "BN254's scalar field r"))
      return E;
    auto NW = Rd.u32("nWitness");
    if (!NW)
      return NW.takeError();
    N = *NW;
    if (auto E = Rd.expectEnd())
      return E;
  }
  auto Sec = File->section(kValues, "values");
  if (!Sec)
    return Sec.takeError();
  SectionReader Rd(*File, *Sec, kValues, "values");
  if (Sec->Size != uint64_t(N) * 32)
    return Rd.error(llvm::formatv("size {0} bytes, expected 32 * nWitness = "
                                  "{1}",
                                  Sec->Size, uint64_t(N) * 32)
                        .str());
  r1cs::Witness W;
  W.reserve(N);
  for (uint32_t I = 0; I < N; ++I) {
    const uint8_t *P = Sec->Data + 32 * uint64_t(I);
    std::optional<Fr> V = Fr::fromBytesLE(P);
    if (!V)
      return Rd.error(llvm::formatv("value {0} = {1} is not below the prime", I,
                                    leBytesToDecimal(P, 32))
                          .str());
    W.push_back(*V);
  }
  return W;
}

llvm::Error formats::writeWtns(const r1cs::Witness &W, llvm::StringRef Path) {
  if (W.size() > UINT32_MAX)
    return makeError(llvm::Twine(Path) + ": more than 2^32-1 values");
  auto Out = BinFileWriter::create(Path, "wtns", 2, 2);
  if (!Out)
    return Out.takeError();
  if (auto E = Out->beginSection(kHeader))
    return E;
  writePrime(*Out, Fr::Modulus);
  Out->writeU32(uint32_t(W.size()));
  if (auto E = Out->endSection())
    return E;
  if (auto E = Out->beginSection(kValues))
    return E;
  uint8_t B[32];
  for (const Fr &V : W) {
    V.toBytesLE(B);
    Out->write(B, 32);
  }
  if (auto E = Out->endSection())
    return E;
  return Out->close();
}

static llvm::Expected<Fr> evaluate(const r1cs::LinearCombination &LC,
                                   const r1cs::Witness &W, size_t Index,
                                   char Which) {
  Fr Sum;
  for (const r1cs::Term &T : LC) {
    if (T.Wire >= W.size())
      return makeError(llvm::formatv("constraint {0} {1}: wire {2} out of "
                                     "range ({3} values)",
                                     Index, Which, T.Wire, W.size())
                           .str());
    Sum += T.Coeff * W[T.Wire];
  }
  return Sum;
}

llvm::Error formats::checkWitness(const r1cs::R1cs &R, const r1cs::Witness &W) {
  if (W.size() != R.NWires)
    return makeError(llvm::formatv("witness for another circuit: {0} values, "
                                   "circuit has {1} wires",
                                   W.size(), R.NWires)
                         .str());
  if (!W[0].isOne())
    return makeError(llvm::formatv("witness value 0 (the constant wire) is "
                                   "{0}, not 1",
                                   W[0].toDecimal())
                         .str());
  for (size_t I = 0; I < R.Constraints.size(); ++I) {
    const r1cs::Constraint &C = R.Constraints[I];
    auto A = evaluate(C.A, W, I, 'A');
    if (!A)
      return A.takeError();
    auto B = evaluate(C.B, W, I, 'B');
    if (!B)
      return B.takeError();
    auto Cv = evaluate(C.C, W, I, 'C');
    if (!Cv)
      return Cv.takeError();
    Fr AB = *A * *B;
    if (AB != *Cv)
      return makeError(llvm::formatv("constraint {0} violated: A = {1}, B = "
                                     "{2}, A*B = {3}, but C = {4}",
                                     I, A->toDecimal(), B->toDecimal(),
                                     AB.toDecimal(), Cv->toDecimal())
                           .str());
  }
  return llvm::Error::success();
}
