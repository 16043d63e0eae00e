//===- Bytecode.h - EVM bytecode: hex input, decoding, disassembly -*- C++ -*-//
//
// The bytecode front end: reading code as hex text or from a file, splitting
// it into instructions the way the EVM does, and printing it.
//
//===----------------------------------------------------------------------===//

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

/// Parses hex text into bytes. Leading and trailing whitespace (a solc `.bin`
/// ends in a newline) and one `0x`/`0X` prefix are skipped; digits may be
/// either case. Empty text is empty code. Errors:
///   - `invalid hex character 'C' at offset N`, for the first character that
///     is not a hex digit (whitespace inside the digits included); N counts
///     bytes from the start of `text`, prefix and whitespace included, and a
///     character that does not print shows as `\xNN`;
///   - `odd number of hex digits (N)`, N counting the digits alone.
llvm::Expected<std::vector<uint8_t>> parseHex(llvm::StringRef text);

/// Loads code given either a path or the hex itself. If `hexOrPath` names an
/// existing file, the file holds the code as hex text (any extension), and
/// errors name the file: `file 'P': <parseHex error>` or
/// `cannot read file 'P': <reason>`. An argument that does not exist but
/// contains `/`, `\` or `.` (none of which is hex) is taken for a missing
/// file: `cannot open file 'P': no such file`. Anything else is parsed as
/// hex with parseHex's errors.
llvm::Expected<std::vector<uint8_t>> loadCode(llvm::StringRef hexOrPath);

/// One instruction of decoded code. `immediate` points into the code passed
/// to decode(), which must outlive the instruction.
struct Instruction {
  /// Offset of the opcode byte in the code.
  uint32_t pc = 0;
  uint8_t opcode = 0;
  /// The table entry, or null for a byte that is no opcode.
  const opcodes::OpcodeInfo *info = nullptr;
  /// The immediate bytes present in the code: info->immediateSize of them,
  /// or fewer when the code ends inside a PUSH.
  llvm::ArrayRef<uint8_t> immediate;
  /// A PUSH cut short by the end of the code.
  bool truncated = false;

  /// The value a PUSH pushes, as 32 big-endian bytes: the N immediate bytes
  /// right-aligned. The EVM reads bytes past the end of the code as zero, so
  /// a truncated PUSH's present bytes are followed by zeros (PUSH2 with only
  /// 0x12 pushes 0x1200). All zero for PUSH0 and for non-PUSH instructions.
  std::array<uint8_t, 32> immediateValue() const;
};

/// Splits code into instructions as the EVM walks it: a PUSHn's next n bytes
/// are its immediate, never instructions of their own. Never fails: an
/// undefined byte is a one-byte instruction with null info, and a PUSH that
/// runs past the end is the last instruction, marked truncated. Code is
/// assumed shorter than 4 GiB (EIP-3860 caps it at 48 KiB).
std::vector<Instruction> decode(llvm::ArrayRef<uint8_t> code);

/// Prints the code one instruction per line:
///
///   <pc>  <mnemonic>[ 0x<immediate>][ (truncated: K of N bytes)]
///
/// The pc is decimal, as in the lifter's error messages, right-aligned in 5
/// columns so that every pc of the largest initcode (49152 bytes, EIP-3860)
/// lines up. The immediate is printed byte for byte, leading zeros kept, so
/// its width shows N; a truncated PUSH prints only the bytes present (none:
/// no immediate) and its marker. An undefined byte prints as
/// `0xNN (undefined)` in place of a mnemonic.
void printDisassembly(llvm::ArrayRef<uint8_t> code, llvm::raw_ostream &os);

} // namespace zkevmc::bytecode

#endif // ZKEVMC_COMPILER_BYTECODE_BYTECODE_H
