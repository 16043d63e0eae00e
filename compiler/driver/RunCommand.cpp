//===- RunCommand.cpp - zkevmc run ----------------------------------------===//
//
// Runs code as the callee of one message call in the reference interpreter
// and reports status, return data, gas, storage and logs.
//
//===----------------------------------------------------------------------===//

#include "compiler/bytecode/Bytecode.h"
#include "compiler/driver/Commands.h"
#include "runtime/evm/Transaction.h"

#include "opcodes/OpcodeTable.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

using namespace llvm;
using namespace zkevmc::evm;
using zkevmc::U256;

namespace zkevmc::driver {

cl::SubCommand
    runCommand("run",
               "Run code as the callee of one message call (reference EVM)");

namespace {

cl::opt<std::string> codeArg("code", cl::Required,
                             cl::desc("The code: hex, or a file of hex"),
                             cl::value_desc("hex|file"), cl::sub(runCommand));
cl::opt<std::string> calldataArg("calldata", cl::desc("Call data as hex"),
                                 cl::value_desc("hex"), cl::init(""),
                                 cl::sub(runCommand));
cl::opt<std::string>
    valueArg("value",
             cl::desc("Wei sent with the call (decimal or 0x hex); the caller "
                      "is funded with exactly this much"),
             cl::value_desc("n"), cl::init("0"), cl::sub(runCommand));
cl::opt<std::string>
    callerArg("caller", cl::desc("CALLER and ORIGIN"), cl::value_desc("addr"),
              cl::init("0x000000000000000000000000000000000000cafe"),
              cl::sub(runCommand));
cl::opt<std::string>
    addressArg("address", cl::desc("The callee's address (ADDRESS)"),
               cl::value_desc("addr"),
               cl::init("0x000000000000000000000000000000000000c0de"),
               cl::sub(runCommand));
cl::opt<std::string> gasArg("gas", cl::desc("Gas for the call"),
                            cl::value_desc("n"), cl::init("10000000"),
                            cl::sub(runCommand));
cl::opt<std::string> storageArg(
    "storage",
    cl::desc("JSON object of the callee's storage before the call: "
             "{\"0x<slot>\": \"0x<value>\", ...} (decimal also accepted)"),
    cl::value_desc("file.json"), cl::sub(runCommand));
cl::opt<bool> traceArg("trace",
                       cl::desc("Print one line per executed instruction to "
                                "stderr"),
                       cl::sub(runCommand));
cl::opt<bool> jsonArg("json", cl::desc("Print exactly one JSON object"),
                      cl::sub(runCommand));

Error inputError(const Twine &message) {
  return createStringError(inconvertibleErrorCode(), message);
}

Expected<U256> parseWord(StringRef what, StringRef text) {
  std::optional<U256> value = U256::fromString(text.trim());
  if (!value)
    return inputError(what + ": '" + text +
                      "' is not a number below 2^256 (decimal or 0x hex)");
  return *value;
}

Expected<Address> parseAddressArg(StringRef what, StringRef text) {
  StringRef digits = text.trim();
  std::optional<Address> address;
  if (digits.consume_front("0x") && digits.size() == 40)
    address = parseAddress(text.trim());
  if (!address)
    return inputError(what + ": '" + text +
                      "' is not an address (0x and 40 hex digits)");
  return *address;
}

// Reads `{"slot": "value", ...}`; every key and value must be a word.
Error loadStorage(State &state, const Address &address) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> buffer =
      MemoryBuffer::getFile(storageArg);
  if (!buffer)
    return inputError(storageArg +
                      ": cannot read: " + buffer.getError().message());
  nlohmann::json json;
  try {
    json = nlohmann::json::parse((*buffer)->getBuffer().begin(),
                                 (*buffer)->getBuffer().end());
  } catch (const nlohmann::json::parse_error &e) {
    return inputError(storageArg + ": not valid JSON at byte " + Twine(e.byte) +
                      "");
  }
  if (!json.is_object())
    return inputError(storageArg +
                      ": expected an object of slot -> value strings");
  for (auto &[key, value] : json.items()) {
    Expected<U256> slot = parseWord(storageArg + ": slot", key);
    if (!slot)
      return slot.takeError();
    if (!value.is_string())
      return inputError(storageArg + ": slot " + key +
                        ": the value must be a string, got " + value.dump());
    Expected<U256> word =
        parseWord(storageArg + ": slot " + key, value.get<std::string>());
    if (!word)
      return word.takeError();
    state.setStorage(address, *slot, *word);
  }
  return Error::success();
}

void printTraceStep(const TraceStep &step) {
  const zkevmc::opcodes::OpcodeInfo *info =
      zkevmc::opcodes::lookupOpcode(step.opcode);
  std::string name =
      info ? info->mnemonic : formatv("0x{0:x-2}", unsigned(step.opcode)).str();
  auto words = [](const std::vector<U256> &ws) {
    std::string text;
    for (const U256 &w : ws)
      text += (text.empty() ? "" : " ") + w.toHex();
    return text;
  };
  errs() << formatv("depth={0} pc={1} op={2} gas={3} in=[{4}] out=[{5}]",
                    step.depth, step.pc, name, step.gasBefore,
                    words(step.inputs), words(step.outputs));
  if (step.status != Status::Running && step.status != Status::Success)
    errs() << " " << statusName(step.status);
  errs() << "\n";
}

Error run() {
  Expected<std::vector<uint8_t>> code = zkevmc::bytecode::loadCode(codeArg);
  if (!code)
    return code.takeError();
  std::optional<Bytes> calldata = parseHex(calldataArg);
  if (!calldata)
    return inputError("--calldata: '" + calldataArg + "' is not hex");
  Expected<U256> value = parseWord("--value", valueArg);
  if (!value)
    return value.takeError();
  Expected<Address> caller = parseAddressArg("--caller", callerArg);
  if (!caller)
    return caller.takeError();
  Expected<Address> callee = parseAddressArg("--address", addressArg);
  if (!callee)
    return callee.takeError();
  Expected<U256> gas = parseWord("--gas", gasArg);
  if (!gas)
    return gas.takeError();
  if (!gas->fitsUint64() || gas->limbs[0] > uint64_t(INT64_MAX))
    return inputError("--gas: must be below 2^63");

  State state;
  state.setCode(*callee, *code);
  state.setBalance(*caller, *value);
  if (!storageArg.empty())
    if (Error err = loadStorage(state, *callee))
      return err;

  BlockEnv block;
  block.number = 1;
  block.timestamp = 1;
  block.gasLimit = 30000000;
  TxEnv tx;
  tx.origin = *caller;
  Message message;
  message.sender = *caller;
  message.recipient = *callee;
  message.codeAddress = *callee;
  message.value = *value;
  message.input = *calldata;
  message.gas = int64_t(gas->limbs[0]);

  Tracer tracer;
  if (traceArg)
    tracer = printTraceStep;
  Expected<ExecResult> result =
      executeMessage(state, block, tx, message, tracer);
  if (!result)
    return result.takeError();

  nlohmann::ordered_json out;
  bool ok = result->status == Status::Success;
  bool reverted = result->status == Status::Revert;
  out["status"] = ok ? "success" : reverted ? "revert" : "error";
  if (!ok && !reverted)
    out["error"] = statusName(result->status);
  out["returndata"] = toHex(result->output);
  out["gasUsed"] = message.gas - result->gasLeft;
  out["storage"] = nlohmann::ordered_json::object();
  if (const Account *account = state.find(*callee))
    for (const auto &[slot, word] : account->storage)
      if (!word.isZero())
        out["storage"][slot.toHex()] = word.toHex();
  out["logs"] = nlohmann::ordered_json::array();
  for (const Log &log : state.logs()) {
    nlohmann::ordered_json topics = nlohmann::ordered_json::array();
    for (const Hash &topic : log.topics)
      topics.push_back(toHex(topic));
    out["logs"].push_back({{"topics", topics}, {"data", toHex(log.data)}});
  }

  if (jsonArg) {
    outs() << out.dump() << "\n";
    return Error::success();
  }
  outs() << "status:     " << out["status"].get<std::string>();
  if (out.contains("error"))
    outs() << " (" << out["error"].get<std::string>() << ")";
  outs() << "\nreturndata: " << out["returndata"].get<std::string>()
         << "\ngas used:   " << out["gasUsed"].get<int64_t>() << "\n";
  for (auto &[slot, word] : out["storage"].items())
    outs() << "storage:    " << slot << " = " << word.get<std::string>()
           << "\n";
  for (auto &log : out["logs"])
    outs() << "log:        " << log.dump() << "\n";
  return Error::success();
}

} // namespace

int runRun() {
  if (Error err = run()) {
    WithColor::error(errs(), "zkevmc") << toString(std::move(err)) << "\n";
    return 1;
  }
  return 0;
}

} // namespace zkevmc::driver
