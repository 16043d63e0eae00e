//===- PrimeField.h - The field-description fields of iden3 headers -*- C++
//-*-===//
//
// .r1cs, .wtns, .zkey and .ptau headers all describe a field as u32 n8 then
// the prime in n8 little-endian bytes. Only BN254's two primes are
// supported; these helpers read and check, or write, that pair. Internal to
// the formats library.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_FORMATS_PRIMEFIELD_H
#define ZKEVMC_RUNTIME_FORMATS_PRIMEFIELD_H

#include "runtime/bn254/Field.h"
#include "runtime/formats/BinFile.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>

namespace zkevmc::formats {

/// Decimal digits of an N-byte little-endian integer.
std::string leBytesToDecimal(const uint8_t *P, size_t N);

/// Reads u32 n8 and the prime; an error naming the prime found unless it is
/// Expected (with n8 = 32). FieldName is e.g. "BN254's scalar field r".
llvm::Error expectPrime(SectionReader &Rd, const bn254::Limbs &Expected,
                        llvm::StringRef FieldName);

/// Writes u32 32 and the prime's 32 little-endian bytes.
void writePrime(BinFileWriter &W, const bn254::Limbs &P);

} // namespace zkevmc::formats

#endif // ZKEVMC_RUNTIME_FORMATS_PRIMEFIELD_H
