/**
 * One document's way to the documents bucket: checked here first (type, size), its SHA-256 computed in
 * the browser (the upload form's condition, and what attachDocument verifies), then POSTed straight to
 * S3 with the presigned form's fields and the file last (multipart/form-data). XMLHttpRequest, not fetch:
 * only it reports the upload's progress. S3 answers the form with 204 (moto locally: 204 or 200).
 */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024; // functions/domain/upload_limits.py
const TYPES: Record<string, string[]> = {
  "application/pdf": [".pdf"],
  "image/jpeg": [".jpg", ".jpeg"],
  "image/png": [".png"],
};
export const ACCEPTED_FILES = Object.entries(TYPES)
  .flatMap(([type, extensions]) => [type, ...extensions])
  .join(",");

export type FileRefusal = "typeNotAllowed" | "tooLarge" | "empty";

/** The file's declared type: the browser's, else from its extension (some systems give no type). */
export function contentTypeOf(file: File): string | undefined {
  if (file.type in TYPES) return file.type;
  const name = file.name.toLowerCase();
  return Object.keys(TYPES).find((type) => TYPES[type]!.some((extension) => name.endsWith(extension)));
}

export function refusalOf(file: File): FileRefusal | undefined {
  if (!contentTypeOf(file)) return "typeNotAllowed";
  if (file.size === 0) return "empty";
  if (file.size > MAX_DOCUMENT_BYTES) return "tooLarge";
  return undefined;
}

export async function sha256Hex(file: File): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export interface UploadForm {
  url: string;
  fields: { name: string; value: string }[];
}

/** POST the file with the form; `onProgress` gets 0–100. Resolves true when the store took it. */
export function postToStorage(form: UploadForm, file: File, onProgress: (percent: number) => void): Promise<boolean> {
  const body = new FormData();
  for (const { name, value } of form.fields) body.append(name, value);
  body.append("file", file);
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", form.url);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => resolve(request.status >= 200 && request.status < 300);
    request.onerror = () => resolve(false);
    request.onabort = () => resolve(false);
    request.send(body);
  });
}
