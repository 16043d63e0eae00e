//===- Opcodes.td - The table of EVM opcodes (Cancun) ------*- tablegen -*-===//
//
// The single source of truth for EVM instructions. Every opcode valid in the
// Cancun fork is one record here, with its byte, mnemonic, immediate size,
// stack inputs and outputs, base gas, the fork that introduced it and its
// class. Instructions that are not stack manipulations are at the same time
// operations of the evm dialect: mlir-tblgen turns these records into the
// dialect's ops, and llvm-tblgen (-gen-searchable-tables, via OpcodeTable.td)
// turns the same records into the constexpr C++ table in OpcodeTable.h.
//
// Base gas is the constant part charged before any dynamic part, as in the
// Cancun fork (for EIP-2929 accesses: the warm cost). Stack operands are
// named in stack order: the first is the top of the stack.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_OPCODES_OPCODES_TD
#define ZKEVMC_OPCODES_OPCODES_TD

include "dialects/evm/IR/EvmDialect.td"

//===----------------------------------------------------------------------===//
// Forks and classes (generated as C++ enums).
//===----------------------------------------------------------------------===//

class EvmFork<string name, int value> {
  string forkName = name;
  bits<8> forkValue = value;
}
def Fork_Frontier : EvmFork<"Frontier", 0>;
def Fork_Homestead : EvmFork<"Homestead", 1>;
def Fork_Byzantium : EvmFork<"Byzantium", 2>;
def Fork_Constantinople : EvmFork<"Constantinople", 3>;
def Fork_Istanbul : EvmFork<"Istanbul", 4>;
def Fork_London : EvmFork<"London", 5>;
def Fork_Shanghai : EvmFork<"Shanghai", 6>;
def Fork_Cancun : EvmFork<"Cancun", 7>;

class EvmOpClass<string name, int value> {
  string className = name;
  bits<8> classValue = value;
}
def Class_Arith : EvmOpClass<"Arith", 0>;
def Class_Compare : EvmOpClass<"Compare", 1>;
def Class_Bitwise : EvmOpClass<"Bitwise", 2>;
def Class_Hash : EvmOpClass<"Hash", 3>;
def Class_Env : EvmOpClass<"Env", 4>;
def Class_Block : EvmOpClass<"Block", 5>;
def Class_Stack : EvmOpClass<"Stack", 6>;
def Class_Memory : EvmOpClass<"Memory", 7>;
def Class_Storage : EvmOpClass<"Storage", 8>;
def Class_Flow : EvmOpClass<"Flow", 9>;
def Class_Log : EvmOpClass<"Log", 10>;
def Class_Call : EvmOpClass<"Call", 11>;
def Class_Halt : EvmOpClass<"Halt", 12>;

//===----------------------------------------------------------------------===//
// The opcode record.
//===----------------------------------------------------------------------===//

class Opcode<int opByte, string name, int imm, int nIn, int nOut, int gas,
             EvmFork introducedIn, EvmOpClass cls> {
  bits<8> byte = opByte;
  string mnemonic = name;
  bits<8> immediateSize = imm;
  bits<8> stackIn = nIn;
  bits<8> stackOut = nOut;
  bits<16> baseGas = gas;
  EvmFork fork = introducedIn;
  EvmOpClass opClass = cls;
}

// An opcode that is also an evm-dialect operation `evm.<mnemonic>`, with one
// i256 operand per stack input (named by `ins`) and an i256 result if the
// instruction pushes a value.
class EvmOpcodeOp<int opByte, string name, list<string> ins, int nOut, int gas,
                  EvmFork introducedIn, EvmOpClass cls,
                  list<Trait> traits = []>
    : Evm_Op<!tolower(name), traits>,
      Opcode<opByte, name, 0, !size(ins), nOut, gas, introducedIn, cls> {
  let summary = "the EVM " # name # " instruction";
  let arguments = !dag(ins, !listsplat(Evm_Word, !size(ins)), ins);
  let results = !if(!eq(nOut, 1), (outs Evm_Word:$result), (outs));
  let assemblyFormat = !if(!empty(ins), "attr-dict", "operands attr-dict");
  let extraClassDeclaration =
      "static constexpr unsigned char kOpcode = " # opByte # ";";
}

