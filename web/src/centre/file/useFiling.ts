/**
 * Filing once: one idempotency key per filing attempt, made when the operator starts it (the documents
 * are uploaded under it, as the draft) and kept until the request is filed, so a double click, a lost
 * answer retried, or a press while the first is still running never files twice: the API returns the
 * first filing for the same key. A press while one is in flight does nothing; IDEMPOTENCY_IN_PROGRESS
 * (the first is still running on the server) is waited out.
 */
import { useCallback, useRef, useState } from "preact/hooks";
import { useClient } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { SubmitServiceRequestDocument, type SubmitServiceRequestInput, type SubmitServiceRequestMutation } from "../../generated/graphql";

export type Filed = Extract<SubmitServiceRequestMutation["submitServiceRequest"], { __typename: "SubmittedRequest" }>;
export type FilingRefusal = Exclude<SubmitServiceRequestMutation["submitServiceRequest"], { __typename: "SubmittedRequest" }>;
export type FilingOutcome = { kind: "filed"; filed: Filed } | { kind: "refused"; problem: FilingRefusal } | { kind: "unreachable" };

const IN_PROGRESS_WAITS_MS = [500, 1000, 2000, 4000];

export function newIdempotencyKey(): string {
  return crypto.randomUUID().replaceAll("-", "");
}

export function useFiling(): { busy: boolean; file: (input: SubmitServiceRequestInput) => Promise<FilingOutcome | undefined> } {
  const client = useClient();
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const file = useCallback(
    async (input: SubmitServiceRequestInput): Promise<FilingOutcome | undefined> => {
      if (inFlight.current) return undefined;
      inFlight.current = true;
      setBusy(true);
      try {
        for (const wait of [...IN_PROGRESS_WAITS_MS, 0]) {
          const result = await client.mutation(trusted(SubmitServiceRequestDocument), { input }).toPromise();
          const answer = result.data?.submitServiceRequest;
          if (!answer) return { kind: "unreachable" };
          if (answer.__typename === "SubmittedRequest") return { kind: "filed", filed: answer };
          if (answer.errorCode !== "IDEMPOTENCY_IN_PROGRESS" || !wait) return { kind: "refused", problem: answer };
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
        return { kind: "unreachable" };
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
    [client],
  );
  return { busy, file };
}
