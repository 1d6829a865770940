// The comment tag reader (where an export carries its recipe) over real and hand-made boxes: it
// finds the recipe mediabunny wrote, and hostile boxes (sizes past their parent, another data
// type, bytes that are not UTF-8) give null, never an exception or a read outside the moov.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeWithRecipe } from '../../../main/core/media/embed-recipe';
import { commentOf, readMp4Comment } from '../../../main/core/media/mp4-tags';
import { SMALL_MP4 } from '../../helpers/large-mp4';

function box(type: string, ...children: Uint8Array[]): Uint8Array {
  const body = Buffer.concat(children);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
}
const u32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value, 0);
  return bytes;
};
const data = (type: number, value: Uint8Array) => box('data', u32(type), u32(0), value);
const moovWith = (item: Uint8Array) =>
  box('udta', box('meta', u32(0), box('hdlr', Buffer.alloc(25)), box('ilst', box('\xa9cmt', item))));

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('mp4 comment tag', () => {
  it('reads the recipe an export wrote, and null where there is none', async () => {
    dir = mkdtempSync(join(tmpdir(), 'wan-tags-'));
    expect(await readMp4Comment(SMALL_MP4)).toBeNull();
    const out = join(dir, 'copy.mp4');
    await writeWithRecipe(SMALL_MP4, out, {
      recipe: '{"format":"wan-studio.sidecar","x":"кот"}',
      title: 't',
    });
    expect(await readMp4Comment(out)).toBe('{"format":"wan-studio.sidecar","x":"кот"}');
  });

  it('hand-made boxes: text is read; another type, bad UTF-8 or a size past the parent give null', () => {
    expect(commentOf(moovWith(data(1, Buffer.from('hello'))))).toBe('hello');
    expect(commentOf(moovWith(data(13, Buffer.from('hello'))))).toBeNull();
    expect(commentOf(moovWith(data(1, Buffer.from([0xff, 0xfe, 0xfd]))))).toBeNull();
    const lying = Buffer.from(moovWith(data(1, Buffer.from('hello'))));
    lying.writeUInt32BE(0x7fffffff, lying.length - 21); // the data box claims 2 GB
    expect(commentOf(lying)).toBeNull();
    expect(commentOf(new Uint8Array(3))).toBeNull();
  });
});
