//===- Types.cpp - Conversions between words, addresses and hex -----------===//

#include "runtime/evm/Types.h"

#include <cstring>

namespace zkevmc::evm {

Address toAddress(const U256 &word) {
  uint8_t bytes[32];
  word.toBigEndian(bytes);
  Address address;
  std::memcpy(address.data(), bytes + 12, 20);
  return address;
}

U256 fromAddress(const Address &address) {
  return U256::fromBigEndian(address.data(), address.size());
}

U256 fromHash(const Hash &hash) {
  return U256::fromBigEndian(hash.data(), hash.size());
}

Hash toHash(const U256 &word) {
  Hash hash;
  word.toBigEndian(hash.data());
  return hash;
}

static int hexDigit(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

std::optional<Bytes> parseHex(std::string_view text) {
  if (text.size() >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
    text.remove_prefix(2);
  Bytes out;
  out.reserve(text.size() / 2 + 1);
  size_t i = 0;
  if (text.size() % 2 == 1) {
    int d = hexDigit(text[0]);
    if (d < 0)
      return std::nullopt;
    out.push_back(static_cast<uint8_t>(d));
    i = 1;
  }
  for (; i < text.size(); i += 2) {
    int hi = hexDigit(text[i]), lo = hexDigit(text[i + 1]);
    if (hi < 0 || lo < 0)
      return std::nullopt;
    out.push_back(static_cast<uint8_t>(hi * 16 + lo));
  }
  return out;
}

std::optional<Address> parseAddress(std::string_view text) {
  std::optional<Bytes> bytes = parseHex(text);
  if (!bytes || bytes->size() > 20)
    return std::nullopt;
  // Right-aligned so that short forms such as "0x01" name precompiles.
  Address address{};
  std::memcpy(address.data() + 20 - bytes->size(), bytes->data(),
              bytes->size());
  return address;
}

std::string toHex(const uint8_t *data, size_t size) {
  static const char digits[] = "0123456789abcdef";
  std::string out = "0x";
  out.reserve(2 + 2 * size);
  for (size_t i = 0; i < size; ++i) {
    out.push_back(digits[data[i] >> 4]);
    out.push_back(digits[data[i] & 15]);
  }
  return out;
}

} // namespace zkevmc::evm
