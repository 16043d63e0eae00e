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

// Opcode bytes of the pure instructions, as in Opcodes.td.
enum PureOpcode : uint8_t {
  ADD = 0x01,
  MUL = 0x02,
  SUB = 0x03,
  DIV = 0x04,
  SDIV = 0x05,
  MOD = 0x06,
  SMOD = 0x07,
  ADDMOD = 0x08,
  MULMOD = 0x09,
  EXP = 0x0a,
  SIGNEXTEND = 0x0b,
  LT = 0x10,
  GT = 0x11,
  SLT = 0x12,
  SGT = 0x13,
  EQ = 0x14,
  AND = 0x16,
  OR = 0x17,
  XOR = 0x18,
  BYTE = 0x1a,
  SHL = 0x1b,
  SHR = 0x1c,
  SAR = 0x1d,
};

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
  case ADD:
    if (is(1, 0))
      return a;
    if (is(0, 0))
      return op->getOperand(1);
    break;
  case MUL:
    if (is(0, 0) || is(1, 0))
      return constant(0);
    if (is(1, 1))
      return a;
    if (is(0, 1))
      return op->getOperand(1);
    break;
  case SUB:
    if (is(1, 0))
      return a;
    if (sameOperands)
      return constant(0);
    break;
  case DIV:
  case SDIV:
    if (is(1, 1))
      return a;
    if (is(0, 0) || is(1, 0))
      return constant(0);
    break;
  case MOD:
  case SMOD:
    if (is(0, 0) || is(1, 0) || is(1, 1) || sameOperands)
      return constant(0);
    break;
  case ADDMOD:
  case MULMOD:
    if (is(2, 0) || is(2, 1))
      return constant(0);
    break;
  case EXP:
    if (is(1, 0) || is(0, 1))
      return constant(1);
    if (is(1, 1))
      return a;
    break;
  case SIGNEXTEND:
    if (atLeast(0, 31))
      return op->getOperand(1);
    break;
  case LT:
  case GT:
  case SLT:
  case SGT:
    if (sameOperands)
      return constant(0);
    break;
  case EQ:
    if (sameOperands)
      return constant(1);
    break;
  case AND:
    if (is(0, 0) || is(1, 0))
      return constant(0);
    if (isAllOnes(1) || sameOperands)
      return a;
    if (isAllOnes(0))
      return op->getOperand(1);
    break;
  case OR:
    if (is(1, 0) || sameOperands)
      return a;
    if (is(0, 0))
      return op->getOperand(1);
    if (isAllOnes(0) || isAllOnes(1))
      return IntegerAttr::get(type, APInt::getAllOnes(256));
    break;
  case XOR:
    if (is(1, 0))
      return a;
    if (is(0, 0))
      return op->getOperand(1);
    if (sameOperands)
      return constant(0);
    break;
  case BYTE:
    if (atLeast(0, 32))
      return constant(0);
    break;
  case SHL:
  case SHR:
    if (is(0, 0))
      return op->getOperand(1);
    if (atLeast(0, 256) || is(1, 0))
      return constant(0);
    break;
  case SAR:
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
