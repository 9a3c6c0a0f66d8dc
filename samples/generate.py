#!/usr/bin/python3
"""Writes the synthetic sample data in this folder. Deterministic: the seed
is fixed, so running it again reproduces the committed files byte for byte.

    /usr/bin/python3 samples/generate.py

Only the standard library is used. The data is invented; see README.md.
"""
import csv
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261123

# Jawa Barat's 27 kabupaten/kota (Kemendagri codes, idn-area-data 4.0.1),
# each written the way a real export might write it.
JABAR = [
    ("32.01", "Kab. Bogor"), ("32.02", "KABUPATEN SUKABUMI"), ("32.03", "Kabupaten Cianjur"),
    ("32.04", "Kab. Bandung"), ("32.05", "Kabupaten Garut"), ("32.06", "Kab. Tasikmalaya"),
    ("32.07", "Kabupaten Ciamis"), ("32.08", "Kabupaten Kuningan"), ("32.09", "Kab. Cirebon"),
    ("32.10", "Kabupaten Majalengka"), ("32.11", "Kabupaten Sumedang"), ("32.12", "INDRAMAYU"),
    ("32.13", "Kabupaten Subang"), ("32.14", "Kabupaten Purwakarta"), ("32.15", "Kab. Karawang"),
    ("32.16", "Kabupaten Bekasi"), ("32.17", "Kab. Bandung Barat"), ("32.18", "Kabupaten Pangandaran"),
    ("32.71", "Kota Bogor"), ("32.72", "Kota Sukabumi"), ("32.73", "Kota Bandung"),
    ("32.74", "Kota Cirebon"), ("32.75", "Kota Bekasi"), ("32.76", "Kota Depok"),
    ("32.77", "Kota Cimahi"), ("32.78", "Kota Tasikmalaya"), ("32.79", "KOTA BANJAR"),
]


def write(name, header, rows, delimiter=","):
    path = os.path.join(HERE, name)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=delimiter, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print("wrote", path, len(rows), "rows")


def spbe_2020(rng):
    """One row per kabupaten/kota, 47 maturity levels 1-5 (PermenPANRB 59/2020)."""
    header = ["instansi"] + ["i%02d" % i for i in range(1, 48)]
    rows = []
    for code, name in JABAR:
        # A region's general maturity, then indicators scattered around it.
        base = rng.uniform(1.6, 4.2)
        levels = [min(5, max(1, round(rng.gauss(base, 0.8)))) for _ in range(47)]
        rows.append([name] + levels)
    write("spbe-2020-jabar.csv", header, rows)


def contoh_survey(rng):
    """Respondents for samples/frameworks/contoh-kesiapan.yaml, KoboToolbox
    style (';' delimiter, group paths in headers), with planted problems."""
    header = ["_id", "identitas/kabupaten_kota", "identitas/kelompok",
              "tata_kelola/q1", "tata_kelola/q2", "tata_kelola/rencana_induk",
              "infrastruktur/q4", "infrastruktur/q5", "_submission_time"]
    regions = ["Kota Bandung", "Kab. Bandung", "Kota Cimahi", "Kabupaten Sumedang"]
    rows = []
    rid = 1000
    for region in regions:
        for _ in range(rng.randint(6, 10)):
            rid += 1
            group = rng.choice(["pemerintah", "pemerintah", "masyarakat", "warga", "pemda"])
            q1 = rng.randint(2, 5)
            q2 = rng.randint(1, 4)
            doc = rng.choice(["Lengkap", "Sebagian", "Tidak ada"])
            q4 = rng.choice(["ya", "tidak", "Ya"])
            q5 = ("%.1f" % rng.uniform(20, 100)).replace(".", ",")
            rows.append([rid, region, group, q1, q2, doc, q4, q5, "2026-10-0%d 09:00:00" % rng.randint(1, 9)])
    # Planted problems, each listed in README.md.
    rows.append([2001, "Bandung", "pemerintah", 4, 2, "Lengkap", "ya", "50,0", "2026-10-05 10:00:00"])   # ambiguous region
    rows.append([2002, "", "masyarakat", 3, 3, "Sebagian", "tidak", "40,0", "2026-10-05 10:05:00"])      # no region
    rows.append([1001, "Kota Bandung", "pemerintah", 5, 1, "Lengkap", "ya", "90,0", "2026-10-05 10:10:00"])  # duplicate id
    rows.append([2003, "Kota Cimahi", "masyarakat", 7, 2, "Lengkap", "ya", "55,5", "2026-10-05 10:15:00"])  # q1 out of scale
    rows.append([2004, "Kota Cimahi", "masyarakat", 4, 2, "Belum", "ya", "60,0", "2026-10-05 10:20:00"])    # unknown answer
    rows.append([2005, "Kota Garut", "pemerintah", 4, 2, "Lengkap", "ya", "60,0", "2026-10-05 10:25:00"])   # no such kota
    rows.append([2006, "Kota Sukabumi", "pemerintah", 4, 2, "Lengkap", "ya", "60,0", "2026-10-05 10:30:00"])  # one respondent only
    write("contoh-kesiapan-survei.csv", header, rows, delimiter=";")


