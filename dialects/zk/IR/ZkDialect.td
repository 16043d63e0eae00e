//===- ZkDialect.td - The zk dialect definition ------------*- tablegen -*-===//
//
// The zk dialect: arithmetic constraints over a prime field, with witness
// hints.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_DIALECTS_ZK_IR_ZKDIALECT_TD
#define ZKEVMC_DIALECTS_ZK_IR_ZKDIALECT_TD

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/CommonTypeConstraints.td"
include "mlir/IR/CommonAttrConstraints.td"

def Zk_Dialect : Dialect {
  let name = "zk";
  let cppNamespace = "::zkevmc::zk";
  let summary = "Arithmetic constraints over a prime field";
  let description = [{
    A `zk.circuit` is a relation over field elements (`!zk.felt`) of the prime
    field it names (`field = "bn254"`: the BN254 scalar field). Only the
    constraint ops (`zk.assert_eq`, `zk.assert_bool`, `zk.range`) and the
    circuit's outputs define the relation. `zk.witness` regions hold hint
    computations that produce witness values; they are never trusted: a value
    they produce is unconstrained until a constraint mentions it. Every value
    is computed from inputs, constants and hints, so witness generation is
    evaluation.
  }];
  let useDefaultTypePrinterParser = 1;
  let hasConstantMaterializer = 1;
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

class Zk_Type<string name, string typeMnemonic> : TypeDef<Zk_Dialect, name> {
  let mnemonic = typeMnemonic;
}

def Zk_Felt : Zk_Type<"Felt", "felt"> {
  let summary = "an element of the enclosing circuit's prime field";
}

class Zk_Op<string mnemonic, list<Trait> traits = []>
    : Op<Zk_Dialect, mnemonic, traits>;

#endif // ZKEVMC_DIALECTS_ZK_IR_ZKDIALECT_TD
