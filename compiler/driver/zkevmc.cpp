//===- zkevmc.cpp - The zkevmc command-line driver (zkevmc-driver) --------===//
//
// The `zkevmc` launcher (zkevmc-launcher.cpp) runs this executable for every
// subcommand except `prove`.
// Subcommands: `disasm` prints bytecode one instruction per line; `compile`
// takes bytecode or evm-dialect MLIR through the pipeline to a chosen stage.
// Exit status: 0 on success, 1 on bad input or a failed compilation, and 1 on
// a usage error (as llvm::cl reports it).
//
//===----------------------------------------------------------------------===//

#include "compiler/bytecode/Bytecode.h"
#include "compiler/bytecode/Lifter.h"
#include "compiler/driver/Commands.h"
#include "compiler/pipeline/Pipeline.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Support/FileUtilities.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using zkevmc::driver::describeLocation;
using zkevmc::driver::fail;
using zkevmc::driver::printDiagnostic;

namespace {

cl::SubCommand disasmCommand("disasm",
                             "Print EVM bytecode one instruction per line");
cl::SubCommand compileCommand(
    "compile", "Compile EVM bytecode or evm-dialect MLIR to a circuit stage");

cl::opt<std::string> disasmInput(cl::Positional, cl::Required,
                                 cl::desc("<hex | file>"),
                                 cl::sub(disasmCommand));

cl::opt<std::string> compileInput(cl::Positional, cl::Required,
                                  cl::desc("<file.mlir | hex | file>"),
                                  cl::sub(compileCommand));

enum class EmitStage { Evm, Zk, R1cs, R1csText, Stats };
cl::opt<EmitStage>
    emitStage("emit", cl::desc("The stage to print"), cl::init(EmitStage::Evm),
              cl::values(clEnumValN(EmitStage::Evm, "evm",
                                    "the evm dialect, lifted and folded"),
                         clEnumValN(EmitStage::Zk, "zk",
                                    "zk circuits over the limb encoding "
                                    "(lower-evm-to-zk)"),
                         clEnumValN(EmitStage::R1cs, "r1cs",
                                    "<circuit>.r1cs, .sym and .zk.mlir (the "
                                    "witness generator's input) in the -o "
                                    "directory"),
                         clEnumValN(EmitStage::R1csText, "r1cs-text",
                                    "the R1CS as readable text"),
                         clEnumValN(EmitStage::Stats, "stats",
                                    "R1CS constraint and wire counts")),
              cl::sub(compileCommand));

cl::opt<char> compileOptLevel(
    "O",
    cl::desc("R1CS optimisation: -O0 none, -O1 (default, as circom) "
             "signal = constant and signal = signal, -O2 every linear "
             "constraint over a private internal signal, as circom --O2"),
    cl::Prefix, cl::init('1'), cl::sub(compileCommand));

cl::opt<std::string> compileCircuit(
    "circuit",
    cl::desc("The circuit to lower to R1CS (default: every circuit that no "
             "other circuit calls)"),
    cl::value_desc("name"), cl::sub(compileCommand));

cl::opt<std::string> outputFile("o", cl::desc("Output file (default: stdout)"),
                                cl::value_desc("file"), cl::init("-"),
                                cl::sub(compileCommand));

cl::opt<bool> noFold("no-fold", cl::desc("Do not fold the evm dialect"),
                     cl::init(false), cl::sub(compileCommand));

} // namespace

int zkevmc::driver::fail(StringRef input, const Twine &message) {
  WithColor::error(errs(), "zkevmc") << input << ": " << message << "\n";
  return 1;
}

