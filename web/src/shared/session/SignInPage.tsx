/**
 * /sign-in — everyone signs in here: the national ID or Iqama number and the password; at the first
 * sign-in (`NewPasswordRequired`) the person then sets their own password (`completeNewPassword`).
 * The API tells who the token belongs to (`me`), and the person goes to their role's pages, or back to
 * the page they were sent from (`?next=`, only one of their role's). `?reason=` says why they are here
 * again (expired, idle, signed out). Nothing here sends a token, so a refused one cannot loop.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { useClient } from "@urql/preact";
import type { FieldError } from "../components/ErrorSummary";
import { Notice } from "../components/Notice";
import { PageLayout } from "../components/PageLayout";
import { trusted } from "../api/documents";
import { waitUntil } from "../format/intl";
import { WITHOUT_TOKEN } from "../api/client";
import { useLanguage, useLocalized } from "../i18n/language";
import { useSignInMessages } from "../i18n/signin";
import { CompleteNewPasswordDocument, SignInDocument } from "../../generated/graphql";
import { CredentialsForm, ID_FIELD, PASSWORD_FIELD, type Credentials } from "./CredentialsForm";
import { NEW_PASSWORD_FIELD, NewPasswordForm } from "./NewPasswordForm";
import { idProblem, newPasswordProblem, normalisedId } from "./credentials";
import { sessionFor, type Tokens } from "./profile";
import { afterSignIn, HOME, isSignOutReason } from "./roles";
import { useSession } from "./SessionProvider";

type Step =
  | { kind: "credentials"; errors: FieldError[] }
  | { kind: "new-password"; nationalId: string; challenge: string; temporary: string; errors: FieldError[] };

interface Problem {
  errorCode: string;
  field?: string | null;
  message: { ar: string; en: string };
}

const FIELD_OF_API: Record<string, string> = {
  nationalId: ID_FIELD,
  password: PASSWORD_FIELD,
  newPassword: NEW_PASSWORD_FIELD,
};

export default function SignInPage() {
  const client = useClient();
  const { messages, language } = useLanguage();
  const localized = useLocalized();
  const { current, begin } = useSession();
  const text = useSignInMessages();
  const query = new URLSearchParams(window.location.search);
  const reason = query.get("reason");
  const [credentials, setCredentials] = useState<Credentials>({ nationalId: "", password: "" });
  const [newPassword, setNewPassword] = useState("");
  const [step, setStep] = useState<Step>({ kind: "credentials", errors: [] });
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (current) window.location.replace(HOME[current.role]); // already signed in on this tab
  }, []);
  useEffect(() => {
    if (step.kind === "new-password") heading.current?.focus();
  }, [step.kind]);

  const problemAt = (problem: Problem, fallbackField: string): FieldError => {
    const known: Record<string, string> = {
      SIGN_IN_FAILED: text.signIn.failed,
      PASSWORD_TOO_WEAK: text.newPassword.tooWeak,
    };
    return {
      field: (problem.field && FIELD_OF_API[problem.field]) || fallbackField,
      message: known[problem.errorCode] ?? localized(problem.message),
    };
  };

  const enter = async (tokens: Tokens) => {
    const session = await sessionFor(client, tokens);
    if (!session) {
      setBusy(false);
      setStep({ kind: "credentials", errors: [{ field: ID_FIELD, message: text.signIn.noProfile }] });
      return;
    }
    begin(session);
    window.location.assign(afterSignIn(session.role, query.get("next")));
  };

  const unreachable = (field: string, networkError: unknown): FieldError => ({
    field,
    message: networkError ? messages.common.unreachable : messages.common.unexpected,
  });

  const signIn = async () => {
    const nationalId = normalisedId(credentials.nationalId);
    const idError = idProblem(nationalId);
    const errors: FieldError[] = [
      ...(idError ? [{ field: ID_FIELD, message: text.signIn[idError] }] : []),
      ...(credentials.password ? [] : [{ field: PASSWORD_FIELD, message: text.signIn.passwordMissing }]),
    ];
    if (errors.length) {
      setStep({ kind: "credentials", errors });
      return;
    }
    setBusy(true);
    const result = await client
      .mutation(trusted(SignInDocument), { nationalId, password: credentials.password }, WITHOUT_TOKEN)
      .toPromise();
    const answer = result.data?.signIn;
    if (answer?.__typename === "SignedIn") return enter(answer);
    setBusy(false);
    if (answer?.__typename === "TryLater") {
      setStep({ kind: "credentials", errors: [{ field: ID_FIELD, message: text.signIn.tryLater(waitUntil(answer.retryAfter, language)) }] });
      return;
    }
    if (answer?.__typename === "NewPasswordRequired") {
      setStep({ kind: "new-password", nationalId, challenge: answer.session, temporary: credentials.password, errors: [] });
      setCredentials({ nationalId, password: "" });
      return;
    }
    setCredentials({ ...credentials, password: "" });
    const error = answer ? problemAt(answer, ID_FIELD) : unreachable(ID_FIELD, result.error?.networkError);
    setStep({ kind: "credentials", errors: [error] });
  };

  const complete = async () => {
    if (step.kind !== "new-password") return;
    const problem = newPasswordProblem(newPassword, step.temporary);
    if (problem) {
      setStep({ ...step, errors: [{ field: NEW_PASSWORD_FIELD, message: text.newPassword[problem] }] });
      return;
    }
    setBusy(true);
    const result = await client
      .mutation(
        trusted(CompleteNewPasswordDocument),
        { nationalId: step.nationalId, session: step.challenge, newPassword },
        WITHOUT_TOKEN,
      )
      .toPromise();
    const answer = result.data?.completeNewPassword;
    if (answer?.__typename === "SignedIn") return enter(answer);
    setBusy(false);
    if (answer?.errorCode === "SIGN_IN_FAILED") {
      // Cognito's challenge lasts minutes: start again with the temporary password
      setNewPassword("");
      setStep({ kind: "credentials", errors: [{ field: PASSWORD_FIELD, message: text.newPassword.tookTooLong }] });
      return;
    }
    const error = answer ? problemAt(answer, NEW_PASSWORD_FIELD) : unreachable(NEW_PASSWORD_FIELD, result.error?.networkError);
    setStep({ ...step, errors: [error] });
  };

  if (step.kind === "new-password") {
    return (
      <PageLayout title={text.newPassword.title}>
        <h1 class="heading-xl" ref={heading} tabIndex={-1}>
          {text.newPassword.title}
        </h1>
        <p class="lead">{text.newPassword.intro}</p>
        <NewPasswordForm
          nationalId={step.nationalId}
          value={newPassword}
          onValue={setNewPassword}
          errors={step.errors}
          busy={busy}
          onSubmit={() => void complete()}
        />
      </PageLayout>
    );
  }
  const said = isSignOutReason(reason) ? text.reasons[reason] : null;
  return (
    <PageLayout title={text.signIn.title}>
      <h1 class="heading-xl">{text.signIn.title}</h1>
      {said && (
        <Notice heading={said.heading}>
          <p>{said.body}</p>
        </Notice>
      )}
      <p class="lead">{text.signIn.intro}</p>
      <CredentialsForm
        value={credentials}
        onValue={setCredentials}
        errors={step.errors}
        busy={busy}
        onSubmit={() => void signIn()}
      />
    </PageLayout>
  );
}
