//===- Semantics.cpp - Exact semantics of the pure EVM opcodes ------------===//

#include "opcodes/Semantics.h"

#include "llvm/ADT/APInt.h"

namespace zkevmc::semantics {

namespace {

const U256 kOne(1);

U256 boolWord(bool b) { return b ? kOne : U256(); }

// The magnitude of a two's complement word.
U256 magnitude(const U256 &x) { return x.isNegative() ? -x : x; }

// Shift amounts of 256 and more all behave alike.
unsigned clampShift(const U256 &shift) {
  return shift.fitsUint64() && shift.limbs[0] < 256 ? unsigned(shift.limbs[0])
                                                    : 256;
}

llvm::APInt wide(const U256 &w) { return llvm::APInt(256, llvm::ArrayRef<uint64_t>(w.limbs)).zext(512); }

U256 narrow(const llvm::APInt &v) {
  U256 w;
  for (unsigned i = 0; i < 4; ++i)
    w.limbs[i] = v.extractBitsAsZExtValue(64, 64 * i);
  return w;
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

U256 mod(const U256 &a, const U256 &b) {
  U256 q, r;
  U256::divMod(a, b, q, r);
  return r;
}

U256 sdiv(const U256 &a, const U256 &b) {
  if (b.isZero())
    return U256();
  // -2^255 / -1 overflows to -2^255, which the unsigned path also gives:
  // |a| = 2^255, |b| = 1, quotient 2^255, negated (signs equal: not negated).
  U256 q = div(magnitude(a), magnitude(b));
  return a.isNegative() != b.isNegative() ? -q : q;
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
  return narrow((wide(a) + wide(b)).urem(wide(n)));
}

U256 mulmod(const U256 &a, const U256 &b, const U256 &n) {
  if (n.isZero())
    return U256();
  return narrow((wide(a) * wide(b)).urem(wide(n)));
}

U256 exp(const U256 &base, const U256 &exponent) {
  U256 result = kOne, power = base;
  for (unsigned i = 0, e = exponent.bitWidth(); i < e; ++i) {
    if (exponent.bit(i))
      result = result * power;
    power = power * power;
  }
  return result;
}

U256 signextend(const U256 &b, const U256 &x) {
  if (!b.fitsUint64() || b.limbs[0] >= 31)
    return x;
  unsigned signBit = unsigned(b.limbs[0]) * 8 + 7;
  U256 lowMask = (kOne << (signBit + 1)) - kOne;
  return x.bit(signBit) ? (x | ~lowMask) : (x & lowMask);
}

U256 lt(const U256 &a, const U256 &b) { return boolWord(a < b); }
U256 gt(const U256 &a, const U256 &b) { return boolWord(a > b); }

U256 slt(const U256 &a, const U256 &b) {
  if (a.isNegative() != b.isNegative())
    return boolWord(a.isNegative());
  return boolWord(a < b);
}

U256 sgt(const U256 &a, const U256 &b) { return slt(b, a); }
U256 eq(const U256 &a, const U256 &b) { return boolWord(a == b); }
U256 iszero(const U256 &a) { return boolWord(a.isZero()); }
U256 bitAnd(const U256 &a, const U256 &b) { return a & b; }
U256 bitOr(const U256 &a, const U256 &b) { return a | b; }
U256 bitXor(const U256 &a, const U256 &b) { return a ^ b; }
U256 bitNot(const U256 &a) { return ~a; }

U256 byte(const U256 &i, const U256 &x) {
  if (!i.fitsUint64() || i.limbs[0] >= 32)
    return U256();
  return (x >> unsigned(8 * (31 - i.limbs[0]))) & U256(0xff);
}

U256 shl(const U256 &shift, const U256 &value) {
  return value << clampShift(shift);
}

U256 shr(const U256 &shift, const U256 &value) {
  return value >> clampShift(shift);
}

U256 sar(const U256 &shift, const U256 &value) {
  unsigned n = clampShift(shift);
  if (!value.isNegative())
    return value >> n;
  if (n == 256)
    return U256::max();
  // Shift the complement logically, then complement back: fills with ones.
  return ~(~value >> n);
}

bool isPureOpcode(uint8_t opcode) {
  return (opcode >= 0x01 && opcode <= 0x0b) ||
         (opcode >= 0x10 && opcode <= 0x1d);
}

std::optional<U256> evalPure(uint8_t opcode, llvm::ArrayRef<U256> operands) {
  auto binary = [&](U256 (*f)(const U256 &, const U256 &))
      -> std::optional<U256> {
    if (operands.size() != 2)
      return std::nullopt;
    return f(operands[0], operands[1]);
  };
  auto unary = [&](U256 (*f)(const U256 &)) -> std::optional<U256> {
    if (operands.size() != 1)
      return std::nullopt;
    return f(operands[0]);
  };
  auto ternary = [&](U256 (*f)(const U256 &, const U256 &, const U256 &))
      -> std::optional<U256> {
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
