// Every evm op parses, prints and parses again to the same text.
// RUN: zkevmc-opt %s | zkevmc-opt | FileCheck %s
// RUN: zkevmc-opt %s --mlir-print-op-generic | zkevmc-opt | FileCheck %s

// CHECK-LABEL: func.func @stop(
func.func @stop(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: evm.stop
  evm.stop
}

// CHECK-LABEL: func.func @add(
func.func @add(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.add %arg0, %arg1
  %v = evm.add %a0, %a1
  evm.stop
}

// CHECK-LABEL: func.func @mul(
func.func @mul(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.mul %arg0, %arg1
  %v = evm.mul %a0, %a1
  evm.stop
}

// CHECK-LABEL: func.func @sub(
func.func @sub(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.sub %arg0, %arg1
  %v = evm.sub %a0, %a1
  evm.stop
}

// CHECK-LABEL: func.func @div(
func.func @div(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.div %arg0, %arg1
  %v = evm.div %a0, %a1
  evm.stop
}

// CHECK-LABEL: func.func @sdiv(
func.func @sdiv(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.sdiv %arg0, %arg1
  %v = evm.sdiv %a0, %a1
  evm.stop
}

// CHECK-LABEL: func.func @mod(
func.func @mod(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.mod %arg0, %arg1
  %v = evm.mod %a0, %a1
  evm.stop
}

// CHECK-LABEL: func.func @smod(
func.func @smod(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.smod %arg0, %arg1
  %v = evm.smod %a0, %a1
  evm.stop
}

// CHECK-LABEL: func.func @addmod(
func.func @addmod(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.addmod %arg0, %arg1, %arg2
  %v = evm.addmod %a0, %a1, %a2
  evm.stop
}

// CHECK-LABEL: func.func @mulmod(
func.func @mulmod(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.mulmod %arg0, %arg1, %arg2
  %v = evm.mulmod %a0, %a1, %a2
  evm.stop
}

// CHECK-LABEL: func.func @exp(
func.func @exp(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.exp %arg0, %arg1
  %v = evm.exp %a0, %a1
  evm.stop
}

// CHECK-LABEL: func.func @signextend(
func.func @signextend(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.signextend %arg0, %arg1
  %v = evm.signextend %a0, %a1
  evm.stop
}

// CHECK-LABEL: func.func @lt(
func.func @lt(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.lt %arg0, %arg1
  %v = evm.lt %a0, %a1
  evm.stop
}

// CHECK-LABEL: func.func @gt(
func.func @gt(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.gt %arg0, %arg1
  %v = evm.gt %a0, %a1
  evm.stop
}

// CHECK-LABEL: func.func @slt(
func.func @slt(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.slt %arg0, %arg1
  %v = evm.slt %a0, %a1
  evm.stop
}

// CHECK-LABEL: func.func @sgt(
func.func @sgt(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.sgt %arg0, %arg1
  %v = evm.sgt %a0, %a1
  evm.stop
}

// CHECK-LABEL: func.func @eq(
func.func @eq(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.eq %arg0, %arg1
  %v = evm.eq %a0, %a1
  evm.stop
}

// CHECK-LABEL: func.func @iszero(
func.func @iszero(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.iszero %arg0
  %v = evm.iszero %a0
  evm.stop
}

// CHECK-LABEL: func.func @and(
func.func @and(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.and %arg0, %arg1
  %v = evm.and %a0, %a1
  evm.stop
}

// CHECK-LABEL: func.func @or(
func.func @or(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.or %arg0, %arg1
  %v = evm.or %a0, %a1
  evm.stop
}

// CHECK-LABEL: func.func @xor(
func.func @xor(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.xor %arg0, %arg1
  %v = evm.xor %a0, %a1
  evm.stop
}

// CHECK-LABEL: func.func @not(
func.func @not(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.not %arg0
  %v = evm.not %a0
  evm.stop
}

// CHECK-LABEL: func.func @byte(
func.func @byte(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.byte %arg0, %arg1
  %v = evm.byte %a0, %a1
  evm.stop
}

// CHECK-LABEL: func.func @shl(
func.func @shl(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.shl %arg0, %arg1
  %v = evm.shl %a0, %a1
  evm.stop
}

// CHECK-LABEL: func.func @shr(
func.func @shr(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.shr %arg0, %arg1
  %v = evm.shr %a0, %a1
  evm.stop
}

// CHECK-LABEL: func.func @sar(
func.func @sar(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.sar %arg0, %arg1
  %v = evm.sar %a0, %a1
  evm.stop
}

// CHECK-LABEL: func.func @keccak256(
func.func @keccak256(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.keccak256 %arg0, %arg1
  %v = evm.keccak256 %a0, %a1
  evm.stop
}

// CHECK-LABEL: func.func @address(
func.func @address(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.address
  %v = evm.address
  evm.stop
}

