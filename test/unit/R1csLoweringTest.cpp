//===- R1csLoweringTest.cpp - zk→R1CS lowering on real witnesses ----------===//
//
// For every opcode gadget at -O0, -O1 and -O2: the R1CS witness computed from
// the evaluator's values satisfies every constraint, its output wires decode
// to the exact semantics, changing one wire breaks a constraint, public wires
// survive, and optimisation never adds constraints. Small hand-written
// circuits pin down the linearisation, the elimination and the errors.
//
//===----------------------------------------------------------------------===//

#include "compiler/pipeline/Pipeline.h"
#include "compiler/r1cs/Lowering.h"
#include "opcodes/OpcodeTable.h"
#include "opcodes/Semantics.h"
#include "opcodes/gadgets/Gadgets.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"

#include "gtest/gtest.h"

#include <cstdlib>
#include <random>

using namespace mlir;
using llvm::APInt;
using zkevmc::U256;
namespace r1cs = zkevmc::r1cs;
using r1cs::Fr;
using r1cs::OptLevel;

namespace {

uint64_t seedFromEnvironment() {
  const char *text = std::getenv("ZKEVMC_SEED");
  return text ? std::strtoull(text, nullptr, 0) : 20261126;
}

U256 randomWord(std::mt19937_64 &rng) {
  switch (rng() % 4) {
  case 0:
    return U256(rng() % 8);
  case 1:
    return U256::fromLimbs(rng(), rng(), 0, 0);
  default:
    return U256::fromLimbs(rng(), rng(), rng(), rng());
  }
}

std::vector<U256> edgeWords() {
  return {U256(0),
          U256(1),
          U256::max(),
          U256(1) << 255,
          U256(0xffffffffffffffffull),
          U256(255),
          U256(256),
          (U256(1) << 255) - U256(1)};
}

std::vector<APInt> limbsOf(llvm::ArrayRef<U256> words) {
  std::vector<APInt> limbs;
  for (const U256 &w : words)
    for (uint64_t limb : w.limbs)
      limbs.push_back(APInt(64, limb));
  return limbs;
}

std::optional<U256> decodeWires(const r1cs::Witness &witness, uint32_t first) {
  U256 w;
  for (unsigned i = 0; i < 4; ++i) {
    zkevmc::bn254::Limbs l = witness[first + i].toLimbs();
    if (l[1] || l[2] || l[3])
      return std::nullopt;
    w.limbs[i] = l[0];
  }
  return w;
}

class R1csGadgetTest
    : public ::testing::TestWithParam<std::tuple<uint8_t, OptLevel>> {
protected:
  R1csGadgetTest() { zkevmc::registerDialects(context); }
  MLIRContext context;
};

TEST_P(R1csGadgetTest, WitnessSatisfiesR1csAndMatchesSemantics) {
  auto [opcode, level] = GetParam();
  const zkevmc::opcodes::OpcodeInfo *info =
      zkevmc::opcodes::lookupOpcode(opcode);
  OwningOpRef<ModuleOp> module = ModuleOp::create(UnknownLoc::get(&context));
  zkevmc::zk::CircuitOp gadget =
      zkevmc::gadgets::getOrBuildGadget(*module, opcode);
  ASSERT_TRUE(gadget);
  auto lowered = r1cs::lowerToR1cs(gadget, level);
  ASSERT_TRUE(static_cast<bool>(lowered)) << toString(lowered.takeError());
  const r1cs::R1cs &system = lowered->System;
  ASSERT_EQ(system.NPubOut, 4u);
  ASSERT_EQ(system.NPrvIn, 4u * info->stackIn);
  ASSERT_EQ(system.NPubIn, 0u);
  ASSERT_EQ(system.WireToLabel.size(), system.NWires);
  std::vector<uint32_t> bitWires;
  for (uint32_t w = 0; w < system.NWires; ++w)
    if (lowered->Sources[system.WireToLabel[w]].Kind ==
        r1cs::WireSource::SourceKind::Bit)
      bitWires.push_back(w);

  uint64_t seed = seedFromEnvironment() + opcode;
  std::mt19937_64 rng(seed);
  std::vector<std::vector<U256>> cases;
  std::vector<U256> edges = edgeWords();
  for (size_t i = 0; i < edges.size(); ++i)
    for (size_t j = 0; j < edges.size(); j += 3)
      cases.push_back({edges[i], edges[j], edges[(i + j) % edges.size()]});
  for (int i = 0; i < 12; ++i)
    cases.push_back({randomWord(rng), randomWord(rng), randomWord(rng)});
  for (int i = 0; i < 4; ++i)
    cases.push_back({U256(rng() % 300), randomWord(rng), U256(rng() % 40)});

  // EXP inlines hundreds of multipliers; a few cases keep it to seconds.
  if (lowered->ConstraintsBeforeOptimisation > 20000) {
    std::vector<std::vector<U256>> few = {cases[0], cases[1], cases[10]};
    few.insert(few.end(), cases.end() - 7, cases.end() - 5);
    cases = few;
  }
  for (std::vector<U256> operands : cases) {
    operands.resize(info->stackIn);
    std::string where =
        info->mnemonic + std::string("(") + operands[0].toHex() +
        (operands.size() > 1 ? ", " + operands[1].toHex() : "") + ") -" +
        r1cs::levelName(level).str() + ", seed " + std::to_string(seed);
    auto witness = r1cs::computeWitness(*lowered, gadget, limbsOf(operands));
    ASSERT_TRUE(static_cast<bool>(witness))
        << where << ": " << toString(witness.takeError());
    std::optional<size_t> violated =
        r1cs::firstViolatedConstraint(system, *witness);
    ASSERT_FALSE(violated) << where << ": constraint " << *violated;
    std::optional<U256> result = decodeWires(*witness, 1);
    ASSERT_TRUE(result) << where << ": an output wire is not below 2^64";
    EXPECT_EQ(*result, *zkevmc::semantics::evalPure(opcode, operands)) << where;
    // Inputs sit at wires 5.. in input order (all private).
    for (unsigned i = 0; i < 4 * info->stackIn; ++i)
      ASSERT_EQ((*witness)[5 + i], Fr::fromU64(operands[i / 4].limbs[i % 4]));

    // Outputs are functions of the inputs, and a bit wire moved off 0/1
    // breaks its booleanity, so each of these changes must be caught. (A
    // hint wire may be free: ISZERO's inverse of 0 can be anything.)
    std::vector<std::pair<uint32_t, uint64_t>> changes;
    for (uint32_t w = 1; w <= 4; ++w)
      changes.push_back({w, 1 + rng() % 1000});
    for (int k = 0; k < 2 && !bitWires.empty(); ++k)
      changes.push_back({bitWires[rng() % bitWires.size()], 2 + rng() % 1000});
    for (auto [wire, delta] : changes) {
      r1cs::Witness bad = *witness;
      bad[wire] += Fr::fromU64(delta);
      EXPECT_TRUE(r1cs::firstViolatedConstraint(system, bad))
          << where << ": adding " << delta << " to wire " << wire << " ("
          << lowered->Symbols[system.WireToLabel[wire]].Name
          << ") broke nothing";
    }
  }
}

std::string
paramName(const ::testing::TestParamInfo<std::tuple<uint8_t, OptLevel>> &info) {
  return std::string(
             zkevmc::opcodes::lookupOpcode(std::get<0>(info.param))->mnemonic) +
         "_" + r1cs::levelName(std::get<1>(info.param)).str();
}

INSTANTIATE_TEST_SUITE_P(
    EveryGadget, R1csGadgetTest,
    ::testing::Combine(
        ::testing::Values(0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09,
                          0x0a, 0x0b, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16,
                          0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d),
        ::testing::Values(OptLevel::O0, OptLevel::O1, OptLevel::O2)),
    paramName);

class R1csCountsTest : public ::testing::TestWithParam<uint8_t> {
protected:
  R1csCountsTest() { zkevmc::registerDialects(context); }
  MLIRContext context;
};

TEST_P(R1csCountsTest, OptimisationNeverGrowsAndKeepsPublicWires) {
  OwningOpRef<ModuleOp> module = ModuleOp::create(UnknownLoc::get(&context));
  auto gadget = zkevmc::gadgets::getOrBuildGadget(*module, GetParam());
  ASSERT_TRUE(gadget);
  auto o0 = r1cs::lowerToR1cs(gadget, OptLevel::O0);
  auto o1 = r1cs::lowerToR1cs(gadget, OptLevel::O1);
  auto o2 = r1cs::lowerToR1cs(gadget, OptLevel::O2);
  ASSERT_TRUE(o0 && o1 && o2);
  EXPECT_LE(o1->System.Constraints.size(), o0->System.Constraints.size());
  EXPECT_LE(o2->System.Constraints.size(), o1->System.Constraints.size());
  EXPECT_LE(o1->System.NWires, o0->System.NWires);
  EXPECT_LE(o2->System.NWires, o1->System.NWires);
  EXPECT_EQ(o0->System.NLabels, o0->System.NWires);
  // -O2 leaves no linear constraint with an internal wire: each one it could
  // solve for was eliminated.
  const r1cs::R1cs &s2 = o2->System;
  uint32_t firstInternal = 1 + s2.NPubOut + s2.NPubIn + s2.NPrvIn;
  for (const r1cs::Constraint &c : s2.Constraints) {
    auto constant = [](const r1cs::LinearCombination &lc) {
      return lc.empty() || (lc.size() == 1 && lc[0].Wire == 0);
    };
    if (!constant(c.A) && !constant(c.B))
      continue;
    for (const r1cs::LinearCombination *lc : {&c.A, &c.B, &c.C})
      for (const r1cs::Term &t : *lc)
        EXPECT_LT(t.Wire, firstInternal);
  }
  for (auto *l : {&*o0, &*o1, &*o2}) {
    const r1cs::R1cs &s = l->System;
    EXPECT_EQ(s.NLabels, o0->System.NLabels);
    // Outputs and inputs keep their wire and label.
    for (uint32_t w = 0; w <= s.NPubOut + s.NPubIn + s.NPrvIn; ++w)
      EXPECT_EQ(s.WireToLabel[w], w);
    // The symbol table agrees with WireToLabel and lists every label.
    ASSERT_EQ(l->Symbols.size(), s.NLabels);
    size_t kept = 0;
    for (const r1cs::Symbol &sym : l->Symbols)
      if (sym.Wire >= 0) {
        ++kept;
        EXPECT_EQ(s.WireToLabel[sym.Wire], sym.Label);
      }
    EXPECT_EQ(kept, s.NWires);
  }
}

INSTANTIATE_TEST_SUITE_P(
    EveryGadget, R1csCountsTest,
    ::testing::Values(0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09,
                      0x0a, 0x0b, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16,
                      0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d),
    [](const ::testing::TestParamInfo<uint8_t> &info) {
      return std::string(zkevmc::opcodes::lookupOpcode(info.param)->mnemonic);
    });

class R1csLoweringTest : public ::testing::Test {
protected:
  R1csLoweringTest() { zkevmc::registerDialects(context); }

