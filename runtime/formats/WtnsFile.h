//===- WtnsFile.h - Reading, writing and checking .wtns witnesses -*- C++
//-*-===//
//
// The .wtns format as circom's witness generators and snarkjs write it
// (magic "wtns", version 2): section 1 header: u32 n8 (32), prime (n8 bytes
// LE), u32 nWitness; section 2: nWitness values, each n8 bytes LE in
// canonical (not Montgomery) form.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_FORMATS_WTNSFILE_H
#define ZKEVMC_RUNTIME_FORMATS_WTNSFILE_H

#include "runtime/formats/R1cs.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace zkevmc::formats {

/// Reads a .wtns file; rejects another prime, a value >= r and a section 2
/// whose size is not nWitness * n8.
llvm::Expected<r1cs::Witness> readWtns(llvm::StringRef Path);

/// Writes W as a version-2 .wtns over BN254's r.
llvm::Error writeWtns(const r1cs::Witness &W, llvm::StringRef Path);

/// Checks W against R: the sizes agree ("witness for another circuit: 12
/// values, circuit has 14 wires"), wire 0 is 1, and every constraint holds;
/// the first violated one is named by index with both sides' values.
llvm::Error checkWitness(const r1cs::R1cs &R, const r1cs::Witness &W);

} // namespace zkevmc::formats

#endif // ZKEVMC_RUNTIME_FORMATS_WTNSFILE_H
