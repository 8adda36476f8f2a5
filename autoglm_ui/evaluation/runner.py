"""Run an evaluation: serve the root, open each labelled page once, collect every answer.

One page load per page (1280x900, a fresh browser context each), every record's selector
resolved to exactly one element, then one ``predict`` call per page and predictor. With
``by_name`` each record's ``target`` string is resolved instead, as a test author's
``widget_state("Save")`` is (its selector only checks that the name found the labelled control).
A record that cannot be read (page missing, selector matching 0 or several elements, a name that
does not resolve) becomes an outcome with an ``error``; it never stops the run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from autoglm_ui.capture import Capture, TargetArg, capture, evaluate_with_tree, forget_handover
from autoglm_ui.environment import fingerprint
from autoglm_ui.errors import CaptureError, DatasetError, TargetError
from autoglm_ui.evaluation.outcomes import EvalResult, Prediction, RecordOutcome
from autoglm_ui.evaluation.predictors import (
    DomPredictor,
    Predictor,
    SharedCapturePredictor,
    StateReader,
    as_predictor,
    shares_capture,
)
from autoglm_ui.evaluation.scoring import summarize
from autoglm_ui.labels import LabelledRecord, load_labels
from autoglm_ui.page_assets import watch_assets
from autoglm_ui.serve import serve_directory
from autoglm_ui.settle import settle

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ElementHandle, Page, Response

log = logging.getLogger(__name__)

VIEWPORT = {"width": 1280, "height": 900}
#: Called after each page: (pages done, pages in all, page path).
OnPage = Callable[[int, int, str], None]
Answerer = Predictor | StateReader | None


@dataclass(frozen=True)
class PageJob:
    """The records of one page, with their positions in the labels file."""

    page: str
    items: tuple[tuple[int, LabelledRecord], ...]


def group_by_page(records: Sequence[LabelledRecord]) -> list[PageJob]:
    """Records grouped by page, pages in order of first appearance."""
    groups: dict[str, list[tuple[int, LabelledRecord]]] = {}
    for i, r in enumerate(records):
        groups.setdefault(r.page, []).append((i, r))
    return [PageJob(page, tuple(items)) for page, items in groups.items()]


def _records(labels: Path | str | Sequence[LabelledRecord]) -> list[LabelledRecord]:
    if isinstance(labels, (str, Path)):
        return load_labels(labels)
    return list(labels)


def evaluate(
    labels: Path | str | Sequence[LabelledRecord],
    root: Path | str,
    recognizer: Answerer = None,
    *,
    browser: Browser | None = None,
    on_page: OnPage | None = None,
    timeout_ms: float = 30_000,
    by_name: bool = False,
) -> EvalResult:
    """Score ``recognizer`` on a labelled-page set, side by side with the DOM-only view.

    ``labels`` is a labels file (design.md, "Labelled pages") or records already loaded;
    ``root`` the folder their ``page`` paths are relative to. ``recognizer`` is a ``Recognizer``,
    any :class:`Predictor`, or ``None`` to score the DOM-only view alone. Pass a running
    ``browser`` to reuse it; otherwise one is launched (``autoglm_ui.browser.launch``) and closed.
    ``by_name``: resolve each record's ``target`` string rather than its selector.
    """
    only = evaluate_many(
        labels, root, [recognizer], browser=browser, on_page=on_page, timeout_ms=timeout_ms, by_name=by_name
    )
    return only[0]


def evaluate_many(
    labels: Path | str | Sequence[LabelledRecord],
    root: Path | str,
    recognizers: Sequence[Answerer],
    *,
    browser: Browser | None = None,
    on_page: OnPage | None = None,
    timeout_ms: float = 30_000,
    by_name: bool = False,
) -> tuple[EvalResult, ...]:
    """:func:`evaluate` for several predictors on the same page loads (e.g. two releases to diff)."""
    records = _records(labels)
    root = Path(root)
    if not root.is_dir():
        raise DatasetError(f"{root}: not a folder; pass the folder the labels' page paths are relative to")
    predictors = [as_predictor(r) for r in recognizers]
    jobs = group_by_page(records)
    found: list[dict[int, RecordOutcome]] = [{} for _ in predictors]
    with serve_directory(root) as base, browser_session(browser) as chromium:
        environment = fingerprint(browser=chromium.browser_type.name, browser_version=chromium.version,
                                  viewport=VIEWPORT, device_scale_factor=1.0)
        for done, job in enumerate(jobs, 1):
            answered = _run_page(chromium, base, root, job, predictors, timeout_ms, by_name)
            for answers, outcomes in zip(answered, found, strict=True):
                outcomes.update(answers)
            if on_page is not None:
                on_page(done, len(jobs), job.page)
    results = []
    for predictor, outcomes in zip(predictors, found, strict=True):
        ordered = tuple(outcomes[i] for i in range(len(records)))
        dom_only = isinstance(predictor, DomPredictor)
        summary = summarize(ordered, predictor.release, by_name=by_name)
        results.append(EvalResult(ordered, summary, dom_only, environment))
    return tuple(results)


@contextmanager
def browser_session(browser: Browser | None) -> Iterator[Browser]:
    """``browser`` itself, or a Chromium launched for the block (``autoglm_ui.browser.launch``)."""
    if browser is not None:
        yield browser
        return
    from playwright.sync_api import sync_playwright

    from autoglm_ui.browser import launch

    with sync_playwright() as pw:
        launched = launch(pw)
        try:
            yield launched
        finally:
            launched.close()


def page_file(root: Path, page: str) -> Path:
    return root / page.split("#", 1)[0].split("?", 1)[0]


def _run_page(
    browser: Browser,
    base: str,
    root: Path,
    job: PageJob,
    predictors: Sequence[Predictor],
    timeout_ms: float,
    by_name: bool = False,
) -> list[dict[int, RecordOutcome]]:
    """Outcomes of one page's records, one mapping (labels index -> outcome) per predictor."""
    from playwright.sync_api import Error as PlaywrightError

    def failed(error: str, items: Sequence[tuple[int, LabelledRecord]]) -> dict[int, RecordOutcome]:
        return {i: RecordOutcome(i, r, None, error) for i, r in items}

    with open_labelled_page(browser, base, root, job.page, timeout_ms) as page:
        if isinstance(page, str):
            return [failed(f"page {job.page} {page}", job.items) for _ in predictors]
        handles: list[ElementHandle] = []
        resolved: list[tuple[int, LabelledRecord]] = []
        errors: dict[int, RecordOutcome] = {}
        for i, record in job.items:
            handle = resolve_selector(page, record.selector)
            if isinstance(handle, str):
                errors[i] = RecordOutcome(i, record, None, handle)
            else:
                handles.append(handle)
                resolved.append((i, record))
        queries: list[TargetArg] = []
        if by_name and resolved:
            try:
                queries, kept = resolve_names(page, resolved, handles)
            except (CaptureError, PlaywrightError) as exc:
                log.warning("%s: could not resolve the targets by name: %s", job.page, exc)
                return [failed(f"could not read the page's controls: {first_line(exc)}", job.items)
                        for _ in predictors]
            for i, record in resolved:
                if isinstance(kept.get(i), str):
                    errors[i] = RecordOutcome(i, record, None, str(kept[i]))
            resolved = [(i, r) for i, r in resolved if not isinstance(kept.get(i), str)]
        shared = _shared_capture(page, handles, predictors, queries if by_name else None)
        out = []
        for predictor in predictors:
            outcomes = dict(errors)
            try:
                if by_name:
                    predictions = _predict_by_name(predictor, page, queries, shared)
                else:
                    predictions = _predict(predictor, page, handles, shared)
            except (CaptureError, TargetError, PlaywrightError) as exc:
                log.warning("%s: could not read the controls: %s", job.page, exc)
                outcomes.update(failed(f"could not read the page's controls: {first_line(exc)}", resolved))
            else:
                for (i, record), prediction in zip(resolved, predictions, strict=True):
                    outcomes[i] = RecordOutcome(i, record, prediction)
            out.append(outcomes)
        return out


