//===- WitnessCommand.cpp - zkevmc witness --------------------------------===//
//
// Computes a circuit's witness from inputs in JSON and checks its
// constraints.
//
//===----------------------------------------------------------------------===//

#include "compiler/driver/Commands.h"
#include "compiler/pipeline/Pipeline.h"
#include "runtime/formats/WtnsFile.h"
#include "runtime/witness/Evaluator.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Support/FileUtilities.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"

#include <nlohmann/json.hpp>

using namespace llvm;
using zkevmc::zk::CircuitOp;

namespace zkevmc::driver {

cl::SubCommand
    witnessCommand("witness",
                   "Compute a circuit's witness from inputs and check it");

namespace {

cl::opt<std::string> circuitFile(cl::Positional, cl::Required,
                                 cl::desc("<circuit.mlir>"),
                                 cl::sub(witnessCommand));
cl::opt<std::string>
    inputsFile("inputs", cl::Required,
               cl::desc("JSON inputs: an array in input order, or an object "
                        "keyed by input name (zk.name, else in0, in1, ...)"),
               cl::value_desc("file.json"), cl::sub(witnessCommand));
cl::opt<std::string>
    circuitName("circuit",
                cl::desc("The circuit to evaluate (needed if the file has more "
                         "than one)"),
                cl::value_desc("name"), cl::sub(witnessCommand));
cl::opt<bool>
    checkConstraints("check",
                     cl::desc("Exit with status 1 if a constraint is violated"),
                     cl::sub(witnessCommand));
cl::opt<std::string>
    wtnsOutput("wtns",
               cl::desc("Also write the full R1CS witness (every wire of the "
                        "circuit's R1CS, as `zkevmc compile --emit=r1cs` "
                        "numbers them) as a .wtns file, after checking it "
                        "satisfies the R1CS"),
               cl::value_desc("file.wtns"), cl::sub(witnessCommand));
cl::opt<char> wtnsOptLevel(
    "O",
    cl::desc("The R1CS optimisation level the .wtns is numbered for "
             "(default: the level recorded in a .zk.mlir from `zkevmc "
             "compile --emit=r1cs`, else -O1)"),
    cl::Prefix, cl::init('1'), cl::sub(witnessCommand));
cl::opt<std::string> witnessOutput("o",
                                   cl::desc("JSON output file (default: "
                                            "stdout, none with --wtns)"),
                                   cl::value_desc("file"), cl::init("-"),
                                   cl::sub(witnessCommand));

std::string nameOf(CircuitOp circuit, unsigned index, bool isInput) {
  mlir::Attribute attr = isInput ? circuit.getArgAttr(index, "zk.name")
                                 : circuit.getResultAttr(index, "zk.name");
  if (auto name = dyn_cast_or_null<mlir::StringAttr>(attr))
    return name.str();
  return (isInput ? "in" : "out") + std::to_string(index);
}

// A JSON value as an unsigned integer: a decimal or 0x-hex string, or a
// non-negative number.
std::optional<APInt> parseValue(const nlohmann::json &value) {
  std::string text;
  if (value.is_number_unsigned())
    text = std::to_string(value.get<uint64_t>());
  else if (value.is_string())
    text = value.get<std::string>();
  else
    return std::nullopt;
  StringRef digits = StringRef(text).trim();
  unsigned radix = 10;
  if (digits.consume_front("0x") || digits.consume_front("0X"))
    radix = 16;
  if (digits.empty() || digits.size() > 80)
    return std::nullopt;
  for (char c : digits)
    if (radix == 10 ? !isDigit(c) : !isHexDigit(c))
      return std::nullopt;
  APInt result(320, digits, radix);
  return result;
}

Expected<std::vector<APInt>> readInputs(CircuitOp circuit) {
  auto fail = [&](const Twine &message) {
    return createStringError(inconvertibleErrorCode(),
                             inputsFile + ": " + message);
  };
  ErrorOr<std::unique_ptr<MemoryBuffer>> buffer =
      MemoryBuffer::getFileOrSTDIN(inputsFile);
  if (!buffer)
    return fail("cannot read: " + buffer.getError().message());
  nlohmann::json json = nlohmann::json::parse(
      (*buffer)->getBuffer().begin(), (*buffer)->getBuffer().end(), nullptr,
      /*allow_exceptions=*/false);
  if (json.is_discarded())
    return fail("not valid JSON");
  unsigned count = circuit.getArgumentTypes().size();
  std::vector<APInt> inputs;
  for (unsigned i = 0; i < count; ++i) {
    std::string name = nameOf(circuit, i, /*isInput=*/true);
    const nlohmann::json *value = nullptr;
    if (json.is_array()) {
      if (i < json.size())
        value = &json[i];
    } else if (json.is_object()) {
      auto it = json.find(name);
      if (it != json.end())
        value = &*it;
    } else {
      return fail("expected an array or an object of inputs");
    }
    if (!value)
      return fail("missing input '" + name + "'");
    std::optional<APInt> parsed = parseValue(*value);
    if (!parsed)
      return fail("input '" + name + "' is not a non-negative integer (" +
                  value->dump() + ")");
    inputs.push_back(*parsed);
  }
  if (json.is_array() && json.size() != count)
    return fail("@" + circuit.getSymName() + " takes " + Twine(count) +
                " inputs, " + Twine(json.size()) + " given");
  if (json.is_object())
    for (auto &[key, _] : json.items()) {
      bool known = false;
      for (unsigned i = 0; i < count; ++i)
        known |= nameOf(circuit, i, true) == key;
      if (!known)
        return fail("@" + circuit.getSymName() + " has no input '" + key + "'");
    }
  return inputs;
}

std::string decimal(const APInt &v) { return toString(v, 10, false); }

// Lowers the circuit as `zkevmc compile --emit=r1cs` did, computes every
// wire, checks the R1CS and writes the .wtns.
int writeR1csWitness(mlir::ModuleOp module, CircuitOp circuit,
                     ArrayRef<APInt> inputs) {
  char levelChar = wtnsOptLevel;
  if (wtnsOptLevel.getNumOccurrences() == 0)
    if (auto recorded =
            module->getAttrOfType<mlir::StringAttr>(kR1csLevelAttrName))
      if (recorded.getValue().size() == 2)
        levelChar = recorded.getValue()[1];
  std::optional<r1cs::OptLevel> level = parseOptLevel(levelChar);
  if (!level)
    return fail(circuitFile, "unknown optimisation level -O" +
                                 Twine(levelChar) + " (use -O0, -O1 or -O2)");
  Expected<r1cs::LoweredCircuit> lowered = r1cs::lowerToR1cs(circuit, *level);
  if (!lowered) {
    WithColor::error(errs(), "zkevmc") << toString(lowered.takeError()) << "\n";
    return 1;
  }
  Expected<r1cs::Witness> witness =
      r1cs::computeWitness(*lowered, circuit, inputs);
  if (!witness) {
    WithColor::error(errs(), "zkevmc") << toString(witness.takeError()) << "\n";
    return 1;
  }
  if (std::optional<size_t> violated =
          r1cs::firstViolatedConstraint(lowered->System, *witness))
    return fail(inputsFile, "the witness violates R1CS constraint " +
                                Twine(*violated) + " of @" + lowered->Name +
                                " (-" + r1cs::levelName(*level) +
                                "); no .wtns written");
  if (Error err = formats::writeWtns(*witness, wtnsOutput)) {
    WithColor::error(errs(), "zkevmc") << toString(std::move(err)) << "\n";
    return 1;
  }
  return 0;
}

} // namespace

int runWitness() {
  mlir::MLIRContext context;
  registerDialects(context);
  mlir::ScopedDiagnosticHandler handler(&context, [](mlir::Diagnostic &diag) {
    printDiagnostic(diag);
    return mlir::success();
  });
  std::string error;
  std::unique_ptr<MemoryBuffer> buffer =
      mlir::openInputFile(circuitFile, &error);
  if (!buffer)
    return fail(circuitFile, error);
  SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(buffer), SMLoc());
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceFile<mlir::ModuleOp>(sourceMgr, &context);
  if (!module)
    return 1;

