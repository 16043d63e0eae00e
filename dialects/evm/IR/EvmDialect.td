//===- EvmDialect.td - The evm dialect definition ----------*- tablegen -*-===//
//
// The evm dialect: EVM instructions as SSA operations on i256 words.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_DIALECTS_EVM_IR_EVMDIALECT_TD
#define ZKEVMC_DIALECTS_EVM_IR_EVMDIALECT_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/CommonTypeConstraints.td"
include "mlir/IR/CommonAttrConstraints.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def Evm_Dialect : Dialect {
  let name = "evm";
  let cppNamespace = "::zkevmc::evm";
  let summary = "EVM instructions as SSA operations on 256-bit words";
  let description = [{
    Every EVM instruction that is not a stack manipulation (PUSH, DUP, SWAP,
    POP) is an operation of this dialect. Operands are the instruction's stack
    inputs in stack order: operand 0 is the top of the stack (mu_s[0] in the
    Yellow Paper), so `evm.sub %a, %b` computes a - b. Values are `i256`
    words with the EVM's exact semantics (division by zero yields zero, and so
    on); constants are `arith.constant` of type `i256`.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
  let hasConstantMaterializer = 1;
}

// Side-effect resources: the parts of the EVM state an operation touches.
def Evm_MemoryResource : Resource<"::zkevmc::evm::MemoryResource">;
def Evm_StorageResource : Resource<"::zkevmc::evm::StorageResource">;
def Evm_TransientResource : Resource<"::zkevmc::evm::TransientStorageResource">;
def Evm_WorldResource : Resource<"::zkevmc::evm::WorldStateResource">;
def Evm_LogResource : Resource<"::zkevmc::evm::LogResource">;

// Folds a pure operation whose operands are all constants with the EVM's
// concrete semantics (opcodes/Semantics.h).
def Evm_ConcreteFold : NativeOpTrait<"EvmConcreteFold"> {
  let cppNamespace = "::zkevmc::evm";
}

// An EVM word.
def Evm_Word : I<256>;

class Evm_Op<string mnemonic, list<Trait> traits = []>
    : Op<Evm_Dialect, mnemonic, traits>;

#endif // ZKEVMC_DIALECTS_EVM_IR_EVMDIALECT_TD
