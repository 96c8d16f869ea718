/**
 * A request's changes, live (graphql/citizen/live.graphql over the WebSocket API): each event calls
 * `onUpdate`, which reloads what the page shows. The socket is opened with the page and closed with it;
 * a refused token ends the session (src/shared/api/live.ts), it is never retried.
 */
import { useSubscription } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { MyRequestUpdatesDocument } from "../../generated/graphql";

export function useRequestUpdates(requestId: string, onUpdate: () => void): void {
  useSubscription({ query: trusted(MyRequestUpdatesDocument), variables: { requestId } }, (_, event) => {
    onUpdate();
    return event;
  });
}