@contextmanager
def open_labelled_page(
    browser: Browser, base: str, root: Path, path: str, timeout_ms: float
) -> Iterator[Page | str]:
    """The page at ``path`` loaded at eval's viewport in a fresh context, or why it could not be
    (``"not found under …"``, ``"did not load: …"``, ``"answered HTTP …"``, ``"did not load what it
    links: …"`` for a stylesheet, script or font that failed: :mod:`autoglm_ui.page_assets`; callers
    say which page).
    The context is closed when the block ends."""
    from playwright.sync_api import Error as PlaywrightError

    if not page_file(root, path).is_file():
        yield f"not found under {root}; fix the record's 'page' or pass the right --root"
        return
    context = browser.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
    try:
        context.set_default_timeout(timeout_ms)
        page = context.new_page()
        try:
            with watch_assets(page) as assets:
                response = load_page(page, base, path)
        except PlaywrightError as exc:
            yield f"did not load: {first_line(exc)}"
            return
        if response is not None and not response.ok:
            yield f"answered HTTP {response.status}"
            return
        problem = assets.problem()
        yield page if problem is None else problem
    finally:
        context.close()


def load_page(page: Page, base: str, path: str) -> Response | None:
    """Open ``path`` under ``base``, wait for the load event and let the page settle (``settle``)."""
    response = page.goto(f"{base}/{path.lstrip('/')}", wait_until="load")
    settle(page)
    return response


