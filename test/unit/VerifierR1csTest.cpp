// The .r1cs importer (constraint shapes, faithfulness, file errors) and the
// spec-free determinism check on hand-built circuits.

#include "verifier/Assignment.h"
#include "verifier/CircuitDeterminism.h"
#include "verifier/R1csImport.h"

#include "runtime/formats/R1csFile.h"

#include "dialects/zk/IR/ZkDialect.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <random>
#include <string>

using namespace zkevmc;
using namespace zkevmc::verifier;
using llvm::APInt;

namespace {

using r1cs::Fr;

Fr fr(int64_t v) {
  return v >= 0 ? Fr::fromU64(static_cast<uint64_t>(v))
                : -Fr::fromU64(static_cast<uint64_t>(-v));
}

r1cs::LinearCombination lc(std::vector<std::pair<uint32_t, Fr>> terms) {
  r1cs::LinearCombination l;
  for (auto [w, c] : terms)
    l.push_back({w, c});
  return l;
}

APInt felt(uint64_t v) { return APInt(256, v); }
APInt minus(uint64_t v) {
  return APInt(256, (-fr(static_cast<int64_t>(v))).toDecimal(), 10);
}

template <typename Op> unsigned countOps(zk::CircuitOp circuit) {
  unsigned n = 0;
  circuit.walk([&](Op) { ++n; });
  return n;
}

// A loose divider: wires 1 = q, 2 = r (outputs), 3 = a, 4 = d (private
// inputs); the only constraint is q·d = a − r.
r1cs::R1cs looseDivider() {
  r1cs::R1cs r;
  r.NWires = 5;
  r.NPubOut = 2;
  r.NPrvIn = 2;
  r.NLabels = 5;
  r.Constraints.push_back(
      {lc({{1, fr(1)}}), lc({{4, fr(1)}}), lc({{3, fr(1)}, {2, fr(-1)}})});
  return r;
}

// A 2-bit decomposition out of input x (wire 2): bits b0 (3), b1 (4) with
// circom's booleanity form (b − 1)·b = 0, x = b0 + 2·b1, output y (1) =
// b1 (y − b1 = 0 as 1·(y − b1) = 0).
r1cs::R1cs twoBits() {
  r1cs::R1cs r;
  r.NWires = 5;
  r.NPubOut = 1;
  r.NPrvIn = 1;
  r.NLabels = 5;
  r.Constraints.push_back(
      {lc({{0, fr(-1)}, {3, fr(1)}}), lc({{3, fr(1)}}), {}});
  r.Constraints.push_back(
      {lc({{0, fr(-1)}, {4, fr(1)}}), lc({{4, fr(1)}}), {}});
  r.Constraints.push_back({{}, {}, lc({{2, fr(1)}, {3, fr(-1)}, {4, fr(-2)}})});
  r.Constraints.push_back(
      {lc({{0, fr(1)}}), lc({{1, fr(1)}, {4, fr(-1)}}), {}});
  return r;
}

class VerifierR1csTest : public ::testing::Test {
protected:
  VerifierR1csTest() { context.getOrLoadDialect<zk::ZkDialect>(); }

  ImportedR1cs import(r1cs::R1cs system, std::vector<std::string> names = {}) {
    auto imported = importR1cs(context, std::move(system), std::move(names));
    EXPECT_TRUE(static_cast<bool>(imported))
        << (imported ? "" : llvm::toString(imported.takeError()));
    return std::move(*imported);
  }

  zk::CircuitOp parse(const std::string &source) {
    module = mlir::parseSourceString<mlir::ModuleOp>(source, &context);
    EXPECT_TRUE(module) << source;
    zk::CircuitOp circuit;
    module->walk([&](zk::CircuitOp c) {
      if (!circuit)
        circuit = c;
    });
    return circuit;
  }

  std::string tempPath(llvm::StringRef name) {
    llvm::SmallString<128> dir;
    EXPECT_FALSE(llvm::sys::fs::createUniqueDirectory("r1cs-test", dir));
    llvm::SmallString<128> path(dir);
    llvm::sys::path::append(path, name);
    return path.str().str();
  }

