//===- Transaction.cpp - Transaction and block processing -----------------===//

#include "runtime/evm/Transaction.h"

#include "runtime/evm/Interpreter.h"

namespace zkevmc::evm {

namespace {
constexpr uint64_t kTxGas = 21000;
constexpr uint64_t kTxCreateGas = 32000;
constexpr uint64_t kTxDataZeroGas = 4;
constexpr uint64_t kTxDataNonZeroGas = 16;
constexpr uint64_t kAccessListAddressGas = 2400;
constexpr uint64_t kAccessListKeyGas = 1900;
constexpr uint64_t kInitCodeWordGas = 2;
constexpr uint64_t kRefundQuotient = 5; // EIP-3529
constexpr uint64_t kGasPerBlob = 1 << 17;
constexpr uint64_t kMaxBlobGasPerBlock = 6 * kGasPerBlob;
constexpr uint64_t kSystemCallGas = 30000000;

Address addressFromHex(const char *hex) { return *parseAddress(hex); }

const Address &beaconRootsAddress() {
  static const Address address =
      addressFromHex("0x000F3df6D732807Ef1319fB7B8bB8522d0Beac02");
  return address;
}

const Address &systemAddress() {
  static const Address address =
      addressFromHex("0xfffffffffffffffffffffffffffffffffffffffe");
  return address;
}

llvm::Error invalid(const llvm::Twine &why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "invalid transaction: " + why);
}

llvm::Error unsupported(const std::string &why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "unsupported: " + why);
}

// Warms what every Cancun transaction starts with.
void warmDefaults(State &state, const BlockEnv &block, const Address &sender) {
  state.accessAddress(sender);
  state.accessAddress(block.coinbase); // EIP-3651
  for (uint8_t i = 1; i <= 0x0a; ++i) {
    Address precompile{};
    precompile[19] = i;
    state.accessAddress(precompile);
  }
}
} // namespace

uint64_t intrinsicGas(const Transaction &tx) {
  uint64_t gas = kTxGas;
  for (uint8_t byte : tx.data)
    gas += byte ? kTxDataNonZeroGas : kTxDataZeroGas;
  if (!tx.to)
    gas += kTxCreateGas + kInitCodeWordGas * ((tx.data.size() + 31) / 32);
  for (const AccessListEntry &entry : tx.accessList)
    gas += kAccessListAddressGas + kAccessListKeyGas * entry.storageKeys.size();
  return gas;
}

llvm::Expected<TxReceipt> applyTransaction(State &state, const BlockEnv &block,
                                           const Transaction &tx,
                                           uint64_t blockGasLeft,
                                           const Tracer &tracer) {
  // Validity first: nothing may change for an invalid transaction.
  const Account *sender = state.find(tx.sender);
  uint64_t senderNonce = sender ? sender->nonce : 0;
  if (tx.nonce != senderNonce)
    return invalid("nonce " + llvm::Twine(tx.nonce) + ", account has " +
                   llvm::Twine(senderNonce));
  if (senderNonce == UINT64_MAX)
    return invalid("sender nonce at its maximum");
  if (sender && !sender->code.empty())
    return invalid("sender has code (EIP-3607)");
  uint64_t intrinsic = intrinsicGas(tx);
  if (tx.gasLimit < intrinsic)
    return invalid("gas limit below intrinsic gas");
  // Frames count gas in int64_t.
  if (tx.gasLimit > static_cast<uint64_t>(INT64_MAX))
    return invalid("gas limit above 2^63 - 1");
  if (tx.gasLimit > blockGasLeft)
    return invalid("gas limit above what the block has left");
  if (!tx.to && tx.data.size() > kMaxInitCodeSize)
    return invalid("init code too large (EIP-3860)");
  bool dynamicFee = tx.type >= 2;
  U256 maxFee = dynamicFee ? tx.maxFeePerGas : tx.gasPrice;
  if (dynamicFee && tx.maxPriorityFeePerGas > tx.maxFeePerGas)
    return invalid("priority fee above max fee");
  if (maxFee < block.baseFee)
    return invalid("fee below the base fee");
  U256 effectiveGasPrice = maxFee;
  if (dynamicFee) {
    U256 withTip = block.baseFee + tx.maxPriorityFeePerGas;
    if (withTip < effectiveGasPrice)
      effectiveGasPrice = withTip;
  }
  U256 priorityFee = effectiveGasPrice - block.baseFee;
  uint64_t blobGas = 0;
  U256 blobBaseFee = block.blobBaseFee();
  if (tx.type == 3) {
    if (!tx.to)
      return invalid("blob transaction without a recipient");
    if (tx.blobVersionedHashes.empty())
      return invalid("blob transaction without blobs");
    for (const Hash &hash : tx.blobVersionedHashes)
      if (hash[0] != 0x01)
        return invalid("blob hash with a wrong version");
    blobGas = kGasPerBlob * tx.blobVersionedHashes.size();
    if (blobGas > kMaxBlobGasPerBlock)
      return invalid("too many blobs");
    if (tx.maxFeePerBlobGas < blobBaseFee)
      return invalid("blob fee below the blob base fee");
  }
  // The balance must cover the worst case, at the maximum prices.
  U256 gasLimit(tx.gasLimit);
  U256 maxCost =
      gasLimit * maxFee + tx.value + U256(blobGas) * tx.maxFeePerBlobGas;
  U256 balance = sender ? sender->balance : U256();
  if (balance < maxCost)
    return invalid("insufficient balance");

  state.beginTransaction();
  state.subBalance(tx.sender,
                   gasLimit * effectiveGasPrice + U256(blobGas) * blobBaseFee);
  state.setNonce(tx.sender, senderNonce + 1);
  warmDefaults(state, block, tx.sender);
  for (const AccessListEntry &entry : tx.accessList) {
    state.accessAddress(entry.address);
    for (const U256 &key : entry.storageKeys)
      state.accessSlot(entry.address, key);
  }

  TxEnv env;
  env.origin = tx.sender;
  env.gasPrice = effectiveGasPrice;
  env.blobHashes = tx.blobVersionedHashes;
  Host host(state, block, env);
  host.setTracer(tracer);
  Message message;
  message.gas = static_cast<int64_t>(tx.gasLimit - intrinsic);
  message.sender = tx.sender;
  message.value = tx.value;
  message.input = tx.data;
  if (tx.to) {
    message.kind = CallKind::Call;
    message.recipient = *tx.to;
    message.codeAddress = *tx.to;
    state.accessAddress(*tx.to);
  } else {
    message.kind = CallKind::Create;
    message.recipient = createAddress(tx.sender, senderNonce);
    state.accessAddress(message.recipient);
  }
  ExecResult result = host.call(message);
  if (!host.fatalError().empty())
    return unsupported(host.fatalError());

  uint64_t gasLeft = static_cast<uint64_t>(result.gasLeft);
  uint64_t gasUsed = tx.gasLimit - gasLeft;
  uint64_t refund = std::min<uint64_t>(
      static_cast<uint64_t>(std::max<int64_t>(state.refund(), 0)),
      gasUsed / kRefundQuotient);
  gasLeft += refund;
  gasUsed -= refund;
  state.addBalance(tx.sender, U256(gasLeft) * effectiveGasPrice);
  state.addBalance(block.coinbase, U256(gasUsed) * priorityFee);
  state.touch(block.coinbase);

  TxReceipt receipt;
  receipt.status = result.status;
  receipt.gasUsed = gasUsed;
  receipt.logs = state.logs();
  receipt.output = std::move(result.output);
  if (result.status == Status::Success && !tx.to)
    receipt.createdAddress = message.recipient;
  state.finalizeTransaction();
  return receipt;
}

