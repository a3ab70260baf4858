// Writes the PWA icons as PNGs with node's zlib (no image tools needed): a blue tile with a
// white "w → −1" style mark — a node, an arrow and a minus bar. Run: node scripts/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x / size, y / size), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const BLUE = [29, 78, 216, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];
// Mark drawn in a unit square: a ring (the neuron) and a minus bar to its right.
function mark(u, v) {
  const d = Math.hypot(u - 0.36, v - 0.5);
  if (d > 0.13 && d < 0.2) return true;
  return u > 0.6 && u < 0.8 && Math.abs(v - 0.5) < 0.04;
}
function icon(size, { maskable }) {
  const pad = maskable ? 0.1 : 0; // maskable icons keep the mark inside the 80 % safe zone
  return png(size, (x, y) => {
    const u = (x - pad) / (1 - 2 * pad);
    const v = (y - pad) / (1 - 2 * pad);
    const r = 0.18;
    const inTile =
      maskable ||
      Math.min(x, 1 - x) > r ||
      Math.min(y, 1 - y) > r ||
      Math.hypot(Math.min(x, 1 - x) - r, Math.min(y, 1 - y) - r) < r;
    if (!inTile) return CLEAR;
    return mark(u, v) ? WHITE : BLUE;
  });
}

mkdirSync('public/icons', { recursive: true });
writeFileSync('public/icons/icon-192.png', icon(192, { maskable: false }));
writeFileSync('public/icons/icon-512.png', icon(512, { maskable: false }));
writeFileSync('public/icons/icon-maskable-512.png', icon(512, { maskable: true }));
writeFileSync(
  'public/icons/icon.svg',
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" rx="18" fill="#1d4ed8"/><circle cx="36" cy="50" r="16.5" fill="none" stroke="#fff" stroke-width="7"/><rect x="60" y="46" width="20" height="8" fill="#fff"/></svg>\n`,
);
console.log('icons written to public/icons');
