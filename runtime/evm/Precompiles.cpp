//===- Precompiles.cpp - The precompiled contracts that are implemented ---===//
//
// ECRECOVER (through Crypto++'s secp256k1), SHA-256, RIPEMD-160, identity,
// MODEXP, BN254 addition and scalar multiplication (through GMP) and BLAKE2F
// are implemented. The BN254 pairing check and the KZG point evaluation are
// not: calling them reports
// Unsupported so that a result is never silently wrong. (The VMTests call none
// of the precompiles.)
//
//===----------------------------------------------------------------------===//

#include "runtime/evm/Host.h"

#include "runtime/evm/Keccak.h"
#include "runtime/hash/Blake2b.h"

#include <cryptopp/eccrypto.h>
#include <cryptopp/ecp.h>
#include <cryptopp/integer.h>
#include <cryptopp/oids.h>
#include <cryptopp/ripemd.h>
#include <cryptopp/sha.h>

#include <gmp.h>

#include <algorithm>

namespace zkevmc::evm {

bool isPrecompile(const Address &address) {
  for (size_t i = 0; i < 19; ++i)
    if (address[i] != 0)
      return false;
  return address[19] >= 1 && address[19] <= 0x0a;
}

static int64_t words(const Bytes &input) {
  return static_cast<int64_t>((input.size() + 31) / 32);
}

// Reads `size` bytes of `input` from `offset` as if it were padded with
// zeros at the end.
static Bytes slicePadded(const Bytes &input, uint64_t offset, uint64_t size) {
  Bytes out(size, 0);
  if (offset < input.size())
    std::copy_n(input.data() + offset,
                std::min<uint64_t>(size, input.size() - offset), out.data());
  return out;
}

static uint64_t saturate(const U256 &value) {
  return value.fitsUint64() ? value.limbs[0] : UINT64_MAX;
}

// The address whose key signed `hash` as (v, r, s), or nothing (an empty
// output) when the signature is malformed.
static Bytes ecrecover(const Bytes &input) {
  using CryptoPP::ECP;
  using CryptoPP::Integer;
  Bytes data = slicePadded(input, 0, 128);
  // v is a whole word that must be 27 or 28.
  for (size_t i = 32; i < 63; ++i)
    if (data[i] != 0)
      return {};
  if (data[63] != 27 && data[63] != 28)
    return {};
  static const CryptoPP::DL_GroupParameters_EC<ECP> params(
      CryptoPP::ASN1::secp256k1());
  const ECP &curve = params.GetCurve();
  const Integer &order = params.GetSubgroupOrder();
  Integer z(data.data(), 32), r(data.data() + 64, 32), s(data.data() + 96, 32);
  if (r.IsZero() || r >= order || s.IsZero() || s >= order)
    return {};
  // R from its x coordinate r and the parity of y given by v.
  uint8_t compressed[33];
  compressed[0] = static_cast<uint8_t>(data[63] == 27 ? 2 : 3);
  std::copy_n(data.data() + 64, 32, compressed + 1);
  ECP::Point point;
  if (!curve.DecodePoint(point, compressed, sizeof(compressed)))
    return {};
  // Q = r^-1 (s R - z G).
  ECP::Point sR = curve.Multiply(s, point);
  ECP::Point zG = curve.Multiply(z % order, params.GetSubgroupGenerator());
  ECP::Point key = curve.Multiply(r.InverseMod(order), curve.Subtract(sR, zG));
  if (key.identity)
    return {};
  uint8_t encoded[64];
  key.x.Encode(encoded, 32);
  key.y.Encode(encoded + 32, 32);
  Hash hash = keccak256(encoded, sizeof(encoded));
  Bytes out(12, 0);
  out.insert(out.end(), hash.begin() + 12, hash.end());
  return out;
}

// EIP-152: the BLAKE2b compression function F with a caller-chosen number
// of rounds. Input: rounds (4 bytes, big-endian), h (64), m (128), t (16),
// f (1); all words little-endian.
namespace blake2 {
uint64_t load64(const uint8_t *p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i)
    v = (v << 8) | p[i];
  return v;
}
void store64(uint8_t *p, uint64_t v) {
  for (int i = 0; i < 8; ++i)
    p[i] = static_cast<uint8_t>(v >> (8 * i));
}
} // namespace blake2

