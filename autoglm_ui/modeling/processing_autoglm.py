"""``AutoGLMUIProcessor``: crops → letterboxed pixel tensors, raw DOM facts → token ids + mask.

The crop (a control's drawn box plus the capture's context) is scaled to fit a fixed
``height × width`` keeping its aspect ratio and padded with the capture's grey; a fourth channel
marks the drawn box. A crop far wider than high (an accordion header or a text field across the
page: letterboxed, 1,200 × 70 px would be 6 px high) is *folded* where the processor says so
(``fold_aspect``): its two ends, where the text starts and where a chevron or an end cap sits,
side by side at the full height, the middle left out. Tensors come out NCHW in channels-last
memory, ready for the CNN.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PIL import Image

from autoglm_ui.errors import ModelFormatError
from autoglm_ui.modeling.facts_autoglm import FACTS_VERSION, SUPPORTED_FACTS_VERSIONS, fact_tokens
from autoglm_ui.modeling.files import read_release_json
from autoglm_ui.modeling.tokenization_autoglm import FactTokenizer

if TYPE_CHECKING:
    import torch

    from autoglm_ui.controls import Crop

PROCESSOR_FILE = "processor_config.json"
#: 2: ``fold_aspect`` (written only by processors that fold; a release without it reads as format 1).
PROCESSOR_FORMAT = 2
PAD_GREY = 127
#: New processors fold crops wider than this many times their height (letterboxed at 96 × 48, such
#: a crop would be at most 16 px high).
FOLD_ASPECT = 6.0
#: Grey columns between the two ends of a folded crop.
FOLD_GAP = 2
MEAN = (0.5, 0.5, 0.5, 0.5)
STD = (0.25, 0.25, 0.25, 0.5)


@dataclass(frozen=True)
class CropInput:
    """An image and the drawn box inside it (image px); what :class:`~autoglm_ui.capture.Crop` holds."""

    image: Image.Image
    box: tuple[float, float, float, float]
    blank: bool = False


def _as_image(image: Any) -> Image.Image:
    if isinstance(image, np.ndarray):
        if image.ndim == 2 or (image.ndim == 3 and image.shape[2] in (3, 4)):
            image = Image.fromarray(image.astype(np.uint8))
        else:
            raise ValueError(f"crop array must be HxW, HxWx3 or HxWx4, got shape {image.shape}")
    if not isinstance(image, Image.Image):
        raise TypeError(f"crop image must be a PIL.Image or numpy array, got {type(image).__name__}")
    if image.width < 1 or image.height < 1:
        raise ValueError(f"crop image is {image.width}x{image.height}; a crop needs at least 1x1 pixels")
    if image.mode != "RGB":
        if image.mode in ("RGBA", "LA", "P", "PA"):  # flatten transparency onto the capture's grey
            base = Image.new("RGB", image.size, (PAD_GREY,) * 3)
            base.paste(image.convert("RGBA"), mask=image.convert("RGBA").getchannel("A"))
            image = base
        else:
            image = image.convert("RGB")
    rgb: Image.Image = image
    return rgb


def is_blank(crop: Crop | CropInput) -> bool:
    """Nothing of the control is shown: flagged so, an empty drawn box, or only the capture's grey."""
    if crop.blank:
        return True
    if float(crop.box[2]) <= 0 or float(crop.box[3]) <= 0:
        return True
    image = crop.image
    if isinstance(image, Image.Image) and image.mode == "RGB" and image.width and image.height:
        return not bool(np.any(np.asarray(image) != PAD_GREY))
    return False


def checked(crop: Crop | CropInput) -> CropInput:
    """The crop with its image as RGB; ``TypeError``/``ValueError`` for what cannot be a crop."""
    return CropInput(_as_image(crop.image), tuple(crop.box), bool(crop.blank))  # type: ignore[arg-type]


@cache
def _normalized_table() -> np.ndarray:
    """``[channel, value]``: :meth:`AutoGLMUIProcessor.normalize` of every uint8 value per channel."""
    import torch

    values = torch.arange(256, dtype=torch.uint8).view(1, 1, 1, 256).expand(1, 4, 1, 256)
    return AutoGLMUIProcessor.normalize(values).reshape(4, 256).numpy().copy()


def _drawn_box(crop: CropInput) -> tuple[float, float, float, float]:
    """The drawn box inside ``crop`` (image px); the whole crop when none is given."""
    bx, by, bw, bh = (float(v) for v in crop.box)
    if bw <= 0 or bh <= 0:
        w, h = crop.image.size
        return 0.0, 0.0, float(w), float(h)
    return bx, by, bw, bh


