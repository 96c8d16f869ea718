/** What a person types to sign in, checked before it is sent (the API checks it again). */
import { westernDigits } from "../format/digits";

/** The API's rule for a person's own password (functions/domain/passwords.py). */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

/** Western digits for Arabic-Indic ones, and no spaces or dashes (as a card's number is often read out). */
export function normalisedId(text: string): string {
  return westernDigits(text).replace(/[\s-]/g, "");
}

export type IdProblem = "idMissing" | "idMalformed";

export function idProblem(id: string): IdProblem | undefined {
  if (!id) return "idMissing";
  return /^[12]\d{9}$/.test(id) ? undefined : "idMalformed";
}

export type NewPasswordProblem = "missing" | "tooShort" | "tooLong" | "sameAsTemporary";

export function newPasswordProblem(password: string, temporary: string): NewPasswordProblem | undefined {
  if (!password) return "missing";
  if (password.length < MIN_PASSWORD_LENGTH) return "tooShort";
  if (password.length > MAX_PASSWORD_LENGTH) return "tooLong";
  return password === temporary ? "sameAsTemporary" : undefined;
}
