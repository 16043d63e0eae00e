// The EXP gadget's proof: 4-bit windows over MUL calls, proved through the
// own proofs of MUL, @bits_64 and @onehot_16; a wrong EXP is not proved.

#include "verifier/Mutation.h"
#include "verifier/OpcodeAudit.h"

#include "compiler/pipeline/Pipeline.h"
#include "opcodes/Semantics.h"
#include "opcodes/gadgets/Gadgets.h"
#include "runtime/witness/Evaluator.h"

#include "mlir/IR/MLIRContext.h"

#include "gtest/gtest.h"

#include <map>

using namespace mlir;
using namespace zkevmc::verifier;
using llvm::APInt;
using zkevmc::U256;

namespace {

constexpr uint8_t kExp = 0x0a;

class VerifierExpTest : public ::testing::Test {
protected:
  VerifierExpTest() {
    zkevmc::registerDialects(context);
    module = ModuleOp::create(UnknownLoc::get(&context));
    exp = zkevmc::gadgets::getOrBuildGadget(*module, kExp);
  }

  MLIRContext context;
  OwningOpRef<ModuleOp> module;
  zkevmc::zk::CircuitOp exp;
};

std::vector<APInt> limbsOf(llvm::ArrayRef<U256> words) {
  std::vector<APInt> limbs;
  for (const U256 &w : words)
    for (uint64_t limb : w.limbs)
      limbs.push_back(APInt(64, limb));
  return limbs;
}

// The gadget's outputs on base^exponent, or nullopt when a constraint fails
// or a limb is not below 2^64.
std::optional<U256> run(zkevmc::zk::CircuitOp circuit, const U256 &base,
                        const U256 &exponent) {
  auto eval =
      zkevmc::witness::evaluateCircuit(circuit, limbsOf({base, exponent}));
  if (!eval || eval->firstViolation)
    return std::nullopt;
  U256 w;
  for (unsigned i = 0; i < 4; ++i) {
    if (eval->outputs[i].getActiveBits() > 64)
      return std::nullopt;
    w.limbs[i] = eval->outputs[i].getZExtValue();
  }
  return w;
}

// A table of base^2 .. base^15 (14 MULs), then 63 windows of four squarings
// and one multiplication by the selected entry (the top window's entry is
// the start): 329 MUL calls; the exponent's limbs go through @bits_64 once
// each, each window's value through @onehot_16.
TEST_F(VerifierExpTest, WindowsOverMulCalls) {
  std::map<std::string, unsigned> calls;
  exp.walk([&](zkevmc::zk::CallOp call) { ++calls[call.getCallee().str()]; });
  EXPECT_EQ(calls["evm_mul"], 329u);
  EXPECT_EQ(calls["bits_64"], 4u);
  EXPECT_EQ(calls["onehot_16"], 64u);
  EXPECT_EQ(calls.size(), 3u);
}

// What `zkevmc audit --opcodes --only EXP` proves, at the default limit per
// query: EXP through the specs of MUL, @bits_64 and @onehot_16, and those
// by their own proofs (their rows).
TEST_F(VerifierExpTest, AuditProvesExpAndItsCallees) {
  auto audit = auditOpcodeLibrary(*module, {kExp}, CheckOptions{});
  ASSERT_TRUE(static_cast<bool>(audit)) << llvm::toString(audit.takeError());
  std::map<std::string, const GadgetAudit *> rows;
  for (const GadgetAudit &row : audit->rows)
    rows[row.opcode] = &row;
  ASSERT_EQ(rows.size(), 4u);
  for (const char *name : {"EXP", "MUL", "bits_64", "onehot_16"}) {
    ASSERT_TRUE(rows.count(name)) << name;
    for (const CheckResult &r : rows[name]->results)
      EXPECT_EQ(r.verdict, Verdict::Proved) << name << ": " << r.reason;
  }
  const CheckResult &sound = rows["EXP"]->results[0];
  EXPECT_EQ(sound.method, "integer encoding");
  EXPECT_TRUE(llvm::is_contained(sound.assumed, "evm_mul"));
  EXPECT_TRUE(llvm::is_contained(sound.assumed, "bits_64"));
  EXPECT_TRUE(llvm::is_contained(sound.assumed, "onehot_16"));
  EXPECT_TRUE(audit->allProved());
}

// In the lowest window's table select, limb 1 of T_1 = base goes with the
// selector s_2 and limb 1 of T_2 = base^2 with s_1: wrong (3^1 with a base
// limb 1 of 1 gives another word), and soundness may not be proved.
TEST_F(VerifierExpTest, SwappedSelectorsAreNotProved) {
  Block &body = exp.getBody().front();
  Value baseLimb1 = body.getArgument(1);
  zkevmc::zk::CallOp firstMul, lastOneHot;
  for (Operation &op : body)
    if (auto call = dyn_cast<zkevmc::zk::CallOp>(op)) {
      if (call.getCallee() == "evm_mul" && !firstMul)
        firstMul = call;
      if (call.getCallee() == "onehot_16")
        lastOneHot = call;
    }
  ASSERT_TRUE(firstMul && lastOneHot);
  // The products s_1·x_1 and s_2·(T_2 limb 1), by body index.
  std::optional<unsigned> withBase, withSquare;
  unsigned index = 0;
  for (Operation &op : body) {
    if (auto mul = dyn_cast<zkevmc::zk::MulOp>(op)) {
      if (mul.getOperand(0) == lastOneHot.getResult(1) &&
          mul.getOperand(1) == baseLimb1)
        withBase = index;
      if (mul.getOperand(0) == lastOneHot.getResult(2) &&
          mul.getOperand(1) == firstMul.getResult(1))
        withSquare = index;
    }
    ++index;
  }
  ASSERT_TRUE(withBase && withSquare);
  Mutation swap;
  swap.kind = MutationKind::SwapWires;
  swap.op = *withBase;
  swap.operand = 0;
  swap.op2 = *withSquare;
  swap.operand2 = 0;
  auto mutant = applyMutation(exp, swap, "evm_exp_swapped");
  ASSERT_TRUE(static_cast<bool>(mutant)) << llvm::toString(mutant.takeError());

  // The mutant really is wrong, and the gadget right, on one input.
  U256 base = U256::fromLimbs(3, 1, 0, 0), exponent(1);
  U256 want = *zkevmc::semantics::evalPure(kExp, {base, exponent});
  EXPECT_EQ(run(exp, base, exponent), want);
  std::optional<U256> got = run(*mutant, base, exponent);
  ASSERT_TRUE(got.has_value());
  EXPECT_NE(*got, want);

  // At the limit under which the gadget itself is proved (the audit test
  // above), so "not proved" is not merely a shorter budget.
  auto sound = checkSoundness(*mutant, CheckOptions{});
  ASSERT_TRUE(static_cast<bool>(sound)) << llvm::toString(sound.takeError());
  EXPECT_NE(sound->verdict, Verdict::Proved);
}

} // namespace
