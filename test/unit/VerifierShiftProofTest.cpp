// The shift family's proofs: SHL, SHR, SAR, BYTE and SIGNEXTEND from the
// library are proved sound, complete and deterministic by the case splits
// (GadgetCheck.cpp), through the own proofs of @bits_n and @is_zero, which
// are proved too. Each query normally takes well under a second; the
// generous per-query limit only keeps a loaded machine from turning a proof
// into `unknown`.

#include "verifier/IntSpec.h"
#include "verifier/OpcodeAudit.h"

#include "compiler/pipeline/Pipeline.h"
#include "opcodes/OpcodeTable.h"

#include "mlir/IR/MLIRContext.h"

#include "gtest/gtest.h"

#include <string>

using namespace zkevmc::verifier;

namespace {

class VerifierShiftProofTest : public ::testing::TestWithParam<const char *> {};

TEST_P(VerifierShiftProofTest, LibraryGadgetIsProved) {
  std::string mnemonic = GetParam();
  const zkevmc::opcodes::OpcodeInfo *info =
      zkevmc::opcodes::lookupOpcodeByMnemonic(mnemonic);
  ASSERT_NE(info, nullptr);
  mlir::MLIRContext context;
  zkevmc::registerDialects(context);
  auto module = mlir::ModuleOp::create(mlir::UnknownLoc::get(&context));
  CheckOptions options;
  options.timeoutMs = 120000;
  auto audit = auditOpcodeLibrary(module, {info->byte}, options);
  ASSERT_TRUE(static_cast<bool>(audit)) << llvm::toString(audit.takeError());
  ASSERT_GE(audit->rows.size(), 3u);
  // The gadget first, then its callees: a BITS sub-circuit for the small
  // operand's low bits and @is_zero for its in-range test.
  EXPECT_EQ(audit->rows[0].opcode, mnemonic);
  bool callsIsZero = false;
  for (const GadgetAudit &row : audit->rows) {
    callsIsZero |= row.opcode == "is_zero";
    const char *names[] = {"soundness", "completeness", "determinism"};
    for (unsigned p = 0; p < 3; ++p)
      EXPECT_EQ(row.results[p].verdict, Verdict::Proved)
          << row.opcode << " " << names[p] << ": " << row.results[p].reason;
  }
  EXPECT_TRUE(callsIsZero);
  EXPECT_TRUE(audit->allProved());
  // Soundness went through the split on the small operand's low bits: one
  // case per value (256 for the shifts, 32 for BYTE and SIGNEXTEND), each
  // split again on the is-zero output.
  const CheckResult &sound = audit->rows[0].results[0];
  EXPECT_NE(sound.method.find("cases of the small operand's low bits"),
            std::string::npos)
      << sound.method;
  unsigned bound = smallOperandBound(mnemonic);
  ASSERT_TRUE(bound == 256 || bound == 32) << mnemonic;
  EXPECT_EQ(sound.queries, 2 * bound);
  module->erase();
}

INSTANTIATE_TEST_SUITE_P(Shifts, VerifierShiftProofTest,
                         ::testing::Values("SHL", "SHR", "SAR", "BYTE",
                                           "SIGNEXTEND"),
                         [](const auto &info) { return info.param; });

} // namespace
