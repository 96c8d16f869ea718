/**
 * The centre console's texts (`ar/centre.ts`, `en/centre.ts`), kept out of the catalogue every page loads:
 * only the console's pages import them, so the tracker never downloads them. The English texts are typed
 * against the Arabic ones like the rest of the catalogue.
 */
import type { Messages, Widened } from "./catalogue";
import { useLanguage, type Language } from "./language";
import { centre as arabicCentre } from "./ar/centre";
import { centre as englishCentre } from "./en/centre";

export type CentreMessages = Widened<typeof arabicCentre>;
export type ConsoleMessages = Messages & { centre: CentreMessages };

const CENTRE: Record<Language, CentreMessages> = { ar: arabicCentre, en: englishCentre };

/** The page's language and its messages, the console's among them. */
export function useConsoleLanguage(): { language: Language; messages: ConsoleMessages } {
  const { language, messages } = useLanguage();
  return { language, messages: { ...messages, centre: CENTRE[language] } };
}

export function useConsoleMessages(): ConsoleMessages {
  return useConsoleLanguage().messages;
}
