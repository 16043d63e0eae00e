// Soundness, completeness and determinism checks of an opcode gadget.
//
// Each check asks Z3 for a model of the property's negation. unsat proves
// the property; a model is turned into concrete values and confirmed by
// evaluating the circuit outside the encoding (the witness evaluator, or
// checkAssignment for a given witness) before it is reported. A model that
// the evaluation does not confirm can only come from the abstract product,
// so the query is repeated with exact products; if that is still not
// confirmed, or Z3 gives up, the answer is Unknown. A first, shorter query
// searches only operands below 2^4: it can find a counterexample but never
// proves anything.

#include "verifier/GadgetCheck.h"

#include "verifier/Assignment.h"
#include "verifier/CircuitEncoding.h"
#include "verifier/IntEncoding.h"
#include "verifier/IntSpec.h"
#include "verifier/OpcodeSpec.h"

#include "opcodes/OpcodeTable.h"
#include "opcodes/Semantics.h"
#include "runtime/witness/Evaluator.h"

#include "mlir/IR/SymbolTable.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <chrono>
#include <map>
#include <sstream>

using llvm::APInt;

namespace zkevmc::verifier {

std::vector<U256> edgeWords() {
  return {U256(0),
          U256(1),
          U256(2),
          U256(31),
          U256(32),
          U256(255),
          U256(256),
          U256(~0ull),
          U256::fromLimbs(0, 1, 0, 0),
          U256::fromLimbs(0, 0, 0, 1ull << 63),
          U256::fromLimbs(~0ull, ~0ull, ~0ull, ~0ull >> 1),
          U256::max()};
}

z3::check_result solveQuery(z3::solver &solver, unsigned timeoutMs,
                            CheckResult &result) {
  z3::params params(solver.ctx());
  params.set("timeout", timeoutMs);
  solver.set(params);
  auto start = std::chrono::steady_clock::now();
  z3::check_result r = solver.check();
  result.seconds +=
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  ++result.queries;
  return r;
}

bool solveSettles(z3::solver &solver, unsigned timeoutMs, CheckResult &result) {
  z3::check_result r = solveQuery(solver, timeoutMs, result);
  if (r == z3::unsat) {
    result.verdict = Verdict::Proved;
    return true;
  }
  if (r == z3::unknown) {
    result.reason = "z3: " + solver.reason_unknown();
    return true;
  }
  result.reason = "z3 found a model that the evaluator does not confirm";
  return false;
}

namespace {

constexpr unsigned kLimbBits = 64;
constexpr unsigned kLimbs = 4;
// The first query only searches operands below 2^kSmallBits.
constexpr unsigned kSmallBits = 4;

llvm::Error fail(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

struct Gadget {
  zk::CircuitOp circuit;
  std::string mnemonic;
  uint8_t opcode;
  unsigned arity;
  /// A sub-circuit's zk.subspec; empty for an opcode gadget.
  std::string subspec;
};

llvm::Expected<Gadget> asGadget(zk::CircuitOp circuit) {
  if (auto sub = circuit->getAttrOfType<mlir::StringAttr>("zk.subspec")) {
    if (!isSubspec(sub.getValue()))
      return fail("@" + circuit.getSymName() + ": unknown zk.subspec '" +
                  sub.getValue() + "'");
    if (circuit.getField() != "bn254")
      return fail("gadgets must use field bn254, not '" + circuit.getField() +
                  "'");
    return Gadget{circuit, "", 0, 0, sub.getValue().str()};
  }
  auto spec = circuit->getAttrOfType<mlir::StringAttr>(zk::kSpecAttrName);
  if (!spec)
    return fail("@" + circuit.getSymName() + " has no zk.spec");
  std::string mnemonic = spec.getValue().upper();
  unsigned arity = pureOpcodeArity(mnemonic);
  const opcodes::OpcodeInfo *info = opcodes::lookupOpcodeByMnemonic(mnemonic);
  if (arity == 0 || !info)
    return fail("zk.spec '" + spec.getValue() + "' is not a pure opcode");
  if (circuit.getField() != "bn254")
    return fail("gadgets must use field bn254, not '" + circuit.getField() +
                "'");
  if (circuit.getArgumentTypes().size() != kLimbs * arity ||
      circuit.getResultTypes().size() != kLimbs)
    return fail(llvm::formatv("@{0} ({1}) must take {2} inputs and give {3} "
                              "outputs",
                              circuit.getSymName(), mnemonic, kLimbs * arity,
                              kLimbs));
  return Gadget{circuit, mnemonic, info->byte, arity, ""};
}

// The 256-bit word of four limbs starting at `first` (valid where each limb
// is below 2^64, which is asserted or checked separately).
z3::expr wordOf(const std::vector<z3::expr> &limbs, unsigned first) {
  z3::expr w = limbs[first + kLimbs - 1].extract(kLimbBits - 1, 0);
  for (int i = kLimbs - 2; i >= 0; --i)
    w = z3::concat(w, limbs[first + i].extract(kLimbBits - 1, 0));
  return w;
}

z3::expr wellFormed(z3::context &ctx, const std::vector<z3::expr> &limbs) {
  z3::expr ok = ctx.bool_val(true);
  z3::expr limit = ctx.bv_val(
      llvm::toString(APInt::getOneBitSet(kFeltBits, kLimbBits), 10, false)
          .c_str(),
      kFeltBits);
  for (const z3::expr &l : limbs)
    ok = ok && z3::ult(l, limit);
  return ok;
}

z3::expr specOf(z3::context &ctx, const Gadget &g,
                const std::vector<z3::expr> &inputs) {
  std::vector<z3::expr> words;
  for (unsigned i = 0; i < g.arity; ++i)
    words.push_back(wordOf(inputs, kLimbs * i));
  // The arity and sorts were checked, so the spec cannot fail.
  return llvm::cantFail(opcodeSpec(ctx, g.mnemonic, words));
}

U256 wordFrom(llvm::ArrayRef<APInt> limbs, unsigned first) {
  U256 w;
  for (unsigned i = 0; i < kLimbs; ++i)
    w.limbs[i] = limbs[first + i].getZExtValue();
  return w;
}

bool limbsWellFormed(llvm::ArrayRef<APInt> limbs) {
  return llvm::all_of(
      limbs, [](const APInt &l) { return l.getActiveBits() <= kLimbBits; });
}

// The expected result, and a description of the difference from `outputs`
// (empty when they agree and are well-formed).
std::string compareWithSpec(const Gadget &g, llvm::ArrayRef<APInt> inputs,
                            llvm::ArrayRef<APInt> outputs) {
  std::vector<U256> words;
  for (unsigned i = 0; i < g.arity; ++i)
    words.push_back(wordFrom(inputs, kLimbs * i));
  U256 want = *semantics::evalPure(g.opcode, words);
  if (!limbsWellFormed(outputs)) {
    std::string limbs;
    for (const APInt &l : outputs)
      limbs += " " + llvm::toString(l, 10, false);
    return g.mnemonic + " output limbs are not all below 2^64:" + limbs +
           " (expected " + want.toDecimal() + ")";
  }
  U256 got = wordFrom(outputs, 0);
  if (got == want)
    return "";
  return g.mnemonic + " gives " + got.toDecimal() + ", expected " +
         want.toDecimal();
}

std::vector<APInt> valuesOf(const z3::model &m,
                            const std::vector<z3::expr> &terms) {
  std::vector<APInt> values;
  for (const z3::expr &t : terms)
    values.push_back(modelValue(m, t));
  return values;
}

z3::expr conjunction(z3::context &ctx, const z3::expr_vector &v) {
  return v.empty() ? ctx.bool_val(true) : z3::mk_and(v);
}
z3::expr disjunction(z3::context &ctx, const z3::expr_vector &v) {
  return v.empty() ? ctx.bool_val(false) : z3::mk_or(v);
}

// Operand tuples of edge words for a gadget of `arity` operands: all of
// them for one, every pair for two, a fixed sample of 144 triples for
// three.
std::vector<std::vector<U256>> edgeTuples(unsigned arity) {
  std::vector<U256> edges = edgeWords();
  size_t n = edges.size();
  std::vector<std::vector<U256>> tuples;
  if (arity == 1)
    for (const U256 &a : edges)
      tuples.push_back({a});
  else if (arity == 2)
    for (const U256 &a : edges)
      for (const U256 &b : edges)
        tuples.push_back({a, b});
  else
    for (size_t i = 0; i < n * n; ++i)
      tuples.push_back(
          {edges[i % n], edges[i / n % n], edges[(5 * i + 7) % n]});
  return tuples;
}

// The gadget's own hints run on edge operands (edgeTuples) before any solver
// query: the first tuple whose hints' witness satisfies every constraint but
// gives a wrong or ill-formed result breaks soundness (and completeness);
// for completeness, hints that fail or a witness that breaks a constraint
// do too. Concrete and replayed by construction, so this only ever reports
// `failed`; a gadget that passes every tuple goes on to the proof. A gadget
// whose own body has over 2,000 constraints and calls (EXP: 329 MUL calls)
// gets the first 16 tuples.
std::optional<CheckResult> edgeCaseFailure(const Gadget &g, bool completeness) {
  auto start = std::chrono::steady_clock::now();
  zk::CircuitOp circuit = g.circuit;
  unsigned width = circuit.getPrimeField().width;
  std::vector<std::vector<U256>> tuples = edgeTuples(g.arity);
  unsigned size = 0;
  circuit.walk([&](mlir::Operation *op) {
    if (llvm::isa<zk::AssertEqOp, zk::AssertBoolOp, zk::RangeOp, zk::CallOp>(
            op))
      ++size;
  });
  if (size > 2000)
    tuples.resize(std::min<size_t>(tuples.size(), 16));
  for (const std::vector<U256> &operands : tuples) {
    Counterexample cex;
    for (const U256 &w : operands)
      for (unsigned i = 0; i < kLimbs; ++i)
        cex.inputs.push_back(APInt(width, w.limbs[i]));
    auto eval = witness::evaluateCircuit(circuit, cex.inputs);
    if (!eval) {
      std::string why = llvm::toString(eval.takeError());
      if (!completeness)
        continue;
      cex.explanation = "the hints fail: " + why;
    } else {
      cex.witness = eval->witnesses;
      cex.outputs = eval->outputs;
      if (eval->firstViolation) {
        if (!completeness)
          continue;
        cex.explanation = "the hints' witness violates a constraint: " +
                          eval->firstViolation->message;
      } else {
        cex.explanation = compareWithSpec(g, cex.inputs, cex.outputs);
      }
    }
    if (cex.explanation.empty())
      continue;
    CheckResult r;
    r.verdict = Verdict::Failed;
    r.method = "edge-case evaluation";
    r.counterexample = std::move(cex);
    r.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    return r;
  }
  return std::nullopt;
}

// What a model means, once confirmed: a counterexample, or nothing (the
// model is spurious), or an error from the evaluation.
using Confirmation = llvm::Expected<std::optional<Counterexample>>;

// Runs `query` (which builds the assertions for exact or abstract products
// and confirms a model) and applies the retry policy described at the top.
// One query: the property's negation, possibly restricted to small operands
// (a counterexample there is one everywhere, and small ones are often much
// easier to find by bit-blasting), with abstract or exact products.
struct Attempt {
  bool smallInputs;
  bool exactProducts;
};

// The caller owns `ctx` and declares it before `query`, whose terms must
// die before their context.
template <typename Query>
llvm::Expected<CheckResult>
runCheck(z3::context &ctx, const CheckOptions &options, Query &query) {
  CheckResult result;
  // Only an unrestricted query can prove; the restricted one only searches.
  const Attempt attempts[] = {{true, false}, {false, false}, {false, true}};
  for (const Attempt &attempt : attempts) {
    try {
      z3::solver solver(ctx, "QF_UFBV");
      unsigned abstractProducts = 0;
      if (llvm::Error err =
              query.build(ctx, solver, attempt, abstractProducts)) {
        result.verdict = Verdict::Unknown;
        result.reason = llvm::toString(std::move(err));
        return result;
      }
      CheckOptions limits = options;
      if (attempt.smallInputs) {
        const std::vector<z3::expr> &inputs = query.inputTerms();
        for (unsigned i = 0; i < inputs.size(); ++i)
          solver.add(
              i % kLimbs == 0
                  ? z3::ult(inputs[i], ctx.bv_val(1 << kSmallBits, kFeltBits))
                  : inputs[i] == ctx.bv_val(0, kFeltBits));
        limits.timeoutMs = std::min(options.timeoutMs, 20000u);
      }
      z3::check_result r = solveQuery(solver, limits.timeoutMs, result);
      if (attempt.smallInputs && r != z3::sat)
        continue;
      if (r == z3::unsat) {
        result.verdict = Verdict::Proved;
        return result;
      }
      if (r == z3::unknown) {
        result.verdict = Verdict::Unknown;
        result.reason = "z3: " + solver.reason_unknown();
        return result;
      }
      Confirmation cex = query.confirm(solver.get_model());
      if (!cex)
        return cex.takeError();
      if (*cex) {
        result.verdict = Verdict::Failed;
        result.counterexample = std::move(**cex);
        return result;
      }
      if (!attempt.smallInputs &&
          (abstractProducts == 0 || attempt.exactProducts)) {
        result.verdict = Verdict::Unknown;
        result.reason = "z3 found a model that the evaluator does not "
                        "confirm";
        return result;
      }
    } catch (const z3::exception &e) {
      result.verdict = Verdict::Unknown;
      result.reason = std::string("z3 error: ") + e.msg();
      return result;
    }
  }
  return result;
}

struct SoundnessQuery {
  explicit SoundnessQuery(const Gadget &g) : g(g) {}

  const Gadget &g;
  std::optional<EncodedCircuit> enc;

  llvm::Error build(z3::context &ctx, z3::solver &solver,
                    const Attempt &attempt, unsigned &abstractProducts) {
    EncodingOptions options;
    options.exactProducts = attempt.exactProducts;
    options.inputBits = attempt.smallInputs ? kSmallBits : kLimbBits;
    auto encoded = encodeCircuit(ctx, g.circuit, options);
    if (!encoded)
      return encoded.takeError();
    enc.emplace(std::move(*encoded));
    abstractProducts = enc->abstractProducts;
    solver.add(conjunction(ctx, enc->facts));
    solver.add(conjunction(ctx, enc->constraints));
    z3::expr correct = wellFormed(ctx, enc->outputs) &&
                       wordOf(enc->outputs, 0) == specOf(ctx, g, enc->inputs);
    solver.add(!correct);
    return llvm::Error::success();
  }

  const std::vector<z3::expr> &inputTerms() const { return enc->inputs; }

  Confirmation confirm(const z3::model &m) {
    Counterexample cex;
    cex.inputs = valuesOf(m, enc->inputs);
    cex.witness = valuesOf(m, enc->witnesses);
    auto check = checkAssignment(g.circuit, cex.inputs, cex.witness);
    if (!check)
      return check.takeError();
    if (check->violation || !limbsWellFormed(cex.inputs))
      return std::nullopt;
    cex.outputs = check->outputs;
    cex.explanation = compareWithSpec(g, cex.inputs, cex.outputs);
    if (cex.explanation.empty())
      return std::nullopt;
    return cex;
  }
};

struct CompletenessQuery {
  explicit CompletenessQuery(const Gadget &g) : g(g) {}

  const Gadget &g;
  std::optional<EncodedCircuit> enc;

  llvm::Error build(z3::context &ctx, z3::solver &solver,
                    const Attempt &attempt, unsigned &abstractProducts) {
    EncodingOptions options;
    options.hints = HintMode::Compute;
    options.assumeConstraints = false;
    options.exactProducts = attempt.exactProducts;
    options.inputBits = attempt.smallInputs ? kSmallBits : kLimbBits;
    auto encoded = encodeCircuit(ctx, g.circuit, options);
    if (!encoded)
      return encoded.takeError();
    enc.emplace(std::move(*encoded));
    abstractProducts = enc->abstractProducts;
    solver.add(conjunction(ctx, enc->facts));
    z3::expr good = !disjunction(ctx, enc->hintFaults) &&
                    conjunction(ctx, enc->constraints) &&
                    wellFormed(ctx, enc->outputs) &&
                    wordOf(enc->outputs, 0) == specOf(ctx, g, enc->inputs);
    solver.add(!good);
    return llvm::Error::success();
  }

  const std::vector<z3::expr> &inputTerms() const { return enc->inputs; }

  Confirmation confirm(const z3::model &m) {
    Counterexample cex;
    cex.inputs = valuesOf(m, enc->inputs);
    if (!limbsWellFormed(cex.inputs))
      return std::nullopt;
    auto eval = witness::evaluateCircuit(g.circuit, cex.inputs);
    if (!eval) {
      cex.explanation = "the hints fail: " + llvm::toString(eval.takeError());
      return cex;
    }
    cex.witness = eval->witnesses;
    cex.outputs = eval->outputs;
    if (eval->firstViolation) {
      cex.explanation = "the hints' witness violates a constraint: " +
                        eval->firstViolation->message;
      return cex;
    }
    cex.explanation = compareWithSpec(g, cex.inputs, cex.outputs);
    if (cex.explanation.empty())
      return std::nullopt;
    return cex;
  }
};

struct DeterminismQuery {
  explicit DeterminismQuery(const Gadget &g) : g(g) {}

  const Gadget &g;
  std::optional<EncodedCircuit> first, second;

  llvm::Error build(z3::context &ctx, z3::solver &solver,
                    const Attempt &attempt, unsigned &abstractProducts) {
    EncodingOptions options;
    options.exactProducts = attempt.exactProducts;
    options.inputBits = attempt.smallInputs ? kSmallBits : kLimbBits;
    auto a = encodeCircuit(ctx, g.circuit, options, nullptr, "a.");
    if (!a)
      return a.takeError();
    first.emplace(std::move(*a));
    auto b = encodeCircuit(ctx, g.circuit, options, &first->inputs, "b.");
    if (!b)
      return b.takeError();
    second.emplace(std::move(*b));
    abstractProducts = first->abstractProducts + second->abstractProducts;
    for (const EncodedCircuit *e : {&*first, &*second}) {
      solver.add(conjunction(ctx, e->facts));
      solver.add(conjunction(ctx, e->constraints));
    }
    z3::expr_vector differ(ctx);
    for (auto [y1, y2] : llvm::zip(first->outputs, second->outputs))
      differ.push_back(y1 != y2);
    solver.add(disjunction(ctx, differ));
    return llvm::Error::success();
  }

  const std::vector<z3::expr> &inputTerms() const { return first->inputs; }

  Confirmation confirm(const z3::model &m) {
    Counterexample cex;
    cex.inputs = valuesOf(m, first->inputs);
    cex.witness = valuesOf(m, first->witnesses);
    cex.witness2 = valuesOf(m, second->witnesses);
    auto one = checkAssignment(g.circuit, cex.inputs, cex.witness);
    if (!one)
      return one.takeError();
    auto two = checkAssignment(g.circuit, cex.inputs, cex.witness2);
    if (!two)
      return two.takeError();
    if (one->violation || two->violation || !limbsWellFormed(cex.inputs) ||
        one->outputs == two->outputs)
      return std::nullopt;
    cex.outputs = one->outputs;
    cex.outputs2 = two->outputs;
    cex.explanation = "two witnesses satisfy every constraint and give "
                      "different outputs";
    return cex;
  }
};

// EXP's spec with a symbolic exponent is 510 chained 256-bit products:
// bit-blasting it exhausts memory (over 14 GB seen) long before any timeout,
// so the checks that need the spec decline it.
std::optional<CheckResult> declineSpec(const Gadget &g) {
  if (g.mnemonic != "EXP")
    return std::nullopt;
  CheckResult result;
  result.reason = "the EXP spec with a symbolic exponent is too large to "
                  "solve";
  return result;
}

} // namespace

llvm::StringRef verdictName(Verdict verdict) {
  switch (verdict) {
  case Verdict::Proved:
    return "proved";
  case Verdict::Failed:
    return "failed";
  case Verdict::Unknown:
    return "unknown";
  }
  return "unknown";
}

std::vector<std::string> Counterexample::inputWords() const {
  std::vector<std::string> words;
  for (unsigned i = 0; i + kLimbs <= inputs.size(); i += kLimbs)
    words.push_back(wordFrom(inputs, i).toDecimal());
  return words;
}

namespace {

//===----------------------------------------------------------------------===//
// The integer encoding (tried first)
//===----------------------------------------------------------------------===//

std::vector<std::vector<Poly>> operandLimbs(const std::vector<Poly> &inputs) {
  std::vector<std::vector<Poly>> limbs;
  for (size_t i = 0; i + kLimbs <= inputs.size(); i += kLimbs)
    limbs.emplace_back(inputs.begin() + i, inputs.begin() + i + kLimbs);
  return limbs;
}

// One case of a check split over operand 0 (shift family, see
// smallOperandBound): operand 0 = value, or, without a value, operand 0 ≥
// bound.
struct OperandCase {
  std::optional<unsigned> value;
  unsigned bound = 0;
  /// SDIV/SMOD (splitsOnSigns): bit i set when operand i is negative
  /// (≥ 2^255); -1 for the shift family's cases.
  int signs = -1;
  /// Shift family, soundness: the split witness (by evaluation index) fixed
  /// to `value`, operand 0 free (see pinnedSplitSoundness).
  std::optional<size_t> pinned;

