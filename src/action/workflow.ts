import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

/**
 * The part of `@actions/core` the action uses: inputs, outputs, the job summary and workflow commands. The
 * package itself loads an HTTP client (for OIDC tokens) at start, which costs more than the rest of the action's
 * cold start; these few functions follow the runner's documented protocol and produce the same text.
 */

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

/** As `@actions/core`: strings as they are, nothing for undefined/null, JSON for everything else. */
function commandValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' || value instanceof String ? String(value) : JSON.stringify(value);
}

/** Values masked with `setSecret`. */
const secrets = new Set<string>();

/**
 * The text with every masked value replaced by `***`. The runner masks the log, but not the files the action
 * writes (summary, outputs, reports) nor what it posts; and a server may echo a token in an error message.
 */
export function redact(text: string): string {
  let redacted = text;
  for (const secret of secrets) redacted = redacted.split(secret).join('***');
  return redacted;
}

function escapeText(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeData(value: unknown): string {
  return escapeText(redact(commandValue(value)));
}

function escapeProperty(value: unknown): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::name key=value,…::message` on stdout; empty properties are left out. */
export function issueCommand(name: string, properties: Record<string, unknown>, message: unknown): void {
  const pairs = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== null && value !== '' && value !== 0)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`);
  const head = pairs.length > 0 ? `::${name} ${pairs.join(',')}` : `::${name}`;
  process.stdout.write(`${head}::${escapeData(message)}${EOL}`);
}

/** `::add-mask::` is the one command that must carry the secret itself. */
function maskCommand(secret: string): void {
  process.stdout.write(`::add-mask::${escapeText(secret)}${EOL}`);
}

export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** Appends `name<<delimiter` … `delimiter` to `$GITHUB_OUTPUT`, or the old `set-output` command without it. */
export function setOutput(name: string, value: unknown): void {
  const file = process.env.GITHUB_OUTPUT;
  if (!file) {
    process.stdout.write(EOL);
    issueCommand('set-output', { name }, commandValue(value));
    return;
  }
  const delimiter = `ghadelimiter_${randomUUID()}`;
  const text = redact(commandValue(value));
  if (name.includes(delimiter) || text.includes(delimiter)) throw new Error('output contains its delimiter');
  appendFileSync(file, `${name}<<${delimiter}${EOL}${text}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' });
}

export function setSecret(secret: string): void {
  maskCommand(secret);
  if (secret) secrets.add(secret);
}

function annotation(kind: 'error' | 'warning' | 'notice', message: string | Error, properties = {}) {
  const { title, file, startLine, endLine, startColumn, endColumn } = properties as AnnotationProperties;
  issueCommand(
    kind,
    { title, file, line: startLine, endLine, col: startColumn, endColumn },
    message instanceof Error ? message.toString() : message,
  );
}

export function error(message: string | Error, properties?: AnnotationProperties): void {
  annotation('error', message, properties);
}

export function warning(message: string | Error, properties?: AnnotationProperties): void {
  annotation('warning', message, properties);
}

export function notice(message: string | Error, properties?: AnnotationProperties): void {
  annotation('notice', message, properties);
}

export function info(message: string): void {
  process.stdout.write(redact(message) + EOL);
}

export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

/** Marks the step failed: exit code 1 and an error annotation. */
export function setFailed(message: string | Error): void {
  process.exitCode = 1;
  error(message);
}

/** `core.summary.addRaw(text).write()`: appends to `$GITHUB_STEP_SUMMARY`. */
class Summary {
  private buffer = '';

  addRaw(text: string, addEol = false): this {
    this.buffer += text + (addEol ? EOL : '');
    return this;
  }

  async write(): Promise<this> {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file) {
      throw new Error(
        'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.',
      );
    }
    appendFileSync(file, redact(this.buffer), { encoding: 'utf8' });
    this.buffer = '';
    return this;
  }
}

export const summary = new Summary();
