//===- InstructionsEnv.cpp - Message, account and block queries -----------===//

#include "runtime/evm/Instructions.h"

#include <algorithm>

namespace zkevmc::evm {

// EIP-2929: the table charges the warm cost; a cold account adds the rest.
constexpr int64_t kColdAccountSurcharge = 2600 - 100;

Status opEnvironment(Frame &f, uint8_t op) {
  const Message &m = f.message;
  switch (op) {
  case 0x30:
    f.push(fromAddress(m.recipient));
    break;
  case 0x32:
    f.push(fromAddress(f.host.tx().origin));
    break;
  case 0x33:
    f.push(fromAddress(m.sender));
    break;
  case 0x34:
    f.push(m.value);
    break;
  case 0x35: {
    U256 offset = f.pop();
    uint8_t word[32] = {};
    if (offset.fitsUint64() && offset.limbs[0] < f.callData.size()) {
      size_t start = offset.limbs[0];
      size_t n = std::min<size_t>(32, f.callData.size() - start);
      std::copy_n(f.callData.data() + start, n, word);
    }
    f.push(U256::fromBigEndian(word, 32));
    break;
  }
  case 0x36:
    f.push(U256(f.callData.size()));
    break;
  case 0x38:
    f.push(U256(f.code.size()));
    break;
  case 0x3a:
    f.push(f.host.tx().gasPrice);
    break;
  case 0x3d:
    f.push(U256(f.returnData.size()));
    break;
  default:
    f.host.setFatalError("unexpected environment opcode");
    return Status::Unsupported;
  }
  return Status::Running;
}

Status opAccountQuery(Frame &f, uint8_t op) {
  Address address = toAddress(f.pop());
  State &state = f.state();
  if (state.accessAddress(address) && !chargeGas(f, kColdAccountSurcharge))
    return Status::OutOfGas;
  switch (op) {
  case 0x31:
    f.push(state.balance(address));
    break;
  case 0x3b:
    f.push(U256(state.code(address).size()));
    break;
  default: {
    // EIP-1052: zero for accounts that do not exist or are empty.
    const Account *account = state.find(address);
    f.push(account && !account->isEmpty() ? fromHash(state.codeHash(address))
                                          : U256());
    break;
  }
  }
  return Status::Running;
}

Status opBlock(Frame &f, uint8_t op) {
  const BlockEnv &block = f.host.block();
  switch (op) {
  case 0x40: {
    U256 number = f.pop();
    U256 result;
    // Only the 256 most recent complete blocks are visible.
    if (number.fitsUint64() && number.limbs[0] < block.number &&
        block.number - number.limbs[0] <= 256) {
      auto it = block.blockHashes.find(number.limbs[0]);
      if (it != block.blockHashes.end())
        result = fromHash(it->second);
    }
    f.push(result);
    break;
  }
  case 0x41:
    f.push(fromAddress(block.coinbase));
    break;
  case 0x42:
    f.push(U256(block.timestamp));
    break;
  case 0x43:
    f.push(U256(block.number));
    break;
  case 0x44:
    f.push(fromHash(block.prevRandao));
    break;
  case 0x45:
    f.push(U256(block.gasLimit));
    break;
  case 0x46:
    f.push(block.chainId);
    break;
  case 0x47:
    f.push(f.state().balance(f.self()));
    break;
  case 0x48:
    f.push(block.baseFee);
    break;
  case 0x49: {
    U256 index = f.pop();
    const std::vector<Hash> &hashes = f.host.tx().blobHashes;
    f.push(index.fitsUint64() && index.limbs[0] < hashes.size()
               ? fromHash(hashes[index.limbs[0]])
               : U256());
    break;
  }
  default:
    f.push(block.blobBaseFee());
    break;
  }
  return Status::Running;
}

} // namespace zkevmc::evm
