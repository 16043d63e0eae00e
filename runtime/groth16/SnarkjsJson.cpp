//===- SnarkjsJson.cpp - snarkjs proof, public and verification-key JSON --===//
//
// The layouts follow what snarkjs 0.7.6 writes: ffjavascript's toObject for
// points (projective triples, infinity as (0, 1, 0)), Fq2 as [c0, c1], Fq12
// as [[c0.c0, c0.c1, c0.c2], [c1.c0, c1.c1, c1.c2]] of Fq2, and JSON text
// indented by one space with no final newline, so that rewriting a file
// snarkjs wrote reproduces it byte for byte.
//
//===----------------------------------------------------------------------===//

#include "runtime/groth16/SnarkjsJson.h"

#include "runtime/bn254/Pairing.h"

#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

using namespace llvm;
using namespace zkevmc::bn254;
using Json = nlohmann::ordered_json;

namespace zkevmc::groth16 {

namespace {

// Everything a reader needs to name the place of an error.
struct Reader {
  StringRef Name;

  Error fail(const std::string &Path, const Twine &Message) const {
    if (Path.empty())
      return createStringError(inconvertibleErrorCode(), Name + ": " + Message);
    return createStringError(inconvertibleErrorCode(),
                             Name + ": " + Path + ": " + Message);
  }

  Expected<Json> parse(StringRef Text) const {
    Json J = Json::parse(Text.begin(), Text.end(), nullptr,
                         /*allow_exceptions=*/false);
    if (J.is_discarded())
      return fail("", "not valid JSON");
    return J;
  }

  Expected<const Json *> member(const Json &Obj, const std::string &Path,
                                const char *Key) const {
    if (!Obj.is_object())
      return fail(Path, "expected an object");
    auto It = Obj.find(Key);
    if (It == Obj.end())
      return fail(Path, Twine("missing key '") + Key + "'");
    return &*It;
  }

  Error expectArray(const Json &V, const std::string &Path, size_t Size) const {
    if (!V.is_array())
      return fail(Path, "expected an array of " + Twine(Size) + " elements");
    if (V.size() != Size)
      return fail(Path, "expected an array of " + Twine(Size) +
                            " elements, found " + Twine(V.size()));
    return Error::success();
  }

  /// A canonical field element written as a decimal string.
  template <typename F>
  Expected<F> field(const Json &V, const std::string &Path,
                    const char *FieldName) const {
    if (!V.is_string())
      return fail(Path, "not a decimal string");
    const std::string &S = V.get_ref<const std::string &>();
    if (S.empty() || S.find_first_not_of("0123456789") != std::string::npos)
      return fail(Path, "not a decimal string");
    std::optional<F> X = F::fromDecimal(S);
    if (!X)
      return fail(Path,
                  Twine("value is not below the ") + FieldName + " modulus");
    return *X;
  }

  Expected<Fq> fq(const Json &V, const std::string &Path) const {
    return field<Fq>(V, Path, "base field");
  }

  Expected<Fq2> fq2(const Json &V, const std::string &Path) const {
    if (Error E = expectArray(V, Path, 2))
      return E;
    Expected<Fq> C0 = fq(V[0], Path + "[0]");
    if (!C0)
      return C0.takeError();
    Expected<Fq> C1 = fq(V[1], Path + "[1]");
    if (!C1)
      return C1.takeError();
    return Fq2(*C0, *C1);
  }

  Expected<G1Affine> g1(const Json &V, const std::string &Path) const {
    if (Error E = expectArray(V, Path, 3))
      return E;
    Expected<Fq> X = fq(V[0], Path + "[0]");
    if (!X)
      return X.takeError();
    Expected<Fq> Y = fq(V[1], Path + "[1]");
    if (!Y)
      return Y.takeError();
    Expected<Fq> Z = fq(V[2], Path + "[2]");
    if (!Z)
      return Z.takeError();
    if (Z->isZero()) {
      // snarkjs writes infinity as (0, 1, 0); (0, 0, 0) is the other
      // encoding in circulation (EIP-196's all-zero point).
      if (!X->isZero() || !(Y->isZero() || Y->isOne()))
        return fail(
            Path, "a point at infinity (z = 0) must have x = 0 and y = 0 or 1");
      return G1Affine::infinity();
    }
    if (!Z->isOne())
      return fail(Path + "[2]", "projective z must be \"1\" (affine) or \"0\" "
                                "(infinity)");
    G1Affine P(*X, *Y);
    if (!P.isOnCurve())
      return fail(Path, "point is not on the curve (G1)");
    return P;
  }

