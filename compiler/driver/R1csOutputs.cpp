//===- R1csOutputs.cpp - zkevmc compile --emit=r1cs|r1cs-text|stats -------===//
//
// Lowers the module's circuits to R1CS and writes the iden3 files (.r1cs,
// .sym), the zk IR the witness generator runs (.zk.mlir), a readable dump or
// statistics.
//
//===----------------------------------------------------------------------===//

#include "compiler/driver/Commands.h"
#include "runtime/formats/R1csFile.h"
#include "runtime/formats/SymFile.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Support/FileUtilities.h"

#include "llvm/ADT/SetVector.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"

using namespace llvm;
using zkevmc::zk::CircuitOp;

namespace zkevmc::driver {

std::optional<r1cs::OptLevel> parseOptLevel(char level) {
  switch (level) {
  case '0':
    return r1cs::OptLevel::O0;
  case '1':
    return r1cs::OptLevel::O1;
  case '2':
    return r1cs::OptLevel::O2;
  default:
    return std::nullopt;
  }
}

namespace {

// Circuits reachable from `root` through zk.call, root first.
SetVector<CircuitOp> withCallees(CircuitOp root) {
  SetVector<CircuitOp> circuits;
  circuits.insert(root);
  for (size_t i = 0; i < circuits.size(); ++i)
    CircuitOp(circuits[i]).walk([&](zk::CallOp call) {
      if (auto callee = mlir::SymbolTable::lookupNearestSymbolFrom<CircuitOp>(
              call, call.getCalleeAttr()))
        circuits.insert(callee);
    });
  return circuits;
}

// The circuits to lower: the one named, or those no other circuit calls.
Expected<std::vector<CircuitOp>>
selectCircuits(mlir::ModuleOp module, StringRef input, StringRef name) {
  auto fail = [&](const Twine &message) {
    return createStringError(inconvertibleErrorCode(), input + ": " + message);
  };
  std::vector<CircuitOp> all(module.getOps<CircuitOp>().begin(),
                             module.getOps<CircuitOp>().end());
  if (all.empty())
    return fail("no zk.circuit to lower to R1CS");
  if (!name.empty()) {
    for (CircuitOp c : all)
      if (c.getSymName() == name)
        return std::vector<CircuitOp>{c};
    std::string names;
    for (CircuitOp c : all)
      names += " @" + c.getSymName().str();
    return fail("no zk.circuit named @" + name + " (circuits:" + names + ")");
  }
  DenseSet<StringRef> called;
  for (CircuitOp c : all)
    c.walk([&](zk::CallOp call) { called.insert(call.getCallee()); });
  std::vector<CircuitOp> roots;
  for (CircuitOp c : all)
    if (!called.contains(c.getSymName()))
      roots.push_back(c);
  if (roots.empty())
    return fail("every circuit is called by another (recursion?); choose "
                "one with --circuit");
  return roots;
}

Error writeZkModule(CircuitOp root, r1cs::OptLevel level, StringRef path) {
  mlir::OpBuilder builder(root.getContext());
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::ModuleOp::create(root.getLoc());
  (*module)->setAttr(kR1csLevelAttrName,
                     builder.getStringAttr(r1cs::levelName(level)));
  builder.setInsertionPointToEnd(module->getBody());
  for (CircuitOp c : withCallees(root))
    builder.clone(*c);
  std::string error;
  auto output = mlir::openOutputFile(path, &error);
  if (!output)
    return createStringError(inconvertibleErrorCode(), path + ": " + error);
  module->print(output->os());
  output->os() << "\n";
  output->keep();
  return Error::success();
}

} // namespace

int emitR1cs(mlir::ModuleOp module, R1csEmitKind kind, r1cs::OptLevel level,
             StringRef circuitName, StringRef input, StringRef output) {
  Expected<std::vector<CircuitOp>> circuits =
      selectCircuits(module, input, circuitName);
  if (!circuits) {
    WithColor::error(errs(), "zkevmc")
        << toString(circuits.takeError()) << "\n";
    return 1;
  }
  if (kind == R1csEmitKind::Files) {
    if (output == "-")
      return fail(input, "--emit=r1cs writes files: give a directory with -o");
    if (std::error_code ec = sys::fs::create_directories(output))
      return fail(output, "cannot create the directory: " + ec.message());
  }
  std::string error;
  std::unique_ptr<ToolOutputFile> text;
  if (kind != R1csEmitKind::Files) {
    text = mlir::openOutputFile(output, &error);
    if (!text)
      return fail(output, error);
  }
  for (CircuitOp circuit : *circuits) {
    Expected<r1cs::LoweredCircuit> lowered = r1cs::lowerToR1cs(circuit, level);
    if (!lowered) {
      // The lowering's errors start with the op's location.
      WithColor::error(errs(), "zkevmc")
          << toString(lowered.takeError()) << "\n";
      return 1;
    }
    switch (kind) {
    case R1csEmitKind::Stats:
      r1cs::printStats(*lowered, text->os());
      break;
    case R1csEmitKind::Text:
      r1cs::printText(*lowered, text->os());
      break;
    case R1csEmitKind::Files: {
      SmallString<128> base(output);
      sys::path::append(base, lowered->Name);
      std::string stem = base.str().str();
      Error err = formats::writeR1cs(lowered->System, stem + ".r1cs");
      if (!err)
        err = formats::writeSym(
            // circom lists signals from label 1; label 0 is the constant.
            std::vector<r1cs::Symbol>(lowered->Symbols.begin() + 1,
                                      lowered->Symbols.end()),
            stem + ".sym");
      if (!err)
        err = writeZkModule(circuit, level, stem + ".zk.mlir");
      if (err) {
        WithColor::error(errs(), "zkevmc") << toString(std::move(err)) << "\n";
        return 1;
      }
      outs() << stem << ".r1cs: " << lowered->System.Constraints.size()
             << " constraints, " << lowered->System.NWires << " wires (-"
             << r1cs::levelName(level) << "); " << stem << ".sym, " << stem
             << ".zk.mlir\n";
      break;
    }
    }
  }
  if (text)
    text->keep();
  return 0;
}

} // namespace zkevmc::driver
