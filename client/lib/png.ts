/**
 * PNG export of a figure (title, legend, plot, key of names, source line). html-to-image draws a
 * DOM node with its computed styles; it is loaded on first use so it costs the initial page nothing.
 *
 * The export is drawn from a copy of the figure, not the figure on screen, so that it can differ
 * without the screen flickering:
 * - its colour scheme: a light PNG from a dark page (reports are mostly light). Every colour of a
 *   figure comes from the stylesheet's light-dark() pairs (the SVG's axis and grid colours too, see
 *   styles.css), so a copy under `color-scheme: light` computes the light colours;
 * - what only the PNG shows (`.png-only`: the key of full names) is visible in the copy.
 * The copy sits beside the original (so the same stylesheet rules apply), in a box off screen.
 * html-to-image copies each HTML element's computed style, but an <svg> is taken as it is, with
 * its attributes and without the stylesheet: so the colours the stylesheet gives inside an SVG
 * (axes, grid, labels) are written into the copy's fill and stroke attributes first.
 */
export const EXPORT_PIXEL_RATIO = 2;

export type PngScheme = 'light' | 'dark';

/** The PNG's background per scheme: the figure's surface colour (styles.css, --surface). */
const BACKGROUND: Record<PngScheme, string> = { light: '#ffffff', dark: '#161b22' };

/**
 * Each SVG shape's fill and stroke as the stylesheet computes them for the copy, written as
 * attributes that travel with the SVG. recharts writes some theme colours (axis ticks) as inline
 * styles, which would beat the stylesheet: those are dropped first.
 */
function bakeSvgColours(root: HTMLElement): void {
  for (const el of root.querySelectorAll<SVGElement>('svg *')) {
    el.style.removeProperty('fill');
    el.style.removeProperty('stroke');
    const style = getComputedStyle(el);
    el.setAttribute('fill', style.fill);
    el.setAttribute('stroke', style.stroke);
  }
}

/** Wait until the browser has laid out and styled what was just added. */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

export async function renderPng(node: HTMLElement, scheme: PngScheme): Promise<string> {
  const { toPng } = await import('html-to-image');
  const stage = document.createElement('div');
  stage.className = 'png-stage';
  stage.setAttribute('aria-hidden', 'true');
  // CSSOM, not a style attribute: the page's CSP allows no inline style attribute, but this.
  stage.style.width = `${Math.ceil(node.getBoundingClientRect().width)}px`;
  const copy = node.cloneNode(true) as HTMLElement;
  copy.classList.add('png-export', `png-${scheme}`);
  // Ids must stay unique on the page; the tooltip and the timeline's range brush (a control) are not part of a picture.
  copy.removeAttribute('id');
  for (const el of copy.querySelectorAll('[id]')) if (el.closest('svg') === null) el.removeAttribute('id');
  for (const el of copy.querySelectorAll('.recharts-tooltip-wrapper, .recharts-brush')) el.remove();
  stage.append(copy);
  node.after(stage);
  try {
    await nextFrame();
    bakeSvgColours(copy);
    const { width, height } = copy.getBoundingClientRect();
    return await toPng(copy, {
      pixelRatio: EXPORT_PIXEL_RATIO,
      backgroundColor: BACKGROUND[scheme],
      width: Math.ceil(width),
      height: Math.ceil(height),
      // No web fonts are used; skipping the font scan avoids reading every stylesheet.
      skipFonts: true,
    });
  } finally {
    stage.remove();
  }
}