  zkevmc::zk::CircuitOp parse(const char *source, llvm::StringRef name) {
    module = parseSourceString<ModuleOp>(source, &context);
    if (!module)
      return nullptr;
    return module->lookupSymbol<zkevmc::zk::CircuitOp>(name);
  }

  MLIRContext context;
  OwningOpRef<ModuleOp> module;
};

const char *kSmall = R"mlir(
  zk.circuit @small(%a: !zk.felt {zk.public}, %b: !zk.felt, %c: !zk.felt)
      -> (!zk.felt {zk.public}) attributes {field = "bn254"} {
    %s = zk.add %a, %b
    %p = zk.mul %s, %s
    %q = zk.add %p, %c
    %k = zk.const 7
    %t = zk.mul %q, %k
    zk.output %t : !zk.felt
  })mlir";

TEST_F(R1csLoweringTest, NumbersWiresAsIden3AndEliminatesLinearParts) {
  auto circuit = parse(kSmall, "small");
  ASSERT_TRUE(circuit);
  auto o0 = r1cs::lowerToR1cs(circuit, OptLevel::O0);
  ASSERT_TRUE(static_cast<bool>(o0)) << toString(o0.takeError());
  // one, out, public a, private b and c, the product.
  EXPECT_EQ(o0->System.NWires, 6u);
  EXPECT_EQ(o0->System.NPubOut, 1u);
  EXPECT_EQ(o0->System.NPubIn, 1u);
  EXPECT_EQ(o0->System.NPrvIn, 2u);
  // The product and the output's definition.
  EXPECT_EQ(o0->System.Constraints.size(), 2u);
  auto o2 = r1cs::lowerToR1cs(circuit, OptLevel::O2);
  ASSERT_TRUE(static_cast<bool>(o2));
  // (a+b)·(a+b) = out/7 - c: one constraint, the product wire is gone.
  EXPECT_EQ(o2->System.Constraints.size(), 1u);
  EXPECT_EQ(o2->System.NWires, 5u);
  EXPECT_EQ(o2->Symbols[5].Wire, -1);
  EXPECT_EQ(o2->Symbols[1].Name, "main.out0");

  for (const r1cs::LoweredCircuit *l : {&*o0, &*o2}) {
    auto witness = r1cs::computeWitness(
        *l, circuit, {APInt(254, 3), APInt(254, 4), APInt(254, 5)});
    ASSERT_TRUE(static_cast<bool>(witness)) << toString(witness.takeError());
    EXPECT_EQ((*witness)[1], Fr::fromU64(7 * (49 + 5)));
    EXPECT_EQ((*witness)[2], Fr::fromU64(3));
    EXPECT_FALSE(r1cs::firstViolatedConstraint(l->System, *witness));
    r1cs::Witness bad = *witness;
    bad[1] += Fr::one();
    EXPECT_TRUE(r1cs::firstViolatedConstraint(l->System, bad));
  }
}

