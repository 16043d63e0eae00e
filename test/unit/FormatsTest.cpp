//===- FormatsTest.cpp - .r1cs .wtns .sym .zkey .ptau readers and writers -===//
//
// Round trips, byte layouts checked against hand-assembled files, and for
// every reader: truncation at every section boundary and at random offsets,
// bad magic and version, another prime, out-of-range indices, values >= p,
// points off the curve, and random byte corruption, each rejected with a
// message naming the file and the problem, never a crash. Interop with
// circom and snarkjs files is tested separately (test/interop).
//
//===----------------------------------------------------------------------===//

#include "runtime/formats/BinFile.h"
#include "runtime/formats/PtauFile.h"
#include "runtime/formats/R1csFile.h"
#include "runtime/formats/SymFile.h"
#include "runtime/formats/WtnsFile.h"
#include "runtime/formats/ZkeyFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include "gtest/gtest.h"

#include <cstring>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <vector>

using namespace zkevmc;
using namespace zkevmc::formats;
using bn254::Fq;
using bn254::Fr;
using bn254::G1Affine;
using bn254::G2Affine;
using Bytes = std::vector<uint8_t>;

namespace {

class FormatsTest : public ::testing::Test {
protected:
  void SetUp() override {
    llvm::SmallString<128> D;
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("zkevmc-formats", D));
    Dir = std::string(D);
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  std::string path(const std::string &Name) const { return Dir + "/" + Name; }

  std::string Dir;
};

Bytes readBytes(const std::string &Path) {
  std::ifstream In(Path, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(In), {});
}

void writeBytes(const std::string &Path, const Bytes &B) {
  // A fresh inode each time: ext4 flushes a file truncated and rewritten in
  // place on close (auto_da_alloc), which made these loops I/O-bound.
  llvm::sys::fs::remove(Path);
  std::ofstream Out(Path, std::ios::binary | std::ios::trunc);
  Out.write(reinterpret_cast<const char *>(B.data()),
            std::streamsize(B.size()));
}

/// The error's message, or "" on success.
template <typename T> std::string errorOf(llvm::Expected<T> V) {
  if (V)
    return "";
  return llvm::toString(V.takeError());
}
std::string errorOf(llvm::Error E) {
  return E ? llvm::toString(std::move(E)) : "";
}

/// Little-endian byte assembler for hand-built files.
struct Builder {
  Bytes B;
  Builder &str(const char *S) {
    // Byte by byte: GCC 12 -O3 misreports a range insert into an empty
    // vector as an overflow.
    for (; *S; ++S)
      B.push_back(uint8_t(*S));
    return *this;
  }
  Builder &u32(uint32_t V) {
    for (int I = 0; I < 4; ++I)
      B.push_back(uint8_t(V >> (8 * I)));
    return *this;
  }
  Builder &u64(uint64_t V) {
    for (int I = 0; I < 8; ++I)
      B.push_back(uint8_t(V >> (8 * I)));
    return *this;
  }
  Builder &limbs(const bn254::Limbs &L) {
    for (uint64_t W : L)
      u64(W);
    return *this;
  }
  Builder &bytes(const Bytes &O) {
    B.insert(B.end(), O.begin(), O.end());
    return *this;
  }
  Builder &section(uint32_t Type, const Bytes &Body) {
    u32(Type).u64(Body.size());
    return bytes(Body);
  }
};

/// Section boundaries of an iden3 file: after the 12-byte header and after
/// each section's 12-byte header and body.
std::vector<size_t> boundaries(const Bytes &F) {
  std::vector<size_t> Out = {0, 4, 8, 12};
  size_t Pos = 12;
  while (Pos + 12 <= F.size()) {
    uint64_t Len = readLE64(F.data() + Pos + 4);
    Out.push_back(Pos + 12);
    Pos += 12 + Len;
    Out.push_back(Pos);
  }
  return Out;
}

/// Every strict prefix cut at a section boundary, plus random cuts, must be
/// rejected with "truncated" and the file's name.
void expectTruncationsRejected(
    const std::string &Path, const Bytes &Full,
    const std::function<std::string(const std::string &)> &Read) {
  std::vector<size_t> Cuts = boundaries(Full);
  std::mt19937_64 Rng(42);
  for (int I = 0; I < 60; ++I)
    Cuts.push_back(size_t(Rng() % Full.size()));
  for (size_t Cut : Cuts) {
    if (Cut >= Full.size())
      continue;
    writeBytes(Path, Bytes(Full.begin(), Full.begin() + Cut));
    std::string Err = Read(Path);
    EXPECT_NE(Err.find("truncated"), std::string::npos)
        << "cut at " << Cut << ": '" << Err << "'";
    EXPECT_NE(Err.find(Path), std::string::npos) << Err;
  }
}

/// Random single-byte and multi-byte corruption: the reader either accepts
/// the file or reports an error; it must not crash or hang (ASan/UBSan
/// builds turn a bad read into a failure).
void corruptRandomly(
    const std::string &Path, const Bytes &Full,
    const std::function<std::string(const std::string &)> &Read, int Rounds) {
  std::mt19937_64 Rng(7);
  for (int I = 0; I < Rounds; ++I) {
    Bytes B = Full;
    int N = 1 + int(Rng() % 4);
    for (int K = 0; K < N; ++K)
      B[Rng() % B.size()] = uint8_t(Rng());
    writeBytes(Path, B);
    (void)Read(Path);
  }
}

void expectContains(const std::string &Err, const std::string &Want) {
  EXPECT_NE(Err.find(Want), std::string::npos)
      << "expected '" << Want << "' in '" << Err << "'";
}

Fr fr(uint64_t V) { return Fr::fromU64(V); }

//===----------------------------------------------------------------------===//
// A small circuit: out = x * y, z = out * x + 5 (as two constraints plus a
// linear one).
// wires: 0 one, 1 out (public output), 2 x (public input), 3 y (private),
// 4 z, 5 t = out * x.
//===----------------------------------------------------------------------===//

r1cs::R1cs sampleR1cs() {
  r1cs::R1cs R;
  R.NWires = 6;
  R.NPubOut = 1;
  R.NPubIn = 1;
  R.NPrvIn = 1;
  R.NLabels = 8;
  R.WireToLabel = {0, 1, 2, 3, 5, 7};
  R.Constraints.push_back({{{2, fr(1)}}, {{3, fr(1)}}, {{1, fr(1)}}});
  R.Constraints.push_back({{{1, fr(1)}}, {{2, fr(1)}}, {{5, fr(1)}}});
  // (5 + t) * 1 = z.
  R.Constraints.push_back(
      {{{0, fr(5)}, {5, fr(1)}}, {{0, fr(1)}}, {{4, fr(1)}}});
  return R;
}

r1cs::Witness sampleWitness() {
  // x = 3, y = 7: out = 21, t = 63, z = 68.
  return {fr(1), fr(21), fr(3), fr(7), fr(68), fr(63)};
}

Bytes coeffBytes(const Fr &V) {
  Bytes B(32);
  V.toBytesLE(B.data());
  return B;
}

/// The sample circuit as circom lays it out, assembled by hand.
Bytes handBuiltR1cs() {
  auto Term = [](Builder &B, uint32_t Wire, const Fr &C) {
    B.u32(Wire).bytes(coeffBytes(C));
  };
  Builder Cons;
  Cons.u32(1), Term(Cons, 2, fr(1)), Cons.u32(1), Term(Cons, 3, fr(1)),
      Cons.u32(1), Term(Cons, 1, fr(1));
  Cons.u32(1), Term(Cons, 1, fr(1)), Cons.u32(1), Term(Cons, 2, fr(1)),
      Cons.u32(1), Term(Cons, 5, fr(1));
  Cons.u32(2), Term(Cons, 0, fr(5)), Term(Cons, 5, fr(1)), Cons.u32(1),
      Term(Cons, 0, fr(1)), Cons.u32(1), Term(Cons, 4, fr(1));
  Builder Hdr;
  Hdr.u32(32).limbs(Fr::Modulus).u32(6).u32(1).u32(1).u32(1).u64(8).u32(3);
  Builder Labels;
  for (uint64_t L : {0, 1, 2, 3, 5, 7})
    Labels.u64(L);
  Builder F;
  F.str("r1cs").u32(1).u32(3);
  F.section(2, Cons.B).section(1, Hdr.B).section(3, Labels.B);
  return F.B;
}

void expectSameR1cs(const r1cs::R1cs &A, const r1cs::R1cs &B) {
  EXPECT_EQ(A.NWires, B.NWires);
  EXPECT_EQ(A.NPubOut, B.NPubOut);
  EXPECT_EQ(A.NPubIn, B.NPubIn);
  EXPECT_EQ(A.NPrvIn, B.NPrvIn);
  EXPECT_EQ(A.NLabels, B.NLabels);
  EXPECT_EQ(A.WireToLabel, B.WireToLabel);
  ASSERT_EQ(A.Constraints.size(), B.Constraints.size());
  for (size_t I = 0; I < A.Constraints.size(); ++I) {
    const r1cs::LinearCombination *X[] = {
        &A.Constraints[I].A, &A.Constraints[I].B, &A.Constraints[I].C};
    const r1cs::LinearCombination *Y[] = {
        &B.Constraints[I].A, &B.Constraints[I].B, &B.Constraints[I].C};
    for (int K = 0; K < 3; ++K) {
      ASSERT_EQ(X[K]->size(), Y[K]->size()) << I << " " << K;
      for (size_t T = 0; T < X[K]->size(); ++T) {
        EXPECT_EQ((*X[K])[T].Wire, (*Y[K])[T].Wire);
        EXPECT_EQ((*X[K])[T].Coeff, (*Y[K])[T].Coeff);
      }
    }
  }
}

} // namespace

