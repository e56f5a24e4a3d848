/**
 * The workbook officials download, fill in and upload back. Its sheet names carry diacritics
 * ("Tổ chức", "Đảng viên") because officials read them; the importer recognises them with or
 * without accents (recordTypeForSheet), so a re-typed "Dang_vien" still works.
 */
import ExcelJS from 'exceljs';
import { columnLetter, memberImportFields, orgImportFields, type ImportField } from './column-mapping.js';
import { defaultUploadLimits } from './file-safety.js';

export const templateSheetNames = {
  instructions: 'Hướng dẫn',
  org: 'Tổ chức',
  member: 'Đảng viên',
  /** Hidden: the dropdown lists point here, since a list typed into the rule cannot hold a comma. */
  lists: 'Danh mục',
} as const;

/** Marks required columns; normalizeHeader drops text in brackets, so the marked header still maps. */
export const requiredMark = ' (*)';

/** Rows that get dropdowns and date checks. The importer checks every row anyway; this only helps typing. */
const defaultValidatedRows = 20_000;

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const requiredFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

interface WorksheetWithValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

export async function buildImportTemplate(options: { validatedRows?: number } = {}): Promise<Buffer> {
  const lastRow = 1 + (options.validatedRows ?? defaultValidatedRows);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'dangvu';

  const instructions = workbook.addWorksheet(templateSheetNames.instructions);
  const orgs = workbook.addWorksheet(templateSheetNames.org, { views: [{ state: 'frozen', ySplit: 1 }] });
  const members = workbook.addWorksheet(templateSheetNames.member, { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = workbook.addWorksheet(templateSheetNames.lists);
  lists.state = 'hidden';

  const listRanges = writeLists(lists, [...orgImportFields, ...memberImportFields]);
  writeDataSheet(orgs, orgImportFields, listRanges, lastRow);
  writeDataSheet(members, memberImportFields, listRanges, lastRow);
  writeInstructions(instructions);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One column per enum field of the lists sheet; returns the absolute range each dropdown uses. */
function writeLists(sheet: ExcelJS.Worksheet, fields: readonly ImportField[]): Map<string, string> {
  const ranges = new Map<string, string>();
  let column = 0;
  for (const field of fields) {
    if (!field.enumSpec || ranges.has(field.enumSpec.field)) continue;
    const labels = Object.values<string>(field.enumSpec.labels);
    const letter = columnLetter(column++);
    sheet.getCell(`${letter}1`).value = field.enumSpec.field;
    labels.forEach((label, i) => {
      sheet.getCell(`${letter}${i + 2}`).value = label;
    });
    sheet.getColumn(letter).width = Math.max(...labels.map((l) => l.length), field.enumSpec.field.length) + 2;
    ranges.set(field.enumSpec.field, `'${templateSheetNames.lists}'!$${letter}$2:$${letter}$${labels.length + 1}`);
  }
  return ranges;
}

function writeDataSheet(sheet: ExcelJS.Worksheet, fields: readonly ImportField[], listRanges: Map<string, string>, lastRow: number): void {
  const validations = (sheet as unknown as WorksheetWithValidations).dataValidations;
  fields.forEach((field, index) => {
    const letter = columnLetter(index);
    const column = sheet.getColumn(index + 1);
    column.width = Math.max(14, Math.min(40, field.label.length + 6));
    if (field.kind === 'date') column.numFmt = 'dd/mm/yyyy';
    // Typed as numbers, IDs lose their leading zeros; text keeps them.
    if (field.kind === 'national_id' || field.kind === 'digits' || field.key === 'code' || field.kind === 'org_ref') column.numFmt = '@';

    const header = sheet.getCell(1, index + 1);
    header.value = field.required ? `${field.label}${requiredMark}` : field.label;
    header.font = { bold: true };
    header.fill = field.required ? requiredFill : headerFill;
    header.alignment = { vertical: 'middle', wrapText: true };
    header.note = field.note;

    const range = `${letter}2:${letter}${lastRow}`;
    if (field.enumSpec) {
      validations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [listRanges.get(field.enumSpec.field)],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: field.label.slice(0, 32),
        error: `Hãy chọn một giá trị trong danh sách: ${Object.values<string>(field.enumSpec.labels).join('; ')}.`.slice(0, 255),
      });
    } else if (field.kind === 'date') {
      validations.add(range, {
        type: 'date',
        operator: 'between',
        allowBlank: true,
        formulae: [new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: field.label.slice(0, 32),
        error: 'Hãy ghi ngày theo dạng ngày/tháng/năm, ví dụ 15/03/1980.',
        showInputMessage: true,
        promptTitle: field.label.slice(0, 32),
        prompt: 'Ngày/tháng/năm, ví dụ 15/03/1980',
      });
    }
  });
  sheet.getRow(1).height = 32;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: fields.length } };
}

function writeInstructions(sheet: ExcelJS.Worksheet): void {
  sheet.getColumn(1).width = 34;
  sheet.getColumn(2).width = 12;
  sheet.getColumn(3).width = 90;
  const title = sheet.addRow(['MẪU NHẬP DỮ LIỆU TỔ CHỨC ĐẢNG VÀ ĐẢNG VIÊN']);
  title.font = { bold: true, size: 14 };
  sheet.addRow([]);
  const maxMb = Math.round(defaultUploadLimits.maxBytes / 1024 / 1024);
  const rules = [
    `1. Tệp có hai trang dữ liệu: "${templateSheetNames.org}" và "${templateSheetNames.member}". Ghi các tổ chức trước; cột "Chi bộ" ở trang "${templateSheetNames.member}" ghi mã tổ chức ở trang "${templateSheetNames.org}" (hoặc tổ chức đã có trong hệ thống).`,
    '2. Giữ dòng tiêu đề ở dòng 1 của mỗi trang. Có thể bỏ bớt cột không dùng hoặc đổi thứ tự cột. Cột có dấu (*) là bắt buộc.',
    '3. Ngày ghi theo dạng ngày/tháng/năm, ví dụ 15/03/1980.',
    '4. Các cột Giới tính, Tình trạng, Trình độ lý luận chính trị, Loại tổ chức, Loại hình cơ sở: bấm vào ô rồi chọn trong danh sách.',
    '5. Số CCCD, số thẻ đảng viên và mã tổ chức được định dạng kiểu chữ để giữ số 0 ở đầu. Khi dán dữ liệu từ tệp khác, hãy dùng "Dán giá trị" (Paste Values).',
    '6. Văn bản gõ bằng phông TCVN3 (.VnTime) hoặc VNI được tự động chuyển sang Unicode.',
    `7. Lưu tệp dạng "Excel Workbook (*.xlsx)": không dùng .xls, không lưu kèm macro, không đặt mật khẩu; tệp không quá ${maxMb} MB.`,
  ];
  for (const rule of rules) {
    const row = sheet.addRow([rule]);
    sheet.mergeCells(row.number, 1, row.number, 3);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.height = 30;
  }
  for (const [name, fields] of [
    [templateSheetNames.org, orgImportFields],
    [templateSheetNames.member, memberImportFields],
  ] as const) {
    sheet.addRow([]);
    sheet.addRow([`Trang "${name}"`]).font = { bold: true, size: 12 };
    const header = sheet.addRow(['Cột', 'Bắt buộc', 'Cách ghi']);
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = headerFill;
    });
    for (const field of fields as readonly ImportField[]) {
      const row = sheet.addRow([field.label, field.required ? 'Có' : '', field.note]);
      row.alignment = { wrapText: true, vertical: 'top' };
    }
  }
}
