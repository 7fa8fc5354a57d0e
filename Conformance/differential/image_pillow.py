#!/usr/bin/env python3
"""Differential test: ProfileKit's verdict on uploaded image bytes (accepted, format, width,
height) against Pillow's (open, verify, then load every frame).

Corpus, generated from a fixed seed with Pillow: valid JPEG (baseline, progressive, large ICC
profiles and EXIF/XMP segments that push the frame header past 64 KiB), PNG (every mode, large
text and ICC chunks), GIF (still and animated), WebP (lossy, lossless, extended with ICC/EXIF,
animated) and BMP files of several sizes; each one truncated at many offsets, with bytes flipped in
its headers and with bytes appended; and text files that start with a format's magic (`BM`,
`GIF8`, `RIFF`, the PNG and JPEG signatures). The library's side is `ProfileKitProbe image`.

Where the library is deliberately stricter than Pillow, the difference is listed in EXCEPTIONS
with its reason and counted, never silently ignored. Exit status 0 when nothing else differs.
Usage: image_pillow.py [--probe PATH] [--seed N] [--keep DIR]
"""
import argparse
import io
import os
import random
import shutil
import sys
import tempfile
import warnings

from PIL import Image, ImageSequence
from pictures import picture
from probe import probe_path, verdicts_by_path

FORMATS = {"JPEG": "jpeg", "MPO": "jpeg", "PNG": "png", "GIF": "gif", "WEBP": "webp", "BMP": "bmp"}

# Deliberate differences, each with its reason and a predicate over the case (its kind: valid,
# cut, flip or trailing; the byte offset; the original file), the library's verdict and Pillow's.
EXCEPTIONS = []


def exception(name, reason):
    def register(predicate):
        EXCEPTIONS.append((name, reason, predicate))
        return predicate

    return register


@exception("png-iend", "stricter: a PNG must end with an intact IEND chunk; Pillow stops after the image data")
def _png_iend(case, library, pillow):
    return case["format"] == "png" and case["kind"] in ("cut", "flip") and case["offset"] >= len(case["original"]) - 12


@exception("gif-trailer", "stricter: a GIF must end with its last block terminator and the trailer (;); Pillow "
           "stops after the last frame's data")
def _gif_trailer(case, library, pillow):
    return case["format"] == "gif" and case["kind"] in ("cut", "flip") and case["offset"] >= len(case["original"]) - 2


def refused_because(case, library, pillow, fmt, kinds, words):
    """Whether the library refused a `fmt` file of one of `kinds` that Pillow accepted, saying `words`."""
    return (
        case["format"] == fmt and case["kind"] in kinds and pillow[0] and words in (library.get("message") or "")
    )


@exception("gif-cut-after-frame-data", "stricter: every GIF block must be complete up to the trailer; Pillow stops "
           "reading where a later frame or a sub-block chain runs past the end of the file, once it has decoded the "
           "frame data it needs")
def _gif_cut(case, library, pillow):
    return refused_because(case, library, pillow, "gif", ("cut", "flip"), "cut short")


@exception("gif-unknown-block", "stricter: a byte that starts no GIF block (image, extension, trailer) is "
           "malformed; Pillow takes it as the end of the animation")
def _gif_block(case, library, pillow):
    return refused_because(case, library, pillow, "gif", ("flip",), "neither an image, an extension nor the trailer")


@exception("gif-lzw-code-size", "stricter: the LZW minimum code size must be 2 to 8, as the GIF specification says; "
           "Pillow's decoder takes other values")
def _gif_lzw(case, library, pillow):
    return refused_because(case, library, pillow, "gif", ("flip",), "LZW code size")


@exception("webp-chunk-size", "stricter: every chunk must fit in the RIFF container; libwebp (Pillow) reads an "
           "animation whose last frame's chunk size overshoots")
def _webp_chunk(case, library, pillow):
    return refused_because(case, library, pillow, "webp", ("flip",), "cut short")


@exception("jpeg-segment-lengths", "stricter: each JPEG segment's length must be at least 2 and the next segment "
           "must start where it ends; libjpeg (Pillow) skips stray bytes before a marker with a warning")
def _jpeg_stray(case, library, pillow):
    return refused_because(case, library, pillow, "jpeg", ("flip",), "does not start with FF") or refused_because(
        case, library, pillow, "jpeg", ("flip",), "length is below 2"
    )


@exception("gif-frame-outside-screen", "stricter: a frame beyond the logical screen is refused; Pillow crops it or "
           "enlarges the image to hold it, past the size the pixel caps were checked against")
def _gif_frame(case, library, pillow):
    return case["format"] == "gif" and "outside the logical screen" in (library.get("message") or "")


@exception("webp-frame-outside-canvas", "stricter: an animation frame (ANMF) must lie on the canvas its header "
           "declares; Pillow's libwebp decodes the frame's own bitstream and crops it")
def _webp_frame(case, library, pillow):
    return case["format"] == "webp" and "outside the canvas" in (library.get("message") or "")


