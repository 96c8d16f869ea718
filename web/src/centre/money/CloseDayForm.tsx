/**
 * "Close a past day": a day that has ended in Madinah (before today, checked here; the API's
 * DAY_NOT_OVER lands on the same field) is closed to postings. Closing a closed day changes nothing.
 */
import { useState } from "preact/hooks";
import { useClient } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { ErrorSummary } from "../../shared/components/ErrorSummary";
import { Field } from "../../shared/components/Field";
import { Form } from "../../shared/components/Form";
import { gregorianDay } from "../../shared/format/intl";
import { useConsoleLanguage } from "../../shared/i18n/centre";
import { useLocalized } from "../../shared/i18n/language";
import { CloseBusinessDayDocument } from "../../generated/graphql";
import { problemError } from "../components/problems";
import { addDays } from "./period";

const DAY_FIELD = "close-day";
const SUBMIT_ID = "close";

export function CloseDayForm({ today, onClosed }: { today: string; onClosed: () => Promise<void> }) {
  const client = useClient();
  const { language, messages } = useConsoleLanguage();
  const localized = useLocalized();
  const text = messages.centre.money;
  const [day, setDay] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState("");

  const submit = async () => {
    setDone("");
    if (!day) return setErrors({ [DAY_FIELD]: text.dayMissing });
    if (day >= today) return setErrors({ [DAY_FIELD]: text.dayNotPast });
    setErrors({});
    setBusy(true);
    const answer = (await client.mutation(trusted(CloseBusinessDayDocument), { day }).toPromise()).data?.closeBusinessDay;
    setBusy(false);
    if (!answer) return setErrors({ [SUBMIT_ID]: messages.common.unreachable });
    if (answer.__typename !== "DayStatement") {
      const { field, message } = problemError(answer, { day: DAY_FIELD }, SUBMIT_ID, localized);
      return setErrors({ [field]: message });
    }
    await onClosed();
    setDone(text.dayClosed(gregorianDay(answer.day, language)));
  };

  return (
    <section aria-labelledby="close-heading">
      <h2 class="heading-l" id="close-heading">
        {text.closeHeading}
      </h2>
      <p>{text.closeIntro}</p>
      <p class="visually-hidden" aria-live="polite">
        {done}
      </p>
      {done && (
        <p class="panel panel--done" id="close-done" aria-hidden="true">
          {done}
        </p>
      )}
      <Form busy={busy} onSubmit={() => void submit()}>
        <ErrorSummary errors={Object.entries(errors).map(([field, message]) => ({ field, message }))} />
        <Field id={DAY_FIELD} label={text.dayLabel} hint={text.dayHint} error={errors[DAY_FIELD]}>
          {(control) => (
            <input {...control} class="input input--medium" type="date" max={addDays(today, -1)} value={day} onInput={(event) => setDay(event.currentTarget.value)} />
          )}
        </Field>
        {errors[SUBMIT_ID] && (
          <p class="error-message" id={`${SUBMIT_ID}-error`}>
            {errors[SUBMIT_ID]}
          </p>
        )}
        <button class="button button--secondary" id={SUBMIT_ID} type="submit" aria-disabled={busy ? true : undefined}>
          {busy ? text.closing : text.close}
        </button>
      </Form>
    </section>
  );
}
