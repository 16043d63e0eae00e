// Proves hand-written gadgets and catches planted bugs with the verifier.

#include "verifier/Assignment.h"
#include "verifier/GadgetCheck.h"

#include "compiler/pipeline/Pipeline.h"
#include "dialects/zk/IR/ZkDialect.h"
#include "opcodes/Semantics.h"
#include "opcodes/gadgets/Gadgets.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include "gtest/gtest.h"

#include <cstdlib>
#include <iostream>
#include <string>

using namespace zkevmc::verifier;
using llvm::APInt;

namespace {

//===----------------------------------------------------------------------===//
// Gadget sources
//===----------------------------------------------------------------------===//

std::string feltArgs(const std::string &name, unsigned from, unsigned n) {
  std::string text;
  for (unsigned i = from; i < from + n; ++i)
    text += (text.empty() ? "" : ", ") + ("%" + name + std::to_string(i)) +
            ": !zk.felt";
  return text;
}

std::string feltTypes(unsigned n) {
  std::string text;
  for (unsigned i = 0; i < n; ++i)
    text += (i ? ", " : "") + std::string("!zk.felt");
  return text;
}

enum class AddBug {
  None,
  /// The last carry is not constrained boolean. (An inner carry c_i would
  /// still be pinned to {0, 1} by limb i + 1's equation and range checks.)
  UnconstrainedCarry,
  /// Result limb 0 is range checked to 65 bits.
  WideRange,
  /// Requires the last carry to be 0: rejects sums that overflow.
  NoOverflow,
};

// ADD over 64-bit limbs: a_i + b_i + c_{i-1} = r_i + 2^64 c_i, with c_i
// boolean and r_i in 64 bits; the hints compute r_i and c_i.
std::string addGadget(AddBug bug) {
  std::string text = "zk.circuit @add(" + feltArgs("a", 0, 4) + ", " +
                     feltArgs("b", 0, 4) + ") -> (" + feltTypes(4) +
                     ") attributes {field = \"bn254\", zk.spec = \"ADD\"} {\n"
                     "  %k = zk.const 18446744073709551616\n";
  for (unsigned i = 0; i < 4; ++i) {
    std::string n = std::to_string(i);
    std::string carryIn = i ? ", %c" + std::to_string(i - 1) : "";
    text += llvm::formatv(
        "  %r{0}, %c{0} = zk.witness %a{0}, %b{0}{1} : ({2}) -> (!zk.felt, "
        "!zk.felt) {\n"
        "  ^bb0(%x{0}: !zk.felt, %y{0}: !zk.felt{3}):\n"
        "    %xi{0} = zk.to_int %x{0} : i256\n"
        "    %yi{0} = zk.to_int %y{0} : i256\n"
        "    %s{0} = arith.addi %xi{0}, %yi{0} : i256\n"
        "{4}"
        "    %lo{0} = arith.trunci %t{0} : i256 to i64\n"
        "    %sh{0} = arith.constant 64 : i256\n"
        "    %hi{0} = arith.shrui %t{0}, %sh{0} : i256\n"
        "    %hb{0} = arith.trunci %hi{0} : i256 to i1\n"
        "    %rf{0} = zk.from_int %lo{0} : i64\n"
        "    %cf{0} = zk.from_int %hb{0} : i1\n"
        "    zk.yield %rf{0}, %cf{0} : !zk.felt, !zk.felt\n"
        "  }\n",
        n, carryIn, feltTypes(i ? 3 : 2), i ? ", %z" + n + ": !zk.felt" : "",
        i ? "    %zi" + n + " = zk.to_int %z" + n + " : i256\n    %t" + n +
                " = arith.addi %s" + n + ", %zi" + n + " : i256\n"
          : "    %t0x = arith.constant 0 : i256\n"
            "    %t0 = arith.addi %s0, %t0x : i256\n");
    text += llvm::formatv("  %ab{0} = zk.add %a{0}, %b{0}\n", n);
    if (i)
      text += llvm::formatv("  %lhs{0} = zk.add %ab{0}, %c{1}\n", n, i - 1);
    else
      text += "  %lhs0 = zk.add %ab0, %zero\n";
    text += llvm::formatv("  %h{0} = zk.mul %k, %c{0}\n"
                          "  %rhs{0} = zk.add %r{0}, %h{0}\n"
                          "  zk.assert_eq %lhs{0}, %rhs{0}\n",
                          n);
    if (!(bug == AddBug::UnconstrainedCarry && i == 3))
      text += "  zk.assert_bool %c" + n + "\n";
    text += llvm::formatv("  zk.range %r{0}, {1}\n", n,
                          bug == AddBug::WideRange && i == 0 ? 65 : 64);
  }
  if (bug == AddBug::NoOverflow)
    text += "  zk.assert_eq %c3, %zero\n";
  text += "  zk.output %r0, %r1, %r2, %r3 : " + feltTypes(4) + "\n}\n";
  // %zero is used by limb 0 and the overflow bug; define it first.
  size_t body = text.find("  %k = ");
  text.insert(body, "  %zero = zk.const 0\n");
  return text;
}

// ISZERO: s = sum of the limbs, out = 1 - s * inv(s), s * out = 0.
std::string isZeroGadget(bool constrainProduct) {
  std::string text =
      "zk.circuit @iszero(" + feltArgs("x", 0, 4) + ") -> (" + feltTypes(4) +
      ") attributes {field = \"bn254\", zk.spec = \"ISZERO\"} {\n"
      "  %s01 = zk.add %x0, %x1\n"
      "  %s012 = zk.add %s01, %x2\n"
      "  %s = zk.add %s012, %x3\n"
      "  %inv = zk.witness %s : (!zk.felt) -> !zk.felt {\n"
      "  ^bb0(%v: !zk.felt):\n"
      "    %i = zk.inv %v\n"
      "    zk.yield %i : !zk.felt\n"
      "  }\n"
      "  %one = zk.const 1\n"
      "  %zero = zk.const 0\n"
      "  %p = zk.mul %s, %inv\n"
      "  %out = zk.sub %one, %p\n";
  if (constrainProduct)
    text += "  %z = zk.mul %s, %out\n"
            "  zk.assert_eq %z, %zero\n";
  text += "  zk.output %out, %zero, %zero, %zero : " + feltTypes(4) + "\n}\n";
  return text;
}

// MOD with the PSE zkEVM bug: q * n + r = a is only checked modulo 2^256
// (columns 0-3 of the limb product, the carry out of column 3 is free), so a
// q whose product overflows proves a wrong remainder. r < n is checked
// through n - r - 1 = d without borrow. Only soundness is checked, so the
// hint yields zeros.
std::string buggyModGadget() {
  std::string results;
  for (const char *name : {"q", "r", "cc", "bo", "d"})
    for (unsigned i = 0; i < 4; ++i)
      results += (results.empty() ? "%" : ", %") + std::string(name) +
                 std::to_string(i);
  std::string text = "zk.circuit @mod(" + feltArgs("a", 0, 4) + ", " +
                     feltArgs("n", 0, 4) + ") -> (" + feltTypes(4) +
                     ") attributes {field = \"bn254\", zk.spec = \"MOD\"} {\n" +
                     "  " + results + " = zk.witness : () -> (" +
                     feltTypes(20) +
                     ") {\n"
                     "    %z = zk.const 0\n"
                     "    zk.yield %z";
  for (unsigned i = 1; i < 20; ++i)
    text += ", %z";
  text += " : " + feltTypes(20) + "\n  }\n";
  text += "  %k = zk.const 18446744073709551616\n"
          "  %zero = zk.const 0\n"
          "  %one = zk.const 1\n";
  for (unsigned i = 0; i < 4; ++i)
    text += llvm::formatv("  zk.range %q{0}, 64\n  zk.range %r{0}, 64\n"
                          "  zk.range %d{0}, 64\n  zk.assert_bool %bo{0}\n"
                          "  zk.range %cc{0}, 68\n",
                          i);
  for (unsigned k = 0; k < 4; ++k) {
    std::string acc = "%r" + std::to_string(k);
    if (k) {
      text +=
          llvm::formatv("  %col{0}_c = zk.add {1}, %cc{2}\n", k, acc, k - 1);
      acc = llvm::formatv("%col{0}_c", k);
    }
    for (unsigned i = 0; i <= k; ++i) {
      text += llvm::formatv("  %p{0}_{1} = zk.mul %q{0}, %n{1}\n"
                            "  %col{2}_{0} = zk.add {3}, %p{0}_{1}\n",
                            i, k - i, k, acc);
      acc = llvm::formatv("%col{0}_{1}", k, i);
    }
    text += llvm::formatv("  %hc{0} = zk.mul %k, %cc{0}\n"
                          "  %rhs{0} = zk.add %a{0}, %hc{0}\n"
                          "  zk.assert_eq {1}, %rhs{0}\n",
                          k, acc);
  }
  // n_i + 2^64 bo_i = r_i + d_i + bo_{i-1} (+1 in limb 0), bo_3 = 0.
  for (unsigned i = 0; i < 4; ++i) {
    std::string in = i ? "%bo" + std::to_string(i - 1) : "%one";
    text += llvm::formatv("  %hb{0} = zk.mul %k, %bo{0}\n"
                          "  %nl{0} = zk.add %n{0}, %hb{0}\n"
                          "  %rd{0} = zk.add %r{0}, %d{0}\n"
                          "  %rr{0} = zk.add %rd{0}, {1}\n"
                          "  zk.assert_eq %nl{0}, %rr{0}\n",
                          i, in);
  }
  text += "  zk.assert_eq %bo3, %zero\n";
  text += "  zk.output %r0, %r1, %r2, %r3 : " + feltTypes(4) + "\n}\n";
  return text;
}

//===----------------------------------------------------------------------===//
// Fixture
//===----------------------------------------------------------------------===//

class VerifierGadgetTest : public ::testing::Test {
protected:
  VerifierGadgetTest() { zkevmc::registerDialects(context); }

