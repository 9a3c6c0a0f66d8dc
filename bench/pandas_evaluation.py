#!/usr/bin/python3
"""The Kominfo-evaluation unit sheet of `bench/frameworks.sh`, scored in
pandas as `siap assess -f kominfo-evaluation --format csv` scores it: the
speed reference of `bench/ratio.sh --pandas`, beside pandas' own Likert
path (`pandas_assess.py`), and an independent check of siap's index.

Per unit (one row each): the achievement index is the weighted mean of the
five dimension scores (weights 10/20/30/20/20, frameworks/kominfo-evaluation.yaml),
rounded half up to two decimals; units are ranked on it (standard
competition ranking, ties by name) and written one row each, ranked.

The index is computed exactly, in integers: each score is taken as whole
hundredths (the sheet has at most two decimals), so the index in
hundredths is num / den with num = sum(w * hundredths) and den = sum(w),
and rounding it half up is (2 * num + den) // (2 * den) (every value is
positive). A score with more than two decimals stops the script.

    /usr/bin/python3 bench/pandas_evaluation.py evaluation-units.csv > ranked.csv
    /usr/bin/python3 bench/pandas_evaluation.py --check siap.csv evaluation-units.csv
        (compares every unit's index and rank, and the order, with siap's CSV;
         exit 1 on a difference)
"""
import sys

import numpy as np
import pandas as pd

WEIGHTS = {"baseline": 10, "output": 20, "outcome": 30, "impact": 20, "quick_win": 20}


def hundredths(values):
    """Scores with at most two decimals as exact integer hundredths: a
    double within 1e-6 of a whole number of hundredths is that number (a
    third decimal, such as 2.725, is 0.5 off and stops the script)."""
    scaled = np.asarray(values, dtype="float64") * 100
    whole = np.rint(scaled)
    if (np.abs(scaled - whole) > 1e-6).any():
        sys.exit("pandas_evaluation: a score with more than two decimals")
    return whole.astype("int64")


def score(path):
    df = pd.read_csv(path, sep=";", decimal=",", dtype={c: "float64" for c in WEIGHTS})
    num = np.zeros(len(df), dtype="int64")
    for column, weight in WEIGHTS.items():
        num += weight * hundredths(df[column])
    den = sum(WEIGHTS.values())
    index = (2 * num + den) // (2 * den)  # hundredths: num / den rounded half up
    out = pd.DataFrame({"unit": df["kabupaten_kota"], "index": index})
    out["rank"] = out["index"].rank(method="min", ascending=False).astype("int64")
    return out.sort_values(["rank", "unit"], kind="stable")


def main(argv):
    if len(argv) == 3 and argv[0] == "--check":
        ours = score(argv[2]).set_index("unit")
        siap = pd.read_csv(argv[1], dtype={"wilayah": str}).set_index("wilayah")
        theirs = pd.DataFrame({"index": hundredths(siap["indeks"].astype("float64")), "rank": siap["peringkat"]}, index=siap.index)
        joined = ours.join(theirs, how="outer", lsuffix="_pandas", rsuffix="_siap")
        differ = joined[(joined["index_pandas"] != joined["index_siap"]) | (joined["rank_pandas"] != joined["rank_siap"])]
        # siap lists tied units by name, as sorted here: the same order too.
        same_order = list(ours.index) == list(siap.index)
        print(f"{len(joined)} units; {len(differ)} differ in index or rank; same order: {same_order}")
        if len(differ):
            print(differ.head(10).to_string())
        return 1 if len(differ) or not same_order or len(ours) != len(theirs) else 0
    ranked = score(argv[0])
    index = ranked["index"]
    ranked["index"] = (index // 100).astype(str) + "." + (index % 100).astype(str).str.zfill(2)
    ranked.to_csv(sys.stdout, index=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
