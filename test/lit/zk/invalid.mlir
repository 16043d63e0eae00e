// The verifier rejects malformed zk circuits with a located error.
// RUN: zkevmc-opt %s --split-input-file --verify-diagnostics

// expected-error @+1 {{'zk.circuit' op names an unknown field 'bn128x' (known: bn254, goldilocks)}}
zk.circuit @f() attributes {field = "bn128x"} {
  zk.output
}

// -----

// expected-error @+1 {{'zk.circuit' op inputs must be !zk.felt, got 'i256'}}
zk.circuit @f(%x: i256) attributes {field = "bn254"} {
  zk.output
}

// -----

zk.circuit @f() -> !zk.felt attributes {field = "bn254"} {
  // expected-error @+1 {{'zk.const' op value 21888242871839275222246405745257275088548364400416034343698204186575808495617 is not below the prime of field 'bn254'}}
  %c = zk.const 21888242871839275222246405745257275088548364400416034343698204186575808495617
  zk.output %c : !zk.felt
}

// -----

zk.circuit @f() -> !zk.felt attributes {field = "bn254"} {
  // expected-error @+1 {{a field constant is written as its canonical, non-negative value}}
  %c = zk.const -1
  zk.output %c : !zk.felt
}

// -----

zk.circuit @f(%x: !zk.felt) attributes {field = "bn254"} {
  // expected-error @+1 {{'zk.range' op range of 254 bits does not fit below the prime of field 'bn254' (at most 253 bits)}}
  zk.range %x, 254
  zk.output
}

// -----

zk.circuit @f(%x: !zk.felt) -> !zk.felt attributes {field = "bn254"} {
  // expected-error @+1 {{'zk.output' op has 0 values but the circuit has 1 outputs}}
  zk.output
}

// -----

zk.circuit @f(%x: !zk.felt) -> !zk.felt attributes {field = "bn254"} {
  // expected-error @+1 {{'zk.inv' op expects parent op 'zk.witness'}}
  %i = zk.inv %x
  zk.output %i : !zk.felt
}

// -----

zk.circuit @f(%x: !zk.felt) -> !zk.felt attributes {field = "bn254"} {
  %w = zk.witness %x : (!zk.felt) -> !zk.felt {
  ^bb0(%v: !zk.felt):
    // expected-error @+1 {{'zk.to_int' op result type 'i64' cannot hold every element of field 'bn254' (254 bits)}}
    %i = zk.to_int %v : i64
    %f = zk.from_int %i : i64
    zk.yield %f : !zk.felt
  }
  zk.output %w : !zk.felt
}

// -----

zk.circuit @f(%x: !zk.felt) -> !zk.felt attributes {field = "bn254"} {
  // expected-error @+1 {{'zk.witness' op hint yields 0 values but the op has 1 results}}
  %w = zk.witness %x : (!zk.felt) -> !zk.felt {
  ^bb0(%v: !zk.felt):
    zk.yield
  }
  zk.output %w : !zk.felt
}

// -----

zk.circuit @f(%x: !zk.felt) -> !zk.felt attributes {field = "bn254"} {
  // expected-error @+1 {{'zk.call' op 'nowhere' is not a zk.circuit}}
  %r = zk.call @nowhere(%x) : (!zk.felt) -> !zk.felt
  zk.output %r : !zk.felt
}

// -----

zk.circuit @g(%x: !zk.felt) -> !zk.felt attributes {field = "goldilocks"} {
  zk.output %x : !zk.felt
}
zk.circuit @f(%x: !zk.felt) -> !zk.felt attributes {field = "bn254"} {
  // expected-error @+1 {{'zk.call' op calls @g over field 'goldilocks' from a circuit over 'bn254'}}
  %r = zk.call @g(%x) : (!zk.felt) -> !zk.felt
  zk.output %r : !zk.felt
}

// -----

zk.circuit @g(%x: !zk.felt) -> !zk.felt attributes {field = "bn254"} {
  zk.output %x : !zk.felt
}
zk.circuit @f(%x: !zk.felt) -> !zk.felt attributes {field = "bn254"} {
  // expected-error @+1 {{'zk.call' op has 2 operands and 1 results but @g takes 1 and gives 1}}
  %r = zk.call @g(%x, %x) : (!zk.felt, !zk.felt) -> !zk.felt
  zk.output %r : !zk.felt
}
