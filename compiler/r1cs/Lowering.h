//===- Lowering.h - Lowering zk circuits to rank-1 constraint systems -*- C++
//-*-===//
//
// A zk.circuit over BN254's scalar field becomes an R1CS (A·B = C over linear
// combinations of wires), numbered as iden3/circom do: wire 0 is the constant
// 1, then the public outputs, the public inputs, the private inputs, then
// internal wires. Every output is a public output: the iden3 format has no
// private outputs, and circom makes the main component's outputs public too.
// `zk.public` on an input makes it a public input.
//
// Linearisation (-O0) keeps every signal; -O1 and -O2 then substitute linear
// constraints away (see OptLevel). The labels are the -O0 wires, so a witness
// for any level is the -O0 witness restricted to the wires that survive, and
// the .sym file can list eliminated signals with wire -1.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_COMPILER_R1CS_LOWERING_H
#define ZKEVMC_COMPILER_R1CS_LOWERING_H

#include "dialects/zk/IR/ZkDialect.h"
#include "runtime/formats/R1cs.h"

#include "llvm/ADT/APInt.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>
#include <vector>

namespace zkevmc::r1cs {

enum class OptLevel {
  /// No optimisation: one wire per signal, one constraint per zk constraint,
  /// product and output.
  O0,
  /// Substitutes away `signal = constant` and `signal = k·signal` constraints
  /// whose signal is private and internal, and drops unused internal wires.
  O1,
  /// As circom's --O2: eliminates every linear constraint that has a private
  /// internal wire, by substitution (Gaussian elimination), and drops unused
  /// internal wires. Public wires and inputs are never eliminated.
  O2,
};

/// How the value of one -O0 wire is obtained from a run of the witness
/// evaluator on the circuit.
struct WireSource {
  enum class SourceKind : uint8_t {
    One,     // wire 0
    Input,   // circuit input `Index`
    Output,  // circuit output `Index`, the value of `A`
    Hint,    // hint value `Index` in the evaluator's order
    Product, // value of `A` times value of `B`
    Bit,     // bit `Index` of the canonical value of `A`
  };
  SourceKind Kind = SourceKind::One;
  uint32_t Index = 0;
  LinearCombination A, B;
};

/// A lowered circuit.
struct LoweredCircuit {
  std::string Name;
  OptLevel Level = OptLevel::O2;
  /// The optimised system; `System.WireToLabel` maps its wires to labels,
  /// which are the -O0 wires.
  R1cs System;
  /// One per label (-O0 wire), with the wire it became or -1.
  std::vector<Symbol> Symbols;
  /// How each -O0 wire's value is computed; indexed by label.
  std::vector<WireSource> Sources;
  /// The constraint count before optimisation, for statistics.
  size_t ConstraintsBeforeOptimisation = 0;
};

/// Lowers `circuit` (with every circuit it calls, inlined) at `level`. Fails
/// for another field than bn254, ops that have no R1CS form, missing or
/// recursive callees, and ranges whose bits could wrap around the prime; the
/// message starts with the op's location.
llvm::Expected<LoweredCircuit> lowerToR1cs(zk::CircuitOp circuit,
                                           OptLevel level);

/// The -O0 system and wire sources only (what lowerToR1cs optimises).
llvm::Expected<LoweredCircuit> linearize(zk::CircuitOp circuit);

/// Optimises a linearised circuit in place to `level` and renumbers its
/// wires.
void optimize(LoweredCircuit &lowered, OptLevel level);

/// The full witness of `lowered` (its optimised wire numbering) for `inputs`
/// (one canonical field element per circuit input, in input order): runs the
/// witness evaluator on `circuit` (the circuit it was lowered from) and
/// computes every wire from its source. Fails when evaluation fails or the
/// evaluator's values do not match the lowering (another circuit).
llvm::Expected<Witness> computeWitness(const LoweredCircuit &lowered,
                                       zk::CircuitOp circuit,
                                       llvm::ArrayRef<llvm::APInt> inputs);

/// The index of the first constraint `witness` violates, or nullopt when all
/// hold (and the witness has one value per wire, wire 0 being 1; otherwise 0
/// is reported).
std::optional<size_t> firstViolatedConstraint(const R1cs &system,
                                              const Witness &witness);

/// The value of `lc` under `witness` (whose size must exceed every wire).
Fr evaluate(const LinearCombination &lc, const Witness &witness);

/// `circuit @name (-O2): N constraints, ...`: counts, one per line.
void printStats(const LoweredCircuit &lowered, llvm::raw_ostream &os);

/// A readable dump: the counts, every wire with its name, every constraint.
void printText(const LoweredCircuit &lowered, llvm::raw_ostream &os);

/// "O0", "O1" or "O2".
llvm::StringRef levelName(OptLevel level);

} // namespace zkevmc::r1cs

#endif // ZKEVMC_COMPILER_R1CS_LOWERING_H
