//===- Word.h - The 256-bit EVM word U256 -----------------------*- C++ -*-===//
//
// U256 is both the value type of the exact semantics and the interpreter's
// stack word, so the cheap operations are inline here and the rest (products,
// shifts, division, text) live in Word.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_OPCODES_WORD_H
#define ZKEVMC_OPCODES_WORD_H

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace zkevmc {

/// A 256-bit unsigned word; arithmetic wraps modulo 2^256. The limbs are
/// least significant first, the layout llvm::APInt(256, limbs) expects (that
/// call needs llvm/ADT/ArrayRef.h: APInt.h only forward-declares ArrayRef).
class U256 {
public:
  std::array<uint64_t, 4> limbs{};

  constexpr U256() = default;
  // Implicit so that small constants read naturally (x + 1, x == 0).
  constexpr U256(uint64_t value) : limbs{value, 0, 0, 0} {}

  static constexpr U256 fromLimbs(uint64_t l0, uint64_t l1, uint64_t l2,
                                  uint64_t l3) {
    U256 w;
    w.limbs = {l0, l1, l2, l3};
    return w;
  }
  /// 2^256 - 1.
  static constexpr U256 max() { return fromLimbs(~0ull, ~0ull, ~0ull, ~0ull); }

  /// At most 32 big-endian bytes, right-aligned as PUSH data is. Given more,
  /// only the last 32 count (the value modulo 2^256).
  static U256 fromBigEndian(const uint8_t *bytes, size_t n);
  void toBigEndian(uint8_t out[32]) const;

  /// Parses `0x`-prefixed hex of 1 to 64 digits, or decimal digits whose
  /// value is below 2^256. No sign, whitespace or separators.
  static std::optional<U256> fromString(std::string_view text);
  /// Minimal lower-case hex with a 0x prefix: "0x0", "0x1f".
  std::string toHex() const;
  std::string toDecimal() const;

  constexpr bool isZero() const {
    return (limbs[0] | limbs[1] | limbs[2] | limbs[3]) == 0;
  }
  /// Bit `i`, 0 being the least significant; false past bit 255.
  constexpr bool bit(unsigned i) const {
    return i < 256 && ((limbs[i / 64] >> (i % 64)) & 1);
  }
  /// Bit 255: the sign in two's complement.
  constexpr bool isNegative() const { return (limbs[3] >> 63) != 0; }
  unsigned countLeadingZeros() const;
  /// The number of significant bits (0 for zero).
  unsigned bitWidth() const { return 256 - countLeadingZeros(); }
  constexpr bool fitsUint64() const {
    return (limbs[1] | limbs[2] | limbs[3]) == 0;
  }

  friend constexpr bool operator==(const U256 &a, const U256 &b) {
    return ((a.limbs[0] ^ b.limbs[0]) | (a.limbs[1] ^ b.limbs[1]) |
            (a.limbs[2] ^ b.limbs[2]) | (a.limbs[3] ^ b.limbs[3])) == 0;
  }
  friend constexpr bool operator!=(const U256 &a, const U256 &b) {
    return !(a == b);
  }
  friend constexpr bool operator<(const U256 &a, const U256 &b) {
    for (int i = 3; i > 0; --i)
      if (a.limbs[i] != b.limbs[i])
        return a.limbs[i] < b.limbs[i];
    return a.limbs[0] < b.limbs[0];
  }
  friend constexpr bool operator>(const U256 &a, const U256 &b) {
    return b < a;
  }
  friend constexpr bool operator<=(const U256 &a, const U256 &b) {
    return !(b < a);
  }
  friend constexpr bool operator>=(const U256 &a, const U256 &b) {
    return !(a < b);
  }

  friend U256 operator+(const U256 &a, const U256 &b) {
    U256 r;
    unsigned __int128 carry = 0;
    for (int i = 0; i < 4; ++i) {
      carry += static_cast<unsigned __int128>(a.limbs[i]) + b.limbs[i];
      r.limbs[i] = static_cast<uint64_t>(carry);
      carry >>= 64;
    }
    return r;
  }
  friend U256 operator-(const U256 &a, const U256 &b) {
    U256 r;
    uint64_t borrow = 0;
    for (int i = 0; i < 4; ++i) {
      uint64_t d = a.limbs[i] - b.limbs[i];
      uint64_t borrowOut = a.limbs[i] < b.limbs[i];
      r.limbs[i] = d - borrow;
      borrow = borrowOut | (d < borrow);
    }
    return r;
  }
  friend U256 operator*(const U256 &a, const U256 &b);

  friend constexpr U256 operator&(const U256 &a, const U256 &b) {
    return fromLimbs(a.limbs[0] & b.limbs[0], a.limbs[1] & b.limbs[1],
                     a.limbs[2] & b.limbs[2], a.limbs[3] & b.limbs[3]);
  }
  friend constexpr U256 operator|(const U256 &a, const U256 &b) {
    return fromLimbs(a.limbs[0] | b.limbs[0], a.limbs[1] | b.limbs[1],
                     a.limbs[2] | b.limbs[2], a.limbs[3] | b.limbs[3]);
  }
  friend constexpr U256 operator^(const U256 &a, const U256 &b) {
    return fromLimbs(a.limbs[0] ^ b.limbs[0], a.limbs[1] ^ b.limbs[1],
                     a.limbs[2] ^ b.limbs[2], a.limbs[3] ^ b.limbs[3]);
  }
  constexpr U256 operator~() const {
    return fromLimbs(~limbs[0], ~limbs[1], ~limbs[2], ~limbs[3]);
  }
  /// Two's complement negation.
  U256 operator-() const { return U256() - *this; }
  /// Shifts by `n` bits; 256 or more gives zero.
  U256 operator<<(unsigned n) const;
  U256 operator>>(unsigned n) const;

  /// Unsigned quotient and remainder; division by zero gives {0, 0}.
  static void divMod(const U256 &a, const U256 &b, U256 &quotient,
                     U256 &remainder);

  /// The full 512-bit product, least significant limb first.
  static std::array<uint64_t, 8> mulFull(const U256 &a, const U256 &b);
  /// `wide` (512 bits, least significant limb first) modulo `n`; zero when
  /// n is zero, as the EVM's modular opcodes want.
  static U256 modWide(const std::array<uint64_t, 8> &wide, const U256 &n);
};

} // namespace zkevmc

#endif // ZKEVMC_OPCODES_WORD_H
