/**
 * The frame of one GOV.UK form field: the label, the hint and the error, tied to the control by
 * `aria-describedby`, the group marked while in error. The control itself is the caller's, given the
 * attributes that tie it in (`FieldControl`).
 */
import type { ComponentChildren } from "preact";
import { useMessages } from "../i18n/language";

export interface FieldControl {
  id: string;
  name: string;
  "aria-describedby": string;
  "aria-invalid": true | undefined;
}

interface FieldProps {
  id: string;
  label: string;
  hint: ComponentChildren;
  error?: string | undefined;
  children: (control: FieldControl) => ComponentChildren;
}

export function Field({ id, label, hint, error, children }: FieldProps) {
  const { common } = useMessages();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div class={error ? "form-group form-group--error" : "form-group"}>
      <label class="label" for={id}>
        {label}
      </label>
      <div class="hint" id={hintId}>
        {hint}
      </div>
      {error && (
        <p class="error-message" id={errorId}>
          <span class="visually-hidden">{common.errorPrefix} </span>
          {error}
        </p>
      )}
      {children({
        id,
        name: id,
        "aria-describedby": error ? `${hintId} ${errorId}` : hintId,
        "aria-invalid": error ? true : undefined,
      })}
    </div>
  );
}