//===----------------------------------------------------------------------===//
// BinFile
//===----------------------------------------------------------------------===//

TEST_F(FormatsTest, BinFileGivesSectionsByType) {
  Builder F;
  F.str("test").u32(3).u32(2).section(7, {1, 2, 3}).section(2, {});
  writeBytes(path("a.bin"), F.B);
  auto File = BinFile::open(path("a.bin"), "test", 1, 3);
  ASSERT_TRUE(bool(File)) << errorOf(std::move(File));
  EXPECT_EQ(File->version(), 3u);
  EXPECT_EQ(File->sectionOrder(), (std::vector<uint32_t>{7, 2}));
  auto S = File->section(7, "seven");
  ASSERT_TRUE(bool(S));
  ASSERT_EQ(S->Size, 3u);
  EXPECT_EQ(S->Data[2], 3);
  EXPECT_EQ(File->section(2, "two")->Size, 0u);
  expectContains(errorOf(File->section(1, "one")), "missing section 1 (one)");
  // Moving keeps the mapping alive.
  BinFile Moved = std::move(*File);
  EXPECT_EQ(Moved.section(7, "seven")->Data[0], 1);
}

TEST_F(FormatsTest, BinFileRejectsBadContainers) {
  auto Open = [&](const Bytes &B) {
    writeBytes(path("c.bin"), B);
    return errorOf(BinFile::open(path("c.bin"), "test", 1, 1));
  };
  expectContains(Open({}), "truncated header: needs 12 bytes, file has 0");
  expectContains(Open(Builder().str("tesT").u32(1).u32(0).B),
                 "bad magic 'tesT', expected 'test'");
  expectContains(Open(Builder().str("test").u32(2).u32(0).B),
                 "unsupported version 2 (supported: 1)");
  expectContains(
      Open(Builder().str("test").u32(1).u32(2).section(1, {}).section(1, {}).B),
      "duplicate section 1");
  expectContains(Open(Builder().str("test").u32(1).u32(1).u32(5).u64(100).B),
                 "truncated section 5: needs 100 bytes, 0 left");
  expectContains(Open(Builder().str("test").u32(1).u32(1).u32(5).u64(~0ull).B),
                 "truncated section 5");
  expectContains(Open(Builder().str("test").u32(1).u32(0).u32(9).B),
                 "4 unexpected bytes after the last of 0 sections");
  expectContains(errorOf(BinFile::open(path("nope"), "test", 1, 1)),
                 "nope: cannot open");
  expectContains(errorOf(BinFile::open(Dir, "test", 1, 1)), Dir);
}

