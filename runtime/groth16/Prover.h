//===- Prover.h - Groth16 proving from a .zkey view and a witness -*- C++
//-*-===//
//
// The prover follows snarkjs's groth16_prove.js so it accepts any key
// snarkjs makes: A and B evaluated on the domain from the key's section 4,
// C = A * B pointwise, each interpolated (inverse NTT) and re-evaluated on
// the odd points of the doubled domain (a coset NTT with shift w_{2n}),
// h = A * B - C there, then the five MSMs against the key's point sections,
// read straight from the mapped file. Blinding r, s is fresh from the OS.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_GROTH16_PROVER_H
#define ZKEVMC_RUNTIME_GROTH16_PROVER_H

#include "runtime/formats/R1cs.h"
#include "runtime/formats/ZkeyFile.h"
#include "runtime/groth16/Setup.h"
#include "runtime/groth16/SnarkjsJson.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <vector>

namespace zkevmc::groth16 {

struct ProverOptions {
  unsigned Threads = 0; // 0: all hardware threads
  ProgressFn Progress;  // may be empty
  /// Let the kernel drop each point section's pages once its MSM is done,
  /// keeping peak resident memory near one section instead of the whole key.
  bool ReleaseSections = true;
};

struct ProofWithPublic {
  Proof P;
  /// Wires 1..nPublic of the witness: what public.json holds.
  std::vector<bn254::Fr> Public;
};

/// Checks that W fits the key: nVars values, wire 0 equal to 1. The message
/// calls a mismatch "witness for another circuit" and names the key; the
/// caller prefixes the witness's file name.
llvm::Error checkWitnessForKey(const formats::Zkey &Key,
                               llvm::ArrayRef<bn254::Fr> W);

/// A proof with the given blinding factors (tests use fixed ones; anything
/// else must use `prove`).
llvm::Expected<ProofWithPublic>
proveWithBlinding(const formats::Zkey &Key, llvm::ArrayRef<bn254::Fr> W,
                  const bn254::Fr &R, const bn254::Fr &S,
                  const ProverOptions &Options = {});

/// A zero-knowledge proof: r and s drawn from getrandom.
llvm::Expected<ProofWithPublic> prove(const formats::Zkey &Key,
                                      llvm::ArrayRef<bn254::Fr> W,
                                      const ProverOptions &Options = {});

} // namespace zkevmc::groth16

#endif // ZKEVMC_RUNTIME_GROTH16_PROVER_H
