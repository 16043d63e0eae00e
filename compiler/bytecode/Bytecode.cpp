//===- Bytecode.cpp - EVM bytecode: hex, decoding, disassembly ------------===//

#include "compiler/bytecode/Bytecode.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"

namespace zkevmc::bytecode {

llvm::Expected<std::vector<uint8_t>> parseHex(llvm::StringRef text) {
  // Offsets in errors count from the start of `text`.
  size_t start = text.size() - text.ltrim().size();
  llvm::StringRef digits = text.trim();
  if (digits.starts_with("0x") || digits.starts_with("0X")) {
    digits = digits.drop_front(2);
    start += 2;
  }
  for (size_t i = 0; i < digits.size(); ++i) {
    char c = digits[i];
    if (llvm::hexDigitValue(c) == -1U) {
      std::string shown = llvm::isPrint(c)
                              ? std::string(1, c)
                              : llvm::formatv("\\x{0:x-2}", unsigned(uint8_t(c))).str();
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          llvm::formatv("invalid hex character '{0}' at offset {1}", shown,
                        start + i));
    }
  }
  if (digits.size() % 2)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        llvm::formatv("odd number of hex digits ({0})", digits.size()));
  std::vector<uint8_t> bytes(digits.size() / 2);
  for (size_t i = 0; i < bytes.size(); ++i)
    bytes[i] = uint8_t(llvm::hexDigitValue(digits[2 * i]) << 4 |
                       llvm::hexDigitValue(digits[2 * i + 1]));
  return bytes;
}

llvm::Expected<std::vector<uint8_t>> loadCode(llvm::StringRef hexOrPath) {
  if (!llvm::sys::fs::exists(hexOrPath))
    return parseHex(hexOrPath);
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(hexOrPath, /*IsText=*/true);
  if (!buffer)
    return llvm::createStringError(buffer.getError(), "cannot read file: %s",
                                   buffer.getError().message().c_str());
  return parseHex((*buffer)->getBuffer());
}

std::array<uint8_t, 32> Instruction::immediateValue() const {
  std::array<uint8_t, 32> value{};
  unsigned size = info ? info->immediateSize : 0;
  // Present bytes come first; the missing tail reads as zero.
  for (size_t i = 0; i < immediate.size(); ++i)
    value[32 - size + i] = immediate[i];
  return value;
}

std::vector<Instruction> decode(llvm::ArrayRef<uint8_t> code) {
  std::vector<Instruction> instructions;
  for (size_t pc = 0; pc < code.size();) {
    Instruction inst;
    inst.pc = uint32_t(pc);
    inst.opcode = code[pc];
    inst.info = opcodes::lookupOpcode(inst.opcode);
    size_t size = inst.info ? inst.info->immediateSize : 0;
    size_t available = std::min(size, code.size() - pc - 1);
    inst.immediate = code.slice(pc + 1, available);
    inst.truncated = available < size;
    instructions.push_back(inst);
    pc += 1 + size;
  }
  return instructions;
}

void printDisassembly(llvm::ArrayRef<uint8_t> code, llvm::raw_ostream &os) {
  for (const Instruction &inst : decode(code)) {
    os << llvm::format("%5u  ", inst.pc);
    if (!inst.info) {
      os << llvm::formatv("UNDEFINED 0x{0:x-2}\n", unsigned(inst.opcode));
      continue;
    }
    os << inst.info->mnemonic;
    if (inst.info->immediateSize) {
      os << " 0x";
      if (inst.immediate.empty())
        os << "0";
      for (uint8_t b : inst.immediate)
        os << llvm::format("%02x", b);
      if (inst.truncated)
        os << llvm::formatv(" (truncated: {0} of {1} bytes)",
                            inst.immediate.size(),
                            unsigned(inst.info->immediateSize));
    }
    os << "\n";
  }
}

} // namespace zkevmc::bytecode
