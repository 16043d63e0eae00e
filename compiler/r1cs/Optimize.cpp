//===- Optimize.cpp - Substituting linear constraints away (-O1, -O2) -----===//
//
// A linear constraint (one whose A or B is a constant) that contains a
// private internal wire defines that wire in terms of the others: the wire is
// replaced by that definition in every other constraint and the constraint
// is dropped. Doing this for every linear constraint is Gaussian elimination
// restricted to eliminable wires; what stays linear afterwards only involves
// public wires and inputs. -O1 restricts it to circom's `signal = constant`
// and `signal = k·signal`. Wires that no constraint uses any more are
// dropped, except public wires and inputs, which are never removed.
//
//===----------------------------------------------------------------------===//

#include "compiler/r1cs/LinearCombination.h"
#include "compiler/r1cs/Lowering.h"

#include <deque>

namespace zkevmc::r1cs {

namespace {

bool isLinear(const Constraint &c) {
  return constantValue(c.A) || constantValue(c.B);
}

// The combination that a linear constraint requires to be zero, as C - A·B
// so a constraint already in that form (A and B empty) keeps its signs.
LinearCombination linearForm(const Constraint &c) {
  if (std::optional<Fr> a = constantValue(c.A))
    return addScaled(c.C, -*a, c.B);
  std::optional<Fr> b = constantValue(c.B);
  return addScaled(c.C, -*b, c.A);
}

class Eliminator {
public:
  Eliminator(R1cs &system, OptLevel level)
      : system(system), level(level),
        firstInternal(1 + system.NPubOut + system.NPubIn + system.NPrvIn),
        removed(system.Constraints.size()), eliminated(system.NWires),
        occurrences(system.NWires) {}

  void run() {
    std::vector<Constraint> &constraints = system.Constraints;
    std::deque<uint32_t> queue;
    for (uint32_t c = 0; c < constraints.size(); ++c) {
      for (const LinearCombination *lc :
           {&constraints[c].A, &constraints[c].B, &constraints[c].C})
        for (const Term &t : *lc)
          if (t.Wire != 0)
            occurrences[t.Wire].push_back(c);
      if (isLinear(constraints[c]))
        queue.push_back(c);
    }
    while (!queue.empty()) {
      uint32_t c = queue.front();
      queue.pop_front();
      if (removed[c] || !isLinear(constraints[c]))
        continue;
      LinearCombination form = linearForm(constraints[c]);
      if (form.empty()) {
        removed[c] = true;
        continue;
      }
      constraints[c] = Constraint{{}, {}, form};
      std::optional<uint32_t> pivot = choosePivot(form);
      if (!pivot)
        continue;
      eliminate(c, *pivot, form, queue);
    }
  }

  /// Drops removed constraints and unused wires, and renumbers the rest.
  void compact(LoweredCircuit &lowered) {
    std::vector<bool> used(system.NWires);
    for (uint32_t w = 0; w < firstInternal && w < system.NWires; ++w)
      used[w] = true;
    std::vector<Constraint> kept;
    for (uint32_t c = 0; c < system.Constraints.size(); ++c) {
      if (removed[c])
        continue;
      for (const LinearCombination *lc :
           {&system.Constraints[c].A, &system.Constraints[c].B,
            &system.Constraints[c].C})
        for (const Term &t : *lc)
          used[t.Wire] = true;
      kept.push_back(std::move(system.Constraints[c]));
    }
    std::vector<int64_t> renumbered(system.NWires, -1);
    std::vector<uint64_t> wireToLabel;
    for (uint32_t w = 0; w < system.NWires; ++w)
      if (used[w]) {
        renumbered[w] = wireToLabel.size();
        wireToLabel.push_back(system.WireToLabel[w]);
      }
    // Renumbering keeps the order of wires, so combinations stay sorted.
    for (Constraint &c : kept)
      for (LinearCombination *lc : {&c.A, &c.B, &c.C})
        for (Term &t : *lc)
          t.Wire = renumbered[t.Wire];
    for (Symbol &symbol : lowered.Symbols) {
      int64_t old = symbol.Wire;
      symbol.Wire = old < 0 ? -1 : renumbered[old];
    }
    system.Constraints = std::move(kept);
    system.NWires = wireToLabel.size();
    system.WireToLabel = std::move(wireToLabel);
  }

private:
  bool eliminable(uint32_t wire) const { return wire >= firstInternal; }

  // The wire to solve `form = 0` for: the eliminable one in the fewest
  // constraints (least fill-in); on a tie one with coefficient ±1 (no
  // fractions in the substitution), then the latest. At -O1 only forms
  // `k·x + c` and `k·x + l·y` qualify.
  std::optional<uint32_t> choosePivot(const LinearCombination &form) const {
    if (level == OptLevel::O1) {
      bool hasConstant = form.front().Wire == 0;
      size_t variables = form.size() - hasConstant;
      if (!(variables == 1 || (variables == 2 && !hasConstant)))
        return std::nullopt;
    }
    std::optional<Term> best;
    auto unit = [](const Fr &k) { return k.isOne() || (-k).isOne(); };
    for (const Term &t : form) {
      if (!eliminable(t.Wire))
        continue;
      if (!best) {
        best = t;
        continue;
      }
      size_t count = occurrences[t.Wire].size();
      size_t bestCount = occurrences[best->Wire].size();
      if (count < bestCount ||
          (count == bestCount && unit(t.Coeff) >= unit(best->Coeff)))
        best = t;
    }
    if (!best)
      return std::nullopt;
    return best->Wire;
  }

  void eliminate(uint32_t c, uint32_t pivot, const LinearCombination &form,
                 std::deque<uint32_t> &queue) {
    Fr k = coefficientOf(form, pivot);
    // form = k·pivot + rest = 0, so pivot = -rest / k.
    LinearCombination rest = addScaled(form, -k, termOf(pivot, Fr::one()));
    LinearCombination definition = scale(rest, -k.inverse());
    removed[c] = true;
    eliminated[pivot] = true;
    std::vector<Constraint> &constraints = system.Constraints;
    std::vector<uint32_t> users = std::move(occurrences[pivot]);
    occurrences[pivot].clear();
    uint32_t last = UINT32_MAX;
    for (uint32_t d : users) {
      if (d == last || removed[d])
        continue;
      last = d;
      Constraint &target = constraints[d];
      bool changed = substitute(target.A, pivot, definition);
      changed |= substitute(target.B, pivot, definition);
      changed |= substitute(target.C, pivot, definition);
      if (!changed)
        continue;
      for (const Term &t : definition)
        if (t.Wire != 0)
          occurrences[t.Wire].push_back(d);
      if (isLinear(target))
        queue.push_back(d);
    }
  }

  R1cs &system;
  OptLevel level;
  uint32_t firstInternal;
  std::vector<bool> removed, eliminated;
  std::vector<std::vector<uint32_t>> occurrences;
};

} // namespace

void optimize(LoweredCircuit &lowered, OptLevel level) {
  lowered.Level = level;
  if (level == OptLevel::O0)
    return;
  Eliminator eliminator(lowered.System, level);
  eliminator.run();
  eliminator.compact(lowered);
}

llvm::StringRef levelName(OptLevel level) {
  switch (level) {
  case OptLevel::O0:
    return "O0";
  case OptLevel::O1:
    return "O1";
  case OptLevel::O2:
    return "O2";
  }
  return "O2";
}

} // namespace zkevmc::r1cs
