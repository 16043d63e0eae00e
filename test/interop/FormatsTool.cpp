//===- FormatsTool.cpp - Drives the formats library from interop tests ----===//
//
// zkevmc-formats-tool: a test-only executable that lets node scripts push
// circom's and snarkjs's files through our readers and writers and compare
// what we decode with what those tools report. Exit status 0 on success, 1
// with the error on stderr otherwise.
//
//===----------------------------------------------------------------------===//

#include "runtime/bn254/Curve.h"
#include "runtime/formats/PtauFile.h"
#include "runtime/formats/R1csFile.h"
#include "runtime/formats/SymFile.h"
#include "runtime/formats/WtnsFile.h"
#include "runtime/formats/ZkeyFile.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

using namespace zkevmc;
using namespace zkevmc::formats;

static llvm::Error fail(const llvm::Twine &Msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Msg);
}

static std::string g1Json(const bn254::G1Affine &P) {
  if (P.Infinity)
    return "[\"0\",\"1\",\"0\"]";
  return llvm::formatv("[\"{0}\",\"{1}\",\"1\"]", P.X.toDecimal(),
                       P.Y.toDecimal())
      .str();
}

static std::string g2Json(const bn254::G2Affine &Q) {
  if (Q.Infinity)
    return "[[\"0\",\"0\"],[\"1\",\"0\"],[\"0\",\"0\"]]";
  return llvm::formatv("[[\"{0}\",\"{1}\"],[\"{2}\",\"{3}\"],[\"1\",\"0\"]]",
                       Q.X.C0.toDecimal(), Q.X.C1.toDecimal(),
                       Q.Y.C0.toDecimal(), Q.Y.C1.toDecimal())
      .str();
}

/// The verification-key fields as `snarkjs zkey export verificationkey`
/// prints them, from our decoding of the key.
static llvm::Error zkeyJson(llvm::StringRef Path) {
  auto Z = Zkey::open(Path);
  if (!Z)
    return Z.takeError();
  const Groth16Header &H = Z->header();
  llvm::outs() << "{\"nVars\":" << H.NVars << ",\"nPublic\":" << H.NPublic
               << ",\"domainSize\":" << H.DomainSize
               << ",\"vk_alpha_1\":" << g1Json(H.Alpha1)
               << ",\"vk_beta_1\":" << g1Json(H.Beta1)
               << ",\"vk_beta_2\":" << g2Json(H.Beta2)
               << ",\"vk_gamma_2\":" << g2Json(H.Gamma2)
               << ",\"vk_delta_1\":" << g1Json(H.Delta1)
               << ",\"vk_delta_2\":" << g2Json(H.Delta2) << ",\"IC\":[";
  for (size_t I = 0; I < Z->ic().size(); ++I)
    llvm::outs() << (I ? "," : "") << g1Json(Z->ic()[I]);
  llvm::outs() << "],\"nCoefficients\":" << Z->coefficients().size() << "}\n";
  return llvm::Error::success();
}

/// The coefficients section must be exactly the A and B terms of the
/// circuit's constraints, plus A entries 1 at rows nConstraints + s for each
/// public signal s (snarkjs's zkey_new.js). Checks our decoding of the
/// twice-Montgomery values against independent data.
static llvm::Error zkeyVsR1cs(llvm::StringRef ZkeyPath,
                              llvm::StringRef R1csPath) {
  auto Z = Zkey::open(ZkeyPath);
  if (!Z)
    return Z.takeError();
  if (auto E = Z->validatePoints())
    return E;
  auto R = readR1cs(R1csPath);
  if (!R)
    return R.takeError();
  const Groth16Header &H = Z->header();
  if (H.NVars != R->NWires || H.NPublic != R->numPublic())
    return fail("zkey and r1cs disagree on nVars or nPublic");
  using Key = std::tuple<uint32_t, uint32_t, uint32_t>;
  std::map<Key, bn254::Fr> Want;
  for (size_t C = 0; C < R->Constraints.size(); ++C) {
    for (const r1cs::Term &T : R->Constraints[C].A)
      Want[{0, uint32_t(C), T.Wire}] += T.Coeff;
    for (const r1cs::Term &T : R->Constraints[C].B)
      Want[{1, uint32_t(C), T.Wire}] += T.Coeff;
  }
  for (uint32_t S = 0; S <= R->numPublic(); ++S)
    Want[{0, uint32_t(R->Constraints.size()) + S, S}] += bn254::Fr::one();
  std::map<Key, bn254::Fr> Have;
  for (const ZkeyCoefficient &C : Z->coefficients())
    Have[{C.Matrix, C.Constraint, C.Signal}] += C.Value;
  if (Have.size() != Want.size())
    return fail(llvm::formatv("zkey has {0} distinct coefficients, r1cs "
                              "implies {1}",
                              Have.size(), Want.size()));
  for (auto &[K, V] : Want) {
    auto It = Have.find(K);
    if (It == Have.end() || It->second != V)
      return fail(llvm::formatv("coefficient matrix {0} constraint {1} signal "
                                "{2}: zkey {3}, r1cs {4}",
                                std::get<0>(K), std::get<1>(K), std::get<2>(K),
                                It == Have.end() ? std::string("missing")
                                                 : It->second.toDecimal(),
                                V.toDecimal()));
  }
  llvm::outs() << "coefficients match: " << Have.size() << "\n";
  return llvm::Error::success();
}

