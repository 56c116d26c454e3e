import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  checkDocxUnpackedSize,
  MAX_DOCX_ENTRIES,
  MAX_DOCX_UNPACKED_BYTES,
} from '../../../src/backend/services/documents/docx-zip';
import { readDocument } from '../../../src/backend/services/documents/read-document';
import { parseMarkdownDocument } from '../../../src/backend/services/documents/markdown-document';
import { renderDocx } from '../../fixtures/documents/render';

/**
 * A .docx is a zip, and a small zip can unpack to gigabytes. Its unpacked size is bounded before
 * mammoth inflates anything: as its central directory declares it, and as it actually inflates.
 */
interface Entry {
  name: string;
  /** The bytes stored in the zip (already deflated when `method` is 8). */
  data: Buffer;
  method: 0 | 8;
  /** The unpacked size the headers declare. */
  declared: number;
  /** Declare the size in a ZIP64 extra field (the fixed field then holds 0xffffffff). */
  zip64?: boolean;
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}
function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
}

/** A zip written field by field, so its headers can say anything. */
function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const size = e.zip64 ? 0xffffffff : e.declared;
    const extra = e.zip64 ? Buffer.concat([u16(1), u16(8), u64(e.declared)]) : Buffer.alloc(0);
    const common = [u16(20), u16(0), u16(e.method), u16(0), u16(0), u32(0), u32(e.data.length), u32(size)];
    const local = Buffer.concat([u32(0x04034b50), ...common, u16(name.length), u16(extra.length), name, extra, e.data]);
    directory.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(20),
        ...common,
        u16(name.length),
        u16(extra.length),
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(offset),
        name,
        extra,
      ]),
    );
    locals.push(local);
    offset += local.length;
  }
  const dir = Buffer.concat(directory);
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(entries.length),
    u16(entries.length),
    u32(dir.length),
    u32(offset),
    u16(0),
  ]);
  return Buffer.concat([...locals, dir, end]);
}

const xml = (text: string): Entry => {
  const data = Buffer.from(text);
  return { name: 'word/document.xml', data: deflateRawSync(data), method: 8, declared: data.length };
};
const LIMIT_TEXT = `at most ${MAX_DOCX_UNPACKED_BYTES / 1024 / 1024} MB`;

describe('.docx unpacked size', () => {
  it('a zip that declares a 4 GB part is refused before anything is inflated', async () => {
    const bomb = zip([{ ...xml('<w:document/>'), declared: 0xfffffff0 }]);
    expect(bomb.length).toBeLessThan(200);
    expect(() => checkDocxUnpackedSize(bomb, 'bomb.docx')).toThrow(LIMIT_TEXT);
    await expect(readDocument(bomb, 'bomb.docx')).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringContaining(LIMIT_TEXT),
    });
  });

  it('a real bomb (100 MB of zeros in 100 KB) is refused by what it declares', async () => {
    const zeros = Buffer.alloc(100 * 1024 * 1024);
    const bomb = zip([{ name: 'word/document.xml', data: deflateRawSync(zeros), method: 8, declared: zeros.length }]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    await expect(readDocument(bomb, 'bomb.docx')).rejects.toMatchObject({
      code: 'too_large',
      message: 'bomb.docx unpacks to 100.0 MB or more; a Word (.docx) document may unpack to at most 64 MB.',
    });
  });

  it('parts that add up to more than the limit are refused, ZIP64 sizes included', () => {
    const half = MAX_DOCX_UNPACKED_BYTES / 2 + 1;
    const parts = zip([
      { ...xml('<a/>'), name: 'word/media/a.png', declared: half },
      { ...xml('<b/>'), name: 'word/media/b.png', declared: half, zip64: true },
    ]);
    expect(() => checkDocxUnpackedSize(parts, 'pictures.docx')).toThrow(LIMIT_TEXT);
    const zip64 = zip([{ ...xml('<w:document/>'), declared: 2 ** 40, zip64: true }]);
    expect(() => checkDocxUnpackedSize(zip64, 'zip64.docx')).toThrow(LIMIT_TEXT);
  });

  it('a part that inflates to more than it declares is refused once it passes its declared size', () => {
    const text = '<w:document>'.padEnd(50_000, ' ');
    const lying = zip([{ ...xml(text), declared: 1_000 }]);
    expect(() => checkDocxUnpackedSize(lying, 'lying.docx')).toThrow(/unpacks to more than its zip header declares/);
  });

  it('too many parts are refused; damaged structures say so', () => {
    const empty = xml('');
    const many = zip(Array.from({ length: MAX_DOCX_ENTRIES + 1 }, (_, i) => ({ ...empty, name: `p${i}` })));
    expect(() => checkDocxUnpackedSize(many, 'many.docx')).toThrow(/holds 10,001 files/);
    const whole = zip([xml('<w:document/>')]);
    for (const damaged of [whole.subarray(0, whole.length - 30), whole.subarray(20), Buffer.from('PK\x03\x04')]) {
      expect(() => checkDocxUnpackedSize(damaged, 'cut.docx')).toThrow(/may be damaged/);
    }
    const shortStored = zip([{ name: 'a.xml', data: Buffer.from('abc'), method: 0, declared: 10 }]);
    expect(() => checkDocxUnpackedSize(shortStored, 'stored.docx')).toThrow(/may be damaged/);
  });

  it('a real .docx passes and still reads', async () => {
    const docx = await renderDocx(parseMarkdownDocument('# Outage\n\n## Timeline\n\nWe rolled the config back.\n'));
    expect(() => checkDocxUnpackedSize(docx, 'pm.docx')).not.toThrow();
    expect((await readDocument(docx, 'pm.docx')).title).toBe('Outage');
  });
});
