//===- Setup.h - Groth16 key generation in snarkjs's .zkey layout -*- C++
//-*-===//
//
// Builds the QAP of an R1CS exactly as snarkjs's zkey_new.js does, so a key
// made here proves with snarkjs and one made by snarkjs proves here:
//  - the domain is the smallest 2^k > nConstraints + nPublic (snarkjs's
//    log2(nConstraints + nPublic) + 1), the extra rows m + s for
//    s = 0..nPublic carry the constraint "wire s * 0 = 0" in A, which makes
//    the public inputs' A polynomials linearly independent;
//  - section 4 lists every A term then every B term of each constraint in
//    file order, then the extra rows' (0, m + s, s, 1);
//  - A[s] = a_s(tau) G1, B1[s] = b_s(tau) G1, B2[s] = b_s(tau) G2,
//    IC[s] = (beta a_s + alpha b_s + c_s)(tau) / gamma G1 for s <= nPublic,
//    C[s] = the same over delta for the private wires, with a_s(tau) =
//    sum_c A[c][s] L_c(tau) over the Lagrange basis of the domain;
//  - H[i] = L'_{2i+1}(tau) / delta G1 for the Lagrange basis L' of the
//    domain of twice the size: the prover evaluates A*B - C on the odd
//    points of that domain (a coset of the first), where the constraints
//    do not force it to vanish.
// A development setup draws tau, alpha, beta, gamma, delta from the OS and
// forgets them; a --ptau setup takes the Lagrange points from a prepared
// powers-of-tau file and sets gamma = delta = 1, which is snarkjs's
// `groth16 setup` before any phase-2 contribution.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_GROTH16_SETUP_H
#define ZKEVMC_RUNTIME_GROTH16_SETUP_H

#include "runtime/formats/PtauFile.h"
#include "runtime/formats/R1cs.h"
#include "runtime/formats/ZkeyFile.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <functional>

namespace zkevmc::groth16 {

/// Called as long steps advance: the step's name, units done, units total.
using ProgressFn =
    std::function<void(llvm::StringRef Step, size_t Done, size_t Total)>;

struct SetupOptions {
  unsigned Threads = 0; // 0: all hardware threads
  ProgressFn Progress;  // may be empty
};

/// The secrets of a trusted setup. Whoever knows them can forge proofs.
struct ToxicWaste {
  bn254::Fr Tau, Alpha, Beta, Gamma, Delta;
};

/// log2 of the domain size snarkjs picks for R; an error when it exceeds
/// 2^27 (the H points need a domain of twice the size inside Fr's 2^28).
llvm::Expected<unsigned> qapDomainLog2(const r1cs::R1cs &R);

/// Section 4 of the key for R: the A and B terms plus the extra rows.
std::vector<formats::ZkeyCoefficient> qapCoefficients(const r1cs::R1cs &R);

/// A key from given toxic waste (deterministic; tests use it to compare
/// against an independent computation). Errors: a malformed R1CS, a zero
/// gamma or delta, a tau inside the evaluation domains.
llvm::Expected<formats::ZkeyContents>
setupWithToxicWaste(const r1cs::R1cs &R, const ToxicWaste &Waste,
                    const SetupOptions &Options = {});

/// A development key: the toxic waste comes from getrandom and is dropped
/// when the call returns. Insecure for anything but testing: this process
/// knew the secrets.
llvm::Expected<formats::ZkeyContents>
setupDevelopment(const r1cs::R1cs &R, const SetupOptions &Options = {});

/// The key snarkjs's `groth16 setup` makes from a prepared ptau, before
/// contributions (gamma = delta = 1), byte for byte: section 10 holds
/// snarkjs's BLAKE2b-512 circuit hash, so `snarkjs zkey contribute` and
/// `zkey verify` work on it. (A development key's section 10 has a zero
/// hash: it descends from no ceremony.)
llvm::Expected<formats::ZkeyContents>
setupFromPtau(const r1cs::R1cs &R, const formats::Ptau &P,
              const SetupOptions &Options = {});

} // namespace zkevmc::groth16

#endif // ZKEVMC_RUNTIME_GROTH16_SETUP_H