TEST_F(FormatsTest, BinFileWriterPatchesSizesAndCountsSections) {
  {
    auto W = BinFileWriter::create(path("w.bin"), "abcd", 5, 2);
    ASSERT_TRUE(bool(W));
    ASSERT_FALSE(errorOf(W->beginSection(3)).size());
    W->writeU32(0x01020304);
    ASSERT_FALSE(errorOf(W->endSection()).size());
    ASSERT_FALSE(errorOf(W->beginSection(1)).size());
    W->writeU64(9);
    ASSERT_FALSE(errorOf(W->endSection()).size());
    ASSERT_EQ(errorOf(W->close()), "");
  }
  EXPECT_EQ(readBytes(path("w.bin")), Builder()
                                          .str("abcd")
                                          .u32(5)
                                          .u32(2)
                                          .section(3, {4, 3, 2, 1})
                                          .section(1, Builder().u64(9).B)
                                          .B);
  auto W = BinFileWriter::create(path("x.bin"), "abcd", 1, 2);
  ASSERT_TRUE(bool(W));
  ASSERT_EQ(errorOf(W->beginSection(1)), "");
  ASSERT_EQ(errorOf(W->endSection()), "");
  expectContains(errorOf(W->close()), "wrote 1 sections, promised 2");
  expectContains(
      errorOf(BinFileWriter::create(Dir + "/no/such/dir/f", "abcd", 1, 0)),
      "cannot create");
}

//===----------------------------------------------------------------------===//
// .r1cs
//===----------------------------------------------------------------------===//

TEST_F(FormatsTest, R1csWriterProducesCircomLayout) {
  ASSERT_EQ(errorOf(writeR1cs(sampleR1cs(), path("s.r1cs"))), "");
  EXPECT_EQ(readBytes(path("s.r1cs")), handBuiltR1cs());
}

TEST_F(FormatsTest, R1csRoundTrip) {
  r1cs::R1cs R = sampleR1cs();
  // A coefficient of p - 1 (= -1) and one of a full-width value.
  R.Constraints[2].A[1].Coeff = -fr(1);
  R.Constraints[0].B[0].Coeff =
      Fr::fromLimbsReduced({~0ull, ~0ull, ~0ull, 0x0fffffffffffffffull});
  ASSERT_EQ(errorOf(writeR1cs(R, path("r.r1cs"))), "");
  auto Back = readR1cs(path("r.r1cs"));
  ASSERT_TRUE(bool(Back)) << errorOf(std::move(Back));
  expectSameR1cs(R, *Back);
}

TEST_F(FormatsTest, R1csEmptyWireToLabelIsIdentity) {
  r1cs::R1cs R = sampleR1cs();
  R.WireToLabel.clear();
  ASSERT_EQ(errorOf(writeR1cs(R, path("i.r1cs"))), "");
  auto Back = readR1cs(path("i.r1cs"));
  ASSERT_TRUE(bool(Back));
  EXPECT_EQ(Back->WireToLabel, (std::vector<uint64_t>{0, 1, 2, 3, 4, 5}));
}

TEST_F(FormatsTest, R1csWriterRejectsInconsistentCircuits) {
  r1cs::R1cs R = sampleR1cs();
  R.Constraints[1].C[0].Wire = 6;
  expectContains(errorOf(writeR1cs(R, path("bad.r1cs"))),
                 "constraint 1 C: wire 6 out of range (NWires = 6)");
  EXPECT_FALSE(llvm::sys::fs::exists(path("bad.r1cs")));
  R = sampleR1cs();
  R.WireToLabel.pop_back();
  expectContains(errorOf(writeR1cs(R, path("bad.r1cs"))),
                 "WireToLabel has 5 entries, NWires is 6");
  R = sampleR1cs();
  R.NPrvIn = 4;
  expectContains(errorOf(writeR1cs(R, path("bad.r1cs"))),
                 "1 + outputs + inputs = 7 exceeds NWires = 6");
}

TEST_F(FormatsTest, R1csTruncationsRejected) {
  expectTruncationsRejected(
      path("t.r1cs"), handBuiltR1cs(),
      [](const std::string &P) { return errorOf(readR1cs(P)); });
}

TEST_F(FormatsTest, R1csBadMagicAndVersion) {
  Bytes B = handBuiltR1cs();
  B[0] = 'R';
  writeBytes(path("m.r1cs"), B);
  expectContains(errorOf(readR1cs(path("m.r1cs"))),
                 "m.r1cs: bad magic 'R1cs', expected 'r1cs'");
  B = handBuiltR1cs();
  B[4] = 2;
  writeBytes(path("v.r1cs"), B);
  expectContains(errorOf(readR1cs(path("v.r1cs"))),
                 "v.r1cs: unsupported version 2 (supported: 1)");
}

TEST_F(FormatsTest, R1csWrongPrimeNamed) {
  // Rebuild with BN254's base field q in place of r (a classic mix-up).
  Bytes B = handBuiltR1cs();
  size_t HeaderBody = 12 + 12 + readLE64(B.data() + 16) + 12;
  for (int I = 0; I < 32; ++I)
    B[HeaderBody + 4 + I] = uint8_t(Fq::Modulus[I / 8] >> (8 * (I % 8)));
  writeBytes(path("q.r1cs"), B);
  std::string Err = errorOf(readR1cs(path("q.r1cs")));
  expectContains(Err, "q.r1cs: section 1 (header): unsupported prime "
                      "21888242871839275222246405745257275088696311157297823662"
                      "689037894645226208583 (n8 = 32)");
  expectContains(Err, "only BN254's scalar field r = "
                      "21888242871839275222246405745257275088548364400416034343"
                      "698204186575808495617");
  // A 48-byte prime (BLS12-381's size) is named too.
  Builder Hdr;
  Hdr.u32(48).bytes(Bytes(48, 0x11)).u32(1).u32(0).u32(0).u32(0).u64(1).u32(0);
  Builder F;
  F.str("r1cs").u32(1).u32(3).section(1, Hdr.B).section(2, {}).section(
      3, Builder().u64(0).B);
  writeBytes(path("b.r1cs"), F.B);
  expectContains(errorOf(readR1cs(path("b.r1cs"))), "(n8 = 48)");
}

