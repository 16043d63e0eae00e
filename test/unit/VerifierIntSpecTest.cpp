// Checks the integer-level opcode specs (verifier/IntSpec.h) against the
// exact semantics on many inputs, with division and the word product
// interpreted.

#include "verifier/IntSpec.h"

#include "opcodes/OpcodeTable.h"
#include "opcodes/Semantics.h"

#include "gtest/gtest.h"

#include <random>
#include <string>
#include <vector>

using zkevmc::U256;
using namespace zkevmc::verifier;

namespace {

// Edge values that exercise each opcode's special cases: zero divisors,
// the signed minimum, shift and byte index limits, sign bits.
std::vector<U256> edgeValues() {
  std::vector<U256> edges = {0,  1,  2,  3,   7,   8,   30,   31,   32,
                             33, 63, 64, 255, 256, 257, 0xff, 0x80, 0x7f};
  U256 max = U256::max();
  U256 signBit = U256(1) << 255;
  for (U256 v : {max, max - 1, signBit, signBit - 1, signBit + 1,
                 U256::fromLimbs(0, 0, 0, 1), U256::fromLimbs(~0ull, 0, 0, 0),
                 U256::fromLimbs(0, 1, 0, 0), U256(1) << 128, -U256(2)})
    edges.push_back(v);
  return edges;
}

class Generator {
public:
  explicit Generator(uint64_t seed) : rng(seed) {}

  // Random words of random significance, edge values, and values near them.
  U256 next() {
    switch (rng() % 5) {
    case 0: {
      std::vector<U256> edges = edgeValues();
      return edges[rng() % edges.size()];
    }
    case 1:
      return U256(rng() % 300);
    case 2: {
      U256 w = full();
      unsigned bits = rng() % 257;
      return bits == 256 ? w : w & ((U256(1) << bits) - 1);
    }
    case 3: {
      // Negative small numbers and sign-bit patterns.
      return -U256(rng() % 300);
    }
    default:
      return full();
    }
  }

private:
  U256 full() { return U256::fromLimbs(rng(), rng(), rng(), rng()); }
  std::mt19937_64 rng;
};

std::string describe(llvm::ArrayRef<U256> operands) {
  std::string text;
  for (const U256 &v : operands)
    text += (text.empty() ? "" : ", ") + v.toHex();
  return text;
}

const char *const kIntSpecOpcodes[] = {
    "ADD", "MUL", "SUB", "DIV", "SDIV", "MOD", "SMOD", "ADDMOD", "MULMOD",
    "EXP", "LT", "GT", "SLT", "SGT", "EQ", "ISZERO", "AND", "OR", "XOR", "NOT",
    // Operand 0 is concrete in every case, as in the checks' case split.
    "SHL", "SHR", "SAR", "BYTE", "SIGNEXTEND"};

class VerifierIntSpecTest : public ::testing::TestWithParam<const char *> {};

TEST_P(VerifierIntSpecTest, MatchesSemantics) {
  std::string mnemonic = GetParam();
  ASSERT_TRUE(hasIntSpec(mnemonic));
  const zkevmc::opcodes::OpcodeInfo *info =
      zkevmc::opcodes::lookupOpcodeByMnemonic(mnemonic);
  ASSERT_NE(info, nullptr);
  unsigned arity = info->stackIn;

  std::vector<std::vector<U256>> cases;
  std::vector<U256> edges = edgeValues();
  for (const U256 &x : edges)
    for (const U256 &y : edges)
      cases.push_back(arity == 1   ? std::vector<U256>{x}
                      : arity == 2 ? std::vector<U256>{x, y}
                                   : std::vector<U256>{x, y, y - x});
  Generator gen(0x1e7e0000 + info->byte);
  while (cases.size() < 1000 + edges.size() * edges.size()) {
    std::vector<U256> operands;
    for (unsigned i = 0; i < arity; ++i)
      operands.push_back(gen.next());
    cases.push_back(operands);
  }

  unsigned checked = 0;
  z3::context ctx;
  for (const std::vector<U256> &operands : cases) {
    z3::expr_vector facts(ctx);
    IntTerms t(ctx, facts);
    t.interpretDivision = true;
    std::vector<std::vector<Poly>> limbs;
    for (const U256 &v : operands) {
      std::vector<Poly> l;
      for (unsigned i = 0; i < 4; ++i)
        l.push_back(Poly::constant(BigInt(std::to_string(v.limbs[i]))));
      limbs.push_back(l);
    }
    llvm::Expected<z3::expr> spec = intOpcodeSpec(t, mnemonic, limbs);
    ASSERT_TRUE(static_cast<bool>(spec)) << llvm::toString(spec.takeError());
    z3::expr value = spec->simplify();
    ASSERT_TRUE(value.is_numeral())
        << mnemonic << "(" << describe(operands) << ") did not simplify";
    std::optional<U256> got =
        U256::fromString(Z3_get_numeral_string(ctx, value));
    ASSERT_TRUE(got.has_value()) << Z3_get_numeral_string(ctx, value);
    U256 want = *zkevmc::semantics::evalPure(info->byte, operands);
    ASSERT_EQ(got->toHex(), want.toHex())
        << mnemonic << "(" << describe(operands) << ")";
    ++checked;
  }
  EXPECT_GE(checked, 1000u);
}

INSTANTIATE_TEST_SUITE_P(IntSpecs, VerifierIntSpecTest,
                         ::testing::ValuesIn(kIntSpecOpcodes));

// The division lemma the DIVMOD sub-circuits' functional spec rests on.
TEST(VerifierIntSpec, DivisionLemmaIsProved) {
  double seconds = 0;
  EXPECT_TRUE(proveDivisionLemma(60000, seconds));
}

} // namespace
