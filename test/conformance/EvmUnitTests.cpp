//===- EvmUnitTests.cpp - Unit tests of the reference EVM interpreter -----===//
//
// What the VMTests do not reach: hash and address vectors, the EIP-3529
// SSTORE table, nested calls and creations, reverts, static calls,
// transient storage, EIP-6780 SELFDESTRUCT, tracing and transaction fees.
//
//===----------------------------------------------------------------------===//

#include "runtime/evm/Keccak.h"
#include "runtime/evm/Rlp.h"
#include "runtime/evm/State.h"
#include "runtime/evm/Transaction.h"

#include <gtest/gtest.h>

using namespace zkevmc;
using namespace zkevmc::evm;

namespace {

Bytes hex(const std::string &text) { return *parseHex(text); }
Address addr(const std::string &text) { return *parseAddress(text); }
Address small(uint8_t last) {
  Address a{};
  a[0] = 0x10; // not a precompile
  a[19] = last;
  return a;
}
std::string addrHex(const Address &a) { return toHex(a).substr(2); }

const Address kSender = small(0xee);
const Address kA = small(0xaa);
const Address kB = small(0xbb);
const Address kC = small(0xcc);

// Runs `code` at kA as a call from kSender with `gas`.
struct Harness {
  State state;
  BlockEnv block;
  TxEnv tx;
  llvm::Expected<ExecResult> result = ExecResult{};
  int64_t gas = 1000000;
  U256 value;

