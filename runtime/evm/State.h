//===- State.h - World state with a journal for reverts ---------*- C++ -*-===//
//
// Accounts (balance, nonce, code, storage), the per-transaction sets of
// EIP-2929 (warm addresses and slots), EIP-1153 transient storage, EIP-2200
// original values, EIP-6780 created accounts, EIP-161 touched accounts, the
// refund counter and the logs. Every change goes through the journal so a
// failed or reverted frame can roll back to a snapshot in one call.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_EVM_STATE_H
#define ZKEVMC_RUNTIME_EVM_STATE_H

#include "runtime/evm/Types.h"

#include <map>
#include <set>
#include <utility>
#include <vector>

namespace zkevmc::evm {

struct Account {
  U256 balance;
  uint64_t nonce = 0;
  Bytes code;
  /// Only non-zero values are kept: a zero slot does not exist in the trie.
  std::map<U256, U256> storage;

  /// EIP-161 emptiness (storage does not count).
  bool isEmpty() const {
    return nonce == 0 && balance.isZero() && code.empty();
  }
};

struct Log {
  Address address;
  std::vector<Hash> topics;
  Bytes data;
};

/// A point to roll back to.
struct Snapshot {
  size_t journalSize;
  size_t logCount;
};

class State {
public:
  State() = default;
  explicit State(std::map<Address, Account> accounts)
      : accounts_(std::move(accounts)) {}

  const std::map<Address, Account> &accounts() const { return accounts_; }
  const Account *find(const Address &address) const;
  bool exists(const Address &address) const { return find(address); }
  /// Exists and is not EIP-161 empty.
  bool isAlive(const Address &address) const;

  U256 balance(const Address &address) const;
  uint64_t nonce(const Address &address) const;
  /// Empty for a missing account.
  const Bytes &code(const Address &address) const;
  /// Zero for a missing account (EXTCODEHASH), emptyCodeHash() otherwise
  /// when there is no code.
  Hash codeHash(const Address &address) const;
  U256 storage(const Address &address, const U256 &key) const;
  bool hasStorage(const Address &address) const;
  /// The slot's value at the start of the transaction (EIP-2200).
  U256 originalStorage(const Address &address, const U256 &key) const;
  U256 transientStorage(const Address &address, const U256 &key) const;

  /// Creates the account if missing. Returns it.
  Account &getOrCreate(const Address &address);
  void setBalance(const Address &address, const U256 &value);
  void addBalance(const Address &address, const U256 &amount);
  /// The caller checks that the balance suffices.
  void subBalance(const Address &address, const U256 &amount);
  void setNonce(const Address &address, uint64_t nonce);
  void setCode(const Address &address, Bytes code);
  void setStorage(const Address &address, const U256 &key, const U256 &value);
  void setTransientStorage(const Address &address, const U256 &key,
                           const U256 &value);

  /// Warms the address; returns true if it was cold.
  bool accessAddress(const Address &address);
  bool isWarm(const Address &address) const {
    return warmAddresses_.count(address);
  }
  /// Warms the slot; returns true if it was cold.
  bool accessSlot(const Address &address, const U256 &key);

  /// Marks the account for the end-of-transaction EIP-161 sweep.
  void touch(const Address &address);
  void markCreated(const Address &address);
  bool createdInTransaction(const Address &address) const {
    return created_.count(address);
  }
  void markSelfDestructed(const Address &address);

  int64_t refund() const { return refund_; }
  void addRefund(int64_t delta);

  void addLog(Log log) { logs_.push_back(std::move(log)); }
  const std::vector<Log> &logs() const { return logs_; }

  Snapshot snapshot() const { return {journal_.size(), logs_.size()}; }
  void revert(const Snapshot &snapshot);

  /// Clears the transaction-scoped data (warm sets, transient storage,
  /// original values, refund, logs, created/touched/destructed sets).
  void beginTransaction();
  /// Deletes self-destructed accounts and touched empty ones, then forgets
  /// the journal: the transaction's changes can no longer be reverted.
  void finalizeTransaction();

private:
  enum class Change {
    AccountCreated,
    Balance,
    Nonce,
    Code,
    Storage,
    Transient,
    WarmAddress,
    WarmSlot,
    Touched,
    Created,
    SelfDestructed,
    Refund,
  };
  struct JournalEntry {
    Change change;
    Address address;
    U256 key;
    U256 oldValue;
    uint64_t oldNonce = 0;
    int64_t oldRefund = 0;
    Bytes oldCode;

    JournalEntry(Change change, const Address &address, const U256 &key = {},
                 const U256 &oldValue = {})
        : change(change), address(address), key(key), oldValue(oldValue) {}
  };
  Account *findMutable(const Address &address);

  std::map<Address, Account> accounts_;
  std::vector<JournalEntry> journal_;
  std::set<Address> warmAddresses_;
  std::set<std::pair<Address, U256>> warmSlots_;
  std::map<std::pair<Address, U256>, U256> transient_;
  // Not journaled: the first write records the committed value, and a
  // revert does not change what the committed value was.
  std::map<std::pair<Address, U256>, U256> original_;
  std::set<Address> touched_;
  std::set<Address> created_;
  std::set<Address> selfDestructed_;
  int64_t refund_ = 0;
  std::vector<Log> logs_;
};

} // namespace zkevmc::evm

#endif // ZKEVMC_RUNTIME_EVM_STATE_H
