/**
 * PNG export of a DOM node (the chart's figure: title, legend, bars, source line). html-to-image
 * renders the HTML legend that recharts draws outside its <svg>, which an SVG-only export loses.
 * It is loaded on first use so it costs the initial page nothing.
 */
export const EXPORT_PIXEL_RATIO = 2;

export async function renderPng(node: HTMLElement, background: string): Promise<string> {
  const { toPng } = await import('html-to-image');
  const { width, height } = node.getBoundingClientRect();
  return toPng(node, {
    pixelRatio: EXPORT_PIXEL_RATIO,
    backgroundColor: background,
    width: Math.ceil(width),
    height: Math.ceil(height),
    // No web fonts are used; skipping the font scan avoids reading every stylesheet.
    skipFonts: true,
  });
}
