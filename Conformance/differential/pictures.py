"""Random pictures for the image differential tests, drawn with Pillow from a seeded generator."""
from PIL import Image


def picture(rng, mode, size):
    """A `size` picture of random RGB pixels from `rng`, converted to `mode`."""
    image = Image.new("RGB", size)
    image.putdata([(rng.randrange(256), rng.randrange(256), rng.randrange(256)) for _ in range(size[0] * size[1])])
    return image.convert(mode) if mode != "RGB" else image