class AutoGLMUIProcessor:
    """Turns crops and raw facts into model inputs; saved next to the weights as JSON files."""

    def __init__(
        self,
        tokenizer: FactTokenizer,
        image_height: int = 48,
        image_width: int = 96,
        max_fact_tokens: int = 128,
        facts_version: int = FACTS_VERSION,
        fold_aspect: float | None = None,
    ) -> None:
        self.tokenizer = tokenizer
        self.fold_aspect = None if fold_aspect is None else float(fold_aspect)
        self.facts_version = int(facts_version)
        self.image_height = int(image_height)
        self.image_width = int(image_width)
        self.max_fact_tokens = int(max_fact_tokens)

    # ---- images ------------------------------------------------------------------------------
    def letterbox(self, crop: Crop | CropInput, blank: bool | None = None) -> np.ndarray:
        """One crop as a ``H × W × 4`` uint8 array: RGB letterboxed in grey + drawn-box mask.

        ``blank``: :func:`is_blank` of the crop when the caller has it already.
        """
        H, W = self.image_height, self.image_width
        out = np.full((H, W, 4), PAD_GREY, dtype=np.uint8)
        out[..., 3] = 0
        crop = checked(crop)
        if is_blank(crop) if blank is None else blank:
            return out
        image = crop.image
        w, h = image.size
        if self.fold_aspect is not None and w > self.fold_aspect * h:
            return self._folded(out, crop)
        s = min(W / w, H / h)
        nw, nh = max(1, min(W, round(w * s))), max(1, min(H, round(h * s)))
        x0, y0 = (W - nw) // 2, (H - nh) // 2
        out[y0 : y0 + nh, x0 : x0 + nw, :3] = np.asarray(
            image.resize((nw, nh), Image.Resampling.BILINEAR, reducing_gap=3.0)
        )
        bx, by, bw, bh = _drawn_box(crop)
        mx0, my0 = x0 + max(0, int(bx * s)), y0 + max(0, int(by * s))
        mx1 = x0 + min(nw, max(int(bx * s) + 1, round((bx + bw) * s)))
        my1 = y0 + min(nh, max(int(by * s) + 1, round((by + bh) * s)))
        out[my0:my1, mx0:mx1, 3] = 255
        return out

    def _folded(self, out: np.ndarray, crop: CropInput) -> np.ndarray:
        """``out`` holding the two ends of a wide crop at the full height, a grey gap between them."""
        H, W = self.image_height, self.image_width
        image = crop.image
        w, h = image.size
        s = H / h
        widths = ((W - FOLD_GAP) // 2, W - FOLD_GAP - (W - FOLD_GAP) // 2)
        bx, by, bw, bh = _drawn_box(crop)
        my0, my1 = max(0, int(by * s)), min(H, max(int(by * s) + 1, round((by + bh) * s)))
        for x_out, width, left in ((0, widths[0], True), (widths[0] + FOLD_GAP, widths[1], False)):
            seg = min(w, max(1, round(width / s)))  # source columns this end shows
            x_src = 0 if left else w - seg
            part = image.crop((x_src, 0, x_src + seg, h)).resize(
                (width, H), Image.Resampling.BILINEAR, reducing_gap=3.0)
            out[:, x_out : x_out + width, :3] = np.asarray(part)
            k = width / seg
            mx0 = max(0, int((bx - x_src) * k))
            mx1 = min(width, round((bx + bw - x_src) * k))
            if mx1 > mx0:
                out[my0:my1, x_out + mx0 : x_out + mx1, 3] = 255
        return out

    def pixels(
        self, crops: Sequence[Crop | CropInput], blanks: Sequence[bool] | None = None
    ) -> torch.Tensor:
        """uint8 ``N × 4 × H × W`` (channels-last memory) of the letterboxed crops."""
        import torch

        if not crops:
            return torch.zeros((0, 4, self.image_height, self.image_width), dtype=torch.uint8)
        blanks = blanks if blanks is not None else [is_blank(c) for c in crops]
        batch = np.stack([self.letterbox(c, b) for c, b in zip(crops, blanks, strict=True)])
        return torch.from_numpy(batch).permute(0, 3, 1, 2)

    @staticmethod
    def normalize(pixels: torch.Tensor) -> torch.Tensor:
        """uint8 pixels → float, per-channel ``(x/255 - mean) / std`` (grey pad ≈ 0)."""
        import torch

        return AutoGLMUIProcessor.normalize_unit(pixels.to(torch.float32).div_(255.0))

    @staticmethod
    def normalize_cpu(pixels: torch.Tensor) -> torch.Tensor:
        """:meth:`normalize` of a CPU batch by table look-up: the same floats, a fraction of the time
        (one gather per pixel instead of a cast and two broadcast passes over channels-last memory)."""
        import torch

        nhwc = pixels.permute(0, 2, 3, 1).numpy()  # the batch's own memory order: no copy
        out = _normalized_table()[np.arange(4), nhwc]
        return torch.from_numpy(out).permute(0, 3, 1, 2)  # channels-last memory, as normalize gives

    @staticmethod
    def normalize_unit(x: torch.Tensor) -> torch.Tensor:
        """Pixels already in 0..1 → normalised channels-last floats."""
        import torch

        mean = torch.tensor(MEAN, dtype=x.dtype, device=x.device).view(1, 4, 1, 1)
        std = torch.tensor(STD, dtype=x.dtype, device=x.device).view(1, 4, 1, 1)
        return ((x - mean) / std).contiguous(memory_format=torch.channels_last)

    # ---- facts -------------------------------------------------------------------------------
    def tokens(self, raw: Mapping[str, Any], blank: bool = False) -> list[str]:
        return fact_tokens(raw, extra=("crop=blank",) if blank else (), version=self.facts_version)

    def encode_facts(self, token_lists: Sequence[Sequence[str]]) -> tuple[torch.Tensor, torch.Tensor]:
        ids, mask = self.tokenizer.encode(
            token_lists, self.max_fact_tokens, unknown_once=self.facts_version >= 3
        )
        return ids, mask

    # ---- both --------------------------------------------------------------------------------
    def __call__(
        self, crops: Sequence[Crop | CropInput], raws: Sequence[Mapping[str, Any]], device: Any = None
    ) -> dict[str, torch.Tensor]:
        """Model inputs for a batch: ``pixel_values``, ``fact_ids``, ``fact_mask``."""
        if len(crops) != len(raws):
            raise ValueError(
                f"got {len(crops)} crops but {len(raws)} fact records; pass one of each per control"
            )
        crops = [checked(c) for c in crops]
        blanks = [is_blank(c) for c in crops]
        ids, mask = self.encode_facts([self.tokens(r, b) for b, r in zip(blanks, raws, strict=True)])
        pixels = self.normalize_cpu(self.pixels(crops, blanks))
        out = {"pixel_values": pixels, "fact_ids": ids, "fact_mask": mask}
        if device is not None:
            out = {k: v.to(device) for k, v in out.items()}
        return out

    # ---- persistence -------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        fold = {} if self.fold_aspect is None else {"fold_aspect": self.fold_aspect}
        return {
            **fold,
            "processor_class": type(self).__name__,
            "format": PROCESSOR_FORMAT if fold else 1,
            "facts_version": self.facts_version,
            "image_height": self.image_height,
            "image_width": self.image_width,
            "max_fact_tokens": self.max_fact_tokens,
            "pad_grey": PAD_GREY,
            "mean": list(MEAN),
            "std": list(STD),
        }

    def save_pretrained(self, directory: Path | str) -> list[Path]:
        d = Path(directory)
        d.mkdir(parents=True, exist_ok=True)
        path = d / PROCESSOR_FILE
        path.write_text(json.dumps(self.to_dict(), indent=2, sort_keys=True) + "\n")
        return [path, self.tokenizer.save(d)]

    @classmethod
    def from_pretrained(cls, directory: Path | str) -> AutoGLMUIProcessor:
        path = Path(directory) / PROCESSOR_FILE
        data = read_release_json(path)
        if int(data.get("format", 0)) > PROCESSOR_FORMAT:
            raise ModelFormatError(
                f"{path} has processor format {data['format']}, newer than this autoglm-ui reads "
                f"({PROCESSOR_FORMAT}); upgrade autoglm-ui"
            )
        facts_version = data.get("facts_version", 1)
        if facts_version not in SUPPORTED_FACTS_VERSIONS:
            raise ModelFormatError(
                f"{path} was built for DOM-fact tokens version {facts_version}, this autoglm-ui emits "
                f"versions {', '.join(map(str, SUPPORTED_FACTS_VERSIONS))}; upgrade autoglm-ui or "
                "install a release made for one of these"
            )
        try:
            return cls(
                FactTokenizer.load(directory),
                int(data["image_height"]),
                int(data["image_width"]),
                int(data["max_fact_tokens"]),
                int(facts_version),
                None if data.get("fold_aspect") is None else float(data["fold_aspect"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, ModelFormatError):
                raise
            raise ModelFormatError(
                f"{path}: malformed processor config ({exc}); reinstall the release"
            ) from exc

    @classmethod
    def build(
        cls,
        token_lists: Iterable[Sequence[str]],
        groups: Iterable[str] | None = None,
        *,
        image_height: int,
        image_width: int,
        max_fact_tokens: int,
        min_count: int = 2,
        fold_aspect: float | None = FOLD_ASPECT,
    ) -> AutoGLMUIProcessor:
        """A processor whose vocabulary is built from tokenised training facts (deterministic); it
        folds crops wider than ``fold_aspect`` times their height (``None``: never)."""
        tok = FactTokenizer.build(token_lists, groups, min_count=min_count)
        return cls(tok, image_height, image_width, max_fact_tokens, fold_aspect=fold_aspect)


__all__ = ["AutoGLMUIProcessor", "CropInput", "is_blank"]
