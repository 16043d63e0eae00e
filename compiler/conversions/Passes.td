//===- Passes.td - Conversions between zkevmc's dialects ---*- tablegen -*-===//

#ifndef ZKEVMC_COMPILER_CONVERSIONS_PASSES_TD
#define ZKEVMC_COMPILER_CONVERSIONS_PASSES_TD

include "mlir/Pass/PassBase.td"

def LowerEvmToZk : Pass<"lower-evm-to-zk", "::mlir::ModuleOp"> {
  let summary = "Lower straight-line evm functions to zk circuits";
  let description = [{
    Every `func.func` whose body is one block of `arith.constant : i256` and
    pure evm ops ending in `func.return` becomes a `zk.circuit` of the same
    name over the limb encoding (each i256 argument and result is four public
    64-bit limbs, little-endian, named `<arg>_<limb>`). Each evm op becomes a
    `zk.call` of its gadget circuit (built once per module, `evm_<mnemonic>`),
    constants become limb constants. Every pure instruction has a gadget; an
    instruction with effects, or control flow, is an error at its location.
  }];
  let dependentDialects = ["::zkevmc::zk::ZkDialect"];
}

#endif // ZKEVMC_COMPILER_CONVERSIONS_PASSES_TD
