/**
 * The one GraphQL client of the pages (urql): trusted documents by id over HTTP on the page's own origin,
 * `/graphql/public` without a token (API Gateway's route with no authorizer) and `/graphql` with one,
 * and subscriptions over the WebSocket API (graphql-transport-ws, src/shared/api/live.ts).
 *
 * The token comes from the session (src/shared/session/), which renews it before it expires; an answer
 * that refuses it (HTTP 401, `UNAUTHENTICATED`, `SESSION_ENDED` as an error or as a field's problem
 * `errorCode`) ends the session with a sign-in prompt.
 * Nothing is retried with a refused token, so a refusal can never turn into a loop.
 */
import { Client, fetchExchange, mapExchange, subscriptionExchange, type Operation } from "@urql/core";
import { liveSubscriptions } from "./live";

export const GRAPHQL_PATH = "/graphql";
export const PUBLIC_GRAPHQL_PATH = "/graphql/public";
const REFUSALS = new Set(["UNAUTHENTICATED", "SESSION_ENDED"]);

export interface Session {
  /** The access token to send now (renewed first if it is about to expire); none when nobody is signed in. */
  accessToken: () => Promise<string | undefined>;
  /** The API or the socket refused the token: the page asks the person to sign in again. */
  onSignedOut: () => void;
}

export const ANONYMOUS: Session = { accessToken: async () => undefined, onSignedOut: () => undefined };

/** Operations sent without a token whoever is signed in (signing in, renewing the session). */
export const WITHOUT_TOKEN = { anonymous: true } as const;

/** An operation sent with this token rather than the session's (the sign-in page, before the session). */
export function withToken(token: string): { token: string } {
  return { token };
}

interface TokenContext {
  anonymous?: boolean;
  token?: string;
}

/** The operation's own choice of token, if it made one (anonymous: none). */
function ownToken(operation: Operation): { token: string | undefined } | undefined {
  const { anonymous, token } = operation.context as TokenContext;
  if (token) return { token };
  return anonymous ? { token: undefined } : undefined;
}

/** A top-level field answered with a problem whose code ends the session (the documents alias `code` as `errorCode`). */
function refusedInData(data: unknown): boolean {
  if (!data || typeof data !== "object") return false;
  return Object.values(data).some(
    (field) => typeof field === "object" && field !== null && REFUSALS.has(String((field as { errorCode?: unknown }).errorCode)),
  );
}

export function createApiClient(session: Session = ANONYMOUS): Client {
  return new Client({
    url: GRAPHQL_PATH,
    preferGetMethod: false,
    requestPolicy: "network-only",
    exchanges: [
      mapExchange({
        async onOperation(operation) {
          const token = (ownToken(operation) ?? { token: await session.accessToken() }).token;
          return {
            ...operation,
            context: {
              ...operation.context,
              url: token ? GRAPHQL_PATH : PUBLIC_GRAPHQL_PATH,
              fetchOptions: token ? { headers: { authorization: `Bearer ${token}` } } : {},
            },
          };
        },
        onResult(result) {
          if (ownToken(result.operation) || !result.operation.context.url?.endsWith(GRAPHQL_PATH)) return;
          const refused = result.error?.graphQLErrors.some((error) => REFUSALS.has(String(error.extensions?.["code"])));
          if (refused || refusedInData(result.data) || result.error?.response?.status === 401) session.onSignedOut();
        },
      }),
      fetchExchange,
      subscriptionExchange({ forwardSubscription: liveSubscriptions(session), enableAllOperations: false }),
    ],
  });
}
