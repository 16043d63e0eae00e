//===- PrimeField.cpp - The field-description fields of iden3 headers -----===//

#include "runtime/formats/PrimeField.h"

#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <vector>

using namespace zkevmc;
using namespace zkevmc::formats;

std::string formats::leBytesToDecimal(const uint8_t *P, size_t N) {
  // Big-endian base-2^32 words, repeatedly divided by 10^9.
  std::vector<uint32_t> Words((N + 3) / 4, 0);
  for (size_t I = 0; I < N; ++I)
    Words[Words.size() - 1 - I / 4] |= uint32_t(P[I]) << (8 * (I % 4));
  std::string Digits;
  size_t First = 0;
  while (First < Words.size()) {
    uint64_t Rem = 0;
    for (size_t I = First; I < Words.size(); ++I) {
      uint64_t Cur = (Rem << 32) | Words[I];
      Words[I] = uint32_t(Cur / 1000000000u);
      Rem = Cur % 1000000000u;
    }
    while (First < Words.size() && Words[First] == 0)
      ++First;
    for (int D = 0; D < 9 && (First < Words.size() || Rem); ++D) {
      Digits.push_back(char('0' + Rem % 10));
      Rem /= 10;
    }
  }
  if (Digits.empty())
    return "0";
  return std::string(Digits.rbegin(), Digits.rend());
}

llvm::Error formats::expectPrime(SectionReader &Rd,
                                 const bn254::Limbs &Expected,
                                 llvm::StringRef FieldName) {
  auto N8 = Rd.u32("n8");
  if (!N8)
    return N8.takeError();
  auto Bytes = Rd.bytes(*N8, "prime");
  if (!Bytes)
    return Bytes.takeError();
  uint8_t Want[32];
  for (int I = 0; I < 32; ++I)
    Want[I] = uint8_t(Expected[I / 8] >> (8 * (I % 8)));
  if (*N8 == 32 && std::equal(Want, Want + 32, *Bytes))
    return llvm::Error::success();
  // A huge n8 would make the decimal print quadratic; such a file is
  // garbage anyway.
  std::string Found = *N8 <= 128 ? leBytesToDecimal(*Bytes, *N8)
                                 : llvm::formatv("of {0} bytes", *N8).str();
  return Rd.error(llvm::formatv("unsupported prime {0} (n8 = {1}); only "
                                "{2} = {3} is supported",
                                Found, *N8, FieldName,
                                leBytesToDecimal(Want, 32))
                      .str());
}

void formats::writePrime(BinFileWriter &W, const bn254::Limbs &P) {
  uint8_t B[32];
  for (int I = 0; I < 32; ++I)
    B[I] = uint8_t(P[I / 8] >> (8 * (I % 8)));
  W.writeU32(32);
  W.write(B, 32);
}