TEST_F(R1csLoweringTest, O1RemovesOnlyConstantAndCopyConstraints) {
  auto circuit = parse(R"mlir(
    zk.circuit @copies(%a: !zk.felt, %b: !zk.felt) -> (!zk.felt)
        attributes {field = "bn254"} {
      %h:2 = zk.witness %a : (!zk.felt) -> (!zk.felt, !zk.felt) {
      ^bb0(%x: !zk.felt):
        %two = zk.const 2
        zk.yield %x, %two : !zk.felt, !zk.felt
      }
      zk.assert_eq %h#0, %a
      %two = zk.const 2
      zk.assert_eq %h#1, %two
      %s = zk.add %h#0, %b
      %p = zk.mul %s, %h#1
      %x = zk.mul %p, %s
      %y = zk.add %x, %h#1
      zk.output %y : !zk.felt
    })mlir",
                       "copies");
  ASSERT_TRUE(circuit);
  auto o0 = r1cs::lowerToR1cs(circuit, OptLevel::O0);
  auto o1 = r1cs::lowerToR1cs(circuit, OptLevel::O1);
  auto o2 = r1cs::lowerToR1cs(circuit, OptLevel::O2);
  ASSERT_TRUE(o0 && o1 && o2);
  // h0 = a, h1 = 2, p = s·h1, x = p·s, out = x + h1.
  EXPECT_EQ(o0->System.Constraints.size(), 5u);
  // h0 := a and h1 := 2 go; p = (a+b)·2 then is linear but has three
  // terms, which -O1 keeps; out = x + 2 has a constant and two wires.
  EXPECT_EQ(o1->System.Constraints.size(), 3u);
  // -O2 also eliminates p and x: out - 2 = 2(a+b)·(a+b).
  EXPECT_EQ(o2->System.Constraints.size(), 1u);
  for (auto *l : {&*o0, &*o1, &*o2}) {
    auto witness =
        r1cs::computeWitness(*l, circuit, {APInt(254, 10), APInt(254, 1)});
    ASSERT_TRUE(static_cast<bool>(witness)) << toString(witness.takeError());
    EXPECT_EQ((*witness)[1], Fr::fromU64(2 * 11 * 11 + 2));
    EXPECT_FALSE(r1cs::firstViolatedConstraint(l->System, *witness));
  }
}

