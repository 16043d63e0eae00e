// Translation of a zk.circuit into Z3 bit-vector formulas.
//
// Every field element is its canonical value (below p) in a 256-bit
// bit-vector. Interval bounds, taken from the inputs' precondition, the
// circuit's range facts and propagated through the arithmetic, decide how
// each operation is encoded: when the exact integer result is provably below
// p it is used as is ("lifted"); otherwise the reduction modulo p is encoded
// exactly, or, for a product of two unknowns, abstractly (an uninterpreted
// function constrained by lemmas that hold in every prime field). Every
// derived bound is also asserted, which makes the lifted definitions exact in
// every model (docs/verification.md has the argument).

#include "verifier/CircuitEncoding.h"

#include "verifier/OpcodeSpec.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/SymbolTable.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/FormatVariadic.h"

#include <optional>

using namespace mlir;
using llvm::APInt;

namespace zkevmc::verifier {

namespace {

// Bounds are kept in 512 bits so that a product of two field elements fits.
constexpr unsigned kBoundBits = 512;

struct Bound {
  APInt lo, hi;
};

std::string dec(const APInt &v) { return llvm::toString(v, 10, false); }

llvm::Error errorAt(Operation *op, const llvm::Twine &message) {
  std::string loc;
  llvm::raw_string_ostream os(loc);
  op->getLoc().print(os);
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 os.str() + ": " + message);
}

bool isFelt(Value v) { return isa<zk::FeltType>(v.getType()); }

// State shared by a circuit instance and the sub-circuits it calls.
class Encoder {
public:
  Encoder(z3::context &ctx, const EncodingOptions &options,
          const zk::PrimeField &field, EncodedCircuit &out,
          llvm::StringRef prefix)
      : ctx(ctx), options(options), out(out), prefix(prefix.str()),
        prime(field.prime.zext(kBoundBits)), primeTerm(felt(field.prime)),
        mulFn(ctx.function("zk.mul", feltSort(), feltSort(), feltSort())),
        invFn(ctx.function("zk.inv", feltSort(), feltSort())) {}

  z3::sort feltSort() { return ctx.bv_sort(kFeltBits); }
  z3::expr felt(const APInt &v) {
    return ctx.bv_val(dec(v).c_str(), kFeltBits);
  }
  z3::expr num(const APInt &v, unsigned bits) {
    return ctx.bv_val(dec(v).c_str(), bits);
  }
  z3::expr fresh(const char *kind, unsigned bits = kFeltBits) {
    std::string name = prefix + kind + std::to_string(counter++);
    return ctx.bv_const(name.c_str(), bits);
  }
  // A fresh canonical field element.
  z3::expr freshFelt(const char *kind) {
    z3::expr v = fresh(kind);
    out.facts.push_back(z3::ult(v, primeTerm));
    return v;
  }

  APInt maxFelt() const { return prime - 1; }
  APInt clamp(const APInt &v) const { return v.ugt(maxFelt()) ? maxFelt() : v; }

  // a * b mod p for canonical a, b with the given bounds.
  z3::expr product(const z3::expr &a, const Bound &ba, const z3::expr &b,
                   const Bound &bb) {
    bool overflow = false;
    APInt top = ba.hi.umul_ov(bb.hi, overflow);
    if (!overflow && top.ult(prime))
      return liftedProduct(a, ba.hi, b, bb.hi);
    z3::expr result =
        (a.is_numeral() || b.is_numeral() || options.exactProducts)
            ? exactProduct(a, ba.hi, b, bb.hi)
            : abstractProduct(a, b);
    addProductLemmas(a, b, result);
    return result;
  }

  z3::context &ctx;
  const EncodingOptions &options;
  EncodedCircuit &out;
  std::string prefix;
  APInt prime;
  z3::expr primeTerm;
  z3::func_decl mulFn, invFn;
  unsigned counter = 0;

private:
  // Both factors fit in their bounds' widths and the product is below p, so
  // the narrow multiplication is the field product.
  z3::expr liftedProduct(const z3::expr &a, const APInt &ha, const z3::expr &b,
                         const APInt &hb) {
    unsigned wa = ha.getActiveBits(), wb = hb.getActiveBits();
    if (wa == 0 || wb == 0)
      return felt(APInt(kFeltBits, 0));
    unsigned w = wa + wb;
    z3::expr na = z3::zext(a.extract(wa - 1, 0), wb);
    z3::expr nb = z3::zext(b.extract(wb - 1, 0), wa);
    return z3::zext(na * nb, kFeltBits - w);
  }

