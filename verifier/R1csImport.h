// An iden3 .r1cs (circom's output) as a zk.circuit, and the audit of its
// determinism (`zkevmc audit --r1cs`).
//
// docs/verification.md ("Auditing circom R1CS") describes the translation
// and what the audit proves and assumes.

#ifndef ZKEVMC_VERIFIER_R1CSIMPORT_H
#define ZKEVMC_VERIFIER_R1CSIMPORT_H

#include "verifier/CircuitDeterminism.h"

#include "runtime/formats/R1cs.h"

#include "dialects/zk/IR/ZkDialect.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include "llvm/ADT/APInt.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace zkevmc::verifier {

/// A constraint system as a zk.circuit. Inputs are the public then the
/// private inputs (wire order), outputs the public outputs; every other
/// wire, outputs included, is a hint result (a zk.witness with no inputs).
/// A .r1cs holds no witness program, so these hints yield 0: the circuit is
/// for constraint analysis (its witnesses are free in the checks), not for
/// computing a witness. Each constraint ⟨A,w⟩·⟨B,w⟩ = ⟨C,w⟩ becomes
///  - `zk.assert_eq` of a linear combination when A or B is constant;
///  - when C = 0 and B = k·A + δ (k, δ constants: the booleanity pattern
///    x·(x − 1) = 0, also for a combination circom substituted into it):
///    A ∈ {0, −δ/k}, stated as a fresh boolean witness b with
///    `zk.assert_bool b` and s·A = −(sδ/k)·b (s ≠ 0 chosen to make the
///    coefficients small); b is determined by A, so the solutions over the
///    wires are the same;
///  - otherwise `zk.mul` of A and B and `zk.assert_eq` with C, each side
///    scaled by a nonzero constant when that makes the coefficients smaller.
/// A coefficient c above p/2 is written as −(p − c) (zk.sub / zk.neg).
struct ImportedR1cs {
  mlir::OwningOpRef<mlir::ModuleOp> module;
  zk::CircuitOp circuit;
  r1cs::R1cs system;
  /// The .sym name of each wire ("" when none is known).
  std::vector<std::string> wireNames;
  /// For each hint result, in the witness evaluator's order: its wire, or
  /// -1 for a booleanity constraint's auxiliary bit.
  std::vector<int64_t> witnessWires;
  /// How many constraints matched the booleanity pattern.
  unsigned booleanities = 0;

  /// The wire's name, else "one" for wire 0 and "wire N" for the others.
  std::string wireName(uint32_t wire) const;
  /// The full assignment (wire 0 = 1 first) of the circuit's inputs and a
  /// witness in its order.
  std::vector<llvm::APInt>
  wireValues(llvm::ArrayRef<llvm::APInt> inputs,
             llvm::ArrayRef<llvm::APInt> witness) const;
};

/// Imports `system` (validated as the .r1cs reader does) into a new module
/// in `context`; `wireNames` may be empty or one name per wire.
llvm::Expected<ImportedR1cs> importR1cs(mlir::MLIRContext &context,
                                        r1cs::R1cs system,
                                        std::vector<std::string> wireNames,
                                        llvm::StringRef circuitName = "r1cs");

/// Reads `r1csPath` (and `symPath`, or, when it is empty, the .sym next to
/// the .r1cs if there is one) and imports it. Errors name the file.
llvm::Expected<ImportedR1cs> importR1csFile(mlir::MLIRContext &context,
                                            llvm::StringRef r1csPath,
                                            llvm::StringRef symPath = "");

/// The first constraint of `system` that the full wire assignment violates
/// ("constraint 3: A·B = 5, C = 6"), evaluated directly in BN254's scalar
/// field; nothing when all hold. Values must be canonical field elements.
std::optional<std::string>
firstViolatedConstraint(const r1cs::R1cs &system,
                        llvm::ArrayRef<llvm::APInt> wires);

struct R1csDeterminism {
  /// The check on the imported circuit; a Failed verdict has been confirmed
  /// on the zk.circuit and again on the R1CS itself.
  CheckResult check;
  /// Failed only: the two full wire assignments (wire 0 first).
  std::vector<llvm::APInt> wires1, wires2;
};

/// Determinism of the imported system's outputs, inputs below 2^inputBits
/// (any field element when 0). A counterexample whose two assignments do
/// not both satisfy every R1CS constraint with differing outputs is not
/// reported (the verdict is then Unknown).
llvm::Expected<R1csDeterminism>
checkR1csDeterminism(const ImportedR1cs &imported,
                     const DeterminismOptions &options);

} // namespace zkevmc::verifier

#endif // ZKEVMC_VERIFIER_R1CSIMPORT_H
