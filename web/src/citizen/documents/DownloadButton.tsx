/**
 * Download one of the citizen's documents: the API makes a short-lived link when the button is pressed
 * (never before: it would expire on the page), and the browser fetches it (the link says "attachment",
 * so the page stays where it is).
 */
import { useState } from "preact/hooks";
import { useClient } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { useMyMessages } from "../../shared/i18n/me";
import { MyDocumentDownloadDocument } from "../../generated/graphql";

export function DownloadButton({ documentId, name }: { documentId: string; name: string }) {
  const client = useClient();
  const text = useMyMessages().documents;
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");
  const download = async () => {
    if (state === "busy") return;
    setState("busy");
    const result = await client.query(trusted(MyDocumentDownloadDocument), { documentId }).toPromise();
    const answer = result.data?.documentDownload;
    if (answer?.__typename !== "DocumentDownload") {
      setState("failed");
      return;
    }
    setState("idle");
    window.location.assign(answer.url);
  };
  return (
    <>
      <button
        class="button button--secondary button--small"
        type="button"
        aria-disabled={state === "busy" ? true : undefined}
        onClick={() => void download()}
      >
        {state === "busy" ? text.downloading : text.download(name)}
      </button>
      {state === "failed" && (
        <p class="error-message" role="alert">
          {text.failed}
        </p>
      )}
    </>
  );
}
