"""Every library kit the generator may draw with, by source name (the ``--sources`` values).

Each kit module exports ``KITS`` (source -> kit class); this index joins them so the page
composer imports one name. The libraries are the ones DEVELOPERS.md allows for training, pinned in
``fixtures/vendor/package.json``; web-component libraries are bundled by ``fixtures/vendor/build-wc.js``.
"""

from __future__ import annotations

from autoglm_ui.training import (
    kits_lib,
    kits_lib_enterprise,
    kits_lib_grids,
    kits_lib_material,
    kits_lib_minimal,
    kits_lib_themes,
    kits_wc_carbon_lion,
    kits_wc_material,
    kits_wc_nord_duet,
)
from autoglm_ui.training.kits_lib_base import KitClass

LIBRARIES: dict[str, KitClass] = {
    **kits_lib.KITS,
    **kits_lib_minimal.KITS,
    **kits_lib_grids.KITS,
    **kits_lib_themes.KITS,
    **kits_lib_material.KITS,
    **kits_lib_enterprise.KITS,
    **kits_wc_material.KITS,
    **kits_wc_carbon_lion.KITS,
    **kits_wc_nord_duet.KITS,
}

#: The sources drawn with a web-component library (custom elements with shadow roots).
WEB_COMPONENT_SOURCES: frozenset[str] = frozenset(
    {*kits_wc_material.KITS, *kits_wc_carbon_lion.KITS, *kits_wc_nord_duet.KITS}
)


def library_of(source: str) -> str:
    """The first line of a kit's docstring: the library it draws with and its pinned version."""
    doc = (LIBRARIES[source].__doc__ or "").strip().replace("``", "")
    first = doc.splitlines()[0].rstrip(".,:") if doc else source
    return first if len(first) <= 80 else first[:79].rstrip() + "…"