  Expected<G2Affine> g2(const Json &V, const std::string &Path) const {
    if (Error E = expectArray(V, Path, 3))
      return E;
    Expected<Fq2> X = fq2(V[0], Path + "[0]");
    if (!X)
      return X.takeError();
    Expected<Fq2> Y = fq2(V[1], Path + "[1]");
    if (!Y)
      return Y.takeError();
    Expected<Fq2> Z = fq2(V[2], Path + "[2]");
    if (!Z)
      return Z.takeError();
    if (Z->isZero()) {
      if (!X->isZero() || !(Y->isZero() || *Y == Fq2::one()))
        return fail(Path,
                    "a point at infinity (z = 0) must have x = 0 and y = 0 "
                    "or 1");
      return G2Affine::infinity();
    }
    if (*Z != Fq2::one())
      return fail(Path + "[2]", "projective z must be [\"1\", \"0\"] (affine) "
                                "or [\"0\", \"0\"] (infinity)");
    G2Affine Q(*X, *Y);
    if (!Q.isOnCurve())
      return fail(Path, "point is not on the curve (G2)");
    if (!isInG2Subgroup(Q))
      return fail(Path, "point is not in the order-r subgroup of G2");
    return Q;
  }

  Expected<Fq12> fq12(const Json &V, const std::string &Path) const {
    if (Error E = expectArray(V, Path, 2))
      return E;
    Fq6 Halves[2];
    for (size_t I = 0; I < 2; ++I) {
      std::string HalfPath = Path + "[" + std::to_string(I) + "]";
      if (Error E = expectArray(V[I], HalfPath, 3))
        return E;
      Fq2 Cs[3];
      for (size_t J = 0; J < 3; ++J) {
        Expected<Fq2> C =
            fq2(V[I][J], HalfPath + "[" + std::to_string(J) + "]");
        if (!C)
          return C.takeError();
        Cs[J] = *C;
      }
      Halves[I] = Fq6(Cs[0], Cs[1], Cs[2]);
    }
    return Fq12(Halves[0], Halves[1]);
  }

