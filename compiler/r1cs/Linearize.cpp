//===- Linearize.cpp - zk circuits to an unoptimised R1CS (-O0) -----------===//
//
// Every felt value becomes a linear combination of wires. Constants, sums,
// differences, negations and products with a constant stay linear; a product
// of two non-constant combinations gets a wire of its own. Inputs, outputs,
// hint results and the bits of range checks are wires. Sub-circuits are
// inlined at their calls, in the order the witness evaluator runs them, so
// the n-th hint value the evaluator produces is the n-th hint wire here.
//
//===----------------------------------------------------------------------===//

#include "compiler/r1cs/LinearCombination.h"
#include "compiler/r1cs/Lowering.h"

#include "mlir/IR/SymbolTable.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/FormatVariadic.h"

using namespace mlir;
using llvm::APInt;

namespace zkevmc::r1cs {

namespace {

using SourceKind = WireSource::SourceKind;

std::string describe(Location loc) {
  if (auto fileLoc = dyn_cast<FileLineColLoc>(loc))
    return llvm::formatv("{0}:{1}:{2}", fileLoc.getFilename().getValue(),
                         fileLoc.getLine(), fileLoc.getColumn());
  if (auto nameLoc = dyn_cast<NameLoc>(loc))
    return describe(nameLoc.getChildLoc());
  if (auto fused = dyn_cast<FusedLoc>(loc))
    if (!fused.getLocations().empty())
      return describe(fused.getLocations().front());
  std::string text;
  llvm::raw_string_ostream os(text);
  loc.print(os);
  return text;
}

llvm::Error errorAt(Operation *op, const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 describe(op->getLoc()) + ": " + message);
}

// A canonical APInt below the BN254 scalar prime as an Fr.
std::optional<Fr> toFr(const APInt &value) {
  if (value.getActiveBits() > 256)
    return std::nullopt;
  APInt wide = value.zextOrTrunc(256);
  bn254::Limbs limbs;
  for (unsigned i = 0; i < 4; ++i)
    limbs[i] = wide.extractBitsAsZExtValue(64, 64 * i);
  return Fr::fromLimbs(limbs);
}

class Linearizer {
public:
  explicit Linearizer(LoweredCircuit &out) : out(out) {}

  llvm::Error run(zk::CircuitOp circuit) {
    if (circuit.getField() != "bn254")
      return errorAt(circuit, "@" + circuit.getSymName() + " is over field '" +
                                  circuit.getField() +
                                  "'; R1CS lowering supports only bn254");
    unsigned numInputs = circuit.getArgumentTypes().size();
    unsigned numOutputs = circuit.getResultTypes().size();
    R1cs &system = out.System;
    system.NPubOut = numOutputs;
    for (unsigned i = 0; i < numInputs; ++i)
      (circuit.isPublicInput(i) ? system.NPubIn : system.NPrvIn) += 1;

    addWire({SourceKind::One, 0, {}, {}}, "one", 0);
    for (unsigned i = 0; i < numOutputs; ++i)
      addWire({SourceKind::Output, i, {}, {}},
              "main." + nameOf(circuit, i, /*isInput=*/false), 0);
    std::vector<LinearCombination> args(numInputs);
    for (bool isPublic : {true, false})
      for (unsigned i = 0; i < numInputs; ++i)
        if (circuit.isPublicInput(i) == isPublic)
          args[i] = termOf(addWire({SourceKind::Input, i, {}, {}},
                                   "main." + nameOf(circuit, i, true), 0),
                           Fr::one());

    std::vector<LinearCombination> results;
    llvm::SmallPtrSet<Operation *, 8> active;
    if (llvm::Error err = lowerBody(circuit, args, results, "main", 0, active))
      return err;
    for (unsigned i = 0; i < numOutputs; ++i) {
      out.Sources[1 + i].A = results[i];
      addConstraint(
          {}, {}, addScaled(results[i], -Fr::one(), termOf(1 + i, Fr::one())));
    }
    system.NLabels = system.NWires;
    system.WireToLabel.resize(system.NWires);
    for (uint32_t w = 0; w < system.NWires; ++w)
      system.WireToLabel[w] = w;
    out.ConstraintsBeforeOptimisation = system.Constraints.size();
    return llvm::Error::success();
  }

private:
  static std::string nameOf(zk::CircuitOp circuit, unsigned index,
                            bool isInput) {
    Attribute attr = isInput ? circuit.getArgAttr(index, "zk.name")
                             : circuit.getResultAttr(index, "zk.name");
    if (auto name = dyn_cast_or_null<StringAttr>(attr))
      return name.str();
    return (isInput ? "in" : "out") + std::to_string(index);
  }

