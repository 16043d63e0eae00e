//===- InstructionsArithmetic.cpp - Pure opcodes and EXP ------------------===//
//
// Every value computed here comes from semantics::, the single definition
// of the pure opcodes shared with the compiler and the circuits.
//
//===----------------------------------------------------------------------===//

#include "runtime/evm/Instructions.h"

#include "opcodes/Semantics.h"

namespace zkevmc::evm {

Status opPure(Frame &f, uint8_t op, unsigned arity) {
  U256 operands[3];
  for (unsigned i = 0; i < arity; ++i)
    operands[i] = f.pop();
  std::optional<U256> result =
      semantics::evalPure(op, llvm::ArrayRef<U256>(operands, arity));
  // The table and evalPure agree on arity; a mismatch is a build bug.
  if (!result) {
    f.host.setFatalError("evalPure rejected opcode " + std::to_string(op));
    return Status::Unsupported;
  }
  f.push(*result);
  return Status::Running;
}

Status opExp(Frame &f) {
  U256 base = f.pop();
  U256 exponent = f.pop();
  // EIP-160: 50 gas per byte of the exponent, on top of the table's 10.
  int64_t bytes = (exponent.bitWidth() + 7) / 8;
  if (!chargeGas(f, 50 * bytes))
    return Status::OutOfGas;
  f.push(semantics::exp(base, exponent));
  return Status::Running;
}

} // namespace zkevmc::evm
