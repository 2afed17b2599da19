/**
 * Draws Hearth's app icons (PNG) for the web manifest: an ember square with a warm glow, no external tools.
 * Run: npx tsx web/scripts/make-icons.ts (the PNGs are committed in web/public/icons).
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

type RGB = [number, number, number];
const BG: RGB = [0x8a, 0x3d, 0x1b];
const GLOW: RGB = [0xf2, 0xc3, 0xab];
const CORE: RGB = [0xdc, 0x71, 0x3f];

function mix(a: RGB, b: RGB, t: number): RGB {
  return [0, 1, 2].map((i) => Math.round(a[i]! * (1 - t) + b[i]! * t)) as RGB;
}

/** `safe` shrinks the drawing for maskable icons (the platform may crop to a circle). */
function draw(size: number, safe: number) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x + 0.5 - c, y + 0.5 - c * 1.04) / (size * safe);
      let color = BG;
      color = mix(color, GLOW, Math.min(1, Math.max(0, (0.36 - d) * size * 0.25)));
      color = mix(color, CORE, Math.min(1, Math.max(0, (0.2 - Math.hypot(x + 0.5 - c, y + 0.5 - c * 1.12) / (size * safe)) * size * 0.25)));
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = color[0];
      raw[o + 1] = color[1];
      raw[o + 2] = color[2];
      raw[o + 3] = 255;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8);
  header.writeUInt8(6, 9);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const out = (name: string) => fileURLToPath(new URL(`../public/icons/${name}`, import.meta.url));
writeFileSync(out('icon-192.png'), draw(192, 1));
writeFileSync(out('icon-512.png'), draw(512, 1));
writeFileSync(out('icon-maskable-512.png'), draw(512, 0.8));
writeFileSync(out('apple-touch-icon.png'), draw(180, 1));
console.log('icons written to web/public/icons');
