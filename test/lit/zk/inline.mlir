// zk.call inlines: the callee's constraints and hints appear in the caller.
// RUN: zkevmc-opt %s --inline | FileCheck %s

zk.circuit @bit(%x: !zk.felt) -> !zk.felt attributes {field = "bn254"} {
  zk.assert_bool %x
  %y = zk.add %x, %x
  zk.output %y : !zk.felt
}

// CHECK-LABEL: zk.circuit @top
// CHECK-NOT: zk.call
// CHECK: zk.assert_bool %arg0
// CHECK-NEXT: %[[A:.*]] = zk.add %arg0, %arg0
// CHECK-NEXT: zk.assert_bool %arg1
// CHECK-NEXT: %[[B:.*]] = zk.add %arg1, %arg1
// CHECK-NEXT: %[[S:.*]] = zk.add %[[A]], %[[B]]
// CHECK-NEXT: zk.output %[[S]]
zk.circuit @top(%a: !zk.felt, %b: !zk.felt) -> !zk.felt attributes {field = "bn254"} {
  %x = zk.call @bit(%a) : (!zk.felt) -> !zk.felt
  %y = zk.call @bit(%b) : (!zk.felt) -> !zk.felt
  %s = zk.add %x, %y
  zk.output %s : !zk.felt
}
