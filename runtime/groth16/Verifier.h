//===- Verifier.h - Groth16 proof verification over BN254 ------*- C++ -*-===//
//
// Checks e(A, B) = e(alpha, beta) * e(vk_x, gamma) * e(C, delta) with
// vk_x = IC[0] + sum_i input[i] * IC[i+1], as one multi-pairing. Malformed
// inputs (points off the curve or outside the order-r subgroup, a public
// input count that differs from the key's) are errors, kept apart from a
// well-formed proof that simply does not verify.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_GROTH16_VERIFIER_H
#define ZKEVMC_RUNTIME_GROTH16_VERIFIER_H

#include "runtime/formats/ZkeyFile.h"
#include "runtime/groth16/SnarkjsJson.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

namespace zkevmc::groth16 {

/// Structural checks on a key, public inputs and proof: IC has NPublic + 1
/// points, Public has NPublic values, every G1 point is on the curve, every
/// G2 point is on the twist and in the order-r subgroup.
llvm::Error checkVerificationInputs(const VerificationKey &Key,
                                    llvm::ArrayRef<bn254::Fr> Public,
                                    const Proof &P);

/// True when the proof verifies; an error when the inputs are malformed
/// (see checkVerificationInputs).
llvm::Expected<bool> verifyProof(const VerificationKey &Key,
                                 llvm::ArrayRef<bn254::Fr> Public,
                                 const Proof &P);

/// The verification key inside a proving key, as `snarkjs zkey export
/// verificationkey` extracts it.
VerificationKey verificationKeyFromZkey(const formats::Groth16Header &Header,
                                        const std::vector<bn254::G1Affine> &IC);

} // namespace zkevmc::groth16

#endif // ZKEVMC_RUNTIME_GROTH16_VERIFIER_H
