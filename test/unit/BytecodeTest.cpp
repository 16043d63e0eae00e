//===- BytecodeTest.cpp - Hex input, decoding and disassembly of bytecode -===//

#include "compiler/bytecode/Bytecode.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace {

using zkevmc::bytecode::decode;
using zkevmc::bytecode::Instruction;
using zkevmc::bytecode::loadCode;
using zkevmc::bytecode::parseHex;
using zkevmc::bytecode::printDisassembly;
using Bytes = std::vector<uint8_t>;

// The bytes on success; a test failure (and no bytes) on an error.
Bytes bytesOf(llvm::Expected<Bytes> result) {
  if (!result) {
    ADD_FAILURE() << "unexpected error: " << toString(result.takeError());
    return {};
  }
  return *result;
}

// The error message; a test failure (and "") if there was no error.
std::string errorOf(llvm::Expected<Bytes> result) {
  if (result) {
    ADD_FAILURE() << "expected an error, got " << result->size() << " bytes";
    return "";
  }
  return toString(result.takeError());
}

std::string disassemble(llvm::ArrayRef<uint8_t> code) {
  std::string text;
  llvm::raw_string_ostream os(text);
  printDisassembly(code, os);
  return os.str();
}

// A 32-byte big-endian word whose low-order bytes are `tail`.
std::array<uint8_t, 32> word(std::initializer_list<uint8_t> tail) {
  std::array<uint8_t, 32> value{};
  std::copy(tail.begin(), tail.end(), value.end() - tail.size());
  return value;
}

//===----------------------------------------------------------------------===//
// parseHex
//===----------------------------------------------------------------------===//

TEST(ParseHexTest, PlainDigits) {
  EXPECT_EQ(bytesOf(parseHex("6001")), (Bytes{0x60, 0x01}));
  EXPECT_EQ(bytesOf(parseHex("00ff7F")), (Bytes{0x00, 0xff, 0x7f}));
  EXPECT_EQ(bytesOf(parseHex("ABCDEF")), (Bytes{0xab, 0xcd, 0xef}));
}

TEST(ParseHexTest, PrefixIsOptional) {
  EXPECT_EQ(bytesOf(parseHex("0x6001")), (Bytes{0x60, 0x01}));
  EXPECT_EQ(bytesOf(parseHex("0X6001")), (Bytes{0x60, 0x01}));
}

TEST(ParseHexTest, SurroundingWhitespaceIsSkipped) {
  // As solc writes a .bin file: the digits and a newline.
  EXPECT_EQ(bytesOf(parseHex("6001\n")), (Bytes{0x60, 0x01}));
  EXPECT_EQ(bytesOf(parseHex("  \t0x6001\r\n\n")), (Bytes{0x60, 0x01}));
}

TEST(ParseHexTest, EmptyIsEmptyCode) {
  EXPECT_EQ(bytesOf(parseHex("")), Bytes{});
  EXPECT_EQ(bytesOf(parseHex("0x")), Bytes{});
  EXPECT_EQ(bytesOf(parseHex(" \n")), Bytes{});
  EXPECT_EQ(bytesOf(parseHex(" 0x\n")), Bytes{});
}

TEST(ParseHexTest, OddLengthCountsDigits) {
  EXPECT_EQ(errorOf(parseHex("600")), "odd number of hex digits (3)");
  EXPECT_EQ(errorOf(parseHex("6")), "odd number of hex digits (1)");
  // Neither prefix nor whitespace counts.
  EXPECT_EQ(errorOf(parseHex("  0x60016\n")), "odd number of hex digits (5)");
}

TEST(ParseHexTest, InvalidCharacterNamesItsOffset) {
  EXPECT_EQ(errorOf(parseHex("60zz")), "invalid hex character 'z' at offset 2");
  EXPECT_EQ(errorOf(parseHex("60016g")),
            "invalid hex character 'g' at offset 5");
}

TEST(ParseHexTest, OffsetCountsPrefixAndLeadingWhitespace) {
  EXPECT_EQ(errorOf(parseHex("0x6g")), "invalid hex character 'g' at offset 3");
  EXPECT_EQ(errorOf(parseHex("\n  0x600g")),
            "invalid hex character 'g' at offset 8");
  // Only one prefix.
  EXPECT_EQ(errorOf(parseHex("0x0x60")),
            "invalid hex character 'x' at offset 3");
}

TEST(ParseHexTest, WhitespaceInsideIsInvalid) {
  EXPECT_EQ(errorOf(parseHex("60 01")),
            "invalid hex character ' ' at offset 2");
  EXPECT_EQ(errorOf(parseHex("60\n01")),
            "invalid hex character '\\x0a' at offset 2");
}

