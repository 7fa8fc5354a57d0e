#!/usr/bin/env python3
"""Differential test: uploads stripped of their metadata by ProfileKit (`ProfileKitProbe strip`,
the upload path's `ValidationPolicy.storableImage`) checked with Pillow, an independent decoder.

Corpus, generated from a fixed seed with Pillow: JPEG (RGB, L, CMYK; baseline and progressive),
PNG (RGB, RGBA, L, LA, P, 1, I;16), WebP (lossy and lossless, RGB and RGBA) and GIF (still and
animated) files of random sizes, each with a random mix of what Pillow can write: EXIF with a GPS
IFD (0x8825), a camera name, a date and an orientation (absent or 1 to 8), an ICC profile, XMP,
JPEG comments, PNG tEXt/zTXt/iTXt chunks, GIF comments.

For every file, Pillow must read the stripped file as the same image: identical pixels
(`tobytes()`, and the palette), same size, mode and format; `getexif()` holds no GPS IFD and no tag
but the orientation, which is the original's when it was set (absent or 1 when it was 1); the ICC
profile (`info['icc_profile']`) unchanged; no XMP, comment or text chunk in `info`; none of the
planted strings anywhere in the bytes. Exit status 0 when every file passes.
Usage: image_strip_pillow.py [--probe PATH] [--seed N] [--count N] [--keep DIR]
"""
import argparse
import io
import os
import random
import shutil
import sys
import tempfile

from PIL import Image, ImageSequence
from PIL.PngImagePlugin import PngInfo
from pictures import picture
from probe import probe_path, verdicts_by_path

SECRET = b"SECRET-"
GPS_IFD = 0x8825
ORIENTATION = 0x0112
TEXT_KEYS = ("xmp", "comment", "photoshop", "XML:com.adobe.xmp", "Comment", "Author", "Description")
MODES = {
    "JPEG": ["RGB", "L", "CMYK"],
    "PNG": ["RGB", "RGBA", "L", "LA", "P", "1", "I;16"],
    "WEBP": ["RGB", "RGBA"],
    "GIF": ["P"],
}



def exif_block(rng, orientation):
    exif = Image.Exif()
    exif[0x010F] = f"SECRET-CAMERA-{rng.randrange(1000)}"
    exif[0x0132] = "2026:11:30 10:35:00"
    if orientation is not None:
        exif[ORIENTATION] = orientation
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (51.0, 30.0, rng.randrange(6000) / 100)
    gps[3] = "W"
    gps[4] = (0.0, 7.0, rng.randrange(6000) / 100)
    return exif.tobytes()


def generated(rng, index):
    """(name, bytes, what was planted): one random file."""
    fmt = rng.choice(list(MODES))
    mode = rng.choice(MODES[fmt])
    size = (rng.randrange(1, 120), rng.randrange(1, 120))
    planted = {
        "exif": fmt != "GIF" and rng.random() < 0.8,
        "orientation": rng.choice([None, 1, 2, 3, 4, 5, 6, 7, 8]),
        "icc": fmt != "GIF" and rng.random() < 0.6,
        "text": rng.random() < 0.8,
    }
    image = picture(rng, mode, size)
    options = {}
    if planted["exif"]:
        options["exif"] = exif_block(rng, planted["orientation"])
    if planted["icc"]:
        options["icc_profile"] = bytes(rng.randrange(256) for _ in range(rng.randrange(128, 4000)))
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">SECRET-XMP</x:xmpmeta>'
    if fmt == "JPEG":
        options["quality"] = rng.randrange(50, 96)
        options["progressive"] = rng.random() < 0.3
        if planted["text"]:
            options.update(comment=b"SECRET-COMMENT", xmp=xmp)
    elif fmt == "PNG":
        if planted["text"]:
            info = PngInfo()
            info.add_text("Comment", "SECRET-TEXT")
            info.add_text("Author", "SECRET-ZTXT", zip=True)
            info.add_itxt("XML:com.adobe.xmp", xmp.decode())
            options["pnginfo"] = info
    elif fmt == "WEBP":
        options["lossless"] = rng.random() < 0.5
        if planted["text"]:
            options["xmp"] = xmp
    elif fmt == "GIF":
        if planted["text"]:
            options["comment"] = b"SECRET-COMMENT"
        if rng.random() < 0.3:
            options.update(save_all=True, append_images=[picture(rng, mode, size)], loop=0, duration=40)
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return f"{index:04d}-{fmt.lower()}-{mode.replace(';', '')}-{size[0]}x{size[1]}", buffer.getvalue(), planted