TEST_F(FormatsTest, R1csOutOfRangeWireAndCoefficient) {
  Bytes Good = handBuiltR1cs();
  // Constraint 0, A, term 0: wire at offset 12 + 12 + 4.
  Bytes B = Good;
  writeLE32(B.data() + 28, 6);
  writeBytes(path("w.r1cs"), B);
  expectContains(errorOf(readR1cs(path("w.r1cs"))),
                 "w.r1cs: section 2 (constraints): constraint 0 A term 0 "
                 "(offset 4): wire 6 out of range (nWires = 6)");
  // Its coefficient set to r exactly, then to 2^256 - 1.
  B = Good;
  for (int I = 0; I < 32; ++I)
    B[32 + I] = uint8_t(Fr::Modulus[I / 8] >> (8 * (I % 8)));
  writeBytes(path("c.r1cs"), B);
  expectContains(errorOf(readR1cs(path("c.r1cs"))),
                 "constraint 0 A term 0 (offset 4): coefficient "
                 "21888242871839275222246405745257275088548364400416034343698"
                 "204186575808495617 is not below the prime");
  std::memset(B.data() + 32, 0xff, 32);
  writeBytes(path("c.r1cs"), B);
  expectContains(errorOf(readR1cs(path("c.r1cs"))), "is not below the prime");
}

TEST_F(FormatsTest, R1csInconsistentCounts) {
  auto WithHeader = [&](uint32_t NWires, uint32_t NPrvIn, uint64_t NLabels,
                        uint32_t M) {
    Bytes B = handBuiltR1cs();
    size_t H = 12 + 12 + readLE64(B.data() + 16) + 12 + 36;
    writeLE32(B.data() + H, NWires);
    writeLE32(B.data() + H + 12, NPrvIn);
    writeLE64(B.data() + H + 16, NLabels);
    writeLE32(B.data() + H + 24, M);
    writeBytes(path("n.r1cs"), B);
    return errorOf(readR1cs(path("n.r1cs")));
  };
  EXPECT_EQ(WithHeader(6, 1, 8, 3), "");
  expectContains(WithHeader(6, 4, 8, 3),
                 "1 + nPubOut + nPubIn + nPrvIn = 7 exceeds nWires = 6");
  expectContains(WithHeader(0, 0, 8, 3), "nWires is 0");
  expectContains(WithHeader(6, 1, 6, 3),
                 "section 3 (wire-to-label map): wire 5 maps to label 7, not "
                 "below nLabels = 6");
  expectContains(WithHeader(7, 1, 8, 3),
                 "size 48 bytes, expected 8 * nWires = 56");
  expectContains(WithHeader(6, 1, 8, 2),
                 "section 2 (constraints): 156 unexpected bytes at the end");
  expectContains(WithHeader(6, 1, 8, 4), "truncated section 2 (constraints)");
  expectContains(WithHeader(6, 1, 8, 0xffffffffu),
                 "truncated: 4294967295 constraints need at least");
  // A term count far beyond the section.
  Bytes B = handBuiltR1cs();
  writeLE32(B.data() + 24, 0x7fffffff);
  writeBytes(path("t.r1cs"), B);
  expectContains(errorOf(readR1cs(path("t.r1cs"))),
                 "truncated: constraint 0 A: 2147483647 terms need");
}

TEST_F(FormatsTest, R1csMissingSectionsAndCustomGates) {
  Bytes B = handBuiltR1cs();
  // Drop section 3 (the last one) and fix the count.
  size_t S3 = B.size() - 12 - 48;
  Bytes NoLabels(B.begin(), B.begin() + S3);
  writeLE32(NoLabels.data() + 8, 2);
  writeBytes(path("m.r1cs"), NoLabels);
  expectContains(errorOf(readR1cs(path("m.r1cs"))),
                 "m.r1cs: missing section 3 (wire-to-label map)");
  Builder G;
  G.bytes(B).section(4, Builder().u32(0).B);
  writeLE32(G.B.data() + 8, 4);
  writeBytes(path("g.r1cs"), G.B);
  expectContains(errorOf(readR1cs(path("g.r1cs"))),
                 "g.r1cs: custom gates unsupported");
}

TEST_F(FormatsTest, R1csSurvivesRandomCorruption) {
  corruptRandomly(
      path("x.r1cs"), handBuiltR1cs(),
      [](const std::string &P) { return errorOf(readR1cs(P)); }, 3000);
}

//===----------------------------------------------------------------------===//
// .wtns and checkWitness
//===----------------------------------------------------------------------===//

Bytes handBuiltWtns(const r1cs::Witness &W) {
  Builder Hdr;
  Hdr.u32(32).limbs(Fr::Modulus).u32(uint32_t(W.size()));
  Builder Vals;
  for (const Fr &V : W)
    Vals.bytes(coeffBytes(V));
  Builder F;
  F.str("wtns").u32(2).u32(2).section(1, Hdr.B).section(2, Vals.B);
  return F.B;
}

TEST_F(FormatsTest, WtnsLayoutAndRoundTrip) {
  r1cs::Witness W = sampleWitness();
  W.push_back(-fr(1));
  ASSERT_EQ(errorOf(writeWtns(W, path("w.wtns"))), "");
  EXPECT_EQ(readBytes(path("w.wtns")), handBuiltWtns(W));
  auto Back = readWtns(path("w.wtns"));
  ASSERT_TRUE(bool(Back)) << errorOf(std::move(Back));
  EXPECT_EQ(*Back, W);
  // The empty witness is representable.
  ASSERT_EQ(errorOf(writeWtns({}, path("e.wtns"))), "");
  auto Empty = readWtns(path("e.wtns"));
  ASSERT_TRUE(bool(Empty));
  EXPECT_TRUE(Empty->empty());
}

TEST_F(FormatsTest, WtnsRejectsBadFiles) {
  Bytes Good = handBuiltWtns(sampleWitness());
  expectTruncationsRejected(path("t.wtns"), Good, [](const std::string &P) {
    return errorOf(readWtns(P));
  });
  Bytes B = Good;
  B[1] = 'x';
  writeBytes(path("m.wtns"), B);
  expectContains(errorOf(readWtns(path("m.wtns"))), "bad magic 'wxns'");
  B = Good;
  B[4] = 1;
  writeBytes(path("v.wtns"), B);
  expectContains(errorOf(readWtns(path("v.wtns"))),
                 "unsupported version 1 (supported: 2)");
  B = Good;
  B[24 + 4] ^= 1; // lowest byte of the prime
  writeBytes(path("p.wtns"), B);
  expectContains(errorOf(readWtns(path("p.wtns"))),
                 "p.wtns: section 1 (header): unsupported prime");
  B = Good;
  std::memset(B.data() + 12 + 12 + 40 + 12 + 32 * 3, 0xff, 32);
  writeBytes(path("r.wtns"), B);
  expectContains(errorOf(readWtns(path("r.wtns"))),
                 "section 2 (values): value 3 = "
                 "115792089237316195423570985008687907853269984665640564039457"
                 "584007913129639935 is not below the prime");
  B = Good;
  writeLE32(B.data() + 12 + 12 + 36, 7);
  writeBytes(path("n.wtns"), B);
  expectContains(errorOf(readWtns(path("n.wtns"))),
                 "section 2 (values): size 192 bytes, expected 32 * nWitness "
                 "= 224");
  corruptRandomly(
      path("x.wtns"), Good,
      [](const std::string &P) { return errorOf(readWtns(P)); }, 2000);
}

