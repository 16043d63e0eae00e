//===- EvmFold.cpp - The evm-fold pass ------------------------------------===//

#include "dialects/evm/Transforms/Passes.h"

#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace zkevmc::evm {
#define GEN_PASS_DEF_EVMFOLD
#include "dialects/evm/Transforms/Passes.h.inc"
} // namespace zkevmc::evm

using namespace mlir;

namespace {

struct EvmFoldPass : zkevmc::evm::impl::EvmFoldBase<EvmFoldPass> {
  void runOnOperation() override {
    // No rewrite patterns: the driver folds every operation and erases dead
    // pure ones, which is exactly this pass.
    RewritePatternSet patterns(&getContext());
    if (failed(applyPatternsAndFoldGreedily(getOperation(),
                                            std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
