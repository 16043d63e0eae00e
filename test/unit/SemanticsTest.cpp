//===- SemanticsTest.cpp - U256 and the pure opcodes, against GMP ---------===//
//
// Hand-computed edge cases pin the Yellow Paper / EIP-145 corner cases; a
// randomized differential test then checks every pure opcode against an
// independent oracle written with GMP. Set ZKEVMC_SEED to vary or reproduce
// the random operands.
//
//===----------------------------------------------------------------------===//

#include "opcodes/Semantics.h"
#include "opcodes/Word.h"

#include "gtest/gtest.h"

#include <gmp.h>

#include <array>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <optional>
#include <random>
#include <string>
#include <vector>

using zkevmc::U256;
namespace sem = zkevmc::semantics;

namespace {

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

U256 pow2(unsigned k) { return U256(1) << k; }

// Parses text that the test itself wrote; bad text is a bug in the test.
U256 w(const char *text) {
  std::optional<U256> v = U256::fromString(text);
  EXPECT_TRUE(v.has_value()) << "bad test constant " << text;
  return v.value_or(U256());
}

const U256 kMax = U256::max();
const U256 kMinusOne = U256::max();
const U256 kIntMin = pow2(255);                  // -2^255
const U256 kIntMax = pow2(255) - U256(1);        // 2^255 - 1
const U256 kTwo64 = U256::fromLimbs(0, 1, 0, 0); // 2^64: low limb zero

U256 neg(uint64_t v) { return -U256(v); }

} // namespace

// Found by argument-dependent lookup, so gtest shows words as hex rather than
// as raw bytes.
namespace zkevmc {
void PrintTo(const U256 &v, std::ostream *os) { *os << v.toHex(); }
} // namespace zkevmc

namespace {

struct OpcodeInfo {
  uint8_t code;
  const char *name;
  unsigned arity;
};

constexpr OpcodeInfo kPureOpcodes[] = {
    {0x01, "ADD", 2},  {0x02, "MUL", 2},        {0x03, "SUB", 2},
    {0x04, "DIV", 2},  {0x05, "SDIV", 2},       {0x06, "MOD", 2},
    {0x07, "SMOD", 2}, {0x08, "ADDMOD", 3},     {0x09, "MULMOD", 3},
    {0x0a, "EXP", 2},  {0x0b, "SIGNEXTEND", 2}, {0x10, "LT", 2},
    {0x11, "GT", 2},   {0x12, "SLT", 2},        {0x13, "SGT", 2},
    {0x14, "EQ", 2},   {0x15, "ISZERO", 1},     {0x16, "AND", 2},
    {0x17, "OR", 2},   {0x18, "XOR", 2},        {0x19, "NOT", 1},
    {0x1a, "BYTE", 2}, {0x1b, "SHL", 2},        {0x1c, "SHR", 2},
    {0x1d, "SAR", 2},
};

// Calls the named function directly, so that both it and evalPure's
// dispatch are checked.
U256 callDirect(uint8_t opcode, const std::vector<U256> &o) {
  switch (opcode) {
  case 0x01:
    return sem::add(o[0], o[1]);
  case 0x02:
    return sem::mul(o[0], o[1]);
  case 0x03:
    return sem::sub(o[0], o[1]);
  case 0x04:
    return sem::div(o[0], o[1]);
  case 0x05:
    return sem::sdiv(o[0], o[1]);
  case 0x06:
    return sem::mod(o[0], o[1]);
  case 0x07:
    return sem::smod(o[0], o[1]);
  case 0x08:
    return sem::addmod(o[0], o[1], o[2]);
  case 0x09:
    return sem::mulmod(o[0], o[1], o[2]);
  case 0x0a:
    return sem::exp(o[0], o[1]);
  case 0x0b:
    return sem::signextend(o[0], o[1]);
  case 0x10:
    return sem::lt(o[0], o[1]);
  case 0x11:
    return sem::gt(o[0], o[1]);
  case 0x12:
    return sem::slt(o[0], o[1]);
  case 0x13:
    return sem::sgt(o[0], o[1]);
  case 0x14:
    return sem::eq(o[0], o[1]);
  case 0x15:
    return sem::iszero(o[0]);
  case 0x16:
    return sem::bitAnd(o[0], o[1]);
  case 0x17:
    return sem::bitOr(o[0], o[1]);
  case 0x18:
    return sem::bitXor(o[0], o[1]);
  case 0x19:
    return sem::bitNot(o[0]);
  case 0x1a:
    return sem::byte(o[0], o[1]);
  case 0x1b:
    return sem::shl(o[0], o[1]);
  case 0x1c:
    return sem::shr(o[0], o[1]);
  case 0x1d:
    return sem::sar(o[0], o[1]);
  }
  ADD_FAILURE() << "not a pure opcode " << int(opcode);
  return U256();
}

//===----------------------------------------------------------------------===//
// The GMP oracle: plain integer arithmetic, reduced mod 2^256 at the end,
// with signed operands converted from two's complement first. It shares no
// code with the implementation.
//===----------------------------------------------------------------------===//

class Mpz {
public:
  Mpz() { mpz_init(v); }
  explicit Mpz(const U256 &x) {
    mpz_init(v);
    mpz_import(v, 4, -1, sizeof(uint64_t), 0, 0, x.limbs.data());
  }
  Mpz(const Mpz &) = delete;
  Mpz &operator=(const Mpz &) = delete;
  ~Mpz() { mpz_clear(v); }

  // x as a two's complement integer in [-2^255, 2^255).
  static void signedOf(Mpz &out, const U256 &x) {
    mpz_import(out.v, 4, -1, sizeof(uint64_t), 0, 0, x.limbs.data());
    if (x.isNegative()) {
      Mpz two256;
      mpz_ui_pow_ui(two256.v, 2, 256);
      mpz_sub(out.v, out.v, two256.v);
    }
  }

  // The value mod 2^256 (floor, so negatives wrap) as a word.
  U256 toWord() const {
    Mpz reduced;
    mpz_fdiv_r_2exp(reduced.v, v, 256);
    U256 out;
    size_t count = 0;
    mpz_export(out.limbs.data(), &count, -1, sizeof(uint64_t), 0, 0, reduced.v);
    return out;
  }

