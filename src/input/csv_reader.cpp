#include "input/csv_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>

#include <sys/stat.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "siap/os_error.hpp"
#include "siap/sha256.hpp"
#include "siap/utf8.hpp"

namespace siap {
namespace {

constexpr std::size_t kChunk = 1u << 20;

// The common row in one pass: complete in [row, limit), no quote, no CR
// except right before the LF. Splits it into `fields` and returns the LF's
// position, or nullptr (fields unspecified) when the row needs the full parser.
// SSE2 (every x86-64) compares 16 bytes at a time; elsewhere a byte loop.
const char* split_plain_row(const char* row, const char* limit, char delim, std::vector<std::string_view>& fields) {
  fields.clear();
  const char* start = row;
  const char* p = row;
#if defined(__SSE2__)
  const __m128i delims = _mm_set1_epi8(delim), newlines = _mm_set1_epi8('\n'), quotes = _mm_set1_epi8('"'), returns = _mm_set1_epi8('\r');
  for (; p + 16 <= limit; p += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    unsigned d = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(v, delims)));
    unsigned n = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(v, newlines)));
    unsigned q = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(v, quotes)));
    unsigned r = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(v, returns)));
    unsigned before = 0xFFFFu;  // bytes of this row in the block
    if (n != 0) before = (1u << __builtin_ctz(n)) - 1;
    if ((q & before) != 0) return nullptr;
    if (n != 0) {
      unsigned cr = r & before;
      // A CR is allowed only as the byte before the LF.
      if (cr != 0 && cr != (1u << (__builtin_ctz(n) - 1))) return nullptr;
    } else if (r != 0 && !(r == 0x8000u && p + 16 < limit && p[16] == '\n')) {
      return nullptr;  // a CR not followed by the LF (one that ends this block with the LF next is fine)
    }
    for (unsigned m = d & before; m != 0; m &= m - 1) {
      const char* at = p + __builtin_ctz(m);
      fields.emplace_back(start, std::size_t(at - start));
      start = at + 1;
    }
    if (n != 0) {
      const char* nl = p + __builtin_ctz(n);
      const char* end = (nl > row && nl[-1] == '\r') ? nl - 1 : nl;
      if (end < start) return nullptr;
      fields.emplace_back(start, std::size_t(end - start));
      return nl;
    }
  }
#endif
  for (; p < limit; ++p) {
    char c = *p;
    if (c == delim) {
      fields.emplace_back(start, std::size_t(p - start));
      start = p + 1;
    } else if (c == '\n') {
      const char* end = (p > start && p[-1] == '\r') ? p - 1 : p;
      fields.emplace_back(start, std::size_t(end - start));
      return p;
    } else if (c == '"' || (c == '\r' && (p + 1 >= limit || p[1] != '\n'))) {
      return nullptr;
    }
  }
  return nullptr;  // no line end yet
}

// cp1252 bytes 0x80-0x9F as Unicode code points (undefined ones kept as C1).
constexpr std::uint16_t kCp1252High[32] = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                                           0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                           0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

}  // namespace

// Hashes chunks on its own thread so that SHA-256 (about 250 MB/s here)
// does not slow parsing down; chunks are copied into a small bounded queue.
class CsvReader::Hasher {
 public:
  Hasher() : thread_([this] { loop(); }) {}
  ~Hasher() { stop(); }

  void add(const char* data, std::size_t size) {
    if (size == 0) return;
    std::unique_lock lock(mutex_);
    space_.wait(lock, [this] { return queue_.size() < 3 || failure_; });
    if (failure_) return;  // finish() reports it
    std::vector<char> chunk;
    if (!spare_.empty()) {  // reuse buffers: no allocation (and page faults) per chunk
      chunk = std::move(spare_.back());
      spare_.pop_back();
    }
    chunk.assign(data, data + size);
    queue_.push_back(std::move(chunk));
    ready_.notify_one();
  }

  std::string finish() {
    stop();
    if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));  // to main: exit 3
    if (hex_.empty()) hex_ = sha_.hex();
    return hex_;
  }

 private:
  void stop() {
    {
      std::lock_guard lock(mutex_);
      done_ = true;
      ready_.notify_one();
    }
    if (thread_.joinable()) thread_.join();
  }

  // A failure (std::bad_alloc) must not end the process from this thread:
  // it is kept for finish() to rethrow on the reading thread.
  void loop() {
    try {
      consume();
    } catch (...) {
      std::lock_guard lock(mutex_);
      failure_ = std::current_exception();
      space_.notify_all();
    }
  }

  void consume() {
    while (true) {
      std::vector<char> chunk;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return !queue_.empty() || done_; });
        if (queue_.empty()) return;
        chunk = std::move(queue_.front());
        queue_.pop_front();
        space_.notify_one();
      }
      sha_.update(chunk.data(), chunk.size());
      std::lock_guard lock(mutex_);
      spare_.push_back(std::move(chunk));
    }
  }

  siap::Sha256 sha_;
  std::string hex_;
  std::mutex mutex_;
  std::condition_variable ready_, space_;
  std::deque<std::vector<char>> queue_;
  std::vector<std::vector<char>> spare_;
  bool done_ = false;
  std::exception_ptr failure_;
  std::thread thread_;  // a pipeline stage, not a parallel split (util/parallel.hpp)
};

