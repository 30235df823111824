import type { Lang } from './lang.js';

/**
 * Every message the CLI builds for a person, English and Chinese side by side. A message is a function of
 * typed parameters: the English one declares them, the Chinese one must take the same (a missing or
 * misspelt parameter is a type error). Keys say where the message shows and what it says.
 *
 * Chinese is written as a Chinese seller on Amazon reads it: 卖家, 订单, 包裹 (a shipment), 确认发货 (the
 * shipping confirmation), 承运商首次扫描 (the carrier's first physical scan), 运单号, 最晚发货日期, 迟发率
 * (Late Shipment Rate), 有效追踪率 (Valid Tracking Rate). Order ids, tracking numbers, file names, zones,
 * rule ids, option names and numbers stay as they are.
 */

interface Message<P, R = string> {
  en: (p: P) => R;
  zh: (p: NoInfer<P>) => NoInfer<R>;
}

/** One message: the parameters are the English function's; the Chinese function is checked against them. */
function msg<P = Record<string, never>>(en: (p: P) => string, zh: (p: NoInfer<P>) => string): Message<P> {
  return { en, zh };
}

/** Column headings of a table: the same number in both languages (checked by the catalogue's test). */
function cols(en: readonly string[], zh: readonly string[]): Message<Record<string, never>, readonly string[]> {
  return { en: () => en, zh: () => zh };
}

