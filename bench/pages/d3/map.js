// The D3 reference page: the borough map's job done with d3-geo, d3-selection and
// topojson-client. It draws the TopoJSON the app's GeoJSON was derived from; `?geo=URL` draws
// a GeoJSON FeatureCollection with `code` and `name` properties instead (the scale set).
(() => {
  // The TopoJSON names its areas; the content is keyed by GSS code.
  const CODES = {
    'City of London': 'E09000001',
    'Barking and Dagenham': 'E09000002',
    Barnet: 'E09000003',
    Bexley: 'E09000004',
    Brent: 'E09000005',
    Bromley: 'E09000006',
    Camden: 'E09000007',
    Croydon: 'E09000008',
    Ealing: 'E09000009',
    Enfield: 'E09000010',
    Greenwich: 'E09000011',
    Hackney: 'E09000012',
    'Hammersmith and Fulham': 'E09000013',
    Haringey: 'E09000014',
    Harrow: 'E09000015',
    Havering: 'E09000016',
    Hillingdon: 'E09000017',
    Hounslow: 'E09000018',
    Islington: 'E09000019',
    'Kensington and Chelsea': 'E09000020',
    'Kingston upon Thames': 'E09000021',
    Lambeth: 'E09000022',
    Lewisham: 'E09000023',
    Merton: 'E09000024',
    Newham: 'E09000025',
    Redbridge: 'E09000026',
    'Richmond upon Thames': 'E09000027',
    Southwark: 'E09000028',
    Sutton: 'E09000029',
    'Tower Hamlets': 'E09000030',
    'Waltham Forest': 'E09000031',
    Wandsworth: 'E09000032',
    Westminster: 'E09000033'
  };
  const WIDTH = 600;
  const HEIGHT = 480;

  const svg = d3.select('svg.map');
  const panel = document.getElementById('panel');
  let content = null; // GSS code -> the content file's entry
  let selected = null; // {code, name}

  // RFC 7946 exterior rings run anticlockwise; d3-geo's spherical polygons run clockwise.
  const rewind = (geometry) => {
    const reverse = (rings) => rings.map((ring) => ring.slice().reverse());
    return {
      type: geometry.type,
      coordinates:
        geometry.type === 'Polygon' ? reverse(geometry.coordinates) : geometry.coordinates.map(reverse),
    };
  };

  const featuresOf = (geo) =>
    geo.type === 'Topology'
      ? topojson.feature(geo, geo.objects.boroughs).features.map((f) => ({
          type: 'Feature',
          geometry: f.geometry,
          properties: { code: CODES[f.id], name: f.id },
        }))
      : geo.features.map((f) => ({ type: 'Feature', geometry: rewind(f.geometry), properties: f.properties }));

  const colour = () => {
    if (!content) return;
    svg.selectAll('path.borough').attr('data-status', (d) => content.get(d.properties.code)?.status ?? 'unknown');
  };

  const show = () => {
    if (!selected) BoroughPanel.intro(panel);
    else BoroughPanel.render(panel, selected, content?.get(selected.code), () => choose(null));
  };

  const choose = (area) => {
    selected = area;
    svg.selectAll('path.borough').classed('selected', (d) => d.properties.code === area?.code);
    show();
  };

  const draw = (geo) => {
    const features = featuresOf(geo);
    const projection = d3.geoMercator().fitSize([WIDTH, HEIGHT], { type: 'FeatureCollection', features });
    const path = d3.geoPath(projection);
    svg
      .selectAll('path.borough')
      .data(features)
      .join('path')
      .attr('class', 'borough')
      .attr('data-code', (d) => d.properties.code)
      .attr('d', path)
      .attr('role', 'button')
      .attr('tabindex', 0)
      .attr('aria-label', (d) => d.properties.name)
      .on('click', (event, d) => choose(d.properties))
      .on('keydown', (event, d) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          choose(d.properties);
        }
      });
    colour();
  };

  const fail = (what) => (error) => {
    console.error(`${what}: ${error}`);
    panel.textContent = `The ${what} could not be loaded.`;
  };

  show();
  const geoUrl = new URLSearchParams(location.search).get('geo') || 'data/londonBoroughs.json';
  fetch(geoUrl)
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
