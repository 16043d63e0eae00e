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

} // namespace

int runAudit() {
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
