import { describe, expect, it } from 'vitest';
import { EVENT_GLOSSARY, glossEvent } from '../../src/report/event-glossary.js';

describe('EVENT_GLOSSARY', () => {
  it.each(EVENT_GLOSSARY.map(([phrase, english]) => [phrase, english]))('%s alone reads "%s"', (phrase, english) => {
    expect(glossEvent(phrase)).toBe(english);
  });

  it('has each phrase once', () => {
    const phrases = EVENT_GLOSSARY.map(([p]) => p);
    expect(new Set(phrases).size).toBe(phrases.length);
  });
});

describe('glossEvent', () => {
  it.each<[string, string | undefined]>([
    // The sample month's texts, and how carriers write them in full sentences.
    ['已收寄', 'accepted (posted)'],
    ['电子信息已收到', 'electronic information received'],
    ['【深圳市】 已收寄，揽投员：张三', 'accepted (posted)'],
    ['到达寄达地处理中心', 'arrived at destination office'],
    ['离开深圳国际互换局，发往美国', 'departed; sent to'],
    ['离开处理中心 到达广州', 'departed processing centre; arrived'],
    // The longest phrase decides: waiting for collection is not a collection, not delivered is not delivered.
    ['待揽收', 'waiting to be collected'],
    ['快件未妥投', 'not delivered'],
    ['揽收失败', 'collection failed'],
    ['包裹已交第三方代理', 'handed to a third-party agent'],
    // Each meaning once.
    ['已收寄 已收寄', 'accepted (posted)'],
    ['引受（東京）', 'accepted (Japan Post)'],
    // Unknown Chinese text and English text get no gloss: shown as they are.
    ['你好世界', undefined],
    ['Accepted at USPS Origin Facility', undefined],
    ['', undefined],
  ])('%j → %j', (text, english) => {
    expect(glossEvent(text)).toBe(english);
  });
});