TEST(ParseHexTest, UnprintableCharacterIsEscaped) {
  std::string withNul = "60";
  withNul += '\0';
  withNul += '1';
  EXPECT_EQ(errorOf(parseHex(withNul)),
            "invalid hex character '\\x00' at offset 2");
  EXPECT_EQ(errorOf(parseHex("60\xc3\xa9")),
            "invalid hex character '\\xc3' at offset 2");
}

TEST(ParseHexTest, InvalidCharacterWinsOverOddLength) {
  EXPECT_EQ(errorOf(parseHex("6g0")), "invalid hex character 'g' at offset 1");
}

TEST(ParseHexTest, UnlinkedLibraryPlaceholderIsInvalid) {
  // solc leaves __$<hash>$__ where a library address is still to be linked.
  EXPECT_EQ(errorOf(parseHex("73__$1234$__")),
            "invalid hex character '_' at offset 2");
}

//===----------------------------------------------------------------------===//
// loadCode
//===----------------------------------------------------------------------===//

// A scratch directory that is removed with its files at the end of a test.
class LoadCodeTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(
        llvm::sys::fs::createUniqueDirectory("zkevmc-bytecode-test", dir));
  }
  void TearDown() override {
    if (!dir.empty())
      llvm::sys::fs::remove_directories(dir);
  }

  // Writes `contents` to `name` in the scratch directory; returns its path.
  std::string writeFile(llvm::StringRef name, llvm::StringRef contents) {
    llvm::SmallString<128> path(dir);
    llvm::sys::path::append(path, name);
    std::error_code ec;
    llvm::raw_fd_ostream os(path, ec);
    EXPECT_FALSE(ec) << ec.message();
    os << contents;
    return std::string(path);
  }

  llvm::SmallString<128> dir;
};

TEST_F(LoadCodeTest, ReadsSolcBinFile) {
  std::string path = writeFile("Counter.bin", "6080604052\n");
  EXPECT_EQ(bytesOf(loadCode(path)), (Bytes{0x60, 0x80, 0x60, 0x40, 0x52}));
}

TEST_F(LoadCodeTest, ReadsPrefixedHexFileOfAnyName) {
  EXPECT_EQ(bytesOf(loadCode(writeFile("code.hex", "0x5f00"))),
            (Bytes{0x5f, 0x00}));
  EXPECT_EQ(bytesOf(loadCode(writeFile("code", "  0x5f00\r\n"))),
            (Bytes{0x5f, 0x00}));
}

TEST_F(LoadCodeTest, EmptyFileIsEmptyCode) {
  EXPECT_EQ(bytesOf(loadCode(writeFile("empty.bin", ""))), Bytes{});
}

TEST_F(LoadCodeTest, HexErrorInFileNamesFileAndOffset) {
  std::string path = writeFile("bad.bin", "0x6001zz\n");
  EXPECT_EQ(errorOf(loadCode(path)),
            "file '" + path + "': invalid hex character 'z' at offset 6");
  path = writeFile("odd.bin", "600\n");
  EXPECT_EQ(errorOf(loadCode(path)),
            "file '" + path + "': odd number of hex digits (3)");
}

TEST_F(LoadCodeTest, MissingFileIsNamed) {
  llvm::SmallString<128> path(dir);
  llvm::sys::path::append(path, "missing.bin");
  EXPECT_EQ(errorOf(loadCode(path)),
            "cannot open file '" + std::string(path) + "': no such file");
  // A bare name with a dot is a path too, not bad hex.
  EXPECT_EQ(errorOf(loadCode("zkevmc-no-such-file.bin")),
            "cannot open file 'zkevmc-no-such-file.bin': no such file");
}

TEST_F(LoadCodeTest, DirectoryCannotBeRead) {
  std::string error = errorOf(loadCode(dir));
  EXPECT_EQ(llvm::StringRef(error).find("cannot read file '" +
                                        std::string(dir) + "': "),
            0u)
      << error;
}

TEST_F(LoadCodeTest, ArgumentThatIsNoFileIsHex) {
  EXPECT_EQ(bytesOf(loadCode("0x6001")), (Bytes{0x60, 0x01}));
  EXPECT_EQ(bytesOf(loadCode("6001")), (Bytes{0x60, 0x01}));
  EXPECT_EQ(errorOf(loadCode("60zz")), "invalid hex character 'z' at offset 2");
  EXPECT_EQ(errorOf(loadCode("600")), "odd number of hex digits (3)");
}

//===----------------------------------------------------------------------===//
// decode
//===----------------------------------------------------------------------===//

TEST(DecodeTest, EmptyCodeHasNoInstructions) {
  EXPECT_TRUE(decode({}).empty());
}

