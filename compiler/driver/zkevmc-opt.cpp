//===- zkevmc-opt.cpp - mlir-opt with zkevmc's dialects and passes --------===//

#include "compiler/pipeline/Pipeline.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  zkevmc::registerDialects(registry);
  zkevmc::registerPasses();
  // The generic MLIR passes (canonicalize, cse, inline, ...) too.
  mlir::registerTransformsPasses();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "zkevmc optimizer driver\n", registry));
}
