(() => {
  // Put first in every page the tests serve: records what the page reports at error level
  // (console errors, uncaught exceptions and rejections, failed loads, policy violations), in
  // window.__errors for the page and as a beacon to the server for later pages and frames.
  const page = Math.random().toString(36).slice(2);
  let count = 0;
  const errors = (window.__errors = []);
  // Loads that leaving the page cuts short are not the page's errors (Firefox reports them).
  let leaving = false;
  addEventListener("pagehide", () => (leaving = true), true);
  const report = (message, id) => {
    if (leaving) return;
    const entry = { id: id || page + ":" + count++, message };
    errors.push(entry);
    try {
      navigator.sendBeacon("/__report", JSON.stringify(entry));
    } catch (e) {}
  };
  const text = (value) => {
    if (value instanceof Error) return value.name + ": " + value.message;
    if (typeof value === "string") return value;
    try {
      return JSON.stringify(value);
    } catch (e) {
      return String(value);
    }
  };
  const consoleError = console.error;
  console.error = function (...args) {
    report(args.map(text).join(" "));
    return consoleError.apply(this, args);
  };
  addEventListener(
    "error",
    (event) => {
      const element = event.target;
      if (element && element !== window && element.nodeName) {
        report("Failed to load resource: " + (element.src || element.href || element.nodeName));
      } else {
        report("Uncaught " + (event.error ? text(event.error) : event.message));
      }
    },
    true,
  );
  addEventListener("unhandledrejection", (event) => report("Unhandled rejection: " + text(event.reason)));
  document.addEventListener("securitypolicyviolation", (event) => {
    // As the server words the browser's own report of it, so that the two count as one.
    const directive = event.effectiveDirective || event.violatedDirective;
    const message =
      "Content Security Policy: " + directive + " blocked " + event.blockedURI + " in " + event.documentURI.split(/[?#]/)[0];
    report(message, message);
  });
})();