  zkevmc::zk::CircuitOp parse(const std::string &source) {
    module = mlir::parseSourceString<mlir::ModuleOp>(source, &context);
    EXPECT_TRUE(module) << source;
    if (!module)
      return nullptr;
    auto circuits = module->getOps<zkevmc::zk::CircuitOp>();
    EXPECT_FALSE(circuits.empty());
    return *circuits.begin();
  }

  CheckResult run(const char *what,
                  llvm::Expected<CheckResult> (*check)(zkevmc::zk::CircuitOp,
                                                       const CheckOptions &),
                  zkevmc::zk::CircuitOp gadget) {
    // Every check here decides in seconds; the limit only bounds a
    // regression (a timeout reads as unknown and fails the test).
    CheckOptions options;
    options.timeoutMs = 60000;
    if (const char *ms = std::getenv("ZKEVMC_VERIFIER_TIMEOUT_MS"))
      options.timeoutMs = std::atoi(ms);
    llvm::Expected<CheckResult> result = check(gadget, options);
    if (!result) {
      ADD_FAILURE() << llvm::toString(result.takeError());
      return {};
    }
    std::cout << "[verifier] @" << gadget.getSymName().str() << " " << what
              << ": " << verdictName(result->verdict).str() << " in "
              << llvm::formatv("{0:f3}", result->seconds).str() << " s ("
              << result->queries << " queries)";
    if (!result->reason.empty())
      std::cout << ": " << result->reason;
    if (result->counterexample) {
      std::cout << "\n           " << result->counterexample->explanation
                << "\n           inputs:";
      for (const std::string &w : result->counterexample->inputWords())
        std::cout << " " << w;
    }
    std::cout << "\n";
    return std::move(*result);
  }
  CheckResult soundness(zkevmc::zk::CircuitOp g) {
    return run("soundness", checkSoundness, g);
  }
  CheckResult completeness(zkevmc::zk::CircuitOp g) {
    return run("completeness", checkCompleteness, g);
  }
  CheckResult determinism(zkevmc::zk::CircuitOp g) {
    return run("determinism", checkDeterminism, g);
  }

