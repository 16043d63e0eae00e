//===- Passes.h - Passes over the evm dialect -------------------*- C++ -*-===//

#ifndef ZKEVMC_DIALECTS_EVM_TRANSFORMS_PASSES_H
#define ZKEVMC_DIALECTS_EVM_TRANSFORMS_PASSES_H

#include "dialects/evm/IR/EvmDialect.h"

#include "mlir/Pass/Pass.h"

namespace zkevmc::evm {

#define GEN_PASS_DECL
#include "dialects/evm/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "dialects/evm/Transforms/Passes.h.inc"

} // namespace zkevmc::evm

#endif // ZKEVMC_DIALECTS_EVM_TRANSFORMS_PASSES_H
