#!/usr/bin/env bash
# Builds the Mutex.withLock false-positive reproducer with -sanitize=thread and runs it:
#   1. locked mode, no suppression: reports a race on this toolchain (the false positive; up to five runs);
#   2. locked mode, with ../tsan.supp: must report nothing;
#   3. unlocked mode (a real race), with ../tsan.supp: must still be reported.
# Exits non-zero when 2 or 3 does not hold. When 1 reports nothing, the toolchain is fixed and
# the suppression can go; the script says so.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
swiftc -sanitize=thread -g "$here/main.swift" -o "$work/repro" 2>&1 | grep -v '^$' || true

reports() { # mode, TSAN_OPTIONS -> number of TSan warnings (halt_on_error: the first report ends the run,
    # before the control's racing dictionary can corrupt the heap)
    TSAN_OPTIONS="halt_on_error=1 $2" "$work/repro" "$1" >"$work/out" 2>&1 || true
    grep -c 'WARNING: ThreadSanitizer' "$work/out" || true
}
suppress="suppressions=$here/../tsan.supp"

# The false positive needs the two threads to meet at the lock, which a run may not do: up to five
# runs, so that "no longer reports" means something.
plain=0
for _ in 1 2 3 4 5; do
    plain=$(reports locked "")
    [ "$plain" -eq 0 ] || break
done
suppressed=$(reports locked "$suppress")
control=$(reports unlocked "$suppress")
echo "locked, no suppression:   $plain TSan report(s)"
echo "locked, tsan.supp:        $suppressed TSan report(s)"
echo "unlocked, tsan.supp:      $control TSan report(s)"
if [ "$plain" -eq 0 ]; then
    echo "this toolchain no longer reports the Mutex.withLock false positive: drop the line in tsan.supp"
fi
[ "$suppressed" -eq 0 ] || { echo "tsan.supp does not hide the false positive" >&2; exit 1; }
[ "$control" -gt 0 ] || { echo "tsan.supp hides a real race" >&2; exit 1; }
echo "tsan.supp hides the false positive and nothing else that the control exercises"
