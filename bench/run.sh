#!/bin/sh
# The national-scale benchmark (bench/README.md): generates a deterministic
# survey of all 514 kabupaten/kota x 2,000 respondents x 60 Likert items,
# times `siap assess` on it (throughput, peak memory), times the same
# computation in pandas, checks both give the same per-region scores, and
# prints the speed ratio.
#
#   bench/run.sh [WORKDIR]      (default: bench/data, git-ignored)
set -eu
cd "$(dirname "$0")/.."
work=${1:-bench/data}
mkdir -p "$work"

./scripts/install-deps.sh
missing=""
for pkg in python3-pandas time hyperfine; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
    echo "bench: installing:$missing"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DSIAP_BUILD_TESTS=OFF >/dev/null
cmake --build build-bench --target siap siap_bench_generate siap_bench_reports >/dev/null

survey="$work/survey.csv"
[ -f "$survey" ] || ./build-bench/siap_bench_generate "$survey"
bytes=$(stat -L -c %s "$survey")
rows=$(($(wc -l < "$survey") - 1))
echo "input: $survey, $rows rows, $bytes bytes"
cat "$survey" > /dev/null  # warm the page cache for both tools

siap="./build-bench/siap assess $survey -f bench/framework.yaml --format json -q"
/usr/bin/time -v sh -c "$siap > $work/siap.json" 2> "$work/siap.time"
hyperfine --warmup 2 --runs 20 --export-json "$work/siap.hyperfine.json" "$siap > /dev/null" > /dev/null
/usr/bin/time -v /usr/bin/python3 bench/pandas_assess.py "$survey" > "$work/pandas.csv" 2> "$work/pandas.time"
hyperfine --runs 3 --export-json "$work/pandas.hyperfine.json" "/usr/bin/python3 bench/pandas_assess.py $survey > /dev/null" > /dev/null

/usr/bin/python3 bench/compare.py "$work/siap.json" "$work/pandas.csv"
/usr/bin/python3 - "$bytes" "$work" <<'PY'
import json, re, sys
size, work = int(sys.argv[1]), sys.argv[2]
def mean(name): return json.load(open(f"{work}/{name}.hyperfine.json"))["results"][0]["mean"]
def rss(name): return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(f"{work}/{name}.time").read()).group(1)) / 1024
s, p = mean("siap"), mean("pandas")
print(f"siap assess : {s:.3f} s  {size / s / 1e6:.0f} MB/s  peak {rss('siap'):.0f} MiB")
print(f"pandas      : {p:.3f} s  {size / p / 1e6:.0f} MB/s  peak {rss('pandas'):.0f} MiB")
print(f"speed ratio : {p / s:.1f}x")
PY

# Writing the reports for 514 regions: each reporter timed on one Assessment
# (in memory), then the whole command with every format written to disk.
echo "reports (each renderer, in memory):"
./build-bench/siap_bench_reports "$survey" bench/framework.yaml 5
for i in 1 2 3; do
    ./build-bench/siap assess "$survey" -f bench/framework.yaml --format text,json,csv,md,html,xlsx -o "$work/reports" -v 2>&1 | tail -n 1
done
