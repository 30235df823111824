/**
 * The `--help` texts in Chinese. Commands keep writing their help in English where they are declared
 * (commander's `.description()`, `.option()`…); under zh the help formatter looks each English text up
 * here. Keyed by the English text so that the commands' files need no change; the catalogue's test walks
 * every command and option and fails on any English help text without a Chinese one.
 */

export const HELP_ZH: Readonly<Record<string, string>> = {
  // The program and commander's own options.
  'Audit Amazon merchant-fulfilled orders: find shipments confirmed before the carrier had them, or late, and produce the evidence for a Plan of Action.':
    '审核亚马逊卖家自配送订单：找出在承运商收到包裹之前就确认发货、或发货过晚的包裹，并生成行动计划（POA）所需的证据。',
  'colour the text output: auto (a terminal, unless NO_COLOR), always or never':
    '文字输出是否带颜色：auto（终端中显示，设置了 NO_COLOR 时除外）、always 或 never',
  'language of messages, help and reports: en or zh (default: SHIPAUDIT_LANG, else LC_ALL, LC_MESSAGES or LANG; zh_* gives zh)':
    '消息、帮助和报告的语言：en 或 zh（默认按 SHIPAUDIT_LANG 决定，其次是 LC_ALL、LC_MESSAGES 或 LANG；zh_* 为中文）',
  'display help for command': '显示命令帮助',
  'output the version number': '显示版本号',

  // audit
  'find orders confirmed before the carrier had them, or late': '找出在承运商收到包裹之前就确认发货、或发货过晚的订单',
  'Reads order reports, shipping confirmations and carrier tracking exports (files or folders, any order), joins them per shipment and checks every rule (see `shipaudit rules`). Prints a summary; writes an evidence CSV for a Plan of Action with --evidence.':
    '读取订单报告、发货确认和承运商物流跟踪导出文件（文件或文件夹，顺序不限），按包裹关联后逐条检查规则（见 `shipaudit rules`）。输出汇总；加 --evidence 时写出行动计划所需的证据 CSV。',
  'input files or folders (folders are read recursively)': '输入文件或文件夹（文件夹会递归读取）',
  'first day of confirmations to audit, YYYY-MM-DD in the marketplace zone':
    '审核的确认发货起始日，YYYY-MM-DD，站点时区',
  'last day of confirmations to audit (inclusive)': '审核的确认发货截止日（含当天）',
  'how long a confirmation may precede the first carrier scan (e.g. 24h, 90m, 2d)':
    '确认发货最多可以比承运商首次扫描早多久（如 24h、90m、2d）',
  'IANA zone of the marketplace, for times without an offset (default America/Los_Angeles)':
    '站点的 IANA 时区，用于不带时差的时间（默认 America/Los_Angeles）',
  'config file (default: shipaudit.config.json in the working folder, if present)':
    '配置文件（默认：当前文件夹中的 shipaudit.config.json，如果有）',
  'the moment the audit is judged at (default: the newest tracking event read)':
    '审核的评判时间点（默认：读到的最新物流跟踪事件）',
  'write the evidence CSV (one row per affected shipment) to this path': '把证据 CSV（每个有问题的包裹一行）写到此路径',
  'text or json': 'text 或 json',
  'exit 1 when a finding is at or above: error, warning or never':
    '问题达到此级别时退出码为 1：error、warning 或 never',
  'exit by the findings even when some rows could not be read (they are still reported)':
    '即使有行无法读取也按检查结果决定退出码（这些行仍会列出）',

  // inspect
  'show how each file is understood': '显示每个文件是如何被识别的',
  'For each file: the kind recognised, encoding, delimiter, rows read and rejected (with reasons and line numbers), the column mapping, the time-zone assumption, a few records as read, and for tracking files the event descriptions no table entry matched.':
    '对每个文件显示：识别出的类型、编码、分隔符、读取和被拒的行（附原因和行号）、列映射、时区假设、几条读取结果，物流跟踪文件还显示未能识别的事件文字。',
  'input files or folders': '输入文件或文件夹',
  'IANA zone for times without an offset (default America/Los_Angeles)':
    '不带时差的时间所用的 IANA 时区（默认 America/Los_Angeles）',

  // explain
  'show the timeline of one order and the rules it breaks': '显示单个订单的时间线及其违反的规则',
  'print a shell completion script (bash, zsh, fish or powershell)':
    '输出命令行补全脚本（bash、zsh、fish 或 powershell）',
  'bash, zsh, fish or powershell': 'bash、zsh、fish 或 powershell',
  'Purchase, latest ship date, each confirmation, each carrier event with its classification and the zone its time was read in, then the findings for the order.':
    '下单、最晚发货日期、每次确认发货、每个承运商事件（含分类及读取时间所用的时区），然后是该订单的问题。',
  'the Amazon order id, e.g. 113-1234567-1234567': '亚马逊订单号，如 113-1234567-1234567',
  'input files or folders, as for audit': '输入文件或文件夹，同 audit',
  'grace before the first carrier scan (default 24h)': '承运商首次扫描前的宽限时间（默认 24h）',
  'IANA zone of the marketplace': '站点的 IANA 时区',
  'config file': '配置文件',

  // rules
  'list the rules with their severity and options': '列出所有规则及其严重程度和选项',

  // check
  'the nightly check: new findings, shipments at risk, metrics against thresholds':
    '每晚检查：新问题、有风险的包裹、指标与阈值对比',
  'Audits the last 30 days of the inputs named in the config file and reports only what needs attention: findings not reported by an earlier run, shipments whose grace for a carrier scan runs out, orders due to ship within 24 hours, metrics past their warning level, and stale tracking data. One line when all is well. Meant for cron, a systemd timer or the Windows Task Scheduler (see the README). With "sources" in the config it first fetches the orders and the tracking itself (`shipaudit fetch`) and reads what it saved.':
    '审核配置文件所列输入中最近 30 天的数据，只报告需要处理的事项：之前未报告过的问题、等待承运商扫描的宽限即将用完的包裹、24 小时内需要发货的订单、超过警告线的指标，以及过时的物流跟踪数据。一切正常时只输出一行。适合 cron、systemd 定时器或 Windows 任务计划程序（见 README）。配置中有 "sources" 时，会先自行获取订单和物流跟踪（`shipaudit fetch`）再读取保存的数据。',
  'config file (default: shipaudit.config.json in the working folder; `shipaudit init` writes one)':
    '配置文件（默认：当前文件夹中的 shipaudit.config.json；`shipaudit init` 可生成一个）',
  'the moment the check is judged at (default: now)': '检查的评判时间点（默认：现在）',
  'what earlier runs reported (default: "state" in the config, else .shipaudit/state.json beside the config)':
    '之前运行报告过的内容（默认：配置中的 "state"，否则为配置文件旁的 .shipaudit/state.json）',
  'also write a dated JSON report and evidence CSV here, keeping the last "keepReports" runs':
    '同时在此写出带日期的 JSON 报告和证据 CSV，保留最近 "keepReports" 次的结果',
  'when the config names "sources": check what is saved, without fetching first':
    '配置中有 "sources" 时：不先获取，直接检查已保存的数据',

  // fetch
  'get orders from Amazon (SP-API) and tracking from 17TRACK or AfterShip into .shipaudit/data':
    '从亚马逊（SP-API）获取订单，从 17TRACK 或 AfterShip 获取物流跟踪，保存到 .shipaudit/data',
  'Pulls the orders of the last days from the Selling Partner API (Orders API 2026-01-01, all pages) and, for every tracking number they name that is not yet delivered, the tracking from 17TRACK or AfterShip, as the config\'s "sources" say. Each response is saved unchanged under the data folder (default .shipaudit/data beside the config); `shipaudit check` reads that folder. A run that stops goes on where it stopped next time. Secrets come from environment variables or 0600 files the config names.':
    '从 Selling Partner API（Orders API 2026-01-01，全部分页）获取最近几天的订单，并按配置中的 "sources"，从 17TRACK 或 AfterShip 获取其中每个尚未妥投的运单号的物流跟踪。每个响应原样保存在数据文件夹中（默认为配置文件旁的 .shipaudit/data）；`shipaudit check` 读取该文件夹。中途停止的运行下次会从停止处继续。密钥来自环境变量或配置中指定的 0600 权限文件。',
  'config file (default: shipaudit.config.json in the working folder)':
    '配置文件（默认：当前文件夹中的 shipaudit.config.json）',
  'show what would be fetched, without any request': '只显示将要获取的内容，不发送任何请求',

  // init
  'write an example shipaudit.config.json with every key explained':
    '生成一个示例 shipaudit.config.json，逐项说明每个设置',
  'overwrite an existing config file': '覆盖已有的配置文件',

  // appeal
  'build the appeal pack: Plan of Action draft, evidence and report, before vs after a fix':
    '生成申诉材料包：行动计划草稿、证据和报告，对比整改前后',
  'Audits the inputs like `shipaudit audit`, splits the shipments at the day the corrective action took effect (--fixed-on) and writes a folder with a Plan of Action draft built on the figures, the evidence as CSV and XLSX, an HTML report, report.pdf (when a Chromium or Chrome is found) and a short note. Nothing in it names a buyer.':
    '像 `shipaudit audit` 一样审核输入，以整改生效日（--fixed-on）为界把包裹分为前后两段，写出一个文件夹：基于数据的行动计划草稿、CSV 和 XLSX 格式的证据、HTML 报告、report.pdf（找到 Chromium 或 Chrome 时）以及一份简短说明。其中不含任何买家信息。',
  'the day the corrective action took effect, YYYY-MM-DD in the marketplace zone':
    '整改措施生效的日期，YYYY-MM-DD，站点时区',
  'the pack folder (default: appeal-pack-<fixed-on>)': '材料包文件夹（默认：appeal-pack-<fixed-on>）',
  'your seller name, for the Plan of Action and the report': '你的卖家名称，用于行动计划和报告',
  'write into a pack folder shipaudit wrote before, replacing only the files it writes there (READ-ME-FIRST.txt, plan-of-action.txt and .md, evidence.csv and .xlsx, report.html and .pdf); anything else in it is kept':
    '写入 shipaudit 之前生成的材料包文件夹，只替换它自己写的文件（READ-ME-FIRST.txt、plan-of-action.txt 和 .md、evidence.csv 和 .xlsx、report.html 和 .pdf）；文件夹中的其他内容都保留',

  // confirm
  'confirm shipments to Amazon only once the carrier has scanned them': '只在承运商扫描之后才向亚马逊确认发货',
  'The confirmation gate. Reads the orders awaiting shipment (Unshipped Orders report or Orders API), the tracking numbers assigned to them (an ERP export, or a file: order id, tracking number, carrier) and the tracking data, and per order: releases it when a physical carrier scan exists (ship date = the scan), holds it when not (with why and the hours left), and lists it as overdue when its latest ship date has passed without a scan. Released orders go into an Amazon shipping-confirmation file (--out) or to the Orders API (--submit), and into a ledger so that no order is confirmed twice. Without --out or --submit it is a dry run: it shows what would be released and writes nothing.':
    '发货确认闸门。读取待发货订单（未发货订单报告或 Orders API）、分配给它们的运单号（ERP 导出，或一个文件：订单号、运单号、承运商）以及物流跟踪数据，逐个订单处理：有承运商实物扫描时放行（发货日期 = 扫描时间）；没有时暂缓（附原因和剩余小时数）；超过最晚发货日期仍无扫描时列为逾期。放行的订单写入亚马逊发货确认文件（--out）或提交到 Orders API（--submit），并记入台账，保证不会重复确认。没有 --out 或 --submit 时只是演练：显示将放行的订单，不写任何文件。',
  'input files or folders (default: the "inputs" of the config)': '输入文件或文件夹（默认：配置中的 "inputs"）',
  'write the released orders as an Amazon shipping-confirmation file (tab-separated)':
    '把放行的订单写成亚马逊发货确认文件（制表符分隔）',
  'send the released orders to Amazon (Orders API confirmShipment), one at a time':
    '把放行的订单逐个提交给亚马逊（Orders API confirmShipment）',
  "what was released and sent (default: ledger.jsonl beside the check's state file)":
    '已放行和已提交的记录（默认：check 状态文件旁的 ledger.jsonl）',
  'release these orders again although the ledger has them': '即使台账中已有，也再次放行这些订单',
  'the moment the gate decides at (default: now)': '闸门的判定时间点（默认：现在）',
  'IANA zone of the marketplace (ship dates are written in it)': '站点的 IANA 时区（发货日期按此时区写出）',
};

