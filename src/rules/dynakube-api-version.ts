import {
  NEWEST_OPERATOR,
  operatorsServing,
  pinnedOperatorVersions,
  servedVersions,
  type OperatorVersion,
  type ServedVersions,
} from '../model/facts-dynakube-versions.js';
import type { Origin } from '../model/provenance.js';
import { csiDriverEnabled } from '../model/effective.js';
import { injectingMode } from '../model/dynakube.js';
import { asBoolean, asRecord, asString, getIn } from '../model/read.js';
import { resourceId, type ClusterModel, type DynaKube } from '../model/types.js';
import { originAt } from '../model/resource.js';
import { editEveryWriter, removeEntryEdits, setValueEdit, writtenNode } from './edits.js';
import { moveEntryEdits, replaceOnLine } from './line-edits.js';
import { docsUrl, type Fix, type FindingDraft, type Rule, type Severity, type TextEdit } from './types.js';

const id = 'dynakube-api-version';
const VERSION_ORDER = ['v1alpha1', 'v1beta1', 'v1beta2', 'v1beta3', 'v1beta4', 'v1beta5', 'v1beta6'];

interface Verdict {
  severity: Severity;
  what: string;
  target: string;
}

/** Judges one DynaKube version against what an operator serves. */
function judge(
  version: string,
  served: ServedVersions,
  operator: OperatorVersion | undefined,
): Verdict | undefined {
  const target = served.storage;
  const by = operator
    ? `Dynatrace Operator ${operator.version.value} (${operator.via}, ${operator.version.origin.file}:${operator.version.origin.line})`
    : 'the newest Dynatrace Operator';
  if (!served.served.includes(version)) {
    return operator
      ? { severity: 'error', what: `is not served by ${by}: applying it fails`, target }
      : {
          severity: 'warning',
          what: `is no longer served by ${by}; the repository pins no operator version, so an upgrade makes applying it fail`,
          target,
        };
  }
  if (operator && served.deprecated.includes(version))
    return { severity: 'warning', what: `is deprecated in ${by} and will be removed`, target };
  return undefined;
}

/** Field moves between DynaKube versions that a text edit can make; the rest is named in the description. */
function fieldMoves(
  model: ClusterModel,
  dynakube: DynaKube,
  target: string,
): { edits: TextEdit[]; manual: string[]; written: string[] } {
  const document = dynakube.document;
  const value = document.value;
  const edits: TextEdit[] = [];
  const manual: string[] = [];
  const written: string[] = [];
  const rank = (v: string) => VERSION_ORDER.indexOf(v);
  const from = rank(dynakube.version);
  const to = rank(target);
  if (from <= rank('v1beta1') && to >= rank('v1beta2')) {
    const enrichment = keptMetadataEnrichment(model, dynakube, target);
    let enrichmentWritten = false;
    if (getIn(value, ['spec', 'namespaceSelector']) !== undefined) {
      const mode = injectingMode(dynakube)?.value;
      const moved = mode
        ? moveEntryEdits(model, document, ['spec', 'namespaceSelector'], ['spec', 'oneAgent', mode])
        : undefined;
      const withEnrichment = moved && enrichment?.withSelector(moved);
      enrichmentWritten = withEnrichment !== undefined;
      if (moved) edits.push(...(withEnrichment ?? moved));
      else
        manual.push('move `spec.namespaceSelector` under the OneAgent mode (or `spec.metadataEnrichment`)');
    } else if (enrichment) {
      const edit = setValueEdit(model, document, ['spec', 'metadataEnrichment', 'enabled'], 'true');
      if (edit) edits.push(edit);
      enrichmentWritten = edit !== undefined;
    }
    if (enrichment) {
      if (enrichmentWritten) written.push(enrichment.writtenOut);
      else manual.push(enrichment.byHand);
    }
    for (const old of ['routing', 'kubernetesMonitoring'])
      if (getIn(value, ['spec', old]) !== undefined)
        manual.push(`replace \`spec.${old}\` by the matching \`spec.activeGate.capabilities\``);
  }
  for (const mode of dynakube.modes) {
    const modePath = ['spec', 'oneAgent', mode.value];
    const removed = [
      ...(to >= rank('v1beta3') ? ['useCSIDriver'] : []),
      ...(to >= rank('v1beta6') ? ['autoUpdate'] : []),
    ];
    for (const field of removed) {
      if (getIn(value, [...modePath, field]) === undefined) continue;
      const removal = removeEntryEdits(model, document, [...modePath, field]);
      if (removal) edits.push(...removal);
      else manual.push(`remove \`${[...modePath, field].join('.')}\``);
    }
  }
  if (from === rank('v1beta4') && to >= rank('v1beta5')) {
    const moved = renamedActiveGateClaim(model, dynakube);
    if (moved) edits.push(...moved.edits);
    if (moved?.manual) manual.push(moved.manual);
  }
  if (from >= rank('v1beta3') && from <= rank('v1beta5') && to >= rank('v1beta6')) {
    const kept = keptOperands(model, dynakube, target);
    edits.push(...kept.edits);
    manual.push(...kept.manual);
    written.push(...kept.written);
  }
  if (to >= rank('v1beta3')) {
    const lost = lostUseCsiDriver(model, dynakube, target);
    if (lost) manual.push(lost);
  }
  if (to >= rank('v1beta6')) manual.push(...lostAutoUpdate(dynakube, target));
  return { edits, manual, written };
}

