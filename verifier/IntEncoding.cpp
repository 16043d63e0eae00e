// Translation of a zk.circuit into Z3 integer arithmetic over normalised
// polynomials.
//
// A felt is an integer polynomial over atoms congruent to it modulo p. Sums,
// differences and constant multiples stay polynomials; a product stays one
// while its integer value provably lies in (−p, p), otherwise both factors
// are reduced to their canonical values and the product is reduced too, with
// the facts every prime field has (no zero divisors, 1 neutral, x·x⁻¹ = 1).
// A reduction of P is a fresh atom v in [0, p) with P = v + k·p for a fresh
// integer k in the range P's interval allows: exact, and unique, so it is a
// definition. Products of atoms are Z3 nonlinear terms: the linear part of
// the solver treats each monomial as an unknown, and models are checked
// against the real products by Z3's nonlinear solver.

#include "verifier/IntEncoding.h"

#include "verifier/IntSpec.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/SymbolTable.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/TypeSwitch.h"

#include <algorithm>
#include <optional>

using namespace mlir;
using llvm::APInt;

namespace zkevmc::verifier {

BigInt toBigInt(const APInt &v) { return BigInt(llvm::toString(v, 10, false)); }

APInt toAPInt(const BigInt &v, unsigned width) {
  return APInt(width, v.get_str(), 10);
}

static BigInt pow2(unsigned bits) {
  BigInt r;
  mpz_ui_pow_ui(r.get_mpz_t(), 2, bits);
  return r;
}

static BigInt floorDiv(const BigInt &a, const BigInt &b) {
  BigInt q;
  mpz_fdiv_q(q.get_mpz_t(), a.get_mpz_t(), b.get_mpz_t());
  return q;
}

static BigInt ceilDiv(const BigInt &a, const BigInt &b) {
  BigInt q;
  mpz_cdiv_q(q.get_mpz_t(), a.get_mpz_t(), b.get_mpz_t());
  return q;
}

//===----------------------------------------------------------------------===//
// Poly and IntTerms
//===----------------------------------------------------------------------===//

Poly Poly::constant(const BigInt &value) {
  Poly p;
  if (value != 0)
    p.terms[{}] = value;
  return p;
}

Poly Poly::atom(unsigned id) {
  Poly p;
  p.terms[{id}] = 1;
  return p;
}

bool Poly::isConstant(BigInt *value) const {
  if (terms.empty()) {
    if (value)
      *value = 0;
    return true;
  }
  if (terms.size() == 1 && terms.begin()->first.empty()) {
    if (value)
      *value = terms.begin()->second;
    return true;
  }
  return false;
}

bool Poly::isAtom(unsigned *id) const {
  if (terms.size() != 1 || terms.begin()->first.size() != 1 ||
      terms.begin()->second != 1)
    return false;
  if (id)
    *id = terms.begin()->first.front();
  return true;
}

IntTerms::IntTerms(z3::context &ctx, z3::expr_vector &facts)
    : ctx(ctx), facts(facts),
      divFn(ctx.function("int.div", ctx.int_sort(), ctx.int_sort(),
                         ctx.int_sort())),
      modFn(ctx.function("int.mod", ctx.int_sort(), ctx.int_sort(),
                         ctx.int_sort())),
      mulFn(ctx.function("word.mul", ctx.int_sort(), ctx.int_sort(),
                         ctx.int_sort())),
      bitFn(ctx.function("word.bit", ctx.int_sort(), ctx.int_sort(),
                         ctx.int_sort())) {}

z3::expr IntTerms::num(const BigInt &v) {
  return ctx.int_val(v.get_str().c_str());
}

unsigned IntTerms::atom(const z3::expr &term, const BigInt &lo,
                        const BigInt &hi) {
  auto it = byTermId.find(term.id());
  if (it != byTermId.end()) {
    Interval &b = atoms[it->second].bound;
    if (lo > b.lo) {
      b.lo = lo;
      facts.push_back(term >= num(lo));
    }
    if (hi < b.hi) {
      b.hi = hi;
      facts.push_back(term <= num(hi));
    }
    return it->second;
  }
  unsigned id = atoms.size();
  atoms.push_back({term, {lo, hi}});
  byTermId[term.id()] = id;
  if (!term.is_numeral()) {
    facts.push_back(term >= num(lo));
    facts.push_back(term <= num(hi));
  }
  return id;
}

z3::expr IntTerms::freshInt(const std::string &name, const BigInt &lo,
                            const BigInt &hi) {
  z3::expr v = ctx.int_const((name + "!" + std::to_string(counter++)).c_str());
  facts.push_back(v >= num(lo));
  facts.push_back(v <= num(hi));
  return v;
}

unsigned IntTerms::fresh(const std::string &name, const BigInt &lo,
                         const BigInt &hi) {
  z3::expr v = ctx.int_const((name + "!" + std::to_string(counter++)).c_str());
  return atom(v, lo, hi);
}

bool IntTerms::isBoolean(unsigned id) const {
  const Interval &b = atoms[id].bound;
  return b.lo >= 0 && b.hi <= 1;
}

Poly IntTerms::add(const Poly &a, const Poly &b) const {
  Poly r = a;
  for (const auto &[m, c] : b.terms) {
    BigInt &slot = r.terms[m];
    slot += c;
    if (slot == 0)
      r.terms.erase(m);
  }
  return r;
}

Poly IntTerms::scale(const Poly &a, const BigInt &c) const {
  Poly r;
  if (c == 0)
    return r;
  for (const auto &[m, k] : a.terms)
    r.terms[m] = k * c;
  return r;
}

Poly IntTerms::sub(const Poly &a, const Poly &b) const {
  return add(a, scale(b, -1));
}

Poly IntTerms::mul(const Poly &a, const Poly &b) const {
  Poly r;
  for (const auto &[ma, ca] : a.terms)
    for (const auto &[mb, cb] : b.terms) {
      Monomial m;
      std::merge(ma.begin(), ma.end(), mb.begin(), mb.end(),
                 std::back_inserter(m));
      // b·b = b for a boolean atom.
      Monomial dedup;
      for (unsigned id : m)
        if (dedup.empty() || dedup.back() != id || !isBoolean(id))
          dedup.push_back(id);
      BigInt &slot = r.terms[dedup];
      slot += ca * cb;
      if (slot == 0)
        r.terms.erase(dedup);
    }
  return r;
}

Poly IntTerms::reduceCoefficients(const Poly &a, unsigned bits) const {
  BigInt m = pow2(bits);
  Poly r;
  for (const auto &[mono, c] : a.terms) {
    BigInt k;
    mpz_fdiv_r(k.get_mpz_t(), c.get_mpz_t(), m.get_mpz_t());
    if (k != 0)
      r.terms[mono] = k;
  }
  return r;
}

Interval IntTerms::bound(const Poly &a) const {
  Interval r{0, 0};
  for (const auto &[m, c] : a.terms) {
    BigInt lo = 1, hi = 1;
    for (unsigned id : m) {
      // Atoms are non-negative, so a monomial's range is the products of
      // its factors' ends.
      lo *= atoms[id].bound.lo;
      hi *= atoms[id].bound.hi;
    }
    if (c >= 0) {
      r.lo += c * lo;
      r.hi += c * hi;
    } else {
      r.lo += c * hi;
      r.hi += c * lo;
    }
  }
  return r;
}

z3::expr IntTerms::monomialTerm(const Monomial &m) {
  if (m.size() == 1)
    return atoms[m.front()].term;
  auto it = monomials.find(m);
  if (it != monomials.end())
    return it->second;
  z3::expr t = atoms[m.front()].term;
  auto boolean = llvm::find_if(m, [&](unsigned id) { return isBoolean(id); });
  if (booleanSelects && boolean != m.end()) {
    // b·r as ite(b = 1, r, 0): linear once the solver decides b.
    Monomial rest = m;
    rest.erase(rest.begin() + (boolean - m.begin()));
    t = z3::ite(atoms[*boolean].term == 1, monomialTerm(rest), ctx.int_val(0));
  } else {
    for (size_t i = 1; i < m.size(); ++i)
      t = t * atoms[m[i]].term;
  }
  monomials.emplace(m, t);
  // Linear consequences of the product that the solver's linear core
  // needs: a zero factor gives zero; a boolean factor of 1 drops out; the
  // product's range.
  BigInt lo = 1, hi = 1;
  for (unsigned id : m) {
    lo *= atoms[id].bound.lo;
    hi *= atoms[id].bound.hi;
  }
  facts.push_back(t >= num(lo));
  facts.push_back(t <= num(hi));
  for (size_t i = 0; i < m.size(); ++i) {
    if (i && m[i] == m[i - 1])
      continue;
    const z3::expr &f = atoms[m[i]].term;
    facts.push_back(z3::implies(f == 0, t == 0));
    if (unitFacts && !isBoolean(m[i]) && m.size() <= 3) {
      // A felt that the constraints make 0 or 1 without a boolean bound
      // (an is-zero output): 1 is neutral, so the product drops out of
      // the nonlinear part once the solver has decided the factor.
      Monomial rest = m;
      rest.erase(rest.begin() + i);
      facts.push_back(z3::implies(f == 1, t == monomialTerm(rest)));
    }
    if (isBoolean(m[i])) {
      // b·r ≤ r for b ≤ 1 and r ≥ 0: what lets x + y − x·y ≥ 0 follow
      // linearly.
      Monomial rest = m;
      rest.erase(rest.begin() + i);
      z3::expr r = monomialTerm(rest);
      facts.push_back(z3::implies(f == 1, t == r));
      facts.push_back(t <= r);
      // And b·r ≥ r − R·(1 − b) for r ≤ R (x·y ≥ x + y − 1 for booleans):
      // with the bound above, the linear hull of b·r.
      BigInt rHi = 1;
      for (unsigned id : rest)
        rHi *= atoms[id].bound.hi;
      facts.push_back(t >= r + num(rHi) * f - num(rHi));
      // And b·r ≤ R·b, the fourth side of the hull: it bounds a select
      // 1 − b + b·x below 2^64 without a case split on b.
      facts.push_back(t <= num(rHi) * f);
    }
  }
  return t;
}

z3::expr IntTerms::expr(const Poly &a) {
  if (a.terms.empty())
    return ctx.int_val(0);
  z3::expr_vector parts(ctx);
  for (const auto &[m, c] : a.terms) {
    if (m.empty()) {
      parts.push_back(num(c));
      continue;
    }
    z3::expr t = monomialTerm(m);
    parts.push_back(c == 1 ? t : num(c) * t);
  }
  return parts.size() == 1 ? parts[0] : z3::sum(parts);
}

Poly IntTerms::decode(const std::vector<Poly> &limbs) const {
  Poly r;
  for (size_t i = 0; i < limbs.size(); ++i)
    r = add(r, scale(limbs[i], pow2(64 * i)));
  return r;
}

z3::expr IntTerms::divide(const z3::expr &a, const z3::expr &b) {
  if (interpretDivision)
    return a / b;
  z3::expr r = divFn(a, b);
  applications.push_back({0, a, b, r});
  return r;
}

z3::expr_vector IntTerms::congruenceFacts() {
  z3::expr_vector out(ctx);
  // word.bit: every pair of applications to the same bit index (a
  // decomposed limb's bits and a spec's bits of the operand's limb).
  for (size_t i = 0; i < applications.size(); ++i)
    for (size_t j = i + 1; j < applications.size(); ++j) {
      const Application &a = applications[i], &b = applications[j];
      if (a.fn == 3 && b.fn == 3 && z3::eq(a.y, b.y) && !z3::eq(a.x, b.x))
        out.push_back(z3::implies(a.x == b.x, a.result == b.result));
    }
  for (unsigned fn = 0; fn < 3; ++fn) {
    std::vector<const Application *> apps;
    for (const Application &a : applications)
      if (a.fn == fn)
        apps.push_back(&a);
    auto pair = [&](const Application &a, const Application &b) {
      if (z3::eq(a.result, b.result))
        return;
      out.push_back(
          z3::implies(a.x == b.x && a.y == b.y, a.result == b.result));
    };
    if (apps.size() <= 8) {
      for (size_t i = 0; i < apps.size(); ++i)
        for (size_t j = i + 1; j < apps.size(); ++j)
          pair(*apps[i], *apps[j]);
    } else if (apps.size() % 2 == 0) {
      for (size_t i = 0, half = apps.size() / 2; i < half; ++i)
        pair(*apps[i], *apps[i + half]);
    }
  }
  return out;
}

z3::expr IntTerms::bit(const z3::expr &x, unsigned j) {
  if (!uninterpretedBits)
    return z3::mod(x / num(pow2(j)), ctx.int_val(2));
  z3::expr y = ctx.int_val(j), r = bitFn(x, y);
  applications.push_back({3, x, y, r});
  return r;
}

z3::expr IntTerms::wordProduct(const z3::expr &a, const z3::expr &b) {
  if (interpretDivision)
    return z3::mod(a * b, num(pow2(256)));
  z3::expr r = mulFn(a, b);
  applications.push_back({2, a, b, r});
  return r;
}

z3::expr IntTerms::remainder(const z3::expr &a, const z3::expr &b) {
  if (interpretDivision)
    return z3::mod(a, b);
  z3::expr r = modFn(a, b);
  applications.push_back({1, a, b, r});
  return r;
}

//===----------------------------------------------------------------------===//
// Circuit instances
//===----------------------------------------------------------------------===//

namespace {

llvm::Error errorAt(Operation *op, const llvm::Twine &message) {
  std::string loc;
  llvm::raw_string_ostream os(loc);
  op->getLoc().print(os);
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 os.str() + ": " + message);
}

// An integer hint value: its term and range (it lies in [0, 2^width)).
struct IntValue {
  z3::expr term;
  Interval bound;
  unsigned width;
  /// The value as a polynomial over atoms, where the op's integer
  /// semantics give one exactly (so that products with it meet the
  /// constraints' monomials).
  std::optional<Poly> poly;
  /// The value's 64-bit digits (least significant first; missing ones are
  /// 0), where known: a quotient's, or limbs shifted and masked out of one.
  std::optional<std::vector<Poly>> digits;
};

class IntInstance {
public:
  IntInstance(IntTerms &t, const IntEncodingOptions &options,
              IntEncodedCircuit &out, const BigInt &prime,
              const std::string &prefix, zk::CircuitOp circuit)
      : t(t), ctx(t.ctx), options(options), out(out), p(prime), prefix(prefix),
        circuit(circuit) {}

