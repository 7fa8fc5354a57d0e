#!/usr/bin/env bash
# Disk faults under a running JSON-file store, with ProfileStoreCrashWriter as the writer:
#   1. a full disk (a 256 KiB tmpfs): the writer gets ENOSPC, every acknowledged write reopens;
#   2. a read-only file system: opening is refused with EROFS and changes nothing; remounted
#      read-write, the store reopens with every acknowledged write;
#   3. the data directory moved away, then removed, under a running writer: the next write is
#      refused; the moved store has every acknowledged write, and the old path is refused rather
#      than reopened as an empty store.
# Needs root for mount (CI runs as root); without it, cases 1 and 2 are skipped with a message
# (the fault-injection tests in JSONFileDiskFaultTests cover the same paths).
#
#   Scripts/disk-faults.sh    (PROFILEKIT_CRASH_WRITER as in crash-loop.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

writer=${PROFILEKIT_CRASH_WRITER:-.build/debug/ProfileStoreCrashWriter}
[ -x "$writer" ] || { echo "disk-faults: $writer is missing; run swift build first" >&2; exit 2; }
work=$(mktemp -d)
pid=
cleanup() {
    if [ -n "$pid" ]; then kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    umount "$work/disk" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

fail() { echo "disk-faults: FAILED: $*" >&2; exit 1; }

# Starts the writer on $1 (snapshot every $2 records) with acknowledgements in $3.
start_writer() {
    : > "$3"
    "$writer" write "$1" "$2" > "$3" 2> "$work/stderr" &
    pid=$!
}

# Waits (at most $2 seconds) until the writer has acknowledged $1 writes, or has exited.
wait_for_acks() {
    local deadline=$(( SECONDS + $2 ))
    while (( SECONDS < deadline )); do
        if [ "$(grep -c '^ack' "$ack" || true)" -ge "$1" ] || ! kill -0 "$pid" 2>/dev/null; then return; fi
        sleep 0.02
    done
}

# Waits (at most $1 seconds) for the writer to exit by itself; fails when it does not.
wait_for_exit() {
    local deadline=$(( SECONDS + $1 ))
    while kill -0 "$pid" 2>/dev/null; do
        (( SECONDS < deadline )) || fail "the writer kept running after the fault"
        sleep 0.02
    done
    wait "$pid" 2>/dev/null || true
    pid=
}

verify() {
    local result
    result=$("$writer" verify "$1" "${@:2}") || fail "verify $1: $result"
    echo "  $result"
}

mkdir -p "$work/disk"
if mount -t tmpfs -o size=256k tmpfs "$work/disk" 2>/dev/null; then
    echo "== full disk (256 KiB tmpfs)"
    ack="$work/full.acks"
    # No snapshots: the journal grows until the disk is full.
    start_writer "$work/disk/store" 1000000 "$ack"
    wait_for_exit 120
    grep -Eq 'errno:? 28' "$work/stderr" || fail "expected ENOSPC, the writer said: $(cat "$work/stderr")"
    echo "  the writer stopped with: $(tail -c 200 "$work/stderr")"
    verify "$work/disk/store" "$ack"

    echo "== read-only file system"
    mount -o remount,ro "$work/disk"
    before=$(cd "$work/disk/store" && sha256sum journal.jsonl snapshot.json 2>/dev/null || true)
    start_writer "$work/disk/store" 1000000 "$work/ro.acks"
    wait_for_exit 30
    grep -Eq 'errno:? 30' "$work/stderr" || fail "expected EROFS, the writer said: $(cat "$work/stderr")"
    echo "  opening was refused: $(tail -c 200 "$work/stderr")"
    after=$(cd "$work/disk/store" && sha256sum journal.jsonl snapshot.json 2>/dev/null || true)
    [ "$before" = "$after" ] || fail "a refused open changed the files"
    mount -o remount,rw "$work/disk"
    verify "$work/disk/store" "$ack"
    umount "$work/disk"
else
    echo "== full disk and read-only file system: SKIPPED (mounting a tmpfs is not permitted here; run as root)"
fi

echo "== data directory moved away under a running writer"
ack="$work/moved.acks"
start_writer "$work/store" 10000 "$ack"
wait_for_acks 40 60
mv "$work/store" "$work/moved"
wait_for_exit 30
grep -q 'no longer names' "$work/stderr" || fail "expected a refused write, the writer said: $(cat "$work/stderr")"
echo "  the writer stopped with: $(tail -c 200 "$work/stderr")"
verify "$work/moved" "$ack"
if "$writer" verify "$work/store" "$ack" > "$work/out" 2>&1; then fail "the old path reopened: $(cat "$work/out")"; fi
echo "  the old path is refused: $(head -c 200 "$work/out")"

echo "== data directory removed under a running writer"
ack="$work/removed.acks"
start_writer "$work/moved" 10000 "$ack"
wait_for_acks 20 60
rm -rf "$work/moved"
wait_for_exit 30
grep -q 'deleted' "$work/stderr" || fail "expected a refused write, the writer said: $(cat "$work/stderr")"
echo "  the writer stopped with: $(tail -c 200 "$work/stderr")"
if "$writer" verify "$work/moved" "$ack" > "$work/out" 2>&1; then fail "the removed path reopened: $(cat "$work/out")"; fi
echo "  the removed path is refused, not reopened empty: $(head -c 200 "$work/out")"
echo "disk-faults: passed"