static bn254::G1Affine g1At(PointSection S, size_t I) {
  return decodeG1MontUnchecked(S.Data + I * kG1Bytes);
}

/// Cross-checks a fresh key (no contributions) against the prepared ptau it
/// came from: alpha1, beta1, beta2 copied from the ptau, H the odd Lagrange
/// points of the doubled domain.
static llvm::Error zkeyVsPtau(llvm::StringRef ZkeyPath,
                              llvm::StringRef PtauPath) {
  auto Z = Zkey::open(ZkeyPath);
  if (!Z)
    return Z.takeError();
  auto P = Ptau::open(PtauPath);
  if (!P)
    return P.takeError();
  const Groth16Header &H = Z->header();
  if (H.Alpha1 != g1At(P->alphaTauG1(), 0) ||
      H.Beta1 != g1At(P->betaTauG1(), 0) ||
      H.Beta2 != decodeG2MontUnchecked(P->betaG2().Data))
    return fail("alpha1/beta1/beta2 differ from the ptau's");
  if (H.Gamma2 != bn254::g2Generator() || H.Delta2 != bn254::g2Generator() ||
      H.Delta1 != bn254::g1Generator())
    return fail("a fresh key's gamma2/delta are not the generators");
  uint32_t Log2 = 0;
  while ((1u << Log2) < H.DomainSize)
    ++Log2;
  auto Block = P->lagrangeBlock(P->lagrangeTauG1(), Log2 + 1, kG1Bytes);
  if (!Block)
    return Block.takeError();
  for (uint32_t I = 0; I < H.DomainSize; ++I)
    if (decodeG1MontUnchecked(Z->h().Data + I * kG1Bytes) !=
        g1At(*Block, 2 * I + 1))
      return fail(llvm::formatv("H[{0}] differs from the ptau's Lagrange "
                                "point {1} of domain 2^{2}",
                                I, 2 * I + 1, Log2 + 1));
  llvm::outs() << "zkey matches ptau\n";
  return llvm::Error::success();
}

/// Decodes a ptau and checks what must hold for any honest one: the first
/// powers are the generators, and the size-1 Lagrange blocks equal them.
static llvm::Error ptauInfo(llvm::StringRef Path) {
  auto P = Ptau::open(Path);
  if (!P)
    return P.takeError();
  PointSection Sections[] = {P->tauG1(), P->alphaTauG1(), P->betaTauG1()};
  for (PointSection S : Sections)
    for (size_t I = 0; I < S.Count; ++I)
      if (!decodeG1Mont(S.Data + I * kG1Bytes))
        return fail(llvm::formatv("{0}: G1 point {1} invalid", Path, I));
  if (g1At(P->tauG1(), 0) != bn254::g1Generator() ||
      decodeG2MontUnchecked(P->tauG2().Data) != bn254::g2Generator())
    return fail(llvm::Twine(Path) + ": tau^0 is not the generator");
  if (P->prepared()) {
    auto L0 = P->lagrangeBlock(P->lagrangeTauG1(), 0, kG1Bytes);
    if (!L0)
      return L0.takeError();
    if (g1At(*L0, 0) != bn254::g1Generator())
      return fail(llvm::Twine(Path) + ": size-1 Lagrange tauG1 is not G1");
    auto L1 = P->lagrangeBlock(P->lagrangeAlphaTauG1(), 0, kG1Bytes);
    if (!L1)
      return L1.takeError();
    if (g1At(*L1, 0) != g1At(P->alphaTauG1(), 0))
      return fail(llvm::Twine(Path) + ": size-1 Lagrange alphaTauG1 differs");
  }
  llvm::outs() << "power=" << P->power()
               << " ceremonyPower=" << P->ceremonyPower()
               << " prepared=" << (P->prepared() ? 1 : 0) << "\n";
  return llvm::Error::success();
}

