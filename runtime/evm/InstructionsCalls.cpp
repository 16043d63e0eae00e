//===- InstructionsCalls.cpp - Calls, creations, halts, SELFDESTRUCT ------===//

#include "runtime/evm/Instructions.h"

#include <algorithm>

namespace zkevmc::evm {

constexpr int64_t kColdAccountSurcharge = 2600 - 100;
constexpr int64_t kCallValue = 9000;
constexpr int64_t kNewAccount = 25000;
constexpr int64_t kCallStipend = 2300;
constexpr int64_t kInitCodeWord = 2;
constexpr int64_t kKeccakWord = 6;
constexpr int64_t kSelfDestructColdBeneficiary = 2600;

// EIP-150: a frame keeps 1/64 of what it could forward.
static int64_t allButOne64th(int64_t gas) { return gas - gas / 64; }

Status opCall(Frame &f, uint8_t op) {
  bool hasValue = op == 0xf1 || op == 0xf2;
  U256 gasArg = f.pop();
  Address to = toAddress(f.pop());
  U256 value = hasValue ? f.pop() : U256();
  U256 argsOffset = f.pop(), argsSize = f.pop();
  U256 retOffset = f.pop(), retSize = f.pop();
  if (!expandMemory(f, argsOffset, argsSize) ||
      !expandMemory(f, retOffset, retSize))
    return Status::OutOfGas;
  State &state = f.state();
  int64_t extra = 0;
  if (state.accessAddress(to))
    extra += kColdAccountSurcharge;
  if (!value.isZero()) {
    extra += kCallValue;
    if (op == 0xf1 && !state.isAlive(to))
      extra += kNewAccount;
  }
  if (!chargeGas(f, extra))
    return Status::OutOfGas;
  int64_t cap = allButOne64th(f.gas);
  int64_t callGas =
      gasArg.fitsUint64() && gasArg.limbs[0] < static_cast<uint64_t>(cap)
          ? static_cast<int64_t>(gasArg.limbs[0])
          : cap;
  f.gas -= callGas;
  if (op == 0xf1 && f.message.isStatic && !value.isZero())
    return Status::StaticViolation;
  // The stipend is free to the caller: returned with unspent gas.
  if (!value.isZero())
    callGas += kCallStipend;
  f.returnData.clear();
  if (f.message.depth + 1 > kMaxCallDepth || state.balance(f.self()) < value) {
    f.gas += callGas;
    f.push(U256());
    return Status::Running;
  }
  Message child;
  child.depth = f.message.depth + 1;
  child.gas = callGas;
  child.codeAddress = to;
  child.isStatic = f.message.isStatic || op == 0xfa;
  child.sender = f.self();
  child.recipient = to;
  child.value = value;
  if (op == 0xf2) {
    child.kind = CallKind::CallCode;
    child.recipient = f.self();
  } else if (op == 0xf4) {
    child.kind = CallKind::DelegateCall;
    child.recipient = f.self();
    child.sender = f.message.sender;
    child.value = f.message.value;
  }
  if (!argsSize.isZero())
    child.input.assign(f.memory.begin() + argsOffset.limbs[0],
                       f.memory.begin() + argsOffset.limbs[0] +
                           argsSize.limbs[0]);
  ExecResult result = f.host.call(child);
  f.gas += result.gasLeft;
  f.returnData = std::move(result.output);
  if (!retSize.isZero()) {
    size_t n = std::min<size_t>(retSize.limbs[0], f.returnData.size());
    std::copy_n(f.returnData.data(), n, f.memory.data() + retOffset.limbs[0]);
  }
  f.push(U256(result.status == Status::Success ? 1 : 0));
  return Status::Running;
}

Status opCreate(Frame &f, uint8_t op) {
  U256 value = f.pop();
  U256 offset = f.pop();
  U256 size = f.pop();
  Hash salt{};
  if (op == 0xf5)
    salt = toHash(f.pop());
  if (!expandMemory(f, offset, size))
    return Status::OutOfGas;
  // EIP-3860: an oversized init code is an exceptional halt.
  if (size > U256(kMaxInitCodeSize))
    return Status::OutOfGas;
  int64_t words = static_cast<int64_t>(wordCount(size.limbs[0]));
  int64_t perWord = kInitCodeWord + (op == 0xf5 ? kKeccakWord : 0);
  if (!chargeGas(f, perWord * words))
    return Status::OutOfGas;
  if (f.message.isStatic)
    return Status::StaticViolation;
  Bytes initCode;
  if (!size.isZero())
    initCode.assign(f.memory.begin() + offset.limbs[0],
                    f.memory.begin() + offset.limbs[0] + size.limbs[0]);
  State &state = f.state();
  uint64_t nonce = state.nonce(f.self());
  Address address = op == 0xf0 ? createAddress(f.self(), nonce)
                               : create2Address(f.self(), salt, initCode);
  state.accessAddress(address);
  int64_t callGas = allButOne64th(f.gas);
  f.gas -= callGas;
  f.returnData.clear();
  if (state.balance(f.self()) < value || nonce == UINT64_MAX ||
      f.message.depth + 1 > kMaxCallDepth) {
    f.gas += callGas;
    f.push(U256());
    return Status::Running;
  }
  state.setNonce(f.self(), nonce + 1);
  Message child;
  child.kind = op == 0xf0 ? CallKind::Create : CallKind::Create2;
  child.depth = f.message.depth + 1;
  child.gas = callGas;
  child.recipient = address;
  child.sender = f.self();
  child.value = value;
  child.input = std::move(initCode);
  child.salt = salt;
  ExecResult result = f.host.call(child);
  f.gas += result.gasLeft;
  if (result.status == Status::Success) {
    f.push(fromAddress(address));
  } else {
    if (result.status == Status::Revert)
      f.returnData = std::move(result.output);
    f.push(U256());
  }
  return Status::Running;
}

Status opReturn(Frame &f, uint8_t op) {
  U256 offset = f.pop();
  U256 size = f.pop();
  if (!expandMemory(f, offset, size))
    return Status::OutOfGas;
  if (!size.isZero())
    f.output.assign(f.memory.begin() + offset.limbs[0],
                    f.memory.begin() + offset.limbs[0] + size.limbs[0]);
  return op == 0xf3 ? Status::Success : Status::Revert;
}

Status opSelfDestruct(Frame &f) {
  Address beneficiary = toAddress(f.pop());
  State &state = f.state();
  int64_t cost = 0;
  if (state.accessAddress(beneficiary))
    cost += kSelfDestructColdBeneficiary;
  U256 balance = state.balance(f.self());
  if (!state.isAlive(beneficiary) && !balance.isZero())
    cost += kNewAccount;
  if (!chargeGas(f, cost))
    return Status::OutOfGas;
  if (f.message.isStatic)
    return Status::StaticViolation;
  if (!balance.isZero() || state.exists(beneficiary)) {
    state.subBalance(f.self(), balance);
    state.addBalance(beneficiary, balance);
  }
  state.touch(beneficiary);
  // EIP-6780: only an account created in this transaction goes away; a
  // self-beneficiary's balance is then burnt.
  if (state.createdInTransaction(f.self())) {
    state.setBalance(f.self(), U256());
    state.markSelfDestructed(f.self());
  }
  return Status::Success;
}

} // namespace zkevmc::evm
