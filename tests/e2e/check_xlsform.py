#!/usr/bin/python3
"""The questionnaire round trip, checked with tools that are not siap's own.

1. `siap questionnaire` writes an XLSForm; openpyxl reads it back and every
   XLSForm rule of shared/domain/questionnaires.md 2 is checked (exact sheet
   names, valid and unique names, choice lists that exist and have unique
   names, choice_filter on a column that exists, languages consistent across
   columns, settings, no formulas).
2. From the form alone (its names, labels and groups, read with openpyxl),
   exports are built in each shape KoboToolbox and ODK Central produce
   (Kobo XML values with `/` and `.` group separators, Kobo labels XLSX, ODK
   Central ZIP with `-`), filled with known answers, and `siap assess` must
   give the hand-calculated scores with zero rejected rows.

Hand calculation (kominfo-readiness: 54 Likert items 1-5, six of them
reverse keyed, score = 6 - answer; respondents combined by mean, 30 needed):
every respondent answers so that every item scores the same s (answer s on
a normal item, 6 - s on a reverse one), so every node, whatever its weights,
and the index are the mean of s over respondents:
  Kota Bandung (32.73):       30 respondents with s = 4            -> 4.00
  Kabupaten Bogor (32.01):    30 respondents with s = 2            -> 2.00
  Kabupaten Bandung (32.04):  20 with s = 5 and 10 with s = 3      -> 130/30 = 4.333... -> 4.33
A wrong column match, a reverse item read as normal, or a label read as
another level changes at least one of these.

Usage: check_xlsform.py SIAP_BINARY SOURCE_DIR
"""
import csv
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest
import zipfile

import openpyxl

SIAP = sys.argv.pop(1) if len(sys.argv) > 2 else os.environ.get("SIAP_BINARY", "siap")
ROOT = sys.argv.pop(1) if len(sys.argv) > 1 else os.environ.get("SIAP_SOURCE_DIR", ".")

NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
ID_LANG = "Indonesian (id)"
PLAN = [("32.73", "Kota Bandung", [4] * 30), ("32.01", "Kabupaten Bogor", [2] * 30), ("32.04", "Kabupaten Bandung", [5] * 20 + [3] * 10)]
EXPECTED = {"Kota Bandung": 4.00, "Kabupaten Bogor": 2.00, "Kabupaten Bandung": 4.33}


def run(args, check=True):
    env = dict(os.environ, NO_COLOR="1", SOURCE_DATE_EPOCH="1763856000")
    result = subprocess.run([SIAP, *args], capture_output=True, text=True, env=env, check=False)
    if check and result.returncode != 0:
        raise AssertionError(f"siap {' '.join(args)} exited {result.returncode}: {result.stderr}")
    return result


def sheet_rows(ws):
    rows = list(ws.iter_rows(values_only=True))
    header = [h for h in rows[0]]
    return header, [dict(zip(header, r)) for r in rows[1:] if any(v is not None for v in r)]


