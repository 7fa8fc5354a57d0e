"""The library's side of the differential tests: the path of a built `ProfileKitProbe`."""
import json
import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def probe_path(given):
    """`given` when set; otherwise builds the probe with `swift build` (debug) and returns its path."""
    if given:
        return given
    subprocess.run(["swift", "build", "--product", "ProfileKitProbe"], cwd=ROOT, check=True, stdout=sys.stderr)
    bin_path = subprocess.run(
        ["swift", "build", "--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()
    return os.path.join(bin_path, "ProfileKitProbe")


def verdicts_by_path(probe, subcommand, lines):
    """Runs `probe subcommand` with one input line per entry of `lines`; its JSON lines by `path`."""
    feed = "".join(line + "\n" for line in lines)
    result = subprocess.run([probe, subcommand], input=feed, capture_output=True, text=True, check=True)
    return {verdict["path"]: verdict for verdict in map(json.loads, result.stdout.splitlines())}
