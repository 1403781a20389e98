import {
  subDocument,
  type NodeShape,
  type ParsedDocument,
  type ParsedFile,
  type PathSegment,
} from '../parse/yaml.js';
import { isApplication } from './argo.js';
import { findLocalUrls, foldersOf, normalizeGitUrl } from './argo-repository.js';
import { placeholderIn } from './placeholders.js';
import type { NotEvaluable } from './provenance.js';
import { asArray, asBoolean, asRecord, asString, getIn, type Json } from './read.js';
import type { Repository } from './repo.js';
import { readResource } from './resource.js';
import type { ResourceBase } from './types.js';

/**
 * Argo CD ApplicationSets: each generates Applications from `spec.template` (an Application's `metadata` and `spec`)
 * with the parameters of its generators filled into the template's strings. The Applications of a `list` generator,
 * and of a `git` directories generator of this repository, are added to the repository's objects, where they are
 * read as an Application written in the repository is; their lines are the template's. A `clusters` generator's
 * clusters are Argo CD's cluster secrets, not in the repository: its template is read as one Application whose cluster
 * parameters stay as written (see {@link clustersGenerator}). Generators whose parameters come from other places
 * outside the repository (SCM providers, plugins) or combine others are not guessed at.
 */

export function isApplicationSet(resource: ResourceBase): boolean {
  return resource.kind === 'ApplicationSet' && resource.apiVersion.startsWith('argoproj.io/');
}

const TEMPLATE: PathSegment[] = ['spec', 'template'];

/** Fills the parameters of one generated Application into a string of the template. */
type Render = (text: string) => string;

/** Parameter sets of a `list` generator, or the folder patterns of a `git` directories generator. */
type Generator =
  | { kind: 'list'; renders: Render[] }
  | { kind: 'clusters'; render: Render; line: number }
  | { kind: 'git'; repoURL: string; include: RegExp[]; exclude: RegExp[]; line: number };

/** Why an ApplicationSet is not expanded, at the line that says so. */
interface NotExpanded {
  notExpanded: { line: number; reason: string };
}

/** A git generator of one ApplicationSet, expanded once the list generators' Applications are known. */
interface PendingGit {
  applicationSet: ResourceBase;
  generator: Generator & { kind: 'git' };
}

/**
 * Adds the Applications the repository's ApplicationSets generate to `repo.resources`, each after its
 * ApplicationSet, and notes the ApplicationSets that are not expanded. Runs before anything reads the Applications.
 */
export function expandApplicationSets(repo: Repository, notEvaluable: NotEvaluable[]): void {
  const applicationSets = repo.resources.filter(isApplicationSet);
  if (applicationSets.length === 0) return;
  const generated = new Map<ResourceBase, ResourceBase[]>();
  const pending: PendingGit[] = [];
  for (const applicationSet of applicationSets) {
    const generators = readGenerators(applicationSet);
    if ('notExpanded' in generators) {
      notEvaluable.push(notExpandedNote(applicationSet, generators.notExpanded));
      continue;
    }
    const lines = textLines(repo, applicationSet.origin.file);
    const fromParameters = generators.flatMap((generator) => {
      if (generator.kind === 'list')
        return generator.renders.flatMap(
          (render) => generatedApplication(applicationSet, render, lines) ?? [],
        );
      if (generator.kind !== 'clusters') return [];
      notEvaluable.push({
        file: applicationSet.origin.file,
        line: generator.line,
        reason: `ApplicationSet ${nameOf(applicationSet)}: the clusters generator makes one Application per cluster registered in Argo CD, and the clusters are not in the repository; its template is read as one Application, the cluster parameters (name, server, metadata.labels…) unknown`,
      });
      return generatedApplication(applicationSet, generator.render, lines) ?? [];
    });
    generated.set(applicationSet, fromParameters);
    for (const generator of generators)
      if (generator.kind === 'git') pending.push({ applicationSet, generator });
  }
  if (pending.length > 0) expandGitGenerators(repo, pending, generated, notEvaluable);
  repo.resources = repo.resources.flatMap((resource) => [resource, ...(generated.get(resource) ?? [])]);
}

