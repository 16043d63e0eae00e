//===- SnarkjsJson.h - snarkjs proof, public and verification-key JSON ----===//
//
// Readers and writers for the three JSON files snarkjs 0.7.6 exchanges for
// Groth16 over BN254: proof.json, public.json and verification_key.json.
// Numbers are decimal strings of canonical field elements; points are
// projective triples with z = "1" (affine) or the zero encoding snarkjs
// writes for infinity. Readers reject anything else with an error naming the
// file and the JSON path of the offending value.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_GROTH16_SNARKJSJSON_H
#define ZKEVMC_RUNTIME_GROTH16_SNARKJSJSON_H

#include "runtime/bn254/Curve.h"
#include "runtime/bn254/Field.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace zkevmc::groth16 {

struct Proof {
  bn254::G1Affine A;
  bn254::G2Affine B;
  bn254::G1Affine C;
};

struct VerificationKey {
  uint32_t NPublic = 0;
  bn254::G1Affine Alpha1;
  bn254::G2Affine Beta2, Gamma2, Delta2;
  /// NPublic + 1 points: IC[0] + sum input[i] * IC[i + 1].
  std::vector<bn254::G1Affine> IC;
};

llvm::Expected<Proof> readProofJson(llvm::StringRef Path);
llvm::Error writeProofJson(const Proof &, llvm::StringRef Path);
llvm::Expected<std::vector<bn254::Fr>> readPublicJson(llvm::StringRef Path);
llvm::Error writePublicJson(const std::vector<bn254::Fr> &,
                            llvm::StringRef Path);
llvm::Expected<VerificationKey> readVerificationKeyJson(llvm::StringRef Path);
llvm::Error writeVerificationKeyJson(const VerificationKey &,
                                     llvm::StringRef Path);

/// The same formats on in-memory text; Name stands for the file in errors.
llvm::Expected<Proof> parseProofJson(llvm::StringRef Text,
                                     llvm::StringRef Name);
llvm::Expected<std::vector<bn254::Fr>> parsePublicJson(llvm::StringRef Text,
                                                       llvm::StringRef Name);
llvm::Expected<VerificationKey> parseVerificationKeyJson(llvm::StringRef Text,
                                                         llvm::StringRef Name);
std::string formatProofJson(const Proof &);
std::string formatPublicJson(const std::vector<bn254::Fr> &);
std::string formatVerificationKeyJson(const VerificationKey &);

} // namespace zkevmc::groth16

#endif // ZKEVMC_RUNTIME_GROTH16_SNARKJSJSON_H
