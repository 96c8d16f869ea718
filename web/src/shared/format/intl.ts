/**
 * Dates, times, numbers and money through `Intl`, the same way on every page: Madinah's time zone
 * (Asia/Riyadh, UTC+3 all year) whatever the device's, the Umm al-Qura Hijri date beside the Gregorian
 * one, Western digits in both languages (as tracking numbers and PINs are printed), riyals (SAR).
 */
import type { Language } from "../i18n/language";

export const MADINAH_TIME_ZONE = "Asia/Riyadh";
const LOCALE: Record<Language, string> = { ar: "ar-SA", en: "en-GB" };
const DIGITS = "latn";

const cache = new Map<string, Intl.DateTimeFormat>();

function dateFormat(language: Language, calendar: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${calendar}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE[language], {
      ...options,
      calendar,
      numberingSystem: DIGITS,
      timeZone: MADINAH_TIME_ZONE,
    });
    cache.set(key, format);
  }
  return format;
}

/** "3 December 2026, 14:05" in Madinah time. */
export function gregorianDateTime(iso: string, language: Language): string {
  return dateFormat(language, "gregory", { dateStyle: "long", timeStyle: "short" }).format(new Date(iso));
}

/** "23 Jumada II 1448 AH" (Umm al-Qura), the Madinah day of the same instant. */
export function hijriDate(iso: string, language: Language): string {
  return dateFormat(language, "islamic-umalqura", { day: "numeric", month: "long", year: "numeric" }).format(
    new Date(iso),
  );
}

/** A calendar day the API gives as YYYY-MM-DD (a Madinah day, already decided): "6 December 2026". */
export function gregorianDay(isoDate: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE[language], {
    dateStyle: "long",
    calendar: "gregory",
    numberingSystem: DIGITS,
    timeZone: "UTC",
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** The Umm al-Qura day of a Madinah calendar day (YYYY-MM-DD): "23 Jumada II 1448 AH". */
export function hijriDay(isoDate: string, language: Language): string {
  return hijriDate(`${isoDate}T12:00:00+03:00`, language);
}

/** A month given as YYYY-MM: "December 2026". */
export function monthName(isoMonth: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE[language], {
    month: "long",
    year: "numeric",
    calendar: "gregory",
    numberingSystem: DIGITS,
    timeZone: "UTC",
  }).format(new Date(`${isoMonth}-01T00:00:00Z`));
}

/** Today in Madinah (YYYY-MM-DD), whatever the device's time zone: the business day of the ledger. */
export function madinahToday(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: MADINAH_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((found) => found.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["minute", 60],
  ["hour", 48 * 60],
  ["day", Number.POSITIVE_INFINITY],
];
const MINUTES_PER: Record<string, number> = { minute: 1, hour: 60, day: 24 * 60 };

/** "in 3 hours", "2 days ago": how far an instant is from `now`. */
export function relativeTime(iso: string, language: Language, now: Date = new Date()): string {
  const minutes = Math.round((new Date(iso).getTime() - now.getTime()) / 60_000);
  const [unit] = RELATIVE_UNITS.find(([, below]) => Math.abs(minutes) < below) ?? RELATIVE_UNITS[2]!;
  const format = new Intl.RelativeTimeFormat(LOCALE[language], { numeric: "auto", numberingSystem: DIGITS } as Intl.RelativeTimeFormatOptions);
  return format.format(Math.round(minutes / MINUTES_PER[unit]!), unit);
}

/** How long until an instant, in seconds below a minute and minutes above: "in 40 seconds", "in 3 minutes". */
export function waitUntil(iso: string, language: Language, now: Date = new Date()): string {
  const seconds = Math.max(1, Math.ceil((new Date(iso).getTime() - now.getTime()) / 1000));
  const format = new Intl.RelativeTimeFormat(LOCALE[language], { numberingSystem: DIGITS } as Intl.RelativeTimeFormatOptions);
  return seconds < 60 ? format.format(seconds, "second") : format.format(Math.ceil(seconds / 60), "minute");
}

/** A GraphQL Decimal of riyals, "1,025.00 SAR" / "‏1,025.00 ر.س.‏". */
export function money(amount: string, language: Language): string {
  return new Intl.NumberFormat(LOCALE[language], {
    style: "currency",
    currency: "SAR",
    numberingSystem: DIGITS,
  }).format(Number(amount));
}

/** Riyals without the currency's sign, for a table whose caption names it: "1,025.00". */
export function riyals(amount: string, language: Language): string {
  return new Intl.NumberFormat(LOCALE[language], {
    numberingSystem: DIGITS,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  } as Intl.NumberFormatOptions).format(Number(amount));
}

/** A plain number with Western digits: "1,234.5". */
export function decimal(value: number, language: Language, fractionDigits = 1): string {
  return new Intl.NumberFormat(LOCALE[language], {
    numberingSystem: DIGITS,
    maximumFractionDigits: fractionDigits,
  } as Intl.NumberFormatOptions).format(value);
}
