"""Release selection in a test run: precedence, checks before any test, and staying out of the way."""

from __future__ import annotations

from pathlib import Path

import pytest

from autoglm_ui.releases.store import Store
from tests.plugin.helpers import run_inline, stand_in_release, stand_in_store

SHOW = """
import pytest

def test_plain(autoglm_release_spec, widget_state):
    print("SESSION", autoglm_release_spec.spec, "|", autoglm_release_spec.source)
    print("PLAIN", widget_state.release.spec, "|", widget_state.release.source)

@pytest.mark.autoglm_model("marked")
def test_marked(widget_state):
    print("MARKED", widget_state.release.spec, "|", widget_state.release.source)
"""


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    root = tmp_path / "store"
    monkeypatch.setenv("AUTOGLM_UI_HOME", str(root))
    monkeypatch.delenv("AUTOGLM_UI_MODEL", raising=False)
    return stand_in_store(root, ["marked", "option", "env", "ini", "fallback"], default="fallback")


@pytest.mark.parametrize(
    ("option", "env", "ini", "expected"),
    [
        (None, None, None, "fallback/1.0 | ref default"),
        (None, None, "ini", "ini | ini autoglm_model"),
        (None, "env", "ini", "env | $AUTOGLM_UI_MODEL"),
        ("option", "env", "ini", "option | --autoglm-model"),
    ],
)
def test_marker_beats_option_beats_env_beats_ini_beats_default(
    pytester: pytest.Pytester,
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    option: str | None,
    env: str | None,
    ini: str | None,
    expected: str,
) -> None:
    if ini:
        pytester.makeini(f"[pytest]\nautoglm_model = {ini}\n")
    if env:
        monkeypatch.setenv("AUTOGLM_UI_MODEL", env)
    pytester.makepyfile(SHOW)
    args = ["-s"] + ([f"--autoglm-model={option}"] if option else [])
    result = run_inline(pytester, *args)
    result.assert_outcomes(passed=2)
    shown = expected.replace("fallback/1.0", "default")
    result.stdout.fnmatch_lines([f"*SESSION {shown}", f"*PLAIN {shown}", "*MARKED marked | marker*"])


def test_missing_pinned_release_fails_before_any_test(pytester: pytest.Pytester, store: Store) -> None:
    pytester.makeini("[pytest]\nautoglm_model = nosuch/2.0\n")
    pytester.makepyfile(
        """
        def test_plain():
            pass

        def test_reads(widget_state):
            raise AssertionError("must not run")
        """
    )
    result = run_inline(pytester)
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(
        [
            "*ERROR collecting autoglm-ui*",
            "autoglm-ui: release 'nosuch/2.0' (selected by ini autoglm_model) cannot be used:",
            "*no installed release matches 'nosuch/2.0'; installed: *fallback/1.0 (default)*"
            "install one with: autoglm-ui models install*",
        ]
    )


def test_corrupt_release_fails_before_any_test_with_the_repair_command(
    pytester: pytest.Pytester, store: Store
) -> None:
    release = store.resolve("option")
    weights = release.path / "model.safetensors"
    blob = weights.resolve()
    data = bytearray(blob.read_bytes())
    data[0] ^= 0xFF
    blob.chmod(0o644)
    blob.write_bytes(bytes(data))
    expected = release.files["model.safetensors"]["sha256"]
    pytester.makepyfile("def test_reads(widget_state):\n    raise AssertionError('must not run')\n")
    result = run_inline(pytester, "--autoglm-model=option")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(
        [
            "autoglm-ui: release 'option' (selected by --autoglm-model) cannot be used:",
            f"*model.safetensors: expected {expected} (sha256), got *. "
            "Repair with: autoglm-ui models install*",
        ]
    )


def test_corrupt_release_folder_and_wrong_digest(
    pytester: pytest.Pytester, store: Store, tmp_path: Path
) -> None:
    folder = stand_in_release(tmp_path / "loose", "loose")
    (folder / "config.json").write_text("{}", encoding="utf-8")
    pytester.makepyfile(
        test_marked=f"""
        import pytest

        @pytest.mark.autoglm_model({str(folder)!r})
        def test_reads(widget_state):
            raise AssertionError("must not run")
        """,
        test_plain="def test_reads(widget_state):\n    raise AssertionError('must not run')\n",
    )
    result = run_inline(pytester, "test_marked.py")
    result.stdout.fnmatch_lines([f"*{folder}/config.json: expected * (sha256), got *", "*restore it*"])
    assert result.ret == pytest.ExitCode.INTERRUPTED

    result = run_inline(pytester, "test_plain.py", "--autoglm-model=option@sha256:000000000000")
    result.stdout.fnmatch_lines(["*does not have the required digest sha256:000000000000*"])
    assert result.ret == pytest.ExitCode.INTERRUPTED


def test_malformed_marker_is_reported_before_any_test(pytester: pytest.Pytester, store: Store) -> None:
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.autoglm_model("a", "b")
        def test_reads(widget_state):
            raise AssertionError("must not run")
        """
    )
    result = run_inline(pytester)
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(
        ['*write the marker as @pytest.mark.autoglm_model("R") with one release spec*']
    )


def test_unrelated_suite_never_touches_the_store_nor_imports_torch(
    pytester: pytest.Pytester, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "untouched"
    monkeypatch.setenv("AUTOGLM_UI_HOME", str(home))
    pytester.makepyfile(
        """
        import sys

        def test_plain():
            heavy = {"torch", "transformers", "autoglm_ui.recognizer", "autoglm_ui.capture", "PIL"}
            assert not heavy & set(sys.modules), heavy & set(sys.modules)
        """
    )
    result = pytester.runpytest_subprocess("--autoglm-model=nosuch")
    result.assert_outcomes(passed=1)
    result.stdout.no_fnmatch_line("*= autoglm-ui =*")  # no summary section either
    assert not home.exists()


def test_disabling_the_plugin_leaves_pytest_untouched(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        import sys

        def test_plain():
            assert "autoglm_ui" not in sys.modules

        def test_reads(widget_state):
            pass
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:autoglm_ui", "-p", "no:playwright")
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["*fixture 'widget_state' not found*"])
    help_text = pytester.runpytest_subprocess("-p", "no:autoglm_ui", "--help").stdout.str()
    assert "autoglm" not in help_text
