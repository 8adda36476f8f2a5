"""Batch augmentation in torch, aimed at unseen component libraries: colour, hue, scale, shift, blur.

Hue shifts stay small (red error borders must stay red) and saturation never drops far (greyed
out must keep meaning disabled). JPEG-ish degradation comes from the pre-encoded copy.
"""

from __future__ import annotations

import math

import torch
from torch.nn import functional as F

GREY = 127.0 / 255.0
# RGB <-> YIQ: hue is a rotation of the I/Q plane.
_RGB2YIQ = torch.tensor([[0.299, 0.587, 0.114], [0.596, -0.274, -0.322], [0.211, -0.523, 0.312]])
_YIQ2RGB = torch.linalg.inv(_RGB2YIQ)


def _uniform(n: int, lo: float, hi: float, gen: torch.Generator) -> torch.Tensor:
    return lo + (hi - lo) * torch.rand(n, generator=gen)


def _coin(n: int, p: float, gen: torch.Generator) -> torch.Tensor:
    return torch.rand(n, generator=gen) < p


def augment(
    clean: torch.Tensor, degraded: torch.Tensor, gen: torch.Generator, strength: float = 1.0
) -> torch.Tensor:
    """uint8 ``N×4×H×W`` (RGB + box mask) → augmented pixels in 0..1 (same layout, float32).

    Random draws come from ``gen`` (CPU), so a seed fixes the augmentation.
    """
    n = clean.shape[0]
    device = clean.device
    use_jpeg = _coin(n, 0.3 * strength, gen).to(device).view(n, 1, 1, 1)
    x = torch.where(use_jpeg, degraded, clean).to(torch.float32) / 255.0
    rgb, mask = x[:, :3], x[:, 3:]

    # brightness, contrast, saturation (mild), hue rotation (small)
    b = (_uniform(n, -0.1, 0.1, gen) * _coin(n, 0.5, gen)).to(device).view(n, 1, 1, 1) * strength
    c = (1 + (_uniform(n, -0.2, 0.2, gen) * _coin(n, 0.5, gen))).to(device).view(n, 1, 1, 1)
    s = (1 + (_uniform(n, -0.25, 0.25, gen) * _coin(n, 0.5, gen))).to(device).view(n, 1, 1, 1)
    theta = (_uniform(n, -0.05, 0.05, gen) * 2 * math.pi * _coin(n, 0.5, gen)).to(device) * strength
    mean = rgb.mean(dim=(1, 2, 3), keepdim=True)
    rgb = (rgb - mean) * c + mean + b
    grey = (rgb * torch.tensor([0.299, 0.587, 0.114], device=device).view(1, 3, 1, 1)).sum(1, keepdim=True)
    rgb = (rgb - grey) * s + grey
    cos, sin = torch.cos(theta), torch.sin(theta)
    rot = torch.zeros(n, 3, 3, device=device)
    rot[:, 0, 0] = 1
    rot[:, 1, 1], rot[:, 1, 2], rot[:, 2, 1], rot[:, 2, 2] = cos, -sin, sin, cos
    m = _YIQ2RGB.to(device) @ rot @ _RGB2YIQ.to(device)  # n x 3 x 3
    rgb = torch.einsum("nij,njhw->nihw", m, rgb).clamp(0, 1)

    # small scale and translation, applied to pixels and box mask alike; outside is the grey pad
    scale = _uniform(n, 1 - 0.1 * strength, 1 + 0.1 * strength, gen)
    tx = _uniform(n, -0.06, 0.06, gen) * strength
    ty = _uniform(n, -0.06, 0.06, gen) * strength
    affine = torch.zeros(n, 2, 3)
    affine[:, 0, 0], affine[:, 1, 1] = 1 / scale, 1 / scale
    affine[:, 0, 2], affine[:, 1, 2] = tx, ty
    grid = F.affine_grid(affine.to(device), list(x.shape), align_corners=False)
    both = torch.cat([rgb - GREY, mask], dim=1)
    both = F.grid_sample(both, grid, mode="bilinear", padding_mode="zeros", align_corners=False)
    rgb, mask = both[:, :3] + GREY, (both[:, 3:] > 0.5).to(torch.float32)

    # blur (a JPEG/resampling look) and sensor-ish noise
    blur = _coin(n, 0.2 * strength, gen).to(device).view(n, 1, 1, 1)
    k = torch.tensor([1.0, 2.0, 1.0], device=device)
    k2 = (k[:, None] * k[None, :] / 16).expand(3, 1, 3, 3)
    blurred = F.conv2d(F.pad(rgb, (1, 1, 1, 1), mode="replicate"), k2, groups=3)
    rgb = torch.where(blur, blurred, rgb)
    noise = (_coin(n, 0.3 * strength, gen).to(torch.float32) * 0.02).to(device).view(n, 1, 1, 1)
    rgb = (rgb + noise * torch.randn(rgb.shape, generator=gen).to(device)).clamp(0, 1)
    return torch.cat([rgb, mask], dim=1)


__all__ = ["augment"]
