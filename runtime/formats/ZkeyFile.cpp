//===- ZkeyFile.cpp - snarkjs Groth16 proving keys (.zkey) ----------------===//

#include "runtime/formats/ZkeyFile.h"
#include "runtime/formats/PrimeField.h"

#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <cstring>
#include <type_traits>

using namespace zkevmc;
using namespace zkevmc::formats;
using bn254::Fq;
using bn254::Fq2;
using bn254::Fr;
using bn254::G1Affine;
using bn254::G2Affine;

namespace {
enum : uint32_t {
  kHeader = 1,
  kGroth16Header = 2,
  kIC = 3,
  kCoeffs = 4,
  kA = 5,
  kB1 = 6,
  kB2 = 7,
  kC = 8,
  kH = 9,
  kContributions = 10,
};
constexpr uint32_t kGroth16Protocol = 1;
constexpr uint64_t kCoeffBytes = 12 + kFrBytes;
/// Fr has 2-adicity 28: no radix-2 domain is larger.
constexpr uint32_t kMaxDomainLog2 = 28;

bool allZero(const uint8_t *B, size_t N) {
  for (size_t I = 0; I < N; ++I)
    if (B[I])
      return false;
  return true;
}

Fq fqUnchecked(const uint8_t *B) {
  bn254::Limbs L;
  for (int I = 0; I < 4; ++I)
    L[I] = readLE64(B + 8 * I);
  return Fq::fromMontgomery(L);
}
} // namespace

static llvm::Error makeError(const llvm::Twine &Msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Msg);
}

//===----------------------------------------------------------------------===//
// Point and coefficient codecs
//===----------------------------------------------------------------------===//

std::optional<G1Affine> formats::decodeG1Mont(const uint8_t *In) {
  if (allZero(In, kG1Bytes))
    return G1Affine::infinity();
  auto X = Fq::fromMontgomeryBytesLE(In);
  auto Y = Fq::fromMontgomeryBytesLE(In + 32);
  if (!X || !Y)
    return std::nullopt;
  G1Affine P(*X, *Y);
  if (!P.isOnCurve())
    return std::nullopt;
  return P;
}

std::optional<G2Affine> formats::decodeG2Mont(const uint8_t *In) {
  if (allZero(In, kG2Bytes))
    return G2Affine::infinity();
  std::optional<Fq> C[4];
  for (int I = 0; I < 4; ++I) {
    C[I] = Fq::fromMontgomeryBytesLE(In + 32 * I);
    if (!C[I])
      return std::nullopt;
  }
  G2Affine Q(Fq2(*C[0], *C[1]), Fq2(*C[2], *C[3]));
  if (!Q.isOnCurve())
    return std::nullopt;
  return Q;
}

G1Affine formats::decodeG1MontUnchecked(const uint8_t *In) {
  if (allZero(In, kG1Bytes))
    return G1Affine::infinity();
  return G1Affine(fqUnchecked(In), fqUnchecked(In + 32));
}

G2Affine formats::decodeG2MontUnchecked(const uint8_t *In) {
  if (allZero(In, kG2Bytes))
    return G2Affine::infinity();
  return G2Affine(Fq2(fqUnchecked(In), fqUnchecked(In + 32)),
                  Fq2(fqUnchecked(In + 64), fqUnchecked(In + 96)));
}

void formats::encodeG1Mont(const G1Affine &P, uint8_t *Out) {
  if (P.Infinity) {
    std::memset(Out, 0, kG1Bytes);
    return;
  }
  P.X.toMontgomeryBytesLE(Out);
  P.Y.toMontgomeryBytesLE(Out + 32);
}

void formats::encodeG2Mont(const G2Affine &Q, uint8_t *Out) {
  if (Q.Infinity) {
    std::memset(Out, 0, kG2Bytes);
    return;
  }
  Q.X.C0.toMontgomeryBytesLE(Out);
  Q.X.C1.toMontgomeryBytesLE(Out + 32);
  Q.Y.C0.toMontgomeryBytesLE(Out + 64);
  Q.Y.C1.toMontgomeryBytesLE(Out + 96);
}

