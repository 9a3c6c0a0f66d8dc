#!/bin/sh
# A/B of two builds on the national survey (run.sh's input): the binary of
# this tree (B) and one built from BASE_REF (A), run interleaved (A B B A ...)
# so that drift in the machine's speed falls on both alike. Prints each mean
# with its 95 % interval and B's time relative to A's.
#
#   bench/ab.sh BASE_REF [PAIRS] [WORKDIR]     (default 10 pairs, bench/data)
set -eu
cd "$(dirname "$0")/.."
base_ref=${1:?usage: bench/ab.sh BASE_REF [PAIRS] [WORKDIR]}
pairs=${2:-10}
work=${3:-bench/data}
mkdir -p "$work"

./scripts/install-deps.sh
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DSIAP_BUILD_TESTS=OFF >/dev/null
cmake --build build-bench --target siap siap_bench_generate >/dev/null
a=$(bench/build-base.sh "$base_ref" "$work/ab-base")

survey="$work/survey.csv"
[ -f "$survey" ] || ./build-bench/siap_bench_generate "$survey"
cat "$survey" > /dev/null  # warm the page cache

b="./build-bench/siap"
times="$work/ab.times"
: > "$times"
run() {  # label binary
    start=$(date +%s%N)
    "$2" assess "$survey" -f bench/framework.yaml --format json -q > /dev/null
    end=$(date +%s%N)
    echo "$1 $(( (end - start) / 1000 ))" >> "$times"
}
run A "$a"; run B "$b"  # warm-up, not counted
: > "$times"
i=0
while [ "$i" -lt "$pairs" ]; do
    if [ $((i % 2)) -eq 0 ]; then run A "$a"; run B "$b"; else run B "$b"; run A "$a"; fi
    i=$((i + 1))
done
/usr/bin/python3 - "$times" "$base_ref" <<'PY'
import statistics, sys
runs = {"A": [], "B": []}
for line in open(sys.argv[1]):
    label, us = line.split()
    runs[label].append(int(us) / 1e6)
def describe(xs):
    m = statistics.mean(xs)
    half = 1.96 * statistics.stdev(xs) / len(xs) ** 0.5
    return m, half
(ma, ha), (mb, hb) = describe(runs["A"]), describe(runs["B"])
print(f"A ({sys.argv[2]}): {ma:.3f} s ± {ha:.3f} (95 %, {len(runs['A'])} runs)")
print(f"B (this tree): {mb:.3f} s ± {hb:.3f} (95 %, {len(runs['B'])} runs)")
print(f"B / A = {mb / ma:.3f}")
PY
