//===- Division.cpp - DIV MOD SDIV SMOD ADDMOD MULMOD gadgets ===//

#include "opcodes/gadgets/GadgetWriter.h"

#include "dialects/evm/IR/EvmDialect.h"

#include <functional>

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

namespace {

// Bounds are computed on wide integers: column sums reach 2^200 and the
// intermediate products more.
constexpr unsigned kBoundBits = 1024;
constexpr unsigned kChunkBits = 2 * kLimbBits;

APInt boundOf(uint64_t v) { return APInt(kBoundBits, v); }
APInt limbMax() { return APInt::getLowBitsSet(kBoundBits, kLimbBits); }
APInt shifted(const APInt &v, unsigned bits) { return v.shl(bits); }

// A felt constant for a non-negative bound below the prime.
Value constantOf(GadgetWriter &w, const APInt &v) {
  return w.constant(v.trunc(256));
}

// x + c for a (possibly negative) integer c.
Value addConstant(GadgetWriter &w, Value x, const APInt &c) {
  if (c.isZero())
    return x;
  if (c.isNegative())
    return w.sub(x, constantOf(w, -c));
  return w.add(x, constantOf(w, c));
}

// The dividend of a division sub-circuit: its base-2^64 columns P_k as felt
// expressions of the sub-circuit's inputs with their largest values, the
// largest dividend, and how the hint computes the dividend from the inputs'
// integers (of width `width`).
struct Dividend {
  llvm::SmallVector<Value> columns;
  llvm::SmallVector<APInt> columnMax;
  APInt max;
  unsigned width;
  std::function<Value(OpBuilder &, llvm::ArrayRef<Value>)> compute;
};

// Σ limbs[i]·2^(64i) in an integer of `width` bits, in a hint body.
Value wideOf(GadgetWriter &w, OpBuilder &h, llvm::ArrayRef<Value> limbs,
             unsigned width) {
  Type type = IntegerType::get(h.getContext(), width);
  auto c = [&](uint64_t v) {
    return h.create<arith::ConstantOp>(w.loc, type,
                                       h.getIntegerAttr(type, APInt(width, v)));
  };
  Value sum = c(0);
  for (auto [i, limb] : llvm::enumerate(limbs)) {
    Value x = limb;
    if (width > 256)
      x = h.create<arith::ExtUIOp>(w.loc, type, limb);
    else if (width < 256)
      x = h.create<arith::TruncIOp>(w.loc, type, limb);
    sum = h.create<arith::AddIOp>(
        w.loc, sum, h.create<arith::ShLIOp>(w.loc, x, c(i * kLimbBits)));
  }
  return sum;
}

// The division X = Q·N + R, R < N, of a dividend given by its columns by a
// non-zero word N (the callers make it non-zero), with Q of `qLimbs` limbs
// (the top one below 2^qTopBits). Returns Q's limbs then R's.
//
// The identity is checked on columns: with S_k = Σ_{i+j=k} q_i·n_j + r_k and
// D_k = P_k − S_k, the columns are taken two at a time (128-bit chunks),
// each chunk's D_2c + 2^64·D_(2c+1) plus the carry in equal to 2^128 times
// the carry out; every term is far below the prime, so the equations hold
// over the integers and Σ D_k·2^(64k) = 0, i.e. X = Q·N + R. The products
// beyond the dividend's columns must vanish: they are non-negative and their
// sum is below the prime, so the sum being 0 makes each 0 (this is what stops
// Q·N + R from passing 2^256, PSE's MOD bug). A carry c lies in
// [lo, hi]: lo and hi from the chunk's own terms and, tighter where they can
// be, from the columns above it (c is the integer Σ_{k above} (S_k − P_k)
// scaled down, and Q·N + R = X ≤ X's maximum); c − lo is range-checked.
llvm::SmallVector<Value> divisionBody(GadgetWriter &w, const Dividend &x,
                                      llvm::ArrayRef<Value> inputs,
                                      const Word &n, unsigned qLimbs,
                                      unsigned qTopBits) {
  unsigned width = x.width;
  llvm::SmallVector<Value> qr = w.hint(
      inputs, qLimbs + kLimbs, [&](OpBuilder &h, llvm::ArrayRef<Value> in) {
        Type type = IntegerType::get(h.getContext(), width);
        auto c = [&](const APInt &v) -> Value {
          return h.create<arith::ConstantOp>(w.loc, type,
                                             h.getIntegerAttr(type, v));
        };
        Value dividend = x.compute(h, in);
        Value divisor = wideOf(w, h, in.take_back(kLimbs), width);
        Value q = h.create<arith::DivUIOp>(w.loc, dividend, divisor);
        Value r = h.create<arith::RemUIOp>(w.loc, dividend, divisor);
        Value mask = c(APInt::getLowBitsSet(width, kLimbBits));
        llvm::SmallVector<Value> out;
        auto split = [&](Value v, unsigned count) {
          for (unsigned i = 0; i < count; ++i)
            out.push_back(h.create<arith::AndIOp>(
                w.loc,
                h.create<arith::ShRUIOp>(w.loc, v,
                                         c(APInt(width, i * kLimbBits))),
                mask));
        };
        split(q, qLimbs);
        split(r, kLimbs);
        return out;
      });
  llvm::SmallVector<Value> q(qr.begin(), qr.begin() + qLimbs);
  Word r(qr.begin() + qLimbs, qr.end());
  llvm::SmallVector<APInt> qMax(qLimbs, limbMax());
  for (unsigned i = 0; i < qLimbs; ++i) {
    unsigned bits = i + 1 == qLimbs ? qTopBits : kLimbBits;
    if (bits == 1)
      w.assertBool(q[i]);
    else
      w.range(q[i], bits);
    qMax[i] = APInt::getLowBitsSet(kBoundBits, bits);
  }
  for (Value limb : r)
    w.range(limb, kLimbBits);

  unsigned live = x.columns.size();
  // S_k and its largest value, for every column of Q·N + R.
  unsigned all = std::max(live, qLimbs + kLimbs - 1);
  llvm::SmallVector<Value> s(all);
  llvm::SmallVector<APInt> sMax(all, boundOf(0));
  Value beyond = w.constant(0);
  for (unsigned i = 0; i < qLimbs; ++i)
    for (unsigned j = 0; j < kLimbs; ++j) {
      Value prod = w.mul(q[i], n[j]);
      unsigned k = i + j;
      if (k >= live) {
        beyond = w.add(beyond, prod);
        continue;
      }
      s[k] = s[k] ? w.add(s[k], prod) : prod;
      sMax[k] += qMax[i] * limbMax();
    }
  for (unsigned k = 0; k < kLimbs && k < live; ++k) {
    s[k] = s[k] ? w.add(s[k], r[k]) : r[k];
    sMax[k] += limbMax();
  }
  w.assertEq(beyond, w.constant(0));

  auto d = [&](unsigned k) {
    Value sk = s[k] ? s[k] : w.constant(0);
    return w.sub(x.columns[k], sk);
  };
  Value carryIn = w.constant(0);
  APInt carryLo = boundOf(0), carryHi = boundOf(0);
  for (unsigned c = 0; 2 * c < live; ++c) {
    unsigned k = 2 * c;
    Value chunk = d(k);
    APInt lo = -sMax[k], hi = x.columnMax[k];
    if (k + 1 < live) {
      chunk = w.add(chunk, w.mul(d(k + 1), w.twoTo(kLimbBits)));
      lo -= shifted(sMax[k + 1], kLimbBits);
      hi += shifted(x.columnMax[k + 1], kLimbBits);
    }
    chunk = w.add(chunk, carryIn);
    lo += carryLo;
    hi += carryHi;
    if (k + 2 >= live) {
      // The dividend has no columns above: nothing carries out.
      w.assertEq(chunk, w.constant(0));
      break;
    }
    // The carry out from this chunk's terms ...
    APInt outLo = lo.ashr(kChunkBits), outHi = hi.ashr(kChunkBits);
    // ... and from the columns above: at least −(their P part), at most
    // X's maximum scaled down.
    APInt above = boundOf(0);
    for (unsigned j = live; j-- > k + 2;)
      above = shifted(above, kLimbBits) + x.columnMax[j];
    if ((-above).sgt(outLo))
      outLo = -above;
    APInt top = x.max.lshr(kChunkBits * (c + 1));
    if (top.slt(outHi))
      outHi = top;
    unsigned bits = (outHi - outLo).getActiveBits();
    Value shiftedChunk = addConstant(w, chunk, -shifted(outLo, kChunkBits));
    Value e =
        w.hint(shiftedChunk, 1, [&](OpBuilder &h, llvm::ArrayRef<Value> in) {
           return llvm::SmallVector<Value>{h.create<arith::ShRUIOp>(
               w.loc, in[0], w.intConst(h, kChunkBits))};
         }).front();
    if (bits <= 1)
      w.assertBool(e);
    else
      w.range(e, bits);
    w.assertEq(shiftedChunk, w.mul(e, w.twoTo(kChunkBits)));
    carryIn = addConstant(w, e, outLo);
    carryLo = outLo;
    carryHi = outLo + APInt::getLowBitsSet(kBoundBits, std::max(bits, 1u));
  }

  // R < N: N − R − 1 is a non-negative 256-bit number, checked as two
  // 128-bit halves with a borrow between them.
  auto half = [&](const Word &v, unsigned h) {
    return w.add(v[2 * h], w.mul(v[2 * h + 1], w.twoTo(kLimbBits)));
  };
  Value nLo = half(n, 0), rLo = half(r, 0);
  Value borrow = w.hint(ValueRange{nLo, rLo}, 1,
                        [&](OpBuilder &h, llvm::ArrayRef<Value> in) {
                          Value lt = h.create<arith::CmpIOp>(
                              w.loc, arith::CmpIPredicate::ule, in[0], in[1]);
                          return llvm::SmallVector<Value>{
                              h.create<arith::ExtUIOp>(w.loc, w.i256, lt)};
                        })
                     .front();
  w.assertBool(borrow);
  Value one = w.constant(1);
  w.range(
      w.add(w.sub(w.sub(nLo, rLo), one), w.mul(borrow, w.twoTo(kChunkBits))),
      kChunkBits);
  w.range(w.sub(w.sub(half(n, 1), half(r, 1)), borrow), kChunkBits);

  llvm::SmallVector<Value> out(q.begin(), q.end());
  out.append(r.begin(), r.end());
  return out;
}

// The columns of a word as a dividend.
Dividend wordDividend(llvm::ArrayRef<Value> a) {
  Dividend x;
  x.columns.assign(a.begin(), a.end());
  x.columnMax.assign(a.size(), limbMax());
  x.max = APInt::getLowBitsSet(kBoundBits, kLimbBits * a.size());
  return x;
}

} // namespace

