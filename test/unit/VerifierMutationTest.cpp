// Mutation testing of small library gadgets: every mutant is killed with a
// confirmed counterexample, proved equivalent, or unknown, and no proof the
// verifier gives is refuted by the concrete search.

#include "verifier/Assignment.h"
#include "verifier/Audit.h"
#include "verifier/Mutation.h"

#include "compiler/pipeline/Pipeline.h"
#include "dialects/zk/IR/ZkDialect.h"
#include "opcodes/OpcodeTable.h"
#include "opcodes/gadgets/Gadgets.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include "llvm/Support/FormatVariadic.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <iostream>

using namespace zkevmc;
using namespace zkevmc::verifier;

namespace {

class VerifierMutationTest : public ::testing::Test {
protected:
  VerifierMutationTest() {
    registerDialects(context);
    mlir::OpBuilder builder(&context);
    module = mlir::ModuleOp::create(builder.getUnknownLoc());
  }

  zk::CircuitOp library(const char *mnemonic) {
    const opcodes::OpcodeInfo *info = opcodes::lookupOpcodeByMnemonic(mnemonic);
    EXPECT_TRUE(info) << mnemonic;
    return info ? gadgets::getOrBuildGadget(*module, info->byte) : nullptr;
  }

  zk::CircuitOp parse(const std::string &source) {
    module = mlir::parseSourceString<mlir::ModuleOp>(source, &context);
    EXPECT_TRUE(module) << source;
    return module ? *module->getOps<zk::CircuitOp>().begin() : nullptr;
  }

  // Runs the harness on one library gadget and checks its invariants.
  void mutate(const char *mnemonic, unsigned perKind) {
    zk::CircuitOp gadget = library(mnemonic);
    ASSERT_TRUE(gadget);
    MutationOptions options;
    options.perKind = perKind;
    options.seed = 7;
    // Short queries: an unknown is allowed, a wrong verdict is not.
    options.check.timeoutMs = 3000;
    options.concrete.randomInputs = 16;
    options.concrete.perturbations = 16;
    unsigned before = countConstraints(gadget);
    auto circuits = [&] {
      return std::distance(module->getOps<zk::CircuitOp>().begin(),
                           module->getOps<zk::CircuitOp>().end());
    };
    auto circuitsBefore = circuits();
    llvm::Expected<std::vector<MutantReport>> reports =
        runMutants(gadget, options);
    ASSERT_TRUE(static_cast<bool>(reports))
        << llvm::toString(reports.takeError());
    // The mutants are erased again and the original is untouched.
    EXPECT_EQ(circuits(), circuitsBefore);
    EXPECT_EQ(countConstraints(gadget), before);
    unsigned counts[3] = {0, 0, 0};
    for (const MutantReport &r : *reports) {
      ++counts[static_cast<int>(r.verdict)];
      std::cout << "[mutation] " << mnemonic << " "
                << mutationKindName(r.mutation.kind).str() << " "
                << r.mutation.describe() << ": "
                << mutantClassName(r.verdict).str() << " ("
                << verdictName(r.results[0].verdict).str() << "/"
                << verdictName(r.results[1].verdict).str() << "/"
                << verdictName(r.results[2].verdict).str() << ", "
                << llvm::formatv("{0:f1}", r.seconds).str() << " s)";
      if (r.concrete.soundness)
        std::cout << "\n    concrete: " << *r.concrete.soundness;
      std::cout << "\n";
      EXPECT_FALSE(r.verifierBug)
          << mnemonic << " " << r.mutation.describe() << ": " << *r.verifierBug;
    }
    std::cout << "[mutation] " << mnemonic << ": " << reports->size()
              << " mutants, " << counts[0] << " killed, " << counts[1]
              << " equivalent, " << counts[2] << " unknown\n";
    EXPECT_FALSE(reports->empty());
  }

