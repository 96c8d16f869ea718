/** Searching the catalogue as an operator types, in Arabic or English: case, Arabic diacritics and
 * tatweel, the alef/hamza, taa marbuta and alef maqsura spellings are forgiven. */
const DIACRITICS = /[\u064B-\u065F\u0670\u0640]/g;

export function searchable(text: string): string {
  return text
    .toLowerCase()
    .replace(DIACRITICS, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ة/g, "ه")
    .replace(/ى/g, "ي")
    .replace(/\s+/g, " ")
    .trim();
}

export interface Searchable {
  code: string;
  name: { ar: string; en: string };
  description: { ar: string; en: string };
}

export function matching<T extends Searchable>(services: T[], query: string): T[] {
  const words = searchable(query).split(" ").filter(Boolean);
  if (!words.length) return services;
  return services.filter((service) => {
    const haystack = searchable([service.code, service.name.ar, service.name.en, service.description.ar, service.description.en].join(" "));
    return words.every((word) => haystack.includes(word));
  });
}
