/**
 * One page of feedback about a request (rate, complain): the question with its form, the error summary
 * and the button; once sent, the confirmation (its heading focused, so it is read out) and the way back
 * to the request.
 */
import type { ComponentChildren } from "preact";
import { ErrorSummary, type FieldError } from "../../shared/components/ErrorSummary";
import { Form } from "../../shared/components/Form";
import { useMyMessages } from "../../shared/i18n/me";
import { MyFrame } from "../account/MyFrame";

interface FeedbackStepProps {
  requestId: string;
  title: string;
  intro: string;
  submit: string;
  errors: FieldError[];
  busy: boolean;
  onSubmit: () => void;
  /** Set once sent: the confirmation's heading and, if any, what happens next. */
  sent: { heading: string; body?: string } | null;
  children: ComponentChildren;
}

export function FeedbackStep({ requestId, title, intro, submit, errors, busy, onSubmit, sent, children }: FeedbackStepProps) {
  const { backToRequest } = useMyMessages();
  const back = (
    <p>
      <a href={`/me/requests/${encodeURIComponent(requestId)}`}>{backToRequest}</a>
    </p>
  );
  return (
    <MyFrame title={title} section="requests">
      {() =>
        sent ? (
          <>
            <h1 class="heading-xl" tabIndex={-1} ref={(heading) => heading?.focus()}>
              {sent.heading}
            </h1>
            {sent.body && <p>{sent.body}</p>}
            {back}
          </>
        ) : (
          <>
            <h1 class="heading-xl">{title}</h1>
            <p class="lead">{intro}</p>
            <Form busy={busy} onSubmit={onSubmit}>
              <ErrorSummary errors={errors} />
              {children}
              <button class="button" type="submit" aria-disabled={busy ? true : undefined}>
                {submit}
              </button>
            </Form>
            {back}
          </>
        )
      }
    </MyFrame>
  );
}
