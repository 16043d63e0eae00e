// The verifier rejects malformed evm ops with a located error.
// RUN: zkevmc-opt %s --split-input-file --verify-diagnostics

func.func @operand_not_a_word(%a: i64, %b: i64) {
  // expected-error @+1 {{'evm.add' op operand #0 must be 256-bit signless integer, but got 'i64'}}
  %0 = "evm.add"(%a, %b) : (i64, i64) -> i256
  evm.stop
}

// -----

func.func @result_not_a_word(%a: i256) {
  // expected-error @+1 {{'evm.iszero' op result #0 must be 256-bit signless integer, but got 'i1'}}
  %0 = "evm.iszero"(%a) : (i256) -> i1
  evm.stop
}

// -----

func.func @too_few_operands(%a: i256) {
  // expected-error @+1 {{'evm.add' op expected 2 operands, but found 1}}
  %0 = "evm.add"(%a) : (i256) -> i256
  evm.stop
}

// -----

func.func @too_many_operands(%a: i256) {
  // expected-error @+1 {{'evm.mstore' op expected 2 operands, but found 3}}
  "evm.mstore"(%a, %a, %a) : (i256, i256, i256) -> ()
  evm.stop
}

// -----

func.func @log_topics_follow_the_opcode(%a: i256) {
  // expected-error @+1 {{'evm.log2' op expected 4 operands, but found 3}}
  "evm.log2"(%a, %a, %a) : (i256, i256, i256) -> ()
  evm.stop
}

// -----

func.func @halt_is_a_terminator(%a: i256) {
  // expected-error @+1 {{'evm.return' op must be the last operation in the parent block}}
  evm.return %a, %a
  evm.stop
}

// -----

func.func @jumpi_needs_a_fallthrough(%a: i256) {
  // expected-error @+1 {{'evm.jumpi' op requires 1 successor but found 0}}
  "evm.jumpi"(%a, %a) : (i256, i256) -> ()
}

// -----

func.func @pc_needs_its_counter() {
  // expected-error @+1 {{'evm.pc' op requires attribute 'counter'}}
  %0 = "evm.pc"() : () -> i256
  evm.stop
}

// -----

func.func @parse_error_on_wrong_type(%a: i64) {
  // expected-note @-1 {{prior use here}}
  // expected-error @+1 {{use of value '%a' expects different type than prior uses: 'i256' vs 'i64'}}
  %0 = evm.not %a
  evm.stop
}