def frames(image):
    """Every frame's (mode, size, pixels, palette)."""
    return [
        (frame.mode, frame.size, frame.tobytes(), frame.getpalette() if frame.mode == "P" else None)
        for frame in ImageSequence.Iterator(image)
    ]


def problems(original_path, stripped_path, planted):
    """What Pillow finds wrong with the stripped file, or an empty list."""
    found = []
    with open(stripped_path, "rb") as handle:
        data = handle.read()
    if SECRET in data:
        found.append(f"a planted string is left at byte {data.index(SECRET)}")
    with Image.open(original_path) as original, Image.open(stripped_path) as stripped:
        if (stripped.format, stripped.size, stripped.mode) != (original.format, original.size, original.mode):
            found.append(f"{stripped.format} {stripped.size} {stripped.mode} is not {original.format} "
                         f"{original.size} {original.mode}")
            return found
        wanted_orientation = original.getexif().get(ORIENTATION)
        if frames(stripped) != frames(original):
            found.append("the pixels differ")
        exif = stripped.getexif()
        if GPS_IFD in exif or exif.get_ifd(GPS_IFD):
            found.append("the GPS IFD is left")
        if set(exif) - {ORIENTATION}:
            found.append(f"EXIF tags are left: {sorted(set(exif) - {ORIENTATION})}")
        if exif.get(ORIENTATION) != wanted_orientation and not (wanted_orientation in (None, 1) and exif.get(ORIENTATION) in (None, 1)):
            found.append(f"the orientation is {exif.get(ORIENTATION)}, was {wanted_orientation}")
        if stripped.info.get("icc_profile") != original.info.get("icc_profile"):
            found.append("the ICC profile changed")
        if stripped.format == "GIF" and stripped.info.get("loop") != original.info.get("loop"):
            found.append("the loop count changed")
        stripped.load()
        texts = [key for key in TEXT_KEYS if key in stripped.info] + list(getattr(stripped, "text", {}) or {})
        if texts:
            found.append(f"text is left: {texts}")
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probe", help="path to a built ProfileKitProbe (built with swift build otherwise)")
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--count", type=int, default=int(os.environ.get("PROFILEKIT_STRIP_FILES", "400")))
    parser.add_argument("--keep", help="write the corpus and the stripped files here and keep them")
    options = parser.parse_args()

    rng = random.Random(options.seed)
    directory = options.keep or tempfile.mkdtemp(prefix="profilekit-strip-")
    os.makedirs(directory, exist_ok=True)
    cases = {}
    for index in range(options.count):
        name, data, planted = generated(rng, index)
        path = os.path.join(directory, name)
        with open(path, "wb") as handle:
            handle.write(data)
        cases[path] = (path + ".stripped", planted)
    try:
        verdicts = verdicts_by_path(
            probe_path(options.probe), "strip", [f"{path}\t{stripped}" for path, (stripped, _) in cases.items()])
        failures = []
        saved = 0
        for path, (stripped, planted) in cases.items():
            verdict = verdicts.get(path, {})
            if not verdict.get("stored"):
                failures.append(f"{os.path.basename(path)}: refused ({verdict.get('code')}: {verdict.get('message')})")
                continue
            saved += verdict["originalBytes"] - verdict["storedBytes"]
            found = problems(path, stripped, planted)
            if found:
                failures.append(f"{os.path.basename(path)} {planted}: {'; '.join(found)}")
        print(
            f"image_strip_pillow: seed {options.seed}: {len(cases)} files stripped by the library and checked with "
            f"Pillow, {len(failures)} failures, {saved} bytes of metadata removed"
        )
        for line in failures[:60]:
            print("  " + line)
        return 1 if failures else 0
    finally:
        if not options.keep:
            shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
