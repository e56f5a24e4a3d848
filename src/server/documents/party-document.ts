import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  WidthType,
  sectionPageSizeDefaults,
} from 'docx';
import { isValidIso } from '../../shared/dates.js';

/** The parts of a party document, in the order 36-HD/VPTW lays them out. */
export interface PartyDocumentInput {
  /** Upper body, printed above the issuing body: 'ĐẢNG BỘ TỈNH HÒA BÌNH'. */
  upperBody: string;
  /** Issuing body, printed in bold: 'ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH'. */
  issuingBody: string;
  /** Number and code: '123-QĐ/ĐU'. */
  number: string;
  place: string;
  /** ISO date of issue. */
  date: string;
  /** Document type: 'QUYẾT ĐỊNH'. Printed in capitals whatever the case given. */
  type: string;
  /** Summary under the type: 'về việc kết nạp đảng viên'. */
  summary: string;
  /** Legal bases and considerations ('- Căn cứ …;'), printed before the enacting line. */
  preamble?: string[];
  /** Centred bold line between preamble and body: 'BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI QUYẾT ĐỊNH'. */
  enactment?: string;
  body: string[];
  signer: { authority: string; title: string; name: string };
  recipients: string[];
}

const font = 'Times New Roman';
/** docx sizes are in half-points. */
const pt = (points: number): number => points * 2;

/** 36-HD/VPTW sizes: text 14 pt, the party title 15 pt, the type 16 pt, the recipient list 12 pt. */
export const size = { text: pt(14), title: pt(15), type: pt(16), recipients: pt(12) } as const;

/** Rounded up: docx's convertMillimetersToTwip rounds down, which would put a margin just under its minimum. */
const mm = (millimetres: number): number => Math.ceil((millimetres * 1440) / 25.4);

/** Lower ends of the 36-HD/VPTW ranges (top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm). */
const margin = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) } as const;
export const textWidth = sectionPageSizeDefaults.WIDTH - margin.left - margin.right;

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size?: number;
}

/** Every run names its font and size, so text pasted into another document keeps the layout. */
export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    font,
    size: style.size ?? size.text,
    bold: style.bold,
    italics: style.italics,
    underline: style.underline ? { type: UnderlineType.SINGLE } : undefined,
  });
}

function centred(text: string, style: RunStyle = {}, spacingAfter = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: spacingAfter }, children: [run(text, style)] });
}

/**
 * '22 tháng 11 năm 2022' with day and month below 10 written with a leading zero, as 36-HD/VPTW asks
 * ('ngày 05 tháng 02 năm 2024').
 */
export function formatPartyDate(place: string, iso: string): string {
  if (!isValidIso(iso)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  const [year, month, day] = iso.split('-');
  return `${place}, ngày ${day} tháng ${month} năm ${year}`;
}

const noBorders = TableBorders.NONE;

function twoColumns(left: Paragraph[], right: Paragraph[], leftShare: number): Table {
  const leftWidth = Math.round(textWidth * leftShare);
  const rightWidth = textWidth - leftWidth;
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: leftWidth, type: WidthType.DXA }, borders: noBorders, children: left }),
          new TableCell({ width: { size: rightWidth, type: WidthType.DXA }, borders: noBorders, children: right }),
        ],
      }),
    ],
  });
}

function header(input: PartyLayoutInput): Table {
  const issuer = [
    centred(input.upperBody.toLocaleUpperCase('vi')),
    centred(input.issuingBody.toLocaleUpperCase('vi'), { bold: true }),
    centred('*'),
    centred(`Số ${input.number}`),
  ];
  const party = [
    centred('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true, size: size.title }, 240),
    centred(formatPartyDate(input.place, input.date), { italics: true }),
  ];
  return twoColumns(issuer, party, 0.45);
}

/** 'Điều 1.' opens an article of a decision; party documents print it in bold. */
const articleLead = /^(Điều \d+\.)(.*)$/su;

export function bodyParagraph(text: string): Paragraph {
  const article = articleLead.exec(text);
  const children = article ? [run(article[1], { bold: true }), run(article[2])] : [run(text)];
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mm(10) },
    spacing: { after: 120 },
    children,
  });
}

/** Commas between recipients and a full stop after the last, whatever the caller wrote. */
function recipientLines(recipients: string[]): Paragraph[] {
  return recipients.map((recipient, index) => {
    const text = recipient
      .trim()
      .replace(/^-\s*/u, '')
      .replace(/[,.;]+$/u, '');
    const end = index === recipients.length - 1 ? '.' : ',';
    return new Paragraph({ children: [run(`- ${text}${end}`, { size: size.recipients })] });
  });
}

function closing(input: PartyLayoutInput): Table {
  const recipients = [new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true })] }), ...recipientLines(input.recipients)];
  const signer = [
    centred(input.signer.authority.toLocaleUpperCase('vi'), { bold: true }),
    centred(input.signer.title.toLocaleUpperCase('vi'), { bold: true }),
    // Room for the signature and the seal.
    ...Array.from({ length: 4 }, () => new Paragraph({ children: [run('')] })),
    centred(input.signer.name, { bold: true }),
  ];
  return twoColumns(recipients, signer, 0.5);
}

/** What the layout prints around the body: every field of a party document but its body. */
export type PartyLayoutInput = Omit<PartyDocumentInput, 'body'>;

/** The party layout (header, type and summary, preamble, enactment, closing) around a body already rendered. */
export function buildPartyLayout(input: PartyLayoutInput, body: (Paragraph | Table)[]): Document {
  const children: (Paragraph | Table)[] = [
    header(input),
    new Paragraph({ children: [] }),
    centred(input.type.toLocaleUpperCase('vi'), { bold: true, size: size.type }),
    centred(input.summary, { bold: true }),
    centred('-----', {}, 240),
    ...(input.preamble ?? []).map(bodyParagraph),
  ];
  if (input.enactment) children.push(centred(input.enactment.toLocaleUpperCase('vi'), { bold: true }, 120));
  children.push(...body, new Paragraph({ children: [] }), closing(input));

  return new Document({
    styles: { default: { document: { run: { font, size: size.text } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: sectionPageSizeDefaults.WIDTH, height: sectionPageSizeDefaults.HEIGHT },
            margin,
          },
        },
        children,
      },
    ],
  });
}

export async function renderPartyDocument(input: PartyDocumentInput): Promise<Buffer> {
  return Packer.toBuffer(buildPartyLayout(input, input.body.map(bodyParagraph)));
}
