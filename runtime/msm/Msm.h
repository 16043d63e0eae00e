//===- Msm.h - Multi-scalar multiplication over BN254 G1 and G2 -----------===//
//
// The prover's dominant cost: sum_i s_i * P_i over ~n points read straight
// from a snarkjs .zkey section, so no copy of the point array is ever made.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_MSM_MSM_H
#define ZKEVMC_RUNTIME_MSM_MSM_H

#include "runtime/bn254/Curve.h"

#include <cstddef>
#include <cstdint>

namespace zkevmc::msm {

/// Points in snarkjs .zkey layout: affine, each Fq coordinate 32 bytes
/// little-endian in Montgomery form (bn254::Fq's own in-memory limb layout),
/// G1 = x||y (64 bytes), G2 = x.c0||x.c1||y.c0||y.c1 (128 bytes); all-zero
/// bytes = the point at infinity. Data may be unaligned (it points into an
/// mmap of a file at any offset): it is read with memcpy.
/// Points are trusted (not checked to lie on the curve): the .zkey reader
/// owns validation. Invalid points or non-canonical limbs give a meaningless
/// sum but never touch memory outside the inputs and the MSM's own buffers.
/// Scalars are bn254::Fr (Montgomery form, as the witness is held).
/// Threads = 0: all hardware threads (at most 256 are used). Extra memory:
/// 2 bytes per scalar per window (~2.9 MB at n = 2^16, ~10.5 MB at 2^18) plus
/// under 1 MB of buckets per thread.
bn254::G1 msmG1(const uint8_t *Points, const bn254::Fr *Scalars, size_t N,
                unsigned Threads = 0);
bn254::G2 msmG2(const uint8_t *Points, const bn254::Fr *Scalars, size_t N,
                unsigned Threads = 0);

namespace detail {
/// As msmG1/msmG2, but UseMulAdx = false forces the baseline-ISA field
/// multiplication even where MULX/ADX exist, so tests cover both paths.
bn254::G1 msmG1With(const uint8_t *Points, const bn254::Fr *Scalars, size_t N,
                    unsigned Threads, bool UseMulAdx);
bn254::G2 msmG2With(const uint8_t *Points, const bn254::Fr *Scalars, size_t N,
                    unsigned Threads, bool UseMulAdx);
} // namespace detail

/// Size in bytes of one encoded point.
inline constexpr size_t kG1PointBytes = 64;
inline constexpr size_t kG2PointBytes = 128;

} // namespace zkevmc::msm

#endif // ZKEVMC_RUNTIME_MSM_MSM_H
