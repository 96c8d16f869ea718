/**
 * /centre/requests — the centre's requests of the last 30 days, newest first, filtered by status
 * (`?status=`): the ones still moving followed live with their due time; each update announced.
 */
import { useEffect, useState } from "preact/hooks";
import { useClient } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { useConsoleLanguage } from "../../shared/i18n/centre";
import { CentreRequestsDocument, type CentreRequestsQuery, type RequestStatus } from "../../generated/graphql";
import { ConsoleFrame } from "../ConsoleFrame";
import { RequestRow } from "./RequestRow";
import { STATUSES, isStatus } from "./openStatuses";
import { useServiceNames } from "./useServiceNames";

type Summary = CentreRequestsQuery["centreRequests"]["items"][number];

const PAGE_SIZE = 20;
const DAY_MS = 24 * 60 * 60 * 1000;

export default function RequestsPage() {
  const { messages } = useConsoleLanguage();
  return (
    <ConsoleFrame title={messages.centre.requests.title} section="requests">
      {() => <CentreRequests />}
    </ConsoleFrame>
  );
}

function CentreRequests() {
  const client = useClient();
  const { messages } = useConsoleLanguage();
  const text = messages.centre.requests;
  const serviceName = useServiceNames();
  const wanted = new URLSearchParams(window.location.search).get("status");
  const status: RequestStatus | null = isStatus(wanted) ? wanted : null;
  const [items, setItems] = useState<Summary[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");

  const load = async (after: string | null) => {
    const now = Date.now();
    const result = await client
      .query(trusted(CentreRequestsDocument), {
        since: new Date(now - 30 * DAY_MS).toISOString(),
        until: new Date(now + DAY_MS).toISOString(),
        status,
        first: PAGE_SIZE,
        after,
      })
      .toPromise();
    const page = result.data?.centreRequests;
    setItems((current) => [...(after ? (current ?? []) : []), ...(page?.items ?? [])]);
    setCursor(page?.nextCursor ?? null);
  };
  useEffect(() => {
    void load(null);
  }, [status]);

  return (
    <>
      <h1 class="heading-xl">{text.title}</h1>
      <p class="lead">{text.intro}</p>
      <form method="get" class="filter">
        <div class="form-group">
          <label class="label" for="status">
            {text.filterLabel}
          </label>
          <select class="select" id="status" name="status" defaultValue={status ?? ""}>
            <option value="">{text.filterAll}</option>
            {STATUSES.map((option) => (
              <option value={option} key={option}>
                {messages.statuses.request[option]}
              </option>
            ))}
          </select>
        </div>
        <button class="button button--secondary" type="submit">
          {text.filter}
        </button>
      </form>
      <p class="live-indicator">
        <span class="live-indicator__dot" aria-hidden="true" /> {text.live} — {text.liveHint}
      </p>
      <p class="visually-hidden" aria-live="polite" id="requests-announcement">
        {announcement}
      </p>
      {items === null && <p>{messages.common.loading}</p>}
      {items?.length === 0 && <p>{text.empty}</p>}
      {items && items.length > 0 && (
        <table class="requests">
          <caption class="visually-hidden">{text.title}</caption>
          <thead>
            <tr>
              <th scope="col">{text.number}</th>
              <th scope="col">{text.service}</th>
              <th scope="col">{text.status}</th>
              <th scope="col">{text.filed}</th>
              <th scope="col">{text.due}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((summary) => (
              <RequestRow
                key={summary.id}
                summary={summary}
                serviceName={serviceName(summary.serviceCode)}
                onUpdate={(number, changed) => setAnnouncement(text.updated(number, messages.statuses.request[changed]))}
              />
            ))}
          </tbody>
        </table>
      )}
      {cursor && (
        <button class="button button--secondary" type="button" onClick={() => void load(cursor)}>
          {text.more}
        </button>
      )}
    </>
  );
}