// CHECK-LABEL: func.func @balance(
func.func @balance(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.balance %arg0
  %v = evm.balance %a0
  evm.stop
}

// CHECK-LABEL: func.func @origin(
func.func @origin(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.origin
  %v = evm.origin
  evm.stop
}

// CHECK-LABEL: func.func @caller(
func.func @caller(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.caller
  %v = evm.caller
  evm.stop
}

// CHECK-LABEL: func.func @callvalue(
func.func @callvalue(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.callvalue
  %v = evm.callvalue
  evm.stop
}

// CHECK-LABEL: func.func @calldataload(
func.func @calldataload(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.calldataload %arg0
  %v = evm.calldataload %a0
  evm.stop
}

// CHECK-LABEL: func.func @calldatasize(
func.func @calldatasize(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.calldatasize
  %v = evm.calldatasize
  evm.stop
}

// CHECK-LABEL: func.func @calldatacopy(
func.func @calldatacopy(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: evm.calldatacopy %arg0, %arg1, %arg2
  evm.calldatacopy %a0, %a1, %a2
  evm.stop
}

// CHECK-LABEL: func.func @codesize(
func.func @codesize(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.codesize
  %v = evm.codesize
  evm.stop
}

// CHECK-LABEL: func.func @codecopy(
func.func @codecopy(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: evm.codecopy %arg0, %arg1, %arg2
  evm.codecopy %a0, %a1, %a2
  evm.stop
}

// CHECK-LABEL: func.func @gasprice(
func.func @gasprice(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.gasprice
  %v = evm.gasprice
  evm.stop
}

// CHECK-LABEL: func.func @extcodesize(
func.func @extcodesize(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.extcodesize %arg0
  %v = evm.extcodesize %a0
  evm.stop
}

// CHECK-LABEL: func.func @extcodecopy(
func.func @extcodecopy(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: evm.extcodecopy %arg0, %arg1, %arg2, %arg3
  evm.extcodecopy %a0, %a1, %a2, %a3
  evm.stop
}

// CHECK-LABEL: func.func @returndatasize(
func.func @returndatasize(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.returndatasize
  %v = evm.returndatasize
  evm.stop
}

// CHECK-LABEL: func.func @returndatacopy(
func.func @returndatacopy(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: evm.returndatacopy %arg0, %arg1, %arg2
  evm.returndatacopy %a0, %a1, %a2
  evm.stop
}

// CHECK-LABEL: func.func @extcodehash(
func.func @extcodehash(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.extcodehash %arg0
  %v = evm.extcodehash %a0
  evm.stop
}

// CHECK-LABEL: func.func @blockhash(
func.func @blockhash(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.blockhash %arg0
  %v = evm.blockhash %a0
  evm.stop
}

// CHECK-LABEL: func.func @coinbase(
func.func @coinbase(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.coinbase
  %v = evm.coinbase
  evm.stop
}

// CHECK-LABEL: func.func @timestamp(
func.func @timestamp(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.timestamp
  %v = evm.timestamp
  evm.stop
}

// CHECK-LABEL: func.func @number(
func.func @number(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.number
  %v = evm.number
  evm.stop
}

// CHECK-LABEL: func.func @prevrandao(
func.func @prevrandao(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.prevrandao
  %v = evm.prevrandao
  evm.stop
}

// CHECK-LABEL: func.func @gaslimit(
func.func @gaslimit(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.gaslimit
  %v = evm.gaslimit
  evm.stop
}

// CHECK-LABEL: func.func @chainid(
func.func @chainid(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.chainid
  %v = evm.chainid
  evm.stop
}

// CHECK-LABEL: func.func @selfbalance(
func.func @selfbalance(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.selfbalance
  %v = evm.selfbalance
  evm.stop
}

// CHECK-LABEL: func.func @basefee(
func.func @basefee(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.basefee
  %v = evm.basefee
  evm.stop
}

// CHECK-LABEL: func.func @blobhash(
func.func @blobhash(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.blobhash %arg0
  %v = evm.blobhash %a0
  evm.stop
}

// CHECK-LABEL: func.func @blobbasefee(
func.func @blobbasefee(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.blobbasefee
  %v = evm.blobbasefee
  evm.stop
}

// CHECK-LABEL: func.func @mload(
func.func @mload(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.mload %arg0
  %v = evm.mload %a0
  evm.stop
}

// CHECK-LABEL: func.func @mstore(
func.func @mstore(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: evm.mstore %arg0, %arg1
  evm.mstore %a0, %a1
  evm.stop
}

// CHECK-LABEL: func.func @mstore8(
func.func @mstore8(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: evm.mstore8 %arg0, %arg1
  evm.mstore8 %a0, %a1
  evm.stop
}

// CHECK-LABEL: func.func @sload(
func.func @sload(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.sload %arg0
  %v = evm.sload %a0
  evm.stop
}

// CHECK-LABEL: func.func @sstore(
func.func @sstore(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: evm.sstore %arg0, %arg1
  evm.sstore %a0, %a1
  evm.stop
}

