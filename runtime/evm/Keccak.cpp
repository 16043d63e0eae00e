//===- Keccak.cpp - Keccak-256 through Crypto++ ---------------------------===//

#include "runtime/evm/Keccak.h"

#include <cryptopp/keccak.h>

namespace zkevmc::evm {

Hash keccak256(const uint8_t *data, size_t size) {
  CryptoPP::Keccak_256 hasher;
  hasher.Update(data, size);
  Hash digest;
  hasher.Final(digest.data());
  return digest;
}

const Hash &emptyCodeHash() {
  static const Hash hash = keccak256(nullptr, 0);
  return hash;
}

} // namespace zkevmc::evm
