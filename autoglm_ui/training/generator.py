"""Build a training dataset: plan pages, render them in Chromium, capture, verify, label, write.

One browser, one context per device scale factor, one page each reused for every document; one
:func:`~autoglm_ui.capture.capture` per page (the code inference uses) and :meth:`Capture.crop`
for each control. Deterministic for a seed: page ``i`` draws from ``Random(f"{seed}:{i}")``.
"""

from __future__ import annotations

import json
import logging
import os
import random
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from autoglm_ui.dom_view import dom_view, facets_for
from autoglm_ui.errors import DatasetError
from autoglm_ui.training.dataset import DatasetWriter, Sample
from autoglm_ui.training.pages import ALL_SOURCES, EXTRA_SOURCES, PagePlan, plan_page
from autoglm_ui.training.verify import check_visibility
from autoglm_ui.vocab import FACET_NAMES

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

    from autoglm_ui.capture import Capture

log = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[2]
VENDOR = REPO / "fixtures" / "vendor" / "node_modules"
#: Viewport of pages exported as labelled pages (eval renders them at this size; layout depends on it).
LABELS_VIEWPORT = (1280, 900)  # eval opens pages at 1280x900 (issue 4)
SOURCE_WEIGHTS = {
    "own": 9.0,
    "bootstrap": 1.5,
    "bulma": 1.5,
    "pico": 1.5,
    "tailwind": 1.5,
    "daisyui": 1.5,
    "water": 1.0,
    "own-b": 3.0,
}


#: Endless animations (a library's spinner) held at one moment: the same seed gives the same crops
#: and facts. They stay endless animations (the ``loops`` fact reads them; paused is not idle).
FREEZE_LOOPS = """() => {
  for (const a of document.getAnimations()) {
    const t = a.effect && a.effect.getTiming ? a.effect.getTiming() : null;
    if (t && t.iterations === Infinity) { a.pause(); a.currentTime = 300; }
  }
}"""


@dataclass
class BuildReport:
    """What a build produced; printed by the CLI and saved as ``report.json``."""

    pages: int = 0
    samples: int = 0
    seconds: float = 0.0
    dropped: int = 0
    relabelled: int = 0
    values: dict[str, dict[str, int]] = field(default_factory=dict)  # facet -> value -> count
    sources: dict[str, int] = field(default_factory=dict)
    kinds: dict[str, int] = field(default_factory=dict)
    categories: dict[str, int] = field(default_factory=dict)
    cases: dict[str, int] = field(default_factory=dict)
    drop_reasons: dict[str, int] = field(default_factory=dict)
    relabel_reasons: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Labelled:
    """A verified control ready to write: its sample and the facts it came from."""

    sample: Sample
    index: int  # position in the page's capture
    selector: str
    name: str


def choose_source(rng: random.Random, sources: Sequence[str]) -> str:
    return rng.choices(list(sources), [SOURCE_WEIGHTS.get(s, 1.0) for s in sources])[0]


def resolve_sources(sources: Sequence[str] | None, exclude: Sequence[str]) -> tuple[str, ...]:
    chosen = tuple(sources) if sources else ALL_SOURCES
    unknown = [s for s in (*chosen, *exclude) if s not in ALL_SOURCES + EXTRA_SOURCES]
    if unknown:
        raise DatasetError(
            f"unknown source(s) {', '.join(unknown)}; use {', '.join(ALL_SOURCES + EXTRA_SOURCES)}"
        )
    out = tuple(s for s in chosen if s not in exclude)
    if not out:
        raise DatasetError("every source is excluded; keep at least one (e.g. --sources own)")
    return out


@contextmanager
def site(out: Path) -> Iterator[str]:
    """Serve ``out`` (its ``pages/``) together with the vendored CSS, on 127.0.0.1."""
    from autoglm_ui.serve import serve_directory

    if not (VENDOR / "autoglm-ui-build" / "tailwind.css").is_file():
        raise DatasetError(f"compiled CSS missing under {VENDOR}; run `make css` first")
    with tempfile.TemporaryDirectory(prefix="agl-site-") as tmp:
        os.symlink(VENDOR, Path(tmp) / "vendor")
        os.symlink((out / "pages").resolve(), Path(tmp) / "pages")
        with serve_directory(tmp) as url:
            yield url


