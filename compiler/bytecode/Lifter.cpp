//===- Lifter.cpp - EVM bytecode to the evm dialect -----------------------===//

#include "compiler/bytecode/Lifter.h"

#include "compiler/bytecode/Bytecode.h"
#include "dialects/evm/IR/EvmDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

using namespace mlir;

namespace zkevmc::bytecode {

namespace {

constexpr size_t kMaxStackDepth = 1024;

// Builds the lifted function; every error names the pc it happened at.
class Lifter {
public:
  Lifter(MLIRContext &context, StringRef fileName)
      : context(context), builder(&context),
        fileLoc(FileLineColLoc::get(&context, fileName, 0, 0)) {}

  llvm::Error lift(ArrayRef<uint8_t> code, Block &body) {
    builder.setInsertionPointToEnd(&body);
    for (const Instruction &inst : decode(code)) {
      bool halted = false;
      if (llvm::Error err = liftInstruction(inst, halted))
        return err;
      if (halted)
        return llvm::Error::success();
    }
    // Running off the end of the code is STOP.
    builder.create<evm::StopOp>(locationOf(code.size()));
    return llvm::Error::success();
  }

private:
  Location locationOf(uint32_t pc) {
    return NameLoc::get(StringAttr::get(&context, llvm::formatv("pc {0}", pc)),
                        fileLoc);
  }

  llvm::Error errorAt(uint32_t pc, const llvm::Twine &message) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "pc " + llvm::Twine(pc) + ": " + message);
  }

  llvm::Error liftInstruction(const Instruction &inst, bool &halted) {
    if (!inst.info)
      return errorAt(inst.pc, llvm::formatv("undefined opcode 0x{0:x-2}",
                                            unsigned(inst.opcode)));
    const opcodes::OpcodeInfo &info = *inst.info;
    StringRef mnemonic = info.mnemonic;
    if (stack.size() < info.stackIn)
      return errorAt(inst.pc,
                     llvm::formatv("stack underflow: {0} takes {1} item(s), "
                                   "the stack holds {2}",
                                   mnemonic, unsigned(info.stackIn),
                                   stack.size()));
    if (stack.size() - info.stackIn + info.stackOut > kMaxStackDepth)
      return errorAt(inst.pc, llvm::formatv("stack overflow: {0} would make "
                                            "the stack deeper than {1} items",
                                            mnemonic, kMaxStackDepth));
    Location loc = locationOf(inst.pc);
    Type word = builder.getIntegerType(256);

    if (info.opClass == opcodes::Stack) {
      if (mnemonic.starts_with("PUSH")) {
        std::array<uint8_t, 32> bytes = inst.immediateValue();
        APInt value(256, 0);
        for (uint8_t b : bytes)
          value = (value << 8) | APInt(256, b);
        stack.push_back(builder.create<arith::ConstantOp>(
            loc, word, builder.getIntegerAttr(word, value)));
      } else if (mnemonic == "POP") {
        stack.pop_back();
      } else if (mnemonic.starts_with("DUP")) {
        stack.push_back(stack[stack.size() - info.stackIn]);
      } else if (mnemonic.starts_with("SWAP")) {
        std::swap(stack.back(), stack[stack.size() - info.stackIn]);
      }
      return llvm::Error::success();
    }

    switch (info.byte) {
    case evm::JumpOp::kOpcode:
    case evm::JumpIOp::kOpcode:
      return errorAt(inst.pc, llvm::formatv("unsupported instruction {0}: "
                                            "jumps are not supported yet",
                                            mnemonic));
    case evm::JumpDestOp::kOpcode:
      // Without jumps a jump destination is only a marker.
      return llvm::Error::success();
    case evm::PcOp::kOpcode:
      stack.push_back(builder.create<evm::PcOp>(loc, word, inst.pc));
      return llvm::Error::success();
    default:
      break;
    }

    std::string opName = ("evm." + mnemonic.lower());
    std::optional<RegisteredOperationName> registered =
        RegisteredOperationName::lookup(opName, &context);
    if (!registered)
      return errorAt(inst.pc, "unsupported instruction " + mnemonic);
    OperationState state(loc, *registered);
    // Operand i is the i-th item from the top of the stack.
    for (unsigned i = 0; i < info.stackIn; ++i)
      state.operands.push_back(stack[stack.size() - 1 - i]);
    stack.resize(stack.size() - info.stackIn);
    if (info.stackOut == 1)
      state.types.push_back(word);
    Operation *op = builder.create(state);
    if (info.stackOut == 1)
      stack.push_back(op->getResult(0));
    halted = op->hasTrait<OpTrait::IsTerminator>();
    return llvm::Error::success();
  }

  MLIRContext &context;
  OpBuilder builder;
  Location fileLoc;
  std::vector<Value> stack;
};

} // namespace

llvm::Expected<OwningOpRef<ModuleOp>> liftBytecode(MLIRContext &context,
                                                   ArrayRef<uint8_t> code,
                                                   StringRef fileName,
                                                   StringRef functionName) {
  context.loadDialect<evm::EvmDialect, func::FuncDialect, arith::ArithDialect>();
  Location loc = FileLineColLoc::get(&context, fileName, 0, 0);
  OwningOpRef<ModuleOp> module = ModuleOp::create(loc);
  OpBuilder builder(&context);
  builder.setInsertionPointToEnd(module->getBody());
  auto func = builder.create<func::FuncOp>(loc, functionName,
                                           builder.getFunctionType({}, {}));
  Block *body = func.addEntryBlock();
  Lifter lifter(context, fileName);
  if (llvm::Error err = lifter.lift(code, *body))
    return err;
  return module;
}

} // namespace zkevmc::bytecode
