//===- Groth16Commands.cpp - zkevmc setup, prove, verify, zkey ------------===//
//
// The Groth16 toolchain, argument-compatible with its neighbours: `verify`
// takes snarkjs's order (verification key, public, proof). `prove` is
// zkevmc-prove.cpp, a separate lean executable that the `zkevmc` launcher
// runs. Exit status 0 on success;
// 1 on bad input, a failed step or (for verify) a proof that does not verify.
//
//===----------------------------------------------------------------------===//

#include "compiler/driver/Commands.h"
#include "compiler/driver/ProgressLine.h"

#include "runtime/formats/PtauFile.h"
#include "runtime/formats/R1csFile.h"
#include "runtime/formats/WtnsFile.h"
#include "runtime/formats/ZkeyFile.h"
#include "runtime/groth16/Prover.h"
#include "runtime/groth16/Setup.h"
#include "runtime/groth16/SnarkjsJson.h"
#include "runtime/groth16/Verifier.h"

#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <unistd.h>

using namespace llvm;

namespace zkevmc::driver {

cl::SubCommand setupCommand("setup",
                            "Make a Groth16 proving key (.zkey) for an R1CS");
cl::SubCommand
    verifyCommand("verify",
                  "Verify a Groth16 proof against a verification key");
cl::SubCommand zkeyCommand("zkey", "Proving-key tools: export-vkey");

namespace {

cl::opt<std::string> setupR1cs(cl::Positional, cl::Required,
                               cl::desc("<circuit.r1cs>"),
                               cl::sub(setupCommand));
cl::opt<std::string> setupOutput("o", cl::Required,
                                 cl::desc("The proving key to write"),
                                 cl::value_desc("circuit.zkey"),
                                 cl::sub(setupCommand));
cl::opt<std::string>
    setupPtau("ptau",
              cl::desc("A prepared powers-of-tau file: make the key snarkjs's "
                       "`groth16 setup` makes (before contributions)"),
              cl::value_desc("file.ptau"), cl::sub(setupCommand));
cl::opt<std::string> setupVkey("vkey",
                               cl::desc("Also write the verification key JSON"),
                               cl::value_desc("verification_key.json"),
                               cl::sub(setupCommand));

cl::list<std::string> verifyFiles(cl::Positional, cl::OneOrMore,
                                  cl::desc("<verification_key.json> "
                                           "<public.json> <proof.json>"),
                                  cl::sub(verifyCommand));

cl::list<std::string> zkeyArgs(cl::Positional, cl::OneOrMore,
                               cl::desc("export-vkey <circuit.zkey>"),
                               cl::sub(zkeyCommand));
cl::opt<std::string> zkeyOutput("o", cl::desc("Output file (default: stdout)"),
                                cl::value_desc("verification_key.json"),
                                cl::init("-"), cl::sub(zkeyCommand));

cl::opt<unsigned> threadsArg("threads",
                             cl::desc("Worker threads (default: all cores)"),
                             cl::init(0), cl::sub(setupCommand));

int failWith(Error E) {
  WithColor::error(errs(), "zkevmc") << toString(std::move(E)) << "\n";
  return 1;
}

int writeVkey(const formats::Zkey &Key, StringRef Path) {
  groth16::VerificationKey Vk =
      groth16::verificationKeyFromZkey(Key.header(), Key.ic());
  if (Path == "-") {
    outs() << groth16::formatVerificationKeyJson(Vk);
    return 0;
  }
  if (Error E = groth16::writeVerificationKeyJson(Vk, Path))
    return failWith(std::move(E));
  return 0;
}

} // namespace

int runSetup() {
  Expected<r1cs::R1cs> R = formats::readR1cs(setupR1cs);
  if (!R)
    return failWith(R.takeError());
  ProgressLine Line;
  groth16::SetupOptions Options;
  Options.Threads = threadsArg;
  Options.Progress = Line.callback();
  Expected<formats::ZkeyContents> K = [&]() -> Expected<formats::ZkeyContents> {
    if (setupPtau.empty()) {
      WithColor::warning(errs(), "zkevmc")
          << "INSECURE development setup: the toxic waste (tau, alpha, beta, "
             "gamma, delta) was drawn by this process, which could forge "
             "proofs for this key. Use --ptau with a ceremony's file and "
             "phase-2 contributions (snarkjs zkey contribute) for anything "
             "real.\n";
      return groth16::setupDevelopment(*R, Options);
    }
    Expected<formats::Ptau> P = formats::Ptau::open(setupPtau);
    if (!P)
      return P.takeError();
    return groth16::setupFromPtau(*R, *P, Options);
  }();
  Line.finish();
  if (!K)
    return failWith(K.takeError());
  if (Error E = formats::writeZkey(*K, setupOutput))
    return failWith(std::move(E));
  if (!setupVkey.empty()) {
    Expected<formats::Zkey> Key = formats::Zkey::open(setupOutput);
    if (!Key)
      return failWith(Key.takeError());
    return writeVkey(*Key, setupVkey);
  }
  return 0;
}

int runVerify() {
  if (verifyFiles.size() != 3)
    return fail("verify", "expected 3 arguments: <verification_key.json> "
                          "<public.json> <proof.json>, got " +
                              Twine(verifyFiles.size()));
  Expected<groth16::VerificationKey> Vk =
      groth16::readVerificationKeyJson(verifyFiles[0]);
  if (!Vk)
    return failWith(Vk.takeError());
  Expected<std::vector<bn254::Fr>> Public =
      groth16::readPublicJson(verifyFiles[1]);
  if (!Public)
    return failWith(Public.takeError());
  Expected<groth16::Proof> Proof = groth16::readProofJson(verifyFiles[2]);
  if (!Proof)
    return failWith(Proof.takeError());
  Expected<bool> Ok = groth16::verifyProof(*Vk, *Public, *Proof);
  if (!Ok) {
    outs() << "INVALID proof: " << toString(Ok.takeError()) << "\n";
    return 1;
  }
  if (!*Ok) {
    outs() << "INVALID proof\n";
    return 1;
  }
  outs() << "OK\n";
  return 0;
}

int runZkey() {
  if (zkeyArgs.size() != 2 || zkeyArgs[0] != "export-vkey")
    return fail("zkey", "usage: zkevmc zkey export-vkey <circuit.zkey> [-o "
                        "verification_key.json]");
  Expected<formats::Zkey> Key = formats::Zkey::open(zkeyArgs[1]);
  if (!Key)
    return failWith(Key.takeError());
  return writeVkey(*Key, zkeyOutput);
}

} // namespace zkevmc::driver