Expected<std::unique_ptr<CsvReader>> CsvReader::open(const std::string& path, const CsvOptions& options) {
  if (path == "-") return std::unique_ptr<CsvReader>(new CsvReader(stdin, false, "<stdin>", options));
  auto opened = open_for_reading(path);
  if (!opened) return opened.errors();
  auto reader = std::unique_ptr<CsvReader>(new CsvReader(*opened, true, path, options));
  reader->path_ = path;
  reader->fit_buffer();
  return reader;
}

Expected<std::unique_ptr<CsvReader>> CsvReader::open_range(const std::string& path, std::size_t offset, std::size_t length, const CsvOptions& options,
                                                           int first_line) {
  auto opened = open_for_reading(path);
  if (!opened) return opened.errors();
  std::FILE* file = *opened;
  if (std::fseek(file, long(offset), SEEK_SET) != 0) {
    const LocalizedText why = os_error_text(errno);
    std::fclose(file);
    return Diagnostics{
        Diagnostic{{path, 0, 0}, "", {fmt::format("berkas tidak dapat dibaca: {}", why.id), fmt::format("cannot read the file: {}", why.en)}}};
  }
  auto reader = std::unique_ptr<CsvReader>(new CsvReader(file, true, path, options, false));
  reader->remaining_ = length;
  reader->range_length_ = length;
  reader->started_ = true;  // a BOM can only be at the start of the file
  reader->line_ = first_line;
  reader->delimiter_ = options.delimiter;
  reader->fit_buffer();
  return reader;
}

namespace {

// Offset just past the first '\n' at or after `from` (or `size`).
std::size_t line_end_after(const std::string& path, std::size_t from, std::size_t size) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr || std::fseek(f, long(from), SEEK_SET) != 0) {
    if (f != nullptr) std::fclose(f);
    return size;
  }
  std::size_t pos = from;
  int c;
  while ((c = std::fgetc(f)) != EOF) {
    ++pos;
    if (c == '\n') break;
  }
  std::fclose(f);
  return pos;
}

std::string sha256_of_file(const std::string& path) {
  Sha256 sha;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return "";
  std::vector<char> chunk(1u << 20);
  std::size_t got;
  while ((got = std::fread(chunk.data(), 1, chunk.size(), f)) > 0) sha.update(chunk.data(), got);
  std::fclose(f);
  return sha.hex();
}

}  // namespace

std::optional<SplitBody> CsvReader::split_body() {
  // Byte ranges need a seekable UTF-8 file (cp1252 is transcoded as read).
  if (path_.empty() || options_.encoding != TextEncoding::utf8 || range_length_ > 0) return std::nullopt;
  const std::size_t size = size_hint(), body = bytes_consumed();
  std::size_t split = line_end_after(path_, body + (size - body) / 2, size);
  if (size == 0 || split <= body || split >= size) return std::nullopt;
  CsvOptions fixed = options_;
  fixed.delimiter = delimiter_;
  auto first = open_range(path_, body, split - body, fixed, line_);
  auto second = open_range(path_, split, size - split, fixed, 1);
  if (!first || !second) return std::nullopt;
  SplitBody out;
  out.first = std::move(*first);
  out.second = std::move(*second);
  out.facts = [path = path_, size] { return SourceFacts{sha256_of_file(path), size}; };
  return out;
}

std::unique_ptr<CsvReader> CsvReader::from_string(std::string text, const std::string& name, const CsvOptions& options) {
  auto reader = std::unique_ptr<CsvReader>(new CsvReader(nullptr, false, name, options));
  reader->memory_ = std::move(text);
  reader->fit_buffer();
  return reader;
}

CsvReader::CsvReader(std::FILE* file, bool owns_file, std::string name, const CsvOptions& options, bool hash)
    : file_(file), owns_file_(owns_file), name_(std::move(name)), options_(options), hasher_(hash ? std::make_unique<Hasher>() : nullptr) {}

