/** /me/requests/:id/rate — rate the centre that served a delivered request, once: 1 to 5 stars, a comment. */
import { useState } from "preact/hooks";
import { useClient } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import type { FieldError } from "../../shared/components/ErrorSummary";
import { Radios } from "../../shared/components/Radios";
import { TextArea } from "../../shared/components/TextArea";
import { useLanguage, useLocalized } from "../../shared/i18n/language";
import { useMyMessages } from "../../shared/i18n/me";
import { RateCentreDocument } from "../../generated/graphql";
import { FeedbackStep } from "./FeedbackStep";
import { fieldErrorOf } from "./problems";

const STARS_FIELD = "stars";
const COMMENT_FIELD = "comment";
const STARS = ["5", "4", "3", "2", "1"] as const;

export default function RatePage({ params }: { params: { id?: string } }) {
  const client = useClient();
  const { messages } = useLanguage();
  const localized = useLocalized();
  const text = useMyMessages().rate;
  const requestId = params.id ?? "";
  const [stars, setStars] = useState("");
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const send = async () => {
    if (!stars) {
      setErrors([{ field: STARS_FIELD, message: text.starsMissing }]);
      return;
    }
    setBusy(true);
    const result = await client
      .mutation(trusted(RateCentreDocument), { requestId, stars: Number(stars), comment: comment.trim() || null })
      .toPromise();
    setBusy(false);
    const answer = result.data?.rateCentre;
    if (answer?.__typename === "Rating") {
      setDone(true);
      return;
    }
    setErrors([
      answer
        ? fieldErrorOf(answer, { stars: STARS_FIELD, comment: COMMENT_FIELD }, STARS_FIELD, { ALREADY_RATED: text.already }, localized)
        : { field: STARS_FIELD, message: result.error?.networkError ? messages.common.unreachable : messages.common.unexpected },
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
      sent={done ? { heading: text.done } : null}
    >
      <Radios
        name={STARS_FIELD}
        legend={text.starsLegend}
        error={errors.find((error) => error.field === STARS_FIELD)?.message}
        options={STARS.map((count) => ({ value: count, label: text.stars(Number(count)), hint: text.starsHints[count] }))}
        value={stars}
        onValue={setStars}
      />
      <TextArea
        id={COMMENT_FIELD}
        label={text.commentLabel}
        hint={text.commentHint}
        error={errors.find((error) => error.field === COMMENT_FIELD)?.message}
        value={comment}
        onValue={setComment}
        rows={3}
      />
    </FeedbackStep>
  );
}
