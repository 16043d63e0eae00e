//===- ZkeyFormatsFuzzer.cpp - Fuzzes the .zkey and .ptau readers ---------===//
//
// Every input is opened as a .zkey and as a .ptau. Nothing may crash, every
// rejection must name the file, a key that opens must either fail the deep
// point check with a named error or load completely, and a loaded key must
// survive writeZkey and a second open unchanged. Every Lagrange block a ptau
// reports must lie inside its section.
//
//===----------------------------------------------------------------------===//

#include "FormatsFuzzInput.h"

#include "runtime/formats/PtauFile.h"
#include "runtime/formats/ZkeyFile.h"

using namespace zkevmc;
using namespace zkevmc::formats;

static bool sameHeader(const Groth16Header &A, const Groth16Header &B) {
  return A.NVars == B.NVars && A.NPublic == B.NPublic &&
         A.DomainSize == B.DomainSize && A.Alpha1 == B.Alpha1 &&
         A.Beta1 == B.Beta1 && A.Delta1 == B.Delta1 && A.Beta2 == B.Beta2 &&
         A.Gamma2 == B.Gamma2 && A.Delta2 == B.Delta2;
}

static void fuzzZkey(const std::string &In, const std::string &Out) {
  llvm::Expected<Zkey> Z = Zkey::open(In);
  fuzz::requireNamedError(Z, In);
  if (!Z)
    return;
  fuzz::requireNamedError(Z->validatePoints(), In);
  llvm::Expected<ZkeyContents> K = loadZkeyContents(*Z);
  fuzz::requireNamedError(K, In);
  if (!K)
    return;
  if (llvm::Error E = writeZkey(*K, Out))
    abort();
  llvm::Expected<Zkey> Again = Zkey::open(Out);
  if (!Again || !sameHeader(Again->header(), Z->header()) ||
      Again->ic() != Z->ic() ||
      Again->coefficients().size() != Z->coefficients().size() ||
      Again->sectionOrder() != Z->sectionOrder())
    abort();
  for (size_t I = 0; I < Z->coefficients().size(); ++I) {
    const ZkeyCoefficient &A = Z->coefficients()[I],
                          &B = Again->coefficients()[I];
    if (A.Matrix != B.Matrix || A.Constraint != B.Constraint ||
        A.Signal != B.Signal || A.Value != B.Value)
      abort();
  }
  llvm::Expected<ZkeyContents> K2 = loadZkeyContents(*Again);
  if (!K2 || K2->A != K->A || K2->B1 != K->B1 || K2->B2 != K->B2 ||
      K2->C != K->C || K2->H != K->H || K2->Contributions != K->Contributions)
    abort();
}

static void fuzzPtau(const std::string &In) {
  llvm::Expected<Ptau> P = Ptau::open(In);
  fuzz::requireNamedError(P, In);
  if (!P)
    return;
  // Touch the first and last point of every section through the decoders.
  auto Touch = [](PointSection S, size_t Stride) {
    if (!S.Count)
      return;
    const uint8_t *Last = S.Data + (S.Count - 1) * Stride;
    if (Stride == kG1Bytes) {
      (void)decodeG1Mont(S.Data);
      (void)decodeG1Mont(Last);
    } else {
      (void)decodeG2Mont(S.Data);
      (void)decodeG2Mont(Last);
    }
  };
  Touch(P->tauG1(), kG1Bytes);
  Touch(P->tauG2(), kG2Bytes);
  Touch(P->alphaTauG1(), kG1Bytes);
  Touch(P->betaTauG1(), kG1Bytes);
  Touch(P->betaG2(), kG2Bytes);
  // A block must lie inside its section: the mapping may extend past a
  // section, so a bad bound would not fault.
  auto Inside = [](PointSection Block, PointSection Whole, size_t Stride) {
    return Block.Data >= Whole.Data && Block.Data + Block.Count * Stride <=
                                           Whole.Data + Whole.Count * Stride;
  };
  for (uint32_t Log2 = 0; Log2 <= P->power() + 2; ++Log2) {
    auto B = P->lagrangeBlock(P->lagrangeTauG1(), Log2, kG1Bytes);
    fuzz::requireNamedError(B, In);
    if (B) {
      if (!Inside(*B, P->lagrangeTauG1(), kG1Bytes))
        abort();
      Touch(*B, kG1Bytes);
    }
    auto B2 = P->lagrangeBlock(P->lagrangeTauG2(), Log2, kG2Bytes);
    fuzz::requireNamedError(B2, In);
    if (B2) {
      if (!Inside(*B2, P->lagrangeTauG2(), kG2Bytes))
        abort();
      Touch(*B2, kG2Bytes);
    }
  }
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static const std::string In = fuzz::scratchPath(".in");
  static const std::string Out = fuzz::scratchPath(".out");
  fuzz::writeInput(In, Data, Size);
  fuzzZkey(In, Out);
  fuzzPtau(In);
  return 0;
}
