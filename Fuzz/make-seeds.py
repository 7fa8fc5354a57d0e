#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora into Fuzz/Corpus/<target>/ (committed, a few dozen tiny files).

Seeds come from the specs' samples (Docs/Specs/*.md request bodies, which the tests execute),
the Conformance/*.json vectors, small valid images of each format built here, and store files
written by the real JSON-file store (ProfileStoreCrashWriter, killed after a few writes).

    python3 Fuzz/make-seeds.py [path/to/ProfileStoreCrashWriter]

Without the writer's path, the store corpora are left as they are. The input layouts are the
ones each target's Swift file documents (EndpointsTarget, DecoderTarget, ...).
"""
import hashlib, json, os, re, shutil, struct, subprocess, sys, tempfile, zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Fuzz", "Corpus")


def write(target, data):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, hashlib.sha1(data).hexdigest()[:16]), "wb") as f:
        f.write(data)


def images():
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 3, 8, 2, 0, 0, 0)) \
        + chunk(b"IDAT", zlib.compress(b"\x00" + b"\x00" * 6 + b"\x00" * 7 + b"\x00" * 7)) + chunk(b"IEND", b"")
    gif = b"GIF89a" + struct.pack("<HH", 2, 3) + b"\x00\x00\x00" + b"\x2c" + struct.pack("<HHHH", 0, 0, 2, 3) \
        + b"\x00\x02\x02\x44\x01\x00\x3b"
    jpeg = b"\xff\xd8" + b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" \
        + b"\xff\xc0\x00\x0b\x08" + struct.pack(">HH", 3, 2) + b"\x01\x01\x11\x00" + b"\xff\xd9"
    bmp = b"BM" + struct.pack("<IHHI", 54 + 24, 0, 0, 54) + struct.pack("<IiiHHIIiiII", 40, 2, 3, 1, 24, 0, 24, 0, 0, 0, 0) \
        + b"\x00" * 24
    vp8l = b"\x2f" + struct.pack("<I", (2 - 1) | ((3 - 1) << 14))
    webp_lossless = b"RIFF" + struct.pack("<I", 4 + 8 + len(vp8l)) + b"WEBP" + b"VP8L" + struct.pack("<I", len(vp8l)) + vp8l
    vp8x = b"\x00\x00\x00\x00" + (2 - 1).to_bytes(3, "little") + (3 - 1).to_bytes(3, "little")
    webp_extended = b"RIFF" + struct.pack("<I", 4 + 8 + len(vp8x)) + b"WEBP" + b"VP8X" + struct.pack("<I", len(vp8x)) + vp8x
    vp8 = b"\x10\x02\x00\x9d\x01\x2a" + struct.pack("<HH", 2, 3)
    webp_lossy = b"RIFF" + struct.pack("<I", 4 + 8 + len(vp8)) + b"WEBP" + b"VP8 " + struct.pack("<I", len(vp8)) + vp8
    return [png, gif, jpeg, bmp, webp_lossless, webp_extended, webp_lossy]


def spec_bodies(spec):
    """The JSON request bodies of Docs/Specs/<spec>.md's example requests."""
    text = open(os.path.join(ROOT, "Docs", "Specs", spec + ".md"), encoding="utf-8").read()
    bodies = []
    for block in re.findall(r"```http request\n(.*?)```", text, re.S):
        head, _, body = block.partition("\n\n")
        method_path = head.splitlines()[0].split(" ", 1)
        bodies.append((method_path[0], method_path[1], body.strip().encode()))
    return bodies


# Route bytes as EndpointsTarget lists its routes (index + 1; 0 reads the method and path from the body).
ROUTES = {
    "creator": ["PUT /api/v1/profiles/me", "GET /api/v1/profiles/me", "GET /api/v1/users/me",
                "POST /api/v1/profiles/upload-media"],
    "social": ["GET /api/v1/profile/me", "GET /api/v1/profile/id/", "GET /api/v1/profile/u/", "PUT /api/v1/profile/update",
               "POST /api/v1/profile/id/follow", "DELETE /api/v1/profile/id/follow", "POST /api/v1/profile/id/block",
               "DELETE /api/v1/profile/id/block", "POST /api/v1/account/username/change"],
    "mobile": ["GET /mobile/user/profile", "POST /mobile/user/profile"],
    "django": ["POST /api/users/profile/", "PUT /api/users/update-profile/", "PATCH /api/users/update-profile/",
               "DELETE /api/users/delete/"],
}


def endpoint_seeds():
    for spec, routes in ROUTES.items():
        target = "endpoints-" + spec
        for method, path, body in spec_bodies(spec):
            # Caller user 1, both users seeded, no If-Match, path naming user 2: the common case.
            write(target, bytes([0, 0b0100_1101]) + f"{method} {path}\n".encode() + body)
            for index, route in enumerate(routes):
                if route.split(" ")[0] == method and path.startswith(route.split(" ")[1].rstrip("/")):
                    write(target, bytes([index + 1, 0b0000_0101]) + body)
                    break
        for index in range(len(routes)):
            write(target, bytes([index + 1, 0b0100_1101]))
    for image in images()[:3]:
        write("endpoints-creator", bytes([4, 0b0000_0001]) + image)
        write("endpoints-django", bytes([2, 0b0000_0101]) + b'{"first_name":"A"}\x00' + image)


# DecoderTarget's request types, by selector byte.
DECODER_TYPES = {"creator": [0], "social": [1], "mobile": [3], "django": [4], "default": [0, 1, 3, 4]}


def decoder_seeds():
    for preset, selectors in DECODER_TYPES.items():
        vectors = json.load(open(os.path.join(ROOT, "Conformance", preset + ".json")))["vectors"]
        for vector in vectors[:6]:
            body = json.dumps(vector["input"], separators=(",", ":")).encode()
            for selector in selectors[:1]:
                write("decoder", bytes([selector]) + body)
    write("decoder", bytes([2]) + b'{"newUsername":"john_doe"}')
    write("decoder", bytes([4]) + b'{"first_name":"\\u00e9","last_name":"\\ud83d\\ude00","number_phone":"1234567"}')


def image_seeds():
    for image in images():
        write("image", image)


def store_seeds(writer):
    directory = tempfile.mkdtemp(prefix="profilekit-seeds-")
    try:
        process = subprocess.Popen([writer, "write", directory, "4"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        acks = 0
        for line in process.stdout:
            acks += line.startswith(b"ack ")
            if acks >= 7:
                break
        process.kill()
        process.wait()
        for name, target in (("journal.jsonl", "store-journal"), ("snapshot.json", "store-snapshot")):
            path = os.path.join(directory, name)
            if os.path.exists(path) and os.path.getsize(path) > 0:
                data = open(path, "rb").read()
                write(target, data)
                lines = data.splitlines(keepends=True)
                if len(lines) > 1:
                    write(target, b"".join(lines[:1]))
                    write(target, b"".join(lines[:-1]) + lines[-1][: len(lines[-1]) // 2])
        write("store-journal", b"")
        write("store-snapshot", b"{}")
    finally:
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    endpoint_seeds()
    decoder_seeds()
    image_seeds()
    if len(sys.argv) > 1:
        store_seeds(sys.argv[1])
    for target in sorted(os.listdir(CORPUS)):
        print(target, len(os.listdir(os.path.join(CORPUS, target))), "seeds")
