//===- ExportVerifierCommand.cpp - zkevmc export-verifier, export-calldata ===//
//
// export-verifier writes a Solidity Groth16 verifier for the verification
// key of a snarkjs .zkey or verification_key.json; export-calldata prints
// a proof and its public inputs as that contract's verifyProof arguments.
//
//===----------------------------------------------------------------------===//

#include "compiler/driver/Commands.h"
#include "runtime/formats/ZkeyFile.h"
#include "runtime/groth16/SnarkjsJson.h"
#include "runtime/groth16/SolidityVerifier.h"
#include "runtime/groth16/Verifier.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"

using namespace llvm;

namespace zkevmc::driver {

cl::SubCommand exportVerifierCommand(
    "export-verifier",
    "Write a Solidity Groth16 verifier for a .zkey or verification_key.json");
cl::SubCommand exportCalldataCommand(
    "export-calldata",
    "Print public.json and proof.json as Solidity verifyProof arguments");

namespace {

cl::opt<std::string> keyFile(cl::Positional, cl::Required,
                             cl::desc("<circuit.zkey | verification_key.json>"),
                             cl::sub(exportVerifierCommand));
cl::opt<std::string> verifierOutput("o",
                                    cl::desc("Output file (default: stdout)"),
                                    cl::value_desc("Verifier.sol"),
                                    cl::init("-"),
                                    cl::sub(exportVerifierCommand));

cl::opt<std::string> publicFile(cl::Positional, cl::Required,
                                cl::desc("<public.json>"),
                                cl::sub(exportCalldataCommand));
cl::opt<std::string> proofFile(cl::Positional, cl::Required,
                               cl::desc("<proof.json>"),
                               cl::sub(exportCalldataCommand));

int failWith(Error err) {
  WithColor::error(errs(), "zkevmc") << toString(std::move(err)) << "\n";
  return 1;
}

// A .zkey starts with its magic; anything else is taken for JSON, whose
// reader then explains what is wrong with it.
Expected<bool> isZkey(StringRef path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> head =
      MemoryBuffer::getFileSlice(path, 4, 0, /*IsVolatile=*/false);
  if (!head)
    return createStringError(
        head.getError(), path + ": cannot read: " + head.getError().message());
  return (*head)->getBuffer() == "zkey";
}

Expected<groth16::VerificationKey> loadKey(StringRef path) {
  Expected<bool> zkey = isZkey(path);
  if (!zkey)
    return zkey.takeError();
  if (!*zkey)
    return groth16::readVerificationKeyJson(path);
  Expected<formats::Zkey> key = formats::Zkey::open(path);
  if (!key)
    return key.takeError();
  return groth16::verificationKeyFromZkey(key->header(), key->ic());
}

} // namespace

int runExportVerifier() {
  Expected<groth16::VerificationKey> vk = loadKey(keyFile);
  if (!vk)
    return failWith(vk.takeError());
  std::error_code ec;
  ToolOutputFile output(verifierOutput, ec, sys::fs::OF_Text);
  if (ec)
    return fail(verifierOutput, "cannot write: " + ec.message());
  output.os() << groth16::generateSolidityVerifier(*vk);
  output.os().flush();
  if (output.os().has_error()) {
    std::string message = output.os().error().message();
    output.os().clear_error(); // else the stream aborts when destroyed
    return fail(verifierOutput, "cannot write: " + message);
  }
  output.keep();
  return 0;
}

int runExportCalldata() {
  Expected<std::vector<bn254::Fr>> inputs = groth16::readPublicJson(publicFile);
  if (!inputs)
    return failWith(inputs.takeError());
  Expected<groth16::Proof> proof = groth16::readProofJson(proofFile);
  if (!proof)
    return failWith(proof.takeError());
  outs() << groth16::formatSolidityCalldata(*proof, *inputs) << "\n";
  return 0;
}

} // namespace zkevmc::driver
