import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { getStoredFile, openStoredFile, setStoredFilesConfig, storedFilePath, storeFile } from './files.service.js';

let database: Database;
let drop: () => Promise<void>;
let dir: string;
beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  dir = await mkdtemp(join(tmpdir(), 'dangvu-files-test-'));
  setStoredFilesConfig({ dir, maxBytes: 1024 });
});
afterAll(async () => {
  await drop();
  await rm(dir, { recursive: true, force: true });
});

const streamOf = (text: string) => Readable.from([Buffer.from(text)]);
const readAll = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
};

describe('stored files', () => {
  it('keeps a PDF on disk by its hash, once, with a row saying who brought it', async () => {
    const ctx = ctxFor(database);
    const first = await storeFile(ctx, { body: streamOf('%PDF-1.7 biên bản'), originalName: 'bien-ban.pdf', purpose: 'test' });
    const again = await storeFile(ctx, { body: Buffer.from('%PDF-1.7 biên bản'), originalName: 'copy.pdf', purpose: 'test' });
    expect(again.sha256).toBe(first.sha256);
    expect(again.id).not.toBe(first.id);
    expect(first).toMatchObject({ mediaType: 'application/pdf', originalName: 'bien-ban.pdf', sizeBytes: Buffer.byteLength('%PDF-1.7 biên bản') });
    expect(await readFile(storedFilePath(first.sha256), 'utf8')).toBe('%PDF-1.7 biên bản');
    expect(await readAll(await openStoredFile(await getStoredFile(ctx, first.id)))).toBe('%PDF-1.7 biên bản');
  });

  it('refuses a file that is not a PDF or .docx, and one past the limit, writing nothing', async () => {
    const ctx = ctxFor(database);
    await expect(
      storeFile(ctx, { body: streamOf('<html>biên bản</html>'), originalName: 'bien-ban.pdf', purpose: 'test', field: 'minutes' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', fields: [{ field: 'minutes', message: expect.stringContaining('PDF hoặc .docx') }] });
    await expect(storeFile(ctx, { body: streamOf(`%PDF-${'x'.repeat(2000)}`), originalName: 'lon.pdf', purpose: 'test' })).rejects.toMatchObject({
      fields: [{ field: 'file', message: expect.stringContaining('MB') }],
    });
    await expect(getStoredFile(ctx, 999_999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