  // a * b = v + k * p over the integers, with v canonical and k below
  // 2^(wa + wb - 253): the exact reduction, in a width that cannot wrap.
  z3::expr exactProduct(const z3::expr &a, const APInt &ha, const z3::expr &b,
                        const APInt &hb) {
    unsigned wa = std::max(1u, ha.getActiveBits());
    unsigned wb = std::max(1u, hb.getActiveBits());
    unsigned primeBits = prime.getActiveBits();
    unsigned kBits = wa + wb > primeBits - 1 ? wa + wb - (primeBits - 1) : 1;
    unsigned w = std::max(wa + wb, primeBits + kBits) + 2;
    z3::expr v = freshFelt("prod");
    z3::expr k = fresh("quot", kBits);
    z3::expr lhs = z3::zext(a.extract(wa - 1, 0), w - wa) *
                   z3::zext(b.extract(wb - 1, 0), w - wb);
    z3::expr rhs = z3::zext(v, w - kFeltBits) +
                   z3::zext(k, w - kBits) * num(prime.zextOrTrunc(w), w);
    out.facts.push_back(lhs == rhs);
    return v;
  }

  // The uninterpreted product: functional, so equal factors give equal
  // products (also across two instances), and commutative by ordering.
  z3::expr abstractProduct(const z3::expr &a, const z3::expr &b) {
    ++out.abstractProducts;
    z3::expr r = a.hash() <= b.hash() ? mulFn(a, b) : mulFn(b, a);
    out.facts.push_back(z3::ult(r, primeTerm));
    return r;
  }

  bool isInverseOf(const z3::expr &y, const z3::expr &x) {
    return y.is_app() && z3::eq(y.decl(), invFn) && z3::eq(y.arg(0), x);
  }

  // Facts of every field, so adding them loses no real assignment: no zero
  // divisors, 1 is neutral, and x * x^-1 = 1 for x != 0.
  void addProductLemmas(const z3::expr &a, const z3::expr &b,
                        const z3::expr &r) {
    z3::expr zero = felt(APInt(kFeltBits, 0)), one = felt(APInt(kFeltBits, 1));
    out.facts.push_back((r == zero) == (a == zero || b == zero));
    out.facts.push_back(z3::implies(a == one, r == b));
    out.facts.push_back(z3::implies(b == one, r == a));
    if (isInverseOf(b, a) || isInverseOf(a, b)) {
      const z3::expr &x = isInverseOf(b, a) ? a : b;
      out.facts.push_back(r == z3::ite(x == zero, zero, one));
    }
  }
};

// One circuit instance: bounds first, then formulas.
class Instance {
public:
  Instance(Encoder &enc, zk::CircuitOp circuit)
      : enc(enc), ctx(enc.ctx), circuit(circuit) {}

  // Encodes the instance on `inputs` with bounds `inputBounds`; returns the
  // outputs' terms.
  llvm::Expected<std::vector<z3::expr>>
  run(const std::vector<z3::expr> &inputs,
      const std::vector<Bound> &inputBounds) {
    Block &body = circuit.getBody().front();
    for (auto [arg, term, bound] :
         llvm::zip(body.getArguments(), inputs, inputBounds)) {
      set(arg, term);
      bounds[arg] = bound;
    }
    if (llvm::Error err = analyze())
      return err;
    for (Operation &op : body) {
      if (auto output = dyn_cast<zk::OutputOp>(op)) {
        std::vector<z3::expr> outs;
        for (Value v : output.getValues())
          outs.push_back(get(v));
        return outs;
      }
      if (llvm::Error err = encode(op))
        return err;
    }
    return errorAt(circuit, "circuit has no zk.output");
  }

private:
  //===--------------------------------------------------------------------===//
  // Bounds
  //===--------------------------------------------------------------------===//

