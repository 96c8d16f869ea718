/**
 * Adding the API's SAR amounts (decimal strings with two places) for a table's totals, in whole halalas
 * as the ledger keeps them: never a float in a sum.
 */
export function halalasOf(amount: string): number {
  const negative = amount.trim().startsWith("-");
  const [whole = "0", fraction = ""] = amount.trim().replace(/^[-+]/, "").split(".");
  const halalas = Number(whole) * 100 + Number(fraction.padEnd(2, "0").slice(0, 2));
  return negative ? -halalas : halalas;
}

export function sarOf(halalas: number): string {
  const sign = halalas < 0 ? "-" : "";
  const absolute = Math.abs(halalas);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, "0")}`;
}

export function sumOf(amounts: string[]): string {
  return sarOf(amounts.reduce((total, amount) => total + halalasOf(amount), 0));
}
