//===- InterpreterFuzzer.cpp - Fuzzes the reference EVM interpreter -------===//
//
// The input's first 32 bytes (when present) are call data, the rest is code,
// run as one message call with a small gas limit. Whatever the code does, the
// interpreter must end with a status, never crash, and never use more gas
// than it was given.
//
//===----------------------------------------------------------------------===//

#include "runtime/evm/Transaction.h"

#include <cstdlib>

using namespace zkevmc::evm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  size_t split = size < 32 ? 0 : 32;
  Address caller{}, callee{};
  caller[19] = 0xca;
  callee[19] = 0xc0;
  State state;
  state.setCode(callee, Bytes(data + split, data + size));
  state.setBalance(caller, zkevmc::U256(1000));
  BlockEnv block;
  block.number = 1;
  block.gasLimit = 30000000;
  TxEnv tx;
  tx.origin = caller;
  Message message;
  message.sender = caller;
  message.recipient = callee;
  message.codeAddress = callee;
  message.input = Bytes(data, data + split);
  message.gas = 200000;
  auto result = executeMessage(state, block, tx, message);
  if (!result) {
    // Only unimplemented precompiles may refuse to run.
    llvm::consumeError(result.takeError());
    return 0;
  }
  if (result->gasLeft < 0 || result->gasLeft > message.gas)
    std::abort();
  if (result->status == Status::Running)
    std::abort();
  return 0;
}
