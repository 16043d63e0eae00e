//===- EvmOps.td - The evm dialect's operations ------------*- tablegen -*-===//
//
// The operations are the non-stack records of the opcode table.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_DIALECTS_EVM_IR_EVMOPS_TD
#define ZKEVMC_DIALECTS_EVM_IR_EVMOPS_TD

include "opcodes/Opcodes.td"

#endif // ZKEVMC_DIALECTS_EVM_IR_EVMOPS_TD
