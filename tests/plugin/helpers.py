"""Shared helpers of the plugin tests: stand-in releases (files that verify, no model) and real ones."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from autoglm_ui.releases.bundled import bundled_releases
from autoglm_ui.releases.manifest import write_manifest
from autoglm_ui.releases.store import Store

#: Set to a release folder to run the model tests against it (else the bundled release, /work/releases/dev).
TEST_RELEASE_ENV = "AUTOGLM_UI_TEST_RELEASE"


def stand_in_release(parent: Path, name: str, version: str = "1.0") -> Path:
    """A release folder whose files verify but hold no model: enough for selection and target errors."""
    folder = parent / f"{name}-{version}"
    folder.mkdir(parents=True)
    (folder / "config.json").write_text(f'{{"stand_in": "{name}/{version}"}}\n', encoding="utf-8")
    (folder / "model.safetensors").write_bytes(b"not a model: plugin tests never load it " + name.encode())
    write_manifest(folder, name, version)
    return folder


def stand_in_store(root: Path, names: list[str], default: str | None = None) -> Store:
    """A store at ``root`` with a stand-in release per name (version 1.0) and ``default`` pointing at one."""
    store = Store(root)
    for name in names:
        store.install(stand_in_release(root.parent / "sources", name))
    if default is not None:
        store.alias("default", default)
    return store


def model_release() -> Path:
    """A release folder with a trained model, or skip the test saying how to get one."""
    try:
        import autoglm_ui.inference  # noqa: F401
    except ImportError:
        pytest.skip("needs a model: autoglm_ui.inference has not landed yet")
    candidates = [os.environ.get(TEST_RELEASE_ENV, ""), *map(str, bundled_releases()), "/work/releases/dev"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "release.json").is_file():
            return Path(candidate)
    pytest.skip(
        f"needs a trained release: bundle one in autoglm_ui/bundled/, "
        f"or set {TEST_RELEASE_ENV} to a release folder"
    )


def copy_release(source: Path, dest: Path, name: str) -> Path:
    """A copy of ``source`` under another name (same weights, so the same answers)."""
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("release.json"))
    write_manifest(dest, name, "1.0")
    return dest


def run_inline(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    """Run pytest in this process without pytest-playwright (its soft-assertion scope is global)."""
    return pytester.runpytest("-p", "no:playwright", *args)


def perturbed_release(source: Path, dest: Path, name: str) -> Path:
    """A copy of ``source`` whose weights are negated: a genuinely different release (other answers)."""
    from safetensors import safe_open
    from safetensors.numpy import save_file

    shutil.copytree(source, dest, ignore=shutil.ignore_patterns("release.json"))
    for weights in sorted(dest.rglob("model.safetensors")):  # one, or one per ensemble member
        original = source / weights.relative_to(dest)
        weights.unlink()  # copytree may have kept a hard link to the source's blob
        with safe_open(str(original), framework="np") as fh:
            metadata = fh.metadata()
            tensors = {key: fh.get_tensor(key) for key in fh.keys()}  # noqa: SIM118
        flipped = {k: (-v if v.dtype.kind == "f" else v) for k, v in tensors.items()}
        save_file(flipped, str(weights), metadata=metadata)
    write_manifest(dest, name, "1.0")
    return dest


@dataclass(frozen=True)
class Run:
    """One pytest run in a subprocess: its exit status, output and folder."""

    ret: int
    out: str
    where: Path

    def section(self, test: str) -> str:
        """The failure section of ``test`` (up to the next test's header or summary)."""
        start = self.out.index(f"_ {test}")
        rest = self.out[start:].split("\n", 1)[1]
        ends = [i for i in (rest.find("\n____"), rest.find("\n====")) if i >= 0]
        return rest[: min(ends)] if ends else rest

    def summary(self) -> list[str]:
        """The lines of the ``autoglm-ui`` terminal summary section."""
        text = self.out.split("= autoglm-ui =", 1)[1].split("\n", 1)[1]
        return text.split("\n====", 1)[0].splitlines()


def run_pytest(where: Path, *args: str, timeout: float = 600) -> Run:
    """Run pytest in ``where`` in a fresh interpreter (a real browser, the installed plugin)."""
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rA", *args],
        cwd=where,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    return Run(proc.returncode, proc.stdout + proc.stderr, where)