  Bound full() const { return {APInt(kBoundBits, 0), enc.maxFelt()}; }
  Bound boundOf(Value v) const {
    auto it = bounds.find(v);
    return it == bounds.end() ? full() : it->second;
  }
  static Bound exactly(const APInt &v) { return {v, v}; }

  // The bound of a felt-producing op's result from its operands' bounds;
  // nullopt for ops that do not produce one felt.
  std::optional<Bound> transfer(Operation &op) {
    APInt p = enc.prime;
    auto arg = [&](unsigned i) { return boundOf(op.getOperand(i)); };
    if (auto c = dyn_cast<zk::ConstOp>(op))
      return exactly(c.getValue().zextOrTrunc(kBoundBits));
    if (isa<zk::AddOp>(op)) {
      Bound a = arg(0), b = arg(1);
      APInt hi = a.hi + b.hi;
      if (hi.ult(p))
        return Bound{a.lo + b.lo, hi};
      return full();
    }
    if (isa<zk::SubOp>(op)) {
      Bound a = arg(0), b = arg(1);
      if (a.lo.uge(b.hi))
        return Bound{a.lo - b.hi, a.hi - b.lo};
      return full();
    }
    if (isa<zk::MulOp>(op)) {
      Bound a = arg(0), b = arg(1);
      bool overflow = false;
      APInt hi = a.hi.umul_ov(b.hi, overflow);
      if (!overflow && hi.ult(p))
        return Bound{a.lo * b.lo, hi};
      return full();
    }
    if (isa<zk::NegOp, zk::InvOp>(op))
      return full();
    if (auto f = dyn_cast<zk::FromIntOp>(op)) {
      std::optional<APInt> v = intBound(f.getOperand());
      if (v && v->ult(p))
        return Bound{APInt(kBoundBits, 0), *v};
      unsigned w = f.getOperand().getType().getIntOrFloatBitWidth();
      if (w < kBoundBits - 1)
        return Bound{APInt(kBoundBits, 0),
                     enc.clamp(APInt::getLowBitsSet(kBoundBits, w))};
      return full();
    }
    return std::nullopt;
  }

  bool tighten(Value v, const Bound &b) {
    Bound old = boundOf(v);
    Bound merged{old.lo.ugt(b.lo) ? old.lo : b.lo,
                 old.hi.ult(b.hi) ? old.hi : b.hi};
    if (merged.lo == old.lo && merged.hi == old.hi)
      return false;
    bounds[v] = merged;
    return true;
  }

  // Forward propagation, then the constraints' facts (when they may be
  // assumed), until nothing tightens. Every bound holds of every assignment
  // the query admits, so asserting it later is sound.
  llvm::Error analyze() {
    Block &body = circuit.getBody().front();
    for (unsigned round = 0; round < 8; ++round) {
      bool changed = false;
      for (Operation &op : body) {
        if (auto hint = dyn_cast<zk::WitnessOp>(op)) {
          if (enc.options.hints == HintMode::Compute)
            analyzeHint(hint, changed);
          continue;
        }
        if (op.getNumResults() == 1 && isFelt(op.getResult(0)))
          if (std::optional<Bound> b = transfer(op))
            changed |= tighten(op.getResult(0), *b);
        if (!enc.options.assumeConstraints)
          continue;
        if (auto c = dyn_cast<zk::AssertBoolOp>(op))
          changed |= tighten(c.getValue(),
                             Bound{APInt(kBoundBits, 0), APInt(kBoundBits, 1)});
        if (auto r = dyn_cast<zk::RangeOp>(op))
          changed |= tighten(
              r.getValue(),
              Bound{APInt(kBoundBits, 0),
                    enc.clamp(APInt::getLowBitsSet(kBoundBits, r.getBits()))});
        if (auto e = dyn_cast<zk::AssertEqOp>(op)) {
          changed |= tighten(e.getLhs(), boundOf(e.getRhs()));
          changed |= tighten(e.getRhs(), boundOf(e.getLhs()));
        }
      }
      if (!changed)
        break;
    }
    return llvm::Error::success();
  }

