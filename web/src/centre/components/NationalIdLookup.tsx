/** The first question at the desk: the citizen's national ID or iqama number, looked up (audited). */
import { useEffect, useState } from "preact/hooks";
import { useClient } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { Form } from "../../shared/components/Form";
import { ErrorSummary, type FieldError } from "../../shared/components/ErrorSummary";
import { TextField } from "../../shared/components/TextField";
import { westernDigits } from "../../shared/format/digits";
import { useConsoleLanguage } from "../../shared/i18n/centre";
import { useLocalized } from "../../shared/i18n/language";
import { LookupCitizenDocument, type LookupCitizenQuery } from "../../generated/graphql";

export type CitizenRecord = Extract<LookupCitizenQuery["lookupCitizen"], { __typename: "CitizenRecord" }>;
export type LookupResult = { kind: "found"; citizen: CitizenRecord } | { kind: "notFound"; nationalId: string };

export const NATIONAL_ID_FIELD = "national-id";
const NATIONAL_ID = /^[12]\d{9}$/;

interface NationalIdLookupProps {
  initial?: string | undefined;
  /** Look the initial number up at once (the record page's "file a service for this citizen"). */
  searchAtOnce?: boolean;
  onResult: (result: LookupResult) => void;
}

export function NationalIdLookup({ initial, searchAtOnce, onResult }: NationalIdLookupProps) {
  const client = useClient();
  const { messages } = useConsoleLanguage();
  const localized = useLocalized();
  const text = messages.centre.lookup;
  const [value, setValue] = useState(initial ?? "");
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const fail = (message: string) => setErrors([{ field: NATIONAL_ID_FIELD, message }]);

  const search = async () => {
    const nationalId = westernDigits(value).replace(/\s+/g, "");
    if (!nationalId) return fail(text.nationalIdMissing);
    if (!NATIONAL_ID.test(nationalId)) return fail(text.nationalIdMalformed);
    setBusy(true);
    const result = await client.query(trusted(LookupCitizenDocument), { nationalId }).toPromise();
    setBusy(false);
    const found = result.data?.lookupCitizen;
    if (!found) return fail(result.error?.networkError ? messages.common.unreachable : messages.common.unexpected);
    if (found.__typename === "CitizenRecord") {
      setErrors([]);
      return onResult({ kind: "found", citizen: found });
    }
    if (found.__typename === "NotFound") {
      setErrors([]);
      return onResult({ kind: "notFound", nationalId });
    }
    fail(localized(found.message));
  };

  useEffect(() => {
    if (searchAtOnce && initial) void search();
  }, []);

  return (
    <Form busy={busy} onSubmit={() => void search()}>
      <ErrorSummary errors={errors} />
      <TextField
        id={NATIONAL_ID_FIELD}
        label={text.nationalIdLabel}
        hint={text.nationalIdHint}
        error={errors[0]?.message}
        value={value}
        onValue={setValue}
        dir="ltr"
        inputMode="numeric"
      />
      <button class="button" type="submit" aria-disabled={busy ? true : undefined}>
        {busy ? text.searching : text.submit}
      </button>
    </Form>
  );
}
