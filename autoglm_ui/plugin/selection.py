"""Which release a test reads with, and checking it before any test runs (no torch needed)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import pytest

from autoglm_ui.plugin.keys import CHOICE
from autoglm_ui.plugin.options import Settings, check_spec, looks_like_path

log = logging.getLogger(__name__)

MARKER = "autoglm_model"
#: Fixtures whose use makes a test an autoglm-ui test (worth checking the release for).
FIXTURES = frozenset({"widget_state", "expect_state", "autoglm_recognizer"})


@dataclass(frozen=True)
class Choice:
    """A selected release spec and where the selection came from (marker, option, env, ini, ref)."""

    spec: str
    source: str

    def __str__(self) -> str:
        return f"{self.spec} (from {self.source})"


def session_choice(settings: Settings) -> Choice:
    """The run's release: ``--autoglm-model`` > ``$AUTOGLM_UI_MODEL`` > ini ``autoglm_model`` > default."""
    return _select(None, settings)


def test_choice(item: pytest.Item, settings: Settings) -> Choice:
    """The release of one test: its ``@pytest.mark.autoglm_model(R)`` first, then the run's."""
    return _select(marker_spec(item), settings)


def _select(marker: str | None, settings: Settings) -> Choice:
    from autoglm_ui.releases.selection import ENV_MODEL, select_spec

    env = {ENV_MODEL: settings.model_env} if settings.model_env else {}
    spec, source = select_spec(marker, settings.model_option, env, settings.model_ini)
    return Choice(str(spec), str(source))


def marker_spec(item: pytest.Item) -> str | None:
    """The release named by the closest ``autoglm_model`` marker; UsageError when it is malformed."""
    marker = item.get_closest_marker(MARKER)
    if marker is None:
        return None
    value = marker.args[0] if len(marker.args) == 1 and not marker.kwargs else marker.kwargs.get("release")
    if not isinstance(value, str) or len(marker.args) + len(marker.kwargs) != 1:
        raise pytest.UsageError(
            f'{item.nodeid}: write the marker as @pytest.mark.{MARKER}("R") with one release spec '
            f"(a ref, name/version or a release folder), not {MARKER}(*{marker.args!r}, **{marker.kwargs!r})"
        )
    check_spec(value, f"{item.nodeid}: @pytest.mark.{MARKER}")
    return value


def uses_autoglm(item: pytest.Item) -> bool:
    """True when the test requests a plugin fixture (directly or through its fixtures) or is marked."""
    names = getattr(item, "fixturenames", ())
    return bool(FIXTURES.intersection(names)) or item.get_closest_marker(MARKER) is not None


def verify(spec: str) -> str:
    """Resolve and verify a release without loading it; returns ``name/version``.

    A missing release is installed when the store can; a corrupt one raises the store's error
    (``path: expected X (sha256), got Y`` and the command that repairs it).
    """
    if looks_like_path(spec):
        return _verify_folder(Path(spec).expanduser())
    from autoglm_ui.releases.store import resolve_and_verify

    release = resolve_and_verify(spec)
    return release.spec


def _verify_folder(folder: Path) -> str:
    from autoglm_ui.errors import IntegrityError, ModelNotFoundError
    from autoglm_ui.releases.manifest import Release
    from autoglm_ui.releases.verify import verify_release

    if not folder.is_dir():
        raise ModelNotFoundError(
            f"{folder}: no such release folder; pass an existing folder, or a release from "
            "`autoglm-ui models list`"
        )
    report = verify_release(Release.from_folder(folder))
    if not report.ok:
        raise IntegrityError(
            "\n".join(report.problems)
            + f"\nThe release folder {folder} was changed after it was written; restore it from where it "
            "came from (or re-create it with `autoglm-ui train`)."
        )
    return report.release.spec


def check_before_tests(items: list[pytest.Item], settings: Settings) -> str | None:
    """Resolve and verify every release the collected autoglm-ui tests will use, once each.

    Returns None when all is well, else the problem: the store's message (``path: expected X
    (sha256), got Y`` and the repair command, or what is installed and how to install more).
    """
    from autoglm_ui.errors import AutoGLMUIError

    specs: dict[str, str] = {}
    for item in items:
        if not uses_autoglm(item):
            continue
        try:
            choice = test_choice(item, settings)
        except pytest.UsageError as exc:  # a malformed marker
            return f"autoglm-ui: {exc}"
        item.stash[CHOICE] = choice
        specs.setdefault(choice.spec, choice.source)
    if specs and settings.compare is not None:
        specs.setdefault(settings.compare, "--autoglm-compare")
    for spec, source in specs.items():
        try:
            found = verify(spec)
        except AutoGLMUIError as exc:
            return f"autoglm-ui: release {spec!r} (selected by {source}) cannot be used:\n{exc}"
        log.debug("release %s verified: %s", spec, found)
    return None
