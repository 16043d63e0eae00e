//===- Lifter.h - EVM bytecode to the evm dialect ---------------*- C++ -*-===//

#ifndef ZKEVMC_COMPILER_BYTECODE_LIFTER_H
#define ZKEVMC_COMPILER_BYTECODE_LIFTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>

namespace zkevmc::bytecode {

/// Lifts straight-line bytecode into `func.func @<name>()` in a new module:
/// the EVM stack is replaced by SSA values, PUSH by `arith.constant`, every
/// other instruction by its evm op (with location `<file>:1:<pc>`), and
/// running off the end of the code by `evm.stop`. Code after the first
/// halting instruction is unreachable without jumps and is not lifted.
///
/// Fails with a message naming the pc on a jump (unsupported until jump
/// resolution exists), an undefined opcode, a stack underflow, or a stack
/// deeper than the EVM's 1024 items.
llvm::Expected<mlir::OwningOpRef<mlir::ModuleOp>>
liftBytecode(mlir::MLIRContext &context, llvm::ArrayRef<uint8_t> code,
             llvm::StringRef fileName, llvm::StringRef functionName = "main");

} // namespace zkevmc::bytecode

#endif // ZKEVMC_COMPILER_BYTECODE_LIFTER_H
