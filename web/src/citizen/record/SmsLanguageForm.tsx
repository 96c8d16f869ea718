/** The citizen's own choice of the language of their text messages (the centre chose it when it opened
 * the record): one question, the current language chosen, a confirmation once saved; the page then reads
 * the record again (`onChanged`), so its summary says the new language. */
import { useState } from "preact/hooks";
import { useClient } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { ErrorSummary } from "../../shared/components/ErrorSummary";
import { Form } from "../../shared/components/Form";
import { Radios } from "../../shared/components/Radios";
import { useLanguage, useLocalized } from "../../shared/i18n/language";
import { useMyMessages } from "../../shared/i18n/me";
import { SMS_LANGUAGES, smsLanguage } from "../../shared/sms/languages";
import { ChangeMyLanguageDocument, type Language } from "../../generated/graphql";

const FIELD = "sms-language";

export function SmsLanguageForm({ current, onChanged }: { current: Language; onChanged: () => void }) {
  const client = useClient();
  const { messages } = useLanguage();
  const localized = useLocalized();
  const text = useMyMessages().record;
  const [chosen, setChosen] = useState<Language>(current);
  const [saved, setSaved] = useState<Language | null>(null);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  const send = async () => {
    setBusy(true);
    const result = await client.mutation(trusted(ChangeMyLanguageDocument), { language: chosen }).toPromise();
    setBusy(false);
    const answer = result.data?.changeMyLanguage;
    if (answer?.__typename === "CitizenRecord") {
      setSaved(answer.language);
      setError("");
      onChanged();
      return;
    }
    setSaved(null);
    if (answer) setError(localized(answer.message));
    else setError(result.error?.networkError ? messages.common.unreachable : messages.common.unexpected);
  };

  return (
    <Form busy={busy} onSubmit={() => void send()}>
      <ErrorSummary errors={error ? [{ field: FIELD, message: error }] : []} />
      <h2 class="heading-m">{text.changeLanguageHeading}</h2>
      {saved && (
        <p class="lead" role="status">
          {text.languageSaved(text.languages[saved])}
        </p>
      )}
      <Radios
        name={FIELD}
        legend={text.changeLanguageLegend}
        hint={text.changeLanguageHint}
        error={error || undefined}
        options={SMS_LANGUAGES.map((language) => ({ value: language, label: text.languages[language] }))}
        value={chosen}
        onValue={(value) => setChosen(smsLanguage(value))}
      />
      <button class="button" type="submit" aria-disabled={busy ? true : undefined}>
        {busy ? text.changingLanguage : text.changeLanguage}
      </button>
    </Form>
  );
}
