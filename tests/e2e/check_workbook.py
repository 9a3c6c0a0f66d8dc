#!/usr/bin/python3
"""Reads siap's XLSX and HTML reports back with tools that are not siap's own:
openpyxl (Debian's python3-openpyxl) for cells, fills and conditional formats,
the XLSX's own XML for charts, and Python's html.parser for the HTML report.

Usage: check_workbook.py SIAP_BINARY SOURCE_DIR
"""
import html.parser
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


def assess(args, out_dir, lang="id"):
    env = dict(os.environ, NO_COLOR="1", SOURCE_DATE_EPOCH="1763856000")  # 2025-11-23
    result = subprocess.run([SIAP, "assess", *args, "-o", out_dir, "--lang", lang, "-q"],
                            capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        raise AssertionError(f"siap exited {result.returncode}: {result.stderr}")
    return result


def band_colors(framework_file):
    """Band label -> colour, read from the framework YAML with a regex (no siap code)."""
    colors = {}
    with open(os.path.join(ROOT, "frameworks", framework_file), encoding="utf-8") as f:
        for line in f:
            m = re.search(r"label: \{id: ([^,]+), en: [^}]+\}, from: [^,]+, to: [^,]+, color: \"#([0-9A-Fa-f]{6})\"", line)
            if m:
                colors[m.group(1).strip()] = m.group(2).upper()
    return colors


def fill_rgb(cell):
    color = cell.fill.fgColor.rgb if cell.fill is not None and cell.fill.fgColor is not None else None
    return color[-6:].upper() if isinstance(color, str) else None


def rows_after_header(ws, first_header):
    """The header row whose first cell is `first_header`, and the rows below it."""
    for row in ws.iter_rows():
        if row[0].value == first_header:
            header = [c.value for c in row]
            start = row[0].row
            return header, [r for r in ws.iter_rows(min_row=start + 1)]
    raise AssertionError(f"no header row starting with {first_header!r} in {ws.title}")


def chart_kinds(path):
    """Per chart part, its plot type, and which sheet's drawing holds it."""
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        kinds = {}
        for name in names:
            if name.startswith("xl/charts/chart"):
                xml = z.read(name).decode()
                kind = re.search(r"<c:(barChart|radarChart|lineChart|pieChart)>", xml).group(1)
                kinds[name] = (kind, xml)
        sheet_charts = {}
        for name in names:
            m = re.match(r"xl/worksheets/_rels/(sheet\d+)\.xml\.rels", name)
            if not m:
                continue
            drawing = re.search(r'Target="\.\./drawings/(drawing\d+\.xml)"', z.read(name).decode())
            if not drawing:
                continue
            rels = z.read(f"xl/drawings/_rels/{drawing.group(1)}.rels").decode()
            sheet_charts[m.group(1)] = ["xl/charts/" + t for t in re.findall(r'Target="\.\./charts/(chart\d+\.xml)"', rels)]
        formulas = sum(len(re.findall(r"<f[ >]", z.read(n).decode())) for n in names if n.startswith("xl/worksheets/sheet"))
        return kinds, sheet_charts, formulas


class DenpasarWorkbook(unittest.TestCase):
    """Kota Denpasar's official SPBE 2018 levels: published index 2.64 (Baik),
    domains 2.06 / 2.29 / 3.00 (shared/domain/spbe.md §2.1, §3.1)."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        assess([os.path.join(ROOT, "samples/spbe-2018-denpasar.csv"), "-f", "spbe-2018", "--format", "xlsx"], cls.dir.name)
        cls.path = os.path.join(cls.dir.name, "penilaian.xlsx")
        cls.wb = openpyxl.load_workbook(cls.path)

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def test_sheets_in_indonesian(self):
        self.assertEqual(self.wb.sheetnames, ["Ringkasan", "Peta", "Dimensi", "Indikator", "Indikator (rinci)", "Profil", "Kualitas Data", "Metode"])

    def test_published_index_is_a_number_with_two_decimals(self):
        header, rows = rows_after_header(self.wb["Ringkasan"], "Peringkat")
        score = rows[0][header.index("Skor")]
        self.assertEqual(rows[0][header.index("Wilayah")].value, "Kota Denpasar")
        self.assertEqual(score.data_type, "n")
        self.assertEqual(score.value, 2.64)
        self.assertEqual(score.number_format, "0.00")

    def test_band_cell_has_the_frameworks_fill(self):
        header, rows = rows_after_header(self.wb["Ringkasan"], "Peringkat")
        band = rows[0][header.index("Predikat")]
        self.assertEqual(band.value, "Baik")
        self.assertEqual(fill_rgb(band), band_colors("spbe-2018.yaml")["Baik"])

    def test_domains_on_the_dimensions_sheet(self):
        ws = self.wb["Dimensi"]
        header = [c.value for c in ws[1]]
        row = [c.value for c in ws[2]]
        # Rank, code, region, index, then the three domains in framework order.
        self.assertEqual(header[3], "Skor")
        self.assertEqual(row[3], 2.64)
        self.assertTrue(header[4].startswith("Kebijakan Internal"), header[4])
        self.assertTrue(header[5].startswith("Tata Kelola"), header[5])
        self.assertTrue(header[6].startswith("Layanan"), header[6])
        self.assertEqual(row[4:7], [2.06, 2.29, 3.00])

    def test_dimensions_heatmap_spans_the_score_range(self):
        rules = [r for cf in self.wb["Dimensi"].conditional_formatting for r in cf.rules]
        self.assertTrue(rules, "no conditional format on Dimensi")
        scale = rules[0].colorScale
        self.assertIsNotNone(scale)
        self.assertEqual([float(v.val) for v in scale.cfvo], [0.0, 2.5, 5.0])

    def test_long_table_keeps_exact_and_published_values(self):
        header, rows = rows_after_header(self.wb["Indikator (rinci)"], "Kode")
        kebijakan = [r for r in rows if r[header.index("ID")].value == "D1"][0]
        # 35 levels of the Kebijakan domain sum to 35, over 17 indicators.
        self.assertAlmostEqual(kebijakan[header.index("Skor eksak")].value, 35 / 17, places=6)
        self.assertEqual(kebijakan[header.index("Skor terbit")].value, 2.06)

    def test_method_sheet_lists_sources_and_hash(self):
        values = [c.value for row in self.wb["Metode"].iter_rows() for c in row if isinstance(c.value, str)]
        with open(os.path.join(ROOT, "samples/spbe-2018-denpasar.csv"), "rb") as f:
            import hashlib
            digest = hashlib.sha256(f.read()).hexdigest()
        self.assertTrue(any(digest in v for v in values), "input sha256 not on the Method sheet")
        self.assertIn("setengah ke atas pada nilai eksak, 2 desimal", values)


class ReadinessWorkbook(unittest.TestCase):
    """The bundled Jawa Barat readiness survey (27 regions, five planted problems)."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        assess([os.path.join(ROOT, "samples/kominfo-readiness-jabar.csv"), "-f", "kominfo-readiness", "--format", "xlsx,json"], cls.dir.name)
        cls.path = os.path.join(cls.dir.name, "penilaian.xlsx")
        cls.wb = openpyxl.load_workbook(cls.path)
        with open(os.path.join(cls.dir.name, "penilaian.json"), encoding="utf-8") as f:
            cls.json = json.load(f)

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def test_counts_reconcile(self):
        values = {}
        for row in self.wb["Ringkasan"].iter_rows(max_row=14):
            if isinstance(row[0].value, str) and isinstance(row[2].value, (int, float)):
                values[row[0].value] = row[2].value
        self.assertEqual(values["Baris dibaca"], 1455)
        self.assertEqual(values["Diterima"], 1453)
        self.assertEqual(values["Ditolak"], 2)

    def test_ranking_matches_the_json_report(self):
        header, rows = rows_after_header(self.wb["Ringkasan"], "Peringkat")
        units = self.json["units"]
        self.assertEqual(len([r for r in rows if r[0].value is not None]), 27)
        for row, unit in zip(rows, units):
            self.assertEqual(row[header.index("Kode")].value, unit["code"])
            self.assertEqual(row[header.index("Peringkat")].value, unit["rank"])
            self.assertEqual(row[header.index("Skor")].value, float(unit["index"]["published"]))
            self.assertEqual(row[header.index("Skor")].data_type, "n")

    def test_every_band_fill_is_its_bands_colour(self):
        colors = band_colors("kominfo-readiness.yaml")
        header, rows = rows_after_header(self.wb["Ringkasan"], "Peringkat")
        seen = set()
        for row in rows:
            band = row[header.index("Predikat")]
            if band.value is None:
                continue
            self.assertEqual(fill_rgb(band), colors[band.value], band.value)
            seen.add(band.value)
        self.assertGreaterEqual(len(seen), 3)

    def test_frozen_header_and_autofilter(self):
        ws = self.wb["Ringkasan"]
        header_row = rows_after_header(ws, "Peringkat")[1][0][0].row - 1
        self.assertEqual(ws.freeze_panes, f"D{header_row + 1}")
        self.assertTrue(ws.auto_filter.ref.startswith(f"A{header_row}:"))

    def test_charts_one_bar_chart_and_a_radar_per_region(self):
        kinds, sheet_charts, formulas = chart_kinds(self.path)
        summary = sheet_charts["sheet1"]
        self.assertEqual([kinds[c][0] for c in summary], ["barChart"])
        self.assertIn('<c:barDir val="bar"/>', kinds[summary[0]][1])
        profiles = sheet_charts["sheet6"]  # Ringkasan, Peta, Dimensi, Indikator, Indikator (rinci), Profil
        self.assertEqual(len(profiles), 27)
        self.assertTrue(all(kinds[c][0] == "radarChart" for c in profiles))
        # The first radar charts the six dimensions of the first region.
        first = kinds[profiles[0]][1]
        self.assertEqual(len(re.findall(r"<c:pt idx=", first.split("<c:val>")[1].split("</c:val>")[0])), 6)
        self.assertEqual(formulas, 0, "the workbook must hold no formulas")

    def test_data_quality_sheet_lists_the_five_planted_problems(self):
        header, rows = rows_after_header(self.wb["Kualitas Data"], "Jenis")
        codes = sorted(r[header.index("Kode")].value for r in rows if r[0].value)
        self.assertEqual(codes, ["duplicate_respondent", "no_region", "out_of_scale", "out_of_scale", "out_of_scale"])
        lines = [r[header.index("Baris")] for r in rows if r[0].value]
        self.assertTrue(all(c.data_type == "n" for c in lines))

    def test_indicators_wide_has_every_item(self):
        ws = self.wb["Indikator"]
        ids = [c.value for c in ws[1]][2:]
        self.assertEqual(len(ids), 54)
        self.assertEqual(ids[0], "q01")


class EnglishWorkbook(unittest.TestCase):
    def test_sheet_names_and_labels_in_english(self):
        with tempfile.TemporaryDirectory() as d:
            assess([os.path.join(ROOT, "samples/spbe-2020-jabar.csv"), "-f", "spbe-2020", "--format", "xlsx"], d, lang="en")
            wb = openpyxl.load_workbook(os.path.join(d, "assessment.xlsx"))
            self.assertEqual(wb.sheetnames, ["Summary", "Map", "Dimensions", "Indicators", "Indicators (long)", "Profiles", "Data quality", "Method"])
            header, rows = rows_after_header(wb["Summary"], "Rank")
            self.assertIn("Band", header)
            self.assertEqual(rows[0][header.index("Score")].data_type, "n")


class TagCollector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []
        self.attrs = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


class HostileNames(unittest.TestCase):
    """A unit named like a formula or a script stays text in XLSX, CSV and HTML."""

    FORMULA = '=HYPERLINK("http://x","y")'
    SCRIPT = "<script>alert(1)</script>"

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        path = os.path.join(cls.dir.name, "h.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write('instansi,D1,D2,D3,D4\n"=HYPERLINK(""http://x"",""y"")",3,3,3,3\n<script>alert(1)</script>,2,2,2,2\n@SUM(A1),4,4,4,4\n'
                    '"ctl\x01\x1b[31m ]]> x",1,1,1,1\n')
        assess([path, "-f", "spbe-2020", "--allow-non-regions", "--format", "xlsx,html,csv"], cls.dir.name)

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def test_xlsx_cells_are_strings_and_there_are_no_formulas(self):
        path = os.path.join(self.dir.name, "penilaian.xlsx")
        wb = openpyxl.load_workbook(path)
        for sheet in ["Ringkasan", "Dimensi", "Indikator", "Indikator (rinci)"]:
            cells = [c for row in wb[sheet].iter_rows() for c in row if c.value in (self.FORMULA, self.SCRIPT, "@SUM(A1)")]
            self.assertGreaterEqual(len(cells), 3, sheet)
            self.assertTrue(all(c.data_type == "s" for c in cells), sheet)
        self.assertEqual(chart_kinds(path)[2], 0)

    def test_every_xml_part_is_well_formed_despite_control_characters(self):
        # libxlsxwriter copies chart labels into the chart XML unescaped; a
        # control character there would make Excel "repair" the file.
        import xml.etree.ElementTree as ET
        with zipfile.ZipFile(os.path.join(self.dir.name, "penilaian.xlsx")) as z:
            for name in z.namelist():
                if name.endswith((".xml", ".rels")):
                    ET.fromstring(z.read(name))  # raises on a bad character
        wb = openpyxl.load_workbook(os.path.join(self.dir.name, "penilaian.xlsx"))
        names = [c.value for row in wb["Ringkasan"].iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("ctl")]
        self.assertEqual(names, ["ctl\ufffd\ufffd[31m ]]> x"])
        with open(os.path.join(self.dir.name, "penilaian.html"), encoding="utf-8") as f:
            text = f.read()
        self.assertIsNone(re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text))
        self.assertIn("ctl\ufffd\ufffd[31m ]]&gt; x", text)

    def test_csv_cells_cannot_start_a_formula(self):
        with open(os.path.join(self.dir.name, "penilaian.csv"), encoding="utf-8-sig") as f:
            text = f.read()
        self.assertIn("'=HYPERLINK", text)
        self.assertIn("'@SUM(A1)", text)
        self.assertNotRegex(text, r"(^|[,;])[=+@]")

    def test_html_has_no_script_and_no_external_assets(self):
        with open(os.path.join(self.dir.name, "penilaian.html"), encoding="utf-8") as f:
            text = f.read()
        parser = TagCollector()
        parser.feed(text)
        self.assertNotIn("script", parser.tags)
        self.assertIn(self.SCRIPT, "".join(parser.text))  # shown as text
        for name, value in parser.attrs:
            self.assertFalse(name.startswith("on"), name)
            self.assertNotIn(name, ("src", "srcset"))
            if name == "href":
                self.fail(f"link to {value}")
        self.assertNotIn("<link", text)
        self.assertNotIn("@import", text)
        self.assertNotIn("url(", text)


class RollupSheet(unittest.TestCase):
    """assess --rollup province on the Jawa Barat sample: the Provinsi sheet,
    read with openpyxl, holds the mean of the Ringkasan sheet's 27 indices."""

    def test_province_is_the_mean_of_its_kabupaten_kota(self):
        with tempfile.TemporaryDirectory() as tmp:
            assess([os.path.join(ROOT, "samples", "kominfo-readiness-jabar.csv"), "-f", "kominfo-readiness",
                    "--format", "xlsx,json", "--rollup", "province"], tmp)
            wb = openpyxl.load_workbook(os.path.join(tmp, "penilaian.xlsx"))
            self.assertIn("Provinsi", wb.sheetnames)
            header, rows = rows_after_header(wb["Provinsi"], "Peringkat")
            jabar = [c.value for c in rows[0]]
            self.assertEqual(jabar[header.index("Provinsi")], "Jawa Barat")
            self.assertEqual(jabar[header.index("Kab/kota dinilai")], 27)
            self.assertEqual(jabar[header.index("Cakupan")], 1)
            with open(os.path.join(tmp, "penilaian.json"), encoding="utf-8") as f:
                units = json.load(f)["units"]
            from decimal import Decimal, ROUND_HALF_UP
            mean = sum(Decimal(u["index"]["exact"]) for u in units) / len(units)
            self.assertEqual(Decimal(str(jabar[header.index("Skor")])), mean.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


class Maps(unittest.TestCase):
    """The choropleth of the Jawa Barat readiness sample, read with Python's
    XML parser (the SVG), its PNG header, and the workbook's picture."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        assess([os.path.join(ROOT, "samples", "kominfo-readiness-jabar.csv"), "-f", "kominfo-readiness",
                "--format", "map,map-png,json,xlsx,html"], cls.tmp.name)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_one_shape_per_kabupaten_kota_in_its_band_colour(self):
        import xml.etree.ElementTree as ET
        colors = {}
        with open(os.path.join(ROOT, "frameworks", "kominfo-readiness.yaml"), encoding="utf-8") as f:
            for line in f:
                m = re.search(r'\{id: ([a-z_]+), label: .*color: "#([0-9A-Fa-f]{6})"', line)
                if m:
                    colors[m.group(1)] = "#" + m.group(2).upper()
        with open(os.path.join(self.tmp.name, "penilaian.json"), encoding="utf-8") as f:
            units = json.load(f)["units"]
        expected = {u["code"]: colors[u["index"]["bands"]["kesiapan"]] for u in units}
        ns = {"svg": "http://www.w3.org/2000/svg"}
        root = ET.parse(os.path.join(self.tmp.name, "peta.svg")).getroot()
        shapes = {p.get("data-code"): p for p in root.iter("{http://www.w3.org/2000/svg}path")}
        self.assertEqual(len(shapes), 27)  # every kabupaten/kota of Jawa Barat, each once
        self.assertEqual(set(shapes), set(expected))
        for code, path in shapes.items():
            self.assertEqual(path.get("fill").upper(), expected[code], code)
            title = path.find("svg:title", ns).text
            self.assertTrue(title.startswith(next(u["name"] for u in units if u["code"] == code) + ": "), title)
        legend = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
        for label in ("Belum siap", "Kurang siap", "Cukup siap", "Siap"):
            self.assertIn(label, legend)
        self.assertTrue(any("MIT" in (t or "") for t in legend))  # the boundaries' credit

    def test_png_is_a_png_twice_the_svg_size(self):
        with open(os.path.join(self.tmp.name, "peta.png"), "rb") as f:
            head = f.read(24)
        self.assertEqual(head[:8], b"\x89PNG\r\n\x1a\n")
        width = int.from_bytes(head[16:20], "big")
        self.assertEqual(width, 1520)  # 760 px at scale 2

    def test_workbook_has_the_map_picture_and_its_list(self):
        wb = openpyxl.load_workbook(os.path.join(self.tmp.name, "penilaian.xlsx"))
        self.assertIn("Peta", wb.sheetnames)
        with zipfile.ZipFile(os.path.join(self.tmp.name, "penilaian.xlsx")) as z:
            self.assertTrue(any(n.startswith("xl/media/image") and n.endswith(".png") for n in z.namelist()))
        names = [r[12] for r in wb["Peta"].iter_rows(min_row=3, values_only=True) if len(r) > 12 and r[12]]
        self.assertEqual(len(names), 27)

    def test_html_inlines_the_same_map(self):
        with open(os.path.join(self.tmp.name, "penilaian.html"), encoding="utf-8") as f:
            page = f.read()
        self.assertEqual(page.count('data-code="32.'), 27)
        self.assertIn("<h2>Peta kabupaten/kota</h2>", page)


class ComparisonWorkbook(unittest.TestCase):
    """siap compare --format xlsx of the sample with itself: every change is
    zero, and the dumbbell is a line chart with high-low lines."""

    def test_values_and_chart(self):
        with tempfile.TemporaryDirectory() as tmp:
            assess([os.path.join(ROOT, "samples", "spbe-2020-jabar.csv"), "-f", "spbe-2020", "--format", "json"], tmp)
            book = os.path.join(tmp, "perubahan.xlsx")
            env = dict(os.environ, NO_COLOR="1")
            result = subprocess.run([SIAP, "compare", os.path.join(tmp, "penilaian.json"), os.path.join(tmp, "penilaian.json"),
                                     "--years", "2025,2026", "--format", "xlsx", "-o", book, "-q"], capture_output=True, text=True, env=env)
            self.assertEqual(result.returncode, 0, result.stderr)
            wb = openpyxl.load_workbook(book)
            header, rows = rows_after_header(wb["Perubahan"], "Kode")
            values = [[c.value for c in r] for r in rows if r[0].value]
            self.assertEqual(len(values), 27)
            for r in values:
                self.assertEqual(r[header.index("2025")], r[header.index("2026")])
                self.assertEqual(r[header.index("Perubahan Indeks")], 0)
            kinds, sheet_charts, formulas = chart_kinds(book)
            self.assertEqual([k for k, _ in kinds.values()], ["lineChart"])
            self.assertIn("<c:hiLowLines>", next(iter(kinds.values()))[1])
            self.assertEqual(formulas, 0)


class ReliabilityWorkbook(unittest.TestCase):
    """siap reliability --format xlsx on the synthetic S1-S5 pilot, read with
    openpyxl and compared with psych's numbers (psych_golden.csv, made by R)."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        stats = os.path.join(ROOT, "tests", "fixtures", "statistics")
        cls.path = os.path.join(cls.tmp.name, "r.xlsx")
        env = dict(os.environ, NO_COLOR="1", SOURCE_DATE_EPOCH="1763856000")
        result = subprocess.run([SIAP, "reliability", os.path.join(stats, "synthetic_S1-S5_raw.csv"), "-f",
                                 os.path.join(stats, "synthetic.yaml"), "--pilot", "--format", "xlsx", "-o", cls.path, "-q"],
                                capture_output=True, text=True, env=env, check=False)
        if result.returncode != 0:
            raise AssertionError(f"siap exited {result.returncode}: {result.stderr}")
        cls.wb = openpyxl.load_workbook(cls.path)
        cls.golden = {}
        with open(os.path.join(stats, "psych_golden.csv"), encoding="utf-8") as f:
            next(f)
            for line in f:
                set_, deletion, statistic, item, value = line.strip().split(",")
                if set_ == "complete":
                    cls.golden[(statistic, item)] = float(value)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_sheets(self):
        self.assertEqual(self.wb.sheetnames, ["Reliabilitas", "Skala", "Butir"])

    def test_scale_sheet_holds_numbers_equal_to_psych(self):
        ws = self.wb["Skala"]
        header = [c.value for c in ws[1]]
        whole = [c.value for c in ws[2]]
        self.assertEqual(whole[header.index("Nama")], "Seluruh instrumen")
        self.assertAlmostEqual(whole[header.index("Alfa Cronbach")], self.golden[("alpha", "")], places=9)
        self.assertAlmostEqual(whole[header.index("Alfa terstandar")], self.golden[("standardized_alpha", "")], places=9)
        self.assertAlmostEqual(whole[header.index("Varians skala")], self.golden[("scale_variance", "")], places=9)
        self.assertEqual(ws.cell(row=2, column=header.index("Alfa Cronbach") + 1).number_format, "0.000")

    def test_item_sheet_holds_every_item_statistic(self):
        ws = self.wb["Butir"]
        header = [c.value for c in ws[1]]
        columns = {"Rata-rata": "mean", "Simpangan baku": "sd", "r tidak terkoreksi": "r_uncorrected", "r terkoreksi": "r_corrected",
                   "Sig. (2-sisi)": "sig_two_tailed", "Kuadrat korelasi berganda": "smc",
                   "Rata-rata skala bila dihapus": "scale_mean_if_deleted", "Varians skala bila dihapus": "scale_variance_if_deleted",
                   "Alfa bila dihapus": "alpha_if_deleted"}
        checked = 0
        for row in ws.iter_rows(min_row=2, values_only=True):
            if row[header.index("Nama skala")] != "Seluruh instrumen":
                continue
            item = row[header.index("Butir")]
            for heading, statistic in columns.items():
                self.assertAlmostEqual(row[header.index(heading)], self.golden[(statistic, item)], places=9, msg=f"{item} {heading}")
                checked += 1
        self.assertEqual(checked, 5 * len(columns))

    def test_printed_tables_are_text_with_decimal_commas_and_no_formulas(self):
        ws = self.wb["Reliabilitas"]
        rows = [[c.value for c in r] for r in ws.iter_rows()]
        self.assertIn(["0,926", "0,929", "5", None, None, None], rows)
        self.assertIn(["S1", "13,6500", "17,608", "0,957", "0,924", "0,882"], rows)
        for r in ws.iter_rows():
            for c in r:
                self.assertNotEqual(c.data_type, "f")


if __name__ == "__main__":
    unittest.main(verbosity=2)
