//===- EvmFold.cpp - Folding evm operations with the EVM's semantics ------===//

#include "dialects/evm/IR/EvmDialect.h"
#include "opcodes/Semantics.h"

#include "llvm/ADT/SmallVector.h"

using namespace mlir;
using zkevmc::U256;

namespace {

U256 toWord(const APInt &value) {
  U256 word;
  for (unsigned i = 0; i < 4; ++i)
    word.limbs[i] = value.extractBitsAsZExtValue(64, 64 * i);
  return word;
}

APInt toAPInt(const U256 &word) {
  return APInt(256, ArrayRef<uint64_t>(word.limbs));
}

std::optional<APInt> constantOf(Attribute attr) {
  auto intAttr = dyn_cast_or_null<IntegerAttr>(attr);
  if (!intAttr || intAttr.getType().getIntOrFloatBitWidth() != 256)
    return std::nullopt;
  return intAttr.getValue();
}

} // namespace

Attribute zkevmc::evm::foldPureOpcode(uint8_t opcode, Type resultType,
                                      ArrayRef<Attribute> operands) {
  llvm::SmallVector<U256, 3> words;
  for (Attribute attr : operands) {
    std::optional<APInt> value = constantOf(attr);
    if (!value)
      return {};
    words.push_back(toWord(*value));
  }
  std::optional<U256> result = semantics::evalPure(opcode, words);
  if (!result)
    return {};
  return IntegerAttr::get(resultType, toAPInt(*result));
}

OpFoldResult zkevmc::evm::foldPureIdentity(uint8_t opcode, Operation *op,
                                           ArrayRef<Attribute> operands) {
  Type type = op->getResult(0).getType();
  auto constant = [&](uint64_t v) -> OpFoldResult {
    return IntegerAttr::get(type, APInt(256, v));
  };
  auto is = [&](unsigned i, uint64_t v) {
    std::optional<APInt> c = constantOf(operands[i]);
    return c && *c == v;
  };
  auto isAllOnes = [&](unsigned i) {
    std::optional<APInt> c = constantOf(operands[i]);
    return c && c->isAllOnes();
  };
  auto atLeast = [&](unsigned i, uint64_t v) {
    std::optional<APInt> c = constantOf(operands[i]);
    return c && c->uge(v);
  };
  Value a = op->getOperand(0);
  bool sameOperands = op->getNumOperands() >= 2 && a == op->getOperand(1);

  switch (opcode) {
  case zkevmc::evm::AddOp::kOpcode:
    if (is(1, 0))
      return a;
    if (is(0, 0))
      return op->getOperand(1);
    break;
  case zkevmc::evm::MulOp::kOpcode:
    if (is(0, 0) || is(1, 0))
      return constant(0);
    if (is(1, 1))
      return a;
    if (is(0, 1))
      return op->getOperand(1);
    break;
  case zkevmc::evm::SubOp::kOpcode:
    if (is(1, 0))
      return a;
    if (sameOperands)
      return constant(0);
    break;
  case zkevmc::evm::DivOp::kOpcode:
  case zkevmc::evm::SDivOp::kOpcode:
    if (is(1, 1))
      return a;
    if (is(0, 0) || is(1, 0))
      return constant(0);
    break;
  case zkevmc::evm::ModOp::kOpcode:
  case zkevmc::evm::SModOp::kOpcode:
    if (is(0, 0) || is(1, 0) || is(1, 1) || sameOperands)
      return constant(0);
    break;
  case zkevmc::evm::AddModOp::kOpcode:
  case zkevmc::evm::MulModOp::kOpcode:
    if (is(2, 0) || is(2, 1))
      return constant(0);
    break;
  case zkevmc::evm::ExpOp::kOpcode:
    if (is(1, 0) || is(0, 1))
      return constant(1);
    if (is(1, 1))
      return a;
    break;
  case zkevmc::evm::SignExtendOp::kOpcode:
    if (atLeast(0, 31))
      return op->getOperand(1);
    break;
  case zkevmc::evm::LtOp::kOpcode:
  case zkevmc::evm::GtOp::kOpcode:
  case zkevmc::evm::SLtOp::kOpcode:
  case zkevmc::evm::SGtOp::kOpcode:
    if (sameOperands)
      return constant(0);
    break;
  case zkevmc::evm::EqOp::kOpcode:
    if (sameOperands)
      return constant(1);
    break;
  case zkevmc::evm::AndOp::kOpcode:
    if (is(0, 0) || is(1, 0))
      return constant(0);
    if (isAllOnes(1) || sameOperands)
      return a;
    if (isAllOnes(0))
      return op->getOperand(1);
    break;
  case zkevmc::evm::OrOp::kOpcode:
    if (is(1, 0) || sameOperands)
      return a;
    if (is(0, 0))
      return op->getOperand(1);
    if (isAllOnes(0) || isAllOnes(1))
      return IntegerAttr::get(type, APInt::getAllOnes(256));
    break;
  case zkevmc::evm::XorOp::kOpcode:
    if (is(1, 0))
      return a;
    if (is(0, 0))
      return op->getOperand(1);
    if (sameOperands)
      return constant(0);
    break;
  case zkevmc::evm::ByteOp::kOpcode:
    if (atLeast(0, 32))
      return constant(0);
    break;
  case zkevmc::evm::ShlOp::kOpcode:
  case zkevmc::evm::ShrOp::kOpcode:
    if (is(0, 0))
      return op->getOperand(1);
    if (atLeast(0, 256) || is(1, 0))
      return constant(0);
    break;
  case zkevmc::evm::SarOp::kOpcode:
    if (is(0, 0))
      return op->getOperand(1);
    if (is(1, 0))
      return constant(0);
    break;
  default:
    break;
  }
  return {};
}
