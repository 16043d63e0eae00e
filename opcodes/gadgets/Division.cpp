//===- Division.cpp - DIV MOD SDIV SMOD ADDMOD MULMOD gadgets ===//

#include "opcodes/gadgets/GadgetWriter.h"

#include "dialects/evm/IR/EvmDialect.h"

using namespace mlir;

namespace zkevmc::gadgets {

// All 512 bits of a·b. Column k sums the limb products a_i·b_j with
// i + j = k (at most four, each below 2^128) and the carry in; it splits into
// a 64-bit limb and a carry below 2^67, far below the prime, so the equations
// hold over the integers. The last carry is the top limb (below 2^64 because
// the product is below 2^512).
llvm::SmallVector<Value> multiplyFull(GadgetWriter &w, const Word &a,
                                      const Word &b) {
  llvm::SmallVector<Value> limbs;
  Value carry = w.constant(0);
  for (unsigned k = 0; k + 1 < 2 * kLimbs; ++k) {
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
  w.range(carry, kLimbBits);
  limbs.push_back(carry);
  return limbs;
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

Word buildDivision(GadgetWriter &w, uint8_t opcode, ArrayRef<Word> in) {
  switch (opcode) {
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
  default:
    return {};
  }
}

} // namespace zkevmc::gadgets