  mlir::MLIRContext context;
  mlir::OwningOpRef<mlir::ModuleOp> module;
};

//===----------------------------------------------------------------------===//
// Import
//===----------------------------------------------------------------------===//

TEST_F(VerifierR1csTest, ShapesOfConstraints) {
  ImportedR1cs imp =
      import(twoBits(), {"one", "main.y", "main.x", "main.b[0]", "main.b[1]"});
  zk::CircuitOp c = imp.circuit;
  EXPECT_EQ(c.getArgumentTypes().size(), 1u);
  EXPECT_EQ(c.getResultTypes().size(), 1u);
  // Two booleanities, each with its auxiliary bit; the linear constraints
  // have no product; no constant is p − 1 (a −1 is written with zk.sub).
  EXPECT_EQ(imp.booleanities, 2u);
  EXPECT_EQ(countOps<zk::AssertBoolOp>(c), 2u);
  c.walk([&](zk::MulOp m) {
    EXPECT_TRUE(m.getLhs().getDefiningOp<zk::ConstOp>() ||
                m.getRhs().getDefiningOp<zk::ConstOp>());
  });
  unsigned wideConstants = 0;
  c.walk([&](zk::ConstOp k) { wideConstants += k.getValue().ugt(1000); });
  EXPECT_EQ(wideConstants, 0u);
  // Witnesses: y, b0, b1, then the two auxiliary bits.
  EXPECT_EQ(imp.witnessWires, (std::vector<int64_t>{1, 3, 4, -1, -1}));
  EXPECT_EQ(c.getArgAttrOfType<mlir::StringAttr>(0, "zk.name").getValue(),
            "main.x");
  EXPECT_EQ(imp.wireName(3), "main.b[0]");

  // A general product keeps one zk.mul.
  ImportedR1cs div = import(looseDivider());
  EXPECT_EQ(div.booleanities, 0u);
  EXPECT_EQ(countOps<zk::MulOp>(div.circuit), 1u);
  EXPECT_EQ(div.wireName(1), "wire 1");
  EXPECT_EQ(div.wireName(0), "one");
}

// circom --O2 leaves an eliminated bit as a combination with coefficient
// 2^-k inside its booleanity: rescaled, its constants are small.
TEST_F(VerifierR1csTest, RescalesSubstitutedBooleanity) {
  r1cs::R1cs r;
  r.NWires = 4;
  r.NPubOut = 0;
  r.NPrvIn = 1;
  r.NLabels = 4;
  Fr inv128 = fr(128).inverse();
  // L = (x − b)/128 (wires x = 1, b = 2); L·(L − 1) = 0.
  auto L = lc({{1, inv128}, {2, -inv128}});
  auto Lm1 = lc({{0, fr(-1)}, {1, inv128}, {2, -inv128}});
  r.Constraints.push_back({Lm1, L, {}});
  ImportedR1cs imp = import(r);
  EXPECT_EQ(imp.booleanities, 1u);
  APInt largest(256, 0);
  imp.circuit.walk([&](zk::ConstOp k) {
    if (k.getValue().ugt(largest))
      largest = k.getValue();
  });
  EXPECT_TRUE(largest.ule(128)) << llvm::toString(largest, 10, false);
}

// The imported circuit accepts exactly the assignments the R1CS accepts.
TEST_F(VerifierR1csTest, ImportIsFaithful) {
  ImportedR1cs imp = import(twoBits());
  std::mt19937_64 rng(7);
  unsigned accepted = 0;
  for (int trial = 0; trial < 400; ++trial) {
    auto pick = [&]() -> APInt {
      uint64_t r = rng() % 6;
      return r < 4 ? felt(r) : minus(r - 3);
    };
    APInt x = pick(), y = pick(), b0 = pick(), b1 = pick();
    std::vector<APInt> wires = {felt(1), y, x, b0, b1};
    bool r1csOk = !firstViolatedConstraint(imp.system, wires);
    // The auxiliary bits are determined by the wires; try both values.
    bool zkOk = false;
    for (uint64_t a0 = 0; a0 < 2; ++a0)
      for (uint64_t a1 = 0; a1 < 2; ++a1) {
        auto check =
            checkAssignment(imp.circuit, {x}, {y, b0, b1, felt(a0), felt(a1)});
        ASSERT_TRUE(static_cast<bool>(check));
        zkOk |= !check->violation;
      }
    EXPECT_EQ(r1csOk, zkOk) << "x=" << llvm::toString(x, 10, false);
    accepted += r1csOk;
  }
  EXPECT_GT(accepted, 0u);
}

// Random systems with random (mostly 254-bit) coefficients in all three
// shapes, each constraint made to hold on a chosen assignment or not: the
// import accepts an assignment (for some value of the auxiliary bits)
// exactly when the R1CS does.
TEST_F(VerifierR1csTest, ImportIsFaithfulOnRandomSystems) {
  std::mt19937_64 rng(11);
  auto randomFr = [&]() {
    switch (rng() % 4) {
    case 0:
      return fr(static_cast<int64_t>(rng() % 7) - 3);
    case 1:
      return fr(static_cast<int64_t>(rng() % 7) - 3).inverse();
    default:
      return Fr::fromLimbsReduced({rng(), rng(), rng(), rng()});
    }
  };
  constexpr uint32_t kWires = 6;
  auto randomLc = [&](bool withConstant) {
    r1cs::LinearCombination l;
    for (uint32_t w = withConstant ? 0 : 1; w < kWires; ++w)
      if (rng() % 2)
        l.push_back({w, randomFr()});
    if (l.empty())
      l.push_back({1 + static_cast<uint32_t>(rng() % (kWires - 1)), fr(1)});
    return l;
  };
  auto eval = [](const r1cs::LinearCombination &l, const std::vector<Fr> &w) {
    Fr acc = Fr::zero();
    for (const r1cs::Term &t : l)
      acc += t.Coeff * w[t.Wire];
    return acc;
  };
  auto plus = [](r1cs::LinearCombination l, Fr c) {
    l.push_back({0, c});
    return l;
  };
  auto scaledLc = [](r1cs::LinearCombination l, Fr k) {
    for (r1cs::Term &t : l)
      t.Coeff = t.Coeff * k;
    return l;
  };
  unsigned accepted = 0, rejected = 0, recognised = 0;
  for (int trial = 0; trial < 150; ++trial) {
    std::vector<Fr> w(kWires);
    w[0] = Fr::one();
    for (uint32_t i = 1; i < kWires; ++i)
      w[i] = fr(static_cast<int64_t>(rng() % 5) - 2);
    r1cs::R1cs r;
    r.NWires = kWires;
    r.NPubOut = 1;
    r.NPubIn = 1;
    r.NPrvIn = 1;
    r.NLabels = kWires;
    unsigned booleanities = 0;
    for (int k = 0; k < 3; ++k) {
      bool hold = rng() % 4 != 0;
      r1cs::Constraint c;
      switch (rng() % 3) {
      case 0: { // booleanity: A·(k·A + δ) = 0, A(w) = 0 or k·A(w) + δ = 0
        ++booleanities;
        r1cs::LinearCombination a = randomLc(true);
        Fr kk = randomFr();
        if (kk.isZero())
          kk = Fr::one();
        Fr av = eval(a, w);
        Fr delta = hold ? -(kk * av) : randomFr();
        c.A = a;
        c.B = plus(scaledLc(a, kk), delta);
        break;
      }
      case 1: { // linear: a·B = C
        Fr k0 = randomFr();
        c.A = {{0, k0}};
        c.B = randomLc(true);
        c.C = randomLc(false);
        Fr gap = k0 * eval(c.B, w) - eval(c.C, w);
        c.C = plus(c.C, hold ? gap : gap + Fr::one());
        break;
      }
      default: {
        c.A = randomLc(true);
        c.B = randomLc(true);
        c.C = randomLc(false);
        Fr gap = eval(c.A, w) * eval(c.B, w) - eval(c.C, w);
        c.C = plus(c.C, hold ? gap : gap + Fr::one());
        break;
      }
      }
      // Coefficients on wire 0 may now appear twice: the file format keeps
      // one term per wire, so merge them.
      for (r1cs::LinearCombination *l : {&c.A, &c.B, &c.C}) {
        r1cs::LinearCombination merged;
        for (const r1cs::Term &t : *l) {
          auto it = llvm::find_if(
              merged, [&](const r1cs::Term &m) { return m.Wire == t.Wire; });
          if (it == merged.end())
            merged.push_back(t);
          else
            it->Coeff += t.Coeff;
        }
        llvm::erase_if(merged,
                       [](const r1cs::Term &t) { return t.Coeff.isZero(); });
        llvm::sort(merged, [](const r1cs::Term &x, const r1cs::Term &y) {
          return x.Wire < y.Wire;
        });
        *l = merged;
      }
      r.Constraints.push_back(c);
    }
    std::vector<APInt> wires;
    for (const Fr &v : w)
      wires.push_back(APInt(256, v.toDecimal(), 10));
    bool r1csOk = !firstViolatedConstraint(r, wires);
    ImportedR1cs imp = import(r);
    ASSERT_LE(imp.booleanities, booleanities);
    recognised += imp.booleanities;
    std::vector<APInt> inputs = {wires[2], wires[3]};
    bool zkOk = false;
    unsigned aux = imp.witnessWires.size() - 3;
    for (unsigned bits = 0; bits < (1u << aux); ++bits) {
      std::vector<APInt> witness = {wires[1], wires[4], wires[5]};
      for (unsigned i = 0; i < aux; ++i)
        witness.push_back(felt((bits >> i) & 1));
      auto check = checkAssignment(imp.circuit, inputs, witness);
      ASSERT_TRUE(static_cast<bool>(check));
      zkOk |= !check->violation;
    }
    EXPECT_EQ(r1csOk, zkOk) << "trial " << trial;
    (r1csOk ? accepted : rejected)++;
  }
  EXPECT_GT(accepted, 10u);
  EXPECT_GT(rejected, 10u);
  EXPECT_GT(recognised, 20u);
}

TEST_F(VerifierR1csTest, FirstViolatedConstraint) {
  r1cs::R1cs r = looseDivider();
  // q = 3, r = 1, a = 7, d = 2.
  std::vector<APInt> good = {felt(1), felt(3), felt(1), felt(7), felt(2)};
  EXPECT_FALSE(firstViolatedConstraint(r, good));
  std::vector<APInt> bad = good;
  bad[2] = felt(2);
  auto v = firstViolatedConstraint(r, bad);
  ASSERT_TRUE(v);
  EXPECT_NE(v->find("constraint 0"), std::string::npos) << *v;
}

TEST_F(VerifierR1csTest, FileErrorsNameTheFile) {
  std::string missing = tempPath("missing.r1cs");
  auto a = importR1csFile(context, missing);
  ASSERT_FALSE(static_cast<bool>(a));
  EXPECT_NE(llvm::toString(a.takeError()).find("missing.r1cs"),
            std::string::npos);

  std::string corrupt = tempPath("corrupt.r1cs");
  {
    std::error_code ec;
    llvm::raw_fd_ostream os(corrupt, ec);
    ASSERT_FALSE(ec);
    os << "r1cs\x01\x00\x00\x00garbage";
  }
  auto b = importR1csFile(context, corrupt);
  ASSERT_FALSE(static_cast<bool>(b));
  EXPECT_NE(llvm::toString(b.takeError()).find("corrupt.r1cs"),
            std::string::npos);
}

// A .r1cs over another prime: the header's prime is BN254's r with its low
// byte changed.
TEST_F(VerifierR1csTest, OtherPrimeIsRejected) {
  std::string path = tempPath("other.r1cs");
  ASSERT_FALSE(formats::writeR1cs(looseDivider(), path));
  auto buffer = llvm::MemoryBuffer::getFile(path);
  ASSERT_TRUE(static_cast<bool>(buffer));
  std::string bytes = (*buffer)->getBuffer().str();
  uint8_t prime[32];
  for (unsigned i = 0; i < 4; ++i)
    for (unsigned j = 0; j < 8; ++j)
      prime[8 * i + j] = static_cast<uint8_t>(Fr::Modulus[i] >> (8 * j));
  size_t at = bytes.find(std::string(reinterpret_cast<char *>(prime), 32));
  ASSERT_NE(at, std::string::npos);
  bytes[at] = static_cast<char>(bytes[at] + 2);
  {
    std::error_code ec;
    llvm::raw_fd_ostream os(path, ec);
    ASSERT_FALSE(ec);
    os << bytes;
  }
  auto imp = importR1csFile(context, path);
  ASSERT_FALSE(static_cast<bool>(imp));
  std::string message = llvm::toString(imp.takeError());
  EXPECT_NE(message.find("other.r1cs"), std::string::npos) << message;
  EXPECT_NE(message.find("unsupported prime"), std::string::npos) << message;
}

TEST_F(VerifierR1csTest, ReadsFileAndSymNextToIt) {
  std::string path = tempPath("div.r1cs");
  ASSERT_FALSE(formats::writeR1cs(looseDivider(), path));
  std::string sym = path.substr(0, path.size() - 5) + ".sym";
  {
    std::error_code ec;
    llvm::raw_fd_ostream os(sym, ec);
    ASSERT_FALSE(ec);
    os << "1,1,0,main.q\n2,2,0,main.r\n3,3,0,main.a\n4,4,0,main.d\n"
          "5,-1,0,main.gone\n";
  }
  auto imp = importR1csFile(context, path);
  ASSERT_TRUE(static_cast<bool>(imp)) << llvm::toString(imp.takeError());
  EXPECT_EQ(imp->wireName(2), "main.r");
  EXPECT_EQ(imp->circuit.getSymName(), "div");
}

//===----------------------------------------------------------------------===//
// Determinism
//===----------------------------------------------------------------------===//

TEST_F(VerifierR1csTest, LooseDividerIsNotDeterministic) {
  ImportedR1cs imp = import(looseDivider());
  DeterminismOptions options;
  options.inputBits = 8;
  options.timeoutMs = 60000;
  auto res = checkR1csDeterminism(imp, options);
  ASSERT_TRUE(static_cast<bool>(res)) << llvm::toString(res.takeError());
  ASSERT_EQ(res->check.verdict, Verdict::Failed) << res->check.reason;
  // Independently of the checker: both assignments satisfy the R1CS, the
  // inputs agree and are below 2^8, the outputs differ.
  EXPECT_FALSE(firstViolatedConstraint(imp.system, res->wires1));
  EXPECT_FALSE(firstViolatedConstraint(imp.system, res->wires2));
  EXPECT_EQ(res->wires1[3], res->wires2[3]);
  EXPECT_EQ(res->wires1[4], res->wires2[4]);
  EXPECT_LE(res->wires1[3].getActiveBits(), 8u);
  EXPECT_LE(res->wires1[4].getActiveBits(), 8u);
  EXPECT_TRUE(res->wires1[1] != res->wires2[1] ||
              res->wires1[2] != res->wires2[2]);
}

TEST_F(VerifierR1csTest, BitDecompositionIsDeterministic) {
  ImportedR1cs imp = import(twoBits());
  DeterminismOptions options;
  options.timeoutMs = 60000;
  // x < 4 fixes both bits; any field element x fixes them too (no two-bit
  // sum reaches p), so both hold.
  for (unsigned bits : {2u, 0u}) {
    options.inputBits = bits;
    auto res = checkR1csDeterminism(imp, options);
    ASSERT_TRUE(static_cast<bool>(res)) << llvm::toString(res.takeError());
    EXPECT_EQ(res->check.verdict, Verdict::Proved)
        << bits << ": " << res->check.reason;
  }
}

const char *kIsZero = R"(
zk.circuit @iszero(%in: !zk.felt) -> (!zk.felt) attributes {field = "bn254"} {
  %inv = zk.witness %in : (!zk.felt) -> !zk.felt {
  ^bb0(%v: !zk.felt):
    %i = zk.inv %v
    zk.yield %i : !zk.felt
  }
  %p = zk.mul %in, %inv
  %one = zk.const 1
  %out = zk.sub %one, %p
  %z = zk.mul %in, %out
  %zero = zk.const 0
  zk.assert_eq %z, %zero
  zk.output %out : !zk.felt
}
)";

