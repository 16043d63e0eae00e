//===- Interpreter.h - Execution of one EVM message frame -------*- C++ -*-===//
//
// The bytecode loop. Stack requirements, constant gas and immediates of every
// instruction come from the generated opcode table; the pure opcodes
// evaluate through semantics::evalPure, so the interpreter, the compiler's
// folders and the circuits agree on them by construction.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_EVM_INTERPRETER_H
#define ZKEVMC_RUNTIME_EVM_INTERPRETER_H

#include "runtime/evm/Host.h"

#include "llvm/ADT/ArrayRef.h"

namespace zkevmc::evm {

/// Runs `code` as the frame of `message` (whose gas it starts with). Does
/// not snapshot or transfer value: Host::call does that around it.
ExecResult execute(Host &host, const Message &message,
                   llvm::ArrayRef<uint8_t> code);

} // namespace zkevmc::evm

#endif // ZKEVMC_RUNTIME_EVM_INTERPRETER_H
