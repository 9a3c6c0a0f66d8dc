// siap study STUDY.yaml [--jobs N] [--keep-going]: every run of a manifest
// into its own folder, all or nothing, then the comparisons and a summary.
// Each run is this same binary run as `siap assess` in a child process, so
// a run behaves exactly as it would by hand and one run's failure (even a
// crash) cannot touch another's output; a run writes into a hidden staging
// folder that is renamed into place only when it succeeded.
#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "report/html_style.hpp"
#include "report/json_writer.hpp"
#include "report/xlsx_file.hpp"
#include "report/xlsx_sheet.hpp"
#include "siap/report.hpp"
#include "siap/study.hpp"

extern char** environ;

namespace siap::cli {
namespace {

namespace fs = std::filesystem;

struct StudyOptions {
  std::string manifest;
  int jobs = 1;
  bool keep_going = false;
};

enum class Outcome { ok, failed, skipped };

struct Job {
  std::string name;
  std::vector<std::string> args;  // after the binary
  std::string folder;             // final
  std::string staging;            // written while it runs
  Outcome outcome = Outcome::skipped;
  int exit_code = -1;
  std::string log;        // the child's stderr
  bool publishes = true;  // false: the child writes elsewhere; its staging folder only holds its log
};

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Starts `self args` with stdout to /dev/null and stderr to `log`; 0 when it could not start.
pid_t spawn(const std::string& self, const std::vector<std::string>& args, const std::string& log) {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(self.c_str()));
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = 0;
  const int failed = posix_spawn(&pid, self.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return failed ? 0 : pid;
}

// The staging folder becomes the run's folder; an older one is replaced.
bool publish(const Job& job) {
  std::error_code ec;
  const std::string old = job.staging + ".old";
  fs::remove_all(old, ec);
  if (fs::exists(job.folder)) fs::rename(job.folder, old, ec);
  if (ec) return false;
  fs::rename(job.staging, job.folder, ec);
  if (ec) return false;
  fs::remove_all(old, ec);
  return true;
}

// Runs the jobs, at most `jobs` at a time, in order; after a failure no new
// job starts unless `keep_going`. Progress on a terminal only.
void run_all(std::vector<Job>& work, int jobs, bool keep_going, const CliContext& ctx) {
  const std::string self = fs::read_symlink("/proc/self/exe").string();
  const bool progress = isatty(STDERR_FILENO) && ctx.verbosity != Verbosity::quiet;
  std::map<pid_t, std::size_t> running;
  std::size_t next = 0, done = 0;
  bool stop = false;
  auto show = [&] {
    if (!progress) return;
    std::string names;
    for (const auto& [pid, i] : running) names += (names.empty() ? "" : ", ") + work[i].name;
    fmt::print(stderr, "\r\033[K[{}/{}] {}", done, work.size(), names);
    std::fflush(stderr);
  };
  while (true) {
    while (!stop && next < work.size() && running.size() < std::size_t(jobs)) {
      Job& job = work[next++];
      std::error_code ec;
      fs::remove_all(job.staging, ec);
      fs::create_directories(job.staging, ec);
      const pid_t pid = ec ? 0 : spawn(self, job.args, job.staging + "/siap.log");
      if (pid == 0) {
        job.outcome = Outcome::failed;
        job.exit_code = kInternal;
        job.log = ctx.tr("tidak dapat dijalankan", "could not be started");
        ++done;
        stop = !keep_going;
        continue;
      }
      running[pid] = std::size_t(&job - work.data());
    }
    show();
    if (running.empty()) break;
    int status = 0;
    const pid_t pid = waitpid(-1, &status, 0);
    auto it = running.find(pid);
    if (it == running.end()) continue;
    Job& job = work[it->second];
    running.erase(it);
    ++done;
    job.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : kInternal;
    job.log = read_text(job.staging + "/siap.log");
    std::error_code ec;
    if (job.exit_code == 0) {
      fs::remove(job.staging + "/siap.log", ec);
      if (!job.publishes) fs::remove_all(job.staging, ec);
      job.outcome = !job.publishes || publish(job) ? Outcome::ok : Outcome::failed;
      if (job.outcome == Outcome::failed) job.exit_code = kBadInput;
    } else {
      job.outcome = Outcome::failed;
      fs::remove_all(job.staging, ec);  // nothing partial is left
      stop = stop || !keep_going;
    }
  }
  if (progress) fmt::print(stderr, "\r\033[K");
}

const char* outcome_code(Outcome o) { return o == Outcome::ok ? "ok" : o == Outcome::failed ? "failed" : "skipped"; }

LocalizedText outcome_label(Outcome o) {
  switch (o) {
    case Outcome::ok:
      return {"selesai", "done"};
    case Outcome::failed:
      return {"gagal", "failed"};
    case Outcome::skipped:
      break;
  }
  return {"dilewati (penilaian lain gagal; --keep-going meneruskannya)", "skipped (another run failed; --keep-going runs it)"};
}

// What the summary says of a finished run: its counts and its top unit, from its JSON.
struct RunFacts {
  long long units = 0, assessed = 0;
  std::string top, top_index;
};
RunFacts facts_of(const std::string& json_path) {
  RunFacts f;
  try {
    const auto j = nlohmann::json::parse(read_text(json_path));
    f.units = j.at("counts").at("units").get<long long>();
    f.assessed = j.at("counts").at("units_assessed").get<long long>();
    const auto& units = j.at("units");
    if (!units.empty() && units[0].at("assessed").get<bool>()) {
      f.top = units[0].at("name").get<std::string>();
      f.top_index = units[0].at("index").at("published").dump();
    }
  } catch (const std::exception&) {
  }
  return f;
}

int run_study(const StudyOptions& o, const CliContext& ctx) {
  if (o.jobs < 1 || o.jobs > 64) {
    ctx.error(fmt::format("--jobs: {}", ctx.tr("harus 1 sampai 64", "must be 1 to 64")));
    return kUsage;
  }
  std::error_code ec;
  if (!fs::is_regular_file(o.manifest, ec)) {
    ctx.error(fmt::format("{}: {}", o.manifest, ctx.tr("berkas tidak ada", "no such file")));
    return kBadInput;
  }
  const std::string base = fs::absolute(o.manifest).parent_path().string();
  auto study = load_study_file(o.manifest, base);
  if (!study) {
    for (const auto& e : study.errors()) ctx.error(e);
    return kBadInput;
  }
  const std::string lang = study->lang.empty() ? (ctx.lang == Lang::en ? "en" : "id") : study->lang;
  const Lang out_lang = lang == "en" ? Lang::en : Lang::id;
  if (!make_output_dir(study->output, ctx)) return kBadInput;

  std::vector<Job> runs;
  for (const StudyRun& r : study->runs) {
    Job job;
    job.name = r.name;
    job.folder = (fs::path(study->output) / r.name).string();
    job.staging = (fs::path(study->output) / ("." + r.name + ".partial")).string();
    job.args = {"--lang", lang, "-q", "assess"};
    job.args.insert(job.args.end(), r.inputs.begin(), r.inputs.end());
    job.args.insert(job.args.end(), {"-f", r.framework, "--format", fmt::format("{}", fmt::join(r.formats, ",")), "-o", job.staging});
    job.args.insert(job.args.end(), r.options.begin(), r.options.end());
    runs.push_back(std::move(job));
  }
  run_all(runs, o.jobs, o.keep_going, ctx);

  // Comparisons of runs that succeeded.
  std::vector<Job> comparisons;
  const std::string json_name = out_lang == Lang::en ? "assessment.json" : "penilaian.json";
  for (const StudyComparison& c : study->comparisons) {
    Job job;
    job.name = c.name;
    job.folder = (fs::path(study->output) / c.name).string();
    job.staging = (fs::path(study->output) / ("." + c.name + ".partial")).string();
    bool ready = true;
    std::vector<std::string> files, frameworks, years;
    for (const std::string& name : c.runs) {
      const auto it = std::find_if(study->runs.begin(), study->runs.end(), [&](const StudyRun& r) { return r.name == name; });
      const Job& run = runs[std::size_t(it - study->runs.begin())];
      ready = ready && run.outcome == Outcome::ok;
      files.push_back((fs::path(run.folder) / json_name).string());
      if (it->framework.find('/') != std::string::npos) frameworks.insert(frameworks.end(), {"-f", it->framework});
      if (it->year) years.push_back(std::to_string(*it->year));
    }
    if (!ready) {
      comparisons.push_back(std::move(job));  // skipped: a run it needs failed
      continue;
    }
    comparisons.push_back(std::move(job));
    Job& j = comparisons.back();
    j.args = {"--lang", lang, "-q", "compare"};
    j.args.insert(j.args.end(), files.begin(), files.end());
    j.args.insert(j.args.end(), frameworks.begin(), frameworks.end());
    if (years.size() == c.runs.size()) j.args.insert(j.args.end(), {"--years", fmt::format("{}", fmt::join(years, ","))});
    j.args.insert(j.args.end(), {"--labels", fmt::format("{}", fmt::join(c.runs, ","))});
  }
  // compare writes one format per call: one job per format, into one staging folder.
  std::vector<Job> compare_jobs;
  for (std::size_t i = 0; i < comparisons.size(); ++i) {
    if (comparisons[i].args.empty()) continue;
    std::error_code e;
    fs::remove_all(comparisons[i].staging, e);
    fs::create_directories(comparisons[i].staging, e);
    for (const std::string& format : study->comparisons[i].formats) {
      Job j = comparisons[i];
      j.name = comparisons[i].name + " (" + format + ")";
      j.args.insert(j.args.end(), {"--format", format, "-o",
                                   (fs::path(comparisons[i].staging) / ((out_lang == Lang::en ? "change." : "perubahan.") + format)).string()});
      j.staging = (fs::path(study->output) / ("." + comparisons[i].name + "." + format + ".partial")).string();
      j.publishes = false;
      compare_jobs.push_back(std::move(j));
    }
  }
  run_all(compare_jobs, o.jobs, true, ctx);
  std::size_t at = 0;
  for (std::size_t i = 0; i < comparisons.size(); ++i) {
    if (comparisons[i].args.empty()) continue;
    bool ok = true;
    for (std::size_t f = 0; f < study->comparisons[i].formats.size(); ++f) {
      const Job& j = compare_jobs[at++];
      if (j.outcome != Outcome::ok) {
        ok = false;
        comparisons[i].exit_code = j.exit_code;
        comparisons[i].log += j.log;
      }
    }
    if (ok) {
      comparisons[i].outcome = publish(comparisons[i]) ? Outcome::ok : Outcome::failed;
      comparisons[i].exit_code = comparisons[i].outcome == Outcome::ok ? 0 : kBadInput;
    } else {
      comparisons[i].outcome = Outcome::failed;
      std::error_code e;
      fs::remove_all(comparisons[i].staging, e);
    }
  }

  // The summary, in manifest order whatever the number of jobs.
  const std::string id_or_en = out_lang == Lang::en ? "summary" : "ringkasan";
  JsonWriter w;
  w.begin_object().field("schema", "siap/study/v1").field("title", study->title).field("manifest", o.manifest);
  std::string csv = out_lang == Lang::en ? "name,framework,status,exit_code,units,units_assessed,top,top_index,folder\r\n"
                                         : "nama,kerangka,status,kode_keluar,unit,unit_dinilai,teratas,indeks_teratas,folder\r\n";
  std::string rows_html;
  // Each finished run's JSON read once, for every summary.
  std::vector<RunFacts> facts;
  for (const Job& job : runs) facts.push_back(job.outcome == Outcome::ok ? facts_of((fs::path(job.folder) / json_name).string()) : RunFacts{});
  w.key("runs").begin_array();
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const Job& job = runs[i];
    const StudyRun& r = study->runs[i];
    const RunFacts& f = facts[i];
    w.begin_object().field("name", job.name).field("framework", r.framework).field("status", outcome_code(job.outcome));
    if (job.outcome != Outcome::skipped) w.field("exit_code", job.exit_code);
    if (job.outcome == Outcome::ok) {
      w.field("folder", job.name).field("units", f.units).field("units_assessed", f.assessed);
      if (!f.top.empty()) w.field("top", f.top).key("top_index").number(f.top_index);
    }
    w.end_object();
    csv += fmt::format("{},{},{},{},{},{},{},{},{}\r\n", csv_field(job.name, ','), csv_field(r.framework, ','), outcome_code(job.outcome),
                       job.outcome == Outcome::skipped ? "" : std::to_string(job.exit_code),
                       job.outcome == Outcome::ok ? std::to_string(f.units) : "", job.outcome == Outcome::ok ? std::to_string(f.assessed) : "",
                       csv_field(spreadsheet_safe(f.top), ','), f.top_index, job.outcome == Outcome::ok ? job.name : "");
    const bool html = std::find(r.formats.begin(), r.formats.end(), "html") != r.formats.end();
    const std::string report = (out_lang == Lang::en ? "assessment.html" : "penilaian.html");
    rows_html +=
        fmt::format("<tr><td>{}</td><td><code>{}</code></td><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>\n",
                    job.outcome == Outcome::ok && html ? fmt::format("<a href=\"{}/{}\">{}</a>", html_escape(job.name), report, html_escape(job.name))
                                                       : html_escape(job.name),
                    html_escape(r.framework), html_escape(outcome_label(job.outcome).in(out_lang)), html_escape(f.top), html_escape(f.top_index));
  }
  w.end_array();
  w.key("comparisons").begin_array();
  std::string comparisons_html;
  for (std::size_t i = 0; i < comparisons.size(); ++i) {
    const Job& job = comparisons[i];
    w.begin_object().field("name", study->comparisons[i].name).field("status", outcome_code(job.outcome));
    if (job.outcome == Outcome::ok) w.field("folder", study->comparisons[i].name);
    w.end_object();
    const bool html =
        std::find(study->comparisons[i].formats.begin(), study->comparisons[i].formats.end(), "html") != study->comparisons[i].formats.end();
    const std::string page = out_lang == Lang::en ? "change.html" : "perubahan.html";
    comparisons_html += fmt::format(
        "<li>{} · {}</li>\n",
        job.outcome == Outcome::ok && html
            ? fmt::format("<a href=\"{}/{}\">{}</a>", html_escape(study->comparisons[i].name), page, html_escape(study->comparisons[i].name))
            : html_escape(study->comparisons[i].name),
        html_escape(outcome_label(job.outcome).in(out_lang)));
  }
  w.end_array().end_object();
  const std::string title = study->title.empty() ? (out_lang == Lang::en ? "Study" : "Studi") : study->title;
  const std::string page = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<h1>{}</h1>\n"
      "<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th class=\"num\">{}</th></tr></thead>\n<tbody>\n{}</tbody>\n</table>\n{}"
      "<footer>siap {}</footer>\n</body>\n</html>\n",
      lang, html_escape(title), report::kHtmlStyle, html_escape(title), out_lang == Lang::en ? "Run" : "Penilaian",
      out_lang == Lang::en ? "Framework" : "Kerangka", "Status", out_lang == Lang::en ? "Top" : "Teratas", out_lang == Lang::en ? "Index" : "Indeks",
      rows_html,
      comparisons_html.empty() ? ""
                               : fmt::format("<h2>{}</h2>\n<ul>\n{}</ul>\n", out_lang == Lang::en ? "Comparisons" : "Perbandingan", comparisons_html),
      html_escape(SIAP_VERSION));
  std::string json = w.take() + "\n";
  // The same as a workbook: one row per run, numbers as numbers.
  auto workbook = build_xlsx(XlsxProperties{title, "siap " + std::string(SIAP_VERSION), output_date()}, [&](lxw_workbook* wb) {
    const XlsxBaseFormats base = add_base_formats(wb);
    XlsxSheet sheet(workbook_add_worksheet(wb, out_lang == Lang::en ? "Runs" : "Penilaian"));
    const std::vector<std::string> head =
        out_lang == Lang::en
            ? std::vector<std::string>{"Run", "Framework", "Status", "Exit code", "Units", "Assessed", "Top", "Top index"}
            : std::vector<std::string>{"Penilaian", "Kerangka", "Status", "Kode keluar", "Unit", "Dinilai", "Teratas", "Indeks teratas"};
    sheet.text(0, 0, title, base.title, false);
    for (std::size_t c = 0; c < head.size(); ++c) sheet.text(2, lxw_col_t(c), head[c], base.header);
    for (std::size_t i = 0; i < runs.size(); ++i) {
      const lxw_row_t row = lxw_row_t(3 + i);
      const Job& job = runs[i];
      sheet.text(row, 0, job.name);
      sheet.text(row, 1, study->runs[i].framework);
      sheet.text(row, 2, outcome_label(job.outcome).in(out_lang));
      if (job.outcome != Outcome::skipped) sheet.number(row, 3, job.exit_code);
      if (job.outcome == Outcome::ok) {
        const RunFacts& f = facts[i];
        sheet.number(row, 4, double(f.units));
        sheet.number(row, 5, double(f.assessed));
        sheet.text(row, 6, f.top);
        if (!f.top_index.empty()) sheet.number(row, 7, std::stod(f.top_index));
      }
    }
    sheet.freeze(3, 1);
    sheet.fit_columns(40);
  });
  if (!workbook) {
    for (const auto& e : workbook.errors()) ctx.error(e.message.in(ctx.lang));
    return kInternal;
  }
  if (!emit(json, (fs::path(study->output) / (id_or_en + ".json")).string(), ctx) ||
      !emit(csv, (fs::path(study->output) / (id_or_en + ".csv")).string(), ctx) ||
      !emit(page, (fs::path(study->output) / "index.html").string(), ctx) ||
      !emit(*workbook, (fs::path(study->output) / (id_or_en + ".xlsx")).string(), ctx)) {
    return kBadInput;
  }