// The stored integer is v * R^2 mod r. Read as Montgomery limbs it is the
// element v * R; its canonical value v * R mod r is in turn v's Montgomery
// limbs.
Fr formats::decodeZkeyCoefficient(const uint8_t *In) {
  bn254::Limbs Raw;
  for (int I = 0; I < 4; ++I)
    Raw[I] = readLE64(In + 8 * I);
  return Fr::fromMontgomery(Fr::fromMontgomery(Raw).toLimbs());
}

void formats::encodeZkeyCoefficient(const Fr &V, uint8_t *Out) {
  // The element whose canonical value is v's Montgomery limbs (v * R) has
  // Montgomery limbs v * R^2.
  Fr::fromLimbsReduced(V.montgomery()).toMontgomeryBytesLE(Out);
}

//===----------------------------------------------------------------------===//
// Reading
//===----------------------------------------------------------------------===//

static llvm::Expected<G1Affine> readG1(SectionReader &Rd,
                                       llvm::StringRef Field) {
  auto P = Rd.bytes(kG1Bytes, Field);
  if (!P)
    return P.takeError();
  auto Pt = decodeG1Mont(*P);
  if (!Pt)
    return Rd.error(Field + " is not a point of G1 (coordinate >= q or not "
                            "on the curve)");
  return *Pt;
}

static llvm::Expected<G2Affine> readG2(SectionReader &Rd,
                                       llvm::StringRef Field) {
  auto P = Rd.bytes(kG2Bytes, Field);
  if (!P)
    return P.takeError();
  auto Pt = decodeG2Mont(*P);
  if (!Pt)
    return Rd.error(Field + " is not a point of G2 (coordinate >= q or not "
                            "on the twist)");
  if (!bn254::isInG2Subgroup(*Pt))
    return Rd.error(Field + " is not in the order-r subgroup of G2");
  return *Pt;
}

/// Finds a point section and checks its size is exactly Count points.
llvm::Expected<PointSection>
formats::pointSection(const BinFile &File, uint32_t Type, llvm::StringRef What,
                      uint64_t Count, size_t Stride) {
  auto Sec = File.section(Type, What);
  if (!Sec)
    return Sec.takeError();
  if (Sec->Size != Count * Stride)
    return File.error(llvm::formatv("section {0} ({1}): size {2} bytes, "
                                    "expected {3} points of {4} bytes = {5}",
                                    Type, What, Sec->Size, Count, Stride,
                                    Count * Stride)
                          .str());
  return PointSection{Sec->Data, size_t(Count)};
}

