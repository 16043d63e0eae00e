//===- LinearCombination.cpp - Arithmetic on sparse linear combinations ---===//

#include "compiler/r1cs/LinearCombination.h"

#include <algorithm>

namespace zkevmc::r1cs {

LinearCombination termOf(uint32_t wire, const Fr &coeff) {
  if (coeff.isZero())
    return {};
  return {Term{wire, coeff}};
}

LinearCombination addScaled(const LinearCombination &a, const Fr &k,
                            const LinearCombination &b) {
  LinearCombination sum;
  sum.reserve(a.size() + b.size());
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i].Wire < b[j].Wire)) {
      sum.push_back(a[i++]);
      continue;
    }
    Fr scaled = k * b[j].Coeff;
    if (i == a.size() || b[j].Wire < a[i].Wire) {
      if (!scaled.isZero())
        sum.push_back(Term{b[j].Wire, scaled});
      ++j;
      continue;
    }
    Fr c = a[i].Coeff + scaled;
    if (!c.isZero())
      sum.push_back(Term{a[i].Wire, c});
    ++i;
    ++j;
  }
  return sum;
}

LinearCombination scale(const LinearCombination &a, const Fr &k) {
  if (k.isZero())
    return {};
  LinearCombination scaled = a;
  for (Term &t : scaled)
    t.Coeff *= k;
  return scaled;
}

std::optional<Fr> constantValue(const LinearCombination &a) {
  if (a.empty())
    return Fr::zero();
  if (a.size() == 1 && a[0].Wire == 0)
    return a[0].Coeff;
  return std::nullopt;
}

Fr coefficientOf(const LinearCombination &a, uint32_t wire) {
  auto it =
      std::lower_bound(a.begin(), a.end(), wire,
                       [](const Term &t, uint32_t w) { return t.Wire < w; });
  if (it == a.end() || it->Wire != wire)
    return Fr::zero();
  return it->Coeff;
}

bool substitute(LinearCombination &a, uint32_t wire,
                const LinearCombination &replacement) {
  auto it =
      std::lower_bound(a.begin(), a.end(), wire,
                       [](const Term &t, uint32_t w) { return t.Wire < w; });
  if (it == a.end() || it->Wire != wire)
    return false;
  Fr k = it->Coeff;
  a.erase(it);
  a = addScaled(a, k, replacement);
  return true;
}

} // namespace zkevmc::r1cs
