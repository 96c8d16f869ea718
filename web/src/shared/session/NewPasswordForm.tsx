/** The first sign-in's second step: the person's own password, the rules shown as the field's hint. */
import { Form } from "../components/Form";
import { ErrorSummary, type FieldError } from "../components/ErrorSummary";
import { PasswordField } from "../components/PasswordField";
import { useSignInMessages } from "../i18n/signin";

export const NEW_PASSWORD_FIELD = "new-password";

interface NewPasswordFormProps {
  /** The account's ID number, for the browser's password manager to file the new password under. */
  nationalId: string;
  value: string;
  onValue: (value: string) => void;
  errors: FieldError[];
  busy: boolean;
  onSubmit: () => void;
}

export function NewPasswordForm({ nationalId, value, onValue, errors, busy, onSubmit }: NewPasswordFormProps) {
  const { newPassword: text, signIn } = useSignInMessages();
  return (
    <Form busy={busy} onSubmit={onSubmit}>
      <ErrorSummary errors={errors} />
      <input type="text" name="username" autoComplete="username" value={nationalId} readOnly hidden />
      <PasswordField
        id={NEW_PASSWORD_FIELD}
        label={text.label}
        hint={
          <>
            <span class="hint__heading">{text.rulesHeading}</span>
            <ul class="list">
              {text.rules.map((rule) => (
                <li key={rule}>{rule}</li>
              ))}
            </ul>
          </>
        }
        error={errors.find((error) => error.field === NEW_PASSWORD_FIELD)?.message}
        value={value}
        onValue={onValue}
        autoComplete="new-password"
      />
      <button class="button" type="submit" aria-disabled={busy ? true : undefined}>
        {busy ? signIn.submitting : text.submit}
      </button>
    </Form>
  );
}
