//===- Rlp.cpp - RLP encoding and Merkle-Patricia trie roots --------------===//

#include "runtime/evm/Rlp.h"

#include "runtime/evm/Keccak.h"

#include <cassert>

namespace zkevmc::evm::rlp {

static void appendLength(Bytes &out, size_t length, uint8_t shortBase,
                         uint8_t longBase) {
  if (length < 56) {
    out.push_back(static_cast<uint8_t>(shortBase + length));
    return;
  }
  uint8_t digits[8];
  int n = 0;
  for (size_t l = length; l; l >>= 8)
    digits[n++] = static_cast<uint8_t>(l & 0xff);
  out.push_back(static_cast<uint8_t>(longBase + n));
  while (n)
    out.push_back(digits[--n]);
}

Bytes encodeBytes(const uint8_t *data, size_t size) {
  Bytes out;
  if (size == 1 && data[0] < 0x80) {
    out.push_back(data[0]);
    return out;
  }
  appendLength(out, size, 0x80, 0xb7);
  out.insert(out.end(), data, data + size);
  return out;
}

Bytes encodeUint(uint64_t value) { return encodeUint(U256(value)); }

Bytes encodeUint(const U256 &value) {
  uint8_t bytes[32];
  value.toBigEndian(bytes);
  size_t skip = 0;
  while (skip < 32 && bytes[skip] == 0)
    ++skip;
  return encodeBytes(bytes + skip, 32 - skip);
}

Bytes encodeList(const std::vector<Bytes> &items) {
  size_t total = 0;
  for (const Bytes &item : items)
    total += item.size();
  Bytes out;
  appendLength(out, total, 0xc0, 0xf7);
  for (const Bytes &item : items)
    out.insert(out.end(), item.begin(), item.end());
  return out;
}

} // namespace zkevmc::evm::rlp

namespace zkevmc::evm {

namespace {
using Nibbles = std::vector<uint8_t>;
using Entry = std::pair<Nibbles, const Bytes *>;

Bytes hexPrefix(const Nibbles &nibbles, size_t from, size_t to, bool leaf) {
  size_t n = to - from;
  Bytes out;
  uint8_t flag = leaf ? 2 : 0;
  size_t i = from;
  if (n % 2 == 1) {
    out.push_back(static_cast<uint8_t>(((flag | 1) << 4) | nibbles[i]));
    ++i;
  } else {
    out.push_back(static_cast<uint8_t>(flag << 4));
  }
  for (; i < to; i += 2)
    out.push_back(static_cast<uint8_t>((nibbles[i] << 4) | nibbles[i + 1]));
  return out;
}

Bytes encodeNode(const std::vector<Entry> &entries, size_t begin, size_t end,
                 size_t depth);

// Children shorter than a hash are inlined, as the trie specification says.
Bytes nodeReference(const std::vector<Entry> &entries, size_t begin, size_t end,
                    size_t depth) {
  Bytes node = encodeNode(entries, begin, end, depth);
  if (node.size() < 32)
    return node;
  Hash hash = keccak256(node);
  return rlp::encodeBytes(hash.data(), hash.size());
}

// `entries` is sorted, so each subtrie is a contiguous range.
Bytes encodeNode(const std::vector<Entry> &entries, size_t begin, size_t end,
                 size_t depth) {
  if (begin == end)
    return rlp::encodeBytes(nullptr, 0);
  if (end - begin == 1) {
    const Nibbles &key = entries[begin].first;
    return rlp::encodeList(
        {rlp::encodeBytes(hexPrefix(key, depth, key.size(), true)),
         rlp::encodeBytes(*entries[begin].second)});
  }
  // The common prefix of a sorted range is that of its first and last key.
  const Nibbles &first = entries[begin].first;
  const Nibbles &last = entries[end - 1].first;
  size_t common = depth;
  while (common < first.size() && common < last.size() &&
         first[common] == last[common])
    ++common;
  if (common > depth)
    return rlp::encodeList(
        {rlp::encodeBytes(hexPrefix(first, depth, common, false)),
         nodeReference(entries, begin, end, common)});
  std::vector<Bytes> items;
  size_t i = begin;
  Bytes value = rlp::encodeBytes(nullptr, 0);
  if (entries[i].first.size() == depth) {
    value = rlp::encodeBytes(*entries[i].second);
    ++i;
  }
  for (uint8_t nibble = 0; nibble < 16; ++nibble) {
    size_t j = i;
    while (j < end && entries[j].first[depth] == nibble)
      ++j;
    items.push_back(j == i ? rlp::encodeBytes(nullptr, 0)
                           : nodeReference(entries, i, j, depth + 1));
    i = j;
  }
  items.push_back(value);
  return rlp::encodeList(items);
}
} // namespace

Hash trieRoot(const std::map<Bytes, Bytes> &entries) {
  std::vector<Entry> nibbled;
  nibbled.reserve(entries.size());
  for (const auto &[key, value] : entries) {
    Nibbles nibbles;
    for (uint8_t byte : key) {
      nibbles.push_back(byte >> 4);
      nibbles.push_back(byte & 15);
    }
    nibbled.push_back({std::move(nibbles), &value});
  }
  return keccak256(encodeNode(nibbled, 0, nibbled.size(), 0));
}

Hash stateRoot(const std::map<Address, Account> &accounts) {
  std::map<Bytes, Bytes> entries;
  for (const auto &[address, account] : accounts) {
    std::map<Bytes, Bytes> slots;
    for (const auto &[key, value] : account.storage) {
      Hash keyBytes = toHash(key);
      Hash hashed = keccak256(keyBytes.data(), keyBytes.size());
      slots[Bytes(hashed.begin(), hashed.end())] = rlp::encodeUint(value);
    }
    Hash storageRoot = trieRoot(slots);
    Hash codeHash =
        account.code.empty() ? emptyCodeHash() : keccak256(account.code);
    Hash hashed = keccak256(address.data(), address.size());
    entries[Bytes(hashed.begin(), hashed.end())] = rlp::encodeList(
        {rlp::encodeUint(account.nonce), rlp::encodeUint(account.balance),
         rlp::encodeBytes(storageRoot.data(), storageRoot.size()),
         rlp::encodeBytes(codeHash.data(), codeHash.size())});
  }
  return trieRoot(entries);
}

} // namespace zkevmc::evm
