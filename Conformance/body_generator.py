"""Generates request bodies for the "schemas are never stricter than the library" property test.

Two sources, both seeded (the seed is printed, so a failure reproduces):
- mutations of the conformance vectors: every string leaf padded with Unicode whitespace, its
  case changed, full-width, emptied, nulled, given separators, combining marks, emoji ZWJ
  sequences and flags, and replaced by strings at each limit +-1 counted in graphemes, code points
  and UTF-8 bytes; preferences given extra keys of every shape;
- walks of the schemas themselves: every property absent, null or a value the node describes
  (enum values in other cases, strings at minLength/maxLength +-1 of several kinds of character,
  arrays at minItems/maxItems +-1, objects with known and unknown keys).
Bodies the schema refuses are generated on purpose too: the property only concerns bodies the
library accepts.
"""
import copy
import random

WHITESPACE = [" ", "\t", "\n", "\r\n", "\u00a0", "\u3000", "\u2003", "\u205f", "\u1680", "\u0085"]

# One grapheme cluster each, of different code-point and byte counts.
GRAPHEMES = [
    "a", "\u212a", "Z", "7", "_", "é", "e\u0301", "中", "한", "Ａ", "😀", "👩\u200d💻",
    "👨\u200d👩\u200d👧\u200d👦", "🇰🇪", "a" + "\u0301" * 9, "ǅ", "ß", "İ", "\u0915\u094d\u0937",
]

SEPARATORS = [" ", "-", ".", "(", ")", "  "]

# Values near the edge of what some field takes, tried in every string leaf.
EDGE_VALUES = [
    "https://cdn.example.com/@2x/a.png", "https://cdn.example.com/a%20b/c.JPG", "https://cdn.example.com/~u/a.webp",
    "https://cdn.example.com/a!$&'()*+,;=:b.gif?x=1#y", "https://CDN.Example.COM/a.jpeg#frag",
    "https://xn--bcher-kva.example/a.png", "https://cdn.example.com/a.jpg/", "HTTPS://INSTAGRAM.COM/JOHNDOE",
    "https://instagram.com/john.doe?hl=en#top", "http://tiktok.com/@john", "https://m.youtube.com/@j",
    "https://youtu.be/abc", "https://x.com/j", "https://www.linkedin.com/in/j-d", "@j", "j", "john.doe",
    "a@b.c", "John.Doe+tag@Example.COM", "x@xn--p1ai.xn--p1ai", "a@b.co.uk", "o'brien@example.io",
    "+1 (555) 123-4567", "+44.20.7946.0958", "(555) 123 4567", "555.123.4567", "+254 712 345 678", "5551234567",
    "wor\u212ak", "\u212a", "Stra\u00dfe", "ALLOY", "Shimmer", "\u0130stanbul", "Ｆｉｔｎｅｓｓ", "fit-ness & co.",
    "rock'n'roll", "c++", "k-pop", "e\u0301", "\u0915\u094d\u0937", "١٢٣", "x" * 30, "_" * 3,
]


def fullwidth(text):
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def string_mutations(text, rng):
    """Variants of one string leaf."""
    pad = rng.choice(WHITESPACE) + rng.choice(WHITESPACE)
    variants = [
        rng.choice(WHITESPACE) + text, text + rng.choice(WHITESPACE), pad + text + pad,
        text.upper(), text.lower(), text.title(), text.swapcase(), text.capitalize(), fullwidth(text),
        "", " ", "\u00a0", text + "\u0301", text + " 👩\u200d💻", text + "🇰🇪", "\u0301" + text,
        text.replace("a", "e\u0301"), text + "\ufe0f", text + "\u200d", text + "\u200b",
        rng.choice(EDGE_VALUES), rng.choice(WHITESPACE) + rng.choice(EDGE_VALUES) + rng.choice(WHITESPACE),
    ]
    if text:
        cut = rng.randrange(len(text) + 1)
        variants.append(text[:cut] + rng.choice(SEPARATORS) + text[cut:])
        variants.append(text[:cut] + rng.choice(GRAPHEMES) + text[cut:])
        variants.append(text[:cut] + rng.choice(WHITESPACE) + text[cut:])
    if any(c.isdigit() for c in text):
        digits = "".join(c for c in text if c.isdigit() or c == "+")
        variants += [
            digits, "(" + digits[:3] + ") " + digits[3:], "-".join(digits[i:i + 3] for i in range(0, len(digits), 3)),
            ".".join(digits[i:i + 2] for i in range(0, len(digits), 2)), " " + digits + " ",
        ]
    return variants


