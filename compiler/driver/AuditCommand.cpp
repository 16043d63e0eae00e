//===- AuditCommand.cpp - zkevmc audit ------------------------------------===//
//
// Proves soundness, completeness and determinism of the opcode gadgets with
// Z3 and prints one row per opcode.
//
//===----------------------------------------------------------------------===//

#include "compiler/driver/Commands.h"
#include "compiler/pipeline/Pipeline.h"
#include "opcodes/OpcodeTable.h"
#include "opcodes/Semantics.h"
#include "opcodes/gadgets/Gadgets.h"
#include "verifier/GadgetCheck.h"
#include "verifier/OpcodeAudit.h"
#include "verifier/R1csImport.h"

#include "mlir/IR/MLIRContext.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/WithColor.h"

#include <nlohmann/json.hpp>

using namespace llvm;
using namespace zkevmc;

namespace zkevmc::driver {

cl::SubCommand
    auditCommand("audit",
                 "Prove the opcode gadgets sound, complete and deterministic");

namespace {

cl::opt<bool> opcodesArg("opcodes", cl::desc("Audit the opcode gadget library"),
                         cl::sub(auditCommand));
cl::list<std::string> onlyArg("only", cl::desc("Only these opcodes"),
                              cl::value_desc("ADD,MUL,..."), cl::CommaSeparated,
                              cl::sub(auditCommand));
cl::opt<unsigned> timeoutArg("timeout-ms",
                             cl::desc("Limit of each solver query (ms)"),
                             cl::init(30000), cl::sub(auditCommand));
cl::opt<bool> auditJson("json", cl::desc("Print one JSON object"),
                        cl::sub(auditCommand));
cl::opt<std::string>
    r1csArg("r1cs",
            cl::desc("Audit a circom .r1cs: are its outputs determined by "
                     "its inputs?"),
            cl::value_desc("circuit.r1cs"), cl::init(""),
            cl::sub(auditCommand));
cl::opt<std::string> symArg("sym",
                            cl::desc("Wire names for --r1cs (default: the "
                                     ".sym next to the .r1cs, if any)"),
                            cl::value_desc("circuit.sym"), cl::init(""),
                            cl::sub(auditCommand));
cl::opt<unsigned>
    inputBitsArg("input-bits",
                 cl::desc("--r1cs: assume every input below 2^N (default: "
                          "any field element)"),
                 cl::value_desc("N"), cl::init(0), cl::sub(auditCommand));

cl::opt<bool> printImportArg(
    "print-import",
    cl::desc("--r1cs: print the imported zk.circuit before the check"),
    cl::sub(auditCommand));

// Wires printed in full up to this many; beyond, only those that differ.
constexpr uint32_t kWiresShownInFull = 64;

std::string dec(const APInt &v) { return toString(v, 10, false); }

int runAuditR1cs() {
  if (inputBitsArg > 253)
    return fail("--input-bits", "must be at most 253 (below BN254's prime)");
  mlir::MLIRContext context;
  registerDialects(context);
  Expected<verifier::ImportedR1cs> imported =
      verifier::importR1csFile(context, r1csArg, symArg);
  if (!imported)
    return fail("audit", toString(imported.takeError()));
  if (printImportArg) {
    // With locations: they carry the .sym names and constraint numbers.
    imported->module->print(
        outs(), mlir::OpPrintingFlags().enableDebugInfo(/*enable=*/true,
                                                        /*prettyForm=*/false));
    outs() << "\n";
  }
  verifier::DeterminismOptions options;
  options.timeoutMs = timeoutArg;
  options.inputBits = inputBitsArg;
  Expected<verifier::R1csDeterminism> result =
      verifier::checkR1csDeterminism(*imported, options);
  if (!result)
    return fail(r1csArg, toString(result.takeError()));
  const r1cs::R1cs &sys = imported->system;
  const verifier::CheckResult &check = result->check;
  bool proved = check.verdict == verifier::Verdict::Proved;
  uint32_t firstInput = 1 + sys.NPubOut;
  uint32_t endInput = firstInput + sys.NPubIn + sys.NPrvIn;

  if (auditJson) {
    nlohmann::ordered_json out;
    out["file"] = r1csArg.getValue();
    out["wires"] = sys.NWires;
    out["constraints"] = sys.Constraints.size();
    out["booleanities"] = imported->booleanities;
    out["outputs"] = sys.NPubOut;
    out["publicInputs"] = sys.NPubIn;
    out["privateInputs"] = sys.NPrvIn;
    if (inputBitsArg)
      out["inputBits"] = inputBitsArg.getValue();
    else
      out["inputBits"] = nullptr;
    nlohmann::ordered_json names = nlohmann::ordered_json::array();
    for (uint32_t w = 0; w < sys.NWires; ++w)
      names.push_back(imported->wireName(w));
    out["wireNames"] = names;
    nlohmann::ordered_json det;
    det["verdict"] = verifier::verdictName(check.verdict).str();
    det["seconds"] = check.seconds;
    det["method"] = check.method;
    if (!check.reason.empty())
      det["reason"] = check.reason;
    if (check.verdict == verifier::Verdict::Failed) {
      auto values = [](const std::vector<APInt> &wires) {
        nlohmann::ordered_json a = nlohmann::ordered_json::array();
        for (const APInt &v : wires)
          a.push_back(dec(v));
        return a;
      };
      nlohmann::ordered_json inputs = nlohmann::ordered_json::object();
      for (uint32_t w = firstInput; w < endInput; ++w)
        inputs[imported->wireName(w)] = dec(result->wires1[w]);
      nlohmann::ordered_json differing = nlohmann::ordered_json::array();
      for (uint32_t w = 1; w < firstInput; ++w)
        if (result->wires1[w] != result->wires2[w])
          differing.push_back(imported->wireName(w));
      det["counterexample"] = {{"inputs", inputs},
                               {"witness1", values(result->wires1)},
                               {"witness2", values(result->wires2)},
                               {"differingOutputs", differing}};
    }
    out["determinism"] = det;
    out["allProved"] = proved;
    outs() << out.dump(2) << "\n";
    return proved ? 0 : 1;
  }

  outs() << r1csArg << ": " << sys.NWires << " wires, "
         << sys.Constraints.size() << " constraints (" << imported->booleanities
         << " booleanity), " << sys.NPubOut << " outputs, " << sys.NPubIn
         << " public and " << sys.NPrvIn << " private inputs\n";
  if (inputBitsArg)
    outs() << "assuming every input below 2^" << inputBitsArg << "\n";
  else
    outs() << "inputs: any field element\n";
  std::string verdict = check.verdict == verifier::Verdict::Failed
                            ? "FAILED"
                            : verifier::verdictName(check.verdict).str();
  outs() << format("determinism: %s in %.2f s", verdict.c_str(), check.seconds)
         << " (" << check.method << ")\n";
  if (check.verdict == verifier::Verdict::Unknown)
    outs() << "  reason: " << check.reason << "\n";
  if (check.verdict == verifier::Verdict::Failed) {
    const std::vector<APInt> &w1 = result->wires1, &w2 = result->wires2;
    outs() << "  two assignments satisfy all " << sys.Constraints.size()
           << " constraints (checked on the R1CS) and differ on the outputs\n";
    outs() << "  inputs:";
    for (uint32_t w = firstInput; w < endInput; ++w)
      outs() << " " << imported->wireName(w) << " = " << dec(w1[w]);
    outs() << "\n";
    bool full = sys.NWires <= kWiresShownInFull;
    outs() << (full ? "  wire: witness 1 | witness 2\n"
                    : "  wires that differ: witness 1 | witness 2\n");
    for (uint32_t w = 1; w < sys.NWires; ++w) {
      if ((w >= firstInput && w < endInput) || (!full && w1[w] == w2[w]))
        continue;
      outs() << "    " << imported->wireName(w)
             << (w < firstInput ? " (output)" : "") << ": " << dec(w1[w])
             << " | " << dec(w2[w]) << (w1[w] != w2[w] ? "  <- differs" : "")
             << "\n";
    }
  }
  return proved ? 0 : 1;
}

} // namespace

int runAudit() {
  if (!r1csArg.empty()) {
    if (opcodesArg || auditFileGiven())
      return fail("audit", "pass only one of --opcodes, --r1cs or a file");
    return runAuditR1cs();
  }
  if (!symArg.empty() || inputBitsArg || printImportArg)
    return fail("audit", "--sym, --input-bits and --print-import go with "
                         "--r1cs");
  if (opcodesArg && auditFileGiven())
    return fail("audit", "pass either --opcodes or a file, not both");
  if (auditFileGiven())
    return runAuditFile(timeoutArg, auditJson);
  if (!opcodesArg)
    return fail("audit", "nothing to audit: pass --opcodes or <file.mlir>");
  std::vector<const opcodes::OpcodeInfo *> targets;
  for (const opcodes::OpcodeInfo &info : opcodes::allOpcodes())
    if (semantics::isPureOpcode(info.byte))
      targets.push_back(&info);
  if (!onlyArg.empty()) {
    std::vector<const opcodes::OpcodeInfo *> chosen;
    for (const std::string &name : onlyArg) {
      const opcodes::OpcodeInfo *info =
          opcodes::lookupOpcodeByMnemonic(StringRef(name).upper());
      if (!info || !semantics::isPureOpcode(info->byte))
        return fail("--only", "'" + name + "' is not a pure opcode");
      chosen.push_back(info);
    }
    targets = chosen;
  }

  mlir::MLIRContext context;
  registerDialects(context);
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::ModuleOp::create(mlir::UnknownLoc::get(&context));
  verifier::CheckOptions options;
  options.timeoutMs = timeoutArg;
  std::vector<uint8_t> opcodes;
  for (const opcodes::OpcodeInfo *info : targets)
    opcodes.push_back(info->byte);

  if (!auditJson)
    verifier::printAuditHeader(outs(), /*withCircuit=*/false);
  Expected<verifier::OpcodeLibraryAudit> report = verifier::auditOpcodeLibrary(
      *module, opcodes, options, [&](const verifier::GadgetAudit &row) {
        if (auditJson)
          return;
        verifier::printAuditRow(outs(), row, /*withCircuit=*/false);
        outs().flush();
      });
  if (!report)
    return fail("audit", toString(report.takeError()));
  bool allProved = report->allProved();
  if (auditJson) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const verifier::GadgetAudit &row : report->rows) {
      nlohmann::ordered_json j = verifier::auditToJson(row, false);
      for (int i = 0; i < 3; ++i) {
        const verifier::CheckResult &r = row.results[i];
        j[verifier::kPropertyNames[i]]["method"] = r.method;
        if (!r.assumed.empty())
          j[verifier::kPropertyNames[i]]["assumes"] = r.assumed;
      }
      rows.push_back(j);
    }
    nlohmann::ordered_json out;
    out["opcodes"] = rows;
    if (report->divisionLemmaNeeded)
      out["divisionLemma"] = {
          {"verdict", report->divisionLemmaProved ? "proved" : "unknown"},
          {"seconds", report->divisionLemmaSeconds}};
    out["seconds"] = report->seconds();
    out["allProved"] = allProved;
    outs() << out.dump(2) << "\n";
    return allProved ? 0 : 1;
  }
  if (report->divisionLemmaNeeded)
    outs() << format("division lemma (B > 0, A = QB + R, 0 <= R < B => Q = A "
                     "div B, R = A mod B): %s in %.2f s\n",
                     report->divisionLemmaProved ? "proved" : "unknown",
                     report->divisionLemmaSeconds);
  outs() << format("total %.2f s; %s\n", report->seconds(),
                   allProved ? "every property of every circuit is proved"
                             : "NOT everything is proved");
  return allProved ? 0 : 1;
}

} // namespace zkevmc::driver
