//===- OpcodeTable.cpp - The EVM opcode table (generated) -----------------===//

#include "opcodes/OpcodeTable.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/ErrorHandling.h"

namespace zkevmc::opcodes {

#define GET_OpcodeTable_IMPL
#include "opcodes/OpcodeTable.inc"

llvm::ArrayRef<OpcodeInfo> allOpcodes() { return OpcodeTable; }

StringRef forkName(Fork fork) {
  switch (fork) {
  case Frontier:
    return "Frontier";
  case Homestead:
    return "Homestead";
  case Byzantium:
    return "Byzantium";
  case Constantinople:
    return "Constantinople";
  case Istanbul:
    return "Istanbul";
  case London:
    return "London";
  case Shanghai:
    return "Shanghai";
  case Cancun:
    return "Cancun";
  }
  llvm_unreachable("unknown fork");
}

StringRef opClassName(OpClass opClass) {
  switch (opClass) {
  case Arith:
    return "Arith";
  case Compare:
    return "Compare";
  case Bitwise:
    return "Bitwise";
  case Hash:
    return "Hash";
  case Env:
    return "Env";
  case Block:
    return "Block";
  case Stack:
    return "Stack";
  case Memory:
    return "Memory";
  case Storage:
    return "Storage";
  case Flow:
    return "Flow";
  case Log:
    return "Log";
  case Call:
    return "Call";
  case Halt:
    return "Halt";
  }
  llvm_unreachable("unknown opcode class");
}

} // namespace zkevmc::opcodes
