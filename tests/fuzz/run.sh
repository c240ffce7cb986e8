#!/usr/bin/env bash
# Runs the libFuzzer targets of build/fuzz (preset fuzz), one after the other, each for FUZZ_SECONDS (default 60).
#
#   tests/fuzz/run.sh                    every target          (make fuzz)
#   tests/fuzz/run.sh cursor jwt         these targets         (make fuzz FUZZ_TARGETS="cursor jwt")
#
# New inputs go to build/fuzz/corpus/<target>/ (the seed corpus tests/fuzz/corpus/<target>/ is only read: copy an
# input there by hand when it is worth keeping); a crash is written to build/fuzz/artifacts/<target>/ and fails the
# run. Fix it, then add the input to tests/fuzz/regressions/<target>/ (replayed by ctest in the test build).
# Logs: build/fuzz/logs/<target>.log. Extra libFuzzer flags: FUZZ_FLAGS="-max_len=8192".
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${FUZZ_SECONDS:-60}
all=(restfilter orderby cursor jwt record_json graphql_parse graphql_execute)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")

supp="$PWD/tests/sanitizers"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$supp/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$supp/ubsan.supp}"
export QT_QPA_PLATFORM=offscreen VINGT_LOG_LEVEL=error

failed=()
for t in "${targets[@]}"; do
    binary=build/fuzz/tests/fuzz/fuzz_$t
    [ -x "$binary" ] || { echo "fuzz: $binary is missing (cmake --build --preset fuzz)" >&2; exit 2; }
    work=build/fuzz/corpus/$t artifacts=build/fuzz/artifacts/$t/ log=build/fuzz/logs/$t.log
    mkdir -p "$work" "$artifacts" build/fuzz/logs
    inputs=("$work" "tests/fuzz/corpus/$t")
    [ -d "tests/fuzz/regressions/$t" ] && inputs+=("tests/fuzz/regressions/$t")
    dict=()
    [ -f "tests/fuzz/dict/$t.dict" ] && dict=("-dict=tests/fuzz/dict/$t.dict")
    echo "fuzz: $t for ${seconds}s"
    # shellcheck disable=SC2086 # FUZZ_FLAGS is a list of flags
    if "$binary" -max_total_time="$seconds" -timeout=20 -print_final_stats=1 -artifact_prefix="$artifacts" \
        "${dict[@]}" ${FUZZ_FLAGS:-} "${inputs[@]}" >"$log" 2>&1; then
        status=ok
    else
        status=FAILED
        failed+=("$t")
    fi
    last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
    execs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}' || true)
    echo "fuzz: $t $status; executions ${execs:-?}; last: ${last:-none}"
    [ "$status" = ok ] || grep -E 'ERROR|SUMMARY|Test unit written|property violated' "$log" | head -5 || true
done
if [ ${#failed[@]} -ne 0 ]; then
    echo "fuzz: failures in ${failed[*]} (see build/fuzz/logs/ and build/fuzz/artifacts/)" >&2
    exit 1
fi
