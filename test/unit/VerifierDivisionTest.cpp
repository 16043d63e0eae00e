// The division family (DIV MOD ADDMOD MULMOD SDIV SMOD) and its division
// sub-circuits are proved, and broken copies of them are caught.

#include "verifier/Assignment.h"
#include "verifier/GadgetCheck.h"
#include "verifier/IntSpec.h"

#include "compiler/pipeline/Pipeline.h"
#include "dialects/zk/IR/ZkDialect.h"
#include "opcodes/Semantics.h"
#include "opcodes/gadgets/Gadgets.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"

#include "llvm/Support/FormatVariadic.h"

#include "gtest/gtest.h"

#include <iostream>
#include <string>

using namespace zkevmc::verifier;
using zkevmc::zk::CircuitOp;

namespace {

class VerifierDivisionTest : public ::testing::Test {
protected:
  VerifierDivisionTest() { zkevmc::registerDialects(context); }

  CircuitOp build(uint8_t opcode) {
    mlir::OpBuilder builder(&context);
    module = mlir::ModuleOp::create(builder.getUnknownLoc());
    return zkevmc::gadgets::getOrBuildGadget(*module, opcode);
  }

  CircuitOp sub(llvm::StringRef name) {
    return module->lookupSymbol<CircuitOp>(name);
  }

  CheckResult run(const char *what,
                  llvm::Expected<CheckResult> (*check)(CircuitOp,
                                                       const CheckOptions &),
                  CircuitOp gadget) {
    // The audit's default limit per query: what "proved" is claimed at.
    CheckOptions options;
    llvm::Expected<CheckResult> result = check(gadget, options);
    if (!result) {
      ADD_FAILURE() << llvm::toString(result.takeError());
      return {};
    }
    std::cout << "[verifier] @" << gadget.getSymName().str() << " " << what
              << ": " << verdictName(result->verdict).str() << " in "
              << llvm::formatv("{0:f3}", result->seconds).str() << " s";
    if (!result->method.empty())
      std::cout << " (" << result->method << ")";
    if (!result->reason.empty())
      std::cout << ": " << result->reason;
    if (result->counterexample)
      std::cout << "\n           " << result->counterexample->explanation;
    std::cout << "\n";
    return std::move(*result);
  }

  void expectProved(CircuitOp c) {
    ASSERT_TRUE(c);
    EXPECT_EQ(run("soundness", checkSoundness, c).verdict, Verdict::Proved);
    EXPECT_EQ(run("completeness", checkCompleteness, c).verdict,
              Verdict::Proved);
    EXPECT_EQ(run("determinism", checkDeterminism, c).verdict, Verdict::Proved);
  }

  // The sub-circuit @name as an ordinary circuit: its calls are then
  // inlined, so a caller's counterexample covers its witnesses too.
  CircuitOp inlineSub(llvm::StringRef name) {
    CircuitOp c = sub(name);
    if (c)
      c->removeAttr("zk.subspec");
    return c;
  }

