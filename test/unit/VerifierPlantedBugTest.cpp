// Planted bugs (b) and (c) of issue 4 in copies of the library's gadgets,
// each caught by the verifier with a counterexample the evaluator confirms.

#include "verifier/Assignment.h"
#include "verifier/Audit.h"
#include "verifier/GadgetCheck.h"
#include "verifier/Mutation.h"

#include "compiler/pipeline/Pipeline.h"
#include "dialects/zk/IR/ZkDialect.h"
#include "opcodes/OpcodeTable.h"
#include "opcodes/Semantics.h"
#include "opcodes/gadgets/Gadgets.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include "llvm/Support/FormatVariadic.h"

#include "gtest/gtest.h"

#include <cstdlib>
#include <functional>
#include <iostream>

using namespace zkevmc;
using namespace zkevmc::verifier;
using llvm::APInt;

namespace {

class VerifierPlantedBugTest : public ::testing::Test {
protected:
  VerifierPlantedBugTest() {
    registerDialects(context);
    mlir::OpBuilder builder(&context);
    module = mlir::ModuleOp::create(builder.getUnknownLoc());
  }

  zk::CircuitOp library(const char *mnemonic) {
    const opcodes::OpcodeInfo *info = opcodes::lookupOpcodeByMnemonic(mnemonic);
    EXPECT_TRUE(info) << mnemonic;
    return info ? gadgets::getOrBuildGadget(*module, info->byte) : nullptr;
  }

  using Pick = std::function<bool(mlir::Operation &, zk::CircuitOp)>;

  // The index (in body order) of the first top-level op `pick` accepts.
  static std::optional<unsigned> findOp(zk::CircuitOp circuit,
                                        const Pick &pick) {
    unsigned i = 0;
    for (mlir::Operation &op : circuit.getBody().front()) {
      if (pick(op, circuit))
        return i;
      ++i;
    }
    return std::nullopt;
  }

  // A copy of `gadget` without the constraint at `index`.
  zk::CircuitOp withoutConstraint(zk::CircuitOp gadget, unsigned index,
                                  llvm::StringRef name) {
    Mutation drop;
    drop.kind = MutationKind::DropConstraint;
    drop.op = index;
    llvm::Expected<zk::CircuitOp> copy = applyMutation(gadget, drop, name);
    if (!copy) {
      ADD_FAILURE() << llvm::toString(copy.takeError());
      return nullptr;
    }
    EXPECT_EQ(countConstraints(*copy) + 1, countConstraints(gadget));
    return *copy;
  }

  // A copy of `gadget` without the first constraint `pick` accepts, looked
  // for in its body and then, depth first, in the sub-circuits it calls (so
  // the tests survive factoring a decomposition into a sub-circuit): a
  // callee's constraint is dropped in a copy of the callee that only this
  // one call uses, i.e. one instance of a shared sub-circuit is buggy.
  zk::CircuitOp dropFirst(zk::CircuitOp gadget, const Pick &pick,
                          llvm::StringRef name) {
    if (std::optional<unsigned> index = findOp(gadget, pick))
      return withoutConstraint(gadget, *index, name);
    unsigned i = 0;
    for (mlir::Operation &op : gadget.getBody().front()) {
      unsigned at = i++;
      auto call = mlir::dyn_cast<zk::CallOp>(op);
      if (!call)
        continue;
      auto callee = module->lookupSymbol<zk::CircuitOp>(call.getCallee());
      if (!callee)
        continue;
      zk::CircuitOp buggyCallee =
          dropFirst(callee, pick, (name + "_" + callee.getSymName()).str());
      if (!buggyCallee)
        continue;
      auto copy = mlir::cast<zk::CircuitOp>(gadget->clone());
      copy.setSymName(name);
      mlir::OpBuilder builder(gadget);
      builder.setInsertionPointAfter(gadget);
      builder.insert(copy);
      auto target = copy.getBody().front().begin();
      std::advance(target, at);
      target->setAttr(
          "callee", mlir::FlatSymbolRefAttr::get(buggyCallee.getSymNameAttr()));
      return copy;
    }
    return nullptr;
  }

