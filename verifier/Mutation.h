// Mutation testing of gadgets: small edits of a gadget's constraint system,
// each classified by the verifier and cross-checked by a concrete search.
//
// A mutant the verifier proves sound (or complete, or deterministic) while
// the concrete search finds a violation of that property is a verifier bug.

#ifndef ZKEVMC_VERIFIER_MUTATION_H
#define ZKEVMC_VERIFIER_MUTATION_H

#include "verifier/GadgetCheck.h"

#include "dialects/zk/IR/ZkDialect.h"

#include "llvm/ADT/APInt.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace zkevmc::verifier {

enum class MutationKind {
  /// Erase one zk.assert_eq, zk.assert_bool or zk.range.
  DropConstraint,
  /// Add 1 to one zk.const (modulo the prime) or to one zk.range's width.
  PerturbConstant,
  /// Exchange the felt operands of two uses (in the same or two ops).
  SwapWires,
};

llvm::StringRef mutationKindName(MutationKind kind);

/// A mutation of a gadget's top-level body (hint regions are not mutated:
/// hints only compute the witness, which the constraints must check). Ops are
/// numbered in body order from 0.
struct Mutation {
  MutationKind kind = MutationKind::DropConstraint;
  unsigned op = 0;
  unsigned operand = 0;
  /// SwapWires: the other use.
  unsigned op2 = 0;
  unsigned operand2 = 0;

  /// E.g. "drop #12 zk.assert_bool", "swap #3.0 and #7.1".
  std::string describe() const;
};

/// Every mutation of each kind for `gadget`, but at most `perKind` of each,
/// chosen at random (reproducibly from `seed`) when there are more. Swaps
/// exchange two distinct values that both dominate both uses, and never the
/// two operands of one commutative op.
std::vector<Mutation> sampleMutations(zk::CircuitOp gadget, unsigned perKind,
                                      uint64_t seed);

/// A copy of `gadget` with `mutation` applied, named `name`, inserted after
/// `gadget` in its module (so calls it makes still resolve). Fails for a
/// mutation that does not fit the gadget.
llvm::Expected<zk::CircuitOp> applyMutation(zk::CircuitOp gadget,
                                            const Mutation &mutation,
                                            llvm::StringRef name);

/// Violations found by running a gadget on concrete values: one description
/// per property, unset when none was found.
struct ConcreteFindings {
  std::optional<std::string> soundness;
  std::optional<std::string> completeness;
  std::optional<std::string> determinism;
  /// Assignments tried (honest witnesses and perturbed ones).
  unsigned assignments = 0;
};

struct ConcreteSearchOptions {
  /// Random operand tuples, after every tuple of edge values (for unary and
  /// binary opcodes; ternary ones take a sample of them).
  unsigned randomInputs = 48;
  /// Perturbed witnesses tried per input tuple.
  unsigned perturbations = 24;
  uint64_t seed = 1;
};

/// Runs `gadget` (its zk.spec names the opcode) on edge and random operands:
/// the hints' witness must satisfy every constraint and give the opcode's
/// result in well-formed limbs (completeness). Each honest witness is then
/// perturbed in one value at a time (to 0, 1, −1, its neighbours, powers of
/// two, random values); a perturbed witness that satisfies every constraint
/// but gives a wrong or ill-formed result breaks soundness, and one whose
/// outputs differ from a satisfying honest witness's breaks determinism.
/// Fails for a circuit that is not a gadget.
llvm::Expected<ConcreteFindings>
searchConcretely(zk::CircuitOp gadget, const ConcreteSearchOptions &options);

enum class MutantClass {
  /// A property failed with a counterexample the evaluator confirmed.
  Killed,
  /// All three properties proved: the mutant is as good as the original.
  Equivalent,
  Unknown,
};

llvm::StringRef mutantClassName(MutantClass c);

struct MutantReport {
  Mutation mutation;
  MutantClass verdict = MutantClass::Unknown;
  /// Soundness, completeness, determinism.
  CheckResult results[3];
  ConcreteFindings concrete;
  /// Set when the verifier proved a property the concrete search refutes.
  std::optional<std::string> verifierBug;
  double seconds = 0;
};

struct MutationOptions {
  unsigned perKind = 4;
  uint64_t seed = 1;
  CheckOptions check;
  ConcreteSearchOptions concrete;
};

/// Generates mutants of `gadget` (sampleMutations), audits each with the
/// three checks, re-checks each counterexample with checkAssignment, and
/// runs the concrete search on each. The mutants are erased again.
llvm::Expected<std::vector<MutantReport>>
runMutants(zk::CircuitOp gadget, const MutationOptions &options);

} // namespace zkevmc::verifier

#endif // ZKEVMC_VERIFIER_MUTATION_H
