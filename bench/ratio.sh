#!/bin/sh
# The criterion of issue 9 on a noisy machine: each framework path's time
# against the Likert path's, measured interleaved (Likert, SPBE sheet,
# evaluation sheet, Likert, ...) so that the machine's drift falls on all
# three alike; prints the median time of each and the median of the
# per-round ratios (Likert time / path time: its share of the Likert
# path's throughput on inputs of the same size).
#
#   bench/ratio.sh [ROUNDS] [SIAP] [WORKDIR]
#       ROUNDS   rounds of the three runs (default 15)
#       SIAP     the binary (default build-bench/siap, built by frameworks.sh)
#       WORKDIR  the inputs of bench/frameworks.sh (default bench/data/frameworks)
#
# With RATIO_PANDAS=1 each round also runs the same two computations in
# pandas (pandas_assess.py on the Likert input, pandas_evaluation.py on the
# evaluation sheet; Debian's python3-pandas): the share a general-purpose
# column engine reaches on the same pair of inputs, as the baseline. The
# evaluation sheet's pandas scores are checked against siap's first
# (index, rank and order of every unit; exit 1 on a difference).
set -eu
cd "$(dirname "$0")/.."
rounds=${1:-15}
siap=$(realpath "${2:-build-bench/siap}")
work=${3:-bench/data/frameworks}
for f in likert.csv spbe-units.csv evaluation-units.csv; do
    [ -f "$work/$f" ] || { echo "ratio: $work/$f is missing; run bench/frameworks.sh first" >&2; exit 2; }
done
bench=$(pwd)/bench  # before entering WORKDIR, which may be anywhere
cd "$work"
pandas=${RATIO_PANDAS:-0}
if [ "$pandas" = 1 ]; then
    "$siap" assess evaluation-units.csv -f kominfo-evaluation --allow-non-regions --format csv -q > ratio-siap-evaluation.csv
    /usr/bin/python3 "$bench/pandas_evaluation.py" --check ratio-siap-evaluation.csv evaluation-units.csv >&2 || exit 1
fi
elapsed_us() {  # microseconds of one run; its output discarded
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    echo $(( ($(date +%s%N) - start) / 1000 ))
}
i=0
while [ "$i" -lt "$rounds" ]; do
    l=$(elapsed_us "$siap" assess likert.csv -f "$bench/framework.yaml" --format csv -q)
    s=$(elapsed_us "$siap" assess spbe-units.csv -f spbe-2020 --allow-non-regions --format csv -q)
    e=$(elapsed_us "$siap" assess evaluation-units.csv -f kominfo-evaluation --allow-non-regions --format csv -q)
    if [ "$pandas" = 1 ]; then
        pl=$(elapsed_us /usr/bin/python3 "$bench/pandas_assess.py" likert.csv)
        pe=$(elapsed_us /usr/bin/python3 "$bench/pandas_evaluation.py" evaluation-units.csv)
        echo "$l $s $e $pl $pe"
    else
        echo "$l $s $e"
    fi
    i=$((i + 1))
done | /usr/bin/python3 -c '
import statistics, sys
rows = [[int(x) for x in line.split()] for line in sys.stdin]
median = lambda xs: statistics.median(xs) / 1000
print(f"{len(rows)} rounds; median ms: likert {median([r[0] for r in rows]):.1f}, "
      f"spbe-2020 units {median([r[1] for r in rows]):.1f}, kominfo-evaluation units {median([r[2] for r in rows]):.1f}")
for name, k in (("spbe-2020 units", 1), ("kominfo-evaluation units", 2)):
    ratios = sorted(r[0] / r[k] for r in rows)
    print(f"{name}: {statistics.median(ratios):.3f} of the Likert path (per-round ratios {ratios[0]:.3f}-{ratios[-1]:.3f}; criterion 0.333)")
if len(rows[0]) == 5:
    ratios = sorted(r[3] / r[4] for r in rows)
    print(f"pandas: likert {median([r[3] for r in rows]):.1f}, kominfo-evaluation units {median([r[4] for r in rows]):.1f} ms; "
          f"evaluation {statistics.median(ratios):.3f} of its Likert path (per-round ratios {ratios[0]:.3f}-{ratios[-1]:.3f})")
'
