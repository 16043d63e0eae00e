//===- OpcodeTableTest.cpp - Opcodes.td checked against the EVM specs -----===//
//
// The expected table below is written independently from the Yellow Paper
// and the EIPs, not derived from Opcodes.td, so that a slip in the TableGen
// source shows up as a disagreement here rather than being copied into both.
//
//===----------------------------------------------------------------------===//

#include "opcodes/OpcodeTable.h"

#include "llvm/ADT/StringRef.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <iterator>
#include <string>

namespace {

using zkevmc::opcodes::allOpcodes;
using zkevmc::opcodes::Fork;
using zkevmc::opcodes::forkName;
using zkevmc::opcodes::lookupOpcode;
using zkevmc::opcodes::lookupOpcodeByMnemonic;
using zkevmc::opcodes::OpcodeInfo;

struct ExpectedOpcode {
  uint8_t byte;
  const char *mnemonic;
  uint8_t immediateSize;
  uint8_t stackIn;
  uint8_t stackOut;
  // Cancun's constant part, charged before any dynamic part.
  uint16_t baseGas;
  // The fork that introduced the byte, under any earlier name.
  Fork fork;
};

// clang-format off
const ExpectedOpcode kDefined[] = {
    // 0x00-0x0b: arithmetic.
    {0x00, "STOP", 0, 0, 0, 0, Fork::Frontier},
    {0x01, "ADD", 0, 2, 1, 3, Fork::Frontier},
    {0x02, "MUL", 0, 2, 1, 5, Fork::Frontier},
    {0x03, "SUB", 0, 2, 1, 3, Fork::Frontier},
    {0x04, "DIV", 0, 2, 1, 5, Fork::Frontier},
    {0x05, "SDIV", 0, 2, 1, 5, Fork::Frontier},
    {0x06, "MOD", 0, 2, 1, 5, Fork::Frontier},
    {0x07, "SMOD", 0, 2, 1, 5, Fork::Frontier},
    {0x08, "ADDMOD", 0, 3, 1, 8, Fork::Frontier},
    {0x09, "MULMOD", 0, 3, 1, 8, Fork::Frontier},
    {0x0a, "EXP", 0, 2, 1, 10, Fork::Frontier},
    {0x0b, "SIGNEXTEND", 0, 2, 1, 5, Fork::Frontier},
    // 0x10-0x1d: comparison and bitwise (EIP-145 shifts: Constantinople).
    {0x10, "LT", 0, 2, 1, 3, Fork::Frontier},
    {0x11, "GT", 0, 2, 1, 3, Fork::Frontier},
    {0x12, "SLT", 0, 2, 1, 3, Fork::Frontier},
    {0x13, "SGT", 0, 2, 1, 3, Fork::Frontier},
    {0x14, "EQ", 0, 2, 1, 3, Fork::Frontier},
    {0x15, "ISZERO", 0, 1, 1, 3, Fork::Frontier},
    {0x16, "AND", 0, 2, 1, 3, Fork::Frontier},
    {0x17, "OR", 0, 2, 1, 3, Fork::Frontier},
    {0x18, "XOR", 0, 2, 1, 3, Fork::Frontier},
    {0x19, "NOT", 0, 1, 1, 3, Fork::Frontier},
    {0x1a, "BYTE", 0, 2, 1, 3, Fork::Frontier},
    {0x1b, "SHL", 0, 2, 1, 3, Fork::Constantinople},
    {0x1c, "SHR", 0, 2, 1, 3, Fork::Constantinople},
    {0x1d, "SAR", 0, 2, 1, 3, Fork::Constantinople},
    // 0x20: hashing (the Yellow Paper's SHA3).
    {0x20, "KECCAK256", 0, 2, 1, 30, Fork::Frontier},
    // 0x30-0x3f: environment. EIP-2929 account accesses charge the warm cost
    // up front; EIP-211 return data is Byzantium, EIP-1052 Constantinople.
    {0x30, "ADDRESS", 0, 0, 1, 2, Fork::Frontier},
    {0x31, "BALANCE", 0, 1, 1, 100, Fork::Frontier},
    {0x32, "ORIGIN", 0, 0, 1, 2, Fork::Frontier},
    {0x33, "CALLER", 0, 0, 1, 2, Fork::Frontier},
    {0x34, "CALLVALUE", 0, 0, 1, 2, Fork::Frontier},
    {0x35, "CALLDATALOAD", 0, 1, 1, 3, Fork::Frontier},
    {0x36, "CALLDATASIZE", 0, 0, 1, 2, Fork::Frontier},
    {0x37, "CALLDATACOPY", 0, 3, 0, 3, Fork::Frontier},
    {0x38, "CODESIZE", 0, 0, 1, 2, Fork::Frontier},
    {0x39, "CODECOPY", 0, 3, 0, 3, Fork::Frontier},
    {0x3a, "GASPRICE", 0, 0, 1, 2, Fork::Frontier},
    {0x3b, "EXTCODESIZE", 0, 1, 1, 100, Fork::Frontier},
    {0x3c, "EXTCODECOPY", 0, 4, 0, 100, Fork::Frontier},
    {0x3d, "RETURNDATASIZE", 0, 0, 1, 2, Fork::Byzantium},
    {0x3e, "RETURNDATACOPY", 0, 3, 0, 3, Fork::Byzantium},
    {0x3f, "EXTCODEHASH", 0, 1, 1, 100, Fork::Constantinople},
    // 0x40-0x4a: block. 0x44 is DIFFICULTY renamed by EIP-4399, so Frontier.
    {0x40, "BLOCKHASH", 0, 1, 1, 20, Fork::Frontier},
    {0x41, "COINBASE", 0, 0, 1, 2, Fork::Frontier},
    {0x42, "TIMESTAMP", 0, 0, 1, 2, Fork::Frontier},
    {0x43, "NUMBER", 0, 0, 1, 2, Fork::Frontier},
    {0x44, "PREVRANDAO", 0, 0, 1, 2, Fork::Frontier},
    {0x45, "GASLIMIT", 0, 0, 1, 2, Fork::Frontier},
    {0x46, "CHAINID", 0, 0, 1, 2, Fork::Istanbul},
    {0x47, "SELFBALANCE", 0, 0, 1, 5, Fork::Istanbul},
    {0x48, "BASEFEE", 0, 0, 1, 2, Fork::London},
    {0x49, "BLOBHASH", 0, 1, 1, 3, Fork::Cancun},
    {0x4a, "BLOBBASEFEE", 0, 0, 1, 2, Fork::Cancun},
    // 0x50-0x5f: stack, memory, storage and flow. SSTORE's whole cost depends
    // on the slot (EIP-2200/2929/3529), so nothing is constant.
    {0x50, "POP", 0, 1, 0, 2, Fork::Frontier},
    {0x51, "MLOAD", 0, 1, 1, 3, Fork::Frontier},
    {0x52, "MSTORE", 0, 2, 0, 3, Fork::Frontier},
    {0x53, "MSTORE8", 0, 2, 0, 3, Fork::Frontier},
    {0x54, "SLOAD", 0, 1, 1, 100, Fork::Frontier},
    {0x55, "SSTORE", 0, 2, 0, 0, Fork::Frontier},
    {0x56, "JUMP", 0, 1, 0, 8, Fork::Frontier},
    {0x57, "JUMPI", 0, 2, 0, 10, Fork::Frontier},
    {0x58, "PC", 0, 0, 1, 2, Fork::Frontier},
    {0x59, "MSIZE", 0, 0, 1, 2, Fork::Frontier},
    {0x5a, "GAS", 0, 0, 1, 2, Fork::Frontier},
    {0x5b, "JUMPDEST", 0, 0, 0, 1, Fork::Frontier},
    {0x5c, "TLOAD", 0, 1, 1, 100, Fork::Cancun},
    {0x5d, "TSTORE", 0, 2, 0, 100, Fork::Cancun},
    {0x5e, "MCOPY", 0, 3, 0, 3, Fork::Cancun},
    {0x5f, "PUSH0", 0, 0, 1, 2, Fork::Shanghai},
    // 0x60-0x7f: PUSH1-PUSH32, each with n immediate bytes.
    {0x60, "PUSH1", 1, 0, 1, 3, Fork::Frontier},
    {0x61, "PUSH2", 2, 0, 1, 3, Fork::Frontier},
    {0x62, "PUSH3", 3, 0, 1, 3, Fork::Frontier},
    {0x63, "PUSH4", 4, 0, 1, 3, Fork::Frontier},
    {0x64, "PUSH5", 5, 0, 1, 3, Fork::Frontier},
    {0x65, "PUSH6", 6, 0, 1, 3, Fork::Frontier},
    {0x66, "PUSH7", 7, 0, 1, 3, Fork::Frontier},
    {0x67, "PUSH8", 8, 0, 1, 3, Fork::Frontier},
    {0x68, "PUSH9", 9, 0, 1, 3, Fork::Frontier},
    {0x69, "PUSH10", 10, 0, 1, 3, Fork::Frontier},
    {0x6a, "PUSH11", 11, 0, 1, 3, Fork::Frontier},
    {0x6b, "PUSH12", 12, 0, 1, 3, Fork::Frontier},
    {0x6c, "PUSH13", 13, 0, 1, 3, Fork::Frontier},
    {0x6d, "PUSH14", 14, 0, 1, 3, Fork::Frontier},
    {0x6e, "PUSH15", 15, 0, 1, 3, Fork::Frontier},
    {0x6f, "PUSH16", 16, 0, 1, 3, Fork::Frontier},
    {0x70, "PUSH17", 17, 0, 1, 3, Fork::Frontier},
    {0x71, "PUSH18", 18, 0, 1, 3, Fork::Frontier},
    {0x72, "PUSH19", 19, 0, 1, 3, Fork::Frontier},
    {0x73, "PUSH20", 20, 0, 1, 3, Fork::Frontier},
    {0x74, "PUSH21", 21, 0, 1, 3, Fork::Frontier},
    {0x75, "PUSH22", 22, 0, 1, 3, Fork::Frontier},
    {0x76, "PUSH23", 23, 0, 1, 3, Fork::Frontier},
    {0x77, "PUSH24", 24, 0, 1, 3, Fork::Frontier},
    {0x78, "PUSH25", 25, 0, 1, 3, Fork::Frontier},
    {0x79, "PUSH26", 26, 0, 1, 3, Fork::Frontier},
    {0x7a, "PUSH27", 27, 0, 1, 3, Fork::Frontier},
    {0x7b, "PUSH28", 28, 0, 1, 3, Fork::Frontier},
    {0x7c, "PUSH29", 29, 0, 1, 3, Fork::Frontier},
    {0x7d, "PUSH30", 30, 0, 1, 3, Fork::Frontier},
    {0x7e, "PUSH31", 31, 0, 1, 3, Fork::Frontier},
    {0x7f, "PUSH32", 32, 0, 1, 3, Fork::Frontier},
    // 0x80-0x8f: DUPn reads n items and leaves n + 1.
    {0x80, "DUP1", 0, 1, 2, 3, Fork::Frontier},
    {0x81, "DUP2", 0, 2, 3, 3, Fork::Frontier},
    {0x82, "DUP3", 0, 3, 4, 3, Fork::Frontier},
    {0x83, "DUP4", 0, 4, 5, 3, Fork::Frontier},
    {0x84, "DUP5", 0, 5, 6, 3, Fork::Frontier},
    {0x85, "DUP6", 0, 6, 7, 3, Fork::Frontier},
    {0x86, "DUP7", 0, 7, 8, 3, Fork::Frontier},
    {0x87, "DUP8", 0, 8, 9, 3, Fork::Frontier},
    {0x88, "DUP9", 0, 9, 10, 3, Fork::Frontier},
    {0x89, "DUP10", 0, 10, 11, 3, Fork::Frontier},
    {0x8a, "DUP11", 0, 11, 12, 3, Fork::Frontier},
    {0x8b, "DUP12", 0, 12, 13, 3, Fork::Frontier},
    {0x8c, "DUP13", 0, 13, 14, 3, Fork::Frontier},
    {0x8d, "DUP14", 0, 14, 15, 3, Fork::Frontier},
    {0x8e, "DUP15", 0, 15, 16, 3, Fork::Frontier},
    {0x8f, "DUP16", 0, 16, 17, 3, Fork::Frontier},
    // 0x90-0x9f: SWAPn touches n + 1 items.
    {0x90, "SWAP1", 0, 2, 2, 3, Fork::Frontier},
    {0x91, "SWAP2", 0, 3, 3, 3, Fork::Frontier},
    {0x92, "SWAP3", 0, 4, 4, 3, Fork::Frontier},
    {0x93, "SWAP4", 0, 5, 5, 3, Fork::Frontier},
    {0x94, "SWAP5", 0, 6, 6, 3, Fork::Frontier},
    {0x95, "SWAP6", 0, 7, 7, 3, Fork::Frontier},
    {0x96, "SWAP7", 0, 8, 8, 3, Fork::Frontier},
    {0x97, "SWAP8", 0, 9, 9, 3, Fork::Frontier},
    {0x98, "SWAP9", 0, 10, 10, 3, Fork::Frontier},
    {0x99, "SWAP10", 0, 11, 11, 3, Fork::Frontier},
    {0x9a, "SWAP11", 0, 12, 12, 3, Fork::Frontier},
    {0x9b, "SWAP12", 0, 13, 13, 3, Fork::Frontier},
    {0x9c, "SWAP13", 0, 14, 14, 3, Fork::Frontier},
    {0x9d, "SWAP14", 0, 15, 15, 3, Fork::Frontier},
    {0x9e, "SWAP15", 0, 16, 16, 3, Fork::Frontier},
    {0x9f, "SWAP16", 0, 17, 17, 3, Fork::Frontier},
    // 0xa0-0xa4: LOGn takes offset, size and n topics. Up front: G_log plus
    // n * G_logtopic, since the topic count is fixed by the opcode (the
    // per-byte G_logdata is the only dynamic part), as in evmone.
    {0xa0, "LOG0", 0, 2, 0, 375, Fork::Frontier},
    {0xa1, "LOG1", 0, 3, 0, 750, Fork::Frontier},
    {0xa2, "LOG2", 0, 4, 0, 1125, Fork::Frontier},
    {0xa3, "LOG3", 0, 5, 0, 1500, Fork::Frontier},
    {0xa4, "LOG4", 0, 6, 0, 1875, Fork::Frontier},
    // 0xf0-0xff: system. Calls charge the EIP-2929 warm cost up front; CREATE2
    // hashing and SELFDESTRUCT's new-account and cold costs are dynamic.
    {0xf0, "CREATE", 0, 3, 1, 32000, Fork::Frontier},
    {0xf1, "CALL", 0, 7, 1, 100, Fork::Frontier},
    {0xf2, "CALLCODE", 0, 7, 1, 100, Fork::Frontier},
    {0xf3, "RETURN", 0, 2, 0, 0, Fork::Frontier},
    {0xf4, "DELEGATECALL", 0, 6, 1, 100, Fork::Homestead},
    {0xf5, "CREATE2", 0, 4, 1, 32000, Fork::Constantinople},
    {0xfa, "STATICCALL", 0, 6, 1, 100, Fork::Byzantium},
    {0xfd, "REVERT", 0, 2, 0, 0, Fork::Byzantium},
    {0xfe, "INVALID", 0, 0, 0, 0, Fork::Frontier},
    {0xff, "SELFDESTRUCT", 0, 1, 0, 5000, Fork::Frontier},
};
// clang-format on

// Inclusive ranges of bytes that are no opcode in Cancun.
struct ByteRange {
  uint8_t first;
  uint8_t last;
};
const ByteRange kUndefined[] = {
    {0x0c, 0x0f}, {0x1e, 0x1f}, {0x21, 0x2f}, {0x4b, 0x4f},
    {0xa5, 0xef}, {0xf6, 0xf9}, {0xfb, 0xfc},
};

std::string hexByte(unsigned b) {
  static const char digits[] = "0123456789abcdef";
  return std::string("0x") + digits[b >> 4] + digits[b & 15];
}

// What the expected lists say about each byte: its row, or null if the byte
// is listed as undefined. Fails the calling test if the lists do not cover
// every byte exactly once, so that a gap in them cannot hide a bad entry.
std::array<const ExpectedOpcode *, 256> expectedByByte() {
  std::array<const ExpectedOpcode *, 256> rows{};
  std::array<int, 256> listed{};
  for (const ExpectedOpcode &row : kDefined) {
    rows[row.byte] = &row;
    ++listed[row.byte];
  }
  for (const ByteRange &range : kUndefined)
    for (unsigned b = range.first; b <= range.last; ++b)
      ++listed[b];
  for (unsigned b = 0; b < 256; ++b)
    EXPECT_EQ(listed[b], 1)
        << "byte " << hexByte(b) << " is listed other than once";
  return rows;
}

TEST(OpcodeTableTest, ExpectedListsCoverEveryByteOnce) {
  EXPECT_EQ(std::size(kDefined), 149u);
  expectedByByte();
}

TEST(OpcodeTableTest, EveryByteMatchesTheSpec) {
  std::array<const ExpectedOpcode *, 256> expected = expectedByByte();
  for (unsigned b = 0; b < 256; ++b) {
    SCOPED_TRACE("byte " + hexByte(b));
    const OpcodeInfo *info = lookupOpcode(uint8_t(b));
    const ExpectedOpcode *want = expected[b];
    if (!want) {
      EXPECT_EQ(info, nullptr)
          << "undefined byte has entry " << (info ? info->mnemonic : "");
      continue;
    }
    ASSERT_NE(info, nullptr) << "missing " << want->mnemonic;
    SCOPED_TRACE(want->mnemonic);
    EXPECT_EQ(info->byte, want->byte);
    EXPECT_STREQ(info->mnemonic, want->mnemonic);
    EXPECT_EQ(unsigned(info->immediateSize), unsigned(want->immediateSize));
    EXPECT_EQ(unsigned(info->stackIn), unsigned(want->stackIn));
    EXPECT_EQ(unsigned(info->stackOut), unsigned(want->stackOut));
    EXPECT_EQ(info->baseGas, want->baseGas);
    // Compared by name so that a failure reads as a fork, not a number.
    EXPECT_EQ(forkName(info->fork).str(), forkName(want->fork).str());
  }
}

TEST(OpcodeTableTest, LookupByMnemonicFindsEveryOpcode) {
  for (const ExpectedOpcode &row : kDefined) {
    SCOPED_TRACE(row.mnemonic);
    const OpcodeInfo *info = lookupOpcodeByMnemonic(row.mnemonic);
    ASSERT_NE(info, nullptr);
    EXPECT_EQ(unsigned(info->byte), unsigned(row.byte));
    // The same entry as the lookup by byte, not a copy.
    EXPECT_EQ(info, lookupOpcode(row.byte));
  }
}

TEST(OpcodeTableTest, LookupByMnemonicRejectsUnknownNames) {
  // Pre-rename names (SHA3, SUICIDE, DIFFICULTY), sizes past the families'
  // ends, opcodes of later forks or withdrawn EIPs, and near misses.
  for (const char *name :
       {"", "SHA3", "SUICIDE", "DIFFICULTY", "PUSH33", "DUP0", "DUP17", "SWAP0",
        "SWAP17", "LOG5", "JUMPSUB", "BEGINSUB", "DUPN", "EXTCALL", "ADD ",
        " ADD", "ADD1", "PUSH", "NOP"}) {
    SCOPED_TRACE(std::string("name '") + name + "'");
    EXPECT_EQ(lookupOpcodeByMnemonic(name), nullptr);
  }
}

TEST(OpcodeTableTest, AllOpcodesInByteOrder) {
  llvm::ArrayRef<OpcodeInfo> all = allOpcodes();
  ASSERT_EQ(all.size(), 149u);
  for (size_t i = 0; i < all.size(); ++i) {
    SCOPED_TRACE(all[i].mnemonic);
    // Braced: the gtest macro expands to an if/else of its own.
    if (i > 0) {
      EXPECT_LT(all[i - 1].byte, all[i].byte);
    }
    EXPECT_EQ(&all[i], lookupOpcode(all[i].byte));
    EXPECT_EQ(unsigned(all[i].byte), unsigned(kDefined[i].byte));
  }
}

// The lifter models PUSH, POP, DUP and SWAP on its own stack by their class,
// so these must all be Stack and nothing else may be.
TEST(OpcodeTableTest, StackClassIsExactlyPushPopDupSwap) {
  for (const OpcodeInfo &info : allOpcodes()) {
    SCOPED_TRACE(info.mnemonic);
    llvm::StringRef name = info.mnemonic;
    bool stackOp = name == "POP" || name.starts_with("PUSH") ||
                   name.starts_with("DUP") || name.starts_with("SWAP");
    EXPECT_EQ(info.opClass == zkevmc::opcodes::Stack, stackOp)
        << "class " << zkevmc::opcodes::opClassName(info.opClass).str();
  }
}

TEST(OpcodeTableTest, ForkNames) {
  EXPECT_EQ(forkName(Fork::Frontier), "Frontier");
  EXPECT_EQ(forkName(Fork::Homestead), "Homestead");
  EXPECT_EQ(forkName(Fork::Byzantium), "Byzantium");
  EXPECT_EQ(forkName(Fork::Constantinople), "Constantinople");
  EXPECT_EQ(forkName(Fork::Istanbul), "Istanbul");
  EXPECT_EQ(forkName(Fork::London), "London");
  EXPECT_EQ(forkName(Fork::Shanghai), "Shanghai");
  EXPECT_EQ(forkName(Fork::Cancun), "Cancun");
}

} // namespace
