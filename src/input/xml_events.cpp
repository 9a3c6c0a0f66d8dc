#include "input/xml_events.hpp"

#include <expat.h>
#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <memory>
#include <stdexcept>

namespace siap::xml {

std::string_view Attributes::get(std::string_view name) const {
  for (const char** p = pairs_; p != nullptr && *p != nullptr; p += 2) {
    if (name == p[0]) return p[1];
  }
  return {};
}

ParseError::ParseError(std::string p, std::size_t l, std::size_t c, std::string r)
    : std::runtime_error(fmt::format("{}:{}:{}: {}", p, l, c, r)), part(std::move(p)), line(l), column(c), reason(std::move(r)) {}

namespace {

std::string_view local_name(const char* qualified) {
  std::string_view name(qualified);
  if (auto colon = name.rfind(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
  return name;
}

// What the C callbacks reach; an exception from a handler is held here and
// rethrown once expat has returned (it must not unwind through C frames).
struct Context {
  XML_Parser parser;
  const Handlers& handlers;
  std::exception_ptr failure;
  const char* refusal = nullptr;

  template <class F>
  void guarded(F&& f) {
    if (failure || refusal) return;
    try {
      f();
    } catch (...) {
      failure = std::current_exception();
      XML_StopParser(parser, XML_FALSE);
    }
  }
};

void on_start(void* data, const XML_Char* name, const XML_Char** attributes) {
  auto& c = *static_cast<Context*>(data);
  if (c.handlers.start) c.guarded([&] { c.handlers.start(local_name(name), Attributes(attributes)); });
}

void on_end(void* data, const XML_Char* name) {
  auto& c = *static_cast<Context*>(data);
  if (c.handlers.end) c.guarded([&] { c.handlers.end(local_name(name)); });
}

void on_text(void* data, const XML_Char* text, int size) {
  auto& c = *static_cast<Context*>(data);
  if (c.handlers.text) c.guarded([&] { c.handlers.text(std::string_view(text, std::size_t(size))); });
}

void on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  auto& c = *static_cast<Context*>(data);
  c.refusal = "a DOCTYPE declaration, which no workbook part has";
  XML_StopParser(c.parser, XML_FALSE);
}

}  // namespace

void parse(std::string_view part, std::string_view document, const Handlers& handlers) {
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> parser(XML_ParserCreate("UTF-8"), &XML_ParserFree);
  if (!parser) throw std::bad_alloc();
  Context context{parser.get(), handlers, nullptr, nullptr};
  XML_SetUserData(parser.get(), &context);
  XML_SetElementHandler(parser.get(), on_start, on_end);
  XML_SetCharacterDataHandler(parser.get(), on_text);
  XML_SetStartDoctypeDeclHandler(parser.get(), on_doctype);
  // expat takes an int length: the document goes in pieces.
  constexpr std::size_t kPiece = 16u << 20;
  XML_Status status = XML_STATUS_OK;
  do {
    const std::size_t size = std::min(kPiece, document.size());
    const bool last = size == document.size();
    status = XML_Parse(parser.get(), document.data(), int(size), last ? XML_TRUE : XML_FALSE);
    document.remove_prefix(size);
    if (last) break;
  } while (status == XML_STATUS_OK);
  if (context.failure) std::rethrow_exception(context.failure);
  if (context.refusal != nullptr || status != XML_STATUS_OK) {
    throw ParseError(std::string(part), std::size_t(XML_GetCurrentLineNumber(parser.get())),
                     std::size_t(XML_GetCurrentColumnNumber(parser.get())) + 1,
                     context.refusal != nullptr ? context.refusal : XML_ErrorString(XML_GetErrorCode(parser.get())));
  }
}

}  // namespace siap::xml
