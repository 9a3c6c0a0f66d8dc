#!/bin/sh
# Renders the README's picture of bootstrap intervals: the HTML report of the
# Jawa Barat readiness sample with --bootstrap 1000, printed to A4 PDF by
# headless Chromium; the page with the score chart's whiskers.
# Needs: chromium poppler-utils (Debian).
# Usage: scripts/render-bootstrap-image.sh [BUILD_DIR]
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

SOURCE_DATE_EPOCH=1795392000 "$build/siap" assess samples/kominfo-readiness-jabar.csv -f kominfo-readiness --bootstrap 1000 --seed 1 \
    --title "Kajian Kesiapan Kota Cerdas Jawa Barat 2026" --format html -o "$work/out" -q

chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/chromium" --no-pdf-header-footer \
    --print-to-pdf="$work/laporan.pdf" "file://$work/out/penilaian.html" 2>/dev/null
pdftotext -layout "$work/laporan.pdf" "$work/laporan.txt"
page=$(awk -v RS='\f' '/Grafik skor/ {print NR; exit}' "$work/laporan.txt")
pdftoppm -r 80 -f "${page:-1}" -l "${page:-1}" -png -singlefile "$work/laporan.pdf" docs/images/laporan-selang
echo "written: docs/images/laporan-selang.png (page ${page:-1})"
