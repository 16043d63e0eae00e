//===- zkevmc-launcher.cpp - `zkevmc`: runs the executable for a subcommand
//===//
//
// `zkevmc prove` runs zkevmc-prove, every other subcommand zkevmc-driver,
// both from this executable's own directory, with the arguments unchanged.
// The split keeps the prover's resident memory free of the ~70 MB that
// loading the shared libLLVM/libMLIR costs (the compiler needs them, the
// prover does not), and the launcher itself links neither. Exit status:
// the subcommand's, or 1 when the executable cannot be run.
//
//===----------------------------------------------------------------------===//

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

/// The directory holding this executable (its siblings live there too).
std::string executableDirectory(const char *Argv0) {
  char Buffer[PATH_MAX];
  ssize_t N = readlink("/proc/self/exe", Buffer, sizeof(Buffer) - 1);
  std::string Path = N > 0 ? std::string(Buffer, size_t(N)) : Argv0;
  size_t Slash = Path.rfind('/');
  return Slash == std::string::npos ? "." : Path.substr(0, Slash);
}

} // namespace

int main(int argc, char **argv) {
  bool Prove = argc >= 2 && std::strcmp(argv[1], "prove") == 0;
  std::string Target = executableDirectory(argv[0]) +
                       (Prove ? "/zkevmc-prove" : "/zkevmc-driver");
  std::vector<char *> Args(argv, argv + argc);
  Args.push_back(nullptr);
  execv(Target.c_str(), Args.data());
  std::fprintf(stderr, "zkevmc: error: cannot run %s: %s\n", Target.c_str(),
               std::strerror(errno));
  return 1;
}