/**
 * Adds the Applications of git directories generators to `generated`; an ApplicationSet with one that cannot be
 * expanded generates nothing here and is noted.
 */
function expandGitGenerators(
  repo: Repository,
  pending: PendingGit[],
  generated: Map<ResourceBase, ResourceBase[]>,
  notEvaluable: NotEvaluable[],
): void {
  // Which repository this tree is, from the Applications written here and those the list generators make.
  const applications = [...repo.resources.filter(isApplication), ...[...generated.values()].flat()];
  const localUrls = findLocalUrls(repo, applications);
  const folders = [...foldersOf(repo)].filter((folder) => !folder.split('/').some(isHidden)).sort();
  for (const { applicationSet, generator } of pending) {
    const known = generated.get(applicationSet);
    if (!known) continue;
    const outcome = gitApplications(applicationSet, generator, localUrls, folders, repo);
    if ('notExpanded' in outcome) {
      generated.delete(applicationSet);
      notEvaluable.push(notExpandedNote(applicationSet, outcome.notExpanded));
    } else {
      known.push(...outcome.applications);
      if (outcome.note) notEvaluable.push(outcome.note);
    }
  }
}

function nameOf(resource: ResourceBase): string {
  return `${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`;
}

function notExpandedNote(applicationSet: ResourceBase, { line, reason }: NotExpanded['notExpanded']) {
  return {
    file: applicationSet.origin.file,
    line,
    reason: `ApplicationSet ${nameOf(applicationSet)} is not expanded: ${reason}; the Applications it generates are not read`,
  };
}

function textLines(repo: Repository, file: string): readonly string[] {
  return (repo.files.get(file)?.text ?? '').split(/\r?\n/);
}

/** Generators Argo CD fills from outside the repository, or from other generators: never guessed at. */
const NOT_EXPANDED_GENERATORS: Record<string, string> = {
  clusterDecisionResource: 'its parameters come from a resource in the cluster',
  matrix: 'generators combined by a matrix generator are not evaluated',
  merge: 'generators combined by a merge generator are not evaluated',
  scmProvider: 'its parameters come from the repositories of an SCM provider',
  pullRequest: 'its parameters come from the open pull requests',
  plugin: 'its parameters come from a plugin',
};

function readGenerators(applicationSet: ResourceBase): Generator[] | NotExpanded {
  const document = applicationSet.document;
  const spec = asRecord(getIn(document.value, ['spec'])) ?? {};
  const at = (path: PathSegment[]) => document.lineAt(path) ?? applicationSet.origin.line;
  if (spec.templatePatch !== undefined)
    return notExpanded(at(['spec', 'templatePatch']), 'templatePatch is not evaluated');
  if (!asRecord(getIn(spec, ['template', 'spec']))) return [];
  const goTemplate = asBoolean(spec.goTemplate) ?? false;
  const generators: Generator[] = [];
  for (const [index, raw] of asArray(spec.generators).entries()) {
    const path = ['spec', 'generators', index];
    const read = readGenerator(asRecord(raw) ?? {}, goTemplate, (...rest) => at([...path, ...rest]));
    if ('notExpanded' in read) return read;
    generators.push(read);
  }
  return generators;
}

function notExpanded(line: number, reason: string): NotExpanded {
  return { notExpanded: { line, reason } };
}

/** One entry of `spec.generators`: a `list`, a `git` directories generator, or one that is not expanded. */
function readGenerator(
  entry: Json,
  goTemplate: boolean,
  at: (...path: PathSegment[]) => number,
): Generator | NotExpanded {
  const kind = Object.keys(entry).find((key) => key !== 'selector');
  if (!kind) return notExpanded(at(), 'a generator without a kind');
  const body = asRecord(entry[kind]) ?? {};
  if (entry.selector !== undefined)
    return notExpanded(at('selector'), 'a generator selector is not evaluated');
  if (body.template !== undefined)
    return notExpanded(at(kind, 'template'), `the ${kind} generator's own template is not evaluated`);
  if (kind === 'list') return listGenerator(body, goTemplate, (...rest) => at(kind, ...rest));
  if (kind === 'git') return gitGenerator(body, at(kind));
  if (kind === 'clusters') return clustersGenerator(body, goTemplate, at(kind));
  return notExpanded(at(kind), `the ${kind} generator ${NOT_EXPANDED_GENERATORS[kind] ?? 'is not known'}`);
}

