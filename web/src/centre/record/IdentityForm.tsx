/** The identity check and the record's details, copied from the card as printed (GOV.UK's question
 * pages, on one desk form): name, mobile, the SMS language, the birth date with its calendar, the
 * document checked. */
import { Form } from "../../shared/components/Form";
import { ErrorSummary } from "../../shared/components/ErrorSummary";
import { TextField } from "../../shared/components/TextField";
import { useConsoleMessages } from "../../shared/i18n/centre";
import { CalendarDateField } from "../components/CalendarDateField";
import { IdentityCheckFields } from "../components/IdentityCheckFields";
import { Radios } from "../../shared/components/Radios";
import { RECORD_FIELDS, type RecordForm } from "./identityForm";
import { SMS_LANGUAGES, smsLanguage } from "../../shared/sms/languages";
import { SummaryRow } from "../../shared/components/SummaryRow";

interface IdentityFormProps {
  nationalId: string;
  value: RecordForm;
  onValue: (value: RecordForm) => void;
  errors: Record<string, string>;
  busy: boolean;
  onSubmit: () => void;
}

export function IdentityForm({ nationalId, value, onValue, errors, busy, onSubmit }: IdentityFormProps) {
  const { centre } = useConsoleMessages();
  const text = centre.record;
  const set = <K extends keyof RecordForm>(key: K) => (changed: RecordForm[K]) => onValue({ ...value, [key]: changed });
  return (
    <Form busy={busy} onSubmit={onSubmit}>
      <ErrorSummary errors={Object.entries(errors).map(([field, message]) => ({ field, message }))} />
      <h2 class="heading-m">{text.formHeading}</h2>
      <p>{text.formIntro}</p>
      <dl class="summary-list">
        <SummaryRow label={centre.lookup.nationalIdLabel} code>
          {nationalId}
        </SummaryRow>
      </dl>
      <TextField id={RECORD_FIELDS.nameAr} label={text.nameArLabel} hint={text.nameArHint} error={errors[RECORD_FIELDS.nameAr]} value={value.nameAr} onValue={set("nameAr")} dir="rtl" autoComplete="off" />
      <TextField id={RECORD_FIELDS.nameEn} label={text.nameEnLabel} hint={text.nameEnHint} error={errors[RECORD_FIELDS.nameEn]} value={value.nameEn} onValue={set("nameEn")} dir="ltr" />
      <CalendarDateField
        id={RECORD_FIELDS.birthDate}
        legend={text.birthDateLegend}
        hint={text.birthDateHint}
        error={errors[RECORD_FIELDS.birthDate]}
        value={value.birthDate}
        onValue={set("birthDate")}
      />
      <TextField id={RECORD_FIELDS.mobile} label={text.mobileLabel} hint={text.mobileHint} error={errors[RECORD_FIELDS.mobile]} value={value.mobile} onValue={set("mobile")} dir="ltr" inputMode="numeric" />
      <Radios
        name={RECORD_FIELDS.language}
        legend={text.languageLegend}
        error={errors[RECORD_FIELDS.language]}
        options={SMS_LANGUAGES.map((language) => ({ value: language, label: text.languages[language] }))}
        value={value.language}
        onValue={(language) => onValue({ ...value, language: smsLanguage(language) })}
        inline
      />
      <IdentityCheckFields value={value.identity} onValue={set("identity")} errors={errors} />
      <button class="button" type="submit" aria-disabled={busy ? true : undefined}>
        {busy ? text.submitting : text.submit}
      </button>
    </Form>
  );
}
