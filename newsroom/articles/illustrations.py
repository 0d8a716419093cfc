"""Simple generated illustrations for the demo newsroom, drawn with Pillow (no downloads).

``draw(motif, palette)`` returns PNG bytes of a 1200×675 picture: a flat background, a
few shapes for the motif, and a soft grid. Each demo update names its motif and
palette in ``management/commands/demo_extras.json``.
"""

import io
import math

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1200, 675

PALETTES = {
    "blue": ("#0b3d6e", "#2f80d1", "#9cc8f2", "#f2c14e"),
    "green": ("#14463a", "#2e9a74", "#a8e0c6", "#f7d774"),
    "purple": ("#33245c", "#7a5bd6", "#c9b8f5", "#f29e4c"),
    "slate": ("#1f2933", "#52606d", "#cbd2d9", "#e5533d"),
    "teal": ("#0e3f4a", "#1f8a99", "#a6e3ea", "#ffb347"),
    "red": ("#4a1520", "#c0392b", "#f3b3a6", "#f7e08a"),
}


def _grid(draw, colour):
    for x in range(0, WIDTH, 60):
        draw.line([(x, 0), (x, HEIGHT)], fill=colour, width=1)
    for y in range(0, HEIGHT, 60):
        draw.line([(0, y), (WIDTH, y)], fill=colour, width=1)


def _partnership(draw, p):
    draw.ellipse([260, 150, 640, 530], fill=p[1])
    draw.ellipse([560, 150, 940, 530], fill=p[2])
    draw.chord([560, 150, 940, 530], 127, 233, fill=p[3])
    draw.chord([260, 150, 640, 530], -53, 53, fill=p[3])


def _document(draw, p):
    draw.rounded_rectangle([400, 90, 800, 600], radius=18, fill=p[2])
    for i, y in enumerate(range(160, 460, 42)):
        draw.rounded_rectangle([450, y, 750 - (i % 3) * 60, y + 14], radius=7, fill=p[1])
    draw.line([(470, 530), (530, 500), (580, 540), (650, 495), (700, 525)], fill=p[0], width=8)
    draw.ellipse([700, 470, 800, 570], fill=p[3])


def _coins(draw, p):
    for stack, x in enumerate((330, 520, 710)):
        for level in range(3 + stack * 2):
            y = 520 - level * 38
            draw.ellipse([x, y, x + 170, y + 60], fill=p[3], outline=p[0], width=4)
    draw.polygon([(860, 180), (980, 180), (920, 100)], fill=p[2])
    draw.rectangle([900, 180, 940, 300], fill=p[2])


def _scales(draw, p):
    draw.rectangle([590, 160, 610, 540], fill=p[2])
    draw.rectangle([480, 540, 720, 570], fill=p[2])
    draw.line([(360, 220), (840, 180)], fill=p[3], width=14)
    for cx, cy in ((380, 220), (820, 180)):
        draw.line([(cx, cy), (cx - 70, cy + 170)], fill=p[2], width=4)
        draw.line([(cx, cy), (cx + 70, cy + 170)], fill=p[2], width=4)
        draw.chord([cx - 100, cy + 110, cx + 100, cy + 230], 0, 180, fill=p[1])


def _shield(draw, p):
    outline = [(600, 100), (820, 180), (790, 420), (600, 580), (410, 420), (380, 180)]
    draw.polygon(outline, fill=p[1])
    draw.polygon([(600, 150), (770, 215), (745, 405), (600, 525)], fill=p[2])
    draw.line([(500, 340), (575, 420), (710, 260)], fill=p[3], width=26)


def _terminal(draw, p):
    draw.rounded_rectangle([230, 120, 970, 560], radius=22, fill=p[0], outline=p[2], width=6)
    draw.rectangle([236, 126, 964, 180], fill=p[1])
    for i, colour in enumerate((p[3], p[2], "#ffffff")):
        draw.ellipse([270 + i * 40, 140, 296 + i * 40, 166], fill=colour)
    draw.line([(290, 250), (340, 290), (290, 330)], fill=p[3], width=12)
    for i, length in enumerate((420, 300, 480, 220)):
        y = 360 + i * 44
        draw.rounded_rectangle([290, y, 290 + length, y + 16], radius=8, fill=p[2])


