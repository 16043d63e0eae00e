// Replays a circuit on given inputs and witness, checking its constraints.
//
// Counterexamples are confirmed this way, without trusting the encoding.

#ifndef ZKEVMC_VERIFIER_ASSIGNMENT_H
#define ZKEVMC_VERIFIER_ASSIGNMENT_H

#include "dialects/zk/IR/ZkDialect.h"

#include "llvm/ADT/APInt.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace zkevmc::verifier {

struct AssignmentCheck {
  /// The outputs the circuit's arithmetic gives on this assignment.
  std::vector<llvm::APInt> outputs;
  /// The first constraint the assignment violates, if any.
  std::optional<std::string> violation;
};

/// Evaluates `circuit` with every hint result taken from `witnesses` (in the
/// witness evaluator's order) instead of running the hints, and checks every
/// constraint. Fails on values outside the field, too few or too many
/// witnesses, or a missing callee.
llvm::Expected<AssignmentCheck>
checkAssignment(zk::CircuitOp circuit, llvm::ArrayRef<llvm::APInt> inputs,
                llvm::ArrayRef<llvm::APInt> witnesses);

} // namespace zkevmc::verifier

#endif // ZKEVMC_VERIFIER_ASSIGNMENT_H
