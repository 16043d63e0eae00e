//===- Verifier.cpp - Groth16 proof verification over BN254 ---------------===//

#include "runtime/groth16/Verifier.h"

#include "runtime/bn254/Pairing.h"

using namespace llvm;
using namespace zkevmc::bn254;

namespace zkevmc::groth16 {

namespace {

Error checkG1(const G1Affine &P, const Twine &What) {
  if (!P.isOnCurve())
    return createStringError(inconvertibleErrorCode(),
                             What + " is not on the BN254 curve");
  return Error::success();
}

Error checkG2(const G2Affine &Q, const Twine &What) {
  if (!Q.isOnCurve())
    return createStringError(inconvertibleErrorCode(),
                             What + " is not on the BN254 twist");
  // The twist has a large cofactor; a point outside the order-r subgroup
  // would let a forger escape the pairing's bilinearity argument.
  if (!isInG2Subgroup(Q))
    return createStringError(inconvertibleErrorCode(),
                             What + " is not in the order-r subgroup of G2");
  return Error::success();
}

} // namespace

Error checkVerificationInputs(const VerificationKey &Key, ArrayRef<Fr> Public,
                              const Proof &P) {
  if (Key.IC.size() != size_t(Key.NPublic) + 1)
    return createStringError(inconvertibleErrorCode(),
                             "verification key: nPublic is " +
                                 Twine(Key.NPublic) + " but IC has " +
                                 Twine(Key.IC.size()) + " points (expected " +
                                 Twine(size_t(Key.NPublic) + 1) + ")");
  if (Public.size() != Key.NPublic)
    return createStringError(inconvertibleErrorCode(),
                             "public inputs: " + Twine(Public.size()) +
                                 " values, the verification key expects " +
                                 Twine(Key.NPublic));
  if (Error E = checkG1(Key.Alpha1, "verification key: vk_alpha_1"))
    return E;
  if (Error E = checkG2(Key.Beta2, "verification key: vk_beta_2"))
    return E;
  if (Error E = checkG2(Key.Gamma2, "verification key: vk_gamma_2"))
    return E;
  if (Error E = checkG2(Key.Delta2, "verification key: vk_delta_2"))
    return E;
  for (size_t I = 0; I < Key.IC.size(); ++I)
    if (Error E = checkG1(Key.IC[I], "verification key: IC[" + Twine(I) + "]"))
      return E;
  if (Error E = checkG1(P.A, "proof: pi_a"))
    return E;
  if (Error E = checkG2(P.B, "proof: pi_b"))
    return E;
  if (Error E = checkG1(P.C, "proof: pi_c"))
    return E;
  return Error::success();
}

Expected<bool> verifyProof(const VerificationKey &Key, ArrayRef<Fr> Public,
                           const Proof &P) {
  if (Error E = checkVerificationInputs(Key, Public, P))
    return E;
  G1 VkX(Key.IC[0]);
  for (size_t I = 0; I < Public.size(); ++I)
    VkX += G1(Key.IC[I + 1]).mul(Public[I]);
  // e(-A, B) e(alpha, beta) e(vk_x, gamma) e(C, delta) = 1 shares one final
  // exponentiation instead of comparing two separately computed GT values.
  G1Affine Ps[4] = {-P.A, Key.Alpha1, VkX.toAffine(), P.C};
  G2Affine Qs[4] = {P.B, Key.Beta2, Key.Gamma2, Key.Delta2};
  return pairingCheck(Ps, Qs, 4);
}

VerificationKey verificationKeyFromZkey(const formats::Groth16Header &Header,
                                        const std::vector<G1Affine> &IC) {
  VerificationKey Key;
  Key.NPublic = Header.NPublic;
  Key.Alpha1 = Header.Alpha1;
  Key.Beta2 = Header.Beta2;
  Key.Gamma2 = Header.Gamma2;
  Key.Delta2 = Header.Delta2;
  Key.IC = IC;
  return Key;
}

} // namespace zkevmc::groth16
