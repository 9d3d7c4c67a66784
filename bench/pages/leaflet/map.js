// The Leaflet reference page: the borough map's job done with Leaflet 1.9, drawing the app's
// GeoJSON as vector shapes (SVG) on a map with no tile layer.
(() => {
  const map = L.map('map', { zoomSnap: 0, attributionControl: false });
  const panel = document.getElementById('panel');
  let content = null; // GSS code -> the content file's entry
  let selected = null; // {code, name}
  const shapes = new Map(); // GSS code -> its SVG path

  const colour = () => {
    if (!content) return;
    for (const [code, element] of shapes) element.dataset.status = content.get(code)?.status ?? 'unknown';
  };

  const show = () => {
    if (!selected) BoroughPanel.intro(panel);
    else BoroughPanel.render(panel, selected, content?.get(selected.code), () => choose(null));
  };

  const choose = (area) => {
    selected = area;
    for (const [code, element] of shapes) element.classList.toggle('selected', code === area?.code);
    show();
  };

  const draw = (geo) => {
    const layer = L.geoJSON(geo, {
      style: () => ({ className: 'borough', color: '#ffffff', weight: 1, fillColor: '#eceef2', fillOpacity: 1 }),
      onEachFeature: (feature, shape) => shape.on('click', () => choose(feature.properties)),
    });
    map.fitBounds(layer.getBounds());
    layer.addTo(map);
    layer.eachLayer((shape) => {
      const { code, name } = shape.feature.properties;
      const element = shape.getElement();
      element.dataset.code = code;
      element.setAttribute('role', 'button');
      element.setAttribute('tabindex', '0');
      element.setAttribute('aria-label', name);
      element.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          choose({ code, name });
        }
      });
      shapes.set(code, element);
    });
    colour();
  };

  const fail = (what) => (error) => {
    console.error(`${what}: ${error}`);
    panel.textContent = `The ${what} could not be loaded.`;
  };

  show();
  fetch('geo/boroughs.geojson')
    .then((response) => response.json())
    .then(draw)
    .catch(fail('map'));
  fetch('content/londoners-did.json')
    .then((response) => response.json())
    .then((json) => {
      content = new Map(json.areas.map((entry) => [entry.code, entry]));
      colour();
      show();
    })
    .catch(fail('content'));
})();
