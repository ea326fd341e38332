/** A Go duration as Flux's CRDs take it (`interval`, `timeout`), e.g. `5m`, `1h30m`. */
export const FLUX_DURATION = /^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/;

/** A GitRepository `spec.url` Flux can fetch: http, https or ssh, no spaces. */
export const FLUX_GIT_URL = /^(http|https|ssh):\/\/\S+$/;
