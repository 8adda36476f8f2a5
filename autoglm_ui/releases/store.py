"""The release store: install, resolve specs, refs, verify and remove (layout in ``layout.py``)."""

from __future__ import annotations

import builtins
import logging
from collections.abc import Iterable, Mapping
from pathlib import Path

from autoglm_ui.errors import IntegrityError, ModelFormatError, ModelNotFoundError, StoreError
from autoglm_ui.releases.bundled import bundled_releases
from autoglm_ui.releases.catalog import (
    DEFAULT,
    LATEST,
    installed,
    newest,
    read_refs,
    scan,
    version_key,
    write_ref,
)
from autoglm_ui.releases.hashing import Progress
from autoglm_ui.releases.install import InstallReport, install_release, last_origin
from autoglm_ui.releases.layout import StoreLayout, default_root, writing
from autoglm_ui.releases.manifest import Release, check_name, load_release, manifest_digest, read_manifest
from autoglm_ui.releases.removal import RemovalPlan, execute_removal, plan_removal
from autoglm_ui.releases.spec import Spec, parse_spec
from autoglm_ui.releases.verify import VerifyReport, verify_release

log = logging.getLogger(__name__)

__all__ = [
    "INSTALL_HINT",
    "InstallReport",
    "Release",
    "RemovalPlan",
    "Store",
    "VerifyReport",
    "resolve_and_verify",
]

INSTALL_HINT = "autoglm-ui models install <release folder | .tar.gz | .zip | URL>"


