// Soundness, completeness and determinism checks of an opcode gadget.
//
// Each is against the opcode's Z3 spec; counterexamples are confirmed
// outside the encoding before they are reported.

#ifndef ZKEVMC_VERIFIER_GADGETCHECK_H
#define ZKEVMC_VERIFIER_GADGETCHECK_H

#include "dialects/zk/IR/ZkDialect.h"
#include "opcodes/Word.h"

#include "mlir/IR/BuiltinOps.h"

#include "llvm/ADT/APInt.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

#include <z3++.h>

namespace zkevmc::verifier {

enum class Verdict { Proved, Failed, Unknown };

llvm::StringRef verdictName(Verdict verdict);

/// Concrete values that break a property; every value is a canonical field
/// element and the witness is in the witness evaluator's order.
struct Counterexample {
  std::vector<llvm::APInt> inputs;
  std::vector<llvm::APInt> witness;
  std::vector<llvm::APInt> outputs;
  /// Determinism only: the second witness and its outputs.
  std::vector<llvm::APInt> witness2;
  std::vector<llvm::APInt> outputs2;
  /// What goes wrong, in words (the expected and actual result, or the
  /// violated constraint).
  std::string explanation;

  /// The inputs as EVM words (decimal), operand 0 first.
  std::vector<std::string> inputWords() const;
};

struct CheckResult {
  Verdict verdict = Verdict::Unknown;
  /// Set when the verdict is Failed, and confirmed by the evaluator.
  std::optional<Counterexample> counterexample;
  /// Why the verdict is Unknown (solver timeout, unencodable op, a
  /// counterexample the evaluator does not confirm).
  std::string reason;
  /// Solver time over all queries of this check.
  double seconds = 0;
  /// How many solver queries were made (a spurious counterexample of the
  /// abstract product triggers a second, exact query).
  unsigned queries = 0;
  /// How the verdict was reached: "integer encoding", "bit-vector
  /// encoding", or "derived from soundness" (determinism, when the spec is a
  /// function of the inputs).
  std::string method;
  /// Callees whose proven specs replaced their calls: the verdict holds
  /// once they are proved too (`zkevmc audit --opcodes` proves them).
  std::vector<std::string> assumed;
};

/// Edge operands (0, 1, 2, 31, 32, 255, 256, 2^64 − 1, 2^64, 2^255,
/// 2^255 − 1, 2^256 − 1): the words the checks evaluate a gadget on before
/// any solver query, and the mutation harness's concrete search starts
/// from.
std::vector<U256> edgeWords();

/// One solver query with `timeoutMs`; adds its time and count to `result`.
z3::check_result solveQuery(z3::solver &solver, unsigned timeoutMs,
                            CheckResult &result);
/// Runs the query; true when that settles `result` (unsat: proved; unknown:
/// Z3's reason). Otherwise there is a model, still to be confirmed by
/// replaying it, and the reason says so until it is.
bool solveSettles(z3::solver &solver, unsigned timeoutMs, CheckResult &result);

struct CheckOptions {
  /// The limit of each solver query.
  unsigned timeoutMs = 30000;
};

/// ∀x,w,y. A(x) ∧ C(x,w,y) ⇒ y well-formed ∧ decode(y) = spec(decode(x)).
llvm::Expected<CheckResult> checkSoundness(zk::CircuitOp gadget,
                                           const CheckOptions &options = {});
/// ∀x. A(x) ⇒ the hints run, C(x,W(x),y) holds, y is well-formed and
/// decode(y) = spec(decode(x)).
llvm::Expected<CheckResult> checkCompleteness(zk::CircuitOp gadget,
                                              const CheckOptions &options = {});
/// ∀x,w1,y1,w2,y2. A(x) ∧ C(x,w1,y1) ∧ C(x,w2,y2) ⇒ y1 = y2.
llvm::Expected<CheckResult> checkDeterminism(zk::CircuitOp gadget,
                                             const CheckOptions &options = {});

/// The errors above (rather than Unknown) are for circuits that are not
/// gadgets: no or an unknown `zk.spec`, a field other than bn254, or inputs
/// and outputs that are not 4 limbs per operand and 4 result limbs. A
/// sub-circuit with a `zk.subspec` (IntSpec.h) is checked against that
/// relation instead.

/// The sub-circuits the opcode gadgets in `module` call that have a
/// `zk.subspec`, in the order they appear.
std::vector<zk::CircuitOp> specifiedSubcircuits(mlir::ModuleOp module);

} // namespace zkevmc::verifier

#endif // ZKEVMC_VERIFIER_GADGETCHECK_H
