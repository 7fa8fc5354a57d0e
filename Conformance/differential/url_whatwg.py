#!/usr/bin/env python3
"""Differential test: every URL ProfileKit accepts must mean, to a WHATWG URL parser (ada-url),
the scheme, host and port the library believes, and never an IP address.

Corpus: every input of the WHATWG URL tests (urltestdata.json), every host of toascii.json put in
URLs, and thousands of generated hostile variants (IPv4 number forms in every radix and part
count, trailing dots, percent-encoding, full-width digits and ideographic dots, userinfo,
backslashes, tabs and newlines, case, ports, brackets, xn-- labels, long labels), generated from a
fixed seed. The library's side is `ProfileKitProbe url`, which validates each input as an avatar
and as a social link to every platform.

With --ipv4-cases FILE it also checks the Swift tests' transcription of the WHATWG IPv4 parser
(Tests/ProfileValidationTests/WHATWGIPv4Reference.swift): FILE holds `host<TAB>verdict` lines that
`PROFILEKIT_IPV4_CASES=FILE swift test --filter URLHostFormTests` writes, and ada must agree with
every verdict (`domain`, `failure` or `ipv4:a.b.c.d`).

Exit status 0 when nothing differs; 1 with the differences listed otherwise.
Usage: url_whatwg.py [--probe PATH] [--seed N] [--count N] [--ipv4-cases FILE]
"""
import argparse
import json
import os
import random
import subprocess
import sys

import ada_url
from probe import ROOT, probe_path

PEERS = os.path.join(ROOT, "..", "shared", "peer-suites", "wpt-url")

FULLWIDTH_DIGITS = {str(d): chr(0xFF10 + d) for d in range(10)}
DOTS = [".", "\u3002", "\uff0e", "\uff61", "%2e", "%2E"]
PLATFORM_HOSTS = ["instagram.com", "www.instagram.com", "x.com", "youtu.be", "twitch.tv", "linkedin.com"]
NAMES = ["cdn.example.com", "a-b.example.co", "ab--cd.example.com", "img.example.org", "x1.y2.io"]
IDN_WORDS = ["bücher", "münchen", "пример", "例え", "δοκιμή", "한국", "straße", "ñandú", "faß", "テスト"]


def ipv4_part(rng, value):
    """One IPv4 number in a random WHATWG-accepted radix."""
    form = rng.randrange(4)
    if form == 0:
        return str(value)
    if form == 1:
        return "0" + format(value, "o") if value else "0"
    if form == 2:
        digits = format(value, "x")
        return rng.choice(["0x", "0X"]) + (digits.upper() if rng.random() < 0.5 else digits)
    return "0" * rng.randrange(1, 4) + str(value) if value else "00"


def ipv4_form(rng):
    """An IPv4 address (often loopback or private) written in 1 to 4 parts."""
    address = rng.choice([0x7F000001, 0x0A000001, 0xC0A80001, 0xA9FEA9FE, 0, rng.getrandbits(32)])
    parts = rng.randrange(1, 5)
    octets = [(address >> (24 - 8 * i)) & 0xFF for i in range(4)]
    values = octets[: parts - 1] + [address & ((1 << (8 * (5 - parts))) - 1)]
    return ".".join(ipv4_part(rng, v) for v in values)


def decorate_host(rng, host):
    """The host with a few WHATWG-equivalent or hostile changes."""
    changes = rng.choice([0, 0, 1, 1, 1, 2, 3])
    for _ in range(changes):
        kind = rng.randrange(11)
        if kind == 0:
            host = host + "."
        elif kind == 1:
            host = "".join(FULLWIDTH_DIGITS.get(c, c) if rng.random() < 0.5 else c for c in host)
        elif kind == 2:
            host = host.replace(".", rng.choice(DOTS))
        elif kind == 3 and host:
            i = rng.randrange(len(host))
            host = host[:i] + "%{:02X}".format(ord(host[i])) + host[i + 1 :] if ord(host[i]) < 128 else host
        elif kind == 4:
            host = "".join(c.upper() if rng.random() < 0.5 else c for c in host)
        elif kind == 5:
            i = rng.randrange(len(host) + 1)
            host = host[:i] + rng.choice(["\t", "\n", "\r"]) + host[i:]
        elif kind == 6:
            host = rng.choice(["foo.", "www.", "a.b.", "xn--", "0x.", "1."]) + host
        elif kind == 7:
            host = host + rng.choice([".0x10", ".0x", ".0X", ".09", ".1", ".0xg", ".com", ".0x7f."])
        elif kind == 8:
            host = "[" + host + "]"
        elif kind == 9:
            host = host + rng.choice([":443", ":80", ":", ":8080", ":0443"])
        else:
            host = rng.choice(["user@", "user:pass@", "@", "a%40b@"]) + host
    return host


def random_host(rng):
    kind = rng.randrange(7)
    if kind == 0:
        return ipv4_form(rng)
    if kind == 1:
        return rng.choice(NAMES + PLATFORM_HOSTS)
    if kind == 2:
        return "xn--" + rng.choice(IDN_WORDS).encode("punycode").decode("ascii") + "." + rng.choice(["com", "example"])
    if kind == 3:
        alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-"
        label = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 12)))
        return "xn--" + label + ".example"
    if kind == 4:
        return rng.choice(IDN_WORDS) + ".example"
    if kind == 5:
        return "a" * rng.choice([62, 63, 64]) + "." + "b" * rng.choice([1, 63, 64]) + ".com"
    return rng.choice(["localhost", "foo.localhost", "[::1]", "[::ffff:127.0.0.1]", "127.0.0.1", "foo", "0x7f.1"])