@exception("webp-trailing", "stricter: the RIFF size must be the file's; Pillow (libwebp) ignores bytes after it")
def _webp_trailing(case, library, pillow):
    return case["format"] == "webp" and case["kind"] == "trailing"


@exception("bmp-row-padding", "stricter: every row of a bitmap must be there with its padding to 4 bytes; Pillow "
           "reads a last row cut inside its padding")
def _bmp_padding(case, library, pillow):
    original = case["original"]
    width = int.from_bytes(original[18:22], "little", signed=True)
    depth = int.from_bytes(original[28:30], "little")
    padding = (depth * width + 31) // 32 * 4 - (depth * width + 7) // 8
    return case["format"] == "bmp" and case["kind"] == "cut" and len(original) - case["offset"] <= padding


@exception("bmp-compressed", "stricter: a compressed (RLE, JPEG, PNG) bitmap is unsupported_type, since its "
           "completeness cannot be checked without decoding it; Pillow decodes RLE bitmaps")
def _bmp_compressed(case, library, pillow):
    return refused_because(case, library, pillow, "bmp", ("flip",), "compressed bitmap")


@exception("bmp-header-fields", "stricter: a bitmap's info header size must be a known one, its pixel offset must lie after its headers and palette with "
           "every row after it, its palette (for its bit depth) must fit there and hold at most 2^depth colours, and its "
           "plane count must be 1 (part of telling a bitmap from a text starting with BM); Pillow "
           "reads what it can")
def _bmp_fields(case, library, pillow):
    return case["format"] == "bmp" and case["kind"] == "flip" and any(
        start <= case["offset"] < end for start, end in ((10, 18), (26, 30), (46, 50))
    )


@exception("jpeg-eoi", "stricter: a JPEG must end with EOI; libjpeg (Pillow) decodes a file cut inside it with a "
           "warning")
def _jpeg_eoi(case, library, pillow):
    return case["format"] == "jpeg" and case["kind"] == "cut" and case["offset"] >= len(case["original"]) - 2


@exception("over-the-caps", "stricter, by design: a declared size past the policy's caps (8,192 a side, 40 "
           "megapixels) is too_large; Pillow opens it")
def _caps(case, library, pillow):
    return library.get("code") == "too_large" and pillow[0] and (max(pillow[2:]) > 8192 or pillow[2] * pillow[3] > 40_000_000)


@exception("undecodable-pixels", "looser, by design: the library checks structure and never decodes pixels, so a "
           "bit flipped inside the compressed data (LZW, VP8, VP8L, JPEG scans) of a complete file passes; Pillow "
           "opens it with the same format and size and fails only when decoding it")
def _pixels(case, library, pillow):
    opened = case["opened"]
    return (
        case["kind"] == "flip" and library["accepted"] and not pillow[0] and case["stage"] in ("verify", "load")
        and opened == (library["format"], library["width"], library["height"])
    )



def saved(image, fmt, **options):
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def valid_images(rng):
    """(name, bytes) of valid files of every supported format."""
    sizes = [(1, 1), (3, 2), (17, 9), (64, 48), (300, 200)]
    icc_large = bytes(rng.randrange(256) for _ in range(150_000))
    exif_large = b"Exif\x00\x00" + bytes(60_000)
    for width, height in sizes:
        rgb = picture(rng, "RGB", (width, height))
        tag = f"{width}x{height}"
        yield f"jpeg-baseline-{tag}", saved(rgb, "JPEG", quality=85)
        yield f"jpeg-progressive-{tag}", saved(rgb, "JPEG", progressive=True)
        yield f"jpeg-icc-150k-{tag}", saved(rgb, "JPEG", icc_profile=icc_large)
        yield f"jpeg-grey-{tag}", saved(rgb.convert("L"), "JPEG")
        yield f"png-rgb-{tag}", saved(rgb, "PNG")
        yield f"png-rgba-{tag}", saved(rgb.convert("RGBA"), "PNG")
        yield f"png-palette-{tag}", saved(rgb.convert("P"), "PNG")
        yield f"png-bilevel-{tag}", saved(rgb.convert("1"), "PNG")
        yield f"png-icc-{tag}", saved(rgb, "PNG", icc_profile=icc_large[:40_000])
        yield f"gif-{tag}", saved(rgb, "GIF")
        frames = [picture(rng, "RGB", (width, height)) for _ in range(3)]
        yield f"gif-animated-{tag}", saved(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=50)
        yield f"webp-lossy-{tag}", saved(rgb, "WEBP", quality=80)
        yield f"webp-lossless-{tag}", saved(rgb, "WEBP", lossless=True)
        yield f"webp-alpha-{tag}", saved(rgb.convert("RGBA"), "WEBP")
        yield f"webp-icc-{tag}", saved(rgb, "WEBP", icc_profile=icc_large[:20_000])
        yield f"webp-animated-{tag}", saved(frames[0], "WEBP", save_all=True, append_images=frames[1:])
        yield f"bmp-rgb-{tag}", saved(rgb, "BMP")
        yield f"bmp-palette-{tag}", saved(rgb.convert("P"), "BMP")
        yield f"bmp-bilevel-{tag}", saved(rgb.convert("1"), "BMP")
    yield "jpeg-exif-60k", saved(picture(rng, "RGB", (8, 8)), "JPEG", exif=exif_large)


