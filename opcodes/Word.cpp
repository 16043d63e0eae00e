//===- Word.cpp - Products, shifts, division and text of U256 -------------===//

#include "opcodes/Word.h"

#include <algorithm>
#include <cassert>

namespace zkevmc {

namespace {

using u128 = unsigned __int128;

// The number of limbs below the highest nonzero one (0 for zero), so the
// division below only works on the significant part.
unsigned significantLimbs(const uint64_t *x, unsigned n) {
  while (n > 0 && x[n - 1] == 0)
    --n;
  return n;
}

// Divides u (m limbs) by the single limb v, leaving the quotient in q
// (m limbs) and returning the remainder.
uint64_t divideByLimb(const uint64_t *u, unsigned m, uint64_t v, uint64_t *q) {
  uint64_t rem = 0;
  for (unsigned i = m; i-- > 0;) {
    u128 cur = (static_cast<u128>(rem) << 64) | u[i];
    q[i] = static_cast<uint64_t>(cur / v);
    rem = static_cast<uint64_t>(cur % v);
  }
  return rem;
}

constexpr unsigned kMaxLimbs = 8;

// Knuth's algorithm D (TAOCP vol. 2, 4.3.1) on 64-bit limbs: u (m limbs) by
// v (n limbs, v[n-1] != 0, 2 <= n <= m <= 8). Writes m - n + 1 quotient
// limbs to q (when q is non-null) and n remainder limbs to r.
void divideKnuth(const uint64_t *u, unsigned m, const uint64_t *v, unsigned n,
                 uint64_t *q, uint64_t *r) {
  assert(n >= 2 && n <= m && m <= kMaxLimbs && v[n - 1] != 0);
  // Normalize so the divisor's top bit is set: then the two-limb estimate
  // of each quotient limb is at most 2 too large.
  unsigned s = static_cast<unsigned>(__builtin_clzll(v[n - 1]));
  uint64_t vn[kMaxLimbs], un[kMaxLimbs + 1];
  // Shifting a 64-bit value by 64 is undefined, so s = 0 is special.
  for (unsigned i = n - 1; i > 0; --i)
    vn[i] = (v[i] << s) | (s ? v[i - 1] >> (64 - s) : 0);
  vn[0] = v[0] << s;
  un[m] = s ? u[m - 1] >> (64 - s) : 0;
  for (unsigned i = m - 1; i > 0; --i)
    un[i] = (u[i] << s) | (s ? u[i - 1] >> (64 - s) : 0);
  un[0] = u[0] << s;

  const u128 base = static_cast<u128>(1) << 64;
  for (unsigned j = m - n + 1; j-- > 0;) {
    // Estimate from the top two limbs; un[j+n] <= vn[n-1] keeps qhat below
    // 2^64 + 2, and the test against vn[n-2] makes it exact or one too big.
    u128 num = (static_cast<u128>(un[j + n]) << 64) | un[j + n - 1];
    u128 qhat = num / vn[n - 1];
    u128 rhat = num % vn[n - 1];
    while (qhat >= base || qhat * vn[n - 2] > ((rhat << 64) | un[j + n - 2])) {
      --qhat;
      rhat += vn[n - 1];
      if (rhat >= base)
        break;
    }

    // un[j..j+n] -= qhat * vn.
    uint64_t mulCarry = 0, borrow = 0;
    for (unsigned i = 0; i < n; ++i) {
      u128 p = qhat * vn[i] + mulCarry;
      mulCarry = static_cast<uint64_t>(p >> 64);
      uint64_t lo = static_cast<uint64_t>(p);
      uint64_t x = un[i + j];
      uint64_t d = x - lo;
      // x < lo makes d nonzero, so at most one of the two borrows happens.
      uint64_t borrowOut = (x < lo) | (d < borrow);
      un[i + j] = d - borrow;
      borrow = borrowOut;
    }
    u128 top = static_cast<u128>(mulCarry) + borrow;
    bool negative = un[j + n] < top;
    un[j + n] = static_cast<uint64_t>(un[j + n] - top);

    // Rare (about 2 / 2^64 of random limbs): qhat was still one too big, so
    // add the divisor back once.
    if (negative) {
      --qhat;
      uint64_t carry = 0;
      for (unsigned i = 0; i < n; ++i) {
        u128 sum = static_cast<u128>(un[i + j]) + vn[i] + carry;
        un[i + j] = static_cast<uint64_t>(sum);
        carry = static_cast<uint64_t>(sum >> 64);
      }
      un[j + n] += carry; // Wraps back to the nonnegative remainder.
    }
    if (q)
      q[j] = static_cast<uint64_t>(qhat);
  }

  for (unsigned i = 0; i + 1 < n; ++i)
    r[i] = (un[i] >> s) | (s ? un[i + 1] << (64 - s) : 0);
  r[n - 1] = un[n - 1] >> s;
}

// Quotient and remainder of u (m <= 8 limbs) by v (4 limbs, nonzero).
// q has room for m limbs; both outputs are fully written.
void divideLimbs(const uint64_t *uIn, unsigned m, const U256 &vIn, uint64_t *q,
                 U256 &rem) {
  unsigned n = significantLimbs(vIn.limbs.data(), 4);
  assert(n > 0 && "division by zero is the caller's case");
  unsigned mSig = significantLimbs(uIn, m);
  std::fill(q, q + m, 0);
  rem = U256();
  if (mSig < n) {
    std::copy(uIn, uIn + mSig, rem.limbs.begin());
    return;
  }
  if (n == 1) {
    rem.limbs[0] = divideByLimb(uIn, mSig, vIn.limbs[0], q);
    return;
  }
  divideKnuth(uIn, mSig, vIn.limbs.data(), n, q, rem.limbs.data());
}

} // namespace

U256 U256::fromBigEndian(const uint8_t *bytes, size_t n) {
  if (n > 32) {
    bytes += n - 32;
    n = 32;
  }
  U256 w;
  for (size_t i = 0; i < n; ++i) {
    size_t fromLow = n - 1 - i;
    w.limbs[fromLow / 8] |= uint64_t(bytes[i]) << (8 * (fromLow % 8));
  }
  return w;
}

void U256::toBigEndian(uint8_t out[32]) const {
  for (size_t i = 0; i < 32; ++i)
    out[31 - i] = static_cast<uint8_t>(limbs[i / 8] >> (8 * (i % 8)));
}

std::optional<U256> U256::fromString(std::string_view text) {
  if (text.size() >= 2 && text[0] == '0' &&
      (text[1] == 'x' || text[1] == 'X')) {
    std::string_view digits = text.substr(2);
    if (digits.empty() || digits.size() > 64)
      return std::nullopt;
    U256 w;
    for (size_t i = 0; i < digits.size(); ++i) {
      char c = digits[digits.size() - 1 - i];
      uint64_t d;
      if (c >= '0' && c <= '9')
        d = uint64_t(c - '0');
      else if (c >= 'a' && c <= 'f')
        d = uint64_t(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        d = uint64_t(c - 'A' + 10);
      else
        return std::nullopt;
      w.limbs[i / 16] |= d << (4 * (i % 16));
    }
    return w;
  }

  if (text.empty())
    return std::nullopt;
  U256 w;
  for (char c : text) {
    if (c < '0' || c > '9')
      return std::nullopt;
    // w = w * 10 + d; a carry out of the top limb means the value is too big.
    uint64_t carry = uint64_t(c - '0');
    for (uint64_t &limb : w.limbs) {
      u128 t = static_cast<u128>(limb) * 10 + carry;
      limb = static_cast<uint64_t>(t);
      carry = static_cast<uint64_t>(t >> 64);
    }
    if (carry)
      return std::nullopt;
  }
  return w;
}

std::string U256::toHex() const {
  static const char digits[] = "0123456789abcdef";
  std::string out = "0x";
  bool started = false;
  for (unsigned i = 64; i-- > 0;) {
    unsigned d = unsigned(limbs[i / 16] >> (4 * (i % 16))) & 0xf;
    started |= d != 0 || i == 0;
    if (started)
      out.push_back(digits[d]);
  }
  return out;
}

std::string U256::toDecimal() const {
  // Peel off 19 decimal digits at a time: 10^19 is the largest power of ten
  // that fits in a limb.
  constexpr uint64_t chunk = 10000000000000000000ull;
  std::string reversed;
  U256 w = *this;
  do {
    U256 q;
    uint64_t rem = divideByLimb(w.limbs.data(), 4, chunk, q.limbs.data());
    w = q;
    for (int i = 0; i < 19 && (rem || !w.isZero()); ++i) {
      reversed.push_back(char('0' + rem % 10));
      rem /= 10;
    }
  } while (!w.isZero());
  if (reversed.empty())
    reversed = "0";
  return std::string(reversed.rbegin(), reversed.rend());
}

unsigned U256::countLeadingZeros() const {
  for (int i = 3; i >= 0; --i)
    if (limbs[i])
      return unsigned(3 - i) * 64 + unsigned(__builtin_clzll(limbs[i]));
  return 256;
}

U256 operator*(const U256 &a, const U256 &b) {
  // Only the partial products that land below 2^256 are needed.
  U256 r;
  for (int i = 0; i < 4; ++i) {
    uint64_t carry = 0;
    for (int j = 0; i + j < 4; ++j) {
      u128 p =
          static_cast<u128>(a.limbs[i]) * b.limbs[j] + r.limbs[i + j] + carry;
      r.limbs[i + j] = static_cast<uint64_t>(p);
      carry = static_cast<uint64_t>(p >> 64);
    }
  }
  return r;
}

U256 U256::operator<<(unsigned n) const {
  if (n >= 256)
    return U256();
  unsigned limbShift = n / 64, bitShift = n % 64;
  U256 r;
  for (unsigned i = limbShift; i < 4; ++i) {
    unsigned from = i - limbShift;
    uint64_t v = limbs[from] << bitShift;
    if (bitShift && from > 0)
      v |= limbs[from - 1] >> (64 - bitShift);
    r.limbs[i] = v;
  }
  return r;
}

U256 U256::operator>>(unsigned n) const {
  if (n >= 256)
    return U256();
  unsigned limbShift = n / 64, bitShift = n % 64;
  U256 r;
  for (unsigned i = 0; i + limbShift < 4; ++i) {
    unsigned from = i + limbShift;
    uint64_t v = limbs[from] >> bitShift;
    if (bitShift && from + 1 < 4)
      v |= limbs[from + 1] << (64 - bitShift);
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
  // Most words in real code are small; skip the general path for them.
  if (a.fitsUint64() && b.fitsUint64()) {
    uint64_t x = a.limbs[0], y = b.limbs[0];
    quotient = U256(x / y);
    remainder = U256(x % y);
    return;
  }
  U256 q;
  divideLimbs(a.limbs.data(), 4, b, q.limbs.data(), remainder);
  quotient = q;
}

std::array<uint64_t, 8> U256::mulFull(const U256 &a, const U256 &b) {
  std::array<uint64_t, 8> r{};
  for (int i = 0; i < 4; ++i) {
    uint64_t carry = 0;
    for (int j = 0; j < 4; ++j) {
      u128 p = static_cast<u128>(a.limbs[i]) * b.limbs[j] + r[i + j] + carry;
      r[i + j] = static_cast<uint64_t>(p);
      carry = static_cast<uint64_t>(p >> 64);
    }
    r[i + 4] = carry;
  }
  return r;
}

U256 U256::modWide(const std::array<uint64_t, 8> &wide, const U256 &n) {
  if (n.isZero())
    return U256();
  uint64_t q[8];
  U256 rem;
  divideLimbs(wide.data(), 8, n, q, rem);
  return rem;
}

} // namespace zkevmc
