//===- Pairing.h - BN254 optimal ate pairing and EIP-197 pairing check ----===//
//
// e(P, Q) = f_{6x+2,Q}(P) * l_{[6x+2]Q, pi(Q)}(P) * l_{.., -pi^2(Q)}(P),
// raised to (q^12 - 1) / r, with x = 4965661367192848881. Tower and twist
// are those of go-ethereum's bn256 and snarkjs. snarkjs's GT values are
// ours raised to 2x(6x^2 + 3x + 1) (its final exponentiation computes a
// multiple of the standard exponent; groth16/SnarkjsJson applies that power
// to vk_alphabeta_12 and SnarkjsJsonTest checks it); pairing checks
// (products equal to 1) agree with go-ethereum's EIP-197 vectors.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_BN254_PAIRING_H
#define ZKEVMC_RUNTIME_BN254_PAIRING_H

#include "runtime/bn254/Curve.h"

#include <utility>
#include <vector>

namespace zkevmc::bn254 {

/// Product of the Miller loops of N pairs, sharing the Fq12 squarings.
/// Pairs with an infinite point contribute 1.
Fq12 millerLoop(const G1Affine *Ps, const G2Affine *Qs, size_t N);
/// f^((q^12 - 1) / r).
Fq12 finalExponentiation(const Fq12 &F);

/// e(P, Q) in GT, the order-r subgroup of Fq12^*.
Fq12 pairing(const G1Affine &P, const G2Affine &Q);

/// Whether prod e(Ps[i], Qs[i]) == 1. Inputs must already be valid curve
/// points (G2 in the subgroup); see `eip197PairingCheck` for raw input.
bool pairingCheck(const G1Affine *Ps, const G2Affine *Qs, size_t N);
bool pairingCheck(const std::vector<std::pair<G1Affine, G2Affine>> &Pairs);

/// The EIP-197 precompile (address 0x08) on raw input: Len must be a
/// multiple of 192 and every point valid. Returns false on malformed input;
/// otherwise stores the check's outcome in Result (empty input gives true).
bool eip197PairingCheck(const uint8_t *In, size_t Len, bool &Result);

} // namespace zkevmc::bn254

#endif // ZKEVMC_RUNTIME_BN254_PAIRING_H
