#!/usr/bin/env python3
"""Checks data-export documents against Conformance/export.schema.json with python-jsonschema.

Validates the committed example (Conformance/export.example.json, which the Swift tests require to
be what the encoder writes) and every `*.json` in the directories given as arguments: the
documents the Swift test `DataExportGeneratedTests` writes for generated records when run with
PROFILEKIT_EXPORT_SAMPLES=<dir>. Fails when a document does not validate or when a directory holds
no document at all (a test that wrote nothing proves nothing).
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

for path in documents:
    errors = list(validator.iter_errors(json.loads(path.read_text())))
    for error in errors[:3]:
        print(f"{path.name}: {'/'.join(map(str, error.path))}: {error.message}", file=sys.stderr)
    failures += bool(errors)
print(f"{len(documents)} data-export documents checked against export.schema.json, {failures} failing")
sys.exit(1 if failures else 0)