  std::string toHex() const {
    char *s = mpz_get_str(nullptr, 16, v);
    std::string out = std::string("0x") + s;
    void (*freeFn)(void *, size_t);
    mp_get_memory_functions(nullptr, nullptr, &freeFn);
    freeFn(s, std::strlen(s) + 1);
    return out;
  }

  std::string toDecimal() const {
    char *s = mpz_get_str(nullptr, 10, v);
    std::string out = s;
    void (*freeFn)(void *, size_t);
    mp_get_memory_functions(nullptr, nullptr, &freeFn);
    freeFn(s, std::strlen(s) + 1);
    return out;
  }

  mpz_t v;
};

// A shift or index operand as a bit count, capped where larger ones all
// behave alike.
unsigned long cappedUi(const Mpz &x, unsigned long cap) {
  return mpz_cmp_ui(x.v, cap) >= 0 ? cap : mpz_get_ui(x.v);
}

U256 oracle(uint8_t opcode, const std::vector<U256> &ops) {
  Mpz a(ops[0]);
  Mpz b(ops.size() > 1 ? ops[1] : U256());
  Mpz c(ops.size() > 2 ? ops[2] : U256());
  Mpz sa, sb, r;
  Mpz::signedOf(sa, ops[0]);
  Mpz::signedOf(sb, ops.size() > 1 ? ops[1] : U256());
  bool bZero = mpz_sgn(b.v) == 0;
  auto predicate = [](bool p) { return U256(p ? 1 : 0); };

  switch (opcode) {
  case 0x01:
    mpz_add(r.v, a.v, b.v);
    break;
  case 0x02:
    mpz_mul(r.v, a.v, b.v);
    break;
  case 0x03:
    mpz_sub(r.v, a.v, b.v);
    break;
  case 0x04:
    if (!bZero)
      mpz_tdiv_q(r.v, a.v, b.v);
    break;
  case 0x05: // Truncating division of the signed values.
    if (!bZero)
      mpz_tdiv_q(r.v, sa.v, sb.v);
    break;
  case 0x06:
    if (!bZero)
      mpz_tdiv_r(r.v, a.v, b.v);
    break;
  case 0x07: // tdiv_r's remainder has the dividend's sign.
    if (!bZero)
      mpz_tdiv_r(r.v, sa.v, sb.v);
    break;
  case 0x08:
    if (mpz_sgn(c.v) != 0) {
      mpz_add(r.v, a.v, b.v);
      mpz_mod(r.v, r.v, c.v);
    }
    break;
  case 0x09:
    if (mpz_sgn(c.v) != 0) {
      mpz_mul(r.v, a.v, b.v);
      mpz_mod(r.v, r.v, c.v);
    }
    break;
  case 0x0a: {
    Mpz two256;
    mpz_ui_pow_ui(two256.v, 2, 256);
    mpz_powm(r.v, a.v, b.v, two256.v);
    break;
  }
  case 0x0b: {
    // Keep the low 8(k+1) bits and read them as a signed number.
    if (mpz_cmp_ui(a.v, 31) >= 0) {
      mpz_set(r.v, b.v);
      break;
    }
    unsigned long bits = 8 * (mpz_get_ui(a.v) + 1);
    mpz_fdiv_r_2exp(r.v, b.v, bits);
    if (mpz_tstbit(r.v, bits - 1)) {
      Mpz span;
      mpz_ui_pow_ui(span.v, 2, bits);
      mpz_sub(r.v, r.v, span.v);
    }
    break;
  }
  case 0x10:
    return predicate(mpz_cmp(a.v, b.v) < 0);
  case 0x11:
    return predicate(mpz_cmp(a.v, b.v) > 0);
  case 0x12:
    return predicate(mpz_cmp(sa.v, sb.v) < 0);
  case 0x13:
    return predicate(mpz_cmp(sa.v, sb.v) > 0);
  case 0x14:
    return predicate(mpz_cmp(a.v, b.v) == 0);
  case 0x15:
    return predicate(mpz_sgn(a.v) == 0);
  case 0x16:
    mpz_and(r.v, a.v, b.v);
    break;
  case 0x17:
    mpz_ior(r.v, a.v, b.v);
    break;
  case 0x18:
    mpz_xor(r.v, a.v, b.v);
    break;
  case 0x19: // -a - 1, which is ~a once reduced mod 2^256.
    mpz_com(r.v, a.v);
    break;
  case 0x1a: {
    unsigned long i = cappedUi(a, 32);
    if (i < 32) {
      mpz_fdiv_q_2exp(r.v, b.v, 8 * (31 - i));
      mpz_fdiv_r_2exp(r.v, r.v, 8);
    }
    break;
  }
  case 0x1b:
    // Past 256 bits everything is reduced away; cap to keep GMP small.
    mpz_mul_2exp(r.v, b.v, cappedUi(a, 256));
    break;
  case 0x1c:
    mpz_fdiv_q_2exp(r.v, b.v, cappedUi(a, 256));
    break;
  case 0x1d: // Floor division of the signed value is the arithmetic shift.
    mpz_fdiv_q_2exp(r.v, sb.v, cappedUi(a, 256));
    break;
  default:
    ADD_FAILURE() << "oracle has no opcode " << int(opcode);
  }
  return r.toWord();
}

//===----------------------------------------------------------------------===//
// Random operands
//===----------------------------------------------------------------------===//

constexpr uint64_t kDefaultSeed = 0x7a6b65766d63ull; // "zkevmc"

uint64_t baseSeed() {
  const char *env = std::getenv("ZKEVMC_SEED");
  if (!env || !*env)
    return kDefaultSeed;
  char *end = nullptr;
  unsigned long long seed = std::strtoull(env, &end, 0);
  if (*end != '\0') {
    ADD_FAILURE() << "ZKEVMC_SEED is not a number: " << env;
    return kDefaultSeed;
  }
  return seed;
}

std::string seedNote(uint64_t seed) {
  return "seed " + std::to_string(seed) +
         " (rerun with ZKEVMC_SEED=" + std::to_string(seed) + ")";
}

// Uniform words almost never hit the corners (zero divisors, sign
// boundaries, shift amounts below 256, quotient limbs that need Knuth's
// correction steps), so most draws come from shaped distributions.
class WordSource {
public:
  explicit WordSource(uint64_t seed) : rng(seed) {}