TEST_F(VerifierR1csTest, IsZeroIsDeterministic) {
  zk::CircuitOp c = parse(kIsZero);
  ASSERT_TRUE(c);
  auto res = checkCircuitDeterminism(c, {60000, 0});
  ASSERT_TRUE(static_cast<bool>(res)) << llvm::toString(res.takeError());
  EXPECT_EQ(res->verdict, Verdict::Proved) << res->reason;
}

TEST_F(VerifierR1csTest, IsZeroWithoutProductConstraintFails) {
  std::string source = kIsZero;
  size_t at = source.find("  zk.assert_eq %z, %zero\n");
  source.erase(at, std::string("  zk.assert_eq %z, %zero\n").size());
  zk::CircuitOp c = parse(source);
  ASSERT_TRUE(c);
  auto res = checkCircuitDeterminism(c, {60000, 0});
  ASSERT_TRUE(static_cast<bool>(res)) << llvm::toString(res.takeError());
  ASSERT_EQ(res->verdict, Verdict::Failed) << res->reason;
  const Counterexample &cex = *res->counterexample;
  auto one = checkAssignment(c, cex.inputs, cex.witness);
  auto two = checkAssignment(c, cex.inputs, cex.witness2);
  ASSERT_TRUE(one && two);
  EXPECT_FALSE(one->violation);
  EXPECT_FALSE(two->violation);
  EXPECT_NE(one->outputs, two->outputs);
}

