// Auditing gadgets: the three checks per circuit, and every gadget of a file.

#include "verifier/Audit.h"

#include "verifier/OpcodeSpec.h"

#include "mlir/IR/Location.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"

namespace zkevmc::verifier {

namespace {

constexpr unsigned kLimbs = 4;

// `file:line:col` of a location where it has one (through names and
// fusions), else the file name the caller knows.
std::string where(mlir::Location loc, llvm::StringRef fileName) {
  if (auto fileLoc = mlir::dyn_cast<mlir::FileLineColLoc>(loc))
    return llvm::formatv("{0}:{1}:{2}", fileLoc.getFilename().getValue(),
                         fileLoc.getLine(), fileLoc.getColumn());
  if (auto nameLoc = mlir::dyn_cast<mlir::NameLoc>(loc))
    return where(nameLoc.getChildLoc(), fileName);
  if (auto fused = mlir::dyn_cast<mlir::FusedLoc>(loc))
    if (!fused.getLocations().empty())
      return where(fused.getLocations().front(), fileName);
  return fileName.str();
}

llvm::Error gadgetError(zk::CircuitOp circuit, llvm::StringRef fileName,
                        const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 where(circuit.getLoc(), fileName) + ": @" +
                                     circuit.getSymName() + ": " + message);
}

nlohmann::ordered_json counterexampleToJson(const Counterexample &cex) {
  nlohmann::ordered_json out;
  out["inputs"] = cex.inputWords();
  out["inputLimbs"] = decimalStrings(cex.inputs);
  out["witness"] = decimalStrings(cex.witness);
  out["outputs"] = decimalStrings(cex.outputs);
  if (!cex.witness2.empty()) {
    out["witness2"] = decimalStrings(cex.witness2);
    out["outputs2"] = decimalStrings(cex.outputs2);
  }
  out["explanation"] = cex.explanation;
  return out;
}

std::string joined(const std::vector<std::string> &values) {
  return llvm::join(values, " ");
}

} // namespace

double GadgetAudit::seconds() const {
  double total = 0;
  for (const CheckResult &r : results)
    total += r.seconds;
  return total;
}

bool GadgetAudit::allProved() const {
  for (const CheckResult &r : results)
    if (r.verdict != Verdict::Proved)
      return false;
  return true;
}

bool ModuleAudit::allProved() const {
  for (const GadgetAudit &g : gadgets)
    if (!g.allProved())
      return false;
  return true;
}

bool isAudited(zk::CircuitOp circuit) {
  return circuit->hasAttr(zk::kSpecAttrName) ||
         circuit->hasAttr(kSubspecAttrName);
}

unsigned countConstraints(zk::CircuitOp circuit) {
  unsigned n = 0;
  circuit.walk([&](mlir::Operation *op) {
    n += mlir::isa<zk::AssertEqOp, zk::AssertBoolOp, zk::RangeOp>(op);
  });
  return n;
}

unsigned countWitnesses(zk::CircuitOp circuit) {
  unsigned n = 0;
  circuit.walk([&](zk::WitnessOp hint) { n += hint.getNumResults(); });
  return n;
}

llvm::Expected<GadgetAudit> auditGadget(zk::CircuitOp gadget,
                                        const CheckOptions &options) {
  GadgetAudit audit;
  audit.circuit = gadget.getSymName().str();
  if (auto spec = gadget->getAttrOfType<mlir::StringAttr>(zk::kSpecAttrName))
    audit.opcode = spec.getValue().upper();
  else if (auto sub = gadget->getAttrOfType<mlir::StringAttr>(kSubspecAttrName))
    audit.opcode = sub.getValue().str();
  audit.constraints = countConstraints(gadget);
  audit.witnesses = countWitnesses(gadget);
  llvm::Expected<CheckResult> (*checks[3])(
      zk::CircuitOp, const CheckOptions &) = {checkSoundness, checkCompleteness,
                                              checkDeterminism};
  for (int i = 0; i < 3; ++i) {
    llvm::Expected<CheckResult> result = checks[i](gadget, options);
    if (!result)
      return result.takeError();
    audit.results[i] = std::move(*result);
  }
  return audit;
}

llvm::Error validateGadgets(mlir::ModuleOp module, llvm::StringRef fileName) {
  for (zk::CircuitOp circuit : module.getOps<zk::CircuitOp>()) {
    mlir::Attribute attr = circuit->getAttr(zk::kSpecAttrName);
    if (!attr)
      continue;
    auto spec = mlir::dyn_cast<mlir::StringAttr>(attr);
    if (!spec)
      return gadgetError(circuit, fileName,
                         "zk.spec must be a string naming an opcode");
    std::string mnemonic = spec.getValue().upper();
    unsigned arity = pureOpcodeArity(mnemonic);
    if (arity == 0)
      return gadgetError(circuit, fileName,
                         "zk.spec '" + spec.getValue() +
                             "' names no pure opcode (the 25 of "
                             "docs/verification.md can be audited)");
    if (circuit.getField() != "bn254")
      return gadgetError(circuit, fileName,
                         "gadgets are audited over bn254, not '" +
                             circuit.getField() + "'");
    size_t inputs = circuit.getArgumentTypes().size();
    size_t outputs = circuit.getResultTypes().size();
    if (inputs != kLimbs * arity)
      return gadgetError(
          circuit, fileName,
          llvm::formatv("{0} takes {1} operand(s), so the gadget needs {2} "
                        "inputs (4 limbs each), not {3}",
                        mnemonic, arity, kLimbs * arity, inputs));
    if (outputs != kLimbs)
      return gadgetError(
          circuit, fileName,
          llvm::formatv("{0} gives one word, so the gadget needs 4 outputs "
                        "(limbs), not {1}",
                        mnemonic, outputs));
  }
  return llvm::Error::success();
}

