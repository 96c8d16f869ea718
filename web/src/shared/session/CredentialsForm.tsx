/** The first step of signing in: the ID number and the password, with GOV.UK's error summary above. */
import { Form } from "../components/Form";
import { ErrorSummary, type FieldError } from "../components/ErrorSummary";
import { PasswordField } from "../components/PasswordField";
import { TextField } from "../components/TextField";
import { useSignInMessages } from "../i18n/signin";

export const ID_FIELD = "national-id";
export const PASSWORD_FIELD = "password";

export interface Credentials {
  nationalId: string;
  password: string;
}

interface CredentialsFormProps {
  value: Credentials;
  onValue: (value: Credentials) => void;
  errors: FieldError[];
  busy: boolean;
  onSubmit: () => void;
}

export function CredentialsForm({ value, onValue, errors, busy, onSubmit }: CredentialsFormProps) {
  const text = useSignInMessages().signIn;
  const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
  return (
    <Form busy={busy} onSubmit={onSubmit}>
      <ErrorSummary errors={errors} />
      <TextField
        id={ID_FIELD}
        label={text.idLabel}
        hint={text.idHint}
        error={errorOf(ID_FIELD)}
        value={value.nationalId}
        onValue={(nationalId) => onValue({ ...value, nationalId })}
        dir="ltr"
        inputMode="numeric"
        autoComplete="username"
      />
      <PasswordField
        id={PASSWORD_FIELD}
        label={text.passwordLabel}
        hint={text.passwordHint}
        error={errorOf(PASSWORD_FIELD)}
        value={value.password}
        onValue={(password) => onValue({ ...value, password })}
        autoComplete="current-password"
      />
      <p class="hint">{text.lockoutRule}</p>
      <button class="button" type="submit" aria-disabled={busy ? true : undefined}>
        {busy ? text.submitting : text.submit}
      </button>
    </Form>
  );
}
