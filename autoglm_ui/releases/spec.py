"""The release spec grammar ``R``: ``ref | name | name/version | version``, each with ``@sha256:<hex>``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from autoglm_ui.errors import ModelFormatError
from autoglm_ui.releases.manifest import NAME_RE

DIGEST_SEP = "@sha256:"
MIN_DIGEST_PREFIX = 12
_HEX = re.compile(r"[0-9a-f]{12,64}")
HELP = (
    "write a release as a ref (default, latest, an alias), a name, name/version or a version, "
    "optionally followed by @sha256:<hex> (at least 12 hex digits)"
)


@dataclass(frozen=True)
class Spec:
    """A parsed release spec: ``base`` (without the digest) and the digest (prefix) it requires."""

    text: str
    base: str
    digest: str | None

    @property
    def name_version(self) -> tuple[str, str] | None:
        """``(name, version)`` when ``base`` is ``name/version``, else None."""
        if "/" not in self.base:
            return None
        name, version = self.base.split("/", 1)
        return name, version

    def accepts(self, digest: str) -> bool:
        """True when no digest is required or ``digest`` starts with the required one."""
        return self.digest is None or digest.startswith(self.digest)


def split_digest(text: str) -> tuple[str, str | None]:
    """Split ``anything@sha256:<hex>`` into ``(anything, hex)``; the digest is lower-cased and checked."""
    if DIGEST_SEP not in text:
        return text, None
    base, digest = text.rsplit(DIGEST_SEP, 1)
    digest = digest.strip().lower()
    if not _HEX.fullmatch(digest):
        raise ModelFormatError(
            f"bad digest in {text!r}: expected {DIGEST_SEP}<hex> with {MIN_DIGEST_PREFIX} to 64 hex digits; "
            "copy the digest from `autoglm-ui models list` or `models show`"
        )
    return base, digest


def parse_spec(text: str) -> Spec:
    """Parse a release spec, raising ModelFormatError (which says how to write one) when malformed."""
    stripped = text.strip()
    base, digest = split_digest(stripped)
    parts = base.split("/")
    if not base or len(parts) > 2 or not all(NAME_RE.fullmatch(part) for part in parts):
        raise ModelFormatError(f"bad release spec {text!r}: {HELP}")
    return Spec(stripped, base, digest)
