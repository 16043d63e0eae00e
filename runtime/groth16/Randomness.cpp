//===- Randomness.cpp - Field elements from the operating system's CSPRNG -===//

#include "runtime/groth16/Randomness.h"

#include <cerrno>
#include <cstring>
#include <sys/random.h>

using namespace llvm;

namespace zkevmc::groth16 {

Error osRandomBytes(uint8_t *Out, size_t N) {
  size_t Done = 0;
  while (Done < N) {
    ssize_t Got = getrandom(Out + Done, N - Done, 0);
    if (Got < 0) {
      if (errno == EINTR)
        continue;
      return createStringError(std::error_code(errno, std::generic_category()),
                               "getrandom failed: %s", std::strerror(errno));
    }
    Done += size_t(Got);
  }
  return Error::success();
}

Expected<bn254::Fr> randomFr() {
  // Draw the words up front so an entropy failure surfaces as an error
  // instead of being hidden inside the sampler's callback. Rejection needs on
  // average fewer than 1.5 candidates; 64 candidates fail with probability
  // below 2^-60, and then we simply draw again.
  for (;;) {
    uint64_t Words[4 * 64];
    if (Error E =
            osRandomBytes(reinterpret_cast<uint8_t *>(Words), sizeof(Words)))
      return E;
    size_t Next = 0;
    bool Exhausted = false;
    auto Gen = [&]() -> uint64_t {
      if (Next == std::size(Words)) {
        Exhausted = true;
        Next = 0;
      }
      return Words[Next++];
    };
    bn254::Fr V = bn254::Fr::random(Gen);
    if (!Exhausted)
      return V;
  }
}

Expected<bn254::Fr> randomNonZeroFr() {
  for (;;) {
    Expected<bn254::Fr> V = randomFr();
    if (!V || !V->isZero())
      return V;
  }
}

} // namespace zkevmc::groth16
