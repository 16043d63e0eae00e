//===- FormatsFuzzInput.h - Fuzz input as a file for the formats readers
//---===//
//
// The binary readers map files, so each fuzz input is written to a
// per-process scratch file first. Shared by the formats fuzzers.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_TEST_FUZZ_FORMATSFUZZINPUT_H
#define ZKEVMC_TEST_FUZZ_FORMATSFUZZINPUT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace zkevmc::fuzz {

/// A scratch path unique to this process, ending in Suffix.
inline std::string scratchPath(const char *Suffix) {
  const char *Dir = std::getenv("TMPDIR");
  return std::string(Dir && *Dir ? Dir : "/tmp") + "/zkevmc-fuzz-" +
         std::to_string(::getpid()) + Suffix;
}

/// Writes the input to Path (replacing the file, so old mappings stay
/// valid); aborts if the scratch file cannot be written, which is an
/// environment problem, not a finding.
inline void writeInput(const std::string &Path, const uint8_t *Data,
                       size_t Size) {
  ::unlink(Path.c_str());
  std::FILE *F = std::fopen(Path.c_str(), "wb");
  if (!F || (Size && std::fwrite(Data, 1, Size, F) != Size) ||
      std::fclose(F) != 0)
    abort();
}

/// A rejection must be an error naming the file.
template <typename T>
void requireNamedError(llvm::Expected<T> &R, const std::string &Path) {
  if (R)
    return;
  std::string Message = llvm::toString(R.takeError());
  if (!llvm::StringRef(Message).starts_with(Path + ": "))
    abort();
}
inline void requireNamedError(llvm::Error E, const std::string &Path) {
  if (!E)
    return;
  std::string Message = llvm::toString(std::move(E));
  if (!llvm::StringRef(Message).starts_with(Path + ": "))
    abort();
}

} // namespace zkevmc::fuzz

#endif // ZKEVMC_TEST_FUZZ_FORMATSFUZZINPUT_H
