/** What the record form holds, how it is checked before it is sent, and the API's input made of it. */
import { westernDigits } from "../../shared/format/digits";
import { smsLanguage } from "../../shared/sms/languages";
import type { CentreMessages } from "../../shared/i18n/centre";
import type { Language, OpenCitizenRecordInput } from "../../generated/graphql";
import { NO_DATE, calendarDateInput, printedDateError, type PrintedDate } from "../components/CalendarDateField";
import { IDENTITY_PROBLEM_FIELDS, NO_IDENTITY_CHECK, identityCheckInput, type IdentityCheck } from "../components/IdentityCheckFields";

export interface RecordForm {
  nameAr: string;
  nameEn: string;
  mobile: string;
  language: "" | Language;
  birthDate: PrintedDate;
  identity: IdentityCheck;
}

export const EMPTY_RECORD: RecordForm = {
  nameAr: "",
  nameEn: "",
  mobile: "",
  language: "",
  birthDate: NO_DATE,
  identity: NO_IDENTITY_CHECK,
};

export const RECORD_FIELDS = {
  nameAr: "name-ar",
  nameEn: "name-en",
  mobile: "mobile",
  language: "language",
  birthDate: "birth-date",
};

/** The API's field names → the inputs of the form. */
export const RECORD_PROBLEM_FIELDS: Record<string, string> = { ...RECORD_FIELDS, ...IDENTITY_PROBLEM_FIELDS };

export function recordErrors(form: RecordForm, text: CentreMessages): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!form.nameAr.trim()) errors[RECORD_FIELDS.nameAr] = text.record.nameArMissing;
  if (!form.mobile.trim()) errors[RECORD_FIELDS.mobile] = text.record.mobileMissing;
  if (!form.language) errors[RECORD_FIELDS.language] = text.record.languageMissing;
  const birth = printedDateError(form.birthDate);
  if (birth) errors[RECORD_FIELDS.birthDate] = text.date[birth](text.record.birthDateLegend);
  return errors;
}

export function recordInput(nationalId: string, form: RecordForm): OpenCitizenRecordInput {
  return {
    nationalId,
    nameAr: form.nameAr.trim(),
    ...(form.nameEn.trim() ? { nameEn: form.nameEn.trim() } : {}),
    mobile: westernDigits(form.mobile).replace(/\s+/g, ""),
    language: smsLanguage(form.language),
    birthDate: calendarDateInput(form.birthDate),
    identityCheck: identityCheckInput(form.identity),
  };
}
