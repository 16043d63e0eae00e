//===- R1csFormatsFuzzer.cpp - Fuzzes the .r1cs and .wtns readers ---------===//
//
// Every input is read both as a .r1cs and as a .wtns file. Nothing may
// crash, every rejection must name the file, and whatever a reader accepts
// must survive a write and a second read unchanged. An accepted circuit is
// also checked against an all-zero witness, which must give a verdict (an
// error or success), never a crash.
//
//===----------------------------------------------------------------------===//

#include "FormatsFuzzInput.h"

#include "runtime/formats/R1csFile.h"
#include "runtime/formats/WtnsFile.h"

using namespace zkevmc;
using namespace zkevmc::formats;

static bool sameLc(const r1cs::LinearCombination &A,
                   const r1cs::LinearCombination &B) {
  if (A.size() != B.size())
    return false;
  for (size_t I = 0; I < A.size(); ++I)
    if (A[I].Wire != B[I].Wire || A[I].Coeff != B[I].Coeff)
      return false;
  return true;
}

static bool sameR1cs(const r1cs::R1cs &A, const r1cs::R1cs &B) {
  if (A.NWires != B.NWires || A.NPubOut != B.NPubOut || A.NPubIn != B.NPubIn ||
      A.NPrvIn != B.NPrvIn || A.NLabels != B.NLabels ||
      A.WireToLabel != B.WireToLabel ||
      A.Constraints.size() != B.Constraints.size())
    return false;
  for (size_t I = 0; I < A.Constraints.size(); ++I)
    if (!sameLc(A.Constraints[I].A, B.Constraints[I].A) ||
        !sameLc(A.Constraints[I].B, B.Constraints[I].B) ||
        !sameLc(A.Constraints[I].C, B.Constraints[I].C))
      return false;
  return true;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static const std::string In = fuzz::scratchPath(".in");
  static const std::string Out = fuzz::scratchPath(".out");
  fuzz::writeInput(In, Data, Size);

  llvm::Expected<r1cs::R1cs> R = readR1cs(In);
  fuzz::requireNamedError(R, In);
  if (R) {
    if (llvm::Error E = writeR1cs(*R, Out))
      abort();
    llvm::Expected<r1cs::R1cs> Again = readR1cs(Out);
    if (!Again || !sameR1cs(*R, *Again))
      abort();
    // Bound the witness so a header claiming 2^32 wires cannot exhaust
    // memory; the reader already proved the constraints fit in the input.
    if (R->NWires <= (1u << 16)) {
      r1cs::Witness W(R->NWires);
      W[0] = bn254::Fr::one();
      llvm::consumeError(checkWitness(*R, W));
    }
  }

  llvm::Expected<r1cs::Witness> W = readWtns(In);
  fuzz::requireNamedError(W, In);
  if (W) {
    if (llvm::Error E = writeWtns(*W, Out))
      abort();
    llvm::Expected<r1cs::Witness> Again = readWtns(Out);
    if (!Again || *Again != *W)
      abort();
  }
  return 0;
}
