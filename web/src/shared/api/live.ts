/**
 * Subscriptions over the API's WebSocket endpoint (graphql-transport-ws, the reference `graphql-ws`
 * client), loaded only when a page first subscribes: the tracker never pays for it.
 *
 * A refused token must end in a sign-in prompt, never a reconnect loop (issue 16). API Gateway closes a
 * refused connection with 1000, not the protocol's 4403, and `graphql-ws` reconnects at once after a
 * 1000 while a subscription is open, with no backoff and no `shouldRetry` asked. The server answers a
 * refused token with a coded `error` before closing (functions/api/live/sessions.py), which
 * graphql-ws fails on without retrying; and a connection that sent a token and is closed before
 * `connection_ack` — normally (1000), forbidden (4403), or after that refusal (4400) — is a refusal
 * too. Either way the client is disposed (no retry) and the session ends. A connection that drops
 * abnormally (1006: the network) retries a few times with the client's jittered backoff.
 */
import type { Client as SocketClient, Message } from "graphql-ws";
import type { ExecutionResult, SubscriptionForwarder } from "@urql/core";
import type { Session } from "./client";

const RETRY_ATTEMPTS = 5;
const REFUSING_CLOSES = new Set([1000, 4400, 4401, 4403]);

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
    let tokenSent = false;
    let refused = false;
    const client: SocketClient = createClient({
      url: socketUrl(),
      lazy: true,
      retryAttempts: RETRY_ATTEMPTS,
      connectionParams: async () => {
        const token = await session.accessToken();
        tokenSent = token !== undefined;
        return token ? { authorization: `Bearer ${token}` } : {};
      },
      on: {
        connected: () => {
          acknowledged = true;
        },
        message: (message: Message) => {
          if (!acknowledged && message.type === "error") refused = true; // the server's coded refusal
        },
        closed: (event) => {
          const code = (event as { code?: number }).code ?? 0;
          refused ||= !acknowledged && tokenSent && REFUSING_CLOSES.has(code);
          acknowledged = false;
          if (refused) {
            socket = undefined;
            void client.dispose(); // before graphql-ws decides to reconnect: it asks `disposed` first
            session.onSignedOut();
          }
        },
      },
      shouldRetry: () => !refused,
    });
    return client;
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
