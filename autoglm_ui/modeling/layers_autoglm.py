"""The network of the control-state model in plain torch: image encoder, fact encoder, fusion, heads.

:class:`ControlStateMixin` holds the layers and ``forward``; the transformers class
(:class:`~autoglm_ui.modeling.modeling_autoglm.AutoGLMUIForControlState`) and the lean inference
twin :class:`ControlStateNet` both inherit it, so both read the same safetensors weights. The twin
exists because importing ``transformers.modeling_utils`` costs ~3 s, which the plugin's first
read cannot afford; it needs only torch and the config.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch
from torch import nn
from torch.nn import functional as F

from autoglm_ui.modeling.configuration_autoglm import AutoGLMUIConfig

IGNORE_INDEX = -100


@dataclass
class ControlStateOutput:
    """Per-facet logits (index 0: not applicable), kind logits and, with labels, the loss."""

    facet_logits: dict[str, torch.Tensor]
    kind_logits: torch.Tensor
    loss: torch.Tensor | None = None


class ResidualBlock(nn.Module):
    def __init__(self, cin: int, cout: int, stride: int) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.shortcut: nn.Module = nn.Identity()
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = F.relu(self.bn1(self.conv1(x)), inplace=True)
        return F.relu(self.bn2(self.conv2(y)) + self.shortcut(x), inplace=True)


class ConvEncoder(nn.Module):
    """A small ResNet: stride-2 stem, three stride-2 stages; output ``4w × H/16 × W/16``."""

    def __init__(self, config: AutoGLMUIConfig) -> None:
        super().__init__()
        w = config.vision_width
        self.stem = nn.Sequential(
            nn.Conv2d(config.num_channels, w, 3, 2, 1, bias=False), nn.BatchNorm2d(w), nn.ReLU(inplace=True)
        )
        blocks: list[nn.Module] = []
        cin = w
        for cout in (2 * w, 4 * w, 4 * w):
            for d in range(config.vision_depth):
                blocks.append(ResidualBlock(cin, cout, 2 if d == 0 else 1))
                cin = cout
        self.stages = nn.Sequential(*blocks)
        self.out_channels = cin
        self.grid = (config.image_height // 16, config.image_width // 16)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out: torch.Tensor = self.stages(self.stem(x))
        return out


class ConcatFusion(nn.Module):
    """Pooled image features ‖ pooled fact embeddings → MLP."""

    def __init__(self, config: AutoGLMUIConfig, image_channels: int) -> None:
        super().__init__()
        d = config.hidden_size
        self.image_proj = nn.Linear(2 * image_channels, d)
        self.fact_proj = nn.Linear(2 * d, d)
        self.mlp = nn.Sequential(
            nn.Linear(2 * d, 2 * d), nn.GELU(), nn.Dropout(config.dropout), nn.Linear(2 * d, d)
        )
        self.norm = nn.LayerNorm(d)

    def forward(self, fmap: torch.Tensor, facts: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        img = torch.cat([fmap.mean(dim=(2, 3)), fmap.amax(dim=(2, 3))], dim=1)
        m = mask.unsqueeze(-1).to(facts.dtype)
        mean = (facts * m).sum(1) / m.sum(1).clamp_min(1.0)
        mx = facts.masked_fill(~mask.unsqueeze(-1), -1e4).amax(1)
        fact = self.fact_proj(torch.cat([mean, mx], dim=1))
        out: torch.Tensor = self.norm(self.mlp(torch.cat([self.image_proj(img), fact], dim=1)))
        return out


class AttentionFusion(nn.Module):
    """Transformer layers over [CLS] + image patch tokens + fact tokens; the CLS output is fused."""

    def __init__(self, config: AutoGLMUIConfig, image_channels: int, grid: tuple[int, int]) -> None:
        super().__init__()
        d = config.hidden_size
        self.image_proj = nn.Linear(image_channels, d)
        self.cls = nn.Parameter(torch.zeros(1, 1, d))
        self.image_pos = nn.Parameter(torch.zeros(1, grid[0] * grid[1], d))
        self.fact_type = nn.Parameter(torch.zeros(1, 1, d))
        self.blocks = nn.ModuleList(
            FusionBlock(d, config.num_attention_heads) for _ in range(config.num_fusion_layers)
        )
        self.norm = nn.LayerNorm(d)

    def forward(self, fmap: torch.Tensor, facts: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        b = fmap.shape[0]
        patches = self.image_proj(fmap.flatten(2).transpose(1, 2)) + self.image_pos
        x = torch.cat([self.cls.expand(b, -1, -1), patches, facts + self.fact_type], dim=1)
        keep = torch.ones((b, 1 + patches.shape[1]), dtype=torch.bool, device=mask.device)
        attend = torch.cat([keep, mask], dim=1)[:, None, None, :]  # B x 1 x 1 x L, True: attend
        for block in self.blocks:
            x = block(x, attend)
        out: torch.Tensor = self.norm(x[:, 0])
        return out


class FusionBlock(nn.Module):
    """A pre-norm transformer block built from plain ``nn.Linear`` layers (all int8-quantisable).

    No dropout inside: sampling masks over B x heads x L x L costs more than the block itself.
    """

    def __init__(self, d: int, heads: int) -> None:
        super().__init__()
        self.heads = heads
        self.norm1 = nn.LayerNorm(d)
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)
        self.norm2 = nn.LayerNorm(d)
        self.fc1 = nn.Linear(d, 2 * d)
        self.fc2 = nn.Linear(2 * d, d)

    def forward(self, x: torch.Tensor, attend: torch.Tensor) -> torch.Tensor:
        b, n, d = x.shape
        q, k, v = self.qkv(self.norm1(x)).view(b, n, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        a = F.scaled_dot_product_attention(q, k, v, attn_mask=attend)
        x = x + self.proj(a.transpose(1, 2).reshape(b, n, d))
        out: torch.Tensor = x + self.fc2(F.gelu(self.fc1(self.norm2(x))))
        return out


def init_module(module: nn.Module, std: float) -> None:
    """Weight initialisation shared by both model classes."""
    if isinstance(module, nn.Conv2d):
        nn.init.kaiming_normal_(module.weight, mode="fan_out", nonlinearity="relu")
    elif isinstance(module, nn.Linear):
        nn.init.trunc_normal_(module.weight, std=std)
        if module.bias is not None:
            nn.init.zeros_(module.bias)
    elif isinstance(module, nn.Embedding):
        nn.init.normal_(module.weight, std=std)
        if module.padding_idx is not None:
            with torch.no_grad():
                module.weight[module.padding_idx].zero_()
    elif isinstance(module, (nn.BatchNorm2d, nn.LayerNorm)):
        nn.init.ones_(module.weight)
        nn.init.zeros_(module.bias)
    elif isinstance(module, AttentionFusion):
        for p in (module.cls, module.image_pos, module.fact_type):
            nn.init.trunc_normal_(p, std=std)
    elif isinstance(module, nn.MultiheadAttention):
        module._reset_parameters()


class ControlStateMixin(nn.Module):
    """Layers and ``forward`` of the control-state model (used by both model classes)."""

    config: AutoGLMUIConfig

    def build(self, config: AutoGLMUIConfig) -> None:
        self.vision = ConvEncoder(config)
        self.fact_embed = nn.Embedding(config.vocab_size, config.hidden_size, padding_idx=0)
        if config.fusion == "concat":
            self.fusion: nn.Module = ConcatFusion(config, self.vision.out_channels)
        else:
            self.fusion = AttentionFusion(config, self.vision.out_channels, self.vision.grid)
        self.dropout = nn.Dropout(config.dropout)
        self.facet_heads = nn.ModuleDict(
            {f: nn.Linear(config.hidden_size, config.num_facet_labels(f)) for f in config.facet_names}
        )
        self.kind_head = nn.Linear(config.hidden_size, len(config.kinds or ()))
        self.class_weights: dict[str, torch.Tensor] = {}

    def set_class_weights(self, weights: dict[str, torch.Tensor]) -> None:
        """Per-facet loss weights over the head's outputs (training only, not saved)."""
        self.class_weights = dict(weights)

    def forward(
        self,
        pixel_values: torch.Tensor,
        fact_ids: torch.Tensor,
        fact_mask: torch.Tensor,
        labels: dict[str, torch.Tensor] | None = None,
        kind_labels: torch.Tensor | None = None,
    ) -> ControlStateOutput:
        expected = (self.config.num_channels, self.config.image_height, self.config.image_width)
        if pixel_values.dim() != 4 or tuple(pixel_values.shape[1:]) != expected:
            raise ValueError(
                f"pixel_values must be N x {expected[0]} x {expected[1]} x {expected[2]}, got "
                f"{tuple(pixel_values.shape)}; prepare crops with AutoGLMUIProcessor"
            )
        fmap = self.vision(pixel_values)
        facts = self.fact_embed(fact_ids)
        h = self.dropout(self.fusion(fmap, facts, fact_mask.bool()))
        facet_logits = {f: head(h) for f, head in self.facet_heads.items()}
        kind_logits = self.kind_head(h)
        loss = None
        if labels is not None or kind_labels is not None:
            loss = self.loss(facet_logits, kind_logits, labels or {}, kind_labels)
        return ControlStateOutput(facet_logits, kind_logits, loss)

    def loss(
        self,
        facet_logits: dict[str, torch.Tensor],
        kind_logits: torch.Tensor,
        labels: dict[str, torch.Tensor],
        kind_labels: torch.Tensor | None,
    ) -> torch.Tensor:
        smoothing = float(self.config.label_smoothing)
        parts = []
        for facet, target in labels.items():
            if not bool((target != IGNORE_INDEX).any()):
                continue
            logits = facet_logits[facet]
            w = self.class_weights.get(facet)
            parts.append(
                F.cross_entropy(
                    logits,
                    target,
                    weight=None if w is None else w.to(logits.device),
                    ignore_index=IGNORE_INDEX,
                    label_smoothing=smoothing,
                )
            )
        if kind_labels is not None and bool((kind_labels != IGNORE_INDEX).any()):
            parts.append(0.5 * F.cross_entropy(kind_logits, kind_labels, ignore_index=IGNORE_INDEX))
        if not parts:
            return kind_logits.sum() * 0.0
        return torch.stack(parts).sum()


class ControlStateNet(ControlStateMixin):
    """The inference twin: same layers and weights, no ``transformers.modeling_utils`` import."""

    def __init__(self, config: AutoGLMUIConfig) -> None:
        super().__init__()
        self.config = config
        self.build(config)
        for m in self.modules():
            init_module(m, config.initializer_range)


__all__ = ["IGNORE_INDEX", "ControlStateMixin", "ControlStateNet", "ControlStateOutput", "init_module"]
