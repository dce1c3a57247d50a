/** The screenshot renderer draws a captured ANSI frame onto a cell grid, colours included. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFrame, defaultBg } from '../../scripts/screenshots/ansi-frame.ts';
import { defaultGrid, frameSvg, renderPng } from '../../scripts/screenshots/frame-svg.ts';

test('SGR sequences become styled runs at the right columns (256 colours, truecolor, inverse, wide characters)', () => {
  const rows = parseFrame('ab\x1b[31mred\x1b[0m\x1b[48;5;21mX\x1b[0m\n\x1b[7minv\x1b[27m 漢z\x1b[38;2;1;2;3mT\n');
  assert.equal(rows.length, 2);
  const [plain, red, blueBg] = rows[0]!;
  assert.deepEqual([plain!.column, plain!.text, plain!.fg], [0, 'ab', undefined]);
  assert.deepEqual([red!.column, red!.text, red!.fg], [2, 'red', '#cd0000']);
  assert.deepEqual([blueBg!.column, blueBg!.bg], [5, '#0000ff']);
  const [inverse, wide, truecolor] = rows[1]!;
  assert.equal(inverse!.bg, '#d0d0d0', 'inverse swaps the default colours');
  assert.equal(inverse!.fg, defaultBg);
  assert.equal(wide!.text, ' 漢z');
  assert.equal(wide!.width, 4, 'a wide character takes two cells');
  assert.deepEqual([truecolor!.column, truecolor!.fg], [7, '#010203']);
});

test('the PNG has the grid’s size and the background colour of a cell where the frame put it', () => {
  const columns = 10;
  const rows = parseFrame('\x1b[41m    \x1b[0m  hi\nsecond\n');
  const { png, width, height, pixels } = renderPng(frameSvg(rows, columns));
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(width, Math.ceil(columns * defaultGrid.cellWidth + 2 * defaultGrid.padding));
  assert.equal(height, Math.ceil(2 * defaultGrid.lineHeight + 2 * defaultGrid.padding));
  const at = (x: number, y: number): number[] => [...pixels.subarray((y * width + x) * 4, (y * width + x) * 4 + 3)];
  // Middle of the second cell of the first row: red background (#cd0000).
  const x = Math.round(defaultGrid.padding + 1.5 * defaultGrid.cellWidth);
  const y = Math.round(defaultGrid.padding + 0.5 * defaultGrid.lineHeight);
  assert.deepEqual(at(x, y), [0xcd, 0, 0]);
  // The padding keeps the terminal background.
  assert.deepEqual(at(2, 2), [0x1c, 0x1c, 0x1c]);
  // Text was drawn: some pixel of "hi" is lighter than the background.
  const textRow = Math.round(defaultGrid.padding + 0.6 * defaultGrid.lineHeight);
  let lit = 0;
  for (let px = Math.round(defaultGrid.padding + 6 * defaultGrid.cellWidth); px < Math.round(defaultGrid.padding + 8 * defaultGrid.cellWidth); px++) if (at(px, textRow)[0]! > 0x60) lit++;
  assert.ok(lit > 0, 'glyphs of "hi" are drawn with the font from npm');
});