TEST(DecodeTest, ImmediatesAreSkipped) {
  // PUSH1 0x80 PUSH1 0x40 MSTORE
  Bytes code = {0x60, 0x80, 0x60, 0x40, 0x52};
  std::vector<Instruction> insts = decode(code);
  ASSERT_EQ(insts.size(), 3u);
  EXPECT_EQ(insts[0].pc, 0u);
  EXPECT_EQ(insts[1].pc, 2u);
  EXPECT_EQ(insts[2].pc, 4u);
  EXPECT_EQ(insts[2].opcode, 0x52);
  ASSERT_NE(insts[2].info, nullptr);
  EXPECT_STREQ(insts[2].info->mnemonic, "MSTORE");
  EXPECT_TRUE(insts[2].immediate.empty());
  EXPECT_FALSE(insts[2].truncated);
}

TEST(DecodeTest, Push1) {
  Bytes code = {0x60, 0x80};
  std::vector<Instruction> insts = decode(code);
  ASSERT_EQ(insts.size(), 1u);
  ASSERT_NE(insts[0].info, nullptr);
  EXPECT_STREQ(insts[0].info->mnemonic, "PUSH1");
  EXPECT_EQ(insts[0].immediate.vec(), Bytes{0x80});
  // The immediate is a view of the code, not a copy.
  EXPECT_EQ(insts[0].immediate.data(), code.data() + 1);
  EXPECT_FALSE(insts[0].truncated);
  EXPECT_EQ(insts[0].immediateValue(), word({0x80}));
}

TEST(DecodeTest, Push32) {
  Bytes code = {0x7f};
  for (uint8_t i = 1; i <= 32; ++i)
    code.push_back(i);
  code.push_back(0x00); // STOP
  std::vector<Instruction> insts = decode(code);
  ASSERT_EQ(insts.size(), 2u);
  ASSERT_NE(insts[0].info, nullptr);
  EXPECT_STREQ(insts[0].info->mnemonic, "PUSH32");
  EXPECT_EQ(insts[0].immediate.size(), 32u);
  EXPECT_FALSE(insts[0].truncated);
  std::array<uint8_t, 32> expected;
  for (unsigned i = 0; i < 32; ++i)
    expected[i] = uint8_t(i + 1);
  EXPECT_EQ(insts[0].immediateValue(), expected);
  EXPECT_EQ(insts[1].pc, 33u);
  EXPECT_EQ(insts[1].opcode, 0x00);
}

TEST(DecodeTest, Push0HasNoImmediate) {
  Bytes code = {0x5f, 0x5f};
  std::vector<Instruction> insts = decode(code);
  ASSERT_EQ(insts.size(), 2u);
  ASSERT_NE(insts[0].info, nullptr);
  EXPECT_STREQ(insts[0].info->mnemonic, "PUSH0");
  EXPECT_TRUE(insts[0].immediate.empty());
  EXPECT_FALSE(insts[0].truncated);
  EXPECT_EQ(insts[0].immediateValue(), word({}));
  EXPECT_EQ(insts[1].pc, 1u);
}

TEST(DecodeTest, ImmediateKeepsLeadingZeros) {
  Bytes code = {0x61, 0x00, 0x01};
  std::vector<Instruction> insts = decode(code);
  ASSERT_EQ(insts.size(), 1u);
  EXPECT_EQ(insts[0].immediate.vec(), (Bytes{0x00, 0x01}));
  EXPECT_EQ(insts[0].immediateValue(), word({0x00, 0x01}));
}

TEST(DecodeTest, TruncatedPushPadsZerosOnTheRight) {
  // PUSH2 with one byte left pushes 0x1200, not 0x12.
  Bytes code = {0x61, 0x12};
  std::vector<Instruction> insts = decode(code);
  ASSERT_EQ(insts.size(), 1u);
  EXPECT_TRUE(insts[0].truncated);
  EXPECT_EQ(insts[0].immediate.vec(), Bytes{0x12});
  EXPECT_EQ(insts[0].immediateValue(), word({0x12, 0x00}));
}

TEST(DecodeTest, TruncatedPush32) {
  Bytes code = {0x60, 0x01, 0x7f, 0xaa, 0xbb};
  std::vector<Instruction> insts = decode(code);
  ASSERT_EQ(insts.size(), 2u);
  EXPECT_FALSE(insts[0].truncated);
  EXPECT_TRUE(insts[1].truncated);
  EXPECT_EQ(insts[1].pc, 2u);
  std::array<uint8_t, 32> expected{};
  expected[0] = 0xaa;
  expected[1] = 0xbb;
  EXPECT_EQ(insts[1].immediateValue(), expected);
}

TEST(DecodeTest, PushAtEndWithNoBytes) {
  Bytes code = {0x00, 0x62};
  std::vector<Instruction> insts = decode(code);
  ASSERT_EQ(insts.size(), 2u);
  EXPECT_TRUE(insts[1].truncated);
  EXPECT_TRUE(insts[1].immediate.empty());
  EXPECT_EQ(insts[1].immediateValue(), word({}));
}