// Arithmetic, comparison and bitwise instructions: pure, folded with the
// concrete semantics when every operand is a constant.
class EvmPureOp<int opByte, string name, list<string> ins, int gas,
                EvmFork introducedIn, EvmOpClass cls, list<Trait> traits = []>
    : EvmOpcodeOp<opByte, name, ins, 1, gas, introducedIn, cls,
                  !listconcat([Pure, Evm_ConcreteFold], traits)>;

defvar AB = ["a", "b"];

// Effects on the parts of the EVM state.
defvar ReadsMemory = MemoryEffects<[MemRead<Evm_MemoryResource>]>;
defvar WritesMemory = MemoryEffects<[MemRead<Evm_MemoryResource>,
                                     MemWrite<Evm_MemoryResource>]>;
defvar ReadsWorld = MemoryEffects<[MemRead<Evm_WorldResource>]>;

//===----------------------------------------------------------------------===//
// 0x00-0x0b: stop and arithmetic
//===----------------------------------------------------------------------===//

def Evm_StopOp : EvmOpcodeOp<0x00, "STOP", [], 0, 0, Fork_Frontier, Class_Halt,
                             [Terminator]>;
def Evm_AddOp : EvmPureOp<0x01, "ADD", AB, 3, Fork_Frontier, Class_Arith,
                          [Commutative]>;
def Evm_MulOp : EvmPureOp<0x02, "MUL", AB, 5, Fork_Frontier, Class_Arith,
                          [Commutative]>;
def Evm_SubOp : EvmPureOp<0x03, "SUB", AB, 3, Fork_Frontier, Class_Arith>;
def Evm_DivOp : EvmPureOp<0x04, "DIV", AB, 5, Fork_Frontier, Class_Arith>;
def Evm_SDivOp : EvmPureOp<0x05, "SDIV", AB, 5, Fork_Frontier, Class_Arith>;
def Evm_ModOp : EvmPureOp<0x06, "MOD", AB, 5, Fork_Frontier, Class_Arith>;
def Evm_SModOp : EvmPureOp<0x07, "SMOD", AB, 5, Fork_Frontier, Class_Arith>;
def Evm_AddModOp : EvmPureOp<0x08, "ADDMOD", ["a", "b", "n"], 8,
                             Fork_Frontier, Class_Arith>;
def Evm_MulModOp : EvmPureOp<0x09, "MULMOD", ["a", "b", "n"], 8,
                             Fork_Frontier, Class_Arith>;
def Evm_ExpOp : EvmPureOp<0x0a, "EXP", ["base", "exponent"], 10,
                          Fork_Frontier, Class_Arith>;
def Evm_SignExtendOp : EvmPureOp<0x0b, "SIGNEXTEND", ["b", "x"], 5,
                                 Fork_Frontier, Class_Arith>;

//===----------------------------------------------------------------------===//
// 0x10-0x1d: comparison and bitwise logic
//===----------------------------------------------------------------------===//

def Evm_LtOp : EvmPureOp<0x10, "LT", AB, 3, Fork_Frontier, Class_Compare>;
def Evm_GtOp : EvmPureOp<0x11, "GT", AB, 3, Fork_Frontier, Class_Compare>;
def Evm_SLtOp : EvmPureOp<0x12, "SLT", AB, 3, Fork_Frontier, Class_Compare>;
def Evm_SGtOp : EvmPureOp<0x13, "SGT", AB, 3, Fork_Frontier, Class_Compare>;
def Evm_EqOp : EvmPureOp<0x14, "EQ", AB, 3, Fork_Frontier, Class_Compare,
                         [Commutative]>;
