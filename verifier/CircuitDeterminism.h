// Determinism of any zk.circuit, without a spec: do two witnesses that
// satisfy every constraint for the same inputs give the same outputs?
//
// Used by `zkevmc audit --r1cs` on circuits imported from circom's .r1cs
// (R1csImport.h); docs/verification.md ("Auditing circom R1CS") gives the
// method and what it assumes.

#ifndef ZKEVMC_VERIFIER_CIRCUITDETERMINISM_H
#define ZKEVMC_VERIFIER_CIRCUITDETERMINISM_H

#include "verifier/GadgetCheck.h"
#include "verifier/IntEncoding.h"

#include "dialects/zk/IR/ZkDialect.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Error.h"

namespace zkevmc::verifier {

struct DeterminismOptions {
  /// The limit of each solver query (the integer query, then, if it does not
  /// decide, the bit-vector ones).
  unsigned timeoutMs = 30000;
  /// Every input is assumed below 2^inputBits; 0: any field element.
  unsigned inputBits = 0;
};

/// ∀x,w1,y1,w2,y2. x < 2^inputBits ∧ C(x,w1,y1) ∧ C(x,w2,y2) ⇒ y1 = y2.
/// Proved (unsat), Failed with inputs and two witnesses that `checkAssignment`
/// confirms (every constraint holds for both, the outputs differ), or
/// Unknown with the solver's reason. Calls are inlined. The counterexample's
/// `inputs` are field elements (not EVM words). Fails only on a circuit
/// whose field is wider than the encodings accept.
llvm::Expected<CheckResult>
checkCircuitDeterminism(zk::CircuitOp circuit,
                        const DeterminismOptions &options = {});

/// Upper bounds on hint results and inputs that the constraints imply (for
/// the integer encoding's atoms): from `zk.assert_bool` / `zk.range` on a
/// hint result, and from a linear `zk.assert_eq` that gives a hint result or
/// input w with coefficient ±1 as w ≡ E (mod p) where E's integer interval
/// lies in [0, p) — then w = E exactly, because both are canonical. Iterated
/// to a fixpoint; valid only in queries that assume every constraint.
llvm::DenseMap<mlir::Value, BigInt> impliedWitnessBounds(zk::CircuitOp circuit,
                                                         unsigned inputBits);

} // namespace zkevmc::verifier

#endif // ZKEVMC_VERIFIER_CIRCUITDETERMINISM_H
