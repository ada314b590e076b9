#!/usr/bin/env bash
# Fuzzes shifo-core with cargo-fuzz (libFuzzer); see docs/fuzzing.md.
#
#   scripts/fuzz.sh [seconds] [target...]
#
#   seconds  how long to fuzz each target (default 600)
#   target   dataset, query (default: both, one after the other)
#
# Installs cargo-fuzz if it is missing. Uses the nightly toolchain when one is installed,
# otherwise the default (stable) one with RUSTC_BOOTSTRAP=1. Each target reads the committed
# seeds in fuzz/corpus/<target>/ and fuzz/regressions/<target>/ but writes the inputs it finds
# to fuzz/target/corpus/<target>/, so a run never changes committed files. Prints one summary
# line per target and exits non-zero if any target crashed, naming the input that did it.
#
# Environment:
#   FUZZ_TOOLCHAIN  nightly or stable, to choose instead of detecting
#   FUZZ_SANITIZER  cargo-fuzz sanitizer (default none: the core has no unsafe code, and
#                   overflow checks and debug assertions stay on)
#   FUZZ_VERBOSE=1  show libFuzzer's output as it runs (it always goes to the log)
set -euo pipefail

cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

seconds=${1:-600}
if [ $# -gt 0 ]; then shift; fi
if ! [[ $seconds =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
  echo "usage: scripts/fuzz.sh [seconds] [target...]  (seconds: a whole number, got '$seconds')" >&2
  exit 2
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(dataset query)
fi
for t in "${targets[@]}"; do
  if [ ! -f "fuzz/fuzz_targets/$t.rs" ]; then
    echo "unknown target '$t' (have: $(cd fuzz/fuzz_targets && ls -- *.rs | sed 's/\.rs$//' | tr '\n' ' '))" >&2
    exit 2
  fi
done

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

toolchain=${FUZZ_TOOLCHAIN:-}
if [ -z "$toolchain" ]; then
  if command -v rustup >/dev/null && rustup toolchain list | grep -q '^nightly'; then
    toolchain=nightly
  else
    toolchain=stable
  fi
fi
# Each toolchain builds in its own directory, so switching does not rebuild everything.
case $toolchain in
  nightly) fuzz=(cargo +nightly fuzz) target_dir=target ;;
  # libFuzzer's instrumentation needs nightly flags; RUSTC_BOOTSTRAP lets stable accept them.
  stable) fuzz=(env RUSTC_BOOTSTRAP=1 cargo fuzz) target_dir=target/stable ;;
  *) echo "FUZZ_TOOLCHAIN must be nightly or stable, got '$toolchain'" >&2; exit 2 ;;
esac
sanitizer=${FUZZ_SANITIZER:-none}

# Longest input per target, in bytes: datasets need room, a query string does not.
max_len() {
  case $1 in
    dataset) echo 65536 ;;
    *) echo 4096 ;;
  esac
}

mkdir -p fuzz/target/logs
summary=fuzz/target/logs/summary.txt
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $toolchain, sanitizer $sanitizer, ${seconds} s per target" >>"$summary"
failed=0
lines=()
for t in "${targets[@]}"; do
  mkdir -p "fuzz/target/corpus/$t" "fuzz/artifacts/$t"
  log=fuzz/target/logs/$t.log
  dirs=("target/corpus/$t" "corpus/$t")
  if compgen -G "fuzz/regressions/$t/*" >/dev/null; then
    dirs+=("regressions/$t")
  fi
  echo "fuzzing $t for ${seconds} s with $toolchain (log: $log)"
  set +e
  (
    cd fuzz
    "${fuzz[@]}" run --sanitizer "$sanitizer" --target-dir "$target_dir" "$t" "${dirs[@]}" -- \
      -max_total_time="$seconds" -max_len="$(max_len "$t")" -dict="dict/$t.dict" \
      -timeout=30 -rss_limit_mb=2048 -print_final_stats=1
  ) >"$log" 2>&1 &
  pid=$!
  if [ "${FUZZ_VERBOSE:-0}" = 1 ]; then
    tail -n +1 -f "$log" --pid=$pid
  fi
  wait $pid
  status=$?
  set -e

  # The last of each libFuzzer statistic (grep finds nothing when the build failed).
  last() { { grep -o "$1" "$log" || true; } | tail -1; }
  done_line=$(last 'Done [0-9]* runs in [0-9]* second')
  runs=$(echo "$done_line" | awk '{print $2}')
  secs=$(echo "$done_line" | awk '{print $5}')
  rate=$(last 'stat::average_exec_per_sec: *[0-9]*' | awk '{print $2}')
  corpus=$(last 'corp: [0-9]*/[0-9]*[a-zA-Z]*' | sed 's/corp: //')
  found=$(find "fuzz/target/corpus/$t" -type f | wc -l)
  artifact=$(last 'Test unit written to [^ ]*' | sed 's/Test unit written to //')
  if [ "$status" -eq 0 ]; then
    outcome="no crash"
  elif [ -n "$artifact" ]; then
    case $artifact in
      /*) artifact=$(realpath --relative-to=. "$artifact") ;;
      *) artifact=fuzz/${artifact#./} ;;
    esac
    outcome="CRASH ($(basename "$artifact" | cut -d- -f1)): input $artifact, log $log"
    failed=1
  else
    outcome="FAILED with status $status before fuzzing (log $log)"
    failed=1
  fi
  line="$t: ${secs:-?} s, ${runs:-?} runs, ${rate:-?} exec/s, corpus ${corpus:-?} (inputs/bytes; $found kept in fuzz/target/corpus/$t), $outcome"
  lines+=("$line")
  echo "$line" | tee -a "$summary"
done

echo
echo "summary:"
printf '  %s\n' "${lines[@]}"
if [ "$failed" -ne 0 ]; then
  echo "a target failed: reproduce with 'cd fuzz && cargo +nightly fuzz run <target> <input>'," >&2
  echo "minimize with 'cargo +nightly fuzz tmin <target> <input>' (see docs/fuzzing.md)" >&2
  exit 1
fi
