//===- MulAdx.h - Montgomery multiplication with MULX/ADCX/ADOX -----------===//
//
// The prover's kernels spend most of their time in Fq/Fr multiplications.
// Fp::operator* keeps to the baseline x86-64 ISA; on CPUs with BMI2 and ADX
// (Intel Broadwell+, AMD Zen+) two independent carry chains (CF via ADCX,
// OF via ADOX) and the flag-preserving MULX cut a product to roughly 60% of
// the time. Callers select it at run time with `cpuHasMulAdx()`; the asm is
// plain inline assembly, so no compiler target flags are needed and nothing
// here executes on a CPU without the extensions unless a caller ignores
// that check.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_BN254_MULADX_H
#define ZKEVMC_RUNTIME_BN254_MULADX_H

#include "runtime/bn254/Field.h"

#if defined(__x86_64__)
#include <cpuid.h>
#endif

namespace zkevmc::bn254 {

/// True when mulMontAdx may be called (x86-64 with BMI2 and ADX).
inline bool cpuHasMulAdx() {
#if defined(__x86_64__) && !defined(ZKEVMC_BN254_PORTABLE)
  // CPUID leaf 7, EBX: bit 8 = BMI2 (MULX), bit 19 = ADX. Asked directly
  // because older clang's __builtin_cpu_supports does not know "adx".
  static const bool Has = [] {
    unsigned A = 0, B = 0, C = 0, D = 0;
    if (!__get_cpuid_count(7, 0, &A, &B, &C, &D))
      return false;
    return ((B >> 8) & 1) && ((B >> 19) & 1);
  }();
  return Has;
#else
  return false;
#endif
}

#if defined(__x86_64__) && !defined(ZKEVMC_BN254_PORTABLE)
/// Montgomery product A * B / 2^256 mod p, the same function as
/// Fp<Params>::operator* (CIOS with the no-carry bound, so P[3] < 2^62).
/// Precondition: cpuHasMulAdx().
template <typename Params>
__attribute__((always_inline)) inline Limbs mulMontAdx(const Limbs &A,
                                                       const Limbs &B) {
  static_assert(Params::P[3] < (1ull << 62), "no-carry CIOS needs slack");
  static constexpr Limbs P = Params::P;
  // The modulus and -p^-1 are read through one pointer: separate memory
  // operands let clang (14, unoptimised) form an address in a register the
  // asm clobbers.
  static constexpr uint64_t Consts[5] = {P[0], P[1], P[2], P[3], Params::Inv};
  uint64_t R0 = 0, R1 = 0, R2 = 0, R3 = 0, R4, Lo, Hi;
  // One round adds A * B[i] to the running value T (limbs T0..T3, T4 the
  // overflow limb) and then M * P with M = T0 * -p^-1, which clears T0; the
  // next round then sees T1..T4 as its T0..T3. Rotating the register names
  // instead of moving values does that shift for free. EAX doubles as the
  // zero to fold the final carries in; XOR clears both CF and OF.
  // clang-format off
#define ZK_ADX_ROUND(BOFF, T0, T1, T2, T3, T4)                                 \
  "movq " BOFF "(%[b]), %%rdx\n\t"                                             \
  "xorl %%eax, %%eax\n\t"                                                      \
  "mulxq (%[a]), %[lo], %[hi]\n\t"                                             \
  "adoxq %[lo], " T0 "\n\t"                                                    \
  "adcxq %[hi], " T1 "\n\t"                                                    \
  "mulxq 8(%[a]), %[lo], %[hi]\n\t"                                            \
  "adoxq %[lo], " T1 "\n\t"                                                    \
  "adcxq %[hi], " T2 "\n\t"                                                    \
  "mulxq 16(%[a]), %[lo], %[hi]\n\t"                                           \
  "adoxq %[lo], " T2 "\n\t"                                                    \
  "adcxq %[hi], " T3 "\n\t"                                                    \
  "mulxq 24(%[a]), %[lo], " T4 "\n\t"                                          \
  "adoxq %[lo], " T3 "\n\t"                                                    \
  "adcxq %%rax, " T4 "\n\t"                                                    \
  "adoxq %%rax, " T4 "\n\t"                                                    \
  "movq " T0 ", %%rdx\n\t"                                                     \
  "imulq 32(%[c]), %%rdx\n\t"                                                  \
  "xorl %%eax, %%eax\n\t"                                                      \
  "mulxq (%[c]), %[lo], %[hi]\n\t"                                             \
  "adoxq %[lo], " T0 "\n\t"                                                    \
  "adcxq %[hi], " T1 "\n\t"                                                    \
  "mulxq 8(%[c]), %[lo], %[hi]\n\t"                                            \
  "adoxq %[lo], " T1 "\n\t"                                                    \
  "adcxq %[hi], " T2 "\n\t"                                                    \
  "mulxq 16(%[c]), %[lo], %[hi]\n\t"                                           \
  "adoxq %[lo], " T2 "\n\t"                                                    \
  "adcxq %[hi], " T3 "\n\t"                                                    \
  "mulxq 24(%[c]), %[lo], %[hi]\n\t"                                           \
  "adoxq %[lo], " T3 "\n\t"                                                    \
  "adcxq %[hi], " T4 "\n\t"                                                    \
  "adoxq %%rax, " T4 "\n\t"
  // clang-format on
  __asm__(ZK_ADX_ROUND("0", "%[r0]", "%[r1]", "%[r2]", "%[r3]", "%[r4]")
              ZK_ADX_ROUND("8", "%[r1]", "%[r2]", "%[r3]", "%[r4]", "%[r0]")
                  ZK_ADX_ROUND("16", "%[r2]", "%[r3]", "%[r4]", "%[r0]",
                               "%[r1]") ZK_ADX_ROUND("24", "%[r3]", "%[r4]",
                                                     "%[r0]", "%[r1]", "%[r2]")
          : [r0] "+&r"(R0), [r1] "+&r"(R1), [r2] "+&r"(R2), [r3] "+&r"(R3),
            [r4] "=&r"(R4), [lo] "=&r"(Lo), [hi] "=&r"(Hi)
          : [a] "r"(A.data()), [b] "r"(B.data()), [c] "r"(Consts)
          // "memory" rather than naming A and B as memory inputs: those
          // would each need one more address register, and unoptimised
          // sanitizer builds (the fuzz configuration) run out of them.
          : "rax", "rdx", "cc", "memory");
#undef ZK_ADX_ROUND
  // The value is (R4, R0, R1, R2) and below 2p: subtract p once if needed.
  unsigned char Borrow = 0;
  uint64_t S0 = detail::subBorrow(R4, P[0], Borrow);
  uint64_t S1 = detail::subBorrow(R0, P[1], Borrow);
  uint64_t S2 = detail::subBorrow(R1, P[2], Borrow);
  uint64_t S3 = detail::subBorrow(R2, P[3], Borrow);
  return Limbs{Borrow ? R4 : S0, Borrow ? R0 : S1, Borrow ? R1 : S2,
               Borrow ? R2 : S3};
}
#endif

} // namespace zkevmc::bn254

#endif // ZKEVMC_RUNTIME_BN254_MULADX_H
