//===- Gadgets.cpp - Constraint gadgets for EVM opcodes -------------------===//

#include "opcodes/gadgets/Gadgets.h"

#include "dialects/evm/IR/EvmDialect.h"
#include "opcodes/OpcodeTable.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Builders.h"

using namespace mlir;
using llvm::APInt;

namespace zkevmc::gadgets {

namespace {

using Word = llvm::SmallVector<Value, kLimbs>;

// Writes the body of one gadget: field arithmetic, constraints, and hints
// whose integer code runs on i256.
class GadgetWriter {
public:
  GadgetWriter(OpBuilder &builder, Location loc, ModuleOp module)
      : b(builder), loc(loc), module(module),
        felt(zk::FeltType::get(builder.getContext())),
        i256(builder.getIntegerType(256)) {}

  Value constant(const APInt &value) {
    return b.create<zk::ConstOp>(
        loc, felt, b.getIntegerAttr(i256, value.zextOrTrunc(256)));
  }
  Value constant(uint64_t value) { return constant(APInt(256, value)); }
  Value twoTo(unsigned bits) {
    return constant(APInt::getOneBitSet(256, bits));
  }
  Value add(Value x, Value y) { return b.create<zk::AddOp>(loc, felt, x, y); }
  Value sub(Value x, Value y) { return b.create<zk::SubOp>(loc, felt, x, y); }
  Value mul(Value x, Value y) { return b.create<zk::MulOp>(loc, felt, x, y); }
  void assertEq(Value x, Value y) { b.create<zk::AssertEqOp>(loc, x, y); }
  void assertBool(Value x) { b.create<zk::AssertBoolOp>(loc, x); }
  void range(Value x, unsigned bits) { b.create<zk::RangeOp>(loc, x, bits); }

  using HintBody = llvm::function_ref<llvm::SmallVector<Value>(
      OpBuilder &, llvm::ArrayRef<Value>)>;

  // A zk.witness hint: its inputs are read as i256 integers, `body` computes
  // `numResults` i256 integers, which become felts.
  llvm::SmallVector<Value> hint(ValueRange inputs, unsigned numResults,
                                HintBody body) {
    llvm::SmallVector<Type> resultTypes(numResults, felt);
    auto op = b.create<zk::WitnessOp>(loc, resultTypes, inputs);
    Block *block = new Block();
    op.getHint().push_back(block);
    for (Value input : inputs)
      block->addArgument(input.getType(), loc);
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToEnd(block);
    llvm::SmallVector<Value> ints;
    for (Value arg : block->getArguments())
      ints.push_back(b.create<zk::ToIntOp>(loc, i256, arg));
    llvm::SmallVector<Value> results = body(b, ints);
    llvm::SmallVector<Value> felts;
    for (Value r : results)
      felts.push_back(b.create<zk::FromIntOp>(loc, felt, r));
    b.create<zk::YieldOp>(loc, felts);
    return llvm::SmallVector<Value>(op.getResults());
  }

  // i256 helpers for hint bodies.
  Value intConst(OpBuilder &h, const APInt &v) {
    return h.create<arith::ConstantOp>(loc, i256, h.getIntegerAttr(i256, v));
  }
  Value intConst(OpBuilder &h, uint64_t v) {
    return intConst(h, APInt(256, v));
  }
  Value limbMask(OpBuilder &h) {
    return intConst(h, APInt::getLowBitsSet(256, kLimbBits));
  }

  // The n bits of a felt below 2^n, least significant first: boolean
  // witnesses whose weighted sum is the value, in the sub-circuit @bits_<n>
  // (proved once: its outputs are the value's bits).
  llvm::SmallVector<Value> bits(Value v, unsigned n) {
    return callSub(
        "bits_" + std::to_string(n), "BITS", v, n,
        [n](GadgetWriter &w, ArrayRef<Value> in) {
          llvm::SmallVector<Value> bits =
              w.hint(in[0], n, [&](OpBuilder &h, llvm::ArrayRef<Value> x) {
                llvm::SmallVector<Value> out;
                for (unsigned j = 0; j < n; ++j)
                  out.push_back(h.create<arith::AndIOp>(
                      w.loc,
                      h.create<arith::ShRUIOp>(w.loc, x[0], w.intConst(h, j)),
                      w.intConst(h, 1)));
                return out;
              });
          Value sum = w.constant(0);
          for (unsigned j = 0; j < n; ++j) {
            w.assertBool(bits[j]);
            sum = w.add(sum, w.mul(bits[j], w.twoTo(j)));
          }
          w.assertEq(sum, in[0]);
          return bits;
        });
  }

