//===- SnarkjsJsonFuzzer.cpp - Fuzzes the snarkjs JSON readers ------------===//
//
// Every input is read as proof.json, public.json and verification_key.json.
// Nothing may crash, every rejection must name the file, and whatever a
// reader accepts must survive a write and a second read unchanged (so the
// readers accept only what the writers can express).
//
//===----------------------------------------------------------------------===//

#include "runtime/groth16/SnarkjsJson.h"

#include "llvm/ADT/StringRef.h"

#include <cstdlib>

using namespace zkevmc::groth16;

namespace {

template <typename T> void requireNamedError(llvm::Expected<T> &R) {
  if (R)
    return;
  std::string Message = llvm::toString(R.takeError());
  if (!llvm::StringRef(Message).starts_with("in.json: "))
    abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);

  llvm::Expected<Proof> P = parseProofJson(Text, "in.json");
  requireNamedError(P);
  if (P) {
    llvm::Expected<Proof> Again =
        parseProofJson(formatProofJson(*P), "out.json");
    if (!Again || Again->A != P->A || Again->B != P->B || Again->C != P->C)
      abort();
  }

  llvm::Expected<std::vector<zkevmc::bn254::Fr>> V =
      parsePublicJson(Text, "in.json");
  requireNamedError(V);
  if (V) {
    llvm::Expected<std::vector<zkevmc::bn254::Fr>> Again =
        parsePublicJson(formatPublicJson(*V), "out.json");
    if (!Again || *Again != *V)
      abort();
  }

  llvm::Expected<VerificationKey> K = parseVerificationKeyJson(Text, "in.json");
  requireNamedError(K);
  if (K) {
    llvm::Expected<VerificationKey> Again =
        parseVerificationKeyJson(formatVerificationKeyJson(*K), "out.json");
    if (!Again || Again->NPublic != K->NPublic || Again->IC != K->IC ||
        Again->Alpha1 != K->Alpha1 || Again->Beta2 != K->Beta2 ||
        Again->Gamma2 != K->Gamma2 || Again->Delta2 != K->Delta2)
      abort();
  }
  return 0;
}
