//===- Types.h - Addresses, hashes and byte strings of the EVM --*- C++ -*-===//
//
// Small value types shared by the state, the interpreter and the transaction
// layer, kept apart so that none of them has to include the others.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_EVM_TYPES_H
#define ZKEVMC_RUNTIME_EVM_TYPES_H

#include "opcodes/Word.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zkevmc::evm {

using Bytes = std::vector<uint8_t>;
/// A 20-byte account address, big-endian as written in hex.
using Address = std::array<uint8_t, 20>;
/// A 32-byte hash (Keccak-256 digests, block hashes, blob hashes).
using Hash = std::array<uint8_t, 32>;

/// The low 20 bytes of a word: what the EVM uses as an address.
Address toAddress(const U256 &word);
U256 fromAddress(const Address &address);
U256 fromHash(const Hash &hash);
Hash toHash(const U256 &word);

/// Parses hex with an optional 0x prefix; an odd digit count is read as if a
/// leading zero were present. nullopt on a non-hex character.
std::optional<Bytes> parseHex(std::string_view text);
std::optional<Address> parseAddress(std::string_view text);
std::string toHex(const uint8_t *data, size_t size);
inline std::string toHex(const Bytes &bytes) {
  return toHex(bytes.data(), bytes.size());
}
template <size_t N> std::string toHex(const std::array<uint8_t, N> &bytes) {
  return toHex(bytes.data(), N);
}

} // namespace zkevmc::evm

#endif // ZKEVMC_RUNTIME_EVM_TYPES_H
