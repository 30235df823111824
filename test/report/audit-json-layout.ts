/**
 * The audit JSON's layout, written here the plain way for the streaming writer to be checked against: the
 * document indented by two spaces, except each finding, which stands compact on a line of its own.
 */
export function auditJsonLayout(doc: { findings: unknown[] }): string {
  // Each finding is replaced by a marker string while the whole is indented, then by its compact JSON.
  const marker = (i: number) => `\u0000finding ${i}\u0000`;
  const indented = JSON.stringify({ ...doc, findings: doc.findings.map((_, i) => marker(i)) }, null, 2);
  const text = indented.replace(/"\\u0000finding (\d+)\\u0000"/g, (_, i: string) =>
    JSON.stringify(doc.findings[Number(i)]),
  );
  return `${text}\n`;
}
