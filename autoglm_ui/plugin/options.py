"""Command-line options and ini keys of the plugin (group ``autoglm-ui``), parsed into :class:`Settings`."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast, get_args

import pytest

Device = Literal["auto", "cpu", "cuda"]
ArtifactsMode = Literal["on", "off", "retain-on-failure"]
DisagreementsMode = Literal["ignore", "warn", "fail"]

MODEL_ENV = "AUTOGLM_UI_MODEL"
DEFAULT_TIMEOUT_MS = 5000
DEFAULT_OUTPUT = "autoglm-ui-results"
COMPARE_JSON = "compare.json"

#: option dest -> (metavar, help); each ``--autoglm-X`` is mirrored by the ini key ``autoglm_X``.
_OPTIONS: dict[str, tuple[str, str]] = {
    "autoglm_model": (
        "R",
        "model release for every test: a ref (default, latest, an alias), name, name/version or "
        "version, optionally @sha256:<hex>, or a release folder. Precedence: "
        "@pytest.mark.autoglm_model(R) > --autoglm-model > $AUTOGLM_UI_MODEL > ini autoglm_model "
        "> ref 'default'.",
    ),
    "autoglm_device": ("{auto,cpu,cuda}", "where the model runs; auto: cuda when present. Default: auto."),
    "autoglm_timeout": ("MS", f"default timeout of expect_state(...) in ms. Default: {DEFAULT_TIMEOUT_MS}."),
    "autoglm_artifacts": (
        "{on,off,retain-on-failure}",
        "save per-test artifacts (crop PNGs, an annotated screenshot, state JSON) in "
        "<output>/<test-slug>/: always, never, or only for failed tests. Default: retain-on-failure.",
    ),
    "autoglm_output": (
        "DIR",
        f"folder for artifacts and the compare JSON, relative to the rootdir. Default: {DEFAULT_OUTPUT}. "
        "Only files the plugin made are ever removed.",
    ),
    "autoglm_disagreements": (
        "{ignore,warn,fail}",
        "when a perceived state contradicts the DOM: ignore; warn (list each in the terminal summary); "
        "fail (fail the test that met one). Default: warn.",
    ),
    "autoglm_compare": (
        "B",
        "also read every state with release B, on the same capture, and report each difference "
        "(terminal summary and a JSON file).",
    ),
    "autoglm_compare_json": (
        "PATH",
        f"where --autoglm-compare writes its JSON. Default: <output>/{COMPARE_JSON}.",
    ),
}


def add_options(parser: pytest.Parser) -> None:
    """Register the ``autoglm-ui`` option group and its ini mirrors."""
    group = parser.getgroup("autoglm-ui", "autoglm-ui: perceived widget state")
    for dest, (metavar, text) in _OPTIONS.items():
        flag = "--" + dest.replace("_", "-")
        group.addoption(flag, dest=dest, metavar=metavar, default=None, help=text)
        parser.addini(dest, f"{text} (ini mirror of {flag})", default="")
    group.addoption(
        "--autoglm-compare-fail",
        dest="autoglm_compare_fail",
        action="store_true",
        default=None,
        help="with --autoglm-compare: fail the run (exit status 1) when any state differs.",
    )
    parser.addini(
        "autoglm_compare_fail",
        "ini mirror of --autoglm-compare-fail (true/false)",
        type="bool",
        default=False,
    )


@dataclass(frozen=True)
class Settings:
    """Every plugin setting, resolved: command line over ini over the built-in default."""

    model_option: str | None
    model_env: str | None
    model_ini: str | None
    device: Device
    timeout_ms: int
    artifacts: ArtifactsMode
    output: Path
    disagreements: DisagreementsMode
    compare: str | None
    compare_fail: bool
    compare_json: Path

    @property
    def torch_device(self) -> str | None:
        """The device for ``Recognizer``: None for auto."""
        return None if self.device == "auto" else self.device


def _raw(config: pytest.Config, dest: str) -> tuple[str | None, str]:
    """The value of an option and where it came from (``--autoglm-x`` or ``ini autoglm_x``)."""
    flag = "--" + dest.replace("_", "-")
    value = config.getoption(dest)
    if value is not None:
        return str(value), flag
    ini = config.getini(dest)
    if ini not in ("", None):
        return str(ini).strip(), f"ini {dest}"
    return None, flag


def _choice(config: pytest.Config, dest: str, choices: tuple[str, ...], default: str) -> str:
    value, where = _raw(config, dest)
    if value is None:
        return default
    if value not in choices:
        raise pytest.UsageError(
            f"{where}: {value!r} is not one of {', '.join(choices)}; pass one of those (default: {default})"
        )
    return value


def _timeout(config: pytest.Config) -> int:
    value, where = _raw(config, "autoglm_timeout")
    if value is None:
        return DEFAULT_TIMEOUT_MS
    try:
        ms = int(value)
    except ValueError:
        raise pytest.UsageError(
            f"{where}: {value!r} is not a whole number of milliseconds; write e.g. {DEFAULT_TIMEOUT_MS}"
        ) from None
    if ms <= 0:
        raise pytest.UsageError(f"{where}: {ms} must be a positive number of milliseconds, e.g. 5000")
    return ms


def _release(config: pytest.Config, dest: str) -> str | None:
    value, where = _raw(config, dest)
    if value is None:
        return None
    check_spec(value, where)
    return value


def check_spec(value: str, where: str) -> None:
    """UsageError unless ``value`` is a release folder or a well-formed release spec."""
    from autoglm_ui.errors import ModelFormatError
    from autoglm_ui.releases.spec import parse_spec

    if not value.strip():
        raise pytest.UsageError(f"{where}: empty release; name one, e.g. 'default', or drop the setting")
    if looks_like_path(value):
        return
    try:
        parse_spec(value)
    except ModelFormatError as exc:
        raise pytest.UsageError(f"{where}: {exc}") from None


def _checked(value: str | None, where: str) -> str | None:
    if value is not None:
        check_spec(value, where)
    return value


def looks_like_path(value: str) -> bool:
    """True for values meant as a release folder (absolute, ``./``, ``~``, or an existing folder)."""
    drive = len(value) > 1 and value[1] == ":"
    return value.startswith(("/", ".", "~", "\\")) or drive or os.path.isdir(value)


def _path(config: pytest.Config, value: str) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else config.rootpath / path


def parse_settings(config: pytest.Config) -> Settings:
    """Validate every option and ini key; ``pytest.UsageError`` naming the bad value and the fix."""
    output_raw, _ = _raw(config, "autoglm_output")
    output = _path(config, output_raw or DEFAULT_OUTPUT)
    compare_json_raw, _ = _raw(config, "autoglm_compare_json")
    compare = _release(config, "autoglm_compare")
    compare_fail_opt = config.getoption("autoglm_compare_fail")
    compare_fail = (
        bool(compare_fail_opt)
        if compare_fail_opt is not None
        else bool(config.getini("autoglm_compare_fail"))
    )
    if compare_fail and compare is None:
        raise pytest.UsageError(
            "--autoglm-compare-fail needs --autoglm-compare B (or ini autoglm_compare): "
            "the release to compare with"
        )
    env = os.environ.get(MODEL_ENV) or None
    if env is not None:
        check_spec(env, f"${MODEL_ENV}")
    return Settings(
        model_option=_checked(config.getoption("autoglm_model"), "--autoglm-model"),
        model_env=env,
        model_ini=_checked(str(config.getini("autoglm_model") or "").strip() or None, "ini autoglm_model"),
        device=cast(Device, _choice(config, "autoglm_device", get_args(Device), "auto")),
        timeout_ms=_timeout(config),
        artifacts=cast(
            ArtifactsMode, _choice(config, "autoglm_artifacts", get_args(ArtifactsMode), "retain-on-failure")
        ),
        output=output,
        disagreements=cast(
            DisagreementsMode, _choice(config, "autoglm_disagreements", get_args(DisagreementsMode), "warn")
        ),
        compare=compare,
        compare_fail=compare_fail,
        compare_json=_path(config, compare_json_raw) if compare_json_raw else output / COMPARE_JSON,
    )
