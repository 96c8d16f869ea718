/** Where the file is now: each agency that has it, its step in words, and when it is due (Madinah's wall clock). */
import { DueTime } from "../../shared/components/MadinahTime";
import { useMessages } from "../../shared/i18n/language";
import { useMyMessages } from "../../shared/i18n/me";
import type { MyRequestQuery } from "../../generated/graphql";

type Request = Extract<NonNullable<MyRequestQuery["request"]>, { __typename: "ServiceRequest" }>;

export function WhereNow({ steps, agencyName }: { steps: Request["whereNow"]; agencyName: (code: string) => string }) {
  const { statuses } = useMessages();
  const text = useMyMessages().request;
  return (
    <section aria-labelledby="where-now">
      <h2 class="heading-m" id="where-now">
        {text.whereNowHeading}
      </h2>
      {steps.length === 0 ? (
        <p>{text.whereNowNone}</p>
      ) : (
        <ul class="where-now">
          {steps.map((step) => (
            <li class={`route__step route__step--${step.status.toLowerCase()}`} key={`${step.stage}-${step.agencyCode}`}>
              <p class="route__agency">{agencyName(step.agencyCode)}</p>
              <p>
                {text.stage(step.stage)} · <strong>{statuses.step[step.status]}</strong>
              </p>
              <p>
                <DueTime value={step.dueAtMadinah} overdue={step.overdue} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export type { Request };
