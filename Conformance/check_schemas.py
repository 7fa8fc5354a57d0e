#!/usr/bin/env python3
"""Checks the exported JSON Schemas with an off-the-shelf validator (python-jsonschema).

For each preset: the schema must be a valid JSON Schema 2020-12 document, and every conformance
vector the library accepts must be accepted by the schema too (create vectors against
`$defs/create`, update vectors against the root). A schema that refused a body the library
accepts would make a frontend reject good input. Vectors the library rejects are counted by
whether the schema also rejects them: JSON Schema cannot express every rule (see
Docs/Validation.md), so that count is information, not a failure.

Then the property test: about 25,000 generated bodies (body_generator.py: mutations of the
vectors and walks of the schemas) go through the library exactly as an endpoint takes them
(`ProfileKitProbe body <preset>`: the request decoder, the spec's request type, validation as a
create and as an update), and every body the library accepts must pass the schema. It prints
how many bodies were generated, accepted and refused by the schema (must be 0).

Environment: PROFILEKIT_SCHEMA_SEED (default: a fixed seed), PROFILEKIT_SCHEMA_BODIES (bodies
per preset, default 5000), PROFILEKIT_PROBE (a built ProfileKitProbe; default: built with
`swift build --product ProfileKitProbe`).
"""
import json
import os
import pathlib
import subprocess
import sys
import time

import body_generator

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


def preset_schemas():
    """(preset, schema path) for each preset's request-body schema: those with a vectors file
    beside them (error-details.schema.json describes responses and has its own check)."""
    for schema_path in sorted(root.glob("*.schema.json")):
        preset = schema_path.name.removesuffix(".schema.json")
        if (root / f"{preset}.json").exists():
            yield preset, schema_path


failures = []
for preset, schema_path in preset_schemas():
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



def probe_executable():
    if os.environ.get("PROFILEKIT_PROBE"):
        return os.environ["PROFILEKIT_PROBE"]
    package = root.parent
    subprocess.run(["swift", "build", "--product", "ProfileKitProbe"], cwd=package, check=True,
                   stdout=subprocess.DEVNULL)
    bin_path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=package, check=True,
                              capture_output=True, text=True).stdout.strip()
    return str(pathlib.Path(bin_path) / "ProfileKitProbe")


def probe(executable, preset, lines):
    """The library's verdicts, one per body line."""
    result = subprocess.run([executable, "body", preset], input="\n".join(lines) + "\n", capture_output=True,
                            encoding="utf-8", timeout=300)
    if result.returncode != 0:
        sys.exit(f"ProfileKitProbe body {preset} failed: {result.stderr}")
    verdicts = [json.loads(line) for line in result.stdout.splitlines()]
    if len(verdicts) != len(lines):
        sys.exit(f"ProfileKitProbe body {preset} answered {len(verdicts)} of {len(lines)} bodies")
    return verdicts


def generated_bodies(preset, schema, rng, count):
    """Up to `count` distinct bodies for `preset`: vector mutations first, then schema walks."""
    document = json.loads((root / f"{preset}.json").read_text())
    seen = {}
    mutations = body_generator.vector_mutations(document, rng, per_leaf=12)
    walker = body_generator.SchemaWalker(schema, rng, body_generator.string_pool(document))
    walks = walker.bodies(count * 4, schema["$defs"]["create"]["required"])
    for source, share in ((mutations, count * 3 // 5), (walks, count)):
        for body, _ in source:
            if len(seen) >= share:
                break
            ascii_only = rng.random() < 0.3
            seen.setdefault(json.dumps(body, ensure_ascii=ascii_only), body)
    return list(seen.items())


def property_test(executable, seed, per_preset):
    import random
    failures = []
    totals = [0, 0, 0]
    for preset, schema_path in preset_schemas():
        schema = json.loads(schema_path.read_text())
        validators = {"update": Validator(schema),
                      "create": Validator({**schema, "required": schema["$defs"]["create"]["required"]})}
        rng = random.Random(f"{seed}-{preset}")
        bodies = generated_bodies(preset, schema, rng, per_preset)
        verdicts = probe(executable, preset, [line for line, _ in bodies])
        accepted = refused = 0
        for (line, body), verdict in zip(bodies, verdicts):
            taken = [mode for mode in ("create", "update") if verdict[mode] == {}]
            accepted += bool(taken)
            for mode in taken:
                error = jsonschema.exceptions.best_match(validators[mode].iter_errors(body))
                if error is not None:
                    refused += 1
                    failures.append(f"{preset} {mode}: the library accepts {line} but the schema refuses it at "
                                    f"{'/'.join(map(str, error.absolute_path)) or 'body'}: {error.message[:160]}")
                    break
        totals = [totals[0] + len(bodies), totals[1] + accepted, totals[2] + refused]
        print(f"property {preset}: {len(bodies)} bodies generated, {accepted} accepted by the library, "
              f"{refused} of those refused by the schema")
    print(f"property total: {totals[0]} bodies generated, {totals[1]} accepted by the library, "
          f"{totals[2]} refused by the schema (must be 0); seed {seed}")
    return failures


started = time.monotonic()
seed = os.environ.get("PROFILEKIT_SCHEMA_SEED", "20261130")
failures += property_test(probe_executable(), seed, int(os.environ.get("PROFILEKIT_SCHEMA_BODIES", "5000")))
print(f"schema checks took {time.monotonic() - started:.1f} s")
shown = int(os.environ.get("PROFILEKIT_SCHEMA_SHOW", "60"))
for failure in failures[:shown]:
    print(failure, file=sys.stderr)
if len(failures) > shown:
    print(f"... and {len(failures) - shown} more", file=sys.stderr)
sys.exit(1 if failures else 0)
