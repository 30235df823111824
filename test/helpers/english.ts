/**
 * Finds English prose in text meant to be Chinese: runs of two or more English words next to each other,
 * at least one of them all lower-case (sentences have "the", "of", "was"; names such as "China Post" or
 * "Late Shipment Rate" alone are not prose). Not words: identifiers and names of things (anything with a
 * digit or one of - _ . / : @ < > = [ ] ` $ # % in it: ids, file names, options, zones, times, rule ids),
 * upper-case acronyms (USPS, CSV, JSON), and single letters and units (h). Text from the input files is
 * data, not a message: the caller removes it first (`withoutData`).
 */

const WORD = /^[A-Za-z][a-z']*$|^[A-Z][A-Za-z']*$/;
const IDENTIFIER = /[0-9\-_./:@<>=[\]`$#%\\|~+*]/;

/** Chunks of the text between spaces, CJK characters and CJK punctuation; ASCII punctuation kept off. */
function chunks(line: string): Array<string | null> {
  // A CJK character or full-width punctuation ends a run: it stands as null between chunks.
  return line
    .split(/([\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+)/)
    .flatMap((part, i) => (i % 2 === 1 ? [null] : part.split(/\s+/).filter(Boolean)));
}

function isEnglishWord(chunk: string): boolean {
  const bare = chunk.replace(/^[("'“‘]+|[)"'”’,;:.!?]+$/g, '');
  if (bare.length < 2 || IDENTIFIER.test(bare)) return false;
  if (bare === bare.toUpperCase()) return false; // an acronym
  return WORD.test(bare);
}

/** The English runs in a text, each as it stands. */
export function englishRuns(text: string): string[] {
  const runs: string[] = [];
  // A command line names commands: "shipaudit check" is a name, not prose.
  const named = text.replace(
    /\bshipaudit (audit|inspect|explain|rules|check|fetch|init|appeal|confirm)\b/g,
    'shipaudit-$1',
  );
  for (const line of named.split('\n')) {
    let run: string[] = [];
    const end = () => {
      if (run.length >= 2 && run.some((w) => /^[("'“‘]*[a-z]/.test(w))) runs.push(run.join(' '));
      run = [];
    };
    for (const c of chunks(line)) {
      if (c !== null && isEnglishWord(c)) {
        run.push(c);
        // A word ending a clause ends the run ("warning, ok" are two table cells, not prose).
        if (/[,;:.!?)]$/.test(c) && !/^[a-z]/.test(c)) end();
      } else end();
    }
    end();
  }
  return runs;
}

/** The text with every data string (longest first) blanked out. */
export function withoutData(text: string, data: Iterable<string>): string {
  const list = [...new Set(data)].filter((d) => d.trim().length >= 3).sort((a, b) => b.length - a.length);
  let out = text;
  for (const d of list) out = out.split(d).join(' ¤ ');
  return out;
}
