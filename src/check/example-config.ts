/**
 * What `shipaudit init` writes: every config key, each with what it does and its default. Comments are
 * allowed (the loader reads JSONC). Keys set here hold their defaults, so the file changes nothing until
 * edited, except "inputs", which must name the seller's own folders.
 */
export const EXAMPLE_CONFIG = `// shipaudit configuration (comments are allowed).
// \`shipaudit check\` reads it from the folder it runs in, or from --config FILE.
// A wrong key or value stops the run with exit code 2 and names the key.
{
  // ---- What to read ------------------------------------------------------------------------------
  // Folders, files or globs, relative to this file's folder. Folders are read recursively; each file's
  // kind (order report, unshipped orders, shipping confirmations, tracking export...) is recognised from
  // its header. A folder that does not exist is an error (exit 2).
  "inputs": [
    "downloads/amazon",
    "downloads/tracking/*.csv"
  ],

  // Or let shipaudit fetch the orders (Amazon SP-API) and the tracking (17TRACK) itself: \`check\` then
  // fetches first and reads .shipaudit/data (docs/connectors.md). Secrets: the NAMES of environment
  // variables ("...Env"), or files with mode 0600 ("...File"); never the secret itself. "amazon" takes
  // region (NA, EU, FE), marketplaceIds, refreshTokenEnv, clientIdEnv and clientSecretEnv.
  // "sources": { "tracking": { "service": "17track", "apiKeyEnv": "SHIPAUDIT_17TRACK_KEY" } },

  // The marketplace's IANA time zone: times without an offset in Amazon files are read in it, and the
  // report shows times in it. Amazon.com: America/Los_Angeles; .co.uk: Europe/London; .de: Europe/Berlin.
  "marketplaceTimeZone": "America/Los_Angeles",

  // Per file (glob on the path relative to this config's folder): the zone of times without an offset,
  // and whether 03/04/2026 means 3 April ("day-first") or March 4 ("month-first").
  "files": [
    // { "match": "downloads/tracking/yanwen-*.csv", "timeZone": "Asia/Shanghai", "dateOrder": "day-first" }
  ],

  // ---- The rules -------------------------------------------------------------------------------
  // Hours a confirmation may precede the first physical carrier scan (default 24).
  "graceHours": 24,

  // Handling time: the latest ship date of orders whose report does not give one is the purchase date
  // plus "days" operating days. "sameDayCutoff" applies when "days" is 0.
  "handling": {
    "days": 2,
    "operatingDays": ["Mon", "Tue", "Wed", "Thu", "Fri"],
    "holidays": ["2026-11-26", "2026-12-25"],
    "sameDayCutoff": "14:00"
  },

  // Severity per rule ("error", "warning" or "off"), or an object with "severity" and the rule's options
  // (\`shipaudit rules\` lists the rules and their options).
  "rules": {
    "confirmed-before-handover": { "severity": "error", "graceHours": 24 },
    "no-carrier-scan": { "severity": "error", "graceHours": 24 },
    "late-confirmation": "error",
    "late-handover": "warning",
    "missing-tracking": "error",
    "tracking-not-found": "warning",
    "invalid-tracking-number": "warning",
    "carrier-mismatch": "warning",
    "duplicate-tracking-number": "warning"
  },

  // ---- The reading layer -----------------------------------------------------------------------
  // Extra header names per field, tried before the built-in ones: for an ERP export whose columns the
  // reader does not know. Fields: orderId, orderItemId, purchaseDate, earliestShipDate, latestShipDate,
  // promiseDate, orderStatus, itemStatus, fulfillmentChannel, salesChannel, shipServiceLevel, quantity,
  // quantityToShip, shipDate, shipTime, carrierCode, carrierName, trackingNumber, shipMethod, eventTime,
  // eventDate, eventClock, utcOffset, description, statusCode, status, location, city, state, postalCode,
  // country, carrier, firstScan, latestEvent, latestEventTime.
  "columns": {
    // "trackingNumber": ["Waybill No.", "面单号"],
    // "shipDate": "Marked Shipped At"
  },

  // Carrier event texts the built-in table does not know (the audit lists them as unclassified).
  // Exactly one of "phrase" (whole text), "code" (status code) or "pattern" (regular expression);
  // "class" is physical, information, delivered or exception; "possession" says whether the event proves
  // the carrier held the parcel (default: true for physical and delivered).
  "events": [
    // { "phrase": "Parcel collected by courier", "class": "physical", "carriers": ["Yun Express"], "note": "seen in our feed" },
    // { "pattern": "^Label printed", "class": "information" }
  ],

  // USPS "Shipment Received, Package Acceptance Pending": count it as a carrier scan (default false).
  "acceptancePendingIsPossession": false,

  // ---- The nightly check -----------------------------------------------------------------------
  // Exit code 1 when something at or above this level is reported: "error", "warning" (default) or "never".
  "failOn": "warning",

  // The newest tracking event older than this many hours is a warning: the download may have stopped.
  "staleAfterHours": 36,

  // Orders or confirmations whose newest is older than this many hours are a warning (the download may
  // have stopped); so is a silence over twice the side's longest gap between days with data in the window
  // (at least 48 h, with data on 7 days or more), and over staleAfterHours when the next side moved on.
  "maxQuietHours": 168,

  // What earlier runs reported and the metric history, relative to this file's folder (or --state).
  "state": ".shipaudit/state.json",

  // With --out DIR: how many runs' reports (JSON and evidence CSV) to keep there.
  "keepReports": 30,

  // Warning levels in front of Amazon's targets (fractions: 0.03 = 3%).
  "thresholds": {
    // Late Shipment Rate, 10 and 30 days: Amazon's target is under 4%; warn at 3% or more.
    "lateShipmentRateWarn": 0.03,
    // Valid Tracking Rate, 30 days: Amazon's target is over 95%; warn below 97%.
    "validTrackingRateWarn": 0.97,
    // Confirmations before the first carrier scan: Amazon publishes no target; warn at 1% or more.
    "earlyConfirmationRateWarn": 0.01
  },

  // What counts as at risk, not yet a defect.
  "atRisk": {
    // A shipment without a carrier scan, once less than this many hours of its grace are left. Set it to
    // the time between two runs (24 for a nightly run) to hear about every such shipment in time.
    "graceLeftHours": 6,
    // An order not yet confirmed whose latest ship date is within this many hours.
    "shipWithinHours": 24
  }
}
`;