llvm::Expected<Zkey> Zkey::open(llvm::StringRef Path) {
  // snarkjs reads versions up to 2 and writes 1; the Groth16 layout is the
  // same in both.
  auto File = BinFile::open(Path, "zkey", 1, 2);
  if (!File)
    return File.takeError();
  Zkey Z(std::move(*File));
  const BinFile &F = Z.File;

  {
    auto Sec = F.section(kHeader, "header");
    if (!Sec)
      return Sec.takeError();
    SectionReader Rd(F, *Sec, kHeader, "header");
    auto Protocol = Rd.u32("protocol");
    if (!Protocol)
      return Protocol.takeError();
    if (*Protocol != kGroth16Protocol)
      return Rd.error(llvm::formatv("protocol {0} is not Groth16 (1); PLONK "
                                    "(2) and FFLONK (10) keys are unsupported",
                                    *Protocol)
                          .str());
    if (auto E = Rd.expectEnd())
      return E;
  }

  Groth16Header &H = Z.Header;
  {
    auto Sec = F.section(kGroth16Header, "Groth16 header");
    if (!Sec)
      return Sec.takeError();
    SectionReader Rd(F, *Sec, kGroth16Header, "Groth16 header");
    if (auto E = expectPrime(Rd, Fq::Modulus, "BN254's base field q"))
      return E;
    if (auto E = expectPrime(Rd, Fr::Modulus, "BN254's scalar field r"))
      return E;
    uint32_t *U32s[] = {&H.NVars, &H.NPublic, &H.DomainSize};
    const char *Names[] = {"nVars", "nPublic", "domainSize"};
    for (int I = 0; I < 3; ++I) {
      auto V = Rd.u32(Names[I]);
      if (!V)
        return V.takeError();
      *U32s[I] = *V;
    }
    G1Affine *G1s[] = {&H.Alpha1, &H.Beta1};
    const char *G1Names[] = {"alpha1", "beta1"};
    for (int I = 0; I < 2; ++I) {
      auto P = readG1(Rd, G1Names[I]);
      if (!P)
        return P.takeError();
      *G1s[I] = *P;
    }
    G2Affine *G2s[] = {&H.Beta2, &H.Gamma2};
    const char *G2Names[] = {"beta2", "gamma2"};
    for (int I = 0; I < 2; ++I) {
      auto P = readG2(Rd, G2Names[I]);
      if (!P)
        return P.takeError();
      *G2s[I] = *P;
    }
    auto D1 = readG1(Rd, "delta1");
    if (!D1)
      return D1.takeError();
    H.Delta1 = *D1;
    auto D2 = readG2(Rd, "delta2");
    if (!D2)
      return D2.takeError();
    H.Delta2 = *D2;
    if (auto E = Rd.expectEnd())
      return E;

    if (uint64_t(H.NPublic) + 1 > H.NVars)
      return Rd.error(llvm::formatv("nPublic + 1 = {0} exceeds nVars = {1}",
                                    uint64_t(H.NPublic) + 1, H.NVars)
                          .str());
    if (H.DomainSize == 0 || (H.DomainSize & (H.DomainSize - 1)) != 0 ||
        H.DomainSize > (1u << kMaxDomainLog2))
      return Rd.error(llvm::formatv("domainSize {0} is not a power of two "
                                    "between 1 and 2^{1}",
                                    H.DomainSize, kMaxDomainLog2)
                          .str());
  }

  {
    auto IC = pointSection(F, kIC, "IC", uint64_t(H.NPublic) + 1, kG1Bytes);
    if (!IC)
      return IC.takeError();
    Z.IC.reserve(IC->Count);
    for (size_t I = 0; I < IC->Count; ++I) {
      auto P = decodeG1Mont(IC->Data + I * kG1Bytes);
      if (!P)
        return F.error(llvm::formatv("section 3 (IC): point {0} is not a "
                                     "point of G1 (coordinate >= q or not on "
                                     "the curve)",
                                     I)
                           .str());
      Z.IC.push_back(*P);
    }
  }

  {
    auto Sec = F.section(kCoeffs, "coefficients");
    if (!Sec)
      return Sec.takeError();
    SectionReader Rd(F, *Sec, kCoeffs, "coefficients");
    auto N = Rd.u32("count");
    if (!N)
      return N.takeError();
    if (Sec->Size != 4 + uint64_t(*N) * kCoeffBytes)
      return Rd.error(llvm::formatv("size {0} bytes, expected 4 + {1} "
                                    "coefficients * {2} = {3}",
                                    Sec->Size, *N, kCoeffBytes,
                                    4 + uint64_t(*N) * kCoeffBytes)
                          .str());
    Z.Coeffs.reserve(*N);
    for (uint32_t I = 0; I < *N; ++I) {
      const uint8_t *P = Sec->Data + 4 + uint64_t(I) * kCoeffBytes;
      ZkeyCoefficient C;
      C.Matrix = readLE32(P);
      C.Constraint = readLE32(P + 4);
      C.Signal = readLE32(P + 8);
      if (C.Matrix > 1)
        return Rd.error(llvm::formatv("coefficient {0}: matrix {1} is not 0 "
                                      "(A) or 1 (B)",
                                      I, C.Matrix)
                            .str());
      if (C.Constraint >= H.DomainSize)
        return Rd.error(llvm::formatv("coefficient {0}: constraint {1} not "
                                      "below domainSize = {2}",
                                      I, C.Constraint, H.DomainSize)
                            .str());
      if (C.Signal >= H.NVars)
        return Rd.error(llvm::formatv("coefficient {0}: signal {1} not below "
                                      "nVars = {2}",
                                      I, C.Signal, H.NVars)
                            .str());
      if (!Fr::fromMontgomeryBytesLE(P + 12))
        return Rd.error(llvm::formatv("coefficient {0}: value {1} is not "
                                      "below the prime",
                                      I, leBytesToDecimal(P + 12, kFrBytes))
                            .str());
      C.Value = decodeZkeyCoefficient(P + 12);
      Z.Coeffs.push_back(C);
    }
  }

  struct {
    uint32_t Type;
    const char *What;
    uint64_t Count;
    size_t Stride;
    PointSection *Out;
  } Points[] = {
      {kA, "A", H.NVars, kG1Bytes, &Z.A},
      {kB1, "B1", H.NVars, kG1Bytes, &Z.B1},
      {kB2, "B2", H.NVars, kG2Bytes, &Z.B2},
      {kC, "C", uint64_t(H.NVars) - H.NPublic - 1, kG1Bytes, &Z.C},
      {kH, "H", H.DomainSize, kG1Bytes, &Z.H},
  };
  for (auto &P : Points) {
    auto S = pointSection(F, P.Type, P.What, P.Count, P.Stride);
    if (!S)
      return S.takeError();
    *P.Out = *S;
  }

  {
    auto Sec = F.section(kContributions, "contributions");
    if (!Sec)
      return Sec.takeError();
    SectionReader Rd(F, *Sec, kContributions, "contributions");
    if (auto Hash = Rd.bytes(64, "circuit hash"); !Hash)
      return Hash.takeError();
    if (auto Count = Rd.u32("contribution count"); !Count)
      return Count.takeError();
    Z.Contributions = *Sec;
  }
  return Z;
}