  // What failed, with the first lines each failure said.
  int exit_code = kSuccess;
  for (const std::vector<Job>* list : {&runs, &comparisons}) {
    for (const Job& job : *list) {
      if (job.outcome == Outcome::ok) continue;
      if (job.outcome == Outcome::failed) {
        exit_code = std::max(exit_code, job.exit_code == kInternal || job.exit_code > kInternal ? int(kInternal) : int(kBadInput));
        std::string first = job.log.substr(0, job.log.find('\n', std::min<std::size_t>(job.log.size(), 400)));
        ctx.error(fmt::format("{}: {} ({} {}){}{}", job.name, outcome_label(job.outcome).in(ctx.lang), ctx.tr("status", "status"), job.exit_code,
                              first.empty() ? "" : ": ", first));
      } else {
        exit_code = std::max(exit_code, int(kBadInput));
        ctx.warning(fmt::format("{}: {}", job.name, outcome_label(job.outcome).in(ctx.lang)));
      }
    }
  }
  std::size_t ok = 0;
  for (const Job& job : runs) ok += job.outcome == Outcome::ok;
  ctx.info(fmt::format("{} {} {} {}; {}", ok, ctx.tr("dari", "of"), runs.size(), ctx.tr("penilaian selesai", "runs done"),
                       (fs::path(study->output) / "index.html").string()));
  return exit_code;
}

}  // namespace

