// The side panel both reference pages share. It shows what the app's panel shows (the
// borough's name, status, summary and outcomes with their quotes and sources) with the same
// markup hooks (#panel-title inside section.area-panel, p.status once the words are there),
// so the benchmark waits for the same thing on every page.
window.BoroughPanel = (() => {
  const STATUS = {
    outcomes: 'Outcomes recorded',
    held: 'Conversation held, no outcome recorded',
    'none-recorded': 'No outcome recorded in the report',
  };

  const el = (tag, props = {}, children = []) => {
    const element = Object.assign(document.createElement(tag), props);
    element.append(...children);
    return element;
  };

  const sources = (links) =>
    el(
      'ul',
      { className: 'sources' },
      links.map((link) =>
        el('li', {}, [el('a', { href: link.url, rel: 'noopener noreferrer', textContent: link.title })]),
      ),
    );

  const outcome = (item) =>
    el('li', { className: 'outcome' }, [
      el('h3', { textContent: item.title }),
      el('p', { textContent: item.text }),
      ...(item.quote
        ? [
            el('figure', { className: 'quote' }, [
              el('blockquote', {}, [el('p', { textContent: `\u201c${item.quote.text}\u201d` })]),
              el('figcaption', { textContent: item.quote.attribution }),
            ]),
          ]
        : []),
      sources(item.sources || []),
    ]);

  // Shows `area` ({code, name}) with its content `entry`, or a loading line until it arrives.
  const render = (container, area, entry, onClose) => {
    const close = el('button', { type: 'button', className: 'close', textContent: 'Close' });
    close.addEventListener('click', onClose);
    const section = el('section', { className: 'panel area-panel' }, [
      el('div', { className: 'panel-head' }, [el('h2', { id: 'panel-title', textContent: area.name }), close]),
    ]);
    section.setAttribute('aria-labelledby', 'panel-title');
    if (!entry) {
      section.append(el('p', { className: 'loading', textContent: 'Loading what the report says\u2026' }));
    } else {
      const status = el('p', { className: 'status', textContent: STATUS[entry.status] || entry.status });
      status.dataset.status = entry.status;
      section.append(status, el('p', { className: 'summary', textContent: entry.summary }));
      if (entry.outcomes && entry.outcomes.length) {
        section.append(
          el('h3', { textContent: 'What the conversation led to' }),
          el('ul', { className: 'outcomes' }, entry.outcomes.map(outcome)),
        );
      }
    }
    container.replaceChildren(section);
  };

  const intro = (container) =>
    container.replaceChildren(
      el('p', { textContent: 'Choose a borough to see what its community conversation led to.' }),
    );

  return { render, intro };
})();
