import type { Lang } from './lang.js';

/**
 * Sentences that other parts of shipaudit write in English into their results (readers' problems and
 * errors, the audit's notes, why a folder file was skipped): they are data in JSON and stay English there.
 * A Chinese report shows them through this table. A sentence no pattern knows is shown as it is, so a
 * new English message is never lost, only untranslated (the CLI test under a Chinese locale finds it).
 * Patterns are anchored and their captured parts (file names, values, counts) are kept as they are;
 * a captured part that is itself a known sentence is translated too (`sub`).
 */

type Rule = readonly [RegExp, (m: string[], sub: (s: string) => string) => string];

/** The time fields readers name in their errors (src/read), in Chinese. */
const FIELDS_ZH: Record<string, string> = {
  'ship date': '发货日期',
  'purchase date': '下单日期',
  'latest ship date': '最晚发货日期',
  'event time': '事件时间',
};

const MONTHS: Record<string, number> = {
  Jan: 1,
  Feb: 2,
  Mar: 3,
  Apr: 4,
  May: 5,
  Jun: 6,
  Jul: 7,
  Aug: 8,
  Sep: 9,
  Oct: 10,
  Nov: 11,
  Dec: 12,
};

export const SENTENCES: readonly Rule[] = [
  // Weeks as the audit keys them: "2026-W40 (Sep 28)".
  [
    /^(\d{4}-W\d{2}) \((Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2})\)$/,
    (m) => `${m[1]}（${MONTHS[m[2]]}月${Number(m[3])}日）`,
  ],
  // Readers: the file as a whole.
  [/^no such file or folder$/, () => '文件或文件夹不存在'],
  [/^(.+): no such file or folder$/, (m) => `${m[1]}：文件或文件夹不存在`],
  [/^no such file$/, () => '文件不存在'],
  [/^can't open \((.+)\)$/, (m) => `无法打开（${m[1]}）`],
  [/^can't read \((.+)\)$/, (m) => `无法读取（${m[1]}）`],
  [/^the file is empty$/, () => '文件是空的'],
  [/^has a header row but no data rows$/, () => '只有表头行，没有数据行'],
  [
    /^not a text file \(binary content\): expected a report, CSV, TSV, JSON or XLSX export$/,
    () => '不是文本文件（二进制内容）：应为报告、CSV、TSV、JSON 或 XLSX 导出文件',
  ],
  [/^not a recognised input \(headers of no known kind\)$/, () => '不是可识别的输入文件（表头不属于任何已知类型）'],
  [/^not a recognised input \((.+)\)$/, (m, sub) => `不是可识别的输入文件（${sub(m[1])}）`],
  [/^not an input file \(by its name\)$/, () => '按文件名判断不是输入文件'],
  [
    /^no header row: the first row looks like data \(a report saved without its header row\?\)$/,
    () => '没有表头行：第一行看起来是数据（报告保存时丢了表头行？）',
  ],
  [
    /^unrecognised file: headers found: (.+)\. Known kinds: (.+); map other headers under "columns" in the config$/,
    (m) =>
      `无法识别的文件：找到的表头为 ${m[1]}。已知类型：${[...m[2].matchAll(/(?:^|, )([a-z0-9-]+) \(/g)].map((k) => k[1]).join('、')}；其他表头请在配置文件的 "columns" 中映射`,
  ],
  [/^not valid JSON: (.+)$/, (m) => `不是有效的 JSON：${m[1]}`],
  [/^not a readable XLSX workbook \((.+)\)$/, (m) => `不是可读取的 XLSX 工作簿（${m[1]}）`],
  [/^the workbook has no worksheet$/, () => '工作簿中没有工作表'],
  [
    /^the header "(.+)" is in columns ([\d, ]+) and (\d+)(?: \(as (.+)\))?: which one holds (\w+) can't be told \(remove or rename (?:one of them|all but one)\)$/,
    (m) =>
      `表头 "${m[1]}" 出现在第 ${m[2].replace(/, /g, '、')} 和 ${m[3]} 列${m[4] ? `（写作 ${m[4]}）` : ''}：无法判断哪一列是 ${m[5]}（请删除或重命名多余的列）`,
  ],
  // Readers: one row.
  [
    /^row has (\d+) of (\d+) columns \(truncated or shifted row\)$/,
    (m) => `该行只有 ${m[1]} 列，应有 ${m[2]} 列（行被截断或错位）`,
  ],
  [
    /^row has (\d+) of (\d+) columns: a delimiter inside a field\? \(shifted row\)$/,
    (m) => `该行有 ${m[1]} 列，应有 ${m[2]} 列：字段内含分隔符？（行错位）`,
  ],
  [
    /^row starting at line (\d+) runs to line (\d+): a quote opened in it is never closed on its line \(the row is left out; the lines after it are read as rows\)$/,
    (m) => `从第 ${m[1]} 行开始的行一直延续到第 ${m[2]} 行：其中的引号在本行内没有闭合（该行未读取；其后各行按行读取）`,
  ],
  [
    /^(.+): ambiguous date "(.+)": day and month can't be told apart \(set "dateOrder" for this file\)$/,
    (m) => `${FIELDS_ZH[m[1]] ?? m[1]}：日期 "${m[2]}" 有歧义，无法分辨日和月（请为此文件设置 "dateOrder"）`,
  ],
  // The audit's notes.
  [
    /^No tracking data was given: confirmations could not be compared with carrier scans \((.+) and the Valid Tracking Rate were not checked\)\.$/,
    (m) => `没有提供物流跟踪数据：无法将确认发货与承运商扫描对比（未检查 ${m[1]} 以及有效追踪率）。`,
  ],
  [
    /^No order report was given: purchase dates and latest ship dates are unknown, so (.+) and (.+) were not checked\.$/,
    (m) => `没有提供订单报告：下单日期和最晚发货日期未知，因此未检查 ${m[1]} 和 ${m[2]}。`,
  ],
  [
    /^(\d+) shipment\(s\) have no matching order in the order files: they were checked without ship-by dates\.$/,
    (m) => `${m[1]} 个包裹在订单文件中找不到对应订单：检查时没有使用最晚发货日期。`,
  ],
  [
    /^(.+) was skipped: (.+); whatever it should hold is missing from the audit\.$/,
    (m, sub) => `${m[1]} 已跳过：${sub(m[2])}；其中本应有的数据未计入审核。`,
  ],
  [
    /^(.+) after the as-of time (.+) were left out: the files are judged as they stood then\.$/,
    (m) => `评判时间点 ${m[2]} 之后的数据（${m[1]}）未计入：按文件在该时间点的状态评判。`,
  ],
  [
    /^(\d+) tracking events? (?:is|are) dated more than a day after (.+?)(?: \(the newest: (.+)\))?: left out of the audit's clock; check the tracking export's dates\.$/,
    (m) => {
      const after = m[2] === 'now' ? '当前时间' : '最新订单数据（及其之后的扫描）';
      return `${m[1]} 个物流跟踪事件的日期比${after}晚一天以上${m[3] ? `（最晚：${m[3]}）` : ''}：未用作审核时钟；请检查物流跟踪导出文件中的日期。`;
    },
  ],
  // Findings' details (src/rules), as the nightly check and explain list them.
  [
    /^confirmed ([\d.]+) h before the first carrier scan \((.+), ([^,()]+)\)(?:; (.+))?$/,
    (m, sub) =>
      `在承运商首次扫描（${m[2]}，${m[3]}）之前 ${m[1]} h 就确认了发货${m[4] ? `；${m[4].split('; ').map(sub).join('；')}` : ''}`,
  ],
  [/^date-only confirmation: compared with the end of that day$/, () => '确认发货只有日期：按当天结束时比较'],
  [/^date-only scan: compared with the start of that day$/, () => '扫描只有日期：按当天开始时比较'],
  [
    /^confirmed ([\d.]+) h after the latest ship date (.+?)( \(computed from handling time\))?$/,
    (m) => `在最晚发货日期 ${m[2]}${m[3] ? '（按备货时间推算）' : ''} 之后 ${m[1]} h 才确认发货`,
  ],
  [
    /^confirmed on (\S+) \(date only\) after the latest ship date (.+?)( \(computed from handling time\))?$/,
    (m) => `${m[1]}（仅日期）才确认发货，晚于最晚发货日期 ${m[2]}${m[3] ? '（按备货时间推算）' : ''}`,
  ],
  [
    /^first carrier scan (?:([\d.]+) h|on (\S+) \(date only\)) after the latest ship date (.+?)( \(computed from handling time\))? \((.+), ([^,()]+)\)$/,
    (m) =>
      `承运商首次扫描${m[1] ? `比最晚发货日期 ${m[3]}${m[4] ? '（按备货时间推算）' : ''} 晚 ${m[1]} h` : `在 ${m[2]}（仅日期），晚于最晚发货日期 ${m[3]}${m[4] ? '（按备货时间推算）' : ''}`}` +
      `（${m[5]}，${m[6]}）`,
  ],
  [/^confirmed without a tracking number$/, () => '确认发货时没有填写运单号'],
  [/^confirmed without a tracking number \(carrier (.+)\)$/, (m) => `确认发货时没有填写运单号（承运商 ${m[1]}）`],
  [
    /^no tracking data for (\S+): the hand-over cannot be verified$/,
    (m) => `没有 ${m[1]} 的物流跟踪数据：无法核实交接`,
  ],
  // The nightly check's input warnings (src/check).
  [
    /^no tracking data in the inputs: carrier scans were not checked$/,
    () => '输入中没有物流跟踪数据：未核对承运商扫描',
  ],
  [
    /^tracking data is stale: the newest event is ([\d.]+) h old \((.+)\), more than (\d+) h; scans since then are not seen, check the download$/,
    (m) => `物流跟踪数据已过时：最新事件是 ${m[1]} h 前的（${m[2]}），超过 ${m[3]} h；此后的扫描都看不到，请检查下载`,
  ],
  [
    /^the Unshipped Orders report (.+) is stale: it was made ([\d.]+) h ago \((.+)\), more than (\d+) h; the orders due it names may have shipped since and newer ones are not seen, check the download$/,
    (m) =>
      `未发货订单报告 ${m[1]} 已过时：它是 ${m[2]} h 前生成的（${m[3]}），超过 ${m[4]} h；其中的待发订单可能已发出，之后的新订单看不到，请检查下载`,
  ],
  [
    /^(\d+) carrier event texts? \((\d+) events?\) matched no table entry, so a first scan among them is not seen and findings may rest on that; classify them under "events" in the config \(`shipaudit inspect` shows them per file\)$/,
    (m) =>
      `${m[1]} 种承运商事件文字（${m[2]} 个事件）未能识别，其中的首次扫描看不到，问题可能因此而来；请在配置文件的 "events" 中为它们分类（\`shipaudit inspect\` 按文件列出）`,
  ],
  [
    /^(\d+) rows? could not be read(.*); `shipaudit inspect` shows them all$/,
    (m) => `${m[1]} 行无法读取${m[2]}；\`shipaudit inspect\` 可查看全部`,
  ],
  // How a reader decided the zone of times without an offset (`shipaudit inspect`).
  [
    /^times without an offset are read in (\S+) \((.+)\)(; .+)?$/,
    (m, sub) => `不带时差的时间按 ${m[1]} 读取（${sub(m[2])}）${m[3] ? `；${sub(m[3].slice(2))}` : ''}`,
  ],
  [
    /^times without an offset are read in the zone the row's location or language tells \(Chinese → (\S+), US state → its zone\); otherwise (\S+) \(assumed\)$/,
    (m) => `不带时差的时间按该行的地点或语言判断时区（中文 → ${m[1]}，美国州名 → 该州时区）；否则按 ${m[2]}（假定）`,
  ],
  [
    /^assumed: default marketplace zone \((.+)\); set --marketplace-tz$/,
    (m) => `假定：默认站点时区（${m[1]}）；可用 --marketplace-tz 设置`,
  ],
  [/^inferred: Chinese column headers \(ERP export made in China\)$/, () => '推断：中文表头（中国的 ERP 导出）'],
  [/^inferred: Japanese column headers \(export made in Japan\)$/, () => '推断：日文表头（日本的导出）'],
  [/^inferred: location "(.+)"$/, (m) => `推断：地点 "${m[1]}"`],
  [/^Orders API times normally carry an offset$/, () => 'Orders API 的时间通常带时差'],
  [
    /^a FulfillmentDate without an offset is local time \(Amazon's feed rule\)$/,
    () => '不带时差的 FulfillmentDate 是当地时间（亚马逊 feed 规则）',
  ],
  // Where the zone of a time came from, as explain and inspect show it: "[Asia/Shanghai, inferred: …]".
  [/^inferred: Chinese-language event$/, () => '推断：中文事件文字'],
  [/^inferred: (.+)$/, (m, sub) => `推断：${sub(m[1])}`],
  [/^assumed: (.+)$/, (m, sub) => `假定：${sub(m[1])}`],
  [/^location "(.+)"$/, (m) => `地点 "${m[1]}"`],
  // The config file (src/config, the check's inputs) and secrets.
  [/^(.+): can't read the config file \((.+)\)$/, (m) => `${m[1]}：无法读取配置文件（${m[2]}）`],
  [/^(.+):(\d+): not valid JSON \((.+)\)$/, (m) => `${m[1]}:${m[2]}：不是有效的 JSON（${m[3]}）`],
  [
    /^(.+): (.+): unknown key \(check the spelling; `shipaudit init` writes an example with every key\)$/,
    (m) => `${m[1]}：${m[2]}：未知的设置项（请检查拼写；\`shipaudit init\` 可生成包含所有设置项的示例）`,
  ],
  [/^(.+): no such config file$/, (m) => `${m[1]}：配置文件不存在`],
  [
    /^no config file: run `shipaudit init` here to write shipaudit.config.json, then list your input folders under "inputs"$/,
    () =>
      '没有配置文件：请在这里运行 `shipaudit init` 生成 shipaudit.config.json，然后在 "inputs" 中列出你的输入文件夹',
  ],
  [
    /^(.+): inputs: no input folders given \(list the folders your ERP and download scripts write to\)$/,
    (m) => `${m[1]}：inputs：没有给出输入文件夹（请列出 ERP 和下载脚本写入的文件夹）`,
  ],
  [
    /^(.+): inputs\.(\d+): "(.+)" does not exist \((.+)\)$/,
    (m) => `${m[1]}：inputs.${m[2]}："${m[3]}" 不存在（${m[4]}）`,
  ],
  [
    /^(.+): inputs\.(\d+): folder "(.+)" of "(.+)" does not exist \((.+)\)$/,
    (m) => `${m[1]}：inputs.${m[2]}："${m[4]}" 的文件夹 "${m[3]}" 不存在（${m[5]}）`,
  ],
  [/^inputs\.(\d+): "(.+)" matches no file$/, (m) => `inputs.${m[1]}："${m[2]}" 没有匹配到任何文件`],
  [
    /^(.+): nothing fetched yet into (.+): run `shipaudit fetch`$/,
    (m) => `${m[1]}：${m[2]} 中还没有获取到任何数据：请运行 \`shipaudit fetch\``,
  ],
  [
    /^(.+): (.+)Env: the environment variable (\S+) is not set or empty$/,
    (m) => `${m[1]}：${m[2]}Env：环境变量 ${m[3]} 未设置或为空`,
  ],
  [/^(.+): (.+)File: (.+) is not a readable file$/, (m) => `${m[1]}：${m[2]}File：${m[3]} 不是可读取的文件`],
  [/^(.+): (.+)File: (.+) is empty or unreadable$/, (m) => `${m[1]}：${m[2]}File：${m[3]} 为空或无法读取`],
  // Outputs refused (src/cli/write.ts).
  [/^(.+) holds the working folder: not replaced$/, (m) => `${m[1]} 包含当前文件夹：不替换`],
  [/^(.+) is an input of this run, or holds one: not replaced$/, (m) => `${m[1]} 是本次运行的输入，或包含输入：不替换`],
  [/^(.+) is a symbolic link: not replaced$/, (m) => `${m[1]} 是符号链接：不替换`],
  [/^(.+) is a file, not a pack folder: not replaced$/, (m) => `${m[1]} 是文件，不是材料包文件夹：不替换`],
  [
    /^(.+) exists and is not a state file written by shipaudit: not used as the state file; name another with --state or "state" in the config$/,
    (m) => `${m[1]} 已存在，且不是 shipaudit 写的状态文件：不用作状态文件；请用 --state 或配置中的 "state" 另指定一个`,
  ],
  [
    /^(.+) exists and is not a lock file written by shipaudit: not removed; shipaudit takes its lock under that name, move the file away$/,
    (m) => `${m[1]} 已存在，且不是 shipaudit 写的锁文件：不删除；shipaudit 用这个文件名加锁，请把该文件移走`,
  ],
  [/^(.+) is not a regular file: not used as the state file$/, (m) => `${m[1]} 不是普通文件：不用作状态文件`],
  [
    /^(.+) already exists: choose another --out, or add --force to replace the pack's own files in it$/,
    (m) => `${m[1]} 已存在：请换一个 --out，或加 --force 替换其中材料包自己的文件`,
  ],
  [
    /^(order|confirmation) data is stale: the newest (?:order|confirmation) is ([\d.]+) h old \((.+?)\), more than (\d+) h(?: \((.+)\))?; (?:orders|confirmations) since then are not seen, check the download$/,
    (m, sub) => {
      const what = m[1] === 'order' ? '订单' : '确认发货';
      return `${what}数据已过时：最新的${what}是 ${m[2]} h 前的（${m[3]}），超过 ${m[4]} h${m[5] ? `（${sub(m[5])}）` : ''}；此后的${what}都看不到，请检查下载`;
    },
  ],
  [
    /^2× the longest gap between (order|confirmation) days in the window$/,
    (m) => `时段内${m[1] === 'order' ? '订单' : '确认发货'}日期最长间隔的 2 倍`,
  ],
  [
    /^1 confirmation since then names an order no order file has$/,
    () => '此后有 1 个确认发货对应的订单不在任何订单文件中',
  ],
  [
    /^(\d+) confirmations since then name orders no order file has$/,
    (m) => `此后有 ${m[1]} 个确认发货对应的订单不在任何订单文件中`,
  ],
  [/^1 parcel scanned since then has no confirmation$/, () => '此后有 1 个已扫描的包裹没有确认发货'],
  [/^(\d+) parcels scanned since then have no confirmation$/, (m) => `此后有 ${m[1]} 个已扫描的包裹没有确认发货`],
  [
    /^data is dated after the check's clock by more than a day(?:, up to (.+?))?(?: \((\d+) tracking events? left out\))?: the clock or the data is wrong, so the check judges the wrong days$/,
    (m) =>
      `数据日期比检查时钟晚一天以上${m[1] ? `（最晚 ${m[1]}）` : ''}${m[2] ? `（${m[2]} 个物流跟踪事件未计入）` : ''}：时钟或数据有误，检查会按错误的日期评判`,
  ],
  // no-carrier-scan's details.
  [
    /^no carrier scan ([\d.]+) h after confirmation( \(date-only confirmation: counted from the end of that day\))?: (.+)$/,
    (m, sub) =>
      `确认发货 ${m[1]} h 后仍无承运商扫描${m[2] ? '（确认发货只有日期：从当天结束时算起）' : ''}：${sub(m[3])}`,
  ],
  [/^only "(.+)" \((.+)\)$/, (m) => `只有 "${m[1]}"（${m[2]}）`],
  [
    /^(\d+) events, none a carrier scan; last "(.+)" \((.+)\)$/,
    (m) => `${m[1]} 个事件，没有一个是承运商扫描；最后是 "${m[2]}"（${m[3]}）`,
  ],
  [/^package status "(.+)"$/, (m) => `包裹状态 "${m[1]}"`],
  [/^the tracking file lists the number without any event$/, () => '物流跟踪文件列出了这个运单号，但没有任何事件'],
  // The nightly check's lock (src/check/lock.ts).
  [
    /^another check is running: (.+) is held \((.+)\)\. If no shipaudit check is running, delete that file\.$/,
    (m) => `另一次检查正在运行：${m[1]} 被占用（${m[2]}）。如果没有 shipaudit check 在运行，请删除该文件。`,
  ],
  [
    /^took over a stale lock (.+) \((.+), ([\d.]+) h old, (.+)\)$/,
    (m) => `接管了过期的锁 ${m[1]}（${m[2]}，已 ${m[3]} h，${m[4]}）`,
  ],
  // The engine's own sentences (src/engine/load.ts, read-thread.ts): usage errors and progress phases.
  [/^no input files could be read from (.+)$/, (m) => `${m[1].split(', ').join('、')} 中没有可读取的输入文件`],
  [
    /^no shipping confirmations found: give a shipping-confirmation file, an Orders API export or an ERP export \(`shipaudit inspect` shows what each file was read as\)$/,
    () =>
      '没有找到发货确认：请提供发货确认文件、Orders API 导出或 ERP 导出（`shipaudit inspect` 可显示每个文件被识别成什么）',
  ],
  [/^order (\S+) is in none of the files$/, (m) => `订单 ${m[1]} 不在任何文件中`],
  [
    /^reading the rest of (.+) \(the second thread reads its start\)$/,
    (m) => `正在读取 ${m[1]} 的其余部分（第二线程读取其开头）`,
  ],
  [/^reading (.+) \(and (\d+) in a second thread\)$/, (m) => `正在读取 ${m[1]}（另有 ${m[2]} 个在第二线程中读取）`],
  [/^reading (.+)$/, (m) => `正在读取 ${m[1]}`],
  [/^waiting for the second thread \((.+)\)$/, (m) => `正在等待第二线程（${m[1]}）`],
  [/^files$/, () => '个文件'],
  [/^MB$/, () => 'MB'],
  [/^joining orders and confirmations$/, () => '正在关联订单与发货确认'],
];

const SOURCES_ZH: Record<string, string> = { offset: '带时差', setting: '按设置', inferred: '推断', assumed: '假定' };

/** The zone notes in brackets inside a text ("[Asia/Shanghai, inferred: location "X"]") in the reader's language. */
export function translateZoneNotes(lang: Lang, text: string): string {
  if (lang === 'en') return text;
  return text.replace(
    /\[([^\],\s]+), (offset|setting|inferred|assumed)(?:: ([^\]]*))?\]/g,
    (whole, zone: string, source: string, note?: string) => {
      const said = note ? translateSentence(lang, note) : '';
      return `[${zone}，${SOURCES_ZH[source]}${note ? `：${said}` : ''}]`;
    },
  );
}

/** A sentence written in English elsewhere, in the reader's language; unknown sentences as they are. */
export function translateSentence(lang: Lang, sentence: string): string {
  if (lang === 'en') return sentence;
  const sub = (s: string) => translateSentence(lang, s);
  for (const [re, zh] of SENTENCES) {
    const m = re.exec(sentence);
    if (m)
      return zh(
        [...m].map((x) => x ?? ''),
        sub,
      );
  }
  return sentence;
}
