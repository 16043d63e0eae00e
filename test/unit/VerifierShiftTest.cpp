// The shift family's integer specs beyond the case split's bound: for an
// operand 0 at or above smallOperandBound (256 for shifts, 32 for BYTE and
// SIGNEXTEND) intSpecBeyondBound must give the EVM's result, whatever the
// exact value of operand 0 (VerifierIntSpecTest covers concrete operands).

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

std::vector<Poly> limbPolys(const U256 &v) {
  std::vector<Poly> limbs;
  for (unsigned i = 0; i < 4; ++i)
    limbs.push_back(Poly::constant(BigInt(std::to_string(v.limbs[i]))));
  return limbs;
}

class VerifierShiftTest : public ::testing::TestWithParam<const char *> {};

TEST_P(VerifierShiftTest, BeyondBoundMatchesSemantics) {
  std::string mnemonic = GetParam();
  unsigned bound = smallOperandBound(mnemonic);
  ASSERT_TRUE(bound == 256 || bound == 32) << mnemonic;
  const zkevmc::opcodes::OpcodeInfo *info =
      zkevmc::opcodes::lookupOpcodeByMnemonic(mnemonic);
  ASSERT_NE(info, nullptr);

  U256 max = U256::max(), signBit = U256(1) << 255;
  std::vector<U256> firsts = {U256(bound), U256(bound + 1), U256(bound + 31),
                              U256(1000),  U256(1) << 64,   signBit,
                              max};
  std::vector<U256> values = {
      0,       1,           0x80, 0xff,
      signBit, signBit - 1, max,  U256::fromLimbs(0, 0, 0, 0x7f),
      -U256(2)};
  std::mt19937_64 rng(0x5b1f7 + info->byte);
  while (values.size() < 200)
    values.push_back(U256::fromLimbs(rng(), rng(), rng(), rng()));

  z3::context ctx;
  unsigned checked = 0;
  for (const U256 &first : firsts)
    for (const U256 &x : values) {
      z3::expr_vector facts(ctx);
      IntTerms t(ctx, facts);
      t.interpretDivision = true;
      llvm::Expected<z3::expr> spec =
          intSpecBeyondBound(t, mnemonic, {limbPolys(first), limbPolys(x)});
      ASSERT_TRUE(static_cast<bool>(spec)) << llvm::toString(spec.takeError());
      z3::expr value = spec->simplify();
      ASSERT_TRUE(value.is_numeral()) << mnemonic;
      std::optional<U256> got =
          U256::fromString(Z3_get_numeral_string(ctx, value));
      ASSERT_TRUE(got.has_value());
      U256 want = *zkevmc::semantics::evalPure(info->byte, {first, x});
      ASSERT_EQ(got->toHex(), want.toHex())
          << mnemonic << "(" << first.toHex() << ", " << x.toHex() << ")";
      ++checked;
    }
  EXPECT_EQ(checked, firsts.size() * values.size());
}

// Below the bound the spec needs a concrete operand 0: a symbolic one is an
// error (the checks split it into cases), not a wrong formula.
TEST_P(VerifierShiftTest, SymbolicOperandZeroIsAnError) {
  z3::context ctx;
  z3::expr_vector facts(ctx);
  IntTerms t(ctx, facts);
  std::vector<Poly> symbolic;
  for (unsigned i = 0; i < 4; ++i)
    symbolic.push_back(Poly::atom(t.fresh("a", 0, (BigInt(1) << 64) - 1)));
  llvm::Expected<z3::expr> spec =
      intOpcodeSpec(t, GetParam(), {symbolic, limbPolys(U256(5))});
  ASSERT_FALSE(static_cast<bool>(spec));
  EXPECT_NE(llvm::toString(spec.takeError()).find("concrete operand 0"),
            std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Shifts, VerifierShiftTest,
                         ::testing::Values("SHL", "SHR", "SAR", "BYTE",
                                           "SIGNEXTEND"));

} // namespace
