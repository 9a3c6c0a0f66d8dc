// The XML of a workbook's parts as a stream of events, on expat (Debian's
// libexpat, fuzzed upstream by OSS-Fuzz). liborcus's own XML parser is not
// used: Debian 12 builds it with assertions on, and a malformed part aborts
// the process inside it (found by fuzzing ODS and XLSX input).
#pragma once

#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace siap::xml {

// An element's attributes by qualified name ("r:id", "table:name"), valid
// only during the start callback.
class Attributes {
 public:
  explicit Attributes(const char** pairs) : pairs_(pairs) {}
  // The value of `name`, or "" when the element has no such attribute.
  std::string_view get(std::string_view name) const;

 private:
  const char** pairs_;
};

// Element names are local: any namespace prefix is dropped ("x:c" is "c"),
// since writers choose prefixes freely. Text arrives in pieces.
struct Handlers {
  std::function<void(std::string_view name, const Attributes& attributes)> start;
  std::function<void(std::string_view name)> end;
  std::function<void(std::string_view text)> text;
};

// A document that is not well-formed XML, or has a DOCTYPE.
struct ParseError : std::runtime_error {
  std::string part;  // the document's name, as given to parse
  std::size_t line = 0, column = 0;
  std::string reason;  // expat's words (English)
  ParseError(std::string part, std::size_t line, std::size_t column, std::string reason);
};

// Parses the document `part` (a name for messages). A malformed one, or one
// with a DOCTYPE (no workbook part has one, and entity declarations are how
// XML bombs work), throws ParseError; what a handler throws is rethrown once
// parsing has stopped.
void parse(std::string_view part, std::string_view document, const Handlers& handlers);

}  // namespace siap::xml
