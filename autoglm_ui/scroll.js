// autoglm-ui scroll: called as page.evaluate(SOURCE, [x, y, shellX, shellY]). Scrolls the window to
// (x, y) and, where the page is an app shell, its own scroll container to (shellX, shellY) (null:
// leave it), as a user scrolling there would; capture.py puts both back afterwards.
//
// It returns once the next frame has been produced: until then Chromium's hit tests
// (elementFromPoint, the capture's `hits`) answer for the old scroll position although layout
// already reports the new one. Measured on the realset's Fluent grid: a switch's corner probe hit
// the tab list that sat there before the scroll in 2 loads of 8; one requestAnimationFrame alone
// is not enough, the task after it is.
async ([x, y, shellX, shellY]) => {
  // @include page_scroller.js
  window.scrollTo({ left: x, top: y, behavior: "instant" });
  const shell = findPageScroller();
  if (shell && shellX !== null && shellY !== null) shell.scrollTo({ left: shellX, top: shellY, behavior: "instant" });
  await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
}
