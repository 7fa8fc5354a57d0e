#!/usr/bin/env python3
"""Checks data-export documents against Conformance/export.schema.json with python-jsonschema.

Validates the committed example (Conformance/export.example.json, which the Swift tests require to
be what the encoder writes) and every `*.json` in the directories given as arguments: the
documents the Swift test `DataExportGeneratedTests` writes for generated records when run with
PROFILEKIT_EXPORT_SAMPLES=<dir>. Fails when a document does not validate or when a directory holds
no document at all (a test that wrote nothing proves nothing).

Beyond the schema, it checks what the schema cannot say: each username history is a chain (an
entry's newUsername is the next entry's oldUsername), the generated documents exercise both
username sections (some with entries, holds with and without an end), and a version-1 document
written before the username sections (the example without them) still validates: the sections
are a compatible addition to version 1 (Docs/Lifecycle.md, "Data export").
"""
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(__file__).resolve().parent.parent
schema = json.loads((root / "Conformance" / "export.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

documents = [root / "Conformance" / "export.example.json"]
failures = 0
for directory in sys.argv[1:]:
    found = sorted(pathlib.Path(directory).glob("*.json"))
    if not found:
        print(f"{directory}: no export document to check", file=sys.stderr)
        failures += 1
    documents += found

def check(name, document):
    """Prints why `document` fails; returns whether it does."""
    problems = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(document)]
    history = document.get("usernameHistory", [])
    for entry, following in zip(history, history[1:]):
        if entry.get("newUsername") != following.get("oldUsername"):
            problems.append(f"usernameHistory: {entry} is not followed by a change from its newUsername")
    for problem in problems[:3]:
        print(f"{name}: {problem}", file=sys.stderr)
    return bool(problems)


seen = {"history": 0, "holds": 0, "forever": 0, "until": 0}
for path in documents:
    document = json.loads(path.read_text())
    failures += check(path.name, document)
    holds = document.get("usernameHolds", [])
    seen["history"] += bool(document.get("usernameHistory"))
    seen["holds"] += bool(holds)
    seen["forever"] += any("until" not in hold for hold in holds)
    seen["until"] += any("until" in hold for hold in holds)

example = json.loads(documents[0].read_text())
older = {key: value for key, value in example.items() if key not in ("usernameHistory", "usernameHolds")}
failures += check("export.example.json without the username sections", older)
for what, count in seen.items():
    if count == 0:
        print(f"no document exercises the username sections ({what})", file=sys.stderr)
        failures += 1
print(
    f"{len(documents)} data-export documents checked against export.schema.json "
    f"({seen['history']} with a username history, {seen['holds']} with holds), {failures} failing"
)
sys.exit(1 if failures else 0)
