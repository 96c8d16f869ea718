/** /me/requests/:id/complain — complain about the centre that served a delivered request; the
 * monitoring office follows it to resolution (the request's page shows its status). */
import { useState } from "preact/hooks";
import { useClient } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { ErrorSummary, type FieldError } from "../../shared/components/ErrorSummary";
import { TextArea } from "../../shared/components/TextArea";
import { useLanguage, useLocalized } from "../../shared/i18n/language";
import { useMyMessages } from "../../shared/i18n/me";
import { FileComplaintDocument } from "../../generated/graphql";
import { MyFrame } from "../account/MyFrame";
import { fieldErrorOf } from "./problems";

const TEXT_FIELD = "complaint";
const MAX_LENGTH = 1000; // COMPLAINT_MAX in functions/domain/feedback.py

export default function ComplaintPage({ params }: { params: { id?: string } }) {
  const client = useClient();
  const { messages } = useLanguage();
  const localized = useLocalized();
  const { complain: text, backToRequest } = useMyMessages();
  const requestId = params.id ?? "";
  const [complaint, setComplaint] = useState("");
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const back = `/me/requests/${encodeURIComponent(requestId)}`;

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
    <MyFrame title={text.title} section="requests">
      {() =>
        done ? (
          <>
            <h1 class="heading-xl" tabIndex={-1} ref={(heading) => heading?.focus()}>
              {text.done}
            </h1>
            <p>{text.doneBody}</p>
            <p>
              <a href={back}>{backToRequest}</a>
            </p>
          </>
        ) : (
          <>
            <h1 class="heading-xl">{text.title}</h1>
            <p class="lead">{text.intro}</p>
            <form
              method="post"
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                if (!busy) void send();
              }}
            >
              <ErrorSummary errors={errors} />
              <TextArea
                id={TEXT_FIELD}
                label={text.textLabel}
                hint={text.textHint}
                error={errors.find((error) => error.field === TEXT_FIELD)?.message}
                value={complaint}
                onValue={setComplaint}
              />
              <button class="button" type="submit" aria-disabled={busy ? true : undefined}>
                {text.submit}
              </button>
            </form>
            <p>
              <a href={back}>{backToRequest}</a>
            </p>
          </>
        )
      }
    </MyFrame>
  );
}
