//===- OpcodeTable.td - The C++ opcode table from Opcodes.td -*- tablegen -*-===//
//
// Input to llvm-tblgen -gen-searchable-tables: the constexpr table of every
// record of class Opcode in Opcodes.td, with lookups by byte and mnemonic.
//
//===----------------------------------------------------------------------===//

include "llvm/TableGen/SearchableTable.td"
include "opcodes/Opcodes.td"

def Fork : GenericEnum {
  let FilterClass = "EvmFork";
  let NameField = "forkName";
  let ValueField = "forkValue";
}

def OpClass : GenericEnum {
  let FilterClass = "EvmOpClass";
  let NameField = "className";
  let ValueField = "classValue";
}

def OpcodeTable : GenericTable {
  let FilterClass = "Opcode";
  let CppTypeName = "OpcodeInfo";
  let Fields = ["byte", "mnemonic", "immediateSize", "stackIn",
                "stackOut", "baseGas", "fork", "opClass"];
  string TypeOf_fork = "Fork";
  string TypeOf_opClass = "OpClass";
  let PrimaryKey = ["byte"];
  let PrimaryKeyName = "lookupOpcode";
}

def lookupOpcodeByMnemonic : SearchIndex {
  let Table = OpcodeTable;
  let Key = ["mnemonic"];
}
