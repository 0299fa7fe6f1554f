import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';

/** Debian's chromium (Playwright's own browser download is not reachable here). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const INSTALL_CHROMIUM_HINT = 'install it with `apt-get install -y chromium` (.ci/run does so when it is missing), or set CHROMIUM_PATH';

/** Where the browser tests write their screenshots (gitignored). */
export const SCREENSHOT_DIR = path.join(__dirname, '..', '..', 'test-output', 'web');

/**
 * A headless Chromium with a fresh profile. A missing browser is a failure with the instruction,
 * never a skipped test.
 */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: the web console's browser tests need it; ${INSTALL_CHROMIUM_HINT}.`);
  }
  const { chromium } = await import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'docket-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 800 },
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
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * axe-core's serious and critical violations on the page as a person reads it: once every running
 * animation (Element Plus transitions: a tag fading in reads as low contrast) has finished.
 */
export async function axeProblems(page: Page): Promise<string[]> {
  await page.waitForFunction(() =>
    (globalThis as unknown as { document: { getAnimations(): Array<{ playState: string }> } }).document.getAnimations().every((a) => a.playState !== 'running'),
  );
  const { AxeBuilder } = await import('@axe-core/playwright');
  return (await new AxeBuilder({ page }).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Signs in on the console's login page as a person does (a fresh session, the default language),
 * and waits for the page the console lands on.
 */
export async function signIn(page: Page, base: string, username: string, password: string, landing: string | RegExp = `${base}/`): Promise<void> {
  await page.goto(`${base}/login`);
  await page.evaluate("localStorage.removeItem('docket.locale'); sessionStorage.clear()");
  await page.reload();
  await page.locator('[data-test=username]').fill(username);
  await page.locator('[data-test=password]').fill(password);
  await page.locator('[data-test=password]').press('Enter');
  await page.waitForURL(landing);
}

/** Signs out from the header and waits for the login page. */
export async function signOut(page: Page): Promise<void> {
  await page.locator('[data-test=logout]').click();
  await page.waitForURL(/\/login/);
}