llvm::Expected<BlockResult>
applyBlock(State &state, const BlockEnv &block,
           const std::vector<Transaction> &transactions,
           const std::vector<Withdrawal> &withdrawals, const Tracer &tracer) {
  // Work on a copy so that a rejected block changes nothing.
  State working = state;
  BlockResult result;

  // EIP-4788: the system call runs only if the contract is deployed.
  if (!working.code(beaconRootsAddress()).empty()) {
    working.beginTransaction();
    TxEnv env;
    env.origin = systemAddress();
    Host host(working, block, env);
    Message message;
    message.gas = kSystemCallGas;
    message.sender = systemAddress();
    message.recipient = beaconRootsAddress();
    message.codeAddress = beaconRootsAddress();
    message.input.assign(block.parentBeaconBlockRoot.begin(),
                         block.parentBeaconBlockRoot.end());
    working.accessAddress(beaconRootsAddress());
    host.call(message);
    if (!host.fatalError().empty())
      return unsupported(host.fatalError());
    working.finalizeTransaction();
  }

  for (size_t i = 0; i < transactions.size(); ++i) {
    llvm::Expected<TxReceipt> receipt =
        applyTransaction(working, block, transactions[i],
                         block.gasLimit - result.gasUsed, tracer);
    if (!receipt)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "transaction " + std::to_string(i) + ": " +
                                         llvm::toString(receipt.takeError()));
    result.gasUsed += receipt->gasUsed;
    result.receipts.push_back(std::move(*receipt));
  }

  working.beginTransaction();
  for (const Withdrawal &withdrawal : withdrawals) {
    if (withdrawal.amount == 0 && !working.exists(withdrawal.address))
      continue;
    working.addBalance(withdrawal.address,
                       U256(withdrawal.amount) * U256(1000000000));
    working.touch(withdrawal.address);
  }
  working.finalizeTransaction();

  state = std::move(working);
  return result;
}

llvm::Expected<ExecResult> executeMessage(State &state, const BlockEnv &block,
                                          const TxEnv &tx,
                                          const Message &message,
                                          const Tracer &tracer) {
  state.beginTransaction();
  warmDefaults(state, block, message.sender);
  Message frame = message;
  if (frame.kind == CallKind::Create || frame.kind == CallKind::Create2) {
    uint64_t nonce = state.nonce(frame.sender);
    frame.recipient =
        frame.kind == CallKind::Create
            ? createAddress(frame.sender, nonce)
            : create2Address(frame.sender, frame.salt, frame.input);
    state.setNonce(frame.sender, nonce + 1);
  }
  state.accessAddress(frame.recipient);
  if (frame.value > state.balance(frame.sender))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "sender cannot pay the call value");
  Host host(state, block, tx);
  host.setTracer(tracer);
  ExecResult result = host.call(frame);
  if (!host.fatalError().empty())
    return unsupported(host.fatalError());
  state.finalizeTransaction();
  return result;
}

} // namespace zkevmc::evm
