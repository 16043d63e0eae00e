//===- SymFile.h - Reading and writing circom .sym symbol tables -*- C++
//-*-===//
//
// A .sym file is text, one signal per line: "labelId,wireId,componentId,name"
// with wireId -1 for a signal the optimiser removed (circom writes it so).
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_FORMATS_SYMFILE_H
#define ZKEVMC_RUNTIME_FORMATS_SYMFILE_H

#include "runtime/formats/R1cs.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <vector>

namespace zkevmc::formats {

/// Parses .sym text; Name labels errors ("circuit.sym:3: bad wire id 'x'").
/// Lines may end in "\n" or "\r\n"; a final newline is optional; names may
/// contain commas (everything after the third comma is the name) but not a
/// carriage return.
llvm::Expected<std::vector<r1cs::Symbol>> parseSym(llvm::StringRef Text,
                                                   llvm::StringRef Name);
llvm::Expected<std::vector<r1cs::Symbol>> readSym(llvm::StringRef Path);

/// One line per symbol, each ending in "\n". Names must not contain a
/// newline (an error otherwise).
llvm::Error writeSym(const std::vector<r1cs::Symbol> &Syms,
                     llvm::StringRef Path);

} // namespace zkevmc::formats

#endif // ZKEVMC_RUNTIME_FORMATS_SYMFILE_H
