/**
 * The documents a service lists, one file input each: the file is checked, fingerprinted, uploaded
 * straight to the documents bucket with a presigned form (progress shown), then verified by the API
 * (attachDocument: size, SHA-256, type by its bytes). Only a verified document counts; each state is said
 * in words. For a filing being prepared (the draft: the filing's idempotency key) or a returned request.
 */
import { useClient } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { decimal } from "../../shared/format/intl";
import { useConsoleLanguage } from "../../shared/i18n/centre";
import { useLocalized } from "../../shared/i18n/language";
import { AttachDocumentDocument, RequestDocumentUploadDocument, type DraftInput } from "../../generated/graphql";
import { ACCEPTED_FILES, contentTypeOf, postToStorage, refusalOf, sha256Hex } from "../file/upload";

export type SlotState = "EMPTY" | "CHECKING" | "UPLOADING" | "VERIFYING" | "ATTACHED" | "REFUSED";

export interface DocumentSlot {
  state: SlotState;
  percent: number;
  documentId?: string;
  fileName?: string;
  sizeBytes?: number;
  problem?: string;
}

export const EMPTY_SLOT: DocumentSlot = { state: "EMPTY", percent: 0 };

interface DocumentUploadsProps {
  documents: { code: string; name: { ar: string; en: string } }[];
  target: { draft: DraftInput } | { requestId: string };
  slots: Record<string, DocumentSlot>;
  update: (code: string, slot: DocumentSlot) => void;
  errors: Record<string, string>;
}

export const documentField = (code: string) => `document-${code.toLowerCase()}`;

export function DocumentUploads({ documents, target, slots, update, errors }: DocumentUploadsProps) {
  const client = useClient();
  const { language, messages } = useConsoleLanguage();
  const localized = useLocalized();
  const text = messages.centre.upload;

  const upload = async (code: string, file: File) => {
    const refusal = refusalOf(file);
    const base = { fileName: file.name, sizeBytes: file.size, percent: 0 };
    if (refusal) return update(code, { ...base, state: "REFUSED", problem: text[refusal] });
    update(code, { ...base, state: "CHECKING" });
    const declared = {
      documentType: code,
      fileName: file.name,
      contentType: contentTypeOf(file)!,
      sizeBytes: file.size,
      sha256: await sha256Hex(file),
      ...target,
    };
    const asked = await client.mutation(trusted(RequestDocumentUploadDocument), { input: declared }).toPromise();
    const form = asked.data?.requestDocumentUpload;
    if (form?.__typename !== "DocumentUpload") {
      const problem = form && "message" in form ? localized(form.message) : messages.common.unreachable;
      return update(code, { ...base, state: "REFUSED", problem });
    }
    update(code, { ...base, state: "UPLOADING" });
    const stored = await postToStorage(form, file, (percent) => update(code, { ...base, state: "UPLOADING", percent }));
    if (!stored) return update(code, { ...base, state: "REFUSED", problem: text.storageRefused });
    update(code, { ...base, state: "VERIFYING", percent: 100 });
    const attached = await client.mutation(trusted(AttachDocumentDocument), { documentId: form.document.id }).toPromise();
    const verified = attached.data?.attachDocument;
    if (verified?.__typename === "RequestDocument") {
      return update(code, { ...base, percent: 100, state: "ATTACHED", documentId: verified.id });
    }
    const problem = verified && "message" in verified ? localized(verified.message) : messages.common.unreachable;
    update(code, { ...base, state: "REFUSED", problem });
  };

  return (
    <ul class="uploads">
      {documents.map((document) => {
        const slot = slots[document.code] ?? EMPTY_SLOT;
        const id = documentField(document.code);
        const name = localized(document.name);
        const error = errors[id];
        const busy = slot.state === "CHECKING" || slot.state === "UPLOADING" || slot.state === "VERIFYING";
        return (
          <li class={error ? "uploads__item form-group--error" : "uploads__item"} key={document.code}>
            <label class="label" for={id}>
              {name}
            </label>
            {error && (
              <p class="error-message" id={`${id}-error`}>
                <span class="visually-hidden">{messages.common.errorPrefix} </span>
                {error}
              </p>
            )}
            <input
              class="file-input"
              type="file"
              id={id}
              name={id}
              accept={ACCEPTED_FILES}
              disabled={busy}
              aria-describedby={error ? `${id}-state ${id}-error` : `${id}-state`}
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                if (file) void upload(document.code, file);
              }}
            />
            <div class="uploads__state" id={`${id}-state`} aria-live="polite">
              <strong class={`tag tag--upload-${slot.state.toLowerCase()}`}>{text.states[slot.state]}</strong>
              {slot.state === "UPLOADING" && (
                <>
                  {" "}
                  <progress max={100} value={slot.percent} aria-label={name}>
                    {text.progress(slot.percent)}
                  </progress>{" "}
                  {text.progress(slot.percent)}
                </>
              )}
              {slot.state === "ATTACHED" && slot.fileName && slot.sizeBytes !== undefined && (
                <span class="uploads__detail">
                  {" "}
                  {text.verifiedDetail(slot.fileName, text.bytes(decimal(slot.sizeBytes / 1024, language)))}
                </span>
              )}
              {slot.state === "REFUSED" && slot.problem && <span class="uploads__detail"> {slot.problem}</span>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
