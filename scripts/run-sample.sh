#!/bin/sh
# Installs what is missing, builds siap, and runs its main job on the bundled
# sample data. Until `siap assess` lands (issue 3), the main job is the
# framework engine: list the built-in frameworks, check them and a sample
# framework of a user's own, and show the SPBE 2020 framework's tree with each
# indicator's effective share.
set -eu
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSIAP_BUILD_TESTS=OFF >/dev/null
cmake --build build -j "$(nproc 2>/dev/null || echo 2)"

set -x
./build/siap frameworks list
./build/siap frameworks check frameworks/*.yaml samples/frameworks/*.yaml
./build/siap frameworks show spbe-2020
