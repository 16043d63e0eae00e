//===- Randomness.h - Field elements from the operating system's CSPRNG ---===//
//
// Groth16's blinding factors (r, s) and a development setup's toxic waste
// must be unpredictable, so they come from getrandom(2), never from a seeded
// PRNG. Failure to obtain entropy is an error value, not a fallback.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_GROTH16_RANDOMNESS_H
#define ZKEVMC_RUNTIME_GROTH16_RANDOMNESS_H

#include "runtime/bn254/Field.h"

#include "llvm/Support/Error.h"

#include <cstddef>
#include <cstdint>

namespace zkevmc::groth16 {

/// Fills Out with N bytes from getrandom(2), retrying on EINTR and short
/// reads.
llvm::Error osRandomBytes(uint8_t *Out, size_t N);

/// A uniform element of Fr (rejection sampling on 254-bit candidates).
llvm::Expected<bn254::Fr> randomFr();

/// A uniform non-zero element of Fr: toxic waste and divisors must not be 0.
llvm::Expected<bn254::Fr> randomNonZeroFr();

} // namespace zkevmc::groth16

#endif // ZKEVMC_RUNTIME_GROTH16_RANDOMNESS_H
