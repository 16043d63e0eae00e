//===- R1csFile.h - Reading and writing iden3 .r1cs files -------*- C++ -*-===//
//
// The .r1cs format as circom 2 writes it (magic "r1cs", version 1):
//   section 1 header: u32 n8 (32), prime (n8 bytes LE), u32 nWires,
//     u32 nPubOut, u32 nPubIn, u32 nPrvIn, u64 nLabels, u32 mConstraints;
//   section 2 constraints: per constraint, for A, B, C: u32 nTerms then
//     nTerms x (u32 wire, n8-byte LE canonical coefficient);
//   section 3 wire->label map: u64 label per wire.
// Only BN254's scalar field is supported. Custom-gate sections (4 and 5,
// from circom's --O2 PLONK custom templates) are rejected.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_FORMATS_R1CSFILE_H
#define ZKEVMC_RUNTIME_FORMATS_R1CSFILE_H

#include "runtime/formats/R1cs.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace zkevmc::formats {

/// Reads and validates a .r1cs file: the prime is BN254's r, every wire
/// index is below nWires, every coefficient is canonical (< r), the header's
/// counts are consistent (1 + outputs + inputs <= nWires, nLabels >= nWires)
/// and match the sections' sizes. Terms are kept in file order (circom
/// writes them sorted by wire; readers must not rely on it).
llvm::Expected<r1cs::R1cs> readR1cs(llvm::StringRef Path);

/// Writes R in the layout above, sections in circom's order 2, 1, 3. When
/// R.WireToLabel is empty the identity map is written. Fails on a wire index
/// >= NWires or a WireToLabel of the wrong size, before creating the file.
llvm::Error writeR1cs(const r1cs::R1cs &R, llvm::StringRef Path);

/// Structural checks shared by the reader and writer; Name labels messages.
llvm::Error validateR1cs(const r1cs::R1cs &R, llvm::StringRef Name);

} // namespace zkevmc::formats

#endif // ZKEVMC_RUNTIME_FORMATS_R1CSFILE_H