  // A failed check's counterexample satisfies every constraint (both
  // witnesses for determinism), checked here again on its own.
  void expectSatisfying(zkevmc::zk::CircuitOp g, const Counterexample &cex) {
    auto one = checkAssignment(g, cex.inputs, cex.witness);
    ASSERT_TRUE(static_cast<bool>(one)) << llvm::toString(one.takeError());
    EXPECT_FALSE(one->violation) << *one->violation;
    EXPECT_EQ(one->outputs, cex.outputs);
    if (cex.witness2.empty())
      return;
    auto two = checkAssignment(g, cex.inputs, cex.witness2);
    ASSERT_TRUE(static_cast<bool>(two)) << llvm::toString(two.takeError());
    EXPECT_FALSE(two->violation) << *two->violation;
    EXPECT_NE(one->outputs, two->outputs);
  }

  mlir::MLIRContext context;
  mlir::OwningOpRef<mlir::ModuleOp> module;
};

TEST_F(VerifierGadgetTest, CorrectAddIsProved) {
  zkevmc::zk::CircuitOp g = parse(addGadget(AddBug::None));
  ASSERT_TRUE(g);
  EXPECT_EQ(soundness(g).verdict, Verdict::Proved);
  EXPECT_EQ(completeness(g).verdict, Verdict::Proved);
  EXPECT_EQ(determinism(g).verdict, Verdict::Proved);
}

TEST_F(VerifierGadgetTest, CorrectIsZeroIsProved) {
  zkevmc::zk::CircuitOp g = parse(isZeroGadget(true));
  ASSERT_TRUE(g);
  EXPECT_EQ(soundness(g).verdict, Verdict::Proved);
  EXPECT_EQ(completeness(g).verdict, Verdict::Proved);
  EXPECT_EQ(determinism(g).verdict, Verdict::Proved);
}

// A last carry that is not boolean lets 2^64 c_3 absorb any difference
// modulo p, so r_3 is free. The integer encoding treats 2^64·c_3 of a free
// c_3 as a free felt (multiplying by a non-zero constant is a bijection),
// so both counterexamples come in milliseconds; bit-blasting had to invert
// the product modulo p (determinism timed out after 300 s).
TEST_F(VerifierGadgetTest, UnconstrainedCarryIsCaught) {
  zkevmc::zk::CircuitOp g = parse(addGadget(AddBug::UnconstrainedCarry));
  ASSERT_TRUE(g);
  CheckResult sound = soundness(g);
  ASSERT_EQ(sound.verdict, Verdict::Failed);
  expectSatisfying(g, *sound.counterexample);
  CheckResult det = determinism(g);
  ASSERT_EQ(det.verdict, Verdict::Failed);
  expectSatisfying(g, *det.counterexample);
  // The two witnesses differ in the top limb, which the carry should fix.
  EXPECT_NE(det.counterexample->outputs[3], det.counterexample->outputs2[3]);
  EXPECT_EQ(completeness(g).verdict, Verdict::Proved);
}

// Without s * out = 0 any out = 1 - s * w is accepted.
TEST_F(VerifierGadgetTest, IsZeroWithoutProductConstraintIsCaught) {
  zkevmc::zk::CircuitOp g = parse(isZeroGadget(false));
  ASSERT_TRUE(g);
  CheckResult det = determinism(g);
  ASSERT_EQ(det.verdict, Verdict::Failed);
  expectSatisfying(g, *det.counterexample);
  CheckResult sound = soundness(g);
  ASSERT_EQ(sound.verdict, Verdict::Failed);
  expectSatisfying(g, *sound.counterexample);
  EXPECT_EQ(completeness(g).verdict, Verdict::Proved);
}

// A gadget whose hints and constraints agree on the wrong answer (out =
// s·inv, NOT ISZERO) is caught before any solver query: its own witness on
// the edge operand 0 satisfies every constraint and gives 0, not 1.
TEST_F(VerifierGadgetTest, ConsistentlyWrongGadgetFailsOnEdgeOperands) {
  std::string text = isZeroGadget(true);
  size_t at = text.find("%out = zk.sub %one, %p");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, std::string("%out = zk.sub %one, %p").size(),
               "%out = zk.sub %p, %zero");
  text.replace(text.find("%z = zk.mul %s, %out"),
               std::string("%z = zk.mul %s, %out").size(),
               "%q = zk.sub %one, %out\n  %z = zk.mul %s, %q");
  zkevmc::zk::CircuitOp g = parse(text);
  ASSERT_TRUE(g);
  for (CheckResult r : {soundness(g), completeness(g)}) {
    ASSERT_EQ(r.verdict, Verdict::Failed);
    EXPECT_EQ(r.method, "edge-case evaluation");
    EXPECT_EQ(r.queries, 0u);
    const Counterexample &cex = *r.counterexample;
    expectSatisfying(g, cex);
    EXPECT_EQ(cex.inputWords(), std::vector<std::string>{"0"});
    EXPECT_EQ(cex.explanation, "ISZERO gives 0, expected 1");
  }
}

