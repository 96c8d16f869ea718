/** The languages of a citizen's text messages, Arabic first (docs/sms.md); the pages stay Arabic and English. */
import type { Language } from "../../generated/graphql";

export const SMS_LANGUAGES: Language[] = ["AR", "EN", "UR", "BN", "ID"];

/** A radio's value as a language; anything else is Arabic, the default. */
export function smsLanguage(chosen: string): Language {
  return SMS_LANGUAGES.find((language) => language === chosen) ?? "AR";
}
