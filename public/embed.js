/*! Borough map embed: turns <div data-borough-map data-borough="hackney"></div> into the map,
    in an iframe whose height follows its content. No dependencies. Optional attributes:
    data-borough (a GSS code or slug), data-theme (light, dark or auto), data-title.
    The element fires "borough-map:select", "borough-map:clear" and "borough-map:tour" events
    (detail: the message), and gets element.boroughMap.select(code), .clear(), .theme(name) and
    .tour(step) (1 to 10, 0 ends the tour) to steer the map (commands given before the map has
    loaded are sent once it has). */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = new URL(".", script && script.src ? script.src : window.location.href);

  function mount(host) {
    if (host.boroughMap) return;
    var query = new URLSearchParams({ embed: "1" });
    var borough = host.getAttribute("data-borough");
    var theme = host.getAttribute("data-theme");
    if (borough) query.set("borough", borough);
    if (theme) query.set("theme", theme);

    var frame = document.createElement("iframe");
    frame.src = base.href + "?" + query.toString();
    frame.title = host.getAttribute("data-title") ||
      "Map: what London's community conversations led to, borough by borough";
    frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox");
    frame.style.cssText = "display:block;width:100%;height:640px;border:0";
    host.appendChild(frame);

    // Commands wait until the map has said something (it reports its height as soon as it
    // runs): before that the frame holds a blank page or a map that is not listening yet.
    var waiting = [];
    window.addEventListener("message", function (event) {
      var data = event.data;
      if (event.source !== frame.contentWindow || !data || data.source !== "borough-map") return;
      if (waiting) {
        var ready = waiting;
        waiting = null;
        ready.forEach(post);
      }
      if (data.type === "resize" && typeof data.height === "number" && data.height > 0) {
        frame.style.height = Math.ceil(data.height) + "px";
      } else if (data.type === "select" || data.type === "clear" || data.type === "tour") {
        host.dispatchEvent(new CustomEvent("borough-map:" + data.type, { detail: data, bubbles: true }));
      }
    });

    function post(command) {
      frame.contentWindow.postMessage(command, base.origin);
    }
    function send(command) {
      command.target = "borough-map";
      if (waiting) waiting.push(command);
      else post(command);
    }
    host.boroughMap = {
      frame: frame,
      select: function (code) { send({ type: "select", code: String(code) }); },
      clear: function () { send({ type: "clear" }); },
      theme: function (name) { send({ type: "theme", theme: String(name) }); },
      tour: function (step) { send({ type: "tour", step: Number(step) }); }
    };
  }

  function mountAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-borough-map]"), mount);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
})();
