#!/bin/sh
# Throughput and peak memory of `siap assess` on every scale path: a ~20 MB
# input per bundled framework's kind of data (bench/generate_framework_surveys.py)
# and the Likert baseline of the national benchmark, side by side in the same
# run with a baseline binary built from another commit.
#
#   bench/frameworks.sh [BASE_REF] [SIZE_MB] [WORKDIR] [ONLY]
#       BASE_REF  commit to compare with (default: none, only this tree)
#       SIZE_MB   size of each input (default 20)
#       WORKDIR   default bench/data/frameworks (git-ignored)
#       ONLY      run only the paths whose name contains this text
#
# The whole job is timed: load and check, score, and a CSV report (one row
# per unit, so that a unit sheet's output does not dwarf its input). A file
# whose every row is rejected exits 1 with no report (nothing to assess): its
# time is load and check only, so hyperfine ignores the exit status.
#
# Prints, per path: MB/s (hyperfine mean of 3 runs after a warm-up) and peak RSS (GNU time)
# of this tree's binary, and of the baseline's when BASE_REF is given.
set -eu
cd "$(dirname "$0")/.."
base_ref=${1:-}
size=${2:-20}
work=${3:-bench/data/frameworks}
only=${4:-}
mkdir -p "$work"

./scripts/install-deps.sh
for pkg in hyperfine time; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
        $SUDO apt-get install -y -qq --no-install-recommends "$pkg"
    fi
done

cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DSIAP_BUILD_TESTS=OFF >/dev/null
cmake --build build-bench --target siap siap_bench_generate >/dev/null
siap=$(pwd)/build-bench/siap
base=""
[ -z "$base_ref" ] || base=$(bench/build-base.sh "$base_ref" "$work/base")

[ -f "$work/readiness.csv" ] || /usr/bin/python3 bench/generate_framework_surveys.py "$work" "$size"
[ -f "$work/likert.csv" ] || ./build-bench/siap_bench_generate "$work/likert.csv" $((size * 25 / 2))  # 250 per region: ~20 MB

# name|file|framework|extra options
paths="likert|likert.csv|bench/framework.yaml|
readiness|readiness.csv|kominfo-readiness|
gscm (half steps)|gscm.csv|garuda-gscm|
gscm, every cell bad|gscm-bad.csv|garuda-gscm|
numeric|numeric.csv|bench/numeric.yaml|
spbe-2020 units|spbe-units.csv|spbe-2020|--allow-non-regions
kominfo-evaluation units|evaluation-units.csv|kominfo-evaluation|--allow-non-regions"

peak() {  # peak RSS in MiB of one run
    /usr/bin/time -f "%M" "$@" >/dev/null 2>"$work/time.txt" || true
    echo $(( $(tail -n 1 "$work/time.txt") / 1024 ))
}

printf '%-26s %8s %10s %8s' "path" "MB" "MB/s" "peak MiB"
[ -n "$base" ] && printf ' %10s %8s %7s' "base MB/s" "base MiB" "speedup"
printf '\n'
echo "$paths" | while IFS='|' read -r name file framework extra; do
    case "$name" in *"$only"*) ;; *) continue ;; esac
    input="$work/$file"
    bytes=$(stat -L -c %s "$input")
    cat "$input" >/dev/null
    # shellcheck disable=SC2086  # $extra is zero or more options
    cmd="$siap assess $input -f $framework $extra --format csv -q"
    if [ -n "$base" ]; then
        bcmd="$base assess $input -f $framework $extra --format csv -q"
        hyperfine --ignore-failure --warmup 1 --runs 3 --export-json "$work/h.json" "$cmd > /dev/null" "$bcmd > /dev/null" >/dev/null 2>&1
    else
        hyperfine --ignore-failure --warmup 1 --runs 3 --export-json "$work/h.json" "$cmd > /dev/null" >/dev/null 2>&1
    fi
    # shellcheck disable=SC2086
    mib=$(peak $siap assess "$input" -f "$framework" $extra --format csv -q)
    bmib=""
    # shellcheck disable=SC2086
    [ -n "$base" ] && bmib=$(peak $base assess "$input" -f "$framework" $extra --format csv -q)
    /usr/bin/python3 - "$name" "$bytes" "$mib" "$bmib" "$work/h.json" <<'PY'
import json, sys
name, size, mib, bmib, path = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
means = [r["mean"] for r in json.load(open(path))["results"]]
line = f"{name:<26} {size / 1e6:8.1f} {size / means[0] / 1e6:10.1f} {mib:>8}"
if len(means) > 1:
    line += f" {size / means[1] / 1e6:10.1f} {bmib:>8} {means[1] / means[0]:6.1f}x"
print(line)
PY
done