TEST_F(FormatsTest, CheckWitnessAcceptsAndNamesViolations) {
  r1cs::R1cs R = sampleR1cs();
  r1cs::Witness W = sampleWitness();
  EXPECT_EQ(errorOf(checkWitness(R, W)), "");
  W[5] = fr(64);
  EXPECT_EQ(errorOf(checkWitness(R, W)),
            "constraint 1 violated: A = 21, B = 3, A*B = 63, but C = 64");
  W = sampleWitness();
  W[4] = fr(67);
  expectContains(errorOf(checkWitness(R, W)), "constraint 2 violated");
  W = sampleWitness();
  W.pop_back();
  EXPECT_EQ(errorOf(checkWitness(R, W)),
            "witness for another circuit: 5 values, circuit has 6 wires");
  W = sampleWitness();
  W[0] = fr(2);
  expectContains(errorOf(checkWitness(R, W)),
                 "witness value 0 (the constant wire) is 2, not 1");
  // An in-memory circuit with a bad wire is an error, not a crash.
  R.Constraints[0].A[0].Wire = 99;
  expectContains(errorOf(checkWitness(R, sampleWitness())),
                 "constraint 0 A: wire 99 out of range (6 values)");
}

//===----------------------------------------------------------------------===//
// .sym
//===----------------------------------------------------------------------===//

TEST_F(FormatsTest, SymRoundTrip) {
  std::vector<r1cs::Symbol> S = {{1, 1, 1, "main.out"},
                                 {2, -1, 0, "main.sub.x"},
                                 {3, 2, 7, "main.a[0][1]"}};
  ASSERT_EQ(errorOf(writeSym(S, path("s.sym"))), "");
  Bytes B = readBytes(path("s.sym"));
  EXPECT_EQ(std::string(B.begin(), B.end()),
            "1,1,1,main.out\n2,-1,0,main.sub.x\n3,2,7,main.a[0][1]\n");
  auto Back = readSym(path("s.sym"));
  ASSERT_TRUE(bool(Back));
  ASSERT_EQ(Back->size(), 3u);
  EXPECT_EQ((*Back)[1].Wire, -1);
  EXPECT_EQ((*Back)[2].Component, 7u);
  EXPECT_EQ((*Back)[2].Name, "main.a[0][1]");
}

TEST_F(FormatsTest, SymParsing) {
  auto P = parseSym("1,2,3,a,b\r\n4,5,6,c", "x.sym");
  ASSERT_TRUE(bool(P));
  ASSERT_EQ(P->size(), 2u);
  EXPECT_EQ((*P)[0].Name, "a,b");
  EXPECT_EQ((*P)[1].Label, 4u);
  EXPECT_EQ(errorOf(parseSym("1,x,3,a\n", "x.sym")),
            "x.sym:1: bad wire id 'x'");
  EXPECT_EQ(errorOf(parseSym("1,1,1,a\n1,-2,1,b\n", "x.sym")),
            "x.sym:2: bad wire id '-2'");
  EXPECT_EQ(errorOf(parseSym("-1,1,1,a\n", "x.sym")),
            "x.sym:1: bad label id '-1'");
  EXPECT_EQ(errorOf(parseSym("1,1,a\n", "x.sym")),
            "x.sym:1: expected 'label,wire,component,name', got '1,1,a'");
  EXPECT_EQ(errorOf(parseSym("1,1,99999999999999999999,a\n", "x.sym")),
            "x.sym:1: bad component id '99999999999999999999'");
  EXPECT_EQ(errorOf(parseSym("1,1,1,\n", "x.sym")), "x.sym:1: empty name");
  EXPECT_EQ(errorOf(parseSym("1,1,1,a\rb\n", "x.sym")),
            "x.sym:1: carriage return in name");
  EXPECT_EQ(errorOf(parseSym("1,1,1,a\n\n2,2,2,b\n", "x.sym")),
            "x.sym:2: empty line");
  expectContains(errorOf(writeSym({{1, 1, 1, "a\nb"}}, path("n.sym"))),
                 "symbol 0 has an empty name or one with a line break");
  expectContains(errorOf(readSym(path("missing.sym"))),
                 "missing.sym: cannot read");
}

//===----------------------------------------------------------------------===//
// .zkey
//===----------------------------------------------------------------------===//

namespace {

G1Affine g1Mul(uint64_t K) {
  return bn254::G1(bn254::g1Generator()).mul(fr(K)).toAffine();
}
G2Affine g2Mul(uint64_t K) {
  return bn254::G2(bn254::g2Generator()).mul(fr(K)).toAffine();
}

/// A structurally valid key (points are multiples of the generators, not a
/// real setup): nVars 5, nPublic 2, domain 8.
ZkeyContents sampleZkey() {
  ZkeyContents K;
  K.Header.NVars = 5;
  K.Header.NPublic = 2;
  K.Header.DomainSize = 8;
  K.Header.Alpha1 = g1Mul(11);
  K.Header.Beta1 = g1Mul(12);
  K.Header.Delta1 = g1Mul(13);
  K.Header.Beta2 = g2Mul(12);
  K.Header.Gamma2 = g2Mul(14);
  K.Header.Delta2 = g2Mul(13);
  for (uint64_t I = 0; I < 3; ++I)
    K.IC.push_back(g1Mul(100 + I));
  K.Coeffs = {{0, 0, 1, fr(1)}, {1, 0, 3, -fr(1)}, {0, 4, 4, fr(123456789)}};
  for (uint64_t I = 0; I < 5; ++I) {
    K.A.push_back(g1Mul(200 + I));
    K.B1.push_back(g1Mul(300 + I));
    K.B2.push_back(g2Mul(400 + I));
  }
  K.A[2] = G1Affine::infinity();
  K.B2[3] = G2Affine::infinity();
  K.C = {g1Mul(500), g1Mul(501)};
  for (uint64_t I = 0; I < 8; ++I)
    K.H.push_back(g1Mul(600 + I));
  return K;
}

/// Offset of section Type's body in a zkey file.
size_t sectionBody(const Bytes &F, uint32_t Type) {
  size_t Pos = 12;
  while (Pos + 12 <= F.size()) {
    if (readLE32(F.data() + Pos) == Type)
      return Pos + 12;
    Pos += 12 + readLE64(F.data() + Pos + 4);
  }
  ADD_FAILURE() << "no section " << Type;
  return 0;
}

} // namespace