// CHECK-LABEL: func.func @jump(
func.func @jump(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: evm.jump %arg0
  evm.jump %a0
}

// CHECK-LABEL: func.func @jumpi(
func.func @jumpi(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: evm.jumpi %arg0, %arg1, ^bb1
  evm.jumpi %a0, %a1, ^bb1
^bb1:
  // CHECK: evm.stop
  evm.stop
}

// CHECK-LABEL: func.func @pc(
func.func @pc(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.pc 42
  %v = evm.pc 42
  evm.stop
}

// CHECK-LABEL: func.func @msize(
func.func @msize(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.msize
  %v = evm.msize
  evm.stop
}

// CHECK-LABEL: func.func @gas(
func.func @gas(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.gas
  %v = evm.gas
  evm.stop
}

// CHECK-LABEL: func.func @jumpdest(
func.func @jumpdest(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: evm.jumpdest
  evm.jumpdest
  evm.stop
}

// CHECK-LABEL: func.func @tload(
func.func @tload(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.tload %arg0
  %v = evm.tload %a0
  evm.stop
}

// CHECK-LABEL: func.func @tstore(
func.func @tstore(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: evm.tstore %arg0, %arg1
  evm.tstore %a0, %a1
  evm.stop
}

// CHECK-LABEL: func.func @mcopy(
func.func @mcopy(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: evm.mcopy %arg0, %arg1, %arg2
  evm.mcopy %a0, %a1, %a2
  evm.stop
}

// CHECK-LABEL: func.func @log0(
func.func @log0(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: evm.log0 %arg0, %arg1
  evm.log0 %a0, %a1
  evm.stop
}

// CHECK-LABEL: func.func @log1(
func.func @log1(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: evm.log1 %arg0, %arg1, %arg2
  evm.log1 %a0, %a1, %a2
  evm.stop
}

// CHECK-LABEL: func.func @log2(
func.func @log2(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: evm.log2 %arg0, %arg1, %arg2, %arg3
  evm.log2 %a0, %a1, %a2, %a3
  evm.stop
}

// CHECK-LABEL: func.func @log3(
func.func @log3(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: evm.log3 %arg0, %arg1, %arg2, %arg3, %arg4
  evm.log3 %a0, %a1, %a2, %a3, %a4
  evm.stop
}

// CHECK-LABEL: func.func @log4(
func.func @log4(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: evm.log4 %arg0, %arg1, %arg2, %arg3, %arg4, %arg5
  evm.log4 %a0, %a1, %a2, %a3, %a4, %a5
  evm.stop
}

// CHECK-LABEL: func.func @create(
func.func @create(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.create %arg0, %arg1, %arg2
  %v = evm.create %a0, %a1, %a2
  evm.stop
}

// CHECK-LABEL: func.func @call(
func.func @call(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.call %arg0, %arg1, %arg2, %arg3, %arg4, %arg5, %arg6
  %v = evm.call %a0, %a1, %a2, %a3, %a4, %a5, %a6
  evm.stop
}

// CHECK-LABEL: func.func @callcode(
func.func @callcode(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.callcode %arg0, %arg1, %arg2, %arg3, %arg4, %arg5, %arg6
  %v = evm.callcode %a0, %a1, %a2, %a3, %a4, %a5, %a6
  evm.stop
}

// CHECK-LABEL: func.func @return(
func.func @return(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: evm.return %arg0, %arg1
  evm.return %a0, %a1
}

// CHECK-LABEL: func.func @delegatecall(
func.func @delegatecall(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.delegatecall %arg0, %arg1, %arg2, %arg3, %arg4, %arg5
  %v = evm.delegatecall %a0, %a1, %a2, %a3, %a4, %a5
  evm.stop
}

// CHECK-LABEL: func.func @create2(
func.func @create2(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.create2 %arg0, %arg1, %arg2, %arg3
  %v = evm.create2 %a0, %a1, %a2, %a3
  evm.stop
}

// CHECK-LABEL: func.func @staticcall(
func.func @staticcall(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: %[[V:.*]] = evm.staticcall %arg0, %arg1, %arg2, %arg3, %arg4, %arg5
  %v = evm.staticcall %a0, %a1, %a2, %a3, %a4, %a5
  evm.stop
}

// CHECK-LABEL: func.func @revert(
func.func @revert(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: evm.revert %arg0, %arg1
  evm.revert %a0, %a1
}

// CHECK-LABEL: func.func @invalid(
func.func @invalid(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: evm.invalid
  evm.invalid
}

// CHECK-LABEL: func.func @selfdestruct(
func.func @selfdestruct(%a0: i256, %a1: i256, %a2: i256, %a3: i256, %a4: i256, %a5: i256, %a6: i256) {
  // CHECK-NEXT: evm.selfdestruct %arg0
  evm.selfdestruct %a0
}

