//===- Host.cpp - Message calls, creations and address derivation ---------===//

#include "runtime/evm/Host.h"

#include "runtime/evm/Interpreter.h"
#include "runtime/evm/Keccak.h"
#include "runtime/evm/Rlp.h"

#include <algorithm>

namespace zkevmc::evm {

constexpr int64_t kCodeDepositPerByte = 200;

const char *statusName(Status status) {
  switch (status) {
  case Status::Success:
    return "success";
  case Status::Revert:
    return "revert";
  case Status::OutOfGas:
    return "out of gas";
  case Status::StackUnderflow:
    return "stack underflow";
  case Status::StackOverflow:
    return "stack overflow";
  case Status::BadJumpDestination:
    return "bad jump destination";
  case Status::InvalidInstruction:
    return "invalid instruction";
  case Status::UndefinedInstruction:
    return "undefined instruction";
  case Status::StaticViolation:
    return "state change in static context";
  case Status::ReturnDataOutOfBounds:
    return "return data out of bounds";
  case Status::CodeTooLarge:
    return "code too large";
  case Status::InvalidCodePrefix:
    return "code starts with 0xef";
  case Status::AddressCollision:
    return "address collision";
  case Status::PrecompileFailure:
    return "precompile failure";
  case Status::Unsupported:
    return "unsupported";
  case Status::Running:
    return "running";
  }
  return "unknown";
}

U256 BlockEnv::blobBaseFee() const {
  // EIP-4844 fake_exponential(MIN_BASE_FEE_PER_BLOB_GAS, excess, fraction).
  const U256 denominator(3338477);
  const U256 numerator(excessBlobGas);
  U256 output;
  U256 accumulator = denominator; // factor 1 times the denominator
  for (uint64_t i = 1; !accumulator.isZero(); ++i) {
    output = output + accumulator;
    U256 quotient, remainder;
    U256::divMod(accumulator * numerator, denominator * U256(i), quotient,
                 remainder);
    accumulator = quotient;
  }
  U256 quotient, remainder;
  U256::divMod(output, denominator, quotient, remainder);
  return quotient;
}

Address createAddress(const Address &sender, uint64_t nonce) {
  Bytes encoded = rlp::encodeList(
      {rlp::encodeBytes(sender.data(), 20), rlp::encodeUint(nonce)});
  Hash hash = keccak256(encoded);
  Address address;
  std::copy_n(hash.begin() + 12, 20, address.begin());
  return address;
}

Address create2Address(const Address &sender, const Hash &salt,
                       const Bytes &initCode) {
  Bytes preimage;
  preimage.push_back(0xff);
  preimage.insert(preimage.end(), sender.begin(), sender.end());
  preimage.insert(preimage.end(), salt.begin(), salt.end());
  Hash codeHash = keccak256(initCode);
  preimage.insert(preimage.end(), codeHash.begin(), codeHash.end());
  Hash hash = keccak256(preimage);
  Address address;
  std::copy_n(hash.begin() + 12, 20, address.begin());
  return address;
}

ExecResult Host::call(const Message &message) {
  if (message.kind == CallKind::Create || message.kind == CallKind::Create2)
    return createMessage(message);
  return callMessage(message);
}

ExecResult Host::callMessage(const Message &message) {
  Snapshot snapshot = state_.snapshot();
  if (message.kind == CallKind::Call && !message.value.isZero()) {
    state_.subBalance(message.sender, message.value);
    state_.addBalance(message.recipient, message.value);
  }
  // EIP-161: a called empty account is removed at the end of the
  // transaction unless the call is reverted.
  state_.touch(message.recipient);
  ExecResult result;
  if (isPrecompile(message.codeAddress)) {
    result = runPrecompile(message.codeAddress, message.input, message.gas);
    if (result.status == Status::Unsupported)
      setFatalError("precompile " + toHex(message.codeAddress) +
                    " is not implemented");
  } else {
    // A copy: the frame must not see its code change under it.
    Bytes code = state_.code(message.codeAddress);
    result = execute(*this, message, code);
  }
  if (result.status != Status::Success) {
    state_.revert(snapshot);
    if (result.status != Status::Revert) {
      result.gasLeft = 0;
      result.output.clear();
    }
  }
  return result;
}

ExecResult Host::createMessage(const Message &message) {
  const Address &address = message.recipient;
  ExecResult result;
  // EIP-7610 counts storage too.
  if (state_.nonce(address) != 0 || !state_.code(address).empty() ||
      state_.hasStorage(address)) {
    result.status = Status::AddressCollision;
    return result;
  }
  Snapshot snapshot = state_.snapshot();
  state_.markCreated(address);
  state_.setNonce(address, 1);
  if (!message.value.isZero()) {
    state_.subBalance(message.sender, message.value);
    state_.addBalance(message.recipient, message.value);
  }
  state_.touch(address);
  result = execute(*this, message, message.input);
  if (result.status == Status::Success) {
    int64_t depositCost =
        kCodeDepositPerByte * static_cast<int64_t>(result.output.size());
    if (result.output.size() > kMaxCodeSize)
      result.status = Status::CodeTooLarge;
    else if (!result.output.empty() && result.output[0] == 0xef)
      result.status = Status::InvalidCodePrefix;
    else if (depositCost > result.gasLeft)
      result.status = Status::OutOfGas;
    else {
      result.gasLeft -= depositCost;
      state_.setCode(address, std::move(result.output));
      result.output.clear();
      result.createdAddress = address;
      return result;
    }
  }
  state_.revert(snapshot);
  if (result.status != Status::Revert) {
    result.gasLeft = 0;
    result.output.clear();
  }
  return result;
}

} // namespace zkevmc::evm
