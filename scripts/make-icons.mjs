// Renders public/favicon.svg to the PNG icons browsers and home screens ask for, in the system
// Chromium. Run after changing the SVG: `node scripts/make-icons.mjs`; the PNGs are committed.
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';

const svg = readFileSync('public/favicon.svg', 'utf8');
const sizes = [
  ['favicon-32.png', 32, 0],
  ['apple-touch-icon.png', 180, 0.06],
  ['icon-192.png', 192, 0],
  ['icon-512.png', 512, 0],
  ['icon-maskable-512.png', 512, 0.1],
];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const [name, size, pad] of sizes) {
  await page.setViewportSize({ width: size, height: size });
  const inner = Math.round(size * (1 - 2 * pad));
  const bg = pad ? '#0b57d0' : 'transparent';
  await page.setContent(`<html><body style="margin:0;background:${bg};display:grid;place-items:center;height:${size}px">
    <img style="width:${inner}px;height:${inner}px" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body></html>`);
  writeFileSync(`public/${name}`, await page.screenshot({ omitBackground: !pad }));
}
await browser.close();
