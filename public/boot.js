// Starts the app over the page the build wrote. An external module instead of Trunk's inline
// loader, so that the page runs under a Content Security Policy with no 'unsafe-inline'.
// The page works before (and without) the app: each borough links to its story, and
// public/early.js has already shown what the address asks for. If the app cannot load, the
// reader is told so, and the page stays as it is.
const root = document.documentElement;

function fail(message, error) {
  console.error("borough map: " + message, error || "");
  // The app has already said it stopped (a panic, which also hands the page back).
  if (document.querySelector(".notice-fatal")) return;
  root.classList.add("no-app");
  const notice = document.createElement("p");
  notice.className = "notice";
  notice.setAttribute("role", "alert");
  notice.textContent = message;
  const notices = document.getElementById("notices");
  if (notices) notices.append(notice);
  else document.body.prepend(notice);
}

const limited =
  "The map's interactive parts cannot run in this browser, so searching and highlighting are off. " +
  "Every borough on the map and in the list still opens its story.";

if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
  fail(limited + " (This browser has no WebAssembly.)");
} else {
  import("./borough-map.js")
    .then((app) => app.default({ module_or_path: new URL("./borough-map_bg.wasm", import.meta.url) }))
    .then((exports) => {
      // For maintainers and the soak test: the app's WebAssembly memory, to watch its size.
      globalThis.boroughMap = { memory: exports.memory };
    })
    .catch((error) => fail(limited + " (The map's code could not be loaded.)", error));
}
