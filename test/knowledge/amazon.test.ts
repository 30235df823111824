import { describe, expect, it } from 'vitest';
import { MARKETPLACES, marketplaceOf } from '../../src/knowledge/amazon.js';
import { isValidZone } from '../../src/model/zone.js';

describe('MARKETPLACES', () => {
  it.each(MARKETPLACES.map((m) => [m.channel, m.zone]))('%s → %s, a zone this runtime knows', (_, zone) => {
    expect(isValidZone(zone)).toBe(true);
  });

  it('names each channel and marketplace id once', () => {
    const keys = MARKETPLACES.flatMap((m) => [m.channel, ...m.ids].map((k) => k.toLowerCase()));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    ['Amazon.com', 'Amazon.com', 'America/Los_Angeles'],
    ['ATVPDKIKX0DER', 'Amazon.com', 'America/Los_Angeles'],
    ['Amazon.ca', 'Amazon.ca', 'America/Toronto'],
    ['Amazon.com.mx', 'Amazon.com.mx', 'America/Mexico_City'],
    ['Amazon.com.br', 'Amazon.com.br', 'America/Sao_Paulo'],
    ['Amazon.co.uk', 'Amazon.co.uk', 'Europe/London'],
    ['A1F83G8C2ARO7P', 'Amazon.co.uk', 'Europe/London'],
    ['amazon.de', 'Amazon.de', 'Europe/Berlin'],
    ['A1PA6795UKMFR9', 'Amazon.de', 'Europe/Berlin'],
    ['Amazon.fr', 'Amazon.fr', 'Europe/Paris'],
    ['Amazon.it', 'Amazon.it', 'Europe/Rome'],
    ['Amazon.es', 'Amazon.es', 'Europe/Madrid'],
    ['Amazon.nl', 'Amazon.nl', 'Europe/Amsterdam'],
    ['Amazon.se', 'Amazon.se', 'Europe/Stockholm'],
    ['Amazon.pl', 'Amazon.pl', 'Europe/Warsaw'],
    ['Amazon.com.be', 'Amazon.com.be', 'Europe/Brussels'],
    ['Amazon.co.jp', 'Amazon.co.jp', 'Asia/Tokyo'],
    ['A1VC38T7YXB528', 'Amazon.co.jp', 'Asia/Tokyo'],
    ['Amazon.com.au', 'Amazon.com.au', 'Australia/Sydney'],
    ['Amazon.sg', 'Amazon.sg', 'Asia/Singapore'],
    ['Amazon.ae', 'Amazon.ae', 'Asia/Dubai'],
    ['Amazon.sa', 'Amazon.sa', 'Asia/Riyadh'],
    ['Amazon.in', 'Amazon.in', 'Asia/Kolkata'],
    ['Amazon.com.tr', 'Amazon.com.tr', 'Europe/Istanbul'],
    ['Amazon.eg', 'Amazon.eg', 'Africa/Cairo'],
    [' Amazon.co.uk ', 'Amazon.co.uk', 'Europe/London'],
  ])('%j → %s (%s)', (text, channel, zone) => {
    expect(marketplaceOf(text)).toMatchObject({ channel, zone });
  });

  it.each([['Non-Amazon'], ['AMAZON'], ['Amazon'], [''], [undefined]])('%j names no marketplace', (text) => {
    expect(marketplaceOf(text)).toBeUndefined();
  });
});