  void analyzeHint(zk::WitnessOp hint, bool &changed) {
    Block &block = hint.getHint().front();
    for (auto [arg, input] : llvm::zip(block.getArguments(), hint.getInputs()))
      changed |= tighten(arg, boundOf(input));
    for (Operation &op : block) {
      if (auto yield = dyn_cast<zk::YieldOp>(op)) {
        for (auto [r, v] : llvm::zip(hint.getResults(), yield.getValues()))
          changed |= tighten(r, boundOf(v));
        return;
      }
      if (op.getNumResults() == 1 && isFelt(op.getResult(0)))
        if (std::optional<Bound> b = transfer(op))
          changed |= tighten(op.getResult(0), *b);
      if (op.getNumResults() == 1 && intBound(op.getResult(0)))
        changed |= tightenInt(op.getResult(0), intTransfer(op));
    }
  }

  // Integer hint values of at most 256 bits get an upper bound, so that
  // zk.from_int of a provably small integer needs no reduction and bounds
  // the felt. Each rule holds of the bit-vector terms encodeArith builds,
  // including where a hint divides by zero (SMT-LIB's udiv/urem results).
  std::optional<APInt> intBound(Value v) const {
    if (!v.getType().isSignlessInteger() ||
        v.getType().getIntOrFloatBitWidth() > kFeltBits)
      return std::nullopt;
    auto it = intBounds.find(v);
    if (it != intBounds.end())
      return it->second;
    return APInt::getLowBitsSet(kBoundBits,
                                v.getType().getIntOrFloatBitWidth());
  }

  bool tightenInt(Value v, const APInt &hi) {
    APInt old = *intBound(v);
    if (!hi.ult(old))
      return false;
    intBounds[v] = hi;
    return true;
  }

  APInt intTransfer(Operation &op) {
    unsigned w = op.getResult(0).getType().getIntOrFloatBitWidth();
    APInt all = APInt::getLowBitsSet(kBoundBits, w);
    auto hi = [&](unsigned i) {
      std::optional<APInt> b = intBound(op.getOperand(i));
      return b ? *b : all;
    };
    auto umin = [](const APInt &a, const APInt &b) { return a.ult(b) ? a : b; };
    auto umax = [](const APInt &a, const APInt &b) { return a.ugt(b) ? a : b; };
    auto constantOperand = [&](unsigned i) -> std::optional<uint64_t> {
      auto c = op.getOperand(i).getDefiningOp<arith::ConstantOp>();
      auto attr = c ? dyn_cast<IntegerAttr>(c.getValue()) : IntegerAttr();
      if (!attr || attr.getValue().getActiveBits() > 32)
        return std::nullopt;
      return attr.getValue().getZExtValue();
    };
    if (auto c = dyn_cast<arith::ConstantOp>(op))
      if (auto attr = dyn_cast<IntegerAttr>(c.getValue()))
        return attr.getValue().zextOrTrunc(kBoundBits);
    if (auto t = dyn_cast<zk::ToIntOp>(op))
      return umin(boundOf(t.getOperand()).hi, all);
    if (isa<arith::AndIOp>(op))
      return umin(hi(0), hi(1));
    if (isa<arith::OrIOp, arith::XOrIOp>(op))
      return APInt::getLowBitsSet(
          kBoundBits, std::max(hi(0).getActiveBits(), hi(1).getActiveBits()));
    if (isa<arith::AddIOp>(op)) {
      APInt sum = hi(0) + hi(1);
      return sum.ule(all) ? sum : all;
    }
    if (isa<arith::MulIOp>(op)) {
      APInt product = hi(0) * hi(1);
      return product.ule(all) ? product : all;
    }
    if (isa<arith::ShRUIOp>(op))
      if (std::optional<uint64_t> c = constantOperand(1))
        return *c >= w ? APInt(kBoundBits, 0) : hi(0).lshr(*c);
    if (isa<arith::ShLIOp>(op))
      if (std::optional<uint64_t> c = constantOperand(1))
        if (*c < w && hi(0).getActiveBits() + *c <= w)
          return hi(0).shl(*c);
    if (isa<arith::ExtUIOp, arith::RemUIOp>(op))
      return umin(hi(0), all);
    if (isa<arith::TruncIOp>(op))
      return umin(hi(0), all);
    if (isa<arith::SelectOp>(op))
      return umax(hi(1), hi(2));
    return all;
  }

