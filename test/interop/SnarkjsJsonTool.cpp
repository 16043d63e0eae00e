//===- SnarkjsJsonTool.cpp - Rewrites snarkjs JSON through our readers ----===//
//
// zkevmc-snarkjs-json-tool <proof|public|vkey> <in.json> <out.json>: reads a
// snarkjs file with our reader and writes it back with our writer, so the
// interop test can compare bytes and hand our output to snarkjs. Exit status
// 0 on success, 1 with the error on stderr otherwise.
//
//===----------------------------------------------------------------------===//

#include "runtime/groth16/SnarkjsJson.h"

#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace zkevmc::groth16;

static Error rewrite(StringRef Kind, StringRef In, StringRef Out) {
  if (Kind == "proof") {
    Expected<Proof> P = readProofJson(In);
    if (!P)
      return P.takeError();
    return writeProofJson(*P, Out);
  }
  if (Kind == "public") {
    Expected<std::vector<zkevmc::bn254::Fr>> V = readPublicJson(In);
    if (!V)
      return V.takeError();
    return writePublicJson(*V, Out);
  }
  if (Kind == "vkey") {
    Expected<VerificationKey> VK = readVerificationKeyJson(In);
    if (!VK)
      return VK.takeError();
    return writeVerificationKeyJson(*VK, Out);
  }
  return createStringError(inconvertibleErrorCode(),
                           "unknown kind '" + Kind + "'");
}

int main(int Argc, char **Argv) {
  if (Argc != 4) {
    errs() << "usage: zkevmc-snarkjs-json-tool <proof|public|vkey> <in.json> "
              "<out.json>\n";
    return 1;
  }
  if (Error E = rewrite(Argv[1], Argv[2], Argv[3])) {
    WithColor::error(errs(), "zkevmc-snarkjs-json-tool")
        << toString(std::move(E)) << "\n";
    return 1;
  }
  return 0;
}