static llvm::Error checkPoints(llvm::StringRef Path, PointSection S,
                               uint32_t Type, const char *What, bool IsG2) {
  size_t Stride = IsG2 ? kG2Bytes : kG1Bytes;
  for (size_t I = 0; I < S.Count; ++I) {
    const uint8_t *P = S.Data + I * Stride;
    bool Ok;
    if (IsG2) {
      auto Q = decodeG2Mont(P);
      Ok = Q && bn254::isInG2Subgroup(*Q);
    } else {
      Ok = decodeG1Mont(P).has_value();
    }
    if (!Ok)
      return makeError(llvm::formatv("{0}: section {1} ({2}): point {3} is not "
                                     "a valid {4} point (coordinate >= q, off "
                                     "the curve{5})",
                                     Path, Type, What, I, IsG2 ? "G2" : "G1",
                                     IsG2 ? " or outside the subgroup" : "")
                           .str());
  }
  return llvm::Error::success();
}

llvm::Error Zkey::validatePoints() const {
  if (auto E = checkPoints(path(), A, kA, "A", false))
    return E;
  if (auto E = checkPoints(path(), B1, kB1, "B1", false))
    return E;
  if (auto E = checkPoints(path(), B2, kB2, "B2", true))
    return E;
  if (auto E = checkPoints(path(), C, kC, "C", false))
    return E;
  return checkPoints(path(), H, kH, "H", false);
}

