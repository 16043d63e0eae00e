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

enum Opcode : uint8_t {
  ADD = 0x01,
  MUL = 0x02,
  SUB = 0x03,
  DIV = 0x04,
  MOD = 0x06,
  LT = 0x10,
  GT = 0x11,
  SLT = 0x12,
  SGT = 0x13,
  EQ = 0x14,
  ISZERO = 0x15,
  AND = 0x16,
  OR = 0x17,
  XOR = 0x18,
  NOT = 0x19,
};

// Writes the body of one gadget: field arithmetic, constraints, and hints
// whose integer code runs on i256.
class GadgetWriter {
public:
  GadgetWriter(OpBuilder &builder, Location loc)
      : b(builder), loc(loc), felt(zk::FeltType::get(builder.getContext())),
        i256(builder.getIntegerType(256)) {}

  Value constant(const APInt &value) {
    return b.create<zk::ConstOp>(loc, felt,
                                 b.getIntegerAttr(i256, value.zextOrTrunc(256)));
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
  Value intConst(OpBuilder &h, uint64_t v) { return intConst(h, APInt(256, v)); }
  Value limbMask(OpBuilder &h) {
    return intConst(h, APInt::getLowBitsSet(256, kLimbBits));
  }

  // The 64 bits of a limb, least significant first: boolean witnesses whose
  // weighted sum is the limb.
  llvm::SmallVector<Value> decompose(Value limb) {
    llvm::SmallVector<Value> bits =
        hint(limb, kLimbBits, [&](OpBuilder &h, llvm::ArrayRef<Value> in) {
          llvm::SmallVector<Value> out;
          Value one = intConst(h, 1);
          for (unsigned j = 0; j < kLimbBits; ++j) {
            Value shifted =
                h.create<arith::ShRUIOp>(loc, in[0], intConst(h, j));
            out.push_back(h.create<arith::AndIOp>(loc, shifted, one));
          }
          return out;
        });
    Value sum = constant(0);
    for (unsigned j = 0; j < kLimbBits; ++j) {
      assertBool(bits[j]);
      sum = add(sum, mul(bits[j], twoTo(j)));
    }
    assertEq(sum, limb);
    return bits;
  }

  // a - b limb by limb with boolean borrows; returns the difference's limbs
  // and the final borrow (1 exactly when a < b).
  std::pair<Word, Value> subtract(const Word &x, const Word &y) {
    Word diff;
    Value borrow = constant(0);
    for (unsigned i = 0; i < kLimbs; ++i) {
      llvm::SmallVector<Value> w = hint(
          ValueRange{x[i], y[i], borrow}, 2,
          [&](OpBuilder &h, llvm::ArrayRef<Value> in) {
            Value t = h.create<arith::AddIOp>(loc, in[1], in[2]);
            Value lt = h.create<arith::CmpIOp>(loc, arith::CmpIPredicate::ult,
                                               in[0], t);
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

  OpBuilder &b;
  Location loc;
  Type felt, i256;
};

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

// The low 256 bits of a·b. Column k sums the limb products a_i·b_j with
// i + j = k (at most four, each below 2^128) and the carry in; it splits
// into a 64-bit limb and a carry below 2^67. Every column stays far below
// the prime, so the equations hold over the integers.
Word multiply(GadgetWriter &w, const Word &a, const Word &b) {
  Word product;
  Value carry = w.constant(0);
  for (unsigned k = 0; k < kLimbs; ++k) {
    Value column = carry;
    for (unsigned i = 0; i <= k; ++i)
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
    product.push_back(rc[0]);
    carry = rc[1];
  }
  return product;
}

// Recomposes four limbs into an i256 inside a hint body.
Value recompose(GadgetWriter &w, OpBuilder &h, llvm::ArrayRef<Value> limbs) {
  Value word = limbs[0];
  for (unsigned i = 1; i < kLimbs; ++i)
    word = h.create<arith::OrIOp>(
        w.loc, word,
        h.create<arith::ShLIOp>(w.loc, limbs[i],
                                w.intConst(h, i * kLimbBits)));
  return word;
}

// Splits an i256 into four limbs inside a hint body.
void split(GadgetWriter &w, OpBuilder &h, Value word,
           llvm::SmallVectorImpl<Value> &limbs) {
  for (unsigned i = 0; i < kLimbs; ++i)
    limbs.push_back(h.create<arith::AndIOp>(
        w.loc,
        h.create<arith::ShRUIOp>(w.loc, word, w.intConst(h, i * kLimbBits)),
        w.limbMask(h)));
}

// Unsigned division with the EVM's rule for a zero divisor: returns
// (quotient, remainder). With bz = [b = 0] and a' = a·(1 − bz):
//  - q·b + r = a' over the integers, as seven product columns; columns 0-3
//    split into a'_k and a carry, columns 4-6 must be 0 (sums of non-negative
//    terms below the prime, so every term and the carry out of column 3 is 0:
//    the product cannot overflow 2^256);
//  - r < b unless b = 0 (the borrow of r − b), and q = 0 when b = 0 (then the
//    columns force r = 0).
std::pair<Word, Word> divide(GadgetWriter &w, const Word &a, const Word &b) {
  llvm::SmallVector<Value> inputs(a.begin(), a.end());
  inputs.append(b.begin(), b.end());
  llvm::SmallVector<Value> qr = w.hint(
      inputs, 2 * kLimbs, [&](OpBuilder &h, llvm::ArrayRef<Value> x) {
        Value aw = recompose(w, h, x.take_front(kLimbs));
        Value bw = recompose(w, h, x.drop_front(kLimbs));
        llvm::SmallVector<Value> out;
        split(w, h, h.create<evm::DivOp>(w.loc, w.i256, aw, bw), out);
        split(w, h, h.create<evm::ModOp>(w.loc, w.i256, aw, bw), out);
        return out;
      });
  Word q(qr.begin(), qr.begin() + kLimbs), r(qr.begin() + kLimbs, qr.end());
  for (Value limb : qr)
    w.range(limb, kLimbBits);

  Value bz = isZero(w, w.add(w.add(b[0], b[1]), w.add(b[2], b[3])));
  Value one = w.constant(1);
  Value nonZero = w.sub(one, bz);
  for (Value limb : q)
    w.assertEq(w.mul(limb, bz), w.constant(0));

  Value carry = w.constant(0);
  for (unsigned k = 0; k < 2 * kLimbs - 1; ++k) {
    Value column = carry;
    for (unsigned i = 0; i < kLimbs; ++i)
      if (k >= i && k - i < kLimbs)
        column = w.add(column, w.mul(q[i], b[k - i]));
    if (k >= kLimbs) {
      w.assertEq(column, w.constant(0));
      continue;
    }
    column = w.add(column, r[k]);
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
  return {q, r};
}

// A boolean result as a word: [bit, 0, 0, 0].
Word boolWord(GadgetWriter &w, Value bit) {
  Value zero = w.constant(0);
  return {bit, zero, zero, zero};
}

Word buildBody(GadgetWriter &w, uint8_t opcode, llvm::ArrayRef<Word> in) {
  switch (opcode) {
  case ADD: {
    Word sum;
    Value carry = w.constant(0);
    for (unsigned i = 0; i < kLimbs; ++i) {
      Value s = w.add(w.add(in[0][i], in[1][i]), carry);
      llvm::SmallVector<Value> rc =
          w.hint(s, 2, [&](OpBuilder &h, llvm::ArrayRef<Value> x) {
            return llvm::SmallVector<Value>{
                h.create<arith::AndIOp>(w.loc, x[0], w.limbMask(h)),
                h.create<arith::ShRUIOp>(w.loc, x[0],
                                         w.intConst(h, kLimbBits))};
          });
      w.assertBool(rc[1]);
      w.range(rc[0], kLimbBits);
      w.assertEq(w.add(rc[0], w.mul(rc[1], w.twoTo(kLimbBits))), s);
      sum.push_back(rc[0]);
      carry = rc[1];
    }
    return sum;
  }
  case MUL:
    return multiply(w, in[0], in[1]);
  case SUB:
    return w.subtract(in[0], in[1]).first;
  case DIV:
    return divide(w, in[0], in[1]).first;
  case MOD:
    return divide(w, in[0], in[1]).second;
  case SLT:
    return boolWord(w, signedLess(w, in[0], in[1]));
  case SGT:
    return boolWord(w, signedLess(w, in[1], in[0]));
  case LT:
    return boolWord(w, w.subtract(in[0], in[1]).second);
  case GT:
    return boolWord(w, w.subtract(in[1], in[0]).second);
  case ISZERO: {
    // The limbs' sum is below 2^66, so it is 0 exactly when the word is.
    Value s = w.add(w.add(in[0][0], in[0][1]), w.add(in[0][2], in[0][3]));
    return boolWord(w, isZero(w, s));
  }
  case EQ: {
    // A sum of squares of limb differences (each below 2^128 as an integer)
    // is 0 exactly when every limb is equal.
    Value s = w.constant(0);
    for (unsigned i = 0; i < kLimbs; ++i) {
      Value d = w.sub(in[0][i], in[1][i]);
      s = w.add(s, w.mul(d, d));
    }
    return boolWord(w, isZero(w, s));
  }
  case NOT: {
    // Inputs are below 2^64, so (2^64 - 1) - limb is too.
    Word out;
    Value ones = w.constant(APInt::getLowBitsSet(256, kLimbBits));
    for (unsigned i = 0; i < kLimbs; ++i)
      out.push_back(w.sub(ones, in[0][i]));
    return out;
  }
  case AND:
  case OR:
  case XOR: {
    Word out;
    for (unsigned i = 0; i < kLimbs; ++i) {
      llvm::SmallVector<Value> x = w.decompose(in[0][i]);
      llvm::SmallVector<Value> y = w.decompose(in[1][i]);
      Value limb = w.constant(0);
      for (unsigned j = 0; j < kLimbBits; ++j) {
        Value both = w.mul(x[j], y[j]);
        Value bit;
        if (opcode == AND)
          bit = both;
        else if (opcode == OR)
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
  case ADD:
  case MUL:
  case SUB:
  case DIV:
  case MOD:
  case LT:
  case GT:
  case SLT:
  case SGT:
  case EQ:
  case ISZERO:
  case AND:
  case OR:
  case XOR:
  case NOT:
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
  GadgetWriter writer(b, loc);
  Word result = buildBody(writer, opcode, operands);
  b.create<zk::OutputOp>(loc, ValueRange(result));
  return circuit;
}

} // namespace zkevmc::gadgets
