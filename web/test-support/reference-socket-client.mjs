/**
 * The reference graphql-transport-ws client (`graphql-ws`, as the pages bundle it) with its default
 * settings, against the API's WebSocket endpoint: what a client does when its token is refused.
 * Run by tests/e2e/test_reference_socket_client.py:
 *
 *   node reference-socket-client.mjs <ws url> <token> <seconds> <lazy|eager>
 *
 * It subscribes (lazy: a subscription keeps it connected; eager: `lazy: false`), watches for the given
 * seconds, and prints what happened as JSON: connection attempts, close codes, the subscription's end.
 */
import { createClient } from "graphql-ws";

const [url, token, seconds, mode] = process.argv.slice(2);
const seen = { attempts: 0, closeCodes: [], refusals: [], subscriptionError: null, nonLazyError: null };

process.on("unhandledRejection", () => undefined); // dispose() at the end rejects what was still pending

const client = createClient({
  url,
  lazy: mode !== "eager",
  connectionParams: { authorization: `Bearer ${token}` },
  onNonLazyError: (error) => {
    seen.nonLazyError = String(error?.message ?? error?.code ?? error);
  },
  on: {
    connecting: () => {
      seen.attempts += 1;
    },
    closed: (event) => seen.closeCodes.push(event?.code ?? null),
    message: (message) => {
      if (message.type === "error") seen.refusals.push(message.payload.map((error) => error.extensions?.code));
    },
  },
});
if (mode !== "eager") {
  client.subscribe(
    { query: 'subscription { requestUpdates(requestId: "any") { kind } }' },
    {
      next: () => undefined,
      error: (error) => {
        seen.subscriptionError = String(error?.message ?? error?.code ?? error);
      },
      complete: () => undefined,
    },
  );
}
setTimeout(async () => {
  process.stdout.write(`${JSON.stringify(seen)}\n`);
  await client.dispose();
  process.exit(0);
}, Number(seconds) * 1000);