class Store:
    """A model-release store rooted at ``root`` (default: :func:`default_root`)."""

    def __init__(self, root: Path | str | None = None) -> None:
        self.root = Path(root).expanduser() if root is not None else default_root()
        self.layout = StoreLayout(self.root)

    def __repr__(self) -> str:
        return f"Store({str(self.root)!r})"

    # -- installing -------------------------------------------------------------------------------

    def install_report(
        self,
        source: str | Path,
        *,
        expected_digest: str | None = None,
        force: bool = False,
        progress: Progress | None = None,
    ) -> InstallReport:
        """Install ``source`` and say whether this call did the work (see :func:`install_release`)."""
        return install_release(
            self.layout, source, expected_digest=expected_digest, force=force, progress=progress
        )

    def install(
        self,
        source: str | Path,
        *,
        expected_digest: str | None = None,
        force: bool = False,
        progress: Progress | None = None,
    ) -> Release:
        """Install a release folder, ``.tar.gz``/``.zip`` archive or URL (``...@sha256:<digest>`` ok)."""
        report = self.install_report(source, expected_digest=expected_digest, force=force, progress=progress)
        return report.release

    def ensure_bundled(self, sources: Iterable[Path] | None = None) -> builtins.list[Release]:
        """Install every bundled release not yet installed; point ``default`` at one if unset.

        Safe to call from many processes at once (``pytest -n 4``): each release installs once.
        """
        releases: builtins.list[Release] = []
        for folder in bundled_releases() if sources is None else sources:
            manifest = read_manifest(folder)
            existing = self.get(manifest["name"], manifest["version"])
            if existing is not None and existing.digest == manifest_digest(manifest):
                releases.append(existing)
            else:
                releases.append(self.install(folder))
        if releases and DEFAULT not in self.refs():
            with writing(self.root), self.layout.lock("refs"):
                if DEFAULT not in self.refs():
                    write_ref(self.layout, DEFAULT, newest(releases).spec)
        return releases

    # -- reading ----------------------------------------------------------------------------------

    def list(self) -> builtins.list[Release]:
        """Installed releases, by name then version."""
        return installed(self.layout)

    def refs(self) -> dict[str, str]:
        """Ref name -> ``name/version``."""
        return read_refs(self.layout)

    def get(self, name: str, version: str) -> Release | None:
        """The installed release ``name/version``, or None."""
        folder = self.layout.release_dir(name, version)
        if not folder.is_dir():
            return None
        try:
            return load_release(folder)
        except ModelFormatError as exc:
            raise ModelFormatError(self._damaged_line(folder, exc)) from None

    def _damaged_line(self, folder: Path, exc: ModelFormatError) -> str:
        origin = last_origin(self.layout, f"{folder.parent.name}/{folder.name}")
        fix = f"autoglm-ui models install --force {origin}" if origin else f"delete {folder}"
        return f"{str(exc).split('; ', 1)[0]}. Repair with: {fix}"

    def resolve(self, spec: str) -> Release:
        """Resolve a spec (ref, name, name/version or version, each with an optional ``@sha256:``)."""
        parsed = parse_spec(spec)
        candidates = self._candidates(parsed)
        matching = [r for r in candidates if parsed.accepts(r.digest)]
        if not matching:
            found = ", ".join(f"{r.spec}@sha256:{r.digest[:12]}" for r in candidates)
            raise IntegrityError(
                f"{spec}: the installed {found} does not have the required digest sha256:{parsed.digest}; "
                f"install the release with that digest ({INSTALL_HINT}) or re-pin: "
                f"autoglm-ui models pin {candidates[0].spec}"
            )
        if len(matching) > 1:
            if all(r.name == matching[0].name for r in matching):
                return newest(matching)
            names = ", ".join(r.spec for r in matching)
            raise ModelNotFoundError(f"{spec} is ambiguous ({names}); write it as name/version")
        return matching[0]

    def _candidates(self, parsed: Spec) -> builtins.list[Release]:
        if parsed.name_version is not None:
            release = self.get(*parsed.name_version)
            if release is None:
                raise self._not_found(parsed.text)
            return [release]
        refs = self.refs()
        if parsed.base in refs:
            target = refs[parsed.base]
            name, _, version = target.partition("/")
            release = self.get(name, version) if version else None
            if release is None:
                raise self._not_found(
                    parsed.text,
                    f"{parsed.text}: ref {parsed.base!r} points at {target}, which is not installed "
                    f"(re-point it: autoglm-ui models alias {parsed.base} <release>)",
                )
            return [release]
        releases = self.list()
        by_name = [r for r in releases if r.name == parsed.base]
        if by_name:
            return sorted(by_name, key=lambda r: (version_key(r.version), r.created), reverse=True)
        by_version = [r for r in releases if r.version == parsed.base]
        if by_version:
            return by_version
        raise self._not_found(parsed.text)

    def _not_found(self, spec: str, reason: str | None = None) -> ModelNotFoundError:
        refs: dict[str, builtins.list[str]] = {}
        for ref, target in self.refs().items():
            refs.setdefault(target, []).append(ref)
        shown = [r.spec + (f" ({', '.join(refs[r.spec])})" if r.spec in refs else "") for r in self.list()]
        listing = ", ".join(shown) if shown else "none"
        lead = reason or f"no installed release matches {spec!r}"
        return ModelNotFoundError(f"{lead}; installed: {listing}; install one with: {INSTALL_HINT}")

    # -- refs -------------------------------------------------------------------------------------

    def alias(self, ref: str, spec: str) -> Release:
        """Point the ref ``ref`` at the release ``spec`` resolves to; return that release."""
        check_name(ref, "ref name")
        if ref == LATEST:
            raise StoreError("the ref 'latest' follows the newest install; choose another alias name")
        release = self.resolve_or_install_bundled(spec)
        with writing(self.root), self.layout.lock("refs"):
            write_ref(self.layout, ref, release.spec)
        return release

    # -- integrity --------------------------------------------------------------------------------

    def verify(self, spec: str) -> VerifyReport:
        """Hash every file of the release ``spec`` names."""
        return verify_release(self.resolve(spec))

    def damaged(self) -> builtins.list[str]:
        """One line per release folder whose release.json cannot be read, naming the repair."""
        return [self._damaged_line(folder, exc) for folder, exc in scan(self.layout)[1]]

    def verify_all(self) -> builtins.list[VerifyReport]:
        """Hash every file of every installed release."""
        return [verify_release(release) for release in self.list()]

    def repair_command(self, release: Release) -> str:
        """The command that reinstalls ``release`` from where it came from."""
        origin = last_origin(self.layout, release.spec)
        if origin is None:
            for folder in bundled_releases():
                if folder.name == f"{release.name}-{release.version}":
                    origin = str(folder)
        return f"autoglm-ui models install --force {origin or f'<folder, archive or URL of {release.spec}>'}"

    def resolve_or_install_bundled(self, spec: str) -> Release:
        """``resolve(spec)``; when nothing installed matches, install the bundled releases and retry.

        A store made before a release was bundled (or a fresh one) then finds it by name.
        """
        try:
            return self.resolve(spec)
        except ModelNotFoundError:
            if not self._bundled_could_answer(spec):
                raise
            log.info("%s is not installed; installing the bundled releases", spec)
            self.ensure_bundled()
            return self.resolve(spec)

    def _bundled_could_answer(self, spec: str) -> bool:
        """Whether installing the bundled releases could make ``spec`` resolve: it names one of
        them (name, version or name/version), or it is the ``default`` or ``latest`` ref."""
        base = parse_spec(spec).base
        if base in (DEFAULT, LATEST):
            return bool(bundled_releases())
        for missing in self.bundled_not_installed():
            name, version = missing.split("/", 1)
            if base in (name, version, missing):
                return True
        return False

    def bundled_not_installed(self) -> builtins.list[str]:
        """``name/version`` of the bundled releases this store has not installed yet."""
        missing = []
        for folder in bundled_releases():
            manifest = read_manifest(folder)
            if self.get(manifest["name"], manifest["version"]) is None:
                missing.append(f"{manifest['name']}/{manifest['version']}")
        return missing

    def resolve_and_verify(self, spec: str) -> Release:
        """Resolve ``spec`` (installing bundled releases if it is missing) and check every file's hash.

        Raises IntegrityError ``path: expected X (sha256), got Y. Repair with: ...`` on a mismatch.
        """
        release = self.resolve_or_install_bundled(spec)
        report = verify_release(release)
        if not report.ok:
            more = f" (and {len(report.problems) - 1} more)" if len(report.problems) > 1 else ""
            raise IntegrityError(f"{report.problems[0]}{more}. Repair with: {self.repair_command(release)}")
        return release

    # -- removal ----------------------------------------------------------------------------------

    def remove(
        self,
        spec: str,
        *,
        dry_run: bool = True,
        force: bool = False,
        pinned: Mapping[str, str] | None = None,
    ) -> RemovalPlan:
        """Plan (and unless ``dry_run``, carry out) removing a release.

        ``pinned`` maps a place (e.g. a pytest.ini path) to the spec pinned there; a release pinned
        anywhere, or named by a ref other than ``latest``, is refused unless ``force``.
        """
        release = self.resolve(spec)
        pinned_in = []
        for where, pin in (pinned or {}).items():
            try:
                pinned_release = self.resolve(pin)
            except (ModelNotFoundError, IntegrityError) as exc:
                log.info("pin %s in %s does not name an installed release (%s)", pin, where, exc)
                continue
            if pinned_release.spec == release.spec:
                pinned_in.append(where)
        plan = plan_removal(self.layout, release, tuple(pinned_in))
        if dry_run:
            return plan
        if plan.blocked and not force:
            raise StoreError(
                f"refusing to remove {release.spec}: {'; '.join(plan.blockers)}; "
                "pass --force to remove it anyway"
            )
        return execute_removal(self.layout, plan)


def resolve_and_verify(spec: str, root: Path | None = None) -> Release:
    """``Store(root).resolve_and_verify(spec)``: the check to run before any test uses a release."""
    return Store(root).resolve_and_verify(spec)