  std::vector<CircuitOp> circuits;
  for (CircuitOp c : module->getOps<CircuitOp>())
    if (circuitName.empty() || c.getSymName() == circuitName)
      circuits.push_back(c);
  if (circuits.empty())
    return fail(circuitFile, circuitName.empty()
                                 ? Twine("no zk.circuit in the file")
                                 : "no zk.circuit named @" + circuitName);
  if (circuits.size() > 1 && (*module)->hasAttr(kR1csLevelAttrName)) {
    // A .zk.mlir from `compile --emit=r1cs` holds one circuit and its
    // callees; the one nothing calls is the one meant.
    llvm::DenseSet<StringRef> called;
    for (CircuitOp c : circuits)
      c.walk([&](zk::CallOp call) { called.insert(call.getCallee()); });
    llvm::erase_if(
        circuits, [&](CircuitOp c) { return called.contains(c.getSymName()); });
  }
  if (circuits.size() != 1) {
    circuits.clear();
    for (CircuitOp c : module->getOps<CircuitOp>())
      circuits.push_back(c);
    std::string names;
    for (CircuitOp c : circuits)
      names += " @" + c.getSymName().str();
    return fail(circuitFile,
                "more than one circuit; choose one with --circuit:" + names);
  }
  CircuitOp circuit = circuits.front();