TEST_F(R1csLoweringTest, RangeOf253BitsIsExactAtTheBoundary) {
  auto circuit = parse(R"mlir(
    zk.circuit @r(%a: !zk.felt {zk.public}) -> () attributes {field = "bn254"} {
      zk.range %a, 253
      zk.output
    })mlir",
                       "r");
  ASSERT_TRUE(circuit);
  for (OptLevel level : {OptLevel::O0, OptLevel::O2}) {
    auto l = r1cs::lowerToR1cs(circuit, level);
    ASSERT_TRUE(static_cast<bool>(l)) << toString(l.takeError());
    EXPECT_EQ(l->System.Constraints.size(),
              level == OptLevel::O0 ? 254u : 253u);
    APInt top = APInt::getLowBitsSet(254, 253);
    auto ok = r1cs::computeWitness(*l, circuit, {top});
    ASSERT_TRUE(static_cast<bool>(ok));
    EXPECT_FALSE(r1cs::firstViolatedConstraint(l->System, *ok));
    // 2^253 has no 253-bit decomposition, and 2^253 - p would be one only
    // if the bits could wrap, which 253 bits cannot.
    auto over =
        r1cs::computeWitness(*l, circuit, {APInt::getOneBitSet(254, 253)});
    ASSERT_TRUE(static_cast<bool>(over));
    EXPECT_TRUE(r1cs::firstViolatedConstraint(l->System, *over));
  }
}