/**
 * v1beta4's `spec.activeGate.persistentVolumeClaim` is `volumeClaimTemplate` from v1beta5 on (v1.10.2
 * `pkg/api/v1beta4/dynakube/convert_to.go` `toActiveGateSpec`): under the old name the API server prunes it and the
 * ActiveGate loses its storage. The key is renamed in every file that writes it.
 */
function renamedActiveGateClaim(
  model: ClusterModel,
  dynakube: DynaKube,
): { edits: TextEdit[]; manual?: string } | undefined {
  const path = ['spec', 'activeGate', 'persistentVolumeClaim'];
  if (getIn(dynakube.document.value, path) === undefined) return undefined;
  const edits = editEveryWriter(dynakube.document, path, (writer) =>
    replaceOnLine(model, writer.document, writer.path, 'persistentVolumeClaim', 'volumeClaimTemplate'),
  );
  return edits
    ? { edits }
    : {
        edits: [],
        manual: 'rename `spec.activeGate.persistentVolumeClaim` to `spec.activeGate.volumeClaimTemplate`',
      };
}

/** The annotation that switched metadata enrichment off in v1beta1 (`pkg/api/exp/injection.go`, v1.6.0). */
const METADATA_ENRICHMENT_FLAG = 'feature.dynatrace.com/metadata-enrichment';

/**
 * A v1beta1 DynaKube that injects code modules has metadata enrichment on, in the namespaces of its top-level
 * `namespaceSelector`, unless its annotation says `"false"`: the operator's conversion writes
 * `metadataEnrichment: {enabled: true, namespaceSelector: <the same>}` (v1.6.0 `pkg/api/v1beta1/dynakube/convert_to.go`
 * `toMovedFields`). From v1beta2 on the field is off unless enabled ("Enables MetadataEnrichment, `false` by default",
 * `pkg/api/latest/dynakube/metadataenrichment/spec.go`), so a moved DynaKube without it would stop enriching.
 * Undefined when there is nothing to keep. `withSelector` turns the removal of the top-level selector (from
 * {@link moveEntryEdits}) into the `metadataEnrichment` block holding a copy of it, at the same place (undefined
 * where it cannot).
 */
function keptMetadataEnrichment(
  model: ClusterModel,
  dynakube: DynaKube,
  target: string,
):
  | { withSelector: (moved: TextEdit[]) => TextEdit[] | undefined; writtenOut: string; byHand: string }
  | undefined {
  if (!injectingMode(dynakube) || dynakube.annotations[METADATA_ENRICHMENT_FLAG] === 'false')
    return undefined;
  const value = dynakube.document.value;
  if (getIn(value, ['spec', 'metadataEnrichment']) !== undefined) return undefined;
  const selector = getIn(value, ['spec', 'namespaceSelector']) !== undefined;
  const scope = selector ? ' with the same `namespaceSelector`' : '';
  const why =
    `the operator's conversion turns metadata enrichment on for a v1beta1 DynaKube that injects code modules; ` +
    `in ${target} it is off unless enabled`;
  return {
    writtenOut: `\`spec.metadataEnrichment\` gets \`enabled: true\`${scope} (${why})`,
    byHand: `set \`spec.metadataEnrichment.enabled: true\`${scope} (${why})`,
    withSelector: (moved) => {
      const source = writtenNode(model, dynakube.document, ['spec', 'namespaceSelector']);
      if (!source) return undefined;
      const { lines, shape } = source;
      const block = lines.slice(shape.start.line - 1, shape.endLine);
      const indent = shape.start.col - 1;
      const child = block.slice(1).find((line) => line.trim() !== '' && !line.trim().startsWith('#'));
      const step = child ? child.length - child.trimStart().length - indent : 2;
      if (step <= 0) return undefined;
      const pad = ' '.repeat(indent);
      const nested = block.map((line) => (line.trim() === '' ? line : ' '.repeat(step) + line));
      const replacement = [
        `${pad}metadataEnrichment:`,
        `${pad}${' '.repeat(step)}enabled: true`,
        ...nested,
      ].join('\n');
      const isRemoval = (edit: TextEdit) =>
        edit.file === source.file && edit.startLine === shape.start.line && edit.replacement === '';
      if (!moved.some(isRemoval)) return undefined;
      return moved.map((edit) => (isRemoval(edit) ? { ...edit, replacement } : edit));
    },
  };
}