static ExecResult blake2f(const Bytes &input, int64_t gas) {
  ExecResult result;
  // A malformed input is an exceptional halt.
  if (input.size() != 213 || input[212] > 1) {
    result.status = Status::PrecompileFailure;
    return result;
  }
  uint32_t rounds = (uint32_t(input[0]) << 24) | (uint32_t(input[1]) << 16) |
                    (uint32_t(input[2]) << 8) | input[3];
  if (rounds > static_cast<uint64_t>(gas)) {
    result.status = Status::OutOfGas;
    return result;
  }
  result.gasLeft = gas - rounds;
  uint64_t h[8], m[16];
  for (int i = 0; i < 8; ++i)
    h[i] = blake2::load64(input.data() + 4 + 8 * i);
  for (int i = 0; i < 16; ++i)
    m[i] = blake2::load64(input.data() + 68 + 8 * i);
  hash::blake2bCompress(h, m, blake2::load64(input.data() + 196),
                        blake2::load64(input.data() + 204), input[212] != 0,
                        rounds);
  result.output.resize(64);
  for (int i = 0; i < 8; ++i)
    blake2::store64(result.output.data() + 8 * i, h[i]);
  return result;
}

// EIP-196 arithmetic on the BN254 curve y^2 = x^3 + 3 over F_p, in affine
// coordinates with GMP. Speed does not matter here; clarity does.
namespace bn254 {
class Int {
public:
  Int() { mpz_init(v); }
  Int(const Int &other) { mpz_init_set(v, other.v); }
  Int &operator=(const Int &other) {
    mpz_set(v, other.v);
    return *this;
  }
  ~Int() { mpz_clear(v); }
  mpz_t v;
};

const Int &prime() {
  static const Int p = [] {
    Int p;
    mpz_set_str(p.v,
                "2188824287183927522224640574525727508869631115729782366268903"
                "7894645226208583",
                10);
    return p;
  }();
  return p;
}

struct Point {
  Int x, y;
  bool infinity = true;
};

// Reads a 32-byte big-endian coordinate; false if not below p.
bool readCoordinate(const uint8_t *bytes, Int &out) {
  mpz_import(out.v, 32, 1, 1, 1, 0, bytes);
  return mpz_cmp(out.v, prime().v) < 0;
}

// (0, 0) is the point at infinity; anything else must be on the curve.
bool readPoint(const uint8_t *bytes, Point &point) {
  if (!readCoordinate(bytes, point.x) || !readCoordinate(bytes + 32, point.y))
    return false;
  point.infinity = mpz_sgn(point.x.v) == 0 && mpz_sgn(point.y.v) == 0;
  if (point.infinity)
    return true;
  Int lhs, rhs;
  mpz_mul(lhs.v, point.y.v, point.y.v);
  mpz_mod(lhs.v, lhs.v, prime().v);
  mpz_powm_ui(rhs.v, point.x.v, 3, prime().v);
  mpz_add_ui(rhs.v, rhs.v, 3);
  mpz_mod(rhs.v, rhs.v, prime().v);
  return mpz_cmp(lhs.v, rhs.v) == 0;
}

Point add(const Point &a, const Point &b) {
  if (a.infinity)
    return b;
  if (b.infinity)
    return a;
  const mpz_t &p = prime().v;
  Int slope, num, den;
  if (mpz_cmp(a.x.v, b.x.v) == 0) {
    Int sum;
    mpz_add(sum.v, a.y.v, b.y.v);
    mpz_mod(sum.v, sum.v, p);
    if (mpz_sgn(sum.v) == 0)
      return Point(); // P + (-P)
    // Doubling: slope = 3x^2 / 2y.
    mpz_mul(num.v, a.x.v, a.x.v);
    mpz_mul_ui(num.v, num.v, 3);
    mpz_mul_ui(den.v, a.y.v, 2);
  } else {
    mpz_sub(num.v, b.y.v, a.y.v);
    mpz_sub(den.v, b.x.v, a.x.v);
  }
  mpz_mod(den.v, den.v, p);
  mpz_invert(den.v, den.v, p);
  mpz_mul(slope.v, num.v, den.v);
  mpz_mod(slope.v, slope.v, p);
  Point r;
  r.infinity = false;
  mpz_mul(r.x.v, slope.v, slope.v);
  mpz_sub(r.x.v, r.x.v, a.x.v);
  mpz_sub(r.x.v, r.x.v, b.x.v);
  mpz_mod(r.x.v, r.x.v, p);
  mpz_sub(r.y.v, a.x.v, r.x.v);
  mpz_mul(r.y.v, r.y.v, slope.v);
  mpz_sub(r.y.v, r.y.v, a.y.v);
  mpz_mod(r.y.v, r.y.v, p);
  return r;
}

Point multiply(const Point &point, const uint8_t scalar[32]) {
  Point result;
  for (int i = 0; i < 256; ++i) {
    result = add(result, result);
    if ((scalar[i / 8] >> (7 - i % 8)) & 1)
      result = add(result, point);
  }
  return result;
}

Bytes encode(const Point &point) {
  Bytes out(64, 0);
  if (point.infinity)
    return out;
  size_t count = 0;
  uint8_t buffer[33];
  mpz_export(buffer, &count, 1, 1, 1, 0, point.x.v);
  std::copy_n(buffer, count, out.data() + 32 - count);
  mpz_export(buffer, &count, 1, 1, 1, 0, point.y.v);
  std::copy_n(buffer, count, out.data() + 64 - count);
  return out;
}
} // namespace bn254