  // The 64 bits of a limb, least significant first.
  llvm::SmallVector<Value> decompose(Value limb) {
    return bits(limb, kLimbBits);
  }

  // a - b limb by limb with boolean borrows; returns the difference's limbs
  // and the final borrow (1 exactly when a < b).
  std::pair<Word, Value> subtract(const Word &x, const Word &y) {
    Word diff;
    Value borrow = constant(0);
    for (unsigned i = 0; i < kLimbs; ++i) {
      llvm::SmallVector<Value> w =
          hint(ValueRange{x[i], y[i], borrow}, 2,
               [&](OpBuilder &h, llvm::ArrayRef<Value> in) {
                 Value t = h.create<arith::AddIOp>(loc, in[1], in[2]);
                 Value lt = h.create<arith::CmpIOp>(
                     loc, arith::CmpIPredicate::ult, in[0], t);
                 Value br = h.create<arith::ExtUIOp>(loc, i256, lt);
                 Value lifted = h.create<arith::AddIOp>(
                     loc, in[0],
                     h.create<arith::ShLIOp>(loc, br, intConst(h, kLimbBits)));
                 return llvm::SmallVector<Value>{
                     h.create<arith::SubIOp>(loc, lifted, t), br};
               });
      Value r = w[0], br = w[1];
      assertBool(br);
      range(r, kLimbBits);
      // x_i + br * 2^64 = r + y_i + borrow_in.
      assertEq(add(x[i], mul(br, twoTo(kLimbBits))), add(r, add(y[i], borrow)));
      diff.push_back(r);
      borrow = br;
    }
    return {diff, borrow};
  }

  // Calls the sub-circuit `name` (built by `build` the first time, at the
  // end of the module, with `zk.subspec = kind`).
  llvm::SmallVector<Value>
  callSub(StringRef name, StringRef kind, ValueRange args, unsigned numResults,
          llvm::function_ref<llvm::SmallVector<Value>(GadgetWriter &,
                                                      ArrayRef<Value>)>
              build);

