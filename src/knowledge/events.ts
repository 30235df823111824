/**
 * Carrier events → what they prove about the parcel. Only an event with `possession: true` can be a
 * "first physical scan"; everything else is data about the parcel, not the parcel in the carrier's hands.
 *
 * HOW AN EVENT IS MATCHED (in this order; the first hit decides):
 *  1. the caller's `extra` entries (from config), then this table: so a user can override any line;
 *  2. within each, codes before phrases: a code is the carrier's own verdict, the text is prose.
 *     Codes match exactly, ignoring case and surrounding spaces. When the event has no code, its whole
 *     description is tried as one, so a status column ("pickup", "InTransit", "OF") works whether a
 *     reader hands it over as code or as description;
 *  3. phrases, in table order. Both sides are folded first (NFKC, lower case, every run of punctuation
 *     or spaces → one space), so "Drop-Off" = "drop off" and "Posting/Collection" = "posting collection".
 *     A phrase is found *inside* the description: anywhere for Chinese and Japanese (no spaces between
 *     words), as whole words for Latin letters ("delivered" is not found in "undelivered");
 *  4. `pattern` is tested against the description as written (for shapes like "到达…仓").
 * Entries with `carriers` apply only to events whose canonical carrier name is listed: code namespaces
 * collide (USPS OF = Out for Delivery, FedEx OF = at origin facility) and a bare "D" means nothing
 * without knowing it is UPS. Nothing matched → 'unknown': surfaced to the user, never guessed.
 *
 * TABLE ORDER IS PART OF THE DATA: a sentence that contains a word of another class comes before
 * that word ("Shipper created a label, UPS has not received the package" before anything physical;
 * "not delivered" before "delivered"; "待揽收" before "揽收"), and a carrier's own wording before the
 * generic wording it contains. The tests check that every phrase and code is decided by its own entry.
 *
 * Possession, by class: information → false; physical, delivered → true; exception → true only for a
 * delivery attempt (the courier had the parcel at the door). Other exceptions say false: they usually
 * follow earlier scans, and a returned or held parcel is not a safe first scan to claim in an appeal.
 *
 * Codes deliberately absent: bare numbers from aggregators (17TRACK's legacy 0/10/20/30/35/40/50), since
 * codes win over text and a global "10" would overrule the description of any feed that numbers its
 * events. Add them through config when a feed is known to use them.
 */
import type { Classification, EventClass } from '../model/records.js';

export interface EventEntry {
  /** Stable id: shown by `explain`, reported as `Classification.rule`, used by config overrides. */
  id: string;
  /** Canonical carrier names (see carriers.ts) the entry applies to; absent = any carrier. */
  carriers?: string[];
  match: { codes?: string[]; phrases?: string[]; pattern?: RegExp };
  class: EventClass;
  possession: boolean;
  note?: string;
}

export interface ClassifyOptions {
  /** USPS "Shipment Received, Package Acceptance Pending" (TM) and passive acceptance (PA) count as possession. */
  acceptancePendingIsPossession?: boolean;
}

export interface EventInput {
  description: string;
  code?: string;
  carrier?: string;
}

/** Entries that `acceptancePendingIsPossession` turns into physical possession. */
export const USPS_ACCEPTANCE_PENDING_IDS: readonly string[] = [
  'usps-acceptance-pending',
  'usps-code-acceptance-pending',
];

