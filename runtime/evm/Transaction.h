//===- Transaction.h - Transaction and block processing (Cancun) -*- C++ -*-=//
//
// The layer above message frames: transaction validity, intrinsic gas,
// EIP-1559 fees, EIP-4844 blob fees, EIP-2929/2930 warm sets, refunds, the
// EIP-4788 beacon-root system call and withdrawals. Invalid transactions
// and unimplemented features come back as llvm::Error, never as a halt.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_EVM_TRANSACTION_H
#define ZKEVMC_RUNTIME_EVM_TRANSACTION_H

#include "runtime/evm/Host.h"
#include "runtime/evm/State.h"

#include "llvm/Support/Error.h"

#include <optional>
#include <vector>

namespace zkevmc::evm {

struct AccessListEntry {
  Address address{};
  std::vector<U256> storageKeys;
};

struct Transaction {
  /// 0 legacy, 1 EIP-2930, 2 EIP-1559, 3 EIP-4844.
  uint8_t type = 0;
  uint64_t nonce = 0;
  /// Types 0 and 1.
  U256 gasPrice;
  /// Types 2 and 3.
  U256 maxFeePerGas;
  U256 maxPriorityFeePerGas;
  uint64_t gasLimit = 0;
  /// Empty for a creation.
  std::optional<Address> to;
  U256 value;
  Bytes data;
  /// Taken as given: signatures are not recovered.
  Address sender{};
  std::vector<AccessListEntry> accessList;
  /// Type 3.
  U256 maxFeePerBlobGas;
  std::vector<Hash> blobVersionedHashes;
};

struct Withdrawal {
  Address address{};
  /// In Gwei.
  uint64_t amount = 0;
};

struct TxReceipt {
  /// How the transaction's top frame ended.
  Status status = Status::Success;
  /// After refunds: what the sender pays for.
  uint64_t gasUsed = 0;
  std::vector<Log> logs;
  Bytes output;
  /// For successful creations.
  std::optional<Address> createdAddress;
};

struct BlockResult {
  uint64_t gasUsed = 0;
  std::vector<TxReceipt> receipts;
};

/// The gas a transaction pays before its first instruction.
uint64_t intrinsicGas(const Transaction &tx);

/// Validates and executes one transaction, with `blockGasLeft` gas still
/// available in the block. An invalid transaction leaves `state` untouched
/// and returns an error. An error for an unimplemented feature (a
/// precompile) leaves `state` partly changed: applyBlock discards it.
llvm::Expected<TxReceipt> applyTransaction(State &state, const BlockEnv &block,
                                           const Transaction &tx,
                                           uint64_t blockGasLeft,
                                           const Tracer &tracer = {});

/// Executes a whole block: the beacon-root system call, the transactions in
/// order and the withdrawals. On error `state` is left as it was.
llvm::Expected<BlockResult>
applyBlock(State &state, const BlockEnv &block,
           const std::vector<Transaction> &transactions,
           const std::vector<Withdrawal> &withdrawals,
           const Tracer &tracer = {});

/// Runs one message (a call of the code at message.codeAddress, or a
/// creation running message.input) as if it were a transaction's frame,
/// without fees, nonces or intrinsic gas: the sender, recipient, coinbase
/// and precompiles start warm. Set up code, balances and storage in `state`
/// first. A creation takes its address from the sender's nonce (CREATE) or
/// message.salt (CREATE2) and bumps that nonce. Afterwards gas used is
/// message.gas - gasLeft, state.logs() and state.refund() hold the logs and
/// the (uncapped) refund counter, and storage is read from `state`. Errors
/// for a value the sender cannot pay and for unimplemented features.
llvm::Expected<ExecResult> executeMessage(State &state, const BlockEnv &block,
                                          const TxEnv &tx,
                                          const Message &message,
                                          const Tracer &tracer = {});

} // namespace zkevmc::evm

#endif // ZKEVMC_RUNTIME_EVM_TRANSACTION_H