/** What each command's help shows after the options, in Chinese (the English is the command's own). */
export const HELP_AFTER_ZH: Readonly<Record<string, string>> = {
  completion:
    '\n在当前 shell 中加载，或把这一行加到 shell 的启动文件里：\n' +
    '  bash:        source <(shipaudit completion bash)            (~/.bashrc)\n' +
    '  zsh:         source <(shipaudit completion zsh)             (~/.zshrc，放在 compinit 之后)\n' +
    '  fish:        shipaudit completion fish | source             (~/.config/fish/config.fish)\n' +
    '  PowerShell:  shipaudit completion powershell | Out-String | Invoke-Expression   ($PROFILE)',
  audit:
    '\n示例：\n' +
    '  shipaudit audit fixtures/sample-month\n' +
    '  shipaudit audit orders.txt confirmations.txt tracking.csv --from 2026-10-01 --to 2026-10-31 --evidence evidence.csv\n' +
    '  shipaudit audit downloads/ --format json > audit.json\n\n' +
    '退出码：0 没有达到 --fail-on 级别的问题，1 有，2 用法错误或输入无法读取。\n',
  inspect:
    '\n示例：\n' +
    '  shipaudit inspect fixtures/formats/tracking-events-gb18030.csv\n' +
    '  shipaudit inspect downloads/ --format json\n\n' +
    '退出码：0 所有文件都读取正常，2 有文件无法读取或有行被拒。\n',
  explain: '\n示例：\n  shipaudit explain 111-7625964-1065606 fixtures/sample-month\n',
  rules:
    '\n示例：\n  shipaudit rules\n  shipaudit rules --format json\n\n' +
    '在配置文件中修改严重程度或选项，例如\n  "rules": { "late-handover": "error", "confirmed-before-handover": { "graceHours": 12 } }\n',
  init:
    '\n示例：\n  shipaudit init            # 在当前文件夹写出 shipaudit.config.json，然后修改 "inputs"\n' +
    '  shipaudit init --force    # 从示例重新开始（你的修改会丢失）\n',
  check:
    '\n示例：\n' +
    '  shipaudit init && shipaudit check\n' +
    '  shipaudit check --config /srv/amazon/shipaudit.config.json --out /srv/amazon/reports\n' +
    '  shipaudit check --as-of 2026-11-10T06:00 --format json\n\n' +
    '退出码：0 没有达到 "failOn"（默认 warning）级别的事项，1 有，2 配置或输入有误，或另一次运行持有锁。\n',
  fetch:
    '\n示例：\n' +
    '  shipaudit fetch --dry-run\n' +
    '  shipaudit fetch && shipaudit check\n\n' +
    '退出码：0 全部获取成功，1 部分获取（报告会说明哪些没有获取到），2 配置有误、密钥或令牌被拒，\n或另一次运行持有锁。\n',
  appeal:
    '\n示例：\n' +
    '  shipaudit appeal fixtures/sample-month --fixed-on 2026-11-03\n' +
    '  shipaudit appeal downloads/ --fixed-on 2026-11-03 --out appeal --lang zh --seller-name "Lingdong Tech"\n\n' +
    '新的材料包先在 --out 旁边生成，再改名到位，所以不会只写了一半。已有的文件夹会保留，除非加 --force。\n' +
    '--force 只写入 shipaudit 生成的材料包文件夹（含 .shipaudit-pack 标记），并且只替换它自己写的文件：\n' +
    '上面列出的文件和标记（你对这些文件的修改会丢失；本次没有生成 report.pdf 时，旧的 report.pdf 会删除）。\n' +
    '你放进材料包的其他文件或文件夹都保留。绝不写入当前文件夹、输入文件或包含输入的文件夹、\n' +
    '普通文件或你自己的文件夹。\n' +
    'report.pdf：用 SHIPAUDIT_CHROMIUM 指定浏览器，设为 "none" 则不生成。\n' +
    '退出码：0 材料包已写出（无论数据是否显示有改善：材料包中会说明），2 用法错误或输入无法读取。\n',
  confirm:
    '\n示例：\n' +
    '  shipaudit confirm unshipped.txt assigned.csv tracking/            # 演练\n' +
    '  shipaudit confirm unshipped.txt assigned.csv tracking/ --out confirm-upload.txt\n' +
    '  shipaudit fetch && shipaudit confirm --submit                      # 每小时运行，输入取自配置\n\n' +
    '退出码：0 没有逾期或被拒的订单，1 有订单逾期或被亚马逊拒绝，\n2 用法或输入有误。\n' +
    '见 docs/confirm.md。\n',
};

