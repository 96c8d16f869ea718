/** /me/requests/:id/complain — complain about the centre that served a delivered request; the
 * monitoring office follows it to resolution (the request's page shows its status). */
import { useState } from "preact/hooks";
import { useClient } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import type { FieldError } from "../../shared/components/ErrorSummary";
import { TextArea } from "../../shared/components/TextArea";
import { useLanguage, useLocalized } from "../../shared/i18n/language";
import { useMyMessages } from "../../shared/i18n/me";
import { FileComplaintDocument } from "../../generated/graphql";
import { FeedbackStep } from "./FeedbackStep";
import { fieldErrorOf } from "./problems";

const TEXT_FIELD = "complaint";
const MAX_LENGTH = 1000; // COMPLAINT_MAX in functions/domain/feedback.py

export default function ComplaintPage({ params }: { params: { id?: string } }) {
  const client = useClient();
  const { messages } = useLanguage();
  const localized = useLocalized();
  const text = useMyMessages().complain;
  const requestId = params.id ?? "";
  const [complaint, setComplaint] = useState("");
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const send = async () => {
    const said = complaint.trim();
    if (!said || said.length > MAX_LENGTH) {
      setErrors([{ field: TEXT_FIELD, message: said ? text.textTooLong : text.textMissing }]);
      return;
    }
    setBusy(true);
    const result = await client.mutation(trusted(FileComplaintDocument), { requestId, text: said }).toPromise();
    setBusy(false);
    const answer = result.data?.fileComplaint;
    if (answer?.__typename === "Complaint") {
      setDone(true);
      return;
    }
    setErrors([
      answer
        ? fieldErrorOf(answer, { text: TEXT_FIELD }, TEXT_FIELD, {}, localized)
        : { field: TEXT_FIELD, message: result.error?.networkError ? messages.common.unreachable : messages.common.unexpected },
    ]);
  };

  return (
    <FeedbackStep
      requestId={requestId}
      title={text.title}
      intro={text.intro}
      submit={text.submit}
      errors={errors}
      busy={busy}
      onSubmit={() => void send()}
      sent={done ? { heading: text.done, body: text.doneBody } : null}
    >
      <TextArea
        id={TEXT_FIELD}
        label={text.textLabel}
        hint={text.textHint}
        error={errors.find((error) => error.field === TEXT_FIELD)?.message}
        value={complaint}
        onValue={setComplaint}
      />
    </FeedbackStep>
  );
}
