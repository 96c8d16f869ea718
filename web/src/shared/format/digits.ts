/** Typed digits as the API takes them: Arabic-Indic (٠-٩) and Persian (۰-۹) digits become Western ones. */
const ARABIC_INDIC = /[\u0660-\u0669\u06F0-\u06F9]/g;

export function westernDigits(text: string): string {
  return text.replace(ARABIC_INDIC, (digit) => String((digit.charCodeAt(0) & 0xf) % 10));
}