void CsvReader::fit_buffer() {
  // A small input gets a small buffer: many small files (a batch of
  // studies) then cost no more than their size. Unknown sizes (stdin) and
  // large files read in chunks of kChunk.
  const std::size_t hint = size_hint();
  if (hint > 0) chunk_ = std::clamp<std::size_t>(hint + 1, 4096, kChunk);
  buffer_.resize(2 * chunk_);
}

CsvReader::~CsvReader() {
  if (owns_file_ && file_ != nullptr) std::fclose(file_);
}

std::string CsvReader::sha256_hex() const {
  if (sha256_.empty() && hasher_) sha256_ = hasher_->finish();
  return sha256_;
}

std::size_t CsvReader::size_hint() const {
  if (file_ == nullptr) return memory_.size();
  if (range_length_ > 0) return range_length_;
  struct stat st;
  if (::fstat(::fileno(file_), &st) == 0 && S_ISREG(st.st_mode)) return std::size_t(st.st_size);
  return 0;
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
    validated_ -= begin_;
    begin_ = 0;
  }
  // What is left is one unfinished row: refuse to let it grow without bound.
  if (end_ >= options_.max_row_bytes) {
    fail(line_, {fmt::format("baris lebih panjang dari {} bita; berkas ini mungkin bukan CSV", options_.max_row_bytes),
                 fmt::format("row longer than {} bytes; this may not be a CSV file", options_.max_row_bytes)});
    return false;
  }
  const bool transcode = options_.encoding == TextEncoding::cp1252;
  std::size_t room = transcode ? 3 * chunk_ : chunk_;  // cp1252 grows up to 3x in UTF-8
  if (buffer_.size() - end_ < room) buffer_.resize(std::max(buffer_.size() * 2, end_ + room));
  // Raw bytes go straight into the buffer (UTF-8) or into raw_ (cp1252).
  char* target = transcode ? (raw_.resize(chunk_), raw_.data()) : buffer_.data() + end_;
  std::size_t got = 0;
  const std::size_t want = std::min(chunk_, remaining_);
  if (file_ != nullptr) {
    got = std::fread(target, 1, want, file_);
    remaining_ -= got;
    if (got < want && std::ferror(file_)) {
      fail(line_, {"galat saat membaca berkas", "error while reading the file"});
      return false;
    }
  } else {
    got = std::min(chunk_, memory_.size() - bytes_read_);
    std::memcpy(target, memory_.data() + bytes_read_, got);
  }
  if (hasher_) hasher_->add(target, got);
  bytes_read_ += got;
  if (got == 0) {
    eof_ = true;
    if (validated_ < end_) {  // a UTF-8 sequence cut off by the end of the file
      int bad_line = line_ + int(std::count(buffer_.begin() + std::ptrdiff_t(begin_), buffer_.begin() + std::ptrdiff_t(validated_), '\n'));
      fail(bad_line, {"berkas bukan UTF-8 yang valid (pertama di baris ini); bila disimpan Excel sebagai ANSI, gunakan --encoding cp1252",
                      "the file is not valid UTF-8 (first at this line); if Excel saved it as ANSI, use --encoding cp1252"});
    }
    return false;
  }
  std::size_t start = end_;
  if (transcode) {
    for (std::size_t i = 0; i < got; ++i) {
      auto c = static_cast<unsigned char>(raw_[i]);
      std::uint32_t cp = c < 0x80 ? c : c < 0xA0 ? kCp1252High[c - 0x80] : c;
      char* out = buffer_.data() + end_;
      if (cp < 0x80) {
        out[0] = char(cp);
        end_ += 1;
      } else if (cp < 0x800) {
        out[0] = char(0xC0 | (cp >> 6));
        out[1] = char(0x80 | (cp & 0x3F));
        end_ += 2;
      } else {
        out[0] = char(0xE0 | (cp >> 12));
        out[1] = char(0x80 | ((cp >> 6) & 0x3F));
        out[2] = char(0x80 | (cp & 0x3F));
        end_ += 3;
      }
    }
  } else {
    end_ += got;
  }
  if (!started_) {
    started_ = true;
    // A UTF-8 byte order mark (LimeSurvey writes one; Excel often does).
    if (end_ - start >= 3 && std::memcmp(buffer_.data() + start, "\xEF\xBB\xBF", 3) == 0) {
      begin_ += 3;
      validated_ = begin_;
    }
  }
  if (transcode) {
    validated_ = end_;
    return true;
  }
  bool incomplete = false;
  std::size_t valid = valid_utf8_prefix(reinterpret_cast<const unsigned char*>(buffer_.data() + validated_), end_ - validated_, incomplete);
  validated_ += valid;
  if (validated_ < end_ && !incomplete) {
    int bad_line = line_ + int(std::count(buffer_.begin() + std::ptrdiff_t(begin_), buffer_.begin() + std::ptrdiff_t(validated_), '\n'));
    fail(bad_line, {"berkas bukan UTF-8 yang valid (pertama di baris ini); bila disimpan Excel sebagai ANSI, gunakan --encoding cp1252",
                    "the file is not valid UTF-8 (first at this line); if Excel saved it as ANSI, use --encoding cp1252"});
    return false;
  }
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
    if (special_[static_cast<unsigned char>(delimiter_)] == 0) {
      special_.fill(0);
      special_[static_cast<unsigned char>(delimiter_)] = 1;
      special_['\n'] = 1;
      special_['\r'] = 1;
    }

    const char delim = delimiter_;
    char* buf = buffer_.data();
    // Only validated bytes are parsed; an unfinished UTF-8 sequence waits for more input.
    const std::size_t limit = validated_;
    std::size_t pos = begin_;
    int newlines = 0;
    bool complete = false;
    bool first_quoted = false;
    fields.clear();
    escaped_.clear();
    // Fast path for the common row: complete in the buffer, no quotes, no CR
    // except before the LF (split_plain_row). An empty line takes the full parser.
    if (pos < limit && buf[pos] != '\n' && buf[pos] != '\r') {
      if (const char* nl = split_plain_row(buf + pos, buf + limit, delim, fields)) {
        if (fields.size() > options_.max_fields) {
          fail(line_, {fmt::format("baris memiliki lebih dari {} kolom", options_.max_fields),
                       fmt::format("row has more than {} fields", options_.max_fields)});
          return false;
        }
        row_line_ = line_;
        line_ += 1;
        begin_ = std::size_t(nl - buf) + 1;
        return true;
      }
      fields.clear();
    }
    while (true) {
      std::size_t field_begin = pos;
      std::size_t field_end = pos;
      if (pos < limit && buf[pos] == '"') {
        if (fields.empty()) first_quoted = true;
        ++pos;
        field_begin = pos;
        bool closed = false;
        bool escaped = false;
        while (pos < limit) {
          const char* q = static_cast<const char*>(std::memchr(buf + pos, '"', limit - pos));
          std::size_t qpos = q == nullptr ? limit : std::size_t(q - buf);
          newlines += int(std::count(buf + pos, buf + qpos, '\n'));
          if (q == nullptr) {
            pos = limit;
            break;
          }
          if (qpos + 1 < limit && buf[qpos + 1] == '"') {
            escaped = true;
            pos = qpos + 2;
            continue;
          }
          if (qpos + 1 == limit && !eof_) {  // a doubled quote may straddle the chunk end
            pos = limit;
            break;
          }
          field_end = qpos;
          pos = qpos + 1;
          closed = true;
          break;
        }
        if (!closed) {
          if (!eof_) break;  // incomplete: read more
          // An unterminated quote at the end of the file: keep what is there.
          ended_in_open_quote_ = true;
          field_end = limit;
          pos = limit;
        }
        // Stray text between a closing quote and the delimiter is skipped (lenient).
        while (pos < limit && special_[static_cast<unsigned char>(buf[pos])] == 0) ++pos;
        if (escaped) escaped_.push_back(fields.size());
      } else {
        while (pos < limit && special_[static_cast<unsigned char>(buf[pos])] == 0) ++pos;
        field_end = pos;
      }
      if (pos == limit && !eof_) break;  // incomplete
      fields.emplace_back(buf + field_begin, field_end - field_begin);
      if (fields.size() > options_.max_fields) {
        fail(line_, {fmt::format("baris memiliki lebih dari {} kolom", options_.max_fields),
                     fmt::format("row has more than {} fields", options_.max_fields)});
        return false;
      }
      if (pos == limit) {  // end of file ends the row
        complete = true;
        break;
      }
      char c = buf[pos];
      if (c == delim) {
        ++pos;
        continue;
      }
      if (c == '\r') {
        if (pos + 1 == limit && !eof_) break;  // CR at the chunk end: is LF next?
        pos += (pos + 1 < limit && buf[pos + 1] == '\n') ? 2 : 1;
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
    if (fields.size() == 1 && fields[0].empty() && !first_quoted) continue;  // blank line
    for (std::size_t index : escaped_) {
      // Undouble quotes in place; the result is shorter than the source.
      char* start = const_cast<char*>(fields[index].data());
      std::size_t out = 0;
      for (std::size_t i = 0; i < fields[index].size(); ++i) {
        start[out++] = start[i];
        if (start[i] == '"' && i + 1 < fields[index].size() && start[i + 1] == '"') ++i;
      }
      fields[index] = std::string_view(start, out);
    }
    return true;
  }
}

}  // namespace siap
