"""Elements passed between ``capture.js`` and Python through the DevTools protocol.

An evaluate cannot return element references, so ``capture.js`` leaves the elements it wants
Python to look at under a ``Symbol.for(name)`` property of the page's window, and Python leaves
elements for the next evaluate the same way. :func:`take` removes such an array and gives the
remote object id of each element by position (:func:`items` reads any remote array so);
:func:`give` leaves elements under a name; :func:`forget` deletes names. Object ids belong to an
object group the caller releases.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import CDPSession

_GIVE = ("function(name, ...els) { Object.defineProperty(window, Symbol.for(name), {value: els,"
         " configurable: true, writable: true}); }")


def take(session: CDPSession, name: str, group: str) -> dict[int, str]:
    """Remove the array left under ``name``; the object id of each element in it, by position."""
    expression = (f"(() => {{ const k = Symbol.for({name!r}); const v = window[k]; delete window[k];"
                  " return v || []; })()")
    taken = session.send("Runtime.evaluate", {"expression": expression, "objectGroup": group})
    array = (taken.get("result") or {}).get("objectId")
    if not array:
        return {}
    return items(session, array)


def items(session: CDPSession, array: str, *, nodes_only: bool = True) -> dict[int, str]:
    """The object id of each item of the remote array ``array``, by position (``nodes_only``: the
    elements alone, not the window or other objects)."""
    listing = session.send("Runtime.getProperties", {"objectId": array, "ownProperties": True})
    out = {}
    for prop in listing.get("result") or []:
        value = prop.get("value") or {}
        if prop.get("name", "").isdigit() and value.get("objectId") and (
                not nodes_only or value.get("subtype") == "node"):
            out[int(prop["name"])] = value["objectId"]
    return out


def give(session: CDPSession, name: str, object_ids: Sequence[str]) -> None:
    """Leave the elements (remote object ids) under ``name``, in order, for the next evaluate."""
    if object_ids:
        session.send("Runtime.callFunctionOn", {
            "functionDeclaration": _GIVE, "objectId": object_ids[0],
            "arguments": [{"value": name}, *({"objectId": o} for o in object_ids)],
        })


def forget(session: CDPSession, *names: str) -> None:
    """Delete what was left under ``names``."""
    session.send("Runtime.evaluate", {
        "expression": "; ".join(f"delete window[Symbol.for({n!r})]" for n in names)})


__all__ = ["forget", "give", "items", "take"]
