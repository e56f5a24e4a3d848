/**
 * HTTP helpers for the domains that take or give stored files (no routes of their own: access to a file is its
 * owning record's). An upload is the file itself as the body, its name in `?filename=`: no multipart.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { StoredFileRow } from './files.queries.js';
import { openStoredFile, storedFileMaxBytes } from './files.service.js';
import { docxType, pdfType, safeDownloadName } from './files.rules.js';

/**
 * Inside the calling plugin only: the body of these types reaches the handler as a stream, counted and checked by
 * `storeFile` (the type a browser declares is not believed). Fastify's own limit stops a body far past ours.
 */
export function acceptFileUploads(app: FastifyInstance): void {
  app.addContentTypeParser(['application/octet-stream', pdfType, docxType], { bodyLimit: storedFileMaxBytes() * 2 + 1024 }, (_request, payload, done) =>
    done(null, payload),
  );
}

export async function sendStoredFile(reply: FastifyReply, row: StoredFileRow, downloadName = row.originalName) {
  const stream = await openStoredFile(row);
  return reply
    .type(row.mediaType)
    .header('content-disposition', `attachment; filename="${safeDownloadName(downloadName)}"`)
    .header('content-length', String(row.sizeBytes))
    .send(stream);
}
