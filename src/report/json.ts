import type { Report } from './types.js';

/** The JSON contract (DESIGN §6). The internal `key` stays out of the public shape. */
export function renderJson(report: Report): string {
  const { context: _context, ...contract } = report;
  const findings = report.findings.map(({ key: _key, ...finding }) => finding);
  return `${JSON.stringify({ ...contract, findings }, null, 2)}\n`;
}
