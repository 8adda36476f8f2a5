// autoglm-ui capture, relations: facts of a control that live in other elements (its popup or
// panel, its sibling tabs, the box drawn inside a check row). Not a script of its own: capture.js
// includes it inside its closure (see capture_script() in capture.py), so it shares its helpers.

  // The popup or panel an expandable control opens, and whether a user sees it: the element its
  // aria-controls/aria-owns names, a <details> body, a floating sibling (menu, listbox, dialog) or
  // the element after its heading (an accordion panel). "Expanded" is what a user sees open.
  const POPUP_ROLES = new Set(["menu", "listbox", "dialog", "tree", "grid", "region", "tooltip"]);
  function shownBox(n) {
    if (!n || !displayedAtAll(n)) return false;
    const r = n.getBoundingClientRect();
    if (r.height < 4 || r.width < 4 || paintHidden(n, { width: r.width, height: r.height })) return false;
    // a drawer translated off the page's edge until it opens is nowhere a user can scroll to
    if (documentPlacement(r, n).inDocument === 0) return false;
    return !collapsedWrapper(n);
  }
  // A wrapper that clips what it holds to (nearly) nothing: how most accordions collapse a panel
  // (height 0, overflow hidden), often around the slot a web component shows the panel through, so
  // the rendered (flat) tree is walked.
  function collapsedWrapper(n) {
    let depth = 0;
    for (let p = n.assignedSlot || parentOf(n); p && depth < 12; p = p.assignedSlot || parentOf(p), depth++) {
      if (p === document.body || p === document.documentElement) break;
      const cs = getComputedStyle(p);
      const clipsY = cs.overflowY !== "visible", clipsX = cs.overflowX !== "visible";
      if (!clipsY && !clipsX) continue;
      const pr = p.getBoundingClientRect();
      if ((clipsY && pr.height < 4) || (clipsX && pr.width < 4)) return true;
    }
    return false;
  }
  function popupOf(el, kind) {
    const tag = el.tagName.toLowerCase();
    if (!el.hasAttribute("aria-expanded") && !el.hasAttribute("aria-haspopup") && tag !== "summary"
        && !["accordion", "select"].includes(kind)) return null;
    const ids = ((el.getAttribute("aria-controls") || "") + " " + (el.getAttribute("aria-owns") || ""))
      .split(/\s+/).filter(Boolean);
    if (ids.length) {
      const found = ids.map((id) => byId(el, id)).filter(Boolean);
      if (!found.length) return { via: "missing", shown: false };
      return { via: "controls", shown: found.some(shownBox) };
    }
    if (tag === "summary" && el.parentElement && el.parentElement.tagName === "DETAILS") {
      const body = Array.from(el.parentElement.children).filter((c) => c !== el);
      return { via: "details", shown: body.some(shownBox) };
    }
    // a floating sibling, unless it lies over the control (an overlay covering it is no popup);
    // a native <select> draws its list outside the page
    const next = tag === "select" ? null : el.nextElementSibling;
    if (next) {
      const role = (next.getAttribute("role") || "").toLowerCase();
      const pos = getComputedStyle(next).position;
      const a = el.getBoundingClientRect(), b = next.getBoundingClientRect();
      const cx = a.left + a.width / 2, cy = a.top + a.height / 2;
      const covers = b.left <= cx && cx <= b.right && b.top <= cy && cy <= b.bottom;
      if (POPUP_ROLES.has(role) || ((pos === "absolute" || pos === "fixed") && !covers)) {
        return { via: "next", shown: shownBox(next) };
      }
    }
    // an accordion header drawn as a plain element (a clickable div or heading) opens the panel after it
    if (next && kind === "accordion" && HEADER_TAGS.has(el.tagName)) return { via: "next", shown: shownBox(next) };
    let depth = 0;
    for (const p of ancestors(el)) {
      if (++depth > 3) break;
      if (/^H[1-6]$/.test(p.tagName) || p.getAttribute("role") === "heading") {
        return p.nextElementSibling ? { via: "heading", shown: shownBox(p.nextElementSibling) } : { via: "none", shown: false };
      }
    }
    return { via: "none", shown: false };
  }
  // How a tab looks beside the other tabs of its list: the selected tab is the one drawn apart.
  // "apart" names each aspect in which this tab differs while all the others agree.
  function tabLook(n) {
    const cs = getComputedStyle(n);
    const side = (s) => (cs["border" + s + "Style"] === "none" ? 0 : Math.round(parseFloat(cs["border" + s + "Width"]) || 0)) + " " + cs["border" + s + "Color"];
    return {
      background: effectiveBackground(n), color: cs.color, weight: String(parseFloat(cs.fontWeight) >= 600),
      border: [side("Top"), side("Right"), side("Bottom"), side("Left")].join("|"),
      decoration: cs.textDecorationLine, opacity: String(Math.round(effectiveOpacity(n) * 10)),
    };
  }
  // every tab of a list is compared with every other: look each one up once per capture
  const tabLooks = new Map();
  const tabLookOf = (n) => {
    if (!tabLooks.has(n)) tabLooks.set(n, tabLook(n));
    return tabLooks.get(n);
  };
  function tabSiblings(el, kind) {
    if (kind !== "tab") return null;
    let list = null;
    for (const p of ancestors(el)) { if (p.getAttribute("role") === "tablist") { list = p; break; } }
    list = list || parentOf(el);
    if (!list) return null;
    let tabs = Array.from(list.querySelectorAll("[role=tab]")).filter((t) => displayedAtAll(t)).slice(0, 16);
    let at = tabs.indexOf(el);
    const bar = at < 0 ? tabBarOf(el) : null;  // links drawn as the tabs of a bar
    if (bar) {
      tabs = Array.from(bar.querySelectorAll("a[href]")).filter((t) => displayedAtAll(t)).slice(0, 16);
      at = tabs.indexOf(el);
    }
    if (at < 0) return null;
    const looks = tabs.map(tabLookOf);
    const mine = looks[at], others = looks.filter((_, i) => i !== at);
    const apart = others.length === 0 ? [] : Object.keys(mine).filter((k) =>
      others.every((o) => o[k] === others[0][k]) && others[0][k] !== mine[k]);
    return { n: tabs.length, apart };
  }

  // A check control drawn as a row (role=checkbox on a span holding a box and its text): the paint
  // of the box inside it, where the checkmark or the bar of "mixed" is, or null.
  function checkBoxFacts(drawnEl, kind, off) {
    if (!["checkbox", "radio", "switch"].includes(kind)) return null;
    const box = Array.from(drawnEl.children || []).find((c) => !(c.textContent || "").trim() && isPaintedBox(c, off));
    if (!box) return null;
    const bcs = getComputedStyle(box);
    return { background: effectiveBackground(box), border_sides: borderSides(bcs), marks: marksOf(box) };
  }
