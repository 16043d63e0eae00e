//===- Exp.cpp - The EXP gadget ===//

#include "opcodes/gadgets/GadgetWriter.h"

#include "dialects/evm/IR/EvmDialect.h"

using namespace mlir;

namespace zkevmc::gadgets {

namespace {

constexpr unsigned kWindow = 4;
constexpr unsigned kTable = 1u << kWindow;

// The selectors of a window value v < 16: s_d = [v = d], boolean, one of
// them 1, Σ d·s_d = v; in the sub-circuit @onehot_16 (proved once).
llvm::SmallVector<Value> oneHot(GadgetWriter &w, Value v) {
  return w.callSub(
      "onehot_" + std::to_string(kTable), "ONEHOT", v, kTable,
      [](GadgetWriter &w, ArrayRef<Value> in) {
        llvm::SmallVector<Value> s =
            w.hint(in[0], kTable, [&](OpBuilder &h, llvm::ArrayRef<Value> x) {
              llvm::SmallVector<Value> out;
              for (unsigned d = 0; d < kTable; ++d)
                out.push_back(h.create<arith::ExtUIOp>(
                    w.loc, w.i256,
                    h.create<arith::CmpIOp>(w.loc, arith::CmpIPredicate::eq,
                                            x[0], w.intConst(h, d))));
              return out;
            });
        Value count = w.constant(0), value = w.constant(0);
        for (unsigned d = 0; d < kTable; ++d) {
          w.assertBool(s[d]);
          count = w.add(count, s[d]);
          value = w.add(value, w.mul(s[d], w.constant(d)));
        }
        w.assertEq(count, w.constant(1));
        w.assertEq(value, in[0]);
        return s;
      });
}

} // namespace

Word buildExp(GadgetWriter &w, ModuleOp module, ArrayRef<Word> in) {
  // Fixed 4-bit windows over MUL gadget instances (so a verifier uses MUL's
  // proven spec): a table T_d = base^d (14 MULs), then from the top window
  // r = T[n_63] and r ← r^16·T[n_k]: 14 + 63·5 = 329 MULs, where one bit at
  // a time takes 510. T[n] is Σ_d s_d·T_d limb by limb with the one-hot
  // selectors of n: a sum with non-negative coefficients, below 2^64 since
  // exactly one s_d is 1. The verifier's EXP spec (verifier/IntSpec.cpp,
  // power) is the same computation over the same polynomials, so each step
  // meets its spec term for term.
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
  llvm::SmallVector<Word> table = {{w.constant(1), zero, zero, zero}, in[0]};
  for (unsigned d = 2; d < kTable; ++d)
    table.push_back(times(table[d - 1], in[0]));
  auto select = [&](unsigned k) {
    Value n = w.constant(0);
    for (unsigned j = 0; j < kWindow; ++j)
      n = w.add(n, w.mul(bits[kWindow * k + j], w.twoTo(j)));
    llvm::SmallVector<Value> s = oneHot(w, n);
    Word out(kLimbs, w.constant(0));
    for (unsigned d = 0; d < kTable; ++d)
      for (unsigned i = 0; i < kLimbs; ++i)
        out[i] = w.add(out[i], w.mul(s[d], table[d][i]));
    return out;
  };
  unsigned windows = kLimbs * kLimbBits / kWindow;
  Word result = select(windows - 1);
  for (unsigned k = windows - 1; k-- > 0;) {
    for (unsigned j = 0; j < kWindow; ++j)
      result = times(result, result);
    result = times(result, select(k));
  }
  return result;
}

} // namespace zkevmc::gadgets
