/**
 * A password input (GOV.UK's password input): label, hint, error, and a button that shows or hides
 * what was typed (announced), so nobody needs a "confirm password" field. The hint may be a list of
 * rules, tied to the input like any hint.
 */
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { useMessages } from "../i18n/language";

interface PasswordFieldProps {
  id: string;
  label: string;
  hint: ComponentChildren;
  error?: string | undefined;
  value: string;
  onValue: (value: string) => void;
  autoComplete: "current-password" | "new-password";
}

export function PasswordField({ id, label, hint, error, value, onValue, autoComplete }: PasswordFieldProps) {
  const { common, session } = useMessages();
  const [shown, setShown] = useState(false);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const inputProps = {
    class: "input input--medium",
    id,
    name: id,
    value,
    onInput: (event: Event) => onValue((event.currentTarget as HTMLInputElement).value),
    "aria-describedby": error ? `${hintId} ${errorId}` : hintId,
    "aria-invalid": error ? true : undefined,
    dir: "ltr" as const,
    autoComplete,
    spellcheck: false,
    autoCapitalize: "none" as const,
  };
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
      <div class="password-input">
        {shown ? <input {...inputProps} type="text" /> : <input {...inputProps} type="password" />}
        <button
          type="button"
          class="button button--secondary password-input__toggle"
          aria-controls={id}
          aria-pressed={shown}
          onClick={() => setShown(!shown)}
        >
          {shown ? session.hidePassword : session.showPassword}
        </button>
      </div>
      <span class="visually-hidden" aria-live="polite">
        {shown ? session.passwordShown : session.passwordHidden}
      </span>
    </div>
  );
}