// r_0 in 65 bits lets c_0 = 0 keep the carry in r_0: not a word any more.
TEST_F(VerifierGadgetTest, WideRangeIsCaught) {
  zkevmc::zk::CircuitOp g = parse(addGadget(AddBug::WideRange));
  ASSERT_TRUE(g);
  CheckResult sound = soundness(g);
  ASSERT_EQ(sound.verdict, Verdict::Failed);
  expectSatisfying(g, *sound.counterexample);
  EXPECT_GE(sound.counterexample->outputs[0].getActiveBits(), 65u);
  CheckResult det = determinism(g);
  ASSERT_EQ(det.verdict, Verdict::Failed);
  expectSatisfying(g, *det.counterexample);
  EXPECT_EQ(completeness(g).verdict, Verdict::Proved);
}

// c_3 = 0 rejects every sum that wraps: sound but not complete.
TEST_F(VerifierGadgetTest, RejectedOverflowIsIncomplete) {
  zkevmc::zk::CircuitOp g = parse(addGadget(AddBug::NoOverflow));
  ASSERT_TRUE(g);
  CheckResult complete = completeness(g);
  ASSERT_EQ(complete.verdict, Verdict::Failed);
  const Counterexample &cex = *complete.counterexample;
  // The evaluator's witness breaks a constraint on these inputs, and they
  // do overflow.
  auto replay = checkAssignment(g, cex.inputs, cex.witness);
  ASSERT_TRUE(static_cast<bool>(replay)) << llvm::toString(replay.takeError());
  EXPECT_TRUE(replay->violation.has_value());
  std::vector<std::string> words = cex.inputWords();
  zkevmc::U256 a = *zkevmc::U256::fromString(words[0]);
  zkevmc::U256 b = *zkevmc::U256::fromString(words[1]);
  EXPECT_LT(a + b, a);
  EXPECT_EQ(soundness(g).verdict, Verdict::Proved);
  EXPECT_EQ(determinism(g).verdict, Verdict::Proved);
}

