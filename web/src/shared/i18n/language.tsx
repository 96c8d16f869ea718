/**
 * The page's language: Arabic (right to left) unless the person chose English, a choice kept in
 * localStorage. `<html lang dir>` follows it, so CSS logical properties lay every page out both ways.
 */
import { createContext, type ComponentChildren } from "preact";
import { useCallback, useContext, useMemo, useState } from "preact/hooks";
import { arabic, type Messages } from "./catalogue";
import { english } from "./en";

export type Language = "ar" | "en";

const STORAGE_KEY = "shubbak.language";
const CATALOGUES: Record<Language, Messages> = { ar: arabic, en: english };

export function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "ar";
  } catch {
    return "ar"; // storage refused (private mode, policy): Arabic, the default
  }
}

export function applyLanguage(language: Language): void {
  const html = document.documentElement;
  html.lang = language;
  html.dir = language === "ar" ? "rtl" : "ltr";
}

interface LanguageState {
  language: Language;
  messages: Messages;
  setLanguage: (language: Language) => void;
}

const LanguageContext = createContext<LanguageState>({
  language: "ar",
  messages: arabic,
  setLanguage: () => undefined,
});

export function LanguageProvider({ initial, children }: { initial: Language; children: ComponentChildren }) {
  const [language, setState] = useState(initial);
  const setLanguage = useCallback((chosen: Language) => {
    try {
      localStorage.setItem(STORAGE_KEY, chosen);
    } catch {
      // not kept across visits where storage is refused; the switch still applies to this page
    }
    applyLanguage(chosen);
    setState(chosen);
  }, []);
  const value = useMemo(() => ({ language, messages: CATALOGUES[language], setLanguage }), [language, setLanguage]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}

/** The messages of the page's language. */
export function useMessages(): Messages {
  return useContext(LanguageContext).messages;
}

/** A text the API gives in both languages (LocalizedText), in the page's language. */
export function useLocalized(): (text: { ar: string; en: string }) => string {
  const { language } = useContext(LanguageContext);
  return (text) => text[language];
}
