"""Let a freshly loaded page settle before it is read: the same wait for eval and the generator.

A labelled page and a generated one are read in the state a user would see once the page is
still, so both sides of training and evaluation agree on what "loaded" means (web components
upgraded, fonts in, entrance animations done).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Page

#: Waits for the web fonts, for the document to be quiet for 150 ms (a page's own scripts finish:
#: a late attribute, a popover opened on a timer; at most 2 s), then for every animation that ends
#: (a toast sliding in, a menu fading in; endless ones such as spinners are left running) up to
#: 3 s, then two frames: a labelled page is read as it settles, the same way on every run.
SETTLE = """async () => {
  if (document.fonts) await document.fonts.ready;
  await new Promise((resolve) => {
    let timer = setTimeout(done, 150);
    const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, 150); });
    const cap = setTimeout(done, 2000);
    function done() { observer.disconnect(); clearTimeout(timer); clearTimeout(cap); resolve(); }
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const ending = document.getAnimations().filter((a) => {
    const t = a.effect && a.effect.getTiming ? a.effect.getTiming() : null;
    return t && t.iterations !== Infinity && a.playState === "running";
  });
  await Promise.race([
    Promise.all(ending.map((a) => a.finished.catch(() => null))),
    new Promise((resolve) => setTimeout(resolve, 3000)),
  ]);
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return ending.length;
}"""


def settle(page: Page) -> int:
    """Run :data:`SETTLE` in ``page``; the number of finishing animations it waited for."""
    return int(page.evaluate(SETTLE))
