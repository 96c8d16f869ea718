/**
 * Subscriptions over the API's WebSocket endpoint (graphql-transport-ws, the reference `graphql-ws`
 * client), loaded only when a page first subscribes: the tracker never pays for it.
 *
 * A refused token must end in a sign-in prompt, never a reconnect loop (issue 16): API Gateway closes a
 * refused connection with 1000, not the protocol's 4403, so a close before `connection_ack` is taken as
 * a refusal — no retry, `onSignedOut`. Other drops retry a few times with the client's jittered backoff.
 */
import type { Client as SocketClient } from "graphql-ws";
import type { ExecutionResult, SubscriptionForwarder } from "@urql/core";
import type { Session } from "./client";

const RETRY_ATTEMPTS = 5;

/** The WebSocket API the deployment wrote into index.html, else this origin's /graphql (make dev). */
export function socketUrl(location: Location = window.location): string {
  const deployed = document.querySelector<HTMLMetaElement>('meta[name="shubbak-socket-url"]')?.content;
  return deployed || `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/graphql`;
}

export function liveSubscriptions(session: Session): SubscriptionForwarder {
  let socket: Promise<SocketClient> | undefined;
  const connect = async (): Promise<SocketClient> => {
    const { createClient } = await import("graphql-ws");
    let acknowledged = false;
    let refused = false;
    return createClient({
      url: socketUrl(),
      lazy: true,
      retryAttempts: RETRY_ATTEMPTS,
      connectionParams: () => {
        const token = session.accessToken();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
      on: {
        connected: () => {
          acknowledged = true;
        },
        closed: () => {
          refused = !acknowledged && session.accessToken() !== undefined;
          acknowledged = false;
          if (refused) session.onSignedOut();
        },
      },
      shouldRetry: () => !refused,
    });
  };
  return (request) => ({
    subscribe(sink) {
      socket ??= connect();
      let unsubscribe: (() => void) | undefined;
      let cancelled = false;
      void socket.then((client) => {
        if (cancelled) return;
        const { documentId, variables, operationName } = request;
        const payload = documentId ? { query: "", documentId, variables } : { query: request.query ?? "", variables };
        unsubscribe = client.subscribe(
          { ...payload, operationName: operationName ?? null },
          {
            next: (result) => sink.next(result as ExecutionResult),
            error: (error) => sink.error(error),
            complete: () => sink.complete(),
          },
        );
      });
      return {
        unsubscribe() {
          cancelled = true;
          unsubscribe?.();
        },
      };
    },
  });
}
