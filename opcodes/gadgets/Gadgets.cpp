//===- Gadgets.cpp - Constraint gadgets for EVM opcodes -------------------===//
//
// The registry: which opcodes have gadgets, their names, and building one
// through its family's builder (GadgetWriter.h).
//
//===----------------------------------------------------------------------===//

#include "opcodes/gadgets/Gadgets.h"

#include "dialects/evm/IR/EvmDialect.h"
#include "opcodes/OpcodeTable.h"
#include "opcodes/gadgets/GadgetWriter.h"

using namespace mlir;

namespace zkevmc::gadgets {

namespace {

Word buildBody(GadgetWriter &w, ModuleOp module, uint8_t opcode,
               llvm::ArrayRef<Word> in) {
  if (opcode == evm::ExpOp::kOpcode)
    return buildExp(w, module, in);
  Word out = buildArithmetic(w, opcode, in);
  if (out.empty())
    out = buildDivision(w, opcode, in);
  if (out.empty())
    out = buildShift(w, opcode, in);
  return out;
}

} // namespace

bool hasGadget(uint8_t opcode) {
  switch (opcode) {
  case evm::AddOp::kOpcode:
  case evm::MulOp::kOpcode:
  case evm::SubOp::kOpcode:
  case evm::DivOp::kOpcode:
  case evm::SDivOp::kOpcode:
  case evm::ModOp::kOpcode:
  case evm::SModOp::kOpcode:
  case evm::AddModOp::kOpcode:
  case evm::MulModOp::kOpcode:
  case evm::ShlOp::kOpcode:
  case evm::ShrOp::kOpcode:
  case evm::SarOp::kOpcode:
  case evm::ExpOp::kOpcode:
  case evm::SignExtendOp::kOpcode:
  case evm::ByteOp::kOpcode:
  case evm::LtOp::kOpcode:
  case evm::GtOp::kOpcode:
  case evm::SLtOp::kOpcode:
  case evm::SGtOp::kOpcode:
  case evm::EqOp::kOpcode:
  case evm::IsZeroOp::kOpcode:
  case evm::AndOp::kOpcode:
  case evm::OrOp::kOpcode:
  case evm::XorOp::kOpcode:
  case evm::NotOp::kOpcode:
    return true;
  default:
    return false;
  }
}

std::string gadgetName(uint8_t opcode) {
  const opcodes::OpcodeInfo *info = opcodes::lookupOpcode(opcode);
  return "evm_" + (info ? StringRef(info->mnemonic).lower() : "unknown");
}

zk::CircuitOp getOrBuildGadget(ModuleOp module, uint8_t opcode) {
  if (!hasGadget(opcode))
    return nullptr;
  std::string name = gadgetName(opcode);
  if (auto existing = module.lookupSymbol<zk::CircuitOp>(name))
    return existing;
  const opcodes::OpcodeInfo *info = opcodes::lookupOpcode(opcode);
  MLIRContext *context = module.getContext();
  OpBuilder b(context);
  b.setInsertionPointToEnd(module.getBody());
  Location loc = NameLoc::get(b.getStringAttr(name), module.getLoc());
  Type felt = zk::FeltType::get(context);
  unsigned numInputs = info->stackIn * kLimbs;
  auto circuit = b.create<zk::CircuitOp>(
      loc, name,
      b.getFunctionType(llvm::SmallVector<Type>(numInputs, felt),
                        llvm::SmallVector<Type>(kLimbs, felt)),
      "bn254", /*arg_attrs=*/nullptr, /*res_attrs=*/nullptr);
  circuit->setAttr(zk::kSpecAttrName, b.getStringAttr(info->mnemonic));
  Block *entry = circuit.addEntryBlock();
  b.setInsertionPointToEnd(entry);
  llvm::SmallVector<Word> operands(info->stackIn);
  for (unsigned i = 0; i < numInputs; ++i)
    operands[i / kLimbs].push_back(entry->getArgument(i));
  GadgetWriter writer(b, loc, module);
  Word result = buildBody(writer, module, opcode, operands);
  b.create<zk::OutputOp>(loc, ValueRange(result));
  return circuit;
}

} // namespace zkevmc::gadgets
