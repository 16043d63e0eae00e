//===- BinFile.cpp - The iden3 sectioned binary container -----------------===//

#include "runtime/formats/BinFile.h"

#include "llvm/Support/FormatVariadic.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace zkevmc::formats;

static llvm::Error makeError(const llvm::Twine &Msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Msg);
}

static std::string printableMagic(const uint8_t *P, size_t N) {
  std::string S;
  for (size_t I = 0; I < N; ++I) {
    if (P[I] >= 0x20 && P[I] < 0x7f)
      S.push_back(char(P[I]));
    else
      S += llvm::formatv("\\x{0:x-2}", unsigned(P[I])).str();
  }
  return S;
}

//===----------------------------------------------------------------------===//
// BinFile
//===----------------------------------------------------------------------===//

llvm::Expected<BinFile> BinFile::open(llvm::StringRef Path,
                                      llvm::StringRef Magic,
                                      uint32_t MinVersion,
                                      uint32_t MaxVersion) {
  BinFile F;
  F.Path = Path.str();
  F.Fd = ::open(F.Path.c_str(), O_RDONLY | O_CLOEXEC);
  if (F.Fd < 0)
    return F.error(llvm::Twine("cannot open: ") + std::strerror(errno));
  struct stat St;
  if (::fstat(F.Fd, &St) != 0)
    return F.error(llvm::Twine("cannot stat: ") + std::strerror(errno));
  if (!S_ISREG(St.st_mode))
    return F.error("not a regular file");
  F.Size = uint64_t(St.st_size);
  if (F.Size < 12)
    return F.error(llvm::formatv("truncated header: needs 12 bytes, file has "
                                 "{0}",
                                 F.Size)
                       .str());
  void *Map = ::mmap(nullptr, F.Size, PROT_READ, MAP_PRIVATE, F.Fd, 0);
  if (Map == MAP_FAILED)
    return F.error(llvm::Twine("cannot map: ") + std::strerror(errno));
  F.Base = static_cast<const uint8_t *>(Map);

  if (Magic.size() != 4 || std::memcmp(F.Base, Magic.data(), 4) != 0)
    return F.error(llvm::formatv("bad magic '{0}', expected '{1}'",
                                 printableMagic(F.Base, 4), Magic)
                       .str());
  F.Version = readLE32(F.Base + 4);
  if (F.Version < MinVersion || F.Version > MaxVersion) {
    std::string Want =
        MinVersion == MaxVersion
            ? std::to_string(MinVersion)
            : llvm::formatv("{0}..{1}", MinVersion, MaxVersion).str();
    return F.error(llvm::formatv("unsupported version {0} (supported: {1})",
                                 F.Version, Want)
                       .str());
  }
  uint32_t NSections = readLE32(F.Base + 8);
  uint64_t Pos = 12;
  for (uint32_t I = 0; I < NSections; ++I) {
    if (F.Size - Pos < 12)
      return F.error(llvm::formatv("truncated: header of section #{0} of {1} "
                                   "needs 12 bytes, {2} left",
                                   I + 1, NSections, F.Size - Pos)
                         .str());
    uint32_t Type = readLE32(F.Base + Pos);
    uint64_t Len = readLE64(F.Base + Pos + 4);
    Pos += 12;
    if (Len > F.Size - Pos)
      return F.error(llvm::formatv("truncated section {0}: needs {1} bytes, "
                                   "{2} left",
                                   Type, Len, F.Size - Pos)
                         .str());
    if (F.Sections.count(Type))
      return F.error(llvm::formatv("duplicate section {0}", Type).str());
    F.Sections[Type] = SectionRef{F.Base + Pos, Len};
    F.Order.push_back(Type);
    Pos += Len;
  }
  if (Pos != F.Size)
    return F.error(llvm::formatv("{0} unexpected bytes after the last of {1} "
                                 "sections",
                                 F.Size - Pos, NSections)
                       .str());
  return F;
}

BinFile::BinFile(BinFile &&O) noexcept { *this = std::move(O); }

BinFile &BinFile::operator=(BinFile &&O) noexcept {
  if (this == &O)
    return *this;
  release();
  Path = std::move(O.Path);
  Fd = O.Fd;
  Base = O.Base;
  Size = O.Size;
  Version = O.Version;
  Sections = std::move(O.Sections);
  Order = std::move(O.Order);
  O.Fd = -1;
  O.Base = nullptr;
  O.Size = 0;
  return *this;
}

BinFile::~BinFile() { release(); }

void BinFile::release() {
  if (Base)
    ::munmap(const_cast<uint8_t *>(Base), Size);
  if (Fd >= 0)
    ::close(Fd);
  Base = nullptr;
  Fd = -1;
}

llvm::Expected<SectionRef> BinFile::section(uint32_t Type,
                                            llvm::StringRef What) const {
  auto It = Sections.find(Type);
  if (It == Sections.end())
    return error(llvm::formatv("missing section {0} ({1})", Type, What).str());
  return It->second;
}

llvm::Error BinFile::error(const llvm::Twine &Msg) const {
  return makeError(llvm::Twine(Path) + ": " + Msg);
}

//===----------------------------------------------------------------------===//
// SectionReader
//===----------------------------------------------------------------------===//