TEST(DecodeTest, UndefinedByteIsAnInstructionWithoutInfo) {
  // 0x0c is undefined; 0xfe is INVALID, a defined opcode.
  Bytes code = {0x0c, 0xfe, 0xef};
  std::vector<Instruction> insts = decode(code);
  ASSERT_EQ(insts.size(), 3u);
  EXPECT_EQ(insts[0].info, nullptr);
  EXPECT_EQ(insts[0].opcode, 0x0c);
  EXPECT_TRUE(insts[0].immediate.empty());
  EXPECT_FALSE(insts[0].truncated);
  EXPECT_EQ(insts[0].immediateValue(), word({}));
  ASSERT_NE(insts[1].info, nullptr);
  EXPECT_STREQ(insts[1].info->mnemonic, "INVALID");
  EXPECT_EQ(insts[2].info, nullptr);
  EXPECT_EQ(insts[2].pc, 2u);
}

TEST(DecodeTest, OpcodeBytesInsideImmediatesAreData) {
  // The 0x5b in PUSH1 0x5b is no JUMPDEST.
  Bytes code = {0x60, 0x5b, 0x5b};
  std::vector<Instruction> insts = decode(code);
  ASSERT_EQ(insts.size(), 2u);
  EXPECT_EQ(insts[1].pc, 2u);
  EXPECT_EQ(insts[1].opcode, 0x5b);
}

TEST(DecodeTest, EveryByteAloneDecodes) {
  for (unsigned b = 0; b < 256; ++b) {
    SCOPED_TRACE(b);
    uint8_t code[] = {uint8_t(b)};
    std::vector<Instruction> insts = decode(code);
    ASSERT_EQ(insts.size(), 1u);
    EXPECT_EQ(insts[0].opcode, b);
    EXPECT_EQ(insts[0].info, zkevmc::opcodes::lookupOpcode(uint8_t(b)));
    // Only PUSH1-PUSH32 (0x60-0x7f) want bytes that a lone byte lacks.
    EXPECT_EQ(insts[0].truncated, b >= 0x60 && b <= 0x7f);
  }
}

//===----------------------------------------------------------------------===//
// printDisassembly
//===----------------------------------------------------------------------===//

TEST(DisassemblyTest, EmptyCodePrintsNothing) {
  EXPECT_EQ(disassemble({}), "");
}

TEST(DisassemblyTest, OneInstructionPerLine) {
  Bytes code = {0x60, 0x80, 0x60, 0x40, 0x52, 0x5f, 0x61, 0x00, 0x01, 0x00};
  EXPECT_EQ(disassemble(code), "    0  PUSH1 0x80\n"
                               "    2  PUSH1 0x40\n"
                               "    4  MSTORE\n"
                               "    5  PUSH0\n"
                               "    6  PUSH2 0x0001\n"
                               "    9  STOP\n");
}

TEST(DisassemblyTest, Push32PrintsAllBytes) {
  Bytes code = {0x7f};
  code.insert(code.end(), 32, 0xab);
  std::string digits;
  for (int i = 0; i < 32; ++i)
    digits += "ab";
  EXPECT_EQ(disassemble(code), "    0  PUSH32 0x" + digits + "\n");
}

TEST(DisassemblyTest, UndefinedByteIsMarked) {
  Bytes code = {0x60, 0x01, 0x0c, 0xfe, 0xa5};
  EXPECT_EQ(disassemble(code), "    0  PUSH1 0x01\n"
                               "    2  0x0c (undefined)\n"
                               "    3  INVALID\n"
                               "    4  0xa5 (undefined)\n");
}

TEST(DisassemblyTest, TruncatedPushIsMarked) {
  EXPECT_EQ(disassemble(Bytes{0x61, 0x12}),
            "    0  PUSH2 0x12 (truncated: 1 of 2 bytes)\n");
  EXPECT_EQ(disassemble(Bytes{0x00, 0x7f, 0x01, 0x02}),
            "    0  STOP\n"
            "    1  PUSH32 0x0102 (truncated: 2 of 32 bytes)\n");
  EXPECT_EQ(disassemble(Bytes{0x60}),
            "    0  PUSH1 (truncated: 0 of 1 bytes)\n");
}

TEST(DisassemblyTest, LargePcsStayAligned) {
  // 49152 bytes is the most initcode may hold (EIP-3860).
  Bytes code(49152, 0x5b);
  std::string text = disassemble(code);
  EXPECT_EQ(text.substr(0, 16), "    0  JUMPDEST\n");
  EXPECT_NE(text.find("\n 9999  JUMPDEST\n10000  JUMPDEST\n"),
            std::string::npos);
  EXPECT_EQ(text.substr(text.size() - 16), "49151  JUMPDEST\n");
}

} // namespace
