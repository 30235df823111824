import { fstatSync } from 'node:fs';
import iconv from 'iconv-lite';
import { builtin } from './builtin.js';

/**
 * The bytes of the text report for the program that reads them. Node writes UTF-8. On Windows:
 * - to the console itself, Node (libuv) turns the UTF-8 into UTF-16 and calls WriteConsoleW: the
 *   characters show whatever the console's code page (936 on a Chinese Windows), so nothing is changed;
 * - into a file (`> report.txt`, the Task Scheduler's batch file), UTF-8 too: Notepad and every editor read
 *   it, and no code page short of UTF-8 holds both Chinese and the report's symbols (✔, →);
 * - into a pipe (`| more`, `| findstr`, captured or redirected by PowerShell 5), the bytes are decoded in
 *   the console's code page: UTF-8 would show as mojibake in a code page 936 console. The text report is
 *   then written in that code page (GBK for 936), unless it is UTF-8 (65001, after `chcp 65001`) or the
 *   shell is an MSYS one (Git Bash reads UTF-8).
 * JSON stays UTF-8 everywhere (RFC 8259; what every JSON reader expects). `SHIPAUDIT_ENCODING` (e.g.
 * `utf8`, `gbk`, `gb18030`, `big5`, `shift_jis`) says what to write instead, except to a Windows console,
 * where Node shows Unicode itself.
 */
export interface ConsoleFacts {
  platform: NodeJS.Platform;
  /** What stdout is: a terminal (on Windows: the console), a file, or a pipe (or a device). */
  stdout: 'tty' | 'file' | 'pipe';
  env: NodeJS.ProcessEnv;
  /** The Windows console's code page (`chcp`), when known. */
  codePage?: number;
}

const UTF8 = 'utf8';

/** The encoding of the text report's bytes on stdout, as an iconv-lite name ("utf8" when unchanged). */
export function textEncoding(f: ConsoleFacts): string {
  if (f.platform === 'win32' && f.stdout === 'tty') return UTF8;
  const asked = f.env.SHIPAUDIT_ENCODING?.trim();
  // An encoding iconv-lite does not know is left aside: UTF-8, the same as without the variable.
  if (asked && iconv.encodingExists(asked)) return normalise(asked);
  if (f.platform !== 'win32' || f.stdout !== 'pipe' || f.env.MSYSTEM) return UTF8;
  if (f.codePage === undefined || f.codePage === 65001) return UTF8;
  const name = `cp${f.codePage}`;
  return iconv.encodingExists(name) ? name : UTF8;
}

function normalise(name: string): string {
  const n = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return n === 'utf8' ? UTF8 : name;
}

/** Text in the given encoding (UTF-8 as it is). */
export function encodeText(text: string, encoding: string): string | Uint8Array {
  return encoding === UTF8 ? text : iconv.encode(text, encoding);
}

/** The code page in `chcp`'s answer ("Active code page: 936", "活动代码页: 936"), or undefined. */
export function parseChcp(output: string): number | undefined {
  const m = /(\d{3,5})\s*\.?\s*$/.exec(output.trim());
  return m ? Number(m[1]) : undefined;
}

/**
 * The console's code page, asked of `chcp` (Windows only; some 30 ms, so asked only when stdout is a pipe
 * there and no SHIPAUDIT_ENCODING decides). Undefined when chcp can't tell.
 */
function consoleCodePage(): number | undefined {
  const { spawnSync } = builtin('node:child_process');
  const r = spawnSync('chcp.com', [], { encoding: 'latin1', windowsHide: true, timeout: 5000 });
  return r.status === 0 ? parseChcp(r.stdout) : undefined;
}

/** What this process's stdout is. */
function stdoutKind(): ConsoleFacts['stdout'] {
  if (process.stdout.isTTY) return 'tty';
  try {
    return fstatSync(1).isFile() ? 'file' : 'pipe';
  } catch {
    return 'pipe';
  }
}

let decided: string | undefined;

/** The text report's encoding for this process's stdout, decided once. */
export function stdoutTextEncoding(): string {
  if (decided === undefined) {
    const facts: ConsoleFacts = { platform: process.platform, stdout: stdoutKind(), env: process.env };
    const asked = facts.env.SHIPAUDIT_ENCODING?.trim();
    const byVariable = asked !== undefined && asked !== '' && iconv.encodingExists(asked);
    const needsCodePage = facts.platform === 'win32' && facts.stdout === 'pipe' && !byVariable && !facts.env.MSYSTEM;
    decided = textEncoding(needsCodePage ? { ...facts, codePage: consoleCodePage() } : facts);
  }
  return decided;
}
