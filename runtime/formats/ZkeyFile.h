//===- ZkeyFile.h - snarkjs Groth16 proving keys (.zkey) --------*- C++ -*-===//
//
// The .zkey layout snarkjs 0.7 reads and writes (magic "zkey", version 1):
//   1  header: u32 protocol (1 = Groth16)
//   2  Groth16 header: u32 n8q, q, u32 n8r, r, u32 nVars, u32 nPublic,
//      u32 domainSize, alpha1, beta1, beta2, gamma2, delta1, delta2
//   3  IC: nPublic+1 G1 points
//   4  coefficients: u32 n, then n x (u32 matrix (0=A, 1=B), u32 constraint,
//      u32 signal, 32-byte value)
//   5  A: nVars G1      6 B1: nVars G1      7 B2: nVars G2
//   8  C: nVars-nPublic-1 G1 (private signals only)
//   9  H: domainSize G1
//   10 contributions: 64-byte circuit hash, u32 count, then the MPC
//      contributions (kept verbatim)
// Points are affine, coordinates little-endian in Montgomery form: G1 is
// x || y (64 bytes), G2 is x.c0 x.c1 y.c0 y.c1 (128 bytes); all-zero bytes
// encode the point at infinity.
//
// Section-4 values are "twice Montgomery": the 32 bytes are the canonical
// integer v * R^2 mod r (R = 2^256) for the coefficient v. snarkjs's
// zkey_new.js multiplies by R^2 before writing, so that its prover's
// Montgomery product with a canonical witness value w lands on the
// Montgomery form of v * w. coefficients() decodes them to plain field
// elements; writeZkey encodes them back.
//
// `snarkjs groth16 setup` writes the sections in the file order
// 1 2 4 3 9 8 5 6 7 10, `snarkjs zkey contribute` in the order 1..10; the
// reader accepts any order and writeZkey takes the order as a parameter.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_FORMATS_ZKEYFILE_H
#define ZKEVMC_RUNTIME_FORMATS_ZKEYFILE_H

#include "runtime/bn254/Curve.h"
#include "runtime/formats/BinFile.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace zkevmc::formats {

constexpr size_t kG1Bytes = 64;
constexpr size_t kG2Bytes = 128;
constexpr size_t kFrBytes = 32;

/// Decoders for the Montgomery little-endian point layout. They check that
/// coordinates are < q and the point is on its curve (all-zero = infinity);
/// nullopt otherwise. They do NOT check G2 subgroup membership (that is
/// Zkey::validatePoints's job): the prover's hot path decodes millions.
std::optional<bn254::G1Affine> decodeG1Mont(const uint8_t *In64);
std::optional<bn254::G2Affine> decodeG2Mont(const uint8_t *In128);
/// Unchecked decoders for data already validated (e.g. by Zkey::open plus
/// validatePoints, or produced by us). Coordinates >= q are not reduced.
bn254::G1Affine decodeG1MontUnchecked(const uint8_t *In64);
bn254::G2Affine decodeG2MontUnchecked(const uint8_t *In128);
void encodeG1Mont(const bn254::G1Affine &P, uint8_t *Out64);
void encodeG2Mont(const bn254::G2Affine &Q, uint8_t *Out128);

/// Section-4 coefficient value codec (see the file comment).
bn254::Fr decodeZkeyCoefficient(const uint8_t *In32Raw); // caller checked < r
void encodeZkeyCoefficient(const bn254::Fr &V, uint8_t *Out32);

struct Groth16Header {
  uint32_t NVars = 0, NPublic = 0, DomainSize = 0;
  bn254::G1Affine Alpha1, Beta1, Delta1;
  bn254::G2Affine Beta2, Gamma2, Delta2;
};

struct ZkeyCoefficient {
  uint32_t Matrix = 0; // 0 = A, 1 = B
  uint32_t Constraint = 0, Signal = 0;
  bn254::Fr Value;
};

