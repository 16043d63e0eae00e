// lower-evm-to-zk: evm functions become circuits over 64-bit limbs that call
// one gadget circuit per opcode.
// RUN: zkevmc-opt %s --split-input-file --lower-evm-to-zk --verify-diagnostics | FileCheck %s

// CHECK-LABEL: zk.circuit @f(
// CHECK-SAME: %arg0: !zk.felt {zk.name = "arg0_0", zk.public}
// CHECK-SAME: -> (!zk.felt {zk.name = "result0_0", zk.public}
// CHECK-SAME: attributes {field = "bn254"}
// 2^64 + 3 is limbs (3, 1, 0, 0).
// CHECK-DAG: %[[C3:.*]] = zk.const 3
// CHECK-DAG: %[[C1:.*]] = zk.const 1
// CHECK-DAG: %[[C0:.*]] = zk.const 0
// CHECK-DAG: %[[D0:.*]] = zk.const 0
// CHECK: %[[S:.*]]:4 = zk.call @evm_add(%arg0, %arg1, %arg2, %arg3, %[[C3]], %[[C1]], %[[C0]], %[[D0]])
// CHECK: %[[N:.*]]:4 = zk.call @evm_not(%[[S]]#0, %[[S]]#1, %[[S]]#2, %[[S]]#3)
// CHECK: zk.output %[[N]]#0, %[[N]]#1, %[[N]]#2, %[[N]]#3
// The gadgets are built once each and name their opcode.
// CHECK: zk.circuit @evm_add({{.*}}attributes {field = "bn254", zk.spec = "ADD"}
// CHECK: zk.circuit @evm_not({{.*}}attributes {field = "bn254", zk.spec = "NOT"}
// CHECK-NOT: zk.circuit @evm_add
func.func @f(%a: i256) -> i256 {
  %c = arith.constant 18446744073709551619 : i256
  %s = evm.add %a, %c
  %n = evm.not %s
  return %n : i256
}

// -----

func.func @no_gadget(%a: i256) -> i256 {
  // expected-error @+1 {{lower-evm-to-zk: cannot lower 'evm.calldataload': only pure instructions have gadgets}}
  %m = evm.calldataload %a
  return %m : i256
}

// -----

func.func @effects(%a: i256) -> i256 {
  // expected-error @+1 {{lower-evm-to-zk: cannot lower 'evm.sload': only pure instructions have gadgets}}
  %v = evm.sload %a
  return %v : i256
}
