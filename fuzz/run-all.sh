#!/usr/bin/env bash
# Builds the fuzz targets and runs each for SECS seconds (default 600), one after another, at low priority, and
# appends one line per target to fuzz/results.txt (seconds, executions, crashes). See fuzz/README.md.
set -u
cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1
SECS=${SECS:-600}
TARGETS=${TARGETS:-"mapping folio_json thread markdown sanitize"}
nice -n 10 cargo fuzz build --sanitizer none >build.log 2>&1 || { echo "build failed, see fuzz/build.log" >>results.txt; exit 1; }
for t in $TARGETS; do
  mkdir -p "corpus/$t"
  start=$(date +%s)
  nice -n 10 cargo fuzz run --sanitizer none "$t" -- -max_total_time="$SECS" -print_final_stats=1 >"run-$t.log" 2>&1
  rc=$?
  end=$(date +%s)
  execs=$(grep -E '^stat::number_of_executed_units' "run-$t.log" | awk '{print $2}')
  crashes=$(ls "artifacts/$t" 2>/dev/null | wc -l)
  echo "$(date -u +%FT%TZ) $t rc=$rc seconds=$((end - start)) executions=${execs:-?} artifacts=$crashes" >>results.txt
done
