//===- InstructionsStorage.cpp - SLOAD/SSTORE and transient storage -------===//

#include "runtime/evm/Instructions.h"

namespace zkevmc::evm {

// EIP-2929 and EIP-3529 (Cancun) storage costs.
constexpr int64_t kColdSload = 2100;
constexpr int64_t kWarmAccess = 100;
constexpr int64_t kSstoreSet = 20000;
constexpr int64_t kSstoreReset = 5000 - kColdSload;
constexpr int64_t kClearRefund = 4800;
// EIP-2200: SSTORE fails unless more than the call stipend is left.
constexpr int64_t kCallStipend = 2300;

Status opSload(Frame &f) {
  U256 key = f.pop();
  if (f.state().accessSlot(f.self(), key) &&
      !chargeGas(f, kColdSload - kWarmAccess))
    return Status::OutOfGas;
  f.push(f.state().storage(f.self(), key));
  return Status::Running;
}

Status opSstore(Frame &f) {
  U256 key = f.pop();
  U256 value = f.pop();
  if (f.message.isStatic)
    return Status::StaticViolation;
  if (f.gas <= kCallStipend)
    return Status::OutOfGas;
  State &state = f.state();
  int64_t cost = 0;
  if (state.accessSlot(f.self(), key))
    cost += kColdSload;
  U256 current = state.storage(f.self(), key);
  U256 original = state.originalStorage(f.self(), key);
  int64_t refund = 0;
  if (current == value) {
    cost += kWarmAccess;
  } else if (original == current) {
    cost += original.isZero() ? kSstoreSet : kSstoreReset;
    if (value.isZero())
      refund += kClearRefund;
  } else {
    // A slot already written in this transaction: only refunds move.
    cost += kWarmAccess;
    if (!original.isZero()) {
      if (current.isZero())
        refund -= kClearRefund;
      else if (value.isZero())
        refund += kClearRefund;
    }
    if (original == value)
      refund += original.isZero() ? kSstoreSet - kWarmAccess
                                  : kSstoreReset - kWarmAccess;
  }
  if (!chargeGas(f, cost))
    return Status::OutOfGas;
  if (refund)
    state.addRefund(refund);
  if (current != value)
    state.setStorage(f.self(), key, value);
  return Status::Running;
}

Status opTload(Frame &f) {
  U256 key = f.pop();
  f.push(f.state().transientStorage(f.self(), key));
  return Status::Running;
}

Status opTstore(Frame &f) {
  U256 key = f.pop();
  U256 value = f.pop();
  if (f.message.isStatic)
    return Status::StaticViolation;
  f.state().setTransientStorage(f.self(), key, value);
  return Status::Running;
}

} // namespace zkevmc::evm
