/** The sweep's charts as one PNG (what is on screen: titles, legends, curves). */

function svgImage(svg: SVGSVGElement): Promise<HTMLImageElement> {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const r = svg.getBoundingClientRect();
  copy.setAttribute('width', String(r.width));
  copy.setAttribute('height', String(r.height));
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' }));
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('a chart could not be drawn'));
    };
    img.src = url;
  });
}

/** Draws every chart under `root` (its SVGs and its caption text) onto one canvas, at the screen's pixel ratio. */
export async function svgsToPng(root: HTMLElement | null): Promise<Blob | null> {
  if (!root) return null;
  const box = root.getBoundingClientRect();
  const dpr = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(box.width * dpr);
  canvas.height = Math.round(box.height * dpr);
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.scale(dpr, dpr);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, box.width, box.height);
  for (const svg of root.querySelectorAll('svg')) {
    const r = svg.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    ctx.drawImage(await svgImage(svg), r.left - box.left, r.top - box.top, r.width, r.height);
  }
  // Text outside the SVGs: chart titles and legend names, in their own font, where they are.
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    const text = n.textContent?.trim();
    if (!el || !text || el.closest('svg') || el.closest('button, select, option')) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const r = range.getBoundingClientRect();
    if (r.width === 0) continue;
    const cs = getComputedStyle(el);
    ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    ctx.fillStyle = cs.color;
    ctx.textBaseline = 'middle';
    ctx.fillText(text, r.left - box.left, r.top - box.top + r.height / 2);
  }
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}
