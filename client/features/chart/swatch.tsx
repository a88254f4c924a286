/**
 * A colour key: an SVG square filled by attribute, not an inline style, so server-rendered HTML
 * needs no style attribute (the CSP allows none) and the PNG export draws it as shown.
 */
export function Swatch({ color }: { color: string }) {
  return (
    <svg className="swatch" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
      <rect width="10" height="10" rx="2" fill={color} />
    </svg>
  );
}