/**
 * `clusters`: Argo CD makes one parameter set per cluster secret its selector matches (argo-cd
 * applicationset/generators/cluster.go: `name`, `nameNormalized`, `server`, `project`, `metadata.labels.<key>`,
 * `metadata.annotations.<key>`, then `values.<key>`). The secrets are not in the repository, so the template is read
 * once with those parameters left as written: what every cluster shares (a chart, its common values files) is read,
 * and what names a cluster stays unknown (a values file per cluster is noted where the Application is read). Only
 * `values` entries that are plain strings without a template are filled in; the rest depend on the cluster.
 */
function clustersGenerator(body: Json, goTemplate: boolean, line: number): Generator {
  const constants = Object.entries(asRecord(body.values) ?? {}).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string' && !entry[1].includes('{{'),
  );
  const render = goTemplate
    ? goRender({ values: Object.fromEntries(constants) })
    : flatRender(new Map(constants.map(([key, value]) => [`values.${key}`, value])));
  return { kind: 'clusters', render, line };
}

/** `list.elements`: one Application per element (`elementsYaml` is not read). */
function listGenerator(
  body: Json,
  goTemplate: boolean,
  at: (...path: PathSegment[]) => number,
): Generator | NotExpanded {
  if (body.elementsYaml !== undefined)
    return notExpanded(at('elementsYaml'), 'elementsYaml is not evaluated');
  const renders: Render[] = [];
  for (const [index, raw] of asArray(body.elements).entries()) {
    const element = asRecord(raw) ?? {};
    if (goTemplate) {
      renders.push(goRender(element));
      continue;
    }
    const params = flatParams(element);
    if (typeof params === 'string')
      return notExpanded(
        at('elements', index, params),
        `without goTemplate, Argo CD takes string element values only, and ${params} is not one (no Application is generated)`,
      );
    renders.push(flatRender(params));
  }
  return { kind: 'list', renders };
}

/**
 * The parameters of a list element without goTemplate: its string values, and those of its `values` map as
 * `values.<key>` (Argo CD's list generator); the key of a value that is not a string instead.
 */
function flatParams(element: Json): Map<string, string> | string {
  const params = new Map<string, string>();
  for (const [key, value] of Object.entries(element)) {
    const values = key === 'values' ? asRecord(value) : undefined;
    const entries: [string, unknown][] = values
      ? Object.entries(values).map(([name, item]) => [`values.${name}`, item])
      : [[key, value]];
    for (const [name, item] of entries) {
      if (typeof item !== 'string') return key;
      params.set(name, item);
    }
  }
  return params;
}

const TAG = /\{\{(.*?)\}\}/g;

/** Argo CD's default templating: `{{ name }}` is the parameter of that name, an unknown one stays as written. */
function flatRender(params: Map<string, string>): Render {
  return (text) => text.replace(TAG, (tag, name: string) => params.get(name.trim()) ?? tag);
}

/** A Go template field chain: `.cluster`, `.values.mode`. */
const FIELD_CHAIN = /^\.[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;

/**
 * goTemplate: `{{ .a.b }}` is the scalar at that path of the parameters. Anything else (pipelines, functions, a
 * missing key, which Go renders as `<no value>` or fails on) stays as written, so it is noted as a template.
 */
function goRender(params: Json): Render {
  return (text) =>
    text.replace(TAG, (tag, action: string) => {
      const chain = action.trim();
      if (!FIELD_CHAIN.test(chain)) return tag;
      const value = getIn(params, chain.slice(1).split('.'));
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : tag;
    });
}

/** The template with the parameters filled into every string and map key, as Argo CD renders it. */
function renderValue(value: unknown, render: Render): unknown {
  if (typeof value === 'string') return render(value);
  if (Array.isArray(value)) return value.map((item) => renderValue(item, render));
  const record = asRecord(value);
  if (!record) return value;
  return Object.fromEntries(
    Object.entries(record).map(([key, item]) => [render(key), renderValue(item, render)]),
  );
}

/** The Application one parameter set generates, in the ApplicationSet's namespace, or undefined without a name. */
function generatedApplication(
  applicationSet: ResourceBase,
  render: Render,
  lines: readonly string[],
): ResourceBase | undefined {
  const template = asRecord(renderValue(getIn(applicationSet.document.value, TEMPLATE), render)) ?? {};
  const metadata = asRecord(template.metadata) ?? {};
  const value = {
    apiVersion: applicationSet.apiVersion,
    kind: 'Application',
    metadata: applicationSet.namespace ? { ...metadata, namespace: applicationSet.namespace } : metadata,
    spec: template.spec,
  };
  return readResource(templatedDocument(applicationSet.document, value, lines), value);
}

/**
 * The generated Application as a document of the ApplicationSet's file: its `metadata` and `spec` are the
 * template's lines. A line of the template that holds a placeholder is the text of every Application it generates,
 * each with other values, so no fix edits it (see {@link literalShape}).
 */
function templatedDocument(
  applicationSet: ParsedDocument,
  value: unknown,
  lines: readonly string[],
): ParsedDocument {
  const inFile = (path: readonly PathSegment[]) =>
    path[0] === 'metadata' || path[0] === 'spec' ? [...TEMPLATE, ...path] : [...path];
  return {
    file: applicationSet.file,
    index: applicationSet.index,
    value,
    line: applicationSet.lineAt(TEMPLATE) ?? applicationSet.line,
    lineAt: (path) => applicationSet.lineAt(inFile(path)),
    positionAt: (path) => applicationSet.positionAt(inFile(path)),
    rangeAt: (path) => applicationSet.rangeAt(inFile(path)),
    describeAt: (path) => literalShape(applicationSet.describeAt(inFile(path)), lines),
    nestedAt: (path, text) => {
      const rendered = text ?? asString(getIn(value, path));
      const nested = applicationSet.nestedAt(inFile(path), rendered);
      if (!nested) return undefined;
      const written = asString(getIn(applicationSet.value, inFile(path))) ?? '';
      // A parameter holding line breaks moves the lines after it: the lines no longer say where a value is written.
      const sameLines = lineCount(written) === lineCount(rendered ?? written);
      const line = applicationSet.lineAt(inFile(path)) ?? applicationSet.line;
      return sameLines ? literalFile(nested, lines) : pinnedFile(nested, line);
    },
  };
}

function lineCount(text: string): number {
  return text.split('\n').length;
}

/**
 * A shape for edits, unless one of its lines holds a placeholder of the template. A collection counts its every line:
 * where a templated value below it is hidden, an edit would take the value for absent and write it a second time.
 */
function literalShape(shape: NodeShape | undefined, lines: readonly string[]): NodeShape | undefined {
  if (!shape) return undefined;
  for (let line = shape.start.line; line <= shape.endLine; line++)
    if (placeholderIn(lines[line - 1] ?? '')) return undefined;
  return shape;
}

/** The documents of a nested values string, with the template's placeholder lines kept from edits. */
function literalFile(nested: ParsedFile, lines: readonly string[]): ParsedFile {
  return {
    ...nested,
    documents: nested.documents.map((document) => ({
      ...subDocument(document, [], document.value),
      describeAt: (path) => literalShape(document.describeAt(path), lines),
    })),
  };
}

/** The documents of a nested values string whose lines are not the template's: every position is its key's line. */
function pinnedFile(nested: ParsedFile, line: number): ParsedFile {
  return {
    ...nested,
    problems: nested.problems.map((problem) => ({ ...problem, line })),
    documents: nested.documents.map((document) => ({
      ...subDocument(document, [], document.value),
      line,
      lineAt: (path) => (document.lineAt(path) === undefined ? undefined : line),
      positionAt: (path) => (document.positionAt(path) ? { line, col: 1 } : undefined),
      rangeAt: (path) => (document.rangeAt(path) ? { startLine: line, endLine: line } : undefined),
      describeAt: () => undefined,
    })),
  };
}

/** `git` generator: `directories` path patterns of this repository; `files`, `values` and prefixes are not read. */
function gitGenerator(body: Json, line: number): Generator | NotExpanded {
  const repoURL = asString(body.repoURL) ?? '';
  if (body.files !== undefined) return notExpanded(line, 'the git files generator is not evaluated');
  if (body.values !== undefined || body.pathParamPrefix !== undefined)
    return notExpanded(line, 'git generator values and pathParamPrefix are not evaluated');
  const include: RegExp[] = [];
  const exclude: RegExp[] = [];
  for (const raw of asArray(body.directories)) {
    const entry = asRecord(raw) ?? {};
    const pattern = asString(entry.path);
    const matcher = pattern === undefined ? undefined : simpleGlob(pattern);
    if (!matcher)
      return notExpanded(line, `the git directories path ${pattern ?? '(none)'} is not a simple pattern`);
    (asBoolean(entry.exclude) ? exclude : include).push(matcher);
  }
  return { kind: 'git', repoURL, include, exclude, line };
}

/** A `path.Match` pattern with only `*` and `?` (neither crosses a `/`); undefined for classes, escapes, templates. */
function simpleGlob(pattern: string): RegExp | undefined {
  if (pattern === '' || /[[\\]|\{\{/.test(pattern)) return undefined;
  const body = pattern
    .split('')
    .map((char) => (char === '*' ? '[^/]*' : char === '?' ? '[^/]' : char.replace(/[.+^${}()|]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`);
}

/** Argo CD reads no hidden folder (`.git`, `.github`). */
function isHidden(segment: string): boolean {
  return segment.startsWith('.');
}

/**
 * The Applications of a git directories generator: one per folder of this tree its patterns match, when its
 * `repoURL` is this repository (the tree is taken to be it when nothing tells its URL, as for `$values` files).
 */
function gitApplications(
  applicationSet: ResourceBase,
  generator: Generator & { kind: 'git' },
  localUrls: Set<string>,
  folders: string[],
  repo: Repository,
): { applications: ResourceBase[]; note?: NotEvaluable } | NotExpanded {
  const url = normalizeGitUrl(generator.repoURL);
  if (!url)
    return notExpanded(generator.line, `the git generator's repoURL ${generator.repoURL} is not a URL`);
  if (localUrls.size > 0 && !localUrls.has(url))
    return notExpanded(
      generator.line,
      `the git generator reads ${generator.repoURL}, not this repository (${[...localUrls].join(', ')} by the Argo CD sources whose path is here)`,
    );
  const goTemplate = asBoolean(getIn(applicationSet.document.value, ['spec', 'goTemplate'])) ?? false;
  const matched = folders.filter(
    (folder) =>
      generator.include.some((pattern) => pattern.test(folder)) &&
      !generator.exclude.some((pattern) => pattern.test(folder)),
  );
  const lines = textLines(repo, applicationSet.origin.file);
  const applications = matched.flatMap((folder) => {
    const render = goTemplate ? goRender({ path: goPathParams(folder) }) : flatRender(flatPathParams(folder));
    return generatedApplication(applicationSet, render, lines) ?? [];
  });
  if (matched.length > 0) return { applications };
  return {
    applications,
    note: {
      file: applicationSet.origin.file,
      line: generator.line,
      reason: `ApplicationSet ${nameOf(applicationSet)}: no folder of this repository with YAML files matches the git directories generator, so no Application is read from it`,
    },
  };
}

/** The directory parameters of a git generator without goTemplate (`commitSHA` is not known and stays as written). */
function flatPathParams(folder: string): Map<string, string> {
  const base = folder.split('/').pop() ?? folder;
  const params = new Map([
    ['path', folder],
    ['path.basename', base],
    ['path.basenameNormalized', sanitizeName(base)],
  ]);
  folder.split('/').forEach((segment, index) => params.set(`path[${index}]`, segment));
  return params;
}

function goPathParams(folder: string): Json {
  const base = folder.split('/').pop() ?? folder;
  return {
    path: folder,
    basename: base,
    basenameNormalized: sanitizeName(base),
    segments: folder.split('/'),
  };
}

/** Argo CD's `SanitizeName`: a DNS name from a folder name (lower case, other characters as `-`). */
function sanitizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^-a-z0-9.]/g, '-')
    .slice(0, 253)
    .replace(/^[-.]+|[-.]+$/g, '');
}
