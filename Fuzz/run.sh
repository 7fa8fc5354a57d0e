#!/usr/bin/env bash
# Builds the libFuzzer targets (release, with AddressSanitizer) and runs each for a bounded time.
#
#   Fuzz/run.sh [seconds-per-target] [target...]     # default: 25 s each, every target
#   FUZZ_SECONDS=600 Fuzz/run.sh                      # the long campaign
#
# Each target starts from its committed seeds (Fuzz/Corpus/<target>/) plus what earlier runs
# found (Fuzz/.work/<target>/, not committed). A crash, an invariant violation, a timeout or
# running out of memory leaves the input in Fuzz/.work/artifacts/ and makes the script exit 1
# after every target has run. Reproduce one with:
#   PROFILEKIT_FUZZ_TARGET=<target> Fuzz/.build/release/ProfileKitFuzz <artifact>
set -euo pipefail
cd "$(dirname "$0")"

seconds="${1:-${FUZZ_SECONDS:-25}}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(endpoints-creator endpoints-social endpoints-mobile endpoints-django decoder store-journal store-snapshot image)
fi

echo "building the fuzz targets (release, -sanitize=fuzzer,address)"
build_log=$(mktemp)
if ! swift build -c release --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address --scratch-path .build >"$build_log" 2>&1; then
    grep -v "Cannot export local symbol" "$build_log" | tail -n 40 >&2
    exit 1
fi
binary=.build/release/ProfileKitFuzz

# Inputs larger than this teach the fuzzer nothing new about the target and slow it down.
max_len() {
    case "$1" in
        endpoints-*) echo 4096 ;;
        decoder) echo 4200 ;;            # just past the decoder's 4 KiB limit, so 413 is reachable
        store-*) echo 8192 ;;
        image) echo 1024 ;;
    esac
}

mkdir -p .work/artifacts
failed=()
printf '%-18s %8s %10s %8s %8s %7s\n' target seconds executions exec/s cov ft
summary=()
for target in "${targets[@]}"; do
    work=".work/$target"
    mkdir -p "$work"
    log=".work/$target.log"
    status=0
    ASAN_OPTIONS="detect_leaks=0" PROFILEKIT_FUZZ_TARGET="$target" "$binary" "$work" "Corpus/$target" \
        -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -detect_leaks=0 -artifact_prefix=".work/artifacts/$target-" >"$log" 2>&1 || status=$?
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    summary+=("$(printf '%-18s %8s %10s %8s %8s %7s' "$target" "$seconds" "${executions:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}")")
    echo "${summary[-1]}"
    if [ "$status" -ne 0 ]; then
        failed+=("$target")
        echo "== $target FAILED (libFuzzer exit $status); the end of its log:" >&2
        grep -v "Cannot export local symbol" "$log" | tail -n 60 >&2
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzzing found failures in: ${failed[*]}; inputs in Fuzz/.work/artifacts/" >&2
    exit 1
fi
echo "fuzzing: no crash in ${#targets[@]} targets"