  std::string describe() const {
    if (pinned)
      return "witness " + std::to_string(*pinned) +
             " (the small operand's "
             "low bits) = " +
             std::to_string(*value);
    if (signs >= 0)
      return std::string("operand 0 ") +
             (signs & 1 ? "negative" : "non-negative") + ", operand 1 " +
             (signs & 2 ? "negative" : "non-negative");
    return value ? "operand 0 = " + std::to_string(*value)
                 : "operand 0 >= " + std::to_string(bound);
  }
};

// The input polynomials of a query under `oc`: operand 0's limbs are the
// constants [c, 0, 0, 0], or fresh 64-bit atoms whose word is asserted to be
// at least the bound; every other limb is a fresh 64-bit atom.
std::vector<Poly> caseInputs(IntTerms &t, const Gadget &g,
                             const OperandCase &oc) {
  std::vector<Poly> inputs;
  for (unsigned i = 0; i < kLimbs * g.arity; ++i) {
    if (i < kLimbs && oc.value && !oc.pinned)
      inputs.push_back(Poly::constant(i == 0 ? BigInt(*oc.value) : 0));
    else
      inputs.push_back(Poly::atom(
          t.fresh("x" + std::to_string(i), 0, (BigInt(1) << kLimbBits) - 1)));
  }
  if (oc.signs >= 0) {
    for (unsigned op = 0; op < 2; ++op) {
      z3::expr top = t.expr(inputs[op * kLimbs + kLimbs - 1]);
      z3::expr half = t.num(BigInt(1) << (kLimbBits - 1));
      t.facts.push_back(oc.signs >> op & 1 ? top >= half : top < half);
    }
    return inputs;
  }
  if (!oc.value && !oc.pinned)
    t.facts.push_back(t.expr(t.decode(std::vector<Poly>(
                          inputs.begin(), inputs.begin() + kLimbs))) >=
                      t.num(oc.bound));
  return inputs;
}

// What the outputs must satisfy: the opcode's integer spec on well-formed
// limbs, or the sub-circuit's relation.
llvm::Expected<z3::expr> intGoal(IntTerms &t, const Gadget &g,
                                 const IntEncodedCircuit &enc,
                                 const OperandCase *oc = nullptr) {
  if (!g.subspec.empty())
    return subcircuitRelation(t, g.subspec, enc.inputPolys, enc.outputs);
  z3::expr ok = t.ctx.bool_val(true);
  for (const Poly &l : enc.outputs)
    ok = ok && t.expr(l) < t.num(BigInt(1) << kLimbBits);
  if (oc && oc->pinned) {
    // Operand 0 is free: either it is at least the bound and the result is
    // the out-of-range one, or it is the pinned value v and the result is
    // the spec's for v (so no operand below the bound but v is possible).
    std::vector<std::vector<Poly>> limbs = operandLimbs(enc.inputPolys);
    z3::expr a = t.expr(t.decode(limbs[0]));
    auto beyond = intSpecBeyondBound(t, g.mnemonic, limbs);
    if (!beyond)
      return beyond.takeError();
    limbs[0] = {Poly::constant(*oc->value), Poly(), Poly(), Poly()};
    auto atValue = intOpcodeSpec(t, g.mnemonic, limbs);
    if (!atValue)
      return atValue.takeError();
    z3::expr out = t.expr(t.decode(enc.outputs));
    return ok && ((a >= t.num(oc->bound) && out == *beyond) ||
                  (a == t.num(*oc->value) && out == *atValue));
  }
  auto spec =
      oc && oc->signs < 0 && !oc->value
          ? intSpecBeyondBound(t, g.mnemonic, operandLimbs(enc.inputPolys))
          : intOpcodeSpec(t, g.mnemonic, operandLimbs(enc.inputPolys));
  if (!spec)
    return spec.takeError();
  return ok && t.expr(t.decode(enc.outputs)) == *spec;
}

bool hasIntegerSpec(const Gadget &g) {
  return !g.subspec.empty() || hasIntSpec(g.mnemonic);
}

// Inputs assumed by the check: words' limbs, except for a sub-circuit whose
// proof assumes nothing (soundness) or x < 2^n (BITS completeness).
unsigned intInputBits(const Gadget &g, bool completeness) {
  if (g.subspec.empty() || subspecAssumesWords(g.subspec))
    return kLimbBits;
  // A ZERO sub-circuit takes any felt.
  if (g.subspec == "ZERO")
    return 0;
  if (completeness) {
    zk::CircuitOp c = g.circuit;
    unsigned n = c.getResultTypes().size();
    // A ONEHOT sub-circuit's n = 2^m outputs select x < 2^m.
    if (g.subspec == "ONEHOT")
      return llvm::Log2_32(n);
    return n;
  }
  return 0;
}

std::vector<APInt> intValues(const z3::model &m,
                             const std::vector<z3::expr> &terms) {
  std::vector<APInt> values;
  for (const z3::expr &t : terms) {
    z3::expr v = m.eval(t, /*model_completion=*/true);
    std::string text = Z3_get_numeral_string(v.ctx(), v);
    if (!v.is_numeral() || text.empty() || text[0] == '-')
      return {};
    values.push_back(APInt(kFeltBits, text, 10));
  }
  return values;
}

CheckResult unknownResult(const std::string &reason, double seconds) {
  CheckResult r;
  r.reason = reason;
  r.seconds = seconds;
  r.queries = 1;
  r.method = "integer encoding";
  return r;
}

// The full witness of a soundness model in the evaluator's order: the
// model's hint values, eliminated free factors recomputed (w = v·x⁻¹), and
// for each call replaced by its callee's spec the witness the callee's own
// hints compute on the model's arguments (so the replay checks the callee's
// constraints too). None when a value is not a field element or a callee's
// hints fail.
std::optional<std::vector<APInt>> modelWitness(const z3::model &m,
                                               const IntEncodedCircuit &enc,
                                               const zk::PrimeField &field) {
  std::vector<APInt> own = intValues(m, enc.witnesses);
  if (own.size() != enc.witnesses.size())
    return std::nullopt;
  BigInt p = toBigInt(field.prime);
  for (const IntEncodedCircuit::FreeFactor &f : enc.freeFactors) {
    std::vector<APInt> vx = intValues(m, {f.product, f.factor});
    if (vx.size() != 2)
      return std::nullopt;
    BigInt x = toBigInt(vx[1]) % p, inverse;
    if (x == 0)
      continue;
    mpz_invert(inverse.get_mpz_t(), x.get_mpz_t(), p.get_mpz_t());
    own[f.witnessIndex] = toAPInt(toBigInt(vx[0]) * inverse % p, kFeltBits);
  }
  std::vector<APInt> full;
  size_t next = 0;
  for (const IntEncodedCircuit::SpecCall &call : enc.specCalls) {
    for (; next < call.witnessIndex; ++next)
      full.push_back(own[next]);
    std::vector<APInt> args = intValues(m, call.args);
    if (args.size() != call.args.size())
      return std::nullopt;
    for (APInt &a : args)
      a = toAPInt(toBigInt(a) % p, kFeltBits);
    auto eval = witness::evaluateCircuit(call.callee, args);
    if (!eval) {
      llvm::consumeError(eval.takeError());
      return std::nullopt;
    }
    full.insert(full.end(), eval->witnesses.begin(), eval->witnesses.end());
  }
  full.insert(full.end(), own.begin() + next, own.end());
  for (APInt &w : full)
    if (w.getActiveBits() > kFeltBits || !field.contains(w))
      return std::nullopt;
  return full;
}

// The branches of a query split on its ZERO callees' outputs (each
// argument 0 or not), when `split` and there are at most three of them; else
// the one branch `true`. Each branch is linear once its selections are
// decided (IntTerms::booleanSelects), where the undivided query leaves the
// solver to interleave those decisions with its search: SHL's case 11, over
// 60 s whole, is two queries of 0.2 s.
std::vector<z3::expr> zeroBranches(z3::context &ctx,
                                   const IntEncodedCircuit &enc, bool split) {
  std::vector<z3::expr> branches = {ctx.bool_val(true)};
  if (!split)
    return branches;
  std::vector<z3::expr> zeros;
  for (const IntEncodedCircuit::SpecCall &call : enc.specCalls) {
    auto kind = call.callee->getAttrOfType<mlir::StringAttr>("zk.subspec");
    if (kind && kind.getValue() == "ZERO" && call.args.size() == 1)
      zeros.push_back(call.args[0] == 0);
  }
  if (zeros.empty() || zeros.size() > 3)
    return branches;
  for (const z3::expr &zero : zeros) {
    std::vector<z3::expr> next;
    for (const z3::expr &b : branches) {
      next.push_back(b && zero);
      next.push_back(b && !zero);
    }
    branches = std::move(next);
  }
  return branches;
}

// Runs `query` once per branch (zeroBranches), each in a fresh solver (with
// the older simplex core when `simplex`: these linear queries with
// 2^256-sized coefficients finish in under 0.3 s where the default core
// spends minutes in branch and bound, SHL's case 43). Returns the solver
// holding a model, if a branch has one; otherwise `result` says proved (every
// branch unsat) or unknown (the first branch that was).
std::optional<z3::solver>
solveBranches(z3::context &ctx, const z3::expr_vector &query,
              const std::vector<z3::expr> &branches, bool simplex,
              const CheckOptions &options, CheckResult &result) {
  for (const z3::expr &branch : branches) {
    std::optional<z3::solver> solver(std::in_place, ctx);
    if (simplex) {
      z3::params params(ctx);
      params.set("arith.solver", 2u);
      solver->set(params);
    }
    solver->add(query);
    solver->add(branch);
    result.verdict = Verdict::Unknown;
    if (!solveSettles(*solver, options.timeoutMs, result))
      return solver;
    if (result.verdict != Verdict::Proved)
      return std::nullopt;
  }
  return std::nullopt;
}

llvm::Expected<CheckResult> intSoundness(const Gadget &g,
                                         const CheckOptions &options,
                                         const OperandCase *oc = nullptr) {
  z3::context ctx;
  z3::expr_vector facts(ctx);
  IntTerms t(ctx, facts);
  IntEncodingOptions eo;
  eo.inputBits = intInputBits(g, false);
  if (oc && oc->pinned)
    eo.pinned[*oc->pinned] = *oc->value;
  t.unitFacts = oc && smallOperandBound(g.mnemonic) > 0;
  t.booleanSelects = t.unitFacts;
  t.uninterpretedBits = t.unitFacts;
  try {
    std::vector<Poly> inputs;
    if (oc)
      inputs = caseInputs(t, g, *oc);
    auto enc = encodeCircuitInt(t, g.circuit, eo, oc ? &inputs : nullptr);
    if (!enc)
      return unknownResult(llvm::toString(enc.takeError()), 0);
    // Without a callee that states them, the spec's division and word
    // product are Z3's own (exact) operations.
    t.interpretDivision = !enc->usesUninterpreted;
    auto goal = intGoal(t, g, *enc, oc);
    if (!goal)
      return unknownResult(llvm::toString(goal.takeError()), 0);
    z3::expr_vector query(ctx);
    query.push_back(conjunction(ctx, facts));
    query.push_back(conjunction(ctx, t.congruenceFacts()));
    query.push_back(conjunction(ctx, enc->facts));
    query.push_back(conjunction(ctx, enc->constraints));
    query.push_back(!(*goal && conjunction(ctx, enc->obligations)));
    CheckResult result;
    result.method = "integer encoding";
    result.assumed = enc->assumed;
    std::optional<z3::solver> solver =
        solveBranches(ctx, query, zeroBranches(ctx, *enc, t.booleanSelects),
                      t.booleanSelects, options, result);
    // A model is a counterexample once the circuit, replayed on it, agrees.
    if (!solver || !g.subspec.empty())
      return result;
    z3::model m = solver->get_model();
    Counterexample cex;
    cex.inputs = intValues(m, enc->inputs);
    zk::CircuitOp circuit = g.circuit;
    std::optional<std::vector<APInt>> witness =
        modelWitness(m, *enc, circuit.getPrimeField());
    if (cex.inputs.size() != enc->inputs.size() || !witness)
      return result;
    cex.witness = std::move(*witness);
    auto check = checkAssignment(g.circuit, cex.inputs, cex.witness);
    if (!check)
      return check.takeError();
    if (check->violation || !limbsWellFormed(cex.inputs)) {
      result.reason += check->violation ? " (" + *check->violation + ")"
                                        : std::string(" (inputs not words)");
      return result;
    }
    cex.outputs = check->outputs;
    cex.explanation = compareWithSpec(g, cex.inputs, cex.outputs);
    if (cex.explanation.empty())
      return result;
    result.verdict = Verdict::Failed;
    result.reason.clear();
    result.counterexample = std::move(cex);
    return result;
  } catch (const z3::exception &e) {
    return unknownResult(std::string("z3 error: ") + e.msg(), 0);
  }
}

llvm::Expected<CheckResult> intCompleteness(const Gadget &g,
                                            const CheckOptions &options,
                                            const OperandCase *oc = nullptr) {
  z3::context ctx;
  z3::expr_vector facts(ctx);
  IntTerms t(ctx, facts);
  IntEncodingOptions eo;
  eo.hints = HintMode::Compute;
  eo.assumeConstraints = false;
  eo.inputBits = intInputBits(g, true);
  // NEGIF's hints take a word's limbs apart and carries out of 128-bit
  // halves: digit splits too.
  eo.splitDigits =
      (oc && smallOperandBound(g.mnemonic) > 0) || g.subspec == "NEGIF";
  t.booleanSelects = oc && smallOperandBound(g.mnemonic) > 0;
  t.uninterpretedBits = t.booleanSelects;
  try {
    std::vector<Poly> caseIns;
    if (oc)
      caseIns = caseInputs(t, g, *oc);
    auto enc = encodeCircuitInt(t, g.circuit, eo, oc ? &caseIns : nullptr);
    if (!enc)
      return unknownResult(llvm::toString(enc.takeError()), 0);
    // Without a callee that states them, the spec's division and word
    // product are Z3's own (exact) operations.
    t.interpretDivision = !enc->usesUninterpreted;
    auto goal = intGoal(t, g, *enc, oc);
    if (!goal)
      return unknownResult(llvm::toString(goal.takeError()), 0);
    // A sub-circuit's completeness assumes what its callers must prove
    // (a division's non-zero divisor).
    if (!g.subspec.empty()) {
      auto pre = subspecPrecondition(t, g.subspec, enc->inputPolys,
                                     enc->outputs.size());
      if (!pre)
        return unknownResult(llvm::toString(pre.takeError()), 0);
      facts.push_back(*pre);
    }
    z3::expr_vector query(ctx);
    query.push_back(conjunction(ctx, facts));
    query.push_back(conjunction(ctx, t.congruenceFacts()));
    query.push_back(conjunction(ctx, enc->facts));
    z3::expr good = !disjunction(ctx, enc->hintFaults) &&
                    conjunction(ctx, enc->constraints) && *goal &&
                    conjunction(ctx, enc->obligations);
    query.push_back(!good);
    CheckResult result;
    result.method = "integer encoding";
    result.assumed = enc->assumed;
    std::optional<z3::solver> solver =
        solveBranches(ctx, query, zeroBranches(ctx, *enc, t.booleanSelects),
                      t.booleanSelects, options, result);
    if (!solver)
      return result;
    // A division sub-circuit's model is replayed too, on inputs that meet
    // its precondition (words, a non-zero divisor): failing hints or a
    // violated constraint confirm it (its relation is not evaluated here).
    bool division = isDivisionSubspec(g.subspec);
    if (!g.subspec.empty() && !division)
      return result;
    // The witness evaluator decides on the model's inputs alone.
    std::vector<APInt> inputs = intValues(solver->get_model(), enc->inputs);
    if (inputs.size() != enc->inputs.size() || !limbsWellFormed(inputs))
      return result;
    if (division && llvm::all_of(llvm::ArrayRef(inputs).take_back(kLimbs),
                                 [](const APInt &l) { return l.isZero(); }))
      return result;
    Counterexample cex;
    cex.inputs = inputs;
    auto eval = witness::evaluateCircuit(g.circuit, cex.inputs);
    if (!eval) {
      cex.explanation = "the hints fail: " + llvm::toString(eval.takeError());
    } else {
      cex.witness = eval->witnesses;
      cex.outputs = eval->outputs;
      if (eval->firstViolation)
        cex.explanation = "the hints' witness violates a constraint: " +
                          eval->firstViolation->message;
      else if (!division)
        cex.explanation = compareWithSpec(g, cex.inputs, cex.outputs);
    }
    if (cex.explanation.empty())
      return result;
    result.verdict = Verdict::Failed;
    result.reason.clear();
    result.counterexample = std::move(cex);
    return result;
  } catch (const z3::exception &e) {
    return unknownResult(std::string("z3 error: ") + e.msg(), 0);
  }
}

// The integer soundness result of a circuit (with its callees) is reused by
// determinism; keyed by the circuits' text, so a changed circuit (a mutant)
// is never confused with another.
std::string circuitKey(zk::CircuitOp circuit) {
  std::string key;
  llvm::raw_string_ostream os(key);
  llvm::SmallVector<zk::CircuitOp> work = {circuit};
  llvm::DenseSet<mlir::Operation *> seen;
  while (!work.empty()) {
    zk::CircuitOp c = work.pop_back_val();
    if (!seen.insert(c).second)
      continue;
    c->print(os);
    c.walk([&](zk::CallOp call) {
      if (auto callee =
              mlir::SymbolTable::lookupNearestSymbolFrom<zk::CircuitOp>(
                  call, call.getCalleeAttr()))
        work.push_back(callee);
    });
  }
  return os.str();
}

// Runs `check` on every case. The first case that is not proved ends the
// run with its verdict, named by the case, and `failMethod`; if all are
// proved, the total says how many (`what`) and which was slowest.
using IntCheck = llvm::Expected<CheckResult> (*)(const Gadget &,
                                                 const CheckOptions &,
                                                 const OperandCase *);
llvm::Expected<CheckResult>
runCases(const Gadget &g, const CheckOptions &options, IntCheck check,
         const std::vector<OperandCase> &cases, llvm::StringRef failMethod,
         llvm::StringRef what) {
  CheckResult total;
  double slowest = -1;
  std::string slowestCase;
  for (const OperandCase &oc : cases) {
    auto r = check(g, options, &oc);
    if (!r)
      return r.takeError();
    total.seconds += r->seconds;
    total.queries += r->queries;
    for (const std::string &callee : r->assumed)
      if (!llvm::is_contained(total.assumed, callee))
        total.assumed.push_back(callee);
    if (r->seconds > slowest) {
      slowest = r->seconds;
      slowestCase = oc.describe();
    }
    if (r->verdict != Verdict::Proved) {
      r->seconds = total.seconds;
      r->queries = total.queries;
      r->assumed = total.assumed;
      r->method = failMethod.str();
      r->reason = oc.describe() + (r->reason.empty() ? "" : ": " + r->reason);
      return r;
    }
  }
  total.verdict = Verdict::Proved;
  total.method =
      llvm::formatv("integer encoding, {0} cases of {1} (slowest: {2}, "
                    "{3:f2} s)",
                    cases.size(), what, slowestCase, slowest);
  return total;
}

// A shift-family check (smallOperandBound > 0) as one query per value c of
// operand 0 below the bound, with operand 0 = [c, 0, 0, 0], and one for
// operand 0 ≥ the bound: the cases cover every input, so the property holds
// iff it holds in each. The first case that is not proved ends the check
// with its verdict (a failed case's counterexample is one of the whole
// gadget); other opcodes get the single query.
llvm::Expected<CheckResult>
splitCases(const Gadget &g, const CheckOptions &options, IntCheck check) {
  unsigned bound = g.subspec.empty() ? smallOperandBound(g.mnemonic) : 0;
  std::vector<OperandCase> cases;
  for (unsigned k = 0; bound && k <= bound; ++k) {
    OperandCase oc;
    oc.bound = bound;
    if (k < bound)
      oc.value = k;
    cases.push_back(oc);
  }
  // SDIV/SMOD: one query per pair of operand signs, so that the spec's
  // magnitudes and the circuit's sign selections each have one branch.
  if (g.subspec.empty() && splitsOnSigns(g.mnemonic))
    for (int signs = 0; signs < 4; ++signs) {
      OperandCase oc;
      oc.signs = signs;
      cases.push_back(oc);
    }
  if (cases.empty())
    return check(g, options, nullptr);
  return runCases(g, options, check, cases,
                  bound ? "integer encoding, case split on operand 0"
                        : "integer encoding, case split on operand signs",
                  bound ? "operand 0" : "operand signs");
}

// The free witness a shift-family soundness check splits on: the input of
// the first BITS call with at most 8 outputs whose argument is a hint result
// (the low bits of the small operand), as (evaluation index, n). Its value
// is below 2^n in every satisfying assignment (the BITS relation, proved on
// its own), so the 2^n cases v cover every witness; with it a constant, its
// bits are constants and the query is linear in the other operand.
std::optional<std::pair<size_t, unsigned>> splitWitness(const Gadget &g) {
  z3::context ctx;
  z3::expr_vector facts(ctx);
  IntTerms t(ctx, facts);
  IntEncodingOptions eo;
  auto enc = encodeCircuitInt(t, g.circuit, eo);
  if (!enc) {
    llvm::consumeError(enc.takeError());
    return std::nullopt;
  }
  for (const IntEncodedCircuit::SpecCall &call : enc->specCalls) {
    auto kind = call.callee->getAttrOfType<mlir::StringAttr>("zk.subspec");
    zk::CircuitOp callee = call.callee;
    unsigned n = callee.getResultTypes().size();
    if (!kind || kind.getValue() != "BITS" || n > 8 || call.args.size() != 1)
      continue;
    for (size_t i = 0; i < enc->witnesses.size(); ++i)
      if (z3::eq(enc->witnesses[i], call.args[0]))
        return std::make_pair(i, n);
  }
  return std::nullopt;
}

// Shift-family soundness: split on the small operand's low-bits witness
// when the gadget has one (one query per value, operand 0 free), else on
// operand 0 (splitCases).
llvm::Expected<CheckResult> splitSoundness(const Gadget &g,
                                           const CheckOptions &options) {
  unsigned bound = g.subspec.empty() ? smallOperandBound(g.mnemonic) : 0;
  std::optional<std::pair<size_t, unsigned>> split;
  if (bound)
    split = splitWitness(g);
  if (!split)
    return splitCases(g, options, intSoundness);
  std::vector<OperandCase> cases;
  for (unsigned v = 0; v < (1u << split->second); ++v) {
    OperandCase oc;
    oc.bound = bound;
    oc.pinned = split->first;
    oc.value = v;
    cases.push_back(oc);
  }
  return runCases(g, options, intSoundness, cases,
                  "integer encoding, case split on the small operand's bits",
                  "the small operand's low bits");
}

llvm::Expected<CheckResult> splitCompleteness(const Gadget &g,
                                              const CheckOptions &options) {
  return splitCases(g, options, intCompleteness);
}

llvm::Expected<CheckResult> cachedIntSoundness(const Gadget &g,
                                               const CheckOptions &options) {
  static std::map<std::pair<std::string, unsigned>, CheckResult> cache;
  auto key = std::make_pair(circuitKey(g.circuit), options.timeoutMs);
  auto it = cache.find(key);
  if (it != cache.end())
    return it->second;
  auto r = splitSoundness(g, options);
  // Unknown is cached too: determinism then goes straight to its own query
  // instead of repeating a soundness query that ran out of time.
  if (r)
    cache.emplace(key, *r);
  return r;
}

// Determinism by two instances of the integer encoding that share the
// inputs: unsat proves it; a model is two witnesses with different outputs,
// reported once checkAssignment confirms both. Tried when integer soundness
// failed (so determinism cannot be derived from it) before the bit-vector
// query: a free witness times a constant is one free atom here
// (freeWitnessProduct), while bit-blasting must invert the product modulo p
// (the unconstrained-carry bug: over 300 s, against milliseconds).
llvm::Expected<CheckResult> intDeterminism(const Gadget &g,
                                           const CheckOptions &options) {
  z3::context ctx;
  z3::expr_vector facts(ctx);
  IntTerms t(ctx, facts);
  IntEncodingOptions eo;
  eo.inputBits = intInputBits(g, false);
  try {
    auto first = encodeCircuitInt(t, g.circuit, eo, nullptr, "a.");
    if (!first)
      return unknownResult(llvm::toString(first.takeError()), 0);
    auto second = encodeCircuitInt(t, g.circuit, eo, &first->inputPolys, "b.");
    if (!second)
      return unknownResult(llvm::toString(second.takeError()), 0);
    // A tactic solver: the default (combined) solver hung in Z3 4.8.12's
    // timer on some two-instance queries (mutants of SUB), never returning.
    z3::solver solver = z3::tactic(ctx, "smt").mk_solver();
    solver.add(conjunction(ctx, facts));
    solver.add(conjunction(ctx, t.congruenceFacts()));
    z3::expr_vector differ(ctx);
    for (const IntEncodedCircuit *e : {&*first, &*second}) {
      solver.add(conjunction(ctx, e->facts));
      solver.add(conjunction(ctx, e->constraints));
    }
    for (auto [y1, y2] : llvm::zip(first->outputs, second->outputs))
      differ.push_back(t.expr(y1) != t.expr(y2));
    solver.add(disjunction(ctx, differ));
    CheckResult result;
    result.method = "integer encoding";
    result.assumed = first->assumed;
    if (solveSettles(solver, options.timeoutMs, result))
      return result;
    if (!g.subspec.empty())
      return result;
    z3::model m = solver.get_model();
    Counterexample cex;
    cex.inputs = intValues(m, first->inputs);
    zk::CircuitOp circuit = g.circuit;
    std::optional<std::vector<APInt>> one =
        modelWitness(m, *first, circuit.getPrimeField());
    std::optional<std::vector<APInt>> two =
        modelWitness(m, *second, circuit.getPrimeField());
    if (cex.inputs.size() != first->inputs.size() || !one || !two ||
        !limbsWellFormed(cex.inputs))
      return result;
    cex.witness = std::move(*one);
    cex.witness2 = std::move(*two);
    auto replay1 = checkAssignment(g.circuit, cex.inputs, cex.witness);
    if (!replay1)
      return replay1.takeError();
    auto replay2 = checkAssignment(g.circuit, cex.inputs, cex.witness2);
    if (!replay2)
      return replay2.takeError();
    if (replay1->violation || replay2->violation ||
        replay1->outputs == replay2->outputs)
      return result;
    cex.outputs = replay1->outputs;
    cex.outputs2 = replay2->outputs;
    cex.explanation = "two witnesses satisfy every constraint and give "
                      "different outputs";
    result.verdict = Verdict::Failed;
    result.reason.clear();
    result.counterexample = std::move(cex);
    return result;
  } catch (const z3::exception &e) {
    return unknownResult(std::string("z3 error: ") + e.msg(), 0);
  }
}

// Runs one property's query on a gadget with the bit-vector encoding.
template <typename Query>
llvm::Expected<CheckResult>
checkGadgetBV(const Gadget &g, const CheckOptions &options, bool usesSpec) {
  if (!g.subspec.empty()) {
    CheckResult r;
    r.reason = "sub-circuits are only checked with the integer encoding";
    return r;
  }
  if (usesSpec)
    if (std::optional<CheckResult> declined = declineSpec(g))
      return *declined;
  z3::context ctx;
  Query query(g);
  auto r = runCheck(ctx, options, query);
  if (r)
    r->method = "bit-vector encoding";
  return r;
}

// Replays a BITS soundness model outside the encoding: the constraints must
// hold on the model's input and witness (checkAssignment), and the outputs
// must not be the n bits of an input below 2^n. Only then is it Failed.
void confirmBitsCounterexample(const Gadget &g, const z3::model &m,
                               const EncodedCircuit &enc, unsigned n,
                               CheckResult &result) {
  Counterexample cex;
  cex.inputs = valuesOf(m, enc.inputs);
  cex.witness = valuesOf(m, enc.witnesses);
  auto check = checkAssignment(g.circuit, cex.inputs, cex.witness);
  if (!check) {
    result.reason =
        "z3 model not replayable: " + llvm::toString(check.takeError());
    return;
  }
  if (check->violation) {
    result.reason = "z3 model not confirmed: it violates " + *check->violation;
    return;
  }
  cex.outputs = check->outputs;
  const APInt &x = cex.inputs[0];
  if (x.getActiveBits() > n) {
    cex.explanation = "the input " + llvm::toString(x, 10, false) +
                      " is not below 2^" + std::to_string(n) +
                      " yet every constraint holds";
  } else {
    for (unsigned j = 0; j < n && cex.explanation.empty(); ++j) {
      uint64_t bit = x[j] ? 1 : 0;
      if (cex.outputs[j] != bit)
        cex.explanation = "output " + std::to_string(j) + " is " +
                          llvm::toString(cex.outputs[j], 10, false) +
                          ", but bit " + std::to_string(j) + " of " +
                          llvm::toString(x, 10, false) + " is " +
                          std::to_string(bit);
    }
  }
  if (cex.explanation.empty()) {
    result.reason = "z3 model not confirmed: the outputs are the input's bits";
    return;
  }
  result.verdict = Verdict::Failed;
  result.counterexample = std::move(cex);
}

// A BITS sub-circuit is checked with the bit-vector encoding, where "output
// j is bit j of x" is an extraction (the integer encoding's (x div 2^j) mod 2
// for the canonical x ≥ 0 is the same number).
llvm::Expected<CheckResult> checkBitsBV(const Gadget &g, bool completeness,
                                        const CheckOptions &options) {
  CheckResult result;
  result.method = "bit-vector encoding";
  try {
    z3::context ctx;
    z3::solver solver(ctx, "QF_UFBV");
    zk::CircuitOp circuit = g.circuit;
    unsigned n = circuit.getResultTypes().size();
    EncodingOptions eo;
    eo.inputBits = 0;
    if (completeness) {
      eo.hints = HintMode::Compute;
      eo.assumeConstraints = false;
      eo.inputBits = n;
    }
    auto enc = encodeCircuit(ctx, circuit, eo);
    if (!enc) {
      result.reason = llvm::toString(enc.takeError());
      return result;
    }
    if (enc->inputs.size() != 1 || n == 0 || n >= kFeltBits - 2) {
      result.reason = "a BITS sub-circuit takes one input";
      return result;
    }
    const z3::expr &x = enc->inputs[0];
    z3::expr goal = z3::ult(
        x,
        ctx.bv_val(llvm::toString(APInt::getOneBitSet(kFeltBits, n), 10, false)
                       .c_str(),
                   kFeltBits));
    for (unsigned j = 0; j < n; ++j)
      goal =
          goal && enc->outputs[j] == z3::zext(x.extract(j, j), kFeltBits - 1);
    solver.add(conjunction(ctx, enc->facts));
    if (completeness)
      solver.add(!(!disjunction(ctx, enc->hintFaults) &&
                   conjunction(ctx, enc->constraints) && goal));
    else
      solver.add(conjunction(ctx, enc->constraints) && !goal);
    z3::check_result r = solveQuery(solver, options.timeoutMs, result);
    if (r == z3::unsat)
      result.verdict = Verdict::Proved;
    else if (r == z3::unknown)
      result.reason = "z3: " + solver.reason_unknown();
    else if (completeness)
      result.reason = "z3 found a model (completeness counterexamples of "
                      "sub-circuits are not replayed)";
    else
      confirmBitsCounterexample(g, solver.get_model(), *enc, n, result);
  } catch (const z3::exception &e) {
    result.reason = std::string("z3 error: ") + e.msg();
  }
  return result;
}

// The integer result if it decides, else the bit-vector one (which finds
// counterexamples by bit-blasting small operands first); times add up.
llvm::Expected<CheckResult>
combine(llvm::Expected<CheckResult> first,
        llvm::function_ref<llvm::Expected<CheckResult>()> fallback) {
  if (!first)
    return first.takeError();
  if (first->verdict != Verdict::Unknown)
    return first;
  auto second = fallback();
  if (!second)
    return second.takeError();
  second->seconds += first->seconds;
  second->queries += first->queries;
  if (second->verdict == Verdict::Unknown)
    second->reason = "integer encoding: " + first->reason +
                     "; bit-vector encoding: " + second->reason;
  return second;
}

} // namespace

namespace {

// Soundness and completeness take the same route: BITS sub-circuits by
// bit-vectors; gadgets with an integer spec by the integer encoding first,
// then the bit-vector one if that is unknown; the rest by bit-vectors.
template <typename Query>
llvm::Expected<CheckResult> checkProperty(
    zk::CircuitOp gadget, const CheckOptions &options, bool completeness,
    llvm::Expected<CheckResult> (*integerCheck)(const Gadget &,
                                                const CheckOptions &)) {
  auto g = asGadget(gadget);
  if (!g)
    return g.takeError();
  auto bv = [&] {
    return checkGadgetBV<Query>(*g, options, /*usesSpec=*/true);
  };
  if (g->subspec == "BITS")
    return checkBitsBV(*g, completeness, options);
  if (g->subspec.empty())
    if (std::optional<CheckResult> failed = edgeCaseFailure(*g, completeness))
      return *failed;
  if (!hasIntegerSpec(*g))
    return bv();
  // The shift family's bit-vector queries (symbolic 2^s) do not finish
  // within any budget we use; the case split is all there is.
  if (g->subspec.empty() && smallOperandBound(g->mnemonic))
    return integerCheck(*g, options);
  return combine(integerCheck(*g, options), bv);
}

} // namespace

llvm::Expected<CheckResult> checkSoundness(zk::CircuitOp gadget,
                                           const CheckOptions &options) {
  return checkProperty<SoundnessQuery>(gadget, options, false,
                                       cachedIntSoundness);
}

llvm::Expected<CheckResult> checkCompleteness(zk::CircuitOp gadget,
                                              const CheckOptions &options) {
  return checkProperty<CompletenessQuery>(gadget, options, true,
                                          splitCompleteness);
}

llvm::Expected<CheckResult> checkDeterminism(zk::CircuitOp gadget,
                                             const CheckOptions &options) {
  auto g = asGadget(gadget);
  if (!g)
    return g.takeError();
  if (g->subspec == "BITS") {
    auto sound = checkBitsBV(*g, false, options);
    if (sound && sound->verdict == Verdict::Proved)
      sound->method = "derived from soundness";
    return sound;
  }
  if (hasIntegerSpec(*g)) {
    // Every satisfying witness gives spec(x) (for DIVMOD by the uniqueness
    // of division), so any two agree.
    auto sound = cachedIntSoundness(*g, options);
    if (!sound)
      return sound.takeError();
    if (sound->verdict == Verdict::Proved) {
      CheckResult r = *sound;
      r.method = "derived from soundness";
      return r;
    }
    if (sound->verdict != Verdict::Failed && smallOperandBound(g->mnemonic)) {
      CheckResult r = *sound;
      r.reason = "not derived: soundness is unknown (" + sound->reason + ")";
      return r;
    }
    if (sound->verdict == Verdict::Failed)
      return combine(intDeterminism(*g, options), [&] {
        return checkGadgetBV<DeterminismQuery>(*g, options,
                                               /*usesSpec=*/false);
      });
  }
  return checkGadgetBV<DeterminismQuery>(*g, options, /*usesSpec=*/false);
}

std::vector<zk::CircuitOp> specifiedSubcircuits(mlir::ModuleOp module) {
  std::vector<zk::CircuitOp> subs;
  for (zk::CircuitOp c : module.getOps<zk::CircuitOp>())
    if (c->hasAttr("zk.subspec"))
      subs.push_back(c);
  return subs;
}

} // namespace zkevmc::verifier
