#!/usr/bin/env python3
"""Checks the exported JSON Schemas with an off-the-shelf validator (python-jsonschema).

For each preset: the schema must be a valid JSON Schema 2020-12 document, and every conformance
vector the library accepts must be accepted by the schema too (create vectors against
`$defs/create`, update vectors against the root). A schema that refused a body the library
accepts would make a frontend reject good input. Vectors the library rejects are counted by
whether the schema also rejects them: JSON Schema cannot express every rule (see
Docs/Validation.md), so that count is information, not a failure.
"""
import json
import pathlib
import sys

import jsonschema
import regex

# JSON Schema patterns are ECMA-262 regular expressions with Unicode property escapes (`\p{L}`),
# as JavaScript validators such as Ajv run them. Python's `re` lacks `\p{...}`; the `regex`
# module has it, so patterns are matched with it here.


def ecma_pattern(validator, pattern, instance, schema):
    if validator.is_type(instance, "string") and not regex.search(pattern, instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": ecma_pattern})

def patterns(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                yield value
            else:
                yield from patterns(value)
    elif isinstance(node, list):
        for item in node:
            yield from patterns(item)


root = pathlib.Path(__file__).resolve().parent
failures = []
for schema_path in sorted(root.glob("*.schema.json")):
    preset = schema_path.name.removesuffix(".schema.json")
    schema = json.loads(schema_path.read_text())
    # The metaschema's own check of `pattern` uses Python's `re`; check the document's shape
    # without it, then compile every pattern with `regex` so a bad one still fails.
    jsonschema.Draft202012Validator(jsonschema.Draft202012Validator.META_SCHEMA).validate(schema)
    for pattern in patterns(schema):
        regex.compile(pattern)
    update = Validator(schema)
    # `$defs/create` is the root plus `required`; validating against that union directly keeps
    # the ECMA pattern keyword in force (a `$ref` would resolve with the stock validator).
    create = Validator({**schema, "required": schema["$defs"]["create"]["required"]})
    vectors = json.loads((root / f"{preset}.json").read_text())["vectors"]
    accepted = caught = missed = 0
    for vector in vectors:
        validator = create if vector.get("existing") is None else update
        schema_accepts = validator.is_valid(vector["input"])
        if not vector["expected"]:
            accepted += 1
            if not schema_accepts:
                failures.append(f"{preset}: the schema refuses '{vector['name']}', which the library accepts")
        elif schema_accepts:
            missed += 1
        else:
            caught += 1
    print(f"schema {preset}: {accepted} valid bodies accepted by the schema; "
          f"of {caught + missed} invalid bodies the schema also rejects {caught}")

for failure in failures:
    print(failure, file=sys.stderr)
sys.exit(1 if failures else 0)
