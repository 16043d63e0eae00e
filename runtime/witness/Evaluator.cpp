//===- Evaluator.cpp - Witness generation and constraint checking ---------===//

#include "runtime/witness/Evaluator.h"

#include "opcodes/OpcodeTable.h"
#include "opcodes/Semantics.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/SymbolTable.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/FormatVariadic.h"

using namespace mlir;
using llvm::APInt;

namespace zkevmc::witness {

namespace {

// `file:line:col` for file locations (also inside names and fusions).
std::string describe(Location loc) {
  if (auto fileLoc = dyn_cast<FileLineColLoc>(loc))
    return llvm::formatv("{0}:{1}:{2}", fileLoc.getFilename().getValue(),
                         fileLoc.getLine(), fileLoc.getColumn());
  if (auto nameLoc = dyn_cast<NameLoc>(loc))
    return describe(nameLoc.getChildLoc());
  std::string text;
  llvm::raw_string_ostream os(text);
  loc.print(os);
  return text;
}

llvm::Error errorAt(Operation *op, const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 describe(op->getLoc()) + ": " + message);
}

std::string dec(const APInt &v) { return llvm::toString(v, 10, false); }

U256 toWord(const APInt &v) {
  U256 w;
  for (unsigned i = 0; i < 4; ++i)
    w.limbs[i] = v.extractBitsAsZExtValue(64, 64 * i);
  return w;
}

APInt fromWord(const U256 &w) {
  return APInt(256, llvm::ArrayRef<uint64_t>(w.limbs));
}

// Evaluates one circuit instance; sub-circuits get their own instance.
class Instance {
public:
  Instance(zk::CircuitOp circuit, Evaluation &result)
      : circuit(circuit), field(circuit.getPrimeField()), result(result) {}

  llvm::Expected<std::vector<APInt>> run(ArrayRef<APInt> inputs) {
    Block &body = circuit.getBody().front();
    for (auto [arg, value] : llvm::zip(body.getArguments(), inputs))
      values[arg] = value;
    for (Operation &op : body) {
      if (auto output = dyn_cast<zk::OutputOp>(op)) {
        std::vector<APInt> outputs;
        for (Value v : output.getValues())
          outputs.push_back(values.lookup(v));
        return outputs;
      }
      if (llvm::Error err = step(op))
        return err;
    }
    return errorAt(circuit, "circuit has no zk.output");
  }

private:
  APInt get(Value v) { return values.lookup(v); }

  void violation(Operation &op, const llvm::Twine &message) {
    if (!result.firstViolation)
      result.firstViolation = Violation{op.getLoc(), message.str()};
  }

  llvm::Error step(Operation &op) {
    return llvm::TypeSwitch<Operation *, llvm::Error>(&op)
        .Case([&](zk::AssertEqOp o) {
          ++result.constraintsChecked;
          APInt a = get(o.getLhs()), b = get(o.getRhs());
          if (a != b)
            violation(op, "zk.assert_eq: " + dec(a) + " != " + dec(b));
          return llvm::Error::success();
        })
        .Case([&](zk::AssertBoolOp o) {
          ++result.constraintsChecked;
          APInt a = get(o.getValue());
          if (a.ugt(1))
            violation(op, "zk.assert_bool: " + dec(a) + " is not 0 or 1");
          return llvm::Error::success();
        })
        .Case([&](zk::RangeOp o) {
          ++result.constraintsChecked;
          APInt a = get(o.getValue());
          if (a.getActiveBits() > o.getBits())
            violation(op, "zk.range: " + dec(a) + " does not fit in " +
                              llvm::Twine(o.getBits()) + " bits");
          return llvm::Error::success();
        })
        .Case([&](zk::WitnessOp o) { return runHint(o); })
        .Case([&](zk::CallOp o) -> llvm::Error {
          auto callee = SymbolTable::lookupNearestSymbolFrom<zk::CircuitOp>(
              o, o.getCalleeAttr());
          if (!callee)
            return errorAt(o, "no circuit @" + o.getCallee());
          std::vector<APInt> args;
          for (Value v : o.getOperands())
            args.push_back(get(v));
          Instance sub(callee, result);
          auto outs = sub.run(args);
          if (!outs)
            return outs.takeError();
          for (auto [r, v] : llvm::zip(o.getResults(), *outs))
            values[r] = v;
          return llvm::Error::success();
        })
        .Default([&](Operation *) { return compute(op); });
  }

