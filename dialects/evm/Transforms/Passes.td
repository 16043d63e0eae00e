//===- Passes.td - Passes over the evm dialect -------------*- tablegen -*-===//

#ifndef ZKEVMC_DIALECTS_EVM_TRANSFORMS_PASSES_TD
#define ZKEVMC_DIALECTS_EVM_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def EvmFold : Pass<"evm-fold"> {
  let summary = "Fold evm operations with the EVM's exact semantics";
  let description = [{
    Replaces every pure evm operation whose value is known (all operands
    constant, or an identity such as `x + 0` or `x / 1`) by that value, computed
    with the same concrete semantics the interpreter uses, and erases pure
    operations left without uses. Operations with effects are never removed.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

#endif // ZKEVMC_DIALECTS_EVM_TRANSFORMS_PASSES_TD
