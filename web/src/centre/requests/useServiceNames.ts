/** The catalogue's service names by code (a request in a list carries only its service's code). */
import { useEffect, useState } from "preact/hooks";
import { useClient } from "@urql/preact";
import { trusted } from "../../shared/api/documents";
import { CentreServiceCatalogueDocument } from "../../generated/graphql";

export function useServiceNames(): (code: string) => { ar: string; en: string } | undefined {
  const client = useClient();
  const [names, setNames] = useState(new Map<string, { ar: string; en: string }>());
  useEffect(() => {
    void client
      .query(trusted(CentreServiceCatalogueDocument), { first: 100 })
      .toPromise()
      .then((result) => setNames(new Map(result.data?.services.map((service) => [service.code, service.name]) ?? [])));
  }, [client]);
  return (code) => names.get(code);
}
