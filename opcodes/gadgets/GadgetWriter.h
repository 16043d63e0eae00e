//===- GadgetWriter.h - Shared building blocks of the gadgets ---*- C++ -*-===//
//
// Internal to opcodes/gadgets: the writer that emits a gadget's field
// arithmetic, constraints and hints, the helpers several opcode families
// share, and one builder per family (Arithmetic.cpp, Division.cpp,
// Shifts.cpp, Exp.cpp). Gadgets.cpp dispatches to them.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_OPCODES_GADGETS_GADGETWRITER_H
#define ZKEVMC_OPCODES_GADGETS_GADGETWRITER_H

#include "opcodes/gadgets/Gadgets.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Builders.h"

namespace zkevmc::gadgets {

using llvm::APInt;
using mlir::ArrayRef;
using mlir::Block;
using mlir::Location;
using mlir::ModuleOp;
using mlir::OpBuilder;
using mlir::StringRef;
using mlir::Type;
using mlir::Value;
using mlir::ValueRange;
namespace arith = mlir::arith;

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
  // and the final borrow (1 exactly when a < b). In Arithmetic.cpp.
  std::pair<Word, Value> subtract(const Word &x, const Word &y);

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

// The inverse of a felt (0 for 0): a hint on felts.
Value inverseHint(GadgetWriter &w, Value s);
// out = 1 if s = 0 else 0, for any felt s: out = 1 - s * inv, s * out = 0.
Value isZeroInline(GadgetWriter &w, Value s);
// isZeroInline through a call of the sub-circuit @is_zero (zk.subspec
// "ZERO"); the same two constraints once inlined.
Value isZero(GadgetWriter &w, Value s);
// Splits a top limb into its sign bit and low 63 bits; returns the sign.
Value signOf(GadgetWriter &w, Value topLimb);
// Word-wise select: c ? x : y for a boolean c.
Word select(GadgetWriter &w, Value c, const Word &x, const Word &y);
// c ? (2^64 − 1) − x : x per limb, for a boolean c and limbs below 2^64.
Word complementIf(GadgetWriter &w, Value c, const Word &x);
// Every limb times `factor`.
Word scale(GadgetWriter &w, const Word &x, Value factor);
// A boolean result as a word: [bit, 0, 0, 0].
Word boolWord(GadgetWriter &w, Value bit);

// Arithmetic.cpp: a + b with the carry out of the top limb; two's
// complement negation; the low 256 bits of a·b.
std::pair<Word, Value> addWords(GadgetWriter &w, const Word &a, const Word &b);
Word negate(GadgetWriter &w, const Word &x);
Word multiply(GadgetWriter &w, const Word &a, const Word &b);
// Division.cpp: all 512 bits of a·b.
llvm::SmallVector<Value> multiplyFull(GadgetWriter &w, const Word &a,
                                      const Word &b);

// Division.cpp: unsigned division of an m-limb dividend by a word (0 and 0
// for a zero divisor) through the sub-circuit @divmod_<m>.
std::pair<llvm::SmallVector<Value>, Word>
divideWide(GadgetWriter &w, llvm::ArrayRef<Value> a, const Word &b);
std::pair<Word, Word> divide(GadgetWriter &w, const Word &a, const Word &b);

// The family builders: the gadget body for `opcode` from its operands'
// words, or an empty word when the opcode is not in the family.
Word buildArithmetic(GadgetWriter &w, uint8_t opcode, ArrayRef<Word> in);
Word buildDivision(GadgetWriter &w, uint8_t opcode, ArrayRef<Word> in);
Word buildShift(GadgetWriter &w, uint8_t opcode, ArrayRef<Word> in);
Word buildExp(GadgetWriter &w, ModuleOp module, ArrayRef<Word> in);

} // namespace zkevmc::gadgets

#endif // ZKEVMC_OPCODES_GADGETS_GADGETWRITER_H
