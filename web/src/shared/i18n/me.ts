/**
 * The signed-in citizen's texts (`ar/me.ts`, `en/me.ts`), kept out of the catalogue every page loads:
 * only the /me pages import them, so the tracker never downloads them. The English texts are typed
 * against the Arabic ones like the rest of the catalogue.
 */
import type { Widened } from "./catalogue";
import { useLanguage } from "./language";
import { me as arabicMe } from "./ar/me";
import { me as englishMe } from "./en/me";

export type MyMessages = Widened<typeof arabicMe>;

export function useMyMessages(): MyMessages {
  const { language } = useLanguage();
  return language === "ar" ? arabicMe : englishMe;
}
