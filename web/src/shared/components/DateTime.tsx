/** An instant in Madinah time: the Gregorian date and time, with the Umm al-Qura Hijri date beside it. */
import { useLanguage } from "../i18n/language";
import { gregorianDateTime, hijriDate } from "../format/intl";

export function DateTime({ value }: { value: string }) {
  const { language } = useLanguage();
  return (
    <time class="date-time" dateTime={value}>
      {gregorianDateTime(value, language)}
      <span class="date-time__hijri">{hijriDate(value, language)}</span>
    </time>
  );
}
