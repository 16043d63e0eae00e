//===- BytecodeFuzzer.cpp - Fuzzes hex parsing, disassembly and lifting ---===//
//
// Every input is used twice: as raw bytecode (decoded, disassembled, lifted,
// verified and folded) and as text (parsed as hex). Nothing may crash, and
// whatever the lifter accepts must verify.
//
//===----------------------------------------------------------------------===//

#include "compiler/bytecode/Bytecode.h"
#include "compiler/bytecode/Lifter.h"
#include "compiler/pipeline/Pipeline.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"

#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <memory>

namespace {

// A context interns every constant it sees; start a fresh one now and then
// so that a long run does not grow without bound.
std::unique_ptr<mlir::MLIRContext> context;
unsigned runsOnContext = 0;

mlir::MLIRContext &freshEnoughContext() {
  if (!context || ++runsOnContext > 5000) {
    context = std::make_unique<mlir::MLIRContext>();
    zkevmc::registerDialects(*context);
    context->printOpOnDiagnostic(false);
    runsOnContext = 0;
  }
  return *context;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::ArrayRef<uint8_t> code(data, size);

  std::string text;
  llvm::raw_string_ostream os(text);
  zkevmc::bytecode::printDisassembly(code, os);

  auto hex = zkevmc::bytecode::parseHex(
      llvm::StringRef(reinterpret_cast<const char *>(data), size));
  if (!hex)
    llvm::consumeError(hex.takeError());

  mlir::MLIRContext &ctx = freshEnoughContext();
  auto module = zkevmc::bytecode::liftBytecode(ctx, code, "fuzz");
  if (!module) {
    llvm::consumeError(module.takeError());
    return 0;
  }
  if (mlir::failed(mlir::verify(**module)))
    std::abort();
  zkevmc::PipelineOptions options;
  if (mlir::failed(zkevmc::runEvmPipeline(**module, options)))
    std::abort();
  return 0;
}
