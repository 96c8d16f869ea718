/** A Madinah business day of the ledger (YYYY-MM-DD), in both calendars: "4 December 2026 (23 Jumada II 1448 AH)". */
import { gregorianDay, hijriDay } from "../../shared/format/intl";
import { useLanguage } from "../../shared/i18n/language";

export function BusinessDay({ day }: { day: string }) {
  const { language } = useLanguage();
  return (
    <time class="date-time" dateTime={day}>
      {gregorianDay(day, language)} <span class="date-time__hijri">({hijriDay(day, language)})</span>
    </time>
  );
}
