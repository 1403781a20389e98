import { describe, expect, it } from '@jest/globals';
import { isPlaceholder } from '../../src/model/placeholders.js';

describe('isPlaceholder', () => {
  it.each([
    // The documented example tenant, in any case.
    ['https://ENVIRONMENTID.live.dynatrace.com/api', true],
    ['https://environmentid.live.dynatrace.com/api', true],
    // Substitutions and templates, closed or not.
    ['https://${TENANT}.live.dynatrace.com/api', true],
    ['https://${TENANT', true],
    ['https://$(TENANT).live.dynatrace.com/api', true],
    ['https://{{ .Values.tenant }}.live.dynatrace.com/api', true],
    ['${ARGOCD_ENV_TENANT}', true],
    ['ARGOCD_ENV_TENANT', true],
    // Secrets and blanks to fill in.
    ['<path:secret/data/dt#apiUrl>', true],
    ['https://<your-environment-id>.live.dynatrace.com/api', true],
    ['https://TENANT_PLACEHOLDER.live.dynatrace.com/api', true],
    ['https://tenant_placeholder.live.dynatrace.com/api', true],
    ['registry.example.com/REGISTRY_TOREPLACE:1.0', true],
    ['patch-me-tenant', true],
    // Literal values.
    ['https://abc12345.live.dynatrace.com/api', false],
    ['registry.example.com/dynatrace/codemodules:1.309', false],
    ['a < b > c', false],
  ])('%s → %s', (value, expected) => {
    expect(isPlaceholder(value)).toBe(expected);
  });
});