  uint32_t addWire(WireSource source, std::string name, uint64_t component) {
    uint32_t wire = out.Sources.size();
    out.Sources.push_back(std::move(source));
    out.Symbols.push_back(Symbol{wire, int64_t(wire), component, name});
    out.System.NWires = out.Sources.size();
    return wire;
  }

  void addConstraint(LinearCombination a, LinearCombination b,
                     LinearCombination c) {
    out.System.Constraints.push_back(
        Constraint{std::move(a), std::move(b), std::move(c)});
  }

  // `0 = 1`: what a constraint on constants that does not hold lowers to,
  // so the system is unsatisfiable as the circuit is.
  void addFalse() { addConstraint({}, {}, constantOf(Fr::one())); }

  llvm::Error lowerBody(zk::CircuitOp circuit,
                        llvm::ArrayRef<LinearCombination> args,
                        std::vector<LinearCombination> &results,
                        const std::string &component, uint64_t componentId,
                        llvm::SmallPtrSet<Operation *, 8> &active) {
    active.insert(circuit);
    Block &body = circuit.getBody().front();
    llvm::DenseMap<Value, LinearCombination> values;
    for (auto [arg, lc] : llvm::zip(body.getArguments(), args))
      values[arg] = lc;
    unsigned hintsHere = 0, productsHere = 0, rangesHere = 0, callsHere = 0;
    // Lookups never insert, so references stay valid until the op's result
    // is stored. (Verified IR defines every operand before its use.)
    static const LinearCombination kNone;
    auto get = [&](Value v) -> const LinearCombination & {
      auto it = values.find(v);
      return it == values.end() ? kNone : it->second;
    };
    for (Operation &op : body) {
      llvm::Error err = llvm::Error::success();
      bool done = false;
      llvm::TypeSwitch<Operation *>(&op)
          .Case([&](zk::ConstOp c) {
            std::optional<Fr> k = toFr(c.getValue());
            if (!k)
              err = errorAt(&op, "constant is not below the prime");
            else
              values[c.getResult()] = constantOf(*k);
          })
          .Case([&](zk::AddOp o) {
            values[o.getResult()] =
                addScaled(get(o.getLhs()), Fr::one(), get(o.getRhs()));
          })
          .Case([&](zk::SubOp o) {
            values[o.getResult()] =
                addScaled(get(o.getLhs()), -Fr::one(), get(o.getRhs()));
          })
          .Case([&](zk::NegOp o) {
            values[o.getResult()] = scale(get(o.getOperand()), -Fr::one());
          })
          .Case([&](zk::MulOp o) {
            const LinearCombination &a = get(o.getLhs()), &b = get(o.getRhs());
            if (std::optional<Fr> k = constantValue(a)) {
              values[o.getResult()] = scale(b, *k);
            } else if (std::optional<Fr> k = constantValue(b)) {
              values[o.getResult()] = scale(a, *k);
            } else {
              uint32_t w =
                  addWire({SourceKind::Product, 0, a, b},
                          component + ".m" + std::to_string(productsHere++),
                          componentId);
              addConstraint(a, b, termOf(w, Fr::one()));
              values[o.getResult()] = termOf(w, Fr::one());
            }
          })
          .Case([&](zk::AssertEqOp o) {
            LinearCombination d =
                addScaled(get(o.getLhs()), -Fr::one(), get(o.getRhs()));
            if (std::optional<Fr> k = constantValue(d)) {
              if (!k->isZero())
                addFalse();
            } else {
              addConstraint({}, {}, std::move(d));
            }
          })
          .Case([&](zk::AssertBoolOp o) {
            const LinearCombination &x = get(o.getValue());
            if (std::optional<Fr> k = constantValue(x)) {
              if (!k->isZero() && !k->isOne())
                addFalse();
            } else {
              addConstraint(x, addScaled(x, -Fr::one(), constantOf(Fr::one())),
                            {});
            }
          })
          .Case([&](zk::RangeOp o) {
            err = lowerRange(o, get(o.getValue()),
                             component + ".r" + std::to_string(rangesHere++),
                             componentId);
          })
          .Case([&](zk::WitnessOp o) {
            for (Value r : o.getResults())
              values[r] =
                  termOf(addWire({SourceKind::Hint, hintCount++, {}, {}},
                                 component + ".h" + std::to_string(hintsHere++),
                                 componentId),
                         Fr::one());
          })
          .Case([&](zk::CallOp o) {
            auto callee = SymbolTable::lookupNearestSymbolFrom<zk::CircuitOp>(
                o, o.getCalleeAttr());
            if (!callee) {
              err = errorAt(&op, "no circuit @" + o.getCallee());
              return;
            }
            if (active.contains(callee)) {
              err = errorAt(&op, "recursive call to @" + o.getCallee() +
                                     " cannot be inlined");
              return;
            }
            if (callee.getField() != circuit.getField()) {
              err = errorAt(&op, "@" + o.getCallee() + " is over field '" +
                                     callee.getField() + "'");
              return;
            }
            if (callee.getArgumentTypes().size() != o.getOperands().size() ||
                callee.getResultTypes().size() != o.getResults().size()) {
              err = errorAt(&op, "call does not match @" + o.getCallee() +
                                     "'s inputs and outputs");
              return;
            }
            std::vector<LinearCombination> operands, calleeResults;
            for (Value v : o.getOperands())
              operands.push_back(get(v));
            std::string name = component + ".c" + std::to_string(callsHere++) +
                               "_" + o.getCallee().str();
            err = lowerBody(callee, operands, calleeResults, name,
                            ++componentCount, active);
            if (!err)
              for (auto [r, lc] : llvm::zip(o.getResults(), calleeResults))
                values[r] = std::move(lc);
          })
          .Case([&](zk::OutputOp o) {
            for (Value v : o.getValues())
              results.push_back(get(v));
            done = true;
          })
          .Default([&](Operation *) {
            err = errorAt(&op, "'" + op.getName().getStringRef() +
                                   "' has no R1CS lowering");
          });
      if (err)
        return err;
      if (done) {
        active.erase(circuit);
        return llvm::Error::success();
      }
    }
    return errorAt(circuit, "@" + circuit.getSymName() + " has no zk.output");
  }

