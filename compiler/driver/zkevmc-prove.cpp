//===- zkevmc-prove.cpp - A lean Groth16 prover with rapidsnark's interface
//===//
//
//   zkevmc-prove <circuit.zkey> <witness.wtns> <proof.json> <public.json>
//
// The same prover as `zkevmc prove`, in an executable that links LLVM's
// Support library statically instead of the shared libLLVM/libMLIR the
// compiler needs: loading those costs ~70 MB of resident memory before main
// runs, more than the whole proof needs at 2^16 constraints. Drop-in for
// rapidsnark's `prover` in scripts. Exit status 0 on success, 1 on error.
//
//===----------------------------------------------------------------------===//

#include "runtime/formats/WtnsFile.h"
#include "runtime/formats/ZkeyFile.h"
#include "runtime/groth16/Prover.h"
#include "runtime/groth16/SnarkjsJson.h"

#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace zkevmc;

namespace {

int failWith(Error E) {
  errs() << "zkevmc-prove: error: " << toString(std::move(E)) << "\n";
  return 1;
}

} // namespace

int main(int argc, char **argv) {
  if (argc != 5) {
    errs() << "usage: zkevmc-prove <circuit.zkey> <witness.wtns> <proof.json> "
              "<public.json>\n";
    return 1;
  }
  Expected<formats::Zkey> Key = formats::Zkey::open(argv[1]);
  if (!Key)
    return failWith(Key.takeError());
  Expected<r1cs::Witness> W = formats::readWtns(argv[2]);
  if (!W)
    return failWith(W.takeError());
  if (Error E = groth16::checkWitnessForKey(*Key, *W)) {
    errs() << "zkevmc-prove: error: " << argv[2] << ": "
           << toString(std::move(E)) << "\n";
    return 1;
  }
  Expected<groth16::ProofWithPublic> P = groth16::prove(*Key, *W);
  if (!P)
    return failWith(P.takeError());
  if (Error E = groth16::writeProofJson(P->P, argv[3]))
    return failWith(std::move(E));
  if (Error E = groth16::writePublicJson(P->Public, argv[4]))
    return failWith(std::move(E));
  return 0;
}
