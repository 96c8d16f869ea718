/** A time on Madinah's wall clock as the API gives it (`…Madinah`): "Sunday 09:40 (15 Jumada II 1448 AH)".
 * The weekday, the time and the Hijri day are the API's; nothing is derived here. */
import { useConsoleLanguage } from "../../shared/i18n/centre";

export interface MadinahWallTime {
  time: string;
  day: {
    weekday: "SAT" | "SUN" | "MON" | "TUE" | "WED" | "THU" | "FRI";
    gregorian: string;
    hijri: { day: number; year: number; monthName: { ar: string; en: string } } | null;
  };
}

export function useWallTime(): (value: MadinahWallTime) => string {
  const { language, messages } = useConsoleLanguage();
  const text = messages.centre;
  return ({ time, day }) =>
    text.wallTime(
      text.weekdays[day.weekday],
      time,
      day.hijri ? text.hijriDay(day.hijri.day, day.hijri.monthName[language], day.hijri.year) : day.gregorian,
    );
}

export function WallTime({ value, at }: { value: MadinahWallTime; at: string }) {
  const wallTime = useWallTime();
  return <time dateTime={at}>{wallTime(value)}</time>;
}
