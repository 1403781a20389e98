import { isIP } from 'node:net';
import { asRecord, getIn } from '../model/read.js';
import type { ServiceEntry } from '../model/types.js';
import { isPlaceholder } from '../model/placeholders.js';

/**
 * Istio's own validation of ServiceEntries (the webhook's `ValidateServiceEntry` and the CRD's CEL rules),
 * over a plain `spec` value so it serves both generated objects and ServiceEntries read from a repository.
 */
export interface SpecProblem {
  severity: 'error' | 'warning';
  message: string;
  /** Path inside `spec`, for pointing at a line. */
  path: (string | number)[];
}

type Spec = Record<string, unknown>;

/** Protocols Istio's parser accepts (case-insensitive); `HTTP_PROXY` and `GRPC-WEB` included. */
const PROTOCOLS = [
  'HTTP',
  'HTTPS',
  'GRPC',
  'GRPC-WEB',
  'HTTP2',
  'HTTP_PROXY',
  'MONGO',
  'MYSQL',
  'REDIS',
  'TCP',
  'TLS',
  'UDP',
];
const HTTP_PROTOCOLS = ['HTTP', 'HTTP2', 'GRPC', 'GRPC-WEB', 'HTTP_PROXY'];
const TLS_PROTOCOLS = ['HTTPS', 'TLS'];
/** The CRD's enums, matched as written: the API server's schema check is case-sensitive (`dns` is rejected). */
const RESOLUTIONS = ['NONE', 'STATIC', 'DNS', 'DNS_ROUND_ROBIN', 'DYNAMIC_DNS'];
const LOCATIONS = ['MESH_EXTERNAL', 'MESH_INTERNAL'];
/** Istio's DNS-1123 label (it allows upper case, as in the operator's `TCP-443`). */
const DNS1123_LABEL = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
/** The first label of a host: `*`, or a DNS-1123 label optionally led by `*` or `*-` (`foo*` is not one). */
const WILDCARD_LABEL = /^(?:\*|(?:\*|\*-)?[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)$/;

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** `namespace`, when known, is the entry's own: `validateExportTo` takes `.` as that name when looking for duplicates. */
export function validateServiceEntrySpec(spec: unknown, namespace?: string): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const add = (message: string, path: (string | number)[], severity: SpecProblem['severity'] = 'error') =>
    problems.push({ severity, message, path });
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    add('spec is missing', []);
    return problems;
  }
  const se = spec as Spec;
  const hosts = list(se.hosts).map((host) => text(host) ?? '');
  const resolution = text(se.resolution) ?? 'NONE';
  const endpoints = list(se.endpoints);

  if (hosts.length === 0) add('service entry must have at least one host', ['hosts']);
  hosts.forEach((host, index) =>
    checkHost(host, resolution, (message, severity) => add(message, ['hosts', index], severity)),
  );
  checkEnum(se, 'resolution', RESOLUTIONS, add);
  checkEnum(se, 'location', LOCATIONS, add);
  if (se.workloadSelector !== undefined && endpoints.length > 0)
    add('only one of WorkloadSelector or Endpoints can be set', ['endpoints']);
  checkPorts(se, add);
  checkAddresses(se, resolution, add);

  if (resolution === 'NONE' && endpoints.length > 0)
    add('no endpoints should be provided for resolution type NONE', ['endpoints']);
  if ((resolution === 'DNS' || resolution === 'DNS_ROUND_ROBIN') && endpoints.length === 0) {
    hosts.forEach((host, index) => {
      if (host.includes('*')) {
        add(`hosts must be FQDN if no endpoints are provided for resolution mode ${resolution}: "${host}"`, [
          'hosts',
          index,
        ]);
      }
    });
  }
  if (resolution === 'DYNAMIC_DNS') checkDynamicDns(se, hosts, add);
  if (resolution === 'DNS_ROUND_ROBIN' && endpoints.length > 1)
    add('DNS_ROUND_ROBIN mode cannot have multiple endpoints', ['endpoints']);
  if (resolution !== 'NONE' && hosts.length > 1 && !portsDistinguishHosts(se)) {
    add('multiple hosts provided with non-HTTP, non-TLS ports', ['ports']);
  }
  checkExportTo(se, namespace, add);
  return problems;
}

/**
 * The errors Istio's validation finds in a ServiceEntry of the repository; undefined when it cannot be judged
 * here: no spec, or a value substituted at deploy time (`${VAR}`, templates).
 */
export function serviceEntryErrors(entry: ServiceEntry): SpecProblem[] | undefined {
  const spec = asRecord(getIn(entry.document.value, ['spec']));
  if (!spec || isPlaceholder(JSON.stringify(spec))) return undefined;
  return validateServiceEntrySpec(spec, entry.namespace ?? 'default').filter(
    (problem) => problem.severity === 'error',
  );
}

