//===- Shifts.cpp - SHL SHR SAR BYTE SIGNEXTEND gadgets ===//

#include "opcodes/gadgets/GadgetWriter.h"

#include "dialects/evm/IR/EvmDialect.h"

using namespace mlir;

namespace zkevmc::gadgets {

namespace {

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

} // namespace

Word buildShift(GadgetWriter &w, uint8_t opcode, ArrayRef<Word> in) {
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
  default:
    return {};
  }
}

} // namespace zkevmc::gadgets