/** The image the operator's v1beta3–v1beta5 conversions give an OTel collector that has none. */
const CONVERSION_OTEL_COLLECTOR_IMAGE = {
  repository: 'public.ecr.aws/dynatrace/dynatrace-otel-collector',
  tag: 'latest',
};

/**
 * What the operator's conversion of a v1beta3–v1beta5 DynaKube sets that a v1beta6 one must write itself
 * (`pkg/api/v1beta5/dynakube/convert_to.go`, and the same in v1beta3/v1beta4 of v1.8–v1.10.2):
 * - `toExtensionsSpec`: any `spec.extensions` turns Prometheus on (`extensions: {prometheus: {}}`); in v1beta6 an
 *   empty `extensions` turns nothing on, so the moved DynaKube would silently stop its extensions;
 * - `toOpenTelemetryCollectorTemplate`: with telemetry ingest or Prometheus on and no collector image, the image
 *   `public.ecr.aws/dynatrace/dynatrace-otel-collector:latest`; v1beta6 has no default, and its webhook rejects the
 *   DynaKube ("specifies the OTel Collector, but no image repository/tag is configured", `missingOTelCollectorImage`).
 */
function keptOperands(
  model: ClusterModel,
  dynakube: DynaKube,
  target: string,
): { edits: TextEdit[]; manual: string[]; written: string[] } {
  const value = dynakube.document.value;
  const edits: TextEdit[] = [];
  const manual: string[] = [];
  const written: string[] = [];
  // The conversion tests for a nil pointer: a section written without a value is null and turns nothing on.
  const extensions = asRecord(getIn(value, ['spec', 'extensions'])) !== undefined;
  if (extensions && getIn(value, ['spec', 'extensions', 'prometheus']) === undefined) {
    const edit = setValueEdit(model, dynakube.document, ['spec', 'extensions', 'prometheus'], '{}');
    if (edit) {
      edits.push(edit);
      written.push(
        `\`spec.extensions\` gets \`prometheus: {}\` (in ${target} an empty \`extensions\` turns nothing on)`,
      );
    } else
      manual.push(
        `add \`prometheus: {}\` under \`spec.extensions\` (in ${target} an empty \`extensions\` turns nothing on)`,
      );
  }
  const telemetryIngest = asRecord(getIn(value, ['spec', 'telemetryIngest'])) !== undefined;
  const imagePath = ['spec', 'templates', 'otelCollector', 'imageRef'];
  const image = asRecord(getIn(value, imagePath));
  const hasImage = !!asString(image?.repository) && (!!asString(image?.tag) || !!asString(image?.digest));
  if ((telemetryIngest || extensions) && !hasImage) {
    const { repository, tag } = CONVERSION_OTEL_COLLECTOR_IMAGE;
    const edit = image ? undefined : setValueEdit(model, dynakube.document, imagePath, { repository, tag });
    if (edit) {
      edits.push(edit);
      written.push(
        `the OTel collector gets the image the conversion gave it, ${repository}:${tag} (${target} has no default)`,
      );
    } else
      manual.push(
        `set \`spec.templates.otelCollector.imageRef\` (repository and tag; the conversion used ${repository}:${tag}): ` +
          `${target} has no default and the operator rejects an OTel collector without an image`,
      );
  }
  return { edits, manual, written };
}

/**
 * What to do about `useCSIDriver: false` (or unset, which reads as false) when the target version has no such field:
 * from v1beta3 "the CSI driver is now used when installed", so the moved DynaKube would switch its pods from the
 * init container to the CSI driver. No DynaKube field says otherwise (reference/dynatrace.md §3.2, §5.1, §5.2):
 * the chart's `csidriver.enabled` (every DynaKube of the operator) or, with `codeModulesImage`, the pod annotation
 * `oneagent.dynatrace.com/volume-type: ephemeral` (per pod) do. Undefined when nothing changes: the field is true,
 * or the operator installs no CSI driver anyway.
 */
function lostUseCsiDriver(model: ClusterModel, dynakube: DynaKube, target: string): string | undefined {
  const useCsi = dynakube.useCSIDriver;
  if (!useCsi || useCsi.value || !csiDriverEnabled(model).value) return undefined;
  const what = useCsi.defaulted
    ? `\`applicationMonitoring\` sets no \`useCSIDriver\`, which in ${dynakube.version} means false`
    : `\`useCSIDriver: false\` (${useCsi.origin.file}:${useCsi.origin.line})`;
  return (
    `note that ${what}: ${target} has no such field and uses the CSI driver whenever it is installed, so the ` +
    'code modules would switch from the init container to the CSI driver. No DynaKube field keeps them off it: ' +
    'set `csidriver.enabled: false` in the Dynatrace Operator Helm values (for every DynaKube of that operator; ' +
    '`cloudNativeFullStack` needs the CSI driver)' +
    // The operator takes the annotation's emptyDir path only for a DynaKube with codeModulesImage (§5.2).
    (dynakube.codeModulesImage
      ? ', or annotate the pods with `oneagent.dynatrace.com/volume-type: ephemeral`'
      : '')
  );
}