const rejected = new WeakMap<ServiceEntry, boolean>();

/**
 * Whether the API server rejects this entry, so it declares nothing: an entry that breaks Istio's validation
 * covers no host. An entry that cannot be judged counts as accepted (no false alarms on templates).
 */
export function rejectedByIstio(entry: ServiceEntry): boolean {
  let answer = rejected.get(entry);
  if (answer === undefined) {
    answer = (serviceEntryErrors(entry)?.length ?? 0) > 0;
    rejected.set(entry, answer);
  }
  return answer;
}

/**
 * A host as Istio's `ValidateWildcardDomain` (pkg/config/validation/agent) reads it: at most 255 characters; the first
 * label is `*`, or a DNS-1123 label optionally led by `*` or `*-` (`labels.IsWildcardDNS1123Label`), so `foo*` is
 * an error, not only the partial-wildcard warning; the other labels are DNS-1123 labels, the last may be empty (a
 * trailing dot, `example.com.`), and the top-level one is not all digits.
 */
function checkHost(
  host: string,
  resolution: string,
  add: (message: string, severity?: SpecProblem['severity']) => void,
) {
  if (host === '*') return add('hostname cannot be wildcard "*"');
  if (host === '') return add('empty host');
  if (host.length > 255) return add(`invalid host "${host}": longer than 255 characters`);
  // `ValidatePartialWildCard`: a warning for any `*` that is not the whole first label, except with DYNAMIC_DNS.
  if (host.includes('*') && !host.startsWith('*.') && resolution !== 'DYNAMIC_DNS')
    add(`partial wildcard "${host}" is not allowed`, 'warning');
  const [first, ...rest] = host.split('.');
  if (!WILDCARD_LABEL.test(first) || first.length > 63) return add(`invalid host "${host}"`);
  const last = rest.length - 1;
  if (rest.some((label, index) => !(index === last && label === '') && !isDns1123Label(label)))
    return add(`invalid host "${host}"`);
  if (rest.length > 0 && /^[0-9]+$/.test(rest[last]))
    add(`invalid host "${host}": the top-level domain cannot be all-numeric`);
}

/** A DNS-1123 label in any case (Istio's port names and hosts; Kubernetes object names are lower case). */
export function isDns1123Label(label: string): boolean {
  return label.length <= 63 && DNS1123_LABEL.test(label);
}

/** Ports a DYNAMIC_DNS entry may have: HTTP in Istio 1.28, also TLS, GRPC and HTTP2 from 1.30. */
const DYNAMIC_DNS_PROTOCOLS = ['HTTP', 'TLS', 'GRPC', 'HTTP2'];

/**
 * `resolution: DYNAMIC_DNS` (Istio 1.28+) resolves the request's host at request time: `ValidateServiceEntry` wants
 * only wildcard hosts, no `addresses`, no `endpoints`, and HTTP-routable ports.
 */
function checkDynamicDns(
  se: Spec,
  hosts: string[],
  add: (message: string, path: (string | number)[]) => void,
) {
  hosts.forEach((host, index) => {
    if (!host.startsWith('*'))
      add(`host must be wildcarded for resolution mode DYNAMIC_DNS: "${host}"`, ['hosts', index]);
  });
  if (list(se.addresses).length > 0)
    add('addresses cannot be set for resolution type DYNAMIC_DNS', ['addresses']);
  if (list(se.endpoints).length > 0)
    add('endpoints cannot be set for resolution type DYNAMIC_DNS', ['endpoints']);
  list(se.ports).forEach((item, index) => {
    const protocol = (text(((item ?? {}) as Spec).protocol) ?? '').toUpperCase();
    if (!DYNAMIC_DNS_PROTOCOLS.includes(protocol))
      add(`protocol "${protocol}" is not supported for resolution type DYNAMIC_DNS`, [
        'ports',
        index,
        'protocol',
      ]);
  });
}

function checkEnum(
  se: Spec,
  key: 'resolution' | 'location',
  allowed: readonly string[],
  add: (message: string, path: (string | number)[]) => void,
) {
  const value = se[key];
  if (value === undefined || value === null || (typeof value === 'string' && allowed.includes(value))) return;
  add(`${key} "${String(value)}" is not one of ${allowed.join(', ')} (the names are case-sensitive)`, [key]);
}