  llvm::Expected<std::vector<Poly>> run(const std::vector<Poly> &inputs) {
    Block &body = circuit.getBody().front();
    for (auto [arg, poly] : llvm::zip(body.getArguments(), inputs))
      felts[arg] = poly;
    if (options.hints == HintMode::Free && options.assumeConstraints)
      collectRanges();
    for (Operation &op : body) {
      if (auto output = dyn_cast<zk::OutputOp>(op)) {
        std::vector<Poly> outs;
        for (Value v : output.getValues())
          outs.push_back(canonical(v));
        return outs;
      }
      if (llvm::Error err = encode(op))
        return err;
    }
    return errorAt(circuit, "circuit has no zk.output");
  }

private:
  BigInt maxFelt() const { return p - 1; }

  // Witness values whose range the constraints state directly: their atoms
  // get that range (valid because the query assumes the constraints).
  void collectRanges() {
    auto note = [&](Value v, const BigInt &hi) {
      auto it = ranged.find(v);
      if (it == ranged.end() || hi < it->second)
        ranged[v] = hi;
    };
    circuit.walk([&](Operation *op) {
      if (auto b = dyn_cast<zk::AssertBoolOp>(op))
        note(b.getValue(), 1);
      if (auto r = dyn_cast<zk::RangeOp>(op))
        note(r.getValue(), pow2(r.getBits()) - 1);
    });
    if (options.impliedBounds)
      for (const auto &entry : *options.impliedBounds) {
        Value v = entry.first;
        if (v.getParentRegion() == &circuit.getBody())
          note(v, entry.second);
      }
  }

