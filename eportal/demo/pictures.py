"""Pictures for the demo's articles, drawn at load time with Pillow.

Each is a simple landscape in the manner of a flat illustration (sky, sun,
fields, a river, buildings or a bridge), drawn from a seed so that every
article has its own picture and a second load draws the same one. They are
made by this code, not copied from anywhere: like the rest of the project
they are released under the AGPL-3.0-or-later (see eportal/demo/README.md).
"""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1280, 720

# (sky top, sky bottom, land, accent): morning, noon, dusk, rain.
PALETTES = [
    ((120, 180, 230), (220, 236, 248), (86, 150, 70), (230, 170, 40)),
    ((70, 140, 210), (180, 215, 240), (110, 165, 60), (250, 210, 60)),
    ((230, 130, 90), (250, 210, 160), (95, 120, 60), (250, 240, 200)),
    ((110, 125, 140), (185, 195, 205), (70, 115, 80), (210, 220, 230)),
]

SCENES = ("fields", "town", "bridge", "coast")


def _blend(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def draw(seed: str, scene: str = "") -> bytes:
    """A JPEG landscape for ``seed`` (``scene`` one of SCENES, else chosen by seed)."""
    rng = random.Random(seed)  # a picture, not a secret
    top, bottom, land, accent = rng.choice(PALETTES)
    scene = scene if scene in SCENES else rng.choice(SCENES)
    image = Image.new("RGB", (WIDTH, HEIGHT), bottom)
    pen = ImageDraw.Draw(image)
    horizon = rng.randint(int(HEIGHT * 0.45), int(HEIGHT * 0.6))
    for y in range(horizon):
        pen.line([(0, y), (WIDTH, y)], fill=_blend(top, bottom, y / horizon))
    sun_x, sun_r = rng.randint(150, WIDTH - 150), rng.randint(40, 70)
    sun_y = rng.randint(80, horizon - 120)
    pen.ellipse([sun_x - sun_r, sun_y - sun_r, sun_x + sun_r, sun_y + sun_r], fill=accent)
    for _ in range(rng.randint(2, 4)):  # clouds
        cx, cy = rng.randint(0, WIDTH), rng.randint(40, horizon // 2)
        for dx in (-50, 0, 50):
            pen.ellipse([cx + dx - 60, cy - 25, cx + dx + 60, cy + 25], fill=(250, 250, 252))
    # Hills, then the land.
    for layer in range(3):
        shade = _blend(land, bottom, 0.5 - layer * 0.2)
        points = [(0, horizon)]
        for x in range(0, WIDTH + 160, 160):
            points.append((x, horizon - rng.randint(10, 60) + layer * 15))
        points += [(WIDTH, HEIGHT), (0, HEIGHT)]
        pen.polygon(points, fill=shade)
    pen.rectangle([0, horizon + 30, WIDTH, HEIGHT], fill=land)
    if scene in ("fields", "coast"):
        for row in range(horizon + 50, HEIGHT, 34):  # rice paddies
            pen.line(
                [(0, row), (WIDTH, row + rng.randint(-8, 8))],
                fill=_blend(land, accent, 0.25),
                width=4,
            )
    if scene in ("bridge", "coast"):
        river_top = horizon + 90
        pen.rectangle([0, river_top, WIDTH, river_top + 120], fill=_blend(top, (40, 90, 150), 0.5))
        if scene == "bridge":
            deck = river_top - 20
            pen.rectangle([0, deck, WIDTH, deck + 18], fill=(200, 60, 50))
            for x in range(80, WIDTH, 220):
                pen.rectangle([x, deck + 18, x + 18, river_top + 120], fill=(150, 150, 155))
                pen.line(
                    [(x + 9, deck - 90), (x - 100, deck), (x + 118, deck), (x + 9, deck - 90)],
                    fill=(220, 220, 225),
                    width=5,
                )
    if scene == "town":
        x = 40
        while x < WIDTH - 60:
            width, height = rng.randint(80, 150), rng.randint(90, 260)
            colour = _blend((235, 225, 205), accent, rng.random() * 0.4)
            pen.rectangle([x, horizon + 40 - height, x + width, horizon + 60], fill=colour)
            for wy in range(horizon + 60 - height, horizon + 40, 36):
                for wx in range(x + 14, x + width - 20, 30):
                    pen.rectangle([wx, wy, wx + 14, wy + 18], fill=(70, 95, 130))
            x += width + rng.randint(10, 40)
        pen.rectangle([0, horizon + 60, WIDTH, horizon + 90], fill=(90, 90, 95))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()
