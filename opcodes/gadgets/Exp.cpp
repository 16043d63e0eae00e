//===- Exp.cpp - The EXP gadget ===//

#include "opcodes/gadgets/GadgetWriter.h"

#include "dialects/evm/IR/EvmDialect.h"

using namespace mlir;

namespace zkevmc::gadgets {

namespace {

// bit ? base : 1 as a word.
Word expFactor(GadgetWriter &w, Value bit, const Word &base) {
  // Limb 0 is 1 + bit·(x_0 − 1) rather than a select between x_0 and 1, so
  // that its polynomial 1 − bit + bit·x_0 is non-negative term by term and
  // needs no reduction before it is a MUL argument.
  Word factor = {
      w.add(w.constant(1), w.mul(bit, w.sub(base[0], w.constant(1))))};
  for (unsigned i = 1; i < kLimbs; ++i)
    factor.push_back(w.mul(bit, base[i]));
  return factor;
}

} // namespace

Word buildExp(GadgetWriter &w, ModuleOp module, ArrayRef<Word> in) {
  // Left-to-right square and multiply over MUL gadget instances (so a
  // verifier uses MUL's proven spec): r ← r²·(bit ? base : 1). The top bit
  // starts with r = 1, whose square is 1, so it costs no MUL: r = its factor.
  // The verifier's EXP spec (verifier/IntSpec.cpp, power) is the same chain
  // over the same factors, so each step meets its spec by congruence.
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
  unsigned top = kLimbs * kLimbBits - 1;
  Word result = expFactor(w, bits[top], in[0]);
  for (unsigned j = top; j-- > 0;) {
    Word square = times(result, result);
    result = times(square, expFactor(w, bits[j], in[0]));
  }
  return result;
}

} // namespace zkevmc::gadgets
