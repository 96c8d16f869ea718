/**
 * The names of services and agencies, which the API gives on a request by their codes: one look-up of
 * the public catalogue per page, and a code shown as it is until the names arrive.
 */
import { useQuery } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { useLocalized } from "../../shared/i18n/language";
import { AgencyNamesDocument, ServiceCatalogueDocument } from "../../generated/graphql";

type Named = { code: string; name: { ar: string; en: string } };

function useNames(items: Named[] | undefined): (code: string) => string {
  const localized = useLocalized();
  const names = new Map((items ?? []).map((item) => [item.code, item.name]));
  return (code) => {
    const name = names.get(code);
    return name ? localized(name) : code;
  };
}

export function useServiceNames(): (code: string) => string {
  const [result] = useQuery({ query: trusted(ServiceCatalogueDocument), variables: { first: 100 } });
  return useNames(result.data?.services);
}

export function useAgencyNames(): (code: string) => string {
  const [result] = useQuery({ query: trusted(AgencyNamesDocument), variables: {} });
  return useNames(result.data?.agencies);
}
