// Draws a series (sales day by day, entries minute by minute) as an SVG line chart over the
// server-rendered table, which stays for screen readers and for browsers without JavaScript.
// No dependency, no network.
type Point = { x: string; y: number };

const SVG = 'http://www.w3.org/2000/svg';

function element(name: string, attributes: Record<string, string | number>, text?: string) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function draw(container: HTMLElement) {
  const points = JSON.parse(container.dataset.series ?? '[]') as Point[];
  if (points.length === 0) return;
  const width = 640;
  const height = 220;
  const pad = { left: 44, right: 12, top: 12, bottom: 28 };
  const max = Math.max(1, ...points.map((p) => p.y));
  const x = (i: number) => pad.left + (points.length === 1 ? 0 : (i * (width - pad.left - pad.right)) / (points.length - 1));
  const y = (v: number) => height - pad.bottom - (v * (height - pad.top - pad.bottom)) / max;
  const svg = element('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': container.dataset.label ?? '',
    class: 'chart',
  });
  svg.append(element('line', { x1: pad.left, y1: y(0), x2: width - pad.right, y2: y(0), stroke: '#aab2bd' }));
  for (const tick of [0, Math.round(max / 2), max]) {
    svg.append(element('text', { x: pad.left - 6, y: y(tick) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#5b6472' }, String(tick)));
  }
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.y).toFixed(1)}`).join(' ');
  svg.append(element('path', { d: path, fill: 'none', stroke: '#0a6b3d', 'stroke-width': 2.5 }));
  points.forEach((p, i) => {
    svg.append(element('circle', { cx: x(i), cy: y(p.y), r: 3, fill: '#0a6b3d' }));
  });
  const first = points[0]!;
  const last = points.at(-1)!;
  svg.append(element('text', { x: pad.left, y: height - 8, 'font-size': 11, fill: '#5b6472' }, first.x));
  if (points.length > 1)
    svg.append(element('text', { x: width - pad.right, y: height - 8, 'text-anchor': 'end', 'font-size': 11, fill: '#5b6472' }, last.x));
  container.prepend(svg);
}

for (const container of document.querySelectorAll<HTMLElement>('[data-line-chart]')) draw(container);
