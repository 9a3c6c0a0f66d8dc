// An XLSForm read back as the codebook of its exports (siap assess --form):
// the form siap made, perhaps edited in KoboToolbox afterwards (labels
// reworded, questions added). Its question names are matched to the
// framework's columns by name; what the form says beyond the framework (a
// question's or a choice's reworded labels) is added to the framework as
// aliases, so an export with label headers and label answers reads as
// downloaded. A label that would also mean something else is an error
// naming its cell, never a guess.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "siap/expected.hpp"
#include "siap/framework.hpp"

namespace siap {

struct FormCodebook {
  struct Entry {
    std::string name;
    std::vector<std::string> labels;  // every label column, in order (label, label::Indonesian (id), ...)
    std::string list;                 // questions: the choice list of a select_one; choices: their list
    int line = 0;                     // row in its sheet, for messages
  };
  std::string file;
  std::string version;  // settings: version
  std::vector<Entry> questions;
  std::vector<Entry> choices;
};

// Reads the `survey`, `choices` and `settings` sheets of an XLSForm.
Expected<FormCodebook> read_form_codebook(std::string_view bytes, const std::string& file);
Expected<FormCodebook> read_form_codebook(const std::string& path);

// `fw` with the form's labels as aliases: a question's labels for its
// column, a choice's labels for the level, yes/no word, category or
// respondent group it names. Questions the framework has no column for are
// listed in `unused`; a label that names another column or another level
// is an error naming the form's cell.
Expected<Framework> with_form_labels(Framework fw, const FormCodebook& form, std::vector<std::string>& unused);

}  // namespace siap
