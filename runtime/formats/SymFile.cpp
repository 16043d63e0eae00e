//===- SymFile.cpp - Reading and writing circom .sym symbol tables --------===//

#include "runtime/formats/SymFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

using namespace zkevmc;
using namespace zkevmc::formats;

static llvm::Error makeError(const llvm::Twine &Msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Msg);
}

/// Strict decimal: digits only, no sign (unless AllowMinusOne and the text
/// is exactly "-1"), no overflow.
static bool parseNumber(llvm::StringRef S, bool AllowMinusOne, int64_t &Out) {
  if (AllowMinusOne && S == "-1") {
    Out = -1;
    return true;
  }
  if (S.empty() || S.size() > 19)
    return false;
  uint64_t V = 0;
  for (char C : S) {
    if (C < '0' || C > '9')
      return false;
    V = V * 10 + uint64_t(C - '0');
  }
  if (V > uint64_t(INT64_MAX))
    return false;
  Out = int64_t(V);
  return true;
}

llvm::Expected<std::vector<r1cs::Symbol>>
formats::parseSym(llvm::StringRef Text, llvm::StringRef Name) {
  std::vector<r1cs::Symbol> Syms;
  size_t LineNo = 0;
  while (!Text.empty()) {
    auto [Line, Rest] = Text.split('\n');
    Text = Rest;
    ++LineNo;
    if (Line.ends_with("\r"))
      Line = Line.drop_back();
    if (Line.empty()) {
      // Only a trailing empty line is tolerated (a final newline).
      if (Text.empty())
        break;
      return makeError(llvm::formatv("{0}:{1}: empty line", Name, LineNo));
    }
    llvm::SmallVector<llvm::StringRef, 4> Fields;
    Line.split(Fields, ',', /*MaxSplit=*/3);
    if (Fields.size() != 4)
      return makeError(llvm::formatv("{0}:{1}: expected "
                                     "'label,wire,component,name', got '{2}'",
                                     Name, LineNo, Line));
    int64_t Label, Wire, Component;
    if (!parseNumber(Fields[0], false, Label))
      return makeError(llvm::formatv("{0}:{1}: bad label id '{2}'", Name,
                                     LineNo, Fields[0]));
    if (!parseNumber(Fields[1], true, Wire))
      return makeError(
          llvm::formatv("{0}:{1}: bad wire id '{2}'", Name, LineNo, Fields[1]));
    if (!parseNumber(Fields[2], false, Component))
      return makeError(llvm::formatv("{0}:{1}: bad component id '{2}'", Name,
                                     LineNo, Fields[2]));
    if (Fields[3].empty())
      return makeError(llvm::formatv("{0}:{1}: empty name", Name, LineNo));
    // A carriage return inside a name could not be written back (a line
    // ending in one reads as CRLF).
    if (Fields[3].contains('\r'))
      return makeError(
          llvm::formatv("{0}:{1}: carriage return in name", Name, LineNo));
    Syms.push_back(r1cs::Symbol{uint64_t(Label), Wire, uint64_t(Component),
                                Fields[3].str()});
  }
  return Syms;
}

llvm::Expected<std::vector<r1cs::Symbol>>
formats::readSym(llvm::StringRef Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!Buf)
    return makeError(llvm::Twine(Path) +
                     ": cannot read: " + Buf.getError().message());
  return parseSym((*Buf)->getBuffer(), Path);
}

llvm::Error formats::writeSym(const std::vector<r1cs::Symbol> &Syms,
                              llvm::StringRef Path) {
  for (size_t I = 0; I < Syms.size(); ++I) {
    llvm::StringRef N = Syms[I].Name;
    if (N.empty() || N.find_first_of("\r\n") != llvm::StringRef::npos)
      return makeError(llvm::formatv("{0}: symbol {1} has an empty name or "
                                     "one with a line break",
                                     Path, I));
    if (Syms[I].Wire < -1)
      return makeError(
          llvm::formatv("{0}: symbol {1} ('{2}') has wire {3}; only -1 marks "
                        "a removed signal",
                        Path, I, N, Syms[I].Wire));
  }
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_None);
  if (EC)
    return makeError(llvm::Twine(Path) + ": cannot create: " + EC.message());
  for (const r1cs::Symbol &S : Syms)
    OS << S.Label << ',' << S.Wire << ',' << S.Component << ',' << S.Name
       << '\n';
  OS.close();
  if (OS.has_error()) {
    std::string Msg = OS.error().message();
    OS.clear_error();
    return makeError(llvm::Twine(Path) + ": write failed: " + Msg);
  }
  return llvm::Error::success();
}
