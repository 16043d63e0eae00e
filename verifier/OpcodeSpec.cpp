// Z3 bit-vector specifications of the 25 pure EVM opcodes.

#include "verifier/OpcodeSpec.h"

#include "llvm/ADT/APInt.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FormatVariadic.h"

namespace zkevmc::verifier {

namespace {

constexpr unsigned kWord = 256;

llvm::Error specError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

z3::expr word(z3::context &ctx, uint64_t value) {
  return ctx.bv_val(static_cast<uint64_t>(value), kWord);
}

z3::expr boolToWord(const z3::expr &cond) {
  z3::context &ctx = cond.ctx();
  return z3::ite(cond, word(ctx, 1), word(ctx, 0));
}

// z3::udiv/urem give all ones and the dividend for a zero divisor (SMT-LIB);
// the EVM wants zero, so every division is guarded.
z3::expr guardZero(const z3::expr &divisor, const z3::expr &value) {
  return z3::ite(divisor == word(divisor.ctx(), 0), word(divisor.ctx(), 0),
                 value);
}

// (a op b) mod n over the integers: `wide` is the exact result in 512 bits.
z3::expr modWide(const z3::expr &wide, const z3::expr &n) {
  z3::expr n512 = z3::zext(n, kWord);
  return guardZero(n, z3::urem(wide, n512).extract(kWord - 1, 0));
}

z3::expr signExtend(const z3::expr &b, const z3::expr &x) {
  z3::context &ctx = b.ctx();
  // For b < 31 the sign bit is bit 8b + 7; the mask keeps bits 0..8b+7.
  z3::expr bits = (b * word(ctx, 8)) + word(ctx, 8);
  z3::expr mask = z3::shl(word(ctx, 1), bits) - word(ctx, 1);
  z3::expr signBit = z3::lshr(x, bits - word(ctx, 1)) & word(ctx, 1);
  z3::expr extended = z3::ite(signBit == word(ctx, 1), x | ~mask, x & mask);
  return z3::ite(z3::uge(b, word(ctx, 31)), x, extended);
}

z3::expr byteOf(const z3::expr &i, const z3::expr &x) {
  z3::context &ctx = i.ctx();
  // Byte 0 is the most significant: shift right by 8 * (31 - i).
  z3::expr shift = (word(ctx, 31) - i) * word(ctx, 8);
  z3::expr value = z3::lshr(x, shift) & word(ctx, 0xff);
  return z3::ite(z3::uge(i, word(ctx, 32)), word(ctx, 0), value);
}

z3::expr power(const z3::expr &base, const z3::expr &exponent) {
  z3::context &ctx = base.ctx();
  z3::expr result = word(ctx, 1);
  z3::expr square = base;
  if (exponent.is_numeral()) {
    // A concrete exponent only needs its set bits, and squarings up to the
    // highest one: the term stays small for solving and simplification.
    llvm::APInt e(kWord, Z3_get_numeral_string(ctx, exponent), 10);
    for (unsigned bit = 0, top = e.getActiveBits(); bit < top; ++bit) {
      if (e[bit])
        result = result * square;
      if (bit + 1 < top)
        square = square * square;
    }
    return result;
  }
  for (unsigned bit = 0; bit < kWord; ++bit) {
    z3::expr set = exponent.extract(bit, bit) == ctx.bv_val(1, 1);
    result = z3::ite(set, result * square, result);
    if (bit + 1 < kWord)
      square = square * square;
  }
  return result;
}

} // namespace

unsigned pureOpcodeArity(llvm::StringRef mnemonic) {
  return llvm::StringSwitch<unsigned>(mnemonic)
      .Cases("ADDMOD", "MULMOD", 3)
      .Cases("ISZERO", "NOT", 1)
      .Cases("ADD", "MUL", "SUB", "DIV", "SDIV", "MOD", "SMOD", 2)
      .Cases("EXP", "SIGNEXTEND", "LT", "GT", "SLT", "SGT", "EQ", 2)
      .Cases("AND", "OR", "XOR", "BYTE", "SHL", "SHR", "SAR", 2)
      .Default(0);
}

llvm::Expected<z3::expr> opcodeSpec(z3::context &ctx, llvm::StringRef mnemonic,
                                    const std::vector<z3::expr> &operands) {
  unsigned arity = pureOpcodeArity(mnemonic);
  if (arity == 0)
    return specError("'" + mnemonic + "' is not a pure opcode");
  if (operands.size() != arity)
    return specError(llvm::formatv("{0} takes {1} operands, {2} given",
                                   mnemonic, arity, operands.size()));
  for (const z3::expr &op : operands)
    if (!op.is_bv() || op.get_sort().bv_size() != kWord)
      return specError(mnemonic + " operands must be 256-bit bit-vectors");

  const z3::expr &a = operands[0];
  const z3::expr &b = arity > 1 ? operands[1] : operands[0];
  z3::expr zero = word(ctx, 0);
  if (mnemonic == "ADD")
    return a + b;
  if (mnemonic == "MUL")
    return a * b;
  if (mnemonic == "SUB")
    return a - b;
  if (mnemonic == "DIV")
    return guardZero(b, z3::udiv(a, b));
  if (mnemonic == "SDIV")
    // bvsdiv truncates toward zero and wraps -2^255 / -1 to -2^255, as the
    // EVM does; only the zero divisor needs a guard.
    return guardZero(b, a / b);
  if (mnemonic == "MOD")
    return guardZero(b, z3::urem(a, b));
  if (mnemonic == "SMOD")
    // bvsrem takes the sign of the dividend, like SMOD.
    return guardZero(b, z3::srem(a, b));
  if (mnemonic == "ADDMOD")
    return modWide(z3::zext(a, kWord) + z3::zext(b, kWord), operands[2]);
  if (mnemonic == "MULMOD")
    return modWide(z3::zext(a, kWord) * z3::zext(b, kWord), operands[2]);
  if (mnemonic == "EXP")
    return power(a, b);
  if (mnemonic == "SIGNEXTEND")
    return signExtend(a, b);
  if (mnemonic == "LT")
    return boolToWord(z3::ult(a, b));
  if (mnemonic == "GT")
    return boolToWord(z3::ugt(a, b));
  if (mnemonic == "SLT")
    return boolToWord(z3::slt(a, b));
  if (mnemonic == "SGT")
    return boolToWord(z3::sgt(a, b));
  if (mnemonic == "EQ")
    return boolToWord(a == b);
  if (mnemonic == "ISZERO")
    return boolToWord(a == zero);
  if (mnemonic == "AND")
    return a & b;
  if (mnemonic == "OR")
    return a | b;
  if (mnemonic == "XOR")
    return a ^ b;
  if (mnemonic == "NOT")
    return ~a;
  if (mnemonic == "BYTE")
    return byteOf(a, b);
  // SMT-LIB shifts already give 0 (or all sign bits for bvashr) for a shift
  // of the width or more, which is EIP-145's rule; the guard states it.
  z3::expr big = z3::uge(a, word(ctx, 256));
  if (mnemonic == "SHL")
    return z3::ite(big, zero, z3::shl(b, a));
  if (mnemonic == "SHR")
    return z3::ite(big, zero, z3::lshr(b, a));
  // SAR
  return z3::ite(big, z3::ashr(b, word(ctx, 255)), z3::ashr(b, a));
}

} // namespace zkevmc::verifier
