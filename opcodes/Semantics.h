//===- Semantics.h - Exact semantics of the 25 pure EVM opcodes -*- C++ -*-===//
//
// The single reference for what the pure opcodes compute, shared by the
// folders, the interpreter and the gadget tests, so they cannot disagree.
// Operands are in stack order: the first argument is the top of the stack
// (mu_s[0] in the Yellow Paper), e.g. sub(a, b) = a - b, shl(shift, value).
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_OPCODES_SEMANTICS_H
#define ZKEVMC_OPCODES_SEMANTICS_H

#include "opcodes/Word.h"

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <optional>

namespace zkevmc::semantics {

// Arithmetic (0x01-0x0b). Signed opcodes read words as two's complement.
U256 add(const U256 &a, const U256 &b);
U256 mul(const U256 &a, const U256 &b);
U256 sub(const U256 &a, const U256 &b);
/// Division and modulo by zero give zero.
U256 div(const U256 &a, const U256 &b);
/// Truncates toward zero; SDIV(-2^255, -1) wraps to -2^255.
U256 sdiv(const U256 &a, const U256 &b);
U256 mod(const U256 &a, const U256 &b);
/// The result takes the sign of the dividend a.
U256 smod(const U256 &a, const U256 &b);
/// (a + b) mod n and (a * b) mod n over the unbounded integers; 0 if n = 0.
U256 addmod(const U256 &a, const U256 &b, const U256 &n);
U256 mulmod(const U256 &a, const U256 &b, const U256 &n);
/// base^exponent mod 2^256 (0^0 = 1).
U256 exp(const U256 &base, const U256 &exponent);
/// Extends the sign bit of byte b of x (byte 0 = least significant) through
/// the upper bytes; b >= 31 returns x.
U256 signextend(const U256 &b, const U256 &x);

// Comparison and bitwise logic (0x10-0x1d). Predicates give 0 or 1.
U256 lt(const U256 &a, const U256 &b);
U256 gt(const U256 &a, const U256 &b);
U256 slt(const U256 &a, const U256 &b);
U256 sgt(const U256 &a, const U256 &b);
U256 eq(const U256 &a, const U256 &b);
U256 iszero(const U256 &a);
U256 bitAnd(const U256 &a, const U256 &b);
U256 bitOr(const U256 &a, const U256 &b);
U256 bitXor(const U256 &a, const U256 &b);
U256 bitNot(const U256 &a);
/// Byte i of x, byte 0 being the most significant; i >= 32 gives 0.
U256 byte(const U256 &i, const U256 &x);
/// EIP-145 shifts of `value` by `shift` bits. 256 or more gives 0, or for SAR
/// of a negative value all ones.
U256 shl(const U256 &shift, const U256 &value);
U256 shr(const U256 &shift, const U256 &value);
U256 sar(const U256 &shift, const U256 &value);

/// Whether `opcode` is one of the 25 opcodes above: 0x01-0x0b, 0x10-0x1d.
bool isPureOpcode(uint8_t opcode);

/// Evaluates `opcode` on its stack operands (top first). nullopt when the
/// opcode is not pure or the operand count is not its arity (3 for ADDMOD
/// and MULMOD, 1 for ISZERO and NOT, 2 otherwise).
std::optional<U256> evalPure(uint8_t opcode, llvm::ArrayRef<U256> operands);

} // namespace zkevmc::semantics

#endif // ZKEVMC_OPCODES_SEMANTICS_H
