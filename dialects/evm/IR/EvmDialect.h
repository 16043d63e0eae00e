//===- EvmDialect.h - The evm dialect and its operations --------*- C++ -*-===//

#ifndef ZKEVMC_DIALECTS_EVM_IR_EVMDIALECT_H
#define ZKEVMC_DIALECTS_EVM_IR_EVMDIALECT_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace zkevmc::evm {

// The parts of the EVM state that operations read and write, so that
// effects on memory, storage and the log do not order each other.
#define ZKEVMC_EVM_RESOURCE(Name, Text)                                        \
  struct Name : mlir::SideEffects::Resource::Base<Name> {                      \
    llvm::StringRef getName() final { return Text; }                           \
  };
ZKEVMC_EVM_RESOURCE(MemoryResource, "evm.memory")
ZKEVMC_EVM_RESOURCE(StorageResource, "evm.storage")
ZKEVMC_EVM_RESOURCE(TransientStorageResource, "evm.transient_storage")
ZKEVMC_EVM_RESOURCE(WorldStateResource, "evm.world_state")
ZKEVMC_EVM_RESOURCE(LogResource, "evm.log")
#undef ZKEVMC_EVM_RESOURCE

/// Computes the pure EVM instruction `opcode` on constant operands with the
/// exact semantics; returns null unless every operand is an i256 constant.
mlir::Attribute foldPureOpcode(uint8_t opcode, mlir::Type resultType,
                               llvm::ArrayRef<mlir::Attribute> operands);

/// Folds identities whose result is one of the operands or a constant
/// regardless of the other operand (x + 0, x * 0, x / 1, ...).
mlir::OpFoldResult foldPureIdentity(uint8_t opcode, mlir::Operation *op,
                                    llvm::ArrayRef<mlir::Attribute> operands);

/// A trait for pure instructions: folds them with the concrete semantics.
template <typename ConcreteType>
class EvmConcreteFold
    : public mlir::OpTrait::TraitBase<ConcreteType, EvmConcreteFold> {
public:
  static mlir::OpFoldResult foldTrait(mlir::Operation *op,
                                      llvm::ArrayRef<mlir::Attribute> operands) {
    if (mlir::Attribute folded = foldPureOpcode(
            ConcreteType::kOpcode, op->getResult(0).getType(), operands))
      return folded;
    return foldPureIdentity(ConcreteType::kOpcode, op, operands);
  }
};

} // namespace zkevmc::evm

#include "dialects/evm/IR/EvmDialect.h.inc"

#define GET_OP_CLASSES
#include "dialects/evm/IR/EvmOps.h.inc"

#endif // ZKEVMC_DIALECTS_EVM_IR_EVMDIALECT_H