void add_study_command(CLI::App& app, CliContext& ctx, int& exit_code) {
  auto o = std::make_shared<StudyOptions>();
  CLI::App* cmd = app.add_subcommand("study", ctx.tr("Jalankan semua penilaian dan perbandingan sebuah manifes studi (YAML)",
                                                     "Run every assessment and comparison of a study manifest (YAML)"));
  cmd->alias("studi");
  cmd->add_option("manifest", o->manifest, ctx.tr("Manifes studi (docs/study.md)", "The study manifest (docs/study.md)"))->required();
  cmd->add_option("-j,--jobs", o->jobs, ctx.tr("Penilaian yang berjalan bersamaan (bawaan 1)", "Runs at a time (default 1)"));
  cmd->add_flag("--keep-going", o->keep_going, ctx.tr("Teruskan penilaian lain setelah satu gagal", "Go on with the other runs after one fails"));
  cmd->footer(ctx.tr(
      "Contoh:\n  siap study studi.yaml --jobs 2\n\nStatus keluar: 0 semua selesai; 1 ada yang gagal karena datanya atau dilewati; 3 galat internal.",
      "Example:\n  siap study study.yaml --jobs 2\n\nExit status: 0 all done; 1 a run failed on its data or was skipped; 3 internal error."));
  cmd->callback([&ctx, &exit_code, o] { exit_code = run_study(*o, ctx); });
}

}  // namespace siap::cli