/**
 * What to do about `autoUpdate: false` when the target version has no such field (removed in v1beta6, deprecated in
 * v1beta5: reference/dynatrace.md §3.2): without it the operator rolls the OneAgents out to every new version the
 * tenant offers. The operator's deprecation warning says the feature "is still available by configuring the DynaTrace
 * tenant", and Dynatrace's migration guide says to set `image`, `codeModulesImage` or `version` for the effect of
 * `autoUpdate: false`. Nothing to say for `true` (the default) or where the mode already pins `version` or `image`.
 */
function lostAutoUpdate(dynakube: DynaKube, target: string): string[] {
  const value = dynakube.document.value;
  return dynakube.modes.flatMap((mode) => {
    const modePath = ['spec', 'oneAgent', mode.value];
    if (asBoolean(getIn(value, [...modePath, 'autoUpdate'])) !== false) return [];
    if (['version', 'image'].some((pin) => getIn(value, [...modePath, pin]) !== undefined)) return [];
    const field = [...modePath, 'autoUpdate'];
    const origin = originAt(dynakube, field);
    const modeField = modePath.join('.');
    return [
      `note that \`${field.join('.')}: false\` (${origin.file}:${origin.line}) keeps the OneAgents on their ` +
        `version, but ${target} has no such field: without it the operator updates them whenever the tenant ` +
        `offers a new version. To keep them where they are, pin \`${modeField}.version\` (or \`image\`) to the ` +
        'version running now, or set the target version in the OneAgent update settings of the Dynatrace environment',
    ];
  });
}

/**
 * The apiVersion edits: in every file that writes it (a strategic-merge patch selects its target by apiVersion, so
 * each patch of an overlay stack and the base must change together).
 */
function versionEdits(model: ClusterModel, dynakube: DynaKube, target: string): TextEdit[] | undefined {
  const wanted = `dynatrace.com/${target}`;
  return editEveryWriter(dynakube.document, ['apiVersion'], (writer) =>
    replaceOnLine(model, writer.document, writer.path, dynakube.apiVersion, wanted),
  );
}

function apiVersionFix(model: ClusterModel, dynakube: DynaKube, target: string): Fix | undefined {
  const versionEdit = versionEdits(model, dynakube, target);
  if (!versionEdit) return undefined;
  const moves = fieldMoves(model, dynakube, target);
  const written = moves.written.length > 0 ? ` Written out: ${moves.written.join('; ')}.` : '';
  const manual = moves.manual.length > 0 ? ` Also ${moves.manual.join('; ')}.` : '';
  return {
    description: `Move the DynaKube to \`dynatrace.com/${target}\` (fields that changed place are moved with it).${written}${manual}`,
    edits: [...versionEdit, ...moves.edits],
  };
}

export const dynakubeApiVersion: Rule = {
  meta: {
    id,
    severity: 'error',
    description: 'A DynaKube must use an apiVersion the Dynatrace Operator in the repository serves.',
    docs: docsUrl(id),
    fixable: true,
  },
  check({ head }) {
    const pinned = pinnedOperatorVersions(head);
    const findings: FindingDraft[] = [];
    for (const dynakube of head.dynakubes) {
      const candidates = operatorsServing(pinned, dynakube);
      const verdicts = (candidates.length > 0 ? candidates : [undefined])
        .map((operator) => {
          const served = operator ? servedVersions(operator.line) : NEWEST_OPERATOR;
          return served ? judge(dynakube.version, served, operator) : undefined;
        })
        .filter((v): v is Verdict => v !== undefined)
        .sort((a, b) => (a.severity === 'error' ? -1 : 0) - (b.severity === 'error' ? -1 : 0));
      const verdict = verdicts[0];
      if (!verdict) continue;
      const origin: Origin = originAt(dynakube, ['apiVersion']);
      const fix = apiVersionFix(head, dynakube, verdict.target);
      findings.push({
        message: `DynaKube ${dynakube.name} uses ${dynakube.apiVersion}, which ${verdict.what}. Use dynatrace.com/${verdict.target}.`,
        origin,
        resource: resourceId(dynakube),
        field: 'apiVersion',
        severity: verdict.severity,
        subject: dynakube,
        ...(fix ? { fix } : {}),
      });
    }
    return findings;
  },
};
