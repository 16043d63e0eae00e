// Translation of a zk.circuit into Z3 integer arithmetic over normalised
// polynomials.
//
// docs/verification.md ("The integer encoding") gives the method and why it
// is exact: every felt is an integer polynomial over atoms (inputs, witness
// values, reductions, inverses, sub-circuit results) that is congruent to
// the felt modulo p; reductions to the canonical value are introduced only
// where a constraint, an output or a product needs them.

#ifndef ZKEVMC_VERIFIER_INTENCODING_H
#define ZKEVMC_VERIFIER_INTENCODING_H

#include "verifier/CircuitEncoding.h"

#include "dialects/zk/IR/ZkDialect.h"

#include "llvm/ADT/APInt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Error.h"

#include <gmpxx.h>
#include <z3++.h>

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace zkevmc::verifier {

using BigInt = mpz_class;

BigInt toBigInt(const llvm::APInt &v);
llvm::APInt toAPInt(const BigInt &v, unsigned width);

/// A product of atoms, as sorted atom ids (a boolean atom appears once).
using Monomial = std::vector<unsigned>;

/// Σ coefficient · monomial; the empty monomial is the constant term.
struct Poly {
  std::map<Monomial, BigInt> terms;

  static Poly constant(const BigInt &value);
  static Poly atom(unsigned id);
  /// Whether the polynomial is a constant (stored in `value`).
  bool isConstant(BigInt *value = nullptr) const;
  /// Whether the polynomial is exactly one atom (stored in `id`).
  bool isAtom(unsigned *id = nullptr) const;
};

struct Interval {
  BigInt lo, hi;
};

/// Atoms, their bounds and the Z3 terms of polynomials over them. Each atom
/// is a Z3 integer term (a constant, or an expression such as a bit of an
/// input); equal terms are the same atom, so equal monomials meet.
class IntTerms {
public:
  IntTerms(z3::context &ctx, z3::expr_vector &facts);

  z3::context &ctx;
  z3::expr_vector &facts;

  /// The atom for `term`, known to lie in [lo, hi] (asserted as a fact
  /// when first seen; a later, tighter bound is asserted too).
  unsigned atom(const z3::expr &term, const BigInt &lo, const BigInt &hi);
  /// A fresh integer constant in [lo, hi] as an atom.
  unsigned fresh(const std::string &name, const BigInt &lo, const BigInt &hi);
  /// A fresh integer constant in [lo, hi], asserted, not an atom.
  z3::expr freshInt(const std::string &name, const BigInt &lo,
                    const BigInt &hi);

  const Interval &atomBound(unsigned id) const { return atoms[id].bound; }
  const z3::expr &atomTerm(unsigned id) const { return atoms[id].term; }
  bool isBoolean(unsigned id) const;

  Poly add(const Poly &a, const Poly &b) const;
  Poly sub(const Poly &a, const Poly &b) const;
  Poly mul(const Poly &a, const Poly &b) const;
  Poly scale(const Poly &a, const BigInt &c) const;
  /// The polynomial with every coefficient reduced modulo 2^bits (a term
  /// whose coefficient is a multiple of it vanishes): congruent modulo
  /// 2^bits, because every atom is an integer.
  Poly reduceCoefficients(const Poly &a, unsigned bits) const;

  Interval bound(const Poly &a) const;
  z3::expr expr(const Poly &a);
  z3::expr num(const BigInt &v);
  /// Σ limbs[i] · 2^(64 i).
  Poly decode(const std::vector<Poly> &limbs) const;

  /// a div b and a mod b for b > 0 with a non-constant divisor: the
  /// uninterpreted `int.div`/`int.mod` in proofs (their meaning is supplied
  /// by the facts that sub-circuit specs state about them), Z3's own div and
  /// mod when `interpretDivision` (for evaluating specs on numerals).
  z3::expr divide(const z3::expr &a, const z3::expr &b);
  z3::expr remainder(const z3::expr &a, const z3::expr &b);
  /// (a·b) mod 2^256 of two words as computed by a MUL callee: the
  /// uninterpreted `word.mul` in proofs, the product when interpreted.
  z3::expr wordProduct(const z3::expr &a, const z3::expr &b);
  bool interpretDivision = false;
  /// Also state a·r = r where a = 1 for non-boolean factors a of monomials
  /// of degree up to 3 (the shift family's case queries: their selections
  /// are multiplied by an is-zero output, a felt that is 0 or 1).
  bool unitFacts = false;
  /// Write a monomial with a boolean factor b as ite(b = 1, rest, 0), so
  /// that a query is linear once its booleans are decided (the shift
  /// family's case queries, where the multiplier is an is-zero output).
  bool booleanSelects = false;
  /// Bit j of x (IntSpec's bitOf): (x div 2^j) mod 2, or, when
  /// `uninterpretedBits`, the uninterpreted word.bit(x, j) whose meaning the
  /// BITS callees' guarantees state (x = Σ bit(x, j)·2^j) and which meets a
  /// spec's bits of an equal x by congruence (congruenceFacts) instead of
  /// through Z3's division axioms (BYTE and SIGNEXTEND, whose decomposed
  /// limb is a reduced felt equal to the operand's limb only arithmetically).
  z3::expr bit(const z3::expr &x, unsigned j);
  bool uninterpretedBits = false;

  /// Instances of the congruence axiom for the uninterpreted functions'
  /// applications made so far: (x = x' ∧ y = y') ⇒ f(x, y) = f(x', y').
  /// Valid for any function; they let the solver's case analysis meet a
  /// callee's application with the spec's where the arguments are equal
  /// only arithmetically. All pairs when a function has few applications,
  /// otherwise application i with application i + n/2 (a caller's calls
  /// and its spec's applications are made in the same order).
  z3::expr_vector congruenceFacts();

private:
  struct Atom {
    z3::expr term;
    Interval bound;
  };
  z3::expr monomialTerm(const Monomial &m);

  std::vector<Atom> atoms;
  std::unordered_map<unsigned, unsigned> byTermId;
  std::map<Monomial, z3::expr> monomials;
  z3::func_decl divFn, modFn, mulFn, bitFn;
  struct Application {
    unsigned fn;
    z3::expr x, y, result;
  };
  std::vector<Application> applications;
  unsigned counter = 0;
};

/// How calls are treated: inlined, or replaced by the callee's spec (an
/// opcode gadget's `zk.spec` or a sub-circuit's `zk.subspec`), which the
/// audit proves separately.
enum class CallMode { Inline, UseSpecs };

struct IntEncodingOptions {
  HintMode hints = HintMode::Free;
  /// See EncodingOptions::assumeConstraints.
  bool assumeConstraints = true;
  /// Inputs are assumed below 2^inputBits.
  unsigned inputBits = 64;
  CallMode calls = CallMode::UseSpecs;
  /// Upper bounds on hint results that the constraints imply (Free hints
  /// with assumed constraints only), as `impliedWitnessBounds` derives them.
  const llvm::DenseMap<mlir::Value, BigInt> *impliedBounds = nullptr;
  /// Free hint results fixed to a value, by their index in the evaluation
  /// order (a case of a split over a witness: its value is a constant, so
  /// products with it, and the bits of it, are constants too).
  std::map<size_t, BigInt> pinned;
  /// Hints (Compute): a shift by a multiple of 64 or a mask of 64·k low bits
  /// of a value without known digits gives it fresh 64-bit digits (defined
  /// by value = Σ d_i·2^(64i), unique), so that the digit splits the
  /// constraints check are linear identities over them instead of nested
  /// div/mod terms.
  bool splitDigits = false;
};

struct IntEncodedCircuit {
  explicit IntEncodedCircuit(z3::context &ctx)
      : facts(ctx), constraints(ctx), hintFaults(ctx), obligations(ctx) {}

  std::vector<z3::expr> inputs;
  std::vector<Poly> inputPolys;
  /// Hint results in evaluation order; complete (usable to replay the
  /// circuit) only when no call was replaced by its spec.
  std::vector<z3::expr> witnesses;
  /// The outputs' canonical values.
  std::vector<Poly> outputs;
  z3::expr_vector facts;
  z3::expr_vector constraints;
  z3::expr_vector hintFaults;
  /// Preconditions of the callees whose specs replaced their calls: the
  /// query must prove them.
  z3::expr_vector obligations;
  /// Symbols of the callees whose specs were used.
  std::vector<std::string> assumed;
  /// The calls replaced by their callee's spec, in order: the callee, its
  /// arguments, and where the callee's own witness values would go in
  /// `witnesses` (the evaluator's order), so that a model can be completed
  /// by running the callee's hints and replayed.
  struct SpecCall {
    zk::CircuitOp callee;
    std::vector<z3::expr> args;
    size_t witnessIndex;
  };
  std::vector<SpecCall> specCalls;
  /// Free witnesses eliminated from a product x·w (w used nowhere else):
  /// the product is the atom `product`; a model's w is product·x⁻¹ mod p
  /// (any value where x is 0), at `witnessIndex` in `witnesses`.
  struct FreeFactor {
    size_t witnessIndex;
    z3::expr product;
    z3::expr factor;
  };
  std::vector<FreeFactor> freeFactors;
  /// Whether a callee's guarantee is stated with the uninterpreted
  /// int.div, int.mod or word.mul (a caller's spec must then use them too);
  /// otherwise the spec may use the interpreted operations.
  bool usesUninterpreted = false;
};

/// Encodes `circuit` into `terms`' context. `inputs`, when given, are the
/// input polynomials (shared between instances); otherwise fresh atoms in
/// [0, 2^inputBits) are made. Fails, naming the op, on what it cannot encode.
llvm::Expected<IntEncodedCircuit> encodeCircuitInt(
    IntTerms &terms, zk::CircuitOp circuit, const IntEncodingOptions &options,
    const std::vector<Poly> *inputs = nullptr, llvm::StringRef prefix = "");

} // namespace zkevmc::verifier

#endif // ZKEVMC_VERIFIER_INTENCODING_H
