/** The request's dated history on Madinah's wall clock, newest last, each event in words. */
import { useConsoleMessages } from "../../shared/i18n/centre";
import type { ConsoleMessages as Messages } from "../../shared/i18n/centre";
import { WallTime } from "../../shared/components/MadinahTime";
import type { AgencyName, CentreRequestFile } from "./types";

type EventName = keyof Messages["statuses"]["event"];

export function History({ request, agencyName }: { request: CentreRequestFile; agencyName: AgencyName }) {
  const { centre, statuses } = useConsoleMessages();
  const describe = (event: string) => statuses.event[(event in statuses.event ? event : "OTHER") as EventName];
  return (
    <section aria-labelledby="history-heading">
      <h2 class="heading-m" id="history-heading">
        {centre.request.historyHeading}
      </h2>
      <ol class="timeline">
        {request.history.map((entry, index) => (
          <li class="timeline__entry" key={`${entry.at}-${index}`}>
            <p class="timeline__what">
              {describe(entry.event)}
              {entry.agencyCode && ` — ${agencyName(entry.agencyCode)}`}
            </p>
            {entry.note && <p class="timeline__note">{entry.note}</p>}
            <WallTime value={entry.atMadinah} />
          </li>
        ))}
      </ol>
    </section>
  );
}
