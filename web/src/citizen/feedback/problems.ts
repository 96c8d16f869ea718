/** A coded answer of a feedback mutation, as a field's error: the catalogue's words where it has them. */
import type { FieldError } from "../../shared/components/ErrorSummary";

export interface Problem {
  errorCode: string;
  field?: string | null;
  message: { ar: string; en: string };
}

export function fieldErrorOf(
  problem: Problem,
  fields: Record<string, string>,
  fallbackField: string,
  said: Record<string, string>,
  localized: (text: { ar: string; en: string }) => string,
): FieldError {
  return {
    field: (problem.field && fields[problem.field]) || fallbackField,
    message: said[problem.errorCode] ?? localized(problem.message),
  };
}
