/** Arabic-Indic digits (٠١٢… and the Persian forms ۰۱۲…) as typed on Arabic keyboards, read as Western digits. */
const ARABIC_INDIC = /[\u0660-\u0669\u06F0-\u06F9]/g;

export function westernDigits(text: string): string {
  return text.replace(ARABIC_INDIC, (digit) => String((digit.charCodeAt(0) & 0xf) % 10));
}