def reverse_items():
    """Leaf ids marked `reverse: true` in the framework YAML, read with a regex (not by siap)."""
    items, current = set(), None
    with open(os.path.join(ROOT, "frameworks", "kominfo-readiness.yaml"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\s+- id: (q\d+)\s*$", line)
            if m:
                current = m.group(1)
            elif current and re.match(r"\s+reverse: true\s*$", line):
                items.add(current)
    return items


class Form:
    """The parts of a generated XLSForm an export is built from."""

    def __init__(self, path):
        wb = openpyxl.load_workbook(path)
        self.wb = wb
        self.survey_header, self.survey = sheet_rows(wb["survey"])
        self.choices_header, self.choices = sheet_rows(wb["choices"])
        self.settings_header, settings = sheet_rows(wb["settings"])
        self.settings = settings[0]
        self.lists = {}
        for c in self.choices:
            self.lists.setdefault(c["list_name"], []).append(c)

    def fields(self):
        """(group path, name, label path, row) of every question that holds data, in order."""
        groups, out = [], []
        for row in self.survey:
            t = row["type"]
            if t == "begin_group":
                groups.append(row)
            elif t == "end_group":
                groups.pop()
            elif t not in ("note",):
                out.append(([g["name"] for g in groups], row["name"], [g[f"label::{ID_LANG}"] for g in groups], row))
        return out


def answers_for(form, code, s, reverse, key, labels):
    """One submission's values by question name."""
    values = {"start": "2026-12-01T08:00:00.000+07:00", "end": "2026-12-01T08:20:00.000+07:00", "today": "2026-12-01",
              "persetujuan": "ya", "provinsi": "32", "kabupaten_kota": code, "kelompok": "pemerintah", "id_responden": key}
    for _, name, _, row in form.fields():
        if re.fullmatch(r"q\d+", name):
            values[name] = str(6 - s if name in reverse else s)
    if labels:
        by_list = {}
        for _, name, _, row in form.fields():
            if row["type"].startswith("select_one "):
                by_list[name] = {c["name"]: c[f"label::{ID_LANG}"] for c in form.lists.get(row["type"].split(" ", 1)[1], [])}
        region_names = {c: n for c, n, _ in PLAN}
        for name in list(values):
            if name == "kabupaten_kota":
                values[name] = region_names[code]
            elif name in by_list:
                values[name] = by_list[name][values[name]]
    return values


def submissions(form, labels=False):
    reverse = reverse_items()
    out, n = [], 0
    for code, _, scores in PLAN:
        for s in scores:
            n += 1
            out.append(answers_for(form, code, s, reverse, f"uuid:{n:08d}", labels))
    return out


def write_xlsx(path, header, rows):
    """A one-sheet workbook as openpyxl writes it (a Kobo XLSX download has the same shape)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def header_of(groups, name, label_groups, row, separator, labels):
    """A column's header as the server writes it; separator None: Kobo's "without group names"."""
    if labels:
        return "/".join([*(label_groups if separator else []), row[f"label::{ID_LANG}"] or name])
    return separator.join([*groups, name]) if separator else name


class XlsFormRules(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = cls.tmp.name
        run(["questionnaire", "kominfo-readiness", "--province", "32", "--format", "xlsform,codebook", "-o", os.path.join(cls.dir, "jabar"), "-q"])
        run(["questionnaire", "kominfo-readiness", "-o", os.path.join(cls.dir, "national"), "-q"])
        cls.form = Form(os.path.join(cls.dir, "jabar", "formulir.xlsx"))
        cls.national = Form(os.path.join(cls.dir, "national", "formulir.xlsx"))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_sheets_and_columns(self):
        self.assertEqual(self.form.wb.sheetnames, ["survey", "choices", "settings"])
        for column in ("type", "name", f"label::{ID_LANG}", "label::English (en)", "required", "relevant", "appearance", "choice_filter"):
            self.assertIn(column, self.form.survey_header)
        for column in ("list_name", "name", f"label::{ID_LANG}", "label::English (en)", "prov"):
            self.assertIn(column, self.form.choices_header)

    def test_languages_consistent(self):
        for header in (self.form.survey_header, self.form.choices_header):
            by_column = {}
            for h in header:
                if "::" in h:
                    column, lang = h.split("::", 1)
                    by_column.setdefault(column, set()).add(lang)
            self.assertTrue(by_column)
            for column, langs in by_column.items():
                self.assertEqual(langs, {ID_LANG, "English (en)"}, column)
        self.assertEqual(self.form.settings["default_language"], ID_LANG)

    def test_names_valid_unique_and_groups_balanced(self):
        seen, depth = set(), 0
        for row in self.form.survey:
            self.assertRegex(row["name"], NAME)
            if row["type"] == "begin_group":
                depth += 1
            if row["type"] == "end_group":
                depth -= 1
                continue
            self.assertNotIn(row["name"], seen)
            seen.add(row["name"])
            self.assertGreaterEqual(depth, 0)
        self.assertEqual(depth, 0)
        for ref in re.findall(r"\$\{([^}]+)\}", " ".join(str(r.get("relevant") or "") + " " + str(r.get("choice_filter") or "") for r in self.form.survey)):
            self.assertIn(ref, seen)

    def test_choice_lists(self):
        for list_name, choices in self.form.lists.items():
            self.assertRegex(list_name, NAME)
            names = [c["name"] for c in choices]
            self.assertEqual(len(names), len(set(names)), list_name)
            for c in choices:
                self.assertIsInstance(c["name"], str, list_name)  # saved as text, not a number cell
        for row in self.form.survey:
            if row["type"].startswith("select_one "):
                self.assertIn(row["type"].split(" ", 1)[1], self.form.lists)
        self.assertEqual(len(self.form.lists["kabkota"]), 27)  # Jawa Barat's 27 kabupaten/kota
        self.assertEqual({c["prov"] for c in self.form.lists["kabkota"]}, {"32"})
        likert = self.form.lists["setuju"]
        self.assertEqual([c["name"] for c in likert], ["1", "2", "3", "4", "5"])
        self.assertEqual(likert[4][f"label::{ID_LANG}"], "Sangat setuju")
        region = next(r for r in self.form.survey if r["name"] == "kabupaten_kota")
        self.assertEqual(region["choice_filter"], "prov=${provinsi}")

    def test_national_form_uses_kabkota_csv(self):
        region = next(r for r in self.national.survey if r["name"] == "kabupaten_kota")
        self.assertEqual(region["type"], "select_one_from_file kabkota.csv")
        with open(os.path.join(self.dir, "national", "kabkota.csv"), encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        self.assertEqual(len(rows), 514)
        self.assertEqual(set(rows[0]), {"name", "label", "prov"})
        self.assertEqual(len(self.national.lists["provinsi"]), 38)

    def test_settings_and_text_only(self):
        s = self.form.settings
        self.assertEqual(s["form_id"], "siap_kominfo-readiness")
        self.assertEqual(s["version"], "1")
        self.assertIsInstance(s["version"], str)
        self.assertTrue(s["form_title"].startswith("Survei Kesiapan Kota Cerdas"))
        with zipfile.ZipFile(os.path.join(self.dir, "jabar", "formulir.xlsx")) as z:
            for name in z.namelist():
                if name.startswith("xl/worksheets/"):
                    self.assertNotIn(b"<f>", z.read(name), name)

    def test_codebook(self):
        with open(os.path.join(self.dir, "jabar", "buku-kode.csv"), encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        self.assertEqual(len(rows), 54)
        reverse = {r["kolom"] for r in rows if r["kebalikan"] == "ya"}
        self.assertEqual(reverse, reverse_items())


class RoundTrip(unittest.TestCase):
    """Exports of the generated form, in each server's shape, assess to the hand calculation."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = cls.tmp.name
        run(["questionnaire", "kominfo-readiness", "--province", "32", "-o", os.path.join(cls.dir, "form"), "-q"])
        cls.form = Form(os.path.join(cls.dir, "form", "formulir.xlsx"))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def assess(self, path, *extra):
        out = os.path.join(self.dir, os.path.basename(path) + ".out")
        run(["assess", path, "-f", "kominfo-readiness", "--format", "json", "-o", out, "-q", *extra])
        with open(os.path.join(out, "penilaian.json"), encoding="utf-8") as f:
            return json.load(f)

    def check(self, result):
        counts = result["counts"]
        self.assertEqual(counts["rows_read"], 90)
        self.assertEqual(counts["rows_accepted"], 90)
        self.assertEqual(counts["rows_rejected"], 0)
        got = {u["name"]: u["index"]["published"] for u in result["units"]}
        self.assertEqual(got, EXPECTED)

    def kobo_table(self, separator, labels):
        fields = self.form.fields()
        header = [header_of(g, n, lg, row, separator, labels) for g, n, lg, row in fields]
        extra = ["_id", "_uuid", "_submission_time", "_validation_status", "_index"]
        rows = []
        for i, values in enumerate(submissions(self.form, labels), start=1):
            rows.append([values.get(n, "") for _, n, _, _ in fields] + [str(1000 + i), f"u{i}", "2026-12-01T01:20:00", "", str(i)])
        return header + extra, rows

    def test_kobo_xml_values_csv_with_slash(self):
        header, rows = self.kobo_table("/", labels=False)
        path = os.path.join(self.dir, "kobo-xml.csv")
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, delimiter=";")
            w.writerow(header)
            w.writerows(rows)
        self.check(self.assess(path))

    def test_kobo_without_group_names_xml_and_labels(self):
        for labels in (False, True):
            header, rows = self.kobo_table(None, labels=labels)
            self.assertIn("q01" if not labels else "Layanan publik utama daerah kami sudah dapat diakses secara daring.", header)
            name = "kobo-nogroups-labels.xlsx" if labels else "kobo-nogroups-xml.xlsx"
            self.check(self.assess(write_xlsx(os.path.join(self.dir, name), header, rows)))

    def test_odk_central_csv(self):
        path = self.odk_zip("odk-csv.zip", lambda i: self.form.settings["version"])
        with zipfile.ZipFile(path) as z:
            data = z.read(self.form.settings["form_id"] + ".csv")
        csv_path = os.path.join(self.dir, "odk.csv")
        with open(csv_path, "wb") as f:
            f.write(data)
        self.check(self.assess(csv_path))

    def test_kobo_xml_values_xlsx_with_dot(self):
        header, rows = self.kobo_table(".", labels=False)
        self.check(self.assess(write_xlsx(os.path.join(self.dir, "kobo-xml-dot.xlsx"), header, rows)))

    def test_kobo_labels_xlsx(self):
        header, rows = self.kobo_table("/", labels=True)
        self.check(self.assess(write_xlsx(os.path.join(self.dir, "kobo-labels.xlsx"), header, rows)))

    def test_odk_central_zip(self):
        path = self.odk_zip("odk.zip", lambda i: self.form.settings["version"])
        self.check(self.assess(path))

    def test_odk_rows_of_another_form_version_are_scored_and_said(self):
        path = self.odk_zip("odk-v2.zip", lambda i: "2" if i > 80 else self.form.settings["version"])
        out = os.path.join(self.dir, "odk-v2.out")
        result = run(["--lang", "en", "assess", path, "-f", "kominfo-readiness", "--format", "json", "-o", out])
        self.assertIn("10 rows were filled in on form version '2' (FormVersion), not the framework's version '1'", result.stderr)
        with open(os.path.join(out, "assessment.json"), encoding="utf-8") as f:
            self.check(json.load(f))

    def odk_zip(self, name, version_of):
        fields = self.form.fields()
        header = ["SubmissionDate"] + ["-".join([*g, n]) for g, n, _, _ in fields] + ["meta-instanceID", "KEY", "SubmitterID", "SubmitterName",
                                                                                     "AttachmentsPresent", "AttachmentsExpected", "Status",
                                                                                     "ReviewState", "DeviceID", "Edits", "FormVersion"]
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        w.writerow(header)
        for i, values in enumerate(submissions(self.form), start=1):
            key = f"uuid:{i:08d}"
            w.writerow(["2026-12-01T01:20:00.000Z"] + [values.get(n, "") for _, n, _, _ in fields] +
                       [key, key, "5", "enumerator", "0", "0", "", "", "", "0", version_of(i)])
        path = os.path.join(self.dir, name)
        with zipfile.ZipFile(path, "w") as z:
            z.writestr(self.form.settings["form_id"] + ".csv", out.getvalue())
        return path


class EditedFormAsCodebook(unittest.TestCase):
    """A form edited in KoboToolbox after siap made it (reworded labels, an added question, a new version), given
    with --form, is the codebook of its label export: the scores are the hand calculation's."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = cls.tmp.name
        run(["questionnaire", "kominfo-readiness", "--province", "32", "-o", os.path.join(cls.dir, "form"), "-q"])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def edit(self, name, level_labels):
        wb = openpyxl.load_workbook(os.path.join(self.dir, "form", "formulir.xlsx"))
        survey, choices, settings = wb["survey"], wb["choices"], wb["settings"]
        header = [c.value for c in survey[1]]
        col = {h: i + 1 for i, h in enumerate(header)}
        for row in survey.iter_rows(min_row=2):
            if row[col["name"] - 1].value == "q01":
                row[col[f"label::{ID_LANG}"] - 1].value = "Layanan publik kami sudah daring"
            if row[col["name"] - 1].value == "q02":
                row[col[f"label::{ID_LANG}"] - 1].value = "Keterampilan digital petugas layanan memadai"
        survey.append(["text", "catatan", "Catatan tambahan", "Remarks"])
        cheader = [c.value for c in choices[1]]
        ccol = {h: i + 1 for i, h in enumerate(cheader)}
        for row in choices.iter_rows(min_row=2):
            if row[ccol["list_name"] - 1].value == "setuju" and row[ccol["name"] - 1].value in level_labels:
                row[ccol[f"label::{ID_LANG}"] - 1].value = level_labels[row[ccol["name"] - 1].value]
        settings["C2"] = "2"
        path = os.path.join(self.dir, name)
        wb.save(path)
        return path, Form(path)

    def test_reworded_labels_read_with_the_form(self):
        path, form = self.edit("diedit.xlsx", {"4": "Agak setuju", "5": "Sangat-sangat setuju"})
        fields = form.fields()
        header = [header_of(g, n, lg, row, "/", True) for g, n, lg, row in fields]
        rows = []
        for values in submissions(form, labels=True):
            values["catatan"] = "-"
            rows.append([values.get(n, "") for _, n, _, _ in fields])
        export = write_xlsx(os.path.join(self.dir, "ekspor-label.xlsx"), header, rows)
        self.assertIn("Layanan publik kami sudah daring", header[header.index("Smart Governance/Layanan publik kami sudah daring")])
        out = os.path.join(self.dir, "ekspor.out")
        result = run(["--lang", "en", "assess", export, "-f", "kominfo-readiness", "--form", path, "--format", "json", "-o", out])
        self.assertIn("the form's version is '2', the framework's '1'", result.stderr)
        with open(os.path.join(out, "assessment.json"), encoding="utf-8") as f:
            data = json.load(f)
        self.assertEqual(data["counts"]["rows_rejected"], 0)
        self.assertEqual(data["counts"]["cells_ignored"], 0)
        self.assertEqual({u["name"]: u["index"]["published"] for u in data["units"]}, EXPECTED)
        # Without the form the reworded questions are not found.
        without = run(["--lang", "en", "assess", export, "-f", "kominfo-readiness", "--format", "json", "-o", out + "2"], check=False)
        self.assertEqual(without.returncode, 1)
        self.assertIn("required columns missing: 'q01', 'q02'", without.stderr)

    def test_a_label_that_means_another_level_is_an_error_naming_the_cell(self):
        path, _ = self.edit("rancu.xlsx", {"5": "Setuju"})  # level 4's label in the framework
        result = run(["--lang", "en", "validate", os.path.join(ROOT, "samples", "kominfo-readiness-jabar.csv"), "-f", "kominfo-readiness",
                      "--form", path], check=False)
        self.assertEqual(result.returncode, 1)
        self.assertRegex(result.stderr, r"rancu\.xlsx:\d+: label 'Setuju' is also level 4's label in the framework: the form cannot serve as the codebook")


class PaperRoundTrip(unittest.TestCase):
    """The entry template and the printable questionnaire: what is typed into the template assesses as it is."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "out")
        run(["questionnaire", "kominfo-readiness", "--province", "32", "--format", "template,html,md", "-o", cls.dir, "-q"])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_template_columns_lists_and_validations(self):
        wb = openpyxl.load_workbook(os.path.join(self.dir, "templat-entri.xlsx"))
        self.assertEqual(wb.sheetnames, ["Data", "Pilihan", "Buku kode"])
        data = wb["Data"]
        header = [c.value for c in data[1]]
        self.assertEqual(header, ["id_responden", "kabupaten_kota", "kelompok"] + [f"q{i:02d}" for i in range(1, 55)])
        self.assertEqual(data.freeze_panes, "A2")
        lists = {}
        for col in wb["Pilihan"].iter_cols(values_only=True):
            lists[col[0]] = [v for v in col[1:] if v is not None]
        self.assertEqual(len(lists["kabupaten_kota"]), 27)
        self.assertIn("Kota Bandung", lists["kabupaten_kota"])
        self.assertEqual(lists["q01"], [1, 2, 3, 4, 5])  # numbers, so that a typed 4 is on the list
        self.assertEqual(lists["kelompok"], ["pemerintah", "akademisi", "bisnis", "komunitas", "media"])
        validations = {str(dv.sqref): dv for dv in data.data_validations.dataValidation}
        q01 = validations["D2:D5001"]
        self.assertEqual(q01.type, "list")
        self.assertEqual(q01.formula1, '"1,2,3,4,5"')  # a short list inline
        self.assertEqual(validations["C2:C5001"].formula1, '"pemerintah,akademisi,bisnis,komunitas,media"')
        self.assertEqual(validations["B2:B5001"].formula1, "'Pilihan'!$A$2:$A$28")  # the 27 regions, too long to be inline
        self.assertEqual(len(validations), 57)
        self.assertEqual(wb["Buku kode"].max_row, 55)

    def test_filled_template_assesses_to_the_hand_calculation(self):
        path = os.path.join(self.dir, "templat-entri.xlsx")
        wb = openpyxl.load_workbook(path)
        data = wb["Data"]
        reverse = reverse_items()
        n = 0
        for code, name, scores in PLAN:
            for s in scores:
                n += 1
                data.append([f"R{n}", name, "akademisi"] + [6 - s if f"q{i:02d}" in reverse else s for i in range(1, 55)])
        filled = os.path.join(self.dir, "diisi.xlsx")
        wb.save(filled)
        out = os.path.join(self.dir, "diisi.out")
        run(["assess", filled, "-f", "kominfo-readiness", "--format", "json", "-o", out, "-q"])
        with open(os.path.join(out, "penilaian.json"), encoding="utf-8") as f:
            result = json.load(f)
        self.assertEqual(result["counts"]["rows_accepted"], 90)
        self.assertEqual(result["counts"]["rows_rejected"], 0)
        self.assertEqual({u["name"]: u["index"]["published"] for u in result["units"]}, EXPECTED)

    def test_printable_asks_every_item_once_in_order(self):
        with open(os.path.join(self.dir, "kuesioner.html"), encoding="utf-8") as f:
            page = f.read()
        codes = re.findall(r'<span class="code">(q\d\d)</span>', page)
        self.assertEqual(codes, [f"q{i:02d}" for i in range(1, 55)])
        self.assertEqual(len(re.findall(r"<h2>", page)), 7)  # identity and the six dimensions
        self.assertNotIn("<script", page)
        with open(os.path.join(self.dir, "kuesioner.md"), encoding="utf-8") as f:
            md = f.read()
        self.assertEqual(re.findall(r"`(q\d\d)`", md), [f"q{i:02d}" for i in range(1, 55)])


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