def link_vendor(out: Path) -> None:
    """Make ``out`` servable on its own (``eval --root OUT``): its pages load ``/vendor/...`` CSS."""
    link = out / "vendor"
    if link.exists() or link.is_symlink():
        return
    target = Path(os.path.relpath(VENDOR, out.resolve())) if REPO in out.resolve().parents else VENDOR
    os.symlink(target, link)
    log.info("linked %s -> %s so `autoglm-ui eval --root %s` finds the CSS", link, target, out)


def label_controls(plan: PagePlan, cap: Capture, page_rel: str, report: BuildReport) -> list[Labelled]:
    """Verify each control of a rendered page and turn it into a labelled sample (or drop it)."""
    out = []
    for i, (want, control) in enumerate(zip(plan.wants, cap.controls, strict=True)):
        raw = control.raw
        if control.kind != want.kind:
            _count(report.drop_reasons, f"kind {want.kind}->{control.kind}")
            report.dropped += 1
            continue
        check = check_visibility(want.values["visibility"], raw)
        if check.verdict == "drop" or check.label is None:
            _count(report.drop_reasons, check.reason)
            report.dropped += 1
            continue
        if check.verdict == "relabel":
            _count(report.relabel_reasons, check.reason)
            report.relabelled += 1
        values = dict(want.values, visibility=check.label)
        applies = facets_for(raw)
        dom = dom_view(raw)
        labels: dict[str, str | None] = dict.fromkeys(FACET_NAMES)
        for facet in applies:
            labels[facet] = values.get(facet) or dom[facet]
        category = "hard" if any(labels[f] != dom[f] for f in applies) else "standard"
        case = want.case
        if check.label != "visible" and want.vis_how:
            case = case or f"{check.label}-{want.vis_how}"
        sid = f"{Path(page_rel).stem}-{want.n:05d}"
        sample = Sample(
            id=sid,
            page=page_rel,
            style=plan.style,
            source=plan.source,
            kind=want.kind,
            category=category,
            labels=labels,
            facts=raw,
            crop=f"crops/{sid}.png",
            crop_box=(0.0, 0.0, 0.0, 0.0),
            case=case,
        )
        out.append(Labelled(sample, i, f'[data-agl="{want.n}"]', control.name))
    return out


def render(page: Page, url: str, plan: PagePlan) -> Capture:
    from autoglm_ui.capture import capture
    from autoglm_ui.page_assets import watch_assets
    from autoglm_ui.settle import settle

    page.set_viewport_size({"width": plan.viewport[0], "height": plan.viewport[1]})
    with watch_assets(page) as assets:
        page.goto(url, wait_until="load")
        settle(page)  # web components upgraded, fonts in: read as eval reads a labelled page
    problem = assets.problem()
    if problem is not None:  # a kit's library not installed: its pages would be drawn unstyled
        raise DatasetError(f"generated page {url} ({plan.style}) {problem}")
    page.evaluate(FREEZE_LOOPS)  # the same seed draws the same pixels, whatever a library's spinner
    handles = []
    for w in plan.wants:
        h = page.query_selector(f'[data-agl="{w.n}"]')
        if h is None:
            raise DatasetError(f"generated control data-agl={w.n} not found in {url}; a kit template lost it")
        handles.append(h)
    return capture(page, handles=handles)


def build_dataset(
    out: Path | str,
    pages: int,
    seed: int,
    sources: Sequence[str] | None = None,
    exclude_sources: Sequence[str] = (),
    progress: bool = True,
    *,
    labels_path: Path | str | None = None,
    write_samples: bool = True,
    controls: tuple[int, int] = (20, 36),
    showcase_every: int = 0,
    browser: Browser | None = None,
) -> BuildReport:
    """Render ``pages`` synthetic pages and write the dataset (and optionally a labelled-page file).

    ``showcase_every=k``: every k-th page (from the first) also places every disagreement case,
    visibility mechanism and facet value its style can draw (coverage for small builds and dev sets).
    ``browser``: a running Chromium to use (inside pytest-playwright, whose sync API owns the loop);
    by default one is launched and closed.
    """
    with ExitStack() as stack:
        if browser is None:
            from playwright.sync_api import sync_playwright

            from autoglm_ui.browser import launch

            pw = stack.enter_context(sync_playwright())
            browser = launch(pw)
            stack.callback(browser.close)
        return _build(out, pages, seed, sources, exclude_sources, progress, labels_path, write_samples,
                      controls, showcase_every, browser)


