"""``FactTokenizer``: the closed vocabulary that turns fact tokens into ids.

The tokens themselves come from :mod:`autoglm_ui.modeling.facts_autoglm` (what a control's raw
facts say, identity left out); this module builds a deterministic vocabulary from training
tokens, maps unknown ones to ``key=?`` and saves/loads ``vocab.json`` next to the weights.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from autoglm_ui.errors import ModelFormatError
from autoglm_ui.modeling.facts_autoglm import (
    CLASS_PREFIXES,
    FACTS_VERSION,
    SUPPORTED_FACTS_VERSIONS,
    class_pieces,
    colour_token,
    fact_tokens,
)
from autoglm_ui.modeling.files import read_release_json

VOCAB_FILE = "vocab.json"
VOCAB_FORMAT = 1
PAD, UNK = "[PAD]", "[UNK]"
SPECIALS = (PAD, UNK)


class FactTokenizer:
    """A closed token vocabulary built from training facts; unknown tokens fall back to ``key=?``."""

    def __init__(self, tokens: Sequence[str]) -> None:
        if tuple(tokens[: len(SPECIALS)]) != SPECIALS:
            raise ModelFormatError(f"vocabulary must start with {SPECIALS}; rebuild it from the dataset")
        self.tokens: tuple[str, ...] = tuple(tokens)
        self.index: dict[str, int] = {t: i for i, t in enumerate(self.tokens)}
        self._fallbacks = frozenset(i for i, t in enumerate(self.tokens) if t == UNK or t.endswith("?"))

    def __len__(self) -> int:
        return len(self.tokens)

    @staticmethod
    def key_of(token: str) -> str:
        for sep in ("=", ":"):
            if sep in token:
                return token.split(sep, 1)[0] + sep
        return token

    @classmethod
    def build(
        cls,
        token_lists: Iterable[Sequence[str]],
        groups: Iterable[str] | None = None,
        *,
        min_count: int = 2,
        min_groups: int = 2,
    ) -> FactTokenizer:
        """Vocabulary from tokenised training samples, sorted, so the same data gives the same ids.

        A class-name piece is kept only when it occurs in ``min_groups`` distinct groups (sources,
        i.e. libraries) when the data has that many: pieces unique to one library do not transfer.
        """
        counts: Counter[str] = Counter()
        seen_in: defaultdict[str, set[str]] = defaultdict(set)
        group_list = list(groups) if groups is not None else None
        for n, toks in enumerate(token_lists):
            uniq = set(toks)
            counts.update(uniq)
            if group_list is not None:
                for t in uniq:
                    seen_in[t].add(group_list[n])
        need_groups = group_list is not None and len(set(group_list)) >= min_groups
        kept, keys = set(), set()
        for tok, c in counts.items():
            keys.add(cls.key_of(tok) + "?")
            if c < min_count:
                continue
            if need_groups and tok[:2] in CLASS_PREFIXES.values() and len(seen_in[tok]) < min_groups:
                continue
            kept.add(tok)
        return cls([*SPECIALS, *sorted(kept | keys)])

    def ids(self, tokens: Sequence[str]) -> list[int]:
        index, unk = self.index, self.index[UNK]
        out = []
        for t in tokens:
            i = index.get(t)
            out.append(i if i is not None else index.get(self.key_of(t) + "?", unk))
        return out

    def once_unknown(self, ids: Sequence[int]) -> list[int]:
        """``ids`` with each unknown-token fallback (``key=?``, ``c:?``) kept at its first place only.

        How many class names a control has that the vocabulary does not know says nothing about
        its state, but counted it did: the generator's random state-class names made it a leak.
        """
        seen: set[int] = set()
        out: list[int] = []
        for i in ids:
            if i in self._fallbacks:
                if i in seen:
                    continue
                seen.add(i)
            out.append(i)
        return out

    def encode(
        self, token_lists: Sequence[Sequence[str]], max_length: int, *, unknown_once: bool = False
    ) -> tuple[Any, Any]:
        """(ids LongTensor [N, L], mask BoolTensor [N, L]); class pieces are the first dropped.

        ``unknown_once``: see :meth:`once_unknown` (facts version 3 on).
        """
        import torch

        rows = [self.ids(toks) for toks in token_lists]
        if unknown_once:
            rows = [self.once_unknown(r) for r in rows]
        rows = [r[:max_length] for r in rows]
        length = max(1, max((len(r) for r in rows), default=1))
        ids = torch.zeros((len(rows), length), dtype=torch.long)
        for i, r in enumerate(rows):
            if r:
                ids[i, : len(r)] = torch.tensor(r, dtype=torch.long)
        return ids, ids != 0

    def save(self, directory: Path | str) -> Path:
        path = Path(directory) / VOCAB_FILE
        path.write_text(json.dumps({"format": VOCAB_FORMAT, "tokens": list(self.tokens)}, indent=0) + "\n")
        return path

    @classmethod
    def load(cls, directory: Path | str) -> FactTokenizer:
        path = Path(directory) / VOCAB_FILE
        data = read_release_json(path)
        if not isinstance(data.get("tokens"), list):
            raise ModelFormatError(f"{path}: no token list; reinstall the release")
        if int(data.get("format", 0)) > VOCAB_FORMAT:
            raise ModelFormatError(
                f"{path} has vocabulary format {data['format']}, newer than this autoglm-ui reads "
                f"({VOCAB_FORMAT}); upgrade autoglm-ui"
            )
        return cls([str(t) for t in data["tokens"]])


__all__ = [
    "CLASS_PREFIXES",
    "FACTS_VERSION",
    "SUPPORTED_FACTS_VERSIONS",
    "FactTokenizer",
    "class_pieces",
    "colour_token",
    "fact_tokens",
]
