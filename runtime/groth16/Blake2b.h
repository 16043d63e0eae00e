//===- Blake2b.h - BLAKE2b (RFC 7693), for snarkjs's zkey circuit hash ----===//
//
// snarkjs identifies a Groth16 circuit by a BLAKE2b-512 hash of the key's
// points (section 10 of a .zkey); `snarkjs zkey verify` and every phase-2
// contribution chain from it. Unkeyed hashing only.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_GROTH16_BLAKE2B_H
#define ZKEVMC_RUNTIME_GROTH16_BLAKE2B_H

#include <array>
#include <cstddef>
#include <cstdint>

namespace zkevmc::groth16 {

class Blake2b {
public:
  /// OutLen: digest length in bytes, 1..64.
  explicit Blake2b(size_t OutLen = 64);
  void update(const void *Data, size_t N);
  /// Writes outLen() bytes; the object must not be updated afterwards.
  void final(uint8_t *Out);
  size_t outLen() const { return OutLen; }

private:
  void compress(bool Last);

  std::array<uint64_t, 8> H;
  std::array<uint8_t, 128> Block{};
  uint64_t Total[2] = {0, 0};
  size_t Fill = 0;
  size_t OutLen;
};

} // namespace zkevmc::groth16

#endif // ZKEVMC_RUNTIME_GROTH16_BLAKE2B_H
