#!/usr/bin/python3
"""The same computation as `siap assess -f bench/framework.yaml`, written in
pandas, as the benchmark's speed reference and an independent check of the
scores.

For each kabupaten/kota and item: the mean answer of each respondent group,
then the weighted mean of the group means over the groups present (weights:
pemerintah 2, the others 1); items 7, 14, ... are reverse-keyed (6 - answer).
Dimensions are the plain mean of their items present; the index is the plain
mean of the dimensions. Regions with fewer than 30 respondents are left out.

    /usr/bin/python3 bench/pandas_assess.py survey.csv > scores.csv
"""
import sys

import numpy as np
import pandas as pd

WEIGHTS = {"pemerintah": 2.0, "akademisi": 1.0, "bisnis": 1.0, "komunitas": 1.0, "media": 1.0}
ITEMS = ["q%02d" % i for i in range(1, 61)]
REVERSE = [q for i, q in enumerate(ITEMS, start=1) if i % 7 == 0]
DIMENSIONS = [ITEMS[i:i + 10] for i in range(0, 60, 10)]


def main(path):
    df = pd.read_csv(path, dtype={q: "float64" for q in ITEMS})
    for q in REVERSE:
        df[q] = 6 - df[q]
    counts = df.groupby("kabupaten_kota").size()
    group_means = df.groupby(["kabupaten_kota", "kelompok"])[ITEMS].mean()
    weights = group_means.index.get_level_values("kelompok").map(WEIGHTS).to_numpy(dtype="float64")
    present = group_means.notna().to_numpy()
    values = np.nan_to_num(group_means.to_numpy(dtype="float64"))
    w = weights[:, None] * present
    frame = pd.DataFrame(values * w, index=group_means.index, columns=ITEMS)
    wsum = pd.DataFrame(w, index=group_means.index, columns=ITEMS)
    numerator = frame.groupby(level=0).sum()
    denominator = wsum.groupby(level=0).sum()
    items = numerator / denominator.replace(0, np.nan)
    dims = pd.concat([items[d].mean(axis=1) for d in DIMENSIONS], axis=1)
    index = dims.mean(axis=1)
    index = index[counts.reindex(index.index) >= 30]
    out = pd.DataFrame({"region": index.index, "index": index.to_numpy()})
    out.to_csv(sys.stdout, index=False, float_format="%.12f")


if __name__ == "__main__":
    main(sys.argv[1])
