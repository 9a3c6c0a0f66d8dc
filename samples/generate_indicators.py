#!/usr/bin/python3
"""Writes samples/indikator-digital-jabar.csv: SYNTHETIC secondary data for
Jawa Barat's 27 kabupaten/kota (invented numbers with realistic units and
spreads, not BPS or Komdigi statistics), for the composite-indicator sample
framework samples/frameworks/indikator-digital.yaml. Deterministic (fixed
seed). Two cells are left empty and one city has an outlying count of
digital services, so that imputation and outlier treatment have work."""
import csv
import random
from pathlib import Path

here = Path(__file__).resolve().parent
regions = []
with open(here.parent / "data/regions/population-area.csv", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        if row["code"].startswith("32."):
            regions.append(row)
assert len(regions) == 27

rng = random.Random(2026)
rows = []
for r in regions:
    kota = r["name"].startswith("Kota ")
    pop = int(r["population_total"])
    area = float(r["area_km2"])
    density = pop / area
    # BTS 4G: more where people live densely (count, divided by area later).
    bts = round(area * min(6.0, 0.0012 * density ** 0.9) * rng.uniform(0.7, 1.3))
    # Villages/kelurahan with 4G coverage, percent.
    coverage = round(min(100.0, (92 if kota else 70) + rng.uniform(-8, 8)), 1)
    services = rng.randint(25, 70) if kota else rng.randint(8, 40)
    it_budget = round(pop / 1000 * rng.uniform(9, 30) / 1000, 2)  # Rp million
    hdi = round((79 if kota else 70) + rng.uniform(-3.5, 3.5), 2)
    permit_days = round((6 if kota else 11) * rng.uniform(0.6, 1.5), 1)
    rows.append([r["code"], r["name"], bts, coverage, services, it_budget, hdi, permit_days])

by_name = {row[1]: row for row in rows}
by_name["Kota Bandung"][4] = 240     # an outlier: far more digital services than any other
by_name["Kabupaten Pangandaran"][7] = ""  # not reported
by_name["Kabupaten Garut"][5] = ""        # not reported

with open(here / "indikator-digital-jabar.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["kode", "wilayah", "bts_4g", "cakupan_4g", "layanan_digital", "belanja_tik", "ipm", "hari_izin"])
    w.writerows(rows)
