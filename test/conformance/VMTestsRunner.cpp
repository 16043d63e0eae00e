//===- VMTestsRunner.cpp - Ethereum VMTests (BlockchainTests) conformance -===//
//
// One parameterized GoogleTest per JSON file under BlockchainTests/
// GeneralStateTests/VMTests; each runs every Cancun case of its file through
// the reference interpreter and compares the whole post state (or the state
// root, where a case gives only postStateHash). The tests are read in place
// from ZKEVMC_ETHEREUM_TESTS, or ../shared/ethereum-tests beside the source
// tree.
//
//===----------------------------------------------------------------------===//

#include "runtime/evm/Keccak.h"
#include "runtime/evm/Rlp.h"
#include "runtime/evm/State.h"
#include "runtime/evm/Transaction.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace zkevmc;
using namespace zkevmc::evm;
using nlohmann::json;
namespace fs = std::filesystem;

#ifndef ZKEVMC_SOURCE_DIR
#define ZKEVMC_SOURCE_DIR "."
#endif

namespace {

std::atomic<unsigned> casesRun{0};
std::atomic<unsigned> casesPassed{0};

fs::path vmTestsDir() {
  const char *root = std::getenv("ZKEVMC_ETHEREUM_TESTS");
  fs::path base =
      root ? fs::path(root)
           : fs::path(ZKEVMC_SOURCE_DIR) / ".." / "shared" / "ethereum-tests";
  return base / "BlockchainTests" / "GeneralStateTests" / "VMTests";
}

std::vector<std::string> testFiles() {
  std::vector<std::string> files;
  std::error_code ec;
  fs::path dir = vmTestsDir();
  if (!fs::is_directory(dir, ec))
    return files;
  for (const auto &entry : fs::recursive_directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".json")
      files.push_back(fs::relative(entry.path(), dir).string());
  std::sort(files.begin(), files.end());
  return files;
}

// A parse failure of the test data: thrown inside one case and reported as
// that case's failure (the runner, not library code).
struct BadTestData {
  std::string what;
};

std::string str(const json &j, const char *key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string())
    throw BadTestData{std::string("missing string field ") + key};
  return it->get<std::string>();
}

U256 parseWord(const std::string &text) {
  std::string_view digits(text);
  if (digits.size() >= 2 && digits[0] == '0' && digits[1] == 'x') {
    digits.remove_prefix(2);
    while (!digits.empty() && digits.front() == '0')
      digits.remove_prefix(1);
    if (digits.empty())
      return U256();
    std::optional<U256> value = U256::fromString("0x" + std::string(digits));
    if (!value)
      throw BadTestData{"bad hex number " + text};
    return *value;
  }
  std::optional<U256> value = U256::fromString(text);
  if (!value)
    throw BadTestData{"bad number " + text};
  return *value;
}

uint64_t parseU64(const std::string &text) {
  U256 value = parseWord(text);
  if (!value.fitsUint64())
    throw BadTestData{"number too large: " + text};
  return value.limbs[0];
}

Bytes parseBytes(const std::string &text) {
  std::optional<Bytes> bytes = parseHex(text);
  if (!bytes)
    throw BadTestData{"bad hex bytes"};
  return *bytes;
}

Address parseAddr(const std::string &text) {
  std::optional<Address> address = parseAddress(text);
  if (!address)
    throw BadTestData{"bad address " + text};
  return *address;
}

Hash parseHash(const std::string &text) {
  Bytes bytes = parseBytes(text);
  if (bytes.size() != 32)
    throw BadTestData{"bad hash " + text};
  Hash hash;
  std::copy(bytes.begin(), bytes.end(), hash.begin());
  return hash;
}

std::map<Address, Account> parseAccounts(const json &accounts) {
  std::map<Address, Account> result;
  for (const auto &[key, value] : accounts.items()) {
    Account account;
    account.balance = parseWord(str(value, "balance"));
    account.nonce = parseU64(str(value, "nonce"));
    account.code = parseBytes(str(value, "code"));
    for (const auto &[slot, word] : value.at("storage").items()) {
      U256 v = parseWord(word.get<std::string>());
      if (!v.isZero())
        account.storage[parseWord(slot)] = v;
    }
    result[parseAddr(key)] = std::move(account);
  }
  return result;
}

