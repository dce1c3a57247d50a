/**
 * Draws a parsed terminal frame (see ansi-frame.ts) as SVG on a fixed cell grid, and rasterises
 * it to PNG with resvg and the DejaVu Sans Mono font from npm (no system font needed).
 */
import { Resvg } from '@resvg/resvg-js';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defaultBg, defaultFg, type Run } from './ansi-frame.ts';

/** Geometry of the grid in pixels. */
export interface Grid {
  fontSize: number;
  cellWidth: number;
  lineHeight: number;
  padding: number;
}

export const defaultGrid: Grid = { fontSize: 14, cellWidth: 8.43, lineHeight: 18, padding: 12 };

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The SVG of `rows` in a `columns`-wide terminal. */
export function frameSvg(rows: Run[][], columns: number, grid: Grid = defaultGrid): string {
  const width = Math.ceil(columns * grid.cellWidth + 2 * grid.padding);
  const height = Math.ceil(rows.length * grid.lineHeight + 2 * grid.padding);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="${defaultBg}"/>`,
    `<g font-family="DejaVu Sans Mono" font-size="${grid.fontSize}">`,
  ];
  rows.forEach((runs, r) => {
    const top = grid.padding + r * grid.lineHeight;
    for (const run of runs) {
      const x = grid.padding + run.column * grid.cellWidth;
      if (run.bg) parts.push(`<rect x="${x.toFixed(2)}" y="${top}" width="${(run.width * grid.cellWidth).toFixed(2)}" height="${grid.lineHeight}" fill="${run.bg}"/>`);
      if (run.text.trim() === '') continue;
      const attrs = [
        `x="${x.toFixed(2)}"`,
        `y="${(top + grid.lineHeight * 0.78).toFixed(2)}"`,
        `fill="${run.fg ?? defaultFg}"`,
        run.bold ? 'font-weight="bold"' : '',
        run.italic ? 'font-style="oblique"' : '',
        run.dim ? 'fill-opacity="0.6"' : '',
        run.underline ? 'text-decoration="underline"' : '',
        // Keep every glyph on the grid even when a fallback glyph is narrower or wider.
        `textLength="${(run.width * grid.cellWidth).toFixed(2)}"`,
        'lengthAdjust="spacingAndGlyphs"',
      ].filter(Boolean);
      parts.push(`<text ${attrs.join(' ')} xml:space="preserve">${escape(run.text)}</text>`);
    }
  });
  parts.push('</g>', '</svg>');
  return parts.join('\n');
}

/** The DejaVu Sans Mono files shipped by the dejavu-fonts-ttf package. */
export function fontFiles(): string[] {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return ['DejaVuSansMono.ttf', 'DejaVuSansMono-Bold.ttf', 'DejaVuSansMono-Oblique.ttf', 'DejaVuSansMono-BoldOblique.ttf'].map((f) => join(dir, f));
}

/** Rasterises an SVG to PNG bytes (and the raw RGBA pixels, for checks). */
export function renderPng(svg: string): { png: Buffer; width: number; height: number; pixels: Buffer } {
  const resvg = new Resvg(svg, {
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans Mono', monospaceFamily: 'DejaVu Sans Mono' },
  });
  const image = resvg.render();
  return { png: Buffer.from(image.asPng()), width: image.width, height: image.height, pixels: Buffer.from(image.pixels) };
}
