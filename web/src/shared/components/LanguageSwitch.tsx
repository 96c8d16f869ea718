/** The switch to the other language, named in that language (and marked so, for screen readers). */
import { useLanguage } from "../i18n/language";

export function LanguageSwitch() {
  const { language, messages, setLanguage } = useLanguage();
  const other = language === "ar" ? "en" : "ar";
  return (
    <button type="button" class="language-switch" lang={other} onClick={() => setLanguage(other)}>
      {messages.common.switchLanguage}
    </button>
  );
}
