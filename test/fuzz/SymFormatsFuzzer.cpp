//===- SymFormatsFuzzer.cpp - Fuzzes the .sym parser ----------------------===//
//
// Every input is parsed as .sym text. Nothing may crash, every rejection must
// name the file, and whatever the parser accepts must come back unchanged
// through the writer and a second read.
//
//===----------------------------------------------------------------------===//

#include "FormatsFuzzInput.h"

#include "runtime/formats/SymFile.h"

using namespace zkevmc;
using namespace zkevmc::formats;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static const std::string Out = fuzz::scratchPath(".sym");
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  auto S = parseSym(Text, "in.sym");
  if (!S) {
    std::string Message = llvm::toString(S.takeError());
    if (!llvm::StringRef(Message).starts_with("in.sym:"))
      abort();
    return 0;
  }
  if (llvm::Error E = writeSym(*S, Out)) {
    // The only thing parseSym accepts that writeSym refuses would be a name
    // with a line break, which the line splitting rules out.
    llvm::consumeError(std::move(E));
    abort();
  }
  auto Again = readSym(Out);
  if (!Again || Again->size() != S->size())
    abort();
  for (size_t I = 0; I < S->size(); ++I) {
    const r1cs::Symbol &A = (*S)[I], &B = (*Again)[I];
    if (A.Label != B.Label || A.Wire != B.Wire || A.Component != B.Component ||
        A.Name != B.Name)
      abort();
  }
  return 0;
}