template <typename Pt>
static llvm::Error loadPoints(llvm::StringRef Path, PointSection S,
                              uint32_t Type, const char *What,
                              std::vector<Pt> &Out) {
  constexpr bool IsG2 = std::is_same_v<Pt, G2Affine>;
  constexpr size_t Stride = IsG2 ? kG2Bytes : kG1Bytes;
  Out.clear();
  Out.reserve(S.Count);
  for (size_t I = 0; I < S.Count; ++I) {
    std::optional<Pt> P;
    if constexpr (IsG2)
      P = decodeG2Mont(S.Data + I * Stride);
    else
      P = decodeG1Mont(S.Data + I * Stride);
    if (!P)
      return makeError(llvm::formatv("{0}: section {1} ({2}): point {3} is not "
                                     "on the curve or has a coordinate >= q",
                                     Path, Type, What, I)
                           .str());
    Out.push_back(*P);
  }
  return llvm::Error::success();
}

llvm::Expected<ZkeyContents> formats::loadZkeyContents(const Zkey &Z) {
  ZkeyContents K;
  K.Header = Z.header();
  K.IC = Z.ic();
  K.Coeffs = Z.coefficients();
  if (auto E = loadPoints(Z.path(), Z.a(), kA, "A", K.A))
    return E;
  if (auto E = loadPoints(Z.path(), Z.b1(), kB1, "B1", K.B1))
    return E;
  if (auto E = loadPoints(Z.path(), Z.b2(), kB2, "B2", K.B2))
    return E;
  if (auto E = loadPoints(Z.path(), Z.c(), kC, "C", K.C))
    return E;
  if (auto E = loadPoints(Z.path(), Z.h(), kH, "H", K.H))
    return E;
  SectionRef Contrib = Z.contributions();
  K.Contributions.assign(Contrib.Data, Contrib.Data + Contrib.Size);
  // Sections other than 1-10 (none that snarkjs writes) are not carried.
  for (uint32_t Type : Z.sectionOrder())
    if (Type >= kHeader && Type <= kContributions)
      K.SectionOrder.push_back(Type);
  return K;
}

//===----------------------------------------------------------------------===//
// Writing
//===----------------------------------------------------------------------===//

static llvm::Error checkCount(llvm::StringRef Path, const char *What,
                              size_t Have, uint64_t Want) {
  if (Have == Want)
    return llvm::Error::success();
  return makeError(llvm::formatv("{0}: {1} has {2} points, the header implies "
                                 "{3}",
                                 Path, What, Have, Want)
                       .str());
}

template <typename Pt>
static void writePoints(BinFileWriter &W, const std::vector<Pt> &Pts) {
  constexpr bool IsG2 = std::is_same_v<Pt, G2Affine>;
  uint8_t B[kG2Bytes];
  for (const Pt &P : Pts) {
    if constexpr (IsG2) {
      encodeG2Mont(P, B);
      W.write(B, kG2Bytes);
    } else {
      encodeG1Mont(P, B);
      W.write(B, kG1Bytes);
    }
  }
}

