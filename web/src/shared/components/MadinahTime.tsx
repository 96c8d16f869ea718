/**
 * An instant on Madinah's wall clock, or a calendar day, as the API gives them (`…Madinah`,
 * `…Calendars`: docs/time.md): the weekday, the Gregorian day, the time and the Umm al-Qura day are the
 * API's; the page only formats them ("Sunday 6 December 2026, 09:40 (15 Jumada II 1448 AH)").
 */
import { gregorianDay } from "../format/intl";
import { useLanguage } from "../i18n/language";

type Weekday = "SAT" | "SUN" | "MON" | "TUE" | "WED" | "THU" | "FRI";

export interface CalendarDay {
  weekday: Weekday;
  gregorian: string;
  hijri: { day: number; year: number; monthName: { ar: string; en: string } } | null;
}

export interface WallClock {
  at: string;
  time: string;
  day: CalendarDay;
}

/** The Hijri day as the API names it ("15 Jumada II 1448 AH"), or nothing outside the Umm al-Qura tables. */
export function useHijriDay(): (day: CalendarDay) => string | null {
  const { language, messages } = useLanguage();
  return ({ hijri }) => (hijri ? messages.common.hijriDay(hijri.day, hijri.monthName[language], hijri.year) : null);
}

export function WallTime({ value }: { value: WallClock }) {
  const { language, messages } = useLanguage();
  const hijri = useHijriDay()(value.day);
  const { weekday, gregorian } = value.day;
  return (
    <time class="date-time" dateTime={value.at}>
      {messages.common.wallTime(messages.common.weekdays[weekday], gregorianDay(gregorian, language), value.time)}
      {hijri && <span class="date-time__hijri">({hijri})</span>}
    </time>
  );
}

/** A day a person entered (a birth date, a card's expiry), the Gregorian and the Hijri side by side. */
export function CalendarDayText({ value }: { value: CalendarDay }) {
  const { language } = useLanguage();
  const hijri = useHijriDay()(value);
  return (
    <time class="date-time" dateTime={value.gregorian}>
      {gregorianDay(value.gregorian, language)}
      {hijri && <span class="date-time__hijri">({hijri})</span>}
    </time>
  );
}

/** When an open step is due: "due Sunday 09:40", with the day in both calendars; late steps said so. */
export function DueTime({ value, overdue }: { value: WallClock; overdue: boolean }) {
  const { language, messages } = useLanguage();
  const hijri = useHijriDay()(value.day);
  const weekday = messages.common.weekdays[value.day.weekday];
  const said = overdue ? messages.common.overdueAt(weekday, value.time) : messages.common.dueAt(weekday, value.time);
  return (
    <span class={overdue ? "due due--late" : "due"}>
      <time dateTime={value.at}>{said}</time>
      <span class="date-time__hijri">
        {gregorianDay(value.day.gregorian, language)}
        {hijri && ` (${hijri})`}
      </span>
    </span>
  );
}
