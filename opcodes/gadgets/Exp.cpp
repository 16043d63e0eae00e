//===- Exp.cpp - The EXP gadget ===//

#include "opcodes/gadgets/GadgetWriter.h"

#include "dialects/evm/IR/EvmDialect.h"

using namespace mlir;

namespace zkevmc::gadgets {

Word buildExp(GadgetWriter &w, ModuleOp module, ArrayRef<Word> in) {
  // Square and multiply from the top exponent bit, composed from MUL
  // gadget instances (so a verifier can use MUL's proven spec).
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
  Value zero = w.constant(0);
  Word result = {w.constant(1), zero, zero, zero};
  for (unsigned j = 256; j-- > 0;) {
    result = times(result, result);
    result = select(w, bits[j], times(result, in[0]), result);
  }
  return result;
}

} // namespace zkevmc::gadgets
