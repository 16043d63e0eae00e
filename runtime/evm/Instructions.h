//===- Instructions.h - The frame and instruction handlers ------*- C++ -*-===//
//
// Internal to the interpreter: the mutable state of one frame and the
// handlers of the instructions that need more than the opcode table and
// evalPure. The dispatch loop has already checked stack depth and charged
// the table's constant gas; handlers charge only the dynamic part.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_EVM_INSTRUCTIONS_H
#define ZKEVMC_RUNTIME_EVM_INSTRUCTIONS_H

#include "runtime/evm/Host.h"

#include "llvm/ADT/ArrayRef.h"

#include <vector>

namespace zkevmc::evm {

struct Frame {
  Host &host;
  const Message &message;
  llvm::ArrayRef<uint8_t> code;
  /// Empty for creations, whose input is the code.
  llvm::ArrayRef<uint8_t> callData;
  std::vector<bool> jumpDests;
  /// Bottom first.
  std::vector<U256> stack;
  Bytes memory;
  int64_t gas;
  /// The output of the last nested call (RETURNDATASIZE).
  Bytes returnData;
  /// What RETURN or REVERT hands back.
  Bytes output;
  size_t pc = 0;

  Frame(Host &host, const Message &message, llvm::ArrayRef<uint8_t> code);

  U256 pop() {
    U256 value = stack.back();
    stack.pop_back();
    return value;
  }
  void push(const U256 &value) { stack.push_back(value); }
  State &state() { return host.state(); }
  const Address &self() const { return message.recipient; }
};

/// Charges `amount`; false (and nothing charged) when the frame lacks it.
bool chargeGas(Frame &frame, int64_t amount);
/// Grows memory to cover [offset, offset + size), charging the quadratic
/// expansion cost. A zero size touches nothing. False on out of gas, which
/// includes offsets too large to ever pay for.
bool expandMemory(Frame &frame, const U256 &offset, const U256 &size);
/// Memory words needed for `size` bytes, rounded up.
inline uint64_t wordCount(uint64_t size) { return (size + 31) / 32; }
/// Copies `size` bytes of `source` from `sourceOffset` into memory at
/// `memOffset`, zero-filling past the end of the source. Memory must already
/// cover the destination.
void copyPadded(Frame &frame, uint64_t memOffset,
                llvm::ArrayRef<uint8_t> source, const U256 &sourceOffset,
                uint64_t size);

// Each handler pops its operands and pushes its result; Status::Running
// means the frame goes on.
// InstructionsArithmetic.cpp
/// The 25 pure opcodes but EXP, through semantics::evalPure.
Status opPure(Frame &frame, uint8_t opcode, unsigned arity);
Status opExp(Frame &frame);
// InstructionsEnv.cpp
Status opEnvironment(Frame &frame, uint8_t opcode);
Status opAccountQuery(Frame &frame, uint8_t opcode);
Status opBlock(Frame &frame, uint8_t opcode);
// InstructionsMemory.cpp
Status opKeccak(Frame &frame);
Status opMemory(Frame &frame, uint8_t opcode);
Status opCopy(Frame &frame, uint8_t opcode);
Status opLog(Frame &frame, uint8_t opcode);
// InstructionsStorage.cpp
Status opSload(Frame &frame);
Status opSstore(Frame &frame);
Status opTload(Frame &frame);
Status opTstore(Frame &frame);
// InstructionsCalls.cpp
Status opCall(Frame &frame, uint8_t opcode);
Status opCreate(Frame &frame, uint8_t opcode);
Status opReturn(Frame &frame, uint8_t opcode);
Status opSelfDestruct(Frame &frame);

} // namespace zkevmc::evm

#endif // ZKEVMC_RUNTIME_EVM_INSTRUCTIONS_H
