// Determinism of any zk.circuit: two instances over the same inputs, every
// constraint assumed for both, outputs required to differ.
//
// The integer encoding is tried first (with the witness bounds the linear
// constraints imply, which keep products of bounded values exact integers);
// when it does not decide, or its model is not confirmed, the bit-vector
// encoding runs: first with inputs below 2^4 (it can only find a
// counterexample), then unrestricted with the abstract product, then with
// exact products if the abstract model was spurious. Every counterexample is
// replayed by checkAssignment on both witnesses before it is reported.

#include "verifier/CircuitDeterminism.h"

#include "verifier/Assignment.h"
#include "verifier/CircuitEncoding.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/TypeSwitch.h"

#include <chrono>

using llvm::APInt;
using mlir::Operation;
using mlir::Value;

namespace zkevmc::verifier {

namespace {

constexpr unsigned kSmallBits = 4;
constexpr unsigned kSmallTimeoutMs = 20000;
// The integer query first looks briefly for a counterexample whose inputs
// and witnesses are all below 2^kSmallValueBits.
constexpr unsigned kSmallValueBits = 16;
// It is bounded by Z3's resource limit, not a timeout: Z3 4.8.12's timer
// can deadlock when a new query starts after one expired (Z3 PR #5371), and
// this query is expected to run out on every circuit that is deterministic.
constexpr unsigned kSmallValueRlimit = 2000000;
// The bound derivation stops after this many rounds even without a
// fixpoint (every round's bounds are valid on their own).
constexpr unsigned kMaxBoundRounds = 64;

BigInt pow2(unsigned n) {
  BigInt r = 1;
  mpz_mul_2exp(r.get_mpz_t(), r.get_mpz_t(), n);
  return r;
}

// Σ coefficient · base value + constant, congruent modulo p to a felt. Base
// values are inputs, hint results and whatever is not linear in them
// (products of two non-constants, call results), each with an interval.
struct LinearForm {
  llvm::MapVector<Value, BigInt> terms;
  BigInt constant = 0;
};

class BoundDeriver {
public:
  BoundDeriver(zk::CircuitOp circuit, unsigned inputBits)
      : circuit(circuit), p(toBigInt(circuit.getPrimeField().prime)) {
    mlir::Block &body = circuit.getBody().front();
    BigInt inputHi = p - 1;
    if (inputBits && pow2(inputBits) - 1 < inputHi)
      inputHi = pow2(inputBits) - 1;
    for (Value arg : body.getArguments())
      base(arg, inputHi);
    for (Operation &op : body)
      formOf(op);
  }

  llvm::DenseMap<Value, BigInt> run() {
    mlir::Block &body = circuit.getBody().front();
    for (unsigned round = 0; round < kMaxBoundRounds; ++round) {
      bool changed = false;
      for (Operation &op : body) {
        if (auto b = llvm::dyn_cast<zk::AssertBoolOp>(op))
          changed |= boundSingle(b.getValue(), 1);
        else if (auto r = llvm::dyn_cast<zk::RangeOp>(op))
          changed |= boundSingle(r.getValue(), pow2(r.getBits()) - 1);
        else if (auto e = llvm::dyn_cast<zk::AssertEqOp>(op))
          changed |= solveFor(e);
      }
      if (!changed)
        break;
    }
    llvm::DenseMap<Value, BigInt> out;
    for (auto &[v, iv] : intervals)
      if (isBounded(v) && iv.hi < p - 1)
        out[v] = iv.hi;
    return out;
  }

private:
  static bool isHintResult(Value v) {
    return v.getDefiningOp<zk::WitnessOp>() != nullptr;
  }
  // Inputs and hint results: canonical values with their own atoms, whose
  // intervals the constraints may narrow.
  bool isBounded(Value v) {
    return isHintResult(v) || (llvm::isa<mlir::BlockArgument>(v) &&
                               v.getParentRegion() == &circuit.getBody());
  }

  BigInt symmetric(BigInt c) const {
    c %= p;
    if (c < 0)
      c += p;
    if (2 * c > p)
      c -= p;
    return c;
  }

  void base(Value v, const BigInt &hi) {
    intervals[v] = Interval{0, hi};
    LinearForm f;
    f.terms[v] = 1;
    forms[v] = std::move(f);
  }

