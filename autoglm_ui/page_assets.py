"""What a page asked for and did not get: the stylesheets, scripts and fonts that failed to load.

A labelled page read without its library's stylesheet is another page than the one that was
labelled, and nothing in its controls' facts says so. That is how one clone read 728 of 738
standard facets of the generator's dev set where the release card says 738 (issue 19): two of
its pages link Bulma from ``fixtures/vendor``, which that clone had not installed, so the server
answered 404 and those pages were scored unstyled. Evaluation and the generator therefore refuse a
page whose stylesheets, scripts or fonts did not load, and say which and what to do.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import Page, Request, Response

log = logging.getLogger(__name__)

#: The resource types that change how every control of a page looks or behaves. Images and
#: fetches are content: a page may show a broken image on purpose.
WATCHED = frozenset({"stylesheet", "script", "font"})


class AssetWatch:
    """The watched requests of one page load that failed (:func:`watch_assets` feeds it)."""

    def __init__(self) -> None:
        self.missing: list[str] = []
        self._urls: set[str] = set()

    def on_response(self, response: Response) -> None:
        if response.status >= 400 and response.request.resource_type in WATCHED:
            self._add(response.url, f"HTTP {response.status}", response.request.resource_type)

    def on_failed(self, request: Request) -> None:
        # Blocked by the page's own Content-Security-Policy (a generated page's theme importing a web
        # font): the page forbids it on every machine, so it is part of how the page looks.
        if request.resource_type in WATCHED and request.failure != "csp":
            self._add(request.url, request.failure or "failed", request.resource_type)

    def _add(self, url: str, why: str, kind: str) -> None:
        if url in self._urls:  # a 404 is also reported as an aborted request: name it once
            return
        self._urls.add(url)
        shown = _shown(url)
        log.debug("%s %s did not load: %s", kind, shown, why)
        self.missing.append(f"{kind} {shown} ({why})")

    def problem(self) -> str | None:
        """Why the page is not the page its author made, or ``None`` when everything loaded."""
        if not self.missing:
            return None
        more = len(self.missing) - 3
        first = ", ".join(self.missing[:3]) + (f" and {more} more" if more > 0 else "")
        return (
            f"did not load what it links: {first}; install it (in this repository: `make setup`) or fix "
            "the link, since the page would be read without it"
        )


@contextmanager
def watch_assets(page: Page) -> Iterator[AssetWatch]:
    """Watch ``page``'s requests while the block runs (load and settle the page inside it)."""
    watch = AssetWatch()
    page.on("response", watch.on_response)
    page.on("requestfailed", watch.on_failed)
    try:
        yield watch
    finally:
        page.remove_listener("response", watch.on_response)
        page.remove_listener("requestfailed", watch.on_failed)


def _shown(url: str) -> str:
    """``url`` as a path when it is the local server's: its random port says nothing."""
    parts = urlsplit(url)
    if parts.hostname in ("127.0.0.1", "localhost"):
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return url