llvm::Expected<const uint8_t *> SectionReader::bytes(uint64_t N,
                                                     llvm::StringRef Field) {
  if (N > remaining())
    return File.error(llvm::formatv("truncated section {0} ({1}) reading {2}: "
                                    "needs {3} bytes, {4} left",
                                    Type, What, Field, N, remaining())
                          .str());
  const uint8_t *P = current();
  Pos += N;
  return P;
}

llvm::Expected<uint32_t> SectionReader::u32(llvm::StringRef Field) {
  auto P = bytes(4, Field);
  if (!P)
    return P.takeError();
  return readLE32(*P);
}

llvm::Expected<uint64_t> SectionReader::u64(llvm::StringRef Field) {
  auto P = bytes(8, Field);
  if (!P)
    return P.takeError();
  return readLE64(*P);
}

llvm::Error SectionReader::expectEnd() {
  if (remaining() == 0)
    return llvm::Error::success();
  return error(llvm::formatv("{0} unexpected bytes at the end", remaining()));
}

llvm::Error SectionReader::error(const llvm::Twine &Msg) const {
  return File.error(llvm::Twine("section ") + llvm::Twine(Type) + " (" + What +
                    "): " + Msg);
}

//===----------------------------------------------------------------------===//
// BinFileWriter
//===----------------------------------------------------------------------===//

llvm::Expected<BinFileWriter> BinFileWriter::create(llvm::StringRef Path,
                                                    llvm::StringRef Magic,
                                                    uint32_t Version,
                                                    uint32_t NSections) {
  if (Magic.size() != 4)
    return makeError(llvm::Twine(Path) + ": magic must be 4 bytes");
  BinFileWriter W;
  W.Path = Path.str();
  W.F = std::fopen(W.Path.c_str(), "wb");
  if (!W.F)
    return makeError(llvm::Twine(Path) +
                     ": cannot create: " + std::strerror(errno));
  W.Promised = NSections;
  W.write(Magic.data(), 4);
  W.writeU32(Version);
  W.writeU32(NSections);
  return W;
}

BinFileWriter::BinFileWriter(BinFileWriter &&O) noexcept {
  *this = std::move(O);
}

BinFileWriter &BinFileWriter::operator=(BinFileWriter &&O) noexcept {
  if (this == &O)
    return *this;
  if (F)
    std::fclose(F);
  Path = std::move(O.Path);
  F = O.F;
  Promised = O.Promised;
  Written = O.Written;
  InSection = O.InSection;
  Failed = O.Failed;
  SectionStart = O.SectionStart;
  Pos = O.Pos;
  O.F = nullptr;
  return *this;
}

BinFileWriter::~BinFileWriter() {
  if (F)
    std::fclose(F);
}

void BinFileWriter::write(const void *Data, size_t N) {
  if (!F || Failed || N == 0)
    return;
  if (std::fwrite(Data, 1, N, F) != N)
    Failed = true;
  Pos += N;
}

void BinFileWriter::writeU32(uint32_t V) {
  uint8_t B[4];
  writeLE32(B, V);
  write(B, 4);
}

void BinFileWriter::writeU64(uint64_t V) {
  uint8_t B[8];
  writeLE64(B, V);
  write(B, 8);
}

llvm::Error BinFileWriter::beginSection(uint32_t Type) {
  if (!F)
    return makeError(llvm::Twine(Path) + ": writer is closed");
  if (InSection)
    return makeError(llvm::Twine(Path) + ": section started inside another");
  if (Written == Promised)
    return makeError(llvm::Twine(Path) + ": more sections than the " +
                     llvm::Twine(Promised) + " promised");
  writeU32(Type);
  // The size is patched by endSection once the body is written.
  writeU64(0);
  SectionStart = Pos;
  InSection = true;
  return llvm::Error::success();
}

llvm::Error BinFileWriter::endSection() {
  if (!F || !InSection)
    return makeError(llvm::Twine(Path) + ": no section to end");
  InSection = false;
  ++Written;
  if (Failed)
    return makeError(llvm::Twine(Path) +
                     ": write failed: " + std::strerror(errno));
  uint8_t B[8];
  writeLE64(B, Pos - SectionStart);
  if (std::fseek(F, long(SectionStart - 8), SEEK_SET) != 0 ||
      std::fwrite(B, 1, 8, F) != 8 || std::fseek(F, 0, SEEK_END) != 0)
    return makeError(llvm::Twine(Path) +
                     ": cannot patch section size: " + std::strerror(errno));
  return llvm::Error::success();
}

llvm::Error BinFileWriter::close() {
  if (!F)
    return makeError(llvm::Twine(Path) + ": writer is closed");
  bool Bad = Failed;
  std::string Why = Bad ? std::strerror(errno) : "";
  if (std::fclose(F) != 0 && !Bad) {
    Bad = true;
    Why = std::strerror(errno);
  }
  F = nullptr;
  if (Bad)
    return makeError(llvm::Twine(Path) + ": write failed: " + Why);
  if (InSection)
    return makeError(llvm::Twine(Path) + ": closed inside a section");
  if (Written != Promised)
    return makeError(llvm::Twine(Path) + ": wrote " + llvm::Twine(Written) +
                     " sections, promised " + llvm::Twine(Promised));
  return llvm::Error::success();
}