namespace {

// Errors from loadCode name the file when the input is one; hex given on the
// command line is named here.
int failToLoad(StringRef input, Error err) {
  std::string message = toString(std::move(err));
  if (StringRef(message).contains("'" + input.str() + "'")) {
    WithColor::error(errs(), "zkevmc") << message << "\n";
    return 1;
  }
  return fail(input, message);
}

int runDisasm() {
  Expected<std::vector<uint8_t>> code = zkevmc::bytecode::loadCode(disasmInput);
  if (!code)
    return failToLoad(disasmInput, code.takeError());
  zkevmc::bytecode::printDisassembly(*code, outs());
  return 0;
}

} // namespace

std::string zkevmc::driver::describeLocation(mlir::Location loc) {
  if (auto fileLoc = mlir::dyn_cast<mlir::FileLineColLoc>(loc))
    return (fileLoc.getFilename().getValue() + ":" + Twine(fileLoc.getLine()) +
            ":" + Twine(fileLoc.getColumn()))
        .str();
  if (auto nameLoc = mlir::dyn_cast<mlir::NameLoc>(loc))
    return describeLocation(nameLoc.getChildLoc()) + ": " +
           nameLoc.getName().str();
  if (auto fused = mlir::dyn_cast<mlir::FusedLoc>(loc))
    if (!fused.getLocations().empty())
      return describeLocation(fused.getLocations().front());
  std::string text;
  raw_string_ostream os(text);
  loc.print(os);
  return text;
}

void zkevmc::driver::printDiagnostic(mlir::Diagnostic &diag) {
  errs() << describeLocation(diag.getLocation()) << ": ";
  switch (diag.getSeverity()) {
  case mlir::DiagnosticSeverity::Error:
    WithColor(errs(), HighlightColor::Error) << "error: ";
    break;
  case mlir::DiagnosticSeverity::Warning:
    WithColor(errs(), HighlightColor::Warning) << "warning: ";
    break;
  case mlir::DiagnosticSeverity::Note:
    WithColor(errs(), HighlightColor::Note) << "note: ";
    break;
  case mlir::DiagnosticSeverity::Remark:
    WithColor(errs(), HighlightColor::Remark) << "remark: ";
    break;
  }
  errs() << diag.str() << "\n";
  for (mlir::Diagnostic &note : diag.getNotes())
    printDiagnostic(note);
}