// Unsigned division of an m-limb dividend by a non-zero word through the
// sub-circuit @divmod_<m> (proved once against its relation Q·N + R = A,
// R < N, then used through it by every caller).
std::pair<llvm::SmallVector<Value>, Word>
divideWide(GadgetWriter &w, llvm::ArrayRef<Value> a, const Word &n) {
  unsigned m = a.size();
  llvm::SmallVector<Value> args(a.begin(), a.end());
  args.append(n.begin(), n.end());
  llvm::SmallVector<Value> out =
      w.callSub("divmod_" + std::to_string(m), "DIVMOD", args, m + kLimbs,
                [m](GadgetWriter &sub, ArrayRef<Value> in) {
                  Dividend x = wordDividend(in.take_front(m));
                  x.width = kLimbBits * m;
                  x.compute = [&sub, m](OpBuilder &h, llvm::ArrayRef<Value> v) {
                    return wideOf(sub, h, v.take_front(m), kLimbBits * m);
                  };
                  return divisionBody(
                      sub, x, in, Word(in.begin() + m, in.end()), m, kLimbBits);
                });
  return {llvm::SmallVector<Value>(out.begin(), out.begin() + m),
          Word(out.begin() + m, out.end())};
}

namespace {

// The divisor with 1 in place of 0, and whether it was 0: N' = N + [N = 0].
// The limbs' sum is below 2^66, so it is 0 exactly when the word is.
std::pair<Word, Value> nonZeroDivisor(GadgetWriter &w, const Word &n) {
  Value nz = isZero(w, w.add(w.add(n[0], n[1]), w.add(n[2], n[3])));
  Word n1 = n;
  n1[0] = w.add(n[0], nz);
  return {n1, nz};
}

// (a ∘ b) mod n through the sub-circuit @<name> (kind `kind`): the dividend
// a + b or a·b is checked on columns without being materialised.
Word modOf(GadgetWriter &w, StringRef name, StringRef kind, bool product,
           const Word &a, const Word &b, const Word &n) {
  auto [n1, nz] = nonZeroDivisor(w, n);
  (void)nz; // N' = 1 for N = 0, so R < N' makes the remainder 0.
  unsigned qLimbs = product ? 2 * kLimbs : kLimbs + 1;
  llvm::SmallVector<Value> args(a.begin(), a.end());
  args.append(b.begin(), b.end());
  args.append(n1.begin(), n1.end());
  llvm::SmallVector<Value> out = w.callSub(
      name, kind, args, qLimbs + kLimbs,
      [product, qLimbs](GadgetWriter &sub, ArrayRef<Value> in) {
        Word x(in.begin(), in.begin() + kLimbs);
        Word y(in.begin() + kLimbs, in.begin() + 2 * kLimbs);
        Dividend d;
        if (product) {
          for (unsigned k = 0; k + 1 < 2 * kLimbs; ++k) {
            Value col;
            APInt max = boundOf(0);
            for (unsigned i = 0; i < kLimbs; ++i)
              if (k >= i && k - i < kLimbs) {
                Value prod = sub.mul(x[i], y[k - i]);
                col = col ? sub.add(col, prod) : prod;
                max += limbMax() * limbMax();
              }
            d.columns.push_back(col);
            d.columnMax.push_back(max);
          }
          // Column 7 of a·b is only its carry.
          d.columns.push_back(sub.constant(0));
          d.columnMax.push_back(boundOf(0));
          d.max = APInt::getLowBitsSet(kBoundBits, 2 * 256) -
                  APInt::getLowBitsSet(kBoundBits, 257) +
                  boundOf(1); // (2^256 − 1)^2
          d.width = 2 * 256;
        } else {
          for (unsigned k = 0; k < kLimbs; ++k) {
            d.columns.push_back(sub.add(x[k], y[k]));
            d.columnMax.push_back(limbMax() + limbMax());
          }
          d.columns.push_back(sub.constant(0));
          d.columnMax.push_back(boundOf(0));
          d.max = APInt::getLowBitsSet(kBoundBits, 257) - boundOf(1);
          d.width = 320;
        }
        d.compute = [&sub, product, width = d.width](
                        OpBuilder &h, llvm::ArrayRef<Value> v) -> Value {
          Value xa = wideOf(sub, h, v.take_front(kLimbs), width);
          Value xb = wideOf(sub, h, v.slice(kLimbs, kLimbs), width);
          if (product)
            return h.create<arith::MulIOp>(sub.loc, xa, xb);
          return h.create<arith::AddIOp>(sub.loc, xa, xb);
        };
        return divisionBody(sub, d, in, Word(in.end() - kLimbs, in.end()),
                            qLimbs, product ? kLimbBits : 1);
      });
  return Word(out.end() - kLimbs, out.end());
}

} // namespace

