//===- Evaluator.h - Witness generation and constraint checking -*- C++ -*-===//

#ifndef ZKEVMC_RUNTIME_WITNESS_EVALUATOR_H
#define ZKEVMC_RUNTIME_WITNESS_EVALUATOR_H

#include "dialects/zk/IR/ZkDialect.h"

#include "llvm/ADT/APInt.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace zkevmc::witness {

/// A constraint that the computed witness does not satisfy.
struct Violation {
  mlir::Location location;
  /// What failed, with the values involved, e.g. "zk.assert_eq: 3 != 4".
  std::string message;
};

/// The result of evaluating a circuit on concrete inputs.
struct Evaluation {
  /// The circuit's outputs, canonical field elements.
  std::vector<llvm::APInt> outputs;
  /// Every value produced by a `zk.witness` hint, in evaluation order
  /// (sub-circuits' hints where they are called).
  std::vector<llvm::APInt> witnesses;
  /// The number of constraints checked (assert_eq, assert_bool, range).
  unsigned constraintsChecked = 0;
  /// The first constraint the witness violates, if any.
  std::optional<Violation> firstViolation;
};

/// Computes every value of `circuit` from `inputs` (one canonical field
/// element per circuit input) by running its hints in order, and checks
/// every constraint. Fails (rather than reporting a violation) on inputs that
/// are no field elements, a hint that cannot be evaluated (an op the
/// evaluator does not know, division by zero in `arith`), or a call to a
/// missing circuit; the error names the op's location.
llvm::Expected<Evaluation> evaluateCircuit(zk::CircuitOp circuit,
                                           llvm::ArrayRef<llvm::APInt> inputs);

} // namespace zkevmc::witness

#endif // ZKEVMC_RUNTIME_WITNESS_EVALUATOR_H
