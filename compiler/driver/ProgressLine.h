//===- ProgressLine.h - A progress display for long Groth16 steps -*- C++
//-*-===//

#ifndef ZKEVMC_COMPILER_DRIVER_PROGRESSLINE_H
#define ZKEVMC_COMPILER_DRIVER_PROGRESSLINE_H

#include "runtime/groth16/Prover.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <string>
#include <unistd.h>

namespace zkevmc::driver {

/// A one-line progress display on stderr, only when stderr is a terminal
/// (logs and pipes get no carriage-return noise). Redraws at most every
/// 100 ms.
class ProgressLine {
public:
  ProgressLine() : Enabled(isatty(STDERR_FILENO)) {}
  ~ProgressLine() { finish(); }

  groth16::ProgressFn callback() {
    if (!Enabled)
      return {};
    return [this](llvm::StringRef Step, size_t Done, size_t Total) {
      auto Now = std::chrono::steady_clock::now();
      if (Step == Last && Done < Total && Now - LastDraw < Interval)
        return;
      LastDraw = Now;
      Last = Step.str();
      unsigned Pct = Total ? unsigned(Done * 100 / Total) : 100;
      llvm::errs() << "\r\033[K" << Step << ": " << Pct << "%";
      llvm::errs().flush();
      Drawn = true;
    };
  }

  void finish() {
    if (Drawn)
      llvm::errs() << "\r\033[K";
    Drawn = false;
  }

private:
  static constexpr std::chrono::milliseconds Interval{100};
  bool Enabled;
  bool Drawn = false;
  std::string Last;
  std::chrono::steady_clock::time_point LastDraw;
};

} // namespace zkevmc::driver

#endif // ZKEVMC_COMPILER_DRIVER_PROGRESSLINE_H
