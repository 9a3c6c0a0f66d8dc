#!/bin/sh
# Builds siap and runs the whole test suite through ctest, twice: a release
# build with warnings as errors, then an AddressSanitizer + UBSan build.
# Installs missing Debian packages first. `--no-sanitize` skips the second run;
# then every fuzz harness runs for 60 s (SIAP_FUZZ_SECONDS) when clang with
# libFuzzer is present; `--no-fuzz` skips that.
set -eu
cd "$(dirname "$0")/.."

sanitize=1
fuzz=1
for arg in "$@"; do
    case "$arg" in
        --no-sanitize) sanitize=0 ;;
        --no-fuzz) fuzz=0 ;;
        *) echo "usage: scripts/test.sh [--no-sanitize] [--no-fuzz]" >&2; exit 2 ;;
    esac
done

./scripts/install-deps.sh
jobs=$(nproc 2>/dev/null || echo 2)

# The C++ sources as .clang-format lays them out (Debian 12's clang-format-14;
# other versions lay out differently, so only that one is asked).
if command -v clang-format-14 >/dev/null 2>&1; then
    echo "== format (clang-format-14)"
    git ls-files 'src/*.cpp' 'src/*.hpp' 'include/*.hpp' 'tests/unit/*.cpp' 'tests/unit/*.hpp' 'tests/e2e/*.cpp' 'tests/e2e/*.hpp' \
        'tests/fuzz/*.cpp' 'tests/fuzz/*.hpp' 'bench/*.cpp' | xargs clang-format-14 --dry-run --Werror
else
    echo "== format check skipped: clang-format-14 is not installed"
fi

echo "== release build (-Werror)"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSIAP_WERROR=ON -DSIAP_BUILD_TESTS=ON
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

if [ "$sanitize" -eq 1 ]; then
    echo "== AddressSanitizer + UndefinedBehaviorSanitizer build"
    cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSIAP_WERROR=ON -DSIAP_SANITIZE=ON -DSIAP_BUILD_TESTS=ON
    cmake --build build-sanitize -j "$jobs"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS=suppressions="$(pwd)/tests/lsan.supp" \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir build-sanitize --output-on-failure -j "$jobs"
fi
# Every libFuzzer harness for a short time, when clang can build them
# (scripts/fuzz.sh runs them longer; README "Fuzzing").
fuzz_status=0
if [ "$fuzz" -eq 1 ]; then
    echo "== fuzzing: each harness for ${SIAP_FUZZ_SECONDS:-60} s"
    ./scripts/fuzz.sh all "${SIAP_FUZZ_SECONDS:-60}" || fuzz_status=$?
fi
if [ "$fuzz" -eq 0 ]; then
    echo "== fuzzing skipped (--no-fuzz)"
elif [ "$fuzz_status" -eq 2 ]; then
    echo "== fuzzing skipped: no clang with libFuzzer on this machine"
elif [ "$fuzz_status" -ne 0 ]; then
    exit 1
fi
echo "== all tests passed"
