//===- Commands.h - zkevmc subcommands in their own files -------*- C++ -*-===//

#ifndef ZKEVMC_COMPILER_DRIVER_COMMANDS_H
#define ZKEVMC_COMPILER_DRIVER_COMMANDS_H

#include "mlir/IR/Diagnostics.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/CommandLine.h"

namespace zkevmc::driver {

/// Prints `zkevmc: error: <input>: <message>` and returns exit status 1.
int fail(llvm::StringRef input, const llvm::Twine &message);

/// The `file:line:col` a location points at (then `: name` for a named
/// location), or its printed form.
std::string describeLocation(mlir::Location loc);

/// Prints an MLIR diagnostic on one line: `file:line:col: error: message`.
void printDiagnostic(mlir::Diagnostic &diag);

/// `zkevmc witness`: its subcommand object and entry point.
extern llvm::cl::SubCommand witnessCommand;
int runWitness();

/// `zkevmc run`: runs code in the reference interpreter.
extern llvm::cl::SubCommand runCommand;
int runRun();

/// `zkevmc audit`: proves the opcode gadgets with Z3.
extern llvm::cl::SubCommand auditCommand;
int runAudit();
/// `zkevmc audit <file.mlir>` (AuditFileCommand.cpp): whether a file was
/// given, and its entry point with the shared --timeout-ms and --json.
bool auditFileGiven();
int runAuditFile(unsigned timeoutMs, bool json);

/// `zkevmc export-verifier`: a Solidity Groth16 verifier for a key.
extern llvm::cl::SubCommand exportVerifierCommand;
int runExportVerifier();

/// `zkevmc export-calldata`: a proof as verifyProof arguments.
extern llvm::cl::SubCommand exportCalldataCommand;
int runExportCalldata();

} // namespace zkevmc::driver

#endif // ZKEVMC_COMPILER_DRIVER_COMMANDS_H
