//===- Pipeline.h - The compilation pipeline and its dialects ---*- C++ -*-===//

#ifndef ZKEVMC_COMPILER_PIPELINE_PIPELINE_H
#define ZKEVMC_COMPILER_PIPELINE_PIPELINE_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectRegistry.h"

namespace zkevmc {

/// Adds every dialect zkevmc reads or writes to `registry`.
void registerDialects(mlir::DialectRegistry &registry);
void registerDialects(mlir::MLIRContext &context);

/// Registers zkevmc's passes with the global pass registry.
void registerPasses();

struct PipelineOptions {
  /// Fold the evm dialect with the exact semantics.
  bool fold = true;
  /// Lower the evm functions to zk circuits (lower-evm-to-zk).
  bool lowerToZk = false;
};

/// Verifies `module` and runs the evm-dialect passes (and, if asked, the
/// lowering to zk) on it; diagnostics go to
/// the context's handler.
mlir::LogicalResult runEvmPipeline(mlir::ModuleOp module,
                                   const PipelineOptions &options);

} // namespace zkevmc

#endif // ZKEVMC_COMPILER_PIPELINE_PIPELINE_H
