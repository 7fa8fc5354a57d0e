#!/usr/bin/env python3
"""Checks every documented error response against Conformance/error-details.schema.json.

The error examples in Docs/Specs/<spec>.md are executed by the Swift tests (DocExamplesTests), so
they are what the library answers; here an off-the-shelf validator (python-jsonschema) checks each
of them against the spec's error envelope in the schema, `details` included. Fails when a body does
not validate or when a spec page documents no error at all.
"""
import json
import pathlib
import re
import sys

import jsonschema

root = pathlib.Path(__file__).resolve().parent.parent
schema = json.loads((root / "Conformance" / "error-details.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)

failures = 0
for spec in ["creator", "social", "mobile", "django"]:
    page = (root / "Docs" / "Specs" / f"{spec}.md").read_text()
    validator = jsonschema.Draft202012Validator({**schema, "$ref": f"#/$defs/{spec}"})
    checked = 0
    for block in re.findall(r"```http response\n(.*?)```", page, re.S):
        status_line, _, body = block.partition("\n\n")
        status = int(status_line.split()[1])
        if status < 400:
            continue
        errors = list(validator.iter_errors(json.loads(body)))
        for error in errors:
            print(f"{spec}: {status_line.strip()}: {error.message}", file=sys.stderr)
        failures += bool(errors)
        checked += 1
    print(f"{spec}: {checked} documented error responses match the schema")
    if checked == 0:
        print(f"{spec}: the page documents no error response", file=sys.stderr)
        failures += 1
sys.exit(1 if failures else 0)
