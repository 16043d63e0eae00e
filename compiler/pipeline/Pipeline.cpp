//===- Pipeline.cpp - The compilation pipeline and its dialects -----------===//

#include "compiler/pipeline/Pipeline.h"

#include "compiler/conversions/Passes.h"

#include "dialects/evm/IR/EvmDialect.h"
#include "dialects/evm/Transforms/Passes.h"
#include "dialects/zk/IR/ZkDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"

namespace zkevmc {

void registerDialects(mlir::DialectRegistry &registry) {
  registry.insert<evm::EvmDialect, zk::ZkDialect, mlir::arith::ArithDialect,
                  mlir::cf::ControlFlowDialect, mlir::func::FuncDialect>();
}

void registerDialects(mlir::MLIRContext &context) {
  mlir::DialectRegistry registry;
  registerDialects(registry);
  context.appendDialectRegistry(registry);
  context.loadAllAvailableDialects();
}

void registerPasses() {
  evm::registerEvmPasses();
  registerConversionsPasses();
}

mlir::LogicalResult runEvmPipeline(mlir::ModuleOp module,
                                   const PipelineOptions &options) {
  if (mlir::failed(mlir::verify(module)))
    return mlir::failure();
  mlir::PassManager pm(module->getContext());
  if (options.fold)
    pm.addPass(evm::createEvmFold());
  if (options.lowerToZk) {
    pm.addPass(createLowerEvmToZk());
    if (options.fold)
      pm.addPass(mlir::createCanonicalizerPass());
  }
  return pm.run(module);
}

} // namespace zkevmc