def _cubes(draw, p):
    def cube(x, y, s, top, left, right):
        draw.polygon([(x, y), (x + s, y - s // 2), (x + 2 * s, y), (x + s, y + s // 2)], fill=top)
        draw.polygon([(x, y), (x + s, y + s // 2), (x + s, y + 3 * s // 2), (x, y + s)], fill=left)
        draw.polygon(
            [(x + s, y + s // 2), (x + 2 * s, y), (x + 2 * s, y + s), (x + s, y + 3 * s // 2)],
            fill=right,
        )

    for x, y in ((420, 300), (600, 300), (510, 210), (510, 390)):
        cube(x, y, 90, p[2], p[1], p[3])


def _branches(draw, p):
    draw.line([(300, 480), (900, 480)], fill=p[2], width=14)
    draw.line([(450, 480), (560, 250), (760, 250), (850, 480)], fill=p[3], width=14, joint="curve")
    for x, y, colour in ((300, 480, p[2]), (450, 480, p[2]), (560, 250, p[3]), (760, 250, p[3])):
        draw.ellipse([x - 30, y - 30, x + 30, y + 30], fill=colour, outline=p[0], width=6)
    draw.ellipse([850 - 40, 440, 890, 520], fill=p[1], outline=p[2], width=8)


def _hub(draw, p):
    centre = (600, 337)
    for i in range(6):
        angle = math.radians(i * 60 + 30)
        x, y = centre[0] + 250 * math.cos(angle), centre[1] + 200 * math.sin(angle)
        draw.line([centre, (x, y)], fill=p[2], width=10)
        draw.rounded_rectangle([x - 55, y - 40, x + 55, y + 40], radius=14, fill=p[1])
    draw.ellipse([510, 247, 690, 427], fill=p[3])
    draw.rectangle([575, 300, 590, 375], fill=p[0])
    draw.rectangle([610, 300, 625, 375], fill=p[0])


def _stars(draw, p):
    def star(cx, cy, r):
        points = []
        for i in range(10):
            radius = r if i % 2 == 0 else r * 0.45
            angle = math.radians(-90 + i * 36)
            points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
        draw.polygon(points, fill=p[3])

    for i in range(12):
        angle = math.radians(i * 30)
        star(600 + 210 * math.cos(angle), 337 + 210 * math.sin(angle), 34)
    draw.rounded_rectangle([520, 270, 680, 410], radius=12, fill=p[2])
    draw.line([(555, 310), (645, 310)], fill=p[0], width=10)
    draw.line([(555, 345), (645, 345)], fill=p[0], width=10)
    draw.line([(555, 380), (615, 380)], fill=p[0], width=10)


def _blocks(draw, p):
    for row in range(3):
        for col in range(4):
            x, y = 330 + col * 140, 170 + row * 120
            colour = (p[1], p[2], p[3])[(row + col) % 3]
            draw.rounded_rectangle([x, y, x + 120, y + 100], radius=16, fill=colour)
    draw.line([(270, 560), (930, 560)], fill=p[2], width=8)


MOTIFS = {
    "partnership": _partnership,
    "document": _document,
    "coins": _coins,
    "scales": _scales,
    "shield": _shield,
    "terminal": _terminal,
    "cubes": _cubes,
    "branches": _branches,
    "hub": _hub,
    "stars": _stars,
    "blocks": _blocks,
}


def draw(motif, palette="blue"):
    """PNG bytes of the ``motif`` illustration in ``palette``."""
    colours = PALETTES[palette]
    image = Image.new("RGB", (WIDTH, HEIGHT), colours[0])
    canvas = ImageDraw.Draw(image)
    _grid(canvas, _mix(colours[0], colours[1], 0.25))
    MOTIFS[motif](canvas, colours)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _mix(a, b, share):
    a, b = (tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in (a, b))
    return tuple(round(x + (y - x) * share) for x, y in zip(a, b, strict=True))
