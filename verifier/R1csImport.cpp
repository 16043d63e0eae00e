// An iden3 .r1cs as a zk.circuit, and its determinism audit.
//
// circom's --O2 substitutes linear constraints into the others, dividing by
// a coefficient, so a bit that was eliminated shows up as a combination with
// coefficients like 2^-7 mod p inside a booleanity constraint. Read
// literally, such a constraint is a product of two 254-bit combinations,
// which neither encoding reasons about well; rescaled (multiplied by 2^7)
// it is a small-coefficient equation with a boolean, which the integer
// encoding keeps exact. Rescaling by a nonzero constant does not change the
// solutions, so the import stays faithful.

#include "verifier/R1csImport.h"

#include "verifier/Assignment.h"

#include "runtime/formats/R1csFile.h"
#include "runtime/formats/SymFile.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Verifier.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"

using llvm::APInt;
using mlir::Value;

namespace zkevmc::verifier {

namespace {

constexpr unsigned kFrBits = 256;
// Only the first terms' inverses are tried as scale factors: enough for the
// combinations circom writes (one eliminated signal per substitution).
constexpr unsigned kScaleCandidates = 16;

llvm::Error fail(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

BigInt primeOf() {
  bn254::Limbs p = r1cs::Fr::Modulus;
  return toBigInt(APInt(kFrBits, llvm::ArrayRef<uint64_t>(p.data(), 4)));
}

APInt toAPInt(const r1cs::Fr &x) {
  bn254::Limbs l = x.toLimbs();
  return APInt(kFrBits, llvm::ArrayRef<uint64_t>(l.data(), 4));
}

std::optional<r1cs::Fr> toFr(const APInt &v) {
  if (v.getActiveBits() > kFrBits)
    return std::nullopt;
  APInt w = v.zextOrTrunc(kFrBits);
  bn254::Limbs l;
  for (unsigned i = 0; i < 4; ++i)
    l[i] = w.extractBitsAsZExtValue(64, 64 * i);
  return r1cs::Fr::fromLimbs(l);
}

// A linear combination over wires (wire 0 is the constant) with integer
// coefficients in (−p/2, p/2], congruent to the file's.
struct Lin {
  BigInt constant = 0;
  std::vector<std::pair<uint32_t, BigInt>> terms;

  bool isConstant() const { return terms.empty(); }
  BigInt coefficient(uint32_t wire) const {
    for (const auto &[w, c] : terms)
      if (w == wire)
        return c;
    return 0;
  }
};

class Importer {
public:
  Importer(mlir::MLIRContext &context, ImportedR1cs &out)
      : out(out), p(primeOf()), b(&context), felt(zk::FeltType::get(&context)) {
  }

  llvm::Error run(llvm::StringRef circuitName) {
    const r1cs::R1cs &sys = out.system;
    mlir::MLIRContext *context = b.getContext();
    mlir::Location loc = mlir::NameLoc::get(b.getStringAttr(circuitName));
    out.module = mlir::ModuleOp::create(loc);
    b.setInsertionPointToEnd(out.module->getBody());

    unsigned numOut = sys.NPubOut, numIn = sys.NPubIn + sys.NPrvIn;
    auto attrsFor = [&](uint32_t wire, bool isPublic) {
      llvm::SmallVector<mlir::NamedAttribute> attrs;
      if (isPublic)
        attrs.push_back(
            b.getNamedAttr(zk::kPublicAttrName, mlir::UnitAttr::get(context)));
      attrs.push_back(b.getNamedAttr(
          "zk.name", b.getStringAttr(out.wireNames[wire].empty()
                                         ? "w" + std::to_string(wire)
                                         : out.wireNames[wire])));
      return b.getDictionaryAttr(attrs);
    };
    llvm::SmallVector<mlir::Attribute> argAttrs, resAttrs;
    for (unsigned i = 0; i < numIn; ++i)
      argAttrs.push_back(attrsFor(firstInput() + i, i < sys.NPubIn));
    for (unsigned i = 0; i < numOut; ++i)
      resAttrs.push_back(attrsFor(1 + i, true));
    out.circuit = b.create<zk::CircuitOp>(
        loc, circuitName,
        b.getFunctionType(llvm::SmallVector<mlir::Type>(numIn, felt),
                          llvm::SmallVector<mlir::Type>(numOut, felt)),
        "bn254", b.getArrayAttr(argAttrs), b.getArrayAttr(resAttrs));
    mlir::Block *entry = out.circuit.addEntryBlock();
    b.setInsertionPointToEnd(entry);

    wires.assign(sys.NWires, Value());
    wires[0] = constant(1, loc);
    for (unsigned i = 0; i < numIn; ++i)
      wires[firstInput() + i] = entry->getArgument(i);
    for (uint32_t w = 1; w < sys.NWires; ++w) {
      if (w >= firstInput() && w < firstInput() + numIn)
        continue;
      wires[w] =
          freeWitness(mlir::NameLoc::get(b.getStringAttr(out.wireName(w))), w);
    }
    for (auto [k, c] : llvm::enumerate(sys.Constraints))
      importConstraint(c, mlir::NameLoc::get(
                              b.getStringAttr("constraint " + llvm::Twine(k))));
    llvm::SmallVector<Value> outputs(wires.begin() + 1,
                                     wires.begin() + 1 + numOut);
    b.create<zk::OutputOp>(loc, outputs);
    if (mlir::failed(mlir::verify(*out.module)))
      return fail("the imported circuit does not verify");
    return llvm::Error::success();
  }

private:
  uint32_t firstInput() const { return 1 + out.system.NPubOut; }

  BigInt symmetric(BigInt c) const {
    c %= p;
    if (c < 0)
      c += p;
    if (2 * c > p)
      c -= p;
    return c;
  }

  BigInt inverse(const BigInt &c) const {
    BigInt r, m = symmetric(c);
    if (m < 0)
      m += p;
    mpz_invert(r.get_mpz_t(), m.get_mpz_t(), p.get_mpz_t());
    return r;
  }

  Lin lin(const r1cs::LinearCombination &terms) const {
    Lin l;
    for (const r1cs::Term &t : terms) {
      BigInt c = symmetric(toBigInt(toAPInt(t.Coeff)));
      if (c == 0)
        continue;
      if (t.Wire == 0) {
        l.constant = symmetric(l.constant + c);
        continue;
      }
      bool merged = false;
      for (auto &[w, existing] : l.terms)
        if (w == t.Wire) {
          existing = symmetric(existing + c);
          merged = true;
        }
      if (!merged)
        l.terms.push_back({t.Wire, c});
    }
    llvm::erase_if(l.terms, [](const auto &t) { return t.second == 0; });
    return l;
  }

  Lin scaled(const Lin &l, const BigInt &s) const {
    Lin r;
    r.constant = symmetric(l.constant * s);
    for (const auto &[w, c] : l.terms)
      r.terms.push_back({w, symmetric(c * s)});
    return r;
  }

  // a + k·b.
  Lin combine(const Lin &a, const Lin &bl, const BigInt &k) const {
    Lin r = a;
    r.constant = symmetric(r.constant + k * bl.constant);
    for (const auto &[w, c] : bl.terms) {
      bool merged = false;
      for (auto &[rw, rc] : r.terms)
        if (rw == w) {
          rc = symmetric(rc + k * c);
          merged = true;
        }
      if (!merged)
        r.terms.push_back({w, symmetric(k * c)});
    }
    llvm::erase_if(r.terms, [](const auto &t) { return t.second == 0; });
    return r;
  }

  static size_t cost(const Lin &l) {
    size_t bits = mpz_sizeinbase(BigInt(abs(l.constant)).get_mpz_t(), 2);
    for (const auto &[w, c] : l.terms)
      bits = std::max(bits, mpz_sizeinbase(BigInt(abs(c)).get_mpz_t(), 2));
    return bits;
  }

  // The nonzero factor s (1 unless another is strictly better) that makes
  // s·l's widest coefficient narrowest.
  BigInt bestScale(const Lin &l) const {
    BigInt best = 1;
    size_t bestCost = cost(l);
    for (unsigned i = 0; i < l.terms.size() && i < kScaleCandidates; ++i) {
      BigInt s = symmetric(inverse(l.terms[i].second));
      size_t c = cost(scaled(l, s));
      if (c < bestCost) {
        best = s;
        bestCost = c;
      }
    }
    return best;
  }

  Value constant(const BigInt &v, mlir::Location loc) {
    BigInt c = symmetric(v);
    if (c < 0)
      c += p;
    return b.create<zk::ConstOp>(
        loc, felt,
        b.getIntegerAttr(b.getIntegerType(kFrBits),
                         verifier::toAPInt(c, kFrBits)));
  }

  Value freeWitness(mlir::Location loc, int64_t wire) {
    auto op =
        b.create<zk::WitnessOp>(loc, mlir::TypeRange{felt}, mlir::ValueRange{});
    mlir::Block *block = new mlir::Block();
    op.getHint().push_back(block);
    mlir::OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToEnd(block);
    // No witness program travels in a .r1cs: the value is a placeholder.
    Value zero = b.create<zk::ConstOp>(
        loc, felt,
        b.getIntegerAttr(b.getIntegerType(kFrBits), APInt(kFrBits, 0)));
    b.create<zk::YieldOp>(loc, mlir::ValueRange{zero});
    out.witnessWires.push_back(wire);
    return op.getResult(0);
  }

  // Σ of the terms whose coefficient has the sign `positive`, magnitudes
  // only; extra (wire value, coefficient) terms may join; nothing if empty.
  Value side(const Lin &l, bool positive, mlir::Location loc,
             llvm::ArrayRef<std::pair<Value, BigInt>> extra = {}) {
    Value acc;
    auto addTerm = [&](Value v, const BigInt &c) {
      if ((c > 0) != positive || c == 0)
        return;
      BigInt m = abs(c);
      Value term = v;
      if (!v)
        term = constant(m, loc);
      else if (m != 1)
        term = b.create<zk::MulOp>(loc, felt, constant(m, loc), v);
      acc = acc ? b.create<zk::AddOp>(loc, felt, acc, term).getResult() : term;
    };
    addTerm(Value(), l.constant);
    for (const auto &[w, c] : l.terms)
      addTerm(wires[w], c);
    for (const auto &[v, c] : extra)
      addTerm(v, c);
    return acc;
  }

  Value value(const Lin &l, mlir::Location loc) {
    Value pos = side(l, true, loc), neg = side(l, false, loc);
    if (!pos && !neg)
      return constant(0, loc);
    if (!neg)
      return pos;
    if (!pos)
      return b.create<zk::NegOp>(loc, felt, neg);
    return b.create<zk::SubOp>(loc, felt, pos, neg);
  }

  // l (+ extra) = 0 as positive part = negative part.
  void assertZero(const Lin &l, mlir::Location loc,
                  llvm::ArrayRef<std::pair<Value, BigInt>> extra = {}) {
    Value pos = side(l, true, loc, extra), neg = side(l, false, loc, extra);
    if (!pos)
      pos = constant(0, loc);
    if (!neg)
      neg = constant(0, loc);
    b.create<zk::AssertEqOp>(loc, pos, neg);
  }

  void importConstraint(const r1cs::Constraint &con, mlir::Location loc) {
    Lin A = lin(con.A), B = lin(con.B), C = lin(con.C);
    // A constant factor: a linear constraint a·B − C = 0 (or b·A − C).
    if (A.isConstant() || B.isConstant()) {
      const Lin &k = A.isConstant() ? A : B;
      const Lin &other = A.isConstant() ? B : A;
      Lin d = combine(scaled(other, k.constant), C, -1);
      assertZero(scaled(d, bestScale(d)), loc);
      return;
    }
    // C = 0 and B = k·A + δ: A·(k·A + δ) = 0, so A ∈ {0, −δ/k}.
    if (C.isConstant() && C.constant == 0) {
      BigInt k = symmetric(B.coefficient(A.terms.front().first) *
                           inverse(A.terms.front().second));
      Lin delta = combine(B, A, -k);
      if (k != 0 && delta.isConstant()) {
        BigInt s = bestScale(A);
        Lin m = scaled(A, s);
        if (delta.constant == 0) {
          assertZero(m, loc);
          return;
        }
        ++out.booleanities;
        BigInt c = symmetric(-s * delta.constant * inverse(k));
        Value bit = freeWitness(mlir::NameLoc::get(b.getStringAttr(
                                    llvm::Twine(locName(loc)) + " bit of " +
                                    out.wireName(A.terms.front().first))),
                                -1);
        b.create<zk::AssertBoolOp>(loc, bit);
        assertZero(m, loc, {{bit, -c}});
        return;
      }
    }
    BigInt sA = bestScale(A), sB = bestScale(B);
    Lin A2 = scaled(A, sA), B2 = scaled(B, sB), C2 = scaled(C, sA * sB);
    if (std::max({cost(A2), cost(B2), cost(C2)}) >=
        std::max({cost(A), cost(B), cost(C)})) {
      A2 = A;
      B2 = B;
      C2 = C;
    }
    Value prod = b.create<zk::MulOp>(loc, felt, value(A2, loc), value(B2, loc));
    b.create<zk::AssertEqOp>(loc, prod, value(C2, loc));
  }

  static std::string locName(mlir::Location loc) {
    if (auto n = llvm::dyn_cast<mlir::NameLoc>(loc))
      return n.getName().str();
    return "";
  }

  ImportedR1cs &out;
  BigInt p;
  mlir::OpBuilder b;
  mlir::Type felt;
  std::vector<Value> wires;
};

} // namespace

std::string ImportedR1cs::wireName(uint32_t wire) const {
  if (wire < wireNames.size() && !wireNames[wire].empty())
    return wireNames[wire];
  if (wire == 0)
    return "one";
  return "wire " + std::to_string(wire);
}

std::vector<APInt>
ImportedR1cs::wireValues(llvm::ArrayRef<APInt> inputs,
                         llvm::ArrayRef<APInt> witness) const {
  std::vector<APInt> values(system.NWires, APInt(kFrBits, 0));
  values[0] = APInt(kFrBits, 1);
  for (auto [i, v] : llvm::enumerate(inputs))
    if (1 + system.NPubOut + i < values.size())
      values[1 + system.NPubOut + i] = v.zextOrTrunc(kFrBits);
  for (auto [i, v] : llvm::enumerate(witness))
    if (i < witnessWires.size() && witnessWires[i] >= 0 &&
        static_cast<uint64_t>(witnessWires[i]) < values.size())
      values[witnessWires[i]] = v.zextOrTrunc(kFrBits);
  return values;
}

llvm::Expected<ImportedR1cs> importR1cs(mlir::MLIRContext &context,
                                        r1cs::R1cs system,
                                        std::vector<std::string> wireNames,
                                        llvm::StringRef circuitName) {
  if (llvm::Error err = formats::validateR1cs(system, circuitName))
    return err;
  if (!wireNames.empty() && wireNames.size() != system.NWires)
    return fail(llvm::formatv("{0}: {1} wire names for {2} wires", circuitName,
                              wireNames.size(), system.NWires));
  context.getOrLoadDialect<zk::ZkDialect>();
  ImportedR1cs out;
  out.system = std::move(system);
  out.wireNames = std::move(wireNames);
  out.wireNames.resize(out.system.NWires);
  Importer importer(context, out);
  if (llvm::Error err = importer.run(circuitName))
    return err;
  return out;
}

llvm::Expected<ImportedR1cs> importR1csFile(mlir::MLIRContext &context,
                                            llvm::StringRef r1csPath,
                                            llvm::StringRef symPath) {
  auto system = formats::readR1cs(r1csPath);
  if (!system)
    return system.takeError();
  std::string sym = symPath.str();
  if (sym.empty()) {
    llvm::SmallString<256> next(r1csPath);
    llvm::sys::path::replace_extension(next, "sym");
    if (llvm::sys::fs::exists(next))
      sym = next.str().str();
  }
  std::vector<std::string> names;
  if (!sym.empty()) {
    auto symbols = formats::readSym(sym);
    if (!symbols)
      return symbols.takeError();
    names.resize(system->NWires);
    for (const r1cs::Symbol &s : *symbols)
      if (s.Wire >= 0 && static_cast<uint64_t>(s.Wire) < names.size() &&
          names[s.Wire].empty())
        names[s.Wire] = s.Name;
  }
  std::string name = llvm::sys::path::stem(r1csPath).str();
  if (name.empty())
    name = "r1cs";
  auto imported =
      importR1cs(context, std::move(*system), std::move(names), name);
  if (!imported)
    return fail(r1csPath + ": " + llvm::toString(imported.takeError()));
  return imported;
}

std::optional<std::string>
firstViolatedConstraint(const r1cs::R1cs &system, llvm::ArrayRef<APInt> wires) {
  std::vector<r1cs::Fr> w;
  for (const APInt &v : wires) {
    std::optional<r1cs::Fr> f = toFr(v);
    if (!f)
      return "wire value " + llvm::toString(v, 10, false) +
             " is not a field element";
    w.push_back(*f);
  }
  if (w.size() != system.NWires)
    return llvm::formatv("{0} wire values for {1} wires", w.size(),
                         system.NWires)
        .str();
  if (w[0] != r1cs::Fr::one())
    return std::string("wire 0 is not 1");
  auto eval = [&](const r1cs::LinearCombination &lc) {
    r1cs::Fr acc = r1cs::Fr::zero();
    for (const r1cs::Term &t : lc)
      acc += t.Coeff * w[t.Wire];
    return acc;
  };
  for (auto [k, c] : llvm::enumerate(system.Constraints)) {
    r1cs::Fr ab = eval(c.A) * eval(c.B), rhs = eval(c.C);
    if (ab != rhs)
      return llvm::formatv("constraint {0}: A·B = {1}, C = {2}", k,
                           ab.toDecimal(), rhs.toDecimal())
          .str();
  }
  return std::nullopt;
}

llvm::Expected<R1csDeterminism>
checkR1csDeterminism(const ImportedR1cs &imported,
                     const DeterminismOptions &options) {
  R1csDeterminism out;
  auto check = checkCircuitDeterminism(imported.circuit, options);
  if (!check)
    return check.takeError();
  out.check = std::move(*check);
  if (out.check.verdict != Verdict::Failed)
    return out;
  const Counterexample &cex = *out.check.counterexample;
  out.wires1 = imported.wireValues(cex.inputs, cex.witness);
  out.wires2 = imported.wireValues(cex.inputs, cex.witness2);
  std::optional<std::string> bad =
      firstViolatedConstraint(imported.system, out.wires1);
  if (!bad)
    bad = firstViolatedConstraint(imported.system, out.wires2);
  bool differ = false;
  for (uint32_t w = 1; w <= imported.system.NPubOut; ++w)
    differ |= out.wires1[w] != out.wires2[w];
  if (!bad && differ)
    return out;
  // Only a bug of the import could get here; never report it as a finding.
  out.check.verdict = Verdict::Unknown;
  out.check.reason = "the counterexample does not hold on the R1CS itself (" +
                     (bad ? *bad : std::string("equal outputs")) + ")";
  out.check.counterexample.reset();
  out.wires1.clear();
  out.wires2.clear();
  return out;
}

} // namespace zkevmc::verifier
