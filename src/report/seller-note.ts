import { fixedOnAfterData, type Comparison, type VerdictProblem } from '../model/compare.js';
import { describeProblem, pct } from './poa.js';

/**
 * The short note for the seller in their language: what is in the pack and what to check before sending.
 * The Plan of Action itself stays English; this note is the one place that speaks Chinese.
 */

export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];

export interface NoteInput {
  lang: Lang;
  comparison: Comparison;
  placeholders: number;
  /** Whether report.pdf was printed; if not, the note says how to print report.html. */
  pdfWritten: boolean;
  /** Why report.pdf was not printed (the printer's reason), when it was not. */
  pdfReason?: string;
  /** The pack's files with what each holds, in the note's language. */
  files: ReadonlyArray<{ file: string; what: string }>;
}

interface Words {
  title: (fixedOn: string) => string;
  contents: string;
  before: string;
  placeholders: (n: number) => string;
  noPlaceholders: string;
  checkFacts: string;
  improved: (c: Comparison) => string;
  notImproved: (c: Comparison) => string;
  problem: (p: VerdictProblem, fixedOn: string) => string;
  /** How to get report.pdf when it was not printed, and why it was not (`PDF_OFF` when switched off). */
  print: (reason: string | undefined) => string;
  printed: string;
  privacy: string;
  noAfter: (fixedOn: string, newest: string) => string;
  english?: string;
}

const WORDS: Record<Lang, Words> = {
  en: {
    title: (d) => `Appeal pack for the fix of ${d}`,
    contents: 'What is in this folder:',
    before: 'Before you send anything:',
    placeholders: (n) =>
      `Replace the ${n} "[[SELLER TO FILL: ...]]" placeholder${n === 1 ? '' : 's'} in plan-of-action.txt (and .md). The data cannot know these facts; write only what you can prove.`,
    noPlaceholders: 'No placeholders are left in the Plan of Action.',
    checkFacts: 'Read every figure and compare it with your own records (carriers, dates, the day of the fix).',
    improved: (c) =>
      `The data shows an improvement after ${c.fixedOn}: early-confirmation rate ${pct(c.before.earlyConfirmationRate)} before, ${pct(c.after.earlyConfirmationRate)} since.`,
    notImproved: (c) =>
      `The data does NOT yet show an improvement after ${c.fixedOn}, and the Plan of Action says so. Think twice before sending; run shipaudit appeal again once more shipments since ${c.fixedOn} have a carrier scan.`,
    problem: describeProblem,
    print: (reason) =>
      `report.pdf was not written on this computer (${reason === PDF_OFF ? 'printing is switched off: SHIPAUDIT_CHROMIUM=none' : (reason ?? 'no Chromium or Chrome found')}). ` +
      'Open report.html in Chrome or Edge and print it to PDF (A4, "Save as PDF"), then attach that PDF.',
    printed: 'Open report.pdf and check it: it is what the reviewer reads (report.html is the same on screen).',
    noAfter: (d, n) =>
      `WARNING: the fix date ${d} is after the newest confirmation in the data (${n}): there is no "after" ` +
      'period, so nothing can show the fix worked. Check --fixed-on, or give the files that run past it.',
    privacy:
      'None of these files holds buyer names, addresses, phone numbers or e-mails. Keep it that way: do not attach order reports.',
  },
  zh: {
    title: (d) => `申诉材料包（整改日期 ${d}）`,
    contents: '本文件夹包含：',
    before: '发送之前请检查：',
    placeholders: (n) =>
      `把 plan-of-action.txt（及 .md）中的 ${n} 处 "[[SELLER TO FILL: ...]]" 占位符替换为真实内容。这些事实数据无法得知；只写你能证明的内容。`,
    noPlaceholders: '行动计划中已没有占位符。',
    checkFacts: '逐项核对所有数字，与你自己的记录（承运商、日期、整改日期）对照。',
    improved: (c) =>
      `数据显示 ${c.fixedOn} 之后有改善：提前确认发货比例由 ${pct(c.before.earlyConfirmationRate)} 降至 ${pct(c.after.earlyConfirmationRate)}。`,
    notImproved: (c) =>
      `数据尚未显示 ${c.fixedOn} 之后有改善，行动计划中如实说明了这一点。发送前请慎重考虑；等 ${c.fixedOn} 之后有更多包裹被承运商扫描后，再运行一次 shipaudit appeal。`,
    problem: (p, d) => {
      switch (p.kind) {
        case 'nothing-before':
          return `${d} 之前没有任何已知首次扫描时间的包裹，无从比较`;
        case 'few-after':
          return `${d} 之后只有 ${p.withScanTime} 个包裹有已知的首次扫描时间（至少需要 ${p.needed} 个）`;
        case 'rate-not-lower':
          return `${d} 之后的提前确认比例（${pct(p.after)}）不低于之前（${pct(p.before)}）`;
        case 'unverified-after':
          return `${d} 之后有 ${p.count} 个包裹没有可供判断的承运商扫描（没有运单号，或确认发货很久之后仍没有实物扫描），而比例只计算已扫描的包裹`;
      }
    },
    print: (reason) =>
      `本机未生成 report.pdf（${reason === PDF_OFF ? '已用 SHIPAUDIT_CHROMIUM=none 关闭打印' : reason === undefined || reason.startsWith('no Chromium') ? '未找到 Chromium 或 Chrome' : '浏览器未能打印'}）。` +
      '请用 Chrome 或 Edge 打开 report.html，打印为 PDF（A4，"另存为 PDF"），再作为附件。',
    printed: '打开 report.pdf 检查一遍：审核人员看到的就是它（report.html 是同样内容的网页版）。',
    noAfter: (d, n) =>
      `警告：整改日期 ${d} 晚于数据中最新的发货确认（${n}）：没有"整改之后"的数据，无法证明整改有效。请检查 --fixed-on，或提供覆盖该日期之后的文件。`,
    privacy: '这些文件都不含买家姓名、地址、电话或邮箱。请保持这样：不要附上订单报告。',
    english: '行动计划（plan-of-action）特意保留为英文：亚马逊卖家绩效团队以英文审核申诉。',
  },
};

/** The printer's reason when the user switched printing off. */
export const PDF_OFF = 'SHIPAUDIT_CHROMIUM=none';

export function formatSellerNote({
  lang,
  comparison: c,
  placeholders,
  pdfWritten,
  pdfReason,
  files,
}: NoteInput): string {
  const w = WORDS[lang];
  const problems = c.verdict.problems.map((p) => `   - ${w.problem(p, c.fixedOn)}`);
  const noAfter = fixedOnAfterData(c);
  const steps = [
    ...(noAfter ? [w.noAfter(c.fixedOn, noAfter.newest)] : []),
    placeholders > 0 ? w.placeholders(placeholders) : w.noPlaceholders,
    w.checkFacts,
    c.verdict.improved ? w.improved(c) : [w.notImproved(c), ...problems].join('\n'),
    pdfWritten ? w.printed : w.print(pdfReason),
    w.privacy,
    ...(w.english ? [w.english] : []),
  ];
  return [
    w.title(c.fixedOn),
    '',
    w.contents,
    ...files.map((f) => `- ${f.file}: ${f.what}`),
    '',
    w.before,
    ...steps.map((s, i) => `${i + 1}. ${s}`),
    '',
  ].join('\n');
}
