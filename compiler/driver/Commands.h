//===- Commands.h - zkevmc subcommands in their own files -------*- C++ -*-===//

#ifndef ZKEVMC_COMPILER_DRIVER_COMMANDS_H
#define ZKEVMC_COMPILER_DRIVER_COMMANDS_H

#include "compiler/r1cs/Lowering.h"

#include "mlir/IR/BuiltinOps.h"
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

/// `zkevmc setup`, `verify` and `zkey export-vkey`: Groth16 (`prove` is the
/// separate executable zkevmc-prove, which the `zkevmc` launcher runs).
extern llvm::cl::SubCommand setupCommand;
extern llvm::cl::SubCommand verifyCommand;
extern llvm::cl::SubCommand zkeyCommand;
int runSetup();
int runVerify();
int runZkey();

/// `zkevmc compile --emit=r1cs|r1cs-text|stats`: lowers the circuit named
/// `circuitName` (or every circuit no other calls) at `level`; Files writes
/// <output>/<circuit>.r1cs, .sym and .zk.mlir, the others print to `output`.
enum class R1csEmitKind { Files, Text, Stats };
int emitR1cs(mlir::ModuleOp module, R1csEmitKind kind, r1cs::OptLevel level,
             llvm::StringRef circuitName, llvm::StringRef input,
             llvm::StringRef output);
/// `-O0`, `-O1`, `-O2` (the option's character), or nullopt.
std::optional<r1cs::OptLevel> parseOptLevel(char level);
/// The module attribute of a .zk.mlir naming the level its .r1cs was
/// lowered at, so `zkevmc witness` numbers wires the same way.
inline constexpr llvm::StringLiteral kR1csLevelAttrName = "zkevmc.r1cs_level";

} // namespace zkevmc::driver

#endif // ZKEVMC_COMPILER_DRIVER_COMMANDS_H
