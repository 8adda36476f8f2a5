"""``autoglm-ui doctor``: is everything autoglm-ui needs here? Each problem comes with its fix."""

from __future__ import annotations

import importlib.metadata
import platform
import sys
from collections.abc import Callable
from dataclasses import dataclass

import click


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""


def _version(dist: str) -> str | None:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def check_packages() -> list[Check]:
    py = platform.python_version()
    out = [Check("python", sys.version_info >= (3, 10), py, "use Python 3.10 or newer")]
    dists = ("torch", "transformers", "playwright", "pytest", "pytest-playwright", "pytest-xdist", "pillow")
    for dist in dists:
        v = _version(dist)
        torch_fix = "pip install torch==2.13.0 (CPU) or your CUDA build"
        fix = torch_fix if dist == "torch" else f"pip install {dist}"
        out.append(Check(dist, v is not None, v or "not installed", fix))
    return out


def check_browser() -> Check:
    from autoglm_ui.browser import find_browser
    from autoglm_ui.errors import BrowserNotFoundError

    try:
        found = find_browser()
    except BrowserNotFoundError as exc:
        return Check("browser", False, "none found", str(exc))
    where = str(found.path) if found.path else "Playwright's managed Chromium"
    try:
        from playwright.sync_api import sync_playwright

        from autoglm_ui.browser import launch

        with sync_playwright() as pw:
            browser = launch(pw)
            version = browser.version
            browser.close()
    except Exception as exc:  # report any launch failure as a failed check, with its first line
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
        return Check("browser", False, f"{where} ({found.source}) does not launch: {first}",
                     "apt-get install -y chromium, or set AUTOGLM_UI_BROWSER to a working Chromium")
    return Check("browser", True, f"Chromium {version} at {where} ({found.source})")


def check_device() -> Check:
    import torch

    from autoglm_ui.inference import THREADS_ENV, configure_threads

    if torch.cuda.is_available():
        return Check("torch device", True, f"cuda ({torch.cuda.get_device_name(0)})")
    threads = configure_threads()  # what reading a state uses here, not torch's own default
    plural = "thread" if threads == 1 else "threads"
    return Check("torch device", True, f"cpu ({threads} {plural} for inference, ${THREADS_ENV} to change; "
                                       "no CUDA device)")


def check_store() -> Check:
    try:
        from autoglm_ui.releases.store import Store
    except ImportError as exc:
        return Check("model store", False, f"unavailable: {exc}", "reinstall autoglm-ui")
    from autoglm_ui.errors import AutoGLMUIError

    try:
        store = Store()
        store.ensure_bundled()
        default = store.resolve("default")
    except AutoGLMUIError as exc:
        return Check("model store", False, str(exc), "autoglm-ui models install <release>")
    return Check("model store", True, f"{store.root}; default release {default.spec}")


def check_environment() -> Check:
    """This machine against the one the default release was measured on (its card's environment)."""
    from autoglm_ui.environment import fingerprint
    from autoglm_ui.errors import AutoGLMUIError
    from autoglm_ui.inference import configure_threads
    from autoglm_ui.releases.measured import environment_note
    from autoglm_ui.releases.store import Store

    configure_threads()  # compare the threads a read uses here with the card's
    here = fingerprint()
    fonts = here["fonts"]
    summary = f"fonts: {fonts.get('count')} ({str(fonts.get('sha256'))[:12]}…), cpu: {here['cpu']['model']}"
    try:
        release = Store().resolve("default")
    except AutoGLMUIError as exc:
        return Check("environment", True, f"{summary}; no default release to compare with ({exc})")
    note = environment_note(release, here)
    return Check("environment", True, f"{summary}; {note}")


@click.command()
def doctor() -> None:
    """Check the browser, package versions, torch device and model store; exit 1 if any is missing."""
    from rich.console import Console
    from rich.table import Table

    steps: list[Callable[[], list[Check] | Check]] = [
        check_packages, check_browser, check_device, check_store, check_environment
    ]
    checks: list[Check] = []
    for step in steps:
        result = step()
        checks.extend(result if isinstance(result, list) else [result])
    table = Table(title="autoglm-ui doctor", show_lines=False)
    table.add_column("check")
    table.add_column("status")
    table.add_column("detail")
    for c in checks:
        table.add_row(c.name, "[green]ok[/]" if c.ok else "[red]missing[/]", c.detail)
    console = Console()
    console.print(table)
    failed = [c for c in checks if not c.ok]
    for c in failed:
        console.print(f"[red]{c.name}[/]: fix: {c.fix}")
    if failed:
        raise SystemExit(1)