static llvm::Error run(llvm::StringRef Cmd, llvm::ArrayRef<const char *> A) {
  auto Need = [&](size_t N) -> llvm::Error {
    if (A.size() == N)
      return llvm::Error::success();
    return fail(llvm::formatv("{0}: expected {1} arguments", Cmd, N));
  };
  if (Cmd == "copy-r1cs" || Cmd == "copy-wtns" || Cmd == "copy-sym" ||
      Cmd == "copy-zkey") {
    if (auto E = Need(2))
      return E;
    if (Cmd == "copy-r1cs") {
      auto R = readR1cs(A[0]);
      return R ? writeR1cs(*R, A[1]) : R.takeError();
    }
    if (Cmd == "copy-wtns") {
      auto W = readWtns(A[0]);
      return W ? writeWtns(*W, A[1]) : W.takeError();
    }
    if (Cmd == "copy-sym") {
      auto S = readSym(A[0]);
      return S ? writeSym(*S, A[1]) : S.takeError();
    }
    auto Z = Zkey::open(A[0]);
    if (!Z)
      return Z.takeError();
    auto K = loadZkeyContents(*Z);
    return K ? writeZkey(*K, A[1]) : K.takeError();
  }
  if (Cmd == "rewrite-zkey-as-new") {
    // What `zkevmc setup` writes: setup's section order and a fresh
    // section 10 (zero circuit hash, no contributions).
    if (auto E = Need(2))
      return E;
    auto Z = Zkey::open(A[0]);
    if (!Z)
      return Z.takeError();
    auto K = loadZkeyContents(*Z);
    if (!K)
      return K.takeError();
    K->Contributions.clear();
    K->SectionOrder.clear();
    return writeZkey(*K, A[1]);
  }
  if (Cmd == "check") {
    if (auto E = Need(2))
      return E;
    auto R = readR1cs(A[0]);
    if (!R)
      return R.takeError();
    auto W = readWtns(A[1]);
    if (!W)
      return W.takeError();
    if (auto E = checkWitness(*R, *W))
      return E;
    llvm::outs() << "witness satisfies " << R->Constraints.size()
                 << " constraints\n";
    return llvm::Error::success();
  }
  if (Cmd == "r1cs-info") {
    if (auto E = Need(1))
      return E;
    auto R = readR1cs(A[0]);
    if (!R)
      return R.takeError();
    llvm::outs() << "{\"nWires\":" << R->NWires << ",\"nPubOut\":" << R->NPubOut
                 << ",\"nPubIn\":" << R->NPubIn << ",\"nPrvIn\":" << R->NPrvIn
                 << ",\"nLabels\":" << R->NLabels
                 << ",\"nConstraints\":" << R->Constraints.size() << "}\n";
    return llvm::Error::success();
  }
  if (Cmd == "zkey-json") {
    if (auto E = Need(1))
      return E;
    return zkeyJson(A[0]);
  }
  if (Cmd == "zkey-vs-r1cs") {
    if (auto E = Need(2))
      return E;
    return zkeyVsR1cs(A[0], A[1]);
  }
  if (Cmd == "zkey-vs-ptau") {
    if (auto E = Need(2))
      return E;
    return zkeyVsPtau(A[0], A[1]);
  }
  if (Cmd == "ptau-info") {
    if (auto E = Need(1))
      return E;
    return ptauInfo(A[0]);
  }
  return fail(
      "unknown command '" + Cmd +
      "' (copy-r1cs|copy-wtns|copy-sym|copy-zkey|rewrite-zkey-as-new IN OUT, "
      "check R1CS "
      "WTNS, r1cs-info R1CS, zkey-json ZKEY, zkey-vs-r1cs ZKEY R1CS, "
      "zkey-vs-ptau ZKEY PTAU, ptau-info PTAU)");
}

int main(int Argc, char **Argv) {
  if (Argc < 2) {
    llvm::errs() << "usage: zkevmc-formats-tool <command> args...\n";
    return 1;
  }
  if (llvm::Error E = run(
          Argv[1], llvm::ArrayRef<const char *>(Argv + 2, size_t(Argc - 2)))) {
    llvm::errs() << "error: " << llvm::toString(std::move(E)) << "\n";
    return 1;
  }
  return 0;
}
