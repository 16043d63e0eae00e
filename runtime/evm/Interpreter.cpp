//===- Interpreter.cpp - The dispatch loop of one frame -------------------===//

#include "runtime/evm/Interpreter.h"

#include "runtime/evm/Instructions.h"

#include "opcodes/OpcodeTable.h"
#include "opcodes/Semantics.h"

#include <algorithm>
#include <array>

namespace zkevmc::evm {

using opcodes::OpcodeInfo;

// lookupOpcode searches the generated table; the loop needs it per step, so
// the answers for all 256 bytes are gathered once.
static const OpcodeInfo *opcodeInfo(uint8_t byte) {
  static const std::array<const OpcodeInfo *, 256> table = [] {
    std::array<const OpcodeInfo *, 256> result{};
    for (unsigned i = 0; i < 256; ++i)
      result[i] = opcodes::lookupOpcode(static_cast<uint8_t>(i));
    return result;
  }();
  return table[byte];
}

// Likewise for the pure opcodes, but without EXP, whose gas depends on its
// exponent.
static bool isPlainPure(uint8_t byte) {
  static const std::array<bool, 256> table = [] {
    std::array<bool, 256> result{};
    for (unsigned i = 0; i < 256; ++i)
      result[i] = i != 0x0a && semantics::isPureOpcode(static_cast<uint8_t>(i));
    return result;
  }();
  return table[byte];
}

Frame::Frame(Host &host, const Message &message, llvm::ArrayRef<uint8_t> code)
    : host(host), message(message), code(code), gas(message.gas) {
  bool creation =
      message.kind == CallKind::Create || message.kind == CallKind::Create2;
  if (!creation)
    callData = message.input;
  // JUMPDEST bytes inside PUSH data are not destinations.
  jumpDests.assign(code.size(), false);
  for (size_t i = 0; i < code.size();) {
    uint8_t op = code[i];
    if (op == 0x5b)
      jumpDests[i] = true;
    const OpcodeInfo *info = opcodeInfo(op);
    i += 1 + (info ? info->immediateSize : 0);
  }
  stack.reserve(kMaxStackSize);
}

bool chargeGas(Frame &frame, int64_t amount) {
  if (amount > frame.gas)
    return false;
  frame.gas -= amount;
  return true;
}

static int64_t memoryCost(uint64_t words) {
  return static_cast<int64_t>(3 * words + words * words / 512);
}

bool expandMemory(Frame &frame, const U256 &offset, const U256 &size) {
  if (size.isZero())
    return true;
  // Beyond 2^32 bytes the quadratic cost exceeds any 64-bit gas budget.
  constexpr uint64_t limit = 1ull << 32;
  if (!offset.fitsUint64() || !size.fitsUint64() || offset.limbs[0] > limit ||
      size.limbs[0] > limit)
    return false;
  uint64_t words = wordCount(offset.limbs[0] + size.limbs[0]);
  uint64_t oldWords = frame.memory.size() / 32;
  if (words <= oldWords)
    return true;
  if (!chargeGas(frame, memoryCost(words) - memoryCost(oldWords)))
    return false;
  frame.memory.resize(words * 32, 0);
  return true;
}

void copyPadded(Frame &frame, uint64_t memOffset,
                llvm::ArrayRef<uint8_t> source, const U256 &sourceOffset,
                uint64_t size) {
  uint8_t *dest = frame.memory.data() + memOffset;
  uint64_t available = 0;
  if (sourceOffset.fitsUint64() && sourceOffset.limbs[0] < source.size())
    available = std::min<uint64_t>(size, source.size() - sourceOffset.limbs[0]);
  if (available)
    std::copy_n(source.data() + sourceOffset.limbs[0], available, dest);
  std::fill(dest + available, dest + size, 0);
}

// Runs one instruction whose stack depth and constant gas are settled.
// `nextPc` is where execution continues unless the instruction jumps.
static Status dispatch(Frame &f, uint8_t op, const OpcodeInfo &info,
                       size_t &nextPc) {
  if (isPlainPure(op))
    return opPure(f, op, info.stackIn);
  if (op >= 0x60 && op <= 0x7f) {
    uint8_t data[32] = {};
    size_t n = info.immediateSize;
    size_t start = f.pc + 1;
    // Code ends as if padded with zeros.
    if (start < f.code.size())
      std::copy_n(f.code.data() + start, std::min(n, f.code.size() - start),
                  data);
    f.push(U256::fromBigEndian(data, n));
    return Status::Running;
  }
  if (op >= 0x80 && op <= 0x8f) {
    f.push(f.stack[f.stack.size() - (op - 0x7f)]);
    return Status::Running;
  }
  if (op >= 0x90 && op <= 0x9f) {
    std::swap(f.stack.back(), f.stack[f.stack.size() - 1 - (op - 0x8f)]);
    return Status::Running;
  }
  if (op >= 0xa0 && op <= 0xa4)
    return opLog(f, op);

  switch (op) {
  case 0x00:
    return Status::Success;
  case 0x0a:
    return opExp(f);
  case 0x20:
    return opKeccak(f);
  case 0x31:
  case 0x3b:
  case 0x3f:
    return opAccountQuery(f, op);
  case 0x37:
  case 0x39:
  case 0x3c:
  case 0x3e:
  case 0x5e:
    return opCopy(f, op);
  case 0x40:
  case 0x41:
  case 0x42:
  case 0x43:
  case 0x44:
  case 0x45:
  case 0x46:
  case 0x47:
  case 0x48:
  case 0x49:
  case 0x4a:
    return opBlock(f, op);
  case 0x50:
    f.pop();
    return Status::Running;
  case 0x51:
  case 0x52:
  case 0x53:
  case 0x59:
    return opMemory(f, op);
  case 0x54:
    return opSload(f);
  case 0x55:
    return opSstore(f);
  case 0x56:
  case 0x57: {
    U256 dest = f.pop();
    if (op == 0x57 && f.pop().isZero())
      return Status::Running;
    if (!dest.fitsUint64() || dest.limbs[0] >= f.code.size() ||
        !f.jumpDests[dest.limbs[0]])
      return Status::BadJumpDestination;
    nextPc = dest.limbs[0];
    return Status::Running;
  }
  case 0x58:
    f.push(U256(f.pc));
    return Status::Running;
  case 0x5a:
    f.push(U256(static_cast<uint64_t>(f.gas)));
    return Status::Running;
  case 0x5b:
    return Status::Running;
  case 0x5c:
    return opTload(f);
  case 0x5d:
    return opTstore(f);
  case 0x5f:
    f.push(U256());
    return Status::Running;
  case 0xf0:
  case 0xf5:
    return opCreate(f, op);
  case 0xf1:
  case 0xf2:
  case 0xf4:
  case 0xfa:
    return opCall(f, op);
  case 0xf3:
  case 0xfd:
    return opReturn(f, op);
  case 0xfe:
    return Status::InvalidInstruction;
  case 0xff:
    return opSelfDestruct(f);
  default:
    if (op >= 0x30 && op <= 0x3f)
      return opEnvironment(f, op);
    // In the table but not handled here: refuse rather than guess.
    f.host.setFatalError(std::string("no handler for ") + info.mnemonic);
    return Status::Unsupported;
  }
}

ExecResult execute(Host &host, const Message &message,
                   llvm::ArrayRef<uint8_t> code) {
  Frame f(host, message, code);
  const Tracer &tracer = host.tracer();
  Status status = Status::Running;
  while (status == Status::Running) {
    if (f.pc >= code.size()) {
      status = Status::Success; // running off the end is STOP
      break;
    }
    uint8_t op = code[f.pc];
    const OpcodeInfo *info = opcodeInfo(op);
    TraceStep step;
    bool tracing = static_cast<bool>(tracer);
    if (tracing) {
      step.pc = f.pc;
      step.opcode = op;
      step.depth = message.depth;
      step.gasBefore = f.gas;
      size_t n = info ? std::min<size_t>(info->stackIn, f.stack.size()) : 0;
      for (size_t i = 0; i < n; ++i)
        step.inputs.push_back(f.stack[f.stack.size() - 1 - i]);
    }
    size_t nextPc = f.pc + 1 + (info ? info->immediateSize : 0);
    if (!info)
      status = Status::UndefinedInstruction;
    else if (f.stack.size() < info->stackIn)
      status = Status::StackUnderflow;
    else if (f.stack.size() - info->stackIn + info->stackOut > kMaxStackSize)
      status = Status::StackOverflow;
    else if (!chargeGas(f, info->baseGas))
      status = Status::OutOfGas;
    else
      status = dispatch(f, op, *info, nextPc);
    if (!host.fatalError().empty())
      status = Status::Unsupported;
    if (tracing) {
      if (status == Status::Running)
        for (size_t i = 0; i < info->stackOut; ++i)
          step.outputs.push_back(f.stack[f.stack.size() - 1 - i]);
      step.status = status;
      tracer(step);
    }
    f.pc = nextPc;
  }
  ExecResult result;
  result.status = status;
  if (status == Status::Success || status == Status::Revert) {
    result.gasLeft = f.gas;
    result.output = std::move(f.output);
  }
  return result;
}

} // namespace zkevmc::evm
