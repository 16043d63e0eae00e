//===- PtauFile.h - snarkjs powers-of-tau files (.ptau) ---------*- C++ -*-===//
//
// The .ptau layout of snarkjs 0.7 (magic "ptau", version 1), points in the
// same Montgomery little-endian affine layout as .zkey (ZkeyFile.h):
//   1  header: u32 n8 (32), q (n8 bytes LE), u32 power, u32 ceremonyPower
//   2  tauG1:      2^(power+1) - 1 G1 points   tau^i * G1
//   3  tauG2:      2^power G2 points           tau^i * G2
//   4  alphaTauG1: 2^power G1 points           alpha * tau^i * G1
//   5  betaTauG1:  2^power G1 points           beta * tau^i * G1
//   6  betaG2:     1 G2 point
//   7  contributions (not interpreted)
// `snarkjs powersoftau prepare phase2` adds the Lagrange forms: for each
// domain size 2^p, the points L_i(tau) * G for i < 2^p, concatenated for
// p = 0, 1, ..., so the block for 2^p starts at point index 2^p - 1:
//   12 tauG1 for p = 0 .. power+1 (2^(power+2) - 1 points; the p = power+1
//      block is computed from tauG1 padded with one infinity point)
//   13 tauG2, 14 alphaTauG1, 15 betaTauG1 for p = 0 .. power
//      (2^(power+1) - 1 points each).
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_FORMATS_PTAUFILE_H
#define ZKEVMC_RUNTIME_FORMATS_PTAUFILE_H

#include "runtime/formats/BinFile.h"
#include "runtime/formats/ZkeyFile.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <optional>

namespace zkevmc::formats {

class Ptau {
public:
  /// Maps Path and validates the header (BN254's q, n8 = 32, power <= 28,
  /// power <= ceremonyPower) and the size of every present section; sections
  /// 2-6 are required, 12-15 must be all present or all absent.
  static llvm::Expected<Ptau> open(llvm::StringRef Path);

  uint32_t power() const { return Power; }
  uint32_t ceremonyPower() const { return CeremonyPower; }
  /// True after `snarkjs powersoftau prepare phase2` (sections 12-15).
  bool prepared() const { return Prepared; }

  PointSection tauG1() const { return TauG1; }
  PointSection tauG2() const { return TauG2; }
  PointSection alphaTauG1() const { return AlphaTauG1; }
  PointSection betaTauG1() const { return BetaTauG1; }
  PointSection betaG2() const { return BetaG2; }

  /// The whole Lagrange sections (empty when not prepared).
  PointSection lagrangeTauG1() const { return LTauG1; }
  PointSection lagrangeTauG2() const { return LTauG2; }
  PointSection lagrangeAlphaTauG1() const { return LAlphaTauG1; }
  PointSection lagrangeBetaTauG1() const { return LBetaTauG1; }

  /// The 2^Log2N Lagrange points for one domain size inside a Lagrange
  /// section (G1 sections: Stride 64; G2: 128); an error when the file is
  /// not prepared or the domain is larger than the section holds.
  llvm::Expected<PointSection> lagrangeBlock(PointSection Whole, uint32_t Log2N,
                                             size_t Stride) const;

  llvm::StringRef path() const { return File.path(); }

private:
  explicit Ptau(BinFile F) : File(std::move(F)) {}

  BinFile File;
  uint32_t Power = 0, CeremonyPower = 0;
  bool Prepared = false;
  PointSection TauG1, TauG2, AlphaTauG1, BetaTauG1, BetaG2;
  PointSection LTauG1, LTauG2, LAlphaTauG1, LBetaTauG1;
};

} // namespace zkevmc::formats

#endif // ZKEVMC_RUNTIME_FORMATS_PTAUFILE_H