def Evm_IsZeroOp : EvmPureOp<0x15, "ISZERO", ["a"], 3, Fork_Frontier,
                             Class_Compare>;
def Evm_AndOp : EvmPureOp<0x16, "AND", AB, 3, Fork_Frontier, Class_Bitwise,
                          [Commutative]>;
def Evm_OrOp : EvmPureOp<0x17, "OR", AB, 3, Fork_Frontier, Class_Bitwise,
                         [Commutative]>;
def Evm_XorOp : EvmPureOp<0x18, "XOR", AB, 3, Fork_Frontier, Class_Bitwise,
                          [Commutative]>;
def Evm_NotOp : EvmPureOp<0x19, "NOT", ["a"], 3, Fork_Frontier,
                          Class_Bitwise>;
def Evm_ByteOp : EvmPureOp<0x1a, "BYTE", ["i", "x"], 3, Fork_Frontier,
                           Class_Bitwise>;
def Evm_ShlOp : EvmPureOp<0x1b, "SHL", ["shift", "value"], 3,
                          Fork_Constantinople, Class_Bitwise>;
def Evm_ShrOp : EvmPureOp<0x1c, "SHR", ["shift", "value"], 3,
                          Fork_Constantinople, Class_Bitwise>;
def Evm_SarOp : EvmPureOp<0x1d, "SAR", ["shift", "value"], 3,
                          Fork_Constantinople, Class_Bitwise>;

//===----------------------------------------------------------------------===//
// 0x20: hashing
//===----------------------------------------------------------------------===//

def Evm_Keccak256Op : EvmOpcodeOp<0x20, "KECCAK256", ["offset", "size"], 1,
                                  30, Fork_Frontier, Class_Hash,
                                  [WritesMemory]>;

//===----------------------------------------------------------------------===//
// 0x30-0x3f: the call environment
//===----------------------------------------------------------------------===//

def Evm_AddressOp : EvmOpcodeOp<0x30, "ADDRESS", [], 1, 2, Fork_Frontier,
                                Class_Env, [Pure]>;
def Evm_BalanceOp : EvmOpcodeOp<0x31, "BALANCE", ["address"], 1, 100,
                                Fork_Frontier, Class_Env, [ReadsWorld]>;
def Evm_OriginOp : EvmOpcodeOp<0x32, "ORIGIN", [], 1, 2, Fork_Frontier,
                               Class_Env, [Pure]>;
def Evm_CallerOp : EvmOpcodeOp<0x33, "CALLER", [], 1, 2, Fork_Frontier,
                               Class_Env, [Pure]>;
def Evm_CallValueOp : EvmOpcodeOp<0x34, "CALLVALUE", [], 1, 2, Fork_Frontier,
                                  Class_Env, [Pure]>;
def Evm_CallDataLoadOp : EvmOpcodeOp<0x35, "CALLDATALOAD", ["offset"], 1, 3,
                                     Fork_Frontier, Class_Env, [Pure]>;
def Evm_CallDataSizeOp : EvmOpcodeOp<0x36, "CALLDATASIZE", [], 1, 2,
                                     Fork_Frontier, Class_Env, [Pure]>;
def Evm_CallDataCopyOp : EvmOpcodeOp<0x37, "CALLDATACOPY",
                                     ["destOffset", "offset", "size"], 0, 3,
                                     Fork_Frontier, Class_Env, [WritesMemory]>;
def Evm_CodeSizeOp : EvmOpcodeOp<0x38, "CODESIZE", [], 1, 2, Fork_Frontier,
                                 Class_Env, [Pure]>;
def Evm_CodeCopyOp : EvmOpcodeOp<0x39, "CODECOPY",
                                 ["destOffset", "offset", "size"], 0, 3,
                                 Fork_Frontier, Class_Env, [WritesMemory]>;
