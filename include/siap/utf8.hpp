// UTF-8 validity: every text a user sees, and every byte siap writes into
// XML, JSON or HTML, must be valid UTF-8. Input is checked where it enters
// (CSV files, framework files); what cannot be checked there (a file name
// from the command line) is escaped where it is shown.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace siap {

// Length of the valid UTF-8 prefix of [p, p+n) (no overlong forms, no
// surrogates, nothing above U+10FFFF). `incomplete` is set when the invalid
// part is only a sequence cut off by the end of the data.
std::size_t valid_utf8_prefix(const unsigned char* p, std::size_t n, bool& incomplete);

bool is_valid_utf8(std::string_view text);

// The text with every byte that is not part of valid UTF-8 written as \xNN,
// so that it can be shown and still says which byte it was.
std::string escape_invalid_utf8(std::string_view text);

// Code points in valid UTF-8 text: how wide it shows in a terminal or a
// cell (every character counted as one column).
std::size_t code_points(std::string_view text);
// The longest prefix of at most `max_bytes` that does not end inside a
// UTF-8 sequence, in bytes.
std::size_t whole_characters(std::string_view text, std::size_t max_bytes);
// Valid UTF-8 text cut to at most `max` code points for a column or a label
// of fixed width: unchanged when it fits, else its first max - 1 code points
// and "…". Never cuts inside a character (a byte count would: a report line
// with half a character is not UTF-8).
std::string shorten(std::string_view text, std::size_t max);

}  // namespace siap
