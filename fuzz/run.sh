#!/usr/bin/env bash
# Builds the fuzz targets and runs each in turn, one job at a time, on stable
# Rust without a sanitizer (`-s none`). Exits non-zero as soon as a target
# finds a crash, a hang (an input running over FUZZ_TIMEOUT, 10 s by
# default) or an out-of-memory (over 2048 MB); libFuzzer saves the input
# under fuzz/artifacts/TARGET/. A run stopped by a signal (Ctrl-C) prints
# its figures and exits 130: an interruption is not a finding.
#
#   fuzz/run.sh [SECONDS] [TARGET...]      each target for SECONDS (default 20)
#   fuzz/run.sh --runs N [TARGET...]       each target for N executions
#
# Targets default to all of `cargo fuzz list`. Each run reads the committed
# seeds (fuzz/corpus/TARGET) and past failures (fuzz/regressions/TARGET),
# and keeps what it learns in fuzz/corpus-work/TARGET (not committed), so a
# later run starts where the last one stopped. Installs cargo-fuzz, and a
# C++ compiler for libFuzzer, when missing. See docs/RELIABILITY.md.
#
# FUZZ_TIMEOUT (seconds, default 10) is how long one input may run before
# it counts as a hang. libFuzzer measures wall-clock time, so on a machine
# busy with other work raise it (60) rather than take a starved input for a
# hung one.
set -euo pipefail
timeout_s="${FUZZ_TIMEOUT:-10}"
[[ "$timeout_s" =~ ^[0-9]+$ ]] || { echo "FUZZ_TIMEOUT must be a whole number of seconds, not '$timeout_s'" >&2; exit 2; }
fuzz="$(cd "$(dirname "$0")" && pwd)"
cd "$fuzz/.."

limit=(-max_total_time=20)
what="20 s"
if [[ "${1:-}" == "--runs" ]]; then
  [[ "${2:-}" =~ ^[0-9]+$ ]] || { echo "usage: fuzz/run.sh [SECONDS | --runs N] [TARGET...]" >&2; exit 2; }
  limit=(-runs="$2")
  what="$2 executions"
  shift 2
elif [[ "${1:-}" =~ ^[0-9]+$ ]]; then
  limit=(-max_total_time="$1")
  what="$1 s"
  shift
elif [[ "${1:-}" == -* ]]; then
  echo "usage: fuzz/run.sh [SECONDS | --runs N] [TARGET...]" >&2
  exit 2
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi
if ! command -v c++ >/dev/null 2>&1; then
  echo "== installing a C++ compiler for libFuzzer"
  apt-get update -q && apt-get install -y -q g++
fi

echo "== fuzz: build"
start=$SECONDS
cargo fuzz build -s none --fuzz-dir "$fuzz"
echo "built in $((SECONDS - start)) s"

if [[ $# -eq 0 ]]; then
  mapfile -t targets < <(cargo fuzz list --fuzz-dir "$fuzz")
else
  targets=("$@")
fi

for target in "${targets[@]}"; do
  echo "== fuzz: $target, $what"
  work="$fuzz/corpus-work/$target"
  mkdir -p "$work"
  corpora=("$work" "$fuzz/corpus/$target")
  [[ -d "$fuzz/regressions/$target" ]] && corpora+=("$fuzz/regressions/$target")
  # libFuzzer prints every new input; keep the log and show its summary.
  mkdir -p "$fuzz/target/logs"
  log="$fuzz/target/logs/$target.log"
  if ! cargo fuzz run -s none --fuzz-dir "$fuzz" "$target" "${corpora[@]}" -- \
    "${limit[@]}" -timeout="$timeout_s" -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
    # Stopped by a signal (Ctrl-C, kill -INT): not a finding.
    if grep -q 'libFuzzer: run interrupted' "$log"; then
      grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" || true
      echo "fuzz: $target interrupted before its limit; nothing failed (log: $log)" >&2
      exit 130
    fi
    # The panic message and its backtrace, then libFuzzer's report.
    grep -A 12 'panicked at' "$log" || true
    tail -n 25 "$log"
    echo "fuzz: $target FAILED; the input is in fuzz/artifacts/$target/ (log: $log)" >&2
    exit 1
  fi
  grep -E '^(#[0-9]+\s+(INITED|DONE)|stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb))' "$log" || true
done
echo "== fuzz: no crash, hang or out-of-memory"
echo "fuzz: ${#targets[@]} passed, 0 failed"
