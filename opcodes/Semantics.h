//===- Semantics.h - Exact semantics of the pure EVM opcodes ----*- C++ -*-===//
//
// Shared by the folders, the interpreter and the gadget tests. Arguments are
// in stack order: the first is the top of the stack (mu_s[0]).
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_OPCODES_SEMANTICS_H
#define ZKEVMC_OPCODES_SEMANTICS_H

#include "opcodes/Word.h"

#include "llvm/ADT/ArrayRef.h"

#include <optional>

namespace zkevmc::semantics {

U256 add(const U256 &a, const U256 &b);
U256 mul(const U256 &a, const U256 &b);
U256 sub(const U256 &a, const U256 &b);
/// Division and modulo by zero give zero.
U256 div(const U256 &a, const U256 &b);
/// SDIV(-2^255, -1) = -2^255 (the quotient wraps).
U256 sdiv(const U256 &a, const U256 &b);
U256 mod(const U256 &a, const U256 &b);
/// The result takes the sign of the dividend.
U256 smod(const U256 &a, const U256 &b);
/// (a + b) mod n and (a * b) mod n over the unbounded integers; 0 if n = 0.
U256 addmod(const U256 &a, const U256 &b, const U256 &n);
U256 mulmod(const U256 &a, const U256 &b, const U256 &n);
U256 exp(const U256 &base, const U256 &exponent);
/// Extends the sign of byte `b` (0 = least significant); b ≥ 31 gives x.
U256 signextend(const U256 &b, const U256 &x);
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
/// Byte `i` of x, 0 being the most significant; i ≥ 32 gives 0.
U256 byte(const U256 &i, const U256 &x);
/// Shifts of 256 or more give 0 (SAR: 0 or all ones by the sign).
U256 shl(const U256 &shift, const U256 &value);
U256 shr(const U256 &shift, const U256 &value);
U256 sar(const U256 &shift, const U256 &value);

/// Whether `opcode` is one of the 25 pure opcodes above (0x01-0x0b,
/// 0x10-0x1d).
bool isPureOpcode(uint8_t opcode);

/// Evaluates pure opcode `opcode` on its stack operands; nullopt if the
/// opcode is not pure or the operand count is not its stack arity.
std::optional<U256> evalPure(uint8_t opcode, llvm::ArrayRef<U256> operands);

} // namespace zkevmc::semantics

#endif // ZKEVMC_OPCODES_SEMANTICS_H
