import { BorderStyle, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import { bodyParagraph, buildPartyLayout, run, size, textWidth } from './party-document.js';
import type { PartyLayoutInput } from './party-document.js';

/** A table of the report's body: a caption, column headers and rows of cells (already formatted). */
export interface ReportTable {
  caption: string;
  headers: string[];
  rows: string[][];
}

/** A heading of the body (bold, not indented). */
export interface ReportHeading {
  heading: string;
}

export type ReportBlock = string | ReportTable | ReportHeading;

/**
 * The year's report in the party layout (36-HD/VPTW) of `party-document.ts` (header, number and code, place and date,
 * type and summary, signer, recipients), with a body of headings, paragraphs and tables.
 */
export interface ReportDocumentInput extends PartyLayoutInput {
  body: ReportBlock[];
}

const thinBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const gridBorders = { top: thinBorder, bottom: thinBorder, left: thinBorder, right: thinBorder, insideHorizontal: thinBorder, insideVertical: thinBorder };

function cell(text: string, width: number, bold = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [new Paragraph({ children: [run(text, { bold, size: size.recipients + 1 })] })],
  });
}

/** A bordered table the width of the text, the first column twice as wide as the others. */
function dataTable(table: ReportTable): (Paragraph | Table)[] {
  const columns = Math.max(1, table.headers.length);
  const unit = Math.floor(textWidth / (columns + 1));
  const widths = table.headers.map((_, i) => (i === 0 ? textWidth - unit * (columns - 1) : unit));
  return [
    new Paragraph({ spacing: { before: 120, after: 60 }, children: [run(table.caption, { bold: true, italics: true })] }),
    new Table({
      layout: TableLayoutType.FIXED,
      width: { size: textWidth, type: WidthType.DXA },
      columnWidths: widths,
      borders: gridBorders,
      rows: [
        new TableRow({ tableHeader: true, children: table.headers.map((h, i) => cell(h, widths[i], true)) }),
        ...table.rows.map((row) => new TableRow({ children: row.map((text, i) => cell(text, widths[i] ?? unit)) })),
      ],
    }),
    new Paragraph({ children: [] }),
  ];
}

function block(item: ReportBlock): (Paragraph | Table)[] {
  if (typeof item === 'string') return [bodyParagraph(item)];
  if ('heading' in item) return [new Paragraph({ spacing: { before: 120, after: 120 }, children: [run(item.heading, { bold: true })] })];
  return dataTable(item);
}

export async function renderReportDocument(input: ReportDocumentInput): Promise<Buffer> {
  return Packer.toBuffer(buildPartyLayout(input, input.body.flatMap(block)));
}