def magic_texts():
    text = b" is a car maker from Munich; this file is plain text, not a picture.\n" * 4
    for magic in [b"BM", b"BMW", b"GIF8", b"GIF89a", b"GIF87a", b"RIFF\x10\x00\x00\x00WEBP", b"RIFF",
                  b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"\xff\xd8\xff\xe0"]:
        yield f"text-{magic[:4].hex()}-{len(magic)}", magic + text
    yield "text-empty", b""
    yield "text-svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"


def variants(rng, name, data):
    """(name, bytes, kind, offset): the file itself, truncations at many offsets, header byte flips,
    appended bytes."""
    yield name, data, "valid", 0
    offsets = sorted({1, 2, 3, 8, 12, 16, 24, 30, 40, 64, len(data) // 2, len(data) - 2, len(data) - 1}
                     | {rng.randrange(1, len(data)) for _ in range(10)})
    for offset in offsets:
        if 0 < offset < len(data):
            yield f"{name}-cut{offset}", data[:offset], "cut", offset
    for _ in range(6):
        position = rng.randrange(min(len(data), 64))
        flipped = bytearray(data)
        flipped[position] ^= 1 << rng.randrange(8)
        yield f"{name}-flip{position}", bytes(flipped), "flip", position
    yield f"{name}-trailing", data + b"\x00" * 7, "trailing", len(data)


def pillow_verdict(path):
    """((accepted, format, width, height), stage, opened): Pillow's verdict, the step that failed
    when it refuses (open, verify or load), and the (format, width, height) open() read, if any."""
    stage = "open"
    opened = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(path) as image:
                fmt = image.format
                width, height = image.size
                opened = (FORMATS.get(fmt, fmt), width, height)
                stage = "verify"
                image.verify()
            stage = "load"
            with Image.open(path) as image:
                for frame in ImageSequence.Iterator(image):
                    frame.load()
        return (True, FORMATS.get(fmt, fmt), width, height), None, opened
    except Exception:  # Pillow raises many types for bad files; any of them is a refusal.
        return (False, None, None, None), stage, opened



def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probe", help="path to a built ProfileKitProbe (built with swift build otherwise)")
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--keep", help="write the corpus here and keep it")
    options = parser.parse_args()

    rng = random.Random(options.seed)
    cases = {}
    for name, data in list(valid_images(rng)) + list(magic_texts()):
        fmt = name.split("-")[0]
        generated = variants(rng, name, data) if fmt != "text" else [(name, data, "text", 0)]
        for case_name, case_data, kind, offset in generated:
            cases[case_name] = {
                "data": case_data, "kind": kind, "offset": offset, "original": data, "original_name": name,
                "format": fmt,
            }
    directory = options.keep or tempfile.mkdtemp(prefix="profilekit-images-")
    os.makedirs(directory, exist_ok=True)
    paths = {}
    for name, case in cases.items():
        path = os.path.join(directory, name)
        with open(path, "wb") as handle:
            handle.write(case["data"])
        paths[name] = path
    try:
        ours = verdicts_by_path(probe_path(options.probe), "image", list(paths.values()))
        mismatches = []
        excepted = {name: 0 for name, _, _ in EXCEPTIONS}
        accepted = 0
        for name, path in paths.items():
            library = ours[path]
            theirs, cases[name]["stage"], cases[name]["opened"] = pillow_verdict(path)
            mine = (library["accepted"], library.get("format"), library.get("width"), library.get("height"))
            accepted += mine[0]
            if not theirs[0] or theirs[1] not in FORMATS.values():
                # Pillow refuses it, or reads a format the library does not take: refused either way.
                theirs = (False, None, None, None)
            if mine == theirs:
                continue
            reason = next((n for n, _, predicate in EXCEPTIONS if predicate(cases[name], library, theirs)), None)
            if reason:
                excepted[reason] += 1
            else:
                mismatches.append(
                    f"{name}: library {mine} ({library.get('code')}: {library.get('message')}), "
                    f"Pillow {theirs} ({cases[name]['stage']})"
                )
        print(
            f"image_pillow: seed {options.seed}: {len(paths)} files compared with Pillow, "
            f"{accepted} accepted by the library, {len(mismatches)} mismatches"
        )
        for name, reason, _ in EXCEPTIONS:
            print(f"  documented exception {name}: {excepted[name]} files ({reason})")
        for line in mismatches[:60]:
            print("  " + line)
        return 1 if mismatches else 0
    finally:
        if not options.keep:
            shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
