#!/usr/bin/python3
"""Compares siap's JSON report with pandas' per-region index: every region
must be present in both and agree to 1e-9 (exact rationals versus float64)."""
import csv
import json
import sys

siap = {u["name"]: float(u["index"]["exact"]) for u in json.load(open(sys.argv[1]))["units"] if u["assessed"]}
pandas = {row["region"]: float(row["index"]) for row in csv.DictReader(open(sys.argv[2]))}
if set(siap) != set(pandas):
    print("regions differ:", sorted(set(siap) ^ set(pandas))[:10])
    sys.exit(1)
worst = max(abs(siap[r] - pandas[r]) for r in siap)
print("regions compared: %d; largest difference: %.3g" % (len(siap), worst))
sys.exit(0 if worst < 1e-9 else 1)
