// Translation of a zk.circuit into Z3 bit-vector formulas.
//
// docs/verification.md describes the method and why it is exact.

#ifndef ZKEVMC_VERIFIER_CIRCUITENCODING_H
#define ZKEVMC_VERIFIER_CIRCUITENCODING_H

#include "dialects/zk/IR/ZkDialect.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <z3++.h>

#include <vector>

namespace zkevmc::verifier {

/// Every field element is a 256-bit bit-vector holding its canonical value.
inline constexpr unsigned kFeltBits = 256;

enum class HintMode {
  /// Each hint result is a fresh, unconstrained field element: the witness
  /// is arbitrary (soundness, determinism).
  Free,
  /// Hint code is encoded too: the witness is the one the hints compute
  /// (completeness).
  Compute,
};

struct EncodingOptions {
  HintMode hints = HintMode::Free;
  /// Whether bounds may be derived from the circuit's own constraints
  /// (assert_bool, range, assert_eq). Only valid when the query assumes
  /// that the constraints hold, i.e. not for completeness.
  bool assumeConstraints = true;
  /// Inputs are assumed below 2^inputBits (the precondition A); 0 assumes
  /// only that they are field elements.
  unsigned inputBits = 64;
  /// Products that cannot be lifted to the integers are encoded exactly
  /// (a 512-bit multiplication and a quotient) instead of through the
  /// abstract multiplication function with its field lemmas.
  bool exactProducts = false;
};

/// A circuit instance as formulas. Every vector of values is in the order the
/// witness evaluator uses (inputs; hint results in evaluation order, through
/// sub-circuits; outputs).
struct EncodedCircuit {
  explicit EncodedCircuit(z3::context &ctx)
      : facts(ctx), constraints(ctx), hintFaults(ctx) {}

  std::vector<z3::expr> inputs;
  std::vector<z3::expr> witnesses;
  std::vector<z3::expr> outputs;
  /// Always true of the instance: value definitions, canonical ranges,
  /// derived bounds, the precondition A, field lemmas.
  z3::expr_vector facts;
  /// One formula per constraint op (zk.assert_eq, zk.assert_bool, zk.range).
  z3::expr_vector constraints;
  /// A hint fails to evaluate (division by zero in arith), one per place.
  z3::expr_vector hintFaults;
  /// How many products went through the abstract multiplication.
  unsigned abstractProducts = 0;
};

/// Encodes `circuit` (zk.call is inlined during encoding). `inputs`, when
/// given, are the instance's input terms (so that two instances can share
/// them); otherwise fresh constants are made. `prefix` keeps the names of
/// this instance's constants apart from another instance's. Fails, naming
/// the op, on anything it cannot encode exactly (e.g. an unsupported hint
/// op or a field wider than 253 bits).
llvm::Expected<EncodedCircuit> encodeCircuit(
    z3::context &ctx, zk::CircuitOp circuit, const EncodingOptions &options,
    const std::vector<z3::expr> *inputs = nullptr, llvm::StringRef prefix = "");

/// The canonical value of a field-element (or integer) numeral in a model,
/// as an APInt of `width` bits.
llvm::APInt modelValue(const z3::model &model, const z3::expr &term,
                       unsigned width = kFeltBits);

} // namespace zkevmc::verifier

#endif // ZKEVMC_VERIFIER_CIRCUITENCODING_H