  uint64_t raw() { return rng(); }
  uint64_t below(uint64_t n) { return rng() % n; }

  U256 uniform() { return U256::fromLimbs(rng(), rng(), rng(), rng()); }

  U256 next() {
    switch (below(11)) {
    case 0:
      return uniform();
    case 1: // Indices, byte numbers and shift amounts around their limits.
      return U256(below(40));
    case 2:
      return U256(below(300));
    case 3: // Near 2^255, the signed boundary.
      return pow2(255) + U256(below(17)) - U256(8);
    case 4: // Near 2^256: small negative numbers.
      return -U256(1 + below(300));
    case 5:
      return U256();
    case 6: { // Powers of two, and their neighbours.
      U256 p = pow2(unsigned(below(256)));
      switch (below(3)) {
      case 0:
        return p;
      case 1:
        return p - U256(1);
      default:
        return p + U256(1);
      }
    }
    case 7: // Every significant length, so divisions see all limb counts.
      return uniform() >> unsigned(below(256));
    case 8:
      return structured();
    case 9: // Random 64-bit values, the interpreter's common case.
      return U256(rng());
    default: // Uniform with a random sign bit, for the signed opcodes.
      return (uniform() >> 1) | (below(2) ? pow2(255) : U256());
    }
  }

  // Limbs drawn from the values that stress carries and quotient estimates.
  U256 structured() {
    static const uint64_t special[] = {0,
                                       1,
                                       2,
                                       ~0ull,
                                       ~0ull - 1,
                                       1ull << 63,
                                       (1ull << 63) - 1,
                                       (1ull << 63) + 1,
                                       1ull << 32};
    U256 x;
    for (uint64_t &limb : x.limbs)
      limb = below(4) == 0 ? rng() : special[below(std::size(special))];
    return x;
  }

private:
  std::mt19937_64 rng;
};

//===----------------------------------------------------------------------===//
// U256
//===----------------------------------------------------------------------===//

static_assert(U256().isZero(), "the default word is zero");
static_assert(U256(7).limbs[0] == 7 && U256(7).limbs[3] == 0,
              "a uint64_t fills the low limb");
static_assert(U256::fromLimbs(1, 2, 3, 4).limbs[3] == 4,
              "limbs are least significant first");
static_assert(U256::max().isNegative() && !U256(1).isNegative(),
              "bit 255 is the sign");

TEST(WordTest, LimbsAreLeastSignificantFirst) {
  U256 x = U256::fromLimbs(1, 2, 3, 4);
  EXPECT_EQ(x, (U256(4) << 192) + (U256(3) << 128) + (U256(2) << 64) + 1);
  EXPECT_EQ(x.toHex(), "0x4000000000000000300000000000000020000000000000001");
}

TEST(WordTest, BigEndianBytesAreRightAligned) {
  const uint8_t push2[] = {0x12, 0x34};
  EXPECT_EQ(U256::fromBigEndian(push2, 2), U256(0x1234));
  EXPECT_EQ(U256::fromBigEndian(push2, 0), U256());

  uint8_t full[32];
  for (int i = 0; i < 32; ++i)
    full[i] = uint8_t(i + 1);
  U256 x = U256::fromBigEndian(full, 32);
  EXPECT_EQ(x, w("0x0102030405060708090a0b0c0d0e0f10"
                 "1112131415161718191a1b1c1d1e1f20"));
  uint8_t out[32];
  x.toBigEndian(out);
  EXPECT_EQ(std::vector<uint8_t>(out, out + 32),
            std::vector<uint8_t>(full, full + 32));

  U256(0xabcd).toBigEndian(out);
  EXPECT_EQ(out[30], 0xab);
  EXPECT_EQ(out[31], 0xcd);
  for (int i = 0; i < 30; ++i)
    EXPECT_EQ(out[i], 0) << i;
}

TEST(WordTest, MoreThan32BigEndianBytesKeepTheLast32) {
  uint8_t bytes[33] = {0xff};
  bytes[32] = 0x05;
  EXPECT_EQ(U256::fromBigEndian(bytes, 33), U256(5));
}

TEST(WordTest, ParsesHexAndDecimal) {
  EXPECT_EQ(U256::fromString("0x0"), U256());
  EXPECT_EQ(U256::fromString("0x1f"), U256(0x1f));
  EXPECT_EQ(U256::fromString("0xABcdEf"), U256(0xabcdef));
  EXPECT_EQ(U256::fromString("0X10"), U256(16));
  EXPECT_EQ(U256::fromString("0x" + std::string(64, 'f')), kMax);
  EXPECT_EQ(U256::fromString("0x" + std::string(63, '0') + "1"), U256(1));
  EXPECT_EQ(U256::fromString("0x8" + std::string(63, '0')), kIntMin);
  EXPECT_EQ(U256::fromString("0"), U256());
  EXPECT_EQ(U256::fromString("007"), U256(7));
  EXPECT_EQ(U256::fromString("18446744073709551616"), kTwo64);
  EXPECT_EQ(U256::fromString("115792089237316195423570985008687907853269984665"
                             "640564039457584007913129639935"),
            kMax);
}

TEST(WordTest, RejectsMalformedOrOversizedText) {
  const char *bad[] = {
      "", "0x", "x1", "0x 1", " 1", "1 ", "-1", "+1", "1_000", "1,000", "0xg",
      "0x1g", "12a", "0b101", "1e3", "0x-1", "--", "0x0x1",
      // 65 hex digits, even with a leading zero.
      "0x00000000000000000000000000000000000000000000000000000000000000001",
      // 2^256 and beyond in decimal.
      "115792089237316195423570985008687907853269984665640564039457584007913"
      "129639936",
      "115792089237316195423570985008687907853269984665640564039457584007913"
      "129639935"
      "0",
      "999999999999999999999999999999999999999999999999999999999999999999999"
      "999999999"};
  for (const char *text : bad)
    EXPECT_FALSE(U256::fromString(text).has_value()) << '"' << text << '"';
  // Embedded NULs are garbage too, not terminators.
  EXPECT_FALSE(U256::fromString(std::string_view("12\0", 3)).has_value());
}

TEST(WordTest, PrintsMinimalLowerCaseHex) {
  EXPECT_EQ(U256().toHex(), "0x0");
  EXPECT_EQ(U256(0x1f).toHex(), "0x1f");
  EXPECT_EQ(U256(0xABCDEF).toHex(), "0xabcdef");
  EXPECT_EQ(kTwo64.toHex(), "0x10000000000000000");
  EXPECT_EQ(kMax.toHex(), "0x" + std::string(64, 'f'));
  EXPECT_EQ(kIntMin.toHex(), "0x8" + std::string(63, '0'));
}

TEST(WordTest, PrintsDecimal) {
  EXPECT_EQ(U256().toDecimal(), "0");
  EXPECT_EQ(U256(7).toDecimal(), "7");
  // Around the 10^19 chunks the printer works in.
  EXPECT_EQ(U256(9999999999999999999ull).toDecimal(), "9999999999999999999");
  EXPECT_EQ(U256(10000000000000000000ull).toDecimal(), "10000000000000000000");
  EXPECT_EQ((U256(10000000000000000000ull) * U256(10000000000000000000ull))
                .toDecimal(),
            "1" + std::string(38, '0'));
  EXPECT_EQ(kTwo64.toDecimal(), "18446744073709551616");
  EXPECT_EQ(kMax.toDecimal(), "115792089237316195423570985008687907853269984"
                              "665640564039457584007913129639935");
}

TEST(WordTest, TextRoundTripsAndMatchesGmp) {
  uint64_t seed = baseSeed();
  SCOPED_TRACE(seedNote(seed));
  WordSource source(seed);
  for (int i = 0; i < 2000; ++i) {
    U256 x = source.next();
    Mpz m(x);
    ASSERT_EQ(x.toHex(), m.toHex());
    ASSERT_EQ(x.toDecimal(), m.toDecimal());
    ASSERT_EQ(U256::fromString(x.toHex()), x);
    ASSERT_EQ(U256::fromString(x.toDecimal()), x);
  }
}

TEST(WordTest, ComparisonsAreUnsigned) {
  EXPECT_TRUE(U256(1) < kIntMin);
  EXPECT_TRUE(kMax > kIntMax);
  // Only the high limb differs, against a larger low limb.
  EXPECT_TRUE(U256::fromLimbs(~0ull, 0, 0, 0) < U256::fromLimbs(0, 0, 0, 1));
  EXPECT_TRUE(U256::fromLimbs(5, 1, 0, 0) > U256::fromLimbs(6, 0, 0, 0));
  U256 a(3), b(4);
  EXPECT_TRUE(a < b && a <= b && b > a && b >= a && a != b);
  EXPECT_TRUE(a <= a && a >= a && a == a && !(a < a) && !(a > a));
  EXPECT_FALSE(U256::fromLimbs(0, 0, 0, 1) == U256::fromLimbs(1, 0, 0, 0));
}

TEST(WordTest, AdditionAndSubtractionWrapAndCarryAcrossLimbs) {
  EXPECT_EQ(kMax + U256(1), U256());
  EXPECT_EQ(U256() - U256(1), kMax);
  EXPECT_EQ(U256(~0ull) + U256(1), kTwo64);
  EXPECT_EQ(kTwo64 - U256(1), U256(~0ull));
  EXPECT_EQ(U256::fromLimbs(~0ull, ~0ull, ~0ull, 0) + U256(1), pow2(192));
  EXPECT_EQ(pow2(192) - U256(1), U256::fromLimbs(~0ull, ~0ull, ~0ull, 0));
  EXPECT_EQ(kMax + kMax, kMax - U256(1));
}

TEST(WordTest, MultiplicationWraps) {
  EXPECT_EQ(kMax * kMax, U256(1));
  EXPECT_EQ(pow2(128) * pow2(128), U256());
  EXPECT_EQ(pow2(127) * pow2(128), pow2(255));
  EXPECT_EQ(U256(~0ull) * U256(~0ull), U256::fromLimbs(1, ~0ull - 1, 0, 0));
  EXPECT_EQ(kMinusOne * U256(5), neg(5));
}

TEST(WordTest, MulFullKeepsAll512Bits) {
  std::array<uint64_t, 8> sq = U256::mulFull(kMax, kMax);
  // (2^256 - 1)^2 = 2^512 - 2^257 + 1.
  std::array<uint64_t, 8> expected = {1,         0,     0,     0,
                                      ~0ull - 1, ~0ull, ~0ull, ~0ull};
  EXPECT_EQ(sq, expected);
}

TEST(WordTest, NegationIsTwosComplement) {
  EXPECT_EQ(-U256(), U256());
  EXPECT_EQ(-U256(1), kMax);
  EXPECT_EQ(-kIntMin, kIntMin);
  EXPECT_EQ(-neg(42), U256(42));
  EXPECT_EQ(~U256(), kMax);
}

TEST(WordTest, ShiftsCrossLimbsAndSaturateAt256) {
  U256 x = w("0x123456789abcdef0fedcba9876543210");
  EXPECT_EQ(x << 0, x);
  EXPECT_EQ(x >> 0, x);
  EXPECT_EQ(U256(1) << 64, kTwo64);
  EXPECT_EQ(U256(1) << 255, kIntMin);
  EXPECT_EQ(kIntMin >> 255, U256(1));
  EXPECT_EQ(x << 4, w("0x123456789abcdef0fedcba98765432100"));
  EXPECT_EQ(x >> 4, w("0x123456789abcdef0fedcba987654321"));
  EXPECT_EQ(x << 68, w("0x123456789abcdef0fedcba987654321000000000000000000"));
  EXPECT_EQ(kMax << 256, U256());
  EXPECT_EQ(kMax >> 256, U256());
  EXPECT_EQ(kMax << 1000, U256());
  EXPECT_EQ(kMax >> ~0u, U256());
  EXPECT_EQ(kMax << 255, kIntMin);
  EXPECT_EQ(kMax >> 255, U256(1));
}

TEST(WordTest, BitsSignAndLeadingZeros) {
  EXPECT_TRUE(kIntMin.bit(255));
  EXPECT_FALSE(kIntMin.bit(254));
  EXPECT_FALSE(kMax.bit(256));
  EXPECT_TRUE(kTwo64.bit(64));
  EXPECT_TRUE(kIntMin.isNegative());
  EXPECT_FALSE(kIntMax.isNegative());
  EXPECT_EQ(U256().countLeadingZeros(), 256u);
  EXPECT_EQ(U256(1).countLeadingZeros(), 255u);
  EXPECT_EQ(kTwo64.countLeadingZeros(), 191u);
  EXPECT_EQ(kMax.countLeadingZeros(), 0u);
  EXPECT_EQ(kIntMax.countLeadingZeros(), 1u);
  EXPECT_TRUE(U256().isZero());
  EXPECT_FALSE(kTwo64.isZero());
}

TEST(WordTest, DivModByZeroGivesZeros) {
  U256 q(9), r(9);
  U256::divMod(kMax, U256(), q, r);
  EXPECT_EQ(q, U256());
  EXPECT_EQ(r, U256());
  std::array<uint64_t, 8> wide;
  wide.fill(~0ull);
  EXPECT_EQ(U256::modWide(wide, U256()), U256());
}

// Each case makes the two-limb quotient estimate one too big even after
// Knuth's correction test, so only the rare add-back step gets it right.
TEST(WordTest, DivisionNeedingKnuthsAddBackStep) {
  U256 q, r;
  // (2^192 + 1) / (2^191 + 1): the estimate is 2, the quotient 1.
  U256::divMod(U256::fromLimbs(1, 0, 0, 1),
               U256::fromLimbs(1, 0, 1ull << 63, 0), q, r);
  EXPECT_EQ(q, U256(1));
  EXPECT_EQ(r, pow2(191));
  // The same after normalization shifts the divisor by one bit.
  U256::divMod(pow2(191) + U256(1), pow2(190) + U256(1), q, r);
  EXPECT_EQ(q, U256(1));
  EXPECT_EQ(r, pow2(190));
  // In the 512-bit path: (2^256 + 1) mod (2^255 + 1).
  EXPECT_EQ(sem::addmod(kMax, U256(2), pow2(255) + U256(1)), pow2(255));
}

TEST(WordTest, DivModAndModWideMatchGmpOnStructuredOperands) {
  uint64_t seed = baseSeed();
  SCOPED_TRACE(seedNote(seed));
  WordSource source(seed ^ 0xd1d1d1d1ull);
  int failures = 0;
  for (int i = 0; i < 100000 && failures < 10; ++i) {
    U256 a = source.structured(), b = source.structured();
    if (i % 4 == 1) // Just below a multiple: the quotient estimate overshoots.
      a = b * U256(source.raw() % 8 + 1) - U256(source.raw() % 4 + 1);
    if (i % 4 == 2)
      b = b >> unsigned(source.below(256));
    if (b.isZero())
      continue;
    U256 q, r;
    U256::divMod(a, b, q, r);
    Mpz ma(a), mb(b), mq, mr;
    mpz_tdiv_qr(mq.v, mr.v, ma.v, mb.v);
    if (q != mq.toWord() || r != mr.toWord()) {
      ++failures;
      ADD_FAILURE() << a.toHex() << " divmod " << b.toHex() << " gave "
                    << q.toHex() << ", " << r.toHex();
    }

    // A 512-bit dividend with structured limbs everywhere.
    U256 hi = source.structured();
    std::array<uint64_t, 8> wide;
    for (int k = 0; k < 4; ++k) {
      wide[k] = a.limbs[k];
      wide[k + 4] = hi.limbs[k];
    }
    Mpz mw;
    mpz_import(mw.v, 8, -1, sizeof(uint64_t), 0, 0, wide.data());
    mpz_tdiv_r(mr.v, mw.v, mb.v);
    if (U256::modWide(wide, b) != mr.toWord()) {
      ++failures;
      ADD_FAILURE() << hi.toHex() << ":" << a.toHex() << " modWide "
                    << b.toHex();
    }
  }
}

//===----------------------------------------------------------------------===//
// Edge cases of the opcodes
//===----------------------------------------------------------------------===//

TEST(SemanticsTest, AddSubMulWrapModulo2To256) {
  EXPECT_EQ(sem::add(kMax, U256(2)), U256(1));
  EXPECT_EQ(sem::sub(U256(1), U256(2)), kMax);
  EXPECT_EQ(sem::sub(U256(5), U256(3)), U256(2)); // a - b, a on top.
  EXPECT_EQ(sem::mul(kIntMin, U256(2)), U256());
  EXPECT_EQ(sem::mul(kMinusOne, kMinusOne), U256(1));
}

TEST(SemanticsTest, DivisionAndModuloByZeroGiveZero) {
  for (U256 a : {U256(), U256(1), U256(12345), kIntMin, kMax}) {
    EXPECT_EQ(sem::div(a, U256()), U256()) << a.toHex();
    EXPECT_EQ(sem::sdiv(a, U256()), U256()) << a.toHex();
    EXPECT_EQ(sem::mod(a, U256()), U256()) << a.toHex();
    EXPECT_EQ(sem::smod(a, U256()), U256()) << a.toHex();
    EXPECT_EQ(sem::addmod(a, kMax, U256()), U256()) << a.toHex();
    EXPECT_EQ(sem::mulmod(a, kMax, U256()), U256()) << a.toHex();
  }
}

TEST(SemanticsTest, DivAndModAreUnsigned) {
  EXPECT_EQ(sem::div(U256(7), U256(2)), U256(3)); // 7 / 2, dividend on top.
  EXPECT_EQ(sem::div(U256(2), U256(7)), U256());
  EXPECT_EQ(sem::div(kMinusOne, U256(2)), kIntMax);
  EXPECT_EQ(sem::mod(U256(7), U256(2)), U256(1));
  EXPECT_EQ(sem::mod(neg(1), U256(10)), U256(5)); // (2^256 - 1) mod 10.
  EXPECT_EQ(sem::div(kMax, kMax), U256(1));
  EXPECT_EQ(sem::mod(kMax, kTwo64), U256(~0ull));
}

TEST(SemanticsTest, SdivOfMinByMinusOneWrapsToMin) {
  EXPECT_EQ(sem::sdiv(kIntMin, kMinusOne), kIntMin);
  EXPECT_EQ(sem::smod(kIntMin, kMinusOne), U256());
  EXPECT_EQ(sem::sdiv(kIntMin, U256(1)), kIntMin);
  EXPECT_EQ(sem::sdiv(kIntMin, kIntMin), U256(1));
  EXPECT_EQ(sem::sdiv(kIntMax, kIntMin), U256());
}

TEST(SemanticsTest, SdivTruncatesTowardZero) {
  EXPECT_EQ(sem::sdiv(neg(7), U256(2)), neg(3));
  EXPECT_EQ(sem::sdiv(U256(7), neg(2)), neg(3));
  EXPECT_EQ(sem::sdiv(neg(7), neg(2)), U256(3));
  EXPECT_EQ(sem::sdiv(U256(7), U256(2)), U256(3));
  EXPECT_EQ(sem::sdiv(neg(1), U256(2)), U256());
}

TEST(SemanticsTest, SmodTakesTheSignOfTheDividend) {
  EXPECT_EQ(sem::smod(neg(7), U256(3)), neg(1));
  EXPECT_EQ(sem::smod(U256(7), neg(3)), U256(1));
  EXPECT_EQ(sem::smod(neg(7), neg(3)), neg(1));
  EXPECT_EQ(sem::smod(U256(7), U256(3)), U256(1));
  EXPECT_EQ(sem::smod(neg(6), U256(3)), U256());  // Zero has no sign.
  EXPECT_EQ(sem::smod(kIntMin, U256(3)), neg(2)); // -2^255 = -(3k + 2).
  EXPECT_EQ(sem::smod(kIntMin + U256(1), kIntMin), kIntMin + U256(1));
}

TEST(SemanticsTest, AddmodUsesTheFull257BitSum) {
  // 2^257 - 2 = 2 (mod 7); the wrapped sum 2^256 - 2 would give 0.
  EXPECT_EQ(sem::addmod(kMax, kMax, U256(7)), U256(2));
  EXPECT_EQ(sem::addmod(kMax, U256(1), kMax), U256(1));
  EXPECT_EQ(sem::addmod(kMax, kMax, kMax), U256());
  EXPECT_EQ(sem::addmod(kIntMin, kIntMin, kMax), U256(1));
  EXPECT_EQ(sem::addmod(U256(3), U256(4), U256(5)), U256(2));
  EXPECT_EQ(sem::addmod(U256(3), U256(4), U256(1)), U256());
}

TEST(SemanticsTest, MulmodUsesTheFull512BitProduct) {
  // 2^256 - 1 = 1 (mod 2^256 - 2).
  EXPECT_EQ(sem::mulmod(kMax, kMax, kMax - U256(1)), U256(1));
  // 2^256 - 1 = 3 (mod 12), so the square is 9; the wrapped product gives 1.
  EXPECT_EQ(sem::mulmod(kMax, kMax, U256(12)), U256(9));
  EXPECT_EQ(sem::mulmod(kIntMin, U256(2), kMax), U256(1));
  EXPECT_EQ(sem::mulmod(pow2(200), pow2(200), pow2(244)), U256());
  EXPECT_EQ(sem::mulmod(pow2(200), pow2(200), pow2(250) - U256(1)),
            pow2(150)); // 2^400 = 2^150 * 2^250.
  EXPECT_EQ(sem::mulmod(kMax, kMax, U256(1)), U256());
  EXPECT_EQ(sem::mulmod(U256(6), U256(7), U256(10)), U256(2));
}

TEST(SemanticsTest, ExpSquaresAndMultipliesModulo2To256) {
  // Base 0: 0^0 = 1.
  EXPECT_EQ(sem::exp(U256(), U256()), U256(1));
  EXPECT_EQ(sem::exp(U256(), U256(1)), U256());
  EXPECT_EQ(sem::exp(U256(), kMax), U256());
  // Base 1.
  EXPECT_EQ(sem::exp(U256(1), kMax), U256(1));
  EXPECT_EQ(sem::exp(U256(1), U256()), U256(1));
  // Base 2.
  EXPECT_EQ(sem::exp(U256(2), U256(255)), kIntMin);
  EXPECT_EQ(sem::exp(U256(2), U256(256)), U256());
  EXPECT_EQ(sem::exp(U256(2), kMax), U256());
  EXPECT_EQ(sem::exp(U256(2), kTwo64), U256());
  // Base 2^255.
  EXPECT_EQ(sem::exp(kIntMin, U256(1)), kIntMin);
  EXPECT_EQ(sem::exp(kIntMin, U256(2)), U256());
  EXPECT_EQ(sem::exp(kIntMin, U256()), U256(1));
  // (-1)^odd = -1, (-1)^even = 1, exponents far beyond 64 bits.
  EXPECT_EQ(sem::exp(kMinusOne, kMax), kMinusOne);
  EXPECT_EQ(sem::exp(kMinusOne, kIntMin), U256(1));
  // (2^128 + 1)^2 = 2^256 + 2^129 + 1, wrapping the top term away.
  EXPECT_EQ(sem::exp(pow2(128) + U256(1), U256(2)), pow2(129) + U256(1));
  EXPECT_EQ(sem::exp(U256(10), U256(19)), U256(10000000000000000000ull));
  EXPECT_EQ(sem::exp(U256(3), U256(5)), U256(243));
  // Odd numbers are units mod 2^256, with order dividing 2^254.
  EXPECT_EQ(sem::exp(U256(3), pow2(254)), U256(1));
  EXPECT_EQ(sem::exp(U256(3), pow2(254) + U256(1)), U256(3));
}

TEST(SemanticsTest, SignextendFromEachByteBoundary) {
  // k = 0: bit 7 is the sign, everything above is replaced.
  EXPECT_EQ(sem::signextend(U256(), U256(0xff)), kMax);
  EXPECT_EQ(sem::signextend(U256(), U256(0x7f)), U256(0x7f));
  EXPECT_EQ(sem::signextend(U256(), U256(0x17f)), U256(0x7f));
  EXPECT_EQ(sem::signextend(U256(), kMax - U256(0x80)), U256(0x7f));
  EXPECT_EQ(sem::signextend(U256(1), U256(0x8000)), neg(0x8000));
  // k = 30: bit 247 is the sign.
  EXPECT_EQ(sem::signextend(U256(30), pow2(247)), kMax << 247);
  EXPECT_EQ(sem::signextend(U256(30), pow2(248) | pow2(246)), pow2(246));
  // k >= 31 leaves x alone, including words whose low limb looks small.
  U256 x = kIntMin | U256(0x123);
  U256 y = pow2(254) | U256(0x80);
  for (U256 k : {U256(31), U256(32), U256(255), kTwo64, kTwo64 + U256(1),
                 kIntMin, kMax}) {
    EXPECT_EQ(sem::signextend(k, x), x) << k.toHex();
    EXPECT_EQ(sem::signextend(k, y), y) << k.toHex();
  }
}

TEST(SemanticsTest, ByteCountsFromTheMostSignificantEnd) {
  U256 x = w("0x0102030405060708090a0b0c0d0e0f10"
             "1112131415161718191a1b1c1d1e1f20");
  EXPECT_EQ(sem::byte(U256(), x), U256(0x01));
  EXPECT_EQ(sem::byte(U256(7), x), U256(0x08));
  EXPECT_EQ(sem::byte(U256(8), x), U256(0x09));
  EXPECT_EQ(sem::byte(U256(31), x), U256(0x20));
  EXPECT_EQ(sem::byte(U256(31), U256(0xabcd)), U256(0xcd));
  for (U256 i : {U256(32), U256(33), U256(1000), kTwo64, kTwo64 + U256(1),
                 kIntMin, kMax})
    EXPECT_EQ(sem::byte(i, kMax), U256()) << i.toHex();
}

TEST(SemanticsTest, ShiftsOfZeroTo255AndBeyond) {
  U256 v = kIntMin | U256(0xff1);
  EXPECT_EQ(sem::shl(U256(), v), v);
  EXPECT_EQ(sem::shr(U256(), v), v);
  EXPECT_EQ(sem::sar(U256(), v), v);
  EXPECT_EQ(sem::shl(U256(1), v), U256(0x1fe2));
  EXPECT_EQ(sem::shl(U256(4), U256(1)), U256(16)); // shift on top, value below
  EXPECT_EQ(sem::shl(U256(255), U256(1)), kIntMin);
  EXPECT_EQ(sem::shl(U256(255), U256(2)), U256());
  EXPECT_EQ(sem::shr(U256(255), kIntMin), U256(1));
  EXPECT_EQ(sem::shr(U256(255), kIntMax), U256());
  EXPECT_EQ(sem::shr(U256(4), U256(0xff)), U256(0xf));
  for (U256 s : {U256(256), U256(257), U256(1000), kTwo64, kTwo64 + U256(1),
                 kIntMin, kMax}) {
    EXPECT_EQ(sem::shl(s, kMax), U256()) << s.toHex();
    EXPECT_EQ(sem::shr(s, kMax), U256()) << s.toHex();
    EXPECT_EQ(sem::sar(s, kIntMax), U256()) << s.toHex();
  }
}

TEST(SemanticsTest, SarFillsWithTheSignBit) {
  EXPECT_EQ(sem::sar(U256(1), neg(8)), neg(4));
  EXPECT_EQ(sem::sar(U256(4), neg(17)), neg(2)); // Rounds toward -inf.
  EXPECT_EQ(sem::sar(U256(1), kMinusOne), kMinusOne);
  EXPECT_EQ(sem::sar(U256(64), kIntMin), kMax << 191);
  EXPECT_EQ(sem::sar(U256(254), kIntMin), neg(2));
  EXPECT_EQ(sem::sar(U256(255), kIntMin), kMinusOne);
  EXPECT_EQ(sem::sar(U256(255), kIntMax), U256());
  EXPECT_EQ(sem::sar(U256(4), U256(0x100)), U256(0x10));
  for (U256 s : {U256(256), U256(257), kTwo64, kIntMin, kMax}) {
    EXPECT_EQ(sem::sar(s, kIntMin), kMinusOne) << s.toHex();
    EXPECT_EQ(sem::sar(s, neg(1)), kMinusOne) << s.toHex();
    EXPECT_EQ(sem::sar(s, U256(1)), U256()) << s.toHex();
  }
}

TEST(SemanticsTest, UnsignedComparisonsGiveZeroOrOne) {
  EXPECT_EQ(sem::lt(U256(1), U256(2)), U256(1)); // a < b, a on top.
  EXPECT_EQ(sem::lt(U256(2), U256(1)), U256());
  EXPECT_EQ(sem::lt(U256(2), U256(2)), U256());
  EXPECT_EQ(sem::gt(kMinusOne, U256()), U256(1));
  EXPECT_EQ(sem::gt(U256(2), U256(2)), U256());
  EXPECT_EQ(sem::eq(kMax, kMax), U256(1));
  EXPECT_EQ(sem::eq(kTwo64, U256()), U256());
  EXPECT_EQ(sem::iszero(U256()), U256(1));
  EXPECT_EQ(sem::iszero(kTwo64), U256());
  EXPECT_EQ(sem::iszero(kIntMin), U256());
}

TEST(SemanticsTest, SignedComparisonsReadTwosComplement) {
  EXPECT_EQ(sem::slt(kMinusOne, U256()), U256(1));
  EXPECT_EQ(sem::lt(kMinusOne, U256()), U256());
  EXPECT_EQ(sem::sgt(U256(), kMinusOne), U256(1));
  EXPECT_EQ(sem::slt(kIntMin, kIntMax), U256(1));
  EXPECT_EQ(sem::sgt(kIntMax, kIntMin), U256(1));
  EXPECT_EQ(sem::slt(neg(2), neg(1)), U256(1));
  EXPECT_EQ(sem::sgt(neg(2), neg(1)), U256());
  EXPECT_EQ(sem::slt(kIntMin, kIntMin), U256());
  EXPECT_EQ(sem::sgt(kIntMin, kIntMin), U256());
  EXPECT_EQ(sem::slt(U256(3), U256(4)), U256(1));
}

TEST(SemanticsTest, BitwiseLogic) {
  U256 a = w("0xff00ff00"), b = w("0x0ff00ff0");
  EXPECT_EQ(sem::bitAnd(a, b), w("0x0f000f00"));
  EXPECT_EQ(sem::bitOr(a, b), w("0xfff0fff0"));
  EXPECT_EQ(sem::bitXor(a, b), w("0xf0f0f0f0"));
  EXPECT_EQ(sem::bitNot(U256()), kMax);
  EXPECT_EQ(sem::bitNot(kIntMin), kIntMax);
  EXPECT_EQ(sem::bitXor(kMax, kMax), U256());
}

//===----------------------------------------------------------------------===//
// Opcode dispatch
//===----------------------------------------------------------------------===//

TEST(SemanticsTest, IsPureOpcodeHoldsForExactlyTheTwentyFive) {
  std::vector<bool> expected(256, false);
  for (const OpcodeInfo &op : kPureOpcodes)
    expected[op.code] = true;
  int count = 0;
  for (int code = 0; code < 256; ++code) {
    EXPECT_EQ(sem::isPureOpcode(uint8_t(code)), expected[code]) << code;
    count += sem::isPureOpcode(uint8_t(code));
  }
  EXPECT_EQ(count, 25);
}

TEST(SemanticsTest, EvalPureRejectsEveryOtherOpcode) {
  std::vector<U256> operands = {U256(1), U256(2), U256(3), U256(4)};
  for (int code = 0; code < 256; ++code) {
    if (sem::isPureOpcode(uint8_t(code)))
      continue;
    for (size_t n = 0; n <= operands.size(); ++n)
      EXPECT_FALSE(sem::evalPure(uint8_t(code),
                                 llvm::ArrayRef<U256>(operands).take_front(n))
                       .has_value())
          << "opcode " << code << " with " << n << " operands";
  }
}

TEST(SemanticsTest, EvalPureNeedsExactlyTheStackArity) {
  std::vector<U256> operands = {U256(9), U256(4), U256(5), U256(6), U256(7)};
  for (const OpcodeInfo &op : kPureOpcodes) {
    for (size_t n = 0; n <= operands.size(); ++n) {
      std::optional<U256> r =
          sem::evalPure(op.code, llvm::ArrayRef<U256>(operands).take_front(n));
      EXPECT_EQ(r.has_value(), n == op.arity) << op.name << " with " << n;
    }
  }
}

TEST(SemanticsTest, EvalPureDispatchesEveryOpcodeInStackOrder) {
  // 9 and 4 tell the operand order apart for every binary opcode.
  const U256 a(9), b(4), n(5);
  struct Case {
    uint8_t code;
    U256 expected;
  } cases[] = {
      {0x01, U256(13)},   {0x02, U256(36)},   {0x03, U256(5)},
      {0x04, U256(2)},    {0x05, U256(2)},    {0x06, U256(1)},
      {0x07, U256(1)},    {0x08, U256(3)},    {0x09, U256(1)},
      {0x0a, U256(6561)}, {0x0b, U256(4)},    {0x10, U256()},
      {0x11, U256(1)},    {0x12, U256()},     {0x13, U256(1)},
      {0x14, U256()},     {0x15, U256()},     {0x16, U256(0)},
      {0x17, U256(13)},   {0x18, U256(13)},   {0x19, ~U256(9)},
      {0x1a, U256()},     {0x1b, U256(2048)}, {0x1c, U256()},
      {0x1d, U256()},
  };
  ASSERT_EQ(std::size(cases), std::size(kPureOpcodes));
  for (const Case &c : cases) {
    std::vector<U256> operands = {a, b, n};
    const OpcodeInfo *info = nullptr;
    for (const OpcodeInfo &op : kPureOpcodes)
      if (op.code == c.code)
        info = &op;
    ASSERT_NE(info, nullptr);
    operands.resize(info->arity);
    EXPECT_EQ(sem::evalPure(c.code, operands), c.expected) << info->name;
    EXPECT_EQ(callDirect(c.code, operands), c.expected) << info->name;
  }
}

//===----------------------------------------------------------------------===//
// Randomized differential test against GMP
//===----------------------------------------------------------------------===//

class PureOpcodeVsGmp : public ::testing::TestWithParam<OpcodeInfo> {};

TEST_P(PureOpcodeVsGmp, MatchesTheOracleOnRandomOperands) {
  const OpcodeInfo &op = GetParam();
  uint64_t seed = baseSeed();
  SCOPED_TRACE(seedNote(seed));
  // Each opcode gets its own stream, so one opcode's run reproduces alone.
  WordSource source(seed ^ (uint64_t(op.code) * 0x9e3779b97f4a7c15ull));
  constexpr int kIterations = 5000;
  int failures = 0;
  std::vector<U256> operands(op.arity);
  for (int i = 0; i < kIterations && failures < 10; ++i) {
    for (U256 &x : operands)
      x = source.next();
    U256 expected = oracle(op.code, operands);
    U256 direct = callDirect(op.code, operands);
    std::optional<U256> viaEval = sem::evalPure(op.code, operands);
    if (direct == expected && viaEval == expected)
      continue;
    ++failures;
    std::string args;
    for (const U256 &x : operands)
      args += (args.empty() ? "" : ", ") + x.toHex();
    ADD_FAILURE() << op.name << "(" << args << ") at iteration " << i
                  << ": expected " << expected.toHex() << ", function gave "
                  << direct.toHex() << ", evalPure gave "
                  << (viaEval ? viaEval->toHex() : "nullopt");
  }
}

INSTANTIATE_TEST_SUITE_P(AllPureOpcodes, PureOpcodeVsGmp,
                         ::testing::ValuesIn(kPureOpcodes),
                         [](const ::testing::TestParamInfo<OpcodeInfo> &info) {
                           return std::string(info.param.name);
                         });

} // namespace
