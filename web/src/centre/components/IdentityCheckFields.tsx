/** The identity document checked at the counter: its type, number and expiry as printed (the API's
 * IdentityCheckInput). Used when a record is opened and at every filing. */
import { TextField } from "../../shared/components/TextField";
import { useConsoleMessages } from "../../shared/i18n/centre";
import { westernDigits } from "../../shared/format/digits";
import type { IdentityDocumentType } from "../../generated/graphql";
import { CalendarDateField, NO_DATE, calendarDateInput, printedDateError, type PrintedDate } from "./CalendarDateField";
import { Radios } from "../../shared/components/Radios";

export interface IdentityCheck {
  documentType: "" | IdentityDocumentType;
  documentNumber: string;
  expiresOn: PrintedDate;
}

export const NO_IDENTITY_CHECK: IdentityCheck = { documentType: "", documentNumber: "", expiresOn: NO_DATE };
export const IDENTITY_FIELDS = { documentType: "document-type", documentNumber: "document-number", expiresOn: "expires-on" };
const DOCUMENT_TYPES: IdentityDocumentType[] = ["NATIONAL_ID_CARD", "IQAMA", "PASSPORT", "FAMILY_RECORD"];

/** The API's field names of identity problems (`evidence.expiresOn` …) → the inputs here. */
export const IDENTITY_PROBLEM_FIELDS: Record<string, string> = {
  evidence: IDENTITY_FIELDS.documentType,
  identityCheck: IDENTITY_FIELDS.documentType,
  "evidence.documentNumber": IDENTITY_FIELDS.documentNumber,
  "evidence.expiresOn": IDENTITY_FIELDS.expiresOn,
};

export function useIdentityCheckErrors(): (check: IdentityCheck) => Record<string, string> {
  const { centre } = useConsoleMessages();
  return (check) => {
    const errors: Record<string, string> = {};
    if (!check.documentType) errors[IDENTITY_FIELDS.documentType] = centre.record.documentTypeMissing;
    if (!check.documentNumber.trim()) errors[IDENTITY_FIELDS.documentNumber] = centre.record.documentNumberMissing;
    const date = printedDateError(check.expiresOn);
    if (date) errors[IDENTITY_FIELDS.expiresOn] = centre.date[date](centre.record.expiryLegend);
    return errors;
  };
}

export function identityCheckInput(check: IdentityCheck) {
  return {
    documentType: check.documentType as IdentityDocumentType,
    documentNumber: westernDigits(check.documentNumber).trim(),
    expiresOn: calendarDateInput(check.expiresOn),
  };
}

interface IdentityCheckFieldsProps {
  value: IdentityCheck;
  onValue: (value: IdentityCheck) => void;
  errors: Record<string, string>;
}

export function IdentityCheckFields({ value, onValue, errors }: IdentityCheckFieldsProps) {
  const { centre } = useConsoleMessages();
  const text = centre.record;
  return (
    <>
      <Radios
        name={IDENTITY_FIELDS.documentType}
        legend={text.documentLegend}
        error={errors[IDENTITY_FIELDS.documentType]}
        options={DOCUMENT_TYPES.map((type) => ({ value: type, label: centre.documentTypes[type] }))}
        value={value.documentType}
        onValue={(documentType) => onValue({ ...value, documentType: documentType as IdentityDocumentType })}
        inline
      />
      <TextField
        id={IDENTITY_FIELDS.documentNumber}
        label={text.documentNumberLabel}
        hint={text.documentNumberHint}
        error={errors[IDENTITY_FIELDS.documentNumber]}
        value={value.documentNumber}
        onValue={(documentNumber) => onValue({ ...value, documentNumber })}
        dir="ltr"
      />
      <CalendarDateField
        id={IDENTITY_FIELDS.expiresOn}
        legend={text.expiryLegend}
        hint={text.expiryHint}
        error={errors[IDENTITY_FIELDS.expiresOn]}
        value={value.expiresOn}
        onValue={(expiresOn) => onValue({ ...value, expiresOn })}
      />
    </>
  );
}
