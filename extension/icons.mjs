// The extension's icons, drawn as PNGs at build time: a periscope's lens in a dark tile, at any size.
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** The colour of one pixel, sampled at the pixel's centre in a 1x1 square: tile, tube, lens ring, lens. */
function colour(x, y) {
  const inTile = Math.max(Math.abs(x - 0.5), Math.abs(y - 0.5)) < 0.46;
  if (!inTile) return [0, 0, 0, 0];
  const r = Math.hypot(x - 0.58, y - 0.6);
  if (r < 0.17) return [125, 211, 252, 255];
  if (r < 0.25) return [226, 232, 240, 255];
  const tube = (x > 0.5 && x < 0.66 && y > 0.12 && y < 0.45) || (x > 0.24 && x < 0.66 && y > 0.12 && y < 0.26);
  return tube ? [226, 232, 240, 255] : [30, 41, 59, 255];
}

/** A `size`x`size` RGBA PNG of the icon, 4x4 supersampled. */
export function iconPng(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) {
        const c = colour((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size);
        for (let i = 0; i < 4; i++) sum[i] += c[i];
      }
      for (let i = 0; i < 4; i++) row[1 + x * 4 + i] = Math.round(sum[i] / 16);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
