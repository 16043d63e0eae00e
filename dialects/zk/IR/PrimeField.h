//===- PrimeField.h - The prime fields zk circuits can name -----*- C++ -*-===//

#ifndef ZKEVMC_DIALECTS_ZK_IR_PRIMEFIELD_H
#define ZKEVMC_DIALECTS_ZK_IR_PRIMEFIELD_H

#include "llvm/ADT/APInt.h"
#include "llvm/ADT/StringRef.h"

namespace zkevmc::zk {

/// A prime field. Values are canonical APInts of exactly `width` bits, below
/// `prime` (callers bring wider values to `width` first); arithmetic goes
/// through twice the width so products do not wrap.
struct PrimeField {
  llvm::StringRef name;
  llvm::APInt prime;
  unsigned width;

  llvm::APInt reduce(const llvm::APInt &value) const;
  llvm::APInt add(const llvm::APInt &a, const llvm::APInt &b) const;
  llvm::APInt sub(const llvm::APInt &a, const llvm::APInt &b) const;
  llvm::APInt mul(const llvm::APInt &a, const llvm::APInt &b) const;
  llvm::APInt neg(const llvm::APInt &a) const;
  /// The inverse, and 0 for 0.
  llvm::APInt inv(const llvm::APInt &a) const;
  bool contains(const llvm::APInt &value) const;
};

/// The field named `name` ("bn254": the BN254 scalar field; "goldilocks":
/// 2^64 - 2^32 + 1), or null.
const PrimeField *lookupPrimeField(llvm::StringRef name);

} // namespace zkevmc::zk

#endif // ZKEVMC_DIALECTS_ZK_IR_PRIMEFIELD_H
