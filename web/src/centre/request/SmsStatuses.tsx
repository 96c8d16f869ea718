/** The citizen's SMS about the request, each with how far it got (GOV.UK Notify's statuses, docs/sms.md). */
import { DateTime } from "../../shared/components/DateTime";
import { useConsoleMessages } from "../../shared/i18n/centre";
import type { CentreRequestFile } from "./types";

export function SmsStatuses({ request }: { request: CentreRequestFile }) {
  const { centre } = useConsoleMessages();
  const text = centre.request;
  return (
    <section aria-labelledby="sms-heading">
      <h2 class="heading-m" id="sms-heading">
        {text.smsHeading}
      </h2>
      {request.sms.length === 0 && <p>{text.smsNone}</p>}
      {request.sms.length > 0 && (
        <ul class="sms-statuses" id="request-sms">
          {request.sms.map((sms) => (
            <li key={sms.event}>
              {centre.calls.template[sms.template] ?? sms.template}:{" "}
              <strong class={`tag tag--sms-${sms.status.toLowerCase()}`}>{centre.calls.delivery[sms.status]}</strong>
              {sms.onCallList && <strong class="tag tag--sms-permanent_failure"> {text.smsOnCallList}</strong>}
              {sms.statusAtMadinah && (
                <span class="item-list__meta">
                  {" "}
                  — <DateTime value={sms.statusAtMadinah.at} />
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
