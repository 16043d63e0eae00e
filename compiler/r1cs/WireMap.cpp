//===- WireMap.cpp - R1CS witnesses from the witness evaluator's values ---===//
//
// The evaluator runs the circuit's hints; every other wire is a function of
// the inputs and hint values that the lowering recorded (a product, a bit of
// a range-checked value, an output). The -O0 witness is computed wire by
// wire, then restricted to the wires the optimised system kept.
//
//===----------------------------------------------------------------------===//

#include "compiler/r1cs/LinearCombination.h"
#include "compiler/r1cs/Lowering.h"
#include "runtime/witness/Evaluator.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

using llvm::APInt;

namespace zkevmc::r1cs {

namespace {

using SourceKind = WireSource::SourceKind;

llvm::Error error(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

std::optional<Fr> toFr(const APInt &value) {
  if (value.getActiveBits() > 256)
    return std::nullopt;
  APInt wide = value.zextOrTrunc(256);
  bn254::Limbs limbs;
  for (unsigned i = 0; i < 4; ++i)
    limbs[i] = wide.extractBitsAsZExtValue(64, 64 * i);
  return Fr::fromLimbs(limbs);
}

} // namespace

Fr evaluate(const LinearCombination &lc, const Witness &witness) {
  Fr sum;
  for (const Term &t : lc)
    sum += t.Coeff * witness[t.Wire];
  return sum;
}

llvm::Expected<Witness> computeWitness(const LoweredCircuit &lowered,
                                       zk::CircuitOp circuit,
                                       llvm::ArrayRef<APInt> inputs) {
  llvm::Expected<witness::Evaluation> evaluation =
      witness::evaluateCircuit(circuit, inputs);
  if (!evaluation)
    return evaluation.takeError();
  const std::vector<APInt> &hints = evaluation->witnesses;
  const std::vector<WireSource> &sources = lowered.Sources;

  Witness full(sources.size());
  size_t hintWires = 0;
  auto mismatch = [&](const llvm::Twine &what) {
    return error("@" + circuit.getSymName() + " does not match the R1CS of @" +
                 lowered.Name + ": " + what);
  };
  auto convert = [&](const APInt &v, const char *what,
                     uint32_t index) -> llvm::Expected<Fr> {
    std::optional<Fr> fr = toFr(v);
    if (!fr)
      return error(llvm::formatv("{0} {1} = {2} is not below the BN254 prime",
                                 what, index, llvm::toString(v, 10, false)));
    return *fr;
  };
  // Sources only refer to earlier wires, except outputs, which come first in
  // the numbering but are computed last.
  for (size_t w = 0; w < sources.size(); ++w) {
    const WireSource &s = sources[w];
    switch (s.Kind) {
    case SourceKind::One:
      full[w] = Fr::one();
      break;
    case SourceKind::Input: {
      if (s.Index >= inputs.size())
        return mismatch("too few inputs");
      llvm::Expected<Fr> v = convert(inputs[s.Index], "input", s.Index);
      if (!v)
        return v.takeError();
      full[w] = *v;
      break;
    }
    case SourceKind::Hint: {
      ++hintWires;
      if (s.Index >= hints.size())
        return mismatch(
            llvm::formatv("its hints produced {0} values", hints.size()));
      llvm::Expected<Fr> v = convert(hints[s.Index], "hint value", s.Index);
      if (!v)
        return v.takeError();
      full[w] = *v;
      break;
    }
    case SourceKind::Product:
      full[w] = evaluate(s.A, full) * evaluate(s.B, full);
      break;
    case SourceKind::Bit: {
      bn254::Limbs limbs = evaluate(s.A, full).toLimbs();
      bool bit = (limbs[s.Index / 64] >> (s.Index % 64)) & 1;
      full[w] = bit ? Fr::one() : Fr::zero();
      break;
    }
    case SourceKind::Output:
      break;
    }
  }
  if (hintWires != hints.size())
    return mismatch(llvm::formatv("its hints produced {0} values, the R1CS "
                                  "has {1} hint wires",
                                  hints.size(), hintWires));
  for (size_t w = 0; w < sources.size(); ++w) {
    const WireSource &s = sources[w];
    if (s.Kind != SourceKind::Output)
      continue;
    full[w] = evaluate(s.A, full);
    // The evaluator computed the same output from the zk ops directly; a
    // difference means the lowering and the circuit disagree.
    if (s.Index >= evaluation->outputs.size())
      return mismatch("too few outputs");
    llvm::Expected<Fr> expected =
        convert(evaluation->outputs[s.Index], "output", s.Index);
    if (!expected)
      return expected.takeError();
    if (*expected != full[w])
      return mismatch(llvm::formatv("output {0} is {1} by the zk ops but {2} "
                                    "by the R1CS wires",
                                    s.Index, expected->toDecimal(),
                                    full[w].toDecimal()));
  }

  const R1cs &system = lowered.System;
  Witness result(system.NWires);
  for (uint32_t w = 0; w < system.NWires; ++w)
    result[w] = full[system.WireToLabel[w]];
  return result;
}

std::optional<size_t> firstViolatedConstraint(const R1cs &system,
                                              const Witness &witness) {
  if (witness.size() != system.NWires || witness.empty() || !witness[0].isOne())
    return 0;
  for (size_t i = 0; i < system.Constraints.size(); ++i) {
    const Constraint &c = system.Constraints[i];
    for (const LinearCombination *lc : {&c.A, &c.B, &c.C})
      for (const Term &t : *lc)
        if (t.Wire >= witness.size())
          return i;
    if (evaluate(c.A, witness) * evaluate(c.B, witness) !=
        evaluate(c.C, witness))
      return i;
  }
  return std::nullopt;
}

} // namespace zkevmc::r1cs