  //===--------------------------------------------------------------------===//
  // Formulas
  //===--------------------------------------------------------------------===//

  z3::expr get(Value v) { return terms[index.lookup(v)]; }
  void set(Value v, const z3::expr &term) {
    index[v] = terms.size();
    terms.push_back(term);
  }

  // Asserts the bound of a felt value when it says more than "canonical".
  void assertBound(Value v) {
    Bound b = boundOf(v);
    z3::expr t = get(v);
    if (b.hi.ult(enc.maxFelt()))
      enc.out.facts.push_back(
          z3::ule(t, enc.felt(b.hi.zextOrTrunc(kFeltBits))));
    if (!b.lo.isZero())
      enc.out.facts.push_back(
          z3::uge(t, enc.felt(b.lo.zextOrTrunc(kFeltBits))));
  }

  void assertIntBound(Value v) {
    std::optional<APInt> hi = intBound(v);
    unsigned w = v.getType().isSignlessInteger()
                     ? v.getType().getIntOrFloatBitWidth()
                     : 0;
    if (hi && hi->ult(APInt::getLowBitsSet(kBoundBits, w)))
      enc.out.facts.push_back(z3::ule(get(v), enc.num(hi->zextOrTrunc(w), w)));
  }

  llvm::Error encode(Operation &op) {
    return llvm::TypeSwitch<Operation *, llvm::Error>(&op)
        .Case([&](zk::AssertEqOp o) {
          enc.out.constraints.push_back(get(o.getLhs()) == get(o.getRhs()));
          return llvm::Error::success();
        })
        .Case([&](zk::AssertBoolOp o) {
          // x(x - 1) = 0 has exactly the roots 0 and 1 in a field.
          enc.out.constraints.push_back(
              z3::ule(get(o.getValue()), enc.felt(APInt(kFeltBits, 1))));
          return llvm::Error::success();
        })
        .Case([&](zk::RangeOp o) {
          enc.out.constraints.push_back(
              z3::ult(get(o.getValue()),
                      enc.felt(APInt::getOneBitSet(kFeltBits, o.getBits()))));
          return llvm::Error::success();
        })
        .Case([&](zk::WitnessOp o) { return encodeHint(o); })
        .Case([&](zk::CallOp o) { return encodeCall(o); })
        .Default([&](Operation *) -> llvm::Error {
          if (llvm::Error err = encodeValue(op))
            return err;
          assertBound(op.getResult(0));
          return llvm::Error::success();
        });
  }

  llvm::Error encodeCall(zk::CallOp call) {
    auto callee = SymbolTable::lookupNearestSymbolFrom<zk::CircuitOp>(
        call, call.getCalleeAttr());
    if (!callee)
      return errorAt(call, "no circuit @" + call.getCallee());
    std::vector<z3::expr> args;
    std::vector<Bound> argBounds;
    for (Value v : call.getOperands()) {
      args.push_back(get(v));
      argBounds.push_back(boundOf(v));
    }
    Instance sub(enc, callee);
    auto outs = sub.run(args, argBounds);
    if (!outs)
      return outs.takeError();
    for (auto [r, t] : llvm::zip(call.getResults(), *outs)) {
      set(r, t);
      assertBound(r);
    }
    return llvm::Error::success();
  }

