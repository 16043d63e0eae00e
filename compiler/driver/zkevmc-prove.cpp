//===- zkevmc-prove.cpp - The Groth16 prover: `zkevmc prove` -------------===//
//
//   zkevmc prove [--threads N] <circuit.zkey> <witness.wtns> <proof.json>
//                <public.json>
//   zkevmc-prove [--threads N] <circuit.zkey> <witness.wtns> <proof.json>
//                <public.json>
//
// A separate executable because the prover's memory is the point: it links
// LLVM's Support library statically instead of the shared libLLVM/libMLIR
// the compiler needs, whose loading alone costs ~70 MB resident before main
// runs (more than a whole 2^16-constraint proof). The `zkevmc` launcher
// runs it for `zkevmc prove` (argv[1] is then "prove"); called directly it
// is a drop-in for rapidsnark's `prover` (same argument order). Exit status
// 0 on success, 1 on bad input or a failed step.
//
//===----------------------------------------------------------------------===//

#include "compiler/driver/ProgressLine.h"

#include "runtime/formats/WtnsFile.h"
#include "runtime/formats/ZkeyFile.h"
#include "runtime/groth16/Prover.h"
#include "runtime/groth16/SnarkjsJson.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>
#include <vector>

using namespace llvm;
using namespace zkevmc;

namespace {

cl::list<std::string> files(cl::Positional, cl::OneOrMore,
                            cl::desc("<circuit.zkey> <witness.wtns> "
                                     "<proof.json> <public.json>"));
cl::opt<unsigned> threads("threads",
                          cl::desc("Worker threads (default: all cores)"),
                          cl::init(0));

const char *ProgramName = "zkevmc-prove";

int failWith(const Twine &Message) {
  WithColor::error(errs(), ProgramName) << Message << "\n";
  return 1;
}
int failWith(Error E) { return failWith(toString(std::move(E))); }

} // namespace

int main(int argc, char **argv) {
  // Run as `zkevmc prove ...`: drop the subcommand word, speak as zkevmc.
  std::vector<char *> Args(argv, argv + argc);
  std::string Usage = "zkevmc-prove";
  if (argc >= 2 && std::strcmp(argv[1], "prove") == 0) {
    Args.erase(Args.begin() + 1);
    ProgramName = "zkevmc";
    Usage = "zkevmc prove";
  }
  Args[0] = Usage.data();
  cl::ParseCommandLineOptions(
      int(Args.size()), Args.data(),
      "the zkevmc Groth16 prover (rapidsnark's argument order)\n");
  if (files.size() != 4)
    return failWith("prove: expected 4 arguments: <circuit.zkey> "
                    "<witness.wtns> <proof.json> <public.json>, got " +
                    Twine(files.size()));
  Expected<formats::Zkey> Key = formats::Zkey::open(files[0]);
  if (!Key)
    return failWith(Key.takeError());
  Expected<r1cs::Witness> W = formats::readWtns(files[1]);
  if (!W)
    return failWith(W.takeError());
  if (Error E = groth16::checkWitnessForKey(*Key, *W))
    return failWith(files[1] + ": " + toString(std::move(E)));
  driver::ProgressLine Line;
  groth16::ProverOptions Options;
  Options.Threads = threads;
  Options.Progress = Line.callback();
  Expected<groth16::ProofWithPublic> P = groth16::prove(*Key, *W, Options);
  Line.finish();
  if (!P)
    return failWith(P.takeError());
  if (Error E = groth16::writeProofJson(P->P, files[2]))
    return failWith(std::move(E));
  if (Error E = groth16::writePublicJson(P->Public, files[3]))
    return failWith(std::move(E));
  return 0;
}
