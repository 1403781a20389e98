/** A test or a slow network may shorten or lengthen every request's timeout, for the action and the CLI alike. */
const TIMEOUT_ENV = 'DKIG_REQUEST_TIMEOUT_MS';

/** `value` as a positive number of milliseconds, else `fallback`. */
export function positiveNumber(value: string | undefined, fallback: number): number {
  const number = Number(value);
  return value && Number.isFinite(number) && number > 0 ? number : fallback;
}

/** The per-request timeout for GitHub and the Dynatrace API: `fallbackMs` unless `DKIG_REQUEST_TIMEOUT_MS` says. */
export function requestTimeoutMs(fallbackMs: number): number {
  return positiveNumber(process.env[TIMEOUT_ENV], fallbackMs);
}
