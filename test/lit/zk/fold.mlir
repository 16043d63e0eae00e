// Field arithmetic folds modulo the circuit's prime; constraints stay.
// RUN: zkevmc-opt %s --canonicalize --split-input-file | FileCheck %s

// p - 1 + 2 = 1 (mod p).
// CHECK-LABEL: zk.circuit @add_wraps
// CHECK-NEXT: %[[C:.*]] = zk.const 1
// CHECK-NEXT: zk.output %[[C]]
zk.circuit @add_wraps() -> !zk.felt attributes {field = "bn254"} {
  %a = zk.const 21888242871839275222246405745257275088548364400416034343698204186575808495616
  %b = zk.const 2
  %c = zk.add %a, %b
  zk.output %c : !zk.felt
}

// -----

// 0 - 1 = p - 1; -(5) = p - 5.
// CHECK-LABEL: zk.circuit @sub_and_neg
// CHECK-DAG: zk.const 21888242871839275222246405745257275088548364400416034343698204186575808495616
// CHECK-DAG: zk.const 21888242871839275222246405745257275088548364400416034343698204186575808495612
zk.circuit @sub_and_neg() -> (!zk.felt, !zk.felt) attributes {field = "bn254"} {
  %z = zk.const 0
  %one = zk.const 1
  %five = zk.const 5
  %d = zk.sub %z, %one
  %n = zk.neg %five
  zk.output %d, %n : !zk.felt, !zk.felt
}

// -----

// (p - 1)^2 = 1; in goldilocks, 2^32 * 2^32 = 2^32 - 1.
// CHECK-LABEL: zk.circuit @mul_bn254
// CHECK-NEXT: %[[C:.*]] = zk.const 1
zk.circuit @mul_bn254() -> !zk.felt attributes {field = "bn254"} {
  %a = zk.const 21888242871839275222246405745257275088548364400416034343698204186575808495616
  %c = zk.mul %a, %a
  zk.output %c : !zk.felt
}
// CHECK-LABEL: zk.circuit @mul_goldilocks
// CHECK-NEXT: %[[C:.*]] = zk.const 4294967295
zk.circuit @mul_goldilocks() -> !zk.felt attributes {field = "goldilocks"} {
  %a = zk.const 4294967296
  %c = zk.mul %a, %a
  zk.output %c : !zk.felt
}

// -----

// Identities: x + 0, x * 1, x - 0 are x; x * 0 is 0; x - x is 0.
// CHECK-LABEL: zk.circuit @identities
// CHECK-DAG: %[[Z:.*]] = zk.const 0
// CHECK: zk.output %arg0, %arg0, %arg0, %[[Z]], %[[Z]]
zk.circuit @identities(%x: !zk.felt) -> (!zk.felt, !zk.felt, !zk.felt, !zk.felt, !zk.felt)
    attributes {field = "bn254"} {
  %zero = zk.const 0
  %one = zk.const 1
  %a = zk.add %x, %zero
  %b = zk.mul %one, %x
  %c = zk.sub %x, %zero
  %d = zk.mul %x, %zero
  %e = zk.sub %x, %x
  zk.output %a, %b, %c, %d, %e : !zk.felt, !zk.felt, !zk.felt, !zk.felt, !zk.felt
}

// -----

// Constraints are never dead code, even over constants.
// CHECK-LABEL: zk.circuit @constraints_stay
// CHECK: zk.assert_eq
// CHECK: zk.assert_bool
// CHECK: zk.range
zk.circuit @constraints_stay(%x: !zk.felt) attributes {field = "bn254"} {
  %two = zk.const 2
  zk.assert_eq %x, %two
  zk.assert_bool %two
  zk.range %two, 1
  zk.output
}