  // The canonical value of P: P itself when provably in [0, p), else a
  // fresh atom v with P = v + k·p.
  Poly reduce(const Poly &poly, const char *kind = "red") {
    Interval b = t.bound(poly);
    if (b.lo >= 0 && b.hi < p)
      return poly;
    unsigned v = t.fresh(prefix + kind, 0, maxFelt());
    z3::expr k = t.freshInt(prefix + "k", floorDiv(b.lo, p), floorDiv(b.hi, p));
    out.facts.push_back(t.expr(poly) == t.atomTerm(v) + k * t.num(p));
    return Poly::atom(v);
  }

  Poly canonical(Value v) {
    auto it = canonicals.find(v);
    if (it != canonicals.end())
      return it->second;
    Poly c = reduce(felts[v]);
    canonicals[v] = c;
    return c;
  }

  // x·w for a free witness w (any felt: no range, no other use) and any x:
  // for x ≠ 0, w ↦ x·w is a bijection of the field, so the product is any
  // felt, a fresh atom v (0 when x is 0), and w = v·x⁻¹. This is the inverse
  // witness of an is-zero test (s·inv): without it, a model with s ≠ 0 needs
  // the solver to find s⁻¹ mod p by integer search. The replay computes w
  // from the model (IntEncodedCircuit::freeFactors).
  std::optional<Poly> freeWitnessProduct(Operation &op) {
    if (options.hints != HintMode::Free || !options.assumeConstraints)
      return std::nullopt;
    for (unsigned i = 0; i < 2; ++i) {
      Value w = op.getOperand(i), other = op.getOperand(1 - i);
      auto index = witnessIndex.find(w);
      unsigned id;
      if (index == witnessIndex.end() || !w.hasOneUse() || other == w ||
          !felts[w].isAtom(&id) || t.atomBound(id).hi != maxFelt())
        continue;
      z3::expr x = t.expr(canonical(other));
      unsigned v = t.fresh(prefix + "xw", 0, maxFelt());
      out.facts.push_back(z3::implies(x == 0, t.atomTerm(v) == 0));
      out.freeFactors.push_back({index->second, t.atomTerm(v), x});
      return Poly::atom(v);
    }
    return std::nullopt;
  }

