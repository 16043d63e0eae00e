//===- Ntt.h - Radix-2 number-theoretic transform over BN254's Fr ---------===//
//
// The roots of unity are ffjavascript's (snarkjs's), because the H points of
// a .zkey are computed for exactly those: w_{2^28} = 5^((r-1)/2^28) mod r
// (5 is the smallest quadratic non-residue mod r) and w_{2^k} =
// w_{2^28}^(2^(28-k)).
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_NTT_NTT_H
#define ZKEVMC_RUNTIME_NTT_NTT_H

#include "runtime/bn254/Field.h"

#include <cstddef>
#include <vector>

namespace zkevmc::ntt {

/// Largest supported LogN: 2^28 is the 2-adicity of r - 1.
inline constexpr unsigned kMaxLogSize = 28;

/// The 2^k-th root of unity of that family. Precondition: LogN <=
/// kMaxLogSize (callers reading a size from a file check it first).
bn254::Fr rootOfUnity(unsigned LogN);

class Domain;

namespace detail {
/// Domain::cosetForward/cosetInverse, but UseMulAdx = false forces the
/// baseline-ISA multiplication even where MULX/ADX exist, so tests cover
/// both paths. With Shift = 1 they are the plain transforms.
void cosetForwardWith(const Domain &D, bn254::Fr *Values,
                      const bn254::Fr &Shift, unsigned Threads, bool UseMulAdx);
void cosetInverseWith(const Domain &D, bn254::Fr *Values,
                      const bn254::Fr &Shift, unsigned Threads, bool UseMulAdx);
} // namespace detail

/// Radix-2 domain of size 2^LogN. Precondition: LogN <= kMaxLogSize.
/// Twiddles (n/2 elements each way) are precomputed once per Domain.
class Domain {
public:
  explicit Domain(unsigned LogN);

  size_t size() const { return size_t(1) << LogN; }
  unsigned logSize() const { return LogN; }
  const bn254::Fr &root() const { return Root; }

  /// coefficients -> evaluations at w^i (natural order in and out), in place.
  void forward(bn254::Fr *Values, unsigned Threads = 0) const;
  /// evaluations -> coefficients (includes the 1/n scaling), in place.
  void inverse(bn254::Fr *Values, unsigned Threads = 0) const;
  /// coefficients a_i -> evaluations at Shift*w^i (multiplies a_i by
  /// Shift^i, then forward).
  void cosetForward(bn254::Fr *Values, const bn254::Fr &Shift,
                    unsigned Threads = 0) const;
  /// evaluations at Shift*w^i -> coefficients a_i.
  void cosetInverse(bn254::Fr *Values, const bn254::Fr &Shift,
                    unsigned Threads = 0) const;

private:
  unsigned LogN;
  bn254::Fr Root, RootInv, SizeInv;
  /// Twiddles[j] = w^j and InvTwiddles[j] = w^-j for j < n/2; stage s of the
  /// butterfly network uses every (n / 2^s)-th entry.
  std::vector<bn254::Fr> Twiddles, InvTwiddles;

  void transform(bn254::Fr *Values, const std::vector<bn254::Fr> &Tw,
                 unsigned Threads, bool UseMulAdx) const;
  /// Values[i] *= Scale * Base^i.
  void scale(bn254::Fr *Values, const bn254::Fr &Scale, const bn254::Fr &Base,
             unsigned Threads, bool UseMulAdx) const;

  friend void detail::cosetForwardWith(const Domain &, bn254::Fr *,
                                       const bn254::Fr &, unsigned, bool);
  friend void detail::cosetInverseWith(const Domain &, bn254::Fr *,
                                       const bn254::Fr &, unsigned, bool);
};

} // namespace zkevmc::ntt

#endif // ZKEVMC_RUNTIME_NTT_NTT_H