TEST_F(FormatsTest, ZkeyPointAndCoefficientCodecs) {
  // G1's generator (1, 2) in Montgomery form: x's bytes are R mod q.
  uint8_t B[128];
  encodeG1Mont(bn254::g1Generator(), B);
  Bytes X(B, B + 32);
  EXPECT_EQ(X, Builder().limbs(bn254::FqParams::R1).B);
  EXPECT_EQ(*decodeG1Mont(B), bn254::g1Generator());
  EXPECT_EQ(decodeG1MontUnchecked(B), bn254::g1Generator());
  encodeG2Mont(bn254::g2Generator(), B);
  EXPECT_EQ(*decodeG2Mont(B), bn254::g2Generator());
  EXPECT_EQ(decodeG2MontUnchecked(B), bn254::g2Generator());
  // x.c0 comes first.
  Bytes X0(B, B + 32);
  Bytes Want(32);
  bn254::g2Generator().X.C0.toMontgomeryBytesLE(Want.data());
  EXPECT_EQ(X0, Want);
  std::memset(B, 0, 128);
  EXPECT_TRUE(decodeG1Mont(B)->Infinity);
  EXPECT_TRUE(decodeG2Mont(B)->Infinity);
  encodeG1Mont(G1Affine::infinity(), B + 1);
  EXPECT_TRUE(decodeG1Mont(B + 1)->Infinity);
  // Off the curve, and a coordinate >= q.
  encodeG1Mont(bn254::g1Generator(), B);
  B[40] ^= 1;
  EXPECT_FALSE(decodeG1Mont(B).has_value());
  std::memset(B, 0xff, 64);
  EXPECT_FALSE(decodeG1Mont(B).has_value());
  encodeG2Mont(bn254::g2Generator(), B);
  B[100] ^= 1;
  EXPECT_FALSE(decodeG2Mont(B).has_value());

  // Section-4 values are v * R^2 mod r as plain integers: 1 encodes as
  // R^2 mod r.
  encodeZkeyCoefficient(fr(1), B);
  EXPECT_EQ(Bytes(B, B + 32), Builder().limbs(bn254::FrParams::R2).B);
  std::mt19937_64 Rng(3);
  for (int I = 0; I < 100; ++I) {
    Fr V = Fr::random(Rng);
    encodeZkeyCoefficient(V, B);
    EXPECT_EQ(decodeZkeyCoefficient(B), V);
    // Independently: the bytes as a canonical integer are v * R^2.
    Fr R2 = *Fr::fromLimbs(bn254::FrParams::R2);
    EXPECT_EQ(*Fr::fromBytesLE(B), V * R2);
  }
}

TEST_F(FormatsTest, ZkeyRoundTrip) {
  ZkeyContents K = sampleZkey();
  ASSERT_EQ(errorOf(writeZkey(K, path("k.zkey"))), "");
  auto Z = Zkey::open(path("k.zkey"));
  ASSERT_TRUE(bool(Z)) << errorOf(std::move(Z));
  EXPECT_EQ(errorOf(Z->validatePoints()), "");
  EXPECT_EQ(Z->header().NVars, 5u);
  EXPECT_EQ(Z->header().NPublic, 2u);
  EXPECT_EQ(Z->header().DomainSize, 8u);
  EXPECT_EQ(Z->header().Alpha1, K.Header.Alpha1);
  EXPECT_EQ(Z->header().Delta2, K.Header.Delta2);
  EXPECT_EQ(Z->ic(), K.IC);
  ASSERT_EQ(Z->coefficients().size(), 3u);
  EXPECT_EQ(Z->coefficients()[1].Matrix, 1u);
  EXPECT_EQ(Z->coefficients()[1].Signal, 3u);
  EXPECT_EQ(Z->coefficients()[1].Value, -fr(1));
  EXPECT_EQ(Z->coefficients()[2].Value, fr(123456789));
  EXPECT_EQ(Z->a().Count, 5u);
  EXPECT_EQ(Z->b2().Count, 5u);
  EXPECT_EQ(Z->c().Count, 2u);
  EXPECT_EQ(Z->h().Count, 8u);
  EXPECT_EQ(decodeG2MontUnchecked(Z->b2().Data + 4 * kG2Bytes), K.B2[4]);
  EXPECT_TRUE(decodeG1MontUnchecked(Z->a().Data + 2 * kG1Bytes).Infinity);
  // snarkjs setup's section order; a fresh key's section 10.
  EXPECT_EQ(Z->sectionOrder(),
            (std::vector<uint32_t>{1, 2, 4, 3, 9, 8, 5, 6, 7, 10}));
  EXPECT_EQ(Bytes(Z->contributions().Data,
                  Z->contributions().Data + Z->contributions().Size),
            Bytes(68, 0));

  auto L = loadZkeyContents(*Z);
  ASSERT_TRUE(bool(L));
  EXPECT_EQ(L->A, K.A);
  EXPECT_EQ(L->B2, K.B2);
  EXPECT_EQ(L->H, K.H);
  // Rewriting in another section order, then back, is lossless.
  L->SectionOrder = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  L->Contributions = Bytes(64, 0xab);
  L->Contributions.insert(L->Contributions.end(), {0, 0, 0, 0});
  ASSERT_EQ(errorOf(writeZkey(*L, path("k2.zkey"))), "");
  auto Z2 = Zkey::open(path("k2.zkey"));
  ASSERT_TRUE(bool(Z2)) << errorOf(std::move(Z2));
  EXPECT_EQ(Z2->circuitHash()[63], 0xab);
  auto L2 = loadZkeyContents(*Z2);
  ASSERT_TRUE(bool(L2));
  ASSERT_EQ(errorOf(writeZkey(*L2, path("k3.zkey"))), "");
  EXPECT_EQ(readBytes(path("k2.zkey")), readBytes(path("k3.zkey")));
}

