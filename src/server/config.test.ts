import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configVariables, filesConfig, loadConfig } from './config.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return (readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }) as string[])
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => join(dir, name));
}

/** Tests set up their own environment: test files, test helpers and the test folder. */
const isTest = (file: string) => /\.test(-helper)?\.ts$/.test(file) || file.startsWith('src/server/test/');

describe('configuration', () => {
  it('is read from the environment only in config.ts', () => {
    const files = [...sourceFiles('src/server'), ...sourceFiles('src/cli')].filter((file) => !isTest(file));
    expect(files).toContain('src/server/config.ts');
    const readers = files.filter((file) => /\bprocess\s*(\.\s*env\b|\[\s*['"`]env)/.test(readFileSync(join(root, file), 'utf8')));
    expect(readers).toEqual(['src/server/config.ts']);
  });

  it('is documented in the README: every variable it reads, and nothing else', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const documented = [...readme.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual([...configVariables].sort());
  });

  it('reads LOG_LEVEL and DANGVU_IMPORTS_DIR, and refuses a level pino does not know', () => {
    expect(loadConfig({ LOG_LEVEL: 'silent', DANGVU_IMPORTS_DIR: '/srv/dangvu/uploads' })).toMatchObject({
      LOG_LEVEL: 'silent',
      DANGVU_IMPORTS_DIR: '/srv/dangvu/uploads',
    });
    expect(loadConfig({}).LOG_LEVEL).toBeUndefined();
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('keeps stored files beside the data folder unless DANGVU_FILES_DIR says otherwise, with a size limit in MB', () => {
    expect(filesConfig(loadConfig({ DANGVU_DATA_DIR: '/srv/dangvu/data/' }))).toEqual({ dir: '/srv/dangvu/data-files', maxBytes: 20 * 1024 * 1024 });
    expect(filesConfig(loadConfig({ DANGVU_FILES_DIR: '/srv/files', DANGVU_FILE_MAX_MB: '5' }))).toEqual({ dir: '/srv/files', maxBytes: 5 * 1024 * 1024 });
    expect(() => loadConfig({ DANGVU_FILE_MAX_MB: '0' })).toThrow(/DANGVU_FILE_MAX_MB/);
  });
});
