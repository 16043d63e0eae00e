//===- State.cpp - World state and its journal ----------------------------===//

#include "runtime/evm/State.h"

#include "runtime/evm/Keccak.h"

namespace zkevmc::evm {

const Account *State::find(const Address &address) const {
  auto it = accounts_.find(address);
  return it == accounts_.end() ? nullptr : &it->second;
}

Account *State::findMutable(const Address &address) {
  auto it = accounts_.find(address);
  return it == accounts_.end() ? nullptr : &it->second;
}

bool State::isAlive(const Address &address) const {
  const Account *account = find(address);
  return account && !account->isEmpty();
}

U256 State::balance(const Address &address) const {
  const Account *account = find(address);
  return account ? account->balance : U256();
}

uint64_t State::nonce(const Address &address) const {
  const Account *account = find(address);
  return account ? account->nonce : 0;
}

const Bytes &State::code(const Address &address) const {
  static const Bytes empty;
  const Account *account = find(address);
  return account ? account->code : empty;
}

Hash State::codeHash(const Address &address) const {
  const Account *account = find(address);
  if (!account)
    return Hash{};
  return account->code.empty() ? emptyCodeHash() : keccak256(account->code);
}

U256 State::storage(const Address &address, const U256 &key) const {
  const Account *account = find(address);
  if (!account)
    return U256();
  auto it = account->storage.find(key);
  return it == account->storage.end() ? U256() : it->second;
}

bool State::hasStorage(const Address &address) const {
  const Account *account = find(address);
  return account && !account->storage.empty();
}

U256 State::originalStorage(const Address &address, const U256 &key) const {
  auto it = original_.find({address, key});
  return it == original_.end() ? storage(address, key) : it->second;
}

U256 State::transientStorage(const Address &address, const U256 &key) const {
  auto it = transient_.find({address, key});
  return it == transient_.end() ? U256() : it->second;
}

Account &State::getOrCreate(const Address &address) {
  auto [it, inserted] = accounts_.try_emplace(address);
  if (inserted)
    journal_.push_back({Change::AccountCreated, address, {}, {}});
  return it->second;
}

void State::setBalance(const Address &address, const U256 &value) {
  Account &account = getOrCreate(address);
  journal_.push_back({Change::Balance, address, {}, account.balance});
  account.balance = value;
}

void State::addBalance(const Address &address, const U256 &amount) {
  setBalance(address, balance(address) + amount);
}

void State::subBalance(const Address &address, const U256 &amount) {
  setBalance(address, balance(address) - amount);
}

void State::setNonce(const Address &address, uint64_t nonce) {
  Account &account = getOrCreate(address);
  JournalEntry entry{Change::Nonce, address, {}, {}};
  entry.oldNonce = account.nonce;
  journal_.push_back(std::move(entry));
  account.nonce = nonce;
}

void State::setCode(const Address &address, Bytes code) {
  Account &account = getOrCreate(address);
  JournalEntry entry{Change::Code, address, {}, {}};
  entry.oldCode = std::move(account.code);
  journal_.push_back(std::move(entry));
  account.code = std::move(code);
}

void State::setStorage(const Address &address, const U256 &key,
                       const U256 &value) {
  Account &account = getOrCreate(address);
  auto it = account.storage.find(key);
  U256 old = it == account.storage.end() ? U256() : it->second;
  original_.try_emplace({address, key}, old);
  journal_.push_back({Change::Storage, address, key, old});
  if (value.isZero()) {
    if (it != account.storage.end())
      account.storage.erase(it);
  } else {
    account.storage[key] = value;
  }
}

void State::setTransientStorage(const Address &address, const U256 &key,
                                const U256 &value) {
  U256 &slot = transient_[{address, key}];
  journal_.push_back({Change::Transient, address, key, slot});
  slot = value;
}

bool State::accessAddress(const Address &address) {
  if (!warmAddresses_.insert(address).second)
    return false;
  journal_.push_back({Change::WarmAddress, address, {}, {}});
  return true;
}

bool State::accessSlot(const Address &address, const U256 &key) {
  if (!warmSlots_.insert({address, key}).second)
    return false;
  journal_.push_back({Change::WarmSlot, address, key, {}});
  return true;
}

void State::touch(const Address &address) {
  if (touched_.insert(address).second)
    journal_.push_back({Change::Touched, address, {}, {}});
}

void State::markCreated(const Address &address) {
  if (created_.insert(address).second)
    journal_.push_back({Change::Created, address, {}, {}});
}

void State::markSelfDestructed(const Address &address) {
  if (selfDestructed_.insert(address).second)
    journal_.push_back({Change::SelfDestructed, address, {}, {}});
}

void State::addRefund(int64_t delta) {
  JournalEntry entry{Change::Refund, {}, {}, {}};
  entry.oldRefund = refund_;
  journal_.push_back(std::move(entry));
  refund_ += delta;
}

void State::revert(const Snapshot &snapshot) {
  while (journal_.size() > snapshot.journalSize) {
    JournalEntry &entry = journal_.back();
    switch (entry.change) {
    case Change::AccountCreated:
      accounts_.erase(entry.address);
      break;
    case Change::Balance:
      accounts_[entry.address].balance = entry.oldValue;
      break;
    case Change::Nonce:
      accounts_[entry.address].nonce = entry.oldNonce;
      break;
    case Change::Code:
      accounts_[entry.address].code = std::move(entry.oldCode);
      break;
    case Change::Storage: {
      auto &storage = accounts_[entry.address].storage;
      if (entry.oldValue.isZero())
        storage.erase(entry.key);
      else
        storage[entry.key] = entry.oldValue;
      break;
    }
    case Change::Transient:
      transient_[{entry.address, entry.key}] = entry.oldValue;
      break;
    case Change::WarmAddress:
      warmAddresses_.erase(entry.address);
      break;
    case Change::WarmSlot:
      warmSlots_.erase({entry.address, entry.key});
      break;
    case Change::Touched:
      touched_.erase(entry.address);
      break;
    case Change::Created:
      created_.erase(entry.address);
      break;
    case Change::SelfDestructed:
      selfDestructed_.erase(entry.address);
      break;
    case Change::Refund:
      refund_ = entry.oldRefund;
      break;
    }
    journal_.pop_back();
  }
  logs_.resize(snapshot.logCount);
}

void State::beginTransaction() {
  journal_.clear();
  warmAddresses_.clear();
  warmSlots_.clear();
  transient_.clear();
  original_.clear();
  touched_.clear();
  created_.clear();
  selfDestructed_.clear();
  refund_ = 0;
  logs_.clear();
}

void State::finalizeTransaction() {
  for (const Address &address : selfDestructed_)
    accounts_.erase(address);
  for (const Address &address : touched_) {
    const Account *account = find(address);
    if (account && account->isEmpty())
      accounts_.erase(address);
  }
  journal_.clear();
  touched_.clear();
  created_.clear();
  selfDestructed_.clear();
  original_.clear();
  transient_.clear();
}

} // namespace zkevmc::evm
