//===- ZkDialect.h - The zk dialect and its operations ----------*- C++ -*-===//

#ifndef ZKEVMC_DIALECTS_ZK_IR_ZKDIALECT_H
#define ZKEVMC_DIALECTS_ZK_IR_ZKDIALECT_H

#include "dialects/zk/IR/PrimeField.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace zkevmc::zk {

/// What constraint ops write, so that they are never erased as dead.
struct ConstraintResource
    : mlir::SideEffects::Resource::Base<ConstraintResource> {
  llvm::StringRef getName() final { return "zk.constraints"; }
};

/// The name of the unit attribute that makes an input or output public.
inline constexpr llvm::StringLiteral kPublicAttrName = "zk.public";
/// The name of the attribute naming the EVM opcode a circuit implements.
inline constexpr llvm::StringLiteral kSpecAttrName = "zk.spec";

} // namespace zkevmc::zk

#include "dialects/zk/IR/ZkDialect.h.inc"

#define GET_TYPEDEF_CLASSES
#include "dialects/zk/IR/ZkTypes.h.inc"

#define GET_OP_CLASSES
#include "dialects/zk/IR/ZkOps.h.inc"

#endif // ZKEVMC_DIALECTS_ZK_IR_ZKDIALECT_H
