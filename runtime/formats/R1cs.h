//===- R1cs.h - Rank-1 constraint systems over BN254's scalar field -*- C++
//-*-===//
//
// The in-memory form of an R1CS (A·B = C over linear combinations of wires)
// and of a witness, shared by the zk→R1CS lowering, the file formats (.r1cs,
// .wtns, .sym) and the Groth16 setup and prover.
//
// Wire numbering follows iden3/circom: wire 0 is the constant 1, then the
// public outputs, the public inputs, the private inputs, then internal wires.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_FORMATS_R1CS_H
#define ZKEVMC_RUNTIME_FORMATS_R1CS_H

#include "runtime/bn254/Field.h"

#include <cstdint>
#include <string>
#include <vector>

namespace zkevmc::r1cs {

using Fr = bn254::Fr;

/// One term `Coeff · wire[Wire]` of a linear combination.
struct Term {
  uint32_t Wire = 0;
  Fr Coeff;
};

/// A linear combination: terms sorted by wire, no wire twice, no zero
/// coefficient (the canonical form the .r1cs format stores).
using LinearCombination = std::vector<Term>;

/// A·B = C.
struct Constraint {
  LinearCombination A, B, C;
};

struct R1cs {
  uint32_t NWires = 1;  // including wire 0 (the constant 1)
  uint32_t NPubOut = 0; // wires 1 .. NPubOut
  uint32_t NPubIn = 0;  // then NPubIn public inputs
  uint32_t NPrvIn = 0;  // then NPrvIn private inputs
  uint64_t NLabels = 1; // labels (signals before optimisation) incl. label 0
  std::vector<Constraint> Constraints;
  /// WireToLabel[w] is the label (the .sym signal index) of wire w; size
  /// NWires.
  std::vector<uint64_t> WireToLabel;

  /// Number of public signals (outputs then inputs), the `nPublic` of a
  /// Groth16 key.
  uint32_t numPublic() const { return NPubOut + NPubIn; }
};

/// A full assignment of every wire, wire 0 first (= 1); the content of a
/// .wtns file.
using Witness = std::vector<Fr>;

/// One line of a .sym file: `labelId,wireId (-1 when optimised away),
/// componentId,name`.
struct Symbol {
  uint64_t Label = 0;
  int64_t Wire = -1;
  uint64_t Component = 0;
  std::string Name;
};

} // namespace zkevmc::r1cs

#endif // ZKEVMC_RUNTIME_FORMATS_R1CS_H
