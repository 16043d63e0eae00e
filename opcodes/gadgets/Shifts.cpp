//===- Shifts.cpp - SHL SHR SAR BYTE SIGNEXTEND gadgets ===//
//
// None of these gadgets multiplies or divides a word by a symbolic 2^s. The
// shift amount (or byte index) gives a few boolean bits; SHL, SHR and SAR
// multiply 128-bit halves of the value by 2^t or 2^(64 − t) (t = s mod 64)
// and split each product into range-checked 64-bit digits, then move whole
// limbs by the two bits of s div 64. BYTE and SIGNEXTEND pick one limb,
// decompose it into bits and select among eight linear combinations of them.
// Every equation's two sides are integers far below p (the one unchecked
// witness, the small operand's high part, is bounded by the equation it is
// added to), so the field equations are integer identities; the comments
// say why each is unique.
//
//===----------------------------------------------------------------------===//

#include "opcodes/gadgets/GadgetWriter.h"

#include "dialects/evm/IR/EvmDialect.h"

#include <array>

using namespace mlir;

namespace zkevmc::gadgets {

namespace {

// A small operand: the n low bits of its limb 0, the rest of limb 0 (high)
// and whether the whole word is below 2^n.
struct SmallOperand {
  llvm::SmallVector<Value> bits; // least significant first
  Value high;
  Value inRange;
};

// limb 0 = low + 2^n·high with low's n bits from @bits_n, and inRange =
// isZero(high + limb1 + limb2 + limb3) through @is_zero. high is not range
// checked here, and on its own that is unsound: any low < 2^n with
// high ≡ (limb0 − low)/2^n, a huge felt when low is not limb0 mod 2^n,
// satisfies the tie and makes a small word look out of range. So every
// caller adds high, with coefficient 1, to an equation whose other terms
// make an integer E with |E| < 2^200 (a digit split or a bit decomposition)
// at least when inRange = 0, where high honestly fits (the equation's other
// terms vanish out of range). Then high ≡ E and 2^n·E ≡ limb0 − low
// (mod p), both far inside (−p/2, p/2), so 2^n·E = limb0 − low:
// low = limb0 mod 2^n and high = limb0 div 2^n < 2^64, and the word is at
// least 2^n since the sum is not 0. When inRange = 1 no bound is needed:
// high ≡ −s for s = limb1 + limb2 + limb3 < 3·2^64, so the tie says
// low − 2^n·s ≡ limb0, both sides far below p in size: an integer identity,
// which with low < 2^n and limb0 ≥ 0 forces s = 0, high = 0, low = limb0.
// This costs n + 2 constraints (and at most one product in the caller)
// instead of a (64 − n)-bit range check.
SmallOperand smallOperand(GadgetWriter &w, const Word &word, unsigned n) {
  // low = limb0 − (high << n) rather than a mask: the hint input is often
  // a constant in the verifier's case split, and shifts of constants are
  // plain integer terms.
  llvm::SmallVector<Value> parts =
      w.hint(word[0], 2, [&](OpBuilder &h, llvm::ArrayRef<Value> x) {
        Value high = h.create<arith::ShRUIOp>(w.loc, x[0], w.intConst(h, n));
        Value low = h.create<arith::SubIOp>(
            w.loc, x[0],
            h.create<arith::ShLIOp>(w.loc, high, w.intConst(h, n)));
        return llvm::SmallVector<Value>{low, high};
      });
  llvm::SmallVector<Value> bits = w.bits(parts[0], n);
  // The tie of the bits to the operand (planted bug (b) drops it).
  w.assertEq(w.add(parts[0], w.mul(parts[1], w.twoTo(n))), word[0]);
  Value rest = w.add(w.add(parts[1], word[1]), w.add(word[2], word[3]));
  return {bits, parts[1], isZero(w, rest)};
}

// c ? ifOne : ifZero for a boolean c: one product (none when both are the
// same constant).
Value choose(GadgetWriter &w, Value c, Value ifOne, Value ifZero) {
  return w.add(ifZero, w.mul(c, w.sub(ifOne, ifZero)));
}

// 2^(Σ e_j·2^j) = Π_j (1 + e_j·(2^(2^j) − 1)) for boolean e_j: one product
// per bit after the first.
Value powerOfTwo(GadgetWriter &w, llvm::ArrayRef<Value> exponentBits) {
  Value one = w.constant(1), power;
  for (unsigned j = 0; j < exponentBits.size(); ++j) {
    Value factor =
        w.add(one, w.mul(exponentBits[j], w.sub(w.twoTo(1u << j), one)));
    power = j == 0 ? factor : w.mul(power, factor);
  }
  return power;
}

// Limbs 2h and 2h + 1 as one 128-bit value.
Value half(GadgetWriter &w, const Word &x, unsigned h) {
  return w.add(x[2 * h], w.mul(x[2 * h + 1], w.twoTo(kLimbBits)));
}

// value = d0 + 2^64·d1 + 2^128·d2 with d0, d1 below 2^64 and d2 below
// 2^topBits, each range checked. Every caller's value is an integer in
// (−2^194, 2^194) (honestly in [0, 2^(128 + topBits))) plus, in the low
// half's equation, the small operand's high, which this equation bounds
// (smallOperand); so the equation holds over the integers and the d_i are
// the base-2^64 digits of the value.
std::array<Value, 3> digits(GadgetWriter &w, Value value, unsigned topBits) {
  llvm::SmallVector<Value> d =
      w.hint(value, 3, [&](OpBuilder &h, llvm::ArrayRef<Value> x) {
        Value middle =
            h.create<arith::ShRUIOp>(w.loc, x[0], w.intConst(h, kLimbBits));
        return llvm::SmallVector<Value>{
            h.create<arith::AndIOp>(w.loc, x[0], w.limbMask(h)),
            h.create<arith::AndIOp>(w.loc, middle, w.limbMask(h)),
            h.create<arith::ShRUIOp>(w.loc, x[0],
                                     w.intConst(h, 2 * kLimbBits))};
      });
  w.range(d[0], kLimbBits);
  w.range(d[1], kLimbBits);
  w.range(d[2], topBits);
  w.assertEq(w.add(w.add(d[0], w.mul(d[1], w.twoTo(kLimbBits))),
                   w.mul(d[2], w.twoTo(2 * kLimbBits))),
             value);
  return {d[0], d[1], d[2]};
}

// The word moved down one limb when `bit` is 1 (`fill` enters at the top),
// or up one limb (0 enters at the bottom): four products.
Word oneLimbDown(GadgetWriter &w, const Word &x, Value bit, Value fill) {
  Word out;
  for (unsigned i = 0; i < kLimbs; ++i)
    out.push_back(choose(w, bit, i + 1 < kLimbs ? x[i + 1] : fill, x[i]));
  return out;
}
Word oneLimbUp(GadgetWriter &w, const Word &x, Value bit) {
  Word out;
  for (unsigned i = 0; i < kLimbs; ++i)
    out.push_back(choose(w, bit, i >= 1 ? x[i - 1] : w.constant(0), x[i]));
  return out;
}

// 2^(64 − t) for t = the 6 low bits of a shift: 2·2^(63 − t), 63 − t having
// t's bits complemented. Between 2 and 2^64.
Value inversePower(GadgetWriter &w, llvm::ArrayRef<Value> bits) {
  Value one = w.constant(1);
  llvm::SmallVector<Value> complemented;
  for (unsigned j = 0; j < 6; ++j)
    complemented.push_back(w.sub(one, bits[j]));
  return w.mul(w.constant(2), powerOfTwo(w, complemented));
}

// The three shifts, s = 64k + t with k = k0 + 2·k1: the word is moved by k0
// limbs first (four products); the move by 2·k1 limbs, one 128-bit half,
// is folded into the multiplier: m_stay = (1 − k1)·m and m_move = k1·m,
// one of them 0, so each half meets the multiplier at the place it ends up
// in, for one product more instead of four.
//
// SHL: W = x'·2^t mod 2^256 (x' = x moved up by k0) in two halves, with
// m = 2^t·inRange (0 for s ≥ 256):
//   x'_lo·m_stay + high             = w0 + 2^64·w1 + 2^128·c   (c < 2^63)
//   x'_hi·m_stay + x'_lo·m_move + c = w2 + 2^64·w3 + 2^128·top (top < 2^63)
// The first determines high (smallOperand); then each side is below 2^192,
// so both are integer identities, and with every digit range checked they
// are the base-2^64 digits. high is 0 in range; out of range m = 0 and
// w0 = high, so the result's limb 0 is w0 − high. One product per limb
// would need eight range-checked digits, halves need six; the whole word at
// once cannot work (x·2^t reaches 2^319 > p).
Word shiftLeft(GadgetWriter &w, const Word &shift, const Word &x) {
  SmallOperand amount = smallOperand(w, shift, 8);
  ArrayRef<Value> bits = amount.bits;
  Value power = w.mul(powerOfTwo(w, bits.take_front(6)), amount.inRange);
  Value move = w.mul(bits[7], power), stay = w.sub(power, move);
  Word moved = oneLimbUp(w, x, bits[6]);
  Value xLo = half(w, moved, 0), xHi = half(w, moved, 1);
  std::array<Value, 3> lo =
      digits(w, w.add(w.mul(xLo, stay), amount.high), kLimbBits - 1);
  std::array<Value, 3> hi =
      digits(w, w.add(w.add(w.mul(xHi, stay), w.mul(xLo, move)), lo[2]),
             kLimbBits - 1);
  return {w.sub(lo[0], amount.high), lo[1], hi[0], hi[1]};
}

// SHR: Z = floor(x' / 2^(t + 128·k1)) = floor(x'·Q / 2^64) for Q = 2^(64 − t)
// (x' = x moved down by k0), m = Q·inRange (0 for s ≥ 256):
//   x'_lo·m_stay + x'_hi·m_move + high = r + 2^64·z0 + 2^128·c
//   x'_hi·m_stay + c                   = z1 + 2^64·z2 + 2^128·z3
// (r: the bits shifted out; out of range m = 0 and r = high). The first
// determines high (smallOperand); then both sides are below 2^193: integer
// identities, so with every digit range
// checked, x''·m = r + 2^64·Z with r < 2^64, i.e. Z = floor(x''·m / 2^64)
// for x'' = x' moved down by 2·k1 limbs.
Word shiftRight(GadgetWriter &w, const Word &shift, const Word &x) {
  SmallOperand amount = smallOperand(w, shift, 8);
  Value q = w.mul(inversePower(w, amount.bits), amount.inRange);
  Value move = w.mul(amount.bits[7], q), stay = w.sub(q, move);
  Word moved = oneLimbDown(w, x, amount.bits[6], w.constant(0));
  Value xLo = half(w, moved, 0), xHi = half(w, moved, 1);
  std::array<Value, 3> lo =
      digits(w, w.add(w.add(w.mul(xLo, stay), w.mul(xHi, move)), amount.high),
             kLimbBits);
  std::array<Value, 3> hi =
      digits(w, w.add(w.mul(xHi, stay), lo[2]), kLimbBits);
  return {lo[1], hi[0], hi[1], hi[2]};
}

// SAR: as SHR on the signed value x' − 2^256·sign (x' = x moved down by k0
// with sign limbs entering), whose floor quotient Z_s has the same sign;
// its two's complement Z = Z_s + 2^256·sign has the limbs z_i. Only the top
// half changes: moved by two limbs its signed value is −sign, so
//   (x'_hi − 2^128·sign)·m_stay − sign·m_move + c + 2^192·sign − g
//       = z1 + 2^64·z2 + 2^128·z3
// (both sides in (−2^194, 2^194): an integer identity). Out of range
// (m = 0) the result is the all-sign word: g = sign·(1 − inRange) puts
// 2^64·(2^64 − 1)·g into the low half's equation, which also carries high,
//   x'_lo·m_stay + x'_hi·m_move + high + 2^64·(2^64 − 1)·g
//       = r + 2^64·z0 + 2^128·c,
// so that z0 = (2^64 − 1)·g and z1 + 2^64·z2 + 2^128·z3 = (2^192 − 1)·g.
Word shiftArithmetic(GadgetWriter &w, const Word &shift, const Word &x) {
  Value sign = signOf(w, x[kLimbs - 1]);
  SmallOperand amount = smallOperand(w, shift, 8);
  Value ones = w.constant(APInt::getLowBitsSet(256, kLimbBits));
  Value q = w.mul(inversePower(w, amount.bits), amount.inRange);
  Value move = w.mul(amount.bits[7], q), stay = w.sub(q, move);
  Value g = w.sub(sign, w.mul(sign, amount.inRange));
  Word moved = oneLimbDown(w, x, amount.bits[6], w.mul(sign, ones));
  Value xLo = half(w, moved, 0), xHi = half(w, moved, 1);
  Value low =
      w.add(w.add(w.mul(xLo, stay), w.mul(xHi, move)),
            w.add(amount.high, w.mul(w.mul(g, ones), w.twoTo(kLimbBits))));
  std::array<Value, 3> lo = digits(w, low, kLimbBits);
  Value signedHigh = w.sub(xHi, w.mul(sign, w.twoTo(2 * kLimbBits)));
  Value top =
      w.add(w.sub(w.mul(signedHigh, stay), w.mul(sign, move)),
            w.add(lo[2], w.sub(w.mul(sign, w.twoTo(3 * kLimbBits)), g)));
  std::array<Value, 3> hi = digits(w, top, kLimbBits);
  return {lo[1], hi[0], hi[1], hi[2]};
}

// values[b0 + 2·b1 + 4·b2] for the three bits: a tree of 7 products.
Value choose8(GadgetWriter &w, llvm::ArrayRef<Value> values,
              llvm::ArrayRef<Value> bits) {
  llvm::SmallVector<Value> level(values.begin(), values.end());
  for (unsigned b = 0; b < 3; ++b) {
    llvm::SmallVector<Value> next;
    for (unsigned i = 0; i + 1 < level.size(); i += 2)
      next.push_back(choose(w, bits[b], level[i + 1], level[i]));
    level = next;
  }
  return level[0];
}

// The limb x_{b3 + 2·b4}: a tree of 3 products.
Value chooseLimb(GadgetWriter &w, const Word &x, Value b3, Value b4) {
  return choose(w, b4, choose(w, b3, x[3], x[2]), choose(w, b3, x[1], x[0]));
}

// BYTE(i, x) for i < 32: byte 7 − (i mod 8) of limb 3 − (i div 8); both
// indices are i's bits complemented, so the selections just swap sides.
// The decomposed value is the limb in range and high out of range (one
// product, inRange·(limb − high)), below 2^64 as @bits_64 proves, which
// determines high out of range (smallOperand). In range it is exactly the
// limb, so the verifier meets the spec's bits of that limb by congruence.
Word byteOf(GadgetWriter &w, const Word &index, const Word &x) {
  SmallOperand i = smallOperand(w, index, 5);
  Value one = w.constant(1);
  llvm::SmallVector<Value> complemented;
  for (Value bit : i.bits)
    complemented.push_back(w.sub(one, bit));
  Value limb = chooseLimb(w, x, complemented[3], complemented[4]);
  llvm::SmallVector<Value> bits =
      w.decompose(choose(w, i.inRange, limb, i.high));
  llvm::SmallVector<Value> bytes;
  for (unsigned q = 0; q < 8; ++q) {
    Value byte = w.constant(0);
    for (unsigned j = 0; j < 8; ++j)
      byte = w.add(byte, w.mul(bits[8 * q + j], w.twoTo(j)));
    bytes.push_back(byte);
  }
  Value byte = choose8(w, bytes, ArrayRef<Value>(complemented).take_front(3));
  return boolWord(w, w.mul(byte, i.inRange));
}

// SIGNEXTEND(b, x) for b < 32: limbs below limb b div 8 stay, that limb
// keeps its bytes up to q = b mod 8 and fills the rest with bit 8q + 7 (the
// sign s), the limbs above become s·(2^64 − 1). For b ≥ 32 the result is x
// (b = 31 gives x too: q = 7 keeps the whole top limb). As in BYTE, the
// decomposed value is the chosen limb in range and high out of range.
Word signExtend(GadgetWriter &w, const Word &index, const Word &x) {
  SmallOperand b = smallOperand(w, index, 5);
  // at[j] = [b div 8 = j]·inRange, one-hot or all 0 (then the result is x).
  Value both = w.mul(w.mul(b.bits[3], b.bits[4]), b.inRange);
  Value just3 = w.mul(b.bits[3], b.inRange);
  Value just4 = w.mul(b.bits[4], b.inRange);
  Value at[kLimbs] = {w.add(w.sub(b.inRange, w.add(just3, just4)), both),
                      w.sub(just3, both), w.sub(just4, both), both};
  // The limb in range, high out of range: Σ at_j = inRange.
  Value limb = b.high;
  for (unsigned j = 0; j < kLimbs; ++j)
    limb = w.add(limb, w.mul(at[j], w.sub(x[j], b.high)));
  llvm::SmallVector<Value> bits = w.decompose(limb);
  // Per q: the limb sign-extended from byte q (linear in the bits), and
  // that byte's top bit.
  llvm::SmallVector<Value> extended, signs;
  Value kept = w.constant(0);
  for (unsigned q = 0; q < 8; ++q) {
    for (unsigned j = 8 * q; j < 8 * q + 8; ++j)
      kept = w.add(kept, w.mul(bits[j], w.twoTo(j)));
    Value sign = bits[8 * q + 7];
    APInt fill = APInt::getOneBitSet(256, kLimbBits) -
                 APInt::getOneBitSet(256, 8 * q + 8);
    extended.push_back(w.add(kept, w.mul(sign, w.constant(fill))));
    signs.push_back(sign);
  }
  ArrayRef<Value> low3 = ArrayRef<Value>(b.bits).take_front(3);
  Value newLimb = choose8(w, extended, low3);
  Value sign = choose8(w, signs, low3);
  Value ones = w.mul(sign, w.constant(APInt::getLowBitsSet(256, kLimbBits)));
  Word out;
  Value below = w.constant(0); // [b div 8 < j]·inRange
  for (unsigned j = 0; j < kLimbs; ++j) {
    out.push_back(w.add(w.add(x[j], w.mul(below, w.sub(ones, x[j]))),
                        w.mul(at[j], w.sub(newLimb, x[j]))));
    below = w.add(below, at[j]);
  }
  return out;
}

} // namespace

Word buildShift(GadgetWriter &w, uint8_t opcode, ArrayRef<Word> in) {
  switch (opcode) {
  case evm::ByteOp::kOpcode:
    return byteOf(w, in[0], in[1]);
  case evm::SignExtendOp::kOpcode:
    return signExtend(w, in[0], in[1]);
  case evm::ShlOp::kOpcode:
    return shiftLeft(w, in[0], in[1]);
  case evm::ShrOp::kOpcode:
    return shiftRight(w, in[0], in[1]);
  case evm::SarOp::kOpcode:
    return shiftArithmetic(w, in[0], in[1]);
  default:
    return {};
  }
}

} // namespace zkevmc::gadgets
