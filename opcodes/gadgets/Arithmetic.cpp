//===- Arithmetic.cpp - ADD SUB MUL, comparisons and bitwise gadgets ===//

#include "opcodes/gadgets/GadgetWriter.h"

#include "dialects/evm/IR/EvmDialect.h"

using namespace mlir;

namespace zkevmc::gadgets {

// a - b limb by limb with boolean borrows; returns the difference's limbs
// and the final borrow (1 exactly when a < b).
std::pair<Word, Value> GadgetWriter::subtract(const Word &x, const Word &y) {
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

// Two's complement negation: ~x + 1 (inputs below 2^64 per limb).
Word negate(GadgetWriter &w, const Word &x) {
  Word inverted;
  Value ones = w.constant(APInt::getLowBitsSet(256, kLimbBits));
  for (Value limb : x)
    inverted.push_back(w.sub(ones, limb));
  Value zero = w.constant(0);
  return addWords(w, inverted, {w.constant(1), zero, zero, zero}).first;
}

Word buildArithmetic(GadgetWriter &w, uint8_t opcode, ArrayRef<Word> in) {
  switch (opcode) {
  case evm::AddOp::kOpcode:
    return addWords(w, in[0], in[1]).first;
  case evm::MulOp::kOpcode:
    return multiply(w, in[0], in[1]);
  case evm::SubOp::kOpcode:
    return w.subtract(in[0], in[1]).first;
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

} // namespace zkevmc::gadgets
