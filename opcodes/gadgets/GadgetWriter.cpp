//===- GadgetWriter.cpp - Shared building blocks of the gadgets ===//

#include "opcodes/gadgets/GadgetWriter.h"

#include "dialects/evm/IR/EvmDialect.h"

using namespace mlir;

namespace zkevmc::gadgets {

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
Value isZeroInline(GadgetWriter &w, Value s) {
  Value inv = inverseHint(w, s);
  Value out = w.sub(w.constant(1), w.mul(s, inv));
  w.assertEq(w.mul(s, out), w.constant(0));
  return out;
}

// The same test in the sub-circuit @is_zero (ZERO: proved once that its
// output is [s = 0]), so that a caller's verifier sees a boolean result
// rather than 1 − s·inv with a free inverse.
Value isZero(GadgetWriter &w, Value s) {
  return w.callSub("is_zero", "ZERO", s, 1,
                   [](GadgetWriter &sub, ArrayRef<Value> in) {
                     return llvm::SmallVector<Value>{isZeroInline(sub, in[0])};
                   })[0];
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

// Word-wise select: c ? x : y for a boolean c.
Word select(GadgetWriter &w, Value c, const Word &x, const Word &y) {
  Word out;
  for (unsigned i = 0; i < kLimbs; ++i)
    out.push_back(w.add(y[i], w.mul(c, w.sub(x[i], y[i]))));
  return out;
}

Word scale(GadgetWriter &w, const Word &x, Value factor) {
  Word out;
  for (Value limb : x)
    out.push_back(w.mul(limb, factor));
  return out;
}

// c ? (2^64 − 1) − x : x per limb, for a boolean c and limbs below 2^64.
Word complementIf(GadgetWriter &w, Value c, const Word &x) {
  Value ones = w.constant(APInt::getLowBitsSet(256, kLimbBits));
  Word out;
  for (Value limb : x)
    out.push_back(w.add(limb, w.mul(c, w.sub(ones, w.add(limb, limb)))));
  return out;
}

// A boolean result as a word: [bit, 0, 0, 0].
Word boolWord(GadgetWriter &w, Value bit) {
  Value zero = w.constant(0);
  return {bit, zero, zero, zero};
}

} // namespace zkevmc::gadgets
