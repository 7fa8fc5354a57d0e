"""Turns the rows Benchmarks/run collected into one markdown table and Benchmarks/results/latest.json.

Usage: table.py <rows.jsonl> <latest.json> <mode> [machine key=value ...]

Each input line is {"row", "subject", "value", "unit"} (a subject-less line, as profilekit-pg-bench
prints, is PostgreSQL's), or {"row", "subject", "skipped": reason}. A row measured several times
(interleaved rounds) counts with its median. Ratios compare ProfileKit with each peer on the same
row of the same run. Exits 1, after printing what it has, when a required row is missing.
"""

import datetime
import json
import statistics
import sys

PAYLOADS = {"creator-sample": "creator sample", "creator-full": "full payload", "creator-3-errors": "3-error payload"}
PATHS = {
    "decoded": "decoded body -> validated (pydantic `model_validate`, msgspec `convert`)",
    "bytes": "JSON bytes -> validated (pydantic `model_validate_json`, msgspec `json.decode`)",
}
VALIDATION_PEERS = ("pydantic", "msgspec", "msgspec (no patterns)")
STORE_PEERS = ("SQLite (GRDB)",)
SIZES = (1000, 100000)


def describe(row):
    kind, _, rest = row.partition("/")
    if kind == "validate":
        payload, _, path = rest.partition("/")
        return f"validation, {PAYLOADS.get(payload, payload)}: {PATHS.get(path, path)}"
    names = {
        "upsert-p50": "durable upsert p50, 1 writer, {} profiles",
        "upsert-p99": "durable upsert p99, 1 writer, {} profiles",
        "writes-per-second": "durable upserts/s, {} concurrent writers, 1,000 profiles",
        "startup": "open until the first read, {} profiles (fresh process)",
        "peak-rss": "peak RSS at the first read, {} profiles (VmHWM)",
        "read-id": "read by id, {} profiles",
        "read-username": "read by username, {} profiles",
    }
    if kind in names and rest.isdigit():
        return names[kind].format(f"{int(rest):,}")
    return row


def required_rows():
    rows = []
    for payload in PAYLOADS:
        for path in PATHS:
            rows += [(f"validate/{payload}/{path}", subject) for subject in ("ProfileKit",) + VALIDATION_PEERS]
    for size in SIZES:
        for kind in ("upsert-p50", "upsert-p99"):
            rows += [(f"{kind}/{size}", s) for s in ("ProfileKit",) + STORE_PEERS + ("append+fsync floor",)]
    for writers in (1, 16):
        rows += [(f"writes-per-second/{writers}", s) for s in ("ProfileKit",) + STORE_PEERS]
    for kind in ("startup", "peak-rss", "read-id", "read-username"):
        rows += [(f"{kind}/100000", s) for s in ("ProfileKit",) + STORE_PEERS]
    for kind in ("read-id", "read-username"):
        rows.append((f"{kind}/100000", "SQLite (GRDB), row bytes only"))
    return rows


def show(value, unit):
    if unit == "ns" and value >= 1000:
        value, unit = value / 1000, "us"
    if unit == "us" and value >= 1000:
        value, unit = value / 1000, "ms"
    if unit == "ms" and value >= 1000:
        value, unit = value / 1000, "s"
    if unit in ("writes/s",) or value >= 100:
        text = f"{value:,.0f}"
    else:
        text = f"{value:.2f}" if value < 10 else f"{value:.1f}"
    return f"{text} {unit.replace('us', 'µs')}"


def ratio(profilekit, peer, unit):
    """ProfileKit against the peer in words: faster or slower, more or fewer writes, less memory."""
    if not profilekit or not peer:
        return ""
    if unit == "writes/s":
        factor = profilekit / peer
        return f"{factor:.1f}x more" if factor >= 1 else f"{1 / factor:.1f}x fewer"
    factor = peer / profilekit
    if unit == "MiB":
        return f"{factor:.1f}x less" if factor >= 1 else f"{1 / factor:.1f}x more"
    return f"{factor:.1f}x faster" if factor >= 1 else f"{1 / factor:.1f}x slower"


def main():
    source, target, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    machine = dict(argument.split("=", 1) for argument in sys.argv[4:])
    samples, units, skipped, order = {}, {}, {}, []
    with open(source, encoding="utf-8") as file:
        for line in file:
            line = line.strip()
            if not line.startswith("{"):
                continue
            entry = json.loads(line)
            key = (entry["row"], entry.get("subject", "PostgreSQL"))
            if key not in samples and key not in skipped:
                order.append(key)
            if "skipped" in entry:
                skipped[key] = entry["skipped"]
                continue
            samples.setdefault(key, []).append(float(entry["value"]))
            units[key] = entry["unit"]
    values = {key: statistics.median_high(found) for key, found in samples.items()}
    missing = [key for key in required_rows() if key not in values]

    lines = [
        "| measurement | ProfileKit | peer | peer's value | ProfileKit vs peer |",
        "|---|---|---|---|---|",
    ]
    rows = []
    for row in dict.fromkeys(key[0] for key in order):
        own = values.get((row, "ProfileKit"))
        unit = units.get((row, "ProfileKit"))
        peers = [key for key in order if key[0] == row and key[1] != "ProfileKit"]
        first = True
        for key in peers:
            cells = [describe(row) if first else "", show(own, unit) if (first and own is not None) else ""]
            if key in skipped:
                cells += [key[1], f"skipped: {skipped[key]}", ""]
            else:
                cells += [key[1], show(values[key], units[key]), ratio(own, values[key], units[key]) if own else ""]
            lines.append("| " + " | ".join(cells) + " |")
            first = False
        rows.append(
            {
                "row": row,
                "measurement": describe(row),
                "unit": unit or (units.get(peers[0]) if peers else None),
                "values": {key[1]: values.get(key) for key in order if key[0] == row and key in values},
                "skipped": {key[1]: skipped[key] for key in order if key[0] == row and key in skipped},
            }
        )
    table = "\n".join(lines)
    print(table)
    result = {
        "mode": mode,
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": machine,
        "rows": rows,
        "samples": {f"{row} | {subject}": found for (row, subject), found in samples.items()},
        "missing": [f"{row} | {subject}" for row, subject in missing],
        "table": table,
    }
    with open(target, "w", encoding="utf-8") as file:
        json.dump(result, file, indent=2, ensure_ascii=False)
        file.write("\n")
    if missing:
        print("rows that could not be produced: " + ", ".join(result["missing"]), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
