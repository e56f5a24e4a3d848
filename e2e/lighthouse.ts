/**
 * Lighthouse (performance, accessibility, best practices, SEO) on public pages, driving Debian's Chromium: a Chromium
 * of its own started by playwright-core with a debugging port, which Lighthouse connects to. Scores are 0–100.
 */
import { createServer } from 'node:net';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { chromiumPath } from './web-harness.js';

export const lighthouseCategories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type LighthouseScores = Record<(typeof lighthouseCategories)[number], number> & { failedAudits: string[] };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The scores of each page (Lighthouse's defaults: a phone, simulated throttling), one page after the other. */
export async function lighthouseScores(urls: string[]): Promise<Map<string, LighthouseScores>> {
  const port = await freePort();
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', `--remote-debugging-port=${port}`],
  });
  try {
    const scores = new Map<string, LighthouseScores>();
    for (const url of urls) {
      const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...lighthouseCategories] });
      if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
      const { categories, audits } = result.lhr;
      const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
      scores.set(url, {
        performance: score('performance'),
        accessibility: score('accessibility'),
        'best-practices': score('best-practices'),
        seo: score('seo'),
        failedAudits: Object.values(audits)
          .filter((a) => a.scoreDisplayMode === 'binary' && a.score !== null && a.score < 1)
          .map((a) => a.id),
      });
    }
    return scores;
  } finally {
    await browser.close();
  }
}
