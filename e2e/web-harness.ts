/**
 * Starts what the browser journeys need: the web app built into a temporary folder, the server
 * (`buildApp`) on a random port over an embedded database with the demo bloc, and headless Chromium.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import JSZip from 'jszip';
import { buildApp } from '../src/server/app.js';
import type { Database } from '../src/server/db/client.js';
import { loadDemo } from '../src/server/domains/demo/demo.service.js';
import { createUser } from '../src/server/domains/users/users.service.js';
import { createTestDatabase, ctxFor } from '../src/server/test/test-database.js';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
/** Set in CI: a journey fails instead of skipping when Chromium is missing. */
export const requireBrowser = process.env.DANGVU_REQUIRE_BROWSER === '1';
export const projectRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** Not committed (.gitignore): screenshots to look at before calling the web app done. */
export const screenshotDir = join(projectRoot, 'test-results', 'screenshots');

export const PASSWORD = 'Mat-khau-e2e-2026';

export interface Harness {
  baseUrl: string;
  browser: Browser;
  app: FastifyInstance;
  database: Database;
  webDir: string;
  close: () => Promise<void>;
}

/** Builds the app with the project's own Vite config into a folder of its own, so `dist/web` is left alone. */
export function buildWeb(): string {
  const webDir = mkdtempSync(join(tmpdir(), 'dangvu-e2e-web-'));
  const vite = join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--outDir', webDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`vite build failed: ${result.stderr || result.stdout}`);
  return webDir;
}

export async function startHarness(): Promise<Harness> {
  const webDir = buildWeb();
  const { database, drop } = await createTestDatabase();
  await loadDemo(ctxFor(database), database, {});
  await createUser(ctxFor(database), {
    username: 'quantri',
    displayName: 'Quản trị thử nghiệm',
    role: 'admin',
    orgId: null,
    memberId: null,
    password: PASSWORD,
  });
  const app = await buildApp({ database, logger: false, webDir });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(screenshotDir, { recursive: true });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    app,
    database,
    webDir,
    close: async () => {
      await browser.close();
      await app.close();
      await drop();
      rmSync(webDir, { recursive: true, force: true });
    },
  };
}

export const desktop = { width: 1280, height: 900 };
export const phone = { width: 390, height: 844 };

export async function newPage(harness: Harness, viewport = desktop): Promise<{ context: BrowserContext; page: Page }> {
  const context = await harness.browser.newContext({ viewport, locale: 'vi-VN', acceptDownloads: true });
  const page = await context.newPage();
  return { context, page };
}

export async function signIn(page: Page, baseUrl: string, username: string, password = PASSWORD, path = '/dang-nhap'): Promise<void> {
  await page.goto(baseUrl + path);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.locator('input[type=password]').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
}

/** The API as the signed-in page sees it (same cookie, same CSRF token). */
export async function apiFromPage<T>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = await fetch('/api/v1/auth/session').then((r) => r.json());
      const response = await fetch(`/api/v1${path}`, {
        method,
        headers: body === undefined ? { 'x-csrf-token': session.csrfToken } : { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
    { method, path, body },
  );
}

const axeSource = readFileSync(join(projectRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Serious and critical axe-core findings on the page as it is now. */
export async function axeViolations(page: Page): Promise<string[]> {
  // A popover still fading in has its text at part opacity: axe would measure the fade, not the colours. Wait for the
  // transitions that end (a loader's spin never does).
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity), undefined, {
      timeout: 5_000,
    })
    .catch(() => undefined);
  // Evaluated through the browser's debugging protocol: the app's CSP (own scripts only) refuses an inline <script>.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(' | ')}`,
    );
}

export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .waitForFunction(() => document.querySelectorAll('[role="status"] .mantine-Loader-root, .mantine-Skeleton-root').length === 0, undefined, {
      timeout: 15_000,
    })
    .catch(() => undefined);
}

/** Types a dd/mm/yyyy date and leaves the field, which is when the date input parses it. */
export async function typeDate(field: Locator, text: string): Promise<void> {
  await field.fill(text);
  await field.press('Tab');
}

/** Types into a searchable select and picks the first option of that name. */
export async function choose(page: Page, field: Locator, search: string, option: string | RegExp): Promise<void> {
  await field.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

/** The running text of a downloaded .docx, to check what the document says. */
export async function docxText(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
}