  Expected<std::vector<APInt>> inputs = readInputs(circuit);
  if (!inputs) {
    WithColor::error(errs(), "zkevmc") << toString(inputs.takeError()) << "\n";
    return 1;
  }
  Expected<witness::Evaluation> evaluation =
      witness::evaluateCircuit(circuit, *inputs);
  if (!evaluation) {
    // The evaluator's errors start with the location they happened at.
    WithColor::error(errs(), "zkevmc")
        << toString(evaluation.takeError()) << "\n";
    return 1;
  }

  if (!wtnsOutput.empty()) {
    if (int status = writeR1csWitness(*module, circuit, *inputs))
      return status;
    if (witnessOutput.getNumOccurrences() == 0)
      return 0;
  }

  nlohmann::ordered_json out;
  out["circuit"] = circuit.getSymName().str();
  out["field"] = circuit.getField().str();
  out["inputs"] = nlohmann::ordered_json::object();
  for (auto [i, v] : enumerate(*inputs))
    out["inputs"][nameOf(circuit, i, true)] = decimal(v);
  out["outputs"] = nlohmann::ordered_json::object();
  for (auto [i, v] : enumerate(evaluation->outputs))
    out["outputs"][nameOf(circuit, i, false)] = decimal(v);
  out["witnesses"] = nlohmann::ordered_json::array();
  for (const APInt &v : evaluation->witnesses)
    out["witnesses"].push_back(decimal(v));
  out["constraints"] = evaluation->constraintsChecked;
  out["satisfied"] = !evaluation->firstViolation;
  if (evaluation->firstViolation) {
    std::string where = describeLocation(evaluation->firstViolation->location);
    out["violation"] = {{"location", where},
                        {"message", evaluation->firstViolation->message}};
  }

  auto output = mlir::openOutputFile(witnessOutput, &error);
  if (!output)
    return fail(witnessOutput, error);
  output->os() << out.dump(2) << "\n";
  output->keep();

  if (checkConstraints && evaluation->firstViolation) {
    mlir::emitError(evaluation->firstViolation->location)
        << "constraint violated: " << evaluation->firstViolation->message;
    return 1;
  }
  return 0;
}

} // namespace zkevmc::driver
