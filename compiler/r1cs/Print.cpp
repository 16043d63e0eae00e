//===- Print.cpp - Statistics and a readable dump of a lowered circuit ----===//

#include "compiler/r1cs/Lowering.h"

#include "llvm/Support/FormatVariadic.h"

namespace zkevmc::r1cs {

namespace {

// Coefficients near the prime are negative numbers written the long way;
// showing them as `-k` keeps dumps readable.
std::string coefficientText(const Fr &k) {
  auto small = [](const Fr &v) {
    bn254::Limbs l = v.toLimbs();
    return l[2] == 0 && l[3] == 0;
  };
  if (!small(k) && small(-k))
    return "-" + (-k).toDecimal();
  return k.toDecimal();
}

void printCombination(const LinearCombination &lc, llvm::raw_ostream &os) {
  if (lc.empty()) {
    os << "0";
    return;
  }
  bool first = true;
  for (const Term &t : lc) {
    std::string k = coefficientText(t.Coeff);
    bool negative = k[0] == '-';
    if (!first)
      os << (negative ? " - " : " + ");
    else if (negative)
      os << "-";
    if (negative)
      k = k.substr(1);
    first = false;
    if (t.Wire == 0) {
      os << k;
      continue;
    }
    if (k != "1")
      os << k << "*";
    os << "w" << t.Wire;
  }
}

size_t countLinear(const R1cs &system) {
  size_t linear = 0;
  for (const Constraint &c : system.Constraints) {
    auto constant = [](const LinearCombination &lc) {
      return lc.empty() || (lc.size() == 1 && lc[0].Wire == 0);
    };
    linear += constant(c.A) || constant(c.B);
  }
  return linear;
}

} // namespace

void printStats(const LoweredCircuit &lowered, llvm::raw_ostream &os) {
  const R1cs &s = lowered.System;
  size_t linear = countLinear(s);
  os << "circuit @" << lowered.Name << " (-" << levelName(lowered.Level)
     << ")\n";
  os << llvm::formatv("  constraints:     {0} ({1} linear, {2} non-linear)\n",
                      s.Constraints.size(), linear,
                      s.Constraints.size() - linear);
  os << "  wires:           " << s.NWires << "\n";
  os << "  public outputs:  " << s.NPubOut << "\n";
  os << "  public inputs:   " << s.NPubIn << "\n";
  os << "  private inputs:  " << s.NPrvIn << "\n";
  os << "  internal wires:  " << s.NWires - 1 - s.NPubOut - s.NPubIn - s.NPrvIn
     << "\n";
  os << "  labels:          " << s.NLabels << "\n";
  os << "  constraints -O0: " << lowered.ConstraintsBeforeOptimisation << "\n";
}

void printText(const LoweredCircuit &lowered, llvm::raw_ostream &os) {
  const R1cs &s = lowered.System;
  os << llvm::formatv("r1cs @{0} -{1}: {2} constraints, {3} wires, {4} public "
                      "outputs, {5} public inputs, {6} private inputs, {7} "
                      "labels\n",
                      lowered.Name, levelName(lowered.Level),
                      s.Constraints.size(), s.NWires, s.NPubOut, s.NPubIn,
                      s.NPrvIn, s.NLabels);
  for (const Symbol &symbol : lowered.Symbols) {
    if (symbol.Wire < 0)
      os << "  removed " << symbol.Name << "\n";
    else
      os << "  w" << symbol.Wire << " = " << symbol.Name << "\n";
  }
  for (size_t i = 0; i < s.Constraints.size(); ++i) {
    const Constraint &c = s.Constraints[i];
    os << "  c" << i << ": (";
    printCombination(c.A, os);
    os << ") * (";
    printCombination(c.B, os);
    os << ") = (";
    printCombination(c.C, os);
    os << ")\n";
  }
}

} // namespace zkevmc::r1cs
