/**
 * Query makers for the search bench: how people type a name they read from a passport (ICAO
 * 9303 Latin, as in Kazakh and Russian passports) or mistype it (one letter left out). They
 * make test queries only; the desk's search must find the patient from them on its own.
 */
const ICAO: Record<string, string> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', і: 'i',
  к: 'k', қ: 'q', л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ұ: 'u',
  ү: 'u', ф: 'f', х: 'kh', һ: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
};

export function icaoLatin(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) out += ICAO[ch] ?? ch;
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** The word with one interior letter left out (position from `pick`, 0…1). */
export function oneLetterMissing(word: string, pick: number): string {
  const chars = [...word];
  if (chars.length < 4) return word;
  const at = 1 + Math.floor(pick * (chars.length - 2));
  return [...chars.slice(0, at), ...chars.slice(at + 1)].join('');
}
