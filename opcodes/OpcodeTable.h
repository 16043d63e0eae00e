//===- OpcodeTable.h - The EVM opcode table (generated) ---------*- C++ -*-===//
//
// The constexpr table of every Cancun opcode, generated from Opcodes.td.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_OPCODES_OPCODETABLE_H
#define ZKEVMC_OPCODES_OPCODETABLE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>

namespace zkevmc::opcodes {

using llvm::ArrayRef;
using llvm::StringRef;

#define GET_Fork_DECL
#define GET_OpClass_DECL
#include "opcodes/OpcodeTable.inc"

/// One opcode: its byte, mnemonic, number of immediate bytes (PUSHn), the
/// stack items it takes and pushes, its base gas in Cancun, the fork that
/// introduced it, and its class.
struct OpcodeInfo {
  uint8_t byte;
  const char *mnemonic;
  uint8_t immediateSize;
  uint8_t stackIn;
  uint8_t stackOut;
  uint16_t baseGas;
  Fork fork;
  OpClass opClass;
};

// lookupOpcode(byte) returns null for an undefined byte;
// lookupOpcodeByMnemonic(name) takes the upper-case mnemonic.
#define GET_OpcodeTable_DECL
#include "opcodes/OpcodeTable.inc"

/// Every defined opcode, in byte order.
llvm::ArrayRef<OpcodeInfo> allOpcodes();

/// The name of a fork or an opcode class, as in Opcodes.td.
StringRef forkName(Fork fork);
StringRef opClassName(OpClass opClass);

} // namespace zkevmc::opcodes

#endif // ZKEVMC_OPCODES_OPCODETABLE_H