llvm::Expected<ModuleAudit> auditModule(mlir::ModuleOp module,
                                        llvm::StringRef fileName,
                                        const CheckOptions &options) {
  if (llvm::Error err = validateGadgets(module, fileName))
    return err;
  ModuleAudit audit;
  for (zk::CircuitOp circuit : module.getOps<zk::CircuitOp>()) {
    if (!isAudited(circuit)) {
      audit.skipped.push_back({circuit.getSymName().str(), kSkipReason.str()});
      continue;
    }
    llvm::Expected<GadgetAudit> gadget = auditGadget(circuit, options);
    if (!gadget)
      return gadgetError(circuit, fileName, llvm::toString(gadget.takeError()));
    audit.gadgets.push_back(std::move(*gadget));
  }
  if (audit.gadgets.empty())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        fileName + ": no zk.circuit names its opcode with zk.spec, so there "
                   "is nothing to audit");
  return audit;
}

std::vector<std::string> decimalStrings(llvm::ArrayRef<llvm::APInt> values) {
  std::vector<std::string> out;
  for (const llvm::APInt &v : values)
    out.push_back(llvm::toString(v, 10, /*Signed=*/false));
  return out;
}

nlohmann::ordered_json auditToJson(const GadgetAudit &audit, bool withCircuit) {
  nlohmann::ordered_json row;
  if (withCircuit)
    row["circuit"] = audit.circuit;
  row["opcode"] = audit.opcode;
  row["constraints"] = audit.constraints;
  row["witnesses"] = audit.witnesses;
  for (int i = 0; i < 3; ++i) {
    const CheckResult &r = audit.results[i];
    nlohmann::ordered_json check;
    check["verdict"] = verdictName(r.verdict).str();
    check["seconds"] = r.seconds;
    if (r.counterexample)
      check["counterexample"] = counterexampleToJson(*r.counterexample);
    if (!r.reason.empty())
      check["reason"] = r.reason;
    if (!r.method.empty())
      check["method"] = r.method;
    if (!r.assumed.empty())
      check["assumed"] = r.assumed;
    row[kPropertyNames[i]] = check;
  }
  row["seconds"] = audit.seconds();
  return row;
}

void printAuditHeader(llvm::raw_ostream &os, bool withCircuit) {
  if (withCircuit)
    os << llvm::format("%-20s ", static_cast<const char *>("circuit"));
  os << "opcode      constraints witnesses  soundness   completeness "
        "determinism  seconds\n";
}

void printAuditRow(llvm::raw_ostream &os, const GadgetAudit &audit,
                   bool withCircuit) {
  if (withCircuit)
    os << llvm::format("%-20s ", ("@" + audit.circuit).c_str());
  os << llvm::format("%-11s %11u %9u  %-11s %-11s %-11s %8.2f\n",
                     audit.opcode.c_str(), audit.constraints, audit.witnesses,
                     verdictName(audit.results[0].verdict).str().c_str(),
                     verdictName(audit.results[1].verdict).str().c_str(),
                     verdictName(audit.results[2].verdict).str().c_str(),
                     audit.seconds());
  std::vector<std::string> assumed;
  for (const CheckResult &r : audit.results)
    for (const std::string &name : r.assumed)
      if (!llvm::is_contained(assumed, name))
        assumed.push_back(name);
  if (!assumed.empty())
    os << "  uses the proven relations of @" << llvm::join(assumed, ", @")
       << " (their own rows)\n";
  for (int i = 0; i < 3; ++i) {
    const CheckResult &r = audit.results[i];
    if (r.counterexample) {
      const Counterexample &cex = *r.counterexample;
      os << "  " << kPropertyNames[i] << " counterexample: " << cex.explanation
         << "\n    inputs (words): " << joined(cex.inputWords())
         << "\n    witness: " << joined(decimalStrings(cex.witness))
         << "\n    outputs: " << joined(decimalStrings(cex.outputs)) << "\n";
      if (!cex.witness2.empty())
        os << "    witness 2: " << joined(decimalStrings(cex.witness2))
           << "\n    outputs 2: " << joined(decimalStrings(cex.outputs2))
           << "\n";
    } else if (!r.reason.empty()) {
      os << "  " << kPropertyNames[i] << ": " << r.reason << "\n";
    }
  }
}

} // namespace zkevmc::verifier