// EIP-1108 prices.
static ExecResult bn254Arithmetic(uint8_t which, const Bytes &input,
                                  int64_t gas) {
  ExecResult result;
  int64_t cost = which == 0x06 ? 150 : 6000;
  if (cost > gas) {
    result.status = Status::OutOfGas;
    return result;
  }
  Bytes data = slicePadded(input, 0, 128);
  bn254::Point a, b;
  if (!bn254::readPoint(data.data(), a) ||
      (which == 0x06 && !bn254::readPoint(data.data() + 64, b))) {
    result.status = Status::PrecompileFailure;
    return result;
  }
  result.gasLeft = gas - cost;
  result.output = bn254::encode(
      which == 0x06 ? bn254::add(a, b) : bn254::multiply(a, data.data() + 64));
  return result;
}

// EIP-198 with the EIP-2565 pricing.
static ExecResult modexp(const Bytes &input, int64_t gas) {
  ExecResult result;
  Bytes header = slicePadded(input, 0, 96);
  uint64_t baseLen = saturate(U256::fromBigEndian(header.data(), 32));
  uint64_t expLen = saturate(U256::fromBigEndian(header.data() + 32, 32));
  uint64_t modLen = saturate(U256::fromBigEndian(header.data() + 64, 32));
  // Wider operands would need more than 2^56 gas (and gigabytes of
  // memory): they count as out of gas. The exponent's length only scales
  // the iteration count, which 128-bit arithmetic holds exactly.
  constexpr uint64_t kHuge = 1ull << 32;
  unsigned __int128 cost = 200;
  uint64_t width = std::max(baseLen, modLen);
  if (width != 0) {
    if (width > kHuge) {
      result.status = Status::OutOfGas;
      return result;
    }
    unsigned __int128 words = (width + 7) / 8;
    unsigned __int128 complexity = words * words;
    // The exponent's head: its first (at most) 32 bytes.
    uint64_t headLen = std::min<uint64_t>(expLen, 32);
    Bytes head = slicePadded(input, 96 + baseLen, headLen);
    U256 headValue = U256::fromBigEndian(head.data(), head.size());
    unsigned headBits = headValue.bitWidth();
    unsigned __int128 iterations =
        expLen <= 32 ? (headBits ? headBits - 1 : 0)
                     : 8 * static_cast<unsigned __int128>(expLen - 32) +
                           (headBits ? headBits - 1 : 0);
    if (iterations == 0)
      iterations = 1;
    cost = std::max<unsigned __int128>(200, complexity * iterations / 3);
  }
  if (cost > static_cast<unsigned __int128>(gas)) {
    result.status = Status::OutOfGas;
    return result;
  }
  result.gasLeft = gas - static_cast<int64_t>(cost);
  result.output.assign(modLen, 0);
  if (modLen == 0)
    return result;
  // An exponent over 4 GiB is affordable only with absurd gas limits; it is
  // refused rather than materialised.
  if (expLen > kHuge) {
    result.status = Status::Unsupported;
    return result;
  }
  Bytes base = slicePadded(input, 96, baseLen);
  Bytes exponent = slicePadded(input, 96 + baseLen, expLen);
  Bytes modulus = slicePadded(input, 96 + baseLen + expLen, modLen);
  mpz_t b, e, m, r;
  mpz_inits(b, e, m, r, nullptr);
  mpz_import(b, base.size(), 1, 1, 1, 0, base.data());
  mpz_import(e, exponent.size(), 1, 1, 1, 0, exponent.data());
  mpz_import(m, modulus.size(), 1, 1, 1, 0, modulus.data());
  // A zero modulus gives zero (GMP would divide by zero).
  if (mpz_sgn(m) != 0) {
    mpz_powm(r, b, e, m);
    size_t count = 0;
    Bytes digits((mpz_sizeinbase(r, 2) + 7) / 8 + 1, 0);
    mpz_export(digits.data(), &count, 1, 1, 1, 0, r);
    // The result is below the modulus, so it fits in modLen bytes.
    std::copy_n(digits.data(), count, result.output.data() + (modLen - count));
  }
  mpz_clears(b, e, m, r, nullptr);
  return result;
}