  Harness() {
    block.number = 10;
    block.gasLimit = 30000000;
    block.coinbase = small(0xcb);
    tx.origin = kSender;
    state.setBalance(kSender, U256(1000000));
  }
  void setContract(const Address &at, const std::string &code,
                   uint64_t balance = 0) {
    state.setCode(at, hex(code));
    state.setNonce(at, 1);
    state.setBalance(at, U256(balance));
  }
  ExecResult &call(const Tracer &tracer = {}) {
    Message message;
    message.gas = gas;
    message.sender = kSender;
    message.recipient = kA;
    message.codeAddress = kA;
    message.value = value;
    result = executeMessage(state, block, tx, message, tracer);
    EXPECT_TRUE(static_cast<bool>(result))
        << llvm::toString(result.takeError());
    return *result;
  }
  U256 slot(const Address &at, uint64_t key) {
    return state.storage(at, U256(key));
  }
};

TEST(Keccak, PublishedVectors) {
  EXPECT_EQ(
      toHex(keccak256(nullptr, 0)),
      "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  Bytes abc = {'a', 'b', 'c'};
  EXPECT_EQ(
      toHex(keccak256(abc)),
      "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
}

TEST(Addresses, Create) {
  Address sender = addr("0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0");
  EXPECT_EQ(toHex(createAddress(sender, 0)),
            "0xcd234a471b72ba2f1ccf0a70fcaba648a5eecd8d");
  EXPECT_EQ(toHex(createAddress(sender, 1)),
            "0x343c43a37d37dff08ae8c4a11544c718abb4fcf8");
}

TEST(Addresses, Create2Eip1014) {
  Hash zero{};
  EXPECT_EQ(toHex(create2Address(Address{}, zero, hex("0x00"))),
            "0x4d1a2e2bb4f88f0250f26ffff098b0b30b26bf38");
  EXPECT_EQ(
      toHex(create2Address(addr("0xdeadbeef00000000000000000000000000000000"),
                           zero, hex("0x00"))),
      "0xb928f69bb1d91cd65274e3c79d8986362984fda3");
  Hash cafe = toHash(U256(0xcafebabe));
  EXPECT_EQ(
      toHex(create2Address(addr("0x00000000000000000000000000000000deadbeef"),
                           cafe, hex("0xdeadbeef"))),
      "0x60f3f640a8508fc6a86d45df051962668e1e8ac7");
  EXPECT_EQ(toHex(create2Address(Address{}, zero, Bytes{})),
            "0xe33c0c7f7df4809055c3eba6c09cfe4baf1bd9e0");
}

TEST(Trie, EmptyRoot) {
  EXPECT_EQ(
      toHex(stateRoot({})),
      "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
}

// EIP-3529's table (warm slot); the first access here is cold: +2100.
TEST(Sstore, Eip3529Table) {
  struct Case {
    const char *code;
    int64_t used;
    int64_t refund;
    uint64_t original;
  } cases[] = {
      {"60006000556000600055", 212, 0, 0},
      {"60006000556001600055", 20112, 0, 0},
      {"60016000556000600055", 20112, 19900, 0},
      {"60016000556002600055", 20112, 0, 0},
      {"60016000556001600055", 20112, 0, 0},
      {"60006000556000600055", 3012, 4800, 1},
      {"60006000556001600055", 3012, 2800, 1},
      {"60006000556002600055", 3012, 0, 1},
      {"60026000556000600055", 3012, 4800, 1},
      {"60026000556003600055", 3012, 0, 1},
      {"60026000556001600055", 3012, 2800, 1},
      {"60026000556002600055", 3012, 0, 1},
      {"60016000556000600055", 3012, 4800, 1},
      {"60016000556002600055", 3012, 0, 1},
      {"60016000556001600055", 212, 0, 1},
      {"600160005560006000556001600055", 40118, 19900, 0},
      {"600060005560016000556000600055", 5918, 7600, 1},
  };
  for (const Case &c : cases) {
    Harness run;
    run.setContract(kA, c.code);
    if (c.original)
      run.state.setStorage(kA, U256(0), U256(c.original));
    ExecResult &r = run.call();
    EXPECT_EQ(r.status, Status::Success) << c.code;
    EXPECT_EQ(run.gas - r.gasLeft, c.used + 2100) << c.code;
    EXPECT_EQ(run.state.refund(), c.refund) << c.code;
  }
}

TEST(Calls, CallWithValue) {
  Harness run;
  // CALL(gas, B, 1, 0, 0, 0, 0); SSTORE(0, result)
  run.setContract(kA,
                  "60006000600060006001"
                  "73" +
                      addrHex(kB) + "5af160005500",
                  10);
  // SSTORE(0, CALLVALUE); SSTORE(1, CALLER)
  run.setContract(kB, "3460005533600155");
  EXPECT_EQ(run.call().status, Status::Success);
  EXPECT_EQ(run.slot(kA, 0), U256(1));
  EXPECT_EQ(run.slot(kB, 0), U256(1));
  EXPECT_EQ(run.slot(kB, 1), fromAddress(kA));
  EXPECT_EQ(run.state.balance(kA), U256(9));
  EXPECT_EQ(run.state.balance(kB), U256(1));
}

TEST(Calls, ExactGasOfColdCalls) {
  // CALL(0, C, value, 0, 0, 0, 0) to a missing account: warm 100 + cold
  // 2500, plus for value 9000 + 25000 new account, less the 2300 stipend
  // that comes back unused.
  for (int value : {0, 1}) {
    Harness run;
    run.setContract(kA,
                    "600060006000600060" + std::string(value ? "01" : "00") +
                        "73" + addrHex(kC) + "6000f100",
                    10);
    ExecResult &r = run.call();
    EXPECT_EQ(r.status, Status::Success);
    int64_t expected = 7 * 3 + 100 + 2500;
    if (value)
      expected += 9000 + 25000 - 2300;
    EXPECT_EQ(run.gas - r.gasLeft, expected) << "value " << value;
    // A zero-value call does not create the account.
    EXPECT_EQ(run.state.exists(kC), value == 1);
  }
}

TEST(Calls, RevertRollsBackAndReturnsData) {
  Harness run;
  // B: SSTORE(0,1); MSTORE(0,42); REVERT(0,32)
  run.setContract(kB, "6001600055602a60005260206000fd");
  // A: CALL(gas, B, 0, 0, 0, 0, 32); SSTORE(0, result);
  //    SSTORE(1, MLOAD(0)); SSTORE(2, RETURNDATASIZE)
  run.setContract(kA, "60206000600060006000"
                      "73" +
                          addrHex(kB) +
                          "5af1600055600051600155"
                          "3d60025500");
  EXPECT_EQ(run.call().status, Status::Success);
  EXPECT_EQ(run.slot(kA, 0), U256(0));
  EXPECT_EQ(run.slot(kA, 1), U256(42));
  EXPECT_EQ(run.slot(kA, 2), U256(32));
  EXPECT_EQ(run.slot(kB, 0), U256(0));
}

TEST(Calls, StaticCallCannotWrite) {
  Harness run;
  run.setContract(kB, "6001600055");
  // STATICCALL(10000, B, 0, 0, 0, 0); SSTORE(0, result); SSTORE(1, 1).
  // The failed call burns what it was given, so give it little.
  run.setContract(kA, "6000600060006000"
                      "73" +
                          addrHex(kB) + "612710fa600055600160015500");
  EXPECT_EQ(run.call().status, Status::Success);
  EXPECT_EQ(run.slot(kA, 0), U256(0));
  EXPECT_EQ(run.slot(kA, 1), U256(1));
  EXPECT_EQ(run.slot(kB, 0), U256(0));
}

TEST(Calls, UnimplementedPrecompileIsAnError) {
  Harness run;
  // CALL(gas, 0x08 (BN254 pairing), 0, 0, 0, 0, 0)
  run.setContract(kA, "600060006000600060006008"
                      "5af100");
  Message message;
  message.gas = 100000;
  message.sender = kSender;
  message.recipient = kA;
  message.codeAddress = kA;
  llvm::Expected<ExecResult> result =
      executeMessage(run.state, run.block, run.tx, message);
  ASSERT_FALSE(static_cast<bool>(result));
  EXPECT_NE(llvm::toString(result.takeError()).find("not implemented"),
            std::string::npos);
}

TEST(Create, DeploysCode) {
  Harness run;
  // MSTORE(0, 0x6001600 0f3 = RETURN(0, 1) of zeroed memory);
  // CREATE(0, 27, 5); SSTORE(0, address)
  run.setContract(kA, "6460016000f3600052"
                      "6005601b6000f0600055"
                      "00");
  EXPECT_EQ(run.call().status, Status::Success);
  Address created = createAddress(kA, 1);
  EXPECT_EQ(run.slot(kA, 0), fromAddress(created));
  EXPECT_EQ(run.state.nonce(kA), 2u);
  EXPECT_EQ(run.state.nonce(created), 1u);
  EXPECT_EQ(run.state.code(created), hex("0x00"));
}

TEST(Create, RejectsEfPrefix) {
  Harness run;
  // The failed creation burns 63/64 of the gas: leave enough for after.
  run.gas = 10000000;
  // Init code: MSTORE8(0, 0xef); RETURN(0, 1). CREATE(0, 22, 10).
  run.setContract(kA, "6960ef60005360016000f3600052"
                      "600a60166000f0600055"
                      "600160015500");
  EXPECT_EQ(run.call().status, Status::Success);
  EXPECT_EQ(run.slot(kA, 0), U256(0));
  EXPECT_EQ(run.slot(kA, 1), U256(1));
  EXPECT_EQ(run.state.nonce(kA), 2u);
  EXPECT_FALSE(run.state.exists(createAddress(kA, 1)));
}

TEST(SelfDestruct, Eip6780KeepsOldAccounts) {
  Harness run;
  run.setContract(kA, "73" + addrHex(kC) + "ff", 5);
  EXPECT_EQ(run.call().status, Status::Success);
  EXPECT_TRUE(run.state.exists(kA));
  EXPECT_FALSE(run.state.code(kA).empty());
  EXPECT_EQ(run.state.balance(kA), U256(0));
  EXPECT_EQ(run.state.balance(kC), U256(5));
}

TEST(SelfDestruct, Eip6780DeletesNewAccounts) {
  Harness run;
  // Init code SELFDESTRUCT(C) (22 bytes) at memory 10; CREATE(3, 10, 22).
  run.setContract(kA,
                  "75"
                  "73" +
                      addrHex(kC) +
                      "ff"
                      "600052"
                      "6016600a6003f000",
                  10);
  EXPECT_EQ(run.call().status, Status::Success);
  EXPECT_FALSE(run.state.exists(createAddress(kA, 1)));
  EXPECT_EQ(run.state.balance(kC), U256(3));
  EXPECT_EQ(run.state.balance(kA), U256(7));
  EXPECT_EQ(run.state.nonce(kA), 2u);
}

TEST(TransientStorage, LivesForOneTransaction) {
  Harness run;
  // TSTORE(1, 7); SSTORE(0, TLOAD(1)); SSTORE(1, TLOAD(2) + 1)
  run.setContract(kA, "600760015d60015c600055"
                      "60025c600101600155");
  EXPECT_EQ(run.call().status, Status::Success);
  EXPECT_EQ(run.slot(kA, 0), U256(7));
  EXPECT_EQ(run.slot(kA, 1), U256(1));
  // A second transaction starts with empty transient storage.
  run.setContract(kA, "60015c600255");
  EXPECT_EQ(run.call().status, Status::Success);
  EXPECT_EQ(run.slot(kA, 2), U256(0));
}

TEST(Trace, RecordsStepsWithStackEffects) {
  Harness run;
  run.setContract(kA, "600260030100");
  std::vector<TraceStep> steps;
  run.call(recordTrace(steps));
  ASSERT_EQ(steps.size(), 4u);
  EXPECT_EQ(steps[0].pc, 0u);
  EXPECT_EQ(steps[0].opcode, 0x60);
  EXPECT_EQ(steps[0].gasBefore, run.gas);
  EXPECT_EQ(steps[0].outputs, std::vector<U256>{U256(2)});
  EXPECT_EQ(steps[2].pc, 4u);
  EXPECT_EQ(steps[2].opcode, 0x01);
  EXPECT_EQ(steps[2].gasBefore, run.gas - 6);
  EXPECT_EQ(steps[2].inputs, (std::vector<U256>{U256(3), U256(2)}));
  EXPECT_EQ(steps[2].outputs, std::vector<U256>{U256(5)});
  EXPECT_EQ(steps[3].status, Status::Success);
}

TEST(Transactions, FeesAndValidity) {
  State state;
  U256 initial = U256(1000000000000000000ull);
  state.setBalance(kSender, initial);
  state.finalizeTransaction();
  BlockEnv block;
  block.number = 1;
  block.gasLimit = 30000000;
  block.baseFee = 7;
  block.coinbase = small(0xcb);
  Transaction tx;
  tx.gasPrice = 10;
  tx.gasLimit = 21000;
  tx.to = kB;
  tx.value = 5;
  tx.sender = kSender;
  llvm::Expected<TxReceipt> receipt =
      applyTransaction(state, block, tx, block.gasLimit);
  ASSERT_TRUE(static_cast<bool>(receipt))
      << llvm::toString(receipt.takeError());
  EXPECT_EQ(receipt->gasUsed, 21000u);
  EXPECT_EQ(state.balance(kSender), initial - U256(5 + 21000 * 10));
  EXPECT_EQ(state.balance(kB), U256(5));
  EXPECT_EQ(state.balance(block.coinbase), U256(21000 * 3));
  EXPECT_EQ(state.nonce(kSender), 1u);
  // Replaying the same nonce is invalid and changes nothing.
  llvm::Expected<TxReceipt> again =
      applyTransaction(state, block, tx, block.gasLimit);
  EXPECT_FALSE(static_cast<bool>(again));
  llvm::consumeError(again.takeError());
  EXPECT_EQ(state.nonce(kSender), 1u);
}

} // namespace

namespace {

TEST(Logs, Log2GasAndContent) {
  Harness run;
  // MSTORE8(3, 0x7f); LOG2(0, 4, topic0 = 0xaa, topic1 = 0xbb)
  run.setContract(kA, "607f600353"
                      "60bb60aa60046000a200");
  ExecResult &r = run.call();
  EXPECT_EQ(r.status, Status::Success);
  // 6 pushes, MSTORE8 3 + one memory word 3, LOG2 375 * 3 + 8 * 4.
  EXPECT_EQ(run.gas - r.gasLeft, 6 * 3 + 3 + 3 + 375 * 3 + 8 * 4);
  ASSERT_EQ(run.state.logs().size(), 1u);
  const Log &log = run.state.logs()[0];
  EXPECT_EQ(log.address, kA);
  ASSERT_EQ(log.topics.size(), 2u);
  EXPECT_EQ(fromHash(log.topics[0]), U256(0xaa));
  EXPECT_EQ(fromHash(log.topics[1]), U256(0xbb));
  EXPECT_EQ(log.data, hex("0x0000007f"));
}

TEST(Calls, DelegateCallKeepsContext) {
  Harness run;
  // B: SSTORE(0, CALLER); SSTORE(1, CALLVALUE); SSTORE(2, ADDRESS)
  run.setContract(kB, "336000553460015530600255");
  // A: DELEGATECALL(gas, B, 0, 0, 0, 0); SSTORE(3, result)
  run.setContract(kA, "6000600060006000"
                      "73" +
                          addrHex(kB) + "5af460035500");
  run.value = 3;
  EXPECT_EQ(run.call().status, Status::Success);
  EXPECT_EQ(run.slot(kA, 0), fromAddress(kSender));
  EXPECT_EQ(run.slot(kA, 1), U256(3));
  EXPECT_EQ(run.slot(kA, 2), fromAddress(kA));
  EXPECT_EQ(run.slot(kA, 3), U256(1));
  EXPECT_TRUE(run.state.accounts().at(kB).storage.empty());
}

TEST(Calls, CallCodeRunsInCallerStorage) {
  Harness run;
  run.setContract(kB, "336000553060025500");
  // A: CALLCODE(gas, B, 0, 0, 0, 0, 0)
  run.setContract(kA, "60006000600060006000"
                      "73" +
                          addrHex(kB) + "5af200");
  EXPECT_EQ(run.call().status, Status::Success);
  EXPECT_EQ(run.slot(kA, 0), fromAddress(kA));
  EXPECT_EQ(run.slot(kA, 2), fromAddress(kA));
}

TEST(Create, ExactGasOfEmptyCreation) {
  Harness run;
  // CREATE(0, 0, 0); SSTORE(0, address)
  run.setContract(kA, "600060006000f060005500");
  ExecResult &r = run.call();
  EXPECT_EQ(r.status, Status::Success);
  EXPECT_EQ(run.gas - r.gasLeft, 3 * 3 + 32000 + 3 + 22100);
  Address created = createAddress(kA, 1);
  EXPECT_EQ(run.slot(kA, 0), fromAddress(created));
  EXPECT_TRUE(run.state.exists(created));
  EXPECT_EQ(run.state.nonce(created), 1u);
}

TEST(Create, Create2UsesSalt) {
  Harness run;
  // CREATE2(0, 0, 0, salt 0x42); SSTORE(0, address)
  run.setContract(kA, "6042600060006000f560005500");
  ExecResult &r = run.call();
  EXPECT_EQ(r.status, Status::Success);
  EXPECT_EQ(run.slot(kA, 0),
            fromAddress(create2Address(kA, toHash(U256(0x42)), Bytes{})));
}

TEST(Precompiles, IdentityAndModexp) {
  Address identity{};
  identity[19] = 4;
  ExecResult r = runPrecompile(identity, hex("0x0102"), 100);
  EXPECT_EQ(r.status, Status::Success);
  EXPECT_EQ(r.output, hex("0x0102"));
  EXPECT_EQ(r.gasLeft, 100 - 18);
  // 3^5 mod 7 = 5, one byte each.
  Address modexp{};
  modexp[19] = 5;
  Bytes input(96, 0);
  input[31] = 1;
  input[63] = 1;
  input[95] = 1;
  input.push_back(3);
  input.push_back(5);
  input.push_back(7);
  r = runPrecompile(modexp, input, 1000);
  EXPECT_EQ(r.status, Status::Success);
  EXPECT_EQ(r.output, hex("0x05"));
  EXPECT_EQ(r.gasLeft, 800);
}

} // namespace

namespace {

TEST(Precompiles, EcrecoverOfALegacyTransaction) {
  // A pre-EIP-155 transaction: nonce 0, gas price 10, gas 80000000, to
  // 0xcc..cc, value 1, a 36-byte call; its signing hash is keccak256 of the
  // RLP of those six fields.
  Bytes data = hex("0x693c6139");
  data.resize(36, 0);
  Bytes to(20, 0xcc);
  Bytes message = rlp::encodeList(
      {rlp::encodeUint(uint64_t(0)), rlp::encodeUint(uint64_t(10)),
       rlp::encodeUint(uint64_t(80000000)), rlp::encodeBytes(to),
       rlp::encodeUint(uint64_t(1)), rlp::encodeBytes(data)});
  Hash hash = keccak256(message);
  Bytes input(hash.begin(), hash.end());
  Hash v = toHash(U256(27));
  input.insert(input.end(), v.begin(), v.end());
  Bytes rs =
      hex("0xe8ff56322287185f6afd3422a825b47bf5c1a4ccf0dc0389cdc03f7c1c32b7ea"
          "776b02f9f5773238d3ff36b74a123f409cd6420908d7855bbe4c8ff63e00d698");
  input.insert(input.end(), rs.begin(), rs.end());
  Address ecrecover{};
  ecrecover[19] = 1;
  ExecResult r = runPrecompile(ecrecover, input, 3500);
  EXPECT_EQ(r.status, Status::Success);
  EXPECT_EQ(r.gasLeft, 500);
  EXPECT_EQ(
      toHex(r.output),
      "0x000000000000000000000000a94f5374fce5edbc8e2a8697c15331677e6ebf0b");
  // A v other than 27 or 28 recovers nothing but still costs the gas.
  input[63] = 29;
  r = runPrecompile(ecrecover, input, 3500);
  EXPECT_EQ(r.status, Status::Success);
  EXPECT_TRUE(r.output.empty());
  EXPECT_EQ(r.gasLeft, 500);
}

} // namespace

namespace {

// EIP-152's fifth vector: F with 12 rounds over "abc" is BLAKE2b-512("abc").
TEST(Precompiles, Blake2fEip152) {
  // rounds, h = the BLAKE2b IV with the parameter block (64-byte digest,
  // no key) folded into h[0], m = "abc", t = 3, f = 1.
  const uint64_t iv[8] = {0x6a09e667f3bcc908ull ^ 0x01010040ull,
                          0xbb67ae8584caa73bull,
                          0x3c6ef372fe94f82bull,
                          0xa54ff53a5f1d36f1ull,
                          0x510e527fade682d1ull,
                          0x9b05688c2b3e6c1full,
                          0x1f83d9abfb41bd6bull,
                          0x5be0cd19137e2179ull};
  Bytes input = {0, 0, 0, 12};
  for (uint64_t word : iv)
    for (int i = 0; i < 8; ++i)
      input.push_back(static_cast<uint8_t>(word >> (8 * i)));
  Bytes block(128, 0);
  block[0] = 'a';
  block[1] = 'b';
  block[2] = 'c';
  input.insert(input.end(), block.begin(), block.end());
  Bytes counter(16, 0);
  counter[0] = 3;
  input.insert(input.end(), counter.begin(), counter.end());
  input.push_back(1);
  ASSERT_EQ(input.size(), 213u);
  Address blake2f{};
  blake2f[19] = 9;
  ExecResult r = runPrecompile(blake2f, input, 20);
  EXPECT_EQ(r.status, Status::Success);
  EXPECT_EQ(r.gasLeft, 8);
  EXPECT_EQ(toHex(r.output),
            "0xba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
            "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
  input[212] = 2; // the final-block flag must be 0 or 1
  EXPECT_EQ(runPrecompile(blake2f, input, 20).status,
            Status::PrecompileFailure);
}

} // namespace

namespace {

Bytes word(const U256 &value) {
  Hash hash = toHash(value);
  return Bytes(hash.begin(), hash.end());
}

Bytes concat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const Bytes &part : parts)
    out.insert(out.end(), part.begin(), part.end());
  return out;
}

// Self-consistency of BN254 G1: G + G = 2G, and the group order n sends G
// to infinity.
TEST(Precompiles, Bn254AddAndMul) {
  Address add{}, mul{};
  add[19] = 6;
  mul[19] = 7;
  Bytes g = concat({word(U256(1)), word(U256(2))});
  ExecResult sum = runPrecompile(add, concat({g, g}), 1000);
  ASSERT_EQ(sum.status, Status::Success);
  EXPECT_EQ(sum.gasLeft, 850);
  ExecResult twice = runPrecompile(mul, concat({g, word(U256(2))}), 10000);
  ASSERT_EQ(twice.status, Status::Success);
  EXPECT_EQ(twice.gasLeft, 4000);
  EXPECT_EQ(sum.output, twice.output);
  EXPECT_EQ(toHex(sum.output),
            "0x030644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd3"
            "15ed738c0e0a7c92e7845f96b2ae9c0a68a6a449e3538fc7ff3ebf7a5a18a2c4");
  U256 order =
      *U256::fromString("0x30644e72e131a029b85045b68181585d2833e84879b9"
                        "709143e1f593f0000001");
  ExecResult none = runPrecompile(mul, concat({g, word(order)}), 10000);
  ASSERT_EQ(none.status, Status::Success);
  EXPECT_EQ(none.output, Bytes(64, 0));
  // (1, 3) is not on the curve.
  Bytes off = concat({word(U256(1)), word(U256(3))});
  EXPECT_EQ(runPrecompile(add, concat({off, g}), 1000).status,
            Status::PrecompileFailure);
}

} // namespace
