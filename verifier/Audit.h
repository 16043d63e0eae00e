// Auditing gadgets: the three checks per circuit, and every gadget of a file.
//
// Shared by `zkevmc audit --opcodes` and `zkevmc audit <file.mlir>` so that
// both print the same rows and the same JSON (docs/verification.md).

#ifndef ZKEVMC_VERIFIER_AUDIT_H
#define ZKEVMC_VERIFIER_AUDIT_H

#include "verifier/GadgetCheck.h"

#include "dialects/zk/IR/ZkDialect.h"

#include "mlir/IR/BuiltinOps.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace zkevmc::verifier {

/// The three properties, in the order they are checked and printed.
inline constexpr const char *kPropertyNames[3] = {"soundness", "completeness",
                                                  "determinism"};

struct GadgetAudit {
  std::string circuit;
  /// The opcode `zk.spec` names, upper case, or a sub-circuit's
  /// `zk.subspec`.
  std::string opcode;
  /// Constraint ops (assert_eq, assert_bool, range) and hint results in the
  /// circuit's own body (a callee's are not counted).
  unsigned constraints = 0;
  unsigned witnesses = 0;
  /// Soundness, completeness, determinism.
  CheckResult results[3];

  double seconds() const;
  bool allProved() const;
};

/// The attribute naming a sub-circuit's relation (IntSpec.h): gadgets that
/// call it are proved with that relation in place of the call, so the
/// sub-circuit is audited too.
inline constexpr llvm::StringLiteral kSubspecAttrName = "zk.subspec";

/// Whether a circuit of an audited file is checked: it has a zk.spec or a
/// zk.subspec. Others are listed as skipped with kSkipReason.
bool isAudited(zk::CircuitOp circuit);
inline constexpr llvm::StringLiteral kSkipReason =
    "neither zk.spec nor zk.subspec";

/// Constraint ops and hint results in `circuit`'s own body.
unsigned countConstraints(zk::CircuitOp circuit);
unsigned countWitnesses(zk::CircuitOp circuit);

/// Runs the three checks on one gadget. Fails where the checks do (a circuit
/// that is not a gadget).
llvm::Expected<GadgetAudit> auditGadget(zk::CircuitOp gadget,
                                        const CheckOptions &options);

/// A circuit of an audited file that names no opcode.
struct SkippedCircuit {
  std::string circuit;
  std::string reason;
};

struct ModuleAudit {
  std::vector<GadgetAudit> gadgets;
  std::vector<SkippedCircuit> skipped;
  bool allProved() const;
};

/// Checks that every circuit of `module` with a `zk.spec` is a gadget of
/// that opcode (a string naming one of the 25 pure opcodes, bn254, four
/// input limbs per operand and four output limbs). The error names the
/// circuit, its location and what is wrong; `fileName` is used where the
/// location has none.
llvm::Error validateGadgets(mlir::ModuleOp module, llvm::StringRef fileName);

/// Audits every circuit of `module` with a `zk.spec` or `zk.subspec`, in
/// file order, and lists the others as skipped. Fails as validateGadgets does,
/// before any query is made, and when no circuit names an opcode.
llvm::Expected<ModuleAudit> auditModule(mlir::ModuleOp module,
                                        llvm::StringRef fileName,
                                        const CheckOptions &options);

/// A field element or word list as decimal strings.
std::vector<std::string> decimalStrings(llvm::ArrayRef<llvm::APInt> values);

/// One row of the JSON report: {circuit?, opcode, constraints, witnesses,
/// soundness, completeness, determinism, seconds}; `circuit` only when
/// `withCircuit`. Each property is {verdict, seconds, counterexample?,
/// reason?, method?, assumed?}.
nlohmann::ordered_json auditToJson(const GadgetAudit &audit, bool withCircuit);

/// The table header and one row per gadget, with each failed property's
/// counterexample (inputs as words, witness and outputs as field elements)
/// and each unknown's reason on the lines below.
void printAuditHeader(llvm::raw_ostream &os, bool withCircuit);
void printAuditRow(llvm::raw_ostream &os, const GadgetAudit &audit,
                   bool withCircuit);

} // namespace zkevmc::verifier

#endif // ZKEVMC_VERIFIER_AUDIT_H
