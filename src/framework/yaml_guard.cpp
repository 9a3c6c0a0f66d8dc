#include "framework/yaml_guard.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <cerrno>
#include <cstdio>
#include <sstream>
#include <string>

#include "siap/os_error.hpp"

namespace siap {
namespace {

struct Refusal {
  YAML::Mark mark;
  LocalizedText message;
};

// Counts nodes and nesting while yaml-cpp streams events; throws Refusal at
// the first limit crossed, so a bomb is stopped before it is built.
class GuardHandler : public YAML::EventHandler {
 public:
  explicit GuardHandler(const YamlLimits& limits) : limits_(limits) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { node(mark, anchor); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    throw Refusal{mark,
                  {"anchor dan alias YAML (*nama) tidak didukung dalam berkas kerangka",
                   "YAML anchors and aliases (*name) are not supported in framework files"}};
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string&) override { node(mark, anchor); }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override { open(mark, anchor); }
  void OnSequenceEnd() override { --depth_; }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override { open(mark, anchor); }
  void OnMapEnd() override { --depth_; }

 private:
  void node(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) {
      throw Refusal{mark,
                    {"anchor dan alias YAML (&nama) tidak didukung dalam berkas kerangka",
                     "YAML anchors and aliases (&name) are not supported in framework files"}};
    }
    if (++nodes_ > limits_.max_nodes) {
      throw Refusal{mark,
                    {fmt::format("dokumen memiliki lebih dari {} simpul; ditolak", limits_.max_nodes),
                     fmt::format("document has more than {} nodes; refused", limits_.max_nodes)}};
    }
  }
  void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
    node(mark, anchor);
    if (++depth_ > limits_.max_depth) {
      throw Refusal{mark,
                    {fmt::format("sarang lebih dalam dari {} tingkat; ditolak", limits_.max_depth),
                     fmt::format("nesting deeper than {} levels; refused", limits_.max_depth)}};
    }
  }

  const YamlLimits& limits_;
  std::size_t nodes_ = 0;
  int depth_ = 0;
};

SourceLocation at(std::string_view file, const YAML::Mark& mark) {
  if (mark.is_null()) return {std::string(file), 0, 0};
  return {std::string(file), mark.line + 1, mark.column + 1};
}

}  // namespace

Expected<std::string> read_yaml_file(const std::string& path, const YamlLimits& limits) {
  auto opened = open_for_reading(path);
  if (!opened) return opened.errors();
  std::string text(limits.max_bytes + 1, '\0');
  const std::size_t got = std::fread(text.data(), 1, text.size(), *opened);  // to the end, an error, or the limit
  const bool failed = std::ferror(*opened);
  const int err = errno;
  std::fclose(*opened);
  if (failed) {
    const LocalizedText why = os_error_text(err);
    return Diagnostics{
        Diagnostic{{path, 0, 0}, "", {fmt::format("berkas tidak dapat dibaca: {}", why.id), fmt::format("cannot read the file: {}", why.en)}}};
  }
  if (got > limits.max_bytes) {
    return Diagnostics{Diagnostic{{path, 0, 0},
                                  "",
                                  {fmt::format("berkas lebih besar dari batas {} bita", limits.max_bytes),
                                   fmt::format("file is larger than the limit of {} bytes", limits.max_bytes)}}};
  }
  text.resize(got);
  return text;
}

std::optional<Diagnostic> check_yaml_safety(std::string_view text, std::string_view file, const YamlLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return Diagnostic{{std::string(file), 0, 0},
                      "",
                      {fmt::format("berkas berukuran {} bita, melebihi batas {} bita", text.size(), limits.max_bytes),
                       fmt::format("file is {} bytes, larger than the limit of {} bytes", text.size(), limits.max_bytes)}};
  }
  std::istringstream stream{std::string(text)};
  GuardHandler handler(limits);
  try {
    YAML::Parser parser(stream);
    int documents = 0;
    while (parser.HandleNextDocument(handler)) {
      if (++documents > 1) {
        return Diagnostic{{std::string(file), 0, 0},
                          "",
                          {"berkas memuat lebih dari satu dokumen YAML; satu berkas satu kerangka",
                           "file holds more than one YAML document; one file is one framework"}};
      }
    }
  } catch (const Refusal& refusal) {
    return Diagnostic{at(file, refusal.mark), "", refusal.message};
  } catch (const YAML::DeepRecursion& e) {
    return Diagnostic{at(file, e.mark),
                      "",
                      {fmt::format("sarang lebih dalam dari {} tingkat; ditolak", limits.max_depth),
                       fmt::format("nesting deeper than {} levels; refused", limits.max_depth)}};
  } catch (const YAML::Exception& e) {
    return Diagnostic{at(file, e.mark), "", {"YAML tidak valid: " + e.msg, "invalid YAML: " + e.msg}};
  }
  return std::nullopt;
}

Expected<YAML::Node> load_yaml_document(std::string_view text, const std::string& file) {
  if (auto refusal = check_yaml_safety(text, file)) return Diagnostics{*refusal};
  YAML::Node document;
  try {
    document = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    // The guard parsed the same text; reaching here means yaml-cpp disagrees
    // with itself, but report it rather than crash.
    SourceLocation where{std::string(file), e.mark.is_null() ? 0 : e.mark.line + 1, e.mark.is_null() ? 0 : e.mark.column + 1};
    return Diagnostics{Diagnostic{where, "", {"YAML tidak valid: " + e.msg, "invalid YAML: " + e.msg}}};
  }
  if (!document.IsDefined() || document.IsNull()) return Diagnostics{Diagnostic{{std::string(file), 0, 0}, "", {"berkas kosong", "file is empty"}}};
  return document;
}

}  // namespace siap