  // X·Y mod p for canonical X, Y, with the field's facts.
  Poly fieldProduct(const Poly &x, const Poly &y) {
    Poly prod = t.mul(x, y);
    Poly v = reduce(prod, "prod");
    z3::expr vx = t.expr(x), vy = t.expr(y), vv = t.expr(v);
    out.facts.push_back((vv == 0) == (vx == 0 || vy == 0));
    out.facts.push_back(z3::implies(vx == 1, vv == vy));
    out.facts.push_back(z3::implies(vy == 1, vv == vx));
    auto inverseOf = [&](const Poly &a, const z3::expr &of) {
      unsigned id;
      if (!a.isAtom(&id))
        return false;
      auto it = inverses.find(id);
      return it != inverses.end() && z3::eq(it->second, of);
    };
    if (inverseOf(y, vx))
      out.facts.push_back(vv ==
                          z3::ite(vx == 0, ctx.int_val(0), ctx.int_val(1)));
    else if (inverseOf(x, vy))
      out.facts.push_back(vv ==
                          z3::ite(vy == 0, ctx.int_val(0), ctx.int_val(1)));
    // X·(C·inv(X)) is C for X ≠ 0 and 0 for X = 0 (a hint that inverts X
    // only under a condition C, as EQ's does).
    auto scaledInverse = [&](const z3::expr &va, const Poly &b) {
      unsigned id;
      if (!b.isAtom(&id))
        return;
      auto it = products.find(id);
      if (it == products.end())
        return;
      const auto &[c, d] = it->second;
      if (inverseOf(d, va))
        out.facts.push_back(vv == z3::ite(va == 0, ctx.int_val(0), t.expr(c)));
      else if (inverseOf(c, va))
        out.facts.push_back(vv == z3::ite(va == 0, ctx.int_val(0), t.expr(d)));
    };
    scaledInverse(vx, y);
    scaledInverse(vy, x);
    unsigned id;
    if (v.isAtom(&id))
      products.emplace(id, std::make_pair(x, y));
    return v;
  }

  llvm::Error encode(Operation &op) {
    return llvm::TypeSwitch<Operation *, llvm::Error>(&op)
        .Case([&](zk::AssertEqOp o) {
          Poly d = t.sub(felts[o.getLhs()], felts[o.getRhs()]);
          Interval b = t.bound(d);
          z3::expr e = t.expr(d);
          if (b.lo > -p && b.hi < p)
            out.constraints.push_back(e == 0);
          else if (options.hints == HintMode::Compute)
            // The constraint is part of what completeness proves, so it
            // may not introduce its own unknown multiple of p.
            out.constraints.push_back(z3::mod(e, t.num(p)) == 0);
          else
            out.constraints.push_back(e == t.freshInt(prefix + "eq",
                                                      ceilDiv(b.lo, p),
                                                      floorDiv(b.hi, p)) *
                                               t.num(p));
          return llvm::Error::success();
        })
        .Case([&](zk::AssertBoolOp o) {
          // x(x − 1) = 0 has exactly the roots 0 and 1 in a field.
          out.constraints.push_back(t.expr(canonical(o.getValue())) <= 1);
          return llvm::Error::success();
        })
        .Case([&](zk::RangeOp o) {
          out.constraints.push_back(t.expr(canonical(o.getValue())) <
                                    t.num(pow2(o.getBits())));
          return llvm::Error::success();
        })
        .Case([&](zk::WitnessOp o) { return encodeHint(o); })
        .Case([&](zk::CallOp o) { return encodeCall(o); })
        .Default([&](Operation *) { return encodeFelt(op); });
  }

