//===- KernelBench.cpp - Timings of the prover kernels (MSM and NTT) ------===//
//
// zkevmc-bench-kernels [--quick] [--repeat=K]: times G1 and G2 MSMs at 2^16
// and 2^18 random points/scalars and NTTs at 2^16, 2^18 and 2^20 on 1 and 2
// threads, reporting the best of K runs (default 3). --quick runs only the
// 2^16 sizes. Results are recorded in bench/README.md, never asserted.
//
//===----------------------------------------------------------------------===//

#include "runtime/msm/Msm.h"
#include "runtime/ntt/Ntt.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>
#include <random>
#include <string>
#include <vector>

using namespace zkevmc;
using namespace zkevmc::bn254;

namespace {

double processCpuSeconds() {
  timespec T;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &T);
  return (double)T.tv_sec + (double)T.tv_nsec * 1e-9;
}

/// Best wall-clock time of Repeat runs, with the process CPU time of that
/// run: on a shared machine the CPU time shows how much of the wall time
/// was spent computing rather than waiting for a core.
struct Timing {
  double Wall = 1e300, Cpu = 0;
};

Timing best(unsigned Repeat, const std::function<void()> &Body) {
  Timing Best;
  for (unsigned R = 0; R < Repeat; ++R) {
    auto T0 = std::chrono::steady_clock::now();
    double C0 = processCpuSeconds();
    Body();
    double Cpu = processCpuSeconds() - C0;
    double S =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - T0)
            .count();
    if (S < Best.Wall)
      Best = {S, Cpu};
  }
  return Best;
}

void report(const char *What, unsigned Log, unsigned Threads, const Timing &T) {
  std::printf("%-26s 2^%-2u %7u %10.1f %10.1f\n", What, Log, Threads,
              T.Wall * 1e3, T.Cpu * 1e3);
}

template <typename Traits>
std::vector<Affine<Traits>> chainOfPoints(const Affine<Traits> &G, size_t N,
                                          std::mt19937_64 &Rng) {
  using J = Jacobian<Traits>;
  J P = J(G).mul(Fr::random(Rng)), Step = J(G).mul(Fr::random(Rng));
  std::vector<J> Pts(N);
  for (size_t I = 0; I < N; ++I, P += Step)
    Pts[I] = P;
  return J::batchToAffine(Pts);
}

std::vector<uint8_t> encodeG1(const std::vector<G1Affine> &Pts) {
  std::vector<uint8_t> Buf(Pts.size() * msm::kG1PointBytes);
  for (size_t I = 0; I < Pts.size(); ++I) {
    Pts[I].X.toMontgomeryBytesLE(&Buf[I * 64]);
    Pts[I].Y.toMontgomeryBytesLE(&Buf[I * 64 + 32]);
  }
  return Buf;
}

std::vector<uint8_t> encodeG2(const std::vector<G2Affine> &Pts) {
  std::vector<uint8_t> Buf(Pts.size() * msm::kG2PointBytes);
  for (size_t I = 0; I < Pts.size(); ++I) {
    Pts[I].X.C0.toMontgomeryBytesLE(&Buf[I * 128]);
    Pts[I].X.C1.toMontgomeryBytesLE(&Buf[I * 128 + 32]);
    Pts[I].Y.C0.toMontgomeryBytesLE(&Buf[I * 128 + 64]);
    Pts[I].Y.C1.toMontgomeryBytesLE(&Buf[I * 128 + 96]);
  }
  return Buf;
}

/// Scalars shaped like a circuit witness: about half 0 or 1 (bits, flags),
/// the rest uniform field elements.
std::vector<Fr> witnessLikeScalars(size_t N, std::mt19937_64 &Rng) {
  std::vector<Fr> S(N);
  for (auto &X : S) {
    unsigned K = Rng() % 4;
    X = K == 0 ? Fr::zero() : K == 1 ? Fr::one() : Fr::random(Rng);
  }
  return S;
}

} // namespace

int main(int Argc, char **Argv) {
  bool Quick = false;
  unsigned Repeat = 3;
  for (int I = 1; I < Argc; ++I) {
    std::string A = Argv[I];
    if (A == "--quick") {
      Quick = true;
    } else if (A.rfind("--repeat=", 0) == 0) {
      Repeat = (unsigned)std::max(1, std::atoi(A.c_str() + 9));
    } else {
      std::fprintf(stderr,
                   "usage: zkevmc-bench-kernels [--quick] [--repeat=K]\n");
      return 2;
    }
  }
  std::mt19937_64 Rng(42);
  std::vector<unsigned> MsmLogs =
      Quick ? std::vector<unsigned>{16} : std::vector<unsigned>{16, 18};
  std::vector<unsigned> NttLogs =
      Quick ? std::vector<unsigned>{16} : std::vector<unsigned>{16, 18, 20};
  // Other work on a shared machine inflates wall times: say how busy it was.
  if (std::FILE *F = std::fopen("/proc/loadavg", "r")) {
    char Buf[128] = {0};
    if (std::fgets(Buf, sizeof(Buf), F))
      std::printf("load average at start: %s", Buf);
    std::fclose(F);
  }
  std::printf("%-26s %4s %7s %10s %10s\n", "kernel", "size", "threads",
              "wall ms", "cpu ms");
  for (unsigned L : MsmLogs) {
    size_t N = size_t(1) << L;
    auto G1Bytes = encodeG1(chainOfPoints(g1Generator(), N, Rng));
    std::vector<Fr> Uniform(N);
    for (auto &X : Uniform)
      X = Fr::random(Rng);
    auto Witness = witnessLikeScalars(N, Rng);
    for (unsigned T : {1u, 2u}) {
      report("G1 MSM uniform", L, T, best(Repeat, [&] {
               (void)msm::msmG1(G1Bytes.data(), Uniform.data(), N, T);
             }));
      report("G1 MSM witness-like", L, T, best(Repeat, [&] {
               (void)msm::msmG1(G1Bytes.data(), Witness.data(), N, T);
             }));
    }
    std::vector<uint8_t>().swap(G1Bytes);
    auto G2Bytes = encodeG2(chainOfPoints(g2Generator(), N, Rng));
    for (unsigned T : {1u, 2u})
      report("G2 MSM uniform", L, T, best(Repeat, [&] {
               (void)msm::msmG2(G2Bytes.data(), Uniform.data(), N, T);
             }));
  }
  for (unsigned L : NttLogs) {
    ntt::Domain D(L);
    std::vector<Fr> V(D.size());
    for (auto &X : V)
      X = Fr::random(Rng);
    for (unsigned T : {1u, 2u}) {
      report("NTT forward", L, T,
             best(Repeat, [&] { D.forward(V.data(), T); }));
      report("NTT inverse", L, T,
             best(Repeat, [&] { D.inverse(V.data(), T); }));
      report("NTT coset forward", L, T, best(Repeat, [&] {
               D.cosetForward(V.data(), Fr::fromU64(25), T);
             }));
    }
  }
  return 0;
}
