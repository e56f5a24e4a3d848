import { z } from 'zod';

/*
 * Building blocks of what the API returns. A route registers its answer's schema as `response` (see
 * docs/ARCHITECTURE.md): Fastify serialises through it (unknown fields are dropped, a wrong type is a 500) and the
 * OpenAPI description shows it. Output schemas state what is sent, never input rules (lengths, patterns): a record
 * taken over from old files may not meet today's input rules and must still be readable.
 */

/** A day as sent: `yyyy-mm-dd` (dates travel as text end to end). */
export const day = z.iso.date();

/**
 * A moment the server holds as a Date and sends as ISO text. The web reads the text: response types that contain
 * one are `z.input` (what travels), the server hands the schema Dates (`z.output`).
 */
export const timestamp = z.codec(z.iso.datetime(), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});

/** The decision a step cites, as stored (number, date, issuer). */
export const decisionView = z.object({ number: z.string(), date: day, issuer: z.string() });

/** One page of a list and where it stands. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** A list that is not paged. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const okResult = z.object({ ok: z.boolean() });

/** `GET /api/health`: answered without a session, polled by monitoring. */
export const healthStatus = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), migration: z.string().nullable() });
export type HealthStatus = z.infer<typeof healthStatus>;

export const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const docxMediaType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A file download: the body is the file itself, named by `content-disposition`. */
export function fileDownload(mediaType: string, description: string) {
  // Sent as a Buffer or a stream, never serialised: `any` lets the handler send either.
  return { description, content: { [mediaType]: { schema: z.any().meta({ type: 'string', format: 'binary' }) } } };
}
export const xlsxDownload = fileDownload(xlsxMediaType, 'Tệp Excel (.xlsx)');
export const docxDownload = fileDownload(docxMediaType, 'Văn bản Word (.docx)');