  llvm::Error encodeHint(zk::WitnessOp hint) {
    if (enc.options.hints == HintMode::Free) {
      for (Value r : hint.getResults()) {
        set(r, enc.freshFelt("w"));
        assertBound(r);
        enc.out.witnesses.push_back(get(r));
      }
      return llvm::Error::success();
    }
    Block &block = hint.getHint().front();
    for (auto [arg, input] : llvm::zip(block.getArguments(), hint.getInputs()))
      set(arg, get(input));
    for (Operation &op : block) {
      if (auto yield = dyn_cast<zk::YieldOp>(op)) {
        for (auto [r, v] : llvm::zip(hint.getResults(), yield.getValues())) {
          set(r, get(v));
          assertBound(r);
          enc.out.witnesses.push_back(get(r));
        }
        return llvm::Error::success();
      }
      if (llvm::Error err = encodeValue(op))
        return err;
      if (op.getNumResults() == 1 && isFelt(op.getResult(0)))
        assertBound(op.getResult(0));
      if (op.getNumResults() == 1)
        assertIntBound(op.getResult(0));
    }
    return errorAt(hint, "hint has no zk.yield");
  }

  // Ops that define one value: field arithmetic, and in hints conversions,
  // arith and pure evm ops.
  llvm::Error encodeValue(Operation &op) {
    if (op.getNumResults() != 1)
      return errorAt(&op,
                     "cannot encode '" + op.getName().getStringRef() + "'");
    Value result = op.getResult(0);
    z3::expr zero = enc.felt(APInt(kFeltBits, 0));
    const z3::expr &p = enc.primeTerm;
    auto arg = [&](unsigned i) { return get(op.getOperand(i)); };
    auto done = [&](const z3::expr &t) {
      set(result, t);
      return llvm::Error::success();
    };
    if (auto c = dyn_cast<zk::ConstOp>(op))
      return done(enc.felt(c.getValue().zextOrTrunc(kFeltBits)));
    if (isa<zk::AddOp>(op)) {
      Bound a = boundOf(op.getOperand(0)), b = boundOf(op.getOperand(1));
      z3::expr sum = arg(0) + arg(1); // below 2p < 2^255: no wrap
      if ((a.hi + b.hi).ult(enc.prime))
        return done(sum);
      return done(z3::ite(z3::uge(sum, p), sum - p, sum));
    }
    if (isa<zk::SubOp>(op)) {
      Bound a = boundOf(op.getOperand(0)), b = boundOf(op.getOperand(1));
      z3::expr diff = arg(0) - arg(1);
      if (a.lo.uge(b.hi))
        return done(diff);
      return done(z3::ite(z3::uge(arg(0), arg(1)), diff, diff + p));
    }
    if (isa<zk::NegOp>(op))
      return done(z3::ite(arg(0) == zero, zero, p - arg(0)));
    if (isa<zk::MulOp>(op))
      return done(enc.product(arg(0), boundOf(op.getOperand(0)), arg(1),
                              boundOf(op.getOperand(1))));
    if (isa<zk::InvOp>(op))
      return done(encodeInverse(arg(0)));
    if (auto t = dyn_cast<zk::ToIntOp>(op)) {
      unsigned w = t.getType().getIntOrFloatBitWidth();
      // The canonical value is below p < 2^254 <= 2^w.
      return done(w <= kFeltBits ? arg(0).extract(w - 1, 0)
                                 : z3::zext(arg(0), w - kFeltBits));
    }
    if (auto f = dyn_cast<zk::FromIntOp>(op)) {
      unsigned w = f.getOperand().getType().getIntOrFloatBitWidth();
      std::optional<APInt> small = intBound(f.getOperand());
      if (small && small->ult(enc.prime))
        // Already canonical: no reduction.
        return done(w < kFeltBits ? z3::zext(arg(0), kFeltBits - w) : arg(0));
      return done(reduce(arg(0), w));
    }
    if (op.getDialect() && op.getDialect()->getNamespace() == "evm")
      return encodeEvm(op);
    return encodeArith(op);
  }

  // The field inverse (0 for 0). x * inv(x) = 1 is added where the product
  // occurs; with exact products it is also stated here.
  z3::expr encodeInverse(const z3::expr &x) {
    z3::expr zero = enc.felt(APInt(kFeltBits, 0));
    z3::expr y = enc.invFn(x);
    enc.out.facts.push_back(z3::ult(y, enc.primeTerm));
    enc.out.facts.push_back((x == zero) == (y == zero));
    if (enc.options.exactProducts) {
      Bound any = full();
      z3::expr prod = enc.product(x, any, y, any);
      enc.out.facts.push_back(
          z3::implies(x != zero, prod == enc.felt(APInt(kFeltBits, 1))));
    }
    return y;
  }

