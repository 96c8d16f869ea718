/** The service's form answers, checked here as the API checks them (functions/domain/forms.py), so the
 * operator sees each mistake on its field before anything is sent; the API checks again. */
import type { CentreMessages } from "../../shared/i18n/centre";
import { westernDigits } from "../../shared/format/digits";
import type { ServiceFormQuery } from "../../generated/graphql";

export type FormService = Extract<ServiceFormQuery["service"], { __typename: "Service" }>;
export type FormFieldDefinition = FormService["fields"][number];

const MAX_ANSWER_LENGTH = 500;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const answerField = (key: string) => `answer-${key}`;

export function cleanAnswer(field: FormFieldDefinition, raw: string): string {
  const value = raw.trim();
  return field.type === "NUMBER" || field.type === "DATE" ? westernDigits(value) : value;
}

export function answerErrors(
  fields: FormFieldDefinition[],
  answers: Record<string, string>,
  text: CentreMessages["file"],
  label: (field: FormFieldDefinition) => string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const value = cleanAnswer(field, answers[field.key] ?? "");
    const id = answerField(field.key);
    const name = label(field);
    if (!value) {
      if (field.required) errors[id] = field.type === "CHOICE" || field.type === "BOOLEAN" ? text.chooseRequired(name) : text.required(name);
      continue;
    }
    const limit = field.maxLength ?? MAX_ANSWER_LENGTH;
    if (value.length > limit) errors[id] = text.tooLong(name, limit);
    else if (field.type === "NUMBER" && !Number.isFinite(Number(value))) errors[id] = text.notNumber(name);
    else if (field.type === "DATE" && (!DATE.test(value) || Number.isNaN(Date.parse(value)))) errors[id] = text.notDate(name);
  }
  return errors;
}

export function answersInput(fields: FormFieldDefinition[], answers: Record<string, string>): { key: string; value: string }[] {
  return fields
    .map((field) => ({ key: field.key, value: cleanAnswer(field, answers[field.key] ?? "") }))
    .filter((answer) => answer.value !== "");
}