  llvm::Error encodeFelt(Operation &op) {
    if (op.getNumResults() != 1 ||
        !isa<zk::FeltType>(op.getResult(0).getType()))
      return errorAt(&op,
                     "cannot encode '" + op.getName().getStringRef() + "'");
    Value r = op.getResult(0);
    auto arg = [&](unsigned i) { return felts[op.getOperand(i)]; };
    if (auto c = dyn_cast<zk::ConstOp>(op)) {
      felts[r] = Poly::constant(toBigInt(c.getValue()));
      return llvm::Error::success();
    }
    if (isa<zk::AddOp>(op)) {
      felts[r] = t.add(arg(0), arg(1));
      return llvm::Error::success();
    }
    if (isa<zk::SubOp>(op)) {
      felts[r] = t.sub(arg(0), arg(1));
      return llvm::Error::success();
    }
    if (isa<zk::NegOp>(op)) {
      felts[r] = t.scale(arg(0), -1);
      return llvm::Error::success();
    }
    if (isa<zk::MulOp>(op)) {
      Poly prod = t.mul(arg(0), arg(1));
      Interval b = t.bound(prod);
      if (b.lo > -p && b.hi < p) {
        felts[r] = prod;
        return llvm::Error::success();
      }
      if (std::optional<Poly> v = freeWitnessProduct(op)) {
        felts[r] = *v;
        return llvm::Error::success();
      }
      felts[r] = fieldProduct(canonical(op.getOperand(0)),
                              canonical(op.getOperand(1)));
      return llvm::Error::success();
    }
    if (isa<zk::InvOp>(op)) {
      // The inverse of a constant is a constant (0 for 0, as zk.inv).
      BigInt value;
      if (canonical(op.getOperand(0)).isConstant(&value)) {
        BigInt inverse = 0;
        if (value % p != 0)
          mpz_invert(inverse.get_mpz_t(), value.get_mpz_t(), p.get_mpz_t());
        felts[r] = Poly::constant(inverse);
        return llvm::Error::success();
      }
      z3::expr x = t.expr(canonical(op.getOperand(0)));
      z3::func_decl inv =
          ctx.function("zk.inv", ctx.int_sort(), ctx.int_sort());
      unsigned id = t.atom(inv(x), 0, maxFelt());
      out.facts.push_back((t.atomTerm(id) == 0) == (x == 0));
      inverses.emplace(id, x);
      felts[r] = Poly::atom(id);
      return llvm::Error::success();
    }
    if (auto f = dyn_cast<zk::FromIntOp>(op)) {
      const IntValue &v = ints.at(f.getOperand());
      if (v.poly && v.bound.hi < p && v.bound.lo >= 0) {
        felts[r] = *v.poly;
        return llvm::Error::success();
      }
      if (v.bound.hi < p) {
        felts[r] = Poly::atom(t.atom(v.term, v.bound.lo, v.bound.hi));
        return llvm::Error::success();
      }
      felts[r] = Poly::atom(t.atom(z3::mod(v.term, t.num(p)), 0, maxFelt()));
      return llvm::Error::success();
    }
    return errorAt(&op, "cannot encode '" + op.getName().getStringRef() + "'");
  }

  llvm::Error encodeHint(zk::WitnessOp hint) {
    if (options.hints == HintMode::Free) {
      for (Value r : hint.getResults()) {
        auto pin = options.pinned.find(out.witnesses.size());
        if (pin != options.pinned.end()) {
          felts[r] = Poly::constant(pin->second);
          out.witnesses.push_back(t.num(pin->second));
          continue;
        }
        BigInt hi = maxFelt();
        auto it = ranged.find(r);
        if (it != ranged.end() && it->second < hi)
          hi = it->second;
        unsigned id = t.fresh(prefix + "w", 0, hi);
        felts[r] = Poly::atom(id);
        witnessIndex[r] = out.witnesses.size();
        out.witnesses.push_back(t.atomTerm(id));
      }
      return llvm::Error::success();
    }
    Block &block = hint.getHint().front();
    for (auto [arg, input] : llvm::zip(block.getArguments(), hint.getInputs()))
      felts[arg] = canonical(input);
    for (Operation &op : block) {
      if (auto yield = dyn_cast<zk::YieldOp>(op)) {
        for (auto [r, v] : llvm::zip(hint.getResults(), yield.getValues())) {
          felts[r] = canonical(v);
          canonicals[r] = felts[r];
          out.witnesses.push_back(t.expr(felts[r]));
        }
        return llvm::Error::success();
      }
      if (op.getNumResults() == 1 &&
          isa<zk::FeltType>(op.getResult(0).getType())) {
        if (llvm::Error err = encodeFelt(op))
          return err;
        continue;
      }
      if (llvm::Error err = encodeInt(op))
        return err;
    }
    return errorAt(hint, "hint has no zk.yield");
  }

  // Fresh 64-bit digits of the integer value v (options.splitDigits), the
  // same for every use of v.
  std::optional<std::vector<Poly>> digitsOf(Value v) {
    if (!options.splitDigits)
      return std::nullopt;
    auto cached = splitDigitsOf.find(v.getAsOpaquePointer());
    if (cached != splitDigitsOf.end())
      return cached->second;
    IntValue x = ints.at(v);
    if (x.bound.lo < 0 || x.bound.hi >= pow2(256))
      return std::nullopt;
    size_t n = std::max<size_t>(
        1, (mpz_sizeinbase(x.bound.hi.get_mpz_t(), 2) + 63) / 64);
    std::vector<Poly> digits;
    for (size_t i = 0; i < n; ++i) {
      BigInt hi = pow2(64) - 1;
      if (i + 1 == n)
        hi = std::min(hi, BigInt(x.bound.hi >> (64 * i)));
      digits.push_back(Poly::atom(t.fresh(prefix + "dg", 0, hi)));
    }
    out.facts.push_back(x.term == t.expr(t.decode(digits)));
    splitDigitsOf.emplace(v.getAsOpaquePointer(), digits);
    return digits;
  }

  std::optional<BigInt> constantOf(Value v) {
    auto it = ints.find(v);
    if (it == ints.end() || !it->term.is_numeral())
      return std::nullopt;
    return BigInt(Z3_get_numeral_string(ctx, it->term));
  }

