//===- AuditFileCommand.cpp - zkevmc audit <file.mlir> --------------------===//
//
// Audits every zk.circuit of a file that names its opcode with zk.spec, so a
// gadget written outside the library is checked against the same specs.
//
//===----------------------------------------------------------------------===//

#include "compiler/driver/Commands.h"
#include "compiler/pipeline/Pipeline.h"
#include "verifier/Audit.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Support/FileUtilities.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

#include <nlohmann/json.hpp>

using namespace llvm;
using namespace zkevmc;

namespace zkevmc::driver {

namespace {

cl::opt<std::string> auditFile(cl::Positional, cl::desc("<file.mlir>"),
                               cl::init(""), cl::sub(auditCommand));

} // namespace

bool auditFileGiven() { return !auditFile.empty(); }

int runAuditFile(unsigned timeoutMs, bool json) {
  mlir::MLIRContext context;
  registerDialects(context);
  // Parse errors are printed located, as `file:line:col: error: ...`.
  mlir::ScopedDiagnosticHandler handler(&context, [](mlir::Diagnostic &diag) {
    printDiagnostic(diag);
    return mlir::success();
  });
  std::string error;
  std::unique_ptr<MemoryBuffer> buffer = mlir::openInputFile(auditFile, &error);
  if (!buffer)
    return fail(auditFile, error);
  SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(buffer), SMLoc());
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceFile<mlir::ModuleOp>(sourceMgr, &context);
  if (!module)
    return 1;

  verifier::CheckOptions options;
  options.timeoutMs = timeoutMs;
  // Validate every gadget before the first (slow) query, so that a bad spec
  // at the end of a file is reported at once.
  if (Error err = verifier::validateGadgets(*module, auditFile))
    return fail("audit", toString(std::move(err)));
  if (llvm::none_of(module->getOps<zk::CircuitOp>(), verifier::isAudited))
    return fail(auditFile, "no zk.circuit names its opcode with zk.spec: "
                           "nothing to audit");
  if (!json) {
    verifier::printAuditHeader(outs(), /*withCircuit=*/true);
    outs().flush();
  }
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  nlohmann::ordered_json skipped = nlohmann::ordered_json::array();
  bool allProved = true;
  for (zk::CircuitOp circuit : module->getOps<zk::CircuitOp>()) {
    // A sub-circuit with a zk.subspec is audited too: a gadget's proof that
    // uses its relation (CheckResult::assumed) stands only once it is proved.
    if (!verifier::isAudited(circuit)) {
      skipped.push_back({{"circuit", circuit.getSymName().str()},
                         {"reason", verifier::kSkipReason.str()}});
      continue;
    }
    Expected<verifier::GadgetAudit> audit =
        verifier::auditGadget(circuit, options);
    if (!audit)
      return fail(auditFile, "@" + circuit.getSymName() + ": " +
                                 toString(audit.takeError()));
    allProved &= audit->allProved();
    rows.push_back(verifier::auditToJson(*audit, /*withCircuit=*/true));
    if (!json) {
      // Rows appear as they finish: a file of slow gadgets shows progress.
      verifier::printAuditRow(outs(), *audit, /*withCircuit=*/true);
      outs().flush();
    }
  }
  if (json) {
    nlohmann::ordered_json out;
    out["file"] = auditFile.getValue();
    out["circuits"] = rows;
    out["skipped"] = skipped;
    out["allProved"] = allProved;
    outs() << out.dump(2) << "\n";
  } else {
    for (const auto &skip : skipped)
      outs() << "skipped @" << skip["circuit"].get<std::string>() << ": "
             << skip["reason"].get<std::string>() << "\n";
  }
  return allProved ? 0 : 1;
}

} // namespace zkevmc::driver
