// The audit of the opcode gadget library: every opcode gadget, the
// sub-circuits they call, and the lemma the sub-circuit specs rely on.
//
// `zkevmc audit --opcodes` prints this; a verdict of a gadget that used a
// callee's spec (CheckResult::assumed) stands because the callee's row is
// proved too, which `allProved` requires.

#ifndef ZKEVMC_VERIFIER_OPCODEAUDIT_H
#define ZKEVMC_VERIFIER_OPCODEAUDIT_H

#include "verifier/Audit.h"

#include "mlir/IR/BuiltinOps.h"

#include <cstdint>
#include <vector>

namespace zkevmc::verifier {

struct OpcodeLibraryAudit {
  /// One row per requested opcode, then one per sub-circuit they call
  /// (opcode = the sub-circuit's name). Constraint and witness counts
  /// include the callees, once per call.
  std::vector<GadgetAudit> rows;
  /// The uniqueness of division with remainder (IntSpec.h), which the
  /// DIVMOD sub-circuits' functional spec rests on; checked when a DIVMOD
  /// sub-circuit is audited.
  bool divisionLemmaNeeded = false;
  bool divisionLemmaProved = false;
  double divisionLemmaSeconds = 0;

  double seconds() const;
  bool allProved() const;
};

/// Constraint ops and hint results of `circuit` with every zk.call counted
/// as its callee's (recursively).
unsigned countConstraintsInlined(zk::CircuitOp circuit);
unsigned countWitnessesInlined(zk::CircuitOp circuit);

/// Builds the gadgets for `opcodes` in `module` and audits them and their
/// sub-circuits. Fails where a check does (a malformed gadget).
/// `onRow` sees each row as soon as it is done.
llvm::Expected<OpcodeLibraryAudit> auditOpcodeLibrary(
    mlir::ModuleOp module, llvm::ArrayRef<uint8_t> opcodes,
    const CheckOptions &options,
    llvm::function_ref<void(const GadgetAudit &)> onRow = nullptr);

} // namespace zkevmc::verifier

#endif // ZKEVMC_VERIFIER_OPCODEAUDIT_H