def boundary_strings(lengths, rng, base="a"):
    """Strings whose grapheme, code-point or byte count sits at each length in `lengths`."""
    result = []
    for length in lengths:
        if length < 0 or length > 5000:
            continue
        for unit in rng.sample(GRAPHEMES, 4) + [base]:
            result.append(unit * length)
            per_bytes = max(1, len(unit.encode()))
            result.append(unit * (length // per_bytes))
            per_points = max(1, len(unit))
            result.append(unit * (length // per_points))
        mixed = "".join(rng.choice(GRAPHEMES) for _ in range(length))
        result.append(mixed)
        result.append(" " + base * length + " ")
    return result


def limit_lengths(limits):
    """Every count the limits name, +-1."""
    numbers = set()

    def walk(node):
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, bool):
            return
        elif isinstance(node, (int, float)):
            numbers.add(int(node))

    walk(limits)
    return sorted({n + d for n in numbers for d in (-1, 0, 1) if 0 <= n + d <= 2100})


def leaves(node, path=()):
    """Paths of the string (and null) leaves of a body."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaves(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from leaves(value, path + (index,))
    elif isinstance(node, str) or node is None:
        yield path


def replaced(body, path, value):
    copied = copy.deepcopy(body)
    target = copied
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return copied


PREFERENCE_KEYS = ["theme", "Theme", "dark_mode", "x" * 64, "x" * 65, "a-b", "élan", "e\u0301lan", "1", "_", ""]
PREFERENCE_VALUES = ["dark", "Dark", " dark ", "", None, True, 0, -1, 1.5, 1e300, "x" * 200, "x" * 201, [], {}]


def preference_bodies(body, rng):
    if not isinstance(body.get("preferences"), dict):
        return []
    result = []
    for _ in range(40):
        prefs = dict(body["preferences"])
        for _ in range(rng.randrange(1, 5)):
            prefs[rng.choice(PREFERENCE_KEYS)] = rng.choice(PREFERENCE_VALUES)
        result.append({**body, "preferences": prefs})
    many = {f"k{i}": i for i in range(rng.choice([31, 32, 33]))}
    result.append({**body, "preferences": {**body["preferences"], **many}})
    for voice in ["alloy", "Alloy", "ALLOY", " alloy ", "nova\u00a0", "ａｌｌｏｙ"]:
        result.append({**body, "preferences": {"voice_preference": voice}})
    for scenario in ["default", "Default", " work_mode ", "a" * 50, "a" * 51, "work-mode", "WORK"]:
        result.append({**body, "preferences": {"default_scenario": scenario}})
    return result


def vector_mutations(document, rng, per_leaf):
    """Bodies derived from the conformance vectors: (body, is_create)."""
    lengths = limit_lengths(document["limits"])
    for vector in document["vectors"]:
        body = vector["input"]
        is_create = vector["existing"] is None
        if not isinstance(body, dict):
            continue
        yield body, is_create
        for path in list(leaves(body)):
            original = body
            for key in path:
                original = original[key]
            text = original if isinstance(original, str) else "value"
            variants = string_mutations(text, rng) + boundary_strings(rng.sample(lengths, min(4, len(lengths))), rng)
            for value in rng.sample(variants, min(per_leaf, len(variants))) + [None]:
                yield replaced(body, path, value), is_create
        for mutated in preference_bodies(body, rng):
            yield mutated, is_create


class SchemaWalker:
    """Instances drawn from a schema node, near its limits and sometimes just past them."""

    def __init__(self, schema, rng, pool):
        self.schema = schema
        self.rng = rng
        self.pool = pool

    def value(self, node, depth=0):
        rng = self.rng
        if "anyOf" in node:
            branch = rng.choice(node["anyOf"])
            merged = {k: v for k, v in node.items() if k != "anyOf"}
            merged.update(branch)
            return self.value(merged, depth)
        if "enum" in node:
            choice = rng.choice(node["enum"])
            if isinstance(choice, str) and rng.random() < 0.5:
                return rng.choice(string_mutations(choice, rng))
            return choice
        kinds = node.get("type", "string")
        kind = rng.choice(kinds) if isinstance(kinds, list) else kinds
        if kind == "null":
            return None
        if kind == "boolean":
            return rng.random() < 0.5
        if kind == "number":
            return rng.choice([0, 1, -1, 2.5, 10**20])
        if kind == "object":
            return self.object(node, depth)
        if kind == "array":
            low, high = node.get("minItems", 0), node.get("maxItems", 6)
            count = max(0, rng.choice([low - 1, low, low + 1, high - 1, high, high + 1]))
            items = node.get("items", {})
            return [self.value(items, depth + 1) for _ in range(count)]
        return self.string(node)

    def string(self, node):
        rng = self.rng
        low, high = node.get("minLength", 0), node.get("maxLength", 40)
        roll = rng.random()
        if roll < 0.45 and self.pool:
            text = rng.choice(self.pool)
            return text if rng.random() < 0.5 else rng.choice(string_mutations(text, rng))
        if roll < 0.8:
            length = max(0, rng.choice([low - 1, low, low + 1, high - 1, high, high + 1, rng.randint(low, high)]))
            unit = rng.choice(GRAPHEMES)
            return rng.choice([unit * length, unit * max(0, length // max(1, len(unit.encode()))),
                               "a" * length, " " + "a" * max(0, length - 2) + " "])
        return "".join(rng.choice(GRAPHEMES + WHITESPACE[:2]) for _ in range(rng.randint(0, 12)))

    def object(self, node, depth):
        rng = self.rng
        body = {}
        for key, child in node.get("properties", {}).items():
            roll = rng.random()
            if roll < 0.35:
                continue
            body[key] = self.value(child, depth + 1)
        extra = node.get("additionalProperties")
        if isinstance(extra, dict) and depth < 3:
            for _ in range(rng.randrange(0, 4)):
                key = rng.choice(PREFERENCE_KEYS + ["k" + str(rng.randrange(100))])
                body[key] = self.value(extra, depth + 1)
        return body

    def bodies(self, count, required):
        for _ in range(count):
            body = self.object(self.schema, 0)
            is_create = self.rng.random() < 0.5
            if is_create:
                for key in required:
                    if key not in body or self.rng.random() < 0.5:
                        body[key] = self.value(self.schema["properties"][key], 1)
            yield body, is_create


def string_pool(document):
    pool = set()
    for vector in document["vectors"]:
        for path in leaves(vector["input"]):
            value = vector["input"]
            for key in path:
                value = value[key]
            if isinstance(value, str) and len(value) < 600:
                pool.add(value)
    return sorted(pool)
