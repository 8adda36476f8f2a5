"""What capture and model both read: a control's box and its crop (neither side owns them).

The capture cuts a :class:`Crop` around each control's drawn :class:`Box`; the model's processor
letterboxes it. Keeping them here lets ``modeling/`` and ``inference`` import no capture code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from PIL import Image

#: Context around a control's drawn box kept in its crop, in CSS pixels.
CONTEXT_PX = 16
#: Neutral grey used where a crop reaches outside what the screenshot shows.
PAD_RGB = (127, 127, 127)


@dataclass(frozen=True)
class Box:
    """A rectangle in CSS pixels, top-level viewport coordinates at capture time."""

    x: float
    y: float
    width: float
    height: float

    @classmethod
    def of(cls, d: Mapping[str, float]) -> Box:
        return cls(float(d["x"]), float(d["y"]), float(d["width"]), float(d["height"]))

    @property
    def center(self) -> tuple[float, float]:
        return (self.x + self.width / 2, self.y + self.height / 2)

    @property
    def empty(self) -> bool:
        return self.width < 1 or self.height < 1

    def expand(self, margin: float) -> Box:
        return Box(self.x - margin, self.y - margin, self.width + 2 * margin, self.height + 2 * margin)

    def shift(self, dx: float, dy: float) -> Box:
        return Box(self.x + dx, self.y + dy, self.width, self.height)

    def __str__(self) -> str:
        return f"({self.x:.0f},{self.y:.0f} {self.width:.0f}x{self.height:.0f})"


@dataclass(frozen=True)
class Crop:
    """A control's drawn box with :data:`CONTEXT_PX` of context; ``box`` is the drawn box in image px."""

    image: Image.Image = field(repr=False)
    box: tuple[float, float, float, float]
    blank: bool  # nothing of the control could be shown (not displayed, or entirely outside)


__all__ = ["CONTEXT_PX", "PAD_RGB", "Box", "Crop"]