def Evm_GasPriceOp : EvmOpcodeOp<0x3a, "GASPRICE", [], 1, 2, Fork_Frontier,
                                 Class_Env, [Pure]>;
def Evm_ExtCodeSizeOp : EvmOpcodeOp<0x3b, "EXTCODESIZE", ["address"], 1, 100,
                                    Fork_Frontier, Class_Env, [ReadsWorld]>;
def Evm_ExtCodeCopyOp
    : EvmOpcodeOp<0x3c, "EXTCODECOPY",
                  ["address", "destOffset", "offset", "size"], 0, 100,
                  Fork_Frontier, Class_Env,
                  [MemoryEffects<[MemRead<Evm_WorldResource>,
                                  MemRead<Evm_MemoryResource>,
                                  MemWrite<Evm_MemoryResource>]>]>;
def Evm_ReturnDataSizeOp : EvmOpcodeOp<0x3d, "RETURNDATASIZE", [], 1, 2,
                                       Fork_Byzantium, Class_Env,
                                       [ReadsWorld]>;
def Evm_ReturnDataCopyOp
    : EvmOpcodeOp<0x3e, "RETURNDATACOPY", ["destOffset", "offset", "size"], 0,
                  3, Fork_Byzantium, Class_Env,
                  [MemoryEffects<[MemRead<Evm_WorldResource>,
                                  MemRead<Evm_MemoryResource>,
                                  MemWrite<Evm_MemoryResource>]>]>;
def Evm_ExtCodeHashOp : EvmOpcodeOp<0x3f, "EXTCODEHASH", ["address"], 1, 100,
                                    Fork_Constantinople, Class_Env,
                                    [ReadsWorld]>;

//===----------------------------------------------------------------------===//
// 0x40-0x4a: the block
//===----------------------------------------------------------------------===//

def Evm_BlockHashOp : EvmOpcodeOp<0x40, "BLOCKHASH", ["blockNumber"], 1, 20,
                                  Fork_Frontier, Class_Block, [Pure]>;
def Evm_CoinbaseOp : EvmOpcodeOp<0x41, "COINBASE", [], 1, 2, Fork_Frontier,
                                 Class_Block, [Pure]>;
def Evm_TimestampOp : EvmOpcodeOp<0x42, "TIMESTAMP", [], 1, 2, Fork_Frontier,
                                  Class_Block, [Pure]>;
def Evm_NumberOp : EvmOpcodeOp<0x43, "NUMBER", [], 1, 2, Fork_Frontier,
                               Class_Block, [Pure]>;
// DIFFICULTY until the Merge (EIP-4399).
def Evm_PrevRandaoOp : EvmOpcodeOp<0x44, "PREVRANDAO", [], 1, 2,
                                   Fork_Frontier, Class_Block, [Pure]>;
def Evm_GasLimitOp : EvmOpcodeOp<0x45, "GASLIMIT", [], 1, 2, Fork_Frontier,
                                 Class_Block, [Pure]>;
def Evm_ChainIdOp : EvmOpcodeOp<0x46, "CHAINID", [], 1, 2, Fork_Istanbul,
                                Class_Block, [Pure]>;
def Evm_SelfBalanceOp : EvmOpcodeOp<0x47, "SELFBALANCE", [], 1, 5,
                                    Fork_Istanbul, Class_Block, [ReadsWorld]>;
def Evm_BaseFeeOp : EvmOpcodeOp<0x48, "BASEFEE", [], 1, 2, Fork_London,
                                Class_Block, [Pure]>;
def Evm_BlobHashOp : EvmOpcodeOp<0x49, "BLOBHASH", ["index"], 1, 3,
                                 Fork_Cancun, Class_Block, [Pure]>;
def Evm_BlobBaseFeeOp : EvmOpcodeOp<0x4a, "BLOBBASEFEE", [], 1, 2,
                                    Fork_Cancun, Class_Block, [Pure]>;

