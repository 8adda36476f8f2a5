"""Which release a test uses: marker > ``--autoglm-model`` > ``$AUTOGLM_UI_MODEL`` > ini > ``default``."""

from __future__ import annotations

from collections.abc import Mapping

ENV_MODEL = "AUTOGLM_UI_MODEL"
INI_KEY = "autoglm_model"
OPTION = "--autoglm-model"


def select_spec(
    marker: str | None, option: str | None, env: Mapping[str, str], ini: str | None
) -> tuple[str, str]:
    """Return ``(spec, where it came from)``, strongest source first; blank values count as unset."""
    candidates = (
        (marker, "marker @pytest.mark.autoglm_model"),
        (option, OPTION),
        (env.get(ENV_MODEL), f"${ENV_MODEL}"),
        (ini, f"ini {INI_KEY}"),
    )
    for value, where in candidates:
        if value is not None and value.strip():
            return value.strip(), where
    return "default", "ref default"