  llvm::Error runHint(zk::WitnessOp hint) {
    Block &block = hint.getHint().front();
    for (auto [arg, input] : llvm::zip(block.getArguments(), hint.getInputs()))
      values[arg] = get(input);
    for (Operation &op : block) {
      if (auto yield = dyn_cast<zk::YieldOp>(op)) {
        for (auto [r, v] : llvm::zip(hint.getResults(), yield.getValues())) {
          values[r] = get(v);
          result.witnesses.push_back(get(v));
        }
        return llvm::Error::success();
      }
      if (llvm::Error err = compute(op))
        return err;
    }
    return errorAt(hint, "hint has no zk.yield");
  }

  // Value-producing ops: field arithmetic, conversions, integer hint code.
  llvm::Error compute(Operation &op) {
    auto set = [&](const APInt &v) {
      values[op.getResult(0)] = v;
      return llvm::Error::success();
    };
    auto fieldArg = [&](unsigned i) {
      return get(op.getOperand(i)).zextOrTrunc(field.width);
    };
    if (auto c = dyn_cast<zk::ConstOp>(op))
      return set(c.getValue().zextOrTrunc(field.width));
    if (isa<zk::AddOp>(op))
      return set(field.add(fieldArg(0), fieldArg(1)));
    if (isa<zk::SubOp>(op))
      return set(field.sub(fieldArg(0), fieldArg(1)));
    if (isa<zk::MulOp>(op))
      return set(field.mul(fieldArg(0), fieldArg(1)));
    if (isa<zk::NegOp>(op))
      return set(field.neg(fieldArg(0)));
    if (isa<zk::InvOp>(op))
      return set(field.inv(fieldArg(0)));
    if (auto t = dyn_cast<zk::ToIntOp>(op))
      return set(get(t.getOperand()).zext(t.getType().getIntOrFloatBitWidth()));
    if (auto f = dyn_cast<zk::FromIntOp>(op))
      return set(field.reduce(get(f.getOperand())));
    if (auto c = dyn_cast<arith::ConstantOp>(op)) {
      auto attr = dyn_cast<IntegerAttr>(c.getValue());
      if (!attr)
        return errorAt(&op, "only integer constants are supported in hints");
      return set(attr.getValue());
    }
    // Pure EVM instructions on i256, with the exact semantics.
    if (op.getDialect() && op.getDialect()->getNamespace() == "evm") {
      std::string mnemonic = op.getName().stripDialect().upper();
      const opcodes::OpcodeInfo *info =
          opcodes::lookupOpcodeByMnemonic(mnemonic);
      if (!info || !semantics::isPureOpcode(info->byte))
        return errorAt(&op, "'" + op.getName().getStringRef() +
                                "' is not a pure instruction and cannot run "
                                "in a hint");
      llvm::SmallVector<U256, 3> args;
      for (Value v : op.getOperands())
        args.push_back(toWord(get(v)));
      std::optional<U256> r = semantics::evalPure(info->byte, args);
      return set(fromWord(*r));
    }
    return computeArith(op);
  }