const s = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const CATALOGUE = {
  // --- Failures (src/cli/errors.ts, main.ts) ---------------------------------------------------------
  'failure.prefix': msg(
    (p: { message: string }) => `shipaudit: ${p.message}`,
    (p) => `shipaudit：${p.message}`,
  ),
  'failure.internal': msg(
    (p: { message: string }) => `shipaudit: internal error: ${p.message} (set SHIPAUDIT_DEBUG=1 for details)`,
    (p) => `shipaudit：内部错误：${p.message}（设置 SHIPAUDIT_DEBUG=1 可查看详情）`,
  ),
  'failure.stdout': msg(
    (p: { message: string }) => `shipaudit: cannot write the output: ${p.message}`,
    (p) => `shipaudit：无法写出结果：${p.message}`,
  ),
  'warning.prefix': msg(
    (p: { message: string }) => `shipaudit: warning: ${p.message}`,
    (p) => `shipaudit：警告：${p.message}`,
  ),
  'note.prefix': msg(
    (p: { message: string }) => `shipaudit: note: ${p.message}`,
    (p) => `shipaudit：提示：${p.message}`,
  ),
  'note.unusableState': msg(
    (p: { path: string; reason: string }) => `${p.path} was unusable (${p.reason}); starting afresh`,
    (p) => `${p.path} 无法使用（${p.reason}）；重新开始`,
  ),
  'usage.hint': msg(
    () => '(run with --help for usage)',
    () => '（加 --help 查看用法）',
  ),

  // --- Option values (settings, audit, appeal) ---------------------------------------------------------
  'usage.format': msg(
    (p: { got: string }) => `--format: expected text or json, got "${p.got}"`,
    (p) => `--format：应为 text 或 json，收到的是 "${p.got}"`,
  ),
  'usage.failOn': msg(
    (p: { got: string }) => `--fail-on: expected error, warning or never, got "${p.got}"`,
    (p) => `--fail-on：应为 error、warning 或 never，收到的是 "${p.got}"`,
  ),
  'usage.toBeforeFrom': msg(
    () => '--to is before --from',
    () => '--to 早于 --from',
  ),
  'usage.lang': msg(
    (p: { got: string }) => `--lang: expected en or zh, got "${p.got}"`,
    (p) => `--lang：应为 en 或 zh，收到的是 "${p.got}"`,
  ),
  'usage.empty': msg(
    (p: { what: string; path: boolean }) =>
      `${p.what}: expected ${p.path ? 'a path' : 'a value'}, got an empty one ("")`,
    (p) => `${p.what}：应为${p.path ? '路径' : '一个值'}，收到的是空值（""）`,
  ),
  'usage.noShipments': msg(
    (p: { from?: string; to?: string; outside: number; why: string[] }) => {
      const range = p.from || p.to ? ` between ${p.from ?? 'the start'} and ${p.to ?? 'the end'}` : '';
      return `no shipments to audit${range} (${p.outside} left out: ${p.why.join(', ') || 'none'})`;
    },
    (p) => {
      const range = p.from || p.to ? `（${p.from ?? '最早'} 至 ${p.to ?? '最新'}）` : '';
      return `没有可审核的包裹${range}（排除 ${p.outside} 个：${p.why.join('，') || '无'}）`;
    },
  ),
  'usage.rejectedRows': msg(
    (p: { rows: number; first?: { file: string; line: number; message: string }; files?: string }) => {
      const where = p.first ? ` (first: ${p.first.file}:${p.first.line}: ${p.first.message})` : '';
      const rows = p.rows > 0 ? [`${s(p.rows, 'row')} could not be read${where}`] : [];
      const incomplete = 'the verdict may be incomplete (--allow-rejected-rows exits by the findings)';
      return [...rows, ...(p.files ? [p.files] : []), incomplete].join('; ');
    },
    (p) => {
      const where = p.first ? `（第一处：${p.first.file}:${p.first.line}：${p.first.message}）` : '';
      const rows = p.rows > 0 ? [`${p.rows} 行无法读取${where}`] : [];
      const incomplete = '结论可能不完整（加 --allow-rejected-rows 则按检查结果决定退出码）';
      return [...rows, ...(p.files ? [p.files] : []), incomplete].join('；');
    },
  ),

  'usage.duration': msg(
    (p: { flag: string; got: string }) => `${p.flag}: expected a duration such as 24h, 90m or 2d, got "${p.got}"`,
    (p) => `${p.flag}：应为时长，如 24h、90m 或 2d，收到的是 "${p.got}"`,
  ),
  'usage.graceTooLong': msg(
    (p: { got: string; max: number }) => `--grace: ${p.got} is more than ${p.max} h (30 days); give hours such as 24h`,
    (p) => `--grace：${p.got} 超过 ${p.max} h（30 天）；请给出小时数，如 24h`,
  ),
  'usage.day': msg(
    (p: { flag: string; got: string }) => `${p.flag}: expected a date as YYYY-MM-DD, got "${p.got}"`,
    (p) => `${p.flag}：应为 YYYY-MM-DD 格式的日期，收到的是 "${p.got}"`,
  ),
  'warning.skipped': msg(
    (p: { file: string; why: string }) => `${p.file} was skipped: ${p.why}`,
    (p) => `${p.file} 已跳过：${p.why}`,
  ),
  'init.exists': msg(
    (p: { file: string }) => `${p.file} exists already: not overwritten (use --force to replace it)`,
    (p) => `${p.file} 已存在：未覆盖（加 --force 可替换）`,
  ),
  'init.wrote': msg(
    (p: { file: string }) => `wrote ${p.file}: set "inputs" to your folders, then run \`shipaudit check\``,
    (p) => `已写出 ${p.file}：把 "inputs" 设为你的文件夹，然后运行 \`shipaudit check\``,
  ),

  // --- Progress on a terminal's stderr (the engine's own steps are in sentences.ts) -----------------------
  'progress.rules': msg(
    () => 'checking the rules',
    () => '正在检查规则',
  ),
  'progress.shipments': msg(
    () => 'shipments',
    () => '个货件',
  ),
  'progress.report': msg(
    () => 'writing the report',
    () => '正在写出报告',
  ),

  // --- Audit text report (src/report/text.ts) ------------------------------------------------------------
  'text.notAvailable': msg(
    () => 'n/a',
    () => '无',
  ),
  'text.severity': msg(
    (p: { severity: string }) => p.severity,
    (p) => (p.severity === 'error' ? '错误' : p.severity === 'warning' ? '警告' : p.severity),
  ),
  'text.verdict.first': msg(
    (p: { count: number; total: number; phrase: string; severity: string }) =>
      `${p.count} of ${s(p.total, 'shipment')} ${p.phrase} (${p.severity}).`,
    (p) => `${p.total} 个包裹中有 ${p.count} 个${p.phrase}（${p.severity}）。`,
  ),
  'text.verdict.rest': msg(
    (p: { count: number; phrase: string; severity: string }) => `${p.count} ${p.phrase} (${p.severity}).`,
    (p) => `${p.count} 个${p.phrase}（${p.severity}）。`,
  ),
  'text.verdict.incomplete': msg(
    (p: { unread: string }) => `${p.unread}; the verdict may be incomplete.`,
    (p) => `${p.unread}；结论可能不完整。`,
  ),
  'text.verdict.none': msg(
    () => '⚠ No shipments were audited.',
    () => '⚠ 没有审核任何包裹。',
  ),
  'text.verdict.noTracking': msg(
    (p: { unread: boolean }) =>
      ` Tracking was not checked: ${p.unread ? 'no tracking data could be read' : 'no tracking data was given'}.`,
    (p) => ` 未核对物流跟踪：${p.unread ? '物流跟踪数据无法读取' : '没有提供物流跟踪数据'}。`,
  ),
  'text.verdict.rowsUnread': msg(
    (p: { n: number }) => `${s(p.n, 'row')} could not be read (below)`,
    (p) => `${p.n} 行无法读取（见下文）`,
  ),
  'text.verdict.cleanButUnread': msg(
    (p: { total: number; why: string[]; unreadFiles: boolean }) =>
      `⚠ No problems found in the ${s(p.total, 'shipment')} read, but ${p.why.join('; ')}` +
      (p.unreadFiles ? '; the verdict may be incomplete.' : ': the verdict may be incomplete.'),
    (p) =>
      `⚠ 已读取的 ${p.total} 个包裹中未发现问题，但${p.why.join('；')}${p.unreadFiles ? '；' : '：'}结论可能不完整。`,
  ),
  'text.verdict.clean': msg(
    (p: { total: number }) => `✔ No problems found in ${s(p.total, 'shipment')}.`,
    (p) => `✔ ${p.total} 个包裹均未发现问题。`,
  ),
  'text.unreadFiles': msg(
    (p: { n: number; file: string; warning: string; more: number }) =>
      `${s(p.n, 'input file')} could not be read, ${p.file}: ${p.warning}${p.more > 0 ? ` and ${p.more} more (below)` : ''}`,
    (p) => `${p.n} 个输入文件无法读取，${p.file}：${p.warning}${p.more > 0 ? `，另有 ${p.more} 个（见下文）` : ''}`,
  ),
  'text.period.window': msg(
    (p: { from?: string; to: string }) => `confirmed ${p.from ?? 'any time'} to ${p.to}`,
    (p) => `确认发货时间 ${p.from ?? '最早'} 至 ${p.to}`,
  ),
  'text.period.weeks': msg(
    (p: { first: string; last?: string }) => `confirmed in week ${p.first}${p.last ? ` to week ${p.last}` : ''}`,
    (p) => `确认发货周 ${p.first}${p.last ? ` 至 ${p.last}` : ''}`,
  ),
  'text.period.none': msg(
    () => 'no confirmation in range',
    () => '范围内没有确认发货',
  ),
  'text.audited': msg(
    (p: { n: number; period: string }) => `${s(p.n, 'shipment')} audited, ${p.period}.`,
    (p) => `共审核 ${p.n} 个包裹，${p.period}。`,
  ),
  'text.asOf': msg(
    (p: { asOf: string; source: 'option' | 'newest tracking event' | 'clock'; zone: string }) =>
      `Judged as of ${p.asOf}, ${
        {
          option: 'as given with --as-of',
          'newest tracking event': 'the newest tracking event',
          clock: 'the clock when the audit ran (no tracking event was read)',
        }[p.source]
      }; times below are in ${p.zone}.`,
    (p) =>
      `评判时间点：${p.asOf}（${
        {
          option: '由 --as-of 指定',
          'newest tracking event': '最新的物流跟踪事件',
          clock: '审核运行时的时钟（未读取到物流跟踪事件）',
        }[p.source]
      }）；以下时间均为 ${p.zone} 时区。`,
  ),
  'text.excluded': msg(
    (p: { items: string[] }) => `Excluded: ${p.items.join('; ')}.`,
    (p) => `已排除：${p.items.join('；')}。`,
  ),
  'text.excludedItem': msg(
    (p: { label: string; n: number }) => `${p.label}: ${p.n}`,
    (p) => `${p.label}：${p.n}`,
  ),
  'text.matched': msg(
    (p: { matched: number; total: number; scanned: number }) =>
      `Matched with tracking: ${p.matched} of ${p.total}; with a physical carrier scan: ${p.scanned}.`,
    (p) => `匹配到物流跟踪：${p.matched} / ${p.total}；有承运商实物扫描：${p.scanned}。`,
  ),
  'text.rowsLeftOut': msg(
    (p: { n: number }) => `${s(p.n, 'row')} could not be read and ${p.n === 1 ? 'was' : 'were'} left out of the audit:`,
    (p) => `${p.n} 行无法读取，未计入审核：`,
  ),
  'text.rowsMore': msg(
    (p: { more: number; file: string }) => `  … and ${p.more} more in ${p.file} (\`shipaudit inspect ${p.file}\`)`,
    (p) => `  … ${p.file} 中另有 ${p.more} 行（\`shipaudit inspect ${p.file}\`）`,
  ),
  'text.head.files': cols(['File', 'Read as', 'Rows'], ['文件', '识别为', '行数']),
  'text.skipped': msg(
    (p: { why: string }) => `skipped: ${p.why}`,
    (p) => `已跳过：${p.why}`,
  ),
  'text.rowsRejected': msg(
    (p: { read: number; rejected: number }) => `${p.read} (${p.rejected} rejected)`,
    (p) => `${p.read}（${p.rejected} 行被拒）`,
  ),
  'text.head.targets': cols(['Figure', 'Value', 'Count', 'Target', ''], ['指标', '数值', '数量', '目标', '']),
  'text.countOf': msg(
    (p: { count: number; of: number }) => `${p.count} of ${p.of}`,
    (p) => `${p.count} / ${p.of}`,
  ),
  'text.lag.none': msg(
    () => '  No shipment has both a confirmation and a first scan time.',
    () => '  没有同时具备确认发货时间和首次扫描时间的包裹。',
  ),
  'text.lag': msg(
    (p: { median: string; p90: string; max: string; n: number }) =>
      `  median ${p.median} h, p90 ${p.p90} h, max ${p.max} h (${s(p.n, 'shipment')}; positive = confirmed before the first scan)`,
    (p) => `  中位数 ${p.median} h，p90 ${p.p90} h，最大 ${p.max} h（${p.n} 个包裹；正数 = 在首次扫描之前确认发货）`,
  ),
  'text.head.rules': cols(['Rule', 'Shipments', 'Severity'], ['规则', '包裹数', '严重程度']),
  'text.head.weeks': cols(
    ['Week', 'Shipments', 'Early', 'Rate', 'Median lag h', 'Carriers'],
    ['周', '包裹数', '提前确认', '比例', '时差中位数 h', '承运商'],
  ),
  'text.head.carriers': cols(
    ['Carrier', 'Shipments', 'Early', 'Rate', 'Median lag h', 'p90 lag h', 'Physical scan'],
    ['承运商', '包裹数', '提前确认', '比例', '时差中位数 h', '时差 p90 h', '实物扫描'],
  ),
  'text.head.offenders': cols(
    ['Order ID', 'Tracking number', 'Carrier', 'Confirmed', 'First scan', 'Gap h', 'Rule'],
    ['订单号', '运单号', '承运商', '确认发货', '首次扫描', '相差 h', '规则'],
  ),
  'text.offendersMore': msg(
    (p: { more: number }) =>
      `  … and ${p.more} more ${p.more === 1 ? 'finding' : 'findings'} (the evidence CSV lists every shipment with one, --format json every finding)`,
    (p) => `  … 另有 ${p.more} 条问题（证据 CSV 列出每个有问题的包裹，--format json 列出每条问题）`,
  ),
  'text.day': msg(
    (p: { date: string }) => `${p.date} (day)`,
    (p) => `${p.date}（仅日期）`,
  ),
  'text.unclassified.intro': msg(
    () =>
      '  These event texts matched no table entry: one may hide a first scan. Classify them under "events" in the config.',
    () => '  以下事件文字未能识别，其中可能有首次扫描。请在配置文件的 "events" 中为它们分类。',
  ),
  'text.more': msg(
    (p: { n: number }) => `  … and ${p.n} more`,
    (p) => `  … 另有 ${p.n} 条`,
  ),
  'text.unclassified.notKept': msg(
    (p: { texts: number; events: number }) =>
      `  … and about ${s(p.texts, 'more distinct text')} not kept (${s(p.events, 'event')})`,
    (p) => `  … 另有约 ${p.texts} 种事件文字未保留（${p.events} 个事件）`,
  ),
  'text.section.targets': msg(
    () => "Figures against Amazon's targets",
    () => '与亚马逊指标的对比',
  ),
  'text.section.lag': msg(
    () => 'Hand-over lag (confirmation → first carrier scan)',
    () => '交接时差（确认发货 → 承运商首次扫描）',
  ),
  'text.section.rules': msg(
    () => 'Findings per rule',
    () => '各规则的问题数',
  ),
  'text.section.weeks': msg(
    () => 'By week of confirmation',
    () => '按确认发货周统计',
  ),
  'text.section.carriers': msg(
    () => 'By carrier',
    () => '按承运商统计',
  ),
  'text.section.offenders': msg(
    (p: { n: number }) => `Worst offenders (top ${p.n})`,
    (p) => `问题最严重的包裹（前 ${p.n} 个）`,
  ),
  'text.section.unclassified': msg(
    () => 'Unclassified carrier events',
    () => '未识别的承运商事件',
  ),
  'text.section.notes': msg(
    () => 'Notes',
    () => '说明',
  ),
  'text.section.files': msg(
    () => 'Files read',
    () => '已读取的文件',
  ),
  'text.evidence': msg(
    (p: { path: string }) => `Evidence, one row per affected shipment: ${p.path}`,
    (p) => `证据（每个有问题的包裹一行）：${p.path}`,
  ),

  // --- Nightly check text (src/report/check.ts) -----------------------------------------------------------
  'check.level': msg(
    (p: { level: string }) => p.level,
    (p) => ({ error: '错误', warning: '警告', ok: '正常', 'n/a': '无' })[p.level] ?? p.level,
  ),
  'check.when': msg(
    (p: { asOf: string; zone: string }) => `shipaudit check, as of ${p.asOf} ${p.zone}`,
    (p) => `shipaudit check，截至 ${p.asOf} ${p.zone}`,
  ),
  'check.allWell': msg(
    (p: { when: string }) => `✔ ${p.when}: all well.`,
    (p) => `✔ ${p.when}：一切正常。`,
  ),
  'check.allWellDetail': msg(
    (p: {
      shipments: number;
      from: string;
      to: string;
      files: number;
      skipped: string;
      tracking: string;
      lsr10: string;
      lsr30: string;
      vtr: string;
      firstRun?: string;
      unclassified?: number;
    }) =>
      ` ${s(p.shipments, 'shipment')} confirmed ${p.from} to ${p.to} from ${s(p.files, 'input file')}${p.skipped},` +
      ` tracking up to ${p.tracking}; LSR ${p.lsr10} (10 days), ${p.lsr30} (30 days), VTR ${p.vtr}.` +
      (p.unclassified
        ? ` ${s(p.unclassified, 'carrier event text')} matched no table entry (listed by --format json and shipaudit inspect).`
        : '') +
      (p.firstRun ? ` First run: state kept in ${p.firstRun}.` : ''),
    (p) =>
      ` ${p.files} 个输入文件${p.skipped}中，${p.from} 至 ${p.to} 确认发货的包裹共 ${p.shipments} 个，` +
      `物流跟踪数据截至 ${p.tracking}；迟发率 ${p.lsr10}（10 天）、${p.lsr30}（30 天），有效追踪率 ${p.vtr}。` +
      (p.unclassified
        ? `有 ${p.unclassified} 种承运商事件文字未能识别（--format json 和 shipaudit inspect 会列出）。`
        : '') +
      (p.firstRun ? `首次运行：状态保存在 ${p.firstRun}。` : ''),
  ),
  'check.newest': msg(
    (p: { at: string }) => `${p.at} (newest)`,
    (p) => `${p.at}（最新）`,
  ),
  'check.skippedNote': msg(
    (p: { n: number; names: string }) => ` (${p.n} skipped: ${p.names})`,
    (p) => `（跳过 ${p.n} 个：${p.names}）`,
  ),
  'check.head': msg(
    (p: { when: string; counts: string[] }) => `${p.when}: ${p.counts.join(', ')}.`,
    (p) => `${p.when}：${p.counts.join('，')}。`,
  ),
  'check.count.overdue': msg(
    (p: { n: number }) => `${s(p.n, 'order')} past the latest ship date`,
    (p) => `${p.n} 个订单已过最晚发货日期`,
  ),
  'check.count.today': msg(
    (p: { n: number }) => `${s(p.n, 'order')} to ship today`,
    (p) => `${p.n} 个订单需今天发货`,
  ),
  'check.count.atRisk': msg(
    (p: { n: number }) => `${s(p.n, 'shipment')} at risk`,
    (p) => `${p.n} 个包裹有风险`,
  ),
  'check.count.new': msg(
    (p: { n: number }) => `${s(p.n, 'new finding')}`,
    (p) => `${p.n} 个新问题`,
  ),
  'check.count.overTarget': msg(
    (p: { n: number }) => `${s(p.n, 'metric')} past Amazon's target`,
    (p) => `${p.n} 项指标超出亚马逊目标`,
  ),
  'check.count.overWarn': msg(
    (p: { n: number }) => `${s(p.n, 'metric')} past the warning level`,
    (p) => `${p.n} 项指标超过警告线`,
  ),
  'check.count.input': msg(
    (p: { n: number }) => `${s(p.n, 'input warning')}`,
    (p) => `${p.n} 条输入警告`,
  ),
  'check.section.input': msg(
    () => 'Input',
    () => '输入',
  ),
  'check.skipped': msg(
    (p: { file: string; reason: string }) => `skipped  ${p.file}: ${p.reason}`,
    (p) => `已跳过  ${p.file}：${p.reason}`,
  ),
  'check.order.snapshot': msg(
    (p: { at: string }) => ` (Unshipped report of ${p.at}, stale)`,
    (p) => `（来自 ${p.at} 的未发货订单报告，已过时）`,
  ),
  'check.order.overdue': msg(
    (p: { lsd: string; hours: string }) =>
      `not confirmed; latest ship date ${p.lsd} passed ${p.hours} h ago: ship and confirm now`,
    (p) => `未确认发货；最晚发货日期 ${p.lsd} 已过 ${p.hours} h：请立即发货并确认`,
  ),
  'check.order.today': msg(
    (p: { lsd: string; hours: string }) => `not confirmed; latest ship date ${p.lsd}, ${p.hours} h left: ship it today`,
    (p) => `未确认发货；最晚发货日期 ${p.lsd}，还剩 ${p.hours} h：请今天发货`,
  ),
  'check.shipment.noScan': msg(
    (p: { since: string; left: string; grace: number; last?: { description: string; at: string } }) =>
      `no carrier scan ${p.since} h after confirmation, ${p.left} h of the ${p.grace} h grace left; ` +
      (p.last ? `last event "${p.last.description}" ${p.last.at}` : 'not in the tracking data yet'),
    (p) =>
      `确认发货 ${p.since} h 后仍无承运商扫描，${p.grace} h 宽限还剩 ${p.left} h；` +
      (p.last ? `最后事件 "${p.last.description}" ${p.last.at}` : '物流跟踪数据中还没有它'),
  ),
  'check.gate.overdue': msg(
    (p: { hours: string; reason: string; advice: string[] }) =>
      `held by the gate, latest ship date passed ${p.hours} h ago: ${p.reason}; ` + p.advice.join('; or '),
    (p) => `被闸门暂缓，最晚发货日期已过 ${p.hours} h：${p.reason}；` + p.advice.join('；或者'),
  ),
  'check.gate.held': msg(
    (p: { hours?: string; reason: string }) =>
      `held by the gate, ${p.hours === undefined ? 'no latest ship date known' : `${p.hours} h left`}: ` + p.reason,
    (p) => `被闸门暂缓，${p.hours === undefined ? '最晚发货日期未知' : `还剩 ${p.hours} h`}：` + p.reason,
  ),
  'check.section.atRisk': msg(
    () => 'At risk, not yet a defect',
    () => '有风险，尚未构成违规',
  ),
  'check.head.atRisk': cols(
    ['', 'Order ID', 'Tracking number', 'Carrier', 'What to do'],
    ['', '订单号', '运单号', '承运商', '怎么做'],
  ),
  'check.gate.later': msg(
    (p: { n: number }) => `${s(p.n, 'more order')} held by the gate with more than a day left`,
    (p) => `另有 ${p.n} 个订单被闸门暂缓，剩余时间超过一天`,
  ),
  'check.gate.released': msg(
    (p: { status: string; at?: string; file?: string }) =>
      (p.status === 'accepted'
        ? 'accepted by Amazon'
        : p.status === 'sending'
          ? 'being sent by the gate'
          : 'released by the gate') +
      `${p.at ? ` at ${p.at}` : ''}${p.file ? ` (file ${p.file})` : ''}, awaiting Amazon: not to be confirmed again`,
    (p) =>
      (p.status === 'accepted' ? '亚马逊已接受' : p.status === 'sending' ? '闸门正在提交' : '已由闸门放行') +
      `${p.at ? `（${p.at}）` : ''}${p.file ? `（文件 ${p.file}）` : ''}，等待亚马逊处理：请勿再次确认`,
  ),
  'check.gate.ready': msg(
    (p: { n: number }) => `${s(p.n, 'order')} scanned and ready: the next \`shipaudit confirm\` releases them`,
    (p) => `${p.n} 个订单已扫描、可以确认：下次 \`shipaudit confirm\` 会放行它们`,
  ),
  'check.old': msg(
    (p: { n: number; byRule: string[] }) =>
      `${s(p.n, 'finding')} reported before and still open, not repeated: ${p.byRule.join(', ')}`,
    (p) => `${p.n} 个问题之前已报告且仍未解决，不再重复：${p.byRule.join('，')}`,
  ),
  'check.head.new': cols(
    ['', 'Rule', 'Order ID', 'Tracking number', 'Carrier', 'Details'],
    ['', '规则', '订单号', '运单号', '承运商', '详情'],
  ),
  'check.newMore': msg(
    (p: { n: number }) => `  … and ${p.n} more (--out writes them all, with the evidence CSV)`,
    (p) => `  … 另有 ${p.n} 个（--out 会全部写出，并附证据 CSV）`,
  ),
  'check.section.new': msg(
    (p: { n: number }) => `New findings since the last run (${p.n})`,
    (p) => `上次运行以来的新问题（${p.n}）`,
  ),
  'check.section.newNone': msg(
    () => 'New findings since the last run: none',
    () => '上次运行以来的新问题：无',
  ),
  'check.section.metrics': msg(
    (p: { from: string; to: string }) => `Metrics, ${p.from} to ${p.to}`,
    (p) => `指标，${p.from} 至 ${p.to}`,
  ),
  'check.head.metrics': cols(
    ['', 'Metric', 'Value', 'Count', 'Amazon', 'Warn at', 'Trend'],
    ['', '指标', '数值', '数量', '亚马逊目标', '警告线', '趋势'],
  ),
  'check.trend': msg(
    (p: { from: string; to: string; span: string }) => `${p.from} → ${p.to} over ${p.span}`,
    (p) => `${p.span}内 ${p.from} → ${p.to}`,
  ),
  'check.days': msg(
    (p: { n: number }) => s(p.n, 'day'),
    (p) => `${p.n} 天`,
  ),

  // --- Appeal pack: the guidance around the Plan of Action (the letter itself stays English) ----------------
  'poa.header': msg(
    (p: { placeholders: number; mark: string }) =>
      p.placeholders > 0
        ? `${s(p.placeholders, 'placeholder')} left: replace every "${p.mark}" marker below before sending. Paste from the line after the dashes.`
        : `No placeholders left. Paste from the line after the dashes.`,
    (p) =>
      p.placeholders > 0
        ? `还有 ${p.placeholders} 处占位符：发送前请把下面每个 "${p.mark}" 标记替换为真实内容（用英文写）。从虚线下一行开始复制粘贴。`
        : '已没有占位符。从虚线下一行开始复制粘贴。',
  ),
  'poa.placeholder': msg(
    (p: { what: string }) => p.what,
    (p) => {
      const known: Record<string, string> = {
        'your seller name as shown in Seller Central': '请用英文填写：卖家平台中显示的卖家名称',
        'your merchant token (Seller ID)': '请填写：你的商家令牌（Seller ID）',
        'explain why shipments were confirmed before the parcels were handed to the carrier: who entered the tracking numbers, at which step, and why':
          '请用英文说明：为什么在包裹交给承运商之前就确认了发货——谁录入的运单号、在哪个环节、为什么',
        'the training given to staff: date, who attended, what was taught':
          '请用英文填写：对员工的培训——日期、参加人员、培训内容',
        'name and role of the person responsible for confirming shipments':
          '请用英文填写：负责确认发货的人员姓名和职务',
        "the new procedure, step by step: at which moment a shipment may be confirmed (only after the carrier's first scan)":
          '请用英文逐步写出新流程：什么时候才可以确认发货（只在承运商首次扫描之后）',
        'how the procedure is enforced in your systems, e.g. the ERP or shipping-software setting that uploads tracking only after the first scan':
          '请用英文说明：系统中如何保证执行该流程，例如 ERP 或发货软件中"首次扫描后才上传运单号"的设置',
        'how often compliance is checked from now on, and by whom': '请用英文说明：今后多久检查一次执行情况，由谁负责',
        'name and title of the person signing': '请用英文填写：签名人的姓名和职务',
      };
      if (known[p.what]) return known[p.what];
      let m = /^describe the corrective action that took effect on (\S+)$/.exec(p.what);
      if (m) return `请用英文说明：${m[1]} 生效的整改措施`;
      m = /^explain the (\d+) shipments? confirmed early since (\S+) and what you did about (?:them|it)$/.exec(p.what);
      if (m) return `请用英文说明：${m[2]} 以来仍提前确认发货的 ${m[1]} 个包裹，以及你是如何处理的`;
      m = /^explain the (\d+) shipments? confirmed late since (\S+): why .+$/.exec(p.what);
      if (m) return `请用英文说明：${m[2]} 以来确认发货过晚的 ${m[1]} 个包裹为什么晚了，以及你是如何处理的`;
      return p.what;
    },
  ),
  'appeal.future': msg(
    (p: { fixedOn: string }) => `--fixed-on: ${p.fixedOn} is in the future: give the day the fix took effect`,
    (p) => `--fixed-on：${p.fixedOn} 是将来的日期：请给出整改实际生效的日期`,
  ),
  'appeal.noTracking': msg(
    () =>
      'no carrier tracking data found: an appeal needs the first carrier scan of each parcel (give a tracking export)',
    () => '没有找到承运商物流跟踪数据：申诉需要每个包裹的承运商首次扫描（请提供物流跟踪导出文件）',
  ),
  'appeal.nothingBefore': msg(
    (p: { fixedOn: string }) =>
      `no shipments confirmed before --fixed-on ${p.fixedOn}: the pack compares the period before the fix with the period after it`,
    (p) => `--fixed-on ${p.fixedOn} 之前没有确认发货的包裹：材料包对比的是整改前后两个时段`,
  ),
  'appeal.written': msg(
    (p: { dir: string }) => `Appeal pack written to ${p.dir}`,
    (p) => `申诉材料包已写入 ${p.dir}`,
  ),
  'appeal.noAfter': msg(
    (p: { fixedOn: string; newest: string }) =>
      `--fixed-on ${p.fixedOn} is after the newest confirmation read (${p.newest}): the pack has no "after" period`,
    (p) => `--fixed-on ${p.fixedOn} 晚于读到的最新确认发货（${p.newest}）：材料包中没有"整改之后"的时段`,
  ),
  'appeal.pdfMissing': msg(
    (p: { reason: string }) =>
      `report.pdf not written: ${p.reason}. Open report.html in Chrome or Edge and print it to PDF (A4, "Save as PDF", margins: default).`,
    (p) =>
      `未生成 report.pdf：${p.reason}。请用 Chrome 或 Edge 打开 report.html，打印为 PDF（A4，"另存为 PDF"，页边距：默认）。`,
  ),

  // --- `shipaudit rules` (src/report/rules.ts) -----------------------------------------------------------
  'rules.severity': msg(
    (p: { severity: string }) => (p.severity === 'error' ? 'error  ' : 'warning'),
    (p) => (p.severity === 'error' ? '错误' : '警告'),
  ),
  'rules.description': msg(
    (p: { rule: string; text: string }) => p.text,
    (p) => RULE_DESCRIPTIONS_ZH[p.rule] ?? p.text,
  ),
  'rules.option': msg(
    (p: { rule: string; name: string; value: string; text: string }) =>
      `option ${p.name} (default ${p.value}): ${p.text}`,
    (p) => `选项 ${p.name}（默认 ${p.value}）：${RULE_OPTIONS_ZH[`${p.rule}.${p.name}`] ?? p.text}`,
  ),

  // --- `shipaudit explain` (src/report/explain.ts) -------------------------------------------------------
  'explain.title': msg(
    (p: { orderId: string }) => `Order ${p.orderId}`,
    (p) => `订单 ${p.orderId}`,
  ),
  'explain.times': msg(
    (p: { zone: string; asOf: string }) => `times in ${p.zone}; judged as of ${p.asOf}`,
    (p) => `时间均为 ${p.zone} 时区；评判时间点 ${p.asOf}`,
  ),
  'explain.what': msg(
    (p: { what: string }) => p.what,
    (p) => {
      const scan = /^scan: (\w+)(, carrier has it)?$/.exec(p.what);
      if (scan) return `扫描：${EVENT_CLASSES_ZH[scan[1]] ?? scan[1]}${scan[2] ? '，承运商已收件' : ''}`;
      return (
        (
          { purchased: '下单', 'latest ship date': '最晚发货日期', 'confirmed shipped': '确认发货' } as Record<
            string,
            string
          >
        )[p.what] ?? p.what
      );
    },
  ),
  'explain.detail': msg(
    (p: { detail: string }) => p.detail,
    (p) =>
      p.detail
        .replace(/^computed from handling time$/, '按备货时间推算')
        .replace(/^from the order report$/, '来自订单报告')
        .replace('(no tracking number)', '（无运单号）'),
  ),
  'explain.dateOnly': msg(
    (p: { date: string }) => `${p.date} (date only)`,
    (p) => `${p.date}（仅日期）`,
  ),
  'explain.omitted': msg(
    (p: { n: number }) =>
      `… and ${p.n} more carrier events not shown: the first, the last and the first in the carrier's hands are.`,
    (p) => `… 另有 ${p.n} 个承运商事件未显示：只显示最早的、最晚的以及承运商收件后的最早几个。`,
  ),
  'explain.clean': msg(
    () => 'No rule is broken by this order.',
    () => '此订单没有违反任何规则。',
  ),

  // --- `shipaudit inspect` (src/report/inspect.ts) -------------------------------------------------------
  'inspect.label': msg(
    (p: { label: 'Kind' | 'Encoding' | 'Rows' | 'Note' | 'Time zone' }) => `${p.label}:`,
    (p) => ({ Kind: '类型：', Encoding: '编码：', Rows: '行数：', Note: '说明：', 'Time zone': '时区：' })[p.label],
  ),
  'inspect.kind': msg(
    (p: { title: string; kind: string }) => `${p.title} (${p.kind})`,
    (p) => `${KIND_TITLES_ZH[p.kind] ?? p.title}（${p.kind}）`,
  ),
  'inspect.encoding': msg(
    (p: { encoding: string; delimiter: string; quoting: boolean }) =>
      `${p.encoding}; delimiter: ${p.delimiter}; quoting: ${p.quoting ? 'on' : 'off'}`,
    (p) =>
      `${p.encoding}；分隔符：${({ tab: '制表符', comma: '逗号', semicolon: '分号', pipe: '竖线' } as Record<string, string>)[p.delimiter] ?? p.delimiter}；引号：${p.quoting ? '有' : '无'}`,
  ),
  'inspect.rows': msg(
    (p: { read: number; rejected: string; skipped: string }) => `${p.read} read, ${p.rejected}${p.skipped}`,
    (p) => `读取 ${p.read} 行，${p.rejected}${p.skipped}`,
  ),
  'inspect.rejected': msg(
    (p: { n: number }) => `${p.n} rejected`,
    (p) => `被拒 ${p.n} 行`,
  ),
  'inspect.skipped': msg(
    (p: { parts: string[] }) => `; skipped: ${p.parts.join(', ')}`,
    (p) => `；跳过：${p.parts.join('，')}`,
  ),
  'inspect.skippedPart': msg(
    (p: { n: number; why: string }) => `${p.n} ${p.why}`,
    (p) =>
      `${p.n} ${({ 'promotion continuation lines': '行促销续行', 'blank lines': '行空行' } as Record<string, string>)[p.why] ?? p.why}`,
  ),
  'inspect.rejectedRows': msg(
    (p: { rows: number; files: string }) =>
      `${s(p.rows, 'row')} rejected, in ${p.files}: each is listed with its line in the output`,
    (p) => `被拒 ${p.rows} 行，在 ${p.files}：每行及其行号已在输出中列出`,
  ),
  'inspect.skippedFiles': msg(
    () => 'Not read (not input files):',
    () => '未读取（不是输入文件）：',
  ),
  'inspect.more': msg(
    (p: { n: number }) => `    … and ${p.n} more`,
    (p) => `    … 另有 ${p.n} 条`,
  ),
  'inspect.columns': msg(
    () => '  Columns:',
    () => '  列映射：',
  ),
  'inspect.records': msg(
    () => '  Records as read:',
    () => '  读取结果示例：',
  ),
  'inspect.field': msg(
    () => 'Field',
    () => '字段',
  ),
  'inspect.allClassified': msg(
    () => 'Every event description was classified.',
    () => '所有事件文字都已识别。',
  ),
  'inspect.unclassified': msg(
    () => '  Event descriptions not classified (add them under "events" in the config if one is a scan):',
    () => '  未识别的事件文字（如果其中有扫描，请加到配置文件的 "events" 中）：',
  ),
  'inspect.notKept': msg(
    (p: { texts: number; events: number }) =>
      `    … and about ${p.texts} more distinct texts not kept (${p.events} events)`,
    (p) => `    … 另有约 ${p.texts} 种事件文字未保留（${p.events} 个事件）`,
  ),

  // --- `shipaudit confirm`, the confirmation gate (src/report/gate.ts) -------------------------------------
  'gate.holdReason': msg(
    (p: { reason: string; text: string }) => p.text,
    (p) => HOLD_REASONS_ZH[p.reason] ?? p.text,
  ),
  'gate.advice': msg(
    (p: { advice: string; text: string }) => p.text,
    (p) => ADVICE_ZH[p.advice] ?? p.text,
  ),
  'gate.alreadyConfirmed': msg(
    (p: { trackingNumber: string; on: string; orderId: string }) =>
      `already confirmed with tracking number ${p.trackingNumber} on ${p.on}; ` +
      'a new label for the same order is not confirmed again — ' +
      `use --reemit ${p.orderId} if Amazon must get the new number`,
    (p) =>
      `已于 ${p.on} 用运单号 ${p.trackingNumber} 确认发货；同一订单的新面单不会再次确认——如果必须把新单号告诉亚马逊，请用 --reemit ${p.orderId}`,
  ),
  'gate.last': msg(
    (p: { description: string; at: string }) => `; last: "${p.description}" ${p.at}`,
    (p) => `；最后事件："${p.description}" ${p.at}`,
  ),
  'gate.title': msg(
    (p: { asOf: string; zone: string }) => `shipaudit confirm — as of ${p.asOf} (${p.zone})`,
    (p) => `shipaudit confirm —— 截至 ${p.asOf}（${p.zone}）`,
  ),
  'gate.rowsRejected': msg(
    (p: { n: number; first?: string }) =>
      `  ${p.n} input row${p.n === 1 ? '' : 's'} could not be read${p.first ? ` (first: ${p.first})` : ''}; ` +
      '`shipaudit inspect` shows them all',
    (p) => `  ${p.n} 行输入无法读取${p.first ? `（第一处：${p.first}）` : ''}；\`shipaudit inspect\` 可查看全部`,
  ),
  'gate.staged': msg(
    (p: { placed: number; notPlaced: number; files: string[] }) =>
      `  An earlier run stopped while writing ${p.files.join(', ')}: ` +
      [
        p.placed && `${s(p.placed, 'order')} in place in the file, recorded as released`,
        p.notPlaced && `${s(p.notPlaced, 'order')} never written (the file was not put in place): decided again`,
      ]
        .filter(Boolean)
        .join('; '),
    (p) =>
      `  之前一次运行在写出 ${p.files.join('、')} 时停止：` +
      [
        p.placed && `${p.placed} 个订单已在文件中，记为已放行`,
        p.notPlaced && `${p.notPlaced} 个订单未写入（文件未就位）：重新判断`,
      ]
        .filter(Boolean)
        .join('；'),
  ),
  'gate.recovered': msg(
    (p: { orderId: string; trackingNumber: string; found: 'accepted' | 'failed' | 'unknown' }) =>
      `  ${p.orderId} ${p.trackingNumber}: an earlier run died while sending it; ${
        {
          accepted: 'Amazon has it as shipped: recorded as accepted',
          failed: 'Amazon does not have it: it may be sent again',
          unknown: 'could not be checked: left as being sent',
        }[p.found]
      }`,
    (p) =>
      `  ${p.orderId} ${p.trackingNumber}：之前一次运行在提交时中断；${
        {
          accepted: '亚马逊已记为已发货：记为已接受',
          failed: '亚马逊没有收到：可以再次提交',
          unknown: '无法核实：仍记为提交中',
        }[p.found]
      }`,
  ),
  'gate.where.nothing': msg(
    () => 'nothing to release',
    () => '没有可放行的订单',
  ),
  'gate.where.sent': msg(
    () => 'sent to Amazon',
    () => '已提交给亚马逊',
  ),
  'gate.where.file': msg(
    (p: { file: string; kept?: number }) =>
      `written to ${p.file}${p.kept ? `, with ${p.kept} earlier lines not uploaded yet: upload it, then remove it` : ''}`,
    (p) => `已写入 ${p.file}${p.kept ? `，其中还有之前 ${p.kept} 行尚未上传：请上传，然后删除该文件` : ''}`,
  ),
  'gate.where.dry': msg(
    () => 'dry run: nothing written or sent (--out FILE writes the file, --submit sends)',
    () => '演练：没有写出或提交任何内容（--out FILE 写出文件，--submit 提交）',
  ),
  'gate.shared': msg(
    (p: { trackingNumber: string; orderIds: string[] }) => {
      const ids = p.orderIds;
      const list = ids.length <= 2 ? ids.join(' and ') : `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
      return `tracking number ${p.trackingNumber} is assigned to orders ${list}`;
    },
    (p) => `运单号 ${p.trackingNumber} 被分配给了多个订单：${p.orderIds.join('、')}`,
  ),
  'gate.warning': msg(
    (p: { text: string }) => `  warning: ${p.text}`,
    (p) => `  警告：${p.text}`,
  ),
  'gate.released': msg(
    (p: { n: number; where: string }) => `Released: ${p.n} — a physical carrier scan exists (${p.where})`,
    (p) => `放行：${p.n} 个 —— 已有承运商实物扫描（${p.where}）`,
  ),
  'gate.accepted': msg(
    () => ' accepted',
    () => ' 已接受',
  ),
  'gate.rejected': msg(
    (p: { http: string; errors: string }) => ` REJECTED (${p.http}): ${p.errors}`,
    (p) => ` 被拒绝（${p.http}）：${p.errors}`,
  ),
  'gate.noAnswer': msg(
    (p: { note: string }) => ` no answer (${p.note}): recorded as being sent, checked next run`,
    (p) => ` 没有应答（${p.note}）：记为提交中，下次运行时核实`,
  ),
  'gate.lateScan': msg(
    () => ' [scanned after the latest ship date]',
    () => ' [最晚发货日期之后才扫描]',
  ),
  'gate.reemitted': msg(
    () => ' [re-emitted]',
    () => ' [重新发出]',
  ),
  'gate.releaseLine': msg(
    (p: {
      orderId: string;
      trackingNumber: string;
      carrier: string;
      shipDate: string;
      scan: string;
      location?: string;
    }) =>
      `  ${p.orderId}  ${p.trackingNumber} ${p.carrier}  ship-date ${p.shipDate}  scan "${p.scan}"${p.location ? ` ${p.location}` : ''}`,
    (p) =>
      `  ${p.orderId}  ${p.trackingNumber} ${p.carrier}  发货日期 ${p.shipDate}  扫描 "${p.scan}"${p.location ? ` ${p.location}` : ''}`,
  ),
  'gate.overdue': msg(
    (p: { n: number }) => `Overdue: ${p.n} — latest ship date passed without a carrier scan; not released`,
    (p) => `逾期：${p.n} 个 —— 已过最晚发货日期仍无承运商扫描；未放行`,
  ),
  'gate.held': msg(
    (p: { n: number }) => `Held: ${p.n} — no carrier scan yet, most urgent first`,
    (p) => `暂缓：${p.n} 个 —— 还没有承运商扫描，最紧急的在前`,
  ),
  'gate.notSentAgain': msg(
    () => 'not sent again',
    () => '不再提交',
  ),
  'gate.noLsd': msg(
    () => 'no latest ship date known',
    () => '最晚发货日期未知',
  ),
  'gate.left': msg(
    (p: { hours: string; lsd: string }) => `${p.hours} left (latest ship date ${p.lsd})`,
    (p) => `还剩 ${p.hours}（最晚发货日期 ${p.lsd}）`,
  ),
  'gate.why': msg(
    (p: { why: string }) => `      why: ${p.why}`,
    (p) => `      原因：${p.why}`,
  ),
  'gate.past': msg(
    (p: { hours: string; lsd: string }) => `${p.hours} past the latest ship date ${p.lsd}`,
    (p) => `已超过最晚发货日期 ${p.lsd} ${p.hours}`,
  ),
  'gate.whatToDo': msg(
    (p: { advice: string[] }) => `      what you can do: ${p.advice.join('; or ')}`,
    (p) => `      可以这样做：${p.advice.join('；或者')}`,
  ),
  'gate.inLedger': msg(
    (p: { ledger: string; n: number; parts: string }) =>
      `Already in the ledger (${p.ledger}): ${p.n} (${p.parts}); --reemit ORDER-ID emits one again`,
    (p) => `台账（${p.ledger}）中已有：${p.n} 个（${p.parts}）；--reemit ORDER-ID 可再次发出`,
  ),
  'gate.rejectedEarlier': msg(
    (p: { orderId: string; trackingNumber: string }) =>
      `  ${p.orderId} ${p.trackingNumber}: rejected by Amazon earlier`,
    (p) => `  ${p.orderId} ${p.trackingNumber}：之前被亚马逊拒绝`,
  ),
  'gate.unresolved': msg(
    (p: { n: number }) =>
      `Being sent when an earlier run stopped: ${p.n} (run with --submit to check them with Amazon)`,
    (p) => `之前一次运行停止时正在提交：${p.n} 个（加 --submit 运行可向亚马逊核实）`,
  ),
  'gate.notAwaiting': msg(
    (p: { n: number }) =>
      `No longer awaiting shipment (shipped, cancelled or not merchant-fulfilled in the inputs): ${p.n}`,
    (p) => `已不再等待发货（输入中显示已发货、已取消或非卖家自配送）：${p.n} 个`,
  ),

  // --- `shipaudit fetch` (src/report/fetch.ts) -----------------------------------------------------------
  'fetch.window': msg(
    (p: { after: string; before: string; region: string; marketplaces: string }) =>
      `orders created ${p.after} to ${p.before}, ${p.region} ${p.marketplaces}`,
    (p) => `创建于 ${p.after} 至 ${p.before} 的订单，${p.region} ${p.marketplaces}`,
  ),
  'fetch.amazon.dry': msg(
    (p: { window: string; page?: number }) =>
      `Amazon: would search ${p.window}${p.page ? `, going on from page ${p.page}` : ''}`,
    (p) => `亚马逊：将查询${p.window}${p.page ? `，从第 ${p.page} 页继续` : ''}`,
  ),
  'fetch.amazon.head': msg(
    (p: { status: string }) => (p.status === 'complete' ? '✔ Amazon' : `✖ Amazon (${p.status})`),
    (p) =>
      p.status === 'complete'
        ? '✔ 亚马逊'
        : `✖ 亚马逊（${p.status === 'partial' ? '部分完成' : p.status === 'failed' ? '失败' : p.status}）`,
  ),
  'fetch.amazon.done': msg(
    (p: {
      head: string;
      orders: number;
      pages: number;
      page?: number;
      window: string;
      requests: number;
      folder?: string;
    }) =>
      `${p.head}: ${s(p.orders, 'order')} in ${s(p.pages, 'page')}${p.page ? ` (went on from page ${p.page})` : ''}, ${p.window}; ` +
      `${s(p.requests, 'request')}${p.folder ? `; saved in ${p.folder}` : ''}`,
    (p) =>
      `${p.head}：${p.orders} 个订单，共 ${p.pages} 页${p.page ? `（从第 ${p.page} 页继续）` : ''}，${p.window}；` +
      `${p.requests} 次请求${p.folder ? `；保存在 ${p.folder}` : ''}`,
  ),
  'fetch.notFetched': msg(
    (p: { error: string }) => `  not fetched: ${p.error}`,
    (p) => `  未获取：${p.error}`,
  ),
  'fetch.known': msg(
    (p: { numbers: number; delivered: number; resumed?: number }) =>
      `${s(p.numbers, 'tracking number')} in the orders, ${p.delivered} delivered before${p.resumed ? `, ${p.resumed} done by the stopped run` : ''}`,
    (p) =>
      `订单中有 ${p.numbers} 个运单号，之前已妥投 ${p.delivered} 个${p.resumed ? `，中断的运行已完成 ${p.resumed} 个` : ''}`,
  ),
  'fetch.quota': msg(
    (p: { remain: number; total?: number }) => `quota left ${p.remain}${p.total !== undefined ? ` of ${p.total}` : ''}`,
    (p) => `剩余额度 ${p.remain}${p.total !== undefined ? ` / ${p.total}` : ''}`,
  ),
  'fetch.tracking.dry': msg(
    (p: { service: string; toAsk: number; known: string; toRegister: number; quota?: string }) =>
      `${p.service}: would ask about ${s(p.toAsk, 'number')} (${p.known}), registering ${p.toRegister} first${p.quota ? `; ${p.quota} at the last run` : ''}`,
    (p) =>
      `${p.service}：将查询 ${p.toAsk} 个运单号（${p.known}），先注册 ${p.toRegister} 个${p.quota ? `；上次运行时${p.quota}` : ''}`,
  ),
  'fetch.tracking.head': msg(
    (p: { service: string; status: string }) =>
      p.status === 'complete' ? `✔ ${p.service}` : `✖ ${p.service} (${p.status})`,
    (p) =>
      p.status === 'complete'
        ? `✔ ${p.service}`
        : `✖ ${p.service}（${p.status === 'partial' ? '部分完成' : p.status === 'failed' ? '失败' : p.status}）`,
  ),
  'fetch.tracking.done': msg(
    (p: {
      head: string;
      answered: number;
      toAsk: number;
      known: string;
      registered: number;
      deliveredNow: number;
      noInfoYet: number;
      requests: number;
      quota?: string;
      folder?: string;
    }) =>
      `${p.head}: ${p.answered} of ${s(p.toAsk, 'number')} answered (${p.known}), ` +
      `${p.registered} newly registered, ` +
      `${p.deliveredNow} delivered now${p.noInfoYet ? `, ${p.noInfoYet} with no tracking yet` : ''}; ` +
      `${s(p.requests, 'request')}${p.quota ? `, ${p.quota}` : ''}` +
      `${p.folder ? `; saved in ${p.folder}` : ''}`,
    (p) =>
      `${p.head}：${p.toAsk} 个运单号中 ${p.answered} 个已有应答（${p.known}），新注册 ${p.registered} 个，` +
      `本次妥投 ${p.deliveredNow} 个${p.noInfoYet ? `，${p.noInfoYet} 个还没有物流信息` : ''}；` +
      `${p.requests} 次请求${p.quota ? `，${p.quota}` : ''}${p.folder ? `；保存在 ${p.folder}` : ''}`,
  ),
  'fetch.stopped': msg(
    (p: { error: string }) => `  stopped: ${p.error}`,
    (p) => `  已停止：${p.error}`,
  ),
  'fetch.notFetchedList': msg(
    (p: { n: number }) => `  not fetched (${p.n}):`,
    (p) => `  未获取（${p.n}）：`,
  ),
  'fetch.more': msg(
    (p: { n: number }) => `    … and ${p.n} more`,
    (p) => `    … 另有 ${p.n} 个`,
  ),
  'fetch.dryRun': msg(
    (p: { folder: string }) => `Nothing was fetched (--dry-run). Responses go to ${p.folder}.`,
    (p) => `未获取任何内容（--dry-run）。响应将保存到 ${p.folder}。`,
  ),
  'fetch.partial': msg(
    () => 'Partial fetch: the next run goes on from where this one stopped.',
    () => '部分获取：下次运行会从这次停止的地方继续。',
  ),
} as const;

export type Catalogue = typeof CATALOGUE;
export type MessageKey = keyof Catalogue;
export type Params<K extends MessageKey> = Parameters<Catalogue[K]['en']>[0];

/** A message in a language; a key without parameters takes none. */
export function t<K extends MessageKey>(
  lang: Lang,
  key: K,
  ...params: Params<K> extends Record<string, never> ? [] : [Params<K>]
): ReturnType<Catalogue[K]['en']> {
  const m = CATALOGUE[key] as unknown as Message<unknown>;
  return m[lang](params[0] ?? {}) as ReturnType<Catalogue[K]['en']>;
}

/** What each rule checks, for `shipaudit rules` in Chinese; the English is the rule's own `meta`. */
const RULE_DESCRIPTIONS_ZH: Readonly<Record<string, string>> = {
  'confirmed-before-handover': '包裹向亚马逊确认发货的时间远早于承运商首次扫描包裹的时间。',
  'no-carrier-scan': '承运商有包裹信息但从未扫描过它，而确认发货已过去很久。',
  'late-confirmation': '包裹在最晚发货日期之后才确认发货，计为迟发。',
  'late-handover': '承运商首次扫描包裹的时间晚于最晚发货日期，即使确认发货是按时的。',
  'missing-tracking': '确认发货时没有运单号，亚马逊会把它算作无有效追踪。',
  'tracking-not-found': '物流跟踪文件中没有这个运单号的任何信息，无法核查交接。',
  'invalid-tracking-number':
    '运单号不可能是真的（公式、网址、文字、占位符），不符合所填承运商的任何运单号格式（仅限格式全部已知的承运商），' +
    '或者格式像某承运商的运单号但校验位错误：可能是输错了。',
  'carrier-mismatch': '运单号属于另一家承运商，与确认发货时填写的不符，亚马逊可能找不到它的扫描记录。',
  'duplicate-tracking-number': '同一个运单号在多个订单上确认发货，亚马逊会视为可疑。',
};

/** The rules' options in Chinese, keyed rule.option. */
const RULE_OPTIONS_ZH: Readonly<Record<string, string>> = {
  'confirmed-before-handover.graceHours': '确认发货后承运商首次扫描最多可以晚多少小时而不算问题',
  'no-carrier-scan.graceHours': '确认发货后包裹最多可以多少小时没有承运商扫描',
};

/** The classes of carrier events (src/knowledge/events.ts) in Chinese. */
const EVENT_CLASSES_ZH: Readonly<Record<string, string>> = {
  physical: '实物扫描',
  delivered: '已妥投',
  information: '仅电子信息',
  exception: '异常',
  unknown: '未识别',
};

/** The kinds of input file (src/knowledge/headers.ts and the readers) in Chinese, by kind id. */
const KIND_TITLES_ZH: Readonly<Record<string, string>> = {
  'amazon-fulfilled-shipments': '亚马逊配送货件报告（FBA）',
  'easyship-picked-up': '亚马逊 Easy Ship 揽收报告',
  'all-orders': '亚马逊所有订单报告',
  'unshipped-orders': '亚马逊未发货订单报告',
  'order-report': '亚马逊订单报告（新订单）',
  'confirmation-upload': '亚马逊发货确认上传文件',
  'erp-confirmations': 'ERP / 通用发货导出',
  'tracking-events': '承运商物流跟踪事件（每次扫描一行）',
  'tracking-summary': '承运商物流跟踪汇总（每个包裹一行）',
  'tracking-assignments': '已分配给订单的运单号（尚未确认发货）',
  'orders-api-json': '亚马逊 Orders API JSON',
};

/** Why the confirmation gate holds an order (src/report/gate.ts HOLD_REASONS), in Chinese. */
const HOLD_REASONS_ZH: Readonly<Record<string, string>> = {
  'no-tracking-number': '订单没有分配运单号',
  'several-numbers-without-items': '有多个运单号但没有 order-item-id：请说明每个运单号对应哪些商品',
  'no-tracking-data': '该运单号没有物流跟踪数据（还不在任何物流跟踪文件中）',
  'information-only': '只有面单/预报事件：承运商收到的是数据，不是包裹',
  'unknown-events': '只有未能识别的事件：请在配置的 "events" 中分类',
  'no-physical-scan': '有事件，但没有承运商实物扫描',
  'scan-without-time': '包裹状态显示承运商已收件，但不知道扫描时间',
  'scan-before-order': '首次扫描早于下单：运单号被重复使用或输错了',
  'carrier-unknown': '已扫描，但承运商未知：请在运单号分配文件中加承运商列',
  'already-confirmed': '已用另一个运单号确认发货',
};

/** What the seller can do about an overdue order (src/report/gate.ts ADVICE), in Chinese. */
const ADVICE_ZH: Readonly<Record<string, string>> = {
  'contact-carrier': '联系承运商上门揽收或扫描包裹',
  'other-carrier': '改用其他承运商发货并分配新运单号',
  'assign-tracking': '为包裹分配运单号',
  'classify-events': '如果未识别的事件中有扫描，请在配置的 "events" 中分类',
};

/** How the verdict words each rule's count ("47 of 204 shipments <phrase>"); {were}/{have} agree with n. */
const VERDICT_PHRASES: Readonly<Record<string, { en: string; zh: string }>> = {
  'confirmed-before-handover': {
    en: '{were} confirmed before the carrier had them',
    zh: '在承运商收到包裹之前就确认了发货',
  },
  'late-confirmation': { en: '{were} confirmed late', zh: '确认发货过晚' },
  'late-handover': {
    en: '{were} handed to the carrier after the latest ship date',
    zh: '在最晚发货日期之后才交给承运商',
  },
  'missing-tracking': { en: '{were} confirmed without a tracking number', zh: '确认发货时没有填写运单号' },
  'invalid-tracking-number': {
    en: '{have} a tracking number that cannot be right (a wrong format or check digit, or not a number at all)',
    zh: '的运单号不可能正确（格式或校验位错误，或根本不是运单号）',
  },
  'carrier-mismatch': {
    en: '{have} a tracking number of another carrier than the one confirmed',
    zh: '的运单号属于另一家承运商，与确认发货时填写的不符',
  },
  'duplicate-tracking-number': {
    en: '{have} a tracking number also used on another order',
    zh: '的运单号也用在了另一个订单上',
  },
  'no-carrier-scan': { en: '{have} no physical carrier scan yet', zh: '至今没有承运商实物扫描' },
  'tracking-not-found': {
    en: '{have} a tracking number no tracking file mentions',
    zh: '的运单号在任何物流跟踪文件中都找不到',
  },
};

/** Short names of the rules for a Chinese reader; the rule ids stay as they are everywhere else. */
const RULE_NAMES_ZH: Readonly<Record<string, string>> = {
  'confirmed-before-handover': '交接前确认发货',
  'late-confirmation': '确认发货过晚',
  'late-handover': '交接过晚',
  'missing-tracking': '缺少运单号',
  'invalid-tracking-number': '运单号无效',
  'carrier-mismatch': '承运商不符',
  'duplicate-tracking-number': '运单号重复',
  'no-carrier-scan': '无承运商扫描',
  'tracking-not-found': '找不到物流跟踪',
};

/** Reasons for leaving orders out (JSON `summary.excluded` keys) in Chinese; English is EXCLUSION_LABELS. */
const EXCLUSIONS_ZH: Readonly<Record<string, string>> = {
  afn: '亚马逊配送（AFN）订单',
  cancelled: '已取消订单',
  'outside-window': '确认发货时间在范围之外的包裹',
};

/** The figures against Amazon's targets, as the audit names them, in Chinese. */
const FIGURES_ZH: ReadonlyArray<readonly [RegExp, (m: RegExpMatchArray) => string]> = [
  [/^Late Shipment Rate \((\d+) days\)$/, (m) => `迟发率（${m[1]} 天）`],
  [/^Valid Tracking Rate$/, () => '有效追踪率'],
  [/^Early confirmation rate$/, () => '提前确认发货率'],
  [/^under (\S+)$/, (m) => `低于 ${m[1]}`],
  [/^over (\S+)$/, (m) => `高于 ${m[1]}`],
  [/^(\S+) or more$/, (m) => `${m[1]} 及以上`],
  [/^below (\S+)$/, (m) => `低于 ${m[1]}`],
];

export const TERMS = {
  verdictPhrase: msg(
    (p: { rule: string; n: number }) =>
      (VERDICT_PHRASES[p.rule]?.en ?? `{were} flagged by ${p.rule}`)
        .replace('{were}', p.n === 1 ? 'was' : 'were')
        .replace('{have}', p.n === 1 ? 'has' : 'have'),
    (p) => VERDICT_PHRASES[p.rule]?.zh ?? `被规则 ${p.rule} 标记`,
  ),
  ruleName: msg(
    (p: { rule: string }) => p.rule,
    (p) => RULE_NAMES_ZH[p.rule] ?? p.rule,
  ),
  exclusion: msg(
    (p: { label: string; key: string }) => p.label,
    (p) => EXCLUSIONS_ZH[p.key] ?? p.label,
  ),
  figure: msg(
    (p: { text: string }) => p.text,
    (p) => {
      for (const [re, zh] of FIGURES_ZH) {
        const m = re.exec(p.text);
        if (m) return zh(m);
      }
      return p.text;
    },
  ),
} as const;

export const RULE_IDS = Object.keys(VERDICT_PHRASES);

/** A term in a language. */
export function term<K extends keyof typeof TERMS>(
  lang: Lang,
  key: K,
  params: Parameters<(typeof TERMS)[K]['en']>[0],
): string {
  return (TERMS[key] as Message<typeof params>)[lang](params);
}