TEST_F(R1csLoweringTest, RefusesRangesThatCouldWrap) {
  // The op verifier rejects 254 bits; build the op without it, as a buggy
  // pass could, and check the lowering refuses rather than wraps.
  auto circuit = parse(R"mlir(
    zk.circuit @r(%a: !zk.felt) -> () attributes {field = "bn254"} {
      zk.range %a, 200
      zk.output
    })mlir",
                       "r");
  ASSERT_TRUE(circuit);
  auto range = *circuit.getBody().front().getOps<zkevmc::zk::RangeOp>().begin();
  range.setBits(254);
  auto l = r1cs::lowerToR1cs(circuit, OptLevel::O2);
  ASSERT_FALSE(static_cast<bool>(l));
  EXPECT_NE(toString(l.takeError()).find("could wrap"), std::string::npos);
}

TEST_F(R1csLoweringTest, RejectsOtherFieldsAndRecursion) {
  auto gold = parse(R"mlir(
    zk.circuit @g(%a: !zk.felt) -> (!zk.felt) attributes {field = "goldilocks"} {
      zk.output %a : !zk.felt
    })mlir",
                    "g");
  ASSERT_TRUE(gold);
  auto l = r1cs::lowerToR1cs(gold, OptLevel::O2);
  ASSERT_FALSE(static_cast<bool>(l));
  EXPECT_NE(toString(l.takeError()).find("supports only bn254"),
            std::string::npos);

  auto loop = parse(R"mlir(
    zk.circuit @f(%a: !zk.felt) -> (!zk.felt) attributes {field = "bn254"} {
      %r = zk.call @f(%a) : (!zk.felt) -> !zk.felt
      zk.output %r : !zk.felt
    })mlir",
                    "f");
  ASSERT_TRUE(loop);
  auto r = r1cs::lowerToR1cs(loop, OptLevel::O0);
  ASSERT_FALSE(static_cast<bool>(r));
  EXPECT_NE(toString(r.takeError()).find("recursive call"), std::string::npos);
}