Transaction parseTransaction(const json &j) {
  Transaction tx;
  if (j.contains("type"))
    tx.type = static_cast<uint8_t>(parseU64(str(j, "type")));
  tx.nonce = parseU64(str(j, "nonce"));
  if (j.contains("gasPrice"))
    tx.gasPrice = parseWord(str(j, "gasPrice"));
  if (j.contains("maxFeePerGas")) {
    tx.maxFeePerGas = parseWord(str(j, "maxFeePerGas"));
    tx.maxPriorityFeePerGas = parseWord(str(j, "maxPriorityFeePerGas"));
    if (!j.contains("type"))
      tx.type = 2;
  }
  tx.gasLimit = parseU64(str(j, "gasLimit"));
  std::string to = str(j, "to");
  if (!to.empty() && to != "0x")
    tx.to = parseAddr(to);
  tx.value = parseWord(str(j, "value"));
  tx.data = parseBytes(str(j, "data"));
  tx.sender = parseAddr(str(j, "sender"));
  if (j.contains("accessList")) {
    for (const json &entry : j.at("accessList")) {
      AccessListEntry parsed;
      parsed.address = parseAddr(str(entry, "address"));
      for (const json &key : entry.at("storageKeys"))
        parsed.storageKeys.push_back(parseWord(key.get<std::string>()));
      tx.accessList.push_back(std::move(parsed));
    }
  }
  if (j.contains("maxFeePerBlobGas"))
    tx.maxFeePerBlobGas = parseWord(str(j, "maxFeePerBlobGas"));
  if (j.contains("blobVersionedHashes")) {
    for (const json &hash : j.at("blobVersionedHashes"))
      tx.blobVersionedHashes.push_back(parseHash(hash.get<std::string>()));
    if (!j.contains("type"))
      tx.type = 3;
  }
  return tx;
}

BlockEnv parseBlockEnv(const json &header) {
  BlockEnv env;
  env.number = parseU64(str(header, "number"));
  env.timestamp = parseU64(str(header, "timestamp"));
  env.gasLimit = parseU64(str(header, "gasLimit"));
  env.coinbase = parseAddr(str(header, "coinbase"));
  if (header.contains("baseFeePerGas"))
    env.baseFee = parseWord(str(header, "baseFeePerGas"));
  env.prevRandao = parseHash(str(header, "mixHash"));
  if (header.contains("excessBlobGas"))
    env.excessBlobGas = parseU64(str(header, "excessBlobGas"));
  if (header.contains("parentBeaconBlockRoot"))
    env.parentBeaconBlockRoot = parseHash(str(header, "parentBeaconBlockRoot"));
  return env;
}

std::string hexWord(const U256 &word) { return word.toHex(); }

// The first difference between the state and the expectation, or "".
std::string compareState(const State &state, const json &expected) {
  std::map<Address, Account> want = parseAccounts(expected);
  const auto &have = state.accounts();
  for (const auto &[address, account] : want) {
    const Account *got = state.find(address);
    std::string name = "account " + toHex(address);
    if (!got)
      return name + ": missing";
    if (got->balance != account.balance)
      return name + ": balance expected " + account.balance.toDecimal() +
             ", got " + got->balance.toDecimal();
    if (got->nonce != account.nonce)
      return name + ": nonce expected " + std::to_string(account.nonce) +
             ", got " + std::to_string(got->nonce);
    if (got->code != account.code)
      return name + ": code differs";
    for (const auto &[key, value] : account.storage) {
      auto it = got->storage.find(key);
      U256 gotValue = it == got->storage.end() ? U256() : it->second;
      if (gotValue != value)
        return name + ": storage[" + hexWord(key) + "] expected " +
               hexWord(value) + ", got " + hexWord(gotValue);
    }
    for (const auto &[key, value] : got->storage)
      if (!account.storage.count(key))
        return name + ": extra storage[" + hexWord(key) +
               "] = " + hexWord(value);
  }
  for (const auto &[address, account] : have)
    if (!want.count(address))
      return "extra account " + toHex(address) +
             (account.isEmpty() ? " (empty)" : "");
  return "";
}