def generated(rng, count):
    for _ in range(count):
        host = decorate_host(rng, random_host(rng))
        scheme = rng.choice(["https"] * 6 + ["HTTPS", "Https", "http", "ftp", "javascript"])
        separator = rng.choice(["://"] * 8 + [":/", ":\\\\", ":///", ":/\\", ": //"])
        path = rng.choice(["/a.jpg", "/johndoe", "/p/a.PNG?x=1", "/@user", "/in/me", "\\a.jpg", "/a.jpg#f", ""])
        yield scheme + separator + host + path


def peer_inputs():
    inputs = []
    with open(os.path.join(PEERS, "urltestdata.json"), encoding="utf-8") as handle:
        for case in json.load(handle):
            if isinstance(case, dict):
                inputs.append(case["input"])
    with open(os.path.join(PEERS, "toascii.json"), encoding="utf-8") as handle:
        for case in json.load(handle):
            if isinstance(case, dict):
                inputs += ["https://" + case["input"] + "/a.jpg", "https://" + case["input"] + "/johndoe"]
    return inputs


def is_encodable(text):
    try:
        text.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def whatwg(url):
    try:
        return ada_url.parse_url(url)
    except ValueError:
        return None


def mismatches(verdict):
    """What is wrong with one accepted verdict, as strings; empty when ada agrees."""
    problems = []
    for label, url, schemes in (
        ("input", verdict["input"], ("https:", "http:")),
        ("stored", verdict["stored"], ("https:",)),
    ):
        parsed = whatwg(url)
        if parsed is None:
            problems.append(f"{label} {url!r}: a WHATWG parser refuses it")
            continue
        if parsed["protocol"] not in schemes or (label == "stored" and parsed["protocol"] != verdict["scheme"] + ":"):
            problems.append(f"{label}: scheme {parsed['protocol']!r}, library {verdict['scheme']!r}")
        if parsed["hostname"] != verdict["host"]:
            problems.append(f"{label}: host {parsed['hostname']!r}, library {verdict['host']!r}")
        if parsed["port"] != verdict["port"]:
            problems.append(f"{label}: port {parsed['port']!r}, library {verdict['port']!r}")
        if parsed["host_type"] != ada_url.HostType.DEFAULT:
            problems.append(f"{label}: a WHATWG parser reads the host as {parsed['host_type']!r}")
    if verdict["field"] == "avatar" and whatwg(verdict["input"]) is not None:
        if whatwg(verdict["input"])["protocol"] != "https:":
            problems.append("an avatar accepted with a scheme other than https")
    return problems


def reference_disagreements(path):
    """The lines of the Swift reference's verdicts that ada-url reads otherwise."""
    count = 0
    wrong = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            host, expected = line.rstrip("\n").split("\t")
            count += 1
            parsed = whatwg("http://" + host + "/")
            if parsed is None:
                actual = "failure"
            elif parsed["host_type"] == ada_url.HostType.IPV4:
                actual = "ipv4:" + parsed["hostname"]
            else:
                actual = "domain"
            if actual != expected:
                wrong.append(f"  {host!r}: Swift reference {expected}, ada {actual}")
    return count, wrong


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probe", help="path to a built ProfileKitProbe (built with swift build otherwise)")
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--ipv4-cases", help="host<TAB>verdict lines from the Swift IPv4 reference to check")
    options = parser.parse_args()

    status = 0
    if options.ipv4_cases:
        count, wrong = reference_disagreements(options.ipv4_cases)
        print(f"url_whatwg: Swift WHATWG IPv4 reference: {count} hosts compared with ada-url, {len(wrong)} disagree")
        for line in wrong[:50]:
            print(line)
        status = 1 if wrong or count == 0 else 0

    rng = random.Random(options.seed)
    corpus = [text for text in peer_inputs() + list(generated(rng, options.count)) if is_encodable(text)]
    feed = "".join(json.dumps(text) + "\n" for text in corpus)
    result = subprocess.run([probe_path(options.probe), "url"], input=feed, capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stderr, file=sys.stderr)
        return 1
    verdicts = [json.loads(line) for line in result.stdout.splitlines()]
    accepted = [v for v in verdicts if v["accepted"]]
    failures = [(v, problems) for v in accepted for problems in [mismatches(v)] if problems]
    ip_hosts = sum(
        1
        for text in corpus
        for parsed in [whatwg(text)]
        if parsed is not None and parsed["host_type"] != ada_url.HostType.DEFAULT
    )
    print(
        f"url_whatwg: seed {options.seed}: {len(corpus)} inputs ({ip_hosts} of them IP hosts to a WHATWG parser), "
        f"{len(verdicts)} verdicts, {len(accepted)} accepted and compared with ada-url, {len(failures)} mismatches"
    )
    for verdict, problems in failures[:50]:
        print(f"  {verdict['field']} {verdict['input']!r}: " + "; ".join(problems))
    if len(verdicts) != len(corpus) * 7:
        print(f"  the probe answered {len(verdicts)} verdicts for {len(corpus)} inputs x 7 fields")
        return 1
    return 1 if failures else status


if __name__ == "__main__":
    sys.exit(main())