  LinearForm combine(const LinearForm &a, const LinearForm &b,
                     const BigInt &scaleB) const {
    LinearForm r = a;
    for (const auto &[v, c] : b.terms)
      r.terms[v] = symmetric(r.terms.lookup(v) + scaleB * c);
    r.constant = symmetric(a.constant + scaleB * b.constant);
    r.terms.remove_if([](const auto &kv) { return kv.second == 0; });
    return r;
  }

  LinearForm scaled(const LinearForm &a, const BigInt &s) const {
    return combine(LinearForm{}, a, s);
  }

  void formOf(Operation &op) {
    if (auto w = llvm::dyn_cast<zk::WitnessOp>(op)) {
      for (Value r : w.getResults())
        base(r, p - 1);
      return;
    }
    if (op.getNumResults() != 1 ||
        !llvm::isa<zk::FeltType>(op.getResult(0).getType())) {
      for (Value r : op.getResults())
        base(r, p - 1);
      return;
    }
    Value r = op.getResult(0);
    auto arg = [&](unsigned i) -> const LinearForm & {
      return forms[op.getOperand(i)];
    };
    if (auto c = llvm::dyn_cast<zk::ConstOp>(op)) {
      LinearForm f;
      f.constant = symmetric(toBigInt(c.getValue()));
      forms[r] = std::move(f);
    } else if (llvm::isa<zk::AddOp>(op)) {
      forms[r] = combine(arg(0), arg(1), 1);
    } else if (llvm::isa<zk::SubOp>(op)) {
      forms[r] = combine(arg(0), arg(1), -1);
    } else if (llvm::isa<zk::NegOp>(op)) {
      forms[r] = scaled(arg(0), -1);
    } else if (llvm::isa<zk::MulOp>(op) && arg(0).terms.empty()) {
      forms[r] = scaled(arg(1), arg(0).constant);
    } else if (llvm::isa<zk::MulOp>(op) && arg(1).terms.empty()) {
      forms[r] = scaled(arg(0), arg(1).constant);
    } else {
      base(r, p - 1);
    }
  }

  Interval interval(const LinearForm &f) const {
    Interval iv{f.constant, f.constant};
    for (const auto &[v, c] : f.terms) {
      const Interval &x = intervals.find(v)->second;
      if (c > 0) {
        iv.lo += c * x.lo;
        iv.hi += c * x.hi;
      } else {
        iv.lo += c * x.hi;
        iv.hi += c * x.lo;
      }
    }
    return iv;
  }

  // v ∈ [lo, hi] is implied; tightens a hint result's interval.
  bool tighten(Value v, const BigInt &lo, const BigInt &hi) {
    if (!isBounded(v))
      return false;
    Interval &iv = intervals[v];
    bool changed = false;
    if (hi < iv.hi) {
      iv.hi = hi;
      changed = true;
    }
    if (lo > iv.lo) {
      iv.lo = lo;
      changed = true;
    }
    return changed;
  }

  bool boundSingle(Value v, const BigInt &hi) {
    const LinearForm &f = forms[v];
    if (f.constant != 0 || f.terms.size() != 1 || f.terms.front().second != 1)
      return false;
    return tighten(f.terms.front().first, 0, hi);
  }

  // D = lhs − rhs ≡ 0. For a hint result x with coefficient c = ±1,
  // x ≡ −(D − c·x)/c; when that lies in [0, p) as an integer, it is x.
  bool solveFor(zk::AssertEqOp eq) {
    LinearForm d = combine(forms[eq.getLhs()], forms[eq.getRhs()], -1);
    Interval all = interval(d);
    bool changed = false;
    for (const auto &[x, c] : d.terms) {
      if ((c != 1 && c != -1) || !isBounded(x))
        continue;
      const Interval &xi = intervals.find(x)->second;
      // The interval of rest = D − c·x.
      Interval rest = all;
      if (c > 0) {
        rest.lo -= xi.lo;
        rest.hi -= xi.hi;
      } else {
        rest.lo += xi.hi;
        rest.hi += xi.lo;
      }
      // x = −rest when c = 1, x = rest when c = −1.
      Interval e = c > 0 ? Interval{-rest.hi, -rest.lo} : rest;
      if (e.lo >= 0 && e.hi < p)
        changed |= tighten(x, e.lo, e.hi);
      if (changed)
        all = interval(d);
    }
    return changed;
  }

