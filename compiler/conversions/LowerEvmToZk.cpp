//===- LowerEvmToZk.cpp - Straight-line evm functions to zk circuits ------===//

#include "compiler/conversions/Passes.h"

#include "dialects/evm/IR/EvmDialect.h"
#include "opcodes/OpcodeTable.h"
#include "opcodes/Semantics.h"
#include "opcodes/gadgets/Gadgets.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/IRMapping.h"

namespace zkevmc {
#define GEN_PASS_DEF_LOWEREVMTOZK
#include "compiler/conversions/Passes.h.inc"
} // namespace zkevmc

using namespace mlir;
using llvm::APInt;
using namespace zkevmc;

namespace {

using gadgets::kLimbBits;
using gadgets::kLimbs;

bool isWord(Type type) { return type.isInteger(256); }

// Lowers one function; emits an error at the offending op on failure.
LogicalResult lowerFunction(func::FuncOp func, ModuleOp module) {
  MLIRContext *context = func.getContext();
  if (!func.getBody().hasOneBlock())
    return func.emitError("lower-evm-to-zk: control flow is not supported "
                          "yet (one block expected)");
  FunctionType type = func.getFunctionType();
  for (Type t : llvm::concat<const Type>(type.getInputs(), type.getResults()))
    if (!isWord(t))
      return func.emitError("lower-evm-to-zk: arguments and results must be "
                            "i256, got ")
             << t;
  // Check every op before building anything, so failure leaves no debris.
  for (Operation &op : func.getBody().front()) {
    if (isa<func::ReturnOp>(op))
      continue;
    if (auto c = dyn_cast<arith::ConstantOp>(op)) {
      if (!isWord(c.getType()))
        return op.emitError("lower-evm-to-zk: only i256 constants");
      continue;
    }
    const opcodes::OpcodeInfo *info = nullptr;
    if (op.getDialect() && op.getDialect()->getNamespace() == "evm")
      info =
          opcodes::lookupOpcodeByMnemonic(op.getName().stripDialect().upper());
    if (!info || !semantics::isPureOpcode(info->byte))
      return op.emitError("lower-evm-to-zk: cannot lower '")
             << op.getName() << "': only pure instructions have gadgets";
  }

  OpBuilder b(context);
  b.setInsertionPoint(func);
  Type felt = zk::FeltType::get(context);
  auto limbTypes = [&](unsigned words) {
    return llvm::SmallVector<Type>(words * kLimbs, felt);
  };
  // Every input and output limb is public, named after its word.
  auto limbAttrs = [&](unsigned words, StringRef prefix) {
    llvm::SmallVector<Attribute> attrs;
    for (unsigned w = 0; w < words; ++w)
      for (unsigned l = 0; l < kLimbs; ++l)
        attrs.push_back(b.getDictionaryAttr(
            {b.getNamedAttr(zk::kPublicAttrName, b.getUnitAttr()),
             b.getNamedAttr("zk.name", b.getStringAttr(prefix + Twine(w) + "_" +
                                                       Twine(l)))}));
    return b.getArrayAttr(attrs);
  };
  unsigned numArgs = type.getNumInputs(), numResults = type.getNumResults();
  auto circuit = b.create<zk::CircuitOp>(
      func.getLoc(), func.getSymName(),
      b.getFunctionType(limbTypes(numArgs), limbTypes(numResults)), "bn254",
      limbAttrs(numArgs, "arg"), limbAttrs(numResults, "result"));
  Block *entry = circuit.addEntryBlock();
  b.setInsertionPointToEnd(entry);

  llvm::DenseMap<Value, llvm::SmallVector<Value, kLimbs>> limbs;
  for (auto [i, arg] : llvm::enumerate(func.getArguments()))
    for (unsigned l = 0; l < kLimbs; ++l)
      limbs[arg].push_back(entry->getArgument(i * kLimbs + l));

  for (Operation &op : func.getBody().front()) {
    Location loc = op.getLoc();
    if (auto ret = dyn_cast<func::ReturnOp>(op)) {
      llvm::SmallVector<Value> outs;
      for (Value v : ret.getOperands())
        outs.append(limbs[v].begin(), limbs[v].end());
      b.create<zk::OutputOp>(loc, outs);
      continue;
    }
    if (auto c = dyn_cast<arith::ConstantOp>(op)) {
      APInt value = cast<IntegerAttr>(c.getValue()).getValue();
      for (unsigned l = 0; l < kLimbs; ++l)
        limbs[c.getResult()].push_back(b.create<zk::ConstOp>(
            loc, felt,
            b.getIntegerAttr(
                b.getIntegerType(256),
                value.extractBits(kLimbBits, l * kLimbBits).zext(256))));
      continue;
    }
    const opcodes::OpcodeInfo *info =
        opcodes::lookupOpcodeByMnemonic(op.getName().stripDialect().upper());
    zk::CircuitOp gadget = gadgets::getOrBuildGadget(module, info->byte);
    llvm::SmallVector<Value> args;
    for (Value v : op.getOperands())
      args.append(limbs[v].begin(), limbs[v].end());
    auto call =
        b.create<zk::CallOp>(loc, limbTypes(1), gadget.getSymName(), args);
    limbs[op.getResult(0)].append(call.getResults().begin(),
                                  call.getResults().end());
  }
  func.erase();
  return success();
}

struct LowerEvmToZkPass : zkevmc::impl::LowerEvmToZkBase<LowerEvmToZkPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    llvm::SmallVector<func::FuncOp> funcs(module.getOps<func::FuncOp>());
    for (func::FuncOp func : funcs)
      if (failed(lowerFunction(func, module)))
        return signalPassFailure();
  }
};

} // namespace