function checkPorts(se: Spec, add: (message: string, path: (string | number)[]) => void) {
  const names = new Set<string>();
  const numbers = new Set<number>();
  list(se.ports).forEach((item, index) => {
    const port = (item ?? {}) as Spec;
    const name = text(port.name) ?? '';
    const number = port.number;
    if (names.has(name)) add(`service entry port name "${name}" already defined`, ['ports', index, 'name']);
    names.add(name);
    if (!isDns1123Label(name)) add(`invalid port name "${name}"`, ['ports', index, 'name']);
    if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > 65535) {
      add(`port number ${String(number)} is not between 1 and 65535`, ['ports', index, 'number']);
    } else if (numbers.has(number)) {
      add(`service entry port ${number} already defined`, ['ports', index, 'number']);
    } else numbers.add(number);
    const protocol = text(port.protocol);
    if (protocol !== undefined && protocol !== '' && !PROTOCOLS.includes(protocol.toUpperCase())) {
      add(`unsupported protocol "${protocol}"`, ['ports', index, 'protocol']);
    }
    const target = port.targetPort;
    if (
      target !== undefined &&
      (typeof target !== 'number' || !Number.isInteger(target) || target < 1 || target > 65535)
    ) {
      add(`targetPort ${String(target)} is not between 1 and 65535`, ['ports', index, 'targetPort']);
    }
  });
}

/** Whether a port protocol (upper case) tells hosts apart: by the Host header (HTTP) or SNI (TLS); plain TCP cannot. */
export function distinguishesHosts(protocol: string): boolean {
  return HTTP_PROTOCOLS.includes(protocol) || TLS_PROTOCOLS.includes(protocol);
}

function portsDistinguishHosts(se: Spec): boolean {
  return list(se.ports).every((item) =>
    distinguishesHosts((text(((item ?? {}) as Spec).protocol) ?? '').toUpperCase()),
  );
}

function checkAddresses(
  se: Spec,
  resolution: string,
  add: (message: string, path: (string | number)[]) => void,
) {
  list(se.addresses).forEach((item, index) => {
    const address = text(item) ?? '';
    const [ip, prefix, extra] = address.split('/');
    const family = isIP(ip);
    const maxPrefix = family === 6 ? 128 : 32;
    const validPrefix = prefix === undefined || (/^[0-9]+$/.test(prefix) && Number(prefix) <= maxPrefix);
    if (family === 0 || !validPrefix || extra !== undefined)
      add(`invalid address "${address}"`, ['addresses', index]);
    if (prefix !== undefined && resolution !== 'NONE' && resolution !== 'STATIC') {
      add('CIDR addresses are allowed only for NONE/STATIC resolution types', ['addresses', index]);
    }
  });
}

/**
 * `validateExportTo` (pkg/config/validation/validation.go): no duplicates, `.` counting as the entry's own namespace;
 * each entry `.`, `*`, `~` or a DNS-1123 label; `*` and `~` alone.
 */
function checkExportTo(
  se: Spec,
  namespace: string | undefined,
  add: (message: string, path: (string | number)[]) => void,
) {
  const exportTo = list(se.exportTo).map((item) => text(item) ?? '');
  if (exportTo.length > 1 && exportTo.includes('*'))
    add('exportTo "*" cannot be combined with other namespaces', ['exportTo']);
  if (exportTo.length > 1 && exportTo.includes('~'))
    add('cannot export service entry to no one (~) and someone', ['exportTo']);
  const keys = exportTo.map((entry) => (entry === '.' && namespace ? namespace : entry));
  if (new Set(keys).size !== keys.length) add('duplicate entries in exportTo', ['exportTo']);
  exportTo.forEach((entry, index) => {
    if (!['.', '*', '~'].includes(entry) && !isDns1123Label(entry))
      add(`exportTo "${entry}" is not ".", "*", "~" or a namespace name`, ['exportTo', index]);
  });
}

/** The VirtualService checks that matter for generated objects: hosts present and distinct, some route. */
export function validateVirtualServiceSpec(spec: unknown): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const vs = (spec ?? {}) as Spec;
  const hosts = list(vs.hosts).map((host) => text(host) ?? '');
  if (hosts.length === 0)
    problems.push({
      severity: 'error',
      message: 'virtual service must have at least one host',
      path: ['hosts'],
    });
  hosts.forEach((host, index) => {
    if (hosts.indexOf(host) !== index) {
      problems.push({
        severity: 'error',
        message: `duplicate hosts in virtual service: "${host}"`,
        path: ['hosts', index],
      });
    }
  });
  if (['http', 'tls', 'tcp'].every((key) => list(vs[key]).length === 0)) {
    problems.push({
      severity: 'error',
      message: 'http, tcp or tls must be provided in virtual service',
      path: [],
    });
  }
  return problems;
}