  OpBuilder &b;
  Location loc;
  ModuleOp module;
  Type felt, i256;
};

llvm::SmallVector<Value> GadgetWriter::callSub(
    StringRef name, StringRef kind, ValueRange args, unsigned numResults,
    llvm::function_ref<llvm::SmallVector<Value>(GadgetWriter &,
                                                ArrayRef<Value>)>
        build) {
  auto callee = module.lookupSymbol<zk::CircuitOp>(name);
  if (!callee) {
    OpBuilder sb(module.getContext());
    sb.setInsertionPointToEnd(module.getBody());
    Location subLoc = NameLoc::get(sb.getStringAttr(name), module.getLoc());
    callee = sb.create<zk::CircuitOp>(
        subLoc, name,
        sb.getFunctionType(llvm::SmallVector<Type>(args.size(), felt),
                           llvm::SmallVector<Type>(numResults, felt)),
        "bn254", /*arg_attrs=*/nullptr, /*res_attrs=*/nullptr);
    callee->setAttr("zk.subspec", sb.getStringAttr(kind));
    Block *entry = callee.addEntryBlock();
    sb.setInsertionPointToEnd(entry);
    GadgetWriter sub(sb, subLoc, module);
    llvm::SmallVector<Value> results =
        build(sub, llvm::SmallVector<Value>(entry->getArguments()));
    sb.create<zk::OutputOp>(subLoc, ValueRange(results));
  }
  auto call =
      b.create<zk::CallOp>(loc, llvm::SmallVector<Type>(numResults, felt),
                           callee.getSymName(), args);
  return llvm::SmallVector<Value>(call.getResults());
}

// The inverse of a felt (0 for 0): a hint on felts, no integers needed.
Value inverseHint(GadgetWriter &w, Value s) {
  auto op = w.b.create<zk::WitnessOp>(w.loc, TypeRange{w.felt}, ValueRange{s});
  Block *block = new Block();
  op.getHint().push_back(block);
  block->addArgument(w.felt, w.loc);
  OpBuilder::InsertionGuard guard(w.b);
  w.b.setInsertionPointToEnd(block);
  Value inv = w.b.create<zk::InvOp>(w.loc, w.felt, block->getArgument(0));
  w.b.create<zk::YieldOp>(w.loc, ValueRange{inv});
  return op.getResult(0);
}

// out = 1 if s = 0 else 0, for any felt s: out = 1 - s * inv, s * out = 0.
Value isZero(GadgetWriter &w, Value s) {
  Value inv = inverseHint(w, s);
  Value out = w.sub(w.constant(1), w.mul(s, inv));
  w.assertEq(w.mul(s, out), w.constant(0));
  return out;
}

// Splits a top limb into its sign bit and low 63 bits: limb = sign·2^63 +
// low, sign boolean, low in 63 bits. Returns the sign.
Value signOf(GadgetWriter &w, Value topLimb) {
  llvm::SmallVector<Value> parts =
      w.hint(topLimb, 2, [&](OpBuilder &h, llvm::ArrayRef<Value> x) {
        return llvm::SmallVector<Value>{
            h.create<arith::ShRUIOp>(w.loc, x[0], w.intConst(h, 63)),
            h.create<arith::AndIOp>(
                w.loc, x[0], w.intConst(h, APInt::getLowBitsSet(256, 63)))};
      });
  w.assertBool(parts[0]);
  w.range(parts[1], 63);
  w.assertEq(w.add(w.mul(parts[0], w.twoTo(63)), parts[1]), topLimb);
  return parts[0];
}

// SLT: if the signs differ, a < b exactly when a is negative; otherwise the
// unsigned comparison decides. With x = sa xor sb: x·sa + (1 − x)·lt.
Value signedLess(GadgetWriter &w, const Word &a, const Word &b) {
  Value sa = signOf(w, a[kLimbs - 1]);
  Value sb = signOf(w, b[kLimbs - 1]);
  Value lt = w.subtract(a, b).second;
  Value both = w.mul(sa, sb);
  Value x = w.sub(w.add(sa, sb), w.add(both, both));
  Value one = w.constant(1);
  return w.add(w.mul(x, sa), w.mul(w.sub(one, x), lt));
}

// Unsigned division of an m-limb dividend by a word, with the EVM's rule for
// a zero divisor: returns (quotient: m limbs, remainder: a word). With
// bz = [b = 0] and a' = a·(1 − bz):
//  - q·b + r = a' over the integers, as product columns; columns below m
//    split into a'_k and a carry (67 bits), the columns above must be 0: they
//    are sums of non-negative terms below the prime, so every term and the
//    carry into them is 0 and the product cannot pass 2^(64m) (the bug PSE's
//    MOD gadget had);
//  - r < b unless b = 0 (the borrow of r − b), and q = 0 when b = 0 (then the
//    columns force r = 0).
// The hint assembles the wide operands with additions of shifted limbs (the
// integer encoding reads additions exactly).
llvm::SmallVector<Value> divideBody(GadgetWriter &w, llvm::ArrayRef<Value> a,
                                    const Word &b) {
  unsigned m = a.size();
  llvm::SmallVector<Value> inputs(a.begin(), a.end());
  inputs.append(b.begin(), b.end());
  Type i512 = IntegerType::get(w.b.getContext(), 512);
  llvm::SmallVector<Value> qr =
      w.hint(inputs, m + kLimbs, [&](OpBuilder &h, llvm::ArrayRef<Value> x) {
        auto c = [&](const APInt &v) -> Value {
          return h.create<arith::ConstantOp>(w.loc, i512,
                                             h.getIntegerAttr(i512, v));
        };
        auto wide = [&](llvm::ArrayRef<Value> limbs) {
          Value word = c(APInt(512, 0));
          for (auto [i, limb] : llvm::enumerate(limbs))
            word = h.create<arith::AddIOp>(
                w.loc, word,
                h.create<arith::ShLIOp>(
                    w.loc, h.create<arith::ExtUIOp>(w.loc, i512, limb),
                    c(APInt(512, i * kLimbBits))));
          return word;
        };
        Value aw = wide(x.take_front(m)), bw = wide(x.drop_front(m));
        Value zero = c(APInt(512, 0));
        Value bZero =
            h.create<arith::CmpIOp>(w.loc, arith::CmpIPredicate::eq, bw, zero);
        Value divisor =
            h.create<arith::SelectOp>(w.loc, bZero, c(APInt(512, 1)), bw);
        Value q = h.create<arith::SelectOp>(
            w.loc, bZero, zero, h.create<arith::DivUIOp>(w.loc, aw, divisor));
        Value r = h.create<arith::SelectOp>(
            w.loc, bZero, zero, h.create<arith::RemUIOp>(w.loc, aw, divisor));
        Value mask = c(APInt::getLowBitsSet(512, kLimbBits));
        llvm::SmallVector<Value> out;
        auto splitInto = [&](Value v, unsigned n) {
          for (unsigned i = 0; i < n; ++i)
            out.push_back(h.create<arith::AndIOp>(
                w.loc,
                h.create<arith::ShRUIOp>(w.loc, v,
                                         c(APInt(512, i * kLimbBits))),
                mask));
        };
        splitInto(q, m);
        splitInto(r, kLimbs);
        return out;
      });
  llvm::SmallVector<Value> q(qr.begin(), qr.begin() + m);
  Word r(qr.begin() + m, qr.end());
  for (Value limb : qr)
    w.range(limb, kLimbBits);

  Value bz = isZero(w, w.add(w.add(b[0], b[1]), w.add(b[2], b[3])));
  Value one = w.constant(1);
  Value nonZero = w.sub(one, bz);
  for (Value limb : q)
    w.assertEq(w.mul(limb, bz), w.constant(0));

  Value carry = w.constant(0);
  for (unsigned k = 0; k + 1 < m + kLimbs; ++k) {
    Value column = carry;
    for (unsigned j = 0; j < kLimbs; ++j)
      if (k >= j && k - j < m)
        column = w.add(column, w.mul(q[k - j], b[j]));
    if (k < kLimbs)
      column = w.add(column, r[k]);
    if (k >= m) {
      w.assertEq(column, w.constant(0));
      continue;
    }
    Value expected = w.mul(a[k], nonZero);
    carry = w.hint(column, 1, [&](OpBuilder &h, llvm::ArrayRef<Value> x) {
               return llvm::SmallVector<Value>{h.create<arith::ShRUIOp>(
                   w.loc, x[0], w.intConst(h, kLimbBits))};
             }).front();
    w.range(carry, kLimbBits + 3);
    w.assertEq(column, w.add(expected, w.mul(carry, w.twoTo(kLimbBits))));
  }
  Value lt = w.subtract(r, b).second;
  w.assertEq(w.mul(nonZero, w.sub(one, lt)), w.constant(0));
  llvm::SmallVector<Value> out(q.begin(), q.end());
  out.append(r.begin(), r.end());
  return out;
}

// The division as the sub-circuit @divmod_<m> (proved once against its
// relation, then used through it by every caller).
std::pair<llvm::SmallVector<Value>, Word>
divideWide(GadgetWriter &w, llvm::ArrayRef<Value> a, const Word &b) {
  unsigned m = a.size();
  llvm::SmallVector<Value> args(a.begin(), a.end());
  args.append(b.begin(), b.end());
  llvm::SmallVector<Value> out =
      w.callSub("divmod_" + std::to_string(m), "DIVMOD", args, m + kLimbs,
                [m](GadgetWriter &sub, ArrayRef<Value> in) {
                  return divideBody(sub, in.take_front(m),
                                    Word(in.begin() + m, in.end()));
                });
  return {llvm::SmallVector<Value>(out.begin(), out.begin() + m),
          Word(out.begin() + m, out.end())};
}

std::pair<Word, Word> divide(GadgetWriter &w, const Word &a, const Word &b) {
  auto [q, r] = divideWide(w, a, b);
  return {Word(q.begin(), q.end()), r};
}

// a + b limb by limb with boolean carries; returns the sum's limbs and the
// carry out of the top limb.
std::pair<Word, Value> addWords(GadgetWriter &w, const Word &a, const Word &b) {
  Word sum;
  Value carry = w.constant(0);
  for (unsigned i = 0; i < kLimbs; ++i) {
    Value s = w.add(w.add(a[i], b[i]), carry);
    llvm::SmallVector<Value> rc =
        w.hint(s, 2, [&](OpBuilder &h, llvm::ArrayRef<Value> x) {
          return llvm::SmallVector<Value>{
              h.create<arith::AndIOp>(w.loc, x[0], w.limbMask(h)),
              h.create<arith::ShRUIOp>(w.loc, x[0], w.intConst(h, kLimbBits))};
        });
    w.assertBool(rc[1]);
    w.range(rc[0], kLimbBits);
    w.assertEq(w.add(rc[0], w.mul(rc[1], w.twoTo(kLimbBits))), s);
    sum.push_back(rc[0]);
    carry = rc[1];
  }
  return {sum, carry};
}

// The first `columns` limbs of a·b. Column k sums the limb products a_i·b_j
// with i + j = k (at most four, each below 2^128) and the carry in; it splits
// into a 64-bit limb and a carry below 2^67, far below the prime, so the
// equations hold over the integers. Returns the limbs and the last carry.
std::pair<llvm::SmallVector<Value>, Value> productColumns(GadgetWriter &w,
                                                          const Word &a,
                                                          const Word &b,
                                                          unsigned columns) {
  llvm::SmallVector<Value> limbs;
  Value carry = w.constant(0);
  for (unsigned k = 0; k < columns; ++k) {
    Value column = carry;
    for (unsigned i = 0; i < kLimbs; ++i)
      if (k >= i && k - i < kLimbs)
        column = w.add(column, w.mul(a[i], b[k - i]));
    llvm::SmallVector<Value> rc =
        w.hint(column, 2, [&](OpBuilder &h, llvm::ArrayRef<Value> x) {
          return llvm::SmallVector<Value>{
              h.create<arith::AndIOp>(w.loc, x[0], w.limbMask(h)),
              h.create<arith::ShRUIOp>(w.loc, x[0], w.intConst(h, kLimbBits))};
        });
    w.range(rc[0], kLimbBits);
    w.range(rc[1], kLimbBits + 3);
    w.assertEq(w.add(rc[0], w.mul(rc[1], w.twoTo(kLimbBits))), column);
    limbs.push_back(rc[0]);
    carry = rc[1];
  }
  return {limbs, carry};
}

// The low 256 bits of a·b.
Word multiply(GadgetWriter &w, const Word &a, const Word &b) {
  llvm::SmallVector<Value> limbs = productColumns(w, a, b, kLimbs).first;
  return Word(limbs.begin(), limbs.end());
}

// All 512 bits of a·b: columns 0-6, then the last carry is the top limb (it
// is below 2^64 because the product is below 2^512).
llvm::SmallVector<Value> multiplyFull(GadgetWriter &w, const Word &a,
                                      const Word &b) {
  auto [limbs, carry] = productColumns(w, a, b, 2 * kLimbs - 1);
  w.range(carry, kLimbBits);
  limbs.push_back(carry);
  return limbs;
}

// Word-wise select: c ? x : y for a boolean c.
Word select(GadgetWriter &w, Value c, const Word &x, const Word &y) {
  Word out;
  for (unsigned i = 0; i < kLimbs; ++i)
    out.push_back(w.add(y[i], w.mul(c, w.sub(x[i], y[i]))));
  return out;
}

// Two's complement negation: ~x + 1 (inputs below 2^64 per limb).
Word negate(GadgetWriter &w, const Word &x) {
  Word inverted;
  Value ones = w.constant(APInt::getLowBitsSet(256, kLimbBits));
  for (Value limb : x)
    inverted.push_back(w.sub(ones, limb));
  Value zero = w.constant(0);
  return addWords(w, inverted, {w.constant(1), zero, zero, zero}).first;
}

// The bits of a felt known to be below 2^n.
llvm::SmallVector<Value> bitsOf(GadgetWriter &w, Value v, unsigned n) {
  return w.bits(v, n);
}

// A shift amount: the bits of the low 8 bits of limb 0 and whether the whole
// word is below 256 (limb 0 = low + 2^8·high, high in 56 bits; in range
// exactly when high and limbs 1-3 are all 0).
struct ShiftAmount {
  llvm::SmallVector<Value> bits; // 8 bits, least significant first
  Value inRange;
};

ShiftAmount shiftAmount(GadgetWriter &w, const Word &shift) {
  llvm::SmallVector<Value> parts =
      w.hint(shift[0], 2, [&](OpBuilder &h, llvm::ArrayRef<Value> x) {
        return llvm::SmallVector<Value>{
            h.create<arith::AndIOp>(w.loc, x[0], w.intConst(h, 0xff)),
            h.create<arith::ShRUIOp>(w.loc, x[0], w.intConst(h, 8))};
      });
  w.range(parts[1], kLimbBits - 8);
  llvm::SmallVector<Value> bits = bitsOf(w, parts[0], 8);
  w.assertEq(w.add(parts[0], w.mul(parts[1], w.twoTo(8))), shift[0]);
  Value rest = w.add(w.add(parts[1], shift[1]), w.add(shift[2], shift[3]));
  return {bits, isZero(w, rest)};
}

// 2^s as a word for an 8-bit s: 2^(s mod 64) in limb s / 64.
Word powerOfTwo(GadgetWriter &w, llvm::ArrayRef<Value> bits) {
  Value one = w.constant(1);
  // 2^(s mod 64) = Π_{j<6} (1 + b_j·(2^(2^j) − 1)), below 2^64.
  Value low = one;
  for (unsigned j = 0; j < 6; ++j)
    low = w.mul(low, w.add(one, w.mul(bits[j], w.sub(w.twoTo(1u << j), one))));
  Value b6 = bits[6], b7 = bits[7];
  Value n6 = w.sub(one, b6), n7 = w.sub(one, b7);
  Value selectors[kLimbs] = {w.mul(n6, n7), w.mul(b6, n7), w.mul(n6, b7),
                             w.mul(b6, b7)};
  Word power;
  for (unsigned i = 0; i < kLimbs; ++i)
    power.push_back(w.mul(selectors[i], low));
  return power;
}

Word scale(GadgetWriter &w, const Word &x, Value factor) {
  Word out;
  for (Value limb : x)
    out.push_back(w.mul(limb, factor));
  return out;
}

// value >> shift for any shift word (0 from 256 on): the quotient by 2^s.
Word shiftRight(GadgetWriter &w, const Word &shift, const Word &value) {
  ShiftAmount amount = shiftAmount(w, shift);
  Word quotient = divide(w, value, powerOfTwo(w, amount.bits)).first;
  return scale(w, quotient, amount.inRange);
}

// value << shift for any shift word: the low 256 bits of value·2^s.
Word shiftLeft(GadgetWriter &w, const Word &shift, const Word &value) {
  ShiftAmount amount = shiftAmount(w, shift);
  return scale(w, multiply(w, value, powerOfTwo(w, amount.bits)),
               amount.inRange);
}

// c ? (2^64 − 1) − x : x per limb, for a boolean c and limbs below 2^64.
Word complementIf(GadgetWriter &w, Value c, const Word &x) {
  Value ones = w.constant(APInt::getLowBitsSet(256, kLimbBits));
  Word out;
  for (Value limb : x)
    out.push_back(w.add(limb, w.mul(c, w.sub(ones, w.add(limb, limb)))));
  return out;
}

// A small index: the bits of the low `n` bits of limb 0 and whether the whole
// word is below 2^n (limb 0 = low + 2^n·high, high in 64 − n bits).
ShiftAmount smallIndex(GadgetWriter &w, const Word &index, unsigned n) {
  llvm::SmallVector<Value> parts =
      w.hint(index[0], 2, [&](OpBuilder &h, llvm::ArrayRef<Value> x) {
        return llvm::SmallVector<Value>{
            h.create<arith::AndIOp>(
                w.loc, x[0], w.intConst(h, APInt::getLowBitsSet(256, n))),
            h.create<arith::ShRUIOp>(w.loc, x[0], w.intConst(h, n))};
      });
  w.range(parts[1], kLimbBits - n);
  llvm::SmallVector<Value> bits = bitsOf(w, parts[0], n);
  w.assertEq(w.add(parts[0], w.mul(parts[1], w.twoTo(n))), index[0]);
  Value rest = w.add(w.add(parts[1], index[1]), w.add(index[2], index[3]));
  return {bits, isZero(w, rest)};
}

// The shift 8·(31 − k) for a 5-bit k, as the bits powerOfTwo takes: three
// zero bits, then 31 − k, which is k's 5 bits complemented.
llvm::SmallVector<Value> byteShiftBits(GadgetWriter &w,
                                       llvm::ArrayRef<Value> kBits) {
  Value zero = w.constant(0), one = w.constant(1);
  llvm::SmallVector<Value> bits = {zero, zero, zero};
  for (Value bit : kBits)
    bits.push_back(w.sub(one, bit));
  return bits;
}

// A boolean result as a word: [bit, 0, 0, 0].
Word boolWord(GadgetWriter &w, Value bit) {
  Value zero = w.constant(0);
  return {bit, zero, zero, zero};
}

Word buildBody(GadgetWriter &w, ModuleOp module, uint8_t opcode,
               llvm::ArrayRef<Word> in) {
  switch (opcode) {
  case evm::ByteOp::kOpcode: {
    // For i < 32 the byte is the low byte of x / 2^(8·(31 − i)).
    ShiftAmount index = smallIndex(w, in[0], 5);
    Word power = powerOfTwo(w, byteShiftBits(w, index.bits));
    Value low = divide(w, in[1], power).first[0];
    llvm::SmallVector<Value> parts =
        w.hint(low, 2, [&](OpBuilder &h, llvm::ArrayRef<Value> x) {
          return llvm::SmallVector<Value>{
              h.create<arith::AndIOp>(w.loc, x[0], w.intConst(h, 0xff)),
              h.create<arith::ShRUIOp>(w.loc, x[0], w.intConst(h, 8))};
        });
    w.range(parts[0], 8);
    w.range(parts[1], kLimbBits - 8);
    w.assertEq(w.add(parts[0], w.mul(parts[1], w.twoTo(8))), low);
    return boolWord(w, w.mul(parts[0], index.inRange));
  }
  case evm::SignExtendOp::kOpcode: {
    // For b < 32, with s = 8·(31 − b): SAR(s, SHL(s, x)); b = 31 gives s = 0
    // and x itself, as does every b ≥ 32.
    ShiftAmount index = smallIndex(w, in[0], 5);
    Word power = powerOfTwo(w, byteShiftBits(w, index.bits));
    Word shifted = multiply(w, in[1], power);
    Value sign = signOf(w, shifted[kLimbs - 1]);
    Word back = divide(w, complementIf(w, sign, shifted), power).first;
    return select(w, index.inRange, complementIf(w, sign, back), in[1]);
  }
  case evm::ExpOp::kOpcode: {
    // Square and multiply from the top exponent bit, composed from MUL
    // gadget instances (so a verifier can use MUL's proven spec).
    zk::CircuitOp mulGadget = getOrBuildGadget(module, evm::MulOp::kOpcode);
    auto times = [&](const Word &x, const Word &y) {
      llvm::SmallVector<Value> args(x.begin(), x.end());
      args.append(y.begin(), y.end());
      auto call =
          w.b.create<zk::CallOp>(w.loc, llvm::SmallVector<Type>(kLimbs, w.felt),
                                 mulGadget.getSymName(), args);
      return Word(call.getResults().begin(), call.getResults().end());
    };
    llvm::SmallVector<Value> bits;
    for (Value limb : in[1])
      bits.append(w.decompose(limb));
    Value zero = w.constant(0);
    Word result = {w.constant(1), zero, zero, zero};
    for (unsigned j = 256; j-- > 0;) {
      result = times(result, result);
      result = select(w, bits[j], times(result, in[0]), result);
    }
    return result;
  }
  case evm::AddOp::kOpcode:
    return addWords(w, in[0], in[1]).first;
  case evm::MulOp::kOpcode:
    return multiply(w, in[0], in[1]);
  case evm::SubOp::kOpcode:
    return w.subtract(in[0], in[1]).first;
  case evm::DivOp::kOpcode:
    return divide(w, in[0], in[1]).first;
  case evm::ModOp::kOpcode:
    return divide(w, in[0], in[1]).second;
  case evm::SDivOp::kOpcode:
  case evm::SModOp::kOpcode: {
    // Divide the magnitudes; the quotient is negative when the signs differ,
    // the remainder takes the dividend's sign. SDIV(-2^255, -1) wraps to
    // -2^255 as the EVM's does: the magnitude 2^255 is its own negation.
    Value sa = signOf(w, in[0][kLimbs - 1]);
    Value sb = signOf(w, in[1][kLimbs - 1]);
    Word absA = select(w, sa, negate(w, in[0]), in[0]);
    Word absB = select(w, sb, negate(w, in[1]), in[1]);
    auto [q, r] = divide(w, absA, absB);
    if (opcode == evm::SModOp::kOpcode)
      return select(w, sa, negate(w, r), r);
    Value both = w.mul(sa, sb);
    Value differ = w.sub(w.add(sa, sb), w.add(both, both));
    return select(w, differ, negate(w, q), q);
  }
  case evm::AddModOp::kOpcode: {
    // The 257-bit sum is the dividend.
    auto [sum, carry] = addWords(w, in[0], in[1]);
    llvm::SmallVector<Value> dividend(sum.begin(), sum.end());
    dividend.push_back(carry);
    return divideWide(w, dividend, in[2]).second;
  }
  case evm::MulModOp::kOpcode:
    return divideWide(w, multiplyFull(w, in[0], in[1]), in[2]).second;
  case evm::ShlOp::kOpcode:
    return shiftLeft(w, in[0], in[1]);
  case evm::ShrOp::kOpcode:
    return shiftRight(w, in[0], in[1]);
  case evm::SarOp::kOpcode: {
    // For a negative value, ~(~value >> shift): fills with ones.
    Value sign = signOf(w, in[1][kLimbs - 1]);
    Word shifted = shiftRight(w, in[0], complementIf(w, sign, in[1]));
    return complementIf(w, sign, shifted);
  }
  case evm::SLtOp::kOpcode:
    return boolWord(w, signedLess(w, in[0], in[1]));
  case evm::SGtOp::kOpcode:
    return boolWord(w, signedLess(w, in[1], in[0]));
  case evm::LtOp::kOpcode:
    return boolWord(w, w.subtract(in[0], in[1]).second);
  case evm::GtOp::kOpcode:
    return boolWord(w, w.subtract(in[1], in[0]).second);
  case evm::IsZeroOp::kOpcode: {
    // The limbs' sum is below 2^66, so it is 0 exactly when the word is.
    Value s = w.add(w.add(in[0][0], in[0][1]), w.add(in[0][2], in[0][3]));
    return boolWord(w, isZero(w, s));
  }
  case evm::EqOp::kOpcode: {
    // Each half's difference (a_i − b_i) + 2^64·(a_{i+1} − b_{i+1}) lies in
    // (−2^128, 2^128), far inside (−p, p), so it is 0 in the field exactly
    // when both limbs agree; the words are equal when both halves are.
    Value zeros[2];
    for (unsigned h = 0; h < 2; ++h) {
      Value lo = w.sub(in[0][2 * h], in[1][2 * h]);
      Value hi = w.sub(in[0][2 * h + 1], in[1][2 * h + 1]);
      zeros[h] = isZero(w, w.add(lo, w.mul(hi, w.twoTo(kLimbBits))));
    }
    return boolWord(w, w.mul(zeros[0], zeros[1]));
  }
  case evm::NotOp::kOpcode: {
    // Inputs are below 2^64, so (2^64 - 1) - limb is too.
    Word out;
    Value ones = w.constant(APInt::getLowBitsSet(256, kLimbBits));
    for (unsigned i = 0; i < kLimbs; ++i)
      out.push_back(w.sub(ones, in[0][i]));
    return out;
  }
  case evm::AndOp::kOpcode:
  case evm::OrOp::kOpcode:
  case evm::XorOp::kOpcode: {
    Word out;
    for (unsigned i = 0; i < kLimbs; ++i) {
      llvm::SmallVector<Value> x = w.decompose(in[0][i]);
      llvm::SmallVector<Value> y = w.decompose(in[1][i]);
      Value limb = w.constant(0);
      for (unsigned j = 0; j < kLimbBits; ++j) {
        Value both = w.mul(x[j], y[j]);
        Value bit;
        if (opcode == evm::AndOp::kOpcode)
          bit = both;
        else if (opcode == evm::OrOp::kOpcode)
          bit = w.sub(w.add(x[j], y[j]), both);
        else
          bit = w.sub(w.add(x[j], y[j]), w.add(both, both));
        limb = w.add(limb, w.mul(bit, w.twoTo(j)));
      }
      out.push_back(limb);
    }
    return out;
  }
  default:
    return {};
  }
}

} // namespace

bool hasGadget(uint8_t opcode) {
  switch (opcode) {
  case evm::AddOp::kOpcode:
  case evm::MulOp::kOpcode:
  case evm::SubOp::kOpcode:
  case evm::DivOp::kOpcode:
  case evm::SDivOp::kOpcode:
  case evm::ModOp::kOpcode:
  case evm::SModOp::kOpcode:
  case evm::AddModOp::kOpcode:
  case evm::MulModOp::kOpcode:
  case evm::ShlOp::kOpcode:
  case evm::ShrOp::kOpcode:
  case evm::SarOp::kOpcode:
  case evm::ExpOp::kOpcode:
  case evm::SignExtendOp::kOpcode:
  case evm::ByteOp::kOpcode:
  case evm::LtOp::kOpcode:
  case evm::GtOp::kOpcode:
  case evm::SLtOp::kOpcode:
  case evm::SGtOp::kOpcode:
  case evm::EqOp::kOpcode:
  case evm::IsZeroOp::kOpcode:
  case evm::AndOp::kOpcode:
  case evm::OrOp::kOpcode:
  case evm::XorOp::kOpcode:
  case evm::NotOp::kOpcode:
    return true;
  default:
    return false;
  }
}

std::string gadgetName(uint8_t opcode) {
  const opcodes::OpcodeInfo *info = opcodes::lookupOpcode(opcode);
  return "evm_" + (info ? StringRef(info->mnemonic).lower() : "unknown");
}

zk::CircuitOp getOrBuildGadget(ModuleOp module, uint8_t opcode) {
  if (!hasGadget(opcode))
    return nullptr;
  std::string name = gadgetName(opcode);
  if (auto existing = module.lookupSymbol<zk::CircuitOp>(name))
    return existing;
  const opcodes::OpcodeInfo *info = opcodes::lookupOpcode(opcode);
  MLIRContext *context = module.getContext();
  OpBuilder b(context);
  b.setInsertionPointToEnd(module.getBody());
  Location loc = NameLoc::get(b.getStringAttr(name), module.getLoc());
  Type felt = zk::FeltType::get(context);
  unsigned numInputs = info->stackIn * kLimbs;
  auto circuit = b.create<zk::CircuitOp>(
      loc, name,
      b.getFunctionType(llvm::SmallVector<Type>(numInputs, felt),
                        llvm::SmallVector<Type>(kLimbs, felt)),
      "bn254", /*arg_attrs=*/nullptr, /*res_attrs=*/nullptr);
  circuit->setAttr(zk::kSpecAttrName, b.getStringAttr(info->mnemonic));
  Block *entry = circuit.addEntryBlock();
  b.setInsertionPointToEnd(entry);
  llvm::SmallVector<Word> operands(info->stackIn);
  for (unsigned i = 0; i < numInputs; ++i)
    operands[i / kLimbs].push_back(entry->getArgument(i));
  GadgetWriter writer(b, loc, module);
  Word result = buildBody(writer, module, opcode, operands);
  b.create<zk::OutputOp>(loc, ValueRange(result));
  return circuit;
}

} // namespace zkevmc::gadgets