TEST_F(FormatsTest, ZkeyUnknownSectionsAreDroppedOnRewrite) {
  ASSERT_EQ(errorOf(writeZkey(sampleZkey(), path("k.zkey"))), "");
  Builder B;
  B.bytes(readBytes(path("k.zkey"))).section(11, {1, 2, 3});
  writeLE32(B.B.data() + 8, 11);
  writeBytes(path("x.zkey"), B.B);
  auto Z = Zkey::open(path("x.zkey"));
  ASSERT_TRUE(bool(Z)) << errorOf(std::move(Z));
  auto K = loadZkeyContents(*Z);
  ASSERT_TRUE(bool(K));
  EXPECT_EQ(K->SectionOrder,
            (std::vector<uint32_t>{1, 2, 4, 3, 9, 8, 5, 6, 7, 10}));
  ASSERT_EQ(errorOf(writeZkey(*K, path("y.zkey"))), "");
  EXPECT_EQ(readBytes(path("y.zkey")), readBytes(path("k.zkey")));
}

TEST_F(FormatsTest, ZkeyWriterChecksSizes) {
  ZkeyContents K = sampleZkey();
  K.C.pop_back();
  expectContains(errorOf(writeZkey(K, path("b.zkey"))),
                 "C has 1 points, the header implies 2");
  K = sampleZkey();
  K.Header.DomainSize = 6;
  expectContains(errorOf(writeZkey(K, path("b.zkey"))),
                 "DomainSize 6 is not a power of two");
  K = sampleZkey();
  K.Coeffs[0].Signal = 5;
  expectContains(errorOf(writeZkey(K, path("b.zkey"))),
                 "coefficient 0 (matrix 0, constraint 0, signal 5) out of "
                 "range");
  K = sampleZkey();
  K.SectionOrder = {1, 2, 3};
  expectContains(errorOf(writeZkey(K, path("b.zkey"))),
                 "SectionOrder is not a permutation of 1..10");
}

TEST_F(FormatsTest, ZkeyRejectsBadFiles) {
  ASSERT_EQ(errorOf(writeZkey(sampleZkey(), path("k.zkey"))), "");
  const Bytes Good = readBytes(path("k.zkey"));
  auto Open = [&](const Bytes &B) {
    writeBytes(path("bad.zkey"), B);
    return errorOf(Zkey::open(path("bad.zkey")));
  };
  auto Patched = [&](uint32_t Type, size_t Off,
                     const std::function<void(uint8_t *)> &F) {
    Bytes B = Good;
    F(B.data() + sectionBody(B, Type) + Off);
    return Open(B);
  };
  expectTruncationsRejected(path("t.zkey"), Good, [](const std::string &P) {
    return errorOf(Zkey::open(P));
  });
  Bytes B = Good;
  B[3] = 'K';
  expectContains(Open(B), "bad magic 'zkeK', expected 'zkey'");
  B = Good;
  B[4] = 3;
  expectContains(Open(B), "unsupported version 3 (supported: 1..2)");
  expectContains(Patched(1, 0, [](uint8_t *P) { writeLE32(P, 2); }),
                 "section 1 (header): protocol 2 is not Groth16");
  // q and r swapped.
  expectContains(Patched(2, 4, [](uint8_t *P) { P[0] ^= 1; }),
                 "section 2 (Groth16 header): unsupported prime");
  expectContains(Patched(2, 40, [](uint8_t *P) { P[0] ^= 1; }),
                 "only BN254's scalar field r");
  const size_t Counts = 4 + 32 + 4 + 32;
  expectContains(Patched(2, Counts + 8, [](uint8_t *P) { writeLE32(P, 12); }),
                 "domainSize 12 is not a power of two");
  expectContains(Patched(2, Counts + 4, [](uint8_t *P) { writeLE32(P, 5); }),
                 "nPublic + 1 = 6 exceeds nVars = 5");
  expectContains(Patched(2, Counts + 4, [](uint8_t *P) { writeLE32(P, 3); }),
                 "section 3 (IC): size 192 bytes, expected 4 points of 64 "
                 "bytes = 256");
  // alpha1's y coordinate nudged off the curve; beta2 likewise.
  expectContains(Patched(2, Counts + 12 + 40, [](uint8_t *P) { P[0] ^= 1; }),
                 "section 2 (Groth16 header): alpha1 is not a point of G1");
  expectContains(
      Patched(2, Counts + 12 + 128 + 70, [](uint8_t *P) { P[0] ^= 1; }),
      "beta2 is not a point of G2");
  expectContains(Patched(3, 64 + 33, [](uint8_t *P) { P[0] ^= 1; }),
                 "section 3 (IC): point 1 is not a point of G1");
  // Coefficients: matrix, constraint, signal, value.
  expectContains(Patched(4, 4, [](uint8_t *P) { writeLE32(P, 2); }),
                 "coefficient 0: matrix 2 is not 0 (A) or 1 (B)");
  expectContains(Patched(4, 4 + 44 + 4, [](uint8_t *P) { writeLE32(P, 8); }),
                 "coefficient 1: constraint 8 not below domainSize = 8");
  expectContains(Patched(4, 4 + 8, [](uint8_t *P) { writeLE32(P, 5); }),
                 "coefficient 0: signal 5 not below nVars = 5");
  expectContains(
      Patched(4, 4 + 12, [](uint8_t *P) { std::memset(P, 0xff, 32); }),
      "coefficient 0: value "
      "115792089237316195423570985008687907853269984665640564039457584007913"
      "129639935 is not below the prime");
  expectContains(Patched(4, 0, [](uint8_t *P) { writeLE32(P, 4); }),
                 "section 4 (coefficients): size 136 bytes, expected 4 + 4 "
                 "coefficients * 44 = 180");
  // Point sections are sized by the header; their content is checked by
  // validatePoints.
  for (uint32_t Type : {5u, 6u, 7u, 8u, 9u}) {
    Bytes V = Good;
    V[sectionBody(V, Type) + 40] ^= 1;
    writeBytes(path("p.zkey"), V);
    auto Z = Zkey::open(path("p.zkey"));
    ASSERT_TRUE(bool(Z)) << errorOf(std::move(Z));
    expectContains(errorOf(Z->validatePoints()),
                   "section " + std::to_string(Type));
    expectContains(errorOf(Z->validatePoints()), "point 0 is not a valid");
    expectContains(errorOf(loadZkeyContents(*Z)), "point 0 is not on the");
  }
  // A missing contributions section.
  B = Good;
  B.resize(B.size() - 12 - 68);
  writeLE32(B.data() + 8, 9);
  expectContains(Open(B), "missing section 10 (contributions)");
  corruptRandomly(
      path("x.zkey"), Good,
      [](const std::string &P) {
        auto Z = Zkey::open(P);
        if (!Z)
          return errorOf(std::move(Z));
        std::string E = errorOf(Z->validatePoints());
        (void)errorOf(loadZkeyContents(*Z));
        return E;
      },
      300);
}

