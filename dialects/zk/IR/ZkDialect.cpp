//===- ZkDialect.cpp - The zk dialect and its operations ------------------===//

#include "dialects/zk/IR/ZkDialect.h"

#include "mlir/IR/DialectImplementation.h"
#include "mlir/Interfaces/FunctionImplementation.h"
#include "mlir/Transforms/InliningUtils.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace zkevmc::zk;
using llvm::APInt;

#include "dialects/zk/IR/ZkDialect.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "dialects/zk/IR/ZkTypes.cpp.inc"

namespace {

// Sub-circuits inline into their callers; every zk op may be inlined.
struct ZkInlinerInterface : DialectInlinerInterface {
  using DialectInlinerInterface::DialectInlinerInterface;
  bool isLegalToInline(Operation *, Operation *, bool) const final {
    return true;
  }
  bool isLegalToInline(Region *, Region *, bool, IRMapping &) const final {
    return true;
  }
  bool isLegalToInline(Operation *, Region *, bool, IRMapping &) const final {
    return true;
  }
  void handleTerminator(Operation *op, ValueRange valuesToReplace) const final {
    auto output = cast<OutputOp>(op);
    for (auto [from, to] : llvm::zip(valuesToReplace, output.getValues()))
      from.replaceAllUsesWith(to);
  }
};

// The field of the circuit enclosing `op`, if any.
const PrimeField *fieldOf(Operation *op) {
  auto circuit = op->getParentOfType<CircuitOp>();
  if (!circuit)
    return nullptr;
  return lookupPrimeField(circuit.getField());
}

std::optional<APInt> constantOf(Attribute attr) {
  if (auto intAttr = dyn_cast_or_null<IntegerAttr>(attr))
    return intAttr.getValue();
  return std::nullopt;
}

IntegerAttr feltAttr(MLIRContext *context, const APInt &value) {
  // Callers have checked that the value has at most 256 active bits.
  return IntegerAttr::get(IntegerType::get(context, 256),
                          value.zextOrTrunc(256));
}

} // namespace

void ZkDialect::initialize() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "dialects/zk/IR/ZkTypes.cpp.inc"
      >();
  addOperations<
#define GET_OP_LIST
#include "dialects/zk/IR/ZkOps.cpp.inc"
      >();
  addInterfaces<ZkInlinerInterface>();
}

Operation *ZkDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                          Type type, Location loc) {
  auto intAttr = dyn_cast<IntegerAttr>(value);
  if (!intAttr || !isa<FeltType>(type))
    return nullptr;
  return builder.create<ConstOp>(loc, type, intAttr);
}

//===----------------------------------------------------------------------===//
// CircuitOp
//===----------------------------------------------------------------------===//

ParseResult CircuitOp::parse(OpAsmParser &parser, OperationState &result) {
  auto buildType = [](Builder &builder, ArrayRef<Type> inputs,
                      ArrayRef<Type> results,
                      function_interface_impl::VariadicFlag, std::string &) {
    return builder.getFunctionType(inputs, results);
  };
  return function_interface_impl::parseFunctionOp(
      parser, result, /*allowVariadic=*/false,
      getFunctionTypeAttrName(result.name), buildType,
      getArgAttrsAttrName(result.name), getResAttrsAttrName(result.name));
}

void CircuitOp::print(OpAsmPrinter &p) {
  function_interface_impl::printFunctionOp(
      p, *this, /*isVariadic=*/false, getFunctionTypeAttrName(),
      getArgAttrsAttrName(), getResAttrsAttrName());
}

LogicalResult CircuitOp::verify() {
  if (!lookupPrimeField(getField()))
    return emitOpError("names an unknown field '")
           << getField() << "' (known: bn254, goldilocks)";
  for (Type type : getArgumentTypes())
    if (!isa<FeltType>(type))
      return emitOpError("inputs must be !zk.felt, got ") << type;
  for (Type type : getResultTypes())
    if (!isa<FeltType>(type))
      return emitOpError("outputs must be !zk.felt, got ") << type;
  if (getBody().empty())
    return emitOpError("needs a body");
  return success();
}

const PrimeField &CircuitOp::getPrimeField() {
  return *lookupPrimeField(getField());
}

bool CircuitOp::isPublicInput(unsigned index) {
  return static_cast<bool>(getArgAttr(index, kPublicAttrName));
}

bool CircuitOp::isPublicOutput(unsigned index) {
  return static_cast<bool>(getResultAttr(index, kPublicAttrName));
}

LogicalResult OutputOp::verify() {
  auto circuit = (*this)->getParentOfType<CircuitOp>();
  ArrayRef<Type> expected = circuit.getResultTypes();
  if (getValues().size() != expected.size())
    return emitOpError("has ")
           << getValues().size() << " values but the circuit has "
           << expected.size() << " outputs";
  return success();
}

//===----------------------------------------------------------------------===//
// CallOp
//===----------------------------------------------------------------------===//

LogicalResult CallOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  auto callee =
      symbolTable.lookupNearestSymbolFrom<CircuitOp>(*this, getCalleeAttr());
  if (!callee)
    return emitOpError("'") << getCallee() << "' is not a zk.circuit";
  FunctionType type = callee.getFunctionType();
  if (type.getNumInputs() != getOperands().size() ||
      type.getNumResults() != getResults().size())
    return emitOpError("has ")
           << getOperands().size() << " operands and " << getResults().size()
           << " results but @" << getCallee() << " takes "
           << type.getNumInputs() << " and gives " << type.getNumResults();
  auto caller = (*this)->getParentOfType<CircuitOp>();
  if (caller && caller.getField() != callee.getField())
    return emitOpError("calls @")
           << getCallee() << " over field '" << callee.getField()
           << "' from a circuit over '" << caller.getField() << "'";
  return success();
}