  CheckResult run(const char *what,
                  llvm::Expected<CheckResult> (*check)(zk::CircuitOp,
                                                       const CheckOptions &),
                  zk::CircuitOp gadget, unsigned timeoutMs = 20000) {
    // Each check tries the integer encoding first, which cannot find these
    // counterexamples and uses up its limit, then the bit-vector search
    // over small operands, which finds them in seconds: a long limit only
    // delays the answer.
    CheckOptions options;
    options.timeoutMs = timeoutMs;
    if (const char *ms = std::getenv("ZKEVMC_VERIFIER_TIMEOUT_MS"))
      options.timeoutMs = std::atoi(ms);
    llvm::Expected<CheckResult> result = check(gadget, options);
    if (!result) {
      ADD_FAILURE() << llvm::toString(result.takeError());
      return {};
    }
    std::cout << "[planted] @" << gadget.getSymName().str() << " " << what
              << ": " << verdictName(result->verdict).str() << " in "
              << llvm::formatv("{0:f3}", result->seconds).str() << " s";
    if (!result->reason.empty())
      std::cout << ": " << result->reason;
    if (result->counterexample) {
      std::cout << "\n          " << result->counterexample->explanation
                << "\n          inputs:";
      for (const std::string &w : result->counterexample->inputWords())
        std::cout << " " << w;
    }
    std::cout << "\n";
    return std::move(*result);
  }

  // The counterexample satisfies every constraint of `g` (replayed outside
  // the solver) and its outputs are not the opcode's result in limbs.
  void expectWrongResult(zk::CircuitOp g, uint8_t opcode,
                         const Counterexample &cex) {
    llvm::Expected<AssignmentCheck> replay =
        checkAssignment(g, cex.inputs, cex.witness);
    ASSERT_TRUE(static_cast<bool>(replay))
        << llvm::toString(replay.takeError());
    EXPECT_FALSE(replay->violation) << *replay->violation;
    EXPECT_EQ(replay->outputs, cex.outputs);
    std::vector<U256> operands;
    for (const std::string &w : cex.inputWords())
      operands.push_back(*U256::fromString(w));
    std::optional<U256> expected = semantics::evalPure(opcode, operands);
    ASSERT_TRUE(expected);
    bool encodesExpected = true;
    for (unsigned i = 0; i < 4; ++i)
      encodesExpected &=
          replay->outputs[i].getActiveBits() <= 64 &&
          replay->outputs[i].getZExtValue() == expected->limbs[i];
    EXPECT_FALSE(encodesExpected);
  }

  // The bug is caught: soundness of `buggy` fails with a confirmed
  // counterexample, or (compositional proofs) the check proved `buggy` with
  // the relation of a sub-circuit copy this test made buggy, and that
  // sub-circuit's own check fails with a counterexample that satisfies its
  // constraints. Proved outright, or unknown, is not caught.
  void expectSoundnessCaught(zk::CircuitOp buggy, uint8_t opcode) {
    CheckResult sound = run("soundness", checkSoundness, buggy);
    if (sound.verdict == Verdict::Failed) {
      ASSERT_TRUE(sound.counterexample);
      expectWrongResult(buggy, opcode, *sound.counterexample);
      return;
    }
    ASSERT_EQ(sound.verdict, Verdict::Proved) << "not caught: " << sound.reason;
    bool checkedCallee = false;
    for (const std::string &name : sound.assumed) {
      if (!llvm::StringRef(name).starts_with(buggy.getSymName()))
        continue;
      auto callee = module->lookupSymbol<zk::CircuitOp>(name);
      ASSERT_TRUE(callee) << name;
      checkedCallee = true;
      CheckResult sub = run("soundness", checkSoundness, callee);
      ASSERT_EQ(sub.verdict, Verdict::Failed)
          << "@" << name
          << " (the buggy sub-circuit) is not caught: " << sub.reason;
      ASSERT_TRUE(sub.counterexample);
      auto replay = checkAssignment(callee, sub.counterexample->inputs,
                                    sub.counterexample->witness);
      ASSERT_TRUE(static_cast<bool>(replay))
          << llvm::toString(replay.takeError());
      EXPECT_FALSE(replay->violation) << *replay->violation;
    }
    EXPECT_TRUE(checkedCallee)
        << "@" << buggy.getSymName().str()
        << " is proved sound without using its buggy sub-circuit";
  }