namespace {

// s ? (2^256 − X) mod 2^256 : X for a boolean s and a well-formed word X,
// through the sub-circuit @negif (NEGIF: proved once against its relation,
// so that SDIV and SMOD's queries see each negation as a linear case of its
// output). Its body checks s ∈ {0, 1} itself, so the relation determines M;
// M is a word checked on 128-bit halves with boolean carries c and d:
//   M_lo − X_lo + s·(2·X_lo − 2^128·c) = 0,
//   M_hi − X_hi + s·(2·X_hi + c − 2^128·d) = 0,
// i.e. M = X for s = 0 and X + M = 2^256·d for s = 1 (d = 0 only for
// X = 0, as M < 2^256). Each equation is far below the prime. For s = 0, c
// and d are unused (the hints still give booleans).
Word negateIfBody(GadgetWriter &w, Value s, const Word &x) {
  w.assertBool(s);
  unsigned width = 320;
  llvm::SmallVector<Value> inputs = {s};
  inputs.append(x.begin(), x.end());
  llvm::SmallVector<Value> m =
      w.hint(inputs, kLimbs, [&](OpBuilder &h, llvm::ArrayRef<Value> in) {
        Type type = IntegerType::get(h.getContext(), width);
        auto c = [&](const APInt &v) -> Value {
          return h.create<arith::ConstantOp>(w.loc, type,
                                             h.getIntegerAttr(type, v));
        };
        Value xw = wideOf(w, h, in.drop_front(), width);
        Value neg = h.create<arith::AndIOp>(
            w.loc,
            h.create<arith::SubIOp>(w.loc, c(APInt::getOneBitSet(width, 256)),
                                    xw),
            c(APInt::getLowBitsSet(width, 256)));
        Value flag = h.create<arith::CmpIOp>(w.loc, arith::CmpIPredicate::ne,
                                             in[0], w.intConst(h, 0));
        Value v = h.create<arith::SelectOp>(w.loc, flag, neg, xw);
        llvm::SmallVector<Value> out;
        for (unsigned i = 0; i < kLimbs; ++i)
          out.push_back(h.create<arith::AndIOp>(
              w.loc,
              h.create<arith::ShRUIOp>(w.loc, v,
                                       c(APInt(width, i * kLimbBits))),
              c(APInt::getLowBitsSet(width, kLimbBits))));
        return out;
      });
  Word mw(m.begin(), m.end());
  for (Value limb : mw)
    w.range(limb, kLimbBits);
  auto half = [&](const Word &v, unsigned h) {
    return w.add(v[2 * h], w.mul(v[2 * h + 1], w.twoTo(kLimbBits)));
  };
  auto carryOf = [&](Value sum) {
    Value carry = w.hint(sum, 1, [&](OpBuilder &h, llvm::ArrayRef<Value> in) {
                     return llvm::SmallVector<Value>{h.create<arith::ShRUIOp>(
                         w.loc, in[0], w.intConst(h, kChunkBits))};
                   }).front();
    w.assertBool(carry);
    return carry;
  };
  Value xLo = half(x, 0), mLo = half(mw, 0), xHi = half(x, 1),
        mHi = half(mw, 1);
  Value c = carryOf(w.add(xLo, mLo));
  Value d = carryOf(w.add(w.add(xHi, mHi), c));
  Value chunk = w.twoTo(kChunkBits);
  w.assertEq(w.sub(mLo, xLo),
             w.mul(s, w.sub(w.mul(c, chunk), w.add(xLo, xLo))));
  w.assertEq(w.sub(mHi, xHi),
             w.mul(s, w.sub(w.mul(d, chunk), w.add(w.add(xHi, xHi), c))));
  return mw;
}

Word negateIf(GadgetWriter &w, Value s, const Word &x) {
  llvm::SmallVector<Value> args = {s};
  args.append(x.begin(), x.end());
  llvm::SmallVector<Value> out =
      w.callSub("negif", "NEGIF", args, kLimbs,
                [](GadgetWriter &sub, ArrayRef<Value> in) {
                  Word m =
                      negateIfBody(sub, in[0], Word(in.begin() + 1, in.end()));
                  return llvm::SmallVector<Value>(m.begin(), m.end());
                });
  return Word(out.begin(), out.end());
}

} // namespace