  llvm::Error computeArith(Operation &op) {
    auto arg = [&](unsigned i) { return get(op.getOperand(i)); };
    auto set = [&](const APInt &v) {
      values[op.getResult(0)] = v;
      return llvm::Error::success();
    };
    auto divisor = [&]() -> llvm::Error {
      if (arg(1).isZero())
        return errorAt(&op, "division by zero in a hint");
      return llvm::Error::success();
    };
    unsigned width =
        op.getNumResults() == 1 && op.getResult(0).getType().isIntOrIndex()
            ? op.getResult(0).getType().getIntOrFloatBitWidth()
            : 0;
    return llvm::TypeSwitch<Operation *, llvm::Error>(&op)
        .Case([&](arith::AddIOp) { return set(arg(0) + arg(1)); })
        .Case([&](arith::SubIOp) { return set(arg(0) - arg(1)); })
        .Case([&](arith::MulIOp) { return set(arg(0) * arg(1)); })
        .Case([&](arith::DivUIOp) -> llvm::Error {
          if (llvm::Error err = divisor())
            return err;
          return set(arg(0).udiv(arg(1)));
        })
        .Case([&](arith::RemUIOp) -> llvm::Error {
          if (llvm::Error err = divisor())
            return err;
          return set(arg(0).urem(arg(1)));
        })
        .Case([&](arith::AndIOp) { return set(arg(0) & arg(1)); })
        .Case([&](arith::OrIOp) { return set(arg(0) | arg(1)); })
        .Case([&](arith::XOrIOp) { return set(arg(0) ^ arg(1)); })
        .Case([&](arith::ShLIOp) {
          return set(arg(1).uge(width) ? APInt(width, 0) : arg(0).shl(arg(1)));
        })
        .Case([&](arith::ShRUIOp) {
          return set(arg(1).uge(width) ? APInt(width, 0) : arg(0).lshr(arg(1)));
        })
        .Case([&](arith::ExtUIOp) { return set(arg(0).zext(width)); })
        .Case([&](arith::TruncIOp) { return set(arg(0).trunc(width)); })
        .Case([&](arith::SelectOp) {
          return set(arg(0).isZero() ? arg(2) : arg(1));
        })
        .Case([&](arith::CmpIOp c) {
          bool r = false;
          APInt a = arg(0), b = arg(1);
          switch (c.getPredicate()) {
          case arith::CmpIPredicate::eq:
            r = a == b;
            break;
          case arith::CmpIPredicate::ne:
            r = a != b;
            break;
          case arith::CmpIPredicate::ult:
            r = a.ult(b);
            break;
          case arith::CmpIPredicate::ule:
            r = a.ule(b);
            break;
          case arith::CmpIPredicate::ugt:
            r = a.ugt(b);
            break;
          case arith::CmpIPredicate::uge:
            r = a.uge(b);
            break;
          case arith::CmpIPredicate::slt:
            r = a.slt(b);
            break;
          case arith::CmpIPredicate::sle:
            r = a.sle(b);
            break;
          case arith::CmpIPredicate::sgt:
            r = a.sgt(b);
            break;
          case arith::CmpIPredicate::sge:
            r = a.sge(b);
            break;
          }
          return set(APInt(1, r));
        })
        .Default([&](Operation *) {
          return errorAt(&op, "the witness evaluator does not support '" +
                                  op.getName().getStringRef() + "'");
        });
  }

  zk::CircuitOp circuit;
  const zk::PrimeField &field;
  Evaluation &result;
  llvm::DenseMap<Value, APInt> values;
};

} // namespace

llvm::Expected<Evaluation> evaluateCircuit(zk::CircuitOp circuit,
                                           ArrayRef<APInt> inputs) {
  const zk::PrimeField &field = circuit.getPrimeField();
  unsigned expected = circuit.getArgumentTypes().size();
  if (inputs.size() != expected)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        llvm::formatv("@{0} takes {1} inputs, {2} given", circuit.getSymName(),
                      expected, inputs.size()));
  std::vector<APInt> canonical;
  for (auto [i, v] : llvm::enumerate(inputs)) {
    if (!field.contains(v))
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          llvm::formatv("input {0} = {1} is not an element of field '{2}'", i,
                        dec(v), field.name));
    canonical.push_back(v.zextOrTrunc(field.width));
  }
  Evaluation result;
  Instance instance(circuit, result);
  auto outputs = instance.run(canonical);
  if (!outputs)
    return outputs.takeError();
  result.outputs = std::move(*outputs);
  return result;
}

} // namespace zkevmc::witness