  // protocol and curve are checked when present: rapidsnark and older
  // snarkjs versions leave some of them out.
  Error tags(const Json &Obj) const {
    auto Check = [&](const char *Key, const char *Want) -> Error {
      auto It = Obj.find(Key);
      if (It == Obj.end())
        return Error::success();
      if (!It->is_string() || It->get_ref<const std::string &>() != Want)
        return fail(Key,
                    Twine("expected \"") + Want + "\", found " + It->dump());
      return Error::success();
    };
    if (Error E = Check("protocol", "groth16"))
      return E;
    return Check("curve", "bn128");
  }
};

Expected<std::unique_ptr<MemoryBuffer>> readFile(StringRef Path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer =
      MemoryBuffer::getFile(Path, /*IsText=*/false,
                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return createStringError(
        Buffer.getError(),
        Path + ": cannot read: " + Buffer.getError().message());
  return std::move(*Buffer);
}

Error writeFile(StringRef Path, const std::string &Text) {
  std::error_code EC;
  raw_fd_ostream OS(Path, EC, sys::fs::OF_None);
  if (EC)
    return createStringError(EC, Path + ": cannot write: " + EC.message());
  OS << Text;
  OS.close();
  if (OS.has_error()) {
    EC = OS.error();
    OS.clear_error();
    return createStringError(EC, Path + ": cannot write: " + EC.message());
  }
  return Error::success();
}

Json fqJson(const Fq &X) { return X.toDecimal(); }
Json fq2Json(const Fq2 &X) { return Json::array({fqJson(X.C0), fqJson(X.C1)}); }

Json g1Json(const G1Affine &P) {
  if (P.Infinity)
    return Json::array({"0", "1", "0"});
  return Json::array({fqJson(P.X), fqJson(P.Y), "1"});
}

Json g2Json(const G2Affine &Q) {
  if (Q.Infinity)
    return Json::array({Json::array({"0", "0"}), Json::array({"1", "0"}),
                        Json::array({"0", "0"})});
  return Json::array({fq2Json(Q.X), fq2Json(Q.Y), Json::array({"1", "0"})});
}

Json fq12Json(const Fq12 &X) {
  Json Out = Json::array();
  for (const Fq6 *H : {&X.C0, &X.C1})
    Out.push_back(
        Json::array({fq2Json(H->C0), fq2Json(H->C1), fq2Json(H->C2)}));
  return Out;
}

std::string dump(const Json &J) { return J.dump(1); }

// snarkjs's final exponentiation (Fuentes-Castaneda et al.'s hard part)
// raises to a multiple of (q^12 - 1) / r, so its GT values are ours to the
// power k = 2z(6z^2 + 3z + 1), z = 4965661367192848881 the BN parameter.
// vk_alphabeta_12 must be that power for snarkjs to read our keys alike.
Limbs snarkjsPairingPower() {
  const uint64_t Z = 4965661367192848881ull;
  auto MulSmall = [](Limbs V, uint64_t M) {
    u128 Carry = 0;
    for (uint64_t &L : V) {
      u128 T = (u128)L * M + Carry;
      L = (uint64_t)T;
      Carry = T >> 64;
    }
    return V;
  };
  Limbs K = MulSmall(Limbs{Z, 0, 0, 0}, Z); // z^2
  K = MulSmall(K, 6);
  bn254::detail::addInPlace(K, Limbs{1, 0, 0, 0});
  bn254::detail::addInPlace(K, MulSmall(Limbs{Z, 0, 0, 0}, 3));
  return MulSmall(MulSmall(K, Z), 2); // 190 bits: no overflow
}

Fq12 snarkjsAlphaBeta(const G1Affine &Alpha, const G2Affine &Beta) {
  static const Limbs K = snarkjsPairingPower();
  return pairing(Alpha, Beta).pow(K.data(), K.size());
}

} // namespace

Expected<Proof> parseProofJson(StringRef Text, StringRef Name) {
  Reader R{Name};
  Expected<Json> J = R.parse(Text);
  if (!J)
    return J.takeError();
  if (!J->is_object())
    return R.fail("", "expected an object with pi_a, pi_b and pi_c");
  if (Error E = R.tags(*J))
    return E;
  Proof P;
  Expected<const Json *> A = R.member(*J, "", "pi_a");
  if (!A)
    return A.takeError();
  Expected<G1Affine> PA = R.g1(**A, "pi_a");
  if (!PA)
    return PA.takeError();
  Expected<const Json *> B = R.member(*J, "", "pi_b");
  if (!B)
    return B.takeError();
  Expected<G2Affine> PB = R.g2(**B, "pi_b");
  if (!PB)
    return PB.takeError();
  Expected<const Json *> C = R.member(*J, "", "pi_c");
  if (!C)
    return C.takeError();
  Expected<G1Affine> PC = R.g1(**C, "pi_c");
  if (!PC)
    return PC.takeError();
  P.A = *PA;
  P.B = *PB;
  P.C = *PC;
  return P;
}

Expected<std::vector<Fr>> parsePublicJson(StringRef Text, StringRef Name) {
  Reader R{Name};
  Expected<Json> J = R.parse(Text);
  if (!J)
    return J.takeError();
  if (!J->is_array())
    return R.fail("", "expected an array of decimal strings");
  std::vector<Fr> Out;
  Out.reserve(J->size());
  for (size_t I = 0; I < J->size(); ++I) {
    Expected<Fr> X =
        R.field<Fr>((*J)[I], "[" + std::to_string(I) + "]", "scalar field");
    if (!X)
      return X.takeError();
    Out.push_back(*X);
  }
  return Out;
}

Expected<VerificationKey> parseVerificationKeyJson(StringRef Text,
                                                   StringRef Name) {
  Reader R{Name};
  Expected<Json> J = R.parse(Text);
  if (!J)
    return J.takeError();
  if (!J->is_object())
    return R.fail("", "expected an object");
  if (Error E = R.tags(*J))
    return E;
  VerificationKey VK;

  Expected<const Json *> N = R.member(*J, "", "nPublic");
  if (!N)
    return N.takeError();
  if (!(*N)->is_number_unsigned() || (*N)->get<uint64_t>() > UINT32_MAX - 1)
    return R.fail("nPublic",
                  "expected a non-negative integer, found " + (*N)->dump());
  VK.NPublic = (uint32_t)(*N)->get<uint64_t>();

  auto G1Member = [&](const char *Key, G1Affine &Out) -> Error {
    Expected<const Json *> V = R.member(*J, "", Key);
    if (!V)
      return V.takeError();
    Expected<G1Affine> P = R.g1(**V, Key);
    if (!P)
      return P.takeError();
    Out = *P;
    return Error::success();
  };
  auto G2Member = [&](const char *Key, G2Affine &Out) -> Error {
    Expected<const Json *> V = R.member(*J, "", Key);
    if (!V)
      return V.takeError();
    Expected<G2Affine> Q = R.g2(**V, Key);
    if (!Q)
      return Q.takeError();
    Out = *Q;
    return Error::success();
  };
  if (Error E = G1Member("vk_alpha_1", VK.Alpha1))
    return E;
  if (Error E = G2Member("vk_beta_2", VK.Beta2))
    return E;
  if (Error E = G2Member("vk_gamma_2", VK.Gamma2))
    return E;
  if (Error E = G2Member("vk_delta_2", VK.Delta2))
    return E;

  Expected<const Json *> IC = R.member(*J, "", "IC");
  if (!IC)
    return IC.takeError();
  if (!(*IC)->is_array())
    return R.fail("IC", "expected an array of G1 points");
  if ((*IC)->size() != (uint64_t)VK.NPublic + 1)
    return R.fail("IC", "expected nPublic + 1 = " + Twine(VK.NPublic + 1ull) +
                            " points, found " + Twine((*IC)->size()));
  for (size_t I = 0; I < (*IC)->size(); ++I) {
    Expected<G1Affine> P = R.g1((**IC)[I], "IC[" + std::to_string(I) + "]");
    if (!P)
      return P.takeError();
    VK.IC.push_back(*P);
  }

  // The precomputed pairing is redundant; a key whose copy disagrees with
  // its own alpha and beta has been edited or corrupted.
  auto AB = (*J).find("vk_alphabeta_12");
  if (AB != J->end()) {
    Expected<Fq12> Stored = R.fq12(*AB, "vk_alphabeta_12");
    if (!Stored)
      return Stored.takeError();
    if (*Stored != snarkjsAlphaBeta(VK.Alpha1, VK.Beta2))
      return R.fail(
          "vk_alphabeta_12",
          "does not equal e(vk_alpha_1, vk_beta_2) (as snarkjs computes it)");
  }
  return VK;
}

std::string formatProofJson(const Proof &P) {
  Json J = Json::object();
  J["pi_a"] = g1Json(P.A);
  J["pi_b"] = g2Json(P.B);
  J["pi_c"] = g1Json(P.C);
  J["protocol"] = "groth16";
  J["curve"] = "bn128";
  return dump(J);
}

std::string formatPublicJson(const std::vector<Fr> &Values) {
  Json J = Json::array();
  for (const Fr &X : Values)
    J.push_back(X.toDecimal());
  return dump(J);
}

std::string formatVerificationKeyJson(const VerificationKey &VK) {
  Json J = Json::object();
  J["protocol"] = "groth16";
  J["curve"] = "bn128";
  J["nPublic"] = VK.NPublic;
  J["vk_alpha_1"] = g1Json(VK.Alpha1);
  J["vk_beta_2"] = g2Json(VK.Beta2);
  J["vk_gamma_2"] = g2Json(VK.Gamma2);
  J["vk_delta_2"] = g2Json(VK.Delta2);
  J["vk_alphabeta_12"] = fq12Json(snarkjsAlphaBeta(VK.Alpha1, VK.Beta2));
  Json IC = Json::array();
  for (const G1Affine &P : VK.IC)
    IC.push_back(g1Json(P));
  J["IC"] = std::move(IC);
  return dump(J);
}

Expected<Proof> readProofJson(StringRef Path) {
  Expected<std::unique_ptr<MemoryBuffer>> B = readFile(Path);
  if (!B)
    return B.takeError();
  return parseProofJson((*B)->getBuffer(), Path);
}

Expected<std::vector<Fr>> readPublicJson(StringRef Path) {
  Expected<std::unique_ptr<MemoryBuffer>> B = readFile(Path);
  if (!B)
    return B.takeError();
  return parsePublicJson((*B)->getBuffer(), Path);
}

Expected<VerificationKey> readVerificationKeyJson(StringRef Path) {
  Expected<std::unique_ptr<MemoryBuffer>> B = readFile(Path);
  if (!B)
    return B.takeError();
  return parseVerificationKeyJson((*B)->getBuffer(), Path);
}

Error writeProofJson(const Proof &P, StringRef Path) {
  return writeFile(Path, formatProofJson(P));
}

Error writePublicJson(const std::vector<Fr> &Values, StringRef Path) {
  return writeFile(Path, formatPublicJson(Values));
}

Error writeVerificationKeyJson(const VerificationKey &VK, StringRef Path) {
  if (VK.IC.size() != (size_t)VK.NPublic + 1)
    return createStringError(
        inconvertibleErrorCode(),
        Path + ": cannot write: IC has " + Twine(VK.IC.size()) +
            " points, nPublic + 1 = " + Twine(VK.NPublic + 1ull) + " expected");
  return writeFile(Path, formatVerificationKeyJson(VK));
}

} // namespace zkevmc::groth16