// The PSE zkEVM MOD bug: q * n + r overflowing 2^256 proves a wrong r.
TEST_F(VerifierGadgetTest, ModProductOverflowIsCaught) {
  zkevmc::zk::CircuitOp g = parse(buggyModGadget());
  ASSERT_TRUE(g);
  CheckResult sound = soundness(g);
  ASSERT_EQ(sound.verdict, Verdict::Failed);
  const Counterexample &cex = *sound.counterexample;
  expectSatisfying(g, cex);
  std::vector<std::string> words = cex.inputWords();
  zkevmc::U256 a = *zkevmc::U256::fromString(words[0]);
  zkevmc::U256 n = *zkevmc::U256::fromString(words[1]);
  zkevmc::U256 r = zkevmc::U256::fromLimbs(
      cex.outputs[0].getZExtValue(), cex.outputs[1].getZExtValue(),
      cex.outputs[2].getZExtValue(), cex.outputs[3].getZExtValue());
  EXPECT_NE(r, zkevmc::semantics::mod(a, n));
  // q * n + r (from the witness) exceeds 2^256.
  zkevmc::U256 q = zkevmc::U256::fromLimbs(
      cex.witness[0].getZExtValue(), cex.witness[1].getZExtValue(),
      cex.witness[2].getZExtValue(), cex.witness[3].getZExtValue());
  std::array<uint64_t, 8> product = zkevmc::U256::mulFull(q, n);
  bool high = product[4] | product[5] | product[6] | product[7];
  EXPECT_TRUE(high || q * n + r < r);
}

