"""The Python peers of ProfileKit's validation rows, on the same payload files.

Usage: validation_peers.py <payload directory> [runs] [ms per run]

Prints one JSON line per payload, path and library, {"row", "subject", "value", "unit"}: the
median CPU time (this thread's) in nanoseconds per validation, as ValidationBenchmark --rows
measures ProfileKit. Paths: "decoded" validates an object already parsed from the file
(pydantic `model_validate`, msgspec `convert`), "bytes" goes from the file's bytes to a validated
model (pydantic `model_validate_json`, msgspec `json.decode(..., type=...)`).

Both models encode the creator preset's rules (ValidationPolicy.creator) as far as each library
can; Docs/performance.md lists what differs. Before timing, every library must accept the valid
payloads and reject the 3-error payload, or the script fails: a peer that checks less would be
measured doing less work.
"""

import json
import statistics
import sys
import time
from typing import Annotated, Optional

import msgspec
import pydantic
from msgspec import Meta, Struct
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

USERNAME = r"^[A-Za-z0-9_]+$"
# One line of text: no control characters (ProfileKit also refuses format and invisible ones).
SINGLE_LINE = r"^[^\x00-\x1f\x7f]*$"
# Per platform: an https URL on one of the platform's hosts (SocialPlatform.hosts), or a bare handle
# (the creator preset accepts `@johndoe`).
HOSTS = {
    "instagram": ("instagram.com", "www.instagram.com"),
    "tiktok": ("tiktok.com", "www.tiktok.com", "m.tiktok.com", "vm.tiktok.com"),
    "youtube": ("youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"),
    "twitch": ("twitch.tv", "www.twitch.tv", "m.twitch.tv"),
    "twitter": ("twitter.com", "www.twitter.com", "mobile.twitter.com", "x.com", "www.x.com"),
    "linkedin": ("linkedin.com", "www.linkedin.com"),
}
LINKS = {
    platform: r"^(https://(" + "|".join(host.replace(".", r"\.") for host in hosts) + r")([/?#][^\s]*)?"
    + r"|@?[A-Za-z0-9_.]{1,30})$"
    for platform, hosts in HOSTS.items()
}
# An https image URL: the path ends in one of the preset's image extensions.
AVATAR = r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}/[^\s?#]*\.(jpg|jpeg|png|gif|webp)([?#][^\s]*)?$"


def line(minimum, maximum, pattern=None):
    return Annotated[str, StringConstraints(min_length=minimum, max_length=maximum, pattern=pattern)]


class Location(BaseModel):
    model_config = ConfigDict(extra="forbid")
    city: Optional[line(0, 100, SINGLE_LINE)] = None
    state: Optional[line(0, 100, SINGLE_LINE)] = None
    country: Optional[line(0, 100, SINGLE_LINE)] = None
    text: Optional[line(0, 200, SINGLE_LINE)] = None


class SocialLinks(BaseModel):
    model_config = ConfigDict(extra="forbid")
    instagram: Optional[line(1, 500, LINKS["instagram"])] = None
    tiktok: Optional[line(1, 500, LINKS["tiktok"])] = None
    youtube: Optional[line(1, 500, LINKS["youtube"])] = None
    twitch: Optional[line(1, 500, LINKS["twitch"])] = None
    twitter: Optional[line(1, 500, LINKS["twitter"])] = None
    linkedin: Optional[line(1, 500, LINKS["linkedin"])] = None


class CreatorProfile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    username: line(3, 30, USERNAME)
    displayName: line(1, 50, SINGLE_LINE)
    bio: line(0, 500)
    niche: Annotated[list[line(1, 30, SINGLE_LINE)], Field(min_length=1, max_length=5)]
    location: Optional[Location] = None
    socialLinks: Optional[SocialLinks] = None
    avatar: Optional[line(1, 500, AVATAR)] = None


def msgspec_model(patterns):
    """The creator model as msgspec Structs; without `patterns`, lengths and structure only."""

    def meta(minimum, maximum, pattern=None):
        return Annotated[str, Meta(min_length=minimum, max_length=maximum, pattern=pattern if patterns else None)]

    def struct(name, fields):
        return msgspec.defstruct(name, fields, forbid_unknown_fields=True)

    part = Optional[meta(0, 100, SINGLE_LINE)]
    location = struct(
        "Location",
        [("city", part, None), ("state", part, None), ("country", part, None),
         ("text", Optional[meta(0, 200, SINGLE_LINE)], None)],
    )
    links = struct("SocialLinks", [(platform, Optional[meta(1, 500, LINKS[platform])], None) for platform in HOSTS])
    return struct(
        "CreatorProfile",
        [
            ("username", meta(3, 30, USERNAME)),
            ("displayName", meta(1, 50, SINGLE_LINE)),
            ("bio", meta(0, 500)),
            ("niche", Annotated[list[meta(1, 30, SINGLE_LINE)], Meta(min_length=1, max_length=5)]),
            ("location", Optional[location], None),
            ("socialLinks", Optional[links], None),
            ("avatar", Optional[meta(1, 500, AVATAR)], None),
        ],
    )


PAYLOADS = (("creator-sample", 0), ("creator-full", 0), ("creator-3-errors", 3))


def pydantic_paths(raw, parsed):
    def errors(call):
        try:
            call()
            return 0
        except pydantic.ValidationError as error:
            return error.error_count()

    return {
        "decoded": lambda: errors(lambda: CreatorProfile.model_validate(parsed)),
        "bytes": lambda: errors(lambda: CreatorProfile.model_validate_json(raw)),
    }


def msgspec_paths(model):
    return lambda raw, parsed: msgspec_calls(model, raw, parsed)


def msgspec_calls(model, raw, parsed):
    decoder = msgspec.json.Decoder(model)

    def errors(call):
        # msgspec stops at the first error: 1 stands for "rejected".
        try:
            call()
            return 0
        except msgspec.ValidationError:
            return 1

    return {
        "decoded": lambda: errors(lambda: msgspec.convert(parsed, model)),
        "bytes": lambda: errors(lambda: decoder.decode(raw)),
    }


def cpu_median(call, runs, milliseconds):
    start = time.thread_time_ns()
    for _ in range(200):
        call()
    probe = max(1.0, (time.thread_time_ns() - start) / 200)
    iterations = max(100, int(milliseconds * 1e6 / probe))
    samples = []
    for _ in range(runs):
        start = time.thread_time_ns()
        for _ in range(iterations):
            call()
        samples.append((time.thread_time_ns() - start) / iterations)
    return round(statistics.median_high(samples), 1)


def main():
    directory = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    milliseconds = float(sys.argv[3]) if len(sys.argv) > 3 else 40
    libraries = (
        ("pydantic", pydantic_paths),
        ("msgspec", msgspec_paths(msgspec_model(patterns=True))),
        ("msgspec (no patterns)", msgspec_paths(msgspec_model(patterns=False))),
    )
    for name, expected in PAYLOADS:
        with open(f"{directory}/{name}.json", "rb") as file:
            raw = file.read()
        parsed = json.loads(raw)
        for subject, paths in libraries:
            for path, call in paths(raw, parsed).items():
                found = call()
                # Without patterns msgspec still rejects the 3-error payload (its bio is too long).
                rejected_as_expected = (found > 0) == (expected > 0)
                all_reported = subject != "pydantic" or found == expected
                if not (rejected_as_expected and all_reported):
                    sys.exit(f"{subject} {path} {name}: {found} errors, expected {expected}")
                value = cpu_median(call, runs, milliseconds)
                row = {"row": f"validate/{name}/{path}", "subject": subject, "value": value, "unit": "ns"}
                print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
