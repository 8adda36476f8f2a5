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

  // How a control looks beside the other controls of its kind on the page (its peers: the same
  // tag, type, role and kind): a disabled or read-only control is usually the one drawn fainter,
  // or apart from the rest. Colours are read back from a canvas pixel the browser painted them on
  // (its own colour parser and conversion: oklch, color-mix and named colours come back as sRGB).
  let paintCtx = null;
  const rgbaCache = new Map();
  function rgbaOf(c) {
    if (rgbaCache.has(c)) return rgbaCache.get(c);
    paintCtx = paintCtx || document.createElement("canvas").getContext("2d", { willReadFrequently: true });
    paintCtx.clearRect(0, 0, 1, 1);
    paintCtx.fillStyle = "rgba(0, 0, 0, 0)";
    paintCtx.fillStyle = c || "rgba(0, 0, 0, 0)";
    paintCtx.fillRect(0, 0, 1, 1);
    const d = paintCtx.getImageData(0, 0, 1, 1).data;
    const a = d[3] / 255;  // getImageData answers unpremultiplied bytes
    const out = a > 0 ? [d[0], d[1], d[2], a] : [0, 0, 0, 0];
    rgbaCache.set(c, out);
    return out;
  }
  const linear = (v) => { const c = v / 255; return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
  const luminance = (c) => 0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2]);
  // CIE lightness L* (0-100): equal steps look equally far apart, as relative luminance does not
  const lightness = (c) => { const y = luminance(c); return y > 0.008856 ? 116 * Math.cbrt(y) - 16 : 903.3 * y; };
  // how far the text colour stands out from what is behind it, as a user sees it: the difference
  // in lightness (0-1), opacity included
  function inkOf(color, background, opacity) {
    const fg = rgbaOf(color), bg = rgbaOf(background), a = fg[3];
    const seen = [0, 1, 2].map((i) => a * fg[i] + (1 - a) * bg[i]);
    return Math.abs(lightness(seen) - lightness(bg)) / 100 * opacity;
  }
  function peerLook(n, kind, off) {
    const drawn = drawnElement(n, kind, off);
    const cs = getComputedStyle(drawn);
    // a check control's text is its label's: a disabled one greys the label, not the box
    const labels = ["checkbox", "radio", "switch"].includes(kind) && drawn === n ? labelsOf(n) : [];
    const text = labels.length ? labels[0] : drawn;
    const color = getComputedStyle(text).color;
    const background = effectiveBackground(drawn), opacity = effectiveOpacity(drawn);
    const r = drawn.getBoundingClientRect();
    const border = cs.borderTopStyle === "none" ? "none" : `${Math.round(parseFloat(cs.borderTopWidth) || 0)} ${cs.borderTopColor}`;
    return {
      look: { color, background, border, opacity: String(Math.round(opacity * 10)),
        cursor: getComputedStyle(n).cursor },
      ink: inkOf(color, effectiveBackground(text), effectiveOpacity(text)), drawn: r.width > 0 && r.height > 0,
    };
  }
  const peerLooks = new Map();
  const peerLookOf = (n, kind, off) => {
    if (!peerLooks.has(n)) peerLooks.set(n, peerLook(n, kind, off));
    return peerLooks.get(n);
  };
  const MAX_PEERS = 24;
  const peerKey = (c) => [c[0].localName, c[0].getAttribute("type") || "", c[0].getAttribute("role") || "", c[2]].join("|");
  // the controls of each peer key, in document order: built once per capture (again if a target
  // was adopted since)
  let peerGroups = null, peerGroupsOf = -1;
  function peerGroup(at) {
    if (peerGroupsOf !== controls.length) {
      peerGroups = new Map();
      controls.forEach((c, i) => {
        const k = peerKey(c);
        if (!peerGroups.has(k)) peerGroups.set(k, []);
        peerGroups.get(k).push(i);
      });
      peerGroupsOf = controls.length;
    }
    return peerGroups.get(peerKey(controls[at]));
  }
  const shownAtAll = new Map();
  const displayedPeer = (n) => {
    if (!shownAtAll.has(n)) shownAtAll.set(n, displayedAtAll(n));
    return shownAtAll.get(n);
  };
  function peersOf(el, kind, off) {
    const at = index.has(el) ? index.get(el) : -1;
    if (at < 0) return null;
    // nearest first in document order (the earlier of two as near), the first 24 that are drawn
    const near = peerGroup(at).filter((i) => i !== at).sort((a, b) => Math.abs(a - at) - Math.abs(b - at));
    const theirs = [];
    for (const i of near) {
      if (theirs.length >= MAX_PEERS) break;
      const c = controls[i];
      if (!displayedPeer(c[0])) continue;
      const look = peerLookOf(c[0], c[2], c[1]);
      if (look.drawn) theirs.push(look);
    }
    if (!theirs.length) return { n: 0, odd: [], ink: null };
    const mine = peerLookOf(el, kind, off);
    const odd = Object.keys(mine.look).filter((k) => {
      const counts = new Map();
      for (const t of theirs) counts.set(t.look[k], (counts.get(t.look[k]) || 0) + 1);
      const [top, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
      return 2 * count > theirs.length && top !== mine.look[k];
    });
    const inks = theirs.map((t) => t.ink).sort((a, b) => a - b);
    const median = inks[Math.floor(inks.length / 2)];
    return { n: theirs.length, odd, ink: median > 0.02 ? mine.ink / median : null };
  }
