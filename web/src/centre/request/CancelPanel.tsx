/** Cancelling before any agency received the file: the reason kept, the fee refunded (the API refuses it
 * once an agency acknowledged receipt). */
import { useState } from "preact/hooks";
import { useClient } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { TextArea } from "../../shared/components/TextArea";
import { money } from "../../shared/format/intl";
import { useConsoleLanguage } from "../../shared/i18n/centre";
import { CancelRequestDocument } from "../../generated/graphql";
import type { CentreRequestFile } from "./types";
import { useChange } from "./useChange";

export function CancelPanel({ request, onChanged }: { request: CentreRequestFile; onChanged: () => void }) {
  const client = useClient();
  const { language, messages } = useConsoleLanguage();
  const text = messages.centre.request;
  const [reason, setReason] = useState("");
  const change = useChange(onChanged);
  return (
    <details class="details">
      <summary class="details__summary">{text.cancelHeading}</summary>
      <div class="details__text">
        <p>{text.cancelHint}</p>
        <TextArea
          id="cancel-reason"
          label={text.cancelReasonLabel}
          hint={text.cancelReasonHint}
          rows={3}
          value={reason}
          onValue={setReason}
        />
        {change.problem && <p class="error-message">{change.problem}</p>}
        <button
          class="button button--warning"
          type="button"
          aria-disabled={change.busy ? true : undefined}
          onClick={() =>
            void change.run(async () => {
              const variables = { requestId: request.id, ...(reason.trim() ? { reason: reason.trim() } : {}) };
              return (await client.mutation(trusted(CancelRequestDocument), variables).toPromise()).data?.cancelRequest;
            })
          }
        >
          {change.busy ? text.cancelling : text.cancel(money(request.payment?.amount ?? "0", language))}
        </button>
      </div>
    </details>
  );
}
