import type { ParsedDocument } from '../parse/yaml.js';
import type { Origin } from './provenance.js';
import { asRecord, asString, metadataStrings } from './read.js';
import type { ResourceBase } from './types.js';

/** Identity of a Kubernetes object, or undefined when the document is not one (no kind / apiVersion / name). */
export function readResource(document: ParsedDocument, value: unknown): ResourceBase | undefined {
  const object = asRecord(value);
  if (!object) return undefined;
  const kind = asString(object.kind);
  const apiVersion = asString(object.apiVersion);
  const metadata = asRecord(object.metadata);
  const given = givenName(metadata);
  const name = given?.name ?? (kind && apiVersion ? unnamedInputName(kind, apiVersion, object) : undefined);
  if (!kind || !apiVersion || !name) return undefined;
  const namespace = asString(metadata?.namespace);
  return {
    kind,
    apiVersion,
    name,
    ...(namespace ? { namespace } : {}),
    origin: nameOrigin(document, given?.key ?? 'name'),
    document,
    labels: metadataStrings(metadata?.labels),
    annotations: metadataStrings(metadata?.annotations),
  };
}

/**
 * `metadata.name`, or else `metadata.generateName`: the API server makes the name from that prefix when `name` is
 * empty (k8s.io/apimachinery pkg/apis/meta/v1/types.go, ObjectMeta.GenerateName), the form of Argo CD hook Jobs.
 */
export function givenName(metadata: unknown): { name: string; key: 'name' | 'generateName' } | undefined {
  const record = asRecord(metadata);
  const name = asString(record?.name);
  if (name) return { name, key: 'name' };
  const prefix = asString(record?.generateName);
  return prefix ? { name: prefix, key: 'generateName' } : undefined;
}

/**
 * The name a tool gives an input file that needs none. An IstioOperator is `istioctl install -f` input, not an object
 * of the cluster, and Istio's own examples leave `metadata` out; istioctl stores its copy as `installed-state`, plus
 * `-<revision>` (istio/istio operator/cmd/mesh/install.go, savedIOPName).
 */
export function unnamedInputName(
  kind: string,
  apiVersion: string,
  object: Record<string, unknown>,
): string | undefined {
  if (kind !== 'IstioOperator' || !apiVersion.startsWith('install.istio.io/')) return undefined;
  const revision = asString(asRecord(object.spec)?.revision);
  return revision ? `installed-state-${revision}` : 'installed-state';
}

/**
 * Where an object is: the line of its `metadata.name`, found on first use. Asking a document for a line reads its
 * nodes, and most objects of a big repository are never reported; reading them all cost more than the rest of a
 * model build on a repository of thousands of related objects. The line is a getter, so it is copied and
 * serialised like a plain value.
 */
function nameOrigin(document: ParsedDocument, key: 'name' | 'generateName'): Origin {
  let line: number | undefined;
  return {
    file: document.file,
    get line() {
      return (line ??= document.lineAt(['metadata', key]) ?? document.line);
    },
  };
}

export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** Origin of the field at `path` in the resource's document, falling back to the resource's own line. */
export function originAt(
  resource: Pick<ResourceBase, 'document' | 'origin'>,
  path: (string | number)[],
  fallback: Origin = resource.origin,
) {
  const range = resource.document.rangeAt(path);
  return range
    ? {
        file: fileAt(resource.document, path),
        line: range.startLine,
        endLine: range.endLine,
        path: path.join('.'),
      }
    : { ...fallback, path: path.join('.') };
}

/**
 * {@link originAt}, worked out on first use: for facts read from every object of a kind (a ServiceEntry's hosts, a
 * PeerAuthentication's mode), most of which no finding or change ever points at. `endLine` is always a key, undefined
 * where the field has no range of its own: JSON leaves it out, and readers (`endLine ?? line`) take it as absent.
 */
export function originLaterAt(
  resource: Pick<ResourceBase, 'document' | 'origin'>,
  path: (string | number)[],
): Origin {
  let known: Origin | undefined;
  const origin = () => (known ??= originAt(resource, path));
  return {
    get file() {
      return origin().file;
    },
    get line() {
      return origin().line;
    },
    get endLine() {
      return origin().endLine;
    },
    path: path.join('.'),
  };
}

/** The file holding the value at `path`: the patch file for a value a kustomize patch wrote. */
export function fileAt(document: ParsedDocument, path: (string | number)[]): string {
  return document.fileAt?.(path) ?? document.file;
}
