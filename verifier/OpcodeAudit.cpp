// The audit of the opcode gadget library (gadgets, sub-circuits, lemma).

#include "verifier/OpcodeAudit.h"

#include "verifier/IntSpec.h"

#include "opcodes/gadgets/Gadgets.h"

#include "mlir/IR/SymbolTable.h"

#include <functional>

namespace zkevmc::verifier {

namespace {

unsigned countInlined(zk::CircuitOp circuit,
                      const std::function<unsigned(zk::CircuitOp)> &own) {
  unsigned n = own(circuit);
  circuit.walk([&](zk::CallOp call) {
    if (auto callee = mlir::SymbolTable::lookupNearestSymbolFrom<zk::CircuitOp>(
            call, call.getCalleeAttr()))
      n += countInlined(callee, own);
  });
  return n;
}

} // namespace

unsigned countConstraintsInlined(zk::CircuitOp circuit) {
  return countInlined(circuit, countConstraints);
}

unsigned countWitnessesInlined(zk::CircuitOp circuit) {
  return countInlined(circuit, countWitnesses);
}

double OpcodeLibraryAudit::seconds() const {
  double total = divisionLemmaSeconds;
  for (const GadgetAudit &row : rows)
    total += row.seconds();
  return total;
}

bool OpcodeLibraryAudit::allProved() const {
  if (divisionLemmaNeeded && !divisionLemmaProved)
    return false;
  for (const GadgetAudit &row : rows)
    if (!row.allProved())
      return false;
  return true;
}

llvm::Expected<OpcodeLibraryAudit>
auditOpcodeLibrary(mlir::ModuleOp module, llvm::ArrayRef<uint8_t> opcodes,
                   const CheckOptions &options,
                   llvm::function_ref<void(const GadgetAudit &)> onRow) {
  OpcodeLibraryAudit report;
  std::vector<zk::CircuitOp> gadgets;
  for (uint8_t opcode : opcodes)
    gadgets.push_back(gadgets::getOrBuildGadget(module, opcode));
  // A gadget proved through another opcode gadget's spec (EXP through MUL)
  // is only as good as that gadget's own proof: it gets its own row.
  for (size_t i = 0; i < gadgets.size(); ++i) {
    zk::CircuitOp caller = gadgets[i];
    caller.walk([&](zk::CallOp call) {
      auto callee = mlir::SymbolTable::lookupNearestSymbolFrom<zk::CircuitOp>(
          call, call.getCalleeAttr());
      if (callee && callee->hasAttr(zk::kSpecAttrName) &&
          !llvm::is_contained(gadgets, callee))
        gadgets.push_back(callee);
    });
  }
  for (zk::CircuitOp gadget : gadgets) {
    auto row = auditGadget(gadget, options);
    if (!row)
      return row.takeError();
    row->constraints = countConstraintsInlined(gadget);
    row->witnesses = countWitnessesInlined(gadget);
    if (onRow)
      onRow(*row);
    report.rows.push_back(std::move(*row));
  }
  for (zk::CircuitOp sub : specifiedSubcircuits(module)) {
    auto row = auditGadget(sub, options);
    if (!row)
      return row.takeError();
    row->opcode = sub.getSymName().str();
    row->constraints = countConstraintsInlined(sub);
    row->witnesses = countWitnessesInlined(sub);
    if (onRow)
      onRow(*row);
    report.rows.push_back(std::move(*row));
    if (isDivisionSubspec(
            sub->getAttrOfType<mlir::StringAttr>("zk.subspec").getValue()))
      report.divisionLemmaNeeded = true;
  }
  if (report.divisionLemmaNeeded)
    report.divisionLemmaProved =
        proveDivisionLemma(options.timeoutMs, report.divisionLemmaSeconds);
  return report;
}

} // namespace zkevmc::verifier
