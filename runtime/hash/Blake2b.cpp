//===- Blake2b.cpp - BLAKE2b (RFC 7693) and its compression function ------===//

#include "runtime/hash/Blake2b.h"

#include <algorithm>
#include <cstring>

namespace zkevmc::hash {

namespace {

constexpr uint64_t kIv[8] = {0x6a09e667f3bcc908ull, 0xbb67ae8584caa73bull,
                             0x3c6ef372fe94f82bull, 0xa54ff53a5f1d36f1ull,
                             0x510e527fade682d1ull, 0x9b05688c2b3e6c1full,
                             0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull};

// The message schedule; round r uses row r mod 10.
constexpr uint8_t kSigma[10][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0}};

inline uint64_t rotr(uint64_t X, unsigned N) {
  return (X >> N) | (X << (64 - N));
}

inline uint64_t load64(const uint8_t *P) {
  uint64_t V = 0;
  for (int I = 7; I >= 0; --I)
    V = (V << 8) | P[I];
  return V;
}

} // namespace

void blake2bCompress(uint64_t H[8], const uint64_t M[16], uint64_t T0,
                     uint64_t T1, bool Last, uint32_t Rounds) {
  uint64_t V[16];
  for (int I = 0; I < 8; ++I) {
    V[I] = H[I];
    V[I + 8] = kIv[I];
  }
  V[12] ^= T0;
  V[13] ^= T1;
  if (Last)
    V[14] = ~V[14];
  auto G = [&](int A, int B, int C, int D, uint64_t X, uint64_t Y) {
    V[A] = V[A] + V[B] + X;
    V[D] = rotr(V[D] ^ V[A], 32);
    V[C] = V[C] + V[D];
    V[B] = rotr(V[B] ^ V[C], 24);
    V[A] = V[A] + V[B] + Y;
    V[D] = rotr(V[D] ^ V[A], 16);
    V[C] = V[C] + V[D];
    V[B] = rotr(V[B] ^ V[C], 63);
  };
  for (uint32_t R = 0; R < Rounds; ++R) {
    const uint8_t *S = kSigma[R % 10];
    G(0, 4, 8, 12, M[S[0]], M[S[1]]);
    G(1, 5, 9, 13, M[S[2]], M[S[3]]);
    G(2, 6, 10, 14, M[S[4]], M[S[5]]);
    G(3, 7, 11, 15, M[S[6]], M[S[7]]);
    G(0, 5, 10, 15, M[S[8]], M[S[9]]);
    G(1, 6, 11, 12, M[S[10]], M[S[11]]);
    G(2, 7, 8, 13, M[S[12]], M[S[13]]);
    G(3, 4, 9, 14, M[S[14]], M[S[15]]);
  }
  for (int I = 0; I < 8; ++I)
    H[I] ^= V[I] ^ V[I + 8];
}

Blake2b::Blake2b(size_t OutLen)
    : OutLen(OutLen < 1 || OutLen > 64 ? 64 : OutLen) {
  for (int I = 0; I < 8; ++I)
    H[I] = kIv[I];
  // Parameter block: digest length, no key, fanout 1, depth 1.
  H[0] ^= 0x01010000ull ^ uint64_t(this->OutLen);
}

void Blake2b::compress(bool Last) {
  uint64_t M[16];
  for (int I = 0; I < 16; ++I)
    M[I] = load64(Block.data() + 8 * I);
  blake2bCompress(H.data(), M, Total[0], Total[1], Last, 12);
}

void Blake2b::update(const void *Data, size_t N) {
  const uint8_t *P = static_cast<const uint8_t *>(Data);
  while (N > 0) {
    // A full block is compressed only once more input arrives: the last
    // block must be compressed with the final flag.
    if (Fill == Block.size()) {
      Total[0] += Fill;
      if (Total[0] < Fill)
        ++Total[1];
      compress(false);
      Fill = 0;
    }
    size_t Take = std::min(N, Block.size() - Fill);
    std::memcpy(Block.data() + Fill, P, Take);
    Fill += Take;
    P += Take;
    N -= Take;
  }
}

void Blake2b::final(uint8_t *Out) {
  Total[0] += Fill;
  if (Total[0] < Fill)
    ++Total[1];
  std::memset(Block.data() + Fill, 0, Block.size() - Fill);
  compress(true);
  for (size_t I = 0; I < OutLen; ++I)
    Out[I] = uint8_t(H[I / 8] >> (8 * (I % 8)));
}

} // namespace zkevmc::hash
