#!/usr/bin/python3
"""Writes one deterministic input of about SIZE MB (default 20) per scale path,
for bench/frameworks.sh: every bundled framework's kind of input, and a
numeric survey. Regions are the 514 kabupaten/kota of the bundled table;
unit-level sheets use invented instansi names (--allow-non-regions).

    generate_framework_surveys.py OUTDIR [SIZE_MB]
"""
import csv
import os
import random
import sys

out_dir = sys.argv[1]
target = int(float(sys.argv[2]) * 1e6) if len(sys.argv) > 2 else 20_000_000
here = os.path.dirname(os.path.abspath(__file__))
regions_csv = os.path.join(here, "..", "data", "regions")
names = []
for file in sorted(os.listdir(regions_csv)):
    if file == "regencies.csv":
        with open(os.path.join(regions_csv, file), newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        header = [h.lower() for h in rows[0]]
        code = header.index("code")
        for row in rows[1:]:
            names.append(row[code])
if len(names) != 514:
    sys.exit(f"expected 514 kabupaten/kota codes in {regions_csv}, found {len(names)}")


def write(name, header, delimiter, make_row):
    rng = random.Random(name)  # each file its own fixed sequence
    path = os.path.join(out_dir, name)
    size = 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        line = delimiter.join(header) + "\n"
        f.write(line)
        size += len(line)
        i = 0
        while size < target:
            i += 1
            line = delimiter.join(make_row(rng, i)) + "\n"
            f.write(line)
            size += len(line)
    print(f"{path}: {i} rows, {size} bytes")


def answer(rng, text):
    return "" if rng.random() < 0.02 else text


groups = ["pemerintah", "akademisi", "bisnis", "komunitas", "media"]
os.makedirs(out_dir, exist_ok=True)

write("readiness.csv", ["id_responden", "kabupaten_kota", "kelompok"] + [f"q{i:02}" for i in range(1, 55)], ",",
      lambda rng, i: [f"R{i:07}", names[i % 514], groups[i % 5]] + [answer(rng, str(rng.randint(1, 5))) for _ in range(54)])

halves = ["1", "1,5", "2", "2,5", "3", "3,5", "4", "4,5", "5"]
write("gscm.csv", ["id_responden", "kabupaten_kota"] + [f"g{i:02}" for i in range(1, 19)], ";",
      lambda rng, i: [f"G{i:07}", names[i % 514]] + [answer(rng, rng.choice(halves)) for _ in range(18)])

bad = ["x", "abc", "9", "0,3", "-", "??", "7,5", "nol"]
write("gscm-bad.csv", ["id_responden", "kabupaten_kota"] + [f"g{i:02}" for i in range(1, 19)], ";",
      lambda rng, i: [f"G{i:07}", names[i % 514]] + [rng.choice(bad) for _ in range(18)])

write("spbe-units.csv", ["instansi"] + [f"i{i:02}" for i in range(1, 48)], ",",
      lambda rng, i: [f"Instansi {i:07}"] + [str(rng.randint(1, 5)) for _ in range(47)])

write("evaluation-units.csv", ["kabupaten_kota", "baseline", "output", "outcome", "impact", "quick_win"], ";",
      lambda rng, i: [f"Instansi {i:07}"] + [f"{rng.randint(100, 500) / 100:.2f}".replace(".", ",") for _ in range(5)])

write("numeric.csv", ["id_responden", "kabupaten_kota"] + [f"n{i:02}" for i in range(1, 21)], ",",
      lambda rng, i: [f"N{i:07}", names[i % 514]] + [answer(rng, f"{rng.randint(0, 160) / 10:g}") for _ in range(10)]
      + [answer(rng, str(rng.randint(20, 600) * 1000)) for _ in range(10)])
