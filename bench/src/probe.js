// Injected into every page before its own scripts (Page.addScriptToEvaluateOnNewDocument).
// It only watches: times are performance.now() milliseconds, i.e. from navigation start.
// The runner reads window.__bench. __BENCH_CONFIG__ is replaced by the page's selectors.
(() => {
  const config = __BENCH_CONFIG__;
  const bench = {
    nonce: config.nonce,
    mapPainted: null, // the frame that first shows all the map's shapes has been painted
    panelsPainted: {}, // borough name -> its panel, with the report's words, painted
    pointerDowns: [], // timeStamp of each real pointerdown
    clickPaints: [], // per real click: from its pointerdown to the next paint after the click
    events: [], // Event Timing entries ('event' at the 16 ms threshold, and 'first-input')
    waiters: [],
  };
  window.__bench = bench;

  // A task queued from requestAnimationFrame runs after that frame has been painted.
  const afterNextPaint = (callback) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback(performance.now());
      channel.port2.postMessage(null);
    });

  const notify = () => {
    bench.waiters = bench.waiters.filter((waiter) => !waiter());
  };

  // Resolves with the first truthy value of `test()`, checked now and after every change to
  // the page or to these notes, or with null after `ms`.
  bench.until = (test, ms) =>
    new Promise((resolve) => {
      const waiter = () => {
        const value = test();
        if (value) resolve(value);
        return !!value;
      };
      if (waiter()) return;
      bench.waiters.push(waiter);
      setTimeout(() => {
        bench.waiters = bench.waiters.filter((w) => w !== waiter);
        resolve(null);
      }, ms);
    });

  // A viewport point where a click lands on `element` itself, not on a neighbour or on
  // something drawn over it; if there is none, the page is scrolled as a reader would.
  bench.pointOn = (element) => {
    const search = () => {
      const rect = element.getBoundingClientRect();
      for (let steps = 2; steps <= 16; steps *= 2) {
        for (let i = 1; i < steps; i += 1) {
          for (let j = 1; j < steps; j += 1) {
            const x = rect.left + (rect.width * i) / steps;
            const y = rect.top + (rect.height * j) / steps;
            if (document.elementFromPoint(x, y) === element) return { x, y };
          }
        }
      }
      return null;
    };
    let point = search();
    for (const block of ['center', 'start', 'end']) {
      if (point) break;
      element.scrollIntoView({ block, behavior: 'instant' });
      point = search();
    }
    return point;
  };

  let mapSeen = false;
  const panelsDue = new Set(config.panels);
  const check = () => {
    if (!mapSeen && document.querySelectorAll(config.shapes).length >= config.shapeCount) {
      mapSeen = true;
      afterNextPaint((t) => {
        bench.mapPainted = t;
        notify();
      });
    }
    const title = document.querySelector(config.panelTitle);
    const name = title && title.textContent.trim();
    const ready = title && title.closest(config.panel)?.querySelector(config.panelReady);
    if (ready && panelsDue.has(name)) {
      panelsDue.delete(name);
      afterNextPaint((t) => {
        bench.panelsPainted[name] = t;
        notify();
      });
    }
    notify();
  };
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
  });

  addEventListener(
    'pointerdown',
    (event) => {
      if (event.isTrusted) bench.pointerDowns.push(event.timeStamp);
    },
    true,
  );
  addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted) return;
      const down = bench.pointerDowns[bench.pointerDowns.length - 1] ?? event.timeStamp;
      afterNextPaint((t) => {
        bench.clickPaints.push(t - down);
        notify();
      });
    },
    true,
  );

  const keep = (list) => {
    for (const entry of list.getEntries()) {
      bench.events.push({
        name: entry.name,
        entryType: entry.entryType,
        startTime: entry.startTime,
        duration: entry.duration,
        interactionId: entry.interactionId || 0,
      });
    }
    notify();
  };
  new PerformanceObserver(keep).observe({ type: 'event', durationThreshold: 16, buffered: true });
  new PerformanceObserver(keep).observe({ type: 'first-input', buffered: true });

  // Every WebAssembly instance the page creates, for the size of its linear memory. Wrapping
  // the two async entry points finds it whatever loader the page uses.
  const memories = new Set();
  const keepMemories = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result?.instance;
    for (const value of Object.values(instance?.exports ?? {})) {
      if (value instanceof WebAssembly.Memory) memories.add(value);
    }
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    if (typeof original === 'function') {
      WebAssembly[name] = function (...args) {
        return original.apply(this, args).then(keepMemories);
      };
    }
  }
  bench.wasmBytes = () => [...memories].reduce((total, memory) => total + memory.buffer.byteLength, 0);

  // What the first load transferred: the document and every resource it fetched.
  bench.bytes = () => {
    const entries = [
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource'),
    ];
    const sum = (field) => entries.reduce((total, entry) => total + entry[field], 0);
    return {
      transferred: sum('transferSize'),
      decoded: sum('decodedBodySize'),
      files: entries.map((entry) => [entry.name, entry.transferSize, entry.decodedBodySize]),
    };
  };
})();
