//===- GadgetTest.cpp - Gadgets on real witnesses vs the semantics --------===//
//
// For every opcode with a gadget and for random and edge operands, the
// witness the gadget's hints compute satisfies every constraint, every output
// limb is below 2^64, and the outputs decode to what the exact semantics
// compute. The same holds for a function compiled by lower-evm-to-zk.
//
//===----------------------------------------------------------------------===//

#include "compiler/pipeline/Pipeline.h"
#include "opcodes/OpcodeTable.h"
#include "opcodes/Semantics.h"
#include "opcodes/gadgets/Gadgets.h"
#include "runtime/witness/Evaluator.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"

#include "gtest/gtest.h"

#include <cstdlib>
#include <random>

using namespace mlir;
using llvm::APInt;
using zkevmc::U256;

namespace {

uint64_t seedFromEnvironment() {
  const char *text = std::getenv("ZKEVMC_SEED");
  return text ? std::strtoull(text, nullptr, 0) : 20261125;
}

std::vector<U256> edgeWords() {
  return {U256(0),
          U256(1),
          U256(2),
          U256(0xffffffffffffffffull),
          U256::max(),
          U256::max() - U256(1),
          U256(1) << 64,
          U256(1) << 255,
          (U256(1) << 255) - U256(1),
          U256::fromLimbs(0, ~0ull, 0, ~0ull),
          U256(31),
          U256(32),
          U256(63),
          U256(64),
          U256(255),
          U256(256)};
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

std::vector<APInt> limbsOf(const U256 &w) {
  std::vector<APInt> limbs;
  for (uint64_t limb : w.limbs)
    limbs.push_back(APInt(64, limb));
  return limbs;
}

// Decodes four output limbs, requiring each to be below 2^64.
std::optional<U256> decode(llvm::ArrayRef<APInt> limbs) {
  U256 w;
  for (unsigned i = 0; i < 4; ++i) {
    if (limbs[i].getActiveBits() > 64)
      return std::nullopt;
    w.limbs[i] = limbs[i].getZExtValue();
  }
  return w;
}

class GadgetTest : public ::testing::TestWithParam<uint8_t> {
protected:
  GadgetTest() { zkevmc::registerDialects(context); }
  MLIRContext context;
};

TEST_P(GadgetTest, WitnessSatisfiesConstraintsAndMatchesSemantics) {
  uint8_t opcode = GetParam();
  const zkevmc::opcodes::OpcodeInfo *info =
      zkevmc::opcodes::lookupOpcode(opcode);
  OwningOpRef<ModuleOp> module = ModuleOp::create(UnknownLoc::get(&context));
  zkevmc::zk::CircuitOp gadget =
      zkevmc::gadgets::getOrBuildGadget(*module, opcode);
  ASSERT_TRUE(gadget);
  ASSERT_TRUE(succeeded(verify(*module)));
  EXPECT_EQ(gadget->getAttrOfType<StringAttr>("zk.spec").getValue(),
            info->mnemonic);

  uint64_t seed = seedFromEnvironment();
  std::mt19937_64 rng(seed);
  std::vector<std::vector<U256>> cases;
  std::vector<U256> edges = edgeWords();
  for (size_t i = 0; i < edges.size(); ++i)
    for (size_t j = 0; j < edges.size(); ++j)
      cases.push_back({edges[i], edges[j], edges[(i + j) % edges.size()]});
  for (int i = 0; i < 300; ++i)
    cases.push_back({randomWord(rng), randomWord(rng), randomWord(rng)});
  for (int i = 0; i < 50; ++i) { // equal operands matter for EQ, LT, SUB
    U256 a = randomWord(rng);
    cases.push_back({a, a, randomWord(rng)});
  }
  for (int i = 0; i < 100; ++i) // in-range shift amounts and byte indices
    cases.push_back({U256(rng() % 300), randomWord(rng), U256(rng() % 40)});

  for (std::vector<U256> operands : cases) {
    operands.resize(info->stackIn);
    std::vector<APInt> inputs;
    for (const U256 &w : operands)
      for (APInt &limb : limbsOf(w))
        inputs.push_back(limb);
    auto evaluation = zkevmc::witness::evaluateCircuit(gadget, inputs);
    ASSERT_TRUE(static_cast<bool>(evaluation))
        << llvm::toString(evaluation.takeError());
    std::string where =
        info->mnemonic + std::string("(") + operands[0].toHex() +
        (operands.size() > 1 ? ", " + operands[1].toHex() : "") + "), seed " +
        std::to_string(seed);
    ASSERT_FALSE(evaluation->firstViolation)
        << where << ": " << evaluation->firstViolation->message;
    std::optional<U256> result = decode(evaluation->outputs);
    ASSERT_TRUE(result) << where << ": an output limb is not below 2^64";
    EXPECT_EQ(*result, *zkevmc::semantics::evalPure(opcode, operands))
        << where << ": got " << result->toHex();
  }
}

INSTANTIATE_TEST_SUITE_P(
    EveryGadget, GadgetTest,
    ::testing::Values(0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09,
                      0x0a, 0x0b, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16,
                      0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d),
    [](const ::testing::TestParamInfo<uint8_t> &info) {
      return std::string(zkevmc::opcodes::lookupOpcode(info.param)->mnemonic);
    });

// The shift family reads only the low 8 (shifts) or 5 (byte indices) bits
// of its first operand and whether the rest is zero, so every small value is
// a case of its own, and so is a large word whose low bits are small (it
// must not act as that small value).
TEST(ShiftFamilyGadgets, EverySmallOperandAndLargeOnesWithSmallLowBits) {
  MLIRContext context;
  zkevmc::registerDialects(context);
  std::mt19937_64 rng(seedFromEnvironment());
  std::vector<U256> values = {
      U256(0),
      U256(1),
      U256::max(),
      U256(1) << 255,
      (U256(1) << 255) - U256(1),
      (U256(1) << 255) + U256(0x80),
      U256::fromLimbs(0x8080808080808080ull, 0x7f, 0, 0x0123456789abcdefull),
      U256::fromLimbs(rng(), rng(), rng(), rng()),
      U256::fromLimbs(rng(), rng(), rng(), rng()) | (U256(1) << 255)};
  auto largeWithLowBits = [](unsigned n, uint64_t low) {
    U256 mask = (U256(1) << n) - U256(1);
    std::vector<U256> words;
    for (U256 high :
         {U256(1) << n, U256(1) << 63, U256(1) << 64, U256(1) << 128,
          U256(1) << 192, U256(1) << 255, U256::max()})
      words.push_back((high & ~mask) | U256(low));
    return words;
  };
  struct Family {
    uint8_t opcode;
    unsigned lowBits, exhaustiveUpTo;
  };
  for (Family family :
       {Family{0x1b, 8, 300}, Family{0x1c, 8, 300}, Family{0x1d, 8, 300},
        Family{0x1a, 5, 40}, Family{0x0b, 5, 40}}) {
    std::vector<U256> firsts;
    for (unsigned s = 0; s <= family.exhaustiveUpTo; ++s)
      firsts.push_back(U256(s));
    for (uint64_t low : {0ull, 1ull, 7ull, 31ull, 63ull, 64ull, 255ull})
      if (low >> family.lowBits == 0)
        for (const U256 &w : largeWithLowBits(family.lowBits, low))
          firsts.push_back(w);

    const char *mnemonic =
        zkevmc::opcodes::lookupOpcode(family.opcode)->mnemonic;
    OwningOpRef<ModuleOp> module = ModuleOp::create(UnknownLoc::get(&context));
    zkevmc::zk::CircuitOp gadget =
        zkevmc::gadgets::getOrBuildGadget(*module, family.opcode);
    ASSERT_TRUE(gadget) << mnemonic;
    for (const U256 &first : firsts)
      for (const U256 &value : values) {
        std::vector<APInt> inputs = limbsOf(first);
        for (APInt &limb : limbsOf(value))
          inputs.push_back(limb);
        auto evaluation = zkevmc::witness::evaluateCircuit(gadget, inputs);
        ASSERT_TRUE(static_cast<bool>(evaluation))
            << llvm::toString(evaluation.takeError());
        std::string where = std::string(mnemonic) + "(" + first.toHex() + ", " +
                            value.toHex() + ")";
        ASSERT_FALSE(evaluation->firstViolation)
            << where << ": " << evaluation->firstViolation->message;
        std::optional<U256> result = decode(evaluation->outputs);
        ASSERT_TRUE(result) << where << ": an output limb is not below 2^64";
        EXPECT_EQ(*result,
                  *zkevmc::semantics::evalPure(family.opcode, {first, value}))
            << where << ": got " << result->toHex();
      }
  }
}

// A prover who claims other low bits for a small operand: the hint that
// splits the operand's limb 0 into low + 2^n·high yields low' = low xor flip
// and the high that still satisfies the tie, (limb0 − low')/2^n mod p (a
// huge felt, so a small operand would look out of range); every other hint
// runs as usual. The gadget must reject the witness, or else still compute
// the right result.
TEST(ShiftFamilyGadgets, RejectALowPartThatIsNotTheOperands) {
  MLIRContext context;
  zkevmc::registerDialects(context);
  const APInt p(512,
                "218882428718392752222464057452572750885483644004160343436982"
                "04186575808495617",
                10);
  const APInt halfInverse = (p + 1).lshr(1); // 1/2 mod p
  std::mt19937_64 rng(seedFromEnvironment());
  std::vector<U256> values = {
      U256::max(), U256(1) << 255, U256::fromLimbs(rng(), rng(), rng(), rng()),
      U256::fromLimbs(rng(), rng(), rng(), rng()) | (U256(1) << 255)};
  struct Family {
    uint8_t opcode;
    unsigned lowBits;
    std::vector<uint64_t> operands;
  };
  for (const Family &family :
       {Family{0x1b, 8, {0, 1, 8, 100, 255}},
        Family{0x1c, 8, {0, 1, 8, 100, 255}},
        Family{0x1d, 8, {0, 1, 8, 100, 255}}, Family{0x1a, 5, {0, 3, 17, 31}},
        Family{0x0b, 5, {0, 3, 17, 30}}}) {
    const char *mnemonic =
        zkevmc::opcodes::lookupOpcode(family.opcode)->mnemonic;
    OwningOpRef<ModuleOp> module = ModuleOp::create(UnknownLoc::get(&context));
    zkevmc::zk::CircuitOp gadget =
        zkevmc::gadgets::getOrBuildGadget(*module, family.opcode);
    ASSERT_TRUE(gadget) << mnemonic;
    Value limb0 = gadget.getBody().front().getArgument(0);
    zkevmc::zk::WitnessOp split;
    gadget.walk([&](zkevmc::zk::WitnessOp hint) {
      if (!split && hint.getInputs().size() == 1 &&
          hint.getInputs()[0] == limb0 && hint.getNumResults() == 2)
        split = hint;
    });
    ASSERT_TRUE(split) << mnemonic << ": no hint splits limb 0 of operand 0";
    APInt inverse(512, 1);
    for (unsigned i = 0; i < family.lowBits; ++i)
      inverse = (inverse * halfInverse).urem(p);

    unsigned rejected = 0, cases = 0;
    for (uint64_t operand : family.operands)
      for (uint64_t flip : {1ull, 1ull << (family.lowBits - 1)})
        for (const U256 &value : values) {
          uint64_t low = operand ^ flip; // operand < 2^lowBits
          APInt high =
              ((APInt(512, operand) + p - APInt(512, low)).urem(p) * inverse)
                  .urem(p);
          Block &body = split.getHint().front();
          while (!body.empty())
            body.back().erase();
          OpBuilder b = OpBuilder::atBlockEnd(&body);
          Type felt = zkevmc::zk::FeltType::get(&context);
          auto constant = [&](const APInt &v) -> Value {
            return b.create<zkevmc::zk::ConstOp>(
                split.getLoc(), felt,
                b.getIntegerAttr(b.getIntegerType(256), v.trunc(256)));
          };
          b.create<zkevmc::zk::YieldOp>(
              split.getLoc(),
              ValueRange{constant(APInt(512, low)), constant(high)});

          std::vector<APInt> inputs = limbsOf(U256(operand));
          for (APInt &limb : limbsOf(value))
            inputs.push_back(limb);
          auto evaluation = zkevmc::witness::evaluateCircuit(gadget, inputs);
          ASSERT_TRUE(static_cast<bool>(evaluation))
              << llvm::toString(evaluation.takeError());
          ++cases;
          if (evaluation->firstViolation) {
            ++rejected;
            continue;
          }
          std::optional<U256> result = decode(evaluation->outputs);
          U256 expected = *zkevmc::semantics::evalPure(family.opcode,
                                                       {U256(operand), value});
          EXPECT_TRUE(result && *result == expected)
              << mnemonic << "(" << operand << ", " << value.toHex()
              << ") accepts low bits " << low << ": got "
              << (result ? result->toHex() : "an ill-formed word");
        }
    EXPECT_GT(rejected, 0u) << mnemonic << ": " << cases << " cases";
  }
}

TEST(GadgetLibrary, CoversExactlyTheImplementedOpcodes) {
  unsigned count = 0;
  for (unsigned op = 0; op < 256; ++op)
    count += zkevmc::gadgets::hasGadget(uint8_t(op));
  EXPECT_EQ(count, 25u);
  for (unsigned op = 0; op < 256; ++op)
    EXPECT_EQ(zkevmc::gadgets::hasGadget(uint8_t(op)),
              zkevmc::semantics::isPureOpcode(uint8_t(op)))
        << op;
}

TEST(LowerEvmToZk, CompiledFunctionComputesTheSemantics) {
  MLIRContext context;
  zkevmc::registerDialects(context);
  const char *source = R"mlir(
    func.func @f(%a: i256, %b: i256)
        -> (i256, i256, i256, i256, i256, i256, i256) {
      %c = arith.constant 115792089237316195423570985008687907853269984665640564039457584007913129639935 : i256
      %s = evm.add %a, %b
      %d = evm.sub %s, %c
      %x = evm.xor %d, %a
      %n = evm.not %x
      %e = evm.eq %n, %b
      %z = evm.iszero %e
      %g = evm.gt %a, %b
      %m = evm.mul %n, %a
      %q = evm.slt %m, %b
      %v = evm.div %m, %b
      %r = evm.mod %a, %v
      return %n, %z, %g, %m, %q, %v, %r : i256, i256, i256, i256, i256, i256, i256
    })mlir";
  OwningOpRef<ModuleOp> module = parseSourceString<ModuleOp>(source, &context);
  ASSERT_TRUE(module);
  zkevmc::PipelineOptions options;
  options.lowerToZk = true;
  ASSERT_TRUE(succeeded(zkevmc::runEvmPipeline(*module, options)));
  auto circuit = module->lookupSymbol<zkevmc::zk::CircuitOp>("f");
  ASSERT_TRUE(circuit);

  namespace sem = zkevmc::semantics;
  std::mt19937_64 rng(seedFromEnvironment());
  for (int i = 0; i < 100; ++i) {
    U256 a = randomWord(rng), b = i % 10 == 0 ? a : randomWord(rng);
    std::vector<APInt> inputs = limbsOf(a);
    for (APInt &limb : limbsOf(b))
      inputs.push_back(limb);
    auto evaluation = zkevmc::witness::evaluateCircuit(circuit, inputs);
    ASSERT_TRUE(static_cast<bool>(evaluation))
        << llvm::toString(evaluation.takeError());
    ASSERT_FALSE(evaluation->firstViolation)
        << evaluation->firstViolation->message;
    U256 d = sem::sub(sem::add(a, b), U256::max());
    U256 n = sem::bitNot(sem::bitXor(d, a));
    U256 z = sem::iszero(sem::eq(n, b));
    U256 g = sem::gt(a, b);
    U256 m = sem::mul(n, a);
    U256 q = sem::slt(m, b);
    U256 v = sem::div(m, b);
    U256 r = sem::mod(a, v);
    llvm::ArrayRef<APInt> outs = evaluation->outputs;
    EXPECT_EQ(decode(outs.slice(0, 4)), n);
    EXPECT_EQ(decode(outs.slice(4, 4)), z);
    EXPECT_EQ(decode(outs.slice(8, 4)), g);
    EXPECT_EQ(decode(outs.slice(12, 4)), m);
    EXPECT_EQ(decode(outs.slice(16, 4)), q);
    EXPECT_EQ(decode(outs.slice(20, 4)), v);
    EXPECT_EQ(decode(outs.slice(24, 4)), r);
  }
}

} // namespace
