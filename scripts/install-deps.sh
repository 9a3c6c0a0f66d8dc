#!/bin/sh
# Installs the Debian packages siap needs to build and test, and nothing else.
# Idempotent: packages already present are skipped; `apt-get update` runs at
# most once, and only when something is missing. Uses sudo when not root.
set -eu

PACKAGES="cmake g++ ninja-build pkg-config \
libcli11-dev libyaml-cpp-dev libfmt-dev catch2 libxlsxwriter-dev liborcus-dev libexpat1-dev nlohmann-json3-dev libssl-dev libboost-math-dev librsvg2-dev \
python3-openpyxl"

missing=""
for pkg in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $pkg"
    fi
done

if [ -z "$missing" ]; then
    echo "install-deps: all build dependencies are present"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "install-deps: need root or sudo to install:$missing" >&2
    exit 1
fi

echo "install-deps: installing:$missing"
$SUDO apt-get update -qq
# shellcheck disable=SC2086  # word splitting of the package list is intended
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
