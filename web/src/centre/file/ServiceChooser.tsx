/** The catalogue as a list to choose from, narrowed as the operator types (Arabic or English): each
 * service with its government fee and the agencies it goes through. */
import { useEffect, useState } from "preact/hooks";
import { useClient } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { Form } from "../../shared/components/Form";
import { ErrorSummary } from "../../shared/components/ErrorSummary";
import { money } from "../../shared/format/intl";
import { useConsoleLanguage } from "../../shared/i18n/centre";
import { useLocalized } from "../../shared/i18n/language";
import { CentreServiceCatalogueDocument, type CentreServiceCatalogueQuery } from "../../generated/graphql";
import { matching } from "./serviceSearch";
import "../../shared/styles/choices.css";

type CatalogueService = CentreServiceCatalogueQuery["services"][number];

export const SERVICE_FIELD = "service";
const SEARCH_FIELD = "service-search";

export function ServiceChooser({ onChosen, onBack }: { onChosen: (code: string) => void; onBack: () => void }) {
  const client = useClient();
  const { language, messages } = useConsoleLanguage();
  const localized = useLocalized();
  const text = messages.centre.file;
  const [services, setServices] = useState<CatalogueService[] | null>(null);
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState("");
  const [error, setError] = useState("");

  useEffect(() => {
    void client
      .query(trusted(CentreServiceCatalogueDocument), { first: 100 })
      .toPromise()
      .then((result) => setServices(result.data?.services.filter((service) => service.active) ?? []));
  }, [client]);

  const shown = matching(services ?? [], query);
  const agencies = (service: CatalogueService) =>
    service.route.stages
      .flatMap((stage) => stage.agencies.map((agency) => (agency.name ? localized(agency.name) : agency.code)))
      .join(language === "ar" ? "، " : ", ");

  return (
    <Form onSubmit={() => (chosen ? onChosen(chosen) : setError(text.serviceMissing))}>
      <ErrorSummary errors={error ? [{ field: shown[0] ? `${SERVICE_FIELD}-${shown[0].code}` : SEARCH_FIELD, message: error }] : []} />
      <div class="form-group">
        <label class="label" for={SEARCH_FIELD}>
          {text.searchLabel}
        </label>
        <div class="hint" id={`${SEARCH_FIELD}-hint`}>
          {text.searchHint}
        </div>
        <input
          class="input input--medium"
          id={SEARCH_FIELD}
          type="search"
          autoComplete="off"
          value={query}
          aria-describedby={`${SEARCH_FIELD}-hint`}
          aria-controls="service-options"
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </div>
      {services === null && <p aria-live="polite">{messages.common.loading}</p>}
      <div class={error ? "form-group form-group--error" : "form-group"}>
        <fieldset class="fieldset" id="service-options">
          <legend class="fieldset__legend">{text.serviceLegend}</legend>
          {error && (
            <p class="error-message">
              <span class="visually-hidden">{messages.common.errorPrefix} </span>
              {error}
            </p>
          )}
          <p class="visually-hidden" aria-live="polite">
            {services !== null && shown.length === 0 ? text.noMatch : ""}
          </p>
          {services !== null && shown.length === 0 && <p aria-hidden="true">{text.noMatch}</p>}
          <div class="radios service-options">
            {shown.map((service) => (
              <div class="radios__item" key={service.code}>
                <input
                  class="radios__input"
                  type="radio"
                  id={`${SERVICE_FIELD}-${service.code}`}
                  name={SERVICE_FIELD}
                  value={service.code}
                  checked={chosen === service.code}
                  onChange={() => {
                    setChosen(service.code);
                    setError("");
                  }}
                />
                <label class="radios__label" for={`${SERVICE_FIELD}-${service.code}`}>
                  <span class="service-options__name">{localized(service.name)}</span>
                  <span class="radios__hint">
                    {text.fee}: {money(service.fee, language)} · {text.agencies}: {agencies(service)}
                  </span>
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div class="button-group">
        <button class="button" type="submit">
          {text.continue}
        </button>
        <button class="button button--secondary" type="button" onClick={onBack}>
          {text.back}
        </button>
      </div>
    </Form>
  );
}
