/** A request an agency returned for missing items: what it asked for, the documents to upload again
 * (verified like at filing), and the resubmission (the documents attached last are the ones filed). */
import { useState } from "preact/hooks";
import { useClient } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { useConsoleMessages } from "../../shared/i18n/centre";
import { useLocalized } from "../../shared/i18n/language";
import { ResubmitRequestDocument } from "../../generated/graphql";
import { DocumentUploads, type DocumentSlot } from "../components/DocumentUploads";
import type { AgencyName, CentreRequestFile } from "./types";
import { useChange } from "./useChange";

interface ReturnedPanelProps {
  request: CentreRequestFile;
  documents: { code: string; name: { ar: string; en: string } }[];
  agencyName: AgencyName;
  onChanged: () => void;
}

export function ReturnedPanel({ request, documents, agencyName, onChanged }: ReturnedPanelProps) {
  const client = useClient();
  const { centre } = useConsoleMessages();
  const localized = useLocalized();
  const text = centre.request;
  const [slots, setSlots] = useState<Record<string, DocumentSlot>>({});
  const change = useChange(onChanged);
  const returned = request.handoffs.filter((handoff) => handoff.decision === "RETURNED").at(-1);
  const typeName = new Map(documents.map((document) => [document.code, localized(document.name)]));
  const uploading = Object.values(slots).some((slot) => slot.state !== "ATTACHED" && slot.state !== "REFUSED");
  return (
    <section class="panel" aria-labelledby="returned-heading">
      <h2 class="heading-m" id="returned-heading">
        {text.returnedHeading}
      </h2>
      {returned && (
        <>
          <p>{text.returnedBy(agencyName(returned.agencyCode))}</p>
          <p class="label">{text.missing}</p>
          <ul class="missing-items">
            {returned.missingItems.map((item) => (
              <li key={item}>{typeName.get(item) ?? item}</li>
            ))}
          </ul>
          {returned.note && <p>{returned.note}</p>}
        </>
      )}
      <p class="hint">{text.uploadMissing}</p>
      <DocumentUploads
        documents={documents}
        target={{ requestId: request.id }}
        slots={slots}
        update={(code, slot) => setSlots((current) => ({ ...current, [code]: slot }))}
        errors={{}}
      />
      {change.problem && <p class="error-message">{change.problem}</p>}
      <button
        class="button"
        type="button"
        aria-disabled={change.busy || uploading ? true : undefined}
        onClick={() => {
          if (uploading) return;
          void change.run(async () => (await client.mutation(trusted(ResubmitRequestDocument), { requestId: request.id }).toPromise()).data?.resubmitRequest);
        }}
      >
        {change.busy ? text.resubmitting : text.resubmit}
      </button>
    </section>
  );
}