const range = (prefix: string, from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(from + i).padStart(3, '0')}`);

const INFO = { class: 'information', possession: false } as const;
const PHYSICAL = { class: 'physical', possession: true } as const;
const DELIVERED = { class: 'delivered', possession: true } as const;

export const EVENT_TABLE: readonly EventEntry[] = [
  // ── 1. Sentences containing a word of another class: they must be seen first ──────────────────────
  {
    id: 'ups-label-created',
    match: {
      phrases: [
        'Shipper created a label',
        'UPS has not received the package',
        'Order Processed: Ready for UPS',
        'Billing information received',
      ],
    },
    ...INFO,
    note:
      'contains "received the package" / "processed", yet UPS does not have the parcel; "Billing information ' +
      'received" is the older wording of the same label event (status type M)',
  },
  {
    id: 'usps-shipping-partner',
    match: {
      phrases: [
        'Picked Up by Shipping Partner',
        'Arrived Shipping Partner Facility',
        'Departed Shipping Partner Facility',
      ],
    },
    ...PHYSICAL,
    note: 'a USPS partner (consolidator) holds the parcel; USPS appends "USPS Awaiting Item" to these lines',
  },
  {
    id: 'usps-acceptance-pending',
    match: { phrases: ['Shipment Received, Package Acceptance Pending', 'Package Acceptance Pending'] },
    ...INFO,
    note: 'USPS TM/PA: a bulk or passive receipt, not an item scan; possession only if configured',
  },
  {
    id: 'usps-code-acceptance-pending',
    carriers: ['USPS'],
    match: { codes: ['TM', 'PA'] },
    ...INFO,
    note: 'see usps-acceptance-pending',
  },
  {
    id: 'pickup-scheduled',
    match: { phrases: ['Pickup scheduled', 'Scheduled for pickup', 'Pickup requested'] },
    ...INFO,
  },
  {
    id: 'not-collected',
    match: {
      phrases: [
        '未揽收',
        '未收寄',
        '揽收取消',
        '取消揽收',
        '预约揽收',
        '预约上门揽收',
        '通知快递揽收',
        'Not picked up',
        'Not yet picked up',
        'Never picked up',
        'Not been picked up',
        'Origin scan pending',
        'Pickup cancelled',
        'Pickup canceled',
      ],
    },
    ...INFO,
    note:
      'collection negated, booked or cancelled (尚未揽收 not yet collected, 预约揽收 pickup booked, 商家已通知快递揽收 ' +
      'the seller has asked for a pickup): they contain the words of a collection scan, yet nobody has the parcel',
  },
  {
    id: 'picked-up-by-recipient',
    match: { phrases: ['Picked Up at Postal Facility', 'Picked up by the customer'] },
    ...DELIVERED,
    note: 'the recipient, not the carrier, picked it up',
  },

  // ── 2. Information only: the carrier has data, not the parcel ──────────────────────────────────────
  {
    id: 'usps-label',
    match: {
      phrases: [
        'Shipping Label Created, USPS Awaiting Item',
        'Pre-Shipment Info Sent to USPS',
        'USPS Awaiting Item',
        'Label Created, not yet in system',
      ],
    },
    ...INFO,
  },
  { id: 'usps-code-label', carriers: ['USPS'], match: { codes: ['GX', 'MA', '89'] }, ...INFO },
  {
    id: 'ups-code-label',
    carriers: ['UPS'],
    match: { codes: ['M', 'MV', 'MP'] },
    ...INFO,
    note: 'M billing information received, MV voided, MP order processed',
  },
  { id: 'fedex-label', match: { phrases: ['Shipment information sent to FedEx'] }, ...INFO },
  { id: 'fedex-code-label', carriers: ['FedEx'], match: { codes: ['OC'] }, ...INFO },
  {
    id: 'scan-form-manifest',
    match: { phrases: ['SCAN form', 'SCANform', 'Shipment manifest', 'Batch manifest', 'Electronic manifest'] },
    ...INFO,
    note: 'a manifest of many packages is not an acceptance scan of each one',
  },
  {
    id: 'forwarder-order',
    match: {
      codes: ['GWMS_ACCEPT', 'GTMS_ASN', 'CONSIGN', 'OM_CONSIGN', 'PRE_READY_TO_SHIP'],
      phrases: [
        '已下单',
        '订单已创建',
        '快件电子信息已收到',
        'Shipment information received by warehouse electronically',
        '待揽收',
      ],
    },
    ...INFO,
    note: 'Cainiao and forwarders: order data and electronic advice; "待揽收" = waiting to be collected',
  },
  { id: 'upu-pre-advice', match: { phrases: ['Pre-advice', 'Pre-advised'] }, ...INFO },
  {
    id: 'carrier-billing-note',
    match: { phrases: ['Guaranteed service refund'] },
    ...INFO,
    note: 'UPS: a refund for a late guaranteed service, written after delivery; says nothing about the parcel',
  },
  { id: 'china-post-info', match: { phrases: ['电子信息已收到', 'Electronic information received'] }, ...INFO },
  {
    id: 'aggregator-info',
    match: {
      codes: [
        'InfoReceived',
        'InfoReceived_001',
        'Pending',
        ...range('Pending_', 1, 6),
        'NotFound',
        'NotFound_Other',
        'NotFound_InvalidCode',
        'notfound001',
        'notfound002',
        'Expired',
        'Expired_001',
        'Expired_Other',
        // Spelled out in summary exports. Codes, not phrases: as a phrase "not found" would also catch a
        // delivery exception such as "Recipient not found".
        'Info Received',
        'Information Received',
        'Not Found',
      ],
    },
    ...INFO,
    note:
      'AfterShip / 17TRACK / TrackingMore: no scan yet. AfterShip Pending_001–006 = the tracking service has fetched ' +
      'nothing usable yet (new, carrier not found, no information); Expired_001 = no update for 30 days: statuses ' +
      'of the tracking, not events of the parcel',
  },
  {
    id: 'label-created',
    match: {
      phrases: [
        'Label created',
        'Shipping label created',
        'Label printed',
        'Label voided',
        'Awaiting item',
        'Pre-shipment',
        'Shipment information received',
      ],
    },
    ...INFO,
  },

  // ── 3. Exceptions: before "delivered" and the scans, whose words they contain ──────────────────────
  {
    id: 'delivery-attempt',
    match: {
      codes: [
        'EMH',
        'AttemptFail',
        ...range('AttemptFail_', 1, 3),
        'DeliveryFailure',
        'DeliveryFailure_Other',
        'DeliveryFailure_NoBody',
        'DeliveryFailure_Security',
        'DeliveryFailure_Rejected',
        'DeliveryFailure_InvalidAddress',
        'undelivered',
      ],
      phrases: [
        'Delivery attempt failed',
        'Delivery attempted',
        'Attempted delivery',
        'Unsuccessful delivery attempt',
        'Notice Left',
        '投递失败',
        '未妥投',
        '派送失败',
        '持戻',
        'ご不在',
      ],
    },
    class: 'exception',
    possession: true,
    note: 'the courier had the parcel at the door',
  },
  {
    id: 'pickup-failed',
    match: { codes: ['PU_PICKUP_FAILURE'], phrases: ['揽收失败'] },
    class: 'exception',
    possession: false,
  },
  {
    id: 'exception',
    match: {
      codes: [
        // AfterShip Exception_001–013, and 014–021 added in 2026 (delays, documents, cancelled, disposed):
        // none of them is a scan to claim in an appeal. 17TRACK stages Returning/Returned likewise.
        'Exception',
        ...range('Exception_', 1, 21),
        'Exception_Other',
        'Returning',
        'Returned',
        'Exception_Returning',
        'Exception_Returned',
        'Exception_NoBody',
        'Exception_Security',
        'Exception_Damage',
        'Exception_Rejected',
        'Exception_Delayed',
        'Exception_Lost',
        'Exception_Destroyed',
        'Exception_Cancel',
        ...range('exception', 4, 11),
      ],
      phrases: [
        'Returned to sender',
        'Return to sender',
        'Returned to shipper',
        'Return to shipper',
        'Could not be delivered',
        'Not delivered',
        'Undeliverable',
        'Delivery exception',
        'Shipment exception',
        'Encountered a delay',
        '退回',
        '退件',
        '拒收',
        '异常',
      ],
    },
    class: 'exception',
    possession: false,
  },
  { id: 'ups-code-exception', carriers: ['UPS'], match: { codes: ['X', 'RS'] }, class: 'exception', possession: false },
  {
    id: 'fedex-code-exception',
    carriers: ['FedEx'],
    match: { codes: ['DE', 'SE', 'RS'] },
    class: 'exception',
    possession: false,
  },

  // ── 4. Delivered ───────────────────────────────────────────────────────────────────────────────────
  {
    id: 'delivered',
    match: {
      codes: ['Delivered', ...range('Delivered_', 1, 5), 'Delivered_Other', ...range('delivered', 1, 4), 'EMI'],
      phrases: ['Delivered', '已签收', '妥投', 'お届け済み', 'お届け完了', '配達完了'],
    },
    ...DELIVERED,
  },
  { id: 'usps-code-delivered', carriers: ['USPS'], match: { codes: ['01'] }, ...DELIVERED },
  { id: 'ups-code-delivered', carriers: ['UPS'], match: { codes: ['D'] }, ...DELIVERED },
  { id: 'fedex-code-delivered', carriers: ['FedEx'], match: { codes: ['DL'] }, ...DELIVERED },

  // ── 5. Out for delivery: physical, but late in the journey, never an acceptance ────────────────────
  {
    id: 'out-for-delivery',
    match: {
      codes: ['OutForDelivery', ...range('OutForDelivery_', 1, 4), 'OutForDelivery_Other'],
      phrases: [
        'Out for delivery',
        'On FedEx vehicle for delivery',
        'Loaded on delivery vehicle',
        'With delivery courier',
        '派送中',
        '正在派送',
        '配達中',
      ],
    },
    ...PHYSICAL,
    note:
      'out for delivery; AfterShip OutForDelivery_003 "customer contacted" and _004 "delivery appointment ' +
      'scheduled" are the destination depot\'s, which holds the parcel',
  },
  {
    id: 'usps-code-out-for-delivery',
    carriers: ['USPS'],
    match: { codes: ['OF'] },
    ...PHYSICAL,
    note: 'USPS OF is Out for Delivery, not "origin facility"',
  },
  {
    id: 'fedex-code-out-for-delivery',
    carriers: ['FedEx'],
    match: { codes: ['OD'] },
    ...PHYSICAL,
    note: 'out for delivery',
  },
  {
    id: 'tracking-status-pickup',
    match: { codes: ['pickup'] },
    ...PHYSICAL,
    note: 'TrackingMore/Tracktry "pickup" and old 17TRACK "PickUp" mean OUT FOR DELIVERY or ready for collection by the recipient, not an acceptance',
  },
  {
    id: 'available-for-pickup',
    match: {
      codes: ['AvailableForPickup', 'AvailableForPickup_001', 'AvailableForPickup_Other'],
      phrases: ['Available for pickup'],
    },
    ...PHYSICAL,
    note: 'waiting for the recipient at a pickup point',
  },

  // ── 6. Physical scans ────────────────────────────────────────────────────────────────────────────
  {
    id: 'usps-scan',
    match: {
      phrases: [
        'USPS in possession of item',
        'Accepted at USPS Origin Facility',
        'Accepted at USPS Regional Origin Facility',
        'Arrived at USPS Regional Facility',
        'Arrived at USPS Regional Origin Facility',
        'Arrived at USPS Facility',
        'Departed USPS Regional Facility',
        'Departed USPS Facility',
        'Processed through USPS Facility',
        'In Transit to Next Facility',
        'Arrived at Post Office',
        'Departed Post Office',
        'Accepted at USPS Origin Sort Facility',
        'Arrived at USPS Origin Facility',
        'Sorting Complete',
      ],
    },
    ...PHYSICAL,
  },
  {
    id: 'usps-code-scan',
    carriers: ['USPS'],
    match: { codes: ['OA', '03', '43', '10', '07', 'A1', 'T1', 'TL', 'SF', 'EF', 'PC'] },
    ...PHYSICAL,
    note:
      'OA origin acceptance, 03 accept or pickup, 43 picked up, 10 processed / arrived at facility, 07 arrived at ' +
      'post office, A1 arrived at regional facility, T1 departed regional facility, TL in transit to next ' +
      'facility, SF departed post office, EF departed facility, PC sorting complete (as in USPS Web Tools and v3)',
  },
  {
    id: 'ups-scan',
    match: {
      phrases: [
        'Pickup Scan',
        'Origin Scan',
        'Departed from Facility',
        'Arrived at Facility',
        'Drop-Off',
        'Dropped off',
        'Destination Scan',
        'Arrival Scan',
        'Departure Scan',
        'Import Scan',
        'Export Scan',
        'Processing at UPS Facility',
        'We have your package',
      ],
    },
    ...PHYSICAL,
  },
  { id: 'ups-code-scan', carriers: ['UPS'], match: { codes: ['P', 'I'] }, ...PHYSICAL, note: 'P pickup, I in transit' },
  {
    id: 'fedex-scan',
    match: {
      phrases: [
        'At local FedEx facility',
        'At FedEx origin facility',
        'Left FedEx origin facility',
        'Arrived at FedEx location',
        'Departed FedEx location',
        'At destination sort facility',
        'International shipment release',
      ],
    },
    ...PHYSICAL,
  },
  {
    id: 'fedex-code-scan',
    carriers: ['FedEx'],
    match: { codes: ['PU', 'PX', 'AR', 'DP', 'AF', 'OF', 'FD', 'LO', 'IT', 'IX'] },
    ...PHYSICAL,
    note: 'FedEx OF is "at FedEx origin facility"',
  },
  {
    id: 'upu-scan',
    match: {
      codes: ['EMA', 'EMB', 'EMC', 'EMD', 'EME', 'EMF', 'EMG', 'EMJ', 'EMK'],
      phrases: [
        'Posting/Collection',
        'Office of exchange',
        'Arrival at delivery office',
        'Arrival at Destination Post',
      ],
    },
    ...PHYSICAL,
    note:
      'UPU EMSEVT: EMA posting, EMB–EMF and EMJ/EMK offices of exchange, EMG delivery office; 17TRACK writes ' +
      '"Arrival at Destination Post" for the destination post\'s arrival scan',
  },
  {
    id: 'forwarder-scan',
    match: {
      codes: [
        'PU_PICKUP_SUCCESS',
        'PU_SIGN_IN_SUCCESS',
        'SC_SIGN_IN_SUCCESS',
        'SC_INBOUND_SUCCESS',
        'SC_OUTBOUND_SUCCESS',
        'SC_HO_OUT_SUCCESS',
        'SC_TRANS_INBOUND_SUCCESS',
        'SC_TRANS_OUTBOUND_SUCCESS',
        'CW_INBOUND',
        'CW_OUTBOUND',
        'CW_SIGN_IN_SUCCESS',
        'LH_HO_IN_SUCCESS',
        'LH_HO_AIRLINE',
        'LH_DEPART',
        'LH_ARRIVE',
        'TD_TRANS_ARRIVE',
        'TD_TRANS_DEPART',
      ],
      phrases: [
        '已揽收',
        '揽收成功',
        '已收件',
        'Arrived at sorting center',
        'Departed from sorting center',
        'Received by logistics company',
        'Accepted by carrier',
        'Hand over to airline',
        'Leaving from departure country',
        'Inbound in sorting center',
        'Outbound in sorting center',
        'Arrived at departure transport hub',
        'Export customs clearance',
        'Import customs clearance',
        '离开',
        '航班起飞',
        '交航',
        '清关',
      ],
      pattern: /到达.{0,30}(仓|中心|站|局|机场|口岸|网点)/u,
    },
    ...PHYSICAL,
    note:
      'Cainiao action codes and forwarder wording; 交航 = handed to the airline; customs (清关, export or import ' +
      'customs clearance started or complete) implies the goods were presented',
  },
  {
    id: 'china-post-scan',
    match: { phrases: ['中国邮政已收取邮件', '已收寄', '收寄', '揽收', '到达寄达地'] },
    ...PHYSICAL,
    note: "到达寄达地 = arrived at the destination office (the destination post's arrival scan)",
  },
  {
    id: 'japan-scan',
    match: { phrases: ['引受', '荷物受付'] },
    ...PHYSICAL,
    note: '引受 = acceptance (Japan Post), 荷物受付 = parcel received (Yamato)',
  },
  {
    id: 'aggregator-transit',
    match: {
      codes: [
        'InTransit',
        ...range('InTransit_', 1, 9),
        'InTransit_PickedUp',
        'InTransit_Other',
        'InTransit_Departure',
        'InTransit_Arrival',
        'InTransit_CustomsProcessing',
        'InTransit_CustomsReleased',
        'InTransit_CustomsRequiringInformation',
        'PickedUp',
        'Departure',
        'Arrival',
        'transit',
        ...range('transit', 1, 5),
      ],
      phrases: ['Acceptance scan'],
    },
    ...PHYSICAL,
    note:
      'AfterShip InTransit_001–009 (002 is the acceptance scan, 008 "problem resolved" and 009 "forwarded to a ' +
      'different address" are also events of a parcel already in hand); 17TRACK sub-statuses InTransit_* and the ' +
      'milestone stages PickedUp, Departure, Arrival',
  },
  // Generic words last: every more specific sentence above has had its chance.
  { id: 'generic-scan', match: { phrases: ['Picked up', 'Processed', 'In transit', 'Acceptance'] }, ...PHYSICAL },
];

/**
 * Words that, right before or right after a scan's words, say the scan did not happen, or not yet: "未" in
 * 尚未揽收 / 未离开, "not yet" in "not yet picked up", "pending" in "Origin scan pending". A text of the table's
 * scan words with one of them is not a scan the table can vouch for: it is classified 'unknown' and listed for
 * the user (config entries decide it), never taken as possession. Sentences that are known as a whole are
 * entries of their own above (`not-collected`, `delivery-attempt`'s 未妥投); this catches the wordings nobody has
 * listed yet. Applies to the table's own scan and delivery entries only: a config entry is the user's explicit
 * verdict.
 */
export const NEGATIONS = {
  /** Before a Chinese scan phrase, touching it (folded texts keep no space between CJK words). */
  beforeCjk: ['未', '没有', '没', '不', '无法', '取消', '预约', '待', '等待'],
  /** After a Chinese scan phrase, touching it. */
  afterCjk: ['取消', '失败', '未成功'],
  /** Before a Latin scan phrase, as whole words (folded: lower case, one space between words). */
  beforeLatin: ['not', 'not yet', 'never', 'not been', 'awaiting', 'pending', 'to be', 'yet to be', 'will be'],
  /**
   * After a Latin scan phrase, as whole words. Not "pending": folding drops the comma, and "Arrived at Facility,
   * pending clearance" is a scan ("Origin scan pending" is an entry of its own).
   */
  afterLatin: ['cancelled', 'canceled', 'failed', 'not completed'],
} as const;

// ── Matching ─────────────────────────────────────────────────────────────────────────────────────────

interface Compiled {
  entry: EventEntry;
  carriers?: ReadonlySet<string>;
  phrases: string[];
  pattern?: RegExp;
}

interface Layer {
  byCode: Map<string, Compiled[]>;
  text: Compiled[];
  /** Every phrase of `text`, found in one pass over a folded description. */
  phrases: PhraseMatcher;
  /** The longest code's length: a longer description is no code, and is not looked up as one. */
  longestCode: number;
  /** Per entry of `text`, the number of the last text in which one of its phrases was found. */
  hitIn: Int32Array;
  /** The number of the text being matched (see `hitIn`). */
  textNo: number;
}

/**
 * Texts made only of ASCII, CJK unified ideographs and the CJK punctuation feeds put around facility names:
 * NFKC leaves them as they are (or turns the full-width punctuation into ASCII punctuation), the ideographs
 * are letters without case, and the punctuation is neither letter nor digit before or after the fold. Such a
 * text folds with a plain regex; any other text takes the Unicode-aware path.
 */
const FOLD_SHORTCUT_PUNCTUATION = '\u3000\u3001\u3002\u3008-\u3011\uff08\uff09\uff0c\uff1a\uff1b';
const FOLD_SHORTCUT = new RegExp(`^[\\x00-\\x7f\\u4e00-\\u9fff${FOLD_SHORTCUT_PUNCTUATION}]*$`);

/** The form phrases and descriptions are compared in (see HOW AN EVENT IS MATCHED). */
export const fold = (s: string): string =>
  FOLD_SHORTCUT.test(s)
    ? s
        .toLowerCase()
        .replace(/[^a-z0-9\u4e00-\u9fff]+/g, ' ')
        .trim()
    : s
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();

const codeKey = (s: string): string => s.trim().toUpperCase();

// Latin letters and digits need a word boundary; CJK text has no spaces to provide one.
// The ranges are those of /[a-z0-9\u00c0-\u024f]/ on one UTF-16 unit; NaN (past either end) is none of them.
const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f);

/**
 * An Aho–Corasick automaton over UTF-16 units holding every folded phrase of a layer: one scan of a text
 * reports each occurrence of each phrase (overlapping ones too), so the cost per distinct text no longer
 * grows with the number of phrases. Built from the tables, which stay the readable source of truth.
 */
interface PhraseMatcher {
  /** Child state by unit, per state. */
  next: Map<number, number>[];
  fail: Int32Array;
  /** Phrases ending in each state, its own and those of its fail chain: [phrase index, …]. */
  out: number[][];
  /** Per phrase: its length, its entry's index in `Layer.text`, and whether each end needs a word boundary. */
  length: Int32Array;
  owner: Int32Array;
  needStart: Uint8Array;
  needEnd: Uint8Array;
}

function buildMatcher(text: readonly Compiled[]): PhraseMatcher {
  const next: Map<number, number>[] = [new Map()];
  const own: number[][] = [[]];
  const length: number[] = [];
  const owner: number[] = [];
  const needStart: number[] = [];
  const needEnd: number[] = [];
  text.forEach((c, entryIndex) => {
    for (const phrase of c.phrases) {
      let state = 0;
      for (let i = 0; i < phrase.length; i++) {
        const unit = phrase.charCodeAt(i);
        let to = next[state].get(unit);
        if (to === undefined) {
          to = next.length;
          next.push(new Map());
          own.push([]);
          next[state].set(unit, to);
        }
        state = to;
      }
      own[state].push(length.length);
      length.push(phrase.length);
      owner.push(entryIndex);
      needStart.push(isWordCode(phrase.charCodeAt(0)) ? 1 : 0);
      needEnd.push(isWordCode(phrase.charCodeAt(phrase.length - 1)) ? 1 : 0);
    }
  });
  // Fail links breadth first: a state's longest proper suffix that is also a state.
  const fail = new Int32Array(next.length);
  const out: number[][] = own.map((o) => o.slice());
  const queue: number[] = [];
  for (const to of next[0].values()) queue.push(to);
  for (let q = 0; q < queue.length; q++) {
    const state = queue[q];
    for (const [unit, to] of next[state]) {
      let f = fail[state];
      while (f !== 0 && !next[f].has(unit)) f = fail[f]!;
      const g = next[f].get(unit);
      fail[to] = g !== undefined && g !== to ? g : 0;
      out[to].push(...out[fail[to]]);
      queue.push(to);
    }
  }
  return {
    next,
    fail,
    out,
    length: Int32Array.from(length),
    owner: Int32Array.from(owner),
    needStart: Uint8Array.from(needStart),
    needEnd: Uint8Array.from(needEnd),
  };
}

/** Sets `hit[e]` to `no` for every entry e of which some phrase is in `text` with the word boundaries it needs. */
function findPhrases(m: PhraseMatcher, text: string, hit: Int32Array, no: number): void {
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let to = m.next[state].get(unit);
    while (to === undefined && state !== 0) {
      state = m.fail[state]!;
      to = m.next[state].get(unit);
    }
    state = to ?? 0;
    const found = m.out[state];
    for (let k = 0; k < found.length; k++) {
      const p = found[k];
      const begin = i + 1 - m.length[p];
      if (m.needStart[p] === 1 && isWordCode(text.charCodeAt(begin - 1))) continue;
      if (m.needEnd[p] === 1 && isWordCode(text.charCodeAt(i + 1))) continue;
      hit[m.owner[p]] = no;
    }
  }
}

function compile(entries: readonly EventEntry[]): Layer {
  const byCode = new Map<string, Compiled[]>();
  const text: Compiled[] = [];
  let longestCode = 0;
  for (const entry of entries) {
    const c: Compiled = {
      entry,
      carriers: entry.carriers && new Set(entry.carriers.map((x) => x.trim().toLowerCase())),
      phrases: (entry.match.phrases ?? []).map(fold).filter((p) => p !== ''),
      // A config-made /g or /y pattern would carry lastIndex from one event to the next.
      pattern:
        entry.match.pattern && new RegExp(entry.match.pattern.source, entry.match.pattern.flags.replace(/[gy]/g, '')),
    };
    for (const code of entry.match.codes ?? []) {
      const key = codeKey(code);
      longestCode = Math.max(longestCode, key.length);
      const list = byCode.get(key);
      if (list) list.push(c);
      else byCode.set(key, [c]);
    }
    if (c.phrases.length > 0 || c.pattern) text.push(c);
  }
  return { byCode, text, phrases: buildMatcher(text), longestCode, hitIn: new Int32Array(text.length), textNo: 0 };
}

const TABLE_LAYER = compile(EVENT_TABLE);
const UNKNOWN: Classification = Object.freeze({ class: 'unknown', possession: false });

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (words: readonly string[]): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');

/**
 * The words the table vouches for as a scan or a delivery: the phrases of its physical and delivered entries, and
 * the Chinese words a pattern of theirs starts with (到达 of "到达…仓").
 */
export const VOUCHED_WORDS: readonly string[] = EVENT_TABLE.filter(
  (e) => e.class === 'physical' || e.class === 'delivered',
)
  .flatMap((e) => [...(e.match.phrases ?? []), ...(/^[\u4e00-\u9fff]+/.exec(e.match.pattern?.source ?? '') ?? [])])
  .map(fold)
  .filter((p) => p !== '');

/** A folded text in which a word the table vouches for has a negation next to it (see NEGATIONS). */
const NEGATED: RegExp = (() => {
  const phrases = VOUCHED_WORDS;
  const cjk = alternatives(phrases.filter((p) => /[\u4e00-\u9fff]/.test(p)));
  const latin = alternatives(phrases.filter((p) => !/[\u4e00-\u9fff]/.test(p)));
  // Word boundaries as isWordCode draws them.
  const word = (inner: string) => `(?<![a-z0-9\\u00c0-\\u024f])(?:${inner})(?![a-z0-9\\u00c0-\\u024f])`;
  return new RegExp(
    [
      `(?:${alternatives(NEGATIONS.beforeCjk)})(?:${cjk})`,
      `(?:${cjk})(?:${alternatives(NEGATIONS.afterCjk)})`,
      word(`(?:${alternatives(NEGATIONS.beforeLatin)}) (?:${latin})`),
      word(`(?:${latin}) (?:${alternatives(NEGATIONS.afterLatin)})`),
    ].join('|'),
  );
})();
const NEGATED_ALL = new RegExp(NEGATED.source, 'g');
const PENDING = new Set(USPS_ACCEPTANCE_PENDING_IDS);

const applies = (c: Compiled, carrier: string | undefined): boolean =>
  !c.carriers || (carrier !== undefined && c.carriers.has(carrier));

function classifyIn(layers: readonly Layer[], input: EventInput, options: ClassifyOptions): Classification {
  const carrier = input.carrier?.trim().toLowerCase();
  const code = codeKey(input.code?.trim() || input.description);
  let text: string | undefined;
  for (const layer of layers) {
    const byCode =
      code.length <= layer.longestCode ? layer.byCode.get(code)?.find((c) => applies(c, carrier)) : undefined;
    if (byCode) return verdict(byCode.entry, options);
    text ??= fold(input.description);
    let c = decide(layer, text, input.description, carrier);
    // The table's scan words with "not", "未", "pending" beside them are no scan to vouch for: the text is
    // judged again without them ("已收寄，未到达下一站" is still the acceptance), and is unknown if nothing is left.
    if (c && layer === TABLE_LAYER && c.entry.possession && c.entry.class !== 'exception' && NEGATED.test(text)) {
      const rest = text.replace(NEGATED_ALL, ' ');
      c = decide(layer, rest, rest, carrier);
      return c ? verdict(c.entry, options) : UNKNOWN;
    }
    if (c) return verdict(c.entry, options);
  }
  return UNKNOWN;
}

/** The first entry of the layer, in table order, with a phrase found in `text` or its pattern matching. */
function decide(layer: Layer, text: string, description: string, carrier: string | undefined): Compiled | undefined {
  // Numbering the texts spares clearing the marks: an entry was hit in this text when it holds this number.
  const no = (layer.textNo = (layer.textNo % 0x7fffffff) + 1);
  if (no === 1) layer.hitIn.fill(0);
  findPhrases(layer.phrases, text, layer.hitIn, no);
  for (let e = 0; e < layer.text.length; e++) {
    const c = layer.text[e];
    if (!applies(c, carrier)) continue;
    if (layer.hitIn[e] === no || c.pattern?.test(description)) return c;
  }
  return undefined;
}

function verdict(entry: EventEntry, options: ClassifyOptions): Classification {
  if (options.acceptancePendingIsPossession && PENDING.has(entry.id)) {
    return Object.freeze({ class: 'physical', possession: true, rule: entry.id });
  }
  return Object.freeze({ class: entry.class, possession: entry.possession, rule: entry.id });
}

function layersFor(extra: readonly EventEntry[] | undefined): Layer[] {
  return extra && extra.length > 0 ? [compile(extra), TABLE_LAYER] : [TABLE_LAYER];
}

export function classifyEvent(
  input: EventInput,
  extra?: readonly EventEntry[],
  options: ClassifyOptions = {},
): Classification {
  return classifyIn(layersFor(extra), input, options);
}

const MEMO_LIMIT = 100_000;

/**
 * The classifier for bulk use: tens of millions of events share a few thousand distinct texts, so
 * verdicts are memoised by (carrier, code, description). The memo is dropped whole when it grows past
 * its limit: cheaper than LRU bookkeeping, and a feed with that many distinct texts gains little anyway.
 */
export function createClassifier(
  extra?: readonly EventEntry[],
  options: ClassifyOptions = {},
): (input: EventInput) => Classification {
  const layers = layersFor(extra);
  // Nested by carrier and code rather than one joined key: joining builds and hashes a new string per event.
  const memo = new Map<string, Map<string, Map<string, Classification>>>();
  let size = 0;
  return (input) => {
    let byCode = memo.get(input.carrier ?? '');
    if (!byCode) memo.set(input.carrier ?? '', (byCode = new Map()));
    let byText = byCode.get(input.code ?? '');
    if (!byText) byCode.set(input.code ?? '', (byText = new Map()));
    let hit = byText.get(input.description);
    if (!hit) {
      if (size >= MEMO_LIMIT) {
        memo.clear();
        size = 0;
      }
      hit = classifyIn(layers, input, options);
      byText.set(input.description, hit);
      size++;
    }
    return hit;
  };
}
