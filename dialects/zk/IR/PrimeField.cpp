//===- PrimeField.cpp - The prime fields zk circuits can name -------------===//

#include "dialects/zk/IR/PrimeField.h"

using llvm::APInt;

namespace zkevmc::zk {

APInt PrimeField::reduce(const APInt &value) const {
  unsigned w = std::max(value.getBitWidth(), width);
  return value.zext(w).urem(prime.zext(w)).trunc(width);
}

APInt PrimeField::add(const APInt &a, const APInt &b) const {
  APInt sum = a.zext(width + 1) + b.zext(width + 1);
  return sum.urem(prime.zext(width + 1)).trunc(width);
}

APInt PrimeField::sub(const APInt &a, const APInt &b) const {
  return add(a, neg(b));
}

APInt PrimeField::mul(const APInt &a, const APInt &b) const {
  APInt product = a.zext(2 * width) * b.zext(2 * width);
  return product.urem(prime.zext(2 * width)).trunc(width);
}

APInt PrimeField::neg(const APInt &a) const {
  return a.isZero() ? a : prime - a;
}

APInt PrimeField::inv(const APInt &a) const {
  if (a.isZero())
    return a;
  // a^(p-2) by square-and-multiply (Fermat).
  APInt exponent = prime - 2, result(width, 1), base = a;
  for (unsigned i = 0, e = exponent.getActiveBits(); i < e; ++i) {
    if (exponent[i])
      result = mul(result, base);
    base = mul(base, base);
  }
  return result;
}

bool PrimeField::contains(const APInt &value) const {
  return value.getActiveBits() <= width && value.zextOrTrunc(width).ult(prime);
}

const PrimeField *lookupPrimeField(llvm::StringRef name) {
  static const PrimeField bn254{
      "bn254",
      APInt(254,
            "2188824287183927522224640574525727508854836440041603434369820418"
            "6575808495617",
            10),
      254};
  static const PrimeField goldilocks{"goldilocks",
                                     APInt(64, "18446744069414584321", 10), 64};
  if (name == bn254.name)
    return &bn254;
  if (name == goldilocks.name)
    return &goldilocks;
  return nullptr;
}

} // namespace zkevmc::zk
