import { readFile } from 'node:fs/promises';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ZoneHint } from '../model/timestamp.js';
import type { RecordSink } from './context.js';
import { createDecoder, type Encoding } from './decode.js';
import { isFulfillmentFeed, messageLines, readFulfillmentFeed } from './fulfillment-feed.js';
import { InputError } from './types.js';
import { refuseDoctype } from './xml-doctype.js';

/**
 * Reads an Amazon XML feed file (root AmazonEnvelope) whole: an order-fulfilment feed holds one upload's
 * messages. Returns how many messages it read (those left out on purpose are counted by `onSkip`). A file
 * that is not well-formed XML, or an envelope of another message type, can't be read at all (InputError).
 */
export async function readFulfillmentFeedFile(
  file: string,
  encoding: Encoding,
  sink: RecordSink,
  hint: ZoneHint,
  onProblem: (line: number, err: unknown) => void,
  onSkip: (why: string) => void,
  path = file,
): Promise<number> {
  const dec = createDecoder(encoding);
  const xml = (dec.write(await readFile(path)) + dec.end()).replace(/^\uFEFF/, '');
  refuseDoctype(file, xml);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new InputError(file, valid.err.line, `not well-formed XML: ${valid.err.msg}`);
  const doc: unknown = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(xml);
  if (!isFulfillmentFeed(doc)) {
    const type = (doc as { AmazonEnvelope?: { MessageType?: unknown } }).AmazonEnvelope?.MessageType;
    const what = typeof type === 'string' ? `MessageType ${type}` : 'no OrderFulfillment message';
    throw new InputError(
      file,
      undefined,
      `an Amazon feed with ${what}: only the order-fulfilment feed (OrderFulfillment) is read`,
    );
  }
  let skipped = 0;
  const skip = (why: string) => {
    skipped++;
    onSkip(why);
  };
  const { messages } = readFulfillmentFeed(doc, file, sink, hint, onProblem, messageLines(xml), skip);
  if (messages === 0) throw new InputError(file, undefined, 'an order-fulfilment feed without messages');
  // Like a flat file's rows: the messages read, not those left out on purpose.
  return messages - skipped;
}
