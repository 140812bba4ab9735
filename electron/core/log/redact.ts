/**
 * The second line of defence for the log file: text that did not come from our own event
 * names (a child process's stderr, an exception name) passes through here before it is
 * written. It removes what personal data at this desk looks like: IINs and other long
 * digit runs (document numbers, phones), e-mail addresses, and words in Cyrillic (names,
 * addresses; our own log vocabulary is ASCII). The user's home folder becomes `~`, since
 * its name is often the person's name.
 */
const RULES: ReadonlyArray<[RegExp, string]> = [
  [/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '‹email›'],
  [/\+?\d[\d\s()-]{8,}\d/g, '‹digits›'],
  [/\d{6,}/g, '‹digits›'],
  [/[\u0400-\u04FF\u0500-\u052F]+/g, '‹text›'],
];

export function redactLogText(text: string, home?: string): string {
  let out = home && home.length > 1 ? text.split(home).join('~') : text;
  for (const [re, mark] of RULES) out = out.replace(re, mark);
  return out;
}