def pemdi_2026(rng):
    """One row per kabupaten/kota, 20 maturity levels 1-5 (PermenPANRB 8/2026)."""
    header = ["instansi"] + ["i%02d" % i for i in range(1, 21)]
    rows = []
    for code, name in JABAR:
        base = rng.uniform(1.4, 4.3)
        rows.append([code] + [min(5, max(1, round(rng.gauss(base, 0.7)))) for _ in range(20)])
    write("pemdi-2026-jabar.csv", header, rows)


def kominfo_evaluation(rng):
    """One row per kabupaten/kota, the five evaluation dimensions on 1-5 with
    two decimals, ';'-delimited with decimal commas as Indonesian Excel saves it."""
    header = ["kabupaten_kota", "baseline", "output", "outcome", "impact", "quick_win"]
    rows = []
    for code, name in JABAR:
        base = rng.uniform(1.8, 4.2)
        rows.append([name] + [("%.2f" % min(5, max(1, rng.gauss(base, 0.5)))).replace(".", ",") for _ in range(5)])
    write("kominfo-evaluation-jabar.csv", header, rows, delimiter=";")


# The reverse-worded items of frameworks/kominfo-readiness.yaml
# (`reverse: true`): a respondent who agrees with the others disagrees with these.
READINESS_REVERSED = {"q03", "q15", "q27", "q36", "q48"}


def readiness_survey(rng):
    """Respondents for kominfo-readiness: 30-80 per kabupaten/kota across the
    pentahelix, 54 Likert items, blank answers here and there, and the planted
    problems listed in README.md (and nothing else). Each respondent has a
    view of their region of their own (drawn from a second generator, so
    that the other samples stay as they were) which every answer shares, as
    a real respondent's answers do, and answers the reverse-worded items the
    other way round: a scale's items correlate, and reverse keying matters."""
    items = ["q%02d" % i for i in range(1, 55)]
    views = random.Random(SEED + 1)
    header = ["id_responden", "kabupaten_kota", "kelompok"] + items
    groups = ["pemerintah", "akademisi", "bisnis", "komunitas", "media", "Pemda", "masyarakat"]
    rows = []
    rid = 0
    for code, name in JABAR:
        lean = rng.uniform(-1.0, 1.0)
        for _ in range(rng.randint(30, 80)):
            rid += 1
            view = views.gauss(0, 0.7)
            answers = []
            for i in range(54):
                if rng.random() < 0.03:
                    answers.append("")  # skipped: missing, not a problem
                    continue
                answer = min(5, max(1, round(rng.gauss(3.2 + lean + view, 0.9))))
                answers.append(6 - answer if items[i] in READINESS_REVERSED else answer)
            rows.append(["R%05d" % rid, name, rng.choice(groups)] + answers)
    # Planted problems (README.md); positions are fixed so the list is exact.
    rows[10][3 + 4] = 6            # q05 = 6: outside 1-5
    rows[500][3 + 20] = 0          # q21 = 0: outside 1-5
    rows[1200][3 + 53] = 9         # q54 = 9: outside 1-5
    rows[700][1] = ""              # a row with no region
    duplicate = list(rows[300])
    duplicate[3:] = [4] * 54       # the same respondent sent twice
    rows.insert(1500, duplicate)
    write("kominfo-readiness-jabar.csv", header, rows)


def gscm_survey(rng):
    """OPD respondents for garuda-gscm: 6-12 per kabupaten/kota, stages 1-5
    with half steps, as a decimal comma in a ';' file."""
    header = ["id_responden", "kabupaten_kota"] + ["g%02d" % i for i in range(1, 19)]
    rows = []
    rid = 0
    for code, name in JABAR:
        base = rng.uniform(1.5, 4.2)
        for _ in range(rng.randint(6, 12)):
            rid += 1
            values = [min(5.0, max(1.0, round(rng.gauss(base, 0.6) * 2) / 2)) for _ in range(18)]
            rows.append(["G%04d" % rid, code] + [("%g" % v).replace(".", ",") for v in values])
    write("garuda-gscm-jabar.csv", header, rows, delimiter=";")


def main():
    rng = random.Random(SEED)
    spbe_2020(rng)
    contoh_survey(rng)
    pemdi_2026(rng)
    kominfo_evaluation(rng)
    readiness_survey(rng)
    gscm_survey(rng)


if __name__ == "__main__":
    main()
