//===- Blake2b.h - BLAKE2b (RFC 7693) and its compression function F ------===//
//
// Two users: the EVM's BLAKE2 F precompile (EIP-152, address 9) calls the
// compression function with a caller-chosen round count; snarkjs identifies
// a Groth16 circuit by a BLAKE2b-512 hash of the key's points (section 10
// of a .zkey), which `zkevmc setup --ptau` reproduces. Unkeyed hashing only.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_HASH_BLAKE2B_H
#define ZKEVMC_RUNTIME_HASH_BLAKE2B_H

#include <array>
#include <cstddef>
#include <cstdint>

namespace zkevmc::hash {

/// BLAKE2b's compression function F (RFC 7693 section 3.2) with `Rounds`
/// rounds (12 in BLAKE2b itself; EIP-152 lets the caller choose): mixes the
/// 16 message words M into the state H, with the byte counter T0, T1 and the
/// final-block flag.
void blake2bCompress(uint64_t H[8], const uint64_t M[16], uint64_t T0,
                     uint64_t T1, bool Last, uint32_t Rounds);

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

} // namespace zkevmc::hash

#endif // ZKEVMC_RUNTIME_HASH_BLAKE2B_H
