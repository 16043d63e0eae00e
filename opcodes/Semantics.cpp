//===- Semantics.cpp - Exact semantics of the 25 pure EVM opcodes ---------===//

#include "opcodes/Semantics.h"

namespace zkevmc::semantics {

namespace {

U256 fromBool(bool b) { return U256(b ? 1 : 0); }

// |x| of a two's complement word. |-2^255| = 2^255 is still right when the
// result is read as unsigned, which is how the callers use it.
U256 magnitude(const U256 &x) { return x.isNegative() ? -x : x; }

// A word as a shift or index amount, saturated: every amount from `limit`
// up behaves the same, and the word may be far larger than an unsigned.
unsigned saturate(const U256 &x, unsigned limit) {
  return x.fitsUint64() && x.limbs[0] < limit ? unsigned(x.limbs[0]) : limit;
}

} // namespace

U256 add(const U256 &a, const U256 &b) { return a + b; }
U256 mul(const U256 &a, const U256 &b) { return a * b; }
U256 sub(const U256 &a, const U256 &b) { return a - b; }

U256 div(const U256 &a, const U256 &b) {
  U256 q, r;
  U256::divMod(a, b, q, r);
  return q;
}

U256 sdiv(const U256 &a, const U256 &b) {
  if (b.isZero())
    return U256();
  // For -2^255 / -1 the magnitudes give 2^255 with no negation, which is
  // exactly the wrapped -2^255 the EVM wants.
  U256 q = div(magnitude(a), magnitude(b));
  return a.isNegative() != b.isNegative() ? -q : q;
}

U256 mod(const U256 &a, const U256 &b) {
  U256 q, r;
  U256::divMod(a, b, q, r);
  return r;
}

U256 smod(const U256 &a, const U256 &b) {
  if (b.isZero())
    return U256();
  U256 r = mod(magnitude(a), magnitude(b));
  return a.isNegative() ? -r : r;
}

U256 addmod(const U256 &a, const U256 &b, const U256 &n) {
  if (n.isZero())
    return U256();
  // The sum needs 257 bits; the carry becomes limb 4 of the wide dividend.
  std::array<uint64_t, 8> wide{};
  unsigned __int128 carry = 0;
  for (int i = 0; i < 4; ++i) {
    carry += static_cast<unsigned __int128>(a.limbs[i]) + b.limbs[i];
    wide[i] = static_cast<uint64_t>(carry);
    carry >>= 64;
  }
  wide[4] = static_cast<uint64_t>(carry);
  return U256::modWide(wide, n);
}

U256 mulmod(const U256 &a, const U256 &b, const U256 &n) {
  if (n.isZero())
    return U256();
  return U256::modWide(U256::mulFull(a, b), n);
}

U256 exp(const U256 &base, const U256 &exponent) {
  // Right-to-left square-and-multiply; the wrapping product is already
  // multiplication mod 2^256.
  U256 result(1), power = base;
  unsigned bits = exponent.bitWidth();
  for (unsigned i = 0; i < bits; ++i) {
    if (exponent.bit(i))
      result = result * power;
    if (i + 1 < bits)
      power = power * power;
  }
  return result;
}

U256 signextend(const U256 &b, const U256 &x) {
  unsigned k = saturate(b, 31);
  if (k == 31)
    return x;
  unsigned signBit = 8 * k + 7;
  U256 low = (U256(1) << (signBit + 1)) - U256(1);
  return x.bit(signBit) ? (x | ~low) : (x & low);
}

U256 lt(const U256 &a, const U256 &b) { return fromBool(a < b); }
U256 gt(const U256 &a, const U256 &b) { return fromBool(a > b); }

U256 slt(const U256 &a, const U256 &b) {
  // Words of equal sign order the same way signed and unsigned.
  if (a.isNegative() != b.isNegative())
    return fromBool(a.isNegative());
  return fromBool(a < b);
}

U256 sgt(const U256 &a, const U256 &b) { return slt(b, a); }
U256 eq(const U256 &a, const U256 &b) { return fromBool(a == b); }
U256 iszero(const U256 &a) { return fromBool(a.isZero()); }
U256 bitAnd(const U256 &a, const U256 &b) { return a & b; }
U256 bitOr(const U256 &a, const U256 &b) { return a | b; }
U256 bitXor(const U256 &a, const U256 &b) { return a ^ b; }
U256 bitNot(const U256 &a) { return ~a; }

U256 byte(const U256 &i, const U256 &x) {
  unsigned index = saturate(i, 32);
  if (index == 32)
    return U256();
  unsigned fromLow = 31 - index;
  return U256((x.limbs[fromLow / 8] >> (8 * (fromLow % 8))) & 0xff);
}

U256 shl(const U256 &shift, const U256 &value) {
  return value << saturate(shift, 256);
}

U256 shr(const U256 &shift, const U256 &value) {
  return value >> saturate(shift, 256);
}

U256 sar(const U256 &shift, const U256 &value) {
  unsigned n = saturate(shift, 256);
  if (!value.isNegative())
    return value >> n;
  // Complementing turns the ones fill into a zeros fill, which >> does; this
  // also gives all ones for n = 256.
  return ~(~value >> n);
}

bool isPureOpcode(uint8_t opcode) {
  return (opcode >= 0x01 && opcode <= 0x0b) ||
         (opcode >= 0x10 && opcode <= 0x1d);
}

std::optional<U256> evalPure(uint8_t opcode, llvm::ArrayRef<U256> operands) {
  using Unary = U256 (*)(const U256 &);
  using Binary = U256 (*)(const U256 &, const U256 &);
  using Ternary = U256 (*)(const U256 &, const U256 &, const U256 &);
  auto unary = [&](Unary f) -> std::optional<U256> {
    if (operands.size() != 1)
      return std::nullopt;
    return f(operands[0]);
  };
  auto binary = [&](Binary f) -> std::optional<U256> {
    if (operands.size() != 2)
      return std::nullopt;
    return f(operands[0], operands[1]);
  };
  auto ternary = [&](Ternary f) -> std::optional<U256> {
    if (operands.size() != 3)
      return std::nullopt;
    return f(operands[0], operands[1], operands[2]);
  };

  switch (opcode) {
  case 0x01:
    return binary(add);
  case 0x02:
    return binary(mul);
  case 0x03:
    return binary(sub);
  case 0x04:
    return binary(div);
  case 0x05:
    return binary(sdiv);
  case 0x06:
    return binary(mod);
  case 0x07:
    return binary(smod);
  case 0x08:
    return ternary(addmod);
  case 0x09:
    return ternary(mulmod);
  case 0x0a:
    return binary(exp);
  case 0x0b:
    return binary(signextend);
  case 0x10:
    return binary(lt);
  case 0x11:
    return binary(gt);
  case 0x12:
    return binary(slt);
  case 0x13:
    return binary(sgt);
  case 0x14:
    return binary(eq);
  case 0x15:
    return unary(iszero);
  case 0x16:
    return binary(bitAnd);
  case 0x17:
    return binary(bitOr);
  case 0x18:
    return binary(bitXor);
  case 0x19:
    return unary(bitNot);
  case 0x1a:
    return binary(byte);
  case 0x1b:
    return binary(shl);
  case 0x1c:
    return binary(shr);
  case 0x1d:
    return binary(sar);
  default:
    return std::nullopt;
  }
}

} // namespace zkevmc::semantics
