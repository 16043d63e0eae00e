//===- EvmDialect.cpp - The evm dialect and its operations ----------------===//

#include "dialects/evm/IR/EvmDialect.h"

#include "mlir/IR/DialectImplementation.h"

using namespace mlir;
using namespace zkevmc::evm;

#include "dialects/evm/IR/EvmDialect.cpp.inc"

void EvmDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "dialects/evm/IR/EvmOps.cpp.inc"
      >();
}

Operation *EvmDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                           Type type, Location loc) {
  auto intAttr = dyn_cast<IntegerAttr>(value);
  if (!intAttr || intAttr.getType() != type)
    return nullptr;
  return builder.create<arith::ConstantOp>(loc, type, intAttr);
}

OpFoldResult PcOp::fold(FoldAdaptor) {
  return IntegerAttr::get(getType(),
                          APInt(256, static_cast<uint64_t>(getCounter())));
}

#define GET_OP_CLASSES
#include "dialects/evm/IR/EvmOps.cpp.inc"