// zk.call is inlined during encoding: ISZERO with the limb sum and the
// zero test in sub-circuits is proved like the flat one.
TEST_F(VerifierGadgetTest, CallsAreInlined) {
  std::string text = isZeroGadget(true);
  size_t sum = text.find("  %s01");
  size_t hint = text.find("  %inv");
  text.replace(sum, hint - sum,
               "  %s = zk.call @sum4(%x0, %x1, %x2, %x3) : (" + feltTypes(4) +
                   ") -> !zk.felt\n");
  text = "zk.circuit @sum4(" + feltArgs("y", 0, 4) +
         ") -> !zk.felt attributes {field = \"bn254\"} {\n"
         "  %a = zk.add %y0, %y1\n  %b = zk.add %y2, %y3\n"
         "  %c = zk.add %a, %b\n  zk.output %c : !zk.felt\n}\n" +
         text;
  // parse() takes the first circuit; the gadget is the second.
  ASSERT_TRUE(parse(text));
  auto circuits = module->getOps<zkevmc::zk::CircuitOp>();
  zkevmc::zk::CircuitOp g = *std::next(circuits.begin());
  ASSERT_EQ(g.getSymName(), "iszero");
  EXPECT_EQ(soundness(g).verdict, Verdict::Proved);
  EXPECT_EQ(completeness(g).verdict, Verdict::Proved);
  EXPECT_EQ(determinism(g).verdict, Verdict::Proved);
}

// The gadget library's ADD (opcodes/gadgets, hints on i256) is proved.
TEST_F(VerifierGadgetTest, LibraryAddIsProved) {
  mlir::OpBuilder builder(&context);
  module = mlir::ModuleOp::create(builder.getUnknownLoc());
  zkevmc::zk::CircuitOp g = zkevmc::gadgets::getOrBuildGadget(*module, 0x01);
  ASSERT_TRUE(g);
  EXPECT_EQ(soundness(g).verdict, Verdict::Proved);
  EXPECT_EQ(completeness(g).verdict, Verdict::Proved);
  EXPECT_EQ(determinism(g).verdict, Verdict::Proved);
}

// The library's MUL (limb product columns) is proved by the integer
// encoding: the limb products are monomials, so the query is linear in them.
TEST_F(VerifierGadgetTest, LibraryMulIsProvedByIntegers) {
  mlir::OpBuilder builder(&context);
  module = mlir::ModuleOp::create(builder.getUnknownLoc());
  zkevmc::zk::CircuitOp g = zkevmc::gadgets::getOrBuildGadget(*module, 0x02);
  ASSERT_TRUE(g);
  CheckResult sound = soundness(g);
  EXPECT_EQ(sound.verdict, Verdict::Proved);
  EXPECT_EQ(sound.method, "integer encoding");
  CheckResult complete = completeness(g);
  EXPECT_EQ(complete.verdict, Verdict::Proved);
  EXPECT_EQ(complete.method, "integer encoding");
  CheckResult det = determinism(g);
  EXPECT_EQ(det.verdict, Verdict::Proved);
  EXPECT_EQ(det.method, "derived from soundness");
}