  // The bug is caught in `buggy` itself: soundness fails with a
  // counterexample that replays (every constraint holds, wrong result).
  void expectSoundnessFails(zk::CircuitOp buggy, uint8_t opcode) {
    CheckResult sound = run("soundness", checkSoundness, buggy);
    ASSERT_EQ(sound.verdict, Verdict::Failed) << "not caught: " << sound.reason;
    ASSERT_TRUE(sound.counterexample);
    expectWrongResult(buggy, opcode, *sound.counterexample);
  }

  // A sub-circuit copy the planted bug lives in: its own check fails with a
  // counterexample that satisfies its constraints, and `gadget` calls it
  // (so a proof of `gadget` names it in `assumed`, and the audit's row for
  // it fails).
  void expectBuggyCalleeFails(zk::CircuitOp gadget) {
    zk::CircuitOp callee;
    gadget.walk([&](zk::CallOp call) {
      auto c = module->lookupSymbol<zk::CircuitOp>(call.getCallee());
      if (c && c.getSymName().starts_with(gadget.getSymName()))
        callee = c;
    });
    std::string calls;
    gadget.walk([&](zk::CallOp call) { calls += " " + call.getCallee().str(); });
    ASSERT_TRUE(callee) << "@" << gadget.getSymName().str()
                        << " calls no buggy sub-circuit copy:" << calls;
    CheckResult sub = run("soundness", checkSoundness, callee);
    ASSERT_EQ(sub.verdict, Verdict::Failed)
        << "@" << callee.getSymName().str() << " is not caught: " << sub.reason;
    ASSERT_TRUE(sub.counterexample);
    auto replay = checkAssignment(callee, sub.counterexample->inputs,
                                  sub.counterexample->witness);
    ASSERT_TRUE(static_cast<bool>(replay))
        << llvm::toString(replay.takeError());
    EXPECT_FALSE(replay->violation) << *replay->violation;
  }

