//===- ZkOps.td - The zk dialect's operations --------------*- tablegen -*-===//

#ifndef ZKEVMC_DIALECTS_ZK_IR_ZKOPS_TD
#define ZKEVMC_DIALECTS_ZK_IR_ZKOPS_TD

include "dialects/zk/IR/ZkDialect.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/CallInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"
include "mlir/Interfaces/FunctionInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

// Constraints must never be removed as dead code: they write this resource.
def Zk_ConstraintResource : Resource<"::zkevmc::zk::ConstraintResource">;
defvar Constrains = MemoryEffects<[MemWrite<Zk_ConstraintResource>]>;

//===----------------------------------------------------------------------===//
// Circuits
//===----------------------------------------------------------------------===//

def Zk_CircuitOp : Zk_Op<"circuit", [
    AutomaticAllocationScope, CallableOpInterface, FunctionOpInterface,
    IsolatedFromAbove, Symbol]> {
  let summary = "a constraint system with inputs and outputs";
  let description = [{
    Inputs are the entry block's arguments and outputs the operands of its
    `zk.output`. An input or output is public when it carries the `zk.public`
    unit attribute, private otherwise. `field` names the prime; `zk.spec`
    (optional) names the EVM opcode the circuit implements.

    ```mlir
    zk.circuit @double(%x: !zk.felt {zk.public}) -> (!zk.felt {zk.public})
        attributes {field = "bn254"} {
      %y = zk.add %x, %x
      zk.output %y : !zk.felt
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name,
                       TypeAttrOf<FunctionType>:$function_type,
                       StrAttr:$field,
                       OptionalAttr<DictArrayAttr>:$arg_attrs,
                       OptionalAttr<DictArrayAttr>:$res_attrs);
  let regions = (region SizedRegion<1>:$body);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The prime this circuit's felts live in.
    const ::zkevmc::zk::PrimeField &getPrimeField();
    /// Whether input (or output) `index` is public.
    bool isPublicInput(unsigned index);
    bool isPublicOutput(unsigned index);

    //===------------------------------------------------------------------===//
    // FunctionOpInterface and CallableOpInterface
    //===------------------------------------------------------------------===//
    ::mlir::Region *getCallableRegion() { return &getBody(); }
    ::llvm::ArrayRef<::mlir::Type> getArgumentTypes() {
      return getFunctionType().getInputs();
    }
    ::llvm::ArrayRef<::mlir::Type> getResultTypes() {
      return getFunctionType().getResults();
    }
  }];
}

def Zk_OutputOp : Zk_Op<"output", [Pure, HasParent<"CircuitOp">, ReturnLike,
                                   Terminator]> {
  let summary = "the circuit's outputs";
  let arguments = (ins Variadic<Zk_Felt>:$values);
  let assemblyFormat = "($values^ `:` type($values))? attr-dict";
  let hasVerifier = 1;
}

def Zk_CallOp : Zk_Op<"call", [CallOpInterface,
    DeclareOpInterfaceMethods<SymbolUserOpInterface>]> {
  let summary = "instantiates a sub-circuit";
  let description = [{
    Adds the callee's constraints over fresh copies of its witnesses, with
    its inputs bound to the operands and its outputs to the results. The
    callee must use the same field.
  }];
  let arguments = (ins FlatSymbolRefAttr:$callee, Variadic<Zk_Felt>:$operands);
  let results = (outs Variadic<Zk_Felt>:$results);
  let assemblyFormat = [{
    $callee `(` $operands `)` attr-dict `:` functional-type($operands, results)
  }];
  let extraClassDeclaration = [{
    ::mlir::CallInterfaceCallable getCallableForCallee() {
      return (*this)->getAttrOfType<::mlir::SymbolRefAttr>("callee");
    }
    void setCalleeFromCallable(::mlir::CallInterfaceCallable callee) {
      (*this)->setAttr("callee", callee.get<::mlir::SymbolRefAttr>());
    }
    ::mlir::Operation::operand_range getArgOperands() { return getOperands(); }
    ::mlir::MutableOperandRange getArgOperandsMutable() {
      return getOperandsMutable();
    }
  }];
}

//===----------------------------------------------------------------------===//
// Field arithmetic
//===----------------------------------------------------------------------===//

def Zk_ConstOp : Zk_Op<"const", [ConstantLike, Pure]> {
  let summary = "a field constant (its canonical value, below the prime)";
  let arguments = (ins APIntAttr:$value);
  let results = (outs Zk_Felt:$result);
  let hasCustomAssemblyFormat = 1;
  let hasFolder = 1;
  let hasVerifier = 1;
}

class Zk_BinaryOp<string mnemonic, list<Trait> traits = []>
    : Zk_Op<mnemonic, !listconcat([Pure], traits)> {
  let arguments = (ins Zk_Felt:$lhs, Zk_Felt:$rhs);
  let results = (outs Zk_Felt:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict";
  let hasFolder = 1;
}

def Zk_AddOp : Zk_BinaryOp<"add", [Commutative]> {
  let summary = "field addition";
}
def Zk_SubOp : Zk_BinaryOp<"sub"> { let summary = "field subtraction"; }
def Zk_MulOp : Zk_BinaryOp<"mul", [Commutative]> {
  let summary = "field multiplication";
}
def Zk_NegOp : Zk_Op<"neg", [Pure]> {
  let summary = "field negation";
  let arguments = (ins Zk_Felt:$operand);
  let results = (outs Zk_Felt:$result);
  let assemblyFormat = "$operand attr-dict";
  let hasFolder = 1;
}

//===----------------------------------------------------------------------===//
// Constraints
//===----------------------------------------------------------------------===//

def Zk_AssertEqOp : Zk_Op<"assert_eq", [Constrains]> {
  let summary = "constrains two values to be equal";
  let arguments = (ins Zk_Felt:$lhs, Zk_Felt:$rhs);
  let assemblyFormat = "$lhs `,` $rhs attr-dict";
}

def Zk_AssertBoolOp : Zk_Op<"assert_bool", [Constrains]> {
  let summary = "constrains a value to be 0 or 1 (x * (x - 1) = 0)";
  let arguments = (ins Zk_Felt:$value);
  let assemblyFormat = "$value attr-dict";
}

def Zk_RangeOp : Zk_Op<"range", [Constrains]> {
  let summary = "constrains a value to be below 2^bits";
  let description = [{
    Sugar for a bit decomposition: `bits` boolean witnesses whose weighted sum
    equals the value. `bits` must leave the sum below the prime.
  }];
  let arguments = (ins Zk_Felt:$value, ConfinedAttr<I32Attr,
                       [IntMinValue<1>]>:$bits);
  let assemblyFormat = "$value `,` $bits attr-dict";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Witness hints
//===----------------------------------------------------------------------===//

def Zk_WitnessOp : Zk_Op<"witness", [IsolatedFromAbove,
    SingleBlockImplicitTerminator<"YieldOp">]> {
  let summary = "computes witness values with an unconstrained hint";
  let description = [{
    The region receives the operands as block arguments and yields the
    results. It may use field arithmetic, `zk.inv`, `zk.to_int`/`zk.from_int`
    and integer code (`arith` on any width, pure `evm` ops on i256). Nothing in
    it constrains anything.

    ```mlir
    %inv = zk.witness %x : (!zk.felt) -> !zk.felt {
    ^bb0(%v: !zk.felt):
      %i = zk.inv %v
      zk.yield %i : !zk.felt
    }
    ```
  }];
  let arguments = (ins Variadic<Zk_Felt>:$inputs);
  let results = (outs Variadic<Zk_Felt>:$results);
  let regions = (region SizedRegion<1>:$hint);
  let assemblyFormat = [{
    ($inputs^)? `:` functional-type($inputs, results) $hint attr-dict
  }];
  let hasVerifier = 1;
}

def Zk_YieldOp : Zk_Op<"yield", [Pure, HasParent<"WitnessOp">, ReturnLike,
                                 Terminator]> {
  let summary = "the values a witness hint produces";
  let arguments = (ins Variadic<Zk_Felt>:$values);
  let builders = [OpBuilder<(ins), [{ /* nothing */ }]>];
  let assemblyFormat = "($values^ `:` type($values))? attr-dict";
}

def Zk_InvOp : Zk_Op<"inv", [Pure, HasParent<"WitnessOp">]> {
  let summary = "the field inverse, 0 for 0 (hints only)";
  let arguments = (ins Zk_Felt:$operand);
  let results = (outs Zk_Felt:$result);
  let assemblyFormat = "$operand attr-dict";
}

def Zk_ToIntOp : Zk_Op<"to_int", [Pure, HasParent<"WitnessOp">]> {
  let summary = "the canonical integer of a felt (hints only)";
  let arguments = (ins Zk_Felt:$operand);
  let results = (outs AnySignlessInteger:$result);
  let assemblyFormat = "$operand attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def Zk_FromIntOp : Zk_Op<"from_int", [Pure, HasParent<"WitnessOp">]> {
  let summary = "an unsigned integer reduced modulo the prime (hints only)";
  let arguments = (ins AnySignlessInteger:$operand);
  let results = (outs Zk_Felt:$result);
  let assemblyFormat = "$operand attr-dict `:` type($operand)";
}

#endif // ZKEVMC_DIALECTS_ZK_IR_ZKOPS_TD
