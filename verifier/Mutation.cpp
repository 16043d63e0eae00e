// Mutation testing of gadgets: mutants, their classification by the
// verifier, and a concrete search that cross-checks the verifier's proofs.

#include "verifier/Mutation.h"

#include "verifier/Assignment.h"
#include "verifier/OpcodeSpec.h"

#include "opcodes/OpcodeTable.h"
#include "opcodes/Semantics.h"
#include "runtime/witness/Evaluator.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Verifier.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <chrono>
#include <random>
#include <set>
#include <tuple>

using llvm::APInt;

namespace zkevmc::verifier {

namespace {

constexpr unsigned kLimbs = 4;
constexpr unsigned kLimbBits = 64;

llvm::Error fail(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

std::vector<mlir::Operation *> bodyOps(zk::CircuitOp circuit) {
  std::vector<mlir::Operation *> ops;
  for (mlir::Operation &op : circuit.getBody().front())
    ops.push_back(&op);
  return ops;
}

bool isConstraint(mlir::Operation *op) {
  return mlir::isa<zk::AssertEqOp, zk::AssertBoolOp, zk::RangeOp>(op);
}

// Where a value is defined: -1 for a circuit input, else its op's index.
int definitionIndex(mlir::Value v,
                    const llvm::DenseMap<mlir::Operation *, int> &index) {
  if (mlir::Operation *def = v.getDefiningOp())
    return index.lookup(def);
  return -1;
}

// Widths up to this keep a range's sum below the bn254 prime.
constexpr unsigned kMaxRangeBits = 252;

template <typename T>
std::vector<T> takeSample(std::vector<T> all, unsigned n,
                          std::mt19937_64 &rng) {
  if (all.size() <= n)
    return all;
  std::shuffle(all.begin(), all.end(), rng);
  all.resize(n);
  return all;
}

} // namespace

llvm::StringRef mutationKindName(MutationKind kind) {
  switch (kind) {
  case MutationKind::DropConstraint:
    return "drop-constraint";
  case MutationKind::PerturbConstant:
    return "perturb-constant";
  case MutationKind::SwapWires:
    return "swap-wires";
  }
  return "unknown";
}

std::string Mutation::describe() const {
  switch (kind) {
  case MutationKind::DropConstraint:
    return llvm::formatv("drop constraint #{0}", op);
  case MutationKind::PerturbConstant:
    return llvm::formatv("perturb constant #{0} by +1", op);
  case MutationKind::SwapWires:
    return llvm::formatv("swap wires #{0}.{1} and #{2}.{3}", op, operand, op2,
                         operand2);
  }
  return "";
}

std::vector<Mutation> sampleMutations(zk::CircuitOp gadget, unsigned perKind,
                                      uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<mlir::Operation *> ops = bodyOps(gadget);
  llvm::DenseMap<mlir::Operation *, int> index;
  for (unsigned i = 0; i < ops.size(); ++i)
    index[ops[i]] = i;

  std::vector<Mutation> drops, perturbs;
  struct Use {
    unsigned op, operand;
    mlir::Value value;
  };
  std::vector<Use> uses;
  for (unsigned i = 0; i < ops.size(); ++i) {
    mlir::Operation *op = ops[i];
    if (isConstraint(op))
      drops.push_back({MutationKind::DropConstraint, i});
    if (mlir::isa<zk::ConstOp>(op))
      perturbs.push_back({MutationKind::PerturbConstant, i});
    if (auto range = mlir::dyn_cast<zk::RangeOp>(op))
      if (range.getBits() < kMaxRangeBits)
        perturbs.push_back({MutationKind::PerturbConstant, i});
    for (mlir::OpOperand &use : op->getOpOperands())
      if (mlir::isa<zk::FeltType>(use.get().getType()))
        uses.push_back({i, use.getOperandNumber(), use.get()});
  }

  // Swaps are sampled: there are quadratically many.
  std::vector<Mutation> swaps;
  std::set<std::tuple<unsigned, unsigned, unsigned, unsigned>> seen;
  for (unsigned attempt = 0;
       uses.size() >= 2 && swaps.size() < perKind && attempt < 200 * perKind;
       ++attempt) {
    const Use &a = uses[rng() % uses.size()];
    const Use &b = uses[rng() % uses.size()];
    if (a.value == b.value)
      continue;
    if (a.op == b.op && (ops[a.op]->hasTrait<mlir::OpTrait::IsCommutative>() ||
                         mlir::isa<zk::AssertEqOp>(ops[a.op])))
      continue;
    // Each value must still be defined before its new use.
    if (definitionIndex(b.value, index) >= static_cast<int>(a.op) ||
        definitionIndex(a.value, index) >= static_cast<int>(b.op))
      continue;
    auto key = std::min(std::make_tuple(a.op, a.operand, b.op, b.operand),
                        std::make_tuple(b.op, b.operand, a.op, a.operand));
    if (!seen.insert(key).second)
      continue;
    swaps.push_back({MutationKind::SwapWires, std::get<0>(key),
                     std::get<1>(key), std::get<2>(key), std::get<3>(key)});
  }

  std::vector<Mutation> all;
  for (std::vector<Mutation> *kind : {&drops, &perturbs, &swaps}) {
    std::vector<Mutation> chosen = takeSample(*kind, perKind, rng);
    std::sort(chosen.begin(), chosen.end(),
              [](const Mutation &x, const Mutation &y) {
                return std::tie(x.op, x.operand, x.op2, x.operand2) <
                       std::tie(y.op, y.operand, y.op2, y.operand2);
              });
    all.insert(all.end(), chosen.begin(), chosen.end());
  }
  return all;
}

llvm::Expected<zk::CircuitOp> applyMutation(zk::CircuitOp gadget,
                                            const Mutation &mutation,
                                            llvm::StringRef name) {
  auto clone = mlir::cast<zk::CircuitOp>(gadget->clone());
  clone.setSymName(name);
  mlir::OpBuilder builder(gadget);
  builder.setInsertionPointAfter(gadget);
  builder.insert(clone);
  std::vector<mlir::Operation *> ops = bodyOps(clone);
  auto reject = [&](const llvm::Twine &why) -> llvm::Error {
    clone.erase();
    return fail("@" + gadget.getSymName() + ": " + mutation.describe() + ": " +
                why);
  };
  if (mutation.op >= ops.size() ||
      (mutation.kind == MutationKind::SwapWires && mutation.op2 >= ops.size()))
    return reject("no such op");
  mlir::Operation *op = ops[mutation.op];
  switch (mutation.kind) {
  case MutationKind::DropConstraint:
    if (!isConstraint(op))
      return reject("not a constraint");
    op->erase();
    break;
  case MutationKind::PerturbConstant:
    if (auto c = mlir::dyn_cast<zk::ConstOp>(op)) {
      const zk::PrimeField &field = clone.getPrimeField();
      APInt value = c.getValue().zextOrTrunc(field.width);
      APInt next = field.add(value, APInt(field.width, 1));
      auto type = mlir::cast<mlir::IntegerAttr>(c->getAttr("value")).getType();
      c->setAttr("value",
                 builder.getIntegerAttr(
                     type, next.zextOrTrunc(type.getIntOrFloatBitWidth())));
    } else if (auto range = mlir::dyn_cast<zk::RangeOp>(op)) {
      range->setAttr("bits", builder.getI32IntegerAttr(range.getBits() + 1));
    } else {
      return reject("not a constant");
    }
    break;
  case MutationKind::SwapWires: {
    mlir::Operation *other = ops[mutation.op2];
    if (mutation.operand >= op->getNumOperands() ||
        mutation.operand2 >= other->getNumOperands())
      return reject("no such operand");
    mlir::Value a = op->getOperand(mutation.operand);
    mlir::Value b = other->getOperand(mutation.operand2);
    op->setOperand(mutation.operand, b);
    other->setOperand(mutation.operand2, a);
    break;
  }
  }
  if (mlir::failed(mlir::verify(clone)))
    return reject("the mutant does not verify");
  return clone;
}

//===----------------------------------------------------------------------===//
// Concrete search
//===----------------------------------------------------------------------===//

namespace {

U256 randomWord(std::mt19937_64 &rng) {
  U256 w = U256::fromLimbs(rng(), rng(), rng(), rng());
  switch (rng() % 4) {
  case 0: // small: shifts, indices, divisors
    return U256(w.limbs[0] % 300);
  case 1: { // a random bit length
    unsigned bits = rng() % 257;
    for (unsigned i = 0; i < kLimbs; ++i)
      if (bits <= i * kLimbBits)
        w.limbs[i] = 0;
      else if (bits < (i + 1) * kLimbBits)
        w.limbs[i] &= (1ull << (bits - i * kLimbBits)) - 1;
    return w;
  }
  case 2: // negative with a small magnitude
    return U256(0) - U256(w.limbs[0] % 300);
  default:
    return w;
  }
}

struct GadgetSpec {
  uint8_t opcode;
  unsigned arity;
};

llvm::Expected<GadgetSpec> specOf(zk::CircuitOp gadget) {
  auto spec = gadget->getAttrOfType<mlir::StringAttr>(zk::kSpecAttrName);
  if (!spec)
    return fail("@" + gadget.getSymName() + " has no zk.spec");
  std::string mnemonic = spec.getValue().upper();
  const opcodes::OpcodeInfo *info = opcodes::lookupOpcodeByMnemonic(mnemonic);
  unsigned arity = pureOpcodeArity(mnemonic);
  if (!info || arity == 0)
    return fail("@" + gadget.getSymName() + ": zk.spec '" + mnemonic +
                "' names no pure opcode");
  if (gadget.getArgumentTypes().size() != kLimbs * arity ||
      gadget.getResultTypes().size() != kLimbs)
    return fail("@" + gadget.getSymName() + " does not have " +
                llvm::Twine(kLimbs * arity) + " inputs and 4 outputs");
  return GadgetSpec{info->byte, arity};
}

std::string wordsText(llvm::ArrayRef<U256> words) {
  std::string text;
  for (const U256 &w : words)
    text += (text.empty() ? "" : ", ") + w.toHex();
  return text;
}

std::string feltsText(llvm::ArrayRef<APInt> values) {
  std::string text;
  for (const APInt &v : values)
    text += (text.empty() ? "" : " ") + llvm::toString(v, 10, false);
  return text;
}

// Whether four output felts are limbs below 2^64 that encode `expected`.
bool encodes(llvm::ArrayRef<APInt> outputs, const U256 &expected) {
  if (outputs.size() != kLimbs)
    return false;
  for (unsigned i = 0; i < kLimbs; ++i)
    if (outputs[i].getActiveBits() > kLimbBits ||
        outputs[i].getZExtValue() != expected.limbs[i])
      return false;
  return true;
}

} // namespace

llvm::Expected<ConcreteFindings>
searchConcretely(zk::CircuitOp gadget, const ConcreteSearchOptions &options) {
  llvm::Expected<GadgetSpec> spec = specOf(gadget);
  if (!spec)
    return spec.takeError();
  const zk::PrimeField &field = gadget.getPrimeField();
  std::mt19937_64 rng(options.seed);

  std::vector<std::vector<U256>> tuples;
  std::vector<U256> edges = edgeWords();
  if (spec->arity == 1) {
    for (const U256 &a : edges)
      tuples.push_back({a});
  } else if (spec->arity == 2) {
    for (const U256 &a : edges)
      for (const U256 &b : edges)
        tuples.push_back({a, b});
  } else {
    for (unsigned i = 0; i < edges.size() * edges.size(); ++i)
      tuples.push_back({edges[rng() % edges.size()],
                        edges[rng() % edges.size()],
                        edges[rng() % edges.size()]});
  }
  for (unsigned i = 0; i < options.randomInputs; ++i) {
    std::vector<U256> t;
    for (unsigned k = 0; k < spec->arity; ++k)
      t.push_back(randomWord(rng));
    tuples.push_back(t);
  }

  ConcreteFindings found;
  APInt pMinus1 = field.prime.zextOrTrunc(field.width) - 1;
  for (const std::vector<U256> &operands : tuples) {
    if (found.soundness && found.completeness && found.determinism)
      break;
    std::vector<APInt> inputs;
    for (const U256 &w : operands)
      for (unsigned i = 0; i < kLimbs; ++i)
        inputs.push_back(APInt(field.width, w.limbs[i]));
    std::optional<U256> expected = semantics::evalPure(spec->opcode, operands);
    if (!expected)
      return fail("no semantics for the opcode of @" + gadget.getSymName());
    std::string at = "on (" + wordsText(operands) + ")";

    ++found.assignments;
    llvm::Expected<witness::Evaluation> honest =
        witness::evaluateCircuit(gadget, inputs);
    if (!honest) {
      if (!found.completeness)
        found.completeness =
            "the hints fail " + at + ": " + llvm::toString(honest.takeError());
      else
        llvm::consumeError(honest.takeError());
      continue;
    }
    bool honestSatisfies = !honest->firstViolation;
    if (!honestSatisfies) {
      if (!found.completeness)
        found.completeness = "the hints' witness violates " +
                             honest->firstViolation->message + " " + at;
    } else if (!encodes(honest->outputs, *expected)) {
      std::string what = "the hints' witness satisfies every constraint " + at +
                         " but gives " + feltsText(honest->outputs) + ", not " +
                         expected->toDecimal();
      if (!found.completeness)
        found.completeness = what;
      if (!found.soundness)
        found.soundness = what;
    }

    const std::vector<APInt> &w = honest->witnesses;
    if (w.empty())
      continue;
    for (unsigned t = 0; t < options.perturbations; ++t) {
      std::vector<APInt> changed = w;
      unsigned k = rng() % w.size();
      APInt &v = changed[k];
      APInt one(field.width, 1);
      switch (rng() % 9) {
      case 0:
        v = APInt(field.width, 0);
        break;
      case 1:
        v = one;
        break;
      case 2:
        v = pMinus1;
        break;
      case 3:
        v = field.add(v, one);
        break;
      case 4:
        v = field.sub(v, one);
        break;
      case 5:
        v = APInt::getOneBitSet(field.width, rng() % (field.width - 1));
        break;
      case 6:
        v = APInt(field.width, rng());
        break;
      case 7:
        v = field.add(v, APInt::getOneBitSet(field.width, kLimbBits));
        break;
      default: {
        APInt r(field.width, 0);
        for (unsigned i = 0; i < field.width; i += 64)
          r.insertBits(APInt(64, rng()).trunc(std::min(64u, field.width - i)),
                       i);
        v = field.reduce(r);
        break;
      }
      }
      if (v == w[k])
        continue;
      ++found.assignments;
      llvm::Expected<AssignmentCheck> replay =
          checkAssignment(gadget, inputs, changed);
      if (!replay) {
        llvm::consumeError(replay.takeError());
        continue;
      }
      if (replay->violation)
        continue;
      std::string what = llvm::formatv(
          "witness #{0} changed to {1} satisfies every constraint {2}", k,
          llvm::toString(v, 10, false), at);
      if (!encodes(replay->outputs, *expected) && !found.soundness)
        found.soundness = what + " and gives " + feltsText(replay->outputs) +
                          ", not " + expected->toDecimal();
      if (honestSatisfies && replay->outputs != honest->outputs &&
          !found.determinism)
        found.determinism = what + " and gives " + feltsText(replay->outputs) +
                            ", the hints' witness " +
                            feltsText(honest->outputs);
    }
  }
  return found;
}

//===----------------------------------------------------------------------===//
// Running mutants
//===----------------------------------------------------------------------===//

llvm::StringRef mutantClassName(MutantClass c) {
  switch (c) {
  case MutantClass::Killed:
    return "killed";
  case MutantClass::Equivalent:
    return "equivalent";
  case MutantClass::Unknown:
    return "unknown";
  }
  return "unknown";
}

namespace {

// A reported counterexample is confirmed once more, independently of the
// check that produced it; returns why it is not, if it is not.
std::optional<std::string> recheck(zk::CircuitOp mutant, unsigned property,
                                   const Counterexample &cex) {
  if (property == 1) {
    // Completeness: the hints fail, or their witness breaks a constraint or
    // gives a wrong result.
    llvm::Expected<witness::Evaluation> eval =
        witness::evaluateCircuit(mutant, cex.inputs);
    if (!eval) {
      llvm::consumeError(eval.takeError());
      return std::nullopt;
    }
    if (eval->firstViolation)
      return std::nullopt;
    std::vector<U256> operands;
    for (unsigned i = 0; i + kLimbs <= cex.inputs.size(); i += kLimbs)
      operands.push_back(U256::fromLimbs(
          cex.inputs[i].getZExtValue(), cex.inputs[i + 1].getZExtValue(),
          cex.inputs[i + 2].getZExtValue(), cex.inputs[i + 3].getZExtValue()));
    llvm::Expected<GadgetSpec> spec = specOf(mutant);
    if (!spec) {
      llvm::consumeError(spec.takeError());
      return std::string("not a gadget");
    }
    std::optional<U256> expected = semantics::evalPure(spec->opcode, operands);
    if (expected && !encodes(eval->outputs, *expected))
      return std::nullopt;
    return std::string("the hints' witness satisfies every constraint and "
                       "gives the right result");
  }
  llvm::Expected<AssignmentCheck> one =
      checkAssignment(mutant, cex.inputs, cex.witness);
  if (!one)
    return llvm::toString(one.takeError());
  if (one->violation)
    return "the witness violates " + *one->violation;
  if (one->outputs != cex.outputs)
    return std::string("the witness gives other outputs than reported");
  if (property == 2) {
    llvm::Expected<AssignmentCheck> two =
        checkAssignment(mutant, cex.inputs, cex.witness2);
    if (!two)
      return llvm::toString(two.takeError());
    if (two->violation)
      return "the second witness violates " + *two->violation;
    if (two->outputs == one->outputs)
      return std::string("the two witnesses give the same outputs");
  }
  return std::nullopt;
}

} // namespace

llvm::Expected<std::vector<MutantReport>>
runMutants(zk::CircuitOp gadget, const MutationOptions &options) {
  llvm::Expected<GadgetSpec> spec = specOf(gadget);
  if (!spec)
    return spec.takeError();
  llvm::Expected<CheckResult> (*checks[3])(
      zk::CircuitOp, const CheckOptions &) = {checkSoundness, checkCompleteness,
                                              checkDeterminism};
  const char *names[3] = {"soundness", "completeness", "determinism"};
  std::vector<MutantReport> reports;
  std::vector<Mutation> mutations =
      sampleMutations(gadget, options.perKind, options.seed);
  for (unsigned m = 0; m < mutations.size(); ++m) {
    auto start = std::chrono::steady_clock::now();
    llvm::Expected<zk::CircuitOp> mutant =
        applyMutation(gadget, mutations[m],
                      (gadget.getSymName() + "_mutant" + llvm::Twine(m)).str());
    if (!mutant)
      return mutant.takeError();
    MutantReport report;
    report.mutation = mutations[m];
    bool anyFailed = false, allProved = true;
    for (unsigned i = 0; i < 3; ++i) {
      llvm::Expected<CheckResult> result = checks[i](*mutant, options.check);
      if (!result) {
        mutant->erase();
        return result.takeError();
      }
      report.results[i] = std::move(*result);
      const CheckResult &r = report.results[i];
      if (r.verdict == Verdict::Failed) {
        if (!r.counterexample) {
          report.verifierBug =
              std::string(names[i]) + " failed without a counterexample";
        } else if (std::optional<std::string> why =
                       recheck(*mutant, i, *r.counterexample)) {
          report.verifierBug =
              std::string(names[i]) + " counterexample not confirmed: " + *why;
        }
        anyFailed = true;
      }
      allProved &= r.verdict == Verdict::Proved;
    }
    report.verdict = anyFailed   ? MutantClass::Killed
                     : allProved ? MutantClass::Equivalent
                                 : MutantClass::Unknown;
    llvm::Expected<ConcreteFindings> concrete =
        searchConcretely(*mutant, options.concrete);
    if (!concrete) {
      mutant->erase();
      return concrete.takeError();
    }
    report.concrete = std::move(*concrete);
    const std::optional<std::string> *findings[3] = {
        &report.concrete.soundness, &report.concrete.completeness,
        &report.concrete.determinism};
    for (unsigned i = 0; i < 3; ++i)
      if (report.results[i].verdict == Verdict::Proved && *findings[i] &&
          !report.verifierBug)
        report.verifierBug =
            std::string(names[i]) +
            " proved, but the concrete search refutes it: " + **findings[i];
    mutant->erase();
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    reports.push_back(std::move(report));
  }
  return reports;
}

} // namespace zkevmc::verifier