  mlir::MLIRContext context;
  mlir::OwningOpRef<mlir::ModuleOp> module;
};

// (b) The PSE zkEVM shift bug: the gadget splits the shift's limb 0 into a
// low byte (whose bits select 2^s) and a high part, but the constraint tying
// low + 2^8·high to the shift input is missing, so the low byte is a free
// witness and any shift amount can be claimed.
TEST_F(VerifierPlantedBugTest, ShlLowByteNotTiedToShiftIsCaught) {
  zk::CircuitOp shl = library("SHL");
  ASSERT_TRUE(shl);
  // The tie is the assert_eq on the shift's limb 0 (input 0) itself.
  zk::CircuitOp buggy = dropFirst(
      shl,
      [](mlir::Operation &op, zk::CircuitOp c) {
        auto eq = mlir::dyn_cast<zk::AssertEqOp>(op);
        mlir::Value limb0 = c.getBody().front().getArgument(0);
        return eq && (eq.getLhs() == limb0 || eq.getRhs() == limb0);
      },
      "shl_untied_low_byte");
  ASSERT_TRUE(buggy) << "no assert_eq ties the shift's limb 0 in @evm_shl";

  // The case split's first case (shift 0) has the counterexample: any low
  // byte but 0 shifts the value.
  expectSoundnessFails(buggy, 0x1b);
}

// The same bug in SHR.
TEST_F(VerifierPlantedBugTest, ShrLowByteNotTiedToShiftIsCaught) {
  zk::CircuitOp shr = library("SHR");
  ASSERT_TRUE(shr);
  // The tie is the assert_eq on the shift's limb 0 (input 0) itself.
  zk::CircuitOp buggy = dropFirst(
      shr,
      [](mlir::Operation &op, zk::CircuitOp c) {
        auto eq = mlir::dyn_cast<zk::AssertEqOp>(op);
        mlir::Value limb0 = c.getBody().front().getArgument(0);
        return eq && (eq.getLhs() == limb0 || eq.getRhs() == limb0);
      },
      "shr_untied_low_byte");
  ASSERT_TRUE(buggy) << "no assert_eq ties the shift's limb 0 in @evm_shr";

  expectSoundnessFails(buggy, 0x1c);
}

// (c) A bit decomposition missing one booleanity constraint. SHL splits
// the shift's low byte into 8 boolean witnesses b_j (Σ b_j·2^j = byte) and
// builds 2^s as Π (1 + b_j·(2^(2^j) − 1)); without b_0(b_0 − 1) = 0, b_0 = 2
// with b_1 cleared has the same weighted sum but multiplies by 3, not 4.
TEST_F(VerifierPlantedBugTest, MissingBooleanityInShiftBitsIsCaught) {
  zk::CircuitOp shl = library("SHL");
  ASSERT_TRUE(shl);
  // The first assert_bool: bit 0 of the shift's low byte.
  zk::CircuitOp buggy = dropFirst(
      shl,
      [](mlir::Operation &op, zk::CircuitOp) {
        return mlir::isa<zk::AssertBoolOp>(op);
      },
      "shl_missing_booleanity");
  ASSERT_TRUE(buggy) << "no assert_bool in @evm_shl";
  // The assert_bool lives in @bits_8, which SHL's proof replaces by its
  // relation: the copy of @bits_8 without it is what fails (b_0 = 2, b_1 = 0
  // sums like b_1 = 1), and the audit reports its row FAILED.
  expectBuggyCalleeFails(buggy);
}

// The same bug in AND's 64-bit limb decomposition: bit 0 of operand 0's
// limb 0 may be 2 (bit 1 cleared), so the AND of that "bit" with the other
// operand's bit 0 is 2. Soundness only (with the flat gadget, before the
// bit decompositions became @bits_64 calls: soundness failed in 37 s,
// determinism in 174 s on the shared machine).
TEST_F(VerifierPlantedBugTest, MissingBooleanityInAndBitsIsCaught) {
  zk::CircuitOp andGadget = library("AND");
  ASSERT_TRUE(andGadget);
  // The first assert_bool: bit 0 of operand 0's limb 0.
  zk::CircuitOp buggy = dropFirst(
      andGadget,
      [](mlir::Operation &op, zk::CircuitOp) {
        return mlir::isa<zk::AssertBoolOp>(op);
      },
      "and_missing_booleanity");
  ASSERT_TRUE(buggy) << "no assert_bool in @evm_and";
  expectSoundnessCaught(buggy, 0x16);
}

// auditModule: gadgets are audited in file order, other circuits skipped,
// and a spec naming no pure opcode is an error naming the circuit.
TEST_F(VerifierPlantedBugTest, AuditModuleAuditsGadgetsAndSkipsTheRest) {
  zk::CircuitOp notGadget = library("NOT");
  ASSERT_TRUE(notGadget);
  mlir::OpBuilder builder(&context);
  builder.setInsertionPointToEnd(module->getBody());
  auto helper = builder.create<zk::CircuitOp>(
      builder.getUnknownLoc(), "helper",
      builder.getFunctionType({zk::FeltType::get(&context)},
                              {zk::FeltType::get(&context)}),
      "bn254", nullptr, nullptr);
  mlir::Block *entry = helper.addEntryBlock();
  builder.setInsertionPointToEnd(entry);
  builder.create<zk::OutputOp>(builder.getUnknownLoc(),
                               mlir::ValueRange{entry->getArgument(0)});
  CheckOptions options;
  options.timeoutMs = 60000;
  llvm::Expected<ModuleAudit> audit = auditModule(*module, "m.mlir", options);
  ASSERT_TRUE(static_cast<bool>(audit)) << llvm::toString(audit.takeError());
  ASSERT_EQ(audit->gadgets.size(), 1u);
  EXPECT_EQ(audit->gadgets[0].opcode, "NOT");
  EXPECT_TRUE(audit->allProved());
  ASSERT_EQ(audit->skipped.size(), 1u);
  EXPECT_EQ(audit->skipped[0].circuit, "helper");
  nlohmann::ordered_json row = auditToJson(audit->gadgets[0], true);
  EXPECT_EQ(row["circuit"], "evm_not");
  EXPECT_EQ(row["soundness"]["verdict"], "proved");

  helper->setAttr(zk::kSpecAttrName, builder.getStringAttr("SLOAD"));
  llvm::Expected<ModuleAudit> bad = auditModule(*module, "m.mlir", options);
  ASSERT_FALSE(static_cast<bool>(bad));
  std::string message = llvm::toString(bad.takeError());
  EXPECT_NE(message.find("@helper: zk.spec 'SLOAD' names no pure opcode"),
            std::string::npos)
      << message;
}

} // namespace
