"""The plugin's fixtures, a ladder each overridable in a ``conftest.py``:

``autoglm_settings``, ``autoglm_release_spec`` → ``autoglm_recognizer`` → ``widget_state`` /
``expect_state``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from autoglm_ui.plugin.run import worker_run

if TYPE_CHECKING:
    from autoglm_ui.plugin.options import Settings
    from autoglm_ui.plugin.reader import ExpectState, ReadState
    from autoglm_ui.plugin.selection import Choice
    from autoglm_ui.recognizer import Recognizer

# Everything past the settings loads when a test first asks: every pytest run imports this module.


@pytest.fixture(scope="session")
def autoglm_settings(pytestconfig: pytest.Config) -> Settings:
    """Every ``--autoglm-*`` option (or its ini key), validated: device, timeout, artifacts, output..."""
    return worker_run(pytestconfig).settings


@pytest.fixture(scope="session")
def autoglm_release_spec(autoglm_settings: Settings) -> Choice:
    """The run's release spec and where it was selected: ``--autoglm-model`` > ``$AUTOGLM_UI_MODEL``
    > ini ``autoglm_model`` > ref ``default`` (a test's ``@pytest.mark.autoglm_model`` wins over it)."""
    from autoglm_ui.plugin.selection import session_choice

    return session_choice(autoglm_settings)


@pytest.fixture(scope="session")
def autoglm_recognizer(pytestconfig: pytest.Config, autoglm_release_spec: Choice) -> Recognizer:
    """The :class:`~autoglm_ui.Recognizer` of the run's release, loaded once per worker on first use."""
    from autoglm_ui.plugin.reader import reraise_short

    try:
        return worker_run(pytestconfig).pool.get(autoglm_release_spec.spec)
    except Exception as exc:
        reraise_short(exc)


@pytest.fixture
def widget_state(request: pytest.FixtureRequest) -> ReadState:
    """Read a control's perceived state: ``widget_state("Create account")``,
    ``widget_state(page.locator("#terms"))``, ``widget_state("Save", page=other_page)``.

    Uses the test's ``page`` unless ``page=`` is given; returns a :class:`~autoglm_ui.WidgetState`.
    """
    from autoglm_ui.plugin.reader import ReadState

    return ReadState(request)


@pytest.fixture
def expect_state(widget_state: ReadState) -> ExpectState:
    """Auto-retrying assertion: ``expect_state("Create account").to_be("enabled", timeout=5_000)``,
    ``.not_to_be("busy")``; polls until it holds or the timeout (``--autoglm-timeout``) passes."""
    from autoglm_ui.plugin.reader import ExpectState

    return ExpectState(widget_state)