  llvm::Error encodeInt(Operation &op) {
    if (op.getNumResults() != 1 ||
        !op.getResult(0).getType().isSignlessInteger())
      return errorAt(&op,
                     "cannot encode '" + op.getName().getStringRef() + "'");
    Value result = op.getResult(0);
    unsigned w = result.getType().getIntOrFloatBitWidth();
    BigInt top = pow2(w) - 1;
    auto arg = [&](unsigned i) -> const IntValue & {
      return ints.at(op.getOperand(i));
    };
    bool constantOperands = op.getNumOperands() > 0;
    for (Value v : op.getOperands())
      constantOperands &= constantOf(v).has_value();
    auto done = [&](z3::expr term, BigInt lo, BigInt hi,
                    std::optional<Poly> poly = std::nullopt,
                    std::optional<std::vector<Poly>> digits = std::nullopt) {
      // A value of constants only (a hint on a concrete operand, as in a
      // case split) is folded to its constant, so that its felt is a
      // constant polynomial and products with it stay linear.
      if (constantOperands && !term.is_numeral() && term.is_int()) {
        z3::expr folded = term.simplify();
        if (folded.is_numeral()) {
          BigInt v(Z3_get_numeral_string(ctx, folded));
          BigInt wrapped;
          mpz_fdiv_r(wrapped.get_mpz_t(), v.get_mpz_t(), pow2(w).get_mpz_t());
          std::vector<Poly> constDigits;
          for (BigInt rest = wrapped; rest != 0; rest >>= 64)
            constDigits.push_back(Poly::constant(rest & (pow2(64) - 1)));
          ints.insert_or_assign(result, IntValue{t.num(wrapped),
                                                 {wrapped, wrapped},
                                                 w,
                                                 Poly::constant(wrapped),
                                                 constDigits});
          return llvm::Error::success();
        }
      }
      // Values outside [0, 2^w) wrap, as the i<w> operation does.
      if (lo < 0 || hi > top)
        ints.insert_or_assign(result, IntValue{z3::mod(term, t.num(top + 1)),
                                               {0, top},
                                               w,
                                               std::nullopt,
                                               std::nullopt});
      else
        ints.insert_or_assign(
            result,
            IntValue{term, {lo, hi}, w, std::move(poly), std::move(digits)});
      return llvm::Error::success();
    };
    // A value given by digits: its term and polynomial are their sum.
    // Every digit lies in [0, 2^64) (each is a constant, a fresh digit or a
    // selection between digits), which bounds the sum better than its
    // polynomial's interval.
    auto fromDigits = [&](std::vector<Poly> digits) {
      Poly sum = t.decode(digits);
      Interval b = t.bound(sum);
      BigInt lo = b.lo < 0 ? BigInt(0) : b.lo;
      BigInt hi = pow2(64 * digits.size()) - 1;
      if (b.hi < hi)
        hi = b.hi;
      return done(t.expr(sum), lo, hi, sum, std::move(digits));
    };
    auto unsupported = [&]() {
      return errorAt(&op, "the integer encoding does not support '" +
                              op.getName().getStringRef() + "' here");
    };
    if (auto c = dyn_cast<arith::ConstantOp>(op)) {
      auto attr = dyn_cast<IntegerAttr>(c.getValue());
      if (!attr)
        return unsupported();
      BigInt v = toBigInt(attr.getValue().zextOrTrunc(w));
      std::vector<Poly> digits;
      for (BigInt rest = v; rest != 0; rest >>= 64)
        digits.push_back(Poly::constant(rest & (pow2(64) - 1)));
      return done(t.num(v), v, v, Poly::constant(v), digits);
    }
    if (auto ti = dyn_cast<zk::ToIntOp>(op)) {
      Poly c = canonical(ti.getOperand());
      Interval b = t.bound(c);
      return done(t.expr(c), b.lo, b.hi, c);
    }
    auto polys = [&](unsigned n) {
      for (unsigned i = 0; i < n; ++i)
        if (!arg(i).poly)
          return false;
      return true;
    };
    if (isa<arith::AddIOp>(op))
      return done(arg(0).term + arg(1).term, arg(0).bound.lo + arg(1).bound.lo,
                  arg(0).bound.hi + arg(1).bound.hi,
                  polys(2)
                      ? std::optional<Poly>(t.add(*arg(0).poly, *arg(1).poly))
                      : std::nullopt);
    if (isa<arith::SubIOp>(op))
      return done(arg(0).term - arg(1).term, arg(0).bound.lo - arg(1).bound.hi,
                  arg(0).bound.hi - arg(1).bound.lo,
                  polys(2)
                      ? std::optional<Poly>(t.sub(*arg(0).poly, *arg(1).poly))
                      : std::nullopt);
    if (isa<arith::MulIOp>(op))
      return done(arg(0).term * arg(1).term, arg(0).bound.lo * arg(1).bound.lo,
                  arg(0).bound.hi * arg(1).bound.hi,
                  polys(2)
                      ? std::optional<Poly>(t.mul(*arg(0).poly, *arg(1).poly))
                      : std::nullopt);
    if (isa<arith::DivUIOp, arith::RemUIOp>(op)) {
      bool isDiv = isa<arith::DivUIOp>(op);
      const IntValue &a = arg(0), &b = arg(1);
      std::optional<BigInt> c = constantOf(op.getOperand(1));
      if (c && *c == 0)
        return errorAt(&op, "division by the constant 0");
      out.hintFaults.push_back(b.term == 0);
      if (c) {
        if (isDiv)
          return done(a.term / b.term, floorDiv(a.bound.lo, *c),
                      floorDiv(a.bound.hi, *c));
        return done(z3::mod(a.term, b.term), 0,
                    std::min(a.bound.hi, BigInt(*c - 1)));
      }
      if (!a.poly || !b.poly)
        return unsupported();
      // A symbolic divisor: the quotient and remainder by their defining
      // property a = q·b + r, 0 ≤ r < b (for b > 0), with q and r as 64-bit
      // digits, so that the product q·b is a polynomial over the digits and
      // b's atoms. Unique, so a definition; the same for divui and remui of
      // the same operands.
      auto key = std::make_pair(op.getOperand(0).getAsOpaquePointer(),
                                op.getOperand(1).getAsOpaquePointer());
      auto it = divisions.find(key);
      if (it == divisions.end()) {
        unsigned n = (w + 63) / 64;
        std::vector<Poly> q, r;
        for (unsigned i = 0; i < n; ++i) {
          q.push_back(Poly::atom(t.fresh(prefix + "qd", 0, pow2(64) - 1)));
          r.push_back(Poly::atom(t.fresh(prefix + "rd", 0, pow2(64) - 1)));
        }
        z3::expr defining =
            t.expr(*a.poly) ==
                t.expr(t.add(t.mul(t.decode(q), *b.poly), t.decode(r))) &&
            t.expr(t.decode(r)) < b.term;
        out.facts.push_back(z3::implies(b.term > 0, defining));
        it = divisions.emplace(key, std::make_pair(q, r)).first;
      }
      return fromDigits(isDiv ? it->second.first : it->second.second);
    }
    if (isa<arith::AndIOp>(op)) {
      for (unsigned i = 0; i < 2; ++i) {
        std::optional<BigInt> c = constantOf(op.getOperand(i));
        if (!c)
          continue;
        const IntValue &x = arg(1 - i);
        BigInt m = *c + 1;
        // A low-bits mask 2^k − 1 keeps x mod 2^k.
        if (*c == 0)
          return done(ctx.int_val(0), 0, 0, Poly::constant(0));
        if ((m & *c) != 0)
          return unsupported();
        if (x.bound.hi <= *c)
          return done(x.term, x.bound.lo, x.bound.hi, x.poly, x.digits);
        size_t k = mpz_sizeinbase(m.get_mpz_t(), 2) - 1;
        std::optional<std::vector<Poly>> xd = x.digits;
        if (!xd && k % 64 == 0)
          xd = digitsOf(op.getOperand(1 - i));
        if (xd && k % 64 == 0) {
          std::vector<Poly> low(xd->begin(),
                                xd->begin() + std::min(xd->size(), k / 64));
          return fromDigits(low);
        }
        return done(z3::mod(x.term, t.num(m)), 0, *c);
      }
      return unsupported();
    }
    if (isa<arith::OrIOp, arith::XOrIOp>(op)) {
      for (unsigned i = 0; i < 2; ++i) {
        std::optional<BigInt> c = constantOf(op.getOperand(i));
        if (c && *c == 0) {
          const IntValue &x = arg(1 - i);
          return done(x.term, x.bound.lo, x.bound.hi, x.poly, x.digits);
        }
      }
      return unsupported();
    }
    if (isa<arith::ShRUIOp, arith::ShLIOp>(op)) {
      std::optional<BigInt> c = constantOf(op.getOperand(1));
      if (!c)
        return unsupported();
      const IntValue &x = arg(0);
      if (*c >= w)
        return done(ctx.int_val(0), 0, 0, Poly::constant(0));
      unsigned shift = c->get_ui();
      BigInt s = pow2(shift);
      if (isa<arith::ShRUIOp>(op)) {
        std::optional<std::vector<Poly>> xd = x.digits;
        if (!xd && shift % 64 == 0)
          xd = digitsOf(op.getOperand(0));
        if (xd && shift % 64 == 0) {
          std::vector<Poly> high;
          for (size_t i = shift / 64; i < xd->size(); ++i)
            high.push_back((*xd)[i]);
          return fromDigits(high);
        }
        return done(x.term / t.num(s), floorDiv(x.bound.lo, s),
                    floorDiv(x.bound.hi, s));
      }
      return done(x.term * t.num(s), x.bound.lo * s, x.bound.hi * s,
                  x.poly ? std::optional<Poly>(t.scale(*x.poly, s))
                         : std::nullopt);
    }
    if (isa<arith::ExtUIOp>(op)) {
      const IntValue &x = arg(0);
      return done(x.term, x.bound.lo, x.bound.hi, x.poly, x.digits);
    }
    if (isa<arith::TruncIOp>(op)) {
      const IntValue &x = arg(0);
      if (x.bound.hi <= top)
        return done(x.term, x.bound.lo, x.bound.hi, x.poly, x.digits);
      return done(z3::mod(x.term, t.num(top + 1)), 0, top);
    }
    if (isa<arith::SelectOp>(op)) {
      const IntValue &c = arg(0), &x = arg(1), &y = arg(2);
      // c is 0 or 1, so x·c + y·(1 − c) is the selected value exactly.
      auto choose = [&](const Poly &px, const Poly &py) {
        return t.add(py, t.mul(*c.poly, t.sub(px, py)));
      };
      std::optional<Poly> poly;
      std::optional<std::vector<Poly>> digits;
      if (c.poly && x.poly && y.poly)
        poly = choose(*x.poly, *y.poly);
      if (c.poly && x.digits && y.digits) {
        digits.emplace();
        for (size_t i = 0; i < std::max(x.digits->size(), y.digits->size());
             ++i) {
          Poly zero;
          digits->push_back(
              choose(i < x.digits->size() ? (*x.digits)[i] : zero,
                     i < y.digits->size() ? (*y.digits)[i] : zero));
        }
      }
      return done(z3::ite(c.term == 1, x.term, y.term),
                  std::min(x.bound.lo, y.bound.lo),
                  std::max(x.bound.hi, y.bound.hi), poly, digits);
    }
    if (auto cmp = dyn_cast<arith::CmpIOp>(op)) {
      z3::expr a = arg(0).term, b = arg(1).term;
      std::optional<z3::expr> r;
      switch (cmp.getPredicate()) {
      case arith::CmpIPredicate::eq:
        r = a == b;
        break;
      case arith::CmpIPredicate::ne:
        r = a != b;
        break;
      case arith::CmpIPredicate::ult:
        r = a < b;
        break;
      case arith::CmpIPredicate::ule:
        r = a <= b;
        break;
      case arith::CmpIPredicate::ugt:
        r = a > b;
        break;
      case arith::CmpIPredicate::uge:
        r = a >= b;
        break;
      default:
        return unsupported();
      }
      z3::expr bit = z3::ite(*r, ctx.int_val(1), ctx.int_val(0));
      return done(bit, 0, 1, Poly::atom(t.atom(bit, 0, 1)));
    }
    return unsupported();
  }

