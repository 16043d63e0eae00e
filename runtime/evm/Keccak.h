//===- Keccak.h - Keccak-256 as the EVM uses it -----------------*- C++ -*-===//
//
// The original Keccak padding (not SHA3-256): KECCAK256, addresses, code
// hashes and the state trie all depend on it.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_EVM_KECCAK_H
#define ZKEVMC_RUNTIME_EVM_KECCAK_H

#include "runtime/evm/Types.h"

#include <cstddef>
#include <cstdint>

namespace zkevmc::evm {

Hash keccak256(const uint8_t *data, size_t size);
inline Hash keccak256(const Bytes &bytes) {
  return keccak256(bytes.data(), bytes.size());
}

/// keccak256 of the empty string: the code hash of accounts without code.
const Hash &emptyCodeHash();

} // namespace zkevmc::evm

#endif // ZKEVMC_RUNTIME_EVM_KECCAK_H
