// Draws the app icon (a white laboratory cross on the desk's teal, rounded square) as PNGs in
// resources/icons/: icon.png (1024 px, from which electron-builder makes the Windows .ico and
// the macOS .icns) and the Linux sizes (<n>x<n>.png). Pure Node (zlib), so anyone can redraw
// it: `node scripts/make-icons.mjs`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const TEAL = [0x0b, 0x6e, 0x75];
const WHITE = [0xff, 0xff, 0xff];

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Coverage (0..1) of pixel (x, y) in an n×n icon, 4×4 supersampled for smooth edges. */
function pixel(n, x, y) {
  let bg = 0;
  let fg = 0;
  for (let sy = 0; sy < 4; sy++)
    for (let sx = 0; sx < 4; sx++) {
      const u = (x + (sx + 0.5) / 4) / n;
      const v = (y + (sy + 0.5) / 4) / n;
      const r = 0.18;
      const dx = Math.max(0.04 + r - u, 0, u - (0.96 - r));
      const dy = Math.max(0.04 + r - v, 0, v - (0.96 - r));
      if (dx * dx + dy * dy > r * r) continue;
      bg++;
      const arm = 0.11;
      const inCross = (Math.abs(u - 0.5) < arm && Math.abs(v - 0.5) < 0.3) || (Math.abs(v - 0.5) < arm && Math.abs(u - 0.5) < 0.3);
      if (inCross) fg++;
    }
  return { alpha: bg / 16, white: bg ? fg / bg : 0 };
}

function png(n) {
  const raw = Buffer.alloc(n * (n * 4 + 1));
  for (let y = 0; y < n; y++) {
    raw[y * (n * 4 + 1)] = 0;
    for (let x = 0; x < n; x++) {
      const { alpha, white } = pixel(n, x, y);
      const o = y * (n * 4 + 1) + 1 + x * 4;
      for (let i = 0; i < 3; i++) raw[o + i] = Math.round(TEAL[i] * (1 - white) + WHITE[i] * white);
      raw[o + 3] = Math.round(alpha * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(n, 0);
  ihdr.writeUInt32BE(n, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

mkdirSync('resources/icons', { recursive: true });
writeFileSync('resources/icons/icon.png', png(1024));
for (const n of [16, 32, 48, 64, 128, 256, 512]) writeFileSync(`resources/icons/${n}x${n}.png`, png(n));
console.log('wrote resources/icons/icon.png and the Linux sizes');
