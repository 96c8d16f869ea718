/**
 * A request's dated history, oldest first: what happened, at which agency, on Madinah's wall clock with
 * the Hijri day (the API's). The tracker and the signed-in request page both show it.
 */
import { WallTime, type WallClock } from "../../shared/components/MadinahTime";
import { useMessages } from "../../shared/i18n/language";

/** The events whose note is for the citizen: what is missing, why it was refused or cancelled. */
const EXPLAINED = new Set(["RETURNED", "REJECTED", "CANCELLED"]);

export interface HistoryEntry {
  event: string;
  agencyCode: string | null;
  note?: string | null;
  atMadinah: WallClock;
}

interface RequestTimelineProps {
  heading: string;
  history: HistoryEntry[];
  agencyName: (code: string) => string;
}

export function RequestTimeline({ heading, history, agencyName }: RequestTimelineProps) {
  const { statuses } = useMessages();
  const said = (event: string) => (statuses.event as Record<string, string>)[event] ?? statuses.event.OTHER;
  return (
    <section aria-labelledby="history-heading">
      <h2 class="heading-m" id="history-heading">
        {heading}
      </h2>
      <ol class="timeline">
        {history.map((entry, index) => (
          <li class="timeline__entry" key={`${entry.atMadinah.at}-${index}`}>
            <p class="timeline__what">
              {said(entry.event)}
              {entry.agencyCode && ` — ${agencyName(entry.agencyCode)}`}
            </p>
            <WallTime value={entry.atMadinah} />
            {entry.note && EXPLAINED.has(entry.event) && (
              <p class="timeline__note" dir="auto">
                {entry.note}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