//===----------------------------------------------------------------------===//
// Constants and field arithmetic
//===----------------------------------------------------------------------===//

ParseResult ConstOp::parse(OpAsmParser &parser, OperationState &result) {
  APInt value;
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseInteger(value) ||
      parser.parseOptionalAttrDict(result.attributes))
    return failure();
  if (value.isNegative())
    return parser.emitError(loc,
                            "a field constant is written as its canonical, "
                            "non-negative value");
  if (value.getActiveBits() > 256)
    return parser.emitError(loc, "field constant wider than 256 bits");
  MLIRContext *context = parser.getContext();
  result.addAttribute("value", feltAttr(context, value));
  result.addTypes(FeltType::get(context));
  return success();
}

void ConstOp::print(OpAsmPrinter &p) {
  p << " ";
  getValue().print(p.getStream(), /*isSigned=*/false);
  p.printOptionalAttrDict((*this)->getAttrs(), {"value"});
}

LogicalResult ConstOp::verify() {
  const PrimeField *field = fieldOf(*this);
  if (!field)
    return emitOpError("must be inside a zk.circuit");
  if (!field->contains(getValue()))
    return emitOpError("value ")
           << llvm::toString(getValue(), 10, /*Signed=*/false)
           << " is not below the prime of field '" << field->name << "'";
  return success();
}

OpFoldResult ConstOp::fold(FoldAdaptor) { return getValueAttr(); }

namespace {

// Folds a binary field op: both constants, or an identity.
OpFoldResult
foldBinary(Operation *op, ArrayRef<Attribute> operands,
           function_ref<APInt(const PrimeField &, const APInt &, const APInt &)>
               compute) {
  const PrimeField *field = fieldOf(op);
  if (!field)
    return {};
  std::optional<APInt> a = constantOf(operands[0]);
  std::optional<APInt> b = constantOf(operands[1]);
  if (!a || !b)
    return {};
  return feltAttr(op->getContext(),
                  compute(*field, a->zextOrTrunc(field->width),
                          b->zextOrTrunc(field->width)));
}

bool isConstant(Attribute attr, uint64_t value) {
  std::optional<APInt> c = constantOf(attr);
  return c && *c == value;
}

} // namespace

OpFoldResult AddOp::fold(FoldAdaptor adaptor) {
  if (isConstant(adaptor.getRhs(), 0))
    return getLhs();
  return foldBinary(*this, adaptor.getOperands(),
                    [](const PrimeField &f, const APInt &a, const APInt &b) {
                      return f.add(a, b);
                    });
}

OpFoldResult SubOp::fold(FoldAdaptor adaptor) {
  if (isConstant(adaptor.getRhs(), 0))
    return getLhs();
  if (getLhs() == getRhs())
    return feltAttr(getContext(), APInt(256, 0));
  return foldBinary(*this, adaptor.getOperands(),
                    [](const PrimeField &f, const APInt &a, const APInt &b) {
                      return f.sub(a, b);
                    });
}

OpFoldResult MulOp::fold(FoldAdaptor adaptor) {
  if (isConstant(adaptor.getRhs(), 1))
    return getLhs();
  if (isConstant(adaptor.getRhs(), 0))
    return adaptor.getRhs();
  return foldBinary(*this, adaptor.getOperands(),
                    [](const PrimeField &f, const APInt &a, const APInt &b) {
                      return f.mul(a, b);
                    });
}

OpFoldResult NegOp::fold(FoldAdaptor adaptor) {
  const PrimeField *field = fieldOf(*this);
  std::optional<APInt> a = constantOf(adaptor.getOperand());
  if (!field || !a)
    return {};
  return feltAttr(getContext(), field->neg(a->zextOrTrunc(field->width)));
}

//===----------------------------------------------------------------------===//
// Constraints and hints
//===----------------------------------------------------------------------===//

LogicalResult RangeOp::verify() {
  const PrimeField *field = fieldOf(*this);
  if (!field)
    return emitOpError("must be inside a zk.circuit");
  // 2^bits - 1 must be a field element, or the decomposition could wrap.
  if (getBits() >= field->width)
    return emitOpError("range of ")
           << getBits() << " bits does not fit below the prime of field '"
           << field->name << "' (at most " << field->width - 1 << " bits)";
  return success();
}

LogicalResult WitnessOp::verify() {
  Block &block = getHint().front();
  if (block.getNumArguments() != getInputs().size())
    return emitOpError("hint takes ")
           << block.getNumArguments() << " arguments but the op has "
           << getInputs().size() << " inputs";
  for (BlockArgument arg : block.getArguments())
    if (!isa<FeltType>(arg.getType()))
      return emitOpError("hint arguments must be !zk.felt");
  auto yield = cast<YieldOp>(block.getTerminator());
  if (yield.getValues().size() != getResults().size())
    return emitOpError("hint yields ")
           << yield.getValues().size() << " values but the op has "
           << getResults().size() << " results";
  return success();
}

LogicalResult ToIntOp::verify() {
  const PrimeField *field = fieldOf(*this);
  if (!field)
    return emitOpError("must be inside a zk.circuit");
  if (getType().getIntOrFloatBitWidth() < field->width)
    return emitOpError("result type ")
           << getType() << " cannot hold every element of field '"
           << field->name << "' (" << field->width << " bits)";
  return success();
}

#define GET_OP_CLASSES
#include "dialects/zk/IR/ZkOps.cpp.inc"