//===----------------------------------------------------------------------===//
// 0x50-0x5f: stack, memory, storage and flow
//===----------------------------------------------------------------------===//

def : Opcode<0x50, "POP", 0, 1, 0, 2, Fork_Frontier, Class_Stack>;
def Evm_MLoadOp : EvmOpcodeOp<0x51, "MLOAD", ["offset"], 1, 3, Fork_Frontier,
                              Class_Memory, [WritesMemory]>;
def Evm_MStoreOp : EvmOpcodeOp<0x52, "MSTORE", ["offset", "value"], 0, 3,
                               Fork_Frontier, Class_Memory, [WritesMemory]>;
def Evm_MStore8Op : EvmOpcodeOp<0x53, "MSTORE8", ["offset", "value"], 0, 3,
                                Fork_Frontier, Class_Memory, [WritesMemory]>;
def Evm_SLoadOp : EvmOpcodeOp<0x54, "SLOAD", ["key"], 1, 100, Fork_Frontier,
                              Class_Storage,
                              [MemoryEffects<[MemRead<Evm_StorageResource>]>]>;
def Evm_SStoreOp
    : EvmOpcodeOp<0x55, "SSTORE", ["key", "value"], 0, 0, Fork_Frontier,
                  Class_Storage,
                  [MemoryEffects<[MemWrite<Evm_StorageResource>]>]>;
// An unresolved dynamic jump; the lifter turns resolved jumps into cf.br.
def Evm_JumpOp : EvmOpcodeOp<0x56, "JUMP", ["counter"], 0, 8, Fork_Frontier,
                             Class_Flow, [Terminator]>;
// An unresolved conditional jump; execution continues in `fallthrough`
// when the condition is zero.
def Evm_JumpIOp : EvmOpcodeOp<0x57, "JUMPI", ["counter", "condition"], 0, 10,
                              Fork_Frontier, Class_Flow, [Terminator]> {
  let successors = (successor AnySuccessor:$fallthrough);
  let assemblyFormat = "$counter `,` $condition `,` $fallthrough attr-dict";
}
// The program counter of the instruction, carried as an attribute.
def Evm_PcOp : EvmOpcodeOp<0x58, "PC", [], 1, 2, Fork_Frontier, Class_Flow,
                           [Pure]> {
  let arguments = (ins I64Attr:$counter);
  let assemblyFormat = "$counter attr-dict";
  let hasFolder = 1;
}
def Evm_MSizeOp : EvmOpcodeOp<0x59, "MSIZE", [], 1, 2, Fork_Frontier,
                              Class_Memory, [ReadsMemory]>;
// GAS reads a value that changes with every instruction: unknown effects.
def Evm_GasOp : EvmOpcodeOp<0x5a, "GAS", [], 1, 2, Fork_Frontier, Class_Flow>;
def Evm_JumpDestOp : EvmOpcodeOp<0x5b, "JUMPDEST", [], 0, 1, Fork_Frontier,
                                 Class_Flow>;
def Evm_TLoadOp
    : EvmOpcodeOp<0x5c, "TLOAD", ["key"], 1, 100, Fork_Cancun, Class_Storage,
                  [MemoryEffects<[MemRead<Evm_TransientResource>]>]>;
def Evm_TStoreOp
    : EvmOpcodeOp<0x5d, "TSTORE", ["key", "value"], 0, 100, Fork_Cancun,
                  Class_Storage,
                  [MemoryEffects<[MemWrite<Evm_TransientResource>]>]>;
def Evm_MCopyOp : EvmOpcodeOp<0x5e, "MCOPY",
                              ["destOffset", "offset", "size"], 0, 3,
                              Fork_Cancun, Class_Memory, [WritesMemory]>;
def : Opcode<0x5f, "PUSH0", 0, 0, 1, 2, Fork_Shanghai, Class_Stack>;

