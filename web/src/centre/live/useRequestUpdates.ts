/**
 * One request's changes as they happen (`requestUpdates` over the WebSocket API, graphql-ws through the
 * client's subscription exchange, src/shared/api/live.ts): every event calls `onEvent`. All of a page's
 * subscriptions share one socket. A refused or expired token ends in the sign-in prompt (the session's
 * onSignedOut), never in a reconnect loop; `stopped` says the live feed ended otherwise. The client is asked
 * directly rather than through @urql/preact's hook, which would weigh on every page's bundle.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { useClient } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { CentreRequestUpdatesDocument, type CentreRequestUpdatesSubscription } from "../../generated/graphql";

export type RequestEvent = CentreRequestUpdatesSubscription["requestUpdates"];

export function useRequestUpdates(requestId: string, live: boolean, onEvent: (event: RequestEvent) => void): { stopped: boolean } {
  const client = useClient();
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const [stopped, setStopped] = useState(false);
  useEffect(() => {
    if (!live || !requestId) return undefined;
    setStopped(false);
    const { unsubscribe } = client.subscription(trusted(CentreRequestUpdatesDocument), { requestId }).subscribe((result) => {
      if (result.data) handler.current(result.data.requestUpdates);
      if (result.error) setStopped(true);
    });
    return unsubscribe;
  }, [client, requestId, live]);
  return { stopped };
}
