import type { CentreRequestQuery } from "../../generated/graphql";

export type CentreRequestFile = Extract<CentreRequestQuery["request"], { __typename: "ServiceRequest" }>;
export type AgencyName = (code: string) => string;