def resolve_names(
    page: Page, items: Sequence[tuple[int, LabelledRecord]], handles: Sequence[ElementHandle]
) -> tuple[list[TargetArg], dict[int, TargetArg | str]]:
    """Resolve each record's ``target`` string as the Recognizer resolves a name (``capture.js``).

    Returns the queries that resolved to the record's own control (in order) and, per labels
    index, the query or why the name did not find it: no control, several, or another control than
    the one the selector names. The name counts as found when it resolves to the selector's element,
    to a control inside it or to one around it (a custom element's host and the control it wraps).
    """
    names: list[TargetArg] = [{"query": r.target} for _, r in items]
    answer = evaluate_with_tree(page, targets=[*names, *({"handles": [h]} for h in handles)])
    forget_handover(page)
    n = len(items)
    resolutions, controls = answer["resolutions"], answer["controls"]
    kept: dict[int, TargetArg | str] = {}
    queries: list[TargetArg] = []
    for k, (i, record) in enumerate(items):
        by_name, labelled = resolutions[k], resolutions[n + k]
        if not record.target:
            kept[i] = "the record has no target name; add one or drop --by-name"
        elif by_name.get("index") is None:
            count = len(by_name.get("candidates") or [])
            why = f"{count} controls match it" if by_name.get("reason") == "many" else "no control matches it"
            kept[i] = f"target {record.target!r} did not resolve by name: {why}"
        elif by_name["index"] != labelled.get("index") and not _same_place(controls[k], controls[n + k]):
            other = controls[k] or {}
            kept[i] = (f"target {record.target!r} resolved to another control: {other.get('kind')}"
                       f" {other.get('name')!r}")
        else:
            kept[i] = names[k]
            queries.append(names[k])
    return queries, kept


def _same_place(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """Whether one control's box holds the other's centre (a host and the control it wraps)."""
    if not a or not b:
        return False

    def holds(outer: dict[str, float], inner: dict[str, float]) -> bool:
        cx, cy = inner["x"] + inner["width"] / 2, inner["y"] + inner["height"] / 2
        return (outer["x"] <= cx <= outer["x"] + outer["width"]
                and outer["y"] <= cy <= outer["y"] + outer["height"])

    return holds(a["box"], b["box"]) or holds(b["box"], a["box"])


def _shared_capture(
    page: Page,
    handles: Sequence[ElementHandle],
    predictors: Sequence[Predictor],
    queries: Sequence[TargetArg] | None = None,
) -> Capture | None:
    """One capture for every predictor when there are several and all can share it (always by name)."""
    wanted = queries if queries is not None else handles
    several = len(predictors) > 1 or queries is not None
    if not several or not wanted or not all(shares_capture(p) for p in predictors):
        return None
    from playwright.sync_api import Error as PlaywrightError

    try:
        if queries is not None:
            return capture(page, targets=list(queries))
        return capture(page, handles=handles)
    except (CaptureError, PlaywrightError) as exc:  # each predictor then tries on its own
        log.warning("could not capture the page once for every predictor: %s", exc)
        return None


def _predict(
    predictor: Predictor, page: Page, handles: Sequence[ElementHandle], shared: Capture | None
) -> list[Prediction]:
    if shared is not None and isinstance(predictor, SharedCapturePredictor):
        return predictor.predict_capture(shared)
    return predictor.predict(page, handles)


def _predict_by_name(
    predictor: Predictor, page: Page, queries: Sequence[TargetArg], shared: Capture | None
) -> list[Prediction]:
    if not queries:
        return []
    if shared is None or not isinstance(predictor, SharedCapturePredictor):
        raise CaptureError(
            f"{predictor.release} cannot answer by name: it needs a predictor that reads a capture"
            " (predict_capture), or evaluate without --by-name"
        )
    return predictor.predict_capture(shared)


def resolve_selector(page: Page, selector: str) -> ElementHandle | str:
    """The one element ``selector`` matches, or why there is not exactly one."""
    from playwright.sync_api import Error as PlaywrightError

    try:
        found = page.locator(selector).element_handles()  # one round trip, whatever the count
    except PlaywrightError as exc:
        return f"selector {selector!r} is not valid: {first_line(exc)}"
    count = len(found)
    if count == 1:
        return found[0]
    for extra in found:
        extra.dispose()
    if count == 0:
        return f"selector {selector!r} matched no element; fix the record's selector"
    return (
        f"selector {selector!r} matched {count} elements; make it match exactly one"
        " (an id, or >> nth=0)"
    )


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
