//===- LinearCombination.h - Arithmetic on sparse linear combinations -*- C++
//-*-===//

#ifndef ZKEVMC_COMPILER_R1CS_LINEARCOMBINATION_H
#define ZKEVMC_COMPILER_R1CS_LINEARCOMBINATION_H

#include "runtime/formats/R1cs.h"

#include <optional>

namespace zkevmc::r1cs {

/// `k · wire[w]`, or nothing when k is zero.
LinearCombination termOf(uint32_t wire, const Fr &coeff);

/// The constant `k` (a term on wire 0).
inline LinearCombination constantOf(const Fr &k) { return termOf(0, k); }

/// `a + k·b`, canonical (sorted, no zero coefficients).
LinearCombination addScaled(const LinearCombination &a, const Fr &k,
                            const LinearCombination &b);

/// `k·a`.
LinearCombination scale(const LinearCombination &a, const Fr &k);

/// The value of `a` if it only has a constant term (or none).
std::optional<Fr> constantValue(const LinearCombination &a);

/// The coefficient of `wire` in `a` (zero when absent).
Fr coefficientOf(const LinearCombination &a, uint32_t wire);

/// Replaces `wire` in `a` by `replacement`; false when `a` lacks `wire`.
bool substitute(LinearCombination &a, uint32_t wire,
                const LinearCombination &replacement);

} // namespace zkevmc::r1cs

#endif // ZKEVMC_COMPILER_R1CS_LINEARCOMBINATION_H
