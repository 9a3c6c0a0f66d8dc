#include "siap/csv_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "siap/sha256.hpp"

namespace siap {
namespace {

constexpr std::size_t kChunk = 1u << 20;

// cp1252 bytes 0x80-0x9F as Unicode code points (undefined ones kept as C1).
constexpr std::uint16_t kCp1252High[32] = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                                           0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                           0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void append_utf8(std::vector<char>& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(char(cp));
  } else if (cp < 0x800) {
    out.push_back(char(0xC0 | (cp >> 6)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(char(0xE0 | (cp >> 12)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  }
}

// Length of the valid UTF-8 prefix of [p, p+n); `incomplete` is set when the
// invalid part is only a sequence cut off by the end of the data.
std::size_t valid_utf8_prefix(const unsigned char* p, std::size_t n, bool& incomplete) {
  std::size_t i = 0;
  incomplete = false;
  while (i < n) {
    // Fast path: eight ASCII bytes at a time.
    if (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
    if (len == 0 || c > 0xF4) return i;
    if (i + len > n) {
      for (std::size_t k = i + 1; k < n; ++k) {
        if ((p[k] & 0xC0) != 0x80) return i;
      }
      incomplete = true;
      return i;
    }
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
    }
    // Overlong, surrogate and out-of-range forms.
    if (len == 3 && ((c == 0xE0 && p[i + 1] < 0xA0) || (c == 0xED && p[i + 1] >= 0xA0))) return i;
    if (len == 4 && ((c == 0xF0 && p[i + 1] < 0x90) || (c == 0xF4 && p[i + 1] >= 0x90))) return i;
    i += len;
  }
  return i;
}

}  // namespace

struct CsvReader::Sha256 : siap::Sha256 {};

Expected<std::unique_ptr<CsvReader>> CsvReader::open(const std::string& path, const CsvOptions& options) {
  if (path == "-") return std::unique_ptr<CsvReader>(new CsvReader(stdin, false, "<stdin>", options));
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    int err = errno;
    return Diagnostics{Diagnostic{{path, 0, 0}, "",
                                  {fmt::format("berkas tidak dapat dibuka: {}", std::strerror(err)),
                                   fmt::format("cannot open the file: {}", std::strerror(err))}}};
  }
  return std::unique_ptr<CsvReader>(new CsvReader(file, true, path, options));
}

std::unique_ptr<CsvReader> CsvReader::from_string(std::string text, const std::string& name, const CsvOptions& options) {
  auto reader = std::unique_ptr<CsvReader>(new CsvReader(nullptr, false, name, options));
  reader->memory_ = std::move(text);
  return reader;
}

CsvReader::CsvReader(std::FILE* file, bool owns_file, std::string name, const CsvOptions& options)
    : file_(file), owns_file_(owns_file), name_(std::move(name)), options_(options), sha_(std::make_unique<Sha256>()) {
  buffer_.resize(kChunk);
}

CsvReader::~CsvReader() {
  if (owns_file_ && file_ != nullptr) std::fclose(file_);
}

std::string CsvReader::sha256_hex() const {
  siap::Sha256 copy = *sha_;
  return copy.hex();
}

void CsvReader::fail(int line, LocalizedText message) {
  if (!error_) error_ = Diagnostic{{name_, line, 0}, "", std::move(message)};
}

bool CsvReader::fill() {
  if (eof_ || error_) return false;
  // Keep the unread part at the front; grow only for a row longer than the buffer.
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (buffer_.size() - end_ < kChunk / 2) {
    if (buffer_.size() >= options_.max_row_bytes) {
      fail(line_, {fmt::format("baris lebih panjang dari {} bita; berkas ini mungkin bukan CSV", options_.max_row_bytes),
                   fmt::format("row longer than {} bytes; this may not be a CSV file", options_.max_row_bytes)});
      return false;
    }
    buffer_.resize(std::min(buffer_.size() * 2, options_.max_row_bytes + kChunk));
  }
  // Read raw bytes into a scratch area, then validate or transcode into the buffer.
  std::vector<char> raw(kChunk);
  std::size_t got = 0;
  if (file_ != nullptr) {
    got = std::fread(raw.data(), 1, raw.size(), file_);
    if (got < raw.size()) {
      if (std::ferror(file_)) {
        fail(line_, {"galat saat membaca berkas", "error while reading the file"});
        return false;
      }
    }
  } else {
    got = std::min(raw.size(), memory_.size() - bytes_read_);
    std::memcpy(raw.data(), memory_.data() + bytes_read_, got);
  }
  sha_->update(raw.data(), got);
  bytes_read_ += got;
  bool at_end = got == 0;
  raw.resize(got);

  std::vector<char> text;
  if (!started_) {
    // Strip a UTF-8 byte order mark (LimeSurvey writes one; Excel often does).
    if (raw.size() >= 3 && std::memcmp(raw.data(), "\xEF\xBB\xBF", 3) == 0) raw.erase(raw.begin(), raw.begin() + 3);
    started_ = true;
  }
  if (options_.encoding == TextEncoding::cp1252) {
    text.reserve(raw.size() * 2);
    for (char ch : raw) {
      auto c = static_cast<unsigned char>(ch);
      if (c < 0x80) {
        text.push_back(ch);
      } else if (c < 0xA0) {
        append_utf8(text, kCp1252High[c - 0x80]);
      } else {
        append_utf8(text, c);
      }
    }
  } else {
    std::string joined = utf8_carry_ + std::string(raw.begin(), raw.end());
    utf8_carry_.clear();
    bool incomplete = false;
    std::size_t valid = valid_utf8_prefix(reinterpret_cast<const unsigned char*>(joined.data()), joined.size(), incomplete);
    if (valid < joined.size()) {
      if (incomplete && !at_end) {
        utf8_carry_ = joined.substr(valid);
      } else {
        // Line of the bad byte: lines before this chunk plus newlines up to it.
        int bad_line = line_ + int(std::count(buffer_.begin() + std::ptrdiff_t(begin_), buffer_.begin() + std::ptrdiff_t(end_), '\n')) +
                       int(std::count(joined.begin(), joined.begin() + std::ptrdiff_t(valid), '\n'));
        fail(bad_line, {"berkas bukan UTF-8 yang valid (pertama di baris ini); bila disimpan Excel sebagai ANSI, gunakan --encoding cp1252",
                        "the file is not valid UTF-8 (first at this line); if Excel saved it as ANSI, use --encoding cp1252"});
        return false;
      }
    }
    text.assign(joined.begin(), joined.begin() + std::ptrdiff_t(valid));
  }
  if (at_end && text.empty()) {
    eof_ = true;
    return false;
  }
  if (end_ + text.size() > buffer_.size()) buffer_.resize(end_ + text.size());
  std::memcpy(buffer_.data() + end_, text.data(), text.size());
  end_ += text.size();
  return true;
}

void CsvReader::sniff_delimiter() {
  // Count candidates on the header line, outside quotes.
  std::size_t counts[3] = {0, 0, 0};
  bool quoted = false;
  for (std::size_t i = begin_; i < end_; ++i) {
    char c = buffer_[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n') break;
    if (c == ',') ++counts[0];
    if (c == ';') ++counts[1];
    if (c == '\t') ++counts[2];
  }
  delimiter_ = ',';
  if (counts[1] > counts[0] && counts[1] >= counts[2]) delimiter_ = ';';
  if (counts[2] > counts[0] && counts[2] > counts[1]) delimiter_ = '\t';
}

bool CsvReader::next(std::vector<std::string_view>& fields) {
  struct Span {
    std::size_t begin, end;
    bool escaped;
    bool quoted;
  };
  std::vector<Span> spans;
  while (true) {
    if (error_) return false;
    if (begin_ == end_ && !fill()) return false;
    if (row_line_ == 0 && options_.delimiter == 0) {
      // Make sure the whole header line is buffered before sniffing.
      while (std::find(buffer_.begin() + std::ptrdiff_t(begin_), buffer_.begin() + std::ptrdiff_t(end_), '\n') ==
                 buffer_.begin() + std::ptrdiff_t(end_) &&
             fill()) {
      }
      if (error_) return false;
      sniff_delimiter();
      options_.delimiter = delimiter_;
    } else if (options_.delimiter != 0) {
      delimiter_ = options_.delimiter;
    }

    const char delim = delimiter_;
    const char* buf = buffer_.data();
    std::size_t pos = begin_;
    int newlines = 0;
    bool complete = false;
    spans.clear();
    while (true) {
      Span span{pos, pos, false, false};
      if (pos < end_ && buf[pos] == '"') {
        ++pos;
        span.begin = pos;
        span.quoted = true;
        bool closed = false;
        while (pos < end_) {
          const char* q = static_cast<const char*>(std::memchr(buf + pos, '"', end_ - pos));
          std::size_t qpos = q == nullptr ? end_ : std::size_t(q - buf);
          newlines += int(std::count(buf + pos, buf + qpos, '\n'));
          if (q == nullptr) {
            pos = end_;
            break;
          }
          if (qpos + 1 < end_ && buf[qpos + 1] == '"') {
            span.escaped = true;
            pos = qpos + 2;
            continue;
          }
          if (qpos + 1 == end_ && !eof_) {  // a doubled quote may straddle the chunk end
            pos = end_;
            break;
          }
          span.end = qpos;
          pos = qpos + 1;
          closed = true;
          break;
        }
        if (!closed) {
          if (!eof_) break;  // incomplete: read more
          // An unterminated quote at the end of the file: keep what is there.
          span.end = end_;
          pos = end_;
        }
        // Stray text between a closing quote and the delimiter is skipped (lenient).
        while (pos < end_ && buf[pos] != delim && buf[pos] != '\n' && buf[pos] != '\r') ++pos;
      } else {
        while (pos < end_) {
          char c = buf[pos];
          if (c == delim || c == '\n' || c == '\r') break;
          ++pos;
        }
        span.end = pos;
      }
      if (pos == end_ && !eof_) break;  // incomplete
      spans.push_back(span);
      if (spans.size() > options_.max_fields) {
        fail(line_, {fmt::format("baris memiliki lebih dari {} kolom", options_.max_fields),
                     fmt::format("row has more than {} fields", options_.max_fields)});
        return false;
      }
      if (pos == end_) {  // end of file ends the row
        complete = true;
        break;
      }
      char c = buf[pos];
      if (c == delim) {
        ++pos;
        continue;
      }
      if (c == '\r') {
        if (pos + 1 == end_ && !eof_) break;  // CR at the chunk end: is LF next?
        pos += (pos + 1 < end_ && buf[pos + 1] == '\n') ? 2 : 1;
      } else {
        ++pos;
      }
      ++newlines;
      complete = true;
      break;
    }
    if (!complete) {
      if (!fill()) {
        if (error_) return false;
        eof_ = true;
      }
      continue;  // re-parse the row with more data
    }
    row_line_ = line_;
    line_ += newlines;
    begin_ = pos;
    if (spans.size() == 1 && spans[0].begin == spans[0].end && !spans[0].quoted) {
      continue;  // blank line
    }
    fields.clear();
    char* wbuf = buffer_.data();
    for (const Span& s : spans) {
      if (!s.escaped) {
        fields.emplace_back(wbuf + s.begin, s.end - s.begin);
        continue;
      }
      // Undouble quotes in place; the result is shorter than the source.
      std::size_t out = s.begin;
      for (std::size_t i = s.begin; i < s.end; ++i) {
        wbuf[out++] = wbuf[i];
        if (wbuf[i] == '"' && i + 1 < s.end && wbuf[i + 1] == '"') ++i;
      }
      fields.emplace_back(wbuf + s.begin, out - s.begin);
    }
    return true;
  }
}

}  // namespace siap
