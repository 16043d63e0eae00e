//===- Bytecode.cpp - EVM bytecode: hex input, decoding, disassembly ------===//

#include "compiler/bytecode/Bytecode.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <cassert>
#include <string>
#include <system_error>

namespace zkevmc::bytecode {

namespace {

// How a character appears in an error: itself if it prints, else escaped, so
// that a stray NUL or UTF-8 byte stays visible on a terminal.
std::string describeChar(char c) {
  if (llvm::isPrint(c))
    return std::string(1, c);
  std::string escaped = "\\x";
  escaped += llvm::hexdigit(uint8_t(c) >> 4, /*LowerCase=*/true);
  escaped += llvm::hexdigit(uint8_t(c) & 15, /*LowerCase=*/true);
  return escaped;
}

// Hex digits, a `.`, `/` or `\` cannot all be: such an argument was meant as
// a path, and "no such file" says more than a complaint about its letters.
bool looksLikePath(llvm::StringRef arg) {
  return arg.find_first_of("/\\.") != llvm::StringRef::npos;
}

llvm::Expected<std::vector<uint8_t>> loadFile(llvm::StringRef path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (std::error_code ec = buffer.getError())
    return llvm::createStringError(ec, "cannot read file '%s': %s",
                                   path.str().c_str(), ec.message().c_str());
  llvm::Expected<std::vector<uint8_t>> code = parseHex((*buffer)->getBuffer());
  if (!code)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "file '%s': %s", path.str().c_str(),
                                   llvm::toString(code.takeError()).c_str());
  return code;
}

} // namespace

llvm::Expected<std::vector<uint8_t>> parseHex(llvm::StringRef text) {
  // Offsets in errors are into `text` as given, so they stay valid for a file
  // with leading whitespace or a prefix.
  size_t offset = text.size() - text.ltrim().size();
  llvm::StringRef digits = text.trim();
  if (digits.starts_with("0x") || digits.starts_with("0X")) {
    digits = digits.drop_front(2);
    offset += 2;
  }

  // A bad character is the more precise complaint, so it wins over an odd
  // length that it may well be the cause of.
  size_t bad = digits.find_if_not(llvm::isHexDigit);
  if (bad != llvm::StringRef::npos)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "invalid hex character '%s' at offset %zu",
                                   describeChar(digits[bad]).c_str(),
                                   offset + bad);
  if (digits.size() % 2 != 0)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "odd number of hex digits (%zu)",
                                   digits.size());

  std::vector<uint8_t> bytes;
  bytes.reserve(digits.size() / 2);
  for (size_t i = 0; i < digits.size(); i += 2)
    bytes.push_back(uint8_t(llvm::hexDigitValue(digits[i]) << 4 |
                            llvm::hexDigitValue(digits[i + 1])));
  return bytes;
}

llvm::Expected<std::vector<uint8_t>> loadCode(llvm::StringRef hexOrPath) {
  if (llvm::sys::fs::exists(hexOrPath))
    return loadFile(hexOrPath);
  if (looksLikePath(hexOrPath))
    return llvm::createStringError(
        std::make_error_code(std::errc::no_such_file_or_directory),
        "cannot open file '%s': no such file", hexOrPath.str().c_str());
  return parseHex(hexOrPath);
}

std::array<uint8_t, 32> Instruction::immediateValue() const {
  std::array<uint8_t, 32> value{};
  if (!info)
    return value;
  size_t width = info->immediateSize;
  assert(width <= value.size() && immediate.size() <= width &&
         "an immediate is at most 32 bytes and never longer than its PUSH");
  // The value is right-aligned to the full width; bytes the code lacks stay
  // zero at the low end, as the EVM pads code with zeros.
  std::copy(immediate.begin(), immediate.end(),
            value.begin() + (value.size() - width));
  return value;
}

std::vector<Instruction> decode(llvm::ArrayRef<uint8_t> code) {
  std::vector<Instruction> instructions;
  size_t pc = 0;
  while (pc < code.size()) {
    Instruction inst;
    inst.pc = uint32_t(pc);
    inst.opcode = code[pc];
    inst.info = opcodes::lookupOpcode(inst.opcode);
    size_t wanted = inst.info ? inst.info->immediateSize : 0;
    size_t present = std::min(wanted, code.size() - pc - 1);
    inst.immediate = code.slice(pc + 1, present);
    inst.truncated = present < wanted;
    instructions.push_back(inst);
    // Past the end for a truncated PUSH, which ends the loop.
    pc += 1 + wanted;
  }
  return instructions;
}

void printDisassembly(llvm::ArrayRef<uint8_t> code, llvm::raw_ostream &os) {
  for (const Instruction &inst : decode(code)) {
    os << llvm::format("%5u  ", unsigned(inst.pc));
    if (!inst.info) {
      os << llvm::format("0x%02x (undefined)\n", unsigned(inst.opcode));
      continue;
    }
    os << inst.info->mnemonic;
    if (!inst.immediate.empty()) {
      os << " 0x";
      for (uint8_t byte : inst.immediate)
        os << llvm::format("%02x", unsigned(byte));
    }
    if (inst.truncated)
      os << " (truncated: " << inst.immediate.size() << " of "
         << unsigned(inst.info->immediateSize) << " bytes)";
    os << '\n';
  }
}

} // namespace zkevmc::bytecode
