/**
 * The one GraphQL client of the pages (urql): trusted documents by id over HTTP on the page's own origin,
 * `/graphql/public` without a token (API Gateway's route with no authorizer) and `/graphql` with one,
 * and subscriptions over the WebSocket API (graphql-transport-ws, src/shared/api/live.ts).
 */
import { Client, fetchExchange, mapExchange, subscriptionExchange } from "@urql/core";
import { liveSubscriptions } from "./live";

export const GRAPHQL_PATH = "/graphql";
export const PUBLIC_GRAPHQL_PATH = "/graphql/public";

export interface Session {
  /** The access token of the person signed in on this page, if anyone is. */
  accessToken: () => string | undefined;
  /** Called when the API or the socket refuses the token: the page asks the person to sign in again. */
  onSignedOut: () => void;
}

export const ANONYMOUS: Session = { accessToken: () => undefined, onSignedOut: () => undefined };

export function createApiClient(session: Session = ANONYMOUS): Client {
  return new Client({
    url: GRAPHQL_PATH,
    preferGetMethod: false,
    requestPolicy: "network-only",
    exchanges: [
      mapExchange({
        onOperation(operation) {
          const token = session.accessToken();
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
          const refused = result.error?.graphQLErrors.some((error) =>
            ["UNAUTHENTICATED", "SESSION_ENDED"].includes(String(error.extensions?.["code"])),
          );
          if (refused || result.error?.response?.status === 401) session.onSignedOut();
        },
      }),
      fetchExchange,
      subscriptionExchange({ forwardSubscription: liveSubscriptions(session), enableAllOperations: false }),
    ],
  });
}
