// Integer-level specs: the pure opcodes over decoded words, and the specs
// of the sub-circuits the gadgets call (bit decomposition, division).
//
// The opcode specs are integer arithmetic (+, −, products, div/mod by
// constants, comparisons) over words in [0, 2^256); division by a word and
// products of words that a callee computes are uninterpreted functions
// whose meaning the callees' proven specs supply (IntTerms::divide,
// remainder, wordProduct). test/unit/VerifierIntSpecTest.cpp evaluates each
// with the functions interpreted against the concrete semantics.

#ifndef ZKEVMC_VERIFIER_INTSPEC_H
#define ZKEVMC_VERIFIER_INTSPEC_H

#include "verifier/IntEncoding.h"

#include <optional>

namespace zkevmc::verifier {

/// Whether the integer encoding has a spec for the opcode `mnemonic`.
bool hasIntSpec(llvm::StringRef mnemonic);

/// The opcode's result in [0, 2^256) for operands given as their four
/// limbs each (operand 0 first, least significant limb first).
llvm::Expected<z3::expr>
intOpcodeSpec(IntTerms &t, llvm::StringRef mnemonic,
              const std::vector<std::vector<Poly>> &limbs);

/// SHL SHR SAR BYTE SIGNEXTEND: their specs need a concrete operand 0 (a
/// shift amount, a byte index), which makes them linear in the other
/// operand's limbs. Their checks split operand 0 into the cases c for each
/// c below this bound (256 or 32; 0 for other opcodes) and one case for
/// operand 0 ≥ the bound, whose result intSpecBeyondBound gives.
unsigned smallOperandBound(llvm::StringRef mnemonic);
/// SDIV and SMOD: their checks split into the four cases of the operands'
/// signs (each operand below 2^255 or not).
bool splitsOnSigns(llvm::StringRef mnemonic);
llvm::Expected<z3::expr>
intSpecBeyondBound(IntTerms &t, llvm::StringRef mnemonic,
                   const std::vector<std::vector<Poly>> &limbs);

/// The sub-circuit kinds (`zk.subspec`):
///  - "BITS": one input x, n outputs: x < 2^n and output j is bit j of x.
///  - the division sub-circuits, X = Q·N + R with R < N (so N ≠ 0; by the
///    uniqueness of division Q = X div N and R = X mod N), every output limb
///    below 2^64; their hints need N ≠ 0:
///    - "DIVMOD": m dividend limbs then 4 divisor limbs, m quotient limbs
///      then 4 remainder limbs; X = A;
///    - "ADDDIVMOD": A, B, N (4 limbs each), 5 quotient limbs then 4
///      remainder limbs; X = A + B;
///    - "MULDIVMOD": A, B, N, 8 quotient limbs then 4 remainder limbs;
///      X = A·B.
///  - "NEGIF": inputs s and X's 4 limbs, 4 outputs M: s ∈ {0, 1}, M's limbs
///    below 2^64, M = (2^256 − X) mod 2^256 for s = 1 and X for s = 0 (SDIV
///    and SMOD's conditional negations); its hints need s ∈ {0, 1}.
bool isSubspec(llvm::StringRef kind);
/// Whether the kind is one of the division sub-circuits (whose guarantee
/// rests on proveDivisionLemma).
bool isDivisionSubspec(llvm::StringRef kind);
/// What a sub-circuit's completeness assumes of its inputs beyond
/// well-formed limbs (a division's N ≠ 0; true for the others).
llvm::Expected<z3::expr> subspecPrecondition(IntTerms &t, llvm::StringRef kind,
                                             const std::vector<Poly> &inputs,
                                             size_t numOutputs);

/// What a sub-circuit's own proof establishes, over its input and output
/// polynomials. Fails on a shape the kind does not allow.
llvm::Expected<z3::expr> subcircuitRelation(IntTerms &t, llvm::StringRef kind,
                                            const std::vector<Poly> &inputs,
                                            const std::vector<Poly> &outputs);
/// Whether the sub-circuit's proof assumes well-formed (64-bit) inputs.
bool subspecAssumesWords(llvm::StringRef kind);

/// A call replaced by its callee's spec: fresh outputs (or spec terms), the
/// callee's precondition on the arguments, and its guarantee.
struct CalleeSpec {
  z3::expr precondition;
  z3::expr guarantee;
  std::vector<Poly> outputs;
};

/// The spec of `callee` applied to `args`, or nullopt when the callee is
/// neither a MUL gadget nor a sub-circuit with a known `zk.subspec`. A
/// callee's soundness and completeness need different preconditions
/// (BITS: none for soundness, x < 2^n for its hints).
llvm::Expected<std::optional<CalleeSpec>>
calleeSpec(IntTerms &t, zk::CircuitOp callee, const std::vector<Poly> &args,
           const std::string &prefix, bool forCompleteness);

/// The uniqueness of division with remainder, proved by Z3's nonlinear
/// integer arithmetic: B > 0, A = Q·B + R, 0 ≤ R < B ⇒ Q = A div B, R = A
/// mod B. Returns whether it was proved within `timeoutMs`.
bool proveDivisionLemma(unsigned timeoutMs, double &seconds);

} // namespace zkevmc::verifier

#endif // ZKEVMC_VERIFIER_INTSPEC_H