/// Count points laid out back to back in the raw file format above (64 bytes
/// each for G1 sections, 128 for G2 ones).
struct PointSection {
  const uint8_t *Data = nullptr;
  size_t Count = 0;
};

/// Section Type of File as Count points of Stride bytes each; an error
/// naming the file and the section (What) when its size differs.
llvm::Expected<PointSection> pointSection(const BinFile &File, uint32_t Type,
                                          llvm::StringRef What, uint64_t Count,
                                          size_t Stride);

/// A read-only mmap view of a Groth16 .zkey. The header, IC and
/// coefficients are decoded; the big point sections are not copied (the
/// prover streams them).
class Zkey {
public:
  /// Validates the container, protocol 1, the primes (BN254 q and r, n8 =
  /// 32), every section's size against nVars/nPublic/domainSize, the
  /// domain size (a power of two >= number of constraints + nPublic + 1 as
  /// implied by the coefficients), the header and IC points (on curve; G2
  /// header points in the subgroup), and the coefficients (matrix 0 or 1,
  /// signal < nVars, constraint < domainSize, value < r).
  static llvm::Expected<Zkey> open(llvm::StringRef Path);

  const Groth16Header &header() const { return Header; }
  const std::vector<bn254::G1Affine> &ic() const { return IC; }
  const std::vector<ZkeyCoefficient> &coefficients() const { return Coeffs; }
  PointSection a() const { return A; }
  PointSection b1() const { return B1; }
  PointSection b2() const { return B2; }
  PointSection c() const { return C; }
  PointSection h() const { return H; }
  /// Section 10 verbatim (circuit hash, contribution count, contributions).
  SectionRef contributions() const { return Contributions; }
  /// The 64-byte circuit hash at the start of section 10.
  const uint8_t *circuitHash() const { return Contributions.Data; }
  llvm::StringRef path() const { return File.path(); }
  /// Section types in file order.
  const std::vector<uint32_t> &sectionOrder() const {
    return File.sectionOrder();
  }

  /// Optional deep check of sections 5-9: every coordinate < q, every point
  /// on its curve, every G2 point in the order-r subgroup. The error names
  /// the section and the point index.
  llvm::Error validatePoints() const;

private:
  explicit Zkey(BinFile F) : File(std::move(F)) {}

  BinFile File;
  Groth16Header Header;
  std::vector<bn254::G1Affine> IC;
  std::vector<ZkeyCoefficient> Coeffs;
  PointSection A, B1, B2, C, H;
  SectionRef Contributions;
};

/// Everything a Groth16 .zkey holds, decoded. Section 10 is raw: empty means
/// a fresh key's (64 zero bytes of circuit hash, 0 contributions).
struct ZkeyContents {
  Groth16Header Header;
  std::vector<bn254::G1Affine> IC;
  std::vector<ZkeyCoefficient> Coeffs;
  std::vector<bn254::G1Affine> A, B1, C, H;
  std::vector<bn254::G2Affine> B2;
  std::vector<uint8_t> Contributions;
  /// The order to write sections 1-10 in (a permutation); empty means
  /// `snarkjs groth16 setup`'s order, 1 2 4 3 9 8 5 6 7 10.
  std::vector<uint32_t> SectionOrder;
};

/// Decodes every section of an opened key into memory (for tests, tools and
/// round trips; the prover uses the view instead). SectionOrder is the
/// file's, so writing the contents back reproduces a file that has only
/// sections 1-10 (as snarkjs's do); other sections are dropped.
llvm::Expected<ZkeyContents> loadZkeyContents(const Zkey &Z);

/// Writes a .zkey snarkjs can prove and verify with (what `zkevmc setup`
/// emits). Checks the vector sizes against the header first.
llvm::Error writeZkey(const ZkeyContents &K, llvm::StringRef Path);

} // namespace zkevmc::formats

#endif // ZKEVMC_RUNTIME_FORMATS_ZKEYFILE_H
