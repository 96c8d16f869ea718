/** The open steps: which agency has the file, in what state, and by when (working time, the API's). */
import { useConsoleLanguage } from "../../shared/i18n/centre";
import { DueTime } from "../../shared/components/MadinahTime";
import { relativeTime } from "../../shared/format/intl";
import type { AgencyName, CentreRequestFile } from "./types";

export function WhereNow({ request, agencyName }: { request: CentreRequestFile; agencyName: AgencyName }) {
  const { language, messages } = useConsoleLanguage();
  const { centre, statuses } = messages;
  return (
    <section aria-labelledby="where-heading">
      <h2 class="heading-m" id="where-heading">
        {centre.request.whereNow}
      </h2>
      {request.whereNow.length === 0 ? (
        <p>{centre.request.noOpenSteps}</p>
      ) : (
        <ul class="route__steps where-now">
          {request.whereNow.map((step) => (
            <li class={`route__step route__step--${step.status.toLowerCase()}`} key={step.agencyCode}>
              <p class="route__agency">{agencyName(step.agencyCode)}</p>
              <p>
                <strong class={`tag tag--${step.status.toLowerCase()}`}>{statuses.step[step.status]}</strong>
              </p>
              <p>
                <DueTime value={step.dueAtMadinah} overdue={step.overdue} />{" "}
                <span class="due__relative">— {relativeTime(step.dueAt, language)}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
