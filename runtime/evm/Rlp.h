//===- Rlp.h - Recursive Length Prefix encoding and trie roots --*- C++ -*-===//
//
// Only encoding is needed: CREATE addresses hash rlp([sender, nonce]) and
// the post-state check compares Merkle-Patricia state roots, for the tests
// that give only a state hash.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_EVM_RLP_H
#define ZKEVMC_RUNTIME_EVM_RLP_H

#include "runtime/evm/State.h"
#include "runtime/evm/Types.h"

#include <map>
#include <vector>

namespace zkevmc::evm::rlp {

Bytes encodeBytes(const uint8_t *data, size_t size);
inline Bytes encodeBytes(const Bytes &bytes) {
  return encodeBytes(bytes.data(), bytes.size());
}
/// Integers are big-endian without leading zeros (zero is the empty string).
Bytes encodeUint(uint64_t value);
Bytes encodeUint(const U256 &value);
/// Wraps already-encoded items in a list header.
Bytes encodeList(const std::vector<Bytes> &items);

} // namespace zkevmc::evm::rlp

namespace zkevmc::evm {

/// The root of a Merkle-Patricia trie holding `entries` (raw keys to raw
/// values; the caller hashes keys for secure tries).
Hash trieRoot(const std::map<Bytes, Bytes> &entries);
/// The Ethereum state root of `accounts`.
Hash stateRoot(const std::map<Address, Account> &accounts);

} // namespace zkevmc::evm

#endif // ZKEVMC_RUNTIME_EVM_RLP_H
