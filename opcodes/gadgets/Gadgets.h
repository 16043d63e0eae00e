//===- Gadgets.h - Constraint gadgets for EVM opcodes -----------*- C++ -*-===//
//
// Each gadget is a zk.circuit over the limb encoding of EVM words: a word is
// four felts, little-endian 64-bit limbs (limb i holds bits 64i..64i+63).
// A gadget for an opcode with k stack operands has 4k inputs (operand 0, the
// top of the stack, first) and 4 outputs, and records its opcode in
// `zk.spec`. It assumes every input limb is below 2^64 and guarantees every
// output limb is.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_OPCODES_GADGETS_GADGETS_H
#define ZKEVMC_OPCODES_GADGETS_GADGETS_H

#include "dialects/zk/IR/ZkDialect.h"

#include "mlir/IR/BuiltinOps.h"

#include <cstdint>

namespace zkevmc::gadgets {

/// The number of felts (limbs) per word and the bits per limb.
inline constexpr unsigned kLimbs = 4;
inline constexpr unsigned kLimbBits = 64;

/// Whether a gadget exists for `opcode`.
bool hasGadget(uint8_t opcode);

/// The symbol name of the gadget for `opcode`: `evm_<mnemonic>`.
std::string gadgetName(uint8_t opcode);

/// Returns the gadget circuit for `opcode` in `module`, building it at the
/// end of the module the first time; null if there is no gadget for it.
zk::CircuitOp getOrBuildGadget(mlir::ModuleOp module, uint8_t opcode);

} // namespace zkevmc::gadgets

#endif // ZKEVMC_OPCODES_GADGETS_GADGETS_H
