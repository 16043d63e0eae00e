// Integer-level specs of the pure opcodes and of the gadgets' sub-circuits.

#include "verifier/IntSpec.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MathExtras.h"

#include <chrono>

namespace zkevmc::verifier {

namespace {

constexpr unsigned kLimbs = 4;
constexpr unsigned kLimbBits = 64;

llvm::Error specError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

BigInt pow2(unsigned bits) {
  BigInt r;
  mpz_ui_pow_ui(r.get_mpz_t(), 2, bits);
  return r;
}

z3::expr boolInt(z3::context &ctx, const z3::expr &cond) {
  return z3::ite(cond, ctx.int_val(1), ctx.int_val(0));
}

// Bit j of x (an integer known to be non-negative) as a boolean atom; the
// same term for the same x, so a BITS callee's outputs and a spec's bits
// are the same atoms (IntTerms::bit: interpreted, or the uninterpreted
// word.bit whose meaning a BITS callee's guarantee states).
Poly bitOf(IntTerms &t, const Poly &x, unsigned j) {
  BigInt v;
  if (x.isConstant(&v)) {
    BigInt bit = (v >> j) & 1;
    return Poly::constant(bit);
  }
  return Poly::atom(t.atom(t.bit(t.expr(x), j), 0, 1));
}

// The four 64-bit limbs of a word w in [0, 2^256): (w div 2^(64i)) mod
// 2^64 when interpreted (the spec test), otherwise the atoms word.limb(w, i)
// in [0, 2^64), uninterpreted like word.mul (the limbs of a MUL call's
// product are its outputs, by MUL's proof). The same terms for the same w,
// so a MUL call's outputs and the EXP spec's limbs of the same product are
// the same atoms.
std::vector<Poly> wordLimbs(IntTerms &t, const z3::expr &w) {
  z3::func_decl limb = t.ctx.function("word.limb", t.ctx.int_sort(),
                                      t.ctx.int_sort(), t.ctx.int_sort());
  std::vector<Poly> limbs;
  for (unsigned i = 0; i < kLimbs; ++i) {
    if (!t.interpretDivision) {
      limbs.push_back(Poly::atom(
          t.atom(limb(w, t.ctx.int_val(i)), 0, pow2(kLimbBits) - 1)));
      continue;
    }
    // A numeral's limbs directly (the spec test evaluates thousands).
    z3::expr value = w.simplify();
    if (value.is_numeral()) {
      BigInt v(Z3_get_numeral_string(t.ctx, value));
      limbs.push_back(
          Poly::constant((v >> (kLimbBits * i)) & (pow2(kLimbBits) - 1)));
      continue;
    }
    z3::expr term =
        z3::mod(w / t.num(pow2(kLimbBits * i)), t.num(pow2(kLimbBits)))
            .simplify();
    if (!term.is_numeral())
      limbs.push_back(Poly::atom(t.atom(term, 0, pow2(kLimbBits) - 1)));
    else
      limbs.push_back(
          Poly::constant(BigInt(Z3_get_numeral_string(t.ctx, term))));
  }
  return limbs;
}

// [x = d] as a boolean atom: ite(x = d, 1, 0) where a ONEHOT sub-circuit's
// own proof states it, otherwise the uninterpreted word.onehot(x, d) whose
// meaning the callee's guarantee supplies (exactly one is 1, Σ d·s_d = x):
// the same term for the same x, so a ONEHOT call's outputs and the EXP
// spec's selectors are the same atoms, without a case split per selector.
Poly oneHot(IntTerms &t, const Poly &x, unsigned d, bool interpreted) {
  BigInt v;
  if (x.isConstant(&v))
    return Poly::constant(v == d ? 1 : 0);
  z3::expr dv = t.ctx.int_val(d);
  if (interpreted)
    return Poly::atom(t.atom(
        z3::ite(t.expr(x) == dv, t.ctx.int_val(1), t.ctx.int_val(0)), 0, 1));
  z3::func_decl onehot = t.ctx.function("word.onehot", t.ctx.int_sort(),
                                        t.ctx.int_sort(), t.ctx.int_sort());
  return Poly::atom(t.atom(onehot(t.expr(x), dv), 0, 1));
}

// [x = 0] for a canonical felt x, as the boolean atom ite(x = 0, 1, 0): a
// ZERO sub-circuit's output (the same term for the same x, so its own
// proof and its callers meet it).
Poly isZeroOf(IntTerms &t, const Poly &x) {
  BigInt v;
  if (x.isConstant(&v))
    return Poly::constant(v == 0 ? 1 : 0);
  return Poly::atom(t.atom(
      z3::ite(t.expr(x) == 0, t.ctx.int_val(1), t.ctx.int_val(0)), 0, 1));
}

// A word's two's-complement value.
z3::expr signedValue(IntTerms &t, const z3::expr &w) {
  return z3::ite(w >= t.num(pow2(255)), w - t.num(pow2(256)), w);
}

// |w| as a word (2^255 is its own magnitude, as in the EVM).
z3::expr magnitude(IntTerms &t, const z3::expr &w) {
  return z3::ite(w >= t.num(pow2(255)), t.num(pow2(256)) - w, w);
}

// (2^256 − w) mod 2^256 for a word w, stated without mod so that a NEGIF
// callee's guarantee and the SDIV/SMOD specs are the same linear term.
z3::expr negateWord(IntTerms &t, const z3::expr &w) {
  return z3::ite(w == 0, t.ctx.int_val(0), t.num(pow2(256)) - w);
}

// The EVM's division and remainder (0 for a zero divisor).
z3::expr evmDiv(IntTerms &t, const z3::expr &a, const z3::expr &b) {
  return z3::ite(b == 0, t.ctx.int_val(0), t.divide(a, b));
}
z3::expr evmMod(IntTerms &t, const z3::expr &a, const z3::expr &b) {
  return z3::ite(b == 0, t.ctx.int_val(0), t.remainder(a, b));
}

// Bitwise AND/OR/XOR through the 64 bits of each limb pair: f(x, y) on
// booleans is xy, x + y − xy or x + y − 2xy.
z3::expr bitwise(IntTerms &t, llvm::StringRef op,
                 const std::vector<std::vector<Poly>> &limbs) {
  Poly result;
  for (unsigned i = 0; i < kLimbs; ++i)
    for (unsigned j = 0; j < kLimbBits; ++j) {
      Poly x = bitOf(t, limbs[0][i], j), y = bitOf(t, limbs[1][i], j);
      Poly both = t.mul(x, y);
      Poly bit = op == "AND"  ? both
                 : op == "OR" ? t.sub(t.add(x, y), both)
                              : t.sub(t.add(x, y), t.scale(both, 2));
      result = t.add(result, t.scale(bit, pow2(kLimbBits * i + j)));
    }
  return t.expr(result);
}

// EXP as the gadget (opcodes/gadgets/Exp.cpp) computes it, over the same
// terms: the table T_d = X^d (T_0 = 1, T_1 = X, T_d the limbs of
// word.mul(T_(d-1), X)), then fixed 4-bit windows of the exponent from the
// top, r = T[n_63], r <- r^16 * T[n_k] for k = 62..0, where T[n] is the
// polynomial sum over d of [n = d] * T_d limb by limb and n = the window's
// bits e_(4k) + 2 e_(4k+1) + 4 e_(4k+2) + 8 e_(4k+3). Every product is
// word.mul, every product's limbs the atoms of wordLimbs: with the same
// polynomials the gadget's MUL calls and the spec's products are the same
// terms.
z3::expr power(IntTerms &t, const std::vector<Poly> &baseLimbs,
               const std::vector<Poly> &exponentLimbs) {
  auto word = [&](const std::vector<Poly> &limbs) {
    return t.expr(t.decode(limbs));
  };
  auto times = [&](const std::vector<Poly> &x, const std::vector<Poly> &y) {
    z3::expr product = t.wordProduct(word(x), word(y));
    // On numerals (the spec test) evaluating as we go keeps the term small.
    if (t.interpretDivision)
      product = product.simplify();
    return wordLimbs(t, product);
  };
  constexpr unsigned kWindow = 4, kTable = 1u << kWindow;
  std::vector<std::vector<Poly>> table = {
      {Poly::constant(1), Poly(), Poly(), Poly()}, baseLimbs};
  for (unsigned d = 2; d < kTable; ++d)
    table.push_back(times(table[d - 1], baseLimbs));
  auto select = [&](unsigned k) {
    Poly n;
    for (unsigned j = 0; j < kWindow; ++j) {
      unsigned bit = kWindow * k + j;
      n = t.add(
          n, t.scale(bitOf(t, exponentLimbs[bit / kLimbBits], bit % kLimbBits),
                     BigInt(1) << j));
    }
    std::vector<Poly> out(kLimbs);
    for (unsigned d = 0; d < kTable; ++d) {
      Poly s = oneHot(t, n, d, false);
      for (unsigned i = 0; i < kLimbs; ++i)
        out[i] = t.add(out[i], t.mul(s, table[d][i]));
    }
    return out;
  };
  unsigned windows = kLimbs * kLimbBits / kWindow;
  std::vector<Poly> r = select(windows - 1);
  for (unsigned k = windows - 1; k-- > 0;) {
    for (unsigned j = 0; j < kWindow; ++j)
      r = times(r, r);
    r = times(r, select(k));
  }
  return word(r);
}

// The shift family with a concrete small operand c (a shift amount or a
// byte index) and X's limbs x_i: each result is linear in the limbs apart
// from a division or remainder of one limb by a constant power of two, so
// a query whose operand 0 is fixed stays linear integer arithmetic.
BigInt limbMask(unsigned bits) { return pow2(bits) - 1; }

// X div 2^c for c < 256: the limb holding bit c, shifted, plus the higher
// limbs whole (the bits below limb c/64 cannot carry into the quotient).
z3::expr shiftRightConst(IntTerms &t, const std::vector<Poly> &x, unsigned c) {
  unsigned i0 = c / kLimbBits, r = c % kLimbBits;
  Poly high;
  for (unsigned i = i0 + 1; i < kLimbs; ++i)
    high = t.add(high, t.scale(x[i], pow2(kLimbBits * i - c)));
  return t.expr(high) + t.expr(x[i0]) / t.num(pow2(r));
}

// (X·2^c) mod 2^256 for c < 256: limbs that move past bit 256 vanish, the
// one that straddles it keeps its low bits.
z3::expr shiftLeftConst(IntTerms &t, const std::vector<Poly> &x, unsigned c) {
  Poly whole;
  z3::expr cut = t.ctx.int_val(0);
  for (unsigned i = 0; i < kLimbs; ++i) {
    unsigned e = kLimbBits * i + c;
    if (e >= 256)
      continue;
    if (e + kLimbBits <= 256)
      whole = t.add(whole, t.scale(x[i], pow2(e)));
    else
      cut = z3::mod(t.expr(x[i]), t.num(pow2(256 - e))) * t.num(pow2(e));
  }
  return t.expr(whole) + cut;
}

z3::expr isNegative(IntTerms &t, const std::vector<Poly> &x) {
  return t.expr(x[kLimbs - 1]) >= t.num(pow2(kLimbBits - 1));
}

// The result for a concrete c (any value, including c ≥ N).
z3::expr shiftSpecConst(IntTerms &t, llvm::StringRef m, const BigInt &c,
                        const std::vector<Poly> &x) {
  z3::context &ctx = t.ctx;
  z3::expr zero = ctx.int_val(0), ones = t.num(limbMask(256));
  if (m == "SHL")
    return c >= 256 ? zero : shiftLeftConst(t, x, c.get_ui());
  if (m == "SHR")
    return c >= 256 ? zero : shiftRightConst(t, x, c.get_ui());
  if (m == "SAR") {
    if (c >= 256)
      return z3::ite(isNegative(t, x), ones, zero);
    unsigned s = c.get_ui();
    // A negative X shifts in ones: the top s bits of the result.
    BigInt fill = pow2(256) - pow2(256 - s);
    return shiftRightConst(t, x, s) +
           z3::ite(isNegative(t, x), t.num(fill), zero);
  }
  if (m == "BYTE") {
    if (c >= 32)
      return zero;
    // Byte c counts from the most significant end.
    // Its bits are the atoms (x div 2^j) mod 2 that a BITS decomposition of
    // the limb gives, so a gadget that decomposes it meets the spec term by
    // term.
    unsigned k = c.get_ui(), limb = kLimbs - 1 - k / 8, at = 8 * (7 - k % 8);
    Poly byte;
    for (unsigned j = 0; j < 8; ++j)
      byte = t.add(byte, t.scale(bitOf(t, x[limb], at + j), pow2(j)));
    return t.expr(byte);
  }
  // SIGNEXTEND: for c < 31 keep bits 0..8c+7 and copy bit 8c+7 above them.
  if (c >= 31)
    return t.expr(t.decode(x));
  unsigned top = 8 * c.get_ui() + 7, limb = top / kLimbBits,
           at = top % kLimbBits;
  // The kept bits of limb `limb` and the sign are BITS atoms, as for BYTE.
  Poly kept;
  for (unsigned i = 0; i < limb; ++i)
    kept = t.add(kept, t.scale(x[i], pow2(kLimbBits * i)));
  for (unsigned j = 0; j <= at; ++j)
    kept =
        t.add(kept, t.scale(bitOf(t, x[limb], j), pow2(kLimbBits * limb + j)));
  Poly sign = bitOf(t, x[limb], at);
  return t.expr(t.add(kept, t.scale(sign, pow2(256) - pow2(top + 1))));
}

bool isShiftFamily(llvm::StringRef m) {
  return m == "SHL" || m == "SHR" || m == "SAR" || m == "BYTE" ||
         m == "SIGNEXTEND";
}

} // namespace

bool hasIntSpec(llvm::StringRef m) {
  return llvm::StringSwitch<bool>(m)
      .Cases("ADD", "MUL", "SUB", "DIV", "SDIV", "MOD", "SMOD", true)
      .Cases("ADDMOD", "MULMOD", "EXP", "LT", "GT", "SLT", "SGT", true)
      .Cases("EQ", "ISZERO", "AND", "OR", "XOR", "NOT", true)
      .Cases("SHL", "SHR", "SAR", "BYTE", "SIGNEXTEND", true)
      .Default(false);
}

bool splitsOnSigns(llvm::StringRef m) { return m == "SDIV" || m == "SMOD"; }

unsigned smallOperandBound(llvm::StringRef m) {
  if (m == "SHL" || m == "SHR" || m == "SAR")
    return 256;
  if (m == "BYTE" || m == "SIGNEXTEND")
    return 32;
  return 0;
}

llvm::Expected<z3::expr>
intSpecBeyondBound(IntTerms &t, llvm::StringRef m,
                   const std::vector<std::vector<Poly>> &limbs) {
  unsigned bound = smallOperandBound(m);
  if (!bound)
    return specError("'" + m + "' has no small operand");
  if (limbs.size() != 2)
    return specError(m + " takes 2 operands");
  return shiftSpecConst(t, m, bound, limbs[1]);
}

namespace {

llvm::Expected<z3::expr> wordSpec(IntTerms &t, llvm::StringRef m,
                                  const std::vector<Poly> &words) {
  z3::context &ctx = t.ctx;
  std::vector<z3::expr> w;
  for (const Poly &p : words)
    w.push_back(t.expr(p));
  unsigned arity = llvm::StringSwitch<unsigned>(m)
                       .Cases("ISZERO", "NOT", 1)
                       .Cases("ADDMOD", "MULMOD", 3)
                       .Default(2);
  if (words.size() != arity)
    return specError(llvm::formatv("{0} takes {1} operands", m, arity));
  z3::expr N = t.num(pow2(256));
  if (m == "ADD")
    return z3::mod(w[0] + w[1], N);
  if (m == "SUB")
    return z3::mod(w[0] - w[1], N);
  if (m == "MUL")
    return z3::mod(t.expr(t.reduceCoefficients(t.mul(words[0], words[1]), 256)),
                   N);
  if (m == "DIV")
    return evmDiv(t, w[0], w[1]);
  if (m == "MOD")
    return evmMod(t, w[0], w[1]);
  if (m == "SDIV" || m == "SMOD") {
    z3::expr sa = w[0] >= t.num(pow2(255)), sb = w[1] >= t.num(pow2(255));
    z3::expr absA = magnitude(t, w[0]), absB = magnitude(t, w[1]);
    if (m == "SMOD") {
      z3::expr r = evmMod(t, absA, absB);
      return z3::ite(sa, negateWord(t, r), r);
    }
    z3::expr q = evmDiv(t, absA, absB);
    return z3::ite(sa != sb, negateWord(t, q), q);
  }
  if (m == "ADDMOD")
    return evmMod(t, w[0] + w[1], w[2]);
  if (m == "MULMOD")
    return evmMod(t, t.expr(t.mul(words[0], words[1])), w[2]);
  if (m == "LT")
    return boolInt(ctx, w[0] < w[1]);
  if (m == "GT")
    return boolInt(ctx, w[0] > w[1]);
  if (m == "SLT")
    return boolInt(ctx, signedValue(t, w[0]) < signedValue(t, w[1]));
  if (m == "SGT")
    return boolInt(ctx, signedValue(t, w[0]) > signedValue(t, w[1]));
  if (m == "EQ")
    return boolInt(ctx, w[0] == w[1]);
  if (m == "ISZERO")
    return boolInt(ctx, w[0] == 0);
  if (m == "NOT")
    return N - 1 - w[0];
  return specError("'" + m + "' needs the operands' limbs");
}

} // namespace

//===----------------------------------------------------------------------===//
// Sub-circuits and calls
//===----------------------------------------------------------------------===//

bool isSubspec(llvm::StringRef kind) {
  return kind == "BITS" || kind == "ONEHOT" || kind == "NEGIF" ||
         kind == "ZERO" || isDivisionSubspec(kind);
}

bool isDivisionSubspec(llvm::StringRef kind) {
  return kind == "DIVMOD" || kind == "ADDDIVMOD" || kind == "MULDIVMOD";
}

bool subspecAssumesWords(llvm::StringRef kind) {
  return kind == "NEGIF" || isDivisionSubspec(kind);
}

namespace {

z3::expr allBelow(IntTerms &t, const std::vector<Poly> &limbs, unsigned bits) {
  z3::expr ok = t.ctx.bool_val(true);
  for (const Poly &l : limbs)
    ok = ok && t.expr(l) < t.num(pow2(bits));
  return ok;
}

std::vector<Poly> slice(const std::vector<Poly> &v, size_t from, size_t n) {
  return std::vector<Poly>(v.begin() + from, v.begin() + from + n);
}

// A division sub-circuit's dividend X over its inputs (built as the opcode
// specs build it, so that equal dividends are the same Z3 term), its
// divisor's limbs and its number of quotient limbs.
struct DivisionShape {
  z3::expr dividend;
  std::vector<Poly> divisor;
  size_t quotientLimbs;
};

llvm::Expected<DivisionShape> divisionShape(IntTerms &t, llvm::StringRef kind,
                                            const std::vector<Poly> &inputs,
                                            size_t numOutputs) {
  if (kind == "DIVMOD") {
    if (inputs.size() <= kLimbs || numOutputs != inputs.size())
      return specError("a DIVMOD sub-circuit takes m + 4 inputs and gives "
                       "m + 4 outputs");
    size_t m = inputs.size() - kLimbs;
    return DivisionShape{t.expr(t.decode(slice(inputs, 0, m))),
                         slice(inputs, m, kLimbs), m};
  }
  size_t q = kind == "ADDDIVMOD" ? kLimbs + 1 : 2 * kLimbs;
  if (inputs.size() != 3 * kLimbs || numOutputs != q + kLimbs)
    return specError(kind + " sub-circuits take 12 inputs and give " +
                     std::to_string(q + kLimbs) + " outputs");
  Poly a = t.decode(slice(inputs, 0, kLimbs));
  Poly b = t.decode(slice(inputs, kLimbs, kLimbs));
  z3::expr x =
      kind == "ADDDIVMOD" ? t.expr(a) + t.expr(b) : t.expr(t.mul(a, b));
  return DivisionShape{x, slice(inputs, 2 * kLimbs, kLimbs), q};
}

// A NEGIF sub-circuit's relation over its inputs (s, then X's limbs) and
// outputs M: s is 0 or 1, M's limbs are below 2^64 and M = X or its
// negation mod 2^256.
llvm::Expected<z3::expr> negateIfRelation(IntTerms &t,
                                          const std::vector<Poly> &inputs,
                                          const std::vector<Poly> &outputs) {
  if (inputs.size() != 1 + kLimbs || outputs.size() != kLimbs)
    return specError("a NEGIF sub-circuit takes 5 inputs and gives 4 outputs");
  z3::expr s = t.expr(inputs[0]);
  z3::expr x = t.expr(t.decode(slice(inputs, 1, kLimbs)));
  z3::expr m = t.expr(t.decode(outputs));
  return allBelow(t, outputs, kLimbBits) && (s == 0 || s == 1) &&
         m == z3::ite(s == 1, negateWord(t, x), x);
}

} // namespace

llvm::Expected<z3::expr> subcircuitRelation(IntTerms &t, llvm::StringRef kind,
                                            const std::vector<Poly> &inputs,
                                            const std::vector<Poly> &outputs) {
  if (kind == "ONEHOT") {
    if (inputs.size() != 1 || !llvm::isPowerOf2_64(outputs.size()))
      return specError("a ONEHOT sub-circuit takes one input and gives 2^m "
                       "outputs");
    z3::expr ok = t.expr(inputs[0]) < t.num(outputs.size());
    for (unsigned d = 0; d < outputs.size(); ++d)
      ok = ok && t.expr(outputs[d]) == t.expr(oneHot(t, inputs[0], d, true));
    return ok;
  }
  if (kind == "NEGIF")
    return negateIfRelation(t, inputs, outputs);
  if (kind == "ZERO") {
    if (inputs.size() != 1 || outputs.size() != 1)
      return specError("a ZERO sub-circuit takes one input and gives one "
                       "output");
    return t.expr(outputs[0]) == t.expr(isZeroOf(t, inputs[0]));
  }
  if (kind == "BITS") {
    if (inputs.size() != 1 || outputs.empty())
      return specError("a BITS sub-circuit takes one input");
    z3::expr ok = t.expr(inputs[0]) < t.num(pow2(outputs.size()));
    for (unsigned j = 0; j < outputs.size(); ++j)
      ok = ok && t.expr(outputs[j]) == t.expr(bitOf(t, inputs[0], j));
    return ok;
  }
  if (isDivisionSubspec(kind)) {
    auto shape = divisionShape(t, kind, inputs, outputs.size());
    if (!shape)
      return shape.takeError();
    size_t m = shape->quotientLimbs;
    Poly n = t.decode(shape->divisor);
    Poly q = t.decode(slice(outputs, 0, m));
    Poly r = t.decode(slice(outputs, m, kLimbs));
    return allBelow(t, outputs, kLimbBits) &&
           t.expr(t.add(t.mul(q, n), r)) == shape->dividend &&
           t.expr(r) < t.expr(n);
  }
  return specError("unknown zk.subspec '" + kind + "'");
}

llvm::Expected<std::optional<CalleeSpec>>
calleeSpec(IntTerms &t, zk::CircuitOp callee, const std::vector<Poly> &args,
           const std::string &prefix, bool forCompleteness) {
  z3::context &ctx = t.ctx;
  BigInt maxFelt = toBigInt(callee.getPrimeField().prime) - 1;
  auto freshLimbs = [&](size_t n, const char *name) {
    std::vector<Poly> limbs;
    for (size_t i = 0; i < n; ++i)
      limbs.push_back(Poly::atom(t.fresh(prefix + name, 0, maxFelt)));
    return limbs;
  };

  unsigned numOut = callee.getResultTypes().size();
  if (auto sub = callee->getAttrOfType<mlir::StringAttr>("zk.subspec")) {
    llvm::StringRef kind = sub.getValue();
    if (kind == "ONEHOT") {
      if (args.size() != 1 || !llvm::isPowerOf2_32(numOut))
        return specError("a ONEHOT sub-circuit takes one input and gives 2^m "
                         "outputs");
      // Its proof assumes nothing of x and shows x < n: the outputs are
      // [x = d], exactly one of them 1. Its hints need x < n.
      std::vector<Poly> outs;
      Poly sum;
      for (unsigned d = 0; d < numOut; ++d) {
        outs.push_back(oneHot(t, args[0], d, false));
        sum = t.add(sum, outs.back());
      }
      z3::expr small = t.expr(args[0]) < t.num(numOut);
      z3::expr one = t.expr(sum) == 1;
      if (forCompleteness)
        return CalleeSpec{small, one, outs};
      return CalleeSpec{ctx.bool_val(true), small && one, outs};
    }
    if (kind == "ZERO") {
      if (args.size() != 1 || numOut != 1)
        return specError("a ZERO sub-circuit takes one input and gives one "
                         "output");
      // Its proof assumes nothing of x (a canonical felt) and shows that
      // the output is [x = 0]; its hint (an inverse) works for any x.
      return CalleeSpec{
          ctx.bool_val(true), ctx.bool_val(true), {isZeroOf(t, args[0])}};
    }
    if (kind == "BITS") {
      if (args.size() != 1)
        return specError("a BITS sub-circuit takes one input");
      // Its proof assumes nothing of x and shows x < 2^n: the outputs are
      // x's bits whenever its constraints hold. Its hints need x < 2^n.
      std::vector<Poly> bits;
      Poly sum;
      for (unsigned j = 0; j < numOut; ++j) {
        bits.push_back(bitOf(t, args[0], j));
        sum = t.add(sum, t.scale(bits.back(), pow2(j)));
      }
      z3::expr small = t.expr(args[0]) < t.num(pow2(numOut));
      // With uninterpreted bits, what they mean: x's binary digits (true of
      // the interpreted ones whenever x < 2^n).
      z3::expr digits = t.uninterpretedBits ? t.expr(sum) == t.expr(args[0])
                                            : ctx.bool_val(true);
      if (forCompleteness)
        return CalleeSpec{small, digits, bits};
      return CalleeSpec{ctx.bool_val(true), small && digits, bits};
    }
    if (kind == "NEGIF") {
      // Its proof assumes words and shows s ∈ {0, 1} (its own booleanity
      // constraint) and the output; its hints need s ∈ {0, 1}.
      std::vector<Poly> outs = freshLimbs(numOut, "negif");
      auto relation = negateIfRelation(t, args, outs);
      if (!relation)
        return relation.takeError();
      z3::expr pre = allBelow(t, args, kLimbBits);
      if (forCompleteness) {
        z3::expr s = t.expr(args[0]);
        pre = pre && (s == 0 || s == 1);
      }
      return CalleeSpec{pre, *relation, outs};
    }
    if (isDivisionSubspec(kind)) {
      // Its relation Q·N + R = X, R < N (so N ≠ 0) gives, by the uniqueness
      // of division, Q = X div N and R = X mod N. Its hints need N ≠ 0.
      auto shape = divisionShape(t, kind, args, numOut);
      if (!shape)
        return shape.takeError();
      size_t m = shape->quotientLimbs;
      std::vector<Poly> outs = freshLimbs(numOut, "divmod");
      z3::expr x = shape->dividend;
      z3::expr n = t.expr(t.decode(shape->divisor));
      z3::expr q = t.expr(t.decode(slice(outs, 0, m)));
      z3::expr r = t.expr(t.decode(slice(outs, m, kLimbs)));
      z3::expr guarantee = allBelow(t, outs, kLimbBits) && n > 0 &&
                           q == t.divide(x, n) && r == t.remainder(x, n) &&
                           r < n;
      z3::expr pre = allBelow(t, args, kLimbBits);
      if (forCompleteness)
        pre = pre && n > 0;
      return CalleeSpec{pre, guarantee, outs};
    }
    return std::nullopt;
  }
  auto spec = callee->getAttrOfType<mlir::StringAttr>("zk.spec");
  if (!spec || spec.getValue() != "MUL" || args.size() != 2 * kLimbs ||
      numOut != kLimbs)
    return std::nullopt;
  // A MUL gadget: its proven spec, with the product left uninterpreted so
  // that a caller's spec over the same function (EXP) meets it. Its outputs
  // are the product's limbs (proved: well-formed, decoding to the product),
  // named by their terms so that the caller's spec can name them too.
  z3::expr x = t.expr(t.decode(slice(args, 0, kLimbs)));
  z3::expr y = t.expr(t.decode(slice(args, kLimbs, kLimbs)));
  z3::expr product = t.wordProduct(x, y);
  std::vector<Poly> outs = wordLimbs(t, product);
  z3::expr guarantee = t.expr(t.decode(outs)) == product;
  return CalleeSpec{allBelow(t, args, kLimbBits), guarantee, outs};
}

llvm::Expected<z3::expr>
intOpcodeSpec(IntTerms &t, llvm::StringRef m,
              const std::vector<std::vector<Poly>> &limbs) {
  if (!hasIntSpec(m))
    return specError("no integer spec for '" + m + "'");
  if (m == "AND" || m == "OR" || m == "XOR") {
    if (limbs.size() != 2)
      return specError(m + " takes 2 operands");
    return bitwise(t, m, limbs);
  }
  if (isShiftFamily(m)) {
    if (limbs.size() != 2)
      return specError(m + " takes 2 operands");
    BigInt c = 0;
    for (unsigned i = 0; i < kLimbs; ++i) {
      BigInt limb;
      if (!limbs[0][i].isConstant(&limb))
        return specError(m + " needs a concrete operand 0 (the checks split "
                             "it into cases: smallOperandBound)");
      c += limb * pow2(kLimbBits * i);
    }
    return shiftSpecConst(t, m, c, limbs[1]);
  }
  if (m == "EXP") {
    if (limbs.size() != 2)
      return specError("EXP takes 2 operands");
    return power(t, limbs[0], limbs[1]);
  }
  std::vector<Poly> words;
  for (const std::vector<Poly> &l : limbs)
    words.push_back(t.decode(l));
  return wordSpec(t, m, words);
}

llvm::Expected<z3::expr> subspecPrecondition(IntTerms &t, llvm::StringRef kind,
                                             const std::vector<Poly> &inputs,
                                             size_t numOutputs) {
  if (kind == "NEGIF") {
    if (inputs.empty())
      return specError("a NEGIF sub-circuit takes 5 inputs");
    z3::expr s = t.expr(inputs[0]);
    return s == 0 || s == 1;
  }
  if (!isDivisionSubspec(kind))
    return t.ctx.bool_val(true);
  auto shape = divisionShape(t, kind, inputs, numOutputs);
  if (!shape)
    return shape.takeError();
  return t.expr(t.decode(shape->divisor)) > 0;
}

bool proveDivisionLemma(unsigned timeoutMs, double &seconds) {
  z3::context ctx;
  z3::solver s(ctx, "QF_NIA");
  z3::params params(ctx);
  params.set("timeout", timeoutMs);
  s.set(params);
  z3::expr a = ctx.int_const("A"), b = ctx.int_const("B"),
           q = ctx.int_const("Q"), r = ctx.int_const("R");
  s.add(b > 0 && a >= 0 && a == q * b + r && r >= 0 && r < b);
  s.add(!(q == a / b && r == z3::mod(a, b)));
  auto start = std::chrono::steady_clock::now();
  bool proved = s.check() == z3::unsat;
  seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  return proved;
}

} // namespace zkevmc::verifier
