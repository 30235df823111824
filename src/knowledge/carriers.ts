/**
 * Carriers by Amazon's carrier codes, with the spellings found in confirmation files, ERP exports and
 * tracking feeds. Matching ignores case, spaces and punctuation (see `carrierKey`), so aliases list only
 * spellings that differ in letters: "FedEx Ground" covers "FEDEX-GROUND" and "Fedex ground".
 *
 * An alias belongs here only when it names one carrier unambiguously in the files we read. Text that
 * matches nothing is kept as typed by the callers and shown to the user, never guessed.
 */

export interface CarrierEntry {
  /** Amazon's carrier code: what the audit reports and groups by. */
  name: string;
  aliases: string[];
  /** UPU member post: its numbers follow S10 (`RB123456785GB`). */
  postal?: boolean;
}

export const CARRIERS: readonly CarrierEntry[] = [
  {
    name: 'USPS',
    postal: true,
    aliases: [
      'United States Postal Service',
      'US Postal Service',
      'US Mail',
      'USPS Ground Advantage',
      'USPS Priority Mail',
      'USPS Priority Mail Express',
      'USPS First Class',
      'USPS First Class Mail',
      'USPS First Class Package',
      'USPS Media Mail',
      '美国邮政',
    ],
  },
  {
    name: 'UPS',
    aliases: [
      'United Parcel Service',
      'UPS Ground',
      'UPS Next Day Air',
      'UPS 2nd Day Air',
      'UPS 3 Day Select',
      'UPS Standard',
      'UPS Express',
      'UPS Worldwide Express',
      'UPS Worldwide Saver',
      'UPS SurePost',
      'UPS Mail Innovations',
      'UPS Ground Saver',
    ],
  },
  {
    name: 'FedEx',
    aliases: [
      'Federal Express',
      'FedEx Ground',
      'FedEx Express',
      'FedEx Home Delivery',
      'FedEx SmartPost',
      'FedEx Ground Economy',
      'FedEx 2Day',
      'FedEx Priority Overnight',
      'FedEx Standard Overnight',
      'FedEx International Priority',
      'FedEx International Economy',
      '联邦快递',
    ],
  },
  {
    name: 'DHL',
    // DHL Paket is how German sellers name DHL's domestic parcels; Amazon.de files code them "DHL".
    aliases: ['DHL Express', 'DHL Express Worldwide', 'DHL Worldwide Express', 'DHL Paket', 'DHL Parcel', '敦豪'],
  },
  {
    name: 'DHL eCommerce',
    aliases: ['DHL eCommerce Solutions', 'DHL Global Mail', 'DHL SmartMail'],
  },
  { name: 'OnTrac', aliases: [] },
  { name: 'Lasership', aliases: [] },
  { name: 'Canada Post', postal: true, aliases: ['Postes Canada', 'Canada Post Corporation', '加拿大邮政'] },
  {
    name: 'Royal Mail',
    postal: true,
    aliases: ['Royal Mail Tracked 24', 'Royal Mail Tracked 48', 'Royal Mail Special Delivery', '英国皇家邮政'],
  },
  { name: 'Parcelforce', aliases: ['Parcelforce Worldwide'] },
  { name: 'DPD', aliases: ['DPD UK', 'DPD Local', 'DPD Germany', 'DPD France'] },
  { name: 'GLS', aliases: ['General Logistics Systems'] },
  // Hermes UK renamed itself Evri in 2022; both names occur.
  { name: 'Hermes', aliases: ['Evri', 'Hermes UK', 'Hermes Germany', 'Hermes Logistik', 'MyHermes'] },
  // "deutsch-post" is AfterShip's slug (its `slug` column names the carrier).
  {
    name: 'Deutsche Post',
    postal: true,
    aliases: ['Deutsche Post AG', 'Deutsche Post Brief', '德国邮政', 'deutsch-post'],
  },
  // Colissimo is La Poste's parcel service.
  { name: 'La Poste', postal: true, aliases: ['Colissimo', 'Groupe La Poste', '法国邮政'] },
  { name: 'Poste Italiane', postal: true, aliases: ['Posta Italiana', '意大利邮政'] },
  { name: 'SDA', aliases: ['SDA Express Courier', 'SDA Italia'] },
  { name: 'Australia Post', postal: true, aliases: ['AusPost', '澳洲邮政', '澳大利亚邮政'] },
  {
    name: 'Japan Post',
    postal: true,
    // ゆうパック, ゆうパケット, クリックポスト are Japan Post services typed in place of the carrier.
    aliases: [
      '日本郵便',
      '日本郵政',
      'JP Post',
      'ゆうパック',
      'ゆうパケット',
      'ゆうメール',
      'クリックポスト',
      '日本邮政',
    ],
  },
  {
    name: 'Yamato Transport',
    // 宅急便 and ネコポス are Yamato's own services.
    aliases: ['Yamato', 'ヤマト運輸', 'ヤマト', 'クロネコヤマト', 'Kuroneko Yamato', '宅急便', 'ネコポス'],
  },
  { name: 'Sagawa Express', aliases: ['Sagawa', '佐川急便', '佐川'] },
  {
    name: 'China Post',
    postal: true,
    // "EMS" alone is every post's express service; in the files we read it comes from Chinese sellers.
    aliases: [
      '中国邮政',
      'China Post Air Mail',
      'China Post Registered Air Mail',
      '中国邮政小包',
      '中国邮政挂号小包',
      '中国邮政平常小包',
      'China EMS',
      'EMS',
      '中国EMS',
      '邮政EMS',
      '中国邮政速递',
    ],
  },
  // China Post's ePacket (e邮宝): S10 numbers ending CN, coded apart by Amazon.
  { name: 'EUB', postal: true, aliases: ['ePacket', 'e邮宝', '国际e邮宝', 'China Post ePacket'] },
  { name: 'Yanwen', aliases: ['Yanwen Express', 'Yanwen Logistics', '燕文', '燕文物流'] },
  { name: 'Yun Express', aliases: ['云途', '云途物流', 'YunExpress Logistics'] },
  { name: '4PX', aliases: ['4PX Express', '4PX Worldwide Express', '递四方', '递四方速递'] },
  { name: 'SF Express', aliases: ['SF', '顺丰', '顺丰速运', '顺丰国际', '順豐', 'SF International'] },
  { name: 'Singapore Post', postal: true, aliases: ['SingPost', '新加坡邮政'] },
  { name: 'Aramex', aliases: [] },
  // TBA numbers. "Amazon" alone in a carrier column means Amazon's own delivery network.
  { name: 'Amazon Shipping', aliases: ['Amazon Logistics', 'AMZL', 'AMZL US', 'Amazon'] },
  { name: 'Other', aliases: ['Others', '其他', '其它', 'その他'] },
];

