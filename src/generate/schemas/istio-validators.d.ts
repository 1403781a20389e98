// Types of istio-validators.js, which scripts/istio-validators.mjs generates with Ajv's standalone code.
import type { ErrorObject } from 'ajv';

/** An Ajv validator compiled ahead of time: true when valid, otherwise the problems are in `errors`. */
export interface PrecompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export declare const ServiceEntry: PrecompiledValidator;
export declare const VirtualService: PrecompiledValidator;
export declare const PeerAuthentication: PrecompiledValidator;
