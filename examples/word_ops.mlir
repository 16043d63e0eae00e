// A straight-line function over EVM words: compiles to a zk circuit with
// `zkevmc compile examples/word_ops.mlir --emit=zk`.
func.func @word_ops(%a: i256, %b: i256) -> (i256, i256) {
  %sum = evm.add %a, %b
  %c3 = arith.constant 3 : i256
  %product = evm.mul %sum, %c3
  %quotient = evm.div %product, %b
  %less = evm.lt %a, %b
  return %quotient, %less : i256, i256
}