  // An unsigned integer of `width` bits modulo p.
  z3::expr reduce(const z3::expr &v, unsigned width) {
    unsigned primeBits = enc.prime.getActiveBits();
    if (width < primeBits)
      return z3::zext(v, kFeltBits - width);
    if (width <= kFeltBits) {
      // At most a few multiples of p fit: subtract them one at a time.
      z3::expr r = width < kFeltBits ? z3::zext(v, kFeltBits - width) : v;
      APInt most = APInt::getLowBitsSet(kBoundBits, width).udiv(enc.prime);
      for (uint64_t i = 0, e = most.getZExtValue(); i < e; ++i)
        r = z3::ite(z3::uge(r, enc.primeTerm), r - enc.primeTerm, r);
      return r;
    }
    z3::expr wide = z3::urem(v, enc.num(enc.prime.zextOrTrunc(width), width));
    return wide.extract(kFeltBits - 1, 0);
  }

  llvm::Error encodeEvm(Operation &op) {
    std::string mnemonic = op.getName().stripDialect().upper();
    if (pureOpcodeArity(mnemonic) == 0)
      return errorAt(&op, "'" + op.getName().getStringRef() +
                              "' is not a pure instruction");
    std::vector<z3::expr> args;
    for (Value v : op.getOperands())
      args.push_back(get(v));
    llvm::Expected<z3::expr> spec = opcodeSpec(ctx, mnemonic, args);
    if (!spec)
      return errorAt(&op, llvm::toString(spec.takeError()));
    set(op.getResult(0), *spec);
    return llvm::Error::success();
  }

  llvm::Error encodeArith(Operation &op) {
    auto arg = [&](unsigned i) { return get(op.getOperand(i)); };
    auto done = [&](const z3::expr &t) {
      set(op.getResult(0), t);
      return llvm::Error::success();
    };
    Type type = op.getResult(0).getType();
    if (!type.isSignlessInteger())
      return errorAt(&op,
                     "cannot encode '" + op.getName().getStringRef() + "'");
    unsigned width = type.getIntOrFloatBitWidth();
    auto guardDivisor = [&]() {
      enc.out.hintFaults.push_back(arg(1) == ctx.bv_val(0, width));
    };
    auto shift = [&](bool left) {
      // w < 2^w, so the width is always representable in the operand.
      z3::expr big = z3::uge(arg(1), ctx.bv_val(width, width));
      z3::expr s = left ? z3::shl(arg(0), arg(1)) : z3::lshr(arg(0), arg(1));
      return z3::ite(big, ctx.bv_val(0, width), s);
    };
    return llvm::TypeSwitch<Operation *, llvm::Error>(&op)
        .Case([&](arith::ConstantOp c) -> llvm::Error {
          auto attr = dyn_cast<IntegerAttr>(c.getValue());
          if (!attr)
            return errorAt(&op, "only integer constants are supported");
          return done(enc.num(attr.getValue(), width));
        })
        .Case([&](arith::AddIOp) { return done(arg(0) + arg(1)); })
        .Case([&](arith::SubIOp) { return done(arg(0) - arg(1)); })
        .Case([&](arith::MulIOp) { return done(arg(0) * arg(1)); })
        .Case([&](arith::DivUIOp) {
          guardDivisor();
          return done(z3::udiv(arg(0), arg(1)));
        })
        .Case([&](arith::RemUIOp) {
          guardDivisor();
          return done(z3::urem(arg(0), arg(1)));
        })
        .Case([&](arith::AndIOp) { return done(arg(0) & arg(1)); })
        .Case([&](arith::OrIOp) { return done(arg(0) | arg(1)); })
        .Case([&](arith::XOrIOp) { return done(arg(0) ^ arg(1)); })
        .Case([&](arith::ShLIOp) { return done(shift(true)); })
        .Case([&](arith::ShRUIOp) { return done(shift(false)); })
        .Case([&](arith::ExtUIOp o) {
          unsigned from = o.getIn().getType().getIntOrFloatBitWidth();
          return done(z3::zext(arg(0), width - from));
        })
        .Case(
            [&](arith::TruncIOp) { return done(arg(0).extract(width - 1, 0)); })
        .Case([&](arith::SelectOp) {
          return done(z3::ite(arg(0) == ctx.bv_val(1, 1), arg(1), arg(2)));
        })
        .Case([&](arith::CmpIOp c) -> llvm::Error {
          z3::expr a = arg(0), b = arg(1);
          std::optional<z3::expr> r;
          switch (c.getPredicate()) {
          case arith::CmpIPredicate::eq:
            r = a == b;
            break;
          case arith::CmpIPredicate::ne:
            r = a != b;
            break;
          case arith::CmpIPredicate::ult:
            r = z3::ult(a, b);
            break;
          case arith::CmpIPredicate::ule:
            r = z3::ule(a, b);
            break;
          case arith::CmpIPredicate::ugt:
            r = z3::ugt(a, b);
            break;
          case arith::CmpIPredicate::uge:
            r = z3::uge(a, b);
            break;
          case arith::CmpIPredicate::slt:
            r = z3::slt(a, b);
            break;
          case arith::CmpIPredicate::sle:
            r = z3::sle(a, b);
            break;
          case arith::CmpIPredicate::sgt:
            r = z3::sgt(a, b);
            break;
          case arith::CmpIPredicate::sge:
            r = z3::sge(a, b);
            break;
          }
          return done(z3::ite(*r, ctx.bv_val(1, 1), ctx.bv_val(0, 1)));
        })
        .Default([&](Operation *) {
          return errorAt(&op,
                         "cannot encode '" + op.getName().getStringRef() + "'");
        });
  }

