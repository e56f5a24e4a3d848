import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { writeXlsx, type ExportSheet } from '../export/xlsx-export.js';

export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Streams sheets to the client as an .xlsx download named `<fileBase>-<yyyy-mm-dd>.xlsx`. */
export function sendXlsx(reply: FastifyReply, fileBase: string, sheets: ExportSheet[]) {
  const stream = new PassThrough();
  writeXlsx(stream, sheets).catch((error: Error) => stream.destroy(error));
  return reply
    .type(xlsxContentType)
    .header('content-disposition', `attachment; filename="${fileBase}-${new Date().toISOString().slice(0, 10)}.xlsx"`)
    .send(stream);
}
