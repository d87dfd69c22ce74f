/**
 * The HTML report in a real browser (Debian's Chromium driven by playwright-core): the map, its
 * tooltip and details panel work from a file:// URL with no console error and no request beyond
 * the page itself. Never skipped: `npm test` installs Chromium first (scripts/ensure-chromium.mjs).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/analysis.js';
import { analyze } from '../../src/analyze.js';
import { renderHtml } from '../../src/report/html/render-html.js';
import { labelWidth } from '../../src/report/html/map-layout.js';
import { REPO, fixture } from '../helpers.js';
import { largeAnalysis } from '../report/large-analysis.js';

const CHROMIUM = '/usr/bin/chromium';
const OUTPUT = path.join(REPO, 'test-output');

/** Writes the page to a temporary file and opens it, recording errors, requests and dialogs. */
async function open(browser: Browser, html: string) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'seams-html-')), 'report.html');
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems: string[] = [];
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('request', (request) => requests.push(request.url()));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, url, problems, requests, dialogs };
}

/** The circle of a service's node (the group's own box may be empty in its centre). */
function circleOf(page: Page, id: string) {
  return page.locator(`.service-node[data-service="${id.replace(/["\\]/g, '\\$&')}"] circle`);
}

describe('HTML report in Chromium', () => {
  let browser: Browser;
  let analysis: Analysis;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    analysis = await analyze({ path: fixture('monolith'), cache: false });
    mkdirSync(OUTPUT, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('draws every service, shows metrics on hover and modules on click, offline and without errors', {
    timeout: 60_000,
  }, async () => {
    const { page, url, problems, requests } = await open(browser, renderHtml(analysis));
    expect(await page.locator('.service-node').count()).toBe(analysis.partition.clusters.length);

    const service = analysis.partition.clusters.find((item) => item.kind === 'service' && item.modules.length > 0);
    if (service === undefined) throw new Error('the fixture has no service');
    const metrics = analysis.metrics.services.find((item) => item.cluster === service.id);
    if (metrics === undefined) throw new Error(`no metrics for ${service.id}`);

    const tooltip = page.locator('#tooltip');
    expect(await tooltip.isVisible()).toBe(false);
    await circleOf(page, service.id).hover();
    await tooltip.waitFor({ state: 'visible' });
    const tip = (await tooltip.textContent()) ?? '';
    expect(tip).toContain(service.id);
    expect(tip).toContain(`cohesion${metrics.cohesion.toFixed(2)}`);
    expect(tip).toContain(`Ce${metrics.ce}`);

    const details = page.locator('#details');
    expect(await details.isVisible()).toBe(false);
    await circleOf(page, service.id).click();
    await details.waitFor({ state: 'visible' });
    const listed = (await details.textContent()) ?? '';
    expect(listed).toContain(service.modules[0]);
    expect(listed).toContain(`Modules (${service.modules.length})`);
    const touching = await page.locator('#service-map .edge.active').count();
    expect(touching).toBe(
      analysis.plan.dependencies.filter((dep) => dep.from === service.id || dep.to === service.id).length,
    );
    await page.mouse.move(2, 2);
    await page.screenshot({ path: path.join(OUTPUT, 'report-details.png') });

    // Keyboard: Tab focus and Enter select another service; Escape closes the panel.
    const other = analysis.partition.clusters.find((item) => item.id !== service.id && item.modules.length > 0);
    if (other === undefined) throw new Error('the fixture has one service');
    await page.locator(`.service-node[data-service="${other.id}"]`).focus();
    await tooltip.waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await page.locator('#details h3', { hasText: other.id }).waitFor();
    expect((await details.textContent()) ?? '').toContain(other.modules[0]);
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'hidden' });

    await page.screenshot({ path: path.join(OUTPUT, 'report.png'), fullPage: true });
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();
  });

  it('runs nothing from hostile names: no dialog, no injected element, names shown as text', {
    timeout: 60_000,
  }, async () => {
    const evil = `cart<img src=x onerror=alert(1)></script><script>alert(2)</script>"'&`;
    const hostile = JSON.parse(JSON.stringify(analysis).split('"cart"').join(JSON.stringify(evil))) as Analysis;
    hostile.diagnostics = [
      {
        code: 'UNRESOLVED_IMPORT',
        message: '<img src=x onerror=alert(3)>',
        file: '<img src=x onerror=alert(4)>.ts',
        line: 1,
      },
    ];
    const { page, problems, requests, url, dialogs } = await open(browser, renderHtml(hostile));
    expect(await page.locator('.service-node').count()).toBe(hostile.partition.clusters.length);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(2);
    await circleOf(page, evil).hover();
    await page.locator('#tooltip').waitFor({ state: 'visible' });
    expect(await page.locator('#tooltip .tt-name').textContent()).toBe(evil);
    await circleOf(page, evil).click();
    expect(await page.locator('#details h3').textContent()).toBe(evil);
    expect(await page.locator('#diagnostics td').nth(1).textContent()).toBe('<img src=x onerror=alert(4)>.ts:1');
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();
  });

  it('draws no map label over another, as the browser measures them, on a grouped map of 60 services', {
    timeout: 60_000,
  }, async () => {
    const words = ['api', 'billing', 'mmmwww', 'UserAccounts', 'notification-delivery-scheduler-queue', 'WWW-Mail'];
    const large = largeAnalysis(60, 2, (i) => `${words[i % words.length]}-${i}`);
    const { page, problems } = await open(browser, renderHtml(large));
    expect(await page.locator('#service-map .map-group').count()).toBeGreaterThan(1);
    const fontSize = Number(await page.locator('#service-map').getAttribute('font-size'));
    // In the page (no DOM typings here): each label's box in SVG user units, as the browser lays it out.
    const boxes = (await page.evaluate(`Array.from(
      document.querySelectorAll('#service-map text.label, #service-map text.group-title'),
      (text) => { const box = text.getBBox(); return { text: text.textContent, x0: box.x, y0: box.y, x1: box.x + box.width, y1: box.y + box.height }; },
    )`)) as { text: string; x0: number; y0: number; x1: number; y1: number }[];
    expect(boxes).toHaveLength(60 + (await page.locator('#service-map .map-group').count()));
    const crossing: string[] = [];
    for (const [i, a] of boxes.entries()) {
      // The layout's estimate covers the text the browser draws.
      expect(a.x1 - a.x0, a.text).toBeLessThanOrEqual(labelWidth(a.text, fontSize));
      for (const b of boxes.slice(i + 1))
        if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) crossing.push(`${a.text} / ${b.text}`);
    }
    expect(crossing).toEqual([]);
    await page.screenshot({ path: path.join(OUTPUT, 'report-large-map.png') });
    expect(problems).toEqual([]);
    await page.close();
  });
});
