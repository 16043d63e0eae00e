//===- Arithmetic.cpp - ADD SUB MUL, comparisons and bitwise gadgets ===//
//
// Additions, subtractions and products carry over 128-bit chunks (two limbs)
// instead of every limb: a chunk sum below 2^196 is far below the prime, so
// each chunk equation holds over the integers, and one carry per chunk is
// half the carry constraints of a per-limb scheme.
//
//===----------------------------------------------------------------------===//

#include "opcodes/gadgets/GadgetWriter.h"

#include "dialects/evm/IR/EvmDialect.h"

using namespace mlir;

namespace zkevmc::gadgets {

namespace {

// Limbs per chunk.
constexpr unsigned kChunkLimbs = 2;
constexpr unsigned kChunkBits = kChunkLimbs * kLimbBits;

// x[first] + 2^64·x[first + 1]: a 128-bit chunk of a word.
Value chunkOf(GadgetWriter &w, ArrayRef<Value> x, unsigned first) {
  return w.add(x[first], w.mul(x[first + 1], w.twoTo(kLimbBits)));
}

// Hints the two 64-bit limbs of s mod 2^128 and s >> 128, range-checks the
// limbs and constrains limbs + 2^128·rest = s; the caller bounds the rest.
// Returns the limbs and the rest.
std::pair<llvm::SmallVector<Value>, Value> splitChunk(GadgetWriter &w,
                                                      Value s) {
  // Limb by limb, each step a shift and mask of the previous quotient: the
  // integer encoding reads every step as one exact division by 2^64.
  llvm::SmallVector<Value> parts =
      w.hint(s, kChunkLimbs + 1, [&](OpBuilder &h, llvm::ArrayRef<Value> x) {
        llvm::SmallVector<Value> out;
        Value rest = x[0];
        for (unsigned j = 0; j < kChunkLimbs; ++j) {
          out.push_back(h.create<arith::AndIOp>(w.loc, rest, w.limbMask(h)));
          rest =
              h.create<arith::ShRUIOp>(w.loc, rest, w.intConst(h, kLimbBits));
        }
        out.push_back(rest);
        return out;
      });
  llvm::SmallVector<Value> limbs(parts.begin(), parts.begin() + kChunkLimbs);
  for (Value limb : limbs)
    w.range(limb, kLimbBits);
  w.assertEq(w.add(chunkOf(w, limbs, 0),
                   w.mul(parts[kChunkLimbs], w.twoTo(kChunkBits))),
             s);
  return {limbs, parts[kChunkLimbs]};
}

// The sum of the limb products a_i·b_j with i + j = k (at most four, each
// below 2^128).
Value productColumn(GadgetWriter &w, const Word &a, const Word &b, unsigned k) {
  Value column = w.constant(0);
  for (unsigned i = 0; i < kLimbs; ++i)
    if (k >= i && k - i < kLimbs)
      column = w.add(column, w.mul(a[i], b[k - i]));
  return column;
}

// SLT. With the signed values A = a − 2^256·sa and B = b − 2^256·sb and the
// unsigned difference a − b = d − 2^256·br (d below 2^256):
// A − B = d − 2^256·(br + sa − sb), and A − B lies in (−2^256, 2^256), so
// br + sa − sb is 1 exactly when A < B and 0 otherwise: linear in the bits.
Value signedLess(GadgetWriter &w, const Word &a, const Word &b) {
  Value sa = signOf(w, a[kLimbs - 1]);
  Value sb = signOf(w, b[kLimbs - 1]);
  Value br = w.subtract(a, b).second;
  return w.sub(w.add(br, sa), sb);
}

// EQ over the two 128-bit half differences h0, h1 (each in (−2^128, 2^128),
// far inside (−p, p), so 0 in the field exactly when the halves agree):
// out = 1 − h0·i0 − h1·i1, out·h0 = 0, out·h1 = 0. If some h is non-zero,
// out·h = 0 forces out = 0; if both are 0, out = 1 whatever i0, i1 are. The
// hints make it hold: i0 = 1/h0, and i1 = 1/h1 only when h0 = 0 (so that
// h0·i0 + h1·i1 is 1 and not 2).
Value equal(GadgetWriter &w, const Word &a, const Word &b) {
  Value h[2];
  for (unsigned half = 0; half < 2; ++half)
    h[half] = w.sub(chunkOf(w, a, kChunkLimbs * half),
                    chunkOf(w, b, kChunkLimbs * half));
  Type felt = w.felt;
  auto op = w.b.create<zk::WitnessOp>(w.loc, TypeRange{felt, felt},
                                      ValueRange{h[0], h[1]});
  Block *block = new Block();
  op.getHint().push_back(block);
  block->addArgument(felt, w.loc);
  block->addArgument(felt, w.loc);
  {
    OpBuilder::InsertionGuard guard(w.b);
    w.b.setInsertionPointToEnd(block);
    Value h0 = block->getArgument(0), h1 = block->getArgument(1);
    Value i0 = w.b.create<zk::InvOp>(w.loc, felt, h0);
    Value h0Zero = w.sub(w.constant(1), w.mul(h0, i0));
    Value i1 = w.mul(h0Zero, w.b.create<zk::InvOp>(w.loc, felt, h1));
    w.b.create<zk::YieldOp>(w.loc, ValueRange{i0, i1});
  }
  Value out = w.sub(w.constant(1), w.add(w.mul(h[0], op.getResult(0)),
                                         w.mul(h[1], op.getResult(1))));
  for (Value half : h)
    w.assertEq(w.mul(out, half), w.constant(0));
  return out;
}

} // namespace

// a − b over two 128-bit chunks with boolean borrows: chunk c satisfies
// x_c + 2^128·br_c = d_c + y_c + br_{c−1}, with d_c's two limbs below 2^64.
// Returns the difference's limbs and the final borrow (1 exactly when a < b).
std::pair<Word, Value> GadgetWriter::subtract(const Word &x, const Word &y) {
  Word diff;
  Value borrow = constant(0);
  for (unsigned c = 0; c < kLimbs / kChunkLimbs; ++c) {
    Value xc = chunkOf(*this, x, kChunkLimbs * c);
    Value yc = add(chunkOf(*this, y, kChunkLimbs * c), borrow);
    llvm::SmallVector<Value> parts = hint(
        ValueRange{xc, yc}, kChunkLimbs + 1,
        [&](OpBuilder &h, llvm::ArrayRef<Value> in) {
          Value lt = h.create<arith::CmpIOp>(loc, arith::CmpIPredicate::ult,
                                             in[0], in[1]);
          Value br = h.create<arith::ExtUIOp>(loc, i256, lt);
          Value lifted = h.create<arith::AddIOp>(
              loc, in[0],
              h.create<arith::ShLIOp>(loc, br, intConst(h, kChunkBits)));
          Value d = h.create<arith::SubIOp>(loc, lifted, in[1]);
          return llvm::SmallVector<Value>{
              h.create<arith::AndIOp>(loc, d, limbMask(h)),
              h.create<arith::ShRUIOp>(loc, d, intConst(h, kLimbBits)), br};
        });
    Value br = parts[kChunkLimbs];
    assertBool(br);
    for (unsigned j = 0; j < kChunkLimbs; ++j) {
      range(parts[j], kLimbBits);
      diff.push_back(parts[j]);
    }
    assertEq(add(xc, mul(br, twoTo(kChunkBits))),
             add(chunkOf(*this, parts, 0), yc));
    borrow = br;
  }
  return {diff, borrow};
}

// a + b over two 128-bit chunks with boolean carries; returns the sum's limbs
// and the carry out of the top chunk.
std::pair<Word, Value> addWords(GadgetWriter &w, const Word &a, const Word &b) {
  Word sum;
  Value carry = w.constant(0);
  for (unsigned c = 0; c < kLimbs / kChunkLimbs; ++c) {
    Value s = w.add(
        w.add(chunkOf(w, a, kChunkLimbs * c), chunkOf(w, b, kChunkLimbs * c)),
        carry);
    auto [limbs, out] = splitChunk(w, s);
    w.assertBool(out);
    sum.append(limbs.begin(), limbs.end());
    carry = out;
  }
  return {sum, carry};
}

// The low 256 bits of a·b, product columns in pairs: pair c sums columns 2c
// and 2c + 1 (weight 2^64) and the carry in, below 2^194; it splits into two
// 64-bit limbs and a carry. The carries' bounds are the largest values they
// take (all limbs 2^64 − 1): the first pair is below 2^193, so its carry is
// below 2^65; the second below 2^194, so its carry is below 2^66. Both sides
// of each equation then stay below 2^195, far below p, so it holds over the
// integers.
Word multiply(GadgetWriter &w, const Word &a, const Word &b) {
  static constexpr unsigned kCarryBits[] = {kLimbBits + 1, kLimbBits + 2};
  Word limbs;
  Value carry = w.constant(0);
  for (unsigned c = 0; c < kLimbs / kChunkLimbs; ++c) {
    Value s = w.add(
        w.add(productColumn(w, a, b, 2 * c),
              w.mul(productColumn(w, a, b, 2 * c + 1), w.twoTo(kLimbBits))),
        carry);
    auto [pair, out] = splitChunk(w, s);
    w.range(out, kCarryBits[c]);
    limbs.append(pair.begin(), pair.end());
    carry = out;
  }
  return limbs;
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
    return boolWord(w, isZeroInline(w, s));
  }
  case evm::EqOp::kOpcode:
    return boolWord(w, equal(w, in[0], in[1]));
  case evm::NotOp::kOpcode: {
    // Inputs are below 2^64, so (2^64 - 1) - limb is too: no constraint. (A
    // one-instruction circuit still shows 4 linear ones: its outputs are
    // public wires, each fixed to its limb's expression.)
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
