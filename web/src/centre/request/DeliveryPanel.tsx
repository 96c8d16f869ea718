/** A finished transaction back at the centre: call the citizen, hand it over, confirm the delivery. */
import { useClient } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { useConsoleMessages } from "../../shared/i18n/centre";
import { ConfirmDeliveryDocument } from "../../generated/graphql";
import type { CentreRequestFile } from "./types";
import { useChange } from "./useChange";

export function DeliveryPanel({ request, onChanged }: { request: CentreRequestFile; onChanged: () => void }) {
  const client = useClient();
  const { centre } = useConsoleMessages();
  const text = centre.request;
  const change = useChange(onChanged);
  return (
    <section class="panel panel--done" aria-labelledby="completed-heading">
      <h2 class="heading-m" id="completed-heading">
        {text.completedHeading}
      </h2>
      <p>{text.callCitizen(request.citizen?.mobile ?? "")}</p>
      {change.problem && <p class="error-message">{change.problem}</p>}
      <button
        class="button"
        type="button"
        aria-disabled={change.busy ? true : undefined}
        onClick={() =>
          void change.run(async () => (await client.mutation(trusted(ConfirmDeliveryDocument), { requestId: request.id }).toPromise()).data?.confirmDelivery)
        }
      >
        {change.busy ? text.confirming : text.confirmDelivery}
      </button>
    </section>
  );
}
