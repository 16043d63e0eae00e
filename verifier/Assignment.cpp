// Replays a circuit on a given witness in plain field arithmetic.

#include "verifier/Assignment.h"

#include "mlir/IR/SymbolTable.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

using namespace mlir;
using llvm::APInt;

namespace zkevmc::verifier {

namespace {

llvm::Error fail(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

std::string dec(const APInt &v) { return llvm::toString(v, 10, false); }

class Replay {
public:
  Replay(ArrayRef<APInt> witnesses, AssignmentCheck &result)
      : witnesses(witnesses), result(result) {}

  llvm::Expected<std::vector<APInt>> run(zk::CircuitOp circuit,
                                         ArrayRef<APInt> inputs) {
    const zk::PrimeField &field = circuit.getPrimeField();
    llvm::DenseMap<Value, APInt> values;
    Block &body = circuit.getBody().front();
    for (auto [arg, v] : llvm::zip(body.getArguments(), inputs))
      values[arg] = v;
    auto get = [&](Value v) { return values.lookup(v); };
    auto violated = [&](Operation &op, const std::string &what) {
      if (result.violation)
        return;
      std::string loc;
      llvm::raw_string_ostream os(loc);
      op.getLoc().print(os);
      result.violation = os.str() + ": " + what;
    };
    for (Operation &op : body) {
      if (auto out = dyn_cast<zk::OutputOp>(op)) {
        std::vector<APInt> outs;
        for (Value v : out.getValues())
          outs.push_back(get(v));
        return outs;
      }
      if (auto c = dyn_cast<zk::ConstOp>(op)) {
        values[c] = c.getValue().zextOrTrunc(field.width);
      } else if (auto a = dyn_cast<zk::AddOp>(op)) {
        values[a] = field.add(get(a.getLhs()), get(a.getRhs()));
      } else if (auto s = dyn_cast<zk::SubOp>(op)) {
        values[s] = field.sub(get(s.getLhs()), get(s.getRhs()));
      } else if (auto m = dyn_cast<zk::MulOp>(op)) {
        values[m] = field.mul(get(m.getLhs()), get(m.getRhs()));
      } else if (auto n = dyn_cast<zk::NegOp>(op)) {
        values[n] = field.neg(get(n.getOperand()));
      } else if (auto w = dyn_cast<zk::WitnessOp>(op)) {
        for (Value r : w.getResults()) {
          if (next >= witnesses.size())
            return fail("too few witness values");
          if (!field.contains(witnesses[next]))
            return fail(
                llvm::formatv("witness {0} is not a field element", next));
          values[r] = witnesses[next++].zextOrTrunc(field.width);
        }
      } else if (auto e = dyn_cast<zk::AssertEqOp>(op)) {
        if (get(e.getLhs()) != get(e.getRhs()))
          violated(op, "zk.assert_eq: " + dec(get(e.getLhs())) +
                           " != " + dec(get(e.getRhs())));
      } else if (auto b = dyn_cast<zk::AssertBoolOp>(op)) {
        if (get(b.getValue()).ugt(1))
          violated(op, "zk.assert_bool: " + dec(get(b.getValue())));
      } else if (auto r = dyn_cast<zk::RangeOp>(op)) {
        if (get(r.getValue()).getActiveBits() > r.getBits())
          violated(op, "zk.range: " + dec(get(r.getValue())) +
                           " does not fit in " + std::to_string(r.getBits()) +
                           " bits");
      } else if (auto call = dyn_cast<zk::CallOp>(op)) {
        auto callee = SymbolTable::lookupNearestSymbolFrom<zk::CircuitOp>(
            call, call.getCalleeAttr());
        if (!callee)
          return fail("no circuit @" + call.getCallee());
        std::vector<APInt> args;
        for (Value v : call.getOperands())
          args.push_back(get(v));
        auto outs = run(callee, args);
        if (!outs)
          return outs.takeError();
        for (auto [res, v] : llvm::zip(call.getResults(), *outs))
          values[res] = v;
      } else {
        return fail("unexpected op '" + op.getName().getStringRef() +
                    "' in a circuit body");
      }
    }
    return fail("circuit has no zk.output");
  }

  size_t used() const { return next; }

private:
  ArrayRef<APInt> witnesses;
  AssignmentCheck &result;
  size_t next = 0;
};

} // namespace

llvm::Expected<AssignmentCheck> checkAssignment(zk::CircuitOp circuit,
                                                ArrayRef<APInt> inputs,
                                                ArrayRef<APInt> witnesses) {
  const zk::PrimeField &field = circuit.getPrimeField();
  if (inputs.size() != circuit.getArgumentTypes().size())
    return fail("wrong number of inputs");
  std::vector<APInt> canonical;
  for (const APInt &v : inputs) {
    if (!field.contains(v))
      return fail("input " + dec(v) + " is not a field element");
    canonical.push_back(v.zextOrTrunc(field.width));
  }
  AssignmentCheck result;
  Replay replay(witnesses, result);
  auto outputs = replay.run(circuit, canonical);
  if (!outputs)
    return outputs.takeError();
  if (replay.used() != witnesses.size())
    return fail("too many witness values");
  result.outputs = std::move(*outputs);
  return result;
}

} // namespace zkevmc::verifier
