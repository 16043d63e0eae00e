// Checks the Z3 opcode specs against the exact semantics on many inputs.

#include "verifier/OpcodeSpec.h"

#include "opcodes/OpcodeTable.h"
#include "opcodes/Semantics.h"

#include "gtest/gtest.h"

#include <random>
#include <string>
#include <vector>

using zkevmc::U256;

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

z3::expr numeral(z3::context &ctx, const U256 &v) {
  return ctx.bv_val(v.toDecimal().c_str(), 256);
}

std::string describe(llvm::ArrayRef<U256> operands) {
  std::string text;
  for (const U256 &v : operands)
    text += (text.empty() ? "" : ", ") + v.toHex();
  return text;
}

const char *const kPureOpcodes[] = {
    "ADD",    "MUL",    "SUB",    "DIV",        "SDIV", "MOD", "SMOD",
    "ADDMOD", "MULMOD", "EXP",    "SIGNEXTEND", "LT",   "GT",  "SLT",
    "SGT",    "EQ",     "ISZERO", "AND",        "OR",   "XOR", "NOT",
    "BYTE",   "SHL",    "SHR",    "SAR"};

class VerifierSpecTest : public ::testing::TestWithParam<const char *> {};

TEST_P(VerifierSpecTest, MatchesSemantics) {
  std::string mnemonic = GetParam();
  const zkevmc::opcodes::OpcodeInfo *info =
      zkevmc::opcodes::lookupOpcodeByMnemonic(mnemonic);
  ASSERT_NE(info, nullptr);
  unsigned arity = zkevmc::verifier::pureOpcodeArity(mnemonic);
  ASSERT_GT(arity, 0u);

  // Every pair of edge values first (for binary opcodes), then random ones.
  std::vector<std::vector<U256>> cases;
  std::vector<U256> edges = edgeValues();
  for (const U256 &x : edges)
    for (const U256 &y : edges)
      cases.push_back(arity == 1   ? std::vector<U256>{x}
                      : arity == 2 ? std::vector<U256>{x, y}
                                   : std::vector<U256>{x, y, y - x});
  Generator gen(0x5eed0000 + info->byte);
  while (cases.size() < 1000 + edges.size() * edges.size()) {
    std::vector<U256> operands;
    for (unsigned i = 0; i < arity; ++i)
      operands.push_back(gen.next());
    cases.push_back(operands);
  }

  z3::context ctx;
  unsigned checked = 0;
  for (const std::vector<U256> &operands : cases) {
    std::vector<z3::expr> args;
    for (const U256 &v : operands)
      args.push_back(numeral(ctx, v));
    llvm::Expected<z3::expr> spec =
        zkevmc::verifier::opcodeSpec(ctx, mnemonic, args);
    ASSERT_TRUE(static_cast<bool>(spec)) << llvm::toString(spec.takeError());
    z3::expr value = spec->simplify();
    ASSERT_TRUE(value.is_numeral())
        << mnemonic << "(" << describe(operands) << ") did not simplify";
    std::optional<U256> got =
        U256::fromString(Z3_get_numeral_string(ctx, value));
    ASSERT_TRUE(got.has_value());
    std::optional<U256> want =
        zkevmc::semantics::evalPure(info->byte, operands);
    ASSERT_TRUE(want.has_value());
    ASSERT_EQ(got->toHex(), want->toHex())
        << mnemonic << "(" << describe(operands) << ")";
    ++checked;
  }
  EXPECT_GE(checked, 1000u);
}

INSTANTIATE_TEST_SUITE_P(AllPureOpcodes, VerifierSpecTest,
                         ::testing::ValuesIn(kPureOpcodes),
                         [](const ::testing::TestParamInfo<const char *> &p) {
                           return std::string(p.param);
                         });

// The numeral path of EXP unrolls only the exponent's bits; the symbolic
// path (all 256 bits) must agree too.
TEST(VerifierSpecExp, SymbolicExponentMatchesSemantics) {
  z3::context ctx;
  z3::expr base = ctx.bv_const("base", 256), e = ctx.bv_const("e", 256);
  z3::expr spec =
      llvm::cantFail(zkevmc::verifier::opcodeSpec(ctx, "EXP", {base, e}));
  Generator gen(0xe0e0);
  for (int i = 0; i < 60; ++i) {
    U256 b = gen.next(), x = gen.next();
    z3::expr_vector from(ctx), to(ctx);
    from.push_back(base);
    from.push_back(e);
    to.push_back(numeral(ctx, b));
    to.push_back(numeral(ctx, x));
    z3::expr value = spec.substitute(from, to).simplify();
    ASSERT_TRUE(value.is_numeral());
    std::optional<U256> got =
        U256::fromString(Z3_get_numeral_string(ctx, value));
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(got->toHex(), zkevmc::semantics::exp(b, x).toHex())
        << "EXP(" << b.toHex() << ", " << x.toHex() << ")";
  }
}

TEST(VerifierSpecErrors, RejectsBadCalls) {
  z3::context ctx;
  std::vector<z3::expr> one = {ctx.bv_val(1, 256)};
  llvm::Expected<z3::expr> notPure =
      zkevmc::verifier::opcodeSpec(ctx, "SLOAD", one);
  EXPECT_FALSE(static_cast<bool>(notPure));
  llvm::consumeError(notPure.takeError());
  llvm::Expected<z3::expr> arity =
      zkevmc::verifier::opcodeSpec(ctx, "ADD", one);
  EXPECT_FALSE(static_cast<bool>(arity));
  llvm::consumeError(arity.takeError());
  std::vector<z3::expr> narrow = {ctx.bv_val(1, 64)};
  llvm::Expected<z3::expr> sort =
      zkevmc::verifier::opcodeSpec(ctx, "NOT", narrow);
  EXPECT_FALSE(static_cast<bool>(sort));
  llvm::consumeError(sort.takeError());
}

} // namespace