// Runs one test case; returns "" on a pass, else the first difference.
std::string runCase(const json &test) {
  State state(parseAccounts(test.at("pre")));
  std::map<uint64_t, Hash> hashes;
  const json &genesis = test.at("genesisBlockHeader");
  hashes[parseU64(str(genesis, "number"))] = parseHash(str(genesis, "hash"));
  std::string headerMismatch;
  for (const json &block : test.at("blocks")) {
    bool expectInvalid = block.contains("expectException");
    if (!block.contains("blockHeader")) {
      if (expectInvalid)
        continue; // undecodable: rejected
      return "block without a header";
    }
    const json &header = block.at("blockHeader");
    BlockEnv env = parseBlockEnv(header);
    env.blockHashes = hashes;
    std::vector<Transaction> txs;
    std::vector<Withdrawal> withdrawals;
    try {
      for (const json &tx : block.value("transactions", json::array()))
        txs.push_back(parseTransaction(tx));
      for (const json &w : block.value("withdrawals", json::array()))
        withdrawals.push_back(
            {parseAddr(str(w, "address")), parseU64(str(w, "amount"))});
    } catch (const BadTestData &) {
      if (expectInvalid)
        continue;
      throw;
    }
    State working = state;
    llvm::Expected<BlockResult> result =
        applyBlock(working, env, txs, withdrawals);
    std::string problem;
    if (!result) {
      problem = llvm::toString(result.takeError());
      if (!expectInvalid &&
          problem.rfind("unsupported", 0) != std::string::npos)
        return problem;
    } else {
      uint64_t wantGas = parseU64(str(header, "gasUsed"));
      if (result->gasUsed != wantGas)
        problem = "block gasUsed expected " + std::to_string(wantGas) +
                  ", got " + std::to_string(result->gasUsed);
      else if (stateRoot(working.accounts()) !=
               parseHash(str(header, "stateRoot")))
        problem = "block stateRoot differs";
    }
    if (expectInvalid) {
      if (problem.empty())
        return "block accepted, expected exception " +
               block.at("expectException").get<std::string>();
      continue; // rejected: not applied
    }
    if (!result)
      return "block rejected: " + problem;
    if (!problem.empty() && headerMismatch.empty())
      headerMismatch = problem;
    state = std::move(working);
    hashes[env.number] = parseHash(str(header, "hash"));
  }
  if (test.contains("postState")) {
    std::string diff = compareState(state, test.at("postState"));
    if (!diff.empty())
      return diff;
  } else if (test.contains("postStateHash")) {
    Hash want = parseHash(str(test, "postStateHash"));
    Hash got = stateRoot(state.accounts());
    if (want != got)
      return "state root expected " + toHex(want) + ", got " + toHex(got);
  } else {
    return "no postState or postStateHash";
  }
  return headerMismatch;
}

class VMTests : public ::testing::TestWithParam<std::string> {};

TEST_P(VMTests, File) {
  fs::path path = vmTestsDir() / GetParam();
  std::ifstream in(path);
  ASSERT_TRUE(in) << "cannot open " << path;
  std::stringstream text;
  text << in.rdbuf();
  json file = json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  ASSERT_FALSE(file.is_discarded()) << "bad JSON in " << path;
  for (const auto &[name, test] : file.items()) {
    if (test.value("network", "") != "Cancun")
      continue;
    ++casesRun;
    std::string failure;
    try {
      failure = runCase(test);
    } catch (const BadTestData &bad) {
      failure = "bad test data: " + bad.what;
    } catch (const json::exception &e) {
      failure = std::string("bad test data: ") + e.what();
    }
    if (failure.empty())
      ++casesPassed;
    else
      ADD_FAILURE() << GetParam() << " " << name << ": " << failure;
  }
}

std::string paramName(const ::testing::TestParamInfo<std::string> &info) {
  std::string name;
  for (char c : info.param)
    name.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cancun, VMTests, ::testing::ValuesIn(testFiles()),
                         paramName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(VMTests);

} // namespace

int main(int argc, char **argv) {
  ::testing::InitGoogleTest(&argc, argv);
  if (testFiles().empty())
    std::cerr << "no VMTests found under " << vmTestsDir() << "\n";
  int status = RUN_ALL_TESTS();
  std::cout << "VMTests: " << casesRun << " cases run, " << casesPassed
            << " passed, " << (casesRun - casesPassed) << " failed\n";
  return status;
}
