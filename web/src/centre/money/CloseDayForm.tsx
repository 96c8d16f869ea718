/**
 * "Close a past day": a day that has ended in Madinah (before today, checked here; the API's
 * DAY_NOT_OVER lands on the same field) is closed to postings. Closing a closed day changes nothing.
 */
import { useState } from "preact/hooks";
import { useClient } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { Field } from "../../shared/components/Field";
import { gregorianDay } from "../../shared/format/intl";
import { useConsoleLanguage } from "../../shared/i18n/centre";
import { useLocalized } from "../../shared/i18n/language";
import { CloseBusinessDayDocument } from "../../generated/graphql";
import { problemError } from "../components/problems";
import { MoneyAction } from "./MoneyAction";
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
    <MoneyAction
      name={SUBMIT_ID}
      heading={text.closeHeading}
      intro={text.closeIntro}
      done={done}
      busy={busy}
      errors={errors}
      submit={busy ? text.closing : text.close}
      secondary
      onSubmit={() => void submit()}
    >
      <Field id={DAY_FIELD} label={text.dayLabel} hint={text.dayHint} error={errors[DAY_FIELD]}>
        {(control) => (
          <input {...control} class="input input--medium" type="date" max={addDays(today, -1)} value={day} onInput={(event) => setDay(event.currentTarget.value)} />
        )}
      </Field>
    </MoneyAction>
  );
}
