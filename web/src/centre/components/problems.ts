/** An expected refusal of the API (a `Problem`: code, field, bilingual message) as a form error: on the
 * input the API's field names, else on the form's first input. */
import type { FieldError } from "../../shared/components/ErrorSummary";

export interface Problem {
  errorCode: string;
  field?: string | null;
  message: { ar: string; en: string };
}

export function isProblem(value: object): value is Problem {
  return "errorCode" in value && "message" in value;
}

export function problemError(
  problem: Problem,
  fields: Record<string, string>,
  fallback: string,
  localized: (text: { ar: string; en: string }) => string,
): FieldError {
  const named = problem.field ? (fields[problem.field] ?? fields[problem.field.split(".")[0]!]) : undefined;
  return { field: named ?? fallback, message: localized(problem.message) };
}
