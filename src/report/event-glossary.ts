/**
 * Common Chinese (and Japanese) carrier scan phrases → plain English, for what a reviewer at Amazon reads:
 * "已收寄" as "accepted (posted)" in the evidence CSV and workbook ("First Scan Event (English)") and beside
 * the scan text in report.html, on screen and printed. A gloss only translates; whether an event counts as a
 * scan is decided by events.ts, never here. Text with no known phrase is shown as it is, with no gloss.
 *
 * HOW A TEXT IS GLOSSED: read left to right; at each place the longest phrase of the table that starts
 * there wins ("待揽收" over "揽收", "未妥投" over "妥投", "到达寄达地" over "到达") and the reading moves on
 * after it. Each meaning is given once, in the order found: "离开深圳 到达广州" → "departed; arrived".
 */
export const EVENT_GLOSSARY: ReadonlyArray<readonly [phrase: string, english: string]> = [
  // Information only: the carrier has data, not the parcel.
  ['电子信息已收到', 'electronic information received'],
  ['快件电子信息已收到', 'electronic information received'],
  ['已下单', 'order placed'],
  ['订单已创建', 'order created'],
  ['待揽收', 'waiting to be collected'],
  ['揽收失败', 'collection failed'],
  // In the carrier's hands.
  ['已收寄', 'accepted (posted)'],
  ['收寄', 'accepted (posted)'],
  ['中国邮政已收取邮件', 'China Post has collected the item'],
  ['揽收', 'collected'],
  ['已揽收', 'collected'],
  ['揽收成功', 'collected'],
  ['已收件', 'received by the courier'],
  ['包裹已交第三方代理', 'handed to a third-party agent'],
  ['到达寄达地', 'arrived at destination office'],
  ['到达处理中心', 'arrived at processing centre'],
  ['离开处理中心', 'departed processing centre'],
  ['到达', 'arrived'],
  ['离开', 'departed'],
  ['发往', 'sent to'],
  ['交航', 'handed to the airline'],
  ['航班起飞', 'flight departed'],
  ['出口清关', 'export customs clearance'],
  ['进口清关', 'import customs clearance'],
  ['清关', 'customs clearance'],
  ['正在派送', 'out for delivery'],
  ['派送中', 'out for delivery'],
  // Delivery and exceptions.
  ['妥投', 'delivered'],
  ['已签收', 'delivered (signed for)'],
  ['未妥投', 'not delivered'],
  ['投递失败', 'delivery failed'],
  ['派送失败', 'delivery failed'],
  ['拒收', 'refused by the recipient'],
  ['退回', 'returned'],
  ['退件', 'returned'],
  ['异常', 'exception'],
  // Japanese carriers.
  ['引受', 'accepted (Japan Post)'],
  ['荷物受付', 'parcel received'],
  ['配達中', 'out for delivery'],
  ['配達完了', 'delivered'],
  ['お届け完了', 'delivered'],
  ['お届け済み', 'delivered'],
  ['ご不在', 'recipient not at home'],
  ['持戻', 'taken back to the depot'],
];

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;
const LONGEST = Math.max(...EVENT_GLOSSARY.map(([p]) => p.length));
const BY_PHRASE = new Map(EVENT_GLOSSARY.map(([p, e]) => [p, e]));

/** The English of a scan text's known phrases ("accepted (posted)"), or undefined when none is known. */
export function glossEvent(text: string): string | undefined {
  if (!CJK.test(text)) return undefined;
  const found: string[] = [];
  for (let i = 0; i < text.length;) {
    let hit = 0;
    for (let n = Math.min(LONGEST, text.length - i); n > 0 && !hit; n--) {
      const english = BY_PHRASE.get(text.slice(i, i + n));
      if (english !== undefined) {
        hit = n;
        if (!found.includes(english)) found.push(english);
      }
    }
    i += hit || 1;
  }
  return found.length ? found.join('; ') : undefined;
}
