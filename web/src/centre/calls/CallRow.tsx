/** One citizen to call: who, which message, why; a note and "I called the citizen" (once: idempotent). */
import { useState } from "preact/hooks";
import { useClient } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { DateTime } from "../../shared/components/DateTime";
import { useConsoleMessages } from "../../shared/i18n/centre";
import { useLocalized } from "../../shared/i18n/language";
import { CallNumberDocument, MarkCallDoneDocument } from "../../generated/graphql";
import type { Call } from "./CallListPage";

export function CallRow({ call, onDone }: { call: Call; onDone: (call: Call) => void }) {
  const client = useClient();
  const { centre, common } = useConsoleMessages();
  const localized = useLocalized();
  const text = centre.calls;
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState("");
  const noteId = `note-${call.id}`;
  const [number, setNumber] = useState("");
  const [asking, setAsking] = useState(false);

  const showNumber = async () => {
    if (asking) return;
    setAsking(true);
    const answer = (await client.query(trusted(CallNumberDocument), { callId: call.id }, { requestPolicy: "network-only" }).toPromise()).data?.callNumber;
    setAsking(false);
    if (answer?.__typename === "CallNumber") setNumber(answer.mobile);
    else setProblem(answer && "message" in answer ? localized(answer.message) : common.unreachable);
  };

  const markDone = async () => {
    if (busy) return;
    setBusy(true);
    const answer = (await client.mutation(trusted(MarkCallDoneDocument), { callId: call.id, note: note.trim() || null }).toPromise()).data?.markCallDone;
    setBusy(false);
    if (answer?.__typename === "CallListEntry") onDone(call);
    else setProblem(answer && "message" in answer ? localized(answer.message) : common.unreachable);
  };
  return (
    <li class="call" id={`call-${call.id}`}>
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt class="summary-list__key">{text.who}</dt>
          <dd class="summary-list__value">
            {call.citizen ? localized({ ar: call.citizen.nameAr, en: call.citizen.nameEn ?? call.citizen.nameAr }) : ""}{" "}
            {number ? (
              <a class="code" dir="ltr" href={`tel:${number}`}>
                {number}
              </a>
            ) : (
              <span class="code" dir="ltr">
                {call.to}
              </span>
            )}
            {number ? (
              <p class="hint">{text.numberNote}</p>
            ) : (
              <p>
                <button class="button button--secondary" type="button" aria-disabled={asking ? true : undefined} onClick={() => void showNumber()}>
                  {asking ? text.askingNumber : text.showNumber}
                </button>
              </p>
            )}
          </dd>
        </div>
        <div class="summary-list__row">
          <dt class="summary-list__key">{text.message}</dt>
          <dd class="summary-list__value">
            {text.template[call.template] ?? call.template}
            {call.trackingNumber && (
              <>
                {" — "}
                <span class="code" dir="ltr">
                  {call.trackingNumber}
                </span>
              </>
            )}
          </dd>
        </div>
        <div class="summary-list__row">
          <dt class="summary-list__key">{text.why}</dt>
          <dd class="summary-list__value">
            <strong class={`tag tag--sms-${call.status.toLowerCase()}`}>{text.delivery[call.status]}</strong>{" "}
            <span dir="ltr">{call.reason}</span> ({text.attempts(call.attempts)})
          </dd>
        </div>
        <div class="summary-list__row">
          <dt class="summary-list__key">{text.failed}</dt>
          <dd class="summary-list__value">
            <DateTime value={call.failedAtMadinah.at} />
          </dd>
        </div>
      </dl>
      <div class="form-group">
        <label class="label" for={noteId}>
          {text.noteLabel}
        </label>
        <p class="hint" id={`${noteId}-hint`}>
          {text.noteHint}
        </p>
        <input class="input" id={noteId} aria-describedby={`${noteId}-hint`} value={note} maxLength={500} onInput={(e) => setNote(e.currentTarget.value)} />
      </div>
      {problem && <p class="error-message">{problem}</p>}
      <button class="button" type="button" aria-disabled={busy ? true : undefined} onClick={() => void markDone()}>
        {busy ? text.marking : text.markDone}
      </button>
    </li>
  );
}