//===----------------------------------------------------------------------===//
// .ptau
//===----------------------------------------------------------------------===//

namespace {

Bytes g1s(uint64_t From, size_t N) {
  Bytes Out(N * kG1Bytes);
  for (size_t I = 0; I < N; ++I)
    encodeG1Mont(g1Mul(From + I), Out.data() + I * kG1Bytes);
  return Out;
}
Bytes g2s(uint64_t From, size_t N) {
  Bytes Out(N * kG2Bytes);
  for (size_t I = 0; I < N; ++I)
    encodeG2Mont(g2Mul(From + I), Out.data() + I * kG2Bytes);
  return Out;
}

/// A ptau of power 2 with distinct recognisable points (not a real
/// ceremony: point k*G at each slot).
Bytes handBuiltPtau(bool Prepared) {
  const size_t N = 4;
  Builder Hdr;
  Hdr.u32(32).limbs(Fq::Modulus).u32(2).u32(3);
  Builder F;
  F.str("ptau").u32(1).u32(Prepared ? 11 : 7);
  F.section(1, Hdr.B)
      .section(2, g1s(1, 2 * N - 1))
      .section(3, g2s(1, N))
      .section(4, g1s(20, N))
      .section(5, g1s(30, N))
      .section(6, g2s(40, 1))
      .section(7, Builder().u32(0).B);
  if (Prepared)
    F.section(12, g1s(100, 4 * N - 1))
        .section(13, g2s(200, 2 * N - 1))
        .section(14, g1s(300, 2 * N - 1))
        .section(15, g1s(400, 2 * N - 1));
  return F.B;
}

} // namespace

TEST_F(FormatsTest, PtauSectionsAndLagrangeBlocks) {
  writeBytes(path("p.ptau"), handBuiltPtau(true));
  auto P = Ptau::open(path("p.ptau"));
  ASSERT_TRUE(bool(P)) << errorOf(std::move(P));
  EXPECT_EQ(P->power(), 2u);
  EXPECT_EQ(P->ceremonyPower(), 3u);
  EXPECT_TRUE(P->prepared());
  EXPECT_EQ(P->tauG1().Count, 7u);
  EXPECT_EQ(P->tauG2().Count, 4u);
  EXPECT_EQ(P->betaG2().Count, 1u);
  EXPECT_EQ(decodeG1MontUnchecked(P->alphaTauG1().Data + kG1Bytes), g1Mul(21));
  EXPECT_EQ(decodeG2MontUnchecked(P->betaG2().Data), g2Mul(40));
  EXPECT_EQ(P->lagrangeTauG1().Count, 15u);
  EXPECT_EQ(P->lagrangeTauG2().Count, 7u);
  // The block for 2^k starts at index 2^k - 1.
  auto B2 = P->lagrangeBlock(P->lagrangeTauG1(), 2, kG1Bytes);
  ASSERT_TRUE(bool(B2));
  EXPECT_EQ(B2->Count, 4u);
  EXPECT_EQ(decodeG1MontUnchecked(B2->Data), g1Mul(103));
  auto B3 = P->lagrangeBlock(P->lagrangeTauG1(), 3, kG1Bytes);
  ASSERT_TRUE(bool(B3));
  EXPECT_EQ(decodeG1MontUnchecked(B3->Data + 7 * kG1Bytes), g1Mul(114));
  auto T1 = P->lagrangeBlock(P->lagrangeTauG2(), 1, kG2Bytes);
  ASSERT_TRUE(bool(T1));
  EXPECT_EQ(decodeG2MontUnchecked(T1->Data + kG2Bytes), g2Mul(202));
  expectContains(errorOf(P->lagrangeBlock(P->lagrangeTauG2(), 3, kG2Bytes)),
                 "domain 2^3 needs Lagrange points up to index 15, the "
                 "section holds 7 (power 2)");

  writeBytes(path("raw.ptau"), handBuiltPtau(false));
  auto R = Ptau::open(path("raw.ptau"));
  ASSERT_TRUE(bool(R)) << errorOf(std::move(R));
  EXPECT_FALSE(R->prepared());
  expectContains(errorOf(R->lagrangeBlock(R->lagrangeTauG1(), 1, kG1Bytes)),
                 "not prepared for phase 2");
}

TEST_F(FormatsTest, PtauRejectsBadFiles) {
  const Bytes Good = handBuiltPtau(true);
  expectTruncationsRejected(path("t.ptau"), Good, [](const std::string &P) {
    return errorOf(Ptau::open(P));
  });
  auto Open = [&](const Bytes &B) {
    writeBytes(path("b.ptau"), B);
    return errorOf(Ptau::open(path("b.ptau")));
  };
  Bytes B = Good;
  B[0] = 'P';
  expectContains(Open(B), "bad magic 'Ptau'");
  B = Good;
  B[4] = 2;
  expectContains(Open(B), "unsupported version 2");
  B = Good;
  B[24 + 4 + 31] ^= 0x80; // top byte of q
  expectContains(Open(B), "only BN254's base field q");
  B = Good;
  writeLE32(B.data() + 24 + 36, 4);
  expectContains(Open(B), "ceremonyPower 3 below power 4");
  writeLE32(B.data() + 24 + 36, 3); // power 3: sections too small
  expectContains(Open(B), "section 2 (tauG1): size 448 bytes, expected 15 "
                          "points of 64 bytes = 960");
  writeLE32(B.data() + 24 + 36, 0);
  expectContains(Open(B), "power 0 outside 1..28");
  // Only three of the four Lagrange sections.
  B = Good;
  size_t Last = B.size() - 12 - 7 * kG1Bytes;
  B.resize(Last);
  writeLE32(B.data() + 8, 10);
  expectContains(Open(B), "only 3 of the 4 Lagrange sections 12-15 present");
  corruptRandomly(
      path("x.ptau"), Good,
      [](const std::string &P) { return errorOf(Ptau::open(P)); }, 500);
}