  llvm::Error encodeCall(zk::CallOp call) {
    auto callee = SymbolTable::lookupNearestSymbolFrom<zk::CircuitOp>(
        call, call.getCalleeAttr());
    if (!callee)
      return errorAt(call, "no circuit @" + call.getCallee());
    std::vector<Poly> args;
    for (Value v : call.getOperands())
      args.push_back(canonical(v));
    if (options.calls == CallMode::UseSpecs) {
      std::string name = prefix + "call" + std::to_string(calls++) + ".";
      llvm::Expected<std::optional<CalleeSpec>> spec =
          calleeSpec(t, callee, args, name, options.hints == HintMode::Compute);
      if (!spec)
        return errorAt(call, llvm::toString(spec.takeError()));
      if (*spec) {
        // The callee's proven guarantee holds where its precondition does;
        // the precondition is the caller's to prove.
        out.facts.push_back(
            z3::implies((*spec)->precondition, (*spec)->guarantee));
        out.obligations.push_back((*spec)->precondition);
        out.assumed.push_back(callee.getSymName().str());
        auto kind = callee->getAttrOfType<StringAttr>("zk.subspec");
        if (!kind || (kind.getValue() != "BITS" && kind.getValue() != "ZERO"))
          out.usesUninterpreted = true;
        // A BITS callee's soundness guarantee (x < 2^n) is unconditional:
        // as the bound of x's atom it keeps the constraints on x linear
        // and exact (a split x + 2^n·h = y stays an integer equation).
        unsigned id;
        if (kind && kind.getValue() == "BITS" &&
            options.hints == HintMode::Free && args[0].isAtom(&id))
          t.atom(t.atomTerm(id), 0, pow2(call.getNumResults()) - 1);
        IntEncodedCircuit::SpecCall record{callee, {}, out.witnesses.size()};
        for (const Poly &a : args)
          record.args.push_back(t.expr(a));
        out.specCalls.push_back(std::move(record));
        for (auto [r, poly] : llvm::zip(call.getResults(), (*spec)->outputs))
          felts[r] = poly;
        return llvm::Error::success();
      }
    }
    IntInstance sub(t, options, out, p,
                    prefix + "c" + std::to_string(calls++) + ".", callee);
    auto outs = sub.run(args);
    if (!outs)
      return outs.takeError();
    for (auto [r, poly] : llvm::zip(call.getResults(), *outs))
      felts[r] = poly;
    return llvm::Error::success();
  }