  mlir::MLIRContext context;
  mlir::OwningOpRef<mlir::ModuleOp> module;
};

struct Case {
  uint8_t opcode;
  const char *subcircuit;
};

class ProvedDivision : public VerifierDivisionTest,
                       public ::testing::WithParamInterface<Case> {};

// Each gadget is proved through its division sub-circuit, whose relation
// is proved on its own, and the uniqueness of division they rest on holds.
TEST_P(ProvedDivision, GadgetAndSubcircuitAreProved) {
  CircuitOp g = build(GetParam().opcode);
  ASSERT_TRUE(g);
  CheckResult sound = run("soundness", checkSoundness, g);
  EXPECT_EQ(sound.verdict, Verdict::Proved);
  EXPECT_TRUE(llvm::is_contained(sound.assumed, GetParam().subcircuit));
  EXPECT_EQ(run("completeness", checkCompleteness, g).verdict, Verdict::Proved);
  EXPECT_EQ(run("determinism", checkDeterminism, g).verdict, Verdict::Proved);
  expectProved(sub(GetParam().subcircuit));
  double seconds = 0;
  EXPECT_TRUE(proveDivisionLemma(30000, seconds));
}

INSTANTIATE_TEST_SUITE_P(Library, ProvedDivision,
                         ::testing::Values(Case{0x04, "divmod_4"},
                                           Case{0x06, "divmod_4"},
                                           Case{0x08, "adddivmod"},
                                           Case{0x09, "muldivmod"}),
                         [](const ::testing::TestParamInfo<Case> &info) {
                           return std::string(info.param.subcircuit) + "_" +
                                  std::to_string(info.param.opcode);
                         });

// SDIV and SMOD are proved through @negif (their conditional negations) and
// @divmod_4, each proved on its own.
TEST_F(VerifierDivisionTest, SignedDivisionIsProvedThroughNegif) {
  for (uint8_t opcode : {0x05, 0x07}) {
    CircuitOp g = build(opcode);
    ASSERT_TRUE(g);
    CheckResult sound = run("soundness", checkSoundness, g);
    EXPECT_EQ(sound.verdict, Verdict::Proved);
    EXPECT_TRUE(llvm::is_contained(sound.assumed, "negif"));
    EXPECT_TRUE(llvm::is_contained(sound.assumed, "divmod_4"));
    EXPECT_EQ(run("completeness", checkCompleteness, g).verdict,
              Verdict::Proved);
    EXPECT_EQ(run("determinism", checkDeterminism, g).verdict, Verdict::Proved);
    expectProved(sub("negif"));
    expectProved(sub("divmod_4"));
  }
}

// @negif's relation needs s ∈ {0, 1}: the sub-circuit without its own
// booleanity constraint on s does not meet it, and the model says why.
TEST_F(VerifierDivisionTest, NegifWithoutBooleanSignIsCaught) {
  ASSERT_TRUE(build(0x05));
  CircuitOp negif = sub("negif");
  ASSERT_TRUE(negif);
  mlir::Value s = negif.getBody().front().getArgument(0);
  zkevmc::zk::AssertBoolOp onS;
  negif.walk([&](zkevmc::zk::AssertBoolOp op) {
    if (op->getOperand(0) == s)
      onS = op;
  });
  ASSERT_TRUE(onS);
  onS->erase();
  // A sub-circuit's model is not replayed (the evaluator has no relation
  // to compare with): not proved, with Z3's model as the reason.
  CheckResult sound = run("soundness", checkSoundness, negif);
  EXPECT_NE(sound.verdict, Verdict::Proved);
  EXPECT_NE(sound.reason.find("found a model"), std::string::npos);
}

// Without its equation on the high halves, @negif's output may be wrong
// in its top 128 bits: its relation is not met.
TEST_F(VerifierDivisionTest, NegifWithoutHighHalfIsCaught) {
  ASSERT_TRUE(build(0x05));
  CircuitOp negif = sub("negif");
  ASSERT_TRUE(negif);
  // The last equation of the body is the high halves'.
  zkevmc::zk::AssertEqOp high;
  negif.walk([&](zkevmc::zk::AssertEqOp op) { high = op; });
  ASSERT_TRUE(high);
  high->erase();
  CheckResult sound = run("soundness", checkSoundness, negif);
  EXPECT_NE(sound.verdict, Verdict::Proved);
  EXPECT_NE(sound.reason.find("found a model"), std::string::npos);
}

// Planted bug (a) in the library's MOD: without the constraint that the
// products q_i·n_j beyond the dividend's columns vanish, q·n + r may pass
// 2^256 and a wrong remainder satisfies the rest. Found with a counterexample
// that satisfies every constraint (the sub-circuit inlined).
TEST_F(VerifierDivisionTest, DroppedOverflowCheckIsCaught) {
  CircuitOp g = build(0x06);
  ASSERT_TRUE(g);
  CircuitOp divmod = inlineSub("divmod_4");
  ASSERT_TRUE(divmod);
  // The first equation of the body is Σ_{i+j≥4} q_i·n_j = 0.
  zkevmc::zk::AssertEqOp beyond;
  divmod.walk([&](zkevmc::zk::AssertEqOp op) {
    if (!beyond)
      beyond = op;
  });
  ASSERT_TRUE(beyond);
  ASSERT_TRUE(beyond.getLhs().getDefiningOp<zkevmc::zk::AddOp>());
  beyond->erase();
  CheckResult sound = run("soundness", checkSoundness, g);
  ASSERT_EQ(sound.verdict, Verdict::Failed);
  const Counterexample &cex = *sound.counterexample;
  auto replay = checkAssignment(g, cex.inputs, cex.witness);
  ASSERT_TRUE(static_cast<bool>(replay)) << llvm::toString(replay.takeError());
  EXPECT_FALSE(replay->violation);
  std::vector<std::string> words = cex.inputWords();
  zkevmc::U256 a = *zkevmc::U256::fromString(words[0]);
  zkevmc::U256 n = *zkevmc::U256::fromString(words[1]);
  zkevmc::U256 r = zkevmc::U256::fromLimbs(
      cex.outputs[0].getZExtValue(), cex.outputs[1].getZExtValue(),
      cex.outputs[2].getZExtValue(), cex.outputs[3].getZExtValue());
  EXPECT_NE(r, zkevmc::semantics::mod(a, n));
}

// A completeness bug: the chunk carry's range one bit short of what the
// largest carries need rejects valid inputs; the sub-circuit's model is
// replayed by the witness evaluator, which finds the violated range.
TEST_F(VerifierDivisionTest, NarrowCarryIsIncomplete) {
  ASSERT_TRUE(build(0x06));
  CircuitOp divmod = sub("divmod_4");
  ASSERT_TRUE(divmod);
  zkevmc::zk::RangeOp carry;
  divmod.walk([&](zkevmc::zk::RangeOp op) {
    if (op.getBits() != 64 && op.getBits() != 128)
      carry = op;
  });
  ASSERT_TRUE(carry);
  carry.setBits(carry.getBits() - 1);
  CheckResult complete = run("completeness", checkCompleteness, divmod);
  ASSERT_EQ(complete.verdict, Verdict::Failed);
  EXPECT_NE(complete.counterexample->explanation.find("violates"),
            std::string::npos);
  // Soundness does not depend on how wide the carry may be.
  EXPECT_EQ(run("soundness", checkSoundness, divmod).verdict, Verdict::Proved);
}

} // namespace
