/**
 * Builds zip bytes by hand for the import tests, so a test can make exactly the bad file it needs
 * (lying sizes, overlapping entries, macros, broken XML) without a zip library that refuses to.
 */
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';

export interface FixtureEntry {
  name: string;
  data: Buffer | string;
  store?: boolean;
  /** Uncompressed size written in the central directory instead of the true one. */
  claimUncompressed?: number;
  /** Written in the local header too, as a zip whose every header lies. */
  claimInLocalHeader?: boolean;
  /** Already deflated bytes (raw DEFLATE) to store as the entry's data; `data` is then only used for the CRC. */
  deflated?: Buffer;
  /** General-purpose flags (bit 0: encrypted). */
  flags?: number;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function buildZip(entries: FixtureEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    const packed = entry.deflated ?? (entry.store ? raw : deflateRawSync(raw));
    const name = Buffer.from(entry.name, 'utf8');
    const flags = (entry.flags ?? 0) | 0x800;
    const method = entry.store ? 0 : 8;
    const crc = crc32(raw);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(entry.claimInLocalHeader ? (entry.claimUncompressed ?? raw.length) : raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(entry.claimUncompressed ?? raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const mainContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

/** The smallest workbook Excel and exceljs open: one sheet of inline strings. */
export function minimalXlsxEntries(options: { sheetXml?: string; sheetName?: string; mainType?: string } = {}): FixtureEntry[] {
  const sheetXml =
    options.sheetXml ??
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c><c r="B1" t="inlineStr"><is><t>Ngày sinh</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>Nguyễn Văn An</t></is></c><c r="B2" t="inlineStr"><is><t>15/03/1980</t></is></c></row>' +
      '</sheetData></worksheet>';
  return [
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/xl/workbook.xml" ContentType="${options.mainType ?? mainContentType}"/>` +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      data: `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${options.sheetName ?? 'Đảng viên'}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml },
  ];
}

/**
 * An .xlsx written by exceljs with its parts in the order Office writes them (workbook.xml first). exceljs's writer
 * adds parts as they finish, so their order depends on the machine's load; the reader no longer does (it reads by the
 * zip's central directory), but fixtures that are byte-for-byte the same each run are easier to reason about.
 */
export async function officeOrderedXlsx(written: ArrayBuffer | Buffer): Promise<Buffer> {
  const source = await JSZip.loadAsync(written);
  const first = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml'];
  const names = Object.keys(source.files).filter((name) => !source.files[name].dir);
  const rest = names.filter((name) => !first.includes(name));
  const ordered = [
    ...first.filter((name) => names.includes(name)),
    ...rest.filter((n) => n.startsWith('xl/')).sort(),
    ...rest.filter((n) => !n.startsWith('xl/')).sort(),
  ];
  const target = new JSZip();
  for (const name of ordered) target.file(name, await source.files[name].async('uint8array'));
  return target.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
