#!/bin/sh
# Builds the libFuzzer harnesses (tests/fuzz/) with clang, AddressSanitizer
# and UBSan, and runs one or all of them for a given time each.
#
#   scripts/fuzz.sh                      # every harness, 60 s each
#   scripts/fuzz.sh assess 3600          # one harness for an hour
#   scripts/fuzz.sh all 600              # every harness, 10 minutes each
#
# Harnesses: framework_loader, csv_reader, assess, reports, assessment_json, workbook, form_codebook, study_tables, uncertainty_spec. Seeds are read
# from tests/fuzz/corpus/NAME; what the run adds goes to build-fuzz/corpus/NAME
# (never into the repository), and a crash, leak or timeout leaves its input
# in build-fuzz/findings/ and makes the script exit 1.
set -eu
cd "$(dirname "$0")/.."

which=${1:-all}
seconds=${2:-60}
case "$which" in
    all|framework_loader|csv_reader|assess|reports|assessment_json|workbook|form_codebook|study_tables|uncertainty_spec) ;;
    *) echo "usage: scripts/fuzz.sh [all|framework_loader|csv_reader|assess|reports|assessment_json|workbook|form_codebook|study_tables|uncertainty_spec] [seconds]" >&2; exit 2 ;;
esac

# Exit 2 (not a failure of siap) when this machine cannot build a libFuzzer target.
if ! command -v clang++ >/dev/null 2>&1; then
    echo "fuzz: clang++ is not installed (Debian: apt-get install clang); nothing run" >&2
    exit 2
fi
probe_dir=$(mktemp -d)
trap 'rm -rf "$probe_dir"' EXIT
printf 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }\n' >"$probe_dir/probe.cpp"
if ! clang++ -fsanitize=fuzzer,address,undefined "$probe_dir/probe.cpp" -o "$probe_dir/probe" >/dev/null 2>&1; then
    echo "fuzz: clang++ cannot link libFuzzer here (Debian: apt-get install libclang-rt-14-dev); nothing run" >&2
    exit 2
fi

./scripts/install-deps.sh
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSIAP_FUZZ=ON -DSIAP_BUILD_TESTS=OFF >/dev/null
cmake --build build-fuzz -j "$(nproc 2>/dev/null || echo 2)" \
    --target fuzz_framework_loader fuzz_csv_reader fuzz_assess fuzz_reports fuzz_assessment_json fuzz_workbook fuzz_form_codebook fuzz_study_tables fuzz_uncertainty_spec

dict_of() {
    case "$1" in
        framework_loader|uncertainty_spec) echo "-dict=tests/fuzz/yaml.dict" ;;
        csv_reader|assess|study_tables) echo "-dict=tests/fuzz/csv.dict" ;;
        *) echo "" ;;
    esac
}

run() {
    name=$1
    mkdir -p "build-fuzz/corpus/$name" build-fuzz/findings
    echo "== fuzz_$name for $seconds s"
    # -rss_limit_mb: a harness using more than this is a finding (memory must stay bounded);
    # -timeout: one input taking longer is a finding (no hangs).
    # shellcheck disable=SC2046  # the dictionary option is one word or none
    log="build-fuzz/fuzz_$name.log"
    rc=0
    # The same leak suppressions as the sanitizer tests (tests/lsan.supp: libraries' per-process caches).
    ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    LSAN_OPTIONS=suppressions="$(pwd)/tests/lsan.supp" \
    "build-fuzz/tests/fuzz/fuzz_$name" "build-fuzz/corpus/$name" "tests/fuzz/corpus/$name" \
        $(dict_of "$name") -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="build-fuzz/findings/$name-" -print_final_stats=1 >"$log" 2>&1 || rc=$?
    if [ "$rc" -ne 0 ]; then
        tail -n 60 "$log"
        echo "fuzz_$name: FINDING (exit $rc); the input is in build-fuzz/findings/, the whole log in $log" >&2
        return 1
    fi
    grep -E '^(stat::|Done|#[0-9]+ +DONE)' "$log" || tail -n 5 "$log"
}

status=0
if [ "$which" = all ]; then
    for name in framework_loader csv_reader assess reports assessment_json workbook form_codebook study_tables uncertainty_spec; do
        run "$name" || status=1
    done
else
    run "$which" || status=1
fi
exit $status
