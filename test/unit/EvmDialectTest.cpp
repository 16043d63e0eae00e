//===- EvmDialectTest.cpp - Every non-stack opcode is an evm op -----------===//

#include "dialects/evm/IR/EvmDialect.h"
#include "compiler/pipeline/Pipeline.h"
#include "opcodes/OpcodeTable.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Verifier.h"

#include "gtest/gtest.h"

using namespace mlir;
using zkevmc::opcodes::OpcodeInfo;

namespace {

class EvmDialectTest : public ::testing::Test {
protected:
  EvmDialectTest() { zkevmc::registerDialects(context); }

  // Builds `evm.<mnemonic>` with `numOperands` i256 block arguments and
  // `numResults` i256 results inside a function, and verifies the function.
  LogicalResult buildAndVerify(StringRef name, unsigned numOperands,
                               unsigned numResults) {
    OpBuilder builder(&context);
    Location loc = builder.getUnknownLoc();
    Type word = builder.getIntegerType(256);
    OwningOpRef<ModuleOp> module = ModuleOp::create(loc);
    builder.setInsertionPointToEnd(module->getBody());
    SmallVector<Type> argTypes(numOperands, word);
    auto func = builder.create<func::FuncOp>(
        loc, "f", builder.getFunctionType(argTypes, {}));
    Block *entry = func.addEntryBlock();
    Block *next = func.addBlock();
    builder.setInsertionPointToEnd(entry);
    std::optional<RegisteredOperationName> opName =
        RegisteredOperationName::lookup(name, &context);
    if (!opName)
      return failure();
    OperationState state(loc, *opName);
    state.addOperands(entry->getArguments());
    state.types.append(numResults, word);
    if (name == "evm.pc")
      state.addAttribute("counter", builder.getI64IntegerAttr(0));
    if (name == "evm.jumpi")
      state.addSuccessors(next);
    Operation *op = builder.create(state);
    if (!op->hasTrait<OpTrait::IsTerminator>())
      builder.create<zkevmc::evm::StopOp>(loc);
    builder.setInsertionPointToEnd(next);
    builder.create<zkevmc::evm::StopOp>(loc);
    // Diagnostics from the failing cases are expected; keep them quiet.
    ScopedDiagnosticHandler quiet(&context,
                                  [](Diagnostic &) { return success(); });
    return verify(*module);
  }

  MLIRContext context;
};

std::string opNameOf(const OpcodeInfo &info) {
  return "evm." + StringRef(info.mnemonic).lower();
}

TEST_F(EvmDialectTest, EveryNonStackOpcodeIsAnOpWithItsStackArity) {
  unsigned ops = 0;
  for (const OpcodeInfo &info : zkevmc::opcodes::allOpcodes()) {
    if (info.opClass == zkevmc::opcodes::Stack)
      continue;
    ++ops;
    std::string name = opNameOf(info);
    EXPECT_TRUE(RegisteredOperationName::lookup(name, &context))
        << name << " is not registered";
    EXPECT_TRUE(succeeded(buildAndVerify(name, info.stackIn, info.stackOut)))
        << name << " does not verify with " << unsigned(info.stackIn)
        << " operands and " << unsigned(info.stackOut) << " results";
  }
  EXPECT_EQ(ops, 83u);
}

TEST_F(EvmDialectTest, WrongArityIsRejectedByTheVerifier) {
  for (const OpcodeInfo &info : zkevmc::opcodes::allOpcodes()) {
    if (info.opClass == zkevmc::opcodes::Stack)
      continue;
    std::string name = opNameOf(info);
    EXPECT_TRUE(failed(buildAndVerify(name, info.stackIn + 1, info.stackOut)))
        << name << " accepts an extra operand";
    EXPECT_TRUE(failed(buildAndVerify(name, info.stackIn, 1 - info.stackOut)))
        << name << " accepts a wrong number of results";
  }
}

TEST_F(EvmDialectTest, StackOpcodesAreNotOps) {
  for (const OpcodeInfo &info : zkevmc::opcodes::allOpcodes()) {
    if (info.opClass == zkevmc::opcodes::Stack) {
      EXPECT_FALSE(RegisteredOperationName::lookup(opNameOf(info), &context))
          << info.mnemonic;
    }
  }
}

TEST_F(EvmDialectTest, OpsCarryTheirOpcodeByte) {
  EXPECT_EQ(zkevmc::evm::AddOp::kOpcode, 0x01);
  EXPECT_EQ(zkevmc::evm::SarOp::kOpcode, 0x1d);
  EXPECT_EQ(zkevmc::evm::Log4Op::kOpcode, 0xa4);
  EXPECT_EQ(zkevmc::evm::SelfDestructOp::kOpcode, 0xff);
  for (uint8_t byte : {0x01, 0x1d, 0xa4, 0xff})
    ASSERT_NE(zkevmc::opcodes::lookupOpcode(byte), nullptr);
}

} // namespace
