/**
 * The days the money page shows: the last 30 Madinah days (to today) or one month, as the API's
 * `from`/`to`, and the name of the CSV file they download as. Days are YYYY-MM-DD strings, counted in
 * UTC so no device's time zone or summer time moves them.
 */
export const LAST_30 = "last30";

const DAY_MS = 24 * 60 * 60 * 1000;

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The first and last day of a period: LAST_30, or a month given as YYYY-MM (never past today). */
export function periodDays(period: string, today: string): { from: string; to: string } {
  if (period === LAST_30) return { from: addDays(today, -29), to: today };
  const [year, month] = period.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return { from: `${period}-01`, to: last < today ? last : today };
}

/** This month and the eleven before it, newest first, as YYYY-MM. */
export function recentMonths(today: string, count = 12): string[] {
  const [year, month] = today.split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, back) => new Date(Date.UTC(year, month - 1 - back, 1)).toISOString().slice(0, 7));
}

/** "MED-C01-statements-2026-12.csv" for a month; the first and last day for the last 30 days. */
export function csvFileName(centreId: string, period: string, days: { from: string; to: string }): string {
  const span = period === LAST_30 ? `${days.from}_${days.to}` : period;
  return `${centreId}-statements-${span}.csv`;
}

/** The file saved by the browser from text the page holds (no server route: a Blob's object URL). */
export function saveText(text: string, fileName: string, type = "text/csv;charset=utf-8"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
