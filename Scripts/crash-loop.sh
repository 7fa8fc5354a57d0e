#!/usr/bin/env bash
# Crash loop for the JSON-file store: starts ProfileStoreCrashWriter (which prints `ack <user>
# <value>` only after each write returned), kills it with SIGKILL at a random moment, reopens the
# store and checks every acknowledged write and the store's invariants (`ProfileStoreCrashWriter
# verify`). Every other round snapshots every 7 records, so kills also land inside snapshots and
# journal swaps; the summary counts the rounds whose reopening found one cut short. Two rounds of
# every four (2, 3, 6, 7, ...) run 8 concurrent writers, so kills also land inside group-commit batches.
#
#   Scripts/crash-loop.sh                    # 30 rounds, at most 60 s (CI)
#   ROUNDS=500 MAX_SECONDS=3600 Scripts/crash-loop.sh
#
# Environment: ROUNDS (30), MAX_SECONDS (60), SEED (printed; set it to replay the kill times),
# PROFILEKIT_CRASH_WRITER (default .build/debug/ProfileStoreCrashWriter; `swift build` makes it).
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${ROUNDS:-30}
max_seconds=${MAX_SECONDS:-60}
seed=${SEED:-$(( $(date +%s) % 32768 ))}
writer=${PROFILEKIT_CRASH_WRITER:-.build/debug/ProfileStoreCrashWriter}
[ -x "$writer" ] || { echo "crash-loop: $writer is missing; run swift build first" >&2; exit 2; }

work=$(mktemp -d)
pid=
cleanup() {
    if [ -n "$pid" ]; then kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/acks"
RANDOM=$seed
echo "crash-loop: seed $seed, up to $rounds rounds, at most $max_seconds s"

started=$SECONDS
done_rounds=0 interrupted=0 torn=0 acks=0
for round in $(seq 1 "$rounds"); do
    if (( SECONDS - started >= max_seconds )); then break; fi
    snapshot_every=$(( round % 2 == 0 ? 7 : 10000 ))
    writers=$(( round % 4 >= 2 ? 8 : 1 ))
    ack="$work/acks/$round"
    : > "$ack"
    "$writer" write "$work/store" "$snapshot_every" "$writers" > "$ack" 2> "$work/stderr" &
    pid=$!
    # Waits for the writer to open the store: a condition, with a backstop far above the
    # fraction of a second it takes (a busy machine may stretch a debug process's start-up and
    # the replay of a journal that grew over the rounds to several seconds; 5 s was too tight).
    ready_by=$(( SECONDS + 60 ))
    while ! grep -q '^ready' "$ack" && kill -0 "$pid" 2>/dev/null && (( SECONDS < ready_by )); do
        sleep 0.01
    done
    sleep "$(printf '0.%03d' $(( RANDOM % 400 )))"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    pid=
    if ! grep -q '^ready' "$ack"; then
        echo "crash-loop: round $round: the writer did not start: $(cat "$work/stderr")" >&2
        exit 1
    fi
    if ! result=$("$writer" verify "$work/store" "$work"/acks/*); then
        echo "crash-loop: round $round (seed $seed) FAILED:" >&2
        echo "$result" >&2
        exit 1
    fi
    done_rounds=$round
    acks=$(sed -E 's/.*acks=([0-9]+).*/\1/' <<< "$result")
    if grep -qE 'temporary=true|skipped=[1-9]' <<< "$result"; then interrupted=$((interrupted + 1)); fi
    if grep -q 'tail=true' <<< "$result"; then torn=$((torn + 1)); fi
done
echo "crash-loop: $done_rounds rounds in $(( SECONDS - started )) s, $acks acknowledged writes verified," \
    "$interrupted reopenings found a snapshot cut short, $torn found a torn final record (seed $seed)"
[ "$done_rounds" -gt 0 ]
