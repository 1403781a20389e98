/**
 * Container registries and the extra hosts a pull talks to. Registries answer blob downloads with a redirect to
 * a CDN or object store; under REGISTRY_ONLY a ServiceEntry for the registry host alone lets the manifest through
 * and then stalls on the first layer.
 */
export interface RegistryHosts {
  /** The registry as written in the image reference (Docker Hub normalized to `docker.io`). */
  registry: string;
  port: number;
  /** Hosts with DNS names, for a `resolution: DNS` entry. */
  hosts: string[];
  /** Wildcard hosts (blob stores with per-account names), for a `resolution: NONE` entry. */
  wildcardHosts: string[];
  /** Why something could not be listed exactly. */
  caveat?: string;
}

const DOCKER_HUB_NAMES = new Set([
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com',
]);

/** The registry host (and port) of an image reference, or undefined when the reference is not parsable. */
export function registryOfImage(image: string): { registry: string; port: number } | undefined {
  const reference = image.trim();
  if (!reference || /\s/.test(reference)) return undefined;
  const slash = reference.indexOf('/');
  const first = slash < 0 ? '' : reference.slice(0, slash);
  // Docker's rule: the first component is a registry when it has a dot or a port, or is `localhost`.
  const isRegistry = first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!isRegistry) return { registry: 'docker.io', port: 443 };
  const match = /^([a-zA-Z0-9.-]+)(?::([0-9]{1,5}))?$/.exec(first);
  if (!match) return undefined;
  const registry = match[1].toLowerCase();
  const port = match[2] ? Number(match[2]) : 443;
  if (port < 1 || port > 65535) return undefined;
  return { registry: DOCKER_HUB_NAMES.has(registry) ? 'docker.io' : registry, port };
}

interface Family {
  matches(registry: string): RegExpExecArray | boolean | null;
  hosts(registry: string, match: RegExpExecArray | boolean | null): Omit<RegistryHosts, 'registry' | 'port'>;
}

const QUAY_CDN = ['cdn.quay.io', 'cdn01.quay.io', 'cdn02.quay.io', 'cdn03.quay.io'];

const FAMILIES: Family[] = [
  {
    matches: (registry) => registry === 'docker.io',
    hosts: () => ({
      hosts: [
        'index.docker.io',
        'registry-1.docker.io',
        'auth.docker.io',
        'production.cloudflare.docker.com',
      ],
      wildcardHosts: [],
    }),
  },
  {
    matches: (registry) => registry === 'ghcr.io',
    hosts: () => ({ hosts: ['ghcr.io', 'pkg-containers.githubusercontent.com'], wildcardHosts: [] }),
  },
  {
    // Red Hat's registries serve their blobs from Quay's CDN too.
    matches: (registry) => ['quay.io', 'registry.redhat.io', 'registry.access.redhat.com'].includes(registry),
    hosts: (registry) => ({ hosts: [...new Set([registry, 'quay.io', ...QUAY_CDN])], wildcardHosts: [] }),
  },
  {
    matches: (registry) => registry === 'public.ecr.aws',
    hosts: () => ({
      hosts: ['public.ecr.aws', 'd2glxqk2uabbnd.cloudfront.net', 'd5l0dvt14r5h8.cloudfront.net'],
      wildcardHosts: [],
    }),
  },
  {
    // Private ECR keeps layers in a regional S3 bucket.
    matches: (registry) => /^[0-9]{12}\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com$/.exec(registry),
    hosts: (registry, match) => {
      const region = (match as RegExpExecArray)[1];
      return {
        hosts: [registry, `prod-${region}-starport-layer-bucket.s3.${region}.amazonaws.com`],
        wildcardHosts: [],
      };
    },
  },
  {
    // Container Registry and Artifact Registry hand out blobs from Cloud Storage.
    matches: (registry) =>
      registry === 'gcr.io' || registry.endsWith('.gcr.io') || registry.endsWith('-docker.pkg.dev'),
    hosts: (registry) => ({ hosts: [registry, 'storage.googleapis.com'], wildcardHosts: [] }),
  },
  {
    matches: (registry) => registry.endsWith('.azurecr.io'),
    hosts: (registry) => ({
      hosts: [registry],
      wildcardHosts: ['*.blob.core.windows.net'],
      caveat:
        `${registry} serves layers from a storage account whose name is not in the image reference; with dedicated ` +
        `data endpoints enabled, list "${registry.replace(/\.azurecr\.io$/, '')}.<region>.data.azurecr.io" instead of the wildcard`,
    }),
  },
  {
    matches: (registry) => registry === 'mcr.microsoft.com',
    hosts: () => ({ hosts: ['mcr.microsoft.com'], wildcardHosts: ['*.data.mcr.microsoft.com'] }),
  },
];

/** The hosts a pull from `registry` contacts; unknown registries are assumed to serve their blobs themselves. */
export function registryHosts(registry: string, port: number): RegistryHosts {
  for (const family of FAMILIES) {
    const match = family.matches(registry);
    if (match) return { registry, port, ...family.hosts(registry, match) };
  }
  return { registry, port, hosts: [registry], wildcardHosts: [] };
}
