/**
 * Tracking services name the carrier by their own key: 17TRACK by a number (`provider.key`, the legacy
 * web format's `w1`/`w2`), AfterShip by a slug. A name given beside the key goes through `canonicalCarrier`
 * first; this table serves responses that give the key alone.
 *
 * 17TRACK keys listed are those seen in 17TRACK's own examples and in client code written against its API
 * (api.17track.net carrier list); an unlisted key gives no carrier rather than a guess.
 */
export const SEVENTEEN_TRACK_CARRIERS: Readonly<Record<number, string>> = {
  3011: 'China Post',
  21051: 'USPS',
  100001: 'DHL',
  100002: 'UPS',
  100003: 'FedEx',
  190012: 'Yanwen',
};

/**
 * AfterShip slugs whose canonical name `canonicalCarrier` can't find by spelling. Most need no entry: `fedex`,
 * `ups`, `usps`, `china-post`, `china-ems`, `yunexpress`, `royal-mail`, `4px` fold to a known name or alias.
 */
export const AFTERSHIP_SLUGS: Readonly<Record<string, string>> = {
  'dhl-global-mail': 'DHL eCommerce',
};
