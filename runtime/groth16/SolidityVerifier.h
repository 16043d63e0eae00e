//===- SolidityVerifier.h - Groth16 verifier contract and its calldata ----===//
//
// Generates a Solidity contract that checks Groth16 proofs for one
// verification key through the BN254 precompiles (0x06 add, 0x07 mul,
// 0x08 pairing), with the ABI of snarkjs's generated verifier:
//   verifyProof(uint[2] a, uint[2][2] b, uint[2] c, uint[N] input)
// returning false (never reverting) for a proof that does not verify. Also
// formats a proof and its public inputs as those four arguments, the way
// `snarkjs zkey export soliditycalldata` prints them.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_GROTH16_SOLIDITYVERIFIER_H
#define ZKEVMC_RUNTIME_GROTH16_SOLIDITYVERIFIER_H

#include "runtime/groth16/SnarkjsJson.h"

#include <string>
#include <vector>

namespace zkevmc::groth16 {

/// Source of contract `Groth16Verifier` for VK (VK.IC must hold
/// VK.NPublic + 1 points). With no public inputs the `input` parameter is
/// left out, since Solidity has no zero-length static arrays.
std::string generateSolidityVerifier(const VerificationKey &VK);

/// `[a0, a1],[[b..],[b..]],[c0, c1],[inputs]` with 0x-prefixed 32-byte hex
/// words and B's coordinates imaginary part first, as snarkjs prints them.
std::string formatSolidityCalldata(const Proof &P,
                                   const std::vector<bn254::Fr> &Public);

} // namespace zkevmc::groth16

#endif // ZKEVMC_RUNTIME_GROTH16_SOLIDITYVERIFIER_H