  mlir::MLIRContext context;
  mlir::OwningOpRef<mlir::ModuleOp> module;
};

TEST_F(VerifierMutationTest, Add) { mutate("ADD", 2); }
TEST_F(VerifierMutationTest, IsZero) { mutate("ISZERO", 2); }
TEST_F(VerifierMutationTest, Not) { mutate("NOT", 2); }
// AND is left to bench/mutation/run.sh: since its limbs are decomposed by
// @bits_64 calls, each AND mutant takes 80-130 s of checks on the shared
// machine even at 3 s per query.
TEST_F(VerifierMutationTest, Lt) { mutate("LT", 2); }

// The unmutated library gadgets pass the concrete search: it would not
// flag a correct gadget.
TEST_F(VerifierMutationTest, ConcreteSearchAcceptsLibraryGadgets) {
  for (const char *mnemonic :
       {"ADD", "ISZERO", "NOT", "AND", "LT", "SUB", "EQ", "SHL", "BYTE"}) {
    zk::CircuitOp gadget = library(mnemonic);
    ASSERT_TRUE(gadget);
    ConcreteSearchOptions options;
    options.randomInputs = 32;
    llvm::Expected<ConcreteFindings> found = searchConcretely(gadget, options);
    ASSERT_TRUE(static_cast<bool>(found)) << llvm::toString(found.takeError());
    EXPECT_FALSE(found->soundness) << mnemonic << ": " << *found->soundness;
    EXPECT_FALSE(found->completeness)
        << mnemonic << ": " << *found->completeness;
    EXPECT_FALSE(found->determinism) << mnemonic << ": " << *found->determinism;
    // Every operand tuple ran (12 edge words or their pairs, then the
    // random ones); NOT has no witness to perturb.
    EXPECT_GE(found->assignments, 12u + options.randomInputs);
  }
}

// The concrete search finds the planted ISZERO bug (a free inverse without
// s·out = 0) without the solver: a perturbed inverse gives a wrong result.
TEST_F(VerifierMutationTest, ConcreteSearchFindsFreeInverse) {
  zk::CircuitOp gadget = parse(
      "zk.circuit @iszero(%x0: !zk.felt, %x1: !zk.felt, %x2: !zk.felt, %x3: "
      "!zk.felt) -> (!zk.felt, !zk.felt, !zk.felt, !zk.felt) attributes "
      "{field = \"bn254\", zk.spec = \"ISZERO\"} {\n"
      "  %a = zk.add %x0, %x1\n  %b = zk.add %x2, %x3\n  %s = zk.add %a, %b\n"
      "  %inv = zk.witness %s : (!zk.felt) -> !zk.felt {\n"
      "  ^bb0(%v: !zk.felt):\n    %i = zk.inv %v\n"
      "    zk.yield %i : !zk.felt\n  }\n"
      "  %one = zk.const 1\n  %zero = zk.const 0\n"
      "  %p = zk.mul %s, %inv\n  %out = zk.sub %one, %p\n"
      "  zk.output %out, %zero, %zero, %zero : !zk.felt, !zk.felt, "
      "!zk.felt, !zk.felt\n}\n");
  ASSERT_TRUE(gadget);
  llvm::Expected<ConcreteFindings> found = searchConcretely(gadget, {});
  ASSERT_TRUE(static_cast<bool>(found)) << llvm::toString(found.takeError());
  EXPECT_TRUE(found->soundness);
  EXPECT_TRUE(found->determinism);
  EXPECT_FALSE(found->completeness);
}

// Each kind of mutation changes the gadget as described.
TEST_F(VerifierMutationTest, MutationsApply) {
  zk::CircuitOp gadget = library("ADD");
  ASSERT_TRUE(gadget);
  std::vector<Mutation> all = sampleMutations(gadget, 1000, 1);
  unsigned drops = 0, perturbs = 0, swaps = 0;
  for (const Mutation &m : all) {
    drops += m.kind == MutationKind::DropConstraint;
    perturbs += m.kind == MutationKind::PerturbConstant;
    swaps += m.kind == MutationKind::SwapWires;
  }
  EXPECT_EQ(drops, countConstraints(gadget));
  EXPECT_GT(perturbs, 0u);
  EXPECT_GT(swaps, 0u);
  // Sampling is reproducible.
  std::vector<Mutation> again = sampleMutations(gadget, 3, 5);
  std::vector<Mutation> same = sampleMutations(gadget, 3, 5);
  ASSERT_EQ(again.size(), same.size());
  for (unsigned i = 0; i < again.size(); ++i)
    EXPECT_EQ(again[i].describe(), same[i].describe());

  for (const Mutation &m : sampleMutations(gadget, 2, 3)) {
    llvm::Expected<zk::CircuitOp> mutant = applyMutation(gadget, m, "mutant");
    ASSERT_TRUE(static_cast<bool>(mutant))
        << llvm::toString(mutant.takeError());
    std::string before, after;
    llvm::raw_string_ostream b(before), a(after);
    gadget.getBody().front().print(b);
    mutant->getBody().front().print(a);
    EXPECT_NE(b.str(), a.str()) << m.describe();
    if (m.kind == MutationKind::DropConstraint) {
      EXPECT_EQ(countConstraints(*mutant) + 1, countConstraints(gadget));
    }
    mutant->erase();
  }
  Mutation bad;
  bad.kind = MutationKind::DropConstraint;
  bad.op = 0; // a zk.const or hint, not a constraint
  while (bad.op < 100 &&
         std::any_of(all.begin(), all.end(), [&](const Mutation &m) {
           return m.kind == MutationKind::DropConstraint && m.op == bad.op;
         }))
    ++bad.op;
  llvm::Expected<zk::CircuitOp> rejected = applyMutation(gadget, bad, "x");
  EXPECT_FALSE(static_cast<bool>(rejected));
  llvm::consumeError(rejected.takeError());
}

} // namespace
