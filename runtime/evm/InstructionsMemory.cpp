//===- InstructionsMemory.cpp - Memory, copies, hashing and logs ----------===//

#include "runtime/evm/Instructions.h"

#include "runtime/evm/Keccak.h"

#include <algorithm>
#include <cstring>

namespace zkevmc::evm {

constexpr int64_t kColdAccountSurcharge = 2600 - 100;

Status opKeccak(Frame &f) {
  U256 offset = f.pop();
  U256 size = f.pop();
  if (!expandMemory(f, offset, size))
    return Status::OutOfGas;
  uint64_t n = size.limbs[0];
  if (!chargeGas(f, 6 * static_cast<int64_t>(wordCount(n))))
    return Status::OutOfGas;
  Hash hash = n ? keccak256(f.memory.data() + offset.limbs[0], n)
                : keccak256(nullptr, 0);
  f.push(fromHash(hash));
  return Status::Running;
}

Status opMemory(Frame &f, uint8_t op) {
  if (op == 0x59) {
    f.push(U256(f.memory.size()));
    return Status::Running;
  }
  U256 offset = f.pop();
  U256 width = op == 0x53 ? U256(1) : U256(32);
  if (!expandMemory(f, offset, width))
    return Status::OutOfGas;
  uint8_t *at = f.memory.data() + offset.limbs[0];
  if (op == 0x51) {
    f.push(U256::fromBigEndian(at, 32));
  } else if (op == 0x52) {
    f.pop().toBigEndian(at);
  } else {
    *at = static_cast<uint8_t>(f.pop().limbs[0] & 0xff);
  }
  return Status::Running;
}

Status opCopy(Frame &f, uint8_t op) {
  Address address{};
  if (op == 0x3c) {
    address = toAddress(f.pop());
    if (f.state().accessAddress(address) &&
        !chargeGas(f, kColdAccountSurcharge))
      return Status::OutOfGas;
  }
  U256 dest = f.pop();
  U256 source = f.pop();
  U256 size = f.pop();
  if (!expandMemory(f, dest, size))
    return Status::OutOfGas;
  if (op == 0x5e && !expandMemory(f, source, size))
    return Status::OutOfGas;
  uint64_t n = size.limbs[0];
  if (!chargeGas(f, 3 * static_cast<int64_t>(wordCount(n))))
    return Status::OutOfGas;
  if (op == 0x3e) {
    // Unlike the other copies, reading past the return data is an error.
    U256 end = source + size;
    if (end < source || end > U256(f.returnData.size()))
      return Status::ReturnDataOutOfBounds;
  }
  if (n == 0)
    return Status::Running;
  uint64_t to = dest.limbs[0];
  switch (op) {
  case 0x37:
    copyPadded(f, to, f.callData, source, n);
    break;
  case 0x39:
    copyPadded(f, to, f.code, source, n);
    break;
  case 0x3c:
    copyPadded(f, to, f.state().code(address), source, n);
    break;
  case 0x3e:
    copyPadded(f, to, f.returnData, source, n);
    break;
  default:
    // Overlapping ranges copy as if through a buffer.
    std::memmove(f.memory.data() + to, f.memory.data() + source.limbs[0], n);
    break;
  }
  return Status::Running;
}

Status opLog(Frame &f, uint8_t op) {
  unsigned topics = op - 0xa0;
  U256 offset = f.pop();
  U256 size = f.pop();
  Log log;
  log.address = f.self();
  for (unsigned i = 0; i < topics; ++i)
    log.topics.push_back(toHash(f.pop()));
  if (f.message.isStatic)
    return Status::StaticViolation;
  if (!expandMemory(f, offset, size))
    return Status::OutOfGas;
  uint64_t n = size.limbs[0];
  // The table's base gas already counts 375 per topic.
  if (!chargeGas(f, 8 * static_cast<int64_t>(n)))
    return Status::OutOfGas;
  if (n)
    log.data.assign(f.memory.begin() + offset.limbs[0],
                    f.memory.begin() + offset.limbs[0] + n);
  f.state().addLog(std::move(log));
  return Status::Running;
}

} // namespace zkevmc::evm