ExecResult runPrecompile(const Address &address, const Bytes &input,
                         int64_t gas) {
  ExecResult result;
  int64_t cost = 0;
  switch (address[19]) {
  case 0x01:
    cost = 3000;
    break;
  case 0x02:
    cost = 60 + 12 * words(input);
    break;
  case 0x03:
    cost = 600 + 120 * words(input);
    break;
  case 0x04:
    cost = 15 + 3 * words(input);
    break;
  case 0x05:
    return modexp(input, gas);
  case 0x06:
  case 0x07:
    return bn254Arithmetic(address[19], input, gas);
  case 0x09:
    return blake2f(input, gas);
  default:
    result.status = Status::Unsupported;
    return result;
  }
  if (cost > gas) {
    result.status = Status::OutOfGas;
    return result;
  }
  result.gasLeft = gas - cost;
  if (address[19] == 0x01) {
    result.output = ecrecover(input);
  } else if (address[19] == 0x02) {
    CryptoPP::SHA256 hasher;
    result.output.resize(32);
    hasher.CalculateDigest(result.output.data(), input.data(), input.size());
  } else if (address[19] == 0x03) {
    CryptoPP::RIPEMD160 hasher;
    uint8_t digest[20];
    hasher.CalculateDigest(digest, input.data(), input.size());
    // Left-padded to a word.
    result.output.assign(12, 0);
    result.output.insert(result.output.end(), digest, digest + 20);
  } else {
    result.output = input;
  }
  return result;
}

} // namespace zkevmc::evm
