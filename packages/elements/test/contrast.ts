/** WCAG 2.2 relative luminance and contrast ratio, for colours as `#rgb`, `#rrggbb` or `rgb()`. */

type Rgba = [r: number, g: number, b: number, alpha: number];

/** r, g, b in 0–255 and alpha; throws on anything else (a system colour, `light-dark()`). */
export function parseColor(color: string): Rgba {
  const text = color.trim();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text)?.[1];
  if (hex) {
    const digits = hex.length === 3 ? hex.replace(/./g, '$&$&') : hex;
    const channel = (i: number) => Number.parseInt(digits.slice(i, i + 2), 16);
    return [channel(0), channel(2), channel(4), 1];
  }
  const rgb = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,/\s]+([\d.]+))?\s*\)$/.exec(
    text,
  );
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), Number(rgb[4] ?? 1)];
  throw new Error(`not a colour this test reads: ${color}`);
}

function luminance(color: string): number {
  const [r, g, b] = parseColor(color);
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The contrast ratio of two opaque colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
