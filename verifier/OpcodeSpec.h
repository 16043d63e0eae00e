// Z3 bit-vector specifications of the 25 pure EVM opcodes (exact semantics).
//
// Each spec takes 256-bit bit-vector operands in stack order (operand 0 is
// the top of the stack, as in opcodes/Semantics.h) and returns the 256-bit
// result. The terms are exact for all inputs; EXP is an unrolled
// square-and-multiply over the 256 exponent bits, so it is exact but only
// practical to solve with a concrete (or mostly concrete) exponent; a
// numeral exponent unrolls only its significant bits.

#ifndef ZKEVMC_VERIFIER_OPCODESPEC_H
#define ZKEVMC_VERIFIER_OPCODESPEC_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <z3++.h>

#include <vector>

namespace zkevmc::verifier {

/// The number of stack operands of the pure opcode `mnemonic` (upper case),
/// or 0 when it is not one of the 25 pure opcodes.
unsigned pureOpcodeArity(llvm::StringRef mnemonic);

/// The spec of `mnemonic` applied to `operands` (each a 256-bit bit-vector).
/// Fails for an opcode that is not pure or a wrong operand count or sort.
llvm::Expected<z3::expr> opcodeSpec(z3::context &ctx, llvm::StringRef mnemonic,
                                    const std::vector<z3::expr> &operands);

} // namespace zkevmc::verifier

#endif // ZKEVMC_VERIFIER_OPCODESPEC_H
