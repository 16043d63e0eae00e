// Every zk op parses, prints and parses again.
// RUN: zkevmc-opt %s | zkevmc-opt | FileCheck %s
// RUN: zkevmc-opt %s --mlir-print-op-generic | zkevmc-opt | FileCheck %s

// CHECK-LABEL: zk.circuit @is_zero(%arg0: !zk.felt {zk.public}) -> (!zk.felt {zk.public}) attributes {field = "bn254", zk.spec = "ISZERO"}
zk.circuit @is_zero(%x: !zk.felt {zk.public}) -> (!zk.felt {zk.public})
    attributes {field = "bn254", zk.spec = "ISZERO"} {
  // CHECK: %[[INV:.*]] = zk.witness %arg0 : (!zk.felt) -> !zk.felt {
  // CHECK-NEXT: ^bb0(%[[V:.*]]: !zk.felt):
  // CHECK-NEXT: %[[I:.*]] = zk.inv %[[V]]
  // CHECK-NEXT: zk.yield %[[I]] : !zk.felt
  %inv = zk.witness %x : (!zk.felt) -> !zk.felt {
  ^bb0(%v: !zk.felt):
    %i = zk.inv %v
    zk.yield %i : !zk.felt
  }
  // CHECK: %[[ONE:.*]] = zk.const 1
  %one = zk.const 1
  // CHECK: %[[P:.*]] = zk.mul %arg0, %[[INV]]
  %p = zk.mul %x, %inv
  // CHECK: %[[OUT:.*]] = zk.sub %[[ONE]], %[[P]]
  %out = zk.sub %one, %p
  // CHECK: %[[Z:.*]] = zk.mul %arg0, %[[OUT]]
  %z = zk.mul %x, %out
  %zero = zk.const 0
  // CHECK: zk.assert_eq %[[Z]], %{{.*}}
  zk.assert_eq %z, %zero
  // CHECK: zk.output %[[OUT]] : !zk.felt
  zk.output %out : !zk.felt
}

// CHECK-LABEL: zk.circuit @hints
zk.circuit @hints(%x: !zk.felt, %y: !zk.felt) -> (!zk.felt, !zk.felt)
    attributes {field = "bn254"} {
  // CHECK: zk.witness %arg0, %arg1 : (!zk.felt, !zk.felt) -> (!zk.felt, !zk.felt)
  // CHECK: zk.to_int %{{.*}} : i256
  // CHECK: evm.div
  // CHECK: zk.from_int %{{.*}} : i256
  %q, %r = zk.witness %x, %y : (!zk.felt, !zk.felt) -> (!zk.felt, !zk.felt) {
  ^bb0(%a: !zk.felt, %b: !zk.felt):
    %ai = zk.to_int %a : i256
    %bi = zk.to_int %b : i256
    %qi = evm.div %ai, %bi
    %ri = evm.mod %ai, %bi
    %qf = zk.from_int %qi : i256
    %rf = zk.from_int %ri : i256
    zk.yield %qf, %rf : !zk.felt, !zk.felt
  }
  // CHECK: zk.assert_bool %arg0
  zk.assert_bool %x
  // CHECK: zk.range %arg1, 64
  zk.range %y, 64
  // CHECK: zk.neg
  %n = zk.neg %q
  // CHECK: zk.add
  %s = zk.add %n, %r
  zk.output %s, %r : !zk.felt, !zk.felt
}

// CHECK-LABEL: zk.circuit @caller
zk.circuit @caller(%x: !zk.felt {zk.public}) -> (!zk.felt {zk.public})
    attributes {field = "bn254"} {
  // CHECK: zk.call @is_zero(%arg0) : (!zk.felt) -> !zk.felt
  %r = zk.call @is_zero(%x) : (!zk.felt) -> !zk.felt
  zk.output %r : !zk.felt
}

// CHECK-LABEL: zk.circuit @small_field
zk.circuit @small_field() -> (!zk.felt) attributes {field = "goldilocks"} {
  // CHECK: zk.const 18446744069414584320
  %c = zk.const 18446744069414584320
  zk.output %c : !zk.felt
}
