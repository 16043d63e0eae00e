//===- BinFile.h - The iden3 sectioned binary container ---------*- C++ -*-===//
//
// .r1cs, .wtns, .zkey and .ptau all share one container: a 4-byte magic, a
// u32 version, a u32 section count, then sections {u32 type, u64 size,
// bytes}, all little-endian. BinFile maps a file read-only and hands out each
// section as (pointer, size); BinFileWriter streams sections to disk and
// patches each section's size when it ends, so large sections never have to
// be assembled in memory.
//
//===----------------------------------------------------------------------===//

#ifndef ZKEVMC_RUNTIME_FORMATS_BINFILE_H
#define ZKEVMC_RUNTIME_FORMATS_BINFILE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace zkevmc::formats {

/// The bytes of one section inside a mapped file.
struct SectionRef {
  const uint8_t *Data = nullptr;
  uint64_t Size = 0;
};

/// A read-only memory map of an iden3 binary file. The file stays open and
/// mapped while the object lives; section pointers die with it.
class BinFile {
public:
  /// Maps Path and checks the container: the magic (exactly 4 bytes), the
  /// version (MinVersion..MaxVersion), that every section header and body
  /// lies inside the file, that no section type appears twice, and that no
  /// bytes follow the last section.
  static llvm::Expected<BinFile> open(llvm::StringRef Path,
                                      llvm::StringRef Magic,
                                      uint32_t MinVersion, uint32_t MaxVersion);

  BinFile(BinFile &&O) noexcept;
  BinFile &operator=(BinFile &&O) noexcept;
  BinFile(const BinFile &) = delete;
  BinFile &operator=(const BinFile &) = delete;
  ~BinFile();

  llvm::StringRef path() const { return Path; }
  uint32_t version() const { return Version; }
  uint64_t fileSize() const { return Size; }
  bool has(uint32_t Type) const { return Sections.count(Type) != 0; }

  /// The section of the given type; an error naming the file, the type and
  /// What (e.g. "constraints") when the file has none.
  llvm::Expected<SectionRef> section(uint32_t Type, llvm::StringRef What) const;

  /// The section types present, in file order.
  const std::vector<uint32_t> &sectionOrder() const { return Order; }

  /// An error "<path>: <Msg>", the house format for bad input.
  llvm::Error error(const llvm::Twine &Msg) const;

private:
  BinFile() = default;
  void release();

  std::string Path;
  int Fd = -1;
  const uint8_t *Base = nullptr;
  uint64_t Size = 0;
  uint32_t Version = 0;
  std::map<uint32_t, SectionRef> Sections;
  std::vector<uint32_t> Order;
};

/// Bounds-checked little-endian reading inside one section; every failure
/// is an error that names the file, the section and what was being read.
class SectionReader {
public:
  SectionReader(const BinFile &File, SectionRef Sec, uint32_t Type,
                llvm::StringRef What)
      : File(File), Sec(Sec), Type(Type), What(What) {}

  uint64_t offset() const { return Pos; }
  uint64_t remaining() const { return Sec.Size - Pos; }
  const uint8_t *current() const { return Sec.Data + Pos; }

  llvm::Expected<uint32_t> u32(llvm::StringRef Field);
  llvm::Expected<uint64_t> u64(llvm::StringRef Field);
  /// N raw bytes; the returned pointer stays valid while the file lives.
  llvm::Expected<const uint8_t *> bytes(uint64_t N, llvm::StringRef Field);
  /// Error unless every byte of the section was consumed.
  llvm::Error expectEnd();
  /// "<path>: section <type> (<what>): <Msg>".
  llvm::Error error(const llvm::Twine &Msg) const;

private:
  const BinFile &File;
  SectionRef Sec;
  uint32_t Type;
  std::string What;
  uint64_t Pos = 0;
};

/// Streams an iden3 binary file. Usage: create, then for each section
/// beginSection / write... / endSection, then close. The section count given
/// to create must match the sections written.
class BinFileWriter {
public:
  static llvm::Expected<BinFileWriter> create(llvm::StringRef Path,
                                              llvm::StringRef Magic,
                                              uint32_t Version,
                                              uint32_t NSections);

  BinFileWriter(BinFileWriter &&O) noexcept;
  BinFileWriter &operator=(BinFileWriter &&O) noexcept;
  BinFileWriter(const BinFileWriter &) = delete;
  BinFileWriter &operator=(const BinFileWriter &) = delete;
  /// Closes the file if close() was not called (errors are then lost).
  ~BinFileWriter();

  llvm::Error beginSection(uint32_t Type);
  void write(const void *Data, size_t N);
  void writeU32(uint32_t V);
  void writeU64(uint64_t V);
  llvm::Error endSection();
  /// Flushes and closes; reports any write error and a section count that
  /// differs from the one promised to create().
  llvm::Error close();

private:
  BinFileWriter() = default;

  std::string Path;
  std::FILE *F = nullptr;
  uint32_t Promised = 0, Written = 0;
  bool InSection = false;
  bool Failed = false;
  uint64_t SectionStart = 0, Pos = 0;
};

/// Little-endian helpers for fixed-size fields.
inline uint32_t readLE32(const uint8_t *P) {
  return uint32_t(P[0]) | uint32_t(P[1]) << 8 | uint32_t(P[2]) << 16 |
         uint32_t(P[3]) << 24;
}
inline uint64_t readLE64(const uint8_t *P) {
  return uint64_t(readLE32(P)) | uint64_t(readLE32(P + 4)) << 32;
}
inline void writeLE32(uint8_t *P, uint32_t V) {
  for (int I = 0; I < 4; ++I)
    P[I] = uint8_t(V >> (8 * I));
}
inline void writeLE64(uint8_t *P, uint64_t V) {
  for (int I = 0; I < 8; ++I)
    P[I] = uint8_t(V >> (8 * I));
}

} // namespace zkevmc::formats

#endif // ZKEVMC_RUNTIME_FORMATS_BINFILE_H
