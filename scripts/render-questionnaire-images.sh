#!/bin/sh
# Renders the pictures of the questionnaire shown in the README: the
# printable questionnaire printed to A4 PDF by headless Chromium (first page),
# and the data-entry template through LibreOffice (PDF, then PNG).
# Needs: chromium libreoffice-calc-nogui poppler-utils (Debian).
# Usage: scripts/render-questionnaire-images.sh [BUILD_DIR]
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

SOURCE_DATE_EPOCH=1795392000 "$build/siap" questionnaire kominfo-readiness --province 32 --format html,template -o "$work/out" -q

chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/chromium" --no-pdf-header-footer \
    --print-to-pdf="$work/kuesioner.pdf" "file://$work/out/kuesioner.html" 2>/dev/null
pdftoppm -r 80 -f 1 -l 1 -png -singlefile "$work/kuesioner.pdf" docs/images/kuesioner-cetak

soffice --headless "-env:UserInstallation=file://$work/lo" --convert-to pdf --outdir "$work" "$work/out/templat-entri.xlsx" >/dev/null 2>&1
# The Buku kode sheet: what each column of the Data sheet holds and the values its lists allow.
pages=$(pdfinfo "$work/templat-entri.pdf" | awk '/^Pages:/ {print $2}')
pdftotext -layout "$work/templat-entri.pdf" "$work/templat.txt"
page=$(awk -v RS='\f' '/pertanyaan_id/ {print NR; exit}' "$work/templat.txt")
pdftoppm -r 220 -f "${page:-1}" -l "${page:-1}" -x 40 -y 80 -W 1500 -H 420 -png -singlefile "$work/templat-entri.pdf" docs/images/templat-entri
echo "written: docs/images/kuesioner-cetak.png docs/images/templat-entri.png ($pages pages in the template PDF)"
