import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The appeal's report.html printed to report.pdf by a Chromium already on the machine, started directly
 * (`--headless --print-to-pdf`): no browser download and no runtime dependency on a browser driver. The page
 * carries its own print layout (`@page` size, margins, header and page numbers), so Chromium's own header
 * and footer are turned off. The browser runs in a fresh profile in a temporary folder that is removed
 * afterwards; the page has no script and a CSP that forbids any request.
 */

/** Names looked up on PATH, then fixed places, in this order. `SHIPAUDIT_CHROMIUM` comes before all. */
const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];
const PLACES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

/** Flags for a quiet, isolated, one-shot headless run. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-dev-shm-usage',
  '--no-pdf-header-footer',
];

const TIMEOUT_MS = 90_000;

export type PdfOutcome = { pdf: Buffer } | { reason: string };

/** `SHIPAUDIT_CHROMIUM=none` turns printing off; a path uses that browser, and only that one. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): { path?: string; reason?: string } {
  const named = env.SHIPAUDIT_CHROMIUM;
  if (named !== undefined && named !== '') {
    if (named === 'none') return { reason: 'SHIPAUDIT_CHROMIUM=none' };
    return executable(named) ? { path: named } : { reason: `SHIPAUDIT_CHROMIUM=${named} is not an executable file` };
  }
  const exe = process.platform === 'win32' ? ['.exe', ''] : [''];
  for (const name of NAMES) {
    for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
      for (const ext of exe) if (executable(join(dir, name + ext))) return { path: join(dir, name + ext) };
    }
  }
  const found = PLACES.find(executable);
  return found ? { path: found } : { reason: 'no Chromium or Chrome found (set SHIPAUDIT_CHROMIUM to its path)' };
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Prints the page; any failure (no browser, a crash, a timeout) is a reason, never an exception. */
export async function printHtmlToPdf(html: string, env: NodeJS.ProcessEnv = process.env): Promise<PdfOutcome> {
  const browser = findChromium(env);
  if (!browser.path) return { reason: browser.reason! };
  const dir = await mkdtemp(join(tmpdir(), 'shipaudit-pdf-'));
  try {
    const page = join(dir, 'report.html');
    const pdf = join(dir, 'report.pdf');
    await writeFile(page, html);
    const profile = `--user-data-dir=${join(dir, 'profile')}`;
    const args = [...FLAGS, profile, `--print-to-pdf=${pdf}`, pathToFileURL(page).href];
    const failed = await run(browser.path, args);
    const bytes = await readFile(pdf).catch(() => undefined);
    if (bytes && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return { pdf: bytes };
    return { reason: `${browser.path} did not print the report${failed ? ` (${failed})` : ''}` };
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Runs the browser to its end; resolves with what went wrong, or '' when it exited cleanly. */
function run(file: string, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    // Its own process group on POSIX, so that a timeout ends the browser's helper processes too.
    const child = spawn(file, args, { stdio: 'ignore', detached: process.platform !== 'win32' });
    const timer = setTimeout(() => {
      try {
        if (child.pid && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
      resolve(`no result within ${TIMEOUT_MS / 1000} s`);
    }, TIMEOUT_MS);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve(e.message);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code === 0 ? '' : `exit ${code ?? signal}`);
    });
  });
}