  llvm::Error lowerRange(zk::RangeOp op, const LinearCombination &x,
                         const std::string &name, uint64_t componentId) {
    unsigned bits = op.getBits();
    // 2^bits - 1 must stay below the prime (bits <= 253 for BN254), or a
    // value could have two decompositions, one of them wrapping.
    if (bits >= 254)
      return errorAt(op, "range of " + llvm::Twine(bits) +
                             " bits could wrap around the BN254 prime (at "
                             "most 253 bits)");
    if (std::optional<Fr> k = constantValue(x)) {
      bn254::Limbs limbs = k->toLimbs();
      bool fits = true;
      for (unsigned i = bits; i < 256; ++i)
        fits &= !((limbs[i / 64] >> (i % 64)) & 1);
      if (!fits)
        addFalse();
      return llvm::Error::success();
    }
    LinearCombination sum = scale(x, -Fr::one());
    Fr power = Fr::one();
    for (unsigned i = 0; i < bits; ++i) {
      uint32_t b = addWire({SourceKind::Bit, i, x, {}},
                           name + "[" + std::to_string(i) + "]", componentId);
      LinearCombination bit = termOf(b, Fr::one());
      addConstraint(bit, addScaled(bit, -Fr::one(), constantOf(Fr::one())), {});
      sum = addScaled(sum, power, bit);
      power = power.dbl();
    }
    addConstraint({}, {}, std::move(sum));
    return llvm::Error::success();
  }

  LoweredCircuit &out;
  uint32_t hintCount = 0;
  uint64_t componentCount = 0;
};

} // namespace

llvm::Expected<LoweredCircuit> linearize(zk::CircuitOp circuit) {
  LoweredCircuit lowered;
  lowered.Name = circuit.getSymName().str();
  lowered.Level = OptLevel::O0;
  Linearizer linearizer(lowered);
  if (llvm::Error err = linearizer.run(circuit))
    return err;
  return lowered;
}

llvm::Expected<LoweredCircuit> lowerToR1cs(zk::CircuitOp circuit,
                                           OptLevel level) {
  llvm::Expected<LoweredCircuit> lowered = linearize(circuit);
  if (!lowered)
    return lowered.takeError();
  optimize(*lowered, level);
  return lowered;
}

} // namespace zkevmc::r1cs
