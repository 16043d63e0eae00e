//===- Host.h - Messages, environments and the message-call host -*- C++ -*-=//
//
// The Host runs message frames against a State: it does what surrounds the
// bytecode of a frame (snapshots, value transfer, precompiles, contract
// creation and code deposit) and lets the interpreter call back into it for
// nested CALLs and CREATEs. One Host serves one transaction.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_EVM_HOST_H
#define ZKEVMC_RUNTIME_EVM_HOST_H

#include "runtime/evm/State.h"
#include "runtime/evm/Types.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace zkevmc::evm {

/// Cancun limits and constants used by more than one file.
constexpr int kMaxCallDepth = 1024;
constexpr size_t kMaxStackSize = 1024;
constexpr size_t kMaxCodeSize = 24576;
constexpr size_t kMaxInitCodeSize = 2 * kMaxCodeSize;

enum class CallKind { Call, CallCode, DelegateCall, Create, Create2 };

/// How a frame ended. Every status but Success and Revert is an exceptional
/// halt that consumes all of the frame's gas.
enum class Status {
  Success,
  Revert,
  OutOfGas,
  StackUnderflow,
  StackOverflow,
  BadJumpDestination,
  InvalidInstruction,   // the designated INVALID (0xfe)
  UndefinedInstruction, // a byte with no opcode
  StaticViolation,
  ReturnDataOutOfBounds,
  CodeTooLarge,      // EIP-170 code deposit over 24576 bytes
  InvalidCodePrefix, // EIP-3541 code starting with 0xef
  AddressCollision,
  /// A precompile rejected its input (a point off the curve, a malformed
  /// BLAKE2F call).
  PrecompileFailure,
  /// A precompile this interpreter does not implement: the whole
  /// transaction's result is unknown, reported as an error by the caller.
  Unsupported,
  /// Internal to the interpreter loop: the frame has not halted yet.
  Running,
};

const char *statusName(Status status);

struct Message {
  CallKind kind = CallKind::Call;
  bool isStatic = false;
  /// 0 for the transaction's own frame.
  int depth = 0;
  int64_t gas = 0;
  /// The account whose storage and balance the code acts on (ADDRESS). For
  /// creations the Host fills it in from the derivation rule.
  Address recipient{};
  /// CALLER.
  Address sender{};
  /// Where the code comes from (differs from recipient for CALLCODE and
  /// DELEGATECALL); unused for creations, whose code is `input`.
  Address codeAddress{};
  /// CALLVALUE. For DELEGATECALL the parent's value, which is not moved.
  U256 value;
  Bytes input;
  /// CREATE2 only.
  Hash salt{};
};

struct ExecResult {
  Status status = Status::Success;
  int64_t gasLeft = 0;
  /// RETURN or REVERT data.
  Bytes output;
  /// For successful creations.
  Address createdAddress{};
};

struct BlockEnv {
  uint64_t number = 0;
  uint64_t timestamp = 0;
  uint64_t gasLimit = 0;
  Address coinbase{};
  U256 baseFee;
  /// The header's mixHash (EIP-4399).
  Hash prevRandao{};
  U256 chainId = 1;
  uint64_t excessBlobGas = 0;
  Hash parentBeaconBlockRoot{};
  /// Hashes of earlier blocks by number, for BLOCKHASH.
  std::map<uint64_t, Hash> blockHashes;

  /// EIP-4844 blob base fee from excessBlobGas.
  U256 blobBaseFee() const;
};

struct TxEnv {
  Address origin{};
  /// The effective gas price (GASPRICE).
  U256 gasPrice;
  std::vector<Hash> blobHashes;
};

/// One executed instruction, recorded for witness generation. A step is
/// reported when its instruction completes, so the steps of a frame run by
/// CALL or CREATE come before the step of that CALL or CREATE.
struct TraceStep {
  uint64_t pc = 0;
  uint8_t opcode = 0;
  int depth = 0;
  /// Gas before the instruction, before any of its charges.
  int64_t gasBefore = 0;
  /// Top of stack first, as the opcode table counts them.
  std::vector<U256> inputs;
  /// Top of stack first; empty when the instruction halted the frame.
  std::vector<U256> outputs;
  /// Running, or how this instruction ended the frame.
  Status status = Status::Running;
};
using Tracer = std::function<void(const TraceStep &)>;

/// A tracer that appends every step to `steps` (which must outlive it).
inline Tracer recordTrace(std::vector<TraceStep> &steps) {
  return [&steps](const TraceStep &step) { steps.push_back(step); };
}

class Host {
public:
  Host(State &state, const BlockEnv &block, const TxEnv &tx)
      : state_(state), block_(block), tx_(tx) {}

  /// Runs a message call or creation with its own snapshot: on failure the
  /// frame's changes are rolled back.
  ExecResult call(const Message &message);

  State &state() { return state_; }
  const BlockEnv &block() const { return block_; }
  const TxEnv &tx() const { return tx_; }

  void setTracer(Tracer tracer) { tracer_ = std::move(tracer); }
  const Tracer &tracer() const { return tracer_; }

  /// Set when a frame needed something unimplemented; the frames above stop
  /// at once and the transaction reports it.
  const std::string &fatalError() const { return fatal_; }
  void setFatalError(std::string message) {
    if (fatal_.empty())
      fatal_ = std::move(message);
  }

private:
  ExecResult callMessage(const Message &message);
  ExecResult createMessage(const Message &message);

  State &state_;
  const BlockEnv &block_;
  const TxEnv &tx_;
  Tracer tracer_;
  std::string fatal_;
};

/// CREATE: keccak256(rlp([sender, nonce]))[12:].
Address createAddress(const Address &sender, uint64_t nonce);
/// CREATE2: keccak256(0xff ++ sender ++ salt ++ keccak256(initCode))[12:].
Address create2Address(const Address &sender, const Hash &salt,
                       const Bytes &initCode);

/// Precompiles 0x01-0x0a are always warm and never run bytecode.
bool isPrecompile(const Address &address);
/// Runs a precompile. Unsupported when this one is not implemented.
ExecResult runPrecompile(const Address &address, const Bytes &input,
                         int64_t gas);

} // namespace zkevmc::evm

#endif // ZKEVMC_RUNTIME_EVM_HOST_H
