"""Draw planner.ico (the program's and the installer's icon) from scratch.

    python packaging/windows/make_icon.py   # needs Pillow and the Noto Sans CJK JP Bold font

The .ico is committed, so a build needs neither; run this only to change the icon. A blue
rounded square with 計 (計画, plan) in white, at every size Windows asks for.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
JP_INDEX = 0  # Noto Sans CJK JP in the collection
BLUE = (31, 78, 154, 255)
SIZES = [16, 20, 24, 32, 40, 48, 64, 256]


def draw(size: int) -> Image.Image:
    scale = 4  # draw large, shrink smoothly
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    canvas = ImageDraw.Draw(image)
    margin = big // 16
    canvas.rounded_rectangle((margin, margin, big - margin, big - margin), radius=big // 6,
                             fill=BLUE)
    font = ImageFont.truetype(FONT, int(big * 0.66), index=JP_INDEX)
    canvas.text((big / 2, big / 2), "計", font=font, fill="white", anchor="mm")
    return image.resize((size, size), Image.LANCZOS)


def main() -> None:
    out = Path(__file__).resolve().parent / "planner.ico"
    images = [draw(size) for size in SIZES]
    images[-1].save(out, format="ICO", sizes=[(s, s) for s in SIZES], append_images=images[:-1])
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