llvm::Error formats::writeZkey(const ZkeyContents &K, llvm::StringRef Path) {
  const Groth16Header &H = K.Header;
  if (uint64_t(H.NPublic) + 1 > H.NVars)
    return makeError(llvm::formatv("{0}: NPublic + 1 = {1} exceeds NVars = {2}",
                                   Path, uint64_t(H.NPublic) + 1, H.NVars)
                         .str());
  if (H.DomainSize == 0 || (H.DomainSize & (H.DomainSize - 1)) != 0 ||
      H.DomainSize > (1u << kMaxDomainLog2))
    return makeError(llvm::formatv("{0}: DomainSize {1} is not a power of two "
                                   "between 1 and 2^{2}",
                                   Path, H.DomainSize, kMaxDomainLog2)
                         .str());
  if (auto E = checkCount(Path, "IC", K.IC.size(), uint64_t(H.NPublic) + 1))
    return E;
  if (auto E = checkCount(Path, "A", K.A.size(), H.NVars))
    return E;
  if (auto E = checkCount(Path, "B1", K.B1.size(), H.NVars))
    return E;
  if (auto E = checkCount(Path, "B2", K.B2.size(), H.NVars))
    return E;
  if (auto E =
          checkCount(Path, "C", K.C.size(), uint64_t(H.NVars) - H.NPublic - 1))
    return E;
  if (auto E = checkCount(Path, "H", K.H.size(), H.DomainSize))
    return E;
  if (K.Coeffs.size() > UINT32_MAX)
    return makeError(llvm::Twine(Path) + ": more than 2^32-1 coefficients");
  for (size_t I = 0; I < K.Coeffs.size(); ++I) {
    const ZkeyCoefficient &C = K.Coeffs[I];
    if (C.Matrix > 1 || C.Constraint >= H.DomainSize || C.Signal >= H.NVars)
      return makeError(llvm::formatv("{0}: coefficient {1} (matrix {2}, "
                                     "constraint {3}, signal {4}) out of range",
                                     Path, I, C.Matrix, C.Constraint, C.Signal)
                           .str());
  }
  if (!K.Contributions.empty() && K.Contributions.size() < 68)
    return makeError(llvm::formatv("{0}: contributions section of {1} bytes "
                                   "is shorter than a hash and a count (68)",
                                   Path, K.Contributions.size())
                         .str());

  std::vector<uint32_t> Order = K.SectionOrder;
  if (Order.empty())
    Order = {kHeader, kGroth16Header, kCoeffs, kIC, kH, kC, kA, kB1,
             kB2,     kContributions};
  {
    std::vector<uint32_t> Sorted = Order;
    std::sort(Sorted.begin(), Sorted.end());
    for (uint32_t I = 0; I < Sorted.size(); ++I)
      if (Sorted.size() != 10 || Sorted[I] != I + 1)
        return makeError(llvm::Twine(Path) +
                         ": SectionOrder is not a permutation of 1..10");
  }

  auto W = BinFileWriter::create(Path, "zkey", 1, 10);
  if (!W)
    return W.takeError();
  uint8_t B[kCoeffBytes];
  for (uint32_t Type : Order) {
    if (auto E = W->beginSection(Type))
      return E;
    switch (Type) {
    case kHeader:
      W->writeU32(kGroth16Protocol);
      break;
    case kGroth16Header:
      writePrime(*W, Fq::Modulus);
      writePrime(*W, Fr::Modulus);
      W->writeU32(H.NVars);
      W->writeU32(H.NPublic);
      W->writeU32(H.DomainSize);
      writePoints(*W, std::vector<G1Affine>{H.Alpha1, H.Beta1});
      writePoints(*W, std::vector<G2Affine>{H.Beta2, H.Gamma2});
      writePoints(*W, std::vector<G1Affine>{H.Delta1});
      writePoints(*W, std::vector<G2Affine>{H.Delta2});
      break;
    case kIC:
      writePoints(*W, K.IC);
      break;
    case kCoeffs:
      W->writeU32(uint32_t(K.Coeffs.size()));
      for (const ZkeyCoefficient &C : K.Coeffs) {
        writeLE32(B, C.Matrix);
        writeLE32(B + 4, C.Constraint);
        writeLE32(B + 8, C.Signal);
        encodeZkeyCoefficient(C.Value, B + 12);
        W->write(B, kCoeffBytes);
      }
      break;
    case kA:
      writePoints(*W, K.A);
      break;
    case kB1:
      writePoints(*W, K.B1);
      break;
    case kB2:
      writePoints(*W, K.B2);
      break;
    case kC:
      writePoints(*W, K.C);
      break;
    case kH:
      writePoints(*W, K.H);
      break;
    case kContributions:
      if (K.Contributions.empty()) {
        uint8_t Fresh[68] = {};
        W->write(Fresh, sizeof(Fresh));
      } else {
        W->write(K.Contributions.data(), K.Contributions.size());
      }
      break;
    }
    if (auto E = W->endSection())
      return E;
  }
  return W->close();
}
