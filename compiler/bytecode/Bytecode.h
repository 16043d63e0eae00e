//===- Bytecode.h - EVM bytecode: hex, decoding, disassembly ----*- C++ -*-===//

#ifndef ZKEVMC_COMPILER_BYTECODE_BYTECODE_H
#define ZKEVMC_COMPILER_BYTECODE_BYTECODE_H

#include "opcodes/OpcodeTable.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <array>
#include <cstdint>
#include <vector>

namespace zkevmc::bytecode {

/// Parses hex text: an optional 0x prefix and surrounding whitespace (as in
/// solc's .bin files) are allowed. Errors name the offset of a bad character
/// or the number of digits when it is odd.
llvm::Expected<std::vector<uint8_t>> parseHex(llvm::StringRef text);

/// Reads code from the file `hexOrPath` names (a file of hex text) or, if no
/// such file exists, parses the argument itself as hex.
llvm::Expected<std::vector<uint8_t>> loadCode(llvm::StringRef hexOrPath);

/// One decoded instruction.
struct Instruction {
  uint32_t pc;
  uint8_t opcode;
  /// Null for a byte that is no opcode.
  const opcodes::OpcodeInfo *info;
  /// The immediate bytes present in the code (fewer than the PUSH needs when
  /// the code ends first).
  llvm::ArrayRef<uint8_t> immediate;
  /// A PUSH cut short by the end of the code.
  bool truncated;

  /// The PUSH value as 32 big-endian bytes, right-aligned; missing bytes of
  /// a truncated PUSH read as zero, so they are the low-order bytes.
  std::array<uint8_t, 32> immediateValue() const;
};

/// Decodes every instruction; never fails (undefined bytes have no info).
std::vector<Instruction> decode(llvm::ArrayRef<uint8_t> code);

/// Prints one instruction per line: the pc in decimal, right-aligned to 5
/// columns, the mnemonic, and a PUSH's immediate as 0x-hex. An undefined byte
/// prints as `UNDEFINED 0xNN`; a truncated PUSH ends with
/// `(truncated: K of N bytes)`.
void printDisassembly(llvm::ArrayRef<uint8_t> code, llvm::raw_ostream &os);

} // namespace zkevmc::bytecode

#endif // ZKEVMC_COMPILER_BYTECODE_BYTECODE_H