  zk::CircuitOp circuit;
  BigInt p;
  llvm::DenseMap<Value, LinearForm> forms;
  llvm::MapVector<Value, Interval> intervals;
};

z3::expr conjunction(z3::context &ctx, const z3::expr_vector &v) {
  return v.empty() ? ctx.bool_val(true) : z3::mk_and(v);
}
z3::expr disjunction(z3::context &ctx, const z3::expr_vector &v) {
  return v.empty() ? ctx.bool_val(false) : z3::mk_or(v);
}

// Integer model values as canonical felts; empty if one is not a
// non-negative numeral.
std::vector<APInt> intValues(const z3::model &m,
                             const std::vector<z3::expr> &terms) {
  std::vector<APInt> values;
  for (const z3::expr &t : terms) {
    z3::expr v = m.eval(t, /*model_completion=*/true);
    if (!v.is_numeral())
      return {};
    std::string text = Z3_get_numeral_string(v.ctx(), v);
    if (text.empty() || text[0] == '-')
      return {};
    APInt value(kFeltBits + 1, text, 10);
    if (value.getActiveBits() > kFeltBits)
      return {};
    values.push_back(value.trunc(kFeltBits));
  }
  return values;
}

// An instance's witness from an integer model: the hint values, with the
// free factors the encoding eliminated recomputed (w = v·x⁻¹ mod p; any w
// fits when x = 0, and the model's is kept). Empty when a value is not a
// non-negative numeral.
std::vector<APInt> intWitness(const z3::model &m, const IntEncodedCircuit &enc,
                              const BigInt &p) {
  std::vector<APInt> own = intValues(m, enc.witnesses);
  if (own.size() != enc.witnesses.size())
    return {};
  for (const IntEncodedCircuit::FreeFactor &f : enc.freeFactors) {
    std::vector<APInt> vx = intValues(m, {f.product, f.factor});
    if (vx.size() != 2)
      return {};
    BigInt x = toBigInt(vx[1]) % p, inverse;
    if (x == 0)
      continue;
    mpz_invert(inverse.get_mpz_t(), x.get_mpz_t(), p.get_mpz_t());
    own[f.witnessIndex] = toAPInt(toBigInt(vx[0]) * inverse % p, kFeltBits);
  }
  return own;
}

std::vector<APInt> bvValues(const z3::model &m,
                            const std::vector<z3::expr> &terms) {
  std::vector<APInt> values;
  for (const z3::expr &t : terms)
    values.push_back(modelValue(m, t));
  return values;
}

// A counterexample once both witnesses satisfy every constraint and their
// outputs differ; nothing if the model is spurious.
llvm::Expected<std::optional<Counterexample>>
confirm(zk::CircuitOp circuit, std::vector<APInt> inputs,
        std::vector<APInt> witness, std::vector<APInt> witness2,
        unsigned inputBits) {
  if (inputBits && llvm::any_of(inputs, [&](const APInt &x) {
        return x.getActiveBits() > inputBits;
      }))
    return std::nullopt;
  auto one = checkAssignment(circuit, inputs, witness);
  if (!one)
    return one.takeError();
  auto two = checkAssignment(circuit, inputs, witness2);
  if (!two)
    return two.takeError();
  if (one->violation || two->violation || one->outputs == two->outputs)
    return std::nullopt;
  Counterexample cex;
  cex.inputs = std::move(inputs);
  cex.witness = std::move(witness);
  cex.witness2 = std::move(witness2);
  cex.outputs = one->outputs;
  cex.outputs2 = two->outputs;
  cex.explanation =
      "two witnesses satisfy every constraint and give different outputs";
  return cex;
}

// The integer query; Unknown (with a reason) when it does not decide.
llvm::Expected<CheckResult>
intDeterminism(zk::CircuitOp circuit, const DeterminismOptions &options,
               const llvm::DenseMap<Value, BigInt> &bounds) {
  CheckResult result;
  result.method = "integer encoding";
  z3::context ctx;
  z3::expr_vector facts(ctx);
  IntTerms t(ctx, facts);
  IntEncodingOptions eo;
  eo.inputBits = options.inputBits;
  eo.calls = CallMode::Inline;
  eo.impliedBounds = &bounds;
  try {
    // Inputs are shared atoms, with the bounds the constraints imply.
    std::vector<Poly> inputAtoms;
    BigInt inputHi = toBigInt(circuit.getPrimeField().prime) - 1;
    if (options.inputBits && pow2(options.inputBits) - 1 < inputHi)
      inputHi = pow2(options.inputBits) - 1;
    for (auto [i, arg] :
         llvm::enumerate(circuit.getBody().front().getArguments())) {
      BigInt hi = inputHi;
      auto it = bounds.find(arg);
      if (it != bounds.end() && it->second < hi)
        hi = it->second;
      inputAtoms.push_back(Poly::atom(t.fresh("x" + std::to_string(i), 0, hi)));
    }
    auto a = encodeCircuitInt(t, circuit, eo, &inputAtoms, "a.");
    if (!a) {
      result.reason = llvm::toString(a.takeError());
      return result;
    }
    auto b = encodeCircuitInt(t, circuit, eo, &inputAtoms, "b.");
    if (!b) {
      result.reason = llvm::toString(b.takeError());
      return result;
    }
    z3::solver solver(ctx);
    solver.add(conjunction(ctx, facts));
    for (const IntEncodedCircuit *e : {&*a, &*b}) {
      solver.add(conjunction(ctx, e->facts));
      solver.add(conjunction(ctx, e->constraints));
    }
    z3::expr_vector differ(ctx);
    for (auto [y1, y2] : llvm::zip(a->outputs, b->outputs))
      differ.push_back(t.expr(y1) != t.expr(y2));
    solver.add(disjunction(ctx, differ));
    BigInt p = toBigInt(circuit.getPrimeField().prime);
    auto confirmModel = [&](const z3::model &m)
        -> llvm::Expected<std::optional<Counterexample>> {
      std::vector<APInt> inputs = intValues(m, a->inputs);
      std::vector<APInt> w1 = intWitness(m, *a, p);
      std::vector<APInt> w2 = intWitness(m, *b, p);
      if (inputs.size() != a->inputs.size() ||
          w1.size() != a->witnesses.size() || w2.size() != b->witnesses.size())
        return std::nullopt;
      return confirm(circuit, std::move(inputs), std::move(w1), std::move(w2),
                     options.inputBits);
    };
    auto failed = [&](Counterexample cex) {
      result.verdict = Verdict::Failed;
      result.reason.clear();
      result.counterexample = std::move(cex);
      return result;
    };

    // First, briefly, a counterexample with small values, which is easier to
    // read; its unsat proves nothing. A separate solver: push/pop would
    // switch Z3 to its incremental core, which is weaker on the nonlinear
    // main query.
    {
      z3::solver smallSolver(ctx);
      smallSolver.add(solver.assertions());
      z3::expr small = t.num(pow2(kSmallValueBits));
      for (const std::vector<z3::expr> *terms :
           {&a->inputs, &a->witnesses, &b->witnesses})
        for (const z3::expr &v : *terms)
          smallSolver.add(v < small);
      z3::params limit(ctx);
      limit.set("rlimit", kSmallValueRlimit);
      smallSolver.set(limit);
      auto start = std::chrono::steady_clock::now();
      z3::check_result found = smallSolver.check();
      result.seconds += std::chrono::duration<double>(
                            std::chrono::steady_clock::now() - start)
                            .count();
      ++result.queries;
      if (found == z3::sat) {
        auto cex = confirmModel(smallSolver.get_model());
        if (!cex)
          return cex.takeError();
        if (*cex)
          return failed(std::move(**cex));
      }
    }

    if (solveSettles(solver, options.timeoutMs, result))
      return result;
    auto cex = confirmModel(solver.get_model());
    if (!cex)
      return cex.takeError();
    if (*cex)
      return failed(std::move(**cex));
    return result;
  } catch (const z3::exception &e) {
    result.reason = std::string("z3 error: ") + e.msg();
    return result;
  }
}

// The bit-vector queries, accumulated into `result`.
llvm::Error bvDeterminism(zk::CircuitOp circuit,
                          const DeterminismOptions &options,
                          CheckResult &result) {
  struct Attempt {
    bool smallInputs;
    bool exactProducts;
  };
  const Attempt attempts[] = {{true, false}, {false, false}, {false, true}};
  bool restrictable = options.inputBits == 0 || options.inputBits > kSmallBits;
  for (const Attempt &attempt : attempts) {
    if (attempt.smallInputs && !restrictable)
      continue;
    z3::context ctx;
    try {
      z3::solver solver(ctx, "QF_UFBV");
      EncodingOptions eo;
      eo.inputBits = attempt.smallInputs ? kSmallBits : options.inputBits;
      eo.exactProducts = attempt.exactProducts;
      auto a = encodeCircuit(ctx, circuit, eo, nullptr, "a.");
      if (!a) {
        result.reason = llvm::toString(a.takeError());
        return llvm::Error::success();
      }
      auto b = encodeCircuit(ctx, circuit, eo, &a->inputs, "b.");
      if (!b) {
        result.reason = llvm::toString(b.takeError());
        return llvm::Error::success();
      }
      for (const EncodedCircuit *e : {&*a, &*b}) {
        solver.add(conjunction(ctx, e->facts));
        solver.add(conjunction(ctx, e->constraints));
      }
      z3::expr_vector differ(ctx);
      for (auto [y1, y2] : llvm::zip(a->outputs, b->outputs))
        differ.push_back(y1 != y2);
      solver.add(disjunction(ctx, differ));
      unsigned limit = attempt.smallInputs
                           ? std::min(options.timeoutMs, kSmallTimeoutMs)
                           : options.timeoutMs;
      z3::check_result r = solveQuery(solver, limit, result);
      if (attempt.smallInputs && r != z3::sat)
        continue;
      if (r == z3::unsat) {
        result.verdict = Verdict::Proved;
        result.reason.clear();
        return llvm::Error::success();
      }
      if (r == z3::unknown) {
        result.reason = "z3: " + solver.reason_unknown();
        return llvm::Error::success();
      }
      z3::model m = solver.get_model();
      auto cex =
          confirm(circuit, bvValues(m, a->inputs), bvValues(m, a->witnesses),
                  bvValues(m, b->witnesses), options.inputBits);
      if (!cex)
        return cex.takeError();
      if (*cex) {
        result.verdict = Verdict::Failed;
        result.reason.clear();
        result.counterexample = std::move(**cex);
        return llvm::Error::success();
      }
      unsigned abstractProducts = a->abstractProducts + b->abstractProducts;
      if (!attempt.smallInputs &&
          (abstractProducts == 0 || attempt.exactProducts)) {
        result.reason = "z3 found a model that the evaluator does not "
                        "confirm";
        return llvm::Error::success();
      }
    } catch (const z3::exception &e) {
      result.reason = std::string("z3 error: ") + e.msg();
      return llvm::Error::success();
    }
  }
  return llvm::Error::success();
}

} // namespace

llvm::DenseMap<Value, BigInt> impliedWitnessBounds(zk::CircuitOp circuit,
                                                   unsigned inputBits) {
  return BoundDeriver(circuit, inputBits).run();
}

llvm::Expected<CheckResult>
checkCircuitDeterminism(zk::CircuitOp circuit,
                        const DeterminismOptions &options) {
  llvm::DenseMap<Value, BigInt> bounds =
      impliedWitnessBounds(circuit, options.inputBits);
  auto integer = intDeterminism(circuit, options, bounds);
  if (!integer || integer->verdict != Verdict::Unknown)
    return integer;
  CheckResult result;
  result.seconds = integer->seconds;
  result.queries = integer->queries;
  result.method = "bit-vector encoding";
  std::string intReason = integer->reason;
  if (llvm::Error err = bvDeterminism(circuit, options, result))
    return err;
  if (result.verdict == Verdict::Unknown)
    result.reason = "integer encoding: " + intReason +
                    "; bit-vector encoding: " + result.reason;
  return result;
}

} // namespace zkevmc::verifier
