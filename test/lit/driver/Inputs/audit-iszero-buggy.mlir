// ISZERO missing the constraint s·out = 0: out = 1 − s·inv with inv a free
// witness, so a prover may pick inv = 0 and claim ISZERO(1) = 1.
zk.circuit @iszero_buggy(%x0: !zk.felt, %x1: !zk.felt, %x2: !zk.felt, %x3: !zk.felt) -> (!zk.felt, !zk.felt, !zk.felt, !zk.felt) attributes {field = "bn254", zk.spec = "ISZERO"} {
  %s01 = zk.add %x0, %x1
  %s012 = zk.add %s01, %x2
  %s = zk.add %s012, %x3
  %inv = zk.witness %s : (!zk.felt) -> !zk.felt {
  ^bb0(%v: !zk.felt):
    %i = zk.inv %v
    zk.yield %i : !zk.felt
  }
  %one = zk.const 1
  %zero = zk.const 0
  %p = zk.mul %s, %inv
  %out = zk.sub %one, %p
  zk.output %out, %zero, %zero, %zero : !zk.felt, !zk.felt, !zk.felt, !zk.felt
}

// The same gadget with the constraint: proved.
zk.circuit @iszero(%x0: !zk.felt, %x1: !zk.felt, %x2: !zk.felt, %x3: !zk.felt) -> (!zk.felt, !zk.felt, !zk.felt, !zk.felt) attributes {field = "bn254", zk.spec = "ISZERO"} {
  %s01 = zk.add %x0, %x1
  %s012 = zk.add %s01, %x2
  %s = zk.add %s012, %x3
  %inv = zk.witness %s : (!zk.felt) -> !zk.felt {
  ^bb0(%v: !zk.felt):
    %i = zk.inv %v
    zk.yield %i : !zk.felt
  }
  %one = zk.const 1
  %zero = zk.const 0
  %p = zk.mul %s, %inv
  %out = zk.sub %one, %p
  %z = zk.mul %s, %out
  zk.assert_eq %z, %zero
  zk.output %out, %zero, %zero, %zero : !zk.felt, !zk.felt, !zk.felt, !zk.felt
}