/** Section titles of commander's help. */
export const HELP_TITLES_ZH: Readonly<Record<string, string>> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

/**
 * Commander's own error messages (an unknown option, a missing argument…), as commander 14 words them.
 * Anchored on "error: "; the quoted names stay as they are.
 */
export const COMMANDER_ERRORS_ZH: ReadonlyArray<readonly [RegExp, (m: string[]) => string]> = [
  [
    /^error: unknown option '(.+?)'(?:\n?\(Did you mean (.+)\?\))?$/s,
    (m) => `错误：未知选项 '${m[1]}'${m[2] ? `\n（是不是想输入 ${m[2]}？）` : ''}`,
  ],
  [
    /^error: unknown command '(.+?)'(?:\n?\(Did you mean (.+)\?\))?$/s,
    (m) => `错误：未知命令 '${m[1]}'${m[2] ? `\n（是不是想输入 ${m[2]}？）` : ''}`,
  ],
  [/^error: missing required argument '(.+)'$/, (m) => `错误：缺少必需的参数 '${m[1]}'`],
  [/^error: option '(.+)' argument missing$/, (m) => `错误：选项 '${m[1]}' 缺少值`],
  [/^error: required option '(.+)' not specified$/, (m) => `错误：未指定必需的选项 '${m[1]}'`],
  [
    /^error: option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/,
    (m) => `错误：选项 '${m[1]}' 的值 '${m[2]}' 无效。可选值为 ${m[3]}。`,
  ],
  [
    /^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (m) => `错误：参数过多${m[1] ? `（${m[1]}）` : ''}。应为 ${m[2]} 个，实际 ${m[3]} 个。`,
  ],
];

export function commanderErrorZh(message: string): string {
  const trimmed = message.replace(/\n$/, '');
  for (const [re, zh] of COMMANDER_ERRORS_ZH) {
    const m = re.exec(trimmed);
    if (m) return `${zh([...m].map((x) => x ?? ''))}\n`;
  }
  return message;
}
