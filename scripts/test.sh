#!/bin/sh
# Builds siap and runs the whole test suite through ctest, twice: a release
# build with warnings as errors, then an AddressSanitizer + UBSan build.
# Installs missing Debian packages first. `--no-sanitize` skips the second run.
set -eu
cd "$(dirname "$0")/.."

sanitize=1
for arg in "$@"; do
    case "$arg" in
        --no-sanitize) sanitize=0 ;;
        *) echo "usage: scripts/test.sh [--no-sanitize]" >&2; exit 2 ;;
    esac
done

./scripts/install-deps.sh
jobs=$(nproc 2>/dev/null || echo 2)

echo "== release build (-Werror)"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSIAP_WERROR=ON -DSIAP_BUILD_TESTS=ON
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

if [ "$sanitize" -eq 1 ]; then
    echo "== AddressSanitizer + UndefinedBehaviorSanitizer build"
    cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSIAP_WERROR=ON -DSIAP_SANITIZE=ON -DSIAP_BUILD_TESTS=ON
    cmake --build build-sanitize -j "$jobs"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir build-sanitize --output-on-failure -j "$jobs"
fi
echo "== all tests passed"
