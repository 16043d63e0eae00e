//===- Passes.h - Conversions between zkevmc's dialects ---------*- C++ -*-===//

#ifndef ZKEVMC_COMPILER_CONVERSIONS_PASSES_H
#define ZKEVMC_COMPILER_CONVERSIONS_PASSES_H

#include "dialects/zk/IR/ZkDialect.h"

#include "mlir/Pass/Pass.h"

namespace zkevmc {

#define GEN_PASS_DECL
#include "compiler/conversions/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "compiler/conversions/Passes.h.inc"

} // namespace zkevmc

#endif // ZKEVMC_COMPILER_CONVERSIONS_PASSES_H