def _build(
    out: Path | str, pages: int, seed: int, sources: Sequence[str] | None, exclude_sources: Sequence[str],
    progress: bool, labels_path: Path | str | None, write_samples: bool, controls: tuple[int, int],
    showcase_every: int, browser: Browser,
) -> BuildReport:

    out = Path(out)
    chosen = resolve_sources(sources, exclude_sources)
    (out / "pages").mkdir(parents=True, exist_ok=True)
    report = BuildReport()
    writer = (
        DatasetWriter(out, {"seed": seed, "pages": pages, "sources": list(chosen)}) if write_samples else None
    )
    records: list[dict[str, Any]] = []
    start = time.perf_counter()
    with site(out) as base, _progress(progress, pages) as advance:
        tabs = {dsf: _tab(browser, dsf) for dsf in (1, 2)}
        next_id = 1
        for i in range(pages):
            rng = random.Random(f"{seed}:{i}")
            showcase = showcase_every > 0 and i % showcase_every == 0
            plan = plan_page(
                rng, choose_source(rng, chosen), next_id, rng.randrange(*controls), showcase=showcase
            )
            next_id += len(plan.wants)
            if labels_path is not None:  # labelled pages are judged at eval's default viewport
                plan.viewport, plan.dsf = LABELS_VIEWPORT, 1
            rel = f"pages/p{seed}-{i:05d}.html"
            (out / rel).write_text(plan.html, encoding="utf-8")
            cap = render(tabs[plan.dsf], f"{base}/{rel}", plan)
            for item in label_controls(plan, cap, rel, report):
                _tally(report, item.sample)
                if writer is not None:
                    crop = cap.crop(item.index)
                    x0, y0, x1, y1 = (float(v) for v in crop.box)
                    sample = replace(item.sample, crop_box=(x0, y0, x1, y1))
                    writer.add(sample, crop.image)
                records.append(_record(item))
            report.pages += 1
            advance()
        for tab in tabs.values():
            tab.context.close()
    if writer is not None:
        writer.close()
    if labels_path is not None:
        _write_labels(Path(labels_path), records)
        link_vendor(out)
    report.seconds = round(time.perf_counter() - start, 2)
    (out / "report.json").write_text(json.dumps(report.to_json(), indent=2, sort_keys=True) + "\n")
    return report


def _tab(browser: Browser, dsf: int) -> Page:
    ctx = browser.new_context(device_scale_factor=dsf, viewport={"width": 1280, "height": 800})
    return ctx.new_page()


def _record(item: Labelled) -> dict[str, Any]:
    s = item.sample
    expected = {f: v for f, v in s.labels.items() if v is not None}
    rec: dict[str, Any] = {
        "page": s.page,
        "selector": item.selector,
        "target": item.name,
        "kind": s.kind,
        "category": s.category,
        "expected": expected,
    }
    if s.category == "hard":
        rec["note"] = s.case or "pixels and DOM disagree"
    rec.update({"source": s.source, "style": s.style})
    return rec


def _write_labels(path: Path, records: list[dict[str, Any]]) -> None:
    """Write records whose target names are unique on their page (targets must resolve to one control)."""
    names = Counter((r["page"], r["target"]) for r in records)
    keep = [r for r in records if r["target"] and names[(r["page"], r["target"])] == 1]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(keep, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    log.info(
        "wrote %d labelled records to %s (%d with duplicate names left out)",
        len(keep),
        path,
        len(records) - len(keep),
    )


def _tally(report: BuildReport, s: Sample) -> None:
    report.samples += 1
    for facet, value in s.labels.items():
        if value is not None:
            _count(report.values.setdefault(facet, {}), value)
    _count(report.sources, s.source)
    _count(report.kinds, s.kind)
    _count(report.categories, s.category)
    if s.case:
        _count(report.cases, s.case)


def _count(d: dict[str, int], key: str) -> None:
    d[key] = d.get(key, 0) + 1


@contextmanager
def _progress(enabled: bool, total: int) -> Iterator[Any]:
    if not enabled:
        yield lambda: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("rendering pages"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()
    ) as bar:
        task = bar.add_task("pages", total=total)
        yield lambda: bar.advance(task)
