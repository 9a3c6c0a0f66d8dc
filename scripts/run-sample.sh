#!/bin/sh
# Installs what is missing, builds siap, and runs its main job on the bundled
# sample data: scores the synthetic SPBE 2020 sheet for Jawa Barat's 27
# kabupaten/kota, a readiness survey and a messy respondent survey, writing
# every report format (text, JSON, CSV, Markdown, HTML, XLSX) and the
# data-quality log to out/.
set -eu
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc 2>/dev/null || echo 2)" --target siap

set -x
./build/siap frameworks list
./build/siap assess samples/spbe-2020-jabar.csv -f spbe-2020
./build/siap assess samples/spbe-2020-jabar.csv -f spbe-2020 --format text,json,csv,md,html,xlsx -o out/spbe-2020-jabar
./build/siap assess samples/spbe-2018-denpasar.csv -f spbe-2018
./build/siap assess samples/kominfo-readiness-jabar.csv -f kominfo-readiness --format text,json,csv,md,html,xlsx \
    --title "Kajian Kesiapan Kota Cerdas Jawa Barat 2026" -o out/kominfo-readiness-jabar
cat out/kominfo-readiness-jabar/penilaian.txt
./build/siap assess samples/contoh-kesiapan-survei.csv -f samples/frameworks/contoh-kesiapan.yaml \
    --format text,json,csv,md -o out/contoh-kesiapan
cat out/contoh-kesiapan/quality.csv
./build/siap assess samples/indikator-digital-jabar.csv -f samples/frameworks/indikator-digital.yaml \
    --uncertainty samples/ketidakpastian-indikator-digital.yaml --format text,json,md,html,xlsx -o out/indikator-digital-jabar
