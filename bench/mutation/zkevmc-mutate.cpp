//===- zkevmc-mutate.cpp - Mutation counts for the opcode gadgets ---------===//
//
// For each library gadget: mutants (drop a constraint, perturb a constant,
// swap two wires), each killed / equivalent / unknown by the verifier and
// cross-checked by a concrete search. Exit 1 if any verifier bug is found.
//
//===----------------------------------------------------------------------===//

#include "compiler/pipeline/Pipeline.h"
#include "opcodes/OpcodeTable.h"
#include "opcodes/Semantics.h"
#include "opcodes/gadgets/Gadgets.h"
#include "verifier/Audit.h"
#include "verifier/Mutation.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

using namespace llvm;
using namespace zkevmc;

namespace {

cl::list<std::string> onlyArg("only", cl::desc("Only these opcodes"),
                              cl::value_desc("ADD,MUL,..."),
                              cl::CommaSeparated);
cl::opt<unsigned> perKindArg("per-kind",
                             cl::desc("Mutants of each kind per gadget"),
                             cl::init(4));
cl::opt<unsigned> timeoutArg("timeout-ms",
                             cl::desc("Limit of each solver query (ms)"),
                             cl::init(10000));
cl::opt<unsigned> seedArg("seed", cl::desc("Seed of the mutant sample"),
                          cl::init(1));
cl::opt<unsigned> randomArg("random-inputs",
                            cl::desc("Random operand tuples of the concrete "
                                     "search, after the edge cases"),
                            cl::init(16));
cl::opt<unsigned> perturbArg("perturbations",
                             cl::desc("Perturbed witnesses per operand tuple"),
                             cl::init(8));
cl::opt<std::string> jsonArg("json", cl::desc("Also write the reports here"),
                             cl::value_desc("file"), cl::init(""));
cl::opt<bool> verboseArg("v", cl::desc("One line per mutant"));

int fail(const Twine &message) {
  WithColor::error(errs(), "zkevmc-mutate") << message << "\n";
  return 2;
}

} // namespace

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  cl::ParseCommandLineOptions(argc, argv,
                              "zkevmc-mutate: mutation counts for the opcode "
                              "gadgets\n");
  std::vector<const opcodes::OpcodeInfo *> targets;
  if (onlyArg.empty()) {
    for (const opcodes::OpcodeInfo &info : opcodes::allOpcodes())
      if (semantics::isPureOpcode(info.byte))
        targets.push_back(&info);
  } else {
    for (const std::string &name : onlyArg) {
      const opcodes::OpcodeInfo *info =
          opcodes::lookupOpcodeByMnemonic(StringRef(name).upper());
      if (!info || !semantics::isPureOpcode(info->byte))
        return fail("--only: '" + name + "' is not a pure opcode");
      targets.push_back(info);
    }
  }

  mlir::MLIRContext context;
  registerDialects(context);
  mlir::OpBuilder builder(&context);
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::ModuleOp::create(builder.getUnknownLoc());
  verifier::MutationOptions options;
  options.perKind = perKindArg;
  options.seed = seedArg;
  options.check.timeoutMs = timeoutArg;
  options.concrete.seed = seedArg;
  options.concrete.randomInputs = randomArg;
  options.concrete.perturbations = perturbArg;

  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  unsigned bugs = 0;
  outs() << "opcode      mutants  killed  equivalent  unknown  verifier-bugs  "
            "seconds\n";
  outs().flush();
  for (const opcodes::OpcodeInfo *info : targets) {
    zk::CircuitOp gadget = gadgets::getOrBuildGadget(*module, info->byte);
    Expected<std::vector<verifier::MutantReport>> reports =
        verifier::runMutants(gadget, options);
    if (!reports)
      return fail(Twine(info->mnemonic) + ": " + toString(reports.takeError()));
    unsigned counts[3] = {0, 0, 0}, gadgetBugs = 0;
    double seconds = 0;
    nlohmann::ordered_json mutants = nlohmann::ordered_json::array();
    for (const verifier::MutantReport &r : *reports) {
      ++counts[static_cast<int>(r.verdict)];
      gadgetBugs += r.verifierBug.has_value();
      seconds += r.seconds;
      nlohmann::ordered_json m;
      m["kind"] = verifier::mutationKindName(r.mutation.kind).str();
      m["mutation"] = r.mutation.describe();
      m["class"] = verifier::mutantClassName(r.verdict).str();
      for (int i = 0; i < 3; ++i)
        m[verifier::kPropertyNames[i]] =
            verifier::verdictName(r.results[i].verdict).str();
      if (r.concrete.soundness)
        m["concreteSoundness"] = *r.concrete.soundness;
      if (r.concrete.completeness)
        m["concreteCompleteness"] = *r.concrete.completeness;
      if (r.concrete.determinism)
        m["concreteDeterminism"] = *r.concrete.determinism;
      if (r.verifierBug)
        m["verifierBug"] = *r.verifierBug;
      m["seconds"] = r.seconds;
      mutants.push_back(m);
      if (verboseArg || r.verifierBug) {
        outs() << "  " << r.mutation.describe() << ": "
               << verifier::mutantClassName(r.verdict) << " ("
               << verifier::verdictName(r.results[0].verdict) << "/"
               << verifier::verdictName(r.results[1].verdict) << "/"
               << verifier::verdictName(r.results[2].verdict) << ")";
        if (r.verifierBug)
          outs() << " VERIFIER BUG: " << *r.verifierBug;
        outs() << "\n";
      }
    }
    bugs += gadgetBugs;
    outs() << format("%-11s %7zu %7u %11u %8u %14u %8.1f\n", info->mnemonic,
                     reports->size(), counts[0], counts[1], counts[2],
                     gadgetBugs, seconds);
    outs().flush();
    nlohmann::ordered_json row;
    row["opcode"] = info->mnemonic;
    row["mutants"] = reports->size();
    row["killed"] = counts[0];
    row["equivalent"] = counts[1];
    row["unknown"] = counts[2];
    row["verifierBugs"] = gadgetBugs;
    row["seconds"] = seconds;
    row["details"] = mutants;
    out.push_back(row);
    // Written after every gadget, so an interrupted run keeps its counts.
    if (!jsonArg.empty()) {
      std::error_code ec;
      raw_fd_ostream file(jsonArg, ec, sys::fs::OF_Text);
      if (ec)
        return fail(jsonArg + ": " + ec.message());
      file << out.dump(2) << "\n";
    }
  }
  return bugs ? 1 : 0;
}
