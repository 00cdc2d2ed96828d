#!/usr/bin/env bash
# Cuts a small but real O*NET release out of data/onet/ for the `onet` fuzz
# target, which parses a whole release on every execution: the first
# OCCUPATIONS occupations of "Occupation Data.txt" and, from every file
# keyed by occupation, the first ROWS rows about them (the files are sorted
# by code, so these are the files' first lines). "DWA Reference.txt" and
# "Content Model Reference.txt" keep the rows the slices refer to; the
# small reference files (scales, job zones, read-me) are kept whole. The
# result parses and builds a catalog exactly as the full release does.
#
#   fuzz/release-slice/make-slices.sh [OCCUPATIONS] [ROWS]
#
# Rewrites fuzz/release-slice/*.txt and the onet seeds in fuzz/corpus/onet/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="$here/../../data/onet"
occupations="${1:-4}"
rows="${2:-40}"

# Files whose first column is the O*NET-SOC code.
keyed=(
  "Job Zones.txt" "Skills.txt" "Knowledge.txt" "Work Styles.txt" "Interests.txt"
  "Education, Training, and Experience.txt" "Alternate Titles.txt"
  "Sample of Reported Titles.txt" "Technology Skills.txt" "Tasks to DWAs.txt"
)
whole=("Scales Reference.txt" "Job Zone Reference.txt" "Read Me.txt")

rm -f "$here"/*.txt
head -n "$((occupations + 1))" "$src/Occupation Data.txt" >"$here/Occupation Data.txt"
for f in "${keyed[@]}"; do
  awk -F'\t' -v rows="$rows" '
    NR == FNR { if (FNR > 1) keep[$1] = 1; next }
    FNR == 1 { print; next }
    ($1 in keep) && n < rows { print; n++ }
  ' "$here/Occupation Data.txt" "$src/$f" >"$here/$f"
done
for f in "${whole[@]}"; do cp "$src/$f" "$here/$f"; done
# DWA Reference: the DWAs the sliced task links name (column 3 = DWA ID).
awk -F'\t' '
  NR == FNR { if (FNR > 1) want[$3] = 1; next }
  FNR == 1 || ($3 in want)
' "$here/Tasks to DWAs.txt" "$src/DWA Reference.txt" >"$here/DWA Reference.txt"
# Content Model Reference: the elements the sliced ratings name (column 2).
awk -F'\t' '
  FILENAME != last { last = FILENAME; file++ }
  file < 4 { if (FNR > 1) want[$2] = 1; next }
  FNR == 1 || ($1 in want)
' "$here/Skills.txt" "$here/Knowledge.txt" "$here/Work Styles.txt" \
  "$src/Content Model Reference.txt" >"$here/Content Model Reference.txt"

# Seeds: one per file, the selector byte then the file's text. The target
# replaces REQUIRED_FILES[byte % 16] (crates/data/src/onet.rs) with the rest
# of the input; bytes 0x40 + i ('@', 'A', ... 'O') select file i.
corpus="$here/../corpus/onet"
mkdir -p "$corpus"
rm -f "$corpus"/*
required=(
  "Occupation Data.txt" "Job Zones.txt" "Job Zone Reference.txt" "Skills.txt"
  "Knowledge.txt" "Work Styles.txt" "Interests.txt"
  "Education, Training, and Experience.txt" "Alternate Titles.txt"
  "Sample of Reported Titles.txt" "Technology Skills.txt"
  "Content Model Reference.txt" "Scales Reference.txt" "Tasks to DWAs.txt"
  "DWA Reference.txt" "Read Me.txt"
)
for i in "${!required[@]}"; do
  f="${required[$i]}"
  name="$(printf '%02d-%s' "$i" "$f" | tr 'A-Z ' 'a-z-' | tr -d ',' | sed 's/\.txt$//')"
  { printf "\\$(printf '%03o' $((64 + i)))"; cat "$here/$f"; } >"$corpus/$name"
done
wc -lc "$here"/*.txt
