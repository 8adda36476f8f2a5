"""Options and ini mirrors of the plugin: help text, values, precedence of the command line, UsageErrors."""

from __future__ import annotations

import pytest

from tests.plugin.helpers import run_inline

OPTIONS = [
    "--autoglm-model",
    "--autoglm-device",
    "--autoglm-timeout",
    "--autoglm-artifacts",
    "--autoglm-output",
    "--autoglm-disagreements",
    "--autoglm-compare",
    "--autoglm-compare-fail",
    "--autoglm-compare-json",
]

SHOW_SETTINGS = """
def test_settings(autoglm_settings, pytestconfig):
    s = autoglm_settings
    root = pytestconfig.rootpath
    print("SETTINGS", s.device, s.timeout_ms, s.artifacts, s.output.relative_to(root),
          s.disagreements, s.compare, s.compare_fail, s.compare_json.relative_to(root))
"""


def test_help_lists_every_option_in_one_group_with_ini_mirrors(pytester: pytest.Pytester) -> None:
    result = run_inline(pytester, "--help")
    assert result.ret == 0
    text = result.stdout.str()
    group = text[text.index("autoglm-ui: perceived widget state:") :]
    group = group[: group.index("\n\n")]
    for option in OPTIONS:
        assert option in group, option
    for key in [o[2:].replace("-", "_") for o in OPTIONS]:
        assert f"  {key} (" in text, f"ini key {key} missing from --help"
    assert "precedence" in text.lower() and "retain-on-failure" in group
    assert "autoglm_model(R)" in run_inline(pytester, "--markers").stdout.str()


def test_defaults(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(SHOW_SETTINGS)
    result = run_inline(pytester, "-s")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(
        [
            "*SETTINGS auto 5000 retain-on-failure autoglm-ui-results warn None False "
            "autoglm-ui-results/compare.json"
        ]
    )


def test_every_ini_key_mirrors_its_option(pytester: pytest.Pytester) -> None:
    pytester.makeini(
        """
        [pytest]
        autoglm_device = cpu
        autoglm_timeout = 1234
        autoglm_artifacts = on
        autoglm_output = out/dir
        autoglm_disagreements = fail
        autoglm_compare = other/1.0
        autoglm_compare_fail = true
        autoglm_compare_json = diff.json
        """
    )
    pytester.makepyfile(SHOW_SETTINGS)
    result = run_inline(pytester, "-s")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*SETTINGS cpu 1234 on out/dir fail other/1.0 True diff.json"])


def test_the_command_line_wins_over_ini(pytester: pytest.Pytester) -> None:
    pytester.makeini(
        """
        [pytest]
        autoglm_device = cpu
        autoglm_timeout = 1234
        autoglm_artifacts = on
        autoglm_disagreements = fail
        """
    )
    pytester.makepyfile(SHOW_SETTINGS)
    result = run_inline(
        pytester,
        "-s",
        "--autoglm-device=auto",
        "--autoglm-timeout=250",
        "--autoglm-artifacts=off",
        "--autoglm-output=elsewhere",
        "--autoglm-disagreements=ignore",
        "--autoglm-compare=tiny",
        "--autoglm-compare-fail",
        "--autoglm-compare-json=c.json",
    )
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*SETTINGS auto 250 off elsewhere ignore tiny True c.json"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--autoglm-device=gpu"], "--autoglm-device: 'gpu' is not one of auto, cpu, cuda*"),
        (
            ["--autoglm-artifacts=always"],
            "--autoglm-artifacts: 'always' is not one of on, off, *",
        ),
        (
            ["--autoglm-disagreements=loud"],
            "--autoglm-disagreements: 'loud' is not one of ignore, *",
        ),
        (["--autoglm-timeout=soon"], "--autoglm-timeout: 'soon' is not a whole number of milliseconds*"),
        (["--autoglm-timeout=0"], "--autoglm-timeout: 0 must be a positive number of milliseconds*"),
        (["--autoglm-model=bad spec!"], "--autoglm-model: bad release spec 'bad spec!'*"),
        (["--autoglm-model=x@sha256:zz"], "--autoglm-model: bad digest in 'x@sha256:zz'*"),
        (["--autoglm-compare-fail"], "--autoglm-compare-fail needs --autoglm-compare B*"),
    ],
)
def test_bad_values_are_usage_errors(pytester: pytest.Pytester, args: list[str], message: str) -> None:
    pytester.makepyfile("def test_never(): pass")
    result = run_inline(pytester, *args)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([f"ERROR: {message}"])
    result.stdout.no_fnmatch_line("*test_never*PASSED*")


@pytest.mark.parametrize(
    ("ini", "message"),
    [
        ("autoglm_device = tpu", "ini autoglm_device: 'tpu' is not one of auto, cpu, cuda*"),
        ("autoglm_timeout = -5", "ini autoglm_timeout: -5 must be a positive number*"),
        ("autoglm_artifacts = maybe", "ini autoglm_artifacts: 'maybe' is not one of*"),
        ("autoglm_model = a/b/c", "ini autoglm_model: bad release spec 'a/b/c'*"),
    ],
)
def test_bad_ini_values_are_usage_errors(pytester: pytest.Pytester, ini: str, message: str) -> None:
    pytester.makeini(f"[pytest]\n{ini}\n")
    pytester.makepyfile("def test_never(): pass")
    result = run_inline(pytester)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([f"ERROR: {message}"])


def test_bad_env_release_is_a_usage_error(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUTOGLM_UI_MODEL", "no good")
    pytester.makepyfile("def test_never(): pass")
    result = run_inline(pytester)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: $AUTOGLM_UI_MODEL: bad release spec 'no good'*"])


def test_help_still_works_with_a_bad_ini_value(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nautoglm_device = tpu\n")
    assert run_inline(pytester, "--help").ret == 0
