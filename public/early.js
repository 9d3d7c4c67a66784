// Runs inline in the page's head, before anything of the body is parsed or painted (the build
// puts it there, allowed by its hash in the Content Security Policy), so that what the address
// asks for shows from the first paint and nothing moves when the app takes over. The app reads
// the same parameters itself (crates/core/src/url_state.rs) and reports values it does not
// know. Every name here is defined in crates/core/src/contract.rs (a test holds this file to it).
(function () {
  "use strict";
  var root = document.documentElement;
  var query = new URLSearchParams(location.search);
  // As the app reads the address (crates/core/src/url_state.rs; tests/address.rs holds the two
  // to the same answers): the last of a repeated parameter wins, and only ASCII whitespace is
  // trimmed (trim() would also take the byte order mark and Unicode spaces, which the app keeps).
  var value = function (name) {
    var all = query.getAll(name);
    return all.length ? all[all.length - 1].replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, "") : "";
  };
  // Case is ASCII only, as in the app: toLowerCase() would make the Kelvin sign a "k".
  var asciiCase = function (text, toCase) {
    return text.replace(/[A-Za-z]+/g, function (letters) { return toCase.call(letters); });
  };
  // Colours (?theme=light|dark).
  var theme = asciiCase(value("theme"), String.prototype.toLowerCase);
  if (theme === "light" || theme === "dark") root.setAttribute("data-theme", theme);
  // Framed (?embed=1): the framed layout, with the long parts folded away.
  var embed = value("embed");
  embed = embed !== "" && embed !== "0" && embed !== "false";
  if (embed) root.classList.add("embed");
  // The guided tour (?tour=1 to 10, exactly: no sign, leading zero or decimal point, as the
  // app reads it): the stylesheet shows that step instead of the stories.
  var tour = value("tour");
  if (/^([1-9]|10)$/.test(tour)) root.setAttribute("data-tour", tour);

  // The open story carries data-open: the build marks the London-wide one. Before the app,
  // this marks the one a followed link names, else the one ?borough= names (a GSS code or a
  // slug of its name), as the app will.
  var open = function (story) {
    document.querySelectorAll(".panel[data-open]").forEach(function (other) {
      if (other !== story) other.removeAttribute("data-open");
    });
    story.setAttribute("data-open", "");
  };
  var fragment = location.hash.slice(1);
  var borough = value("borough");
  var code = asciiCase(borough, String.prototype.toUpperCase);
  // The slug as crates/core/src/area.rs makes it: ASCII letters and digits, every other run
  // of characters one "-".
  var id = "area-" + borough.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase();
  var named = function (node) {
    return borough !== "" && node.matches(".area-panel") && (node.getAttribute("data-code") === code || node.id === id);
  };
  // The body is not parsed yet: each element is seen as the parser adds it, before it is drawn.
  // The story is marked once the parser has reached the London-wide story, which follows every
  // area's: by then the chosen story is whole, so it is drawn once, at its full size.
  var linked = null;
  var asked = null;
  var mark = function () {
    if (linked || asked) open(linked || asked);
  };
  var observer = new MutationObserver(function (records) {
    records.forEach(function (record) {
      record.addedNodes.forEach(function (node) {
        if (node.nodeType !== 1) return;
        if (embed && node.matches("details.more")) node.open = false;
        if (!node.matches(".panel")) return;
        if (fragment !== "" && node.id === fragment) linked = node;
        else if (named(node)) asked = node;
        if (node.id === "london") mark();
      });
    });
  });
  if (embed || fragment !== "" || borough !== "") observer.observe(root, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", function () {
    observer.disconnect();
    mark();
  });
  // A story link followed before the app has taken over (or without it, after a failure):
  // its story is the open one. From the takeover on, the app keeps the stories.
  addEventListener("hashchange", function () {
    if (root.classList.contains("js")) return;
    var target = document.getElementById(location.hash.slice(1));
    if (!target || !target.matches(".panel")) return;
    open(target);
    // A step's story, followed: the tour gives way to it, as it does with the app.
    root.removeAttribute("data-tour");
  });
})();
