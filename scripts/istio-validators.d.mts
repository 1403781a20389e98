// Types of istio-validators.mjs for the tests that compare its output with a run-time compile.
import type { Ajv, CodeOptions, Options } from 'ajv';

export type IstioKind = 'ServiceEntry' | 'VirtualService' | 'PeerAuthentication';

export declare const KUBERNETES_KEYWORDS: readonly string[];
export declare const AJV_OPTIONS: Options;
export declare function closeObjectSchemas(node: unknown): unknown;
export declare function specSchemas(schemaFile: unknown): Record<IstioKind, Record<string, unknown>>;
export declare function createIstioAjv(code?: CodeOptions): Ajv;
export declare function generateValidatorModule(schemaFileText: string): string;
export declare function writeValidatorModule(schemaFile?: string): string;
