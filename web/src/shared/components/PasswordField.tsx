/**
 * A password input (GOV.UK's password input): label, hint, error, and a button that shows or hides
 * what was typed (announced), so nobody needs a "confirm password" field. The hint may be a list of
 * rules, tied to the input like any hint.
 */
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { useMessages } from "../i18n/language";
import { Field } from "./Field";

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
  const { session } = useMessages();
  const [shown, setShown] = useState(false);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(control) => {
        const input = {
          ...control,
          class: "input input--medium",
          value,
          onInput: (event: Event) => onValue((event.currentTarget as HTMLInputElement).value),
          dir: "ltr" as const,
          autoComplete,
          spellcheck: false,
          autoCapitalize: "none" as const,
        };
        return (
          <>
            <div class="password-input">
              {shown ? <input {...input} type="text" /> : <input {...input} type="password" />}
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
          </>
        );
      }}
    </Field>
  );
}