// Bounds follow from linear equalities: w = b0 + 2·b1 with boolean bits.
TEST_F(VerifierR1csTest, ImpliedWitnessBounds) {
  zk::CircuitOp c = parse(R"(
zk.circuit @bounds(%x: !zk.felt) -> (!zk.felt) attributes {field = "bn254"} {
  %b0, %b1, %w, %u = zk.witness : () -> (!zk.felt, !zk.felt, !zk.felt, !zk.felt) {
    %z = zk.const 0
    zk.yield %z, %z, %z, %z : !zk.felt, !zk.felt, !zk.felt, !zk.felt
  }
  zk.assert_bool %b0
  zk.assert_bool %b1
  %two = zk.const 2
  %t = zk.mul %two, %b1
  %s = zk.add %b0, %t
  zk.assert_eq %w, %s
  %m = zk.mul %u, %x
  zk.assert_eq %m, %w
  zk.output %w : !zk.felt
}
)");
  ASSERT_TRUE(c);
  auto bounds = impliedWitnessBounds(c, 0);
  mlir::Operation *hint = nullptr;
  c.walk([&](zk::WitnessOp w) { hint = w; });
  ASSERT_TRUE(hint);
  EXPECT_EQ(bounds.lookup(hint->getResult(0)), 1);
  EXPECT_EQ(bounds.lookup(hint->getResult(1)), 1);
  EXPECT_EQ(bounds.lookup(hint->getResult(2)), 3);
  // u·x = w bounds nothing about u.
  EXPECT_EQ(bounds.count(hint->getResult(3)), 0u);
}

} // namespace
