#!/bin/sh
# Builds siap (Release) from another commit, in a git worktree, for the
# benchmarks' side-by-side runs; prints the binary's path.
#
#   bench/build-base.sh REF DIR     (worktree DIR/src, build DIR/build)
set -eu
cd "$(dirname "$0")/.."
ref=${1:?usage: bench/build-base.sh REF DIR}
dir=${2:?usage: bench/build-base.sh REF DIR}
mkdir -p "$dir"
# A worktree already at REF is kept, so that a second run rebuilds nothing.
want=$(git rev-parse "$ref^{commit}")
if [ ! -e "$dir/src/.git" ] || [ "$(git -C "$dir/src" rev-parse HEAD)" != "$want" ]; then
    rm -rf "$dir/src"
    git worktree prune
    git worktree add --detach "$dir/src" "$want" >/dev/null 2>&1
fi
cmake -S "$dir/src" -B "$dir/build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSIAP_BUILD_TESTS=OFF >/dev/null
cmake --build "$dir/build" --target siap >/dev/null
echo "$(cd "$dir/build" && pwd)/siap"
