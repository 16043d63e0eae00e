//===- Word.cpp - The 256-bit EVM word ------------------------------------===//

#include "opcodes/Word.h"

#include "llvm/ADT/APInt.h"
#include "llvm/ADT/StringExtras.h"

namespace zkevmc {

namespace {
using u128 = unsigned __int128;

llvm::APInt toAPInt(const U256 &w) { return llvm::APInt(256, llvm::ArrayRef<uint64_t>(w.limbs)); }

U256 fromAPInt(const llvm::APInt &v) {
  U256 w;
  for (unsigned i = 0; i < 4; ++i)
    w.limbs[i] = v.extractBitsAsZExtValue(64, 64 * i);
  return w;
}
} // namespace

U256 U256::fromBigEndian(const uint8_t *bytes, size_t n) {
  U256 w;
  for (size_t i = 0; i < n && i < 32; ++i) {
    size_t pos = n - 1 - i; // byte i from the least significant end
    w.limbs[i / 8] |= uint64_t(bytes[pos]) << (8 * (i % 8));
  }
  return w;
}

void U256::toBigEndian(uint8_t out[32]) const {
  for (size_t i = 0; i < 32; ++i)
    out[31 - i] = uint8_t(limbs[i / 8] >> (8 * (i % 8)));
}

std::optional<U256> U256::fromString(std::string_view text) {
  if (text.empty())
    return std::nullopt;
  U256 w;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    text.remove_prefix(2);
    if (text.size() > 64)
      return std::nullopt;
    for (char c : text) {
      unsigned d;
      if (c >= '0' && c <= '9')
        d = c - '0';
      else if (c >= 'a' && c <= 'f')
        d = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F')
        d = c - 'A' + 10;
      else
        return std::nullopt;
      w = (w << 4) | U256(d);
    }
    return w;
  }
  for (char c : text) {
    if (c < '0' || c > '9')
      return std::nullopt;
    // w * 10 + d must stay below 2^256.
    llvm::APInt wide = toAPInt(w).zext(264) * 10 + (c - '0');
    if (wide.getActiveBits() > 256)
      return std::nullopt;
    w = fromAPInt(wide.trunc(256));
  }
  return w;
}

std::string U256::toHex() const {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (int i = 63; i >= 0; --i) {
    unsigned d = (limbs[i / 16] >> (4 * (i % 16))) & 0xf;
    if (d || !out.empty())
      out.push_back(digits[d]);
  }
  return "0x" + (out.empty() ? std::string("0") : out);
}

std::string U256::toDecimal() const {
  return llvm::toString(toAPInt(*this), 10, /*Signed=*/false);
}

unsigned U256::countLeadingZeros() const {
  for (int i = 3; i >= 0; --i)
    if (limbs[i])
      return unsigned(3 - i) * 64 + unsigned(__builtin_clzll(limbs[i]));
  return 256;
}

U256 operator+(const U256 &a, const U256 &b) {
  U256 r;
  u128 carry = 0;
  for (int i = 0; i < 4; ++i) {
    u128 s = u128(a.limbs[i]) + b.limbs[i] + carry;
    r.limbs[i] = uint64_t(s);
    carry = s >> 64;
  }
  return r;
}

U256 operator-(const U256 &a, const U256 &b) {
  U256 r;
  uint64_t borrow = 0;
  for (int i = 0; i < 4; ++i) {
    u128 d = u128(a.limbs[i]) - b.limbs[i] - borrow;
    r.limbs[i] = uint64_t(d);
    borrow = uint64_t(d >> 64) & 1;
  }
  return r;
}

U256 operator*(const U256 &a, const U256 &b) {
  U256 r;
  for (int i = 0; i < 4; ++i) {
    uint64_t carry = 0;
    for (int j = 0; i + j < 4; ++j) {
      u128 p = u128(a.limbs[i]) * b.limbs[j] + r.limbs[i + j] + carry;
      r.limbs[i + j] = uint64_t(p);
      carry = uint64_t(p >> 64);
    }
  }
  return r;
}

U256 operator&(const U256 &a, const U256 &b) {
  return U256::fromLimbs(a.limbs[0] & b.limbs[0], a.limbs[1] & b.limbs[1],
                         a.limbs[2] & b.limbs[2], a.limbs[3] & b.limbs[3]);
}
U256 operator|(const U256 &a, const U256 &b) {
  return U256::fromLimbs(a.limbs[0] | b.limbs[0], a.limbs[1] | b.limbs[1],
                         a.limbs[2] | b.limbs[2], a.limbs[3] | b.limbs[3]);
}
U256 operator^(const U256 &a, const U256 &b) {
  return U256::fromLimbs(a.limbs[0] ^ b.limbs[0], a.limbs[1] ^ b.limbs[1],
                         a.limbs[2] ^ b.limbs[2], a.limbs[3] ^ b.limbs[3]);
}
U256 U256::operator~() const {
  return fromLimbs(~limbs[0], ~limbs[1], ~limbs[2], ~limbs[3]);
}
U256 U256::operator-() const { return U256() - *this; }

U256 U256::operator<<(unsigned n) const {
  if (n >= 256)
    return U256();
  U256 r;
  unsigned limbShift = n / 64, bitShift = n % 64;
  for (int i = 3; i >= int(limbShift); --i) {
    uint64_t v = limbs[i - limbShift] << bitShift;
    if (bitShift && i - int(limbShift) - 1 >= 0)
      v |= limbs[i - limbShift - 1] >> (64 - bitShift);
    r.limbs[i] = v;
  }
  return r;
}

U256 U256::operator>>(unsigned n) const {
  if (n >= 256)
    return U256();
  U256 r;
  unsigned limbShift = n / 64, bitShift = n % 64;
  for (unsigned i = 0; i + limbShift < 4; ++i) {
    uint64_t v = limbs[i + limbShift] >> bitShift;
    if (bitShift && i + limbShift + 1 < 4)
      v |= limbs[i + limbShift + 1] << (64 - bitShift);
    r.limbs[i] = v;
  }
  return r;
}

void U256::divMod(const U256 &a, const U256 &b, U256 &quotient,
                  U256 &remainder) {
  if (b.isZero()) {
    quotient = remainder = U256();
    return;
  }
  if (a.fitsUint64() && b.fitsUint64()) {
    quotient = U256(a.limbs[0] / b.limbs[0]);
    remainder = U256(a.limbs[0] % b.limbs[0]);
    return;
  }
  llvm::APInt q, r;
  llvm::APInt::udivrem(toAPInt(a), toAPInt(b), q, r);
  quotient = fromAPInt(q);
  remainder = fromAPInt(r);
}

} // namespace zkevmc