std::pair<Word, Word> divide(GadgetWriter &w, const Word &a, const Word &b) {
  auto [n1, nz] = nonZeroDivisor(w, b);
  auto [q, r] = divideWide(w, a, n1);
  // For b = 0 the division by 1 gives q = a, r = 0: the EVM wants 0 and 0.
  Value keep = w.sub(w.constant(1), nz);
  return {scale(w, Word(q.begin(), q.end()), keep), r};
}

Word buildDivision(GadgetWriter &w, uint8_t opcode, ArrayRef<Word> in) {
  switch (opcode) {
  case evm::DivOp::kOpcode:
    return divide(w, in[0], in[1]).first;
  case evm::ModOp::kOpcode: {
    auto [n1, nz] = nonZeroDivisor(w, in[1]);
    (void)nz;
    return divideWide(w, in[0], n1).second;
  }
  case evm::SDivOp::kOpcode:
  case evm::SModOp::kOpcode: {
    // Divide the magnitudes; the quotient is negative when the signs differ,
    // the remainder takes the dividend's sign. SDIV(-2^255, -1) wraps to
    // -2^255 as the EVM's does: the magnitude 2^255 is its own negation.
    Value sa = signOf(w, in[0][kLimbs - 1]);
    Value sb = signOf(w, in[1][kLimbs - 1]);
    Word absA = negateIf(w, sa, in[0]);
    Word absB = negateIf(w, sb, in[1]);
    if (opcode == evm::SModOp::kOpcode) {
      auto [n1, nz] = nonZeroDivisor(w, absB);
      (void)nz;
      return negateIf(w, sa, divideWide(w, absA, n1).second);
    }
    Word q = divide(w, absA, absB).first;
    Value both = w.mul(sa, sb);
    Value differ = w.sub(w.add(sa, sb), w.add(both, both));
    return negateIf(w, differ, q);
  }
  case evm::AddModOp::kOpcode:
    return modOf(w, "adddivmod", "ADDDIVMOD", false, in[0], in[1], in[2]);
  case evm::MulModOp::kOpcode:
    return modOf(w, "muldivmod", "MULDIVMOD", true, in[0], in[1], in[2]);
  default:
    return {};
  }
}

} // namespace zkevmc::gadgets