const IGNORED = /[\s\p{P}\p{S}]/gu;

/** The comparison key: full-width forms folded (Japanese and Chinese input), case, spaces, punctuation dropped. */
export function carrierKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(IGNORED, '');
}

const BY_KEY: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const c of CARRIERS) {
    for (const spelling of [c.name, ...c.aliases]) {
      const key = carrierKey(spelling);
      const prior = map.get(key);
      if (prior !== undefined && prior !== c.name) {
        throw new Error(`carrier alias "${spelling}" is claimed by ${prior} and ${c.name}`);
      }
      map.set(key, c.name);
    }
  }
  return map;
})();

// Files repeat a handful of spellings millions of times: remember each raw text's answer. The cap keeps a
// column of garbage from growing the cache without bound.
const SEEN = new Map<string, string | null>();
const SEEN_MAX = 10_000;

export function canonicalCarrier(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const seen = SEEN.get(text);
  if (seen !== undefined) return seen ?? undefined;
  const name = BY_KEY.get(carrierKey(text));
  if (SEEN.size < SEEN_MAX) SEEN.set(text, name ?? null);
  return name;
}

/**
 * Amazon's carrier codes: the names above are Amazon's own codes (the list of the shipping-confirmation
 * template and of the Orders API's `carrierCode`). A carrier not on the list goes as "Other", its name in
 * `carrier-name`, which Amazon then requires.
 */
const OTHER_CARRIER_CODE = 'Other';

/**
 * The carrier-code and carrier-name to confirm a carrier with (`carrier`: canonical name or the text as
 * given), or undefined when the text names no carrier at all (blank, or just "Other").
 */
export function amazonCarrier(carrier: string | undefined): { code: string; name: string } | undefined {
  const text = carrier?.trim() ?? '';
  const known = canonicalCarrier(text);
  if (text === '' || known === OTHER_CARRIER_CODE) return undefined;
  if (known !== undefined) return { code: known, name: known };
  return { code: OTHER_CARRIER_CODE, name: text };
}