  Encoder &enc;
  z3::context &ctx;
  zk::CircuitOp circuit;
  llvm::DenseMap<Value, Bound> bounds;
  llvm::DenseMap<Value, APInt> intBounds;
  llvm::DenseMap<Value, unsigned> index;
  std::vector<z3::expr> terms;
};

} // namespace

llvm::Expected<EncodedCircuit>
encodeCircuit(z3::context &ctx, zk::CircuitOp circuit,
              const EncodingOptions &options,
              const std::vector<z3::expr> *inputs, llvm::StringRef prefix) {
  const zk::PrimeField &field = circuit.getPrimeField();
  // Sums of two canonical values must fit the 256-bit terms.
  if (field.prime.getActiveBits() > kFeltBits - 2)
    return errorAt(circuit, "field '" + field.name + "' is too wide");
  EncodedCircuit out(ctx);
  Encoder enc(ctx, options, field, out, prefix);
  unsigned numInputs = circuit.getArgumentTypes().size();
  if (inputs && inputs->size() != numInputs)
    return errorAt(circuit, "wrong number of input terms");
  std::vector<Bound> inputBounds;
  for (unsigned i = 0; i < numInputs; ++i) {
    z3::expr x = inputs ? (*inputs)[i] : enc.fresh("x");
    out.facts.push_back(z3::ult(x, enc.primeTerm));
    APInt hi = enc.maxFelt();
    if (options.inputBits) {
      hi = enc.clamp(APInt::getLowBitsSet(kBoundBits, options.inputBits));
      out.facts.push_back(z3::ule(x, enc.felt(hi.zextOrTrunc(kFeltBits))));
    }
    out.inputs.push_back(x);
    inputBounds.push_back({APInt(kBoundBits, 0), hi});
  }
  Instance instance(enc, circuit);
  auto outputs = instance.run(out.inputs, inputBounds);
  if (!outputs)
    return outputs.takeError();
  out.outputs = std::move(*outputs);
  return out;
}

APInt modelValue(const z3::model &model, const z3::expr &term, unsigned width) {
  z3::expr value = model.eval(term, /*model_completion=*/true);
  return APInt(width, Z3_get_numeral_string(value.ctx(), value), 10);
}

} // namespace zkevmc::verifier
