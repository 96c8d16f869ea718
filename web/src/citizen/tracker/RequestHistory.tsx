/** The request's dated history, newest last, each event in words with its agency. */
import { DateTime } from "../../shared/components/DateTime";
import { useMessages } from "../../shared/i18n/language";
import type { Messages } from "../../shared/i18n/catalogue";
import type { TrackedRequest } from "./routeSteps";

type EventName = keyof Messages["statuses"]["event"];

export function RequestHistory({ history, agencyName }: { history: TrackedRequest["history"]; agencyName: (code: string) => string }) {
  const { citizen, statuses } = useMessages();
  const describe = (event: string) => statuses.event[(event in statuses.event ? event : "OTHER") as EventName];
  return (
    <section aria-labelledby="history-heading">
      <h2 class="heading-m" id="history-heading">
        {citizen.tracker.historyHeading}
      </h2>
      <ol class="timeline">
        {history.map((entry, index) => (
          <li class="timeline__entry" key={`${entry.at}-${index}`}>
            <p class="timeline__what">
              {describe(entry.event)}
              {entry.agencyCode && ` — ${agencyName(entry.agencyCode)}`}
            </p>
            <DateTime value={entry.at} />
          </li>
        ))}
      </ol>
    </section>
  );
}