namespace {

int runCompile() {
  mlir::MLIRContext context;
  zkevmc::registerDialects(context);
  mlir::ScopedDiagnosticHandler handler(&context, [](mlir::Diagnostic &diag) {
    printDiagnostic(diag);
    return mlir::success();
  });

  mlir::OwningOpRef<mlir::ModuleOp> module;
  if (StringRef(compileInput).ends_with(".mlir")) {
    std::string error;
    std::unique_ptr<MemoryBuffer> buffer =
        mlir::openInputFile(compileInput, &error);
    if (!buffer)
      return fail(compileInput, error);
    SourceMgr sourceMgr;
    sourceMgr.AddNewSourceBuffer(std::move(buffer), SMLoc());
    module = mlir::parseSourceFile<mlir::ModuleOp>(sourceMgr, &context);
    if (!module)
      return 1;
  } else {
    Expected<std::vector<uint8_t>> code =
        zkevmc::bytecode::loadCode(compileInput);
    if (!code)
      return failToLoad(compileInput, code.takeError());
    bool isFile = sys::fs::exists(compileInput);
    auto lifted = zkevmc::bytecode::liftBytecode(
        context, *code, isFile ? StringRef(compileInput) : "<hex>");
    if (!lifted)
      return fail(compileInput, toString(lifted.takeError()));
    module = std::move(*lifted);
  }

  zkevmc::PipelineOptions options;
  options.fold = !noFold;
  options.lowerToZk = emitStage != EmitStage::Evm;
  std::optional<zkevmc::r1cs::OptLevel> level =
      zkevmc::driver::parseOptLevel(compileOptLevel);
  if (!level)
    return fail(compileInput, "unknown optimisation level -O" +
                                  Twine(compileOptLevel.getValue()) +
                                  " (use -O0, -O1 or -O2)");
  if (mlir::failed(zkevmc::runEvmPipeline(*module, options)))
    return 1;
  using zkevmc::driver::R1csEmitKind;
  if (emitStage == EmitStage::R1cs || emitStage == EmitStage::R1csText ||
      emitStage == EmitStage::Stats)
    return zkevmc::driver::emitR1cs(
        *module,
        emitStage == EmitStage::R1cs       ? R1csEmitKind::Files
        : emitStage == EmitStage::R1csText ? R1csEmitKind::Text
                                           : R1csEmitKind::Stats,
        *level, compileCircuit, compileInput, outputFile);

  std::string error;
  auto output = mlir::openOutputFile(outputFile, &error);
  if (!output)
    return fail(outputFile, error);
  switch (emitStage) {
  case EmitStage::Evm:
  case EmitStage::Zk:
    module->print(output->os());
    output->os() << "\n";
    break;
  default:
    break;
  }
  output->keep();
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  cl::SetVersionPrinter(
      [](raw_ostream &os) { os << "zkevmc " ZKEVMC_VERSION "\n"; });
  cl::ParseCommandLineOptions(
      argc, argv,
      "zkevmc: a verified zkEVM circuit compiler\n\n"
      "  zkevmc disasm <hex|file>\n"
      "  zkevmc compile <file.mlir|hex|file> --emit=evm|zk [-o out]\n"
      "  zkevmc compile <file.mlir|hex|file> --emit=r1cs -o <dir> "
      "[-O0|-O1|-O2] [--circuit name]\n"
      "  zkevmc compile <file.mlir|hex|file> --emit=stats|r1cs-text "
      "[-O0|-O1|-O2] [--circuit name]\n"
      "  zkevmc run --code <hex|file> [--calldata <hex>] [--value <n>] "
      "[--caller <addr>] [--storage <file.json>] [--trace] [--json]\n"
      "  zkevmc audit --opcodes [--only ADD,MUL] [--timeout-ms N] [--json]\n"
      "  zkevmc audit <file.mlir> [--timeout-ms N] [--json]\n"
      "  zkevmc witness <circuit.mlir> --inputs <file.json> [--check] [-o "
      "out.json]\n"
      "  zkevmc witness <circuit.zk.mlir> --inputs <file.json> --wtns "
      "<out.wtns> [-O0|-O1|-O2]\n"
      "  zkevmc export-verifier <circuit.zkey|verification_key.json> [-o "
      "Verifier.sol]\n"
      "  zkevmc export-calldata <public.json> <proof.json>\n"
      "  zkevmc setup <circuit.r1cs> -o <circuit.zkey> [--ptau <file.ptau>] "
      "[--vkey <verification_key.json>]\n"
      "  zkevmc prove [--threads N] <circuit.zkey> <witness.wtns> "
      "<proof.json> <public.json>\n"
      "  zkevmc verify <verification_key.json> <public.json> <proof.json>\n"
      "  zkevmc zkey export-vkey <circuit.zkey> [-o verification_key.json]\n");
  if (disasmCommand)
    return runDisasm();
  if (compileCommand)
    return runCompile();
  if (zkevmc::driver::witnessCommand)
    return zkevmc::driver::runWitness();
  if (zkevmc::driver::runCommand)
    return zkevmc::driver::runRun();
  if (zkevmc::driver::auditCommand)
    return zkevmc::driver::runAudit();
  if (zkevmc::driver::exportVerifierCommand)
    return zkevmc::driver::runExportVerifier();
  if (zkevmc::driver::exportCalldataCommand)
    return zkevmc::driver::runExportCalldata();
  if (zkevmc::driver::setupCommand)
    return zkevmc::driver::runSetup();
  if (zkevmc::driver::verifyCommand)
    return zkevmc::driver::runVerify();
  if (zkevmc::driver::zkeyCommand)
    return zkevmc::driver::runZkey();
  cl::PrintHelpMessage();
  return 1;
}