  IntTerms &t;
  z3::context &ctx;
  const IntEncodingOptions &options;
  IntEncodedCircuit &out;
  BigInt p;
  std::string prefix;
  zk::CircuitOp circuit;
  llvm::DenseMap<Value, Poly> felts;
  llvm::DenseMap<Value, Poly> canonicals;
  // Integer hint values (by index: z3::expr has no default constructor).
  struct IntTable {
    llvm::DenseMap<Value, unsigned> index;
    std::vector<IntValue> values;
    std::vector<IntValue>::const_iterator find(Value v) const {
      auto it = index.find(v);
      return it == index.end() ? values.end() : values.begin() + it->second;
    }
    std::vector<IntValue>::const_iterator end() const { return values.end(); }
    const IntValue &at(Value v) const { return values[index.lookup(v)]; }
    void insert_or_assign(Value v, IntValue x) {
      index[v] = values.size();
      values.push_back(std::move(x));
    }
  } ints;
  llvm::DenseMap<Value, BigInt> ranged;
  std::map<unsigned, z3::expr> inverses;
  std::map<void *, std::vector<Poly>> splitDigitsOf;
  // Free hint results: their index in out.witnesses.
  llvm::DenseMap<Value, size_t> witnessIndex;
  // The canonical factors of each reduced field product, by its atom.
  std::map<unsigned, std::pair<Poly, Poly>> products;
  std::map<std::pair<void *, void *>,
           std::pair<std::vector<Poly>, std::vector<Poly>>>
      divisions;
  unsigned calls = 0;
};

} // namespace

llvm::Expected<IntEncodedCircuit>
encodeCircuitInt(IntTerms &terms, zk::CircuitOp circuit,
                 const IntEncodingOptions &options,
                 const std::vector<Poly> *inputs, llvm::StringRef prefix) {
  const zk::PrimeField &field = circuit.getPrimeField();
  IntEncodedCircuit out(terms.ctx);
  BigInt p = toBigInt(field.prime);
  unsigned numInputs = circuit.getArgumentTypes().size();
  if (inputs && inputs->size() != numInputs)
    return errorAt(circuit, "wrong number of input polynomials");
  for (unsigned i = 0; i < numInputs; ++i) {
    if (inputs) {
      out.inputPolys.push_back((*inputs)[i]);
      out.inputs.push_back(terms.expr((*inputs)[i]));
      continue;
    }
    BigInt hi = p - 1;
    if (options.inputBits && pow2(options.inputBits) - 1 < hi)
      hi = pow2(options.inputBits) - 1;
    unsigned id = terms.fresh(prefix.str() + "x" + std::to_string(i), 0, hi);
    out.inputPolys.push_back(Poly::atom(id));
    out.inputs.push_back(terms.atomTerm(id));
  }
  IntInstance instance(terms, options, out, p, prefix.str(), circuit);
  auto outputs = instance.run(out.inputPolys);
  if (!outputs)
    return outputs.takeError();
  out.outputs = std::move(*outputs);
  // The facts were collected in the terms' vector.
  return out;
}

} // namespace zkevmc::verifier