// The rest of the arithmetic family is proved by the integer encoding
// too: SUB, LT and GT (128-bit chunks with borrows), SLT and SGT (the borrow
// plus the sign bits, linear), EQ (4 products; its hint inverts h1 only when
// h0 = 0, which needs the encoding's fact for x·(c·inv(x))).
TEST_F(VerifierGadgetTest, LibraryArithmeticIsProvedByIntegers) {
  mlir::OpBuilder builder(&context);
  module = mlir::ModuleOp::create(builder.getUnknownLoc());
  for (uint8_t opcode : {0x03, 0x10, 0x11, 0x12, 0x13, 0x14}) {
    zkevmc::zk::CircuitOp g =
        zkevmc::gadgets::getOrBuildGadget(*module, opcode);
    ASSERT_TRUE(g);
    CheckResult sound = soundness(g);
    EXPECT_EQ(sound.verdict, Verdict::Proved) << g.getSymName().str();
    EXPECT_EQ(sound.method, "integer encoding");
    CheckResult complete = completeness(g);
    EXPECT_EQ(complete.verdict, Verdict::Proved) << g.getSymName().str();
    EXPECT_EQ(complete.method, "integer encoding");
    EXPECT_EQ(determinism(g).verdict, Verdict::Proved) << g.getSymName().str();
  }
}

// MOD through the @divmod_4 sub-circuit: the caller is proved with the
// callee's guarantee (and says so), and the sub-circuit's own relation is
// proved sound.
TEST_F(VerifierGadgetTest, LibraryModIsProvedThroughDivmod) {
  mlir::OpBuilder builder(&context);
  module = mlir::ModuleOp::create(builder.getUnknownLoc());
  zkevmc::zk::CircuitOp g = zkevmc::gadgets::getOrBuildGadget(*module, 0x06);
  ASSERT_TRUE(g);
  CheckResult sound = soundness(g);
  EXPECT_EQ(sound.verdict, Verdict::Proved);
  // The divisor's zero test is the sub-circuit @is_zero.
  EXPECT_EQ(sound.assumed, (std::vector<std::string>{"is_zero", "divmod_4"}));
  EXPECT_EQ(completeness(g).verdict, Verdict::Proved);
  auto isZero = module->lookupSymbol<zkevmc::zk::CircuitOp>("is_zero");
  ASSERT_TRUE(isZero);
  EXPECT_EQ(soundness(isZero).verdict, Verdict::Proved);
  EXPECT_EQ(completeness(isZero).verdict, Verdict::Proved);
  EXPECT_EQ(determinism(isZero).verdict, Verdict::Proved);
  auto divmod = module->lookupSymbol<zkevmc::zk::CircuitOp>("divmod_4");
  ASSERT_TRUE(divmod);
  EXPECT_EQ(soundness(divmod).verdict, Verdict::Proved);
}

// Circuits that are not gadgets are errors, not verdicts.
TEST_F(VerifierGadgetTest, RejectsNonGadgets) {
  zkevmc::zk::CircuitOp g = parse(
      "zk.circuit @f(%x: !zk.felt) -> !zk.felt attributes {field = \"bn254\"}"
      " {\n  zk.output %x : !zk.felt\n}\n");
  ASSERT_TRUE(g);
  llvm::Expected<CheckResult> r = checkSoundness(g);
  EXPECT_FALSE(static_cast<bool>(r));
  llvm::consumeError(r.takeError());
}

} // namespace
