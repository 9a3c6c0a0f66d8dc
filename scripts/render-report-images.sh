#!/bin/sh
# Renders the pictures of the reports shown in the README: the HTML report in
# headless Chromium and the workbook's first sheet through LibreOffice (PDF,
# then PNG). Needs: chromium libreoffice-calc-nogui poppler-utils (Debian).
# Usage: scripts/render-report-images.sh [BUILD_DIR]
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

SOURCE_DATE_EPOCH=1795392000 "$build/siap" assess samples/kominfo-readiness-jabar.csv -f kominfo-readiness \
    --format html,xlsx --title "Kajian Kesiapan Kota Cerdas Jawa Barat 2026" -o "$work/out" -q

chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/chromium" --hide-scrollbars \
    --window-size=1040,1500 --screenshot="$work/html.png" "file://$work/out/penilaian.html" 2>/dev/null
cp "$work/html.png" docs/images/laporan-html.png

# The map section of the same report, on its own page as the browser shows it.
python3 - "$work/out/penilaian.html" "$work/peta.html" <<'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
head = page[:page.index("<body>") + 6]
start = page.index("<section>\n<h2>Peta kabupaten/kota</h2>")
end = page.index("</section>", start) + len("</section>")
open(sys.argv[2], "w", encoding="utf-8").write(head + page[start:end] + "</body></html>\n")
PY
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/chromium" --hide-scrollbars \
    --window-size=1040,880 --screenshot="$work/peta.png" "file://$work/peta.html" 2>/dev/null
cp "$work/peta.png" docs/images/peta.png

soffice --headless "-env:UserInstallation=file://$work/lo" --convert-to pdf --outdir "$work" "$work/out/penilaian.xlsx" >/dev/null 2>&1
# Page 1 is the Summary sheet: ranking with band fills and the bar chart.
pdftoppm -r 110 -f 1 -l 1 -x 30 -y 40 -W 1300 -H 480 -png -singlefile "$work/penilaian.pdf" docs/images/buku-kerja-xlsx
echo "written: docs/images/laporan-html.png docs/images/peta.png docs/images/buku-kerja-xlsx.png"