//===----------------------------------------------------------------------===//
// 0x60-0x9f: PUSH1-32, DUP1-16, SWAP1-16 (stack only: never dialect ops)
//===----------------------------------------------------------------------===//

foreach n = 1...32 in
def : Opcode<!add(0x5f, n), "PUSH" # n, n, 0, 1, 3, Fork_Frontier,
             Class_Stack>;
foreach n = 1...16 in
def : Opcode<!add(0x7f, n), "DUP" # n, 0, n, !add(n, 1), 3, Fork_Frontier,
             Class_Stack>;
foreach n = 1...16 in
def : Opcode<!add(0x8f, n), "SWAP" # n, 0, !add(n, 1), !add(n, 1), 3,
             Fork_Frontier, Class_Stack>;

//===----------------------------------------------------------------------===//
// 0xa0-0xa4: logs
//===----------------------------------------------------------------------===//

foreach n = 0...4 in
def Evm_Log # n # Op
    : EvmOpcodeOp<!add(0xa0, n), "LOG" # n,
                  !listconcat(["offset", "size"],
                              !foreach(i, !range(n), "topic" # i)),
                  0, !mul(375, !add(n, 1)), Fork_Frontier, Class_Log,
                  [MemoryEffects<[MemRead<Evm_MemoryResource>,
                                  MemWrite<Evm_MemoryResource>,
                                  MemWrite<Evm_LogResource>]>]>;

//===----------------------------------------------------------------------===//
// 0xf0-0xff: calls, creation and halting (calls have unknown effects)
//===----------------------------------------------------------------------===//

def Evm_CreateOp : EvmOpcodeOp<0xf0, "CREATE", ["value", "offset", "size"], 1,
                               32000, Fork_Frontier, Class_Call>;
def Evm_CallOp
    : EvmOpcodeOp<0xf1, "CALL",
                  ["gas", "address", "value", "argsOffset", "argsSize",
                   "retOffset", "retSize"],
                  1, 100, Fork_Frontier, Class_Call>;
def Evm_CallCodeOp
    : EvmOpcodeOp<0xf2, "CALLCODE",
                  ["gas", "address", "value", "argsOffset", "argsSize",
                   "retOffset", "retSize"],
                  1, 100, Fork_Frontier, Class_Call>;
def Evm_ReturnOp : EvmOpcodeOp<0xf3, "RETURN", ["offset", "size"], 0, 0,
                               Fork_Frontier, Class_Halt, [Terminator]>;
def Evm_DelegateCallOp
    : EvmOpcodeOp<0xf4, "DELEGATECALL",
                  ["gas", "address", "argsOffset", "argsSize", "retOffset",
                   "retSize"],
                  1, 100, Fork_Homestead, Class_Call>;
def Evm_Create2Op : EvmOpcodeOp<0xf5, "CREATE2",
                                ["value", "offset", "size", "salt"], 1, 32000,
                                Fork_Constantinople, Class_Call>;
def Evm_StaticCallOp
    : EvmOpcodeOp<0xfa, "STATICCALL",
                  ["gas", "address", "argsOffset", "argsSize", "retOffset",
                   "retSize"],
                  1, 100, Fork_Byzantium, Class_Call>;
def Evm_RevertOp : EvmOpcodeOp<0xfd, "REVERT", ["offset", "size"], 0, 0,
                               Fork_Byzantium, Class_Halt, [Terminator]>;
// The designated invalid instruction (EIP-141).
def Evm_InvalidOp : EvmOpcodeOp<0xfe, "INVALID", [], 0, 0, Fork_Frontier,
                                Class_Halt, [Terminator]>;
def Evm_SelfDestructOp : EvmOpcodeOp<0xff, "SELFDESTRUCT", ["address"], 0,
                                     5000, Fork_Frontier, Class_Halt,
                                     [Terminator]>;

#endif // ZKEVMC_OPCODES_OPCODES_TD
