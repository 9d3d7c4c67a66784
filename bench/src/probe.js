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
    clickPaints: [], // per real press: from its pointerdown to the next paint after its release
    events: [], // Event Timing entries ('event' at the 16 ms threshold, and 'first-input')
    shifts: null, // layout-shift entries, or null where the browser has none
    appReady: null, // when config.appReady first matched (ours: the app has taken over)
    firstClickDone: null, // set by the runner once the first click's panel has been painted
    waiters: [],
  };
  window.__bench = bench;

  // A task queued from requestAnimationFrame runs after that frame has been painted.
  const afterThisFrame = (callback) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => callback(performance.now());
    channel.port2.postMessage(null);
  };
  const afterNextPaint = (callback) => requestAnimationFrame(() => afterThisFrame(callback));
  // From a requestAnimationFrame callback, what is seen now is in the frame being drawn.
  const afterPaint = (inFrame, callback) =>
    inFrame ? afterThisFrame(callback) : afterNextPaint(callback);

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
  const check = (inFrame = false) => {
    if (!mapSeen && document.querySelectorAll(config.shapes).length >= config.shapeCount) {
      mapSeen = true;
      afterPaint(inFrame, (t) => {
        bench.mapPainted = t;
        notify();
      });
    }
    if (bench.appReady === null && config.appReady && document.querySelector(config.appReady)) {
      bench.appReady = performance.now();
    }
    // Every title the page shows now: a page may show a panel by a DOM change (the reference
    // pages, our app) or by the address's #fragment alone (our page before the app, CSS
    // :target), so the title selector says what "shown" means on each page.
    for (const title of document.querySelectorAll(config.panelTitle)) {
      const name = title.textContent.trim();
      const ready = title.closest(config.panel)?.querySelector(config.panelReady);
      if (ready && panelsDue.has(name)) {
        panelsDue.delete(name);
        afterPaint(inFrame, (t) => {
          bench.panelsPainted[name] = t;
          notify();
        });
      }
    }
    notify();
  };
  // Attributes too: our app shows a story by marking it open (`data-open`), and marks its
  // take-over with a class on <html>, without adding or removing any node.
  new MutationObserver(() => check()).observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: config.attributes,
  });
  // Following a link to #area-… changes which element is :target with no DOM change at all.
  // The Navigation API's currententrychange fires as the fragment changes, before :target is
  // updated, so the check runs at the start of the next frame (which draws the change);
  // hashchange, a task queued later, is the fallback where that API is missing.
  addEventListener('hashchange', () => check());
  if (window.navigation && typeof navigation.addEventListener === 'function') {
    navigation.addEventListener('currententrychange', () =>
      requestAnimationFrame(() => check(true)),
    );
  }

  addEventListener(
    'pointerdown',
    (event) => {
      if (event.isTrusted) bench.pointerDowns.push(event.timeStamp);
    },
    true,
  );
  // From the press to the paint after its release: the click's handlers run in the release's
  // task. (Not on `click`: a press that began on a borough's link before the app took over,
  // and ends after the app has unwrapped that link, gets no click event from the browser; the
  // app answers its release instead.)
  addEventListener(
    'pointerup',
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

  // Layout shifts, for cumulative layout shift: the runner sums those without recent input.
  let shiftObserver = null;
  if ((PerformanceObserver.supportedEntryTypes || []).includes('layout-shift')) {
    bench.shifts = [];
    const keepShifts = (entries) => {
      for (const entry of entries) {
        bench.shifts.push({
          startTime: entry.startTime,
          value: entry.value,
          hadRecentInput: entry.hadRecentInput,
        });
      }
    };
    shiftObserver = new PerformanceObserver((list) => keepShifts(list.getEntries()));
    shiftObserver.observe({ type: 'layout-shift', buffered: true });
    bench.takeShifts = () => {
      keepShifts(shiftObserver.takeRecords());
      return bench.shifts;
    };
  } else {
    bench.takeShifts = () => null;
  }

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

  // What the visit transferred: the document and every resource it fetched, in all and up to
  // the paint of the first story (a page that fetched its code later would show it here).
  bench.bytes = () => {
    const entries = [
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource'),
    ];
    const sum = (field, list = entries) => list.reduce((total, entry) => total + entry[field], 0);
    const firstStory = bench.panelsPainted[config.panels[0]];
    return {
      transferred: sum('transferSize'),
      untilFirstStory:
        firstStory === undefined ? null : sum('transferSize', entries.filter((e) => e.responseEnd <= firstStory)),
      decoded: sum('decodedBodySize'),
      files: entries.map((entry) => [entry.name, entry.transferSize, entry.decodedBodySize]),
    };
  };
})();
