// Starts the app. An external module instead of Trunk's inline loader, so that the page runs
// under a Content Security Policy with no 'unsafe-inline'. If WebAssembly is missing or the
// app cannot load, the reader is told so in the page instead of facing a silent one.
const status = document.getElementById("boot");

function fail(message, error) {
  if (status) {
    status.textContent = message;
    status.className = "notice";
    status.setAttribute("role", "alert");
  }
  console.error("borough map: " + message, error || "");
  // The static story that <noscript> holds for readers without JavaScript: our own build's
  // HTML (no script in it), shown here because the map itself cannot run.
  const story = document.getElementById("static-story");
  if (story) {
    const shown = document.createElement("div");
    shown.innerHTML = story.textContent;
    story.replaceWith(shown);
  }
}

const unavailable =
  "The interactive map cannot run in this browser. The report it draws on, \u201cLondoners did\u201d, " +
  "is on the Mental Health Foundation's website: https://www.mentalhealth.org.uk/explore-mental-health/publications/londoners-did";

if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
  fail(unavailable + " (This browser has no WebAssembly.)");
} else {
  import("./borough-map.js")
    .then((app) => app.default({ module_or_path: new URL("./borough-map_bg.wasm", import.meta.url) }))
    .then((exports) => {
      // For maintainers and the soak test: the app's WebAssembly memory, to watch its size.
      globalThis.boroughMap = { memory: exports.memory };
    })
    .catch((error) => fail(unavailable + " (The map's code could not be loaded.)", error));
}