TEST_F(R1csLoweringTest, UnsatisfiableConstantConstraintsStay) {
  auto circuit = parse(R"mlir(
    zk.circuit @bad(%a: !zk.felt) -> () attributes {field = "bn254"} {
      %three = zk.const 3
      zk.assert_bool %three
      zk.output
    })mlir",
                       "bad");
  ASSERT_TRUE(circuit);
  for (OptLevel level : {OptLevel::O0, OptLevel::O1, OptLevel::O2}) {
    auto l = r1cs::lowerToR1cs(circuit, level);
    ASSERT_TRUE(static_cast<bool>(l));
    auto witness = r1cs::computeWitness(*l, circuit, {APInt(254, 1)});
    ASSERT_TRUE(static_cast<bool>(witness));
    EXPECT_TRUE(r1cs::firstViolatedConstraint(l->System, *witness));
  }
}

TEST_F(R1csLoweringTest, CompiledFunctionWithPublicWordsAndCalls) {
  module = parseSourceString<ModuleOp>(R"mlir(
    func.func @f(%a: i256, %b: i256) -> (i256, i256) {
      %s = evm.add %a, %b
      %c3 = arith.constant 3 : i256
      %m = evm.mul %s, %c3
      %q = evm.div %m, %b
      %l = evm.lt %a, %b
      return %q, %l : i256, i256
    })mlir",
                                       &context);
  ASSERT_TRUE(module);
  zkevmc::PipelineOptions options;
  options.lowerToZk = true;
  ASSERT_TRUE(succeeded(zkevmc::runEvmPipeline(*module, options)));
  auto circuit = module->lookupSymbol<zkevmc::zk::CircuitOp>("f");
  ASSERT_TRUE(circuit);
  namespace sem = zkevmc::semantics;
  std::mt19937_64 rng(seedFromEnvironment());
  for (OptLevel level : {OptLevel::O0, OptLevel::O1, OptLevel::O2}) {
    auto l = r1cs::lowerToR1cs(circuit, level);
    ASSERT_TRUE(static_cast<bool>(l)) << toString(l.takeError());
    EXPECT_EQ(l->System.NPubOut, 8u);
    EXPECT_EQ(l->System.NPubIn, 8u);
    EXPECT_EQ(l->System.NPrvIn, 0u);
    // Public outputs and inputs keep their wires and labels at every level.
    for (uint32_t w = 0; w <= 16; ++w) {
      EXPECT_EQ(l->System.WireToLabel[w], w);
      EXPECT_EQ(l->Symbols[w].Wire, int64_t(w));
    }
    for (int i = 0; i < 8; ++i) {
      U256 a = randomWord(rng), b = i == 0 ? U256(0) : randomWord(rng);
      auto witness = r1cs::computeWitness(*l, circuit, limbsOf({a, b}));
      ASSERT_TRUE(static_cast<bool>(witness)) << toString(witness.takeError());
      EXPECT_FALSE(r1cs::firstViolatedConstraint(l->System, *witness));
      EXPECT_EQ(decodeWires(*witness, 1),
                sem::div(sem::mul(sem::add(a, b), U256(3)), b));
      EXPECT_EQ(decodeWires(*witness, 5), sem::lt(a, b));
      // A witness claiming another quotient is rejected.
      r1cs::Witness bad = *witness;
      bad[1] += Fr::one();
      EXPECT_TRUE(r1cs::firstViolatedConstraint(l->System, bad));
    }
  }
}

} // namespace
