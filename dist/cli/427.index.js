export const id = 427;
export const ids = [427];
export const modules = {

/***/ 7427:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// UNUSED EXPORTS: CHECK_OPTIONS, MODEL_OPTIONS

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/model/types.ts
const ONEAGENT_MODES = [
    'classicFullStack',
    'cloudNativeFullStack',
    'applicationMonitoring',
    'hostMonitoring',
];
/** The operators a Kubernetes label selector knows. */
const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
/** Istio's charts: their version is Istio's, and their profile / compatibility presets apply. */
const ISTIO_CHARTS = ['base', 'istiod', 'cni', 'ztunnel', 'gateway'];
const HELM_CHARTS = [...ISTIO_CHARTS, 'dynatrace-operator'];
function isIstioChart(chart) {
    return ISTIO_CHARTS.includes(chart);
}
function emptyModel() {
    return {
        dynakubes: [],
        namespaces: new Map(),
        peerAuthentications: [],
        serviceEntries: [],
        virtualServices: [],
        sidecars: [],
        workloads: [],
        chartValues: [],
        meshConfigs: [],
        cniInstalls: [],
        pilotInstalls: [],
        operatorInstalls: [],
        distributionHints: [],
        resources: [],
        notEvaluable: [],
        files: new Map(),
        deployment: { nodes: new Map(), fluxes: [], argoSources: [] },
    };
}
function resourceId(resource) {
    return resource.namespace
        ? `${resource.kind} ${resource.namespace}/${resource.name}`
        : `${resource.kind} ${resource.name}`;
}

;// CONCATENATED MODULE: ./src/config/charts.ts

const CONFIG_FILE_PATHS = ['.github/dynakube-istio-guard.yml', '.github/dynakube-istio-guard.yaml'];
function chartGlobsFromConfig(config) {
    const charts = isRecord(config) ? config.charts : undefined;
    const result = {};
    if (!isRecord(charts))
        return result;
    for (const chart of HELM_CHARTS) {
        const raw = charts[chart];
        const globs = (Array.isArray(raw) ? raw : [raw]).filter((g) => typeof g === 'string' && g !== '');
        if (globs.length > 0)
            result[chart] = globs;
    }
    return result;
}
function isRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/model/assumed-versions.ts
/**
 * Why a stated version is refused, or undefined: it must name a release (`1.28`, `1.28.2`, `v1.33.1`). A range or a
 * template would say nothing definite, and a typo taken for "unpinned" would silently change what the rules assume.
 */
function assumedVersionProblem(name, value) {
    return /^v?\d+\.\d+(\.\d+)?$/.test(value.trim())
        ? undefined
        : `${name} must be a version such as 1.28 or 1.28.2 (got '${value}')`;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/model/read.ts
var model_read = __webpack_require__(549);
;// CONCATENATED MODULE: ./src/model/provenance.ts
function provenance_fact(value, origin, defaulted = false) {
    return defaulted ? { value, origin, defaulted } : { value, origin };
}

;// CONCATENATED MODULE: ./src/model/resource.ts

/** Identity of a Kubernetes object, or undefined when the document is not one (no kind / apiVersion / name). */
function readResource(document, value) {
    const object = (0,model_read/* asRecord */.qY)(value);
    if (!object)
        return undefined;
    const kind = (0,model_read/* asString */.oJ)(object.kind);
    const apiVersion = (0,model_read/* asString */.oJ)(object.apiVersion);
    const metadata = (0,model_read/* asRecord */.qY)(object.metadata);
    const given = givenName(metadata);
    const name = given?.name ?? (kind && apiVersion ? unnamedInputName(kind, apiVersion, object) : undefined);
    if (!kind || !apiVersion || !name)
        return undefined;
    const namespace = (0,model_read/* asString */.oJ)(metadata?.namespace);
    return {
        kind,
        apiVersion,
        name,
        ...(namespace ? { namespace } : {}),
        origin: nameOrigin(document, given?.key ?? 'name'),
        document,
        labels: (0,model_read/* metadataStrings */.ah)(metadata?.labels),
        annotations: (0,model_read/* metadataStrings */.ah)(metadata?.annotations),
    };
}
/**
 * `metadata.name`, or else `metadata.generateName`: the API server makes the name from that prefix when `name` is
 * empty (k8s.io/apimachinery pkg/apis/meta/v1/types.go, ObjectMeta.GenerateName), the form of Argo CD hook Jobs.
 */
function givenName(metadata) {
    const record = (0,model_read/* asRecord */.qY)(metadata);
    const name = (0,model_read/* asString */.oJ)(record?.name);
    if (name)
        return { name, key: 'name' };
    const prefix = (0,model_read/* asString */.oJ)(record?.generateName);
    return prefix ? { name: prefix, key: 'generateName' } : undefined;
}
/**
 * The name a tool gives an input file that needs none. An IstioOperator is `istioctl install -f` input, not an object
 * of the cluster, and Istio's own examples leave `metadata` out; istioctl stores its copy as `installed-state`, plus
 * `-<revision>` (istio/istio operator/cmd/mesh/install.go, savedIOPName).
 */
function unnamedInputName(kind, apiVersion, object) {
    if (kind !== 'IstioOperator' || !apiVersion.startsWith('install.istio.io/'))
        return undefined;
    const revision = (0,model_read/* asString */.oJ)((0,model_read/* asRecord */.qY)(object.spec)?.revision);
    return revision ? `installed-state-${revision}` : 'installed-state';
}
/**
 * Where an object is: the line of its `metadata.name`, found on first use. Asking a document for a line reads its
 * nodes, and most objects of a big repository are never reported; reading them all cost more than the rest of a
 * model build on a repository of thousands of related objects. The line is a getter, so it is copied and
 * serialised like a plain value.
 */
function nameOrigin(document, key) {
    let line;
    return {
        file: document.file,
        get line() {
            return (line ??= document.lineAt(['metadata', key]) ?? document.line);
        },
    };
}
function apiGroup(apiVersion) {
    const slash = apiVersion.indexOf('/');
    return slash < 0 ? '' : apiVersion.slice(0, slash);
}
/** Origin of the field at `path` in the resource's document, falling back to the resource's own line. */
function originAt(resource, path, fallback = resource.origin) {
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
function originLaterAt(resource, path) {
    let known;
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
function fileAt(document, path) {
    return document.fileAt?.(path) ?? document.file;
}

;// CONCATENATED MODULE: ./src/model/dynakube.ts




const CODE_MODULE_MODES = ['cloudNativeFullStack', 'applicationMonitoring'];
function isDynaKube(resource) {
    return resource.kind === 'DynaKube' && resource.apiVersion.startsWith('dynatrace.com/');
}
/** Normalizes a DynaKube of any served apiVersion into one shape. */
function readDynaKube(resource) {
    const value = resource.document.value;
    const version = resource.apiVersion.split('/')[1] ?? '';
    const at = (path) => originAt(resource, path);
    const stringFact = (path) => {
        const text = (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(value, path));
        return text === undefined ? undefined : provenance_fact(text, at(path));
    };
    const enableIstioRaw = (0,model_read/* getIn */.O6)(value, ['spec', 'enableIstio']);
    const enableIstio = enableIstioRaw === undefined
        ? provenance_fact(false, at(['spec']), true)
        : provenance_fact((0,model_read/* asBoolean */.tB)(enableIstioRaw) ?? false, at(['spec', 'enableIstio']));
    // A mode written without a value (`cloudNativeFullStack:` with its fields commented out) is null: a `nullable`
    // pointer the operator decodes to nil, which is the mode off (oneagent/spec.go, `IsCloudNativeFullstackMode`).
    const modes = ONEAGENT_MODES.filter((mode) => (0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(value, ['spec', 'oneAgent', mode])) !== undefined).map((mode) => provenance_fact(mode, at(['spec', 'oneAgent', mode])));
    // v1alpha1 had only `spec.classicFullStack.enabled`.
    if ((0,model_read/* asBoolean */.tB)((0,model_read/* getIn */.O6)(value, ['spec', 'classicFullStack', 'enabled'])) === true) {
        modes.push(provenance_fact('classicFullStack', at(['spec', 'classicFullStack'])));
    }
    const injecting = modes.find((mode) => CODE_MODULE_MODES.includes(mode.value))?.value;
    const modeField = (mode, field) => mode ? stringFact(['spec', 'oneAgent', mode, field]) : undefined;
    return {
        ...resource,
        version,
        apiUrl: stringFact(['spec', 'apiUrl']),
        enableIstio,
        networkZone: stringFact(['spec', 'networkZone']),
        modes,
        namespaceSelector: readSelector(resource, version, injecting),
        codeModulesImage: modeField(injecting, 'codeModulesImage'),
        ...(hasUseCsiDriverField(version) && modes.some((m) => m.value === 'applicationMonitoring')
            ? { useCSIDriver: readUseCsiDriver(resource) }
            : {}),
        oneAgentImage: modeField(modes.find((m) => m.value !== 'applicationMonitoring')?.value, 'image'),
        activeGate: readActiveGate(resource),
        ...optional('extensions', readExtensions(resource, version)),
        // A v1beta6 field: older versions prune it (the CRD fixtures).
        publicRegistryOverride: versionAtLeast(version, 'v1beta6')
            ? stringFact(['spec', 'publicRegistryOverride'])
            : undefined,
        specPath: ['spec'],
    };
}
function optional(key, value) {
    return value === undefined ? {} : { [key]: value };
}
/**
 * Whether the DynaKube turns extensions on, as the operator reads it (HEAD `operands_props.go`: Prometheus when
 * `spec.extensions.prometheus` is set, databases when listed; v1beta3–v1beta5 convert any `spec.extensions` to
 * Prometheus on; earlier versions have no such field). Undefined when they are off.
 */
function readExtensions(resource, version) {
    const path = ['spec', 'extensions'];
    const extensions = (0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(resource.document.value, path));
    if (!extensions)
        return undefined;
    // v1alpha1, v1beta1 and v1beta2 have no such field: the API server prunes it.
    if (['v1beta3', 'v1beta4', 'v1beta5'].includes(version))
        return provenance_fact(true, originAt(resource, path));
    if (version !== 'v1beta6')
        return undefined;
    if ((0,model_read/* asRecord */.qY)(extensions.prometheus))
        return provenance_fact(true, originAt(resource, [...path, 'prometheus']));
    if ((0,model_read/* asArray */._j)(extensions.databases).length > 0)
        return provenance_fact(true, originAt(resource, [...path, 'databases']));
    return undefined;
}
/** `applicationMonitoring.useCSIDriver` exists in v1beta1 and v1beta2 only (reference/dynatrace.md §3.2). */
function hasUseCsiDriverField(version) {
    return version === 'v1beta1' || version === 'v1beta2';
}
/** The field, or false where it is absent (the v1beta2 CRD default; v1beta1 has none and nil reads as false). */
function readUseCsiDriver(resource) {
    const path = ['spec', 'oneAgent', 'applicationMonitoring', 'useCSIDriver'];
    const raw = (0,model_read/* getIn */.O6)(resource.document.value, path);
    return raw === undefined
        ? provenance_fact(false, originAt(resource, path.slice(0, -1)), true)
        : provenance_fact((0,model_read/* asBoolean */.tB)(raw) ?? false, originAt(resource, path));
}
/**
 * Paths of the code-module `namespaceSelector` a DynaKube may carry: v1beta1 keeps it at `spec.namespaceSelector`,
 * later versions under the injecting mode.
 */
const DYNAKUBE_SELECTOR_PATHS = [
    ['spec', 'namespaceSelector'],
    ...CODE_MODULE_MODES.map((mode) => ['spec', 'oneAgent', mode, 'namespaceSelector']),
];
/**
 * The selector the injecting mode reads: `spec.namespaceSelector` in v1beta1 (and v1alpha1), the mode's own from v1beta2.
 * Each version's schema has only its own (the CRD fixtures): the API server prunes the other, so it is never read.
 * Its CRD types label values `string`: an unquoted `true` or `2` makes the API server reject the DynaKube, so it is not
 * read (as for labels, `metadataStrings`); `shapeNotes` says to quote it.
 */
function readSelector(resource, version, mode) {
    const path = !versionAtLeast(version, 'v1beta2')
        ? ['spec', 'namespaceSelector']
        : mode && ['spec', 'oneAgent', mode, 'namespaceSelector'];
    const selector = path && toSelector((0,model_read/* getIn */.O6)(resource.document.value, path), 'strings only');
    return path && selector ? provenance_fact(selector, originAt(resource, path)) : undefined;
}
/** DynaKube versions, oldest first. */
const DYNAKUBE_VERSIONS = ['v1alpha1', 'v1beta1', 'v1beta2', 'v1beta3', 'v1beta4', 'v1beta5', 'v1beta6'];
/** Whether `version` is `oldest` or later; a version not known here is taken for a newer one. */
function versionAtLeast(version, oldest) {
    const rank = DYNAKUBE_VERSIONS.indexOf(version);
    return rank < 0 || rank >= DYNAKUBE_VERSIONS.indexOf(oldest);
}
/**
 * A label selector. With `strings only`, label values written as YAML booleans or numbers are left out, where a
 * schema types them `string` and rejects the object; otherwise they are read as their text.
 */
function toSelector(raw, values = 'as text') {
    const record = (0,model_read/* asRecord */.qY)(raw);
    if (!record)
        return undefined;
    const readText = values === 'strings only' ? (v) => (typeof v === 'string' ? v : undefined) : model_read/* asString */.oJ;
    const selector = {};
    if (record.matchLabels !== undefined)
        selector.matchLabels =
            values === 'strings only' ? (0,model_read/* metadataStrings */.ah)(record.matchLabels) : (0,model_read/* stringMap */.Qi)(record.matchLabels);
    if (record.matchExpressions !== undefined) {
        selector.matchExpressions = (0,model_read/* asArray */._j)(record.matchExpressions).flatMap((item) => {
            const expression = (0,model_read/* asRecord */.qY)(item);
            const key = (0,model_read/* asString */.oJ)(expression?.key);
            const operator = (0,model_read/* asString */.oJ)(expression?.operator);
            // An unknown operator is kept: dropping it would make the selector broader than written.
            if (!key || !operator)
                return [];
            const requirementValues = (0,model_read/* asArray */._j)(expression?.values)
                .map(readText)
                .filter((v) => v !== undefined);
            return [{ key, operator, values: requirementValues }];
        });
    }
    return selector;
}
function readActiveGate(resource) {
    const value = resource.document.value;
    const activeGate = (0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(value, ['spec', 'activeGate']));
    if (!activeGate)
        return undefined;
    const capabilities = (0,model_read/* asArray */._j)(activeGate.capabilities)
        .map(model_read/* asString */.oJ)
        .filter((c) => c !== undefined);
    const image = (0,model_read/* asString */.oJ)(activeGate.image);
    return {
        capabilities: provenance_fact(capabilities, originAt(resource, ['spec', 'activeGate', 'capabilities'])),
        // Typed `string` in the CRD, as an object's own labels: an unquoted `true` is not read (`shapeNotes` says so).
        labels: (0,model_read/* metadataStrings */.ah)(activeGate.labels),
        annotations: (0,model_read/* metadataStrings */.ah)(activeGate.annotations),
        ...(image ? { image: provenance_fact(image, originAt(resource, ['spec', 'activeGate', 'image'])) } : {}),
        origin: originAt(resource, ['spec', 'activeGate']),
    };
}
/** Whether two DynaKubes are the same object (name and namespace), as on base and head of a pull request. */
function sameDynaKube(a, b) {
    return a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');
}
/** The mode that injects code modules into application pods (cloudNativeFullStack, applicationMonitoring), if any. */
function injectingMode(dynakube) {
    return dynakube.modes.find((mode) => CODE_MODULE_MODES.includes(mode.value));
}
/** True when the DynaKube injects code modules into application pods. */
function injectsCodeModules(dynakube) {
    return injectingMode(dynakube) !== undefined;
}
/**
 * Whether a boolean feature-flag annotation (default off) is on (pkg/api/exp `getBoolWithDefault`). Older operators
 * (0.x) compared with `"true"` alone, which this accepts too.
 */
function featureFlagOn(dynakube, flag) {
    return (0,model_read/* parseGoBool */.MY)(dynakube.annotations[flag]) === true;
}
const AUTOMATIC_INJECTION_FLAG = 'feature.dynatrace.com/automatic-injection';
const POD_INJECT_ANNOTATION = 'oneagent.dynatrace.com/inject';
/** The pod annotation that turns every Dynatrace mutation of the pod off (the webhook's `mutationRequired`). */
const POD_DYNATRACE_INJECT_ANNOTATION = 'dynatrace.com/inject';
/**
 * Whether the DynaKube injects code modules into a pod of a namespace it monitors, by the pod's annotations:
 * `dynatrace.com/inject: "false"` turns every mutation off; then the pod's `oneagent.dynatrace.com/inject` decides,
 * else `feature.dynatrace.com/automatic-injection` (default on; when off, pods must opt in one by one). The webhook's
 * `mutationRequired` and the OneAgent mutator's `IsEnabled` (`maputils.GetFieldBool` with the flag as default).
 */
function injectsIntoPod(dynakube, podAnnotations) {
    if ((0,model_read/* parseGoBool */.MY)(podAnnotations[POD_DYNATRACE_INJECT_ANNOTATION]) === false)
        return false;
    const automatic = (0,model_read/* parseGoBool */.MY)(dynakube.annotations[AUTOMATIC_INJECTION_FLAG]) ?? true;
    return (0,model_read/* parseGoBool */.MY)(podAnnotations[POD_INJECT_ANNOTATION]) ?? automatic;
}

// EXTERNAL MODULE: ./src/model/placeholders.ts
var placeholders = __webpack_require__(891);
;// CONCATENATED MODULE: ./src/model/chart-values.ts



/** A layer that is a mapping at `valuesPath` in a document (a values file, inline values, a nested values string). */
function documentLayer(document, valuesPath, via) {
    return { via, values: (0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(document.value, valuesPath)) ?? {}, document, valuesPath };
}
/** Merges Helm style: maps deep, lists and scalars replaced, `null` deletes the key (as `helm` does). */
function helmMerge(base, override) {
    const result = { ...base };
    for (const [key, value] of Object.entries(override)) {
        if (value === null) {
            delete result[key];
            continue;
        }
        const left = (0,model_read/* asRecord */.qY)(result[key]);
        const right = (0,model_read/* asRecord */.qY)(value);
        result[key] = left && right ? helmMerge(left, right) : value;
    }
    return result;
}
function mergeLayers(layers) {
    return layers.reduce((merged, layer) => helmMerge(merged, layer.values), {});
}
/** Where `path` is written in one layer, or undefined when the layer does not set it. */
function layerOrigin(layer, path) {
    if ((0,model_read/* getIn */.O6)(layer.values, path) === undefined)
        return undefined;
    if (layer.locate)
        return layer.locate(path);
    if (!layer.document || !layer.valuesPath)
        return undefined;
    const full = [...layer.valuesPath, ...path];
    const range = layer.document.rangeAt(full);
    return range
        ? {
            file: fileAt(layer.document, full),
            line: range.startLine,
            endLine: range.endLine,
            path: full.join('.'),
        }
        : undefined;
}
/**
 * Chart values from several layers. `document`/`valuesPath` name the layer a person edits to change a value:
 * the highest-precedence layer that is a mapping in a document.
 */
function layeredChartValues(chart, layers, release) {
    const editable = [...layers]
        .reverse()
        .find((layer) => !layer.preset && !layer.chartDefaults && layer.document && layer.valuesPath);
    return {
        chart,
        values: mergeLayers(layers),
        document: editable?.document ?? release.fallback.document,
        valuesPath: editable?.valuesPath ?? release.fallback.valuesPath,
        origin: release.origin,
        via: release.via,
        layers,
        ...(release.releaseNamespace ? { releaseNamespace: release.releaseNamespace } : {}),
        ...(knownVersion(release.chartVersion)
            ? {
                chartVersion: release.chartVersion,
                ...(release.chartVersionOrigin ? { chartVersionOrigin: release.chartVersionOrigin } : {}),
            }
            : {}),
        ...(release.releaseName ? { releaseName: release.releaseName } : {}),
    };
}
/**
 * A chart version that says which release it is: not empty and not a placeholder (`${version}` a substitution
 * left unresolved, `${ARGOCD_ENV_*}`), which is noted as not evaluable where it is written and read as unpinned.
 */
function knownVersion(version) {
    return !!version && !(0,placeholders/* placeholderIn */.P5)(version);
}
/** Splits a Helm `--set` key (`pilot.env.A`, `a\.b.c`, `list[0].x`) into a path. */
function parseSetKey(key) {
    const path = [];
    let current = '';
    for (let i = 0; i < key.length; i++) {
        const char = key[i];
        if (char === '\\' && i + 1 < key.length) {
            current += key[++i];
        }
        else if (char === '.') {
            if (current !== '')
                path.push(current);
            current = '';
        }
        else if (char === '[') {
            const end = key.indexOf(']', i);
            if (current !== '')
                path.push(current);
            current = '';
            path.push(Number(key.slice(i + 1, end < 0 ? undefined : end)));
            i = end < 0 ? key.length : end;
        }
        else {
            current += char;
        }
    }
    if (current !== '')
        path.push(current);
    return path;
}
/**
 * Helm `--set` typing (helm pkg/strvals/parser.go typedVal): `true`, `false` and `null` in any case and integers
 * become typed, the rest stays a string (`--set-string` keeps all). `{a,b}` is a list of such values with either.
 */
function setValue(raw, forceString) {
    const list = /^\{(.*)\}$/s.exec(raw);
    if (list)
        return list[1].split(',').map((item) => setScalar(item, forceString));
    return setScalar(raw, forceString);
}
function setScalar(raw, forceString) {
    if (forceString)
        return raw;
    const lower = raw.toLowerCase();
    if (lower === 'true')
        return true;
    if (lower === 'false')
        return false;
    if (lower === 'null')
        return null;
    if (/^[-+]?(0|[1-9]\d{0,15})$/.test(raw))
        return Number(raw);
    return raw;
}
/** Builds the nested object for one `--set` assignment. */
function setAt(target, path, value) {
    let current = target;
    path.forEach((segment, index) => {
        const last = index === path.length - 1;
        const nextIsIndex = typeof path[index + 1] === 'number';
        const container = current;
        if (last) {
            container[segment] = value;
            return;
        }
        if (container[segment] === undefined ||
            typeof container[segment] !== 'object' ||
            container[segment] === null)
            container[segment] = nextIsIndex ? [] : {};
        current = container[segment];
    });
}

;// CONCATENATED MODULE: ./src/parse/template.ts

/**
 * Helm chart templates (`{{ .Values.x }}`, `{{- if … }}`) are not YAML until rendered. The YAML parser either
 * rejects them or reads `{{ … }}` as a flow mapping used as a key; both mean the document is a template, which the
 * check does not render, so it is reported as such instead of as a syntax error or a silently odd value.
 */
const TEMPLATE_ACTION = /\{\{-?\s*[^}]*\}\}/;
/** 0-based offset of the first `{{ … }}` action in `text[start, end)`, or undefined. */
function templateActionOffset(text, start, end) {
    const match = TEMPLATE_ACTION.exec(text.slice(start, end));
    return match ? start + match.index : undefined;
}
/** Whether a mapping in the document has a mapping or sequence as a key (`{{ .Values.x }}: …` or `name: {{ x }}`). */
function hasCollectionKey(doc) {
    const stack = [doc.contents];
    while (stack.length > 0) {
        const node = stack.pop();
        if ((0,dist/* isSeq */.oP)(node))
            for (const item of node.items)
                stack.push(item);
        else if ((0,dist/* isMap */.jh)(node)) {
            for (const pair of node.items) {
                if (!(0,dist/* isPair */.tO)(pair))
                    continue;
                if ((0,dist/* isMap */.jh)(pair.key) || (0,dist/* isSeq */.oP)(pair.key))
                    return true;
                stack.push(pair.value);
            }
        }
    }
    return false;
}
const TEMPLATE_REASON = 'Helm/Go template syntax ({{ … }}): the document is a template, not YAML until rendered, and was not evaluated';

;// CONCATENATED MODULE: ./src/parse/yaml.ts


/** The value at `path` in a plain value; undefined where the path leads nowhere. */
function valueAt(value, path) {
    let current = value;
    for (const segment of path) {
        if (current === null || typeof current !== 'object')
            return undefined;
        current = current[segment];
    }
    return current;
}
/** The writers of `path` in `document`: the document itself when it is no overlay and holds the path. */
function yaml_writersOf(document, path) {
    if (document.writersAt)
        return document.writersAt(path);
    return document.describeAt(path) ? [{ document, path: [...path], patch: false }] : [];
}
/** Kubernetes reads YAML 1.1 style: yes/no/on/off booleans and `<<` merge keys. */
const PARSE_OPTIONS = {
    version: '1.1',
    merge: true,
    uniqueKeys: false,
    prettyErrors: false,
    // Warnings would go to the process's stderr; what matters about a document is reported as a problem instead.
    logLevel: 'error',
};
/** Bounds the expansion of aliases so a "billion laughs" document cannot exhaust memory. */
const MAX_ALIAS_COUNT = 1000;
/** Follows an alias to the node its anchor names; other nodes are returned as they are. */
function resolved(node, doc) {
    let current = node;
    for (let hops = 0; current && (0,dist/* isAlias */.Vj)(current) && hops < 32; hops++)
        current = current.resolve(doc);
    return current;
}
const MERGE_KEY = '<<';
/** With `merge: true` the parser gives a `<<` key a symbol value. */
function isMergeKey(key) {
    return (0,dist/* isScalar */.jn)(key) && (typeof key.value === 'symbol' || key.source === MERGE_KEY);
}
/**
 * The pair of `key` that the value comes from: with a repeated key the last one (the decoder keeps the last value,
 * so a finding and its fix must point there, not at the overridden one).
 */
function lastPairWithKey(map, key) {
    for (let index = map.items.length - 1; index >= 0; index--) {
        const item = map.items[index];
        if ((0,dist/* isPair */.tO)(item) && (0,dist/* isScalar */.jn)(item.key) && !isMergeKey(item.key) && String(item.key.value) === key)
            return item;
    }
    return undefined;
}
/** The pair for `segment` in a map: its own keys first, then the maps merged in with `<<` (earlier merges win). */
function findPair(map, segment, doc, depth = 0) {
    const own = lastPairWithKey(map, String(segment));
    if (own)
        return { key: own.key, value: (own.value ?? undefined) };
    if (depth > 16)
        return undefined;
    for (const item of map.items) {
        if (!(0,dist/* isPair */.tO)(item) || !isMergeKey(item.key))
            continue;
        const merged = resolved(item.value, doc);
        const sources = (0,dist/* isSeq */.oP)(merged) ? merged.items.map((entry) => resolved(entry, doc)) : [merged];
        for (const source of sources) {
            if (!(0,dist/* isMap */.jh)(source))
                continue;
            const found = findPair(source, segment, doc, depth + 1);
            if (found)
                return found;
        }
    }
    return undefined;
}
function locate(root, path, doc) {
    let current = { value: root ?? undefined };
    for (const segment of path) {
        const node = resolved(current.value, doc);
        if ((0,dist/* isMap */.jh)(node)) {
            const found = findPair(node, segment, doc);
            if (!found)
                return undefined;
            current = found;
        }
        else if ((0,dist/* isSeq */.oP)(node) && typeof segment === 'number') {
            const item = node.items[segment];
            if (item === undefined)
                return undefined;
            current = { value: item };
        }
        else {
            return undefined;
        }
    }
    return current;
}
/**
 * Whether a value holds itself: an alias inside the node its anchor names, which go-yaml refuses ("anchor … value
 * contains itself") and which no JSON can hold. Each object is walked once.
 */
function containsItself(root) {
    const ancestors = new Set();
    const done = new Set();
    const visit = (value) => {
        if (value === null || typeof value !== 'object' || done.has(value))
            return false;
        if (ancestors.has(value))
            return true;
        ancestors.add(value);
        const children = value instanceof Map ? [...value.values()] : Object.values(value);
        const found = children.some(visit);
        ancestors.delete(value);
        done.add(value);
        return found;
    };
    return visit(root);
}
const identity = (line, col) => ({ line, col });
function makeDocument(file, index, doc, lines, text, mapPosition = identity) {
    const positionOf = (offset) => {
        const { line, col } = lines.linePos(offset);
        return mapPosition(line, col);
    };
    const lineOfOffset = (offset) => positionOf(offset).line;
    const contents = doc.contents;
    const startOffset = contents?.range?.[0] ?? doc.range?.[0] ?? 0;
    const value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    // Only a document with an alias can contain itself; most have none, and are not walked again.
    if (text.slice(doc.range[0], doc.range[2]).includes('*') && containsItself(value))
        throw new Error("an anchor's value contains itself (an alias inside the node it names)");
    return {
        file,
        index,
        value,
        line: lineOfOffset(startOffset),
        lineAt(path) {
            const found = locate(contents, path, doc);
            const node = found?.key ?? found?.value;
            return node?.range ? lineOfOffset(node.range[0]) : undefined;
        },
        positionAt(path) {
            const found = locate(contents, path, doc);
            const node = found?.key ?? found?.value;
            return node?.range ? positionOf(node.range[0]) : undefined;
        },
        rangeAt(path) {
            const found = locate(contents, path, doc);
            const first = found?.key ?? found?.value;
            if (!first?.range)
                return undefined;
            const last = found?.value?.range ? found.value : first;
            const endOffset = Math.max(last.range[1] - 1, first.range[0]);
            return { startLine: lineOfOffset(first.range[0]), endLine: lineOfOffset(endOffset) };
        },
        describeAt(path) {
            const found = locate(contents, path, doc);
            if (!found)
                return undefined;
            const value = found.value;
            const anchor = found.key ?? value;
            if (!anchor?.range)
                return undefined;
            const start = positionOf(anchor.range[0]);
            const valueRange = value?.range ?? anchor.range;
            const endLine = lineOfOffset(Math.max(valueRange[1] - 1, valueRange[0]));
            const isNull = !value || ((0,dist/* isScalar */.jn)(value) && value.value === null);
            const kind = (0,dist/* isMap */.jh)(value) ? 'map' : (0,dist/* isSeq */.oP)(value) ? 'seq' : isNull ? 'null' : 'scalar';
            const flow = ((0,dist/* isMap */.jh)(value) || (0,dist/* isSeq */.oP)(value)) && value.flow === true;
            const firstChild = (0,dist/* isMap */.jh)(value)
                ? value.items[0]?.key
                : (0,dist/* isSeq */.oP)(value)
                    ? value.items[0]
                    : undefined;
            const childCol = firstChild?.range ? positionOf(firstChild.range[0]).col : undefined;
            return { kind, flow, start, endLine: isNull ? start.line : endLine, ...(childCol ? { childCol } : {}) };
        },
        nestedAt(path, replacement) {
            const node = resolved(locate(contents, path, doc)?.value, doc);
            if (!(0,dist/* isScalar */.jn)(node) || typeof node.value !== 'string' || !node.range)
                return undefined;
            const header = lines.linePos(node.range[0]);
            const nested = replacement ?? node.value;
            // A block scalar's content starts on the line after its `|` header, one line per line, indented.
            const isBlock = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
            if (!isBlock)
                return parseYamlText(file, nested, () => mapPosition(header.line, header.col));
            const indent = blockIndent(text, node.range[0]);
            return parseYamlText(file, nested, (line, col) => mapPosition(header.line + line, col + indent));
        },
    };
}
/** Indentation of the first non-empty content line of the block scalar whose header starts at `offset`. */
function blockIndent(text, offset) {
    const lines = text.slice(offset).split('\n').slice(1);
    const first = lines.find((line) => line.trim() !== '');
    return first ? first.length - first.trimStart().length : 0;
}
/** Parses a multi-document YAML text. Never throws: syntax errors become `problems` with file and line. */
function parseYamlText(file, rawText, mapPosition = identity) {
    const mapLine = (line) => mapPosition(line, 1).line;
    const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
    const lineCounter = new dist/* LineCounter */.HN();
    const documents = [];
    const problems = [];
    let parsed;
    try {
        parsed = (0,dist/* parseAllDocuments */.hR)(text, { ...PARSE_OPTIONS, lineCounter });
    }
    catch (error) {
        return {
            file,
            text,
            documents,
            problems: [{ file, line: 1, reason: `YAML could not be read: ${messageOf(error)}` }],
        };
    }
    if (!Array.isArray(parsed))
        parsed = [];
    // Errors at the end of the text point one past its last line; a line there cannot be annotated.
    const lastLine = Math.max(1, lineCounter.linePos(Math.max(0, text.trimEnd().length - 1)).line);
    const lineOf = (offset) => mapLine(Math.min(lineCounter.linePos(offset).line, lastLine));
    parsed.forEach((doc, index) => {
        const template = templateActionOffset(text, doc.range[0], doc.range[2]);
        if (template !== undefined && (doc.errors.length > 0 || hasCollectionKey(doc))) {
            problems.push({ file, line: lineOf(template), reason: TEMPLATE_REASON });
            return;
        }
        if (doc.errors.length > 0) {
            const error = doc.errors[0];
            problems.push({ file, line: lineOf(error.pos[0]), reason: syntaxReason(error.message) });
            return;
        }
        if (isEmptyDocument(doc))
            return;
        for (const duplicate of duplicateKeys(doc)) {
            const line = lineOf(duplicate.offset);
            const first = lineOf(duplicate.firstOffset);
            problems.push({
                file,
                line,
                reason: `duplicate key "${duplicate.key}" (first at line ${first}); the last value is used`,
            });
        }
        try {
            documents.push(makeDocument(file, index, doc, lineCounter, text, mapPosition));
        }
        catch (error) {
            const reason = isStackOverflow(error)
                ? TOO_DEEP
                : `YAML document could not be read: ${messageOf(error)}`;
            problems.push({ file, line: lineOf(doc.range[0]), reason });
        }
    });
    return { file, text, documents, problems };
}
const TOO_DEEP = 'YAML document is nested too deeply to be read';
/** The parser reports running out of stack as an error of the document; that is depth, not a typo. */
function isStackOverflow(error) {
    return error instanceof RangeError || /maximum call stack/i.test(messageOf(error));
}
function syntaxReason(message) {
    return isStackOverflow(message) ? TOO_DEEP : `YAML syntax error: ${firstLine(message)}`;
}
/** An empty or comment-only document parses to a null scalar (or no contents at all). */
function isEmptyDocument(doc) {
    return doc.contents === null || ((0,dist/* isScalar */.jn)(doc.contents) && doc.contents.value === null);
}
/**
 * Keys repeated in one mapping. Kubernetes' decoder keeps the last one silently; a reviewer should know, because
 * the first one is what a person reading the file sees.
 */
function duplicateKeys(doc) {
    const found = [];
    const stack = [doc.contents];
    while (stack.length > 0) {
        const node = stack.pop();
        if ((0,dist/* isSeq */.oP)(node)) {
            // One by one: a spread of a long flow sequence would overflow the call stack.
            for (const item of node.items)
                stack.push(item);
        }
        else if ((0,dist/* isMap */.jh)(node)) {
            const seen = new Map();
            for (const pair of node.items) {
                if (!(0,dist/* isPair */.tO)(pair))
                    continue;
                const key = pair.key;
                if ((0,dist/* isScalar */.jn)(key) && !isMergeKey(key) && key.range) {
                    const name = String(key.value);
                    const first = seen.get(name);
                    if (first === undefined)
                        seen.set(name, key.range[0]);
                    else
                        found.push({ key: name, offset: key.range[0], firstOffset: first });
                }
                stack.push(pair.value);
            }
        }
    }
    return found.sort((a, b) => a.offset - b.offset);
}
function firstLine(message) {
    return message.split('\n')[0].trim();
}
function messageOf(error) {
    return firstLine(error instanceof Error ? error.message : String(error));
}
/** A view of the node at `prefix` as a document of its own (an item of a `kind: List`). */
function subDocument(document, prefix, value) {
    const full = (path) => [...prefix, ...path];
    return {
        file: document.file,
        index: document.index,
        value,
        line: document.lineAt(prefix) ?? document.line,
        lineAt: (path) => document.lineAt(full(path)),
        positionAt: (path) => document.positionAt(full(path)),
        rangeAt: (path) => document.rangeAt(full(path)),
        describeAt: (path) => document.describeAt(full(path)),
        nestedAt: (path, text) => document.nestedAt(full(path), text),
        ...(document.fileAt ? { fileAt: (path) => document.fileAt(full(path)) } : {}),
        ...(document.writersAt
            ? { writersAt: (path) => document.writersAt(full(path)) }
            : {}),
    };
}
/**
 * A document whose value was changed after parsing (a kustomize patch, a Flux substitution): lines, ranges and
 * nested documents of the paths a source wrote come from that source (the patch file), the others from `base`.
 */
function overlayDocument(base, value, sources) {
    /** The source that wrote `path` last (later sources win), if any wrote it or a node above it. */
    const topSource = (path) => {
        for (let i = sources.length - 1; i >= 0; i--) {
            const source = sources[i];
            if (source.path.length <= path.length &&
                source.path.every((segment, j) => String(segment) === String(path[j])))
                return source;
        }
        return undefined;
    };
    const mapped = (source, path) => [
        ...source.documentPath,
        ...path.slice(source.path.length),
    ];
    const route = (path) => {
        const source = topSource(path);
        return source
            ? { document: source.document, path: mapped(source, path) }
            : { document: base, path: [...path] };
    };
    return {
        file: base.file,
        index: base.index,
        value,
        line: base.line,
        lineAt: (path) => {
            const target = route(path);
            return target.document.lineAt(target.path);
        },
        positionAt: (path) => {
            const target = route(path);
            return target.document.positionAt(target.path);
        },
        rangeAt: (path) => {
            const target = route(path);
            return target.document.rangeAt(target.path);
        },
        describeAt: (path) => {
            const target = route(path);
            return target.document.describeAt(target.path);
        },
        nestedAt: (path, text) => {
            const target = route(path);
            // The string as it is now: a Flux substitution changed its text (on the same lines) but not the source's.
            const current = valueAt(value, path);
            return target.document.nestedAt(target.path, text ?? (typeof current === 'string' ? current : undefined));
        },
        fileAt: (path) => {
            const target = route(path);
            return target.document.fileAt?.(target.path) ?? target.document.file;
        },
        writersAt: (path) => {
            // A value a later patch removed has no writer left: editing the files that show it would change nothing.
            if (valueAt(value, path) === undefined)
                return [];
            const top = topSource(path);
            if (!top)
                return yaml_writersOf(base, path);
            const writer = { document: top.document, path: mapped(top, path), patch: true };
            // A source that replaced a whole subtree above `path` hides what the documents below wrote there.
            return top.path.length < path.length ? [writer] : [writer, ...yaml_writersOf(base, path)];
        },
    };
}

;// CONCATENATED MODULE: ./src/model/repo.ts



function indexRepository(files) {
    const repo = { files: new Map(), resources: [], plainDocuments: [], generatedConfigMaps: [] };
    for (const file of files) {
        repo.files.set(file.file, file);
        for (const document of file.documents)
            addDocument(repo, document);
    }
    return repo;
}
function addDocument(repo, document) {
    const object = (0,model_read/* asRecord */.qY)(document.value);
    if (object?.kind === 'List' && Array.isArray(object.items)) {
        (0,model_read/* asArray */._j)(object.items).forEach((item, index) => addDocument(repo, subDocument(document, ['items', index], item)));
        return;
    }
    const resource = readResource(document, document.value);
    if (resource)
        repo.resources.push(resource);
    else if (object)
        repo.plainDocuments.push(document);
}
/** The object of `kind` named `name`, preferring one in `namespace` (or without a namespace in the file). */
function findResource(repo, kind, name, namespace) {
    const candidates = repo.resources.filter((r) => r.kind === kind && r.name === name);
    return (candidates.find((r) => r.namespace === namespace) ??
        candidates.find((r) => r.namespace === undefined) ??
        candidates[0]);
}
/** First document of a repository file, for values files. */
function firstDocument(repo, path) {
    return repo.files.get(path)?.documents[0];
}
/** Empty, `.` or `..` segments (or a leading or trailing `/`): only such paths need their segments rewritten. */
const NOT_NORMAL = /(?:^|\/)\.{0,2}(?:\/|$)/;
/** Normalizes `a/./b/../c` to `a/c`; undefined when the path leaves the repository. */
function normalizePath(path) {
    if (path !== '' && !NOT_NORMAL.test(path))
        return path;
    const parts = [];
    for (const part of path.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (parts.length === 0)
                return undefined;
            parts.pop();
        }
        else
            parts.push(part);
    }
    return parts.join('/');
}
function dirname(path) {
    const slash = path.lastIndexOf('/');
    return slash < 0 ? '' : path.slice(0, slash);
}
function joinPath(dir, relative) {
    return normalizePath(dir ? `${dir}/${relative}` : relative);
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/sources/types.ts
const DEFAULT_SELECTION = {
    include: ['**/*.yaml', '**/*.yml'],
    exclude: [],
};
/** Folders never read: version control internals and installed packages. */
const ALWAYS_SKIPPED_DIRS = new Set(['.git', 'node_modules']);

;// CONCATENATED MODULE: ./src/sources/select.ts



const DEFAULT_INCLUDE = ['**/*.yaml', '**/*.yml'];
/** A path with a segment that is one of {@link ALWAYS_SKIPPED_DIRS}. */
const SKIPPED_SEGMENT = new RegExp(`(?:^|/)(?:${[...ALWAYS_SKIPPED_DIRS].map((dir) => dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?:/|$)`);
/**
 * Builds a predicate over repository-relative paths from include and exclude globs. Each glob is compiled to one
 * regular expression: the predicate runs on every path of both sides, and picomatch's matcher functions cost
 * several times more per path than the expression they test.
 */
function fileMatcher(selection) {
    const included = compile(selection.include.length > 0 ? selection.include : DEFAULT_INCLUDE);
    const excluded = compile(selection.exclude);
    return (path) => path !== '' && !SKIPPED_SEGMENT.test(path) && included(path) && !excluded(path);
}
/** Whether a path matches one of the globs: as picomatch matches, by the expression or by equal text. */
function compile(globs) {
    const patterns = globs.map((glob) => ({ glob, expression: picomatch_default().makeRe(glob, { dot: true }) }));
    return (path) => patterns.some(({ glob, expression }) => path === glob || expression.test(path));
}
/**
 * Whether picomatch cannot read a glob (an unclosed brace or extglob, a reversed range, a lone backslash). It does
 * not throw on these: it compiles them to an expression that matches nothing, which would silently read (or
 * exclude) no file. A config file can also hold a glob picomatch throws on (longer than 64 KiB), or one whose
 * expression is too large to run: V8 compiles an expression when it first runs it, so it is run here once.
 */
function isUnreadableGlob(glob) {
    try {
        const expression = picomatch_default().makeRe(glob, { dot: true });
        expression.test('');
        return expression.source === '$^';
    }
    catch {
        return true;
    }
}
/**
 * Exclude globs for what a run writes inside the tree it reads (`root`), so a second run never reads the first
 * one's report or generated manifests back as the repository's configuration. An output folder that is the tree
 * itself excludes only the `generated/` folder written into it.
 */
function ownOutputExcludes(root, outputs) {
    const inside = (target) => {
        const relative = external_node_path_default().relative(external_node_path_default().resolve(root), external_node_path_default().resolve(target));
        if (relative.startsWith('..') || external_node_path_default().isAbsolute(relative))
            return undefined;
        return relative.split((external_node_path_default()).sep).join('/');
    };
    const globs = [];
    for (const dir of outputs.dirs) {
        const relative = inside(dir);
        if (relative !== undefined)
            globs.push(relative === '' ? 'generated/**' : `${escapeGlob(relative)}/**`);
    }
    for (const file of outputs.files) {
        const relative = inside(file);
        if (relative)
            globs.push(escapeGlob(relative));
    }
    return globs;
}
/** A path as a glob that matches only itself. */
function escapeGlob(text) {
    return text.replace(/[*?[\]{}()!+@\\]/g, '\\$&');
}

;// CONCATENATED MODULE: ./src/model/values-files.ts





/** Keys only the istiod chart has at the top level. */
const ISTIOD_KEYS = [
    'meshConfig',
    'pilot',
    'sidecarInjectorWebhook',
    'istiodRemote',
    'revisionTags',
    'meshNetworks',
];
/** Keys of the cni chart, flat (1.24+) or under the legacy `cni:` map. */
const CNI_KEYS = [
    'cniBinDir',
    'cniConfDir',
    'cniConfFileName',
    'cniNetnsDir',
    'excludeNamespaces',
    'repair',
    'chained',
    'cniPlugin',
];
const OPERATOR_KEYS = ['csidriver', 'installCRD', 'webhook', 'operator', 'activegate', 'oneagent'];
/** Which chart a plain values file is for, from its top-level keys; undefined when unsure. */
function recognizeChart(values) {
    const keys = Object.keys(values);
    if (keys.some((key) => ISTIOD_KEYS.includes(key)))
        return 'istiod';
    const legacyCni = (0,model_read/* asRecord */.qY)(values.cni);
    if (keys.some((key) => CNI_KEYS.includes(key)))
        return 'cni';
    if (legacyCni &&
        Object.keys(legacyCni).some((key) => [...CNI_KEYS, 'podAnnotations', 'ambient'].includes(key)))
        return 'cni';
    const operatorKeys = keys.filter((key) => OPERATOR_KEYS.includes(key));
    if ((0,model_read/* asRecord */.qY)(values.csidriver) || values.installCRD !== undefined || operatorKeys.length >= 2)
        return 'dynatrace-operator';
    return undefined;
}
/**
 * Maps a path to the chart whose globs in the config match it. A glob picomatch cannot read matches nothing: the
 * config file of the tree the CLI or action runs on is refused with its line before, but the base side's is read
 * only here.
 */
function chartMatcher(globs) {
    const matchers = HELM_CHARTS.flatMap((chart) => {
        const patterns = globs[chart]?.filter((glob) => !isUnreadableGlob(glob));
        return patterns && patterns.length > 0 ? [{ chart, matches: picomatch_default()(patterns, { dot: true }) }] : [];
    });
    return (path) => matchers.find((m) => m.matches(path))?.chart;
}
/** Chart values of a plain values file, release unknown unless a reference said so. */
function valuesFileChartValues(chart, document, how) {
    const via = `values file ${document.file} (${how})`;
    return layeredChartValues(chart, [documentLayer(document, [], via)], {
        via,
        origin: { file: document.file, line: document.line },
        fallback: { document, valuesPath: [] },
    });
}

;// CONCATENATED MODULE: ./src/model/helm.ts






const CHART_ALIASES = {
    istiod: 'istiod',
    'istio-discovery': 'istiod',
    'istio-control': 'istiod',
    cni: 'cni',
    'istio-cni': 'cni',
    base: 'base',
    'istio-base': 'base',
    ztunnel: 'ztunnel',
    gateway: 'gateway',
    'istio-ingress': 'gateway',
    'istio-ingressgateway': 'gateway',
    'istio-egressgateway': 'gateway',
    'dynatrace-operator': 'dynatrace-operator',
};
/** Maps a chart reference (`istio/cni`, `oci://…/istiod`, `dynatrace-operator`) to the chart it is. */
function chartOf(reference) {
    if (!reference)
        return undefined;
    const name = reference.replace(/\/+$/, '').split('/').pop() ?? '';
    return CHART_ALIASES[name.toLowerCase()];
}
function isHelmRelease(resource) {
    return resource.kind === 'HelmRelease' && resource.apiVersion.startsWith('helm.toolkit.fluxcd.io/');
}
/**
 * Values of a Flux HelmRelease whose chart is one we read. With a context it follows `chartRef` to the
 * OCIRepository / HelmChart and `valuesFrom` to ConfigMaps of the repository (merged in order, `spec.values` after
 * them, a `targetPath` value over `spec.values`: see {@link fluxLayerOrder}).
 */
function readHelmRelease(resource, context) {
    const value = resource.document.value;
    const source = chartSourceOf(resource, context?.repo);
    if (!source.chart) {
        if (context)
            noteUnreadIstiodValues(resource, source, context.notEvaluable);
        return undefined;
    }
    const releaseNamespace = (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(value, ['spec', 'targetNamespace'])) ?? resource.namespace;
    const via = `HelmRelease ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`;
    const release = {
        releaseNamespace,
        chartVersion: source.version,
        releaseName: (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(value, ['spec', 'releaseName'])) ?? resource.name,
        via,
        origin: source.origin,
    };
    if (!context)
        return {
            ...chartValues(source.chart, resource.document, ['spec', 'values'], release),
            releaseName: release.releaseName,
        };
    const layers = fluxLayerOrder(valuesFromReferences(resource, context), documentLayer(resource.document, ['spec', 'values'], `${via} spec.values`));
    return layeredChartValues(source.chart, layers, {
        ...release,
        fallback: { document: resource.document, valuesPath: ['spec', 'values'] },
    });
}
/**
 * A release of a chart the tool does not read whose values carry istiod's top-level keys: a vendor's Istio umbrella
 * chart (Tetrate's `tetrate-istio`, aws-samples/eks-anywhere-addons). Its subcharts are not in the repository, so
 * the values are not guessed at; they are said to be unread.
 */
function noteUnreadIstiodValues(resource, source, notEvaluable) {
    if (!source.written)
        return;
    const values = (0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(resource.document.value, ['spec', 'values'])) ?? {};
    const keys = Object.keys(values).filter((key) => ISTIOD_KEYS.includes(key));
    if (keys.length === 0)
        return;
    notEvaluable.push({
        file: source.origin.file,
        line: source.origin.line,
        reason: `HelmRelease ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name} installs chart ${source.written}, not one of the Istio charts the tool reads (${ISTIO_CHARTS.join(', ')}): its istiod values (${keys.join(', ')}) are not evaluated`,
    });
}
/** `spec.chart.spec.chart`, or `spec.chartRef` to an OCIRepository (chart = last segment of its URL) or HelmChart. */
function chartSourceOf(resource, repo) {
    const value = resource.document.value;
    const inline = (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(value, ['spec', 'chart', 'spec', 'chart']));
    if (inline) {
        return {
            chart: chartOf(inline),
            written: inline,
            version: (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(value, ['spec', 'chart', 'spec', 'version'])),
            origin: originAt(resource, ['spec', 'chart', 'spec', 'chart']),
        };
    }
    const ref = (0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(value, ['spec', 'chartRef']));
    const refName = (0,model_read/* asString */.oJ)(ref?.name);
    if (!ref || !refName)
        return { origin: resource.origin };
    const refNamespace = (0,model_read/* asString */.oJ)(ref.namespace) ?? resource.namespace;
    const target = repo
        ? findResource(repo, (0,model_read/* asString */.oJ)(ref.kind) ?? 'OCIRepository', refName, refNamespace)
        : undefined;
    if (target?.kind === 'OCIRepository') {
        const url = (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(target.document.value, ['spec', 'url']));
        // `ref.semver` takes precedence over `ref.tag` (source-controller's OCIRepository API).
        const version = (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(target.document.value, ['spec', 'ref', 'semver'])) ??
            (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(target.document.value, ['spec', 'ref', 'tag']));
        return { chart: chartOf(url) ?? chartOf(refName), version, origin: originAt(target, ['spec', 'url']) };
    }
    if (target?.kind === 'HelmChart') {
        const chart = (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(target.document.value, ['spec', 'chart']));
        const version = (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(target.document.value, ['spec', 'version']));
        return { chart: chartOf(chart), version, origin: originAt(target, ['spec', 'chart']) };
    }
    // The source is not in the repository: its name usually is the chart's (`name: istiod`).
    return { chart: chartOf(refName), origin: originAt(resource, ['spec', 'chartRef', 'name']) };
}
/** `spec.valuesFrom` entries that are in the repository; the others are reported as not evaluable. */
function valuesFromReferences(resource, context) {
    const references = [];
    (0,model_read/* asArray */._j)((0,model_read/* getIn */.O6)(resource.document.value, ['spec', 'valuesFrom'])).forEach((raw, index) => {
        const entry = (0,model_read/* asRecord */.qY)(raw);
        const kind = (0,model_read/* asString */.oJ)(entry?.kind) ?? 'ConfigMap';
        const name = (0,model_read/* asString */.oJ)(entry?.name) ?? '';
        const key = (0,model_read/* asString */.oJ)(entry?.valuesKey) ?? 'values.yaml';
        const targetPath = (0,model_read/* asString */.oJ)(entry?.targetPath);
        const literal = (0,model_read/* asBoolean */.tB)(entry?.literal) ?? false;
        const line = resource.document.lineAt(['spec', 'valuesFrom', index]) ?? resource.origin.line;
        const skip = (reason) => context.notEvaluable.push({ file: resource.origin.file, line, reason });
        if (kind !== 'ConfigMap')
            return skip(`valuesFrom ${kind} ${name} is not read: values in Secrets are not evaluated`);
        const reference = configMapReference(context.repo, name, resource.namespace, key, targetPath, literal);
        if (typeof reference === 'string')
            return skip(`valuesFrom ConfigMap ${name}: ${reference}`);
        references.push(reference);
    });
    return references;
}
/** The values a ConfigMap (in the repository, or made by a configMapGenerator) holds under `key`. */
function configMapReference(repo, name, namespace, key, targetPath, literal) {
    const via = `ConfigMap ${name} ${key}`;
    const configMap = findResource(repo, 'ConfigMap', name, namespace);
    if (configMap) {
        const text = (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(configMap.document.value, ['data', key]));
        if (text === undefined)
            return `key ${key} is not in the ConfigMap (${configMap.origin.file})`;
        if (targetPath)
            return targetPathReference(targetPath, targetPathValue(text, literal), via, () => originAt(configMap, ['data', key]));
        const nested = configMap.document.nestedAt(['data', key]);
        const document = nested?.documents[0];
        if (!document)
            return `key ${key} does not hold YAML values (${configMap.origin.file})`;
        return { layer: documentLayer(document, [], via) };
    }
    const generated = repo.generatedConfigMaps.find((g) => g.name === name);
    const file = generated?.files.get(key);
    if (generated && file) {
        const document = firstDocument(repo, file);
        if (!document)
            return `generated from ${file}, which is not a YAML file of the repository`;
        if (targetPath)
            return `targetPath with a generated ConfigMap is not evaluated`;
        return { layer: documentLayer(document, [], `${via} (from ${file})`) };
    }
    return 'not in the repository';
}
/**
 * The value Flux sets at a targetPath (fluxcd/pkg chartutil/values.go ReplacePathValue): typed as Helm's `--set`
 * types it (`false` a boolean), a string when quoted (the quotes trimmed) or with `literal: true` (verbatim).
 * `--set` lists (`{a,b}`) and commas are not parsed: the keys the rules read hold single values.
 */
function targetPathValue(text, literal) {
    if (literal)
        return text;
    const quoted = ["'", '"'].some((quote) => text.startsWith(quote) && text.endsWith(quote));
    return quoted ? text.replace(/^['"]+|['"]+$/g, '') : setValue(text, false);
}
function targetPathReference(targetPath, value, via, locate) {
    const values = {};
    const path = parseSetKey(targetPath);
    setAt(values, path, value);
    return {
        layer: { via, values, locate: () => ({ ...locate(), path: path.join('.') }) },
        target: { path, value },
    };
}
/**
 * The layers in an order whose merge is helm-controller's (fluxcd/pkg chartutil/values.go
 * ChartValuesFromReferences): references in order, then `spec.values`, then each targetPath value that Flux ends
 * with. Flux sets a targetPath value into the values merged so far with `spec.values`, and merges `spec.values`
 * again at the end: the value survives where the map it went into is `spec.values`' own (Go shares it), not where
 * an earlier reference made that map a merged copy. Computing Flux's result decides which targetPaths win.
 */
function fluxLayerOrder(references, inline) {
    const result = fluxValues(references, inline.values);
    const wins = (reference) => reference.target !== undefined &&
        JSON.stringify((0,model_read/* getIn */.O6)(result, reference.target.path)) === JSON.stringify(reference.target.value);
    return [
        ...references.filter((reference) => !wins(reference)).map((reference) => reference.layer),
        inline,
        ...references.filter(wins).map((reference) => reference.layer),
    ];
}
/**
 * ChartValuesFromReferences on copies (the set writes into the maps it reaches, as strvals does in Go). `deepMerge` is
 * fluxcd/pkg chartutil/merge.go MergeMaps: a new map where both sides hold maps, else the later side's value itself
 * (shared, not copied, as Go shares it).
 */
function fluxValues(references, inline) {
    const values = structuredClone(inline);
    let result = {};
    for (const reference of references) {
        if (reference.target) {
            result = (0,model_read/* deepMerge */.$N)(result, values);
            setAt(result, reference.target.path, structuredClone(reference.target.value));
        }
        else
            result = (0,model_read/* deepMerge */.$N)(result, structuredClone(reference.layer.values));
    }
    return (0,model_read/* deepMerge */.$N)(result, values);
}
function chartValues(chart, document, valuesPath, extra) {
    return {
        chart,
        values: (0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(document.value, valuesPath)) ?? {},
        document,
        valuesPath,
        origin: extra.origin,
        via: extra.via,
        ...(extra.releaseNamespace ? { releaseNamespace: extra.releaseNamespace } : {}),
        ...(extra.chartVersion ? { chartVersion: extra.chartVersion } : {}),
    };
}
/**
 * Origin of a value inside a chart's values, in the file that holds them: with layers, the highest-precedence
 * layer that sets it.
 */
function valuesOrigin(values, path) {
    for (const layer of [...(values.layers ?? [])].reverse()) {
        const origin = layerOrigin(layer, path);
        if (origin)
            return origin;
    }
    const full = [...values.valuesPath, ...path];
    const range = values.document.rangeAt(full);
    return range
        ? { file: values.document.file, line: range.startLine, endLine: range.endLine, path: full.join('.') }
        : { ...values.origin, path: full.join('.') };
}

// EXTERNAL MODULE: ./node_modules/semver/functions/satisfies.js
var satisfies = __webpack_require__(8011);
var satisfies_default = /*#__PURE__*/__webpack_require__.n(satisfies);
// EXTERNAL MODULE: ./node_modules/semver/ranges/intersects.js
var intersects = __webpack_require__(3465);
var intersects_default = /*#__PURE__*/__webpack_require__.n(intersects);
// EXTERNAL MODULE: ./node_modules/semver/ranges/min-version.js
var min_version = __webpack_require__(1866);
var min_version_default = /*#__PURE__*/__webpack_require__.n(min_version);
// EXTERNAL MODULE: ./node_modules/semver/ranges/to-comparators.js
var to_comparators = __webpack_require__(4750);
var to_comparators_default = /*#__PURE__*/__webpack_require__.n(to_comparators);
// EXTERNAL MODULE: ./node_modules/semver/ranges/valid.js
var valid = __webpack_require__(4737);
var valid_default = /*#__PURE__*/__webpack_require__.n(valid);
;// CONCATENATED MODULE: ./src/model/facts-versions.ts
// The functions one by one: the package's index loads every module of semver when the CLI starts.





const FAR_FUTURE = '99.99.99';
/**
 * Reads a version as written in a repository: `1.28.2`, `v1.10.2`, `1.30-latest`, `1.28.x`, `~1.26.0`, `>=1.26`.
 * Returns undefined for text that is no version (a template, a digest).
 */
function releaseLine(text) {
    if (!text)
        return undefined;
    const trimmed = text.trim().replace(/^v(?=\d)/, '');
    if (/-latest$/.test(trimmed))
        return releaseLine(trimmed.replace(/-latest$/, ''));
    const exact = /^(\d+)\.(\d+)(?:\.\d+)?(?:[-+][\w.-]*)?$/.exec(trimmed);
    if (exact)
        return { major: Number(exact[1]), minor: Number(exact[2]) };
    // Masterminds/semver (Helm, Flux, Argo CD) reads `,` as AND, node-semver a space.
    const range = valid_default()(trimmed.replace(/\s*,\s*/g, ' '));
    if (!range)
        return undefined;
    if (satisfies_default()(FAR_FUTURE, range))
        return 'latest';
    return newestLine(range);
}
/**
 * The newest release line a range allows: Helm resolves a dependency range, Flux's source-controller a
 * HelmRelease's `version` and Argo CD a chart `targetRevision` to the newest version that satisfies it, so
 * `>=1.22 <1.25` installs 1.24 and `^1.22.0` the newest 1.x (`latest`). The lines tried are the lowest one and those
 * just under each upper bound.
 */
function newestLine(range) {
    const lowest = min_version_default()(range);
    const candidates = lowest ? [{ major: lowest.major, minor: lowest.minor }] : [];
    for (const comparator of to_comparators_default()(range).flat()) {
        const upper = /^<=?(\d+)\.(\d+)\./.exec(comparator);
        if (!upper)
            continue;
        const [major, minor] = [Number(upper[1]), Number(upper[2])];
        if (minor === 0 && major > 0 && satisfies_default()(`${major - 1}.99999.0`, range))
            return 'latest';
        candidates.push({ major, minor }, ...(minor > 0 ? [{ major, minor: minor - 1 }] : []));
    }
    return candidates
        .filter((line) => intersects_default()(range, `${line.major}.${line.minor}.x`))
        .reduce((newest, line) => (newest === undefined || atLeast(line, newest.major, newest.minor) ? line : newest), undefined);
}
/** Compares a release line with `major.minor`; `latest` is newer than any line. */
function atLeast(line, major, minor) {
    if (line === 'latest')
        return true;
    return line.major > major || (line.major === major && line.minor >= minor);
}
function formatLine(line) {
    return line === 'latest' ? 'latest' : `${line.major}.${line.minor}`;
}
/** The tag of an image reference (`repo/name:1.2.3@sha256:…` → `1.2.3`). */
function imageTag(image) {
    const withoutDigest = image.split('@')[0];
    const lastSlash = withoutDigest.lastIndexOf('/');
    const colon = withoutDigest.indexOf(':', lastSlash + 1);
    return colon < 0 ? undefined : withoutDigest.slice(colon + 1);
}

;// CONCATENATED MODULE: ./src/model/effective-mesh.ts




const NO_ORIGIN = { file: '', line: 0 };
/** Namespaces the injector never touches (`IgnoredNamespaces` in Istio's injector). */
const NEVER_INJECTED = ['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage'];
/**
 * The data-plane mode of a namespace: `istio-injection=enabled` or `istio.io/rev` mean sidecars (the legacy
 * label wins over the revision, any other `istio-injection` value injects nothing), `istio.io/dataplane-mode:
 * ambient` means ambient unless sidecars are also selected; unlabelled namespaces are outside the mesh unless
 * the injector enables namespaces by default.
 */
function namespaceDataPlaneMode(model, namespace) {
    const resource = model.namespaces.get(namespace);
    const labels = resource?.labels ?? {};
    const at = (key) => resource
        ? {
            file: resource.document.fileAt?.(['metadata', 'labels', key]) ?? resource.origin.file,
            line: resource.document.lineAt(['metadata', 'labels', key]) ?? resource.origin.line,
            path: `metadata.labels.${key}`,
        }
        : NO_ORIGIN;
    const ambient = labels['istio.io/dataplane-mode'] === 'ambient';
    const injection = labels['istio-injection'];
    const revision = labels['istio.io/rev'];
    if (injection !== undefined) {
        if (injection === 'enabled')
            return { ...provenance_fact('sidecar', at('istio-injection')), ...(ambient ? { mixed: true } : {}) };
        return ambient ? provenance_fact('ambient', at('istio.io/dataplane-mode')) : provenance_fact('none', at('istio-injection'));
    }
    if (revision !== undefined)
        return { ...provenance_fact('sidecar', at('istio.io/rev')), revision, ...(ambient ? { mixed: true } : {}) };
    if (ambient)
        return provenance_fact('ambient', at('istio.io/dataplane-mode'));
    if (labels['istio.io/dataplane-mode'] === 'none')
        return provenance_fact('none', at('istio.io/dataplane-mode'));
    const byDefault = injectsByDefault(model);
    if (byDefault && !NEVER_INJECTED.includes(namespace))
        return provenance_fact('sidecar', byDefault.origin);
    return provenance_fact('none', resource?.origin ?? NO_ORIGIN, true);
}
/** `sidecarInjectorWebhook.enableNamespacesByDefault: true` in the istiod values injects every unlabelled namespace. */
function injectsByDefault(model) {
    for (const values of model.chartValues) {
        if (values.chart !== 'istiod')
            continue;
        const path = ['sidecarInjectorWebhook', 'enableNamespacesByDefault'];
        if ((0,model_read/* asBoolean */.tB)((0,model_read/* getIn */.O6)(values.values, path)) === true)
            return provenance_fact(true, valuesOrigin(values, path));
    }
    return undefined;
}
/** The per-pod override `sidecar.istio.io/nativeSidecar` (Istio ≥ 1.24), when a workload sets it. */
function podNativeSidecar(workload) {
    const raw = workload.podAnnotations['sidecar.istio.io/nativeSidecar'];
    const value = asBoolean(raw);
    if (value === undefined)
        return undefined;
    const path = [...workload.podMetadataPath, 'annotations', 'sidecar.istio.io/nativeSidecar'];
    return fact(value, {
        file: workload.document.fileAt?.(path) ?? workload.origin.file,
        line: workload.document.lineAt(path) ?? workload.origin.line,
        path: path.join('.'),
    });
}
const ISTIO_IMAGE = /\/(pilot|proxyv2|install-cni|ztunnel)(:|@|$)/;
/** Every Istio version the repository states: chart versions, `spec.tag`, Sail `spec.version`, Istio image tags. */
function istioVersions(model) {
    const found = [];
    for (const pilot of model.pilotInstalls)
        if (pilot.version)
            found.push({ ...pilot.version, via: pilot.via });
    for (const cni of model.cniInstalls)
        if (cni.version)
            found.push({ ...cni.version, via: cni.via });
    for (const workload of model.workloads) {
        const containers = (0,model_read/* getIn */.O6)(workload.document.value, [
            ...workload.podMetadataPath.slice(0, -1),
            'spec',
            'containers',
        ]);
        (Array.isArray(containers) ? containers : []).forEach((container, index) => {
            const image = typeof container?.image === 'string'
                ? container.image
                : '';
            const tag = ISTIO_IMAGE.test(image) ? imageTag(image) : undefined;
            if (!tag)
                return;
            const path = [...workload.podMetadataPath.slice(0, -1), 'spec', 'containers', index, 'image'];
            found.push({
                ...provenance_fact(tag, {
                    file: workload.origin.file,
                    line: workload.document.lineAt(path) ?? workload.origin.line,
                    path: path.join('.'),
                }),
                via: `${workload.kind} ${workload.name} image`,
            });
        });
    }
    return found;
}
/** Which Istio this is: OpenShift Service Mesh (Maistra, Sail `openshift*`, Red Hat images), managed ASM / AKS, or upstream. */
function istioDistribution(model) {
    const hint = model.distributionHints[0];
    if (hint)
        return provenance_fact('openshift-service-mesh', hint.origin);
    for (const workload of model.workloads) {
        if (JSON.stringify(workload.document.value).includes('registry.redhat.io/openshift-service-mesh/'))
            return provenance_fact('openshift-service-mesh', workload.origin);
    }
    for (const resource of model.resources) {
        if (resource.kind === 'ControlPlaneRevision' ||
            (resource.kind === 'ConfigMap' && /^istio-asm-managed/.test(resource.name)))
            return provenance_fact('managed-asm', resource.origin);
        if (resource.kind === 'ConfigMap' && /^istio-shared-configmap-/.test(resource.name))
            return provenance_fact('managed-aks', resource.origin);
    }
    return provenance_fact('upstream', NO_ORIGIN, true);
}
/**
 * Whether the Istio CNI agent runs: an install in the repository that is enabled, else istiod being told CNI is in
 * use (`pilot.cni.enabled`) with the agent installed elsewhere, else off.
 */
function effectiveCni(model) {
    const installs = model.cniInstalls.filter((cni) => cni.enabled.value);
    if (installs.length > 0)
        return installs.map((install) => ({ ...install.enabled, install }));
    const told = model.pilotInstalls.find((pilot) => pilot.cniEnabled?.value);
    if (told?.cniEnabled)
        return [told.cniEnabled];
    return [provenance_fact(false, NO_ORIGIN, true)];
}

;// CONCATENATED MODULE: ./src/model/effective.ts


const DEFAULT_ROOT_NAMESPACE = 'istio-system';
const DEFAULT_OPERATOR_NAMESPACE = 'dynatrace';
const effective_NO_ORIGIN = { file: '', line: 0 };
const MODE_STRICTNESS = { REGISTRY_ONLY: 2, ALLOW_ANY_DYNAMIC_DNS: 1, ALLOW_ANY: 0 };
/**
 * The mesh-wide outbound policy. When several install sources in the repository describe the mesh, the most
 * restrictive one is taken: a checker must not assume egress is open when any source closes it.
 */
function effectiveOutboundPolicy(model) {
    const set = model.meshConfigs.map((source) => source.outboundPolicy).filter((p) => !!p);
    if (set.length === 0)
        return provenance_fact('ALLOW_ANY', effective_NO_ORIGIN, true);
    return set.reduce((a, b) => ((MODE_STRICTNESS[b.value] ?? 0) > (MODE_STRICTNESS[a.value] ?? 0) ? b : a));
}
function firstSetting(model, key) {
    return model.meshConfigs.map((source) => source[key]).find((value) => value !== undefined);
}
function effectiveRootNamespace(model) {
    return firstSetting(model, 'rootNamespace') ?? provenance_fact(DEFAULT_ROOT_NAMESPACE, effective_NO_ORIGIN, true);
}
/** Namespaces where the Dynatrace Operator runs: from its Helm install, else where the DynaKubes live. */
function operatorNamespaces(model) {
    const explicit = model.operatorInstalls.map((install) => install.namespace);
    if (explicit.length > 0)
        return uniqueByValue(explicit);
    const fromDynaKubes = model.dynakubes
        .filter((dk) => dk.namespace)
        .map((dk) => provenance_fact(dk.namespace, dk.origin, true));
    return fromDynaKubes.length > 0
        ? uniqueByValue(fromDynaKubes)
        : [provenance_fact(DEFAULT_OPERATOR_NAMESPACE, effective_NO_ORIGIN, true)];
}
function uniqueByValue(facts) {
    const seen = new Set();
    return facts.filter((f) => {
        const key = JSON.stringify(f.value);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/** CSI driver enabled unless an operator install in the repo switches it off (chart default: enabled). */
function csiDriverEnabled(model) {
    const installs = model.operatorInstalls.map((install) => install.csiDriverEnabled);
    return installs.find((f) => f.value) ?? installs[0] ?? provenance_fact(true, effective_NO_ORIGIN, true);
}
/** Labels a namespace has; Kubernetes adds `kubernetes.io/metadata.name` to every namespace. */
function namespaceLabels(model, namespace) {
    return { ...(model.namespaces.get(namespace)?.labels ?? {}), 'kubernetes.io/metadata.name': namespace };
}
/**
 * Whether a label selector selects `labels`; absent selects everything. A requirement with an operator Kubernetes does
 * not know matches nothing: the API server (or the operator's webhook) rejects such a selector, so nothing is selected
 * by it, and reading it as "no requirement" would select more than written.
 */
function selectorMatches(selector, labels) {
    if (!selector)
        return true;
    for (const [key, value] of Object.entries(selector.matchLabels ?? {}))
        if (labels[key] !== value)
            return false;
    return (selector.matchExpressions ?? []).every((requirement) => requirementMatches(requirement, labels));
}
/** One `matchExpressions` requirement (also the set-based terms of a selector string, see `parseSelector`). */
function requirementMatches(requirement, labels) {
    const has = Object.prototype.hasOwnProperty.call(labels, requirement.key);
    const values = requirement.values ?? [];
    switch (requirement.operator) {
        case 'In':
            return has && values.includes(labels[requirement.key]);
        case 'NotIn':
            return !has || !values.includes(labels[requirement.key]);
        case 'Exists':
            return has;
        case 'DoesNotExist':
            return !has;
        default:
            return false;
    }
}
/**
 * Why a namespace is in the mesh: `istio-injection=enabled`, any `istio.io/rev`, or ambient data-plane mode. The
 * origin is the label's line in the file that wrote it (a kustomize patch's own file when a patch added it).
 */
function namespaceMeshEnrollment(model, namespace) {
    return namespaceEnrollingLabels(model, namespace)[0];
}
/**
 * Every label that keeps a namespace in the mesh, the one that enrols it now first: `istio-injection=enabled`,
 * `istio.io/rev` (which Istio's webhook ignores while `istio-injection` is set, so it enrols once an `enabled` one
 * is gone, never next to `disabled`), and `istio.io/dataplane-mode=ambient` (ztunnel, independent of the
 * sidecar labels). Taking the namespace out of the mesh means removing all of them.
 */
function namespaceEnrollingLabels(model, namespace) {
    const resource = model.namespaces.get(namespace);
    if (!resource)
        return [];
    const labels = resource.labels;
    const enrolled = (label, value) => ({
        label,
        value,
        origin: originAt(resource, ['metadata', 'labels', label]),
    });
    const found = [];
    const injection = labels['istio-injection'];
    if (injection === 'enabled')
        found.push(enrolled('istio-injection', 'enabled'));
    if ((injection === undefined || injection === 'enabled') && labels['istio.io/rev'] !== undefined)
        found.push(enrolled('istio.io/rev', labels['istio.io/rev']));
    if (labels['istio.io/dataplane-mode'] === 'ambient')
        found.push(enrolled('istio.io/dataplane-mode', 'ambient'));
    return found;
}
/**
 * The root namespace's default Sidecar: one with no `workloadSelector` at all (`initSidecarScopes` in
 * pilot/pkg/model/push_context.go checks for a nil selector, so an empty one does not count).
 */
function rootDefaultSidecar(model) {
    const root = effectiveRootNamespace(model).value;
    return model.sidecars.find((s) => s.namespace === root && !s.workloadSelector && !s.emptyWorkloadSelector);
}
/** Sidecar resources that restrict egress and apply to `namespace` (namespace default, or the root default). */
function restrictingSidecarsFor(model, namespace) {
    const restricting = model.sidecars.filter((s) => s.outboundPolicy?.value === 'REGISTRY_ONLY');
    const own = model.sidecars.filter((s) => s.namespace === namespace);
    if (own.some((s) => !s.workloadSelector))
        return restricting.filter((s) => s.namespace === namespace);
    const rootDefault = rootDefaultSidecar(model);
    return restricting.filter((s) => s.namespace === namespace || s === rootDefault);
}
/**
 * The Sidecar that configures ordinary pods of `namespace`, in the order of `getSidecarScope`
 * (pilot/pkg/model/push_context.go): its own Sidecar with an empty `workloadSelector` (selector Sidecars come first,
 * and an empty one matches every pod), else its selector-less one, else the root default.
 */
function namespaceSidecar(model, namespace) {
    const own = model.sidecars.filter((s) => s.namespace === namespace && !s.workloadSelector);
    return own.find((s) => s.emptyWorkloadSelector) ?? own[0] ?? rootDefaultSidecar(model);
}
/**
 * What makes sidecars in `namespace` drop traffic to hosts no ServiceEntry declares, or undefined where they let it
 * out through the passthrough cluster: the mesh-wide REGISTRY_ONLY unless the namespace's Sidecar sets ALLOW_ANY (a
 * Sidecar's own policy wins over the mesh's; one without a policy inherits it), else a Sidecar applying there that
 * sets REGISTRY_ONLY.
 */
function outboundRestriction(model, namespace) {
    return restrictionUnder(model, namespaceSidecar(model, namespace), restrictingSidecarsFor(model, namespace)[0]);
}
/** What restricts egress, in words for a finding: the Sidecar that sets REGISTRY_ONLY, or the mesh-wide policy. */
function describeRestriction({ sidecar }) {
    return sidecar
        ? `Sidecar ${sidecar.namespace ?? ''}/${sidecar.name} sets outboundTrafficPolicy REGISTRY_ONLY`
        : 'the mesh-wide outboundTrafficPolicy is REGISTRY_ONLY';
}
/**
 * `outboundRestriction` for a namespace the repository says nothing about (no Namespace, no Sidecar of its own):
 * only the root namespace's default Sidecar and the mesh-wide policy apply there.
 */
function undeclaredNamespaceRestriction(model) {
    const rootDefault = rootDefaultSidecar(model);
    const restricting = rootDefault?.outboundPolicy?.value === 'REGISTRY_ONLY' ? rootDefault : undefined;
    return restrictionUnder(model, rootDefault, restricting);
}
/** The restriction where `governing` is the Sidecar that sets the policy of ordinary pods. */
function restrictionUnder(model, governing, restricting) {
    const policy = effectiveOutboundPolicy(model);
    if (policy.value === 'REGISTRY_ONLY' && governing?.outboundPolicy?.value !== 'ALLOW_ANY')
        return { origin: policy.origin };
    return restricting?.outboundPolicy
        ? { origin: restricting.outboundPolicy.origin, sidecar: restricting }
        : undefined;
}
/** Whether any Istio install or resource is present in the repository. */
function istioPresent(model) {
    return (model.meshConfigs.length > 0 ||
        model.pilotInstalls.length > 0 ||
        model.cniInstalls.length > 0 ||
        model.sidecars.length > 0 ||
        model.peerAuthentications.length > 0);
}


;// CONCATENATED MODULE: ./src/model/facts-dataplane.ts

/** Istio's injector never injects here (`IgnoredNamespaces` in `pkg/kube/inject`). */
const INJECTOR_IGNORED = ['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage'];
/**
 * The injector's record of what it added. `istioctl kube-inject` writes it into the pod template it outputs
 * together with the `istio-proxy` container, so a template carrying it has its sidecar whatever the namespace's
 * labels say (the webhook skips such pods as already injected).
 */
const INJECTION_STATUS = 'sidecar.istio.io/status';
/** The pods of a workload (Deployment, DaemonSet, …), as the injection webhooks see them. */
function workloadPod(workload) {
    return {
        namespace: workload.namespace ?? 'default',
        labels: workload.podLabels,
        annotations: workload.podAnnotations,
        hostNetwork: workload.hostNetwork,
    };
}
const SIDECAR_INJECT = 'sidecar.istio.io/inject';
/**
 * The pod's own word on injection as the injector reads it (`injectRequired` in pkg/kube/inject): the label, else
 * the deprecated annotation; `y`, `yes`, `true`, `on` in any case say yes, any other non-empty value says no, an
 * empty or missing one leaves it to the namespace.
 */
function podInjectionWord(pod) {
    const word = pod.labels[SIDECAR_INJECT] ?? pod.annotations[SIDECAR_INJECT];
    if (!word)
        return undefined;
    return ['y', 'yes', 'true', 'on'].includes(word.toLowerCase()) ? 'yes' : 'no';
}
/**
 * Whether a pod gets a sidecar, following the injection webhooks: their label selectors decide whether the injector
 * is asked (label values match exactly), then the injector reads the pod's word ({@link podInjectionWord}). A
 * namespace with `istio-injection=enabled` or `istio.io/rev` injects unless the pod says no; any other
 * `istio-injection` value injects nothing; an unlabelled namespace injects only pods labelled exactly
 * `sidecar.istio.io/inject: "true"`, or labelled `istio.io/rev` without saying no; under `global.proxy.autoInject:
 * disabled` a pod that says nothing counts as saying no. Host-network pods are never
 * injected. A template that `istioctl kube-inject` already injected has its sidecar.
 */
function sidecarReason(model, pod) {
    if (pod.hostNetwork)
        return undefined;
    if (pod.annotations[INJECTION_STATUS] !== undefined)
        return `the pod template is already injected (${INJECTION_STATUS}, istioctl kube-inject output)`;
    if (INJECTOR_IGNORED.includes(pod.namespace))
        return undefined;
    const nsLabels = model.namespaces.get(pod.namespace)?.labels ?? {};
    const word = podInjectionWord(pod);
    // Under `autoInject: disabled` the injector leaves out a pod that says nothing, as one that says no.
    const optedOut = word === 'no' || (word === undefined && injectsOnlyOnRequest(model));
    const injection = nsLabels['istio-injection'];
    if (injection !== undefined) {
        return injection === 'enabled' && !optedOut
            ? `namespace ${pod.namespace} has istio-injection=enabled`
            : undefined;
    }
    if (nsLabels['istio.io/rev'] !== undefined)
        return optedOut ? undefined : `namespace ${pod.namespace} has istio.io/rev=${nsLabels['istio.io/rev']}`;
    if (pod.labels[SIDECAR_INJECT] === 'true')
        return 'the pod is labelled sidecar.istio.io/inject: "true"';
    if (pod.labels['istio.io/rev'] !== undefined && !optedOut)
        return `the pod is labelled istio.io/rev=${pod.labels['istio.io/rev']}`;
    // The `auto.` webhook of `enableNamespacesByDefault` (mutatingwebhook.yaml) asks the injector about pods of
    // unlabelled namespaces that carry neither label.
    const byDefault = pod.labels[SIDECAR_INJECT] === undefined && !optedOut && injectsByDefault(model);
    return byDefault ? 'the injector enables namespaces by default (enableNamespacesByDefault)' : undefined;
}
/**
 * Whether the injector adds sidecars only to pods that ask (`injectRequired` in pkg/kube/inject/inject.go under
 * policy `disabled`): every istiod install in the repository that shows its `global.proxy.autoInject` says
 * `disabled`. Installs disagreeing (revisions) or none showing it keep the chart default `enabled`.
 */
function injectsOnlyOnRequest(model) {
    const policies = model.pilotInstalls.flatMap((pilot) => (pilot.autoInject ? [pilot.autoInject.value] : []));
    return policies.length > 0 && policies.every((policy) => policy === 'disabled');
}
/** A sidecar wins over ambient; a pod's `istio.io/dataplane-mode` (ambient / none) wins over its namespace's. */
function podMeshMembership(model, pod) {
    const sidecar = sidecarReason(model, pod);
    if (sidecar)
        return { mode: 'sidecar', reason: sidecar };
    if (pod.hostNetwork)
        return undefined;
    const podMode = pod.labels['istio.io/dataplane-mode'];
    if (podMode === 'ambient')
        return { mode: 'ambient', reason: 'the pod is labelled istio.io/dataplane-mode=ambient' };
    if (podMode === 'none')
        return undefined;
    if (model.namespaces.get(pod.namespace)?.labels['istio.io/dataplane-mode'] === 'ambient')
        return { mode: 'ambient', reason: `namespace ${pod.namespace} has istio.io/dataplane-mode=ambient` };
    return undefined;
}
/** The namespace a DynaKube's operands (ActiveGate, CSI driver) run in. */
function dynakubeNamespace(model, dynakube) {
    return dynakube.namespace ?? operatorNamespaces(model)[0].value;
}
/** The labels the operator puts on ActiveGate pods (`k8slabel.NewAppLabels`), plus `spec.activeGate.labels`. */
function activeGatePodLabels(dynakube) {
    return {
        'app.kubernetes.io/name': 'activegate',
        'app.kubernetes.io/managed-by': 'dynatrace-operator',
        'app.kubernetes.io/component': 'activegate',
        'app.kubernetes.io/created-by': dynakube.name,
        ...(dynakube.activeGate?.labels ?? {}),
    };
}
/** The ActiveGate pods of a DynaKube as a pod shape; undefined when it has no ActiveGate. */
function activeGatePod(model, dynakube) {
    if (!dynakube.activeGate)
        return undefined;
    return {
        namespace: dynakubeNamespace(model, dynakube),
        labels: activeGatePodLabels(dynakube),
        annotations: dynakube.activeGate.annotations,
        hostNetwork: false,
    };
}

;// CONCATENATED MODULE: ./src/model/repo-pattern.ts
/**
 * Regular expressions written in a repository (Go syntax: the operator's ignored-namespaces flag, kustomize patch
 * target names), as JavaScript runs them. Such a pattern may not compile in JavaScript, or be too large to run: V8
 * compiles a pattern only when it first runs it, and then throws. Neither may crash a run.
 */
/** The pattern compiled and run once, so that one too large fails here; undefined when it cannot be used. */
function compilePattern(pattern) {
    try {
        const compiled = new RegExp(pattern);
        compiled.test('');
        return compiled;
    }
    catch {
        return undefined;
    }
}
/** Whether the pattern matches `text`; false when it cannot run on it (as for a pattern that does not compile). */
function patternMatches(pattern, text) {
    try {
        return pattern.test(text);
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/model/monitored-namespaces.ts




/** The DynaKube feature flag that replaces the operator's list of namespaces it never injects into. */
const IGNORED_NAMESPACES_FLAG = 'feature.dynatrace.com/ignored-namespaces';
const DEFAULT_IGNORED_PATTERNS = ['^kube-.*', '^openshift(-.*)?', '^gke-.*', '^gmp-.*'].map((pattern) => new RegExp(pattern));
/**
 * The flag's JSON list of patterns, which replaces the defaults; the defaults when it is absent or not a JSON list of
 * strings (the operator falls back to them when `json.Unmarshal` fails). A JSON `null` unmarshals to no list at all.
 * A pattern JavaScript cannot compile or run is left out: the operator never matches one that does not compile.
 */
function ignoreList(model, dynakube) {
    const defaults = { namespace: dynakubeNamespace(model, dynakube), patterns: DEFAULT_IGNORED_PATTERNS };
    const raw = dynakube.annotations[IGNORED_NAMESPACES_FLAG];
    if (raw === undefined || raw === '')
        return defaults;
    let parsed;
    try {
        parsed = JSON.parse(raw);
    }
    catch {
        return defaults;
    }
    if (parsed === null)
        return { patterns: [] };
    const strings = Array.isArray(parsed) && parsed.every((item) => typeof item === 'string');
    if (!strings)
        return defaults;
    return { patterns: parsed.map(compilePattern).filter((p) => !!p) };
}
const ignoreListOf = new WeakMap();
/**
 * Whether the DynaKube's operator never injects into `namespace`. Like Go's `regexp.MatchString`, a pattern matches
 * anywhere in the name unless anchored: `^openshift(-.*)?` ignores `openshiftlab` too.
 */
function isIgnoredByDynaKube(model, dynakube, namespace) {
    let list = ignoreListOf.get(dynakube);
    if (!list)
        ignoreListOf.set(dynakube, (list = ignoreList(model, dynakube)));
    return list.namespace === namespace || list.patterns.some((pattern) => patternMatches(pattern, namespace));
}
/**
 * Whether the DynaKube injects code modules into the pods of `namespace`, declared in the repository or not: it runs
 * a code-module mode (`cloudNativeFullStack`, `applicationMonitoring`; host-only modes inject nothing), its
 * `namespaceSelector` matches the namespace's labels (absent or empty selects every namespace), and the namespace is
 * not on its operator's ignore list.
 */
function isMonitoredNamespace(model, dynakube, namespace) {
    return (injectsCodeModules(dynakube) &&
        !isIgnoredByDynaKube(model, dynakube, namespace) &&
        selectorMatches(dynakube.namespaceSelector?.value, namespaceLabels(model, namespace)));
}
/** The namespaces the repository declares that the DynaKube injects code modules into, by name. */
function monitoredNamespaces(model, dynakube) {
    return [...model.namespaces.keys()]
        .filter((namespace) => isMonitoredNamespace(model, dynakube, namespace))
        .sort();
}

;// CONCATENATED MODULE: ./src/rules/service-entry-views.ts




const DEFAULT_NAMESPACE = 'default';
function viewOfEntry(entry) {
    let view = views.get(entry);
    if (!view)
        views.set(entry, (view = readView(entry)));
    return view;
}
/**
 * Views by entry: several rules and the generator ask for the view of every entry, and some once per DynaKube
 * (`hostCovered`); each read looks up the line of every port. Views are read, never changed.
 */
const views = new WeakMap();
function readView(entry) {
    const rawPorts = (0,model_read/* asArray */._j)((0,model_read/* getIn */.O6)(entry.document.value, ['spec', 'ports']));
    const ports = rawPorts.flatMap((item, index) => {
        const port = (0,model_read/* asRecord */.qY)(item);
        const number = (0,model_read/* asNumber */.i)(port?.number);
        if (number === undefined)
            return [];
        const { file, line } = originAt(entry, ['spec', 'ports', index]);
        return [{ number, protocol: ((0,model_read/* asString */.oJ)(port?.protocol) ?? '').toUpperCase(), line, file }];
    });
    return {
        resource: resourceId(entry),
        name: entry.name,
        namespace: entry.namespace ?? DEFAULT_NAMESPACE,
        hosts: entry.hosts.value.map((host) => host.toLowerCase()),
        ports,
        resolution: (entry.resolution ?? 'NONE').toUpperCase(),
        ...(entry.exportTo ? { exportTo: entry.exportTo } : {}),
        origin: entry.hosts.origin,
        entry,
    };
}
const THIRD_GEN = '.apps.';
/**
 * The API host the operator talks to: third-generation `X.apps.<domain>` becomes `X.live.<domain>` (or
 * `X.<domain>` when X has a dot). Placeholders (`ENVIRONMENTID`, `${…}`) give no host.
 */
function operatorApiEndpoint(apiUrl) {
    if (!apiUrl || (0,placeholders/* isPlaceholder */.wK)(apiUrl))
        return undefined;
    let url;
    try {
        url = new URL(apiUrl.trim());
    }
    catch {
        return undefined;
    }
    const scheme = url.protocol.replace(/:$/, '').toLowerCase();
    if (scheme !== 'http' && scheme !== 'https')
        return undefined;
    let host = url.hostname.toLowerCase();
    const at = host.indexOf(THIRD_GEN);
    if (at > 0) {
        const prefix = host.slice(0, at);
        const suffix = host.slice(at + THIRD_GEN.length);
        host = prefix.includes('.') ? `${prefix}.${suffix}` : `${prefix}.live.${suffix}`;
    }
    const number = url.port ? Number(url.port) : scheme === 'https' ? 443 : 80;
    return { host, number, protocol: scheme.toUpperCase(), line: 0 };
}
/**
 * The `<dynakube>-fqdn-operator` ServiceEntry the operator creates for the apiUrl host when `enableIstio` is on:
 * DNS resolution, one `<protocol>-<port>` port, no `exportTo`. The OneAgent and ActiveGate entries depend on the
 * Dynatrace API's answer and are not known offline.
 */
function operatorEntries(model) {
    return model.dynakubes.flatMap((dynakube) => {
        if (!dynakube.enableIstio.value)
            return [];
        const endpoint = operatorApiEndpoint(dynakube.apiUrl?.value);
        if (!endpoint)
            return [];
        const origin = dynakube.apiUrl.origin;
        const namespace = dynakube.namespace ?? DEFAULT_NAMESPACE;
        const name = `${dynakube.name}-fqdn-operator`;
        return [
            {
                resource: `ServiceEntry ${namespace}/${name}`,
                name,
                namespace,
                hosts: [endpoint.host],
                ports: [{ number: endpoint.number, protocol: endpoint.protocol, line: origin.line }],
                resolution: 'DNS',
                origin,
                madeFor: dynakube,
            },
        ];
    });
}
/**
 * `meshConfig.defaultServiceExportTo` as written; `*` when unset or empty (an empty list leaves the protobuf's
 * repeated field unset, and istiod then exports everywhere).
 */
function defaultExportTo(model) {
    const written = model.meshConfigs.find((source) => source.defaultServiceExportTo)?.defaultServiceExportTo;
    return written && written.value.length > 0 ? written.value : ['*'];
}
/**
 * What the mesh default does to an entry without `exportTo`, as istiod indexes it (`initServiceRegistry` and
 * `IsServiceVisible` in pilot/pkg/model/push_context.go, 1.20 to 1.28): `.` keeps it in its own namespace even next
 * to `*`, `*` exports it everywhere, and namespace names are not read there, so a default of names only hides it
 * everywhere. Returned as the `exportTo` that has the same effect.
 */
function effectiveDefaultExportTo(model) {
    const defaults = defaultExportTo(model);
    if (defaults.includes('.'))
        return ['.'];
    return defaults.includes('*') ? ['*'] : [];
}
/** The entry's own `exportTo` when it has one, else the mesh default as istiod reads it. */
function exportToInEffect(model, view) {
    return view.exportTo && view.exportTo.length > 0 ? view.exportTo : effectiveDefaultExportTo(model);
}
/**
 * Namespaces an entry is exported to: `all`, or a list (`.` resolved to the entry's own namespace). Its own
 * `exportTo` when set (`*` wins over the rest, `~` hides it), else the mesh default.
 */
function exportedTo(model, view) {
    const exportTo = exportToInEffect(model, view);
    if (exportTo.includes('*'))
        return 'all';
    if (exportTo.includes('~'))
        return [];
    return exportTo.map((ns) => (ns === '.' ? view.namespace : ns));
}
function exportedToNamespace(model, view, namespace) {
    const to = exportedTo(model, view);
    return to === 'all' || to.includes(namespace);
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./src/generate/communication-host.ts

const DEFAULT_PORTS = { http: 80, https: 443 };
/** The operator's separators: OneAgent endpoints are `;`-joined, ActiveGate endpoints `,`-joined. */
const ONEAGENT_ENDPOINT_SEPARATOR = ';';
const ACTIVEGATE_ENDPOINT_SEPARATOR = ',';
/** URL → {protocol, host, port}, the way the operator parses it: only http/https, default ports, path dropped. */
function parseCommunicationHost(endpoint) {
    const text = endpoint.trim();
    if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(text))
        return { ok: false, error: `no protocol provided in "${text}"` };
    let url;
    try {
        url = new URL(text);
    }
    catch {
        return { ok: false, error: `"${text}" is not a valid URL` };
    }
    const protocol = url.protocol.slice(0, -1).toLowerCase();
    if (protocol !== 'http' && protocol !== 'https')
        return { ok: false, error: `unknown protocol "${protocol}" in "${text}"` };
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (!host)
        return { ok: false, error: `no host in "${text}"` };
    // WHATWG URL drops a port equal to the scheme's default, so an empty port means the default.
    const port = url.port ? Number(url.port) : DEFAULT_PORTS[protocol];
    return { ok: true, value: { protocol, host, port } };
}
function communicationHostKey(host) {
    return `${host.protocol}://${host.host}:${host.port}`;
}
/**
 * Parses a separator-joined endpoint list. Like the operator, one unparsable entry fails the whole list, and
 * the result is de-duplicated by `protocol://host:port` and sorted by that key.
 */
function parseCommunicationHosts(endpoints, separator) {
    const entries = (typeof endpoints === 'string' ? endpoints.split(separator) : endpoints)
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '');
    const byKey = new Map();
    for (const entry of entries) {
        const parsed = parseCommunicationHost(entry);
        if (!parsed.ok)
            return parsed;
        byKey.set(communicationHostKey(parsed.value), parsed.value);
    }
    const sorted = [...byKey.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, host]) => host);
    return { ok: true, value: sorted };
}
/** IP endpoints and FQDN endpoints go into different ServiceEntries: Istio cannot mix them in one. */
function splitByAddressKind(hosts) {
    return {
        fqdn: hosts.filter((host) => (0,external_node_net_.isIP)(host.host) === 0),
        ip: hosts.filter((host) => (0,external_node_net_.isIP)(host.host) !== 0),
    };
}
const THIRD_GEN_MARKER = '.apps.';
/**
 * Third-generation tenant URLs (`X.apps.<domain>`) map to the second-generation API host the operator talks to:
 * `X.live.<domain>`, or `X.<domain>` when X already has a dot; the path becomes `/api`.
 */
function toSecondGenApiUrl(apiUrl) {
    let url;
    try {
        url = new URL(apiUrl.trim());
    }
    catch {
        return apiUrl;
    }
    const at = url.hostname.indexOf(THIRD_GEN_MARKER);
    if (at <= 0)
        return apiUrl.trim();
    const prefix = url.hostname.slice(0, at);
    const suffix = url.hostname.slice(at + THIRD_GEN_MARKER.length);
    url.hostname = prefix.includes('.') ? `${prefix}.${suffix}` : `${prefix}.live.${suffix}`;
    url.pathname = '/api';
    url.search = '';
    url.hash = '';
    return url.toString();
}

// EXTERNAL MODULE: ./src/generate/validate-service-entry.ts
var validate_service_entry = __webpack_require__(6746);
;// CONCATENATED MODULE: ./src/rules/hosts.ts



/** Host of a DynaKube apiUrl; undefined for placeholders (`ENVIRONMENTID`, `${…}`) and unparsable values. */
function apiUrlHost(apiUrl) {
    if (!apiUrl || (0,placeholders/* isPlaceholder */.wK)(apiUrl))
        return undefined;
    try {
        return new URL(apiUrl).hostname.toLowerCase() || undefined;
    }
    catch {
        return undefined;
    }
}
/** Istio host matching: exact, or a `*.suffix` wildcard. */
function hostMatches(pattern, host) {
    const p = pattern.toLowerCase();
    if (p === host)
        return true;
    return p.startsWith('*.') && host.endsWith(p.slice(1));
}
/**
 * Whether a ServiceEntry in the repository declares `host` and is visible from `namespace` (its `exportTo`, else
 * `meshConfig.defaultServiceExportTo`, read as istiod reads them: see `exportedTo`). An undefined namespace is one
 * the repository does not name: only an entry exported everywhere, or one as unnamed, is surely visible there. An
 * entry Istio's validation rejects declares nothing.
 */
function hostCovered(model, host, namespace) {
    return model.serviceEntries.some((entry) => {
        if ((0,validate_service_entry/* rejectedByIstio */._n)(entry))
            return false;
        const view = viewOfEntry(entry);
        const to = exportedTo(model, view);
        const visible = to === 'all' ||
            (namespace === undefined
                ? entry.namespace === undefined && to.includes(view.namespace)
                : to.includes(namespace));
        return visible && view.hosts.some((pattern) => hostMatches(pattern, host));
    });
}

;// CONCATENATED MODULE: ./src/generate/registries.ts
const DOCKER_HUB_NAMES = new Set([
    'docker.io',
    'index.docker.io',
    'registry-1.docker.io',
    'registry.hub.docker.com',
]);
/** The registry host (and port) of an image reference, or undefined when the reference is not parsable. */
function registryOfImage(image) {
    const reference = image.trim();
    if (!reference || /\s/.test(reference))
        return undefined;
    const slash = reference.indexOf('/');
    const first = slash < 0 ? '' : reference.slice(0, slash);
    // Docker's rule: the first component is a registry when it has a dot or a port, or is `localhost`.
    const isRegistry = first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost');
    if (!isRegistry)
        return { registry: 'docker.io', port: 443 };
    const match = /^([a-zA-Z0-9.-]+)(?::([0-9]{1,5}))?$/.exec(first);
    if (!match)
        return undefined;
    const registry = match[1].toLowerCase();
    const port = match[2] ? Number(match[2]) : 443;
    if (port < 1 || port > 65535)
        return undefined;
    return { registry: DOCKER_HUB_NAMES.has(registry) ? 'docker.io' : registry, port };
}
const QUAY_CDN = ['cdn.quay.io', 'cdn01.quay.io', 'cdn02.quay.io', 'cdn03.quay.io'];
const FAMILIES = [
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
            const region = match[1];
            return {
                hosts: [registry, `prod-${region}-starport-layer-bucket.s3.${region}.amazonaws.com`],
                wildcardHosts: [],
            };
        },
    },
    {
        // Container Registry and Artifact Registry hand out blobs from Cloud Storage.
        matches: (registry) => registry === 'gcr.io' || registry.endsWith('.gcr.io') || registry.endsWith('-docker.pkg.dev'),
        hosts: (registry) => ({ hosts: [registry, 'storage.googleapis.com'], wildcardHosts: [] }),
    },
    {
        matches: (registry) => registry.endsWith('.azurecr.io'),
        hosts: (registry) => ({
            hosts: [registry],
            wildcardHosts: ['*.blob.core.windows.net'],
            caveat: `${registry} serves layers from a storage account whose name is not in the image reference; with dedicated ` +
                `data endpoints enabled, list "${registry.replace(/\.azurecr\.io$/, '')}.<region>.data.azurecr.io" instead of the wildcard`,
        }),
    },
    {
        matches: (registry) => registry === 'mcr.microsoft.com',
        hosts: () => ({ hosts: ['mcr.microsoft.com'], wildcardHosts: ['*.data.mcr.microsoft.com'] }),
    },
];
/** The hosts a pull from `registry` contacts; unknown registries are assumed to serve their blobs themselves. */
function registryHosts(registry, port) {
    for (const family of FAMILIES) {
        const match = family.matches(registry);
        if (match)
            return { registry, port, ...family.hosts(registry, match) };
    }
    return { registry, port, hosts: [registry], wildcardHosts: [] };
}

;// CONCATENATED MODULE: ./src/generate/registry-coverage.ts





/**
 * The CSI provisioner (and the operator reading manifests) pull with go-containerregistry, which talks to Docker
 * Hub as `index.docker.io`. The guide's entry (index.docker.io, auth.docker.io, production.cloudflare.docker.com)
 * therefore works without `registry-1.docker.io`, which containerd uses; a generated entry still lists it.
 */
const OPTIONAL_HOSTS = ['registry-1.docker.io'];
/** Blob hosts are always fetched over 443, whatever port the registry API uses. */
const BLOB_PORT = 443;
/** The hosts a pull from `registry` on each of `ports` contacts: the registry on its ports, blob hosts on 443. */
function registryNeeds(registry, ports) {
    const wanted = registryHosts(registry, ports[0] ?? BLOB_PORT);
    const needs = [];
    for (const host of wanted.hosts) {
        const optional = OPTIONAL_HOSTS.includes(host);
        for (const port of host === registry ? ports : [BLOB_PORT])
            needs.push({ host, port, wildcard: false, optional });
    }
    for (const host of wanted.wildcardHosts)
        needs.push({ host, port: BLOB_PORT, wildcard: true, optional: false });
    return needs;
}
/**
 * Hosts and ports declared to `namespace`: the repository's ServiceEntries exported there, except those Istio's
 * validation rejects (the API server refuses them, so they declare nothing), plus the API-host entry the operator
 * creates with `enableIstio`. IPs and CIDRs of `addresses` count as declared hosts too.
 */
function coverageIn(model, namespace) {
    const views = [
        ...model.serviceEntries.filter((entry) => !(0,validate_service_entry/* rejectedByIstio */._n)(entry)).map(viewOfEntry),
        ...operatorEntries(model),
    ];
    return views
        .filter((view) => exportedToNamespace(model, view, namespace))
        .flatMap((view) => {
        const declared = [...view.hosts, ...(view.entry?.addresses ?? [])];
        return declared.flatMap((host) => view.ports.map((port) => ({ host, port: port.number })));
    });
}
/** Whether an IP lies in an address or CIDR of `addresses`. */
function addressContains(address, ip) {
    const [base, prefix] = address.split('/');
    const family = (0,external_node_net_.isIP)(base);
    if (family === 0 || family !== (0,external_node_net_.isIP)(ip))
        return false;
    const type = family === 4 ? 'ipv4' : 'ipv6';
    const bits = prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix);
    const list = new external_node_net_.BlockList();
    try {
        list.addSubnet(base, bits, type);
    }
    catch {
        return false;
    }
    return list.check(ip, type);
}
/** Whether `covered` declares `host` on `port`: a host by name or `*.` wildcard, an IP by `addresses`. */
function isCovered(covered, host, port) {
    const ip = (0,external_node_net_.isIP)(host) !== 0;
    return covered.some((entry) => entry.port === port && (ip ? addressContains(entry.host, host) : hostMatches(entry.host, host)));
}
function uncoveredPull(registry, ports, covered) {
    const undeclared = registryNeeds(registry, ports).filter((need) => !isCovered(covered, need.host, need.port));
    const missing = undeclared.filter((need) => !need.optional);
    return { missing, toDeclare: missing.length > 0 ? undeclared : [] };
}

;// CONCATENATED MODULE: ./src/generate/objects.ts

/** The operator writes `networking.istio.io/v1beta1` (served by every Istio release it supports). */
const NETWORKING_API_VERSION = 'networking.istio.io/v1beta1';
const SECURITY_API_VERSION = 'security.istio.io/v1beta1';
/** The name of this tool, in labels of the objects only it proposes (the operator never creates them). */
const GENERATOR_NAME = 'dynakube-istio-guard';
/**
 * One IP address as a CIDR: `/32` for IPv4, `/128` for IPv6. The operator appends `/32` to every IP (`subnetMask` in
 * pkg/controllers/dynakube/istio/serviceentry.go), which for an IPv6 endpoint declares 2^96 addresses instead of the
 * one host it means.
 */
function singleAddress(ip) {
    return `${ip}/${(0,external_node_net_.isIP)(ip) === 6 ? 128 : 32}`;
}

;// CONCATENATED MODULE: ./src/generate/operator-objects.ts

const IGNORED_SUBDOMAIN = 'ignored.subdomain';
const PROTOCOL_TCP = 'TCP';
function fqdnName(owner, component) {
    return `${owner.name}-fqdn-${component}`;
}
function ipName(owner, component) {
    return `${owner.name}-ip-${component}`;
}
const OPERATOR_COMPONENTS = ['operator', 'oneagent', 'activegate'];
/** Whether `name` is one the operator gives its objects for a DynaKube named `dynakube` (`<dk>-fqdn-…`, `<dk>-ip-…`). */
function isOperatorObjectName(dynakube, name) {
    const owner = { name: dynakube, namespace: '' };
    return OPERATOR_COMPONENTS.some((component) => name === fqdnName(owner, component) || name === ipName(owner, component));
}
/**
 * The operator's core labels. It also sets `app.kubernetes.io/version` (its own version), a template-hash
 * annotation and an owner reference to the DynaKube: those only make sense on objects the operator itself
 * created, so they are left out of objects a person applies.
 */
function labels(owner, component) {
    return {
        'app.kubernetes.io/name': 'dynatrace-operator',
        'app.kubernetes.io/created-by': owner.name,
        'app.kubernetes.io/component': component,
    };
}
function metadata(name, owner, component) {
    return { name, namespace: owner.namespace, labels: labels(owner, component) };
}
/** Hosts in first-seen order without repeats: Istio rejects a VirtualService listing a host twice. */
function distinctHosts(hosts) {
    return [...new Set(hosts.map((host) => host.host))];
}
/** One port per distinct number, the first host with that number decides the protocol (as the operator does). */
function distinctPorts(hosts, toPort) {
    const seen = new Set();
    const ports = [];
    for (const host of hosts) {
        if (seen.has(host.port))
            continue;
        seen.add(host.port);
        ports.push(toPort(host));
    }
    return ports;
}
/** `<dk>-fqdn-<component>`: DNS-resolved, one `<protocol>-<port>` port per distinct number. */
function buildFqdnServiceEntry(owner, component, hosts) {
    return {
        apiVersion: NETWORKING_API_VERSION,
        kind: 'ServiceEntry',
        metadata: metadata(fqdnName(owner, component), owner, component),
        spec: {
            hosts: distinctHosts(hosts),
            ports: distinctPorts(hosts, (host) => ({
                name: `${host.protocol}-${host.port}`,
                number: host.port,
                protocol: host.protocol.toUpperCase(),
            })),
            location: 'MESH_EXTERNAL',
            resolution: 'DNS',
        },
    };
}
/** `<dk>-ip-<component>`: the placeholder host `ignored.subdomain`, one-address CIDRs, TCP ports, no resolution. */
function buildIpServiceEntry(owner, component, hosts) {
    return {
        apiVersion: NETWORKING_API_VERSION,
        kind: 'ServiceEntry',
        metadata: metadata(ipName(owner, component), owner, component),
        spec: {
            hosts: [IGNORED_SUBDOMAIN],
            addresses: [...new Set(hosts.map((host) => singleAddress(host.host)))],
            ports: distinctPorts(hosts, (host) => ({
                name: `${PROTOCOL_TCP}-${host.port}`,
                number: host.port,
                protocol: PROTOCOL_TCP,
            })),
            location: 'MESH_EXTERNAL',
            resolution: 'NONE',
        },
    };
}
function destination(host) {
    return { destination: { host: host.host, port: { number: host.port } } };
}
/** Same name as the FQDN ServiceEntry: a TLS route (by SNI) per https host, an HTTP route per http host. */
function buildVirtualService(owner, component, hosts) {
    const tls = hosts
        .filter((host) => host.protocol === 'https')
        .map((host) => ({ match: [{ sniHosts: [host.host], port: host.port }], route: [destination(host)] }));
    const http = hosts
        .filter((host) => host.protocol === 'http')
        .map((host) => ({ match: [{ port: host.port }], route: [destination(host)] }));
    return {
        apiVersion: NETWORKING_API_VERSION,
        kind: 'VirtualService',
        metadata: metadata(fqdnName(owner, component), owner, component),
        spec: {
            hosts: distinctHosts(hosts),
            ...(tls.length > 0 ? { tls } : {}),
            ...(http.length > 0 ? { http } : {}),
        },
    };
}

;// CONCATENATED MODULE: ./src/generate/dynatrace-entries.ts








/**
 * The operator creates ActiveGate entries when the ActiveGate is enabled: it has a capability, or extensions need
 * one (`activegate.Spec.IsEnabled()`, pkg/api/latest/dynakube/activegate/props.go, the same since v1.4).
 */
function hasActiveGate(dynakube) {
    return (dynakube.activeGate?.capabilities.value.length ?? 0) > 0 || dynakube.extensions?.value === true;
}
function note(origin, reason) {
    return { file: origin.file, line: origin.line, reason };
}
/** A name the operator gives its entries for some DynaKube of the model, in that DynaKube's namespace. */
function operatorNamed(model, namespace, name, namespaceOf) {
    return model.dynakubes.some((dynakube) => namespaceOf(dynakube) === namespace && isOperatorObjectName(dynakube.name, name));
}
/**
 * The endpoints the repository's own ServiceEntries already declare (host, or IP in `addresses`, and port) in every
 * namespace this DynaKube's traffic leaves from: its own and, when it injects code modules, each it monitors (all of
 * them when the repository declares none). A generated entry for such an endpoint would be a second ServiceEntry for
 * one host and port, which Istio resolves by keeping the most recent (istio/istio#26282) and the tool reports as a
 * conflict when protocol or resolution differ. Entries Istio rejects declare nothing; entries carrying the operator's
 * names are copies of what the operator or this generator writes, and do not count.
 */
function declaredByRepository(model, dynakube, namespace, namespaceOf) {
    const views = model.serviceEntries
        .filter((entry) => !(0,validate_service_entry/* rejectedByIstio */._n)(entry))
        .map(viewOfEntry)
        .filter((view) => !operatorNamed(model, view.namespace, view.name, namespaceOf));
    const monitored = monitoredNamespaces(model, dynakube);
    const undeclared = injectsCodeModules(dynakube) && monitored.length === 0;
    const namespaces = [...new Set([namespace, ...monitored])];
    const declaredIn = (visible) => views
        .filter((view) => visible(exportedTo(model, view)))
        .flatMap((view) => [...view.hosts, ...(view.entry?.addresses ?? [])].flatMap((host) => view.ports.map((port) => ({ host, port: port.number }))));
    const perNamespace = undeclared
        ? [declaredIn((to) => to === 'all')]
        : namespaces.map((target) => declaredIn((to) => to === 'all' || to.includes(target)));
    return (host, port) => perNamespace.every((covered) => isCovered(covered, host, port));
}
function objectsFor(owner, component, all, { declared = () => false, routedHosts = new Set() }) {
    const hosts = all.filter((host) => !declared(host.host, host.port));
    const { fqdn, ip } = splitByAddressKind(hosts);
    const objects = [];
    if (fqdn.length > 0) {
        objects.push(buildFqdnServiceEntry(owner, component, fqdn));
        const unrouted = fqdn.filter((host) => !routedHosts.has(host.host));
        if (unrouted.length > 0)
            objects.push(buildVirtualService(owner, component, unrouted));
        for (const host of unrouted)
            routedHosts.add(host.host);
    }
    if (ip.length > 0)
        objects.push(buildIpServiceEntry(owner, component, ip));
    return objects;
}
function names(owner, component) {
    return `${fqdnName(owner, component)} / ${ipName(owner, component)}`;
}
/** The apiUrl to use: the DynaKube's own, or the one given on the command line when the DynaKube has a placeholder. */
function resolveApiUrl(dynakube, givenApiUrl) {
    const own = dynakube.apiUrl?.value.trim();
    if (own && !(0,placeholders/* isPlaceholder */.wK)(own))
        return { apiUrl: own };
    if (givenApiUrl)
        return { apiUrl: givenApiUrl };
    if (!own)
        return { problem: 'the DynaKube has no apiUrl' };
    return {
        problem: `apiUrl "${own}" is a placeholder substituted at deploy time, so the Dynatrace hosts are unknown ` +
            '(give the real URL: CLI --dynatrace-api-url, action dynatrace-api-url)',
    };
}
async function endpointObjects(owner, component, origin, query, context) {
    const label = component === 'oneagent' ? 'OneAgent' : 'ActiveGate';
    const result = await query();
    const skipped = `${names(owner, component)} not generated`;
    if (!result.ok)
        return { objects: [], covered: [], notes: [note(origin, `${skipped}: ${result.error}`)] };
    const separator = component === 'oneagent' ? ONEAGENT_ENDPOINT_SEPARATOR : ACTIVEGATE_ENDPOINT_SEPARATOR;
    const hosts = parseCommunicationHosts(result.value.endpoints, separator);
    if (!hosts.ok) {
        // The operator fails the whole component on one bad endpoint; so does the generator, saying which one.
        return {
            objects: [],
            covered: [],
            notes: [note(origin, `${skipped}: ${label} endpoint ${hosts.error}`)],
        };
    }
    if (hosts.value.length === 0) {
        return {
            objects: [],
            covered: [],
            notes: [note(origin, `${skipped}: the Dynatrace API lists no ${label} communication endpoints`)],
        };
    }
    return { objects: objectsFor(owner, component, hosts.value, context), covered: hosts.value, notes: [] };
}
/**
 * The ServiceEntries and VirtualServices the operator would create for one DynaKube with `enableIstio`:
 * the API host always, OneAgent endpoints for code-module injection, ActiveGate endpoints for an ActiveGate; each
 * less the endpoints the repository already declares (`context.declared`, see `declaredByRepository`).
 *
 * A VirtualService leaves out the hosts an earlier one routes (`context.routedHosts`, shared by all DynaKubes of a
 * run; the operator component comes first): `istioctl analyze` reports two VirtualServices bound to the mesh that
 * define one host as IST0109 ConflictingMeshGatewayVirtualServiceHosts, an error ("undefined behavior";
 * pkg/config/analysis/analyzers/virtualservice/conflictingmeshgatewayhosts.go), and the operator's shape repeats the
 * tenant host in its operator, oneagent and activegate VirtualServices. Nothing is lost: the routes only send a
 * host to itself, which the ServiceEntry's HTTPS port (by SNI) or HTTP port (by Host header) does on its own.
 */
async function dynatraceEntries(dynakube, namespace, source, givenApiUrl, context = {}) {
    const owner = { name: dynakube.name, namespace };
    const origin = dynakube.apiUrl?.origin ?? dynakube.origin;
    const resolved = resolveApiUrl(dynakube, givenApiUrl);
    if ('problem' in resolved) {
        return {
            objects: [],
            covered: [],
            notes: [
                note(origin, `ServiceEntries for DynaKube ${dynakube.name} not generated: ${resolved.problem}`),
            ],
        };
    }
    const result = { objects: [], notes: [], covered: [] };
    const apiHost = parseCommunicationHost(toSecondGenApiUrl(resolved.apiUrl));
    if (apiHost.ok) {
        result.objects.push(...objectsFor(owner, 'operator', [apiHost.value], context));
        result.covered.push(apiHost.value);
    }
    else {
        // Without a usable API URL the OneAgent and ActiveGate endpoints cannot be asked for either.
        result.notes.push(note(origin, `ServiceEntries for DynaKube ${dynakube.name} not generated: apiUrl ${apiHost.error}`));
        return result;
    }
    const wanted = [];
    const injecting = injectingMode(dynakube);
    if (injecting)
        wanted.push({ component: 'oneagent', origin: injecting.origin });
    if (hasActiveGate(dynakube))
        wanted.push({
            component: 'activegate',
            origin: dynakube.activeGate?.origin ?? dynakube.extensions?.origin ?? origin,
        });
    if (wanted.length === 0)
        return result;
    const client = source.clientFor(resolved.apiUrl);
    for (const { component, origin: componentOrigin } of wanted) {
        if ('unavailable' in client) {
            result.notes.push(note(componentOrigin, `${names(owner, component)} not generated: ${client.unavailable}`));
            continue;
        }
        const networkZone = dynakube.networkZone?.value.trim() || undefined;
        const query = component === 'oneagent' ? () => source.oneAgent(client, networkZone) : () => source.activeGate(client);
        const entries = await endpointObjects(owner, component, componentOrigin, query, context);
        result.objects.push(...entries.objects);
        result.notes.push(...entries.notes);
        result.covered.push(...entries.covered);
    }
    return result;
}

;// CONCATENATED MODULE: ./src/model/facts-mtls.ts




const MODES = ['STRICT', 'PERMISSIVE', 'DISABLE'];
const facts_mtls_NO_ORIGIN = { file: '', line: 0 };
/**
 * Whether a PeerAuthentication applies to some workloads only. Istio takes a selector without labels (or whose
 * every label was unreadable) as no selector: the policy covers the namespace, or the mesh in the root namespace.
 */
function hasSelector(policy) {
    return !!policy.selector && Object.keys(policy.selector).length > 0;
}
function selects(policy, labels) {
    return Object.entries(policy.selector ?? {}).every(([key, value]) => labels[key] === value);
}
/**
 * The policies by namespace, made once per model: the rules ask for every scraped workload, and a big repository
 * has hundreds of both. Checked against the array's length, so a model still being filled is indexed again.
 */
const indexes = new WeakMap();
function policiesByNamespace(policies) {
    const known = indexes.get(policies);
    if (known?.count === policies.length)
        return known.byNamespace;
    const byNamespace = new Map();
    for (const policy of policies) {
        // A policy without a namespace applies nowhere (kustomize or the API server would give it one).
        if (policy.namespace === undefined)
            continue;
        let entry = byNamespace.get(policy.namespace);
        if (!entry)
            byNamespace.set(policy.namespace, (entry = { withSelector: [] }));
        if (hasSelector(policy))
            entry.withSelector.push(policy);
        else
            entry.namespaceWide ??= policy;
    }
    indexes.set(policies, { count: policies.length, byNamespace });
    return byNamespace;
}
/** The mode a policy sets; UNSET (or absent) inherits from the parent scope. */
function setMode(policy) {
    const mode = policy.mtlsMode?.value;
    return mode && MODES.includes(mode) ? mode : undefined;
}
/**
 * Istio's PeerAuthentication resolution for one workload port: the narrowest scope wins (port > workload >
 * namespace > mesh), UNSET inherits, and no policy at all means PERMISSIVE. Policies with a selector in the
 * root namespace are ignored by Istio. Inside one scope Istio takes the oldest policy; a repository has no
 * creation times, so the first one read is taken.
 */
function effectiveMtls(model, namespace, podLabels, port) {
    const root = effectiveRootNamespace(model).value;
    const policies = policiesByNamespace(model.peerAuthentications);
    const mesh = policies.get(root)?.namespaceWide;
    const inNamespace = namespace === root ? undefined : policies.get(namespace);
    const workload = inNamespace?.withSelector.find((p) => selects(p, podLabels));
    const namespaceWide = inNamespace?.namespaceWide;
    let result = { ...provenance_fact('PERMISSIVE', facts_mtls_NO_ORIGIN, true), scope: 'default' };
    const scopes = [
        ['mesh', mesh],
        ['namespace', namespaceWide],
        ['workload', workload],
    ];
    for (const [scope, policy] of scopes) {
        const mode = policy && setMode(policy);
        if (policy && mode)
            result = {
                value: mode,
                origin: policy.mtlsMode.origin,
                scope,
                policy: resourceId(policy),
            };
    }
    const portMode = workload && port !== undefined ? workload.portLevelMtls[String(port)] : undefined;
    // As written: the CRD's enum is case-sensitive, and UNSET (or an unknown mode) inherits the workload's.
    if (workload && portMode && MODES.includes(portMode)) {
        const line = workload.document.lineAt(['spec', 'portLevelMtls', String(port)]) ?? workload.origin.line;
        result = {
            value: portMode,
            origin: { file: workload.origin.file, line, path: `spec.portLevelMtls.${port}` },
            scope: 'port',
            policy: resourceId(workload),
        };
    }
    return result;
}
/** The ActiveGate container's HTTPS port, the one OneAgents connect to (portLevelMtls keys are container ports). */
const ACTIVEGATE_PORT = 9999;
/**
 * The STRICT mTLS that makes an ActiveGate pod refuse clients outside the mesh (host-network OneAgents): the pod
 * is in the mesh (sidecar or ambient) and its HTTPS port resolves to STRICT. Undefined when such clients get in.
 * The one decision for the rule, the generated PeerAuthentication and the egress map, so they never disagree.
 */
function activeGateStrictMtls(model, pod) {
    if (!podMeshMembership(model, pod))
        return undefined;
    const mtls = effectiveMtls(model, pod.namespace, pod.labels, ACTIVEGATE_PORT);
    return mtls.value === 'STRICT' ? mtls : undefined;
}

;// CONCATENATED MODULE: ./src/generate/peer-authentication.ts



/** The labels the operator puts on ActiveGate pods that select them whatever the DynaKube. */
const ACTIVEGATE_POD_LABELS = {
    'app.kubernetes.io/name': 'activegate',
    'app.kubernetes.io/managed-by': 'dynatrace-operator',
};
const ACTIVEGATE_PEER_AUTHENTICATION_NAME = 'dynatrace-activegate-permissive';
/**
 * PERMISSIVE mTLS for the ActiveGate pods: OneAgents on the host network are outside the mesh and speak plain
 * TLS to the ActiveGate, which a STRICT policy would refuse.
 */
function activeGatePeerAuthentication(namespace) {
    return {
        apiVersion: SECURITY_API_VERSION,
        kind: 'PeerAuthentication',
        metadata: { name: ACTIVEGATE_PEER_AUTHENTICATION_NAME, namespace },
        spec: { selector: { matchLabels: { ...ACTIVEGATE_POD_LABELS } }, mtls: { mode: 'PERMISSIVE' } },
    };
}
/**
 * The ActiveGate pods of this DynaKube, placed in `namespace`, are in the mesh (sidecar or ambient) and Istio's
 * PeerAuthentication resolution makes their HTTPS port STRICT, so OneAgents outside the mesh are refused. An
 * existing PERMISSIVE policy selecting the pods (workload or port level) already answers this.
 */
function activeGateNeedsPermissive(model, dynakube, namespace) {
    const pod = activeGatePod(model, dynakube);
    if (!pod)
        return false;
    return activeGateStrictMtls(model, { ...pod, namespace }) !== undefined;
}

;// CONCATENATED MODULE: ./src/text-lines.ts
/**
 * Offsets where the lines of `text[start, end)` start: `start`, then the offset after each `\n` before `end`. A line
 * break at the very end gives the offset `end`, where no further line of the range starts.
 */
function lineStarts(text, start = 0, end = text.length) {
    const starts = [start];
    for (let at = text.indexOf('\n', start); at >= 0 && at < end; at = text.indexOf('\n', at + 1))
        starts.push(at + 1);
    return starts;
}
/** Whether a UTF-16 code unit is white space as `String.prototype.trim` (and `\s`) sees it. */
function isTrimmedSpace(code) {
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d))
        return true;
    if (code < 0xa0)
        return false;
    return (code === 0xa0 ||
        code === 0x1680 ||
        (code >= 0x2000 && code <= 0x200a) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x3000 ||
        code === 0xfeff);
}
/**
 * The indentation step of a text's lines: the smallest positive indent (white space as `trim` sees it) of a line
 * with content, not counting blank lines and comments; undefined when no line is indented. A line is read only up
 * to the smallest indent found so far: deeper ones cannot lower it, and most lines of a manifest are deeper.
 */
function smallestIndent(lines) {
    let step = Infinity;
    for (const line of lines) {
        let indent = 0;
        while (indent < step && indent < line.length && isTrimmedSpace(line.charCodeAt(indent)))
            indent++;
        if (indent === 0 || indent >= step || indent >= line.length)
            continue;
        if (line.charCodeAt(indent) !== 0x23)
            step = indent;
    }
    return step === Infinity ? undefined : step;
}

;// CONCATENATED MODULE: ./src/rules/edits.ts


const DEFAULT_INDENT_STEP = 2;
/**
 * The lines of a file of the model, split once per text: a rule with a finding for every workload of a big
 * rendered manifest asks for the same file's lines once per finding. Never changed by a caller.
 */
function fileLines(model, file) {
    const text = model.files.get(file);
    if (text === undefined)
        return undefined;
    let known = linesOfText.get(model.files);
    if (!known)
        linesOfText.set(model.files, (known = new Map()));
    const cached = known.get(file);
    if (cached?.text === text)
        return cached.lines;
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    known.set(file, { text, lines });
    return lines;
}
const linesOfText = new WeakMap();
/** Quotes a string for YAML when it would otherwise read as something else (a boolean, a number, …). */
function yamlString(value) {
    return /^[A-Za-z_./-][\w./-]*$/.test(value) && !/^(true|false|yes|no|on|off|null|~)$/i.test(value)
        ? value
        : JSON.stringify(value);
}
function renderEntries(key, value, indent, step) {
    const pad = ' '.repeat(indent);
    if (typeof value === 'string')
        return [`${pad}${formatKey(key)}: ${value}`];
    return [
        `${pad}${formatKey(key)}:`,
        ...Object.entries(value).flatMap(([k, v]) => renderEntries(k, v, indent + step, step)),
    ];
}
function formatKey(key) {
    return /^[\w./-]+$/.test(key) ? key : JSON.stringify(key);
}
/**
 * The node at `path` in the file that holds it. For a document changed by a kustomize patch the lines and shape
 * come from the patch for the paths it wrote, so the file must be the patch's too. Undefined where the node is
 * absent, or where an overlay's value no longer has what the file shows (a later patch removed it: editing the
 * file would change nothing).
 */
function writtenNode(model, document, path) {
    const shape = document.describeAt(path);
    if (!shape)
        return undefined;
    if (document.fileAt && valueAt(document.value, path) === undefined)
        return undefined;
    const file = document.fileAt?.(path) ?? document.file;
    const lines = fileLines(model, file);
    return lines ? { file, lines, shape } : undefined;
}
/**
 * Sets `path` (relative to `base`) to `value` in the file that holds it, keeping the file's indentation and
 * comments: a scalar already there is replaced on its line (in a kustomize patch's file when a patch wrote it,
 * also the `value:` of a JSON6902 operation); an empty mapping there is filled with a mapping value; missing keys
 * are inserted under their deepest existing parent, in the file that holds that parent. Returns undefined where a
 * safe text edit cannot be made (flow collections, a parent that is not a mapping, a value of another shape already
 * there, a patch that removes the parent).
 */
function setValueEdit(model, document, path, value) {
    const existing = document.describeAt(path);
    if (existing) {
        if (typeof value === 'string') {
            if (existing.kind !== 'scalar' && existing.kind !== 'null')
                return undefined;
            const written = writtenNode(model, document, path);
            return written ? replaceScalarLine(written, value) : undefined;
        }
        const empty = existing.kind === 'null' || (existing.kind === 'map' && existing.childCol === undefined);
        return empty ? insertEntries(model, document, path, Object.entries(value)) : undefined;
    }
    let depth = path.length - 1;
    while (depth >= 0 && !document.describeAt(path.slice(0, depth)))
        depth -= 1;
    if (depth < 0)
        return undefined;
    const missing = path.slice(depth);
    const nested = missing
        .slice(1)
        .reverse()
        .reduce((inner, key) => ({ [String(key)]: inner }), value);
    return insertEntries(model, document, path.slice(0, depth), [[String(missing[0]), nested]]);
}
/** Inserts mapping entries as the last children of the mapping (or empty value) at `parentPath`. */
function insertEntries(model, document, parentPath, entries) {
    const written = writtenNode(model, document, parentPath);
    if (!written)
        return undefined;
    const { file, lines, shape: parent } = written;
    const emptyFlow = parent.flow && parent.childCol === undefined;
    if ((parent.flow && !emptyFlow) || (parent.kind !== 'map' && parent.kind !== 'null'))
        return undefined;
    const step = indentStep(lines);
    const isRoot = parentPath.length === 0;
    // A patch held in a block scalar (an inline kustomize patch) has no column 0 of its own.
    if (isRoot && parent.childCol === undefined && file !== document.file)
        return undefined;
    const indent = parent.childCol !== undefined ? parent.childCol - 1 : isRoot ? 0 : parent.start.col - 1 + step;
    const rendered = entries.flatMap(([key, value]) => renderEntries(key, value, indent, step));
    if (parent.kind !== 'null' && !emptyFlow)
        return { file, startLine: parent.endLine + 1, endLine: parent.endLine, replacement: rendered.join('\n') };
    // An empty value: its key must start its line (not `metadata: {annotations: {}}`).
    const header = lines[parent.start.line - 1] ?? '';
    if (!isRoot && !/^\s*(-\s+)?$/.test(header.slice(0, parent.start.col - 1)))
        return undefined;
    const emptyValue = /:\s*(\{\}|null|~)\s*(#.*)?$/;
    if (emptyValue.test(header)) {
        // `annotations: {}` or `annotations: null`: the empty value is replaced by the new block.
        return {
            file,
            startLine: parent.start.line,
            endLine: parent.start.line,
            replacement: [header.replace(emptyValue, ':'), ...rendered].join('\n'),
        };
    }
    if (emptyFlow)
        return undefined;
    const insertAt = parent.start.line + 1;
    return { file, startLine: insertAt, endLine: insertAt - 1, replacement: rendered.join('\n') };
}
/**
 * Replaces the whole value of the mapping entry at `path` (a block or flow list, a scalar) by `value` written after
 * its key, in the file that holds it. The key stays as it is there: in a JSON6902 operation it is `value:`.
 * Undefined unless the key starts its line (a flow mapping's line holds its siblings too).
 */
function replaceValueEdit(model, document, path, value) {
    const written = writtenNode(model, document, path);
    if (!written)
        return undefined;
    const { file, lines, shape } = written;
    const line = lines[shape.start.line - 1] ?? '';
    if (!ownsLine(line, shape) || /,\s*$/.test((lines[shape.endLine - 1] ?? '').replace(/\s+#.*$/, '')))
        return undefined;
    const keyEnd = line.indexOf(':', shape.start.col - 1);
    if (keyEnd < 0)
        return undefined;
    return {
        file,
        startLine: shape.start.line,
        endLine: shape.endLine,
        replacement: `${line.slice(0, keyEnd + 1)} ${value}`,
    };
}
/**
 * Whether an entry has its line to itself: its key starts the line (after an indent or a `- `), and the line does
 * not go on with flow-collection syntax (`a: 1,`; for a scalar also `a: 1}`), whose siblings would share it.
 */
function ownsLine(line, shape) {
    if (!/^\s*(-\s+)?$/.test(line.slice(0, shape.start.col - 1)))
        return false;
    const code = line.replace(/\s+#.*$/, '');
    return !(shape.kind === 'scalar' || shape.kind === 'null' ? /[,{}[\]]\s*$/ : /,\s*$/).test(code);
}
/** `key: old # note` → `key: new # note`, for a scalar or empty value that sits on its key's line. */
function replaceScalarLine({ file, lines, shape }, value) {
    if (shape.endLine !== shape.start.line)
        return undefined;
    const line = lines[shape.start.line - 1];
    if (line === undefined || !ownsLine(line, shape))
        return undefined;
    const keyEnd = line.indexOf(':', shape.start.col - 1);
    if (keyEnd < 0)
        return undefined;
    const comment = / +#.*$/.exec(line.slice(keyEnd + 1))?.[0] ?? '';
    const replacement = `${line.slice(0, keyEnd + 1)} ${value}${comment}`;
    return { file, startLine: shape.start.line, endLine: shape.start.line, replacement };
}
/**
 * Removes the lines of the mapping entry at `path` (a label, an annotation), in the file that wrote it: a kustomize
 * patch's file when a patch added the entry. Undefined unless the entry starts its own line with its key (not a
 * flow mapping, not the `value:` of a JSON6902 operation, which would break the patch), and where another file
 * writes the entry too (a base, a lower overlay: removing it from one file alone would leave the other's; see
 * `removeEntryEdits`).
 */
function removeEntryEdit(model, document, path) {
    const writers = writersOf(document, path);
    return writers.length === 1 ? removeOwnEntry(model, writers[0], path) : undefined;
}
/**
 * Removes the mapping entry at `path` from every file that writes it: each kustomize patch of a stack of overlays
 * and the base file. Undefined where one of them cannot be removed as whole lines.
 */
function removeEntryEdits(model, document, path) {
    return removeEntriesEdits(model, document, [path]);
}
/**
 * One edit in every file that writes `path` (each patch of a stack of overlays, then the base); undefined when no
 * file writes it or one of them cannot be edited, as changing some of them would leave the value as it is.
 */
function editEveryWriter(document, path, edit) {
    const edits = yaml_writersOf(document, path).map(edit);
    return edits.length > 0 && edits.every((one) => one !== undefined) ? edits : undefined;
}
/** Whether a file other than the top-most writer of `path` writes it too (a base under a kustomize patch). */
function writtenBelow(document, path) {
    return yaml_writersOf(document, path).length > 1;
}
/**
 * Removes the entry's lines in the file of one writer, when the entry's own key (the last segment of `path`, the
 * path in the object) starts its line: the `value:` of a JSON6902 operation does not, and removing it would break
 * the patch. In a strategic-merge patch an emptied map reads as null, which deletes that map from the target: there
 * the parents left empty go too.
 */
function removeOwnEntry(model, writer, path) {
    const own = ownEntryLines(model, writer, path);
    if (!own)
        return undefined;
    const startLine = own.patch ? emptiedParentsStart(own.lines, own.start, own.end) : own.start;
    return { file: own.file, startLine, endLine: own.end, replacement: '' };
}
/** The lines of one writer's entry at `path`, when its own key starts its line (see `removeOwnEntry`). */
function ownEntryLines(model, writer, path) {
    const written = writtenNode(model, writer.document, writer.path);
    if (!written)
        return undefined;
    const { file, lines, shape } = written;
    if (!startsWithKey(lines[shape.start.line - 1], String(path.at(-1))))
        return undefined;
    return { file, lines, start: shape.start.line, end: shape.endLine, patch: writer.patch };
}
/**
 * Removes the mapping entries at `paths` (several labels of one object) from every file that writes them, as one
 * edit per file: a GitHub suggestion is one edit, and a fix meant as one click must not need several. Entries
 * that follow each other (blank or comment lines between them go with them) are removed together, so a patch
 * whose map they empty loses the emptied parents too; lines kept between entries further apart are written back
 * unchanged. Undefined where one entry cannot be removed as whole lines (see `removeEntryEdits`).
 */
function removeEntriesEdits(model, document, paths) {
    const byFile = new Map();
    for (const path of paths) {
        const writers = yaml_writersOf(document, path);
        if (writers.length === 0)
            return undefined;
        for (const writer of writers) {
            const own = ownEntryLines(model, writer, path);
            if (!own)
                return undefined;
            byFile.set(own.file, [...(byFile.get(own.file) ?? []), own]);
        }
    }
    return [...byFile.values()].map(oneRemoval);
}
/** One edit that removes every entry's lines in one file and writes back the lines kept between them. */
function oneRemoval(entries) {
    const { file, lines } = entries[0];
    const sorted = [...entries].sort((a, b) => a.start - b.start);
    const runs = [];
    for (const entry of sorted) {
        const last = runs.at(-1);
        const between = last ? lines.slice(last.end, entry.start - 1) : [];
        if (last && !between.some(isContentLine)) {
            last.end = Math.max(last.end, entry.end);
            last.patch ||= entry.patch;
        }
        else
            runs.push({ start: entry.start, end: entry.end, patch: entry.patch });
    }
    for (const run of runs)
        if (run.patch)
            run.start = emptiedParentsStart(lines, run.start, run.end);
    const kept = runs.slice(1).flatMap((run, index) => lines.slice(runs[index].end, run.start - 1));
    return {
        file,
        startLine: runs[0].start,
        endLine: runs.at(-1).end,
        replacement: kept.join('\n'),
    };
}
/**
 * Removes the lines of the block sequence item at `path` (`- value` and what belongs to it), in the file that
 * holds it. Undefined unless the item starts its own `- ` line, or where another file (a base) writes it too.
 */
function removeItemEdit(model, document, path) {
    const written = writtenNode(model, document, path);
    if (!written || typeof path.at(-1) !== 'number')
        return undefined;
    const { file, lines, shape } = written;
    const line = lines[shape.start.line - 1] ?? '';
    if (!/^\s*-(\s|$)/.test(line) || line.indexOf('-') >= shape.start.col - 1)
        return undefined;
    if (writtenBelow(document, path))
        return undefined;
    return { file, startLine: shape.start.line, endLine: shape.endLine, replacement: '' };
}
/** Files other than the document's own that wrote part of its value (kustomize patches), found by walking it. */
function patchFiles(document, limit = 5000) {
    const files = new Set();
    if (!document.fileAt)
        return files;
    const pending = [{ path: [], value: document.value }];
    for (let seen = 0; pending.length > 0 && seen < limit; seen++) {
        const { path, value } = pending.pop();
        const file = document.fileAt(path);
        if (file !== document.file)
            files.add(file);
        if (value !== null && typeof value === 'object')
            for (const [key, child] of Object.entries(value))
                pending.push({ path: [...path, Array.isArray(value) ? Number(key) : key], value: child });
    }
    return files;
}
function startsWithKey(line, key) {
    const trimmed = line?.trimStart() ?? '';
    return [key, JSON.stringify(key), `'${key}'`].some((form) => new RegExp(`^${escapeRegExp(form)}\\s*:`).test(trimmed));
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** A line that is neither blank nor only a comment. */
function isContentLine(line) {
    return line !== undefined && line.trim() !== '' && !line.trimStart().startsWith('#');
}
/** The first line to remove with lines `start..end`: block-map keys above them that would be left with no entry. */
function emptiedParentsStart(lines, start, end) {
    const indentOf = (line) => line.length - line.trimStart().length;
    let first = start;
    let indent = indentOf(lines[start - 1]);
    let next = end;
    while (next < lines.length && !isContentLine(lines[next]))
        next += 1;
    const after = isContentLine(lines[next]) && lines[next].trim() !== '---' ? indentOf(lines[next]) : -1;
    while (first > 1) {
        const parent = lines[first - 2];
        if (!/^\s*[^\s#-][^#]*:\s*(#.*)?$/.test(parent) || indentOf(parent) >= indent || after > indentOf(parent))
            break;
        first -= 1;
        indent = indentOf(parent);
    }
    return first;
}
/** The indentation step the file uses (smallest positive indent), 2 when unknown; once per file's lines. */
function indentStep(lines) {
    let step = indentSteps.get(lines);
    if (step === undefined)
        indentSteps.set(lines, (step = smallestIndent(lines) ?? DEFAULT_INDENT_STEP));
    return step;
}
const indentSteps = new WeakMap();
function splitLines(text) {
    const lines = [];
    const breaks = /\r?\n/g;
    let start = 0;
    for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
        lines.push({ text: text.slice(start, match.index), eol: match[0] });
        start = breaks.lastIndex;
    }
    lines.push({ text: text.slice(start), eol: '' });
    return lines;
}
/** The line break most lines of a text end with (`\n` when tied or when there is none). */
function dominantLineEnding(text) {
    const crlf = text.match(/\r\n/g)?.length ?? 0;
    const lf = (text.match(/\n/g)?.length ?? 0) - crlf;
    return crlf > lf ? '\r\n' : '\n';
}
/**
 * Applies edits to a text (used by tests and by the patch renderer). Edits must not overlap. A replacement's lines
 * are separated by `\n` (a `\r` before it is dropped); in the text they take the line breaks of the lines they
 * replace, and the file's dominant line break (`eol`, when the text is only part of the file) where they add lines,
 * so a CRLF file stays CRLF. A BOM and a missing final line break stay as they were.
 */
function applyEdits(text, edits, eol = dominantLineEnding(text)) {
    const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
    const lines = splitLines(text.slice(bom.length));
    const sorted = [...edits].sort((a, b) => b.startLine - a.startLine);
    for (const edit of sorted) {
        const count = Math.max(0, edit.endLine - edit.startLine + 1);
        const replaced = lines.slice(edit.startLine - 1, edit.startLine - 1 + count);
        const replacement = edit.replacement === ''
            ? []
            : edit.replacement.split('\n').map((line, index) => ({
                text: line.replace(/\r$/, ''),
                eol: replaced[index]?.eol || eol,
            }));
        lines.splice(edit.startLine - 1, count, ...replacement);
    }
    // Only the last line goes without a line break (edits at the end may have moved it).
    lines.forEach((line, index) => (line.eol = index === lines.length - 1 ? '' : line.eol || eol));
    return bom + lines.map((line) => line.text + line.eol).join('');
}

;// CONCATENATED MODULE: ./src/rules/new-file.ts


/** Renders Kubernetes objects as one multi-document YAML text, keys in insertion order. */
function renderManifests(objects) {
    return objects.map((object) => (0,dist/* stringify */.As)(object, { lineWidth: 0 }).trimEnd()).join('\n---\n') + '\n';
}
/**
 * An edit that creates a new file beside `nearFile` (`startLine: 1, endLine: 0` on a path that does not exist
 * yet). A numeric suffix keeps it from overwriting a file of the same name.
 */
function newFileEdit(model, nearFile, fileName, text) {
    const directory = external_node_path_default().posix.dirname(nearFile);
    const extension = external_node_path_default().posix.extname(fileName);
    const stem = fileName.slice(0, fileName.length - extension.length);
    let candidate = external_node_path_default().posix.join(directory, fileName);
    for (let n = 2; model.files.has(candidate); n += 1)
        candidate = external_node_path_default().posix.join(directory, `${stem}-${n}${extension}`);
    return { file: candidate, startLine: 1, endLine: 0, replacement: text.replace(/\n$/, '') };
}

;// CONCATENATED MODULE: ./src/rules/types.ts
const SEVERITY_RANK = { error: 3, warning: 2, info: 1 };
/**
 * The project's home, the one place its URL is written (rule doc links, SARIF `informationUri`). A placeholder
 * until the repository is published: README and action.yml use the same owner/name in `uses:`.
 */
const PROJECT_HOME = 'https://github.com/dynakube-istio-guard/dynakube-istio-guard';
const DOCS_BASE = `${PROJECT_HOME}/blob/main/docs/rules`;
function docsUrl(id) {
    return `${DOCS_BASE}/${id}.md`;
}

;// CONCATENATED MODULE: ./src/rules/activegate-mesh-access.ts









const id = 'activegate-mesh-access';
/** OneAgent modes whose agent pods use the host network: Istio never puts those pods in the mesh. */
const HOST_NETWORK_MODES = [
    'classicFullStack',
    'cloudNativeFullStack',
    'hostMonitoring',
];
/** Labels that put the ActiveGate into the mesh, as the guide shows them under `spec.activeGate.labels`. */
const MESH_LABELS = {
    'sidecar.istio.io/inject': 'true',
    'istio.io/dataplane-mode': 'ambient',
};
function hostNetworkModes(dynakube) {
    return dynakube.modes.map((mode) => mode.value).filter((mode) => HOST_NETWORK_MODES.includes(mode));
}
/**
 * DynaKubes whose host-network OneAgents route through this ActiveGate: its own, and those in the same network
 * zone (OneAgents connect to the ActiveGates of their zone).
 */
function routedOneAgents(model, activeGateOwner) {
    const zone = activeGateOwner.networkZone?.value;
    return model.dynakubes.filter((dynakube) => hostNetworkModes(dynakube).length > 0 &&
        (dynakube === activeGateOwner || (zone !== undefined && dynakube.networkZone?.value === zone)));
}
function peerAuthenticationFix(model, dynakube, namespace) {
    const object = activeGatePeerAuthentication(namespace);
    const edit = newFileEdit(model, dynakube.origin.file, 'activegate-peer-authentication.yaml', renderManifests([object]));
    return {
        description: `Create ${edit.file} (a new file) with a PeerAuthentication that accepts plain TLS (PERMISSIVE) on the ` +
            `ActiveGate pods in namespace ${namespace}, so OneAgents outside the mesh can reach it. Traffic to the ` +
            'ActiveGate stays encrypted by HTTPS.',
        edits: [edit],
    };
}
/** STRICT mTLS on an ActiveGate in the mesh shuts out the host-network OneAgents that route through it. */
function strictMtlsFinding(model, dynakube, membership) {
    const capabilities = dynakube.activeGate.capabilities.value;
    if (!capabilities.includes('routing'))
        return undefined;
    const agents = routedOneAgents(model, dynakube);
    if (agents.length === 0)
        return undefined;
    const pod = activeGatePod(model, dynakube);
    const mtls = activeGateStrictMtls(model, pod);
    if (!mtls)
        return undefined;
    const who = agents.map((agent) => `${agent.name} (${hostNetworkModes(agent).join(', ')})`).join(', ');
    return {
        message: `The ActiveGate of DynaKube ${dynakube.name} is in the mesh (${membership.mode}: ${membership.reason}) and ` +
            `${mtls.policy} makes its mTLS STRICT (${mtls.origin.file}:${mtls.origin.line}). OneAgents of ${who} run on ` +
            'the host network, can never be in the mesh, and cannot connect to it; they fall back to connecting to ' +
            'Dynatrace directly.',
        origin: dynakube.activeGate.origin,
        resource: resourceId(dynakube),
        field: 'spec.activeGate|mtls',
        fix: peerAuthenticationFix(model, dynakube, pod.namespace),
    };
}
/** The guide labels the ActiveGate into the mesh together with `enableIstio: true`. */
function enableIstioFinding(model, dynakube) {
    if (dynakube.enableIstio.value)
        return undefined;
    const label = Object.entries(MESH_LABELS).find(([key, value]) => dynakube.activeGate?.labels[key]?.toLowerCase() === value);
    if (!label)
        return undefined;
    const labelPath = ['spec', 'activeGate', 'labels', label[0]];
    const edit = setValueEdit(model, dynakube.document, ['spec', 'enableIstio'], 'true');
    return {
        message: `The ActiveGate of DynaKube ${dynakube.name} is labelled into the mesh (${label[0]}: "${label[1]}") while ` +
            'enableIstio is off: without the ServiceEntries and VirtualServices the operator creates, the ActiveGate ' +
            'cannot reach the Dynatrace environment under a REGISTRY_ONLY outbound policy.',
        origin: originAt(dynakube, labelPath, dynakube.activeGate.origin),
        resource: resourceId(dynakube),
        field: 'spec.activeGate.labels|enableIstio',
        ...(edit
            ? {
                fix: {
                    description: 'Set `enableIstio: true`, as the guide does for an ActiveGate inside the mesh (the DynaKube must then be deleted and reapplied).',
                    edits: [edit],
                },
            }
            : {}),
    };
}
const activeGateMeshAccess = {
    meta: {
        id,
        severity: 'warning',
        description: 'An ActiveGate inside the mesh must stay reachable for OneAgents outside it, and needs `enableIstio: true`.',
        docs: docsUrl(id),
        fixable: true,
    },
    check({ head }) {
        const findings = [];
        for (const dynakube of head.dynakubes) {
            // The operator runs the ActiveGate for a capability or for extensions; its labels are in `spec.activeGate`.
            if (!dynakube.activeGate || !hasActiveGate(dynakube))
                continue;
            const membership = podMeshMembership(head, activeGatePod(head, dynakube));
            if (!membership)
                continue;
            const strict = strictMtlsFinding(head, dynakube, membership);
            if (strict)
                findings.push(strict);
            const labelled = enableIstioFinding(head, dynakube);
            if (labelled)
                findings.push(labelled);
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/model/facts-dynakube-versions.ts




/**
 * From each release's CRD (reference/dynatrace.md §3.1). Keys are the first minor of a line; a release uses the
 * last entry at or below it. `served: false` versions are simply absent from `served`.
 */
const RELEASES = [
    { from: [0, 10], release: '0.10–1.1', served: ['v1alpha1', 'v1beta1'], deprecated: [], storage: 'v1beta1' },
    { from: [1, 2], release: '1.2–1.3', served: ['v1beta1', 'v1beta2'], deprecated: [], storage: 'v1beta2' },
    {
        from: [1, 4],
        release: '1.4',
        served: ['v1beta1', 'v1beta2', 'v1beta3'],
        deprecated: [],
        storage: 'v1beta3',
    },
    {
        from: [1, 5],
        release: '1.5',
        served: ['v1beta1', 'v1beta2', 'v1beta3', 'v1beta4'],
        deprecated: [],
        storage: 'v1beta4',
    },
    {
        from: [1, 6],
        release: '1.6',
        served: ['v1beta1', 'v1beta2', 'v1beta3', 'v1beta4', 'v1beta5'],
        deprecated: ['v1beta1', 'v1beta2', 'v1beta3'],
        storage: 'v1beta5',
    },
    {
        from: [1, 7],
        release: '1.7',
        served: ['v1beta3', 'v1beta4', 'v1beta5'],
        deprecated: ['v1beta3'],
        storage: 'v1beta5',
    },
    {
        from: [1, 8],
        release: '1.8',
        served: ['v1beta4', 'v1beta5', 'v1beta6'],
        deprecated: [],
        storage: 'v1beta6',
    },
    {
        from: [1, 9],
        release: '1.9',
        served: ['v1beta4', 'v1beta5', 'v1beta6'],
        deprecated: ['v1beta4'],
        storage: 'v1beta6',
    },
    {
        from: [1, 10],
        release: '1.10',
        served: ['v1beta5', 'v1beta6'],
        deprecated: ['v1beta5'],
        storage: 'v1beta6',
    },
];
/** The newest operator known (main after 1.10.2): v1beta4 removed, v1beta5 deprecated. */
const NEWEST_OPERATOR = {
    release: 'newest',
    served: ['v1beta5', 'v1beta6'],
    deprecated: ['v1beta5'],
    storage: 'v1beta6',
};
/** What an operator release line serves; undefined for lines older than any known CRD. */
function servedVersions(line) {
    if (line === 'latest')
        return NEWEST_OPERATOR;
    const newestKnown = RELEASES[RELEASES.length - 1].from;
    if (line.major > newestKnown[0] || (line.major === newestKnown[0] && line.minor > newestKnown[1]))
        return NEWEST_OPERATOR;
    let match;
    for (const entry of RELEASES) {
        const [major, minor] = entry.from;
        if (line.major > major || (line.major === major && line.minor >= minor))
            match = entry;
    }
    return match;
}
/**
 * Operator versions pinned in the repository: the Helm chart version of an operator install, or the image tag of a
 * rendered `dynatrace-operator` Deployment.
 */
function pinnedOperatorVersions(model) {
    const pinned = [];
    for (const install of model.operatorInstalls) {
        const line = releaseLine(install.version?.value);
        if (install.version && line)
            pinned.push({ version: install.version, line, via: install.via, namespace: install.namespace.value });
    }
    for (const workload of model.workloads) {
        if (workload.kind !== 'Deployment' || workload.name !== 'dynatrace-operator')
            continue;
        const containers = (0,model_read/* asArray */._j)((0,model_read/* getIn */.O6)(workload.document.value, ['spec', 'template', 'spec', 'containers']));
        containers.forEach((container, index) => {
            const image = (0,model_read/* asString */.oJ)((0,model_read/* asRecord */.qY)(container)?.image);
            if (!image || !/dynatrace-operator/.test(image))
                return;
            const tag = imageTag(image);
            const line = releaseLine(tag);
            if (!tag || !line)
                return;
            const path = ['spec', 'template', 'spec', 'containers', index, 'image'];
            pinned.push({
                version: provenance_fact(tag, originAt(workload, path)),
                line,
                via: `Deployment ${workload.namespace ?? ''}/${workload.name}`,
                ...(workload.namespace ? { namespace: workload.namespace } : {}),
            });
        });
    }
    return pinned;
}
/** Pinned operators that serve a DynaKube: the one in its namespace, else every pinned one. */
function operatorsServing(pinned, dynakube) {
    const own = pinned.filter((operator) => operator.namespace === dynakube.namespace);
    return own.length > 0 ? own : pinned;
}

;// CONCATENATED MODULE: ./src/model/facts-csi.ts





/** Storage versions that keep `useCSIDriver`: an operator storing v1beta3 or later drops it on conversion. */
const KEEPS_USE_CSI_DRIVER = ['v1alpha1', 'v1beta1', 'v1beta2'];
/**
 * Whether the pinned operators ignore `useCSIDriver`: from 1.4 they convert every DynaKube to a version without
 * it, and "the CSI driver is now used when installed". No pinned operator: the manifest's own meaning holds.
 */
function operatorDropsUseCsiDriver(model, dynakube) {
    const serving = operatorsServing(pinnedOperatorVersions(model), dynakube);
    const dropping = serving.filter((operator) => {
        const storage = servedVersions(operator.line)?.storage;
        return storage !== undefined && !KEEPS_USE_CSI_DRIVER.includes(storage);
    });
    return serving.length > 0 && dropping.length === serving.length ? dropping[0].version : undefined;
}
/**
 * Whether an install's `csidriver.migrationMode: true` counts: charts from v1.10 write modules.json
 * `"csiDriver": {{ and .Values.csidriver.enabled (not .Values.csidriver.migrationMode) }}` (templates/_helpers.tpl);
 * older charts have no such value. An unpinned chart is taken for a current one.
 */
function migrating(install) {
    if (!install.csiDriverMigrationMode?.value)
        return false;
    const line = releaseLine(install.version?.value);
    return !line || atLeast(line, 1, 10);
}
/**
 * Whether the CSI driver provides code modules to new pods (the operator's `IsCSIAvailable()`, modules.json
 * `csiDriver`): it is installed, and not in migration mode, where the webhook gives new pods an emptyDir
 * (`isCSIVolume`, pkg/webhook/mutation/pod/mutator/oneagent/mutator.go) and the provisioner only cleans up.
 */
function csiDriverServes(model) {
    const installed = csiDriverEnabled(model);
    const enabled = model.operatorInstalls.filter((install) => install.csiDriverEnabled.value);
    if (!installed.value || enabled.length === 0 || enabled.some((install) => !migrating(install)))
        return installed;
    return provenance_fact(false, enabled[0].csiDriverMigrationMode.origin);
}
/**
 * Whether a DynaKube's code modules reach its pods through the CSI driver (the operator's NeedsCSIDriver() for
 * injection): it injects code modules, the operator install enables the CSI driver (not in migration mode), and for
 * v1beta1/v1beta2 `applicationMonitoring` its `useCSIDriver` is true. Without the CSI driver the pods get an emptyDir that an init
 * container fills: from `codeModulesImage` itself (self-extracting, no network) or by a download from the tenant
 * (reference/dynatrace.md §5.2).
 */
function codeModulesViaCsi(model, dynakube) {
    const installed = csiDriverServes(model);
    if (!injectsCodeModules(dynakube))
        return provenance_fact(false, dynakube.origin, true);
    if (!installed.value || !dynakube.useCSIDriver)
        return installed;
    const dropped = operatorDropsUseCsiDriver(model, dynakube);
    return dropped ? provenance_fact(installed.value, dropped.origin, true) : dynakube.useCSIDriver;
}

;// CONCATENATED MODULE: ./src/rules/cni-csi-deadlock.ts







const cni_csi_deadlock_id = 'cni-csi-deadlock';
/**
 * The CNI pods' annotations as the API server takes them. A value written as a YAML boolean (an unquoted `false`) is
 * left out: annotation values must be strings, so the API server rejects the pods' template and the CNI pods do not
 * roll out as written; such an opt-out does not count.
 */
function cniPodAnnotations(cni) {
    const annotations = { ...cni.podAnnotations.value };
    for (const key of cni.nonStringPodAnnotations)
        delete annotations[key];
    return annotations;
}
/** Says so when the opt-out is there but written as a YAML boolean, so the user sees why it does not count. */
function unquotedOptOut(cni) {
    if (!cni.nonStringPodAnnotations.includes(POD_INJECT_ANNOTATION))
        return '';
    const { file, line } = cni.podAnnotations.origin;
    const value = cni.podAnnotations.value[POD_INJECT_ANNOTATION];
    return (` The \`${POD_INJECT_ANNOTATION}: ${value}\` in the pod annotations (${file}:${line}) is a YAML boolean, not a ` +
        "string: annotation values must be strings, and the API server rejects the CNI pods' template (a chart's " +
        `\`toYaml\` keeps it unquoted). Quote it: \`${POD_INJECT_ANNOTATION}: "false"\`.`);
}
/**
 * DynaKubes that inject code modules through the CSI driver into the CNI pods: they monitor the pods' namespace, and
 * the pods' `oneagent.dynatrace.com/inject` (or, without it, the DynaKube's `automatic-injection` flag) lets them in.
 * A `kube-system` namespace (the cni chart's README installs there) is on the operator's default ignore list, so no
 * DynaKube injects there unless its `feature.dynatrace.com/ignored-namespaces` replaces that list.
 */
function injectingDynaKubes(model, cni) {
    const annotations = cniPodAnnotations(cni);
    return model.dynakubes.filter((dynakube) => codeModulesViaCsi(model, dynakube).value &&
        isMonitoredNamespace(model, dynakube, cni.namespace.value) &&
        injectsIntoPod(dynakube, annotations));
}
/** The CSI driver pods are in the mesh when the operator namespace is enrolled or `csidriver.labels` opt in. */
function csiDriverInMesh(model) {
    for (const namespace of operatorNamespaces(model)) {
        const enrollment = namespaceMeshEnrollment(model, namespace.value);
        if (enrollment)
            return `the operator namespace ${namespace.value} is enrolled in the mesh (${enrollment.label}: ${enrollment.value})`;
    }
    const optIn = model.operatorInstalls.find((install) => install.csiDriverLabels['sidecar.istio.io/inject'] === 'true');
    return optIn ? `csidriver.labels sets sidecar.istio.io/inject: "true" (${optIn.via})` : undefined;
}
/** Says so when the opt-out is written under a key this install does not read, so the user sees why it is not enough. */
function ignoredOptOut(cni) {
    const ignored = cni.ignoredPodAnnotations;
    if (!ignored || (0,model_read/* parseGoBool */.MY)(ignored.annotations.value[POD_INJECT_ANNOTATION]) !== false)
        return '';
    const { file, line, path } = ignored.annotations.origin;
    return ` The \`${POD_INJECT_ANNOTATION}: "false"\` at ${path ?? 'podAnnotations'} (${file}:${line}) has no effect: ${ignored.reason}.`;
}
function annotationFix(model, cni) {
    if (!cni.annotationsTarget)
        return undefined;
    const { document, path } = cni.annotationsTarget;
    const edit = setValueEdit(model, document, [...path, POD_INJECT_ANNOTATION], '"false"');
    return edit
        ? {
            description: `Add the pod annotation \`${POD_INJECT_ANNOTATION}: "false"\` to the Istio CNI pods (${cni.via}).`,
            edits: [edit],
        }
        : undefined;
}
const cniCsiDeadlock = {
    meta: {
        id: cni_csi_deadlock_id,
        severity: 'error',
        description: 'Istio CNI pods must be excluded from Dynatrace injection, or new nodes can deadlock with the CSI driver.',
        docs: docsUrl(cni_csi_deadlock_id),
        fixable: true,
    },
    check({ head }) {
        const csi = csiDriverEnabled(head);
        if (!csi.value)
            return [];
        const findings = [];
        for (const cni of head.cniInstalls) {
            if (!cni.enabled.value)
                continue;
            const injecting = injectingDynaKubes(head, cni);
            if (injecting.length === 0)
                continue;
            const inMesh = csiDriverInMesh(head);
            const names = injecting.map((dk) => dk.name).join(', ');
            const fix = annotationFix(head, cni);
            findings.push({
                message: (inMesh
                    ? `Deadlock: the Istio CNI pods (${cni.via}, namespace ${cni.namespace.value}) are injected by DynaKube ${names} through the CSI driver, and ${inMesh}. On a new node the CNI pod waits for the CSI driver and the CSI driver waits for the CNI agent: no pod can start there.`
                    : `The Istio CNI pods (${cni.via}, namespace ${cni.namespace.value}) can be injected by DynaKube ${names} (code modules via the CSI driver). The guide says to exclude the CNI pods from injection "in all scenarios" to avoid a deadlock on new nodes.`) +
                    ignoredOptOut(cni) +
                    unquotedOptOut(cni),
                origin: cni.podAnnotations.origin,
                resource: cni.via,
                field: `cni.podAnnotations.${POD_INJECT_ANNOTATION}`,
                severity: inMesh ? 'error' : 'warning',
                ...(fix ? { fix } : {}),
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/config-not-evaluable.ts

const config_not_evaluable_id = 'config-not-evaluable';
const SHOWN_REASONS = 3;
/** Groups notes by file, keeping the file order of the model. */
function byFile(notes) {
    const groups = new Map();
    for (const note of notes) {
        const list = groups.get(note.file) ?? [];
        if (!list.some((n) => n.line === note.line && n.reason === note.reason))
            list.push(note);
        groups.set(note.file, list);
    }
    return groups;
}
/**
 * One note per file whose content decides a rule but could not be read (a template, an unresolved substitution, a
 * Secret, a remote chart or base, a YAML error). Keyed by file, so a note that moves lines stays `unchanged`.
 */
const configNotEvaluable = {
    meta: {
        id: config_not_evaluable_id,
        severity: 'info',
        description: 'Configuration that decides a rule could not be evaluated; the rules did not see it.',
        docs: docsUrl(config_not_evaluable_id),
        fixable: false,
    },
    check({ head }) {
        const findings = [];
        for (const [file, notes] of byFile(head.notEvaluable)) {
            const sorted = [...notes].sort((a, b) => a.line - b.line);
            const shown = sorted.slice(0, SHOWN_REASONS).map((n) => `line ${n.line}: ${n.reason}`);
            const more = sorted.length > SHOWN_REASONS ? `; and ${sorted.length - SHOWN_REASONS} more` : '';
            findings.push({
                message: `Could not evaluate ${file}: ${shown.join('; ')}${more}. Rules that depend on it may miss problems here.`,
                origin: { file, line: sorted[0].line },
                resource: `File ${file}`,
                field: 'not-evaluable',
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/line-edits.ts

/**
 * Replaces the first `search` on the line of the node at `path` with `replacement`, keeping the rest of the line
 * (indent, comments), in the file that holds the node (a kustomize patch's file when a patch wrote it).
 */
function replaceOnLine(model, document, path, search, replacement) {
    const written = writtenNode(model, document, path);
    if (!written)
        return undefined;
    const line = written.shape.start.line;
    const text = written.lines[line - 1];
    if (text === undefined || !text.includes(search))
        return undefined;
    return {
        file: written.file,
        startLine: line,
        endLine: line,
        replacement: text.replace(search, replacement),
    };
}
/**
 * Replaces the value of a block sequence item or mapping entry on its own line (`- old` → `- new`), in the file
 * that holds it (also the `value:` of a JSON6902 operation, whose scalar is replaced the same way).
 */
function replaceScalarEdit(model, document, path, oldValue, newValue) {
    const written = writtenNode(model, document, path);
    if (!written)
        return undefined;
    const { file, lines, shape } = written;
    if (shape.kind !== 'scalar' || shape.endLine !== shape.start.line)
        return undefined;
    const text = lines[shape.start.line - 1];
    if (text === undefined)
        return undefined;
    const from = text.indexOf(oldValue, shape.start.col - 1);
    if (from < 0)
        return undefined;
    const replaced = text.slice(0, from) + newValue + text.slice(from + oldValue.length);
    return { file, startLine: shape.start.line, endLine: shape.start.line, replacement: replaced };
}
/**
 * Moves the mapping entry at `from` (key and block value) to become the last entry of the block mapping at
 * `toParent`, re-indented to the parent's children. Both must be held by one file. Undefined where that cannot
 * be done as plain line edits, or where moving inside a kustomize patch would leave the base's entry in place.
 */
function moveEntryEdits(model, document, from, toParent) {
    const source = writtenNode(model, document, from);
    const target = writtenNode(model, document, toParent);
    if (!source || !target || source.file !== target.file || source.shape.flow)
        return undefined;
    const { file, lines } = source;
    if (!startsWithKey(lines[source.shape.start.line - 1], String(from.at(-1))))
        return undefined;
    if (writtenBelow(document, from))
        return undefined;
    const start = source.shape.start;
    const parent = target.shape;
    const block = lines.slice(start.line - 1, source.shape.endLine);
    const oldIndent = start.col - 1;
    const reindent = (indent) => block.map((line) => line.trim() === '' ? line : ' '.repeat(indent) + line.slice(Math.min(oldIndent, leading(line))));
    const removal = { file, startLine: start.line, endLine: source.shape.endLine, replacement: '' };
    if (parent.kind === 'map' && !parent.flow && parent.childCol !== undefined) {
        if (parent.endLine >= start.line && parent.start.line <= source.shape.endLine)
            return undefined;
        const insert = parent.endLine + 1;
        return [
            removal,
            { file, startLine: insert, endLine: insert - 1, replacement: reindent(parent.childCol - 1).join('\n') },
        ];
    }
    const header = lines[parent.start.line - 1];
    if (parent.kind === 'null' || (parent.kind === 'map' && parent.flow && /:\s*\{\}\s*(#.*)?$/.test(header))) {
        const fromParent = writtenNode(model, document, from.slice(0, -1));
        const parentCol = fromParent?.file === file ? fromParent.shape.start.col : 1;
        const step = oldIndent - parentCol + 1 || 2;
        const indent = parent.start.col - 1 + step;
        return [
            removal,
            {
                file,
                startLine: parent.start.line,
                endLine: parent.start.line,
                replacement: [header.replace(/:\s*(\{\}|null|~)?\s*(#.*)?$/, ':'), ...reindent(indent)].join('\n'),
            },
        ];
    }
    return undefined;
}
function leading(line) {
    return line.length - line.trimStart().length;
}

;// CONCATENATED MODULE: ./src/rules/dynakube-api-version.ts









const dynakube_api_version_id = 'dynakube-api-version';
const VERSION_ORDER = ['v1alpha1', 'v1beta1', 'v1beta2', 'v1beta3', 'v1beta4', 'v1beta5', 'v1beta6'];
/** Judges one DynaKube version against what an operator serves. */
function judge(version, served, operator) {
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
function fieldMoves(model, dynakube, target) {
    const document = dynakube.document;
    const value = document.value;
    const edits = [];
    const manual = [];
    const written = [];
    const rank = (v) => VERSION_ORDER.indexOf(v);
    const from = rank(dynakube.version);
    const to = rank(target);
    if (from <= rank('v1beta1') && to >= rank('v1beta2')) {
        const enrichment = keptMetadataEnrichment(model, dynakube, target);
        let enrichmentWritten = false;
        if ((0,model_read/* getIn */.O6)(value, ['spec', 'namespaceSelector']) !== undefined) {
            const mode = injectingMode(dynakube)?.value;
            const moved = mode
                ? moveEntryEdits(model, document, ['spec', 'namespaceSelector'], ['spec', 'oneAgent', mode])
                : undefined;
            const withEnrichment = moved && enrichment?.withSelector(moved);
            enrichmentWritten = withEnrichment !== undefined;
            if (moved)
                edits.push(...(withEnrichment ?? moved));
            else
                manual.push('move `spec.namespaceSelector` under the OneAgent mode (or `spec.metadataEnrichment`)');
        }
        else if (enrichment) {
            const edit = setValueEdit(model, document, ['spec', 'metadataEnrichment', 'enabled'], 'true');
            if (edit)
                edits.push(edit);
            enrichmentWritten = edit !== undefined;
        }
        if (enrichment) {
            if (enrichmentWritten)
                written.push(enrichment.writtenOut);
            else
                manual.push(enrichment.byHand);
        }
        for (const old of ['routing', 'kubernetesMonitoring'])
            if ((0,model_read/* getIn */.O6)(value, ['spec', old]) !== undefined)
                manual.push(`replace \`spec.${old}\` by the matching \`spec.activeGate.capabilities\``);
    }
    for (const mode of dynakube.modes) {
        const modePath = ['spec', 'oneAgent', mode.value];
        const removed = [
            ...(to >= rank('v1beta3') ? ['useCSIDriver'] : []),
            ...(to >= rank('v1beta6') ? ['autoUpdate'] : []),
        ];
        for (const field of removed) {
            if ((0,model_read/* getIn */.O6)(value, [...modePath, field]) === undefined)
                continue;
            const removal = removeEntryEdits(model, document, [...modePath, field]);
            if (removal)
                edits.push(...removal);
            else
                manual.push(`remove \`${[...modePath, field].join('.')}\``);
        }
    }
    if (from === rank('v1beta4') && to >= rank('v1beta5')) {
        const moved = renamedActiveGateClaim(model, dynakube);
        if (moved)
            edits.push(...moved.edits);
        if (moved?.manual)
            manual.push(moved.manual);
    }
    if (from >= rank('v1beta3') && from <= rank('v1beta5') && to >= rank('v1beta6')) {
        const kept = keptOperands(model, dynakube, target);
        edits.push(...kept.edits);
        manual.push(...kept.manual);
        written.push(...kept.written);
    }
    if (to >= rank('v1beta3')) {
        const lost = lostUseCsiDriver(model, dynakube, target);
        if (lost)
            manual.push(lost);
    }
    if (to >= rank('v1beta6'))
        manual.push(...lostAutoUpdate(dynakube, target));
    return { edits, manual, written };
}
/**
 * v1beta4's `spec.activeGate.persistentVolumeClaim` is `volumeClaimTemplate` from v1beta5 on (v1.10.2
 * `pkg/api/v1beta4/dynakube/convert_to.go` `toActiveGateSpec`): under the old name the API server prunes it and the
 * ActiveGate loses its storage. The key is renamed in every file that writes it.
 */
function renamedActiveGateClaim(model, dynakube) {
    const path = ['spec', 'activeGate', 'persistentVolumeClaim'];
    if ((0,model_read/* getIn */.O6)(dynakube.document.value, path) === undefined)
        return undefined;
    const edits = editEveryWriter(dynakube.document, path, (writer) => replaceOnLine(model, writer.document, writer.path, 'persistentVolumeClaim', 'volumeClaimTemplate'));
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
function keptMetadataEnrichment(model, dynakube, target) {
    if (!injectingMode(dynakube) || dynakube.annotations[METADATA_ENRICHMENT_FLAG] === 'false')
        return undefined;
    const value = dynakube.document.value;
    if ((0,model_read/* getIn */.O6)(value, ['spec', 'metadataEnrichment']) !== undefined)
        return undefined;
    const selector = (0,model_read/* getIn */.O6)(value, ['spec', 'namespaceSelector']) !== undefined;
    const scope = selector ? ' with the same `namespaceSelector`' : '';
    const why = `the operator's conversion turns metadata enrichment on for a v1beta1 DynaKube that injects code modules; ` +
        `in ${target} it is off unless enabled`;
    return {
        writtenOut: `\`spec.metadataEnrichment\` gets \`enabled: true\`${scope} (${why})`,
        byHand: `set \`spec.metadataEnrichment.enabled: true\`${scope} (${why})`,
        withSelector: (moved) => {
            const source = writtenNode(model, dynakube.document, ['spec', 'namespaceSelector']);
            if (!source)
                return undefined;
            const { lines, shape } = source;
            const block = lines.slice(shape.start.line - 1, shape.endLine);
            const indent = shape.start.col - 1;
            const child = block.slice(1).find((line) => line.trim() !== '' && !line.trim().startsWith('#'));
            const step = child ? child.length - child.trimStart().length - indent : 2;
            if (step <= 0)
                return undefined;
            const pad = ' '.repeat(indent);
            const nested = block.map((line) => (line.trim() === '' ? line : ' '.repeat(step) + line));
            const replacement = [
                `${pad}metadataEnrichment:`,
                `${pad}${' '.repeat(step)}enabled: true`,
                ...nested,
            ].join('\n');
            const isRemoval = (edit) => edit.file === source.file && edit.startLine === shape.start.line && edit.replacement === '';
            if (!moved.some(isRemoval))
                return undefined;
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
function keptOperands(model, dynakube, target) {
    const value = dynakube.document.value;
    const edits = [];
    const manual = [];
    const written = [];
    // The conversion tests for a nil pointer: a section written without a value is null and turns nothing on.
    const extensions = (0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(value, ['spec', 'extensions'])) !== undefined;
    if (extensions && (0,model_read/* getIn */.O6)(value, ['spec', 'extensions', 'prometheus']) === undefined) {
        const edit = setValueEdit(model, dynakube.document, ['spec', 'extensions', 'prometheus'], '{}');
        if (edit) {
            edits.push(edit);
            written.push(`\`spec.extensions\` gets \`prometheus: {}\` (in ${target} an empty \`extensions\` turns nothing on)`);
        }
        else
            manual.push(`add \`prometheus: {}\` under \`spec.extensions\` (in ${target} an empty \`extensions\` turns nothing on)`);
    }
    const telemetryIngest = (0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(value, ['spec', 'telemetryIngest'])) !== undefined;
    const imagePath = ['spec', 'templates', 'otelCollector', 'imageRef'];
    const image = (0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(value, imagePath));
    const hasImage = !!(0,model_read/* asString */.oJ)(image?.repository) && (!!(0,model_read/* asString */.oJ)(image?.tag) || !!(0,model_read/* asString */.oJ)(image?.digest));
    if ((telemetryIngest || extensions) && !hasImage) {
        const { repository, tag } = CONVERSION_OTEL_COLLECTOR_IMAGE;
        const edit = image ? undefined : setValueEdit(model, dynakube.document, imagePath, { repository, tag });
        if (edit) {
            edits.push(edit);
            written.push(`the OTel collector gets the image the conversion gave it, ${repository}:${tag} (${target} has no default)`);
        }
        else
            manual.push(`set \`spec.templates.otelCollector.imageRef\` (repository and tag; the conversion used ${repository}:${tag}): ` +
                `${target} has no default and the operator rejects an OTel collector without an image`);
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
function lostUseCsiDriver(model, dynakube, target) {
    const useCsi = dynakube.useCSIDriver;
    if (!useCsi || useCsi.value || !csiDriverEnabled(model).value)
        return undefined;
    const what = useCsi.defaulted
        ? `\`applicationMonitoring\` sets no \`useCSIDriver\`, which in ${dynakube.version} means false`
        : `\`useCSIDriver: false\` (${useCsi.origin.file}:${useCsi.origin.line})`;
    return (`note that ${what}: ${target} has no such field and uses the CSI driver whenever it is installed, so the ` +
        'code modules would switch from the init container to the CSI driver. No DynaKube field keeps them off it: ' +
        'set `csidriver.enabled: false` in the Dynatrace Operator Helm values (for every DynaKube of that operator; ' +
        '`cloudNativeFullStack` needs the CSI driver)' +
        // The operator takes the annotation's emptyDir path only for a DynaKube with codeModulesImage (§5.2).
        (dynakube.codeModulesImage
            ? ', or annotate the pods with `oneagent.dynatrace.com/volume-type: ephemeral`'
            : ''));
}
/**
 * What to do about `autoUpdate: false` when the target version has no such field (removed in v1beta6, deprecated in
 * v1beta5: reference/dynatrace.md §3.2): without it the operator rolls the OneAgents out to every new version the
 * tenant offers. The operator's deprecation warning says the feature "is still available by configuring the DynaTrace
 * tenant", and Dynatrace's migration guide says to set `image`, `codeModulesImage` or `version` for the effect of
 * `autoUpdate: false`. Nothing to say for `true` (the default) or where the mode already pins `version` or `image`.
 */
function lostAutoUpdate(dynakube, target) {
    const value = dynakube.document.value;
    return dynakube.modes.flatMap((mode) => {
        const modePath = ['spec', 'oneAgent', mode.value];
        if ((0,model_read/* asBoolean */.tB)((0,model_read/* getIn */.O6)(value, [...modePath, 'autoUpdate'])) !== false)
            return [];
        if (['version', 'image'].some((pin) => (0,model_read/* getIn */.O6)(value, [...modePath, pin]) !== undefined))
            return [];
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
function versionEdits(model, dynakube, target) {
    const wanted = `dynatrace.com/${target}`;
    return editEveryWriter(dynakube.document, ['apiVersion'], (writer) => replaceOnLine(model, writer.document, writer.path, dynakube.apiVersion, wanted));
}
function apiVersionFix(model, dynakube, target) {
    const versionEdit = versionEdits(model, dynakube, target);
    if (!versionEdit)
        return undefined;
    const moves = fieldMoves(model, dynakube, target);
    const written = moves.written.length > 0 ? ` Written out: ${moves.written.join('; ')}.` : '';
    const manual = moves.manual.length > 0 ? ` Also ${moves.manual.join('; ')}.` : '';
    return {
        description: `Move the DynaKube to \`dynatrace.com/${target}\` (fields that changed place are moved with it).${written}${manual}`,
        edits: [...versionEdit, ...moves.edits],
    };
}
const dynakubeApiVersion = {
    meta: {
        id: dynakube_api_version_id,
        severity: 'error',
        description: 'A DynaKube must use an apiVersion the Dynatrace Operator in the repository serves.',
        docs: docsUrl(dynakube_api_version_id),
        fixable: true,
    },
    check({ head }) {
        const pinned = pinnedOperatorVersions(head);
        const findings = [];
        for (const dynakube of head.dynakubes) {
            const candidates = operatorsServing(pinned, dynakube);
            const verdicts = (candidates.length > 0 ? candidates : [undefined])
                .map((operator) => {
                const served = operator ? servedVersions(operator.line) : NEWEST_OPERATOR;
                return served ? judge(dynakube.version, served, operator) : undefined;
            })
                .filter((v) => v !== undefined)
                .sort((a, b) => (a.severity === 'error' ? -1 : 0) - (b.severity === 'error' ? -1 : 0));
            const verdict = verdicts[0];
            if (!verdict)
                continue;
            const origin = originAt(dynakube, ['apiVersion']);
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

;// CONCATENATED MODULE: ./src/rules/dynakube-namespace-conflicts.ts





/** `errorConflictingNamespaceSelector` of the operator webhook (`namespace_selector.go`), its line break a space. */
const CONFLICTING_NAMESPACE_SELECTOR = "The DynaKube's specification tries to inject into namespaces where another Dynakube already injects into, which is not supported. " +
    "Make sure the namespaceSelector doesn't conflict with other Dynakubes namespaceSelector";
/**
 * Whether two files can end up in one cluster: the same folder, or one folder inside the other. DynaKubes in sibling
 * folders (`clusters/a`, `clusters/b`) are taken for different clusters, where their selectors cannot conflict.
 */
function sameTree(a, b) {
    const dirA = external_node_path_default().posix.dirname(a.document.file);
    const dirB = external_node_path_default().posix.dirname(b.document.file);
    const inside = (inner, outer) => outer === '.' || inner.startsWith(`${outer}/`);
    return dirA === dirB || inside(dirA, dirB) || inside(dirB, dirA);
}
/** Whether the pull request adds or changes the DynaKube's document; true without a base to compare with. */
function newOrChanged(dynakube, base) {
    if (!base)
        return true;
    const written = JSON.stringify(dynakube.document.value);
    return !base.dynakubes.some((old) => sameDynaKube(old, dynakube) &&
        old.document.file === dynakube.document.file &&
        JSON.stringify(old.document.value) === written);
}
/** Where the DynaKube says which namespaces it injects into: its selector, else its injecting mode. */
function selectorOrigin(dynakube) {
    return dynakube.namespaceSelector?.origin ?? injectingMode(dynakube)?.origin ?? dynakube.origin;
}
function conflictFinding(reported, other, shared) {
    const where = `${other.document.file}:${other.origin.line}`;
    const namespaces = shared.length === 1 ? `namespace ${shared[0]}` : `namespaces ${shared.join(', ')}`;
    return {
        message: `DynaKube ${reported.name} and DynaKube ${other.name} (${where}) both inject code modules into ${namespaces}. ` +
            CONFLICTING_NAMESPACE_SELECTOR,
        origin: selectorOrigin(reported),
        resource: resourceId(reported),
        field: `namespaceSelector/${other.name}`,
        subject: reported,
    };
}
/**
 * The webhook denies a DynaKube when a namespace matches it and another DynaKube of the operator's namespace
 * (`mapper.MatchingNamespaces`). Replayed for the Namespaces the repository declares and for code-module injection;
 * the finding goes to the DynaKube the pull request adds or changes, the later one when both or neither are.
 */
function namespaceConflictFindings(head, base) {
    const injecting = head.dynakubes
        .map((dynakube) => ({ dynakube, namespaces: monitoredNamespaces(head, dynakube) }))
        .filter(({ namespaces }) => namespaces.length > 0);
    const findings = [];
    injecting.forEach((first, index) => {
        for (const second of injecting.slice(index + 1)) {
            const [a, b] = [first.dynakube, second.dynakube];
            if (sameDynaKube(a, b) || !sameTree(a, b))
                continue;
            if (dynakubeNamespace(head, a) !== dynakubeNamespace(head, b))
                continue;
            const shared = first.namespaces.filter((namespace) => second.namespaces.includes(namespace));
            if (shared.length === 0)
                continue;
            const reportA = newOrChanged(a, base) && !newOrChanged(b, base);
            findings.push(reportA ? conflictFinding(a, b, shared) : conflictFinding(b, a, shared));
        }
    });
    return findings;
}

;// CONCATENATED MODULE: ./src/rules/code-modules-pull.ts





/** With this flag a Job pulls the code modules image through the kubelet, outside the mesh. */
const NODE_IMAGE_PULL = 'feature.dynatrace.com/node-image-pull';
/** Dynatrace's public registry, where the public-registry feature flag takes the images from. */
const DYNATRACE_PUBLIC_REGISTRY = 'public.ecr.aws';
/**
 * The flag that makes the operator take images from the public registry: `use-public-registry` from v1.10
 * (pkg/api/exp/flag.go `UsePublicRegistryKey`), `public-registry` up to v1.8 (`PublicRegistryKey`); v1.9 has
 * neither. Either counts: the repository rarely says which operator reads it.
 */
const PUBLIC_REGISTRY_FLAGS = [
    'feature.dynatrace.com/use-public-registry',
    'feature.dynatrace.com/public-registry',
];
/** The DynaKube takes its images from Dynatrace's public registry (or the override that replaces it). */
function usesPublicRegistry(dynakube) {
    return (!!dynakube.publicRegistryOverride || PUBLIC_REGISTRY_FLAGS.some((flag) => featureFlagOn(dynakube, flag)));
}
/**
 * The public registry as an image reference: the override names a registry (optionally with a path and scheme),
 * so it gets an image name to parse.
 */
function publicRegistryImage(dynakube) {
    const override = dynakube.publicRegistryOverride;
    if (override)
        return provenance_fact(`${override.value.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '')}/image`, override.origin);
    return provenance_fact(`${DYNATRACE_PUBLIC_REGISTRY}/dynatrace/dynatrace-codemodules`, dynakube.origin, true);
}
/**
 * The registry pull behind a DynaKube's code modules when the CSI driver provides them, or undefined when there is
 * none: no image (the driver downloads from the tenant), or no CSI driver (the image is an init container's, pulled
 * by the kubelet). The CSI provisioner pulls `status.codeModules.imageID` (`getInstaller`,
 * pkg/controllers/csi/provisioner/install.go): `codeModulesImage`, or, with the public registry and no custom image
 * (a custom image wins, `determineSource` in pkg/controllers/dynakube/version/updater.go), the public registry's
 * code modules image the operator learnt from the Dynatrace API. The one decision registry-egress, the egress map
 * and the generated registry entries all make.
 */
function codeModulesPull(model, dynakube) {
    const custom = dynakube.codeModulesImage;
    if (!custom && !usesPublicRegistry(dynakube))
        return undefined;
    if (!codeModulesViaCsi(model, dynakube).value)
        return undefined;
    const image = custom ?? publicRegistryImage(dynakube);
    const by = featureFlagOn(dynakube, NODE_IMAGE_PULL) ? 'node' : 'csi-driver';
    const registry = (0,placeholders/* isPlaceholder */.wK)(image.value) ? undefined : registryOfImage(image.value);
    return {
        image,
        source: custom ? 'codeModulesImage' : 'public-registry',
        by,
        ...(registry ? { registry } : {}),
    };
}

;// CONCATENATED MODULE: ./src/rules/label-syntax.ts


/** Kubernetes' name part of a qualified name and its label values: alphanumeric at both ends, `-_.` inside. */
const NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
/** A DNS-1123 subdomain, the optional prefix of a label key. */
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const MAX_NAME_PART = 63;
const MAX_PREFIX = 253;
const MAX_VALUE = 63;
/** Why `key` is no valid label key (apimachinery `IsQualifiedName`), or undefined when it is one. */
function labelKeyProblem(key) {
    const parts = key.split('/');
    if (parts.length > 2)
        return 'a label key has at most one `/`';
    const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]];
    if (prefix !== undefined) {
        if (prefix === '')
            return 'the prefix before `/` must not be empty';
        if (prefix.length > MAX_PREFIX)
            return `the prefix must be at most ${MAX_PREFIX} characters`;
        if (!DNS_SUBDOMAIN.test(prefix))
            return 'the prefix must be a lower-case DNS subdomain';
    }
    if (name === '')
        return 'the name part must not be empty';
    if (name.length > MAX_NAME_PART)
        return `the name part must be at most ${MAX_NAME_PART} characters`;
    if (!NAME_PART.test(name))
        return 'the name part must consist of alphanumerics, `-`, `_` or `.` and start and end with an alphanumeric';
    return undefined;
}
/** Why `value` is no valid label value (apimachinery `IsValidLabelValue`), or undefined; the empty value is valid. */
function labelValueProblem(value) {
    if (value === '')
        return undefined;
    if (value.length > MAX_VALUE)
        return `a label value must be at most ${MAX_VALUE} characters`;
    if (!NAME_PART.test(value))
        return 'a label value must consist of alphanumerics, `-`, `_` or `.` and start and end with an alphanumeric';
    return undefined;
}
/**
 * What apimachinery's `ValidateLabelSelector` rejects in a selector as written (with invalid values not allowed, as
 * the operator calls it). Keys and values that are not strings are left out: the schema rejects those before, and
 * the model notes them (`shapeNotes`).
 */
function labelSelectorProblems(raw, path) {
    const selector = (0,model_read/* asRecord */.qY)(raw);
    if (!selector)
        return [];
    return [
        ...matchLabelsProblems(selector.matchLabels, [...path, 'matchLabels']),
        ...(0,model_read/* asArray */._j)(selector.matchExpressions).flatMap((expression, index) => expressionProblems(expression, [...path, 'matchExpressions', index])),
    ];
}
function matchLabelsProblems(raw, path) {
    return Object.entries((0,model_read/* asRecord */.qY)(raw) ?? {}).flatMap(([key, value]) => {
        const keyProblem = labelKeyProblem(key);
        if (keyProblem)
            return [{ path: [...path, key], text: key, problem: keyProblem }];
        const valueProblem = typeof value === 'string' ? labelValueProblem(value) : undefined;
        return valueProblem ? [{ path: [...path, key], text: value, problem: valueProblem }] : [];
    });
}
function expressionProblems(raw, path) {
    const expression = (0,model_read/* asRecord */.qY)(raw) ?? {};
    const problems = [];
    const key = typeof expression.key === 'string' ? expression.key : '';
    const keyProblem = labelKeyProblem(key);
    if (keyProblem)
        problems.push({ path: [...path, 'key'], text: key, problem: keyProblem });
    const operator = typeof expression.operator === 'string' ? expression.operator : '';
    const values = (0,model_read/* asArray */._j)(expression.values);
    const at = [...path, 'operator'];
    if (!SELECTOR_OPERATORS.includes(operator))
        problems.push({
            path: at,
            text: operator,
            problem: `operator must be one of ${SELECTOR_OPERATORS.join(', ')}`,
        });
    else if ((operator === 'In' || operator === 'NotIn') && values.length === 0)
        problems.push({ path: at, text: operator, problem: `values must be given with operator ${operator}` });
    else if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0)
        problems.push({
            path: at,
            text: operator,
            problem: `values must not be given with operator ${operator}`,
        });
    values.forEach((value, index) => {
        const valueProblem = typeof value === 'string' ? labelValueProblem(value) : undefined;
        if (valueProblem)
            problems.push({ path: [...path, 'values', index], text: value, problem: valueProblem });
    });
    return problems;
}

;// CONCATENATED MODULE: ./src/rules/webhook-syntax.ts
// Value syntax the Dynatrace Operator webhook checks, written after the libraries it calls: go-containerregistry's
// `name.ParseReference` (weak validation), `golang.org/x/mod/semver`, apimachinery's `IsDNS1035Label`.
const TAG = /^[A-Za-z0-9_.-]{1,128}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
/** go-containerregistry's repository alphabet: lower case only. */
const REPOSITORY = /^[a-z0-9_./-]{2,255}$/;
/** A registry `host[:port]` as Go's URL parser takes it, or a bracketed IPv6 address. */
const REGISTRY = /^([A-Za-z0-9._-]+|\[[0-9A-Fa-f:.]+\])(:[0-9]*)?$/;
/** Whether go-containerregistry parses `image` as an image reference (`[registry/]repository[:tag][@digest]`). */
function parsesAsImageReference(image) {
    const at = image.indexOf('@');
    if (at >= 0 && !DIGEST.test(image.slice(at + 1)))
        return false;
    const named = at >= 0 ? image.slice(0, at) : image;
    const colon = named.lastIndexOf(':');
    const hasTag = colon >= 0 && !named.slice(colon + 1).includes('/');
    if (hasTag && !TAG.test(named.slice(colon + 1)))
        return false;
    const repository = hasTag ? named.slice(0, colon) : named;
    const slash = repository.indexOf('/');
    const first = slash < 0 ? '' : repository.slice(0, slash);
    // The first component is a registry when it has a dot or a port.
    const hasRegistry = first.includes('.') || first.includes(':');
    if (hasRegistry && !REGISTRY.test(first))
        return false;
    return REPOSITORY.test(hasRegistry ? repository.slice(slash + 1) : repository);
}
/** The webhook's `versionRegex`, dots unescaped as written there: they match any character. */
const ONEAGENT_VERSION = /^\d+.\d+.\d+.\d{8}-\d{6}$/;
const SEMVER_NUMBER = '(0|[1-9]\\d*)';
const SEMVER_IDENTIFIER = '[0-9A-Za-z-]+';
/** What `semver.IsValid` accepts of the first three dot-separated parts (`1`, `1.2`, `1.2.3-pre+build`). */
const GO_SEMVER = new RegExp(`^v${SEMVER_NUMBER}(\\.${SEMVER_NUMBER}(\\.${SEMVER_NUMBER}` +
    `(-${SEMVER_IDENTIFIER}(\\.${SEMVER_IDENTIFIER})*)?(\\+${SEMVER_IDENTIFIER}(\\.${SEMVER_IDENTIFIER})*)?)?)?$`);
/**
 * Whether the webhook accepts a OneAgent `version`: its regular expression matches and the first three parts convert
 * to semver (`dtversion.ToSemver`), which rejects leading zeros such as `1.02.3`.
 */
function validOneAgentVersion(version) {
    if (!ONEAGENT_VERSION.test(version))
        return false;
    const semantic = `v${version.split('.').slice(0, 3).join('.')}`;
    if (!GO_SEMVER.test(semantic))
        return false;
    const prerelease = /-([^+]*)/.exec(semantic)?.[1];
    // A numeric pre-release identifier must not have a leading zero either.
    return !prerelease?.split('.').some((identifier) => /^0\d+$/.test(identifier));
}
/** apimachinery's DNS-1035 label: lower-case alphanumerics and `-`, a letter first, at most 63 characters. */
function isDns1035Label(name) {
    return name.length <= 63 && /^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(name);
}

;// CONCATENATED MODULE: ./src/rules/dynakube-spec.ts













const dynakube_spec_id = 'dynakube-spec';
/** The operator's `ExampleAPIURL`; the samples ship it and repositories substitute it at deploy time. */
const EXAMPLE_API_URL = 'https://ENVIRONMENTID.live.dynatrace.com/api';
/** Capabilities the operator webhook accepts (`pkg/api/latest/dynakube/activegate/spec.go`). */
const ACTIVEGATE_CAPABILITIES = [
    'routing',
    'kubernetes-monitoring',
    'metrics-ingest',
    'dynatrace-api',
    'debugging',
];
// Webhook messages (`pkg/api/validation/dynakube/`), replayed word for word.
const CONFLICTING_MODES = 'The DynaKube specification attempts to use multiple OneAgent modes simultaneously, which is not supported.';
const NO_API_URL = "The DynaKube's specification is missing the API URL or still has the example value set.";
const INVALID_API_URL = "The DynaKube's specification has an invalid API URL value set. Make sure you correctly specify the URL in your custom resource (including the /api postfix).";
const MUTATED_API_URL = "The DynaKube's specification mutated the tenant in the API URL although it is immutable. Please delete the CR and then apply a new one";
/** Released operators (v1.0 to v1.10.2) check only the OneAgent selector, with this message. */
const SELECTOR_NOT_CONFORM = "The DynaKube's namespaceSelector contains matchLabels that are not conform to spec.";
/** The operator after v1.10.2 checks three selectors, each with its own message. */
const INVALID_SELECTOR = {
    oneAgent: 'OneAgent namespaceSelector contains invalid matchLabels or matchExpressions.',
    metadataEnrichment: 'Metadata enrichment namespaceSelector contains invalid matchLabels or matchExpressions.',
    otlpExporter: 'OTLP exporter configuration namespaceSelector contains invalid matchLabels or matchExpressions.',
};
const INVALID_VERSION = "The OneAgent's version is only valid in the format 'major.minor.patch.timestamp', e.g. 1.0.0.20240101-000000";
const NODE_IMAGE_PULL_WITHOUT_IMAGE = 'The DynaKube specification enables node image pull, but neither a code modules image is set nor a public registry is used.';
const CLASSIC_WITH_PUBLIC_REGISTRY = "The DynaKube's specification uses classicFullStack, which is not compatible with the public registry feature or platform tokens. Consider upgrading to cloudNativeFullStack.";
const unparsableImage = (section) => `Custom ${section} image can't be parsed, make sure it's a valid image reference.`;
const NAME_NOT_DNS_1035 = "The DynaKube name violates DNS-1035, a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const nameTooLong = (limit) => `The length limit for the name of a DynaKube is ${limit}, because it is the base for the name of resources related to the DynaKube. (example: dkName-activegate-<some-hash>). ` +
    'The limit is necessary because kubernetes uses the name of some resources (example: StatefulSet) for the label value, which has a limit of 63 characters.';
/** The webhook's apiUrl check: a parsable http(s) URL ending in `/api`, unless it is a third-generation `.apps.` host. */
function apiUrlValid(apiUrl) {
    let url;
    try {
        url = new URL(apiUrl);
    }
    catch {
        return false;
    }
    if (!/^https?:$/.test(url.protocol) || url.hostname === '')
        return false;
    return apiUrl.endsWith('/api') || url.hostname.includes('.apps.');
}
/** The URL the webhook would accept, when the mistake is only the `/api` suffix. */
function correctedApiUrl(apiUrl) {
    const candidate = `${apiUrl.replace(/\/+$/, '').replace(/\/api$/, '')}/api`;
    return apiUrlValid(candidate) ? candidate : undefined;
}
/** The tenant as the webhook compares it: the first label of the apiUrl host. */
function tenantOf(apiUrl) {
    if (!apiUrl || (0,placeholders/* isPlaceholder */.wK)(apiUrl))
        return undefined;
    try {
        return new URL(apiUrl).hostname.split('.')[0] || undefined;
    }
    catch {
        return undefined;
    }
}
function modeFindings(dynakube) {
    if (dynakube.modes.length < 2)
        return [];
    return [
        {
            message: `DynaKube ${dynakube.name} sets ${dynakube.modes.map((m) => m.value).join(' and ')}. ${CONFLICTING_MODES}`,
            origin: dynakube.modes[1].origin,
            resource: resourceId(dynakube),
            field: 'spec.oneAgent',
            subject: dynakube,
        },
    ];
}
function apiUrlFindings(model, dynakube) {
    const base = { resource: resourceId(dynakube), field: 'spec.apiUrl', subject: dynakube };
    const apiUrl = dynakube.apiUrl;
    if (!apiUrl || apiUrl.value.trim() === '') {
        // A kustomize patch or an overlay may carry the apiUrl of the same object.
        if (model.dynakubes.some((other) => other !== dynakube && sameDynaKube(other, dynakube) && other.apiUrl))
            return [];
        return [
            {
                ...base,
                message: `DynaKube ${dynakube.name} has no apiUrl. ${NO_API_URL}`,
                origin: apiUrl?.origin ?? dynakube.origin,
            },
        ];
    }
    if ((0,placeholders/* isPlaceholder */.wK)(apiUrl.value) || apiUrlValid(apiUrl.value))
        return [];
    const corrected = correctedApiUrl(apiUrl.value);
    const edit = corrected
        ? replaceScalarEdit(model, dynakube.document, ['spec', 'apiUrl'], apiUrl.value, corrected)
        : undefined;
    const fix = edit
        ? { description: `Use \`${corrected}\` (the environment URL with the \`/api\` suffix).`, edits: [edit] }
        : undefined;
    return [
        {
            ...base,
            message: `DynaKube ${dynakube.name} has apiUrl \`${apiUrl.value}\`. ${INVALID_API_URL}`,
            origin: apiUrl.origin,
            ...(fix ? { fix } : {}),
        },
    ];
}
/** `Kubernetes_Monitoring` → `kubernetes-monitoring`, when that is a valid capability. */
function nearestCapability(capability, valid) {
    const normalized = capability
        .trim()
        .toLowerCase()
        .replace(/[_\s]+/g, '-');
    return valid.includes(normalized) ? normalized : undefined;
}
/** The capabilities the operators serving the DynaKube accept: `debugging` only from v1.5 (not in v1.4.x). */
function validCapabilities(model, dynakube) {
    return pinnedOlderThan(model, dynakube, 1, 5)
        ? ACTIVEGATE_CAPABILITIES.filter((capability) => capability !== 'debugging')
        : ACTIVEGATE_CAPABILITIES;
}
function capabilityFindings(model, dynakube) {
    const capabilities = dynakube.activeGate?.capabilities.value ?? [];
    const valid = validCapabilities(model, dynakube);
    return capabilities.flatMap((capability, index) => {
        if (valid.includes(capability))
            return [];
        const path = ['spec', 'activeGate', 'capabilities', index];
        const nearest = nearestCapability(capability, valid);
        const edit = nearest ? replaceScalarEdit(model, dynakube.document, path, capability, nearest) : undefined;
        return [
            {
                message: `DynaKube ${dynakube.name}: The DynaKube's specification tries to use an invalid capability in ActiveGate section, ` +
                    `invalid capability=${capability}. Valid capabilities: ${valid.join(', ')}.`,
                origin: originAt(dynakube, path, dynakube.activeGate.capabilities.origin),
                resource: resourceId(dynakube),
                field: `spec.activeGate.capabilities.${capability}`,
                subject: dynakube,
                ...(edit ? { fix: { description: `Use the capability \`${nearest}\`.`, edits: [edit] } } : {}),
            },
        ];
    });
}
function tenantFindings(dynakube, base) {
    const before = base?.dynakubes.find((old) => sameDynaKube(old, dynakube) && old.document.file === dynakube.document.file);
    const oldTenant = tenantOf(before?.apiUrl?.value);
    const newTenant = tenantOf(dynakube.apiUrl?.value);
    if (!before || !oldTenant || !newTenant || oldTenant === newTenant)
        return [];
    const namespace = dynakube.namespace ? ` -n ${dynakube.namespace}` : '';
    return [
        {
            message: `DynaKube ${dynakube.name} changes its tenant from ${oldTenant} to ${newTenant}. ${MUTATED_API_URL}`,
            origin: dynakube.apiUrl.origin,
            resource: resourceId(dynakube),
            field: 'spec.apiUrl.tenant',
            subject: dynakube,
            fix: {
                description: 'The apiUrl tenant is immutable: delete the DynaKube, then apply it again.',
                edits: [],
                commands: [
                    `kubectl delete dynakube ${dynakube.name}${namespace}`,
                    `kubectl apply -f ${dynakube.document.file}`,
                ],
            },
        },
    ];
}
/**
 * The injecting mode's selector (`spec.namespaceSelector` in v1beta1), which every release since v1.0 validates, and
 * after v1.10.2 also the metadata-enrichment and OTLP-exporter selectors.
 */
function validatedSelectors(dynakube) {
    const injecting = injectingMode(dynakube)?.value;
    // Without an injecting mode the operator has no OneAgent selector to check.
    const oneAgentPath = injecting &&
        (dynakube.version === 'v1beta1'
            ? ['spec', 'namespaceSelector']
            : ['spec', 'oneAgent', injecting, 'namespaceSelector']);
    return [
        ...(oneAgentPath ? [{ path: oneAgentPath, message: INVALID_SELECTOR.oneAgent, released: true }] : []),
        {
            path: ['spec', 'metadataEnrichment', 'namespaceSelector'],
            message: INVALID_SELECTOR.metadataEnrichment,
            released: false,
        },
        {
            path: ['spec', 'otlpExporterConfiguration', 'namespaceSelector'],
            message: INVALID_SELECTOR.otlpExporter,
            released: false,
        },
    ];
}
/**
 * Whether every operator pinned for the DynaKube is newer than v1.10.2, the newest release when written; undefined
 * when no version is pinned. A range Helm resolves to the newest release counts as that release.
 */
function newerThanRelease(model, dynakube) {
    const lines = servingLines(model, dynakube);
    if (lines.length === 0)
        return undefined;
    return lines.every((line) => line !== 'latest' && atLeast(line, 1, 11));
}
/** Whether every operator pinned for the DynaKube predates `major.minor`, the release that added a check. */
function pinnedOlderThan(model, dynakube, major, minor) {
    const lines = servingLines(model, dynakube);
    return lines.length > 0 && lines.every((line) => line !== 'latest' && !atLeast(line, major, minor));
}
/** Release lines of the operators pinned for the DynaKube; empty when none is. */
function servingLines(model, dynakube) {
    return operatorsServing(pinnedOperatorVersions(model), dynakube).map((operator) => operator.line);
}
/** The selector's problems that are real: a key or value a deploy-time tool substitutes is not judged. */
function selectorProblems(dynakube, path) {
    return labelSelectorProblems((0,model_read/* getIn */.O6)(dynakube.document.value, path), path).filter((problem) => !(0,placeholders/* isPlaceholder */.wK)(problem.text));
}
function selectorFindings(model, dynakube) {
    const newer = newerThanRelease(model, dynakube);
    return validatedSelectors(dynakube).flatMap(({ path, message, released }) => {
        // Released operators do not check these selectors: only a pinned newer operator rejects them.
        if (!released && newer !== true)
            return [];
        const problems = selectorProblems(dynakube, path);
        if (problems.length === 0)
            return [];
        const listed = problems
            .map((problem) => `${(0,model_read/* fieldPath */.cn)(problem.path)} \`${problem.text}\`: ${problem.problem}`)
            .join('; ');
        const webhook = newer === true ? message : SELECTOR_NOT_CONFORM;
        const other = newer === undefined ? ` (operators after v1.10.2: "${message}")` : '';
        return [
            {
                message: `DynaKube ${dynakube.name}: ${listed}. ${webhook}${other}`,
                origin: originAt(dynakube, problems[0].path),
                resource: resourceId(dynakube),
                field: path.join('.'),
                subject: dynakube,
            },
        ];
    });
}
/** The mode whose `version` and `image` the operator reads (`GetCustomVersion`, `GetCustomImage`): its first match. */
const MODE_PRECEDENCE = [
    'classicFullStack',
    'cloudNativeFullStack',
    'applicationMonitoring',
    'hostMonitoring',
];
function readMode(dynakube) {
    return MODE_PRECEDENCE.find((mode) => dynakube.modes.some((m) => m.value === mode));
}
/** A string field of the DynaKube as written, with its place. */
function written(dynakube, path) {
    const value = (0,model_read/* getIn */.O6)(dynakube.document.value, path);
    return typeof value === 'string' && value !== '' ? { value, path } : undefined;
}
function finding(dynakube, path, message) {
    return {
        message: `DynaKube ${dynakube.name}: ${message}`,
        origin: originAt(dynakube, path),
        resource: resourceId(dynakube),
        field: path.join('.'),
        subject: dynakube,
    };
}
/** `isOneAgentVersionValid`, from operator v1.4. */
function versionFindings(model, dynakube) {
    if (pinnedOlderThan(model, dynakube, 1, 4))
        return [];
    const mode = readMode(dynakube);
    const version = mode && written(dynakube, ['spec', 'oneAgent', mode, 'version']);
    if (!version || (0,placeholders/* isPlaceholder */.wK)(version.value) || validOneAgentVersion(version.value))
        return [];
    return [finding(dynakube, version.path, `version \`${version.value}\`: ${INVALID_VERSION}`)];
}
/**
 * `missingCodeModulesImage`, from operator v1.5: node image pull needs an image to pull, the codeModulesImage or the
 * public registry's.
 */
function nodeImagePullFindings(model, dynakube) {
    if (pinnedOlderThan(model, dynakube, 1, 5))
        return [];
    if (!injectsCodeModules(dynakube) || !featureFlagOn(dynakube, NODE_IMAGE_PULL))
        return [];
    // The webhook reads only the feature flag here, not `publicRegistryOverride`.
    if (dynakube.codeModulesImage?.value || PUBLIC_REGISTRY_FLAGS.some((flag) => featureFlagOn(dynakube, flag)))
        return [];
    return [finding(dynakube, ['metadata', 'annotations', NODE_IMAGE_PULL], NODE_IMAGE_PULL_WITHOUT_IMAGE)];
}
/**
 * `publicRegistryNotAllowedForClassic`, from operator v1.10. The operator after v1.10.2 lets a custom `image` through;
 * v1.10 does not, so with an image the check is left out rather than guessed.
 */
function classicPublicRegistryFindings(model, dynakube) {
    if (readMode(dynakube) !== 'classicFullStack' || dynakube.oneAgentImage?.value)
        return [];
    if (pinnedOlderThan(model, dynakube, 1, 10))
        return [];
    const flag = PUBLIC_REGISTRY_FLAGS.find((name) => featureFlagOn(dynakube, name));
    const path = dynakube.publicRegistryOverride
        ? ['spec', 'publicRegistryOverride']
        : flag && ['metadata', 'annotations', flag];
    return path ? [finding(dynakube, path, CLASSIC_WITH_PUBLIC_REGISTRY)] : [];
}
/**
 * `imageFieldHasTenantImage`, from operator v1.3: the OneAgent's and the ActiveGate's custom image must parse as image
 * references.
 */
function imageFindings(model, dynakube) {
    if (pinnedOlderThan(model, dynakube, 1, 3))
        return [];
    const mode = readMode(dynakube);
    const images = [
        { section: 'ActiveGate', image: written(dynakube, ['spec', 'activeGate', 'image']) },
        // applicationMonitoring has no OneAgent image (`GetCustomImage`).
        {
            section: 'OneAgent',
            image: mode && mode !== 'applicationMonitoring'
                ? written(dynakube, ['spec', 'oneAgent', mode, 'image'])
                : undefined,
        },
    ];
    return images.flatMap(({ section, image }) => !image || (0,placeholders/* isPlaceholder */.wK)(image.value) || parsesAsImageReference(image.value)
        ? []
        : [finding(dynakube, image.path, `image \`${image.value}\`: ${unparsableImage(section)}`)]);
}
const MISSING_OTEL_COLLECTOR_IMAGE = "The Dynakube's specification specifies the OTel Collector, but no image repository/tag is configured.";
/**
 * `missingOTelCollectorImage` (`telemetryservice.go`), from operator v1.8: telemetry ingest or Prometheus extensions
 * run an OTel collector, whose image `spec.templates.otelCollector.imageRef` must name (a repository and a tag; from
 * v1.10 a digest will do instead of the tag). Only v1beta6 is checked: the operator's conversion of v1beta3–v1beta5
 * gives a collector without an image `public.ecr.aws/dynatrace/dynatrace-otel-collector:latest`
 * (`pkg/api/v1beta5/dynakube/convert_to.go` `toOpenTelemetryCollectorTemplate`).
 */
function otelCollectorImageFindings(model, dynakube) {
    if (dynakube.version !== 'v1beta6' || pinnedOlderThan(model, dynakube, 1, 8))
        return [];
    const value = dynakube.document.value;
    // A null section unmarshals to a nil pointer: the feature is off.
    const needs = [
        ['spec', 'telemetryIngest'],
        ['spec', 'extensions', 'prometheus'],
    ].find((path) => (0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(value, path)) !== undefined);
    if (!needs)
        return [];
    const image = (0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(value, ['spec', 'templates', 'otelCollector', 'imageRef']));
    const text = (key) => (0,model_read/* asString */.oJ)(image?.[key]) ?? '';
    const digestCounts = !pinnedOlderThan(model, dynakube, 1, 10);
    if (text('repository') !== '' && (text('tag') !== '' || (digestCounts && text('digest') !== '')))
        return [];
    return [
        {
            ...finding(dynakube, needs, `${needs.slice(1).join('.')} runs an OTel collector and \`spec.templates.otelCollector.imageRef\` names no image ` +
                `(repository and tag). ${MISSING_OTEL_COLLECTOR_IMAGE} (v1beta5 and older got ` +
                'public.ecr.aws/dynatrace/dynatrace-otel-collector:latest from the conversion; v1beta6 has no default.)'),
            field: 'spec.templates.otelCollector.imageRef',
        },
    ];
}
/**
 * The DynaKube name limit (`dynakube_name.go`): 40, lower while extensions, telemetry ingest or KSPM run (operator
 * v1.8 and later; not when every pinned operator is older).
 */
function nameLimit(model, dynakube) {
    if (pinnedOlderThan(model, dynakube, 1, 8))
        return { limit: 40 };
    const present = (field) => (0,model_read/* getIn */.O6)(dynakube.document.value, ['spec', field]) !== undefined;
    const lower = [
        { on: !!dynakube.extensions?.value, limit: 31, because: 'extensions' },
        { on: present('telemetryIngest'), limit: 37, because: 'OpenTelemetry collectors' },
        { on: present('kspm'), limit: 35, because: 'KSPM' },
    ].filter(({ on }) => on);
    // As the operator: the smallest limit, explained by the last feature that lowers it.
    const limit = Math.min(40, ...lower.map((feature) => feature.limit));
    return lower.length > 0 ? { limit, because: lower[lower.length - 1].because } : { limit };
}
function nameFindings(model, dynakube) {
    const name = dynakube.name;
    if (!name || (0,placeholders/* isPlaceholder */.wK)(name))
        return [];
    const { limit, because } = nameLimit(model, dynakube);
    const path = ['metadata', 'name'];
    if (name.length > limit) {
        const suffix = because
            ? ` When using ${because}, some resources require the DynaKube name to be shorter than usual.`
            : '';
        return [finding(dynakube, path, `name has ${name.length} characters. ${nameTooLong(limit)}${suffix}`)];
    }
    return isDns1035Label(name) ? [] : [finding(dynakube, path, NAME_NOT_DNS_1035)];
}
function apiUrlNotes(dynakube) {
    const apiUrl = dynakube.apiUrl;
    // `${VAR}`, `{{ }}`, `<path:…>` are already listed by the model; the documented example is not.
    if (!apiUrl || !(0,placeholders/* isPlaceholder */.wK)(apiUrl.value) || (0,placeholders/* placeholderIn */.P5)(apiUrl.value))
        return [];
    const what = apiUrl.value === EXAMPLE_API_URL ? 'the documented example' : 'a placeholder';
    return [
        {
            file: apiUrl.origin.file,
            line: apiUrl.origin.line,
            reason: `apiUrl of DynaKube ${dynakube.name} is ${what} (${apiUrl.value}), substituted at deploy time: the tenant host was not checked`,
        },
    ];
}
/**
 * The other fields the webhook checks, when they hold a placeholder the model does not list (`<tag>`,
 * `*_PLACEHOLDER`): substituted at deploy time, so not judged.
 */
function placeholderFieldNotes(dynakube) {
    const mode = readMode(dynakube);
    const fields = [
        ...(mode
            ? [
                ['spec', 'oneAgent', mode, 'version'],
                ['spec', 'oneAgent', mode, 'image'],
            ]
            : []),
        ['spec', 'activeGate', 'image'],
    ];
    const selectorTexts = validatedSelectors(dynakube).flatMap(({ path }) => labelSelectorProblems((0,model_read/* getIn */.O6)(dynakube.document.value, path), path));
    const candidates = [
        ...fields.flatMap((path) => written(dynakube, path) ?? []),
        ...selectorTexts.map((problem) => ({ value: problem.text, path: problem.path })),
    ];
    return candidates
        .filter(({ value }) => (0,placeholders/* isPlaceholder */.wK)(value) && !(0,placeholders/* placeholderIn */.P5)(value))
        .map(({ value, path }) => {
        const origin = originAt(dynakube, path);
        return {
            file: origin.file,
            line: origin.line,
            reason: `${(0,model_read/* fieldPath */.cn)(path)} of DynaKube ${dynakube.name} is a placeholder (${value}), substituted at deploy time: the operator webhook's check of it was not replayed`,
        };
    });
}
const dynakubeSpec = {
    meta: {
        id: dynakube_spec_id,
        severity: 'error',
        description: 'A DynaKube must pass the Dynatrace Operator validation webhook (replayed offline).',
        docs: docsUrl(dynakube_spec_id),
        fixable: true,
    },
    check({ head, base }) {
        const perDynaKube = head.dynakubes.flatMap((dynakube) => [
            ...modeFindings(dynakube),
            ...apiUrlFindings(head, dynakube),
            ...capabilityFindings(head, dynakube),
            ...tenantFindings(dynakube, base),
            ...selectorFindings(head, dynakube),
            ...versionFindings(head, dynakube),
            ...nodeImagePullFindings(head, dynakube),
            ...classicPublicRegistryFindings(head, dynakube),
            ...imageFindings(head, dynakube),
            ...otelCollectorImageFindings(head, dynakube),
            ...nameFindings(head, dynakube),
        ]);
        return [...perDynaKube, ...namespaceConflictFindings(head, base)];
    },
    notEvaluable({ head }) {
        return head.dynakubes.flatMap((dynakube) => [
            ...apiUrlNotes(dynakube),
            ...placeholderFieldNotes(dynakube),
        ]);
    },
};

;// CONCATENATED MODULE: ./src/model/istio-resources.ts



function isIstioKind(resource, kind) {
    const group = apiGroup(resource.apiVersion);
    return resource.kind === kind && (group === 'networking.istio.io' || group === 'security.istio.io');
}
function stringList(value) {
    return (0,model_read/* asArray */._j)(value)
        .map(model_read/* asString */.oJ)
        .filter((item) => item !== undefined);
}
function readPeerAuthentication(resource) {
    const spec = (0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(resource.document.value, ['spec']));
    const selector = (0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(spec, ['selector', 'matchLabels']));
    const mode = (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(spec, ['mtls', 'mode']));
    const portLevel = {};
    for (const [port, setting] of Object.entries((0,model_read/* asRecord */.qY)(spec?.portLevelMtls) ?? {})) {
        const portMode = (0,model_read/* asString */.oJ)((0,model_read/* asRecord */.qY)(setting)?.mode);
        if (portMode)
            portLevel[port] = portMode;
    }
    return {
        ...resource,
        // The CRD types the values `string`: an unquoted `app: true` is not read (`shapeNotes` says to quote it).
        ...(selector ? { selector: (0,model_read/* metadataStrings */.ah)(selector) } : {}),
        // Kept as written: the CRD's enum is case-sensitive, so `strict` is no mode (`shapeNotes` says so).
        ...(mode ? { mtlsMode: provenance_fact(mode, originLaterAt(resource, ['spec', 'mtls', 'mode'])) } : {}),
        portLevelMtls: portLevel,
    };
}
function readServiceEntry(resource) {
    const spec = (0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(resource.document.value, ['spec'])) ?? {};
    const ports = (0,model_read/* asArray */._j)(spec.ports).flatMap((item) => {
        const port = (0,model_read/* asRecord */.qY)(item);
        const number = (0,model_read/* asNumber */.i)(port?.number);
        if (number === undefined)
            return [];
        const name = (0,model_read/* asString */.oJ)(port?.name);
        const protocol = (0,model_read/* asString */.oJ)(port?.protocol);
        return [{ number, ...(name ? { name } : {}), ...(protocol ? { protocol } : {}) }];
    });
    const resolution = (0,model_read/* asString */.oJ)(spec.resolution);
    const location = (0,model_read/* asString */.oJ)(spec.location);
    return {
        ...resource,
        hosts: provenance_fact(stringList(spec.hosts), originLaterAt(resource, ['spec', 'hosts'])),
        ports,
        ...(resolution ? { resolution } : {}),
        ...(location ? { location } : {}),
        ...(spec.exportTo !== undefined ? { exportTo: stringList(spec.exportTo) } : {}),
        ...(spec.addresses !== undefined ? { addresses: stringList(spec.addresses) } : {}),
        endpoints: (0,model_read/* asArray */._j)(spec.endpoints),
    };
}
function readVirtualService(resource) {
    const spec = (0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(resource.document.value, ['spec'])) ?? {};
    return {
        ...resource,
        hosts: stringList(spec.hosts),
        ...(spec.exportTo !== undefined ? { exportTo: stringList(spec.exportTo) } : {}),
        ...(spec.gateways !== undefined ? { gateways: stringList(spec.gateways) } : {}),
    };
}
/**
 * Whether a VirtualService routes the sidecars' traffic: its `gateways` are omitted (or empty) or name the reserved
 * `mesh`. Bound only to gateways (an ingress or egress gateway), it applies to those gateways alone ("The reserved
 * word mesh is used to imply all the sidecars in the mesh. When this field is omitted, the default gateway (mesh)
 * will be used", istio/api networking/v1alpha3/virtual_service.proto `VirtualService.gateways`).
 */
function routesSidecars(gateways) {
    return !gateways || gateways.length === 0 || gateways.includes('mesh');
}
function readSidecar(resource) {
    const spec = (0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(resource.document.value, ['spec'])) ?? {};
    const selector = (0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(spec, ['workloadSelector', 'labels']));
    const emptySelector = (0,model_read/* asRecord */.qY)(spec.workloadSelector) !== undefined && Object.keys(selector ?? {}).length === 0;
    const policy = (0,model_read/* asRecord */.qY)(spec.outboundTrafficPolicy);
    // A present `outboundTrafficPolicy` without `mode` is REGISTRY_ONLY: it is the protobuf enum's zero value. A mode is
    // kept as written: the CRD's enum is case-sensitive, so `registry_only` restricts nothing (`shapeNotes` says so).
    const mode = policy ? ((0,model_read/* asString */.oJ)(policy.mode) ?? 'REGISTRY_ONLY') : undefined;
    const modePath = policy?.mode !== undefined
        ? ['spec', 'outboundTrafficPolicy', 'mode']
        : ['spec', 'outboundTrafficPolicy'];
    return {
        ...resource,
        // The CRD types the values `string`: an unquoted `app: true` is not read (`shapeNotes` says to quote it).
        ...(selector && !emptySelector ? { workloadSelector: (0,model_read/* metadataStrings */.ah)(selector) } : {}),
        ...(emptySelector ? { emptyWorkloadSelector: true } : {}),
        ...(mode ? { outboundPolicy: provenance_fact(mode, originAt(resource, modePath)) } : {}),
        egressHosts: (0,model_read/* asArray */._j)(spec.egress).flatMap((item) => stringList((0,model_read/* asRecord */.qY)(item)?.hosts)),
    };
}

;// CONCATENATED MODULE: ./src/rules/enable-istio-conflict.ts







const enable_istio_conflict_id = 'enable-istio-conflict';
function istioObjects(model) {
    return [
        ...model.serviceEntries.map((se) => ({
            resource: se,
            hosts: se.hosts.value,
            kind: 'ServiceEntry',
            routesSidecars: true,
        })),
        ...model.virtualServices.map((vs) => ({
            resource: vs,
            hosts: vs.hosts,
            kind: 'VirtualService',
            routesSidecars: routesSidecars(vs.gateways),
        })),
    ];
}
/** Removes the whole object, or only the conflicting host of a ServiceEntry that lists other hosts too. */
function removalFix(model, object, host, nameClash) {
    const document = object.resource.document;
    const others = object.hosts.filter((h) => h.toLowerCase() !== host);
    if (!nameClash && others.length > 0) {
        if (object.kind !== 'ServiceEntry')
            return undefined;
        const index = object.hosts.findIndex((h) => h.toLowerCase() === host);
        const edit = removeItemEdit(model, document, ['spec', 'hosts', index]);
        const shape = document.describeAt(['spec', 'hosts']);
        if (!edit || !shape || shape.flow)
            return undefined;
        return {
            description: `Remove \`${host}\` from ${resourceId(object.resource)}: the operator's ServiceEntry declares it.`,
            edits: [edit],
        };
    }
    const range = document.rangeAt([]);
    // Removing an object a kustomize patch targets makes the build fail ("no matches for the patch target").
    if (!range || patchFiles(document).size > 0)
        return undefined;
    const edit = {
        file: document.file,
        startLine: range.startLine,
        endLine: range.endLine,
        replacement: '',
    };
    return {
        description: `Remove ${resourceId(object.resource)} and let the operator manage the Dynatrace endpoints (or set \`enableIstio: false\` and keep the hand-written objects).`,
        edits: [edit],
    };
}
function conflictsOf(model, dynakube) {
    const namespace = dynakube.namespace;
    const host = operatorApiEndpoint(dynakube.apiUrl?.value)?.host;
    const findings = [];
    for (const object of istioObjects(model)) {
        const sameNamespace = (object.resource.namespace ?? namespace) === namespace;
        const nameClash = sameNamespace && isOperatorObjectName(dynakube.name, object.resource.name);
        const hostClash = host !== undefined && object.routesSidecars && object.hosts.some((h) => h.toLowerCase() === host);
        if (!nameClash && !hostClash)
            continue;
        const why = nameClash
            ? `is named like an object the operator creates and owns for DynaKube ${dynakube.name}: the operator overwrites it`
            : `declares ${host}, the apiUrl host the operator writes into ${dynakube.name}-fqdn-operator; two ServiceEntries for one host are an invalid Istio configuration`;
        const fix = removalFix(model, object, host, nameClash);
        findings.push({
            message: `${resourceId(object.resource)} ${why}. DynaKube ${dynakube.name} has enableIstio on, and "enableIstio ` +
                `attribute will not consider pre-existing ServiceEntries and VirtualServices".`,
            origin: nameClash ? object.resource.origin : originAt(object.resource, ['spec', 'hosts']),
            resource: resourceId(object.resource),
            field: `${nameClash ? 'metadata.name' : 'spec.hosts'}@${dynakube.name}`,
            subject: object.resource,
            ...(fix ? { fix } : {}),
        });
    }
    return findings;
}
const enableIstioConflict = {
    meta: {
        id: enable_istio_conflict_id,
        severity: 'warning',
        description: 'With `enableIstio` on, the repository must not also declare the Dynatrace hosts or the operator-owned object names.',
        docs: docsUrl(enable_istio_conflict_id),
        fixable: true,
    },
    check({ head }) {
        return head.dynakubes
            .filter((dynakube) => dynakube.enableIstio.value)
            .flatMap((dk) => conflictsOf(head, dk));
    },
};

;// CONCATENATED MODULE: ./src/rules/enable-istio-dns-load.ts


const enable_istio_dns_load_id = 'enable-istio-dns-load';
const enableIstioDnsLoad = {
    meta: {
        id: enable_istio_dns_load_id,
        severity: 'info',
        description: 'With `enableIstio`, set `networkZone` so fewer communication endpoints (and DNS queries) are used.',
        docs: docsUrl(enable_istio_dns_load_id),
        fixable: false,
    },
    check({ head }) {
        const findings = [];
        for (const dynakube of head.dynakubes) {
            if (!dynakube.enableIstio.value)
                continue;
            if (dynakube.networkZone && dynakube.networkZone.value.trim() !== '')
                continue;
            findings.push({
                message: `DynaKube ${dynakube.name} has enableIstio on and no networkZone. "ServiceEntries result in additional DNS ` +
                    `queries executed by each sidecar proxy. This can put additional load on your DNS server." Set ` +
                    "`spec.networkZone` to the zone of this cluster so the operator gets only that zone's endpoints, or enable " +
                    'Istio DNS proxying (`ISTIO_META_DNS_CAPTURE`).',
                origin: dynakube.enableIstio.origin,
                resource: resourceId(dynakube),
                field: 'spec.networkZone',
                subject: dynakube,
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/parse/simple-document.ts


class GiveUp extends Error {
}
/** How many spaces `text` starts with (counted, not matched: most lines are indented, no string is made). */
function leadingSpaces(text) {
    let count = 0;
    while (text.charCodeAt(count) === 0x20)
        count++;
    return count;
}
const trimSpaces = (text) => {
    const trimmed = withoutTrailingSpaces(text);
    const spaces = leadingSpaces(trimmed);
    return spaces === 0 ? trimmed : trimmed.slice(spaces);
};
/** Drops trailing spaces by a loop: a `/ +$/` regex retries every space of a long run and takes quadratic time. */
function withoutTrailingSpaces(text) {
    let end = text.length;
    while (end > 0 && text.charCodeAt(end - 1) === 0x20)
        end--;
    return end === text.length ? text : text.slice(0, end);
}
/** Control characters YAML does not allow in a scalar: the full parser reports them. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NON_PRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/;
const giveUp = () => {
    throw new GiveUp();
};
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
/**
 * Plain scalars read as strings: a letter, `/`, `./`, `../`, `-x` or `--x` first (never an indicator, a number or
 * a YAML 1.1 float such as `.5` or `-.5`), then any visible characters, single spaces between words.
 */
const PLAIN_STRING = /^(?:[A-Za-z_/]|\.\.?\/|--?[A-Za-z])[!-~]*(?: [!-~]+)*$/;
/** Inside flow collections the flow indicators end a plain scalar, so they cannot be part of one. */
const FLOW_PLAIN_END = /[,[\]{}]|: |:$| #/;
/** Kubernetes quantities (`500m`, `1.5Gi`): digits then letters are no YAML 1.1 number; a leading 0 could be hex. */
const QUANTITY = /^(?:[1-9][0-9]*|0(?=\.))(?:\.[0-9]+)?[A-Za-z]+$/;
const PLAIN_INTEGER = /^(?:0|[1-9][0-9]{0,14})$/;
/** Versions with two dots or more (`1.26.4`, `1.0.0-rc.1`): a YAML 1.1 float has one dot at most. */
const DOTTED_VERSION = /^(?:0|[1-9][0-9]*)\.[0-9]+\.[0-9]+(?:[-+.][0-9A-Za-z.+-]+)?$/;
/** YAML 1.1 words that are not strings (booleans, null) in any spelling: left to the full parser. */
const SPECIAL_WORDS = new Set(['y', 'n', 'yes', 'no', 'true', 'false', 'on', 'off', 'null', '~']);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** The longest of {@link SPECIAL_WORDS}: longer text needs no lower-cased copy to be looked up. */
const LONGEST_SPECIAL_WORD = Math.max(...[...SPECIAL_WORDS].map((word) => word.length));
/**
 * The first characters of {@link SPECIAL_WORDS}: text starting otherwise (most keys and values) needs no lower-cased
 * copy either. Only ASCII letters lower-case to these characters, so the first one is lower-cased by hand.
 */
const SPECIAL_FIRST_CHARACTERS = new Set([...SPECIAL_WORDS].map((word) => word.charCodeAt(0)));
function isSpecialWord(text) {
    if (text.length > LONGEST_SPECIAL_WORD)
        return false;
    const first = text.charCodeAt(0);
    const lowerFirst = first >= 0x41 && first <= 0x5a ? first + 0x20 : first;
    return SPECIAL_FIRST_CHARACTERS.has(lowerFirst) && SPECIAL_WORDS.has(text.toLowerCase());
}
/** Integers, quantities and versions all start with a digit: other text skips their patterns. */
function startsWithDigit(text) {
    const first = text.charCodeAt(0);
    return first >= 0x30 && first <= 0x39;
}
/** Deeper documents are rare in configuration and left to the full parser, which reports them when too deep. */
const MAX_DEPTH = 64;
/**
 * Reads the document of `text` that spans `[start, end)` (a `---` line may open it), or undefined when it is not in
 * the subset. Lines and columns are those of `text`; `firstLine` is the 1-based line at `start`, `index` the
 * document's position in the file as `yaml` counts it.
 */
function readSimpleDocument(file, text, start, end, firstLine, index, fullParse) {
    // CR and the YAML 1.1 line breaks NEL, LS and PS change what a line is; `{{` is a template.
    if (/[\r\uFEFF\u0085\u2028\u2029]|\{\{/.test(text.slice(start, end)))
        return undefined;
    try {
        const read = readTree({ text, start, end, firstLine }, false);
        return read && new SimpleDocument(file, index, text, { start, end, firstLine }, read, fullParse);
    }
    catch (error) {
        // Running out of stack is the full parser's to report (as a document nested too deeply), like any give-up.
        if (error instanceof GiveUp || error instanceof RangeError)
            return undefined;
        throw error;
    }
}
/**
 * Reads the document at `span` (throws {@link GiveUp} where the subset ends). Without `keepNodes` only the value is
 * wanted: block collections then keep no map of their entries nor list of their items (the first read of every
 * kept document; most are never asked for a position, and those that are read their nodes again).
 */
function readTree({ text, start, end, firstLine }, keepNodes) {
    const { lines, commentsInside } = contentLines(text, start, end, firstLine);
    if (lines.length === 0 || lines[0].indent !== 0)
        return undefined;
    const reader = new BlockReader(lines, keepNodes);
    const root = reader.mapping(0);
    if (!reader.done())
        return undefined;
    return { root, line: lines[0].number, commentsInside };
}
/** Content lines of the document: blank lines, comment lines and the opening `---` are skipped. */
function contentLines(text, start, end, firstLine) {
    const lines = [];
    let commentsInside = false;
    let offset = start;
    let number = firstLine;
    while (offset < end) {
        const newline = text.indexOf('\n', offset);
        const lineEnd = newline < 0 || newline > end ? end : newline;
        // Only spaces are trimmed: YAML indents and separates with them, other white space is content.
        const raw = withoutTrailingSpaces(text.slice(offset, lineEnd));
        const indent = leadingSpaces(raw);
        const content = raw.slice(indent);
        const isComment = content.startsWith('#');
        // Tabs and backslashes only in comment text: indentation, separation and escapes are the full parser's.
        if (/[\t\\]/.test(isComment ? raw.slice(0, indent) : raw))
            giveUp();
        if (offset === start && raw.startsWith('---')) {
            if (raw !== '---')
                giveUp();
        }
        else if (isComment) {
            commentsInside ||= lines.length > 0;
        }
        else if (content !== '') {
            if (content.startsWith('---') || content.startsWith('...') || content.startsWith('%'))
                giveUp();
            lines.push({ offset, number, indent, content });
        }
        offset = lineEnd + 1;
        number++;
    }
    return { lines, commentsInside };
}
/** Recursive descent over block collections, one content line at a time. */
class BlockReader {
    lines;
    keepNodes;
    index = 0;
    depth = 0;
    constructor(lines, keepNodes) {
        this.lines = lines;
        this.keepNodes = keepNodes;
    }
    done() {
        return this.index >= this.lines.length;
    }
    get current() {
        return this.lines[this.index];
    }
    /** A block mapping whose keys sit at column `indent`. */
    mapping(indent) {
        return this.deeper(() => this.mappingEntries(indent));
    }
    mappingEntries(indent) {
        const value = {};
        const entries = this.keepNodes ? new Map() : undefined;
        const first = this.current;
        let endLine = first.number;
        for (let line = this.current; line && line.indent >= indent; line = this.current) {
            if (line.indent > indent || isItem(line.content))
                giveUp();
            const entry = splitEntry(line.content);
            if (entry.key === undefined || Object.hasOwn(value, entry.key))
                giveUp();
            const keyOffset = line.offset + line.indent;
            this.index++;
            const child = entry.rest === ''
                ? this.valueBelow(indent, line, keyOffset + entry.key.length + 1)
                : this.inline(line, keyOffset + entry.valueColumn, entry.rest);
            value[entry.key] = child.value;
            child.key = keyOffset;
            entries?.set(entry.key, child);
            endLine = child.endLine;
        }
        return { start: first.offset + first.indent, endLine, kind: 'map', flow: false, value, entries };
    }
    /** A block sequence whose `-` sit at column `indent`. */
    sequence(indent) {
        return this.deeper(() => this.sequenceItems(indent));
    }
    /** One level deeper; past {@link MAX_DEPTH} the document is the full parser's. */
    deeper(read) {
        if (++this.depth > MAX_DEPTH)
            giveUp();
        const node = read();
        this.depth--;
        return node;
    }
    sequenceItems(indent) {
        const value = [];
        const items = this.keepNodes ? [] : undefined;
        const first = this.current;
        let endLine = first.number;
        for (let line = this.current; line && line.indent >= indent; line = this.current) {
            if (line.indent > indent || !isItem(line.content))
                break;
            const after = line.content.slice(1);
            const content = trimSpaces(after);
            const gap = after.length - content.length;
            if (gap === 0 || content === '' || isItem(content) || content.startsWith('#'))
                giveUp();
            // The item's content is read as a line of its own, at the column where it starts (compact mappings).
            const itemLine = { ...line, indent: line.indent + 1 + gap, content };
            this.lines[this.index] = itemLine;
            let item;
            if (!/^[[{'"]/.test(content) && entryKey(content) !== undefined)
                item = this.mapping(itemLine.indent);
            else {
                this.index++;
                item = inlineValue(withoutComment(content), itemLine.offset + itemLine.indent, itemLine.number);
            }
            value.push(item.value);
            items?.push(item);
            endLine = item.endLine;
        }
        const next = this.current;
        // A deeper line, or a scalar item continued on the next line: the full parser's.
        if (next && next.indent > indent)
            giveUp();
        return { start: first.offset + first.indent, endLine, kind: 'seq', flow: false, value, items };
    }
    /** The value of `key:` with nothing after it: a nested block, a same-column sequence, or null. */
    valueBelow(indent, keyLine, afterColon) {
        const next = this.current;
        if (next && next.indent > indent)
            return isItem(next.content) ? this.sequence(next.indent) : this.mapping(next.indent);
        if (next && next.indent === indent && isItem(next.content))
            return this.sequence(indent);
        return { start: afterColon, endLine: keyLine.number, kind: 'null', flow: false, value: null };
    }
    inline(line, offset, rest) {
        const next = this.current;
        // A deeper line after a scalar is a multi-line scalar or an error: both are the full parser's.
        if (next && next.indent > line.indent)
            giveUp();
        return inlineValue(rest, offset, line.number);
    }
}
function isItem(content) {
    return content === '-' || content.startsWith('- ');
}
/** `key: rest` (rest without its comment, and the column of rest in the content); key undefined if not an entry. */
function splitEntry(content) {
    const key = entryKey(content);
    if (key === undefined)
        return { rest: content, valueColumn: 0 };
    const raw = content.slice(key.length + 1);
    const spaces = leadingSpaces(raw);
    return { key, rest: trimSpaces(withoutComment(raw)), valueColumn: key.length + 1 + spaces };
}
/** The key of a `key: …` or `key:` line; undefined when the line is no entry, a give-up when the key is not plain. */
function entryKey(content) {
    const colon = content.indexOf(':');
    if (colon <= 0)
        return undefined;
    if (colon + 1 < content.length && content.charCodeAt(colon + 1) !== 0x20)
        return undefined;
    const key = content.slice(0, colon);
    if (!isPlainKey(key))
        giveUp();
    return key;
}
/** A key read as the same string by every YAML version, and safe as a property name. */
function isPlainKey(key) {
    return PLAIN_KEY.test(key) && !isSpecialWord(key) && !FORBIDDEN_KEYS.has(key);
}
/** Drops a ` #` comment; quoted text is checked by {@link scalar}, which gives up on a `#` inside quotes. */
function withoutComment(text) {
    const hash = text.indexOf(' #');
    return withoutTrailingSpaces(hash < 0 ? text : text.slice(0, hash));
}
/** A value written on one line at `offset`: a one-line flow collection or a scalar. */
function inlineValue(text, offset, line) {
    if (text[0] !== '{' && text[0] !== '[') {
        const value = scalar(text);
        return { start: offset, endLine: line, kind: value === null ? 'null' : 'scalar', flow: false, value };
    }
    const reader = new FlowReader(text, offset, line);
    const node = reader.value();
    if (!reader.atEnd())
        giveUp();
    return node;
}
/** One-line flow collections (`{ cpu: 100m }`, `[a, b]`), possibly nested. */
class FlowReader {
    text;
    offset;
    line;
    at = 0;
    depth = 0;
    constructor(text, offset, line) {
        this.text = text;
        this.offset = offset;
        this.line = line;
    }
    atEnd() {
        this.skipSpaces();
        return this.at >= this.text.length;
    }
    value() {
        this.skipSpaces();
        const char = this.text[this.at];
        if (char === '{')
            return this.collection('map');
        if (char === '[')
            return this.collection('seq');
        return this.scalar();
    }
    collection(kind) {
        if (++this.depth > MAX_DEPTH)
            giveUp();
        const start = this.offset + this.at;
        const close = kind === 'map' ? '}' : ']';
        const entries = new Map();
        const items = [];
        this.at++;
        this.skipSpaces();
        while (this.text[this.at] !== close) {
            if (this.at >= this.text.length)
                giveUp();
            if (kind === 'map') {
                const keyStart = this.at;
                const colon = this.text.indexOf(': ', keyStart);
                const key = colon < 0 ? '' : this.text.slice(keyStart, colon);
                if (!isPlainKey(key) || entries.has(key))
                    giveUp();
                this.at = colon + 2;
                const child = this.value();
                child.key = this.offset + keyStart;
                entries.set(key, child);
            }
            else {
                items.push(this.value());
            }
            this.skipSpaces();
            if (this.text[this.at] === ',') {
                this.at++;
                this.skipSpaces();
                // A trailing comma is valid YAML, but rare enough to leave to the full parser.
                if (this.text[this.at] === close)
                    giveUp();
            }
            else if (this.text[this.at] !== close)
                giveUp();
        }
        this.at++;
        this.depth--;
        const value = kind === 'map'
            ? Object.fromEntries([...entries].map(([key, child]) => [key, child.value]))
            : items.map((item) => item.value);
        return {
            start,
            endLine: this.line,
            kind,
            flow: true,
            value,
            ...(kind === 'map' ? { entries } : { items }),
        };
    }
    scalar() {
        const rest = this.text.slice(this.at);
        const quote = rest[0];
        let length;
        if (quote === "'" || quote === '"')
            length = rest.indexOf(quote, 1) + 1;
        else {
            const stop = rest.search(FLOW_PLAIN_END);
            length = stop < 0 ? rest.length : stop;
            // `a: b` inside a sequence is a one-pair mapping, `a:` a key: the full parser's.
            if (rest[length] === ':')
                giveUp();
        }
        if (length <= 0)
            giveUp();
        const start = this.offset + this.at;
        this.at += length;
        const value = scalar(withoutTrailingSpaces(rest.slice(0, length)));
        return { start, endLine: this.line, kind: value === null ? 'null' : 'scalar', flow: false, value };
    }
    skipSpaces() {
        while (this.text[this.at] === ' ')
            this.at++;
    }
}
/** The value of a scalar in the subset; gives up on anything else. */
function scalar(text) {
    const quote = text[0];
    if (quote === "'" || quote === '"') {
        const inner = text.slice(1, -1);
        if (text.length < 2 || !text.endsWith(quote) || inner.includes(quote) || inner.includes('#'))
            giveUp();
        if (NON_PRINTABLE.test(inner))
            giveUp();
        return inner;
    }
    if (startsWithDigit(text)) {
        if (PLAIN_INTEGER.test(text))
            return Number(text);
        if (QUANTITY.test(text) || DOTTED_VERSION.test(text))
            return text;
    }
    if (text === 'true' || text === 'false')
        return text === 'true';
    if (text === 'null')
        return null;
    if (isSpecialWord(text) || !PLAIN_STRING.test(text) || text.includes(': '))
        giveUp();
    if (text.endsWith(':'))
        giveUp();
    return text;
}
/**
 * The document over its nodes. Ranges and shapes of the root, and of every node when comment lines sit inside the
 * document, come from the `yaml` parse (made on first use): `yaml` counts some comments into its collections.
 * A class, not an object of closures: a big repository keeps thousands of these. The nodes are not kept: most
 * documents are only ever read for their value (a tenth of a big repository's are asked for a line), and thousands
 * of node trees kept alive made every young-generation collection copy them; they are read again on first use.
 */
class SimpleDocument {
    file;
    index;
    text;
    span;
    fullParse;
    value;
    line;
    commentsInside;
    /** The nodes once read again, undefined before. */
    tree;
    /** The `yaml` parse once made (`undefined` when it failed), `null` before. */
    full = null;
    starts;
    constructor(file, index, text, span, read, fullParse) {
        this.file = file;
        this.index = index;
        this.text = text;
        this.span = span;
        this.fullParse = fullParse;
        this.value = read.root.value;
        this.line = read.line;
        this.commentsInside = read.commentsInside;
    }
    /** The document's nodes: the same text read the same way gives the same nodes. */
    get root() {
        return (this.tree ??= readTree({ text: this.text, ...this.span }, true).root);
    }
    lineAt(path) {
        return this.positionAt(path)?.line;
    }
    positionAt(path) {
        const node = simple_document_locate(this.root, path);
        return node === undefined ? undefined : this.positionOf(node.key ?? node.start);
    }
    rangeAt(path) {
        if (this.fromFullParse(path))
            return this.parsed()?.rangeAt(path);
        const node = simple_document_locate(this.root, path);
        if (!node)
            return undefined;
        return { startLine: this.positionOf(node.key ?? node.start).line, endLine: node.endLine };
    }
    describeAt(path) {
        if (this.fromFullParse(path))
            return this.parsed()?.describeAt(path);
        const node = simple_document_locate(this.root, path);
        return node ? this.shapeOf(node) : undefined;
    }
    nestedAt(path, text) {
        const node = simple_document_locate(this.root, path);
        if (!node || node.kind !== 'scalar' || typeof node.value !== 'string')
            return undefined;
        const header = this.positionOf(node.start);
        return parseYamlText(this.file, text ?? node.value, () => header);
    }
    parsed() {
        if (this.full === null)
            this.full = this.fullParse();
        return this.full;
    }
    fromFullParse(path) {
        return this.commentsInside || path.length === 0;
    }
    /** Line and column of an offset inside the document (only the document's own lines are counted). */
    positionOf(offset) {
        // The document's own lines, not the file's: a rendered manifest of a thousand documents would count its every
        // line once per document asked for a position.
        this.starts ??= lineStarts(this.text, this.span.start, this.span.end);
        const index = lastAtOrBefore(this.starts, offset);
        return { line: this.span.firstLine + index, col: offset - this.starts[index] + 1 };
    }
    shapeOf(node) {
        const start = this.positionOf(node.key ?? node.start);
        const firstChild = node.entries?.values().next().value?.key ?? node.items?.[0]?.start;
        const childCol = firstChild === undefined ? undefined : this.positionOf(firstChild).col;
        const flow = (node.kind === 'map' || node.kind === 'seq') && node.flow;
        return {
            kind: node.kind,
            flow,
            start,
            endLine: node.kind === 'null' ? start.line : node.endLine,
            ...(childCol ? { childCol } : {}),
        };
    }
}
/** The node at `path` (its `key` set when a mapping entry leads to it), as the `yaml`-backed document finds it. */
function simple_document_locate(root, path) {
    let node = root;
    for (const segment of path) {
        if (node.entries)
            node = node.entries.get(String(segment));
        else if (node.items && typeof segment === 'number')
            node = node.items[segment];
        else
            return undefined;
        if (!node)
            return undefined;
    }
    return node;
}
/** Index of the last entry of the ascending `starts` that is at or before `offset`. */
function lastAtOrBefore(starts, offset) {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle] <= offset)
            low = middle;
        else
            high = middle - 1;
    }
    return low;
}

;// CONCATENATED MODULE: ./src/parse/prefilter.ts



/**
 * A cheap text pre-filter run before the position-keeping parse: most documents of a GitOps repository
 * (Services, Roles, most Deployments) cannot matter to any rule, and the `yaml` parse costs far more than reading
 * them. The filter looks only at lines that start in column 0, and keeps a document whenever it is unsure, so it
 * can only save work, never change what the rules see.
 *
 * When the model starts reading a new kind, add it here (or to {@link KEPT_API_GROUPS}): a test scans
 * `src/model` and `src/rules` for kind names and fails when one of them would be dropped.
 */
/** Kinds kept whatever their apiVersion: everything the model reads or follows a reference to. */
const KEPT_KINDS = [
    // Dynatrace
    'DynaKube',
    'EdgeConnect',
    // Core objects the model reads (namespaces for labels; any ConfigMap may be a `valuesFrom` / `substituteFrom`
    // target or the mesh config `istio` / `istio-<rev>`).
    'Namespace',
    'ConfigMap',
    'List',
    // Flux
    'HelmRelease',
    'HelmChart',
    'HelmRepository',
    'OCIRepository',
    'GitRepository',
    'Bucket',
    // Argo CD
    'Application',
    'ApplicationSet',
    'AppProject',
    // Kustomize (kustomize.config.k8s.io and Flux's kustomize.toolkit.fluxcd.io)
    'Kustomization',
    'Component',
    // Istio install: istioctl, Sail operator, Maistra / OpenShift Service Mesh
    'IstioOperator',
    'Istio',
    'IstioCNI',
    'ZTunnel',
    'IstioRevision',
    'IstioRevisionTag',
    'ServiceMeshControlPlane',
    'ServiceMeshMemberRoll',
    'ServiceMeshMember',
    // OLM: an OpenShift Service Mesh operator subscription (operators.coreos.com)
    'Subscription',
    // Managed Istio (Anthos Service Mesh's control-plane revision tells the distribution)
    'ControlPlaneRevision',
    // Istio resources (networking.istio.io, security.istio.io, telemetry.istio.io)
    'ServiceEntry',
    'VirtualService',
    'Sidecar',
    'PeerAuthentication',
    'DestinationRule',
    'Gateway',
    'AuthorizationPolicy',
    'RequestAuthentication',
    'EnvoyFilter',
    'WorkloadEntry',
    'WorkloadGroup',
    'ProxyConfig',
    'Telemetry',
    'WasmPlugin',
];
/** API groups (matched as a suffix of the group) whose objects are always kept, whatever their kind. */
const KEPT_API_GROUPS = [
    'dynatrace.com',
    'istio.io',
    'sailoperator.io',
    'maistra.io',
    'fluxcd.io',
    'argoproj.io',
    'kustomize.config.k8s.io',
];
/** Kinds with a pod template: kept only when their text mentions one of {@link WORKLOAD_MARKERS}. */
const WORKLOAD_KINDS = [
    'Pod',
    'Deployment',
    'StatefulSet',
    'DaemonSet',
    'ReplicaSet',
    'ReplicationController',
    'Job',
    'CronJob',
];
/**
 * What makes a workload matter: annotations and labels `metrics.dynatrace.com/*`, `oneagent.dynatrace.com/*`,
 * `sidecar.istio.io/*`, `istio.io/*`, `prometheus.io/*`, and names or images such as `istio-cni-node`, `istiod`,
 * `dynatrace-*`. A plain substring test, so a mention anywhere (even a comment) keeps the document.
 */
const WORKLOAD_MARKERS = /istio|dynatrace|prometheus/i;
const keptKinds = new Set(KEPT_KINDS);
const keptGroups = new Set(KEPT_API_GROUPS);
const KEPT_GROUP_SUFFIXES = KEPT_API_GROUPS.map((group) => `.${group}`);
const workloadKinds = new Set(WORKLOAD_KINDS);
/** Whether an object of this kind and apiVersion can matter to a rule without looking at its text. */
function isKeptKind(kind, apiVersion = '') {
    if (keptKinds.has(kind) || kind.endsWith('List'))
        return true;
    const slash = apiVersion.indexOf('/');
    const group = slash < 0 ? '' : apiVersion.slice(0, slash);
    return keptGroups.has(group) || KEPT_GROUP_SUFFIXES.some((suffix) => group.endsWith(suffix));
}
const kindClasses = new Map();
function kindClassOf(kind, apiVersion) {
    let byVersion = kindClasses.get(kind);
    if (!byVersion)
        kindClasses.set(kind, (byVersion = new Map()));
    let known = byVersion.get(apiVersion);
    if (known === undefined)
        byVersion.set(apiVersion, (known = classifyKind(kind, apiVersion)));
    return known;
}
function classifyKind(kind, apiVersion) {
    if (!KIND_VALUE.test(kind) || !API_VERSION_VALUE.test(apiVersion))
        return 'unreadable';
    if (kind === 'ConfigMap' && apiVersion === 'v1')
        return 'configMap';
    if (isKeptKind(kind, apiVersion))
        return 'kept';
    return workloadKinds.has(kind) ? 'workload' : 'other';
}
/** A top-level `kind:` / `apiVersion:` value the filter trusts: plain or simply quoted, no templates. */
const KIND_VALUE = /^[A-Za-z][A-Za-z0-9]*$/;
const API_VERSION_VALUE = /^[A-Za-z0-9][A-Za-z0-9.-]*(\/[A-Za-z0-9.-]+)?$/;
const NAME_VALUE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const INDIRECTION = /<<|(?:^|[\s[{,])[&*!][^\s\]},]/;
const MENTIONS_MESH_OR_DYNATRACE = /istio|dynatrace/i;
/**
 * Per document of a file: what the filter can say from the file alone. `undefined` means: leave the whole file
 * to the parser (directives).
 */
function planDocuments(text) {
    const spans = [];
    let current = newScan(0);
    let offset = 0;
    const close = (end) => spans.push(finish(text, current, end));
    while (offset < text.length) {
        const first = text.charCodeAt(offset);
        if (first === SPACE && current.hasContent && !current.inMetadata) {
            // Indented lines say nothing more once the document has content outside `metadata:`: jump over them.
            offset = runEnd(INDENTED_RUN_END, text, offset);
            continue;
        }
        const childIndent = current.inMetadata ? current.metadataIndent : undefined;
        if (first === SPACE && childIndent !== undefined && text.startsWith(spaces(childIndent + 1), offset)) {
            // Below the children of `metadata:` (labels, annotations): nothing there can be its `name:`.
            offset = runEnd(deeperRunEnd(childIndent), text, offset);
            continue;
        }
        const newline = text.indexOf('\n', offset);
        const lineEnd = newline < 0 ? text.length : newline;
        const next = newline < 0 ? text.length : newline + 1;
        if (first === DASH && isMarker(text, offset, lineEnd, '---')) {
            if (offset > current.start)
                close(offset);
            current = newScan(offset);
            // Content after `---` on the same line (`--- !tag`, `--- {…}`) is not looked into: keep the document.
            if (!isBlankOrComment(text, offset + 3, lineEnd))
                current.unsure = current.hasContent = true;
        }
        else if (first === DOT && isMarker(text, offset, lineEnd, '...')) {
            close(next);
            current = newScan(next);
        }
        else if (!scanLine(text, offset, lineEnd, current)) {
            return undefined;
        }
        offset = next;
    }
    if (text.length > current.start)
        close(text.length);
    return spans;
}
/** The end of a run of indented lines: a newline followed by anything but a space (the next line's start). */
const INDENTED_RUN_END = /\n[^ ]/g;
/** The end of a run of lines indented deeper than `indent`, by indent (few distinct ones occur). */
const DEEPER_RUN_ENDS = [];
function deeperRunEnd(indent) {
    return (DEEPER_RUN_ENDS[indent] ??= new RegExp(`\\n(?! {${indent + 1}})`, 'g'));
}
const SPACES = [];
function spaces(count) {
    return (SPACES[count] ??= ' '.repeat(count));
}
/** The start of the line that ends the run `runEnd` matches from `offset` (the text's end when none does). */
function runEnd(expression, text, offset) {
    expression.lastIndex = offset;
    const found = expression.exec(text);
    return found ? found.index + 1 : text.length;
}
const DASH = 0x2d;
const DOT = 0x2e;
const SPACE = 0x20;
function newScan(start) {
    return { start, hasMetadata: false, hasContent: false, unsure: false, inMetadata: false };
}
function isMarker(text, offset, lineEnd, marker) {
    if (!text.startsWith(marker, offset))
        return false;
    const after = text.charCodeAt(offset + 3);
    return offset + 3 >= lineEnd || after === 0x20 || after === 0x09 || after === 0x0d;
}
/** Whether `text[from, to)` is empty, white space or a comment (white space as `String.prototype.trim` sees it). */
function isBlankOrComment(text, from, to) {
    let at = from;
    while (at < to && isTrimmedSpace(text.charCodeAt(at)))
        at++;
    return at >= to || text.charCodeAt(at) === 0x23;
}
/** Reads one line of a document; returns false when the file must not be filtered at all (directives). */
function scanLine(text, offset, lineEnd, scan) {
    const first = text.charCodeAt(offset);
    if (!scan.hasContent)
        scan.hasContent = !isBlankOrComment(text, offset, lineEnd);
    if (first === SPACE) {
        if (scan.inMetadata)
            readMetadataLine(text, offset, lineEnd, scan);
        return true;
    }
    if (first === 0x25)
        return false; // `%` directive: it applies to later documents; leave the file to the parser
    if (first === 0x0d || first === 0x0a || first === 0x23)
        return true; // blank line or comment
    scan.inMetadata = false;
    if (isLetter(first))
        return readTopLevelKey(text, offset, lineEnd, scan);
    // Quoted or complex keys, flow collections, anchors, aliases, tags, block scalars, tabs and a byte order mark
    // at column 0: the plain key scan could miss or misread a key. `- item` lines belong to a sequence value.
    if (first !== DASH)
        scan.unsure = true;
    return true;
}
function isLetter(code) {
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f;
}
function readTopLevelKey(text, offset, lineEnd, scan) {
    // `test`, not `exec`: most documents have a dozen top-level keys and only three matter, so no key is copied.
    TOP_LEVEL_KEY.lastIndex = offset;
    if (!TOP_LEVEL_KEY.test(text)) {
        // `key :`, a plain multi-line scalar or something else the scan does not understand.
        scan.unsure = true;
        return true;
    }
    const valueStart = TOP_LEVEL_KEY.lastIndex;
    const keyLength = valueStart - offset - 1;
    if (isKeyAt(text, offset, keyLength, 'kind'))
        scan.kind = topLevelValue(text.slice(valueStart, lineEnd), scan.kind);
    else if (isKeyAt(text, offset, keyLength, 'apiVersion'))
        scan.apiVersion = topLevelValue(text.slice(valueStart, lineEnd), scan.apiVersion);
    else if (isKeyAt(text, offset, keyLength, 'metadata')) {
        if (scan.hasMetadata || !isBlankOrComment(text, valueStart, lineEnd))
            scan.unsure = true;
        scan.hasMetadata = true;
        // Only a ConfigMap's name is needed: below the `metadata:` of any other kind, lines are jumped over.
        scan.inMetadata = scan.kind === undefined || scan.kind === 'ConfigMap';
    }
    return true;
}
function isKeyAt(text, offset, keyLength, key) {
    return keyLength === key.length && text.startsWith(key, offset);
}
/** A plain key at the scan position, its colon followed by white space or the line's end (not consumed). */
const TOP_LEVEL_KEY = /[A-Za-z_][A-Za-z0-9_.-]*:(?=[ \t\r\n]|$)/y;
/** Finds `name:` among the direct children of `metadata:`. */
function readMetadataLine(text, offset, lineEnd, scan) {
    let indent = 0;
    while (text.charCodeAt(offset + indent) === SPACE)
        indent++;
    const code = text.charCodeAt(offset + indent);
    if (offset + indent >= lineEnd || code === 0x23 || code === 0x0d)
        return;
    scan.metadataIndent ??= indent;
    if (indent !== scan.metadataIndent || !text.startsWith('name:', offset + indent))
        return;
    const value = topLevelValue(text.slice(offset + indent + 5, lineEnd), scan.name);
    scan.name = value;
}
/** The value of a top-level key; a second occurrence (duplicate key) yields '' so the document is kept. */
function topLevelValue(raw, previous) {
    if (previous !== undefined)
        return '';
    let value = raw;
    const hash = value.indexOf('#');
    if (hash >= 0)
        value = value.slice(0, hash); // a `#` inside a plain kind, apiVersion or name is not valid anyway
    value = value.trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote))
        value = value.slice(1, -1);
    return value;
}
function finish(text, scan, end) {
    const span = { start: scan.start, end, hasContent: scan.hasContent, verdict: 'drop' };
    if (!scan.hasContent)
        return span;
    span.verdict = objectVerdict(text, scan, end);
    if (span.verdict === 'configMap')
        span.name = scan.name;
    return span;
}
function objectVerdict(text, scan, end) {
    const { kind, apiVersion } = scan;
    // Not a Kubernetes object by its column-0 keys (values files, lists, JSON, templates): keep.
    if (scan.unsure || !kind || !apiVersion || !scan.hasMetadata)
        return 'keep';
    const kindClass = kindClassOf(kind, apiVersion);
    if (kindClass === 'unreadable' || hasIndirection(text, scan.start, end))
        return 'keep';
    if (kindClass === 'configMap' && scan.name && NAME_VALUE.test(scan.name)) {
        return MENTIONS_MESH_OR_DYNATRACE.test(text.slice(scan.start, end)) ? 'keep' : 'configMap';
    }
    // A ConfigMap without a plain name is kept: the filter cannot tell whether it is referred to.
    if (kindClass === 'kept' || kindClass === 'configMap')
        return 'keep';
    if (kindClass === 'workload' && WORKLOAD_MARKERS.test(text.slice(scan.start, end)))
        return 'keep';
    return 'drop';
}
/** Anchors, aliases, merge keys and tags: they can make a document say more than its lines show. */
function hasIndirection(text, start, end) {
    const body = text.slice(start, end);
    if (!body.includes('&') && !body.includes('*') && !body.includes('!') && !body.includes('<<'))
        return false;
    return INDIRECTION.test(body);
}
/**
 * Decides, for every file of one side (base or head), which documents to parse: per file (in the order given),
 * `undefined` = the whole file, else one flag per span. ConfigMaps are decided here because whether they matter
 * depends on the other files of the side.
 */
function decideDocuments(files) {
    const summaries = files.map(summaryOf);
    const names = sameAsLastNames(configMapNames(summaries));
    const referenced = new Set();
    if (names.size > 0)
        files.forEach((file, index) => {
            const summary = summaries[index];
            // A file left to the parser as a whole keeps every document: all its words count.
            const words = summary
                ? namedBy(file, summary, names)
                : wordsOf(file.text).filter((word) => names.has(word));
            for (const word of words)
                referenced.add(word);
        });
    return summaries.map((summary) => flagsOf(summary, referenced));
}
function configMapNames(summaries) {
    const names = new Set();
    for (const summary of summaries) {
        if (summary?.configMaps.length)
            for (const { name } of summary.configMaps)
                names.add(name);
    }
    return names;
}
/**
 * The names of the side decided last when they are the same (base and head of most pull requests): the words of
 * each file that name one of them are then known already (see {@link namedBy}).
 */
let lastNames = new Set();
function sameAsLastNames(names) {
    const same = names.size === lastNames.size && [...names].every((name) => lastNames.has(name));
    if (!same)
        lastNames = names;
    return lastNames;
}
/** The words of a file's kept documents that are among `names`. */
function namedBy(file, summary, names) {
    if (!summary.keepsAny)
        return [];
    if (summary.named?.names === names)
        return summary.named.words;
    // Most words have no name's length: comparing lengths first spares hashing them.
    const lengths = lengthsOf(names);
    const words = [];
    for (const span of file.spans) {
        if (span.verdict !== 'keep')
            continue;
        for (const word of wordsOf(file.text.slice(span.start, span.end)))
            if (lengths.has(word.length) && names.has(word))
                words.push(word);
    }
    summary.named = { names, words };
    return words;
}
const nameLengths = new WeakMap();
function lengthsOf(names) {
    let lengths = nameLengths.get(names);
    if (!lengths)
        nameLengths.set(names, (lengths = new Set([...names].map((name) => name.length))));
    return lengths;
}
const WORD_SEPARATORS = /[^A-Za-z0-9._-]+/;
/** The summary of a file's plan; undefined for a file the filter leaves to the parser as a whole. */
function summaryOf(file) {
    if (!file.spans || file.summary)
        return file.summary;
    const summary = { flags: [], keepsAny: false, configMaps: [] };
    file.spans.forEach((span, index) => {
        const keep = span.verdict === 'keep';
        summary.flags.push(keep);
        if (keep)
            summary.keepsAny = true;
        else if (span.verdict === 'configMap')
            summary.configMaps.push({ index, name: span.name });
    });
    return (file.summary = summary);
}
function wordsOf(text) {
    return text.split(WORD_SEPARATORS).filter((word) => word !== '');
}
/** Keep flags of a file on one side: its ConfigMaps kept when a kept document of the side names them. */
function flagsOf(summary, referenced) {
    if (!summary || summary.configMaps.length === 0)
        return summary?.flags;
    const flags = [...summary.flags];
    for (const { index, name } of summary.configMaps)
        flags[index] = referenced.has(name);
    return flags;
}
/** Parses the documents of a file that `keep` marks (all of them when `keep` is undefined). */
function parseKept(file, text, spans, keep) {
    if (!spans)
        return parseWithYaml(file, text, spans, keep);
    if (keep && !keep.includes(true))
        return nothingKept(file, text, spans);
    const simple = readSimpleDocuments(file, text, spans, keep);
    if (simple.size === 0)
        return parseWithYaml(file, text, spans, keep);
    const rest = spans.map((span, index) => span.hasContent && !simple.has(index) && (!keep || keep[index]));
    const parsed = parseWithYaml(file, text, spans, rest);
    const documents = [...simple.values(), ...parsed.parsed.documents].sort((a, b) => a.index - b.index);
    return { ...parsed, parsed: { ...parsed.parsed, documents } };
}
/** Most files of a big repository: no document to parse, only the count of documents. */
function nothingKept(file, text, spans) {
    let documents = 0;
    for (const span of spans)
        if (span.hasContent)
            documents++;
    const original = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    return { parsed: { file, text: original, documents: [], problems: [] }, documents, parsedDocuments: 0 };
}
/** Parses the documents `keep` marks with the `yaml` parser (all of them when `keep` is undefined). */
function parseWithYaml(file, text, spans, keep) {
    if (!spans) {
        const parsed = parseYamlText(file, text);
        return { parsed, documents: parsed.documents.length, parsedDocuments: parsed.documents.length };
    }
    const documents = spans.filter((span) => span.hasContent).length;
    if (!keep || spans.every((span, index) => keep[index] || !span.hasContent)) {
        return { parsed: parseYamlText(file, text), documents, parsedDocuments: documents };
    }
    const kept = keep.filter(Boolean).length;
    if (kept === 0)
        return nothingKept(file, text, spans);
    const original = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const masked = spans
        .map((span, index) => (keep[index] ? text.slice(span.start, span.end) : blanked(text, span)))
        .join('');
    return { parsed: { ...parseYamlText(file, masked), text: original }, documents, parsedDocuments: kept };
}
/**
 * The kept documents {@link readSimpleDocument} reads without the `yaml` parser, by span index. Each gets the
 * index `yaml` gives it: spans before it count when they open with `---` or have content (a leading comment block
 * is the first document's prelude). Files with `...` end markers or a byte order mark are left to `yaml`.
 */
function readSimpleDocuments(file, text, spans, keep) {
    const read = new Map();
    if (text.charCodeAt(0) === 0xfeff || (text.includes('...') && END_MARKER.test(text)))
        return read;
    let documentIndex = 0;
    let line = 1;
    let lineCountedTo = 0;
    spans.forEach((span, index) => {
        const isDocument = span.hasContent || text.startsWith('---', span.start);
        if (span.hasContent && (!keep || keep[index])) {
            line += countNewlines(text, lineCountedTo, span.start);
            lineCountedTo = span.start;
            const fullParse = fullParser(file, text, spans, index, documentIndex);
            const document = readSimpleDocument(file, text, span.start, span.end, line, documentIndex, fullParse);
            if (document)
                read.set(index, document);
        }
        if (isDocument)
            documentIndex++;
    });
    return read;
}
/**
 * The `yaml` parse of one document, for a simple document to make on first use. Made out here so that the function
 * holds only what it needs: a closure made inside the loop would keep the file's whole map of documents alive.
 */
function fullParser(file, text, spans, index, yamlIndex) {
    return () => {
        const only = spans.map((_, other) => other === index);
        return parseWithYaml(file, text, spans, only).parsed.documents.find((doc) => doc.index === yamlIndex);
    };
}
const END_MARKER = /^\.\.\.(?:[ \t\r]|$)/m;
function countNewlines(text, from, to) {
    let count = 0;
    for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1))
        count++;
    return count;
}
/**
 * Dropped documents become empty lines (their `---` / `...` markers stay), so the kept documents keep their
 * lines, columns and document indexes.
 */
function blanked(text, span) {
    const lines = text.slice(span.start, span.end).split('\n');
    return lines
        .map((line, index) => {
        if (isMarker(line, 0, line.length, '---') || isMarker(line, 0, line.length, '...'))
            return line;
        // A dropped first document without `---` leaves an explicit empty one, so later indexes do not shift.
        // A dropped leading comment block stays a prelude (blank lines), as it was for the document after it.
        return index === 0 && span.start === 0 && span.hasContent ? '---' : '';
    })
        .join('\n');
}
/** Pre-filters and parses one file on its own (its ConfigMaps kept only when the file itself names them). */
function parseRelevant(file, text) {
    const spans = planDocuments(text);
    const planned = { path: file, text, spans };
    return parseKept(file, text, spans, decideDocuments([planned])[0]);
}

;// CONCATENATED MODULE: ./src/model/kustomize-patch.ts



/**
 * API groups of the kinds kustomize's built-in OpenAPI data describes: only their lists have merge keys. Custom
 * resources (DynaKube, IstioOperator, HelmRelease, Istio's own kinds) have none unless a kustomization brings their
 * schema, which is not read here.
 */
const BUILT_IN_GROUPS = new Set([
    '',
    'apps',
    'batch',
    'policy',
    'autoscaling',
    'networking.k8s.io',
    'rbac.authorization.k8s.io',
    'admissionregistration.k8s.io',
    'apiextensions.k8s.io',
    'apiregistration.k8s.io',
    'storage.k8s.io',
    'scheduling.k8s.io',
    'coordination.k8s.io',
    'node.k8s.io',
    'discovery.k8s.io',
    'certificates.k8s.io',
]);
/**
 * Strategic merge as kustomize does it for the cases that matter here: maps merge, `null` deletes a key,
 * `$patch: delete` deletes the object, `$patch: replace` replaces a map. Lists of a built-in kind whose items all
 * have a `name` merge by name (containers, env: the merge key of kustomize's schema for them); other lists, and every
 * list of a custom resource, are replaced (kyaml/yaml/merge2/merge2.go: Merge infers no merge key where there is no
 * schema). The object keeps its kind, name and namespace unless `options` allow a change
 * (api/resource/resource.go, ApplySmPatch). Every written value keeps the patch's file and line.
 */
function applyStrategicMerge(target, patch, options = {}) {
    const patchValue = (0,model_read/* asRecord */.qY)(patch.value);
    if (!patchValue)
        return { unsupported: 'the patch is not a mapping' };
    if (patchValue.$patch === 'delete')
        return { deleted: true };
    const base = (0,model_read/* asRecord */.qY)(target.value) ?? {};
    const group = apiGroup(typeof base.apiVersion === 'string' ? base.apiVersion : '');
    const merge = { patchDocument: patch, sources: [], listsByName: BUILT_IN_GROUPS.has(group) };
    const merged = mergeMap(base, patchValue, [], merge);
    const kept = [['metadata', 'namespace']];
    if (!options.allowNameChange)
        kept.push(['metadata', 'name']);
    if (!options.allowKindChange)
        kept.push(['kind']);
    for (const path of kept)
        keepValue(base, merged, path);
    const sources = merge.sources.filter((source) => !kept.some((path) => path.every((segment, index) => source.path[index] === segment)));
    return { document: overlayDocument(target, merged, sources) };
}
/** Puts back in `merged` the value `base` has at `path` (or its absence), copying the maps on the way. */
function keepValue(base, merged, path) {
    let from = base;
    let to = merged;
    for (const segment of path.slice(0, -1)) {
        from = (0,model_read/* asRecord */.qY)(from?.[segment]);
        const next = (0,model_read/* asRecord */.qY)(to[segment]);
        if (!next) {
            if (from === undefined)
                return;
            to[segment] = {};
        }
        else
            to[segment] = { ...next };
        to = to[segment];
    }
    const last = path[path.length - 1];
    if (from?.[last] === undefined)
        delete to[last];
    else
        to[last] = from[last];
}
function mergeMap(base, patch, path, merge) {
    const { patchDocument, sources } = merge;
    if (patch.$patch === 'replace') {
        const { $patch: _ignored, ...rest } = patch;
        sources.push({ path, document: patchDocument, documentPath: path });
        return rest;
    }
    const result = { ...base };
    for (const [key, value] of Object.entries(patch)) {
        if (key === '$patch')
            continue;
        const at = [...path, key];
        if (value === null) {
            delete result[key];
            continue;
        }
        const left = result[key];
        if ((0,model_read/* asRecord */.qY)(left) && (0,model_read/* asRecord */.qY)(value)) {
            result[key] = mergeMap((0,model_read/* asRecord */.qY)(left), (0,model_read/* asRecord */.qY)(value), at, merge);
        }
        else if (merge.listsByName && Array.isArray(left) && Array.isArray(value) && isNamedList(value)) {
            result[key] = mergeNamedList(left, value, at, merge);
        }
        else {
            result[key] = value;
            sources.push({ path: at, document: patchDocument, documentPath: at });
        }
    }
    return result;
}
function isNamedList(list) {
    return list.length > 0 && list.every((item) => typeof (0,model_read/* asRecord */.qY)(item)?.name === 'string');
}
function mergeNamedList(base, patch, path, merge) {
    const { patchDocument, sources } = merge;
    const result = [...base];
    patch.forEach((item, patchIndex) => {
        const entry = (0,model_read/* asRecord */.qY)(item);
        const index = result.findIndex((existing) => (0,model_read/* asRecord */.qY)(existing)?.name === entry.name);
        if (entry.$patch === 'delete') {
            if (index >= 0)
                result.splice(index, 1);
            return;
        }
        if (index >= 0) {
            // The merged item keeps its place; lines of what the patch wrote come from the patch's item.
            const itemSources = [];
            result[index] = mergeMap((0,model_read/* asRecord */.qY)(result[index]) ?? {}, entry, [], { ...merge, sources: itemSources });
            for (const source of itemSources) {
                sources.push({
                    path: [...path, index, ...source.path],
                    document: patchDocument,
                    documentPath: [...path, patchIndex, ...source.documentPath],
                });
            }
        }
        else {
            result.push(entry);
            sources.push({
                path: [...path, result.length - 1],
                document: patchDocument,
                documentPath: [...path, patchIndex],
            });
        }
    });
    return result;
}
/** JSON pointer (`/metadata/labels/istio.io~1rev`) to a path. */
function pointerPath(pointer) {
    if (pointer === '' || pointer === '/')
        return [];
    return pointer
        .replace(/^\//, '')
        .split('/')
        .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}
/**
 * JSON6902 `add`, `replace` and `remove` (the operations real overlays use on these objects); any other
 * operation makes the whole patch unsupported, so nothing half-applied is evaluated.
 */
function applyJson6902(target, operations) {
    const list = Array.isArray(operations.value) ? operations.value : [];
    const value = structuredClone(target.value);
    const sources = [];
    for (let index = 0; index < list.length; index++) {
        const operation = (0,model_read/* asRecord */.qY)(list[index]);
        const op = typeof operation?.op === 'string' ? operation.op : '';
        const path = pointerPath(typeof operation?.path === 'string' ? operation.path : '');
        if (!['add', 'replace', 'remove'].includes(op) || path.length === 0) {
            return { unsupported: `JSON6902 operation ${op || '(none)'} ${String(operation?.path ?? '')}` };
        }
        const parent = containerAt(value, path.slice(0, -1), op === 'add');
        const last = path[path.length - 1];
        if (parent === undefined)
            return { unsupported: `JSON6902 ${op} ${String(operation?.path)}: the parent does not exist` };
        if (op === 'remove') {
            if (Array.isArray(parent) && typeof last === 'number')
                parent.splice(last, 1);
            else
                delete parent[String(last)];
            continue;
        }
        let written = path;
        if (Array.isArray(parent)) {
            const position = last === '-' ? parent.length : Number(last);
            if (op === 'add')
                parent.splice(position, 0, operation.value);
            else
                parent[position] = operation.value;
            written = [...path.slice(0, -1), position];
        }
        else {
            parent[String(last)] = operation.value;
        }
        sources.push({ path: written, document: operations, documentPath: [index, 'value'] });
    }
    return { document: overlayDocument(target, value, sources) };
}
function containerAt(root, path, create) {
    let current = root;
    for (const segment of path) {
        const container = current;
        if (container === null || typeof container !== 'object')
            return undefined;
        if (container[segment] === undefined && create)
            container[segment] = {};
        current = container[segment];
    }
    return current !== null && typeof current === 'object' ? current : undefined;
}

;// CONCATENATED MODULE: ./src/short-text.ts
/**
 * Values from the input as the report shows them. A pull request can put megabytes into a name, an apiUrl or an
 * image, and messages quote such values: the report, the PR comment, annotations and SARIF must stay readable and
 * small whatever the input holds.
 */
/** Characters of a long value that are shown before the ellipsis. */
const SHOWN_CHARS = 40;
/**
 * A run of more than 200 characters without white space in a message is a value from the input, not words. The
 * lookbehind anchors a match at the start of a run: without it the engine tried every position inside each shorter
 * run again, quadratic in the run's length (5 ms of a check's 700 on the benchmark's repository).
 */
const LONG_RUN = /(?<!\S)\S{201,}/g;
/** A message or note longer than this, even after its long values are shortened, is cut. */
const LONGEST_TEXT = 1500;
/** The first `count` characters of a text, never splitting a surrogate pair; with `…` when something was left out. */
function cut(text, count) {
    if (text.length <= count)
        return text;
    // `count` characters are at most 2 × count UTF-16 units: only that much of a long text is split up.
    return `${Array.from(text.slice(0, count * 2))
        .slice(0, count)
        .join('')}…`;
}
/** A value as shown in a message: its first {@link SHOWN_CHARS} characters when it is longer. */
function shortValue(value) {
    return cut(value, SHOWN_CHARS);
}
/** A message or note with the long values it quotes shortened, and cut when it is still too long. */
function shortMessage(text) {
    return cut(text.replace(LONG_RUN, shortValue), LONGEST_TEXT);
}
/** The first `shown` of a list, comma-separated, and how many more there are: `a, b, c and 4 more`. */
function firstAndMore(items, shown = 3) {
    const named = items.slice(0, shown).join(', ');
    return items.length > shown ? `${named} and ${items.length - shown} more` : named;
}

;// CONCATENATED MODULE: ./src/model/workload.ts

/** Where each workload kind keeps its pod template; a Pod is its own template. */
const TEMPLATE_PATHS = {
    Deployment: ['spec', 'template'],
    StatefulSet: ['spec', 'template'],
    DaemonSet: ['spec', 'template'],
    ReplicaSet: ['spec', 'template'],
    Job: ['spec', 'template'],
    CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
    Pod: [],
};
function isWorkload(resource) {
    return (resource.kind in TEMPLATE_PATHS &&
        (resource.apiVersion.startsWith('apps/') ||
            resource.apiVersion.startsWith('batch/') ||
            resource.apiVersion === 'v1'));
}
function readWorkload(resource) {
    const templatePath = TEMPLATE_PATHS[resource.kind];
    const template = (0,model_read/* getIn */.O6)(resource.document.value, templatePath);
    return {
        ...resource,
        podMetadataPath: [...templatePath, 'metadata'],
        podLabels: (0,model_read/* metadataStrings */.ah)((0,model_read/* getIn */.O6)(template, ['metadata', 'labels'])),
        podAnnotations: (0,model_read/* metadataStrings */.ah)((0,model_read/* getIn */.O6)(template, ['metadata', 'annotations'])),
        hostNetwork: (0,model_read/* asBoolean */.tB)((0,model_read/* getIn */.O6)(template, ['spec', 'hostNetwork'])) ?? false,
    };
}

;// CONCATENATED MODULE: ./src/model/shape.ts







const METADATA_VALUES = 'label and annotation values';
const SELECTOR_VALUES = 'label selector values';
const WORKLOADS = ['Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'];
const ISTIO = ['PeerAuthentication', 'ServiceEntry', 'VirtualService', 'Sidecar', 'IstioOperator'];
const SAIL = ['Istio', 'IstioCNI', 'ZTunnel', 'IstioRevision'];
/** Kinds some reader of the model looks at; other kinds are recorded only, so their shape is not our business. */
const READ_KINDS = new Set([
    'DynaKube',
    'EdgeConnect',
    'Namespace',
    'ConfigMap',
    'HelmRelease',
    'Application',
    ...ISTIO,
    ...SAIL,
    ...WORKLOADS,
]);
const WITH_SPEC = new Set([
    'DynaKube',
    'EdgeConnect',
    'HelmRelease',
    'Application',
    ...ISTIO,
    ...SAIL,
    ...WORKLOADS,
]);
const only = (...kinds) => new Set(kinds);
const FIELDS = [
    { kinds: 'any', path: ['metadata'], expected: 'mapping' },
    { kinds: 'any', path: ['metadata', 'labels'], expected: 'map of strings' },
    { kinds: 'any', path: ['metadata', 'annotations'], expected: 'map of strings' },
    { kinds: WITH_SPEC, path: ['spec'], expected: 'mapping' },
    { kinds: only('DynaKube'), path: ['spec', 'apiUrl'], expected: 'string' },
    { kinds: only('DynaKube'), path: ['spec', 'enableIstio'], expected: 'boolean' },
    { kinds: only('DynaKube'), path: ['spec', 'oneAgent'], expected: 'mapping' },
    { kinds: only('DynaKube'), path: ['spec', 'activeGate'], expected: 'mapping' },
    { kinds: only('DynaKube'), path: ['spec', 'namespaceSelector'], expected: 'mapping' },
    ...DYNAKUBE_SELECTOR_PATHS.map((path) => ({
        kinds: only('DynaKube'),
        path: [...path, 'matchLabels'],
        expected: 'map of strings',
        values: SELECTOR_VALUES,
    })),
    // The DynaKube CRD types both `additionalProperties: {type: string}`, as an object's own labels and annotations.
    { kinds: only('DynaKube'), path: ['spec', 'activeGate', 'labels'], expected: 'map of strings' },
    { kinds: only('DynaKube'), path: ['spec', 'activeGate', 'annotations'], expected: 'map of strings' },
    { kinds: only('ServiceEntry'), path: ['spec', 'hosts'], expected: 'list' },
    { kinds: only('ServiceEntry'), path: ['spec', 'ports'], expected: 'list' },
    { kinds: only('PeerAuthentication'), path: ['spec', 'mtls'], expected: 'mapping' },
    { kinds: only('PeerAuthentication'), path: ['spec', 'selector'], expected: 'mapping' },
    { kinds: only('PeerAuthentication'), path: ['spec', 'portLevelMtls'], expected: 'mapping' },
    {
        kinds: only('PeerAuthentication'),
        path: ['spec', 'selector', 'matchLabels'],
        expected: 'map of strings',
        values: SELECTOR_VALUES,
    },
    {
        kinds: only('PeerAuthentication'),
        path: ['spec', 'mtls', 'mode'],
        expected: 'string',
        allowed: ['UNSET', 'DISABLE', 'PERMISSIVE', 'STRICT'],
    },
    {
        kinds: only('Sidecar'),
        path: ['spec', 'outboundTrafficPolicy', 'mode'],
        expected: 'string',
        allowed: ['REGISTRY_ONLY', 'ALLOW_ANY'],
    },
    {
        kinds: only('Sidecar'),
        path: ['spec', 'workloadSelector', 'labels'],
        expected: 'map of strings',
        values: SELECTOR_VALUES,
    },
    { kinds: only('VirtualService'), path: ['spec', 'hosts'], expected: 'list' },
    { kinds: only('HelmRelease'), path: ['spec', 'chart'], expected: 'mapping' },
    { kinds: only('HelmRelease'), path: ['spec', 'values'], expected: 'mapping' },
    { kinds: only('HelmRelease'), path: ['spec', 'valuesFrom'], expected: 'list' },
    { kinds: only('Application'), path: ['spec', 'source'], expected: 'mapping' },
    { kinds: only('Application'), path: ['spec', 'sources'], expected: 'list' },
    { kinds: only('IstioOperator', ...SAIL), path: ['spec', 'values'], expected: 'mapping' },
    { kinds: only('IstioOperator'), path: ['spec', 'meshConfig'], expected: 'mapping' },
    { kinds: only('ConfigMap'), path: ['data'], expected: 'mapping' },
    ...podTemplateMetadataFields(),
];
/** The pod template's labels and annotations of each workload kind; a Pod's are its own `metadata`, checked above. */
function podTemplateMetadataFields() {
    return Object.entries(TEMPLATE_PATHS)
        .filter(([, templatePath]) => templatePath.length > 0)
        .flatMap(([kind, templatePath]) => ['labels', 'annotations'].map((map) => ({
        kinds: only(kind),
        path: [...templatePath, 'metadata', map],
        expected: 'map of strings',
    })));
}
function expectedText(field) {
    return field.allowed
        ? `one of ${field.allowed.join(', ')} (as written, upper case)`
        : `a ${field.expected}`;
}
/** Kubernetes also accepts these spellings for booleans in manifests that pass through Helm. */
const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no', 'on', 'off']);
function matches(value, expected) {
    switch (expected) {
        case 'mapping':
            return (0,model_read/* asRecord */.qY)(value) !== undefined;
        case 'list':
            return Array.isArray(value);
        case 'boolean':
            return (typeof value === 'boolean' || (typeof value === 'string' && BOOLEAN_WORDS.has(value.toLowerCase())));
        case 'string':
            return typeof value === 'string' || typeof value === 'number';
        case 'map of strings': {
            const record = (0,model_read/* asRecord */.qY)(value);
            return !!record && Object.values(record).every((item) => item === null || typeof item !== 'object');
        }
    }
}
/** `a list`, `the number 3`, `the string "maybe"` — short, whatever the PR put there. */
function describeValue(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object' && value !== null)
        return 'a mapping';
    if (typeof value === 'string') {
        return `the string ${JSON.stringify(shortValue(value))}`;
    }
    return `the ${typeof value} ${String(value)}`;
}
function objectName(value) {
    return givenName(value.metadata)?.name;
}
function fieldNotes(document, kind, label) {
    const notes = [];
    for (const field of FIELDS) {
        if (field.kinds !== 'any' && !field.kinds.has(kind))
            continue;
        const value = (0,model_read/* getIn */.O6)(document.value, field.path);
        // null is how YAML spells "unset"; the API server treats it so too.
        if (value === undefined || value === null)
            continue;
        if (matches(value, field.expected) && (!field.allowed || field.allowed.includes(String(value)))) {
            if (field.expected === 'map of strings')
                notes.push(...unquotedValueNotes(document, field.path, value, label, field.values));
            continue;
        }
        // `${VAR}` or `{{ … }}` is replaced before the API server sees the object: the model reads the value filled in,
        // or notes the placeholder it cannot fill; the text as written is not what the cluster gets.
        if (typeof value === 'string' && (0,placeholders/* placeholderIn */.P5)(value))
            continue;
        notes.push({
            file: document.file,
            line: document.lineAt(field.path) ?? document.line,
            reason: `${label}: ${field.path.join('.')} is ${describeValue(value)}, not ${expectedText(field)}; the API server rejects it and the rules cannot read it`,
        });
    }
    return notes;
}
/**
 * Label and annotation values must be strings. A boolean or number written unquoted (`sidecar.istio.io/inject: false`,
 * `version: 1`) makes the API server reject the object, so the model does not read it as an opt-out or opt-in
 * (`metadataStrings`); a null is no value either. Each such key gets its own note, so the user sees which to quote.
 */
function unquotedValueNotes(document, path, map, label, values = METADATA_VALUES) {
    const entries = (0,model_read/* asRecord */.qY)(map) ?? {};
    const unquoted = new Set((0,model_read/* nonStringKeys */.nZ)(map));
    const keys = Object.keys(entries).filter((key) => unquoted.has(key) || entries[key] === null);
    return keys.map((key) => unquotedValueNote(document, [...path, key], `${path.join('.')}.${key}`, entries[key], label, values, `${key}: `));
}
/** The note for one value that must be a string and is not: where it is, why it counts for nothing, how to quote it. */
function unquotedValueNote(document, path, shownPath, value, label, values, quotedPrefix) {
    const quoted = value === null ? '""' : JSON.stringify(String(value));
    const consequence = value === null
        ? 'the rules do not read it'
        : 'the API server rejects the object and the rules do not read it';
    return {
        file: document.file,
        line: document.lineAt(path) ?? document.line,
        reason: `${label}: ${shownPath} is ${describeValue(value)}, not a string; ${values} must be strings, so ` +
            `${consequence}. Quote it: \`${quotedPrefix}${quoted}\``,
    };
}
/**
 * The `values` of a DynaKube selector's `matchExpressions` are typed `string` too: an unquoted `true` or `2` in them is
 * rejected like one in `matchLabels`, and the model leaves it out (`toSelector`).
 */
function selectorExpressionNotes(document, kind, label) {
    if (kind !== 'DynaKube')
        return [];
    const notes = [];
    for (const selectorPath of DYNAKUBE_SELECTOR_PATHS) {
        const expressionsPath = [...selectorPath, 'matchExpressions'];
        (0,model_read/* asArray */._j)((0,model_read/* getIn */.O6)(document.value, expressionsPath)).forEach((expression, index) => {
            (0,model_read/* asArray */._j)((0,model_read/* asRecord */.qY)(expression)?.values).forEach((value, valueIndex) => {
                if (typeof value === 'string')
                    return;
                if (value !== null && typeof value === 'object')
                    return;
                const path = [...expressionsPath, index, 'values', valueIndex];
                notes.push(unquotedValueNote(document, path, (0,model_read/* fieldPath */.cn)(path), value, label, SELECTOR_VALUES, ''));
            });
        });
    }
    return notes;
}
/** Notes for a document of a kind the model reads whose fields have the wrong type, or that has no name. */
function documentNotes(document) {
    const object = (0,model_read/* asRecord */.qY)(document.value);
    const kind = (0,model_read/* asString */.oJ)(object?.kind);
    if (!object || !kind || (0,model_read/* asString */.oJ)(object.apiVersion) === undefined)
        return [];
    if (kind === 'List')
        return listNotes(document, object.items);
    if (!READ_KINDS.has(kind))
        return [];
    const name = objectName(object) ?? unnamedInputName(kind, (0,model_read/* asString */.oJ)(object.apiVersion) ?? '', object);
    const label = name === undefined ? kind : `${kind} ${shortValue(name)}`;
    const notes = [...fieldNotes(document, kind, label), ...selectorExpressionNotes(document, kind, label)];
    if (name === undefined)
        notes.push({
            file: document.file,
            line: document.lineAt(['metadata']) ?? document.line,
            reason: `${kind} without metadata.name is not a Kubernetes object and was not read`,
        });
    return notes;
}
/** A `kind: List` is read item by item; items that are not objects are dropped, so say so. */
function listNotes(document, items) {
    if (items === undefined || items === null)
        return [];
    if (!Array.isArray(items))
        return [
            {
                file: document.file,
                line: document.lineAt(['items']) ?? document.line,
                reason: `List: items is ${describeValue(items)}, not a list; nothing in it was read`,
            },
        ];
    return items.flatMap((item, index) => (0,model_read/* asRecord */.qY)(item)
        ? documentNotes(subDocument(document, ['items', index], item))
        : [
            {
                file: document.file,
                line: document.lineAt(['items', index]) ?? document.line,
                reason: `List: item ${index} is ${describeValue(item)}, not an object, and was not read`,
            },
        ]);
}
/** Shape notes for every document of the parsed files, including the items of `kind: List` documents. */
function shapeNotes(files) {
    const notes = [];
    // A loop, not flatMap: most files of a big repository keep no document and need not even be looked up.
    for (const file of files)
        if (file.documents.length > 0)
            for (const note of fileNotes(file))
                notes.push(note);
    return notes;
}
/** Notes of each parsed file, once: base and head share the parse of every file a pull request left alone. */
const notesOfFile = new WeakMap();
function fileNotes(file) {
    let notes = notesOfFile.get(file);
    if (!notes)
        notesOfFile.set(file, (notes = file.documents.flatMap(documentNotes)));
    return notes;
}

;// CONCATENATED MODULE: ./src/model/kustomize-target.ts





/**
 * Built-in kinds kustomize knows to be cluster-scoped, besides Namespace (its openapi data has the built-in ones);
 * the namespace transformer leaves them alone too. Not named `…_KINDS`: the pre-filter's test reads such tables as
 * kinds the model reads, and no rule reads these.
 */
const BUILT_IN_CLUSTER_SCOPED = [
    'CustomResourceDefinition',
    'ClusterRole',
    'ClusterRoleBinding',
    'MutatingWebhookConfiguration',
    'ValidatingWebhookConfiguration',
    'PersistentVolume',
    'StorageClass',
    'PriorityClass',
    'APIService',
    'RuntimeClass',
    'IngressClass',
];
const NOT_NAMESPACED = new Set(['Namespace', ...BUILT_IN_CLUSTER_SCOPED]);
/** The namespace kustomize compares a target's with (kyaml/resid/resid.go, EffectiveNamespace). */
function effectiveNamespace(kind, namespace) {
    if (NOT_NAMESPACED.has(kind))
        return '_non_namespaceable_';
    return namespace || 'default';
}
/**
 * The objects a patch selects, or why the selection cannot be evaluated. With a `target`, as kustomize's Select
 * (api/resmap/reswrangler.go; api/types/selector.go): group, version, kind, name and namespace are Go patterns
 * anchored at both ends, an empty or absent one selects all; the namespace may match the one written or the one
 * given since; `labelSelector` and `annotationSelector` are Kubernetes selector strings. Without one, the object
 * with the patch's own apiVersion, kind, name and namespace, as written (api/internal/builtins/PatchTransformer.go:
 * GetById with the patch's id, whose namespace compares as the target's does).
 */
function targetTest(target, isTarget) {
    if (!isTarget) {
        const apiVersion = (0,model_read/* asString */.oJ)(target.apiVersion);
        const kind = (0,model_read/* asString */.oJ)(target.kind);
        const name = (0,model_read/* asString */.oJ)(target.name);
        const namespace = (0,model_read/* asString */.oJ)(target.namespace);
        return (resource, namespaces) => (!apiVersion || apiVersion === resource.apiVersion) &&
            (!kind || kind === resource.kind) &&
            (!name || name === resource.name) &&
            namespaces().some((current) => effectiveNamespace(resource.kind, current) === effectiveNamespace(resource.kind, namespace));
    }
    const patterns = {};
    for (const field of ['group', 'version', 'kind', 'name', 'namespace']) {
        const written = (0,model_read/* asString */.oJ)(target[field]);
        if (!written)
            continue;
        const pattern = compilePattern(`^(?:${written})$`);
        if (!pattern)
            return {
                invalid: `patch target ${field}, ${describeValue(written)}, is not a valid regular expression; the patch is not evaluated`,
            };
        patterns[field] = pattern;
    }
    const selectors = {};
    for (const field of ['labelSelector', 'annotationSelector']) {
        const written = (0,model_read/* asString */.oJ)(target[field]);
        if (!written)
            continue;
        const requirements = parseSelector(written);
        if (!requirements)
            return {
                invalid: `patch target ${field}, ${describeValue(written)}, is not a valid selector; the patch is not evaluated`,
            };
        selectors[field] = requirements;
    }
    const matches = (pattern, value) => !pattern || patternMatches(pattern, value);
    return (resource, namespaces) => {
        const slash = resource.apiVersion.indexOf('/');
        return (matches(patterns.group, apiGroup(resource.apiVersion)) &&
            matches(patterns.version, resource.apiVersion.slice(slash + 1)) &&
            matches(patterns.kind, resource.kind) &&
            matches(patterns.name, resource.name) &&
            (!patterns.namespace ||
                namespaces().some((namespace) => matches(patterns.namespace, effectiveNamespace(resource.kind, namespace)))) &&
            (!selectors.labelSelector || kustomize_target_selects(selectors.labelSelector, resource.labels)) &&
            (!selectors.annotationSelector || kustomize_target_selects(selectors.annotationSelector, resource.annotations)));
    };
}
const KEY = String.raw `[A-Za-z0-9][-A-Za-z0-9_./]*`;
const VALUE = String.raw `[-A-Za-z0-9_.]*`;
const EXISTS = new RegExp(String.raw `^(!?)\s*(${KEY})$`);
const EQUALS = new RegExp(String.raw `^(${KEY})\s*(==|=|!=)\s*(${VALUE})$`);
const IN = new RegExp(String.raw `^(${KEY})\s+(in|notin)\s*\(([^()]*)\)$`);
const COMPARE = new RegExp(String.raw `^(${KEY})\s*([<>])\s*(-?\d+)$`);
/**
 * A Kubernetes selector string (`a=b,c!=d,e in (x,y),!f,g`, as k8s.io/apimachinery labels.Parse reads it), or
 * undefined when it is not one.
 */
function parseSelector(text) {
    const parts = [];
    let depth = 0;
    let start = 0;
    for (let index = 0; index < text.length; index++) {
        const char = text[index];
        if (char === '(')
            depth++;
        else if (char === ')')
            depth--;
        else if (char === ',' && depth === 0) {
            parts.push(text.slice(start, index));
            start = index + 1;
        }
    }
    parts.push(text.slice(start));
    if (parts.length === 1 && parts[0].trim() === '')
        return [];
    const requirements = [];
    for (const part of parts.map((item) => item.trim())) {
        let match;
        if ((match = EXISTS.exec(part)))
            requirements.push({ key: match[2], operator: match[1] ? 'DoesNotExist' : 'Exists' });
        else if ((match = EQUALS.exec(part)))
            requirements.push({ key: match[1], operator: match[2] === '!=' ? 'NotIn' : 'In', values: [match[3]] });
        else if ((match = IN.exec(part))) {
            const values = match[3].split(',').map((value) => value.trim());
            if (!values.every((value) => new RegExp(`^${VALUE}$`).test(value)))
                return undefined;
            requirements.push({ key: match[1], operator: match[2] === 'in' ? 'In' : 'NotIn', values });
        }
        else if ((match = COMPARE.exec(part)))
            requirements.push({ key: match[1], operator: match[2] === '>' ? 'Gt' : 'Lt', values: [match[3]] });
        else
            return undefined;
    }
    return requirements;
}
function kustomize_target_selects(requirements, labels) {
    return requirements.every((requirement) => {
        if (requirement.operator !== 'Gt' && requirement.operator !== 'Lt')
            return requirementMatches(requirement, labels);
        const value = labels[requirement.key];
        if (!Object.hasOwn(labels, requirement.key) || !/^-?\d+$/.test(value))
            return false;
        const bound = Number(requirement.values[0]);
        return requirement.operator === 'Gt' ? Number(value) > bound : Number(value) < bound;
    });
}

;// CONCATENATED MODULE: ./src/model/kustomize.ts












const KUSTOMIZATION_FILE = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;
function isKustomizationFile(path) {
    return KUSTOMIZATION_FILE.test(path);
}
/** The kustomization documents of the repository (a `kustomization.yaml` has no `metadata.name`, so it is plain). */
function kustomizations(repo) {
    return repo.plainDocuments.filter((document) => isKustomizationFile(document.file) && document.index === 0);
}
/** ConfigMaps made by `configMapGenerator` from files (`files: [key=path]` or `[path]`, key = file name). */
function generatedConfigMaps(kustomization) {
    const dir = dirname(kustomization.file);
    const namespace = (0,model_read/* asString */.oJ)((0,model_read/* asRecord */.qY)(kustomization.value)?.namespace);
    return (0,model_read/* asArray */._j)((0,model_read/* asRecord */.qY)(kustomization.value)?.configMapGenerator).flatMap((raw, index) => {
        const generator = (0,model_read/* asRecord */.qY)(raw);
        const name = (0,model_read/* asString */.oJ)(generator?.name);
        if (!name)
            return [];
        const files = new Map();
        for (const entry of (0,model_read/* asArray */._j)(generator?.files).map(model_read/* asString */.oJ)) {
            if (!entry)
                continue;
            const equals = entry.indexOf('=');
            const key = equals < 0 ? entry.split('/').pop() : entry.slice(0, equals);
            const path = joinPath(dir, equals < 0 ? entry : entry.slice(equals + 1));
            if (path)
                files.set(key, path);
        }
        const ns = (0,model_read/* asString */.oJ)(generator?.namespace) ?? namespace;
        const line = kustomization.lineAt(['configMapGenerator', index]) ?? kustomization.line;
        const behavior = generator?.behavior;
        return [
            {
                name,
                ...(ns ? { namespace: ns } : {}),
                files,
                origin: { file: kustomization.file, line },
                ...(behavior === 'merge' || behavior === 'replace' ? { behavior } : {}),
            },
        ];
    });
}
/**
 * Objects the namespace transformer leaves alone (cluster-scoped), with the Sail operator's cluster-scoped kinds; a
 * Namespace gets the namespace as its name.
 */
const CLUSTER_SCOPED = new Set([
    ...BUILT_IN_CLUSTER_SCOPED,
    'Istio',
    'IstioCNI',
    'IstioRevision',
    'IstioRevisionTag',
    'ZTunnel',
]);
/** Whether objects of `kind` have no namespace: Namespace itself, and the kinds the namespace transformer skips. */
function isClusterScoped(kind) {
    return kind === 'Namespace' || CLUSTER_SCOPED.has(kind);
}
const REMOTE_HOSTS = ['github.com/', 'gitlab.com/', 'bitbucket.org/'];
/**
 * Whether kustomize reads a `resources` entry as a git repository (api/internal/git/repospec.go): a URL, an scp-like
 * `git@host:` address, a known host, a `?ref=`, or a host of its own with a `.git` repository path; go-getter's
 * `git::` prefix is stripped first.
 */
function isRemote(written) {
    const entry = written.replace(/^git::/i, '');
    return (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry) ||
        REMOTE_HOSTS.some((host) => entry.startsWith(host)) ||
        entry.includes('?ref=') ||
        entry.startsWith('git@') ||
        /^[^./][^/]*\.[^/]+\/.*\.git(\/|\?|$)/.test(entry));
}
/** Reads every kustomization: its namespace, the files and folders it lists, and what it cannot follow. */
function kustomizeNodes(repo, notEvaluable) {
    const documents = kustomizations(repo);
    if (!lastNodes || !sameItems(lastNodes.documents, documents) || listsChangedFile(lastNodes, repo.files))
        lastNodes = { documents, files: repo.files, ...readNodes(repo, documents) };
    for (const note of lastNodes.remote)
        notEvaluable.push({ ...note });
    return lastNodes.nodes;
}
/**
 * The nodes of the side read last. The other side of most pull requests has the same kustomization documents (the
 * same parses: base and head share them), and the files it adds or deletes are not listed by any of them, so it has
 * the same nodes: its kustomize trees, the bulk of a model build in a big repository, are then neither read nor
 * walked again. Nodes are never changed once read.
 */
let lastNodes;
function readNodes(repo, documents) {
    const nodes = new Map();
    const remote = [];
    const listed = new Set();
    const dirs = new Set(documents.map((document) => dirname(document.file)));
    for (const document of documents) {
        const listing = listedBy(document);
        const node = { dir: listing.dir, document, files: [], children: [] };
        if (listing.namespace)
            node.namespace = listing.namespace;
        for (const note of listing.remote)
            remote.push(note);
        for (const path of listing.paths) {
            listed.add(path);
            if (dirs.has(path))
                node.children.push(path);
            else if (repo.files.has(path))
                node.files.push(path);
        }
        const components = listing.components.filter((path) => dirs.has(path));
        if (components.length > 0)
            node.components = components;
        nodes.set(listing.dir, node);
    }
    return { nodes, remote, listed };
}
function sameItems(a, b) {
    return a.length === b.length && a.every((item, index) => item === b[index]);
}
/** Whether a file that one side has and the other has not is listed by a kustomization. */
function listsChangedFile(read, files) {
    const listedAndMissing = (from, to) => {
        for (const path of from.keys())
            if (!to.has(path) && read.listed.has(path))
                return true;
        return false;
    };
    return read.files !== files && (listedAndMissing(read.files, files) || listedAndMissing(files, read.files));
}
/** Read once per document: base and head share the parse of every kustomization a pull request left alone. */
const listings = new WeakMap();
function listedBy(document) {
    const known = listings.get(document);
    if (known)
        return known;
    const dir = dirname(document.file);
    const value = (0,model_read/* asRecord */.qY)(document.value) ?? {};
    const listing = { dir, paths: [], components: [], remote: [] };
    const namespace = (0,model_read/* asString */.oJ)(value.namespace);
    if (namespace)
        listing.namespace = namespace;
    for (const key of ['resources', 'components', 'bases']) {
        (0,model_read/* asArray */._j)(value[key]).forEach((raw, index) => {
            const entry = (0,model_read/* asString */.oJ)(raw);
            if (!entry)
                return;
            if (isRemote(entry)) {
                listing.remote.push({
                    file: document.file,
                    line: document.lineAt([key, index]) ?? document.line,
                    reason: `remote kustomize base ${entry} is not evaluated`,
                });
                return;
            }
            const path = joinPath(dir, entry);
            if (path === undefined)
                return;
            listing.paths.push(path);
            if (key === 'components')
                listing.components.push(path);
        });
    }
    listings.set(document, listing);
    return listing;
}
/** Kustomizations no other kustomization lists: what `kubectl apply -k` or an entry point builds. */
function rootDirs(nodes, entryPoints) {
    const listed = new Set([...nodes.values()].flatMap((node) => node.children));
    const tops = [...nodes.keys()].filter((dir) => !listed.has(dir)).sort();
    const preferred = entryPoints.filter((dir) => nodes.has(dir));
    return [...new Set([...preferred, ...tops])];
}
/**
 * Visits a kustomization tree depth first, bases before the kustomization that lists them. `ancestors` gives the
 * kustomizations that list the visited one, on demand during the visit.
 */
function walkTree(nodes, root, visit) {
    const stack = new Set();
    const go = (dir, outerNamespace) => {
        const node = nodes.get(dir);
        if (!node || stack.has(dir))
            return;
        stack.add(dir);
        // An outer kustomization's `namespace:` overrides the ones of the bases it lists; a component's transformers run
        // on what its parent gathered, before the parent's own.
        const namespace = outerNamespace ?? node.namespace ?? componentsNamespace(nodes, node, new Set([dir]));
        for (const child of node.children)
            go(child, namespace);
        // Called during the visit, while `stack` holds the ancestors.
        visit(node, namespace, () => [...stack].filter((other) => other !== dir));
        stack.delete(dir);
    };
    go(root, undefined);
}
/**
 * The namespace the components of `node` give everything it gathers: the last component that sets one wins, and a
 * component's own `namespace:` runs after the components it lists (kustomize api/internal/target/kusttarget.go,
 * accumulateTarget: components, then transformers).
 */
function componentsNamespace(nodes, node, seen) {
    let namespace;
    for (const dir of node.components ?? []) {
        const component = nodes.get(dir);
        if (!component || seen.has(dir))
            continue;
        seen.add(dir);
        namespace = component.namespace ?? componentsNamespace(nodes, component, seen) ?? namespace;
    }
    return namespace;
}
/**
 * The kustomization whose gathered resources a visited kustomization transforms, with that one's ancestors: itself,
 * or for a component the nearest kustomization above it that lists it (through components of components) not as a
 * component. kustomize adds a component to its parent's accumulator (api/internal/target/kusttarget.go,
 * accumulateDirectory), so its patches reach the parent's resources. Everything the parent gathers is taken, also
 * what components listed after this one add: their objects are rarely what an earlier component's patch targets.
 */
function transformScope(nodes, dir, chain) {
    let scope = dir;
    let index = chain.length;
    while (index > 0 && nodes.get(chain[index - 1])?.components?.includes(scope))
        scope = chain[--index];
    return { dir: scope, ancestors: chain.slice(0, index) };
}
/**
 * The namespace each file of a kustomization's tree has when the kustomization's own transformers run: the one the
 * kustomizations it lists gave (its own `namespace:` comes after its patches).
 */
function namespacesBelow(nodes, dir, ancestors) {
    const namespaces = new Map();
    for (const child of nodes.get(dir)?.children ?? []) {
        if (child === dir || ancestors.includes(child))
            continue;
        walkTree(nodes, child, (node, namespace) => {
            if (namespace)
                for (const file of node.files)
                    if (!namespaces.has(file))
                        namespaces.set(file, namespace);
        });
    }
    return namespaces;
}
/**
 * The files a kustomization builds from: its own and those of every base below it. A base that lists one of
 * `ancestors` (a cycle) does not bring their files back.
 */
function subtreeFiles(nodes, root, ancestors = []) {
    const files = new Set();
    const seen = new Set(ancestors);
    const go = (dir) => {
        const node = nodes.get(dir);
        if (!node || seen.has(dir))
            return;
        seen.add(dir);
        for (const child of node.children)
            go(child);
        for (const file of node.files)
            files.add(file);
    };
    go(root);
    return files;
}
/**
 * Applies what kustomize would do to the objects of the repository, without the binary: the `namespace:`
 * transformer, simple strategic-merge and JSON6902 patches, and `helmCharts` values. Objects reached from
 * several roots take the first root's namespace (entry points first) and the difference is reported.
 */
function applyKustomizations(repo, notEvaluable, nodes, entryPoints = []) {
    const walk = walkOnce(nodes, entryPoints);
    const chartValues = [];
    for (const { node, namespace, scope, ancestors } of walk.transforming) {
        const document = node.document;
        let files;
        const subtree = () => (files ??= subtreeFiles(nodes, scope, ancestors));
        let below;
        const givenBelow = (file) => (below ??= namespacesBelow(nodes, scope, ancestors)).get(file);
        // patchesJson6902 run after this kustomization's own `namespace:`.
        const givenHere = (file) => node.namespace ?? givenBelow(file);
        // kustomize's order (api/internal/target/kusttarget_configplugin.go, configureBuiltinTransformers): patches,
        // then namespace, names, labels and annotations, then the deprecated patchesJson6902. The namespace is given
        // after every patch here; a patch target's namespace is matched against the one the object has at its turn.
        applyPatches(repo, document, subtree, givenBelow, notEvaluable, ['patchesStrategicMerge', 'patches']);
        applyMetadata(repo, document, subtree);
        applyPatches(repo, document, subtree, givenHere, notEvaluable, ['patchesJson6902']);
        chartValues.push(...helmChartValues(repo, document, namespace, notEvaluable));
    }
    // Only files holding an object of a kind the rules can read differ for them: a shared folder of a broker's custom
    // resources in two namespaces changes nothing they see. The kinds are the pre-filter's, so the note does not
    // depend on whether it ran.
    const readFiles = new Set(repo.resources
        .filter((r) => isKeptKind(r.kind, r.apiVersion) || kustomize_WORKLOADS.has(r.kind))
        .map((r) => r.origin.file));
    for (const conflict of walk.conflicts) {
        const files = conflict.files.filter((file) => readFiles.has(file));
        if (files.length > 0)
            notEvaluable.push(conflictNote({ ...conflict, files }));
    }
    if (repo.generatedConfigMaps.some((generated) => generated.behavior))
        repo.generatedConfigMaps = mergedGenerators(repo.generatedConfigMaps, nodes);
    // Patch files are not objects of the cluster: they only change the objects they target.
    const { unlistedPatchFiles } = walk;
    if (unlistedPatchFiles.size > 0)
        repo.resources = repo.resources.filter((r) => !unlistedPatchFiles.has(r.origin.file));
    const leftOut = leftOutOfTheirFolder(repo, nodes);
    if (leftOut.size > 0) {
        const noted = [...leftOut].filter((file) => readFiles.has(file) && !unlistedPatchFiles.has(file));
        notEvaluable.push(...leftOutNotes(nodes, noted));
        repo.resources = repo.resources.filter((r) => !leftOut.has(r.origin.file));
    }
    for (const resource of repo.resources) {
        const assigned = walk.namespaces.get(resource.origin.file);
        if (!assigned)
            continue;
        if (resource.kind === 'Namespace')
            resource.name = assigned.namespace;
        else if (!CLUSTER_SCOPED.has(resource.kind))
            resource.namespace = assigned.namespace;
    }
    return { chartValues };
}
/**
 * The files that sit beside a kustomization that does not list them, when no other kustomization does either. Flux
 * and Argo CD build a folder that has a kustomization file with kustomize, which reads only what it lists; Flux
 * generates one listing every file only where none exists (fluxcd/pkg kustomize/kustomize_generator.go,
 * findOrGenerateKustomization). A file taken out by commenting its line (`# - ./istio-config.yaml  # disabled`,
 * enchantednatures/HomeCluster) is no object of the cluster.
 */
function leftOutOfTheirFolder(repo, nodes) {
    const listed = new Set([...nodes.values()].flatMap((node) => node.files));
    const leftOut = new Set();
    for (const file of repo.files.keys())
        if (!listed.has(file) && !isKustomizationFile(file) && nodes.get(dirname(file))?.document)
            leftOut.add(file);
    return leftOut;
}
/**
 * One note per folder whose kustomization leaves out files holding objects the rules read: the objects are not
 * checked, so a file applied by hand (`kubectl apply -f`) would go unseen without it.
 */
function leftOutNotes(nodes, files) {
    const byFolder = new Map();
    for (const file of files) {
        const dir = dirname(file);
        const left = byFolder.get(dir);
        if (left)
            left.push(file);
        else
            byFolder.set(dir, [file]);
    }
    return [...byFolder].map(([dir, left]) => {
        const document = nodes.get(dir).document;
        const what = firstAndMore(left, OVERLAYS_NAMED);
        return {
            file: document.file,
            line: document.line,
            reason: `not listed by this kustomization, so not read as objects of the cluster: ${what} (kustomize applies ` +
                `only what a folder's kustomization lists; list a file to have it checked)`,
        };
    });
}
/** The walk of the nodes walked last, for the other side when its nodes are the same (see {@link lastNodes}). */
let lastWalk;
function walkOnce(nodes, entryPoints) {
    if (lastWalk?.nodes !== nodes || !sameItems(lastWalk.entryPoints, entryPoints))
        lastWalk = { nodes, entryPoints: [...entryPoints], walk: walkKustomizations(nodes, entryPoints) };
    return lastWalk.walk;
}
function walkKustomizations(nodes, entryPoints) {
    const transforming = [];
    const namespaces = new Map();
    // One note per shared folder, not per file or per pair of overlays: a base shared by a prod and a staging overlay
    // is the usual layout, and a component listed by every app folder (solanyn/home-ops alerts) has dozens.
    const conflicts = new Map();
    const visited = new Set();
    const componentDirs = new Set([...nodes.values()].flatMap((node) => node.components ?? []));
    for (const root of rootDirs(nodes, entryPoints)) {
        walkTree(nodes, root, (node, namespace, ancestors) => {
            if (node.document) {
                // A component transforms each kustomization that lists it: one visit per such kustomization.
                const scope = componentDirs.has(node.dir) ? transformScope(nodes, node.dir, ancestors()) : undefined;
                const key = scope && scope.dir !== node.dir ? `${scope.dir}\n${node.dir}` : node.dir;
                if (!visited.has(key)) {
                    visited.add(key);
                    if (transformsObjects(node.document))
                        transforming.push({
                            node,
                            namespace,
                            scope: scope?.dir ?? node.dir,
                            ancestors: scope?.ancestors ?? ancestors(),
                        });
                }
            }
            if (!namespace)
                return;
            for (const file of node.files) {
                const previous = namespaces.get(file);
                if (!previous)
                    namespaces.set(file, { namespace, root });
                else if (previous.namespace !== namespace && previous.root !== root) {
                    // A namespace filled in at deploy time (a preview overlay's `namespace: ${BRANCH_NAME}`,
                    // PHACDataHub/cpho-phase2) names no namespace of the cluster; another overlay's literal one does.
                    const used = (0,placeholders/* isPlaceholder */.wK)(previous.namespace) && !(0,placeholders/* isPlaceholder */.wK)(namespace) ? { namespace, root } : previous;
                    namespaces.set(file, used);
                    const conflict = conflicts.get(node.dir) ?? {
                        node,
                        overlays: new Set(),
                        files: [],
                    };
                    conflicts.set(node.dir, conflict);
                    conflict.overlays.add(`${previous.root}: ${previous.namespace}`);
                    conflict.overlays.add(`${root}: ${namespace}`);
                    if (!conflict.files.includes(file))
                        conflict.files.push(file);
                }
            }
        });
    }
    const patchFiles = [...nodes.values()].flatMap((node) => node.document ? patchFilePaths(node.document) : []);
    const listed = new Set(patchFiles.length > 0 ? [...nodes.values()].flatMap((node) => node.files) : []);
    const unlistedPatchFiles = new Set(patchFiles.filter((file) => !listed.has(file)));
    const conflictList = [...conflicts.values()].map((conflict) => ({
        ...conflict,
        used: namespaces.get(conflict.files[0]),
    }));
    return { transforming, namespaces, conflicts: conflictList, unlistedPatchFiles };
}
/** Keys of a kustomization that change objects or add chart values (most only list resources and a namespace). */
const TRANSFORMING_KEYS = [
    'patchesStrategicMerge',
    'patches',
    'patchesJson6902',
    'helmCharts',
    'labels',
    'commonLabels',
    'commonAnnotations',
];
function transformsObjects(kustomization) {
    const value = (0,model_read/* asRecord */.qY)(kustomization.value);
    return TRANSFORMING_KEYS.some((key) => {
        const entry = value?.[key];
        return (0,model_read/* asArray */._j)(entry).length > 0 || Object.keys((0,model_read/* asRecord */.qY)(entry) ?? {}).length > 0;
    });
}
/**
 * The ConfigMaps the generators make once those with `behavior: merge` or `replace` have changed the one of the same
 * name from a kustomization they build on (kustomize api/resmap/reswrangler.go, appendReplaceOrMerge; merge keeps the
 * base's keys the overlay does not write). Inner kustomizations first, so an overlay of an overlay changes what the
 * first made of the base; a base that two overlays change keeps the first one's change. A generator with nothing to
 * change stays as it is (kustomize fails on it).
 */
function mergedGenerators(generated, nodes) {
    const below = new Map();
    const dirsBelow = (dir) => {
        let dirs = below.get(dir);
        if (!dirs) {
            const found = new Set();
            walkTree(nodes, dir, (node) => {
                if (node.dir !== dir)
                    found.add(node.dir);
            });
            below.set(dir, (dirs = found));
        }
        return dirs;
    };
    const result = [...generated];
    const changing = generated
        .filter((entry) => entry.behavior)
        .map((entry) => ({ entry, dirs: dirsBelow(dirname(entry.origin.file)) }))
        .sort((a, b) => a.dirs.size - b.dirs.size);
    /** The kustomization that last changed a ConfigMap: only one that builds on it changes it again. */
    const changedBy = new Map();
    for (const { entry, dirs } of changing) {
        const index = result.findIndex((base) => base !== entry && base.name === entry.name && dirs.has(dirname(base.origin.file)));
        if (index < 0)
            continue;
        const base = result[index];
        const previous = changedBy.get(base);
        if (previous !== undefined && !dirs.has(previous))
            continue;
        const files = entry.behavior === 'replace' ? entry.files : new Map([...base.files, ...entry.files]);
        const merged = { ...base, files };
        changedBy.set(merged, dirname(entry.origin.file));
        result[index] = merged;
        result.splice(result.indexOf(entry), 1);
    }
    return result;
}
const kustomize_WORKLOADS = new Set(WORKLOAD_KINDS);
/** Overlays a note names; the rest are counted. */
const OVERLAYS_NAMED = 3;
function conflictNote({ node, overlays, files, used, }) {
    const what = files.length === 1 ? files[0] : `the ${files.length} files of ${node.dir || 'the top folder'}`;
    // The overlay whose namespace is used first, then the others as walked.
    const first = `${used.root}: ${used.namespace}`;
    const listed = [first, ...[...overlays].filter((overlay) => overlay !== first)];
    const named = firstAndMore(listed, OVERLAYS_NAMED);
    return {
        file: node.document?.file ?? files[0],
        line: node.document?.line ?? 1,
        reason: `kustomize overlays set different namespaces for ${what} (${named}); ${used.namespace} is used`,
    };
}
/** The patches a kustomization lists under `keys`, each with its parsed content and target. */
function patchSpecs(repo, kustomization, keys) {
    const dir = dirname(kustomization.file);
    const value = (0,model_read/* asRecord */.qY)(kustomization.value) ?? {};
    const specs = [];
    const content = (path, inline, file) => {
        if (typeof inline === 'string')
            return { documents: kustomization.nestedAt(path)?.documents ?? [] };
        const target = typeof file === 'string' ? joinPath(dir, file) : undefined;
        const parsed = target ? repo.files.get(target) : undefined;
        if (target && !parsed)
            return { documents: [], unread: target };
        return { documents: parsed?.documents ?? [] };
    };
    if (keys.includes('patchesStrategicMerge'))
        (0,model_read/* asArray */._j)(value.patchesStrategicMerge).forEach((raw, index) => {
            const text = (0,model_read/* asString */.oJ)(raw) ?? '';
            const inline = text.includes('\n') || text.includes(':') ? text : undefined;
            const line = kustomization.lineAt(['patchesStrategicMerge', index]) ?? kustomization.line;
            specs.push({ ...content(['patchesStrategicMerge', index], inline, inline ? undefined : text), line });
        });
    for (const key of ['patches', 'patchesJson6902']) {
        if (!keys.includes(key))
            continue;
        (0,model_read/* asArray */._j)(value[key]).forEach((raw, index) => {
            const entry = (0,model_read/* asRecord */.qY)(raw) ?? {};
            const line = kustomization.lineAt([key, index]) ?? kustomization.line;
            const read = content([key, index, 'patch'], entry.patch, entry.path);
            const options = (0,model_read/* asRecord */.qY)(entry.options);
            specs.push({
                ...read,
                line,
                ...((0,model_read/* asRecord */.qY)(entry.target) ? { target: (0,model_read/* asRecord */.qY)(entry.target) } : {}),
                options: {
                    allowNameChange: options?.allowNameChange === true,
                    allowKindChange: options?.allowKindChange === true,
                },
            });
        });
    }
    return specs;
}
/** Files that kustomizations use as patches (`path:` entries and `patchesStrategicMerge` file names), once each. */
function patchFilePaths(kustomization) {
    let paths = patchPathsOf.get(kustomization);
    if (!paths)
        patchPathsOf.set(kustomization, (paths = readPatchFilePaths(kustomization)));
    return paths;
}
const patchPathsOf = new WeakMap();
function readPatchFilePaths(kustomization) {
    const dir = dirname(kustomization.file);
    const value = (0,model_read/* asRecord */.qY)(kustomization.value) ?? {};
    const names = [
        ...(0,model_read/* asArray */._j)(value.patchesStrategicMerge)
            .map(model_read/* asString */.oJ)
            .filter((text) => text && !text.includes('\n') && !text.includes(':')),
        ...[...(0,model_read/* asArray */._j)(value.patches), ...(0,model_read/* asArray */._j)(value.patchesJson6902)].map((entry) => (0,model_read/* asString */.oJ)((0,model_read/* asRecord */.qY)(entry)?.path)),
    ];
    return names.flatMap((name) => {
        const path = name ? joinPath(dir, name) : undefined;
        return path ? [path] : [];
    });
}
function applyPatches(repo, kustomization, subtree, givenNamespace, notEvaluable, keys) {
    const specs = patchSpecs(repo, kustomization, keys);
    if (specs.length === 0)
        return;
    const files = subtree();
    for (const spec of specs) {
        if (spec.unread) {
            notEvaluable.push(...unreadPatchNotes(repo, kustomization, spec, spec.unread, files, givenNamespace));
            continue;
        }
        for (const patch of spec.documents) {
            const isJson6902 = Array.isArray(patch.value);
            const own = (0,model_read/* asRecord */.qY)(patch.value);
            const target = spec.target ?? {
                apiVersion: (0,model_read/* asString */.oJ)(own?.apiVersion),
                kind: (0,model_read/* asString */.oJ)(own?.kind),
                name: (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(own, ['metadata', 'name'])),
                namespace: (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(own, ['metadata', 'namespace'])),
            };
            if (!spec.target && !(0,model_read/* asString */.oJ)(target.kind) && !(0,model_read/* asString */.oJ)(target.name))
                continue;
            const where = { file: kustomization.file, line: spec.line };
            const selects = targetTest(target, spec.target !== undefined);
            if ('invalid' in selects) {
                notEvaluable.push({ ...where, reason: selects.invalid });
                continue;
            }
            let selected = repo.resources.flatMap((resource, index) => files.has(resource.origin.file) && selects(resource, namespacesOf(resource, givenNamespace))
                ? [index]
                : []);
            // Where no object has the patch's own apiVersion and namespace, kustomize fails the build ("no resource
            // matches strategic merge patch"); for a patch that names no namespace, the object of that kind and name is
            // what its author meant.
            if (!spec.target && target.namespace === undefined && selected.length === 0)
                selected = repo.resources.flatMap((resource, index) => files.has(resource.origin.file) && resource.kind === target.kind && resource.name === target.name
                    ? [index]
                    : []);
            for (const index of selected) {
                const resource = repo.resources[index];
                const outcome = isJson6902
                    ? applyJson6902(resource.document, patch)
                    : applyStrategicMerge(resource.document, patch, spec.options);
                if ('unsupported' in outcome) {
                    notEvaluable.push({
                        ...where,
                        reason: `${resource.kind} ${resource.name} is changed by an overlay, not evaluated (${outcome.unsupported})`,
                    });
                }
                else if ('deleted' in outcome) {
                    repo.resources[index] = { ...resource, kind: `${resource.kind}(deleted)` };
                }
                else {
                    const replaced = readResource(outcome.document, outcome.document.value);
                    if (replaced)
                        repo.resources[index] = { ...replaced, origin: resource.origin };
                }
            }
        }
    }
    repo.resources = repo.resources.filter((resource) => !resource.kind.endsWith('(deleted)'));
}
/** The namespaces a patch may find an object by: the one written, and the one given before the patch runs, if any. */
function namespacesOf(resource, givenNamespace) {
    return () => {
        const written = resource.namespace;
        return [written, givenNamespace(resource.origin.file) ?? written];
    };
}
/** What a patch whose file is not read would change: the objects its target selects, or the patch itself. */
function unreadPatchNotes(repo, kustomization, spec, path, files, givenNamespace) {
    const where = { file: kustomization.file, line: spec.line };
    const unread = `patch file ${path} is not a YAML file of this repository`;
    if (!spec.target)
        return [{ ...where, reason: `${unread}; the patch is not evaluated` }];
    const selects = targetTest(spec.target, true);
    if ('invalid' in selects)
        return [{ ...where, reason: selects.invalid }];
    return repo.resources
        .filter((resource) => files.has(resource.origin.file) && selects(resource, namespacesOf(resource, givenNamespace)))
        .map((resource) => ({
        ...where,
        reason: `${resource.kind} ${resource.name} is changed by an overlay, not evaluated (${unread})`,
    }));
}
/**
 * `labels[]`, `commonLabels` and `commonAnnotations`, in the order kustomize runs them (the label transformer takes
 * `labels` entries before `commonLabels`: api/internal/target/kusttarget_configplugin.go). `commonLabels` and
 * `commonAnnotations` reach pod templates (api/internal/konfig/builtinpluginconsts/commonlabels.go,
 * commonannotations.go); a `labels` entry does with `includeTemplates` or `includeSelectors`. Selectors, which
 * `commonLabels` also changes, are not read by the model.
 */
function metadataPairs(kustomization) {
    const value = (0,model_read/* asRecord */.qY)(kustomization.value) ?? {};
    const pairsAt = (map, at) => Object.entries((0,model_read/* asRecord */.qY)(map) ?? {}).flatMap(([key, raw]) => typeof raw === 'string' ? [{ key, value: raw, at: [...at, key] }] : []);
    const sets = (0,model_read/* asArray */._j)(value.labels).map((raw, index) => {
        const entry = (0,model_read/* asRecord */.qY)(raw);
        return {
            field: 'labels',
            templates: entry?.includeTemplates === true || entry?.includeSelectors === true,
            pairs: pairsAt(entry?.pairs, ['labels', index, 'pairs']),
        };
    });
    sets.push({ field: 'labels', templates: true, pairs: pairsAt(value.commonLabels, ['commonLabels']) });
    sets.push({
        field: 'annotations',
        templates: true,
        pairs: pairsAt(value.commonAnnotations, ['commonAnnotations']),
    });
    return sets.filter((set) => set.pairs.length > 0);
}
/** A copy of `value` with `pairs` written into the map at `path` (made where missing); the parse is shared. */
function withPairs(value, path, pairs) {
    const root = { ...((0,model_read/* asRecord */.qY)(value) ?? {}) };
    let parent = root;
    for (const key of path) {
        const child = { ...((0,model_read/* asRecord */.qY)(parent[key]) ?? {}) };
        parent[key] = child;
        parent = child;
    }
    for (const pair of pairs)
        parent[pair.key] = pair.value;
    return root;
}
/** Adds a kustomization's labels and annotations to the objects it builds; their lines are the kustomization's. */
function applyMetadata(repo, kustomization, subtree) {
    const sets = metadataPairs(kustomization);
    if (sets.length === 0)
        return;
    const files = subtree();
    repo.resources.forEach((resource, index) => {
        if (!files.has(resource.origin.file))
            return;
        let value = resource.document.value;
        const sources = [];
        const template = isWorkload(resource) ? TEMPLATE_PATHS[resource.kind] : [];
        for (const set of sets) {
            const paths = [['metadata', set.field]];
            if (set.templates && template.length > 0)
                paths.push([...template, 'metadata', set.field]);
            for (const path of paths) {
                value = withPairs(value, path, set.pairs);
                for (const pair of set.pairs)
                    sources.push({ path: [...path, pair.key], document: kustomization, documentPath: pair.at });
            }
        }
        const document = overlayDocument(resource.document, value, sources);
        const replaced = readResource(document, document.value);
        if (replaced)
            repo.resources[index] = { ...replaced, origin: resource.origin };
    });
}
/**
 * `helmCharts[]` values in the order helm gets them from kustomize: `valuesInline` merged into `valuesFile` (inline
 * wins with `valuesMerge: override`, the default; the file wins with `merge`; `replace` drops the file when there
 * are inline values), then each `additionalValuesFiles` entry, which wins over both
 * (api/internal/builtins/HelmChartInflationGenerator.go, createNewMergedValuesFile; api/types/helmchartargs.go).
 */
function helmChartValues(repo, kustomization, namespace, notEvaluable) {
    const dir = dirname(kustomization.file);
    return (0,model_read/* asArray */._j)((0,model_read/* getIn */.O6)(kustomization.value, ['helmCharts'])).flatMap((raw, index) => {
        const entry = (0,model_read/* asRecord */.qY)(raw) ?? {};
        const name = (0,model_read/* asString */.oJ)(entry.name);
        const chart = chartOf(name);
        if (!chart)
            return [];
        const base = ['helmCharts', index];
        const via = `kustomize helmCharts ${name} (${kustomization.file})`;
        const fileLayer = (file, at) => {
            if (!file)
                return [];
            const path = joinPath(dir, file);
            const document = path ? firstDocument(repo, path) : undefined;
            if (document)
                return [documentLayer(document, [], `${via} ${path}`)];
            notEvaluable.push({
                file: kustomization.file,
                line: kustomization.lineAt(at) ?? kustomization.line,
                reason: `helmCharts ${name} values file ${file} is not a YAML file of this repository`,
            });
            return [];
        };
        const inline = Object.keys((0,model_read/* asRecord */.qY)(entry.valuesInline) ?? {}).length > 0;
        const inlineLayers = inline
            ? [documentLayer(kustomization, [...base, 'valuesInline'], `${via} valuesInline`)]
            : [];
        const valuesMerge = (0,model_read/* asString */.oJ)(entry.valuesMerge) ?? 'override';
        const valuesFile = inline && valuesMerge === 'replace'
            ? []
            : fileLayer((0,model_read/* asString */.oJ)(entry.valuesFile), [...base, 'valuesFile']);
        const layers = [
            ...(valuesMerge === 'merge' ? [...inlineLayers, ...valuesFile] : [...valuesFile, ...inlineLayers]),
            ...(0,model_read/* asArray */._j)(entry.additionalValuesFiles).flatMap((file, fileIndex) => fileLayer((0,model_read/* asString */.oJ)(file), [...base, 'additionalValuesFiles', fileIndex])),
        ];
        const releaseNamespace = (0,model_read/* asString */.oJ)(entry.namespace) ?? namespace;
        // The entry's own fields are read too (chart version = Istio version, release namespace); an Argo CD plugin
        // substitutes `${ARGOCD_ENV_*}` there before kustomize runs.
        for (const field of ['version', 'namespace'])
            notEvaluable.push(...(0,placeholders/* scanPlaceholders */.m7)(kustomization, [...base, field], entry[field], `helmCharts ${name}`));
        return [
            layeredChartValues(chart, layers, {
                via,
                origin: {
                    file: kustomization.file,
                    line: kustomization.lineAt([...base, 'name']) ?? kustomization.line,
                },
                ...(releaseNamespace ? { releaseNamespace } : {}),
                ...((0,model_read/* asString */.oJ)(entry.version) ? { chartVersion: (0,model_read/* asString */.oJ)(entry.version) } : {}),
                releaseName: (0,model_read/* asString */.oJ)(entry.releaseName) ?? name,
                fallback: { document: kustomization, valuesPath: [...base, 'valuesInline'] },
            }),
        ];
    });
}
/** Files under a folder, for a Flux Kustomization whose path has no kustomization.yaml. */
function filesUnder(files, dir) {
    const prefix = dir === '' ? '' : `${dir}/`;
    return [...files.keys()].filter((file) => file.startsWith(prefix)).sort();
}
/** A repository path from an entry point's `./clusters/prod` style path. */
function entryDir(path) {
    return path === undefined ? undefined : normalizePath(path.replace(/^\.\//, ''));
}

;// CONCATENATED MODULE: ./src/model/deployment.ts


/** The files one kustomize tree builds from: its objects and its kustomizations (which hold the patches). */
function treeFiles(nodes, root) {
    const files = new Set();
    walkTree(nodes, root, (node) => {
        if (node.document)
            files.add(node.document.file);
        for (const file of node.files)
            files.add(file);
    });
    return files;
}
/** An Argo CD directory source applies the files of its folder, and of the folders below with `recurse`. */
function inDirectory(file, dir, recurse) {
    const prefix = dir === '' ? '' : `${dir}/`;
    if (!file.startsWith(prefix))
        return false;
    return recurse || !file.slice(prefix.length).includes('/');
}
/**
 * How the object of `file` is applied: by a Flux Kustomization, an Argo CD Application, or `kubectl apply -k` of a
 * kustomization no other lists, in that order; empty when none of them builds the file (a plain
 * `kubectl apply -f`). Of several of one tool, those whose tree also holds `alsoFile` (the file that set the field
 * in question, e.g. an overlay's patch) come first.
 */
function deployersOf(model, file, alsoFile) {
    const { nodes, fluxes, argoSources } = model.deployment;
    const found = [];
    for (const { resource, root } of fluxes) {
        const tree = treeFiles(nodes, root);
        if (tree.has(file))
            found.push({
                deployer: { tool: 'flux', name: resource.name, namespace: resource.namespace ?? 'flux-system' },
                tree,
            });
    }
    for (const { resource, dir, recurse } of argoSources) {
        const kustomized = !!nodes.get(dir)?.document;
        const tree = kustomized ? treeFiles(nodes, dir) : new Set();
        if (kustomized ? tree.has(file) : inDirectory(file, dir, recurse))
            found.push({
                deployer: {
                    tool: 'argo',
                    name: resource.name,
                    ...(resource.namespace ? { namespace: resource.namespace } : {}),
                },
                tree,
            });
    }
    // Only kustomization files are roots for `kubectl apply -k`: the nodes Flux adds have no document.
    const kustomizations = new Map([...nodes].filter(([, node]) => node.document));
    for (const dir of rootDirs(kustomizations, [])) {
        const tree = treeFiles(kustomizations, dir);
        if (tree.has(file))
            found.push({ deployer: { tool: 'kustomize', dir }, tree });
    }
    const rank = ({ deployer, tree }) => ['flux', 'argo', 'kustomize'].indexOf(deployer.tool) * 2 + (alsoFile && tree.has(alsoFile) ? 0 : 1);
    return found
        .map((entry, index) => ({ entry, index }))
        .sort((a, b) => rank(a.entry) - rank(b.entry) || a.index - b.index)
        .map(({ entry }) => entry.deployer);
}
/**
 * Whether the kustomize tree at `dir` inflates Helm charts (`helmCharts` in a kustomization it builds): kustomize then
 * needs `--enable-helm`, which `kubectl apply -k` cannot pass (kubernetes/kubectl#1144, "must specify --enable-helm").
 */
function inflatesHelmCharts(model, dir) {
    let found = false;
    walkTree(model.deployment.nodes, dir, (node) => {
        if ((0,model_read/* asArray */._j)((0,model_read/* getIn */.O6)(node.document?.value, ['helmCharts'])).length > 0)
            found = true;
    });
    return found;
}
/** `spec.source.directory.recurse` (or the one of a `spec.sources[]` entry) of an Argo CD Application. */
function argoRecurse(source) {
    return (0,model_read/* getIn */.O6)(source, ['directory', 'recurse']) === true;
}

;// CONCATENATED MODULE: ./src/rules/enable-istio-reapply.ts






const enable_istio_reapply_id = 'enable-istio-reapply';
/** Components the operator made Istio objects for (reference/dynatrace.md §1.2). */
function istioComponents(dynakube) {
    return [
        'operator',
        ...(injectsCodeModules(dynakube) ? ['oneagent'] : []),
        // An ActiveGate runs for a capability or for extensions (`hasActiveGate`); `--ignore-not-found` covers a
        // section that started none.
        ...(dynakube.activeGate || hasActiveGate(dynakube) ? ['activegate'] : []),
    ];
}
function namespaceOf(model, dynakube) {
    return dynakube.namespace ?? operatorNamespaces(model)[0].value;
}
/** The same DynaKube on the base side: same name and namespace, preferably in the same file. */
function baseOf(base, dynakube) {
    const same = base.dynakubes.filter((old) => old.name === dynakube.name && (old.namespace ?? '') === (dynakube.namespace ?? ''));
    return same.find((old) => old.document.file === dynakube.document.file) ?? same[0];
}
/** Commands that remove the ServiceEntries and VirtualServices the operator made while `enableIstio` was on. */
function cleanupCommands(before, namespace) {
    const components = istioComponents(before);
    const fqdn = components.map((component) => `${before.name}-fqdn-${component}`);
    const ip = components.map((component) => `${before.name}-ip-${component}`);
    return [
        `kubectl delete serviceentries.networking.istio.io,virtualservices.networking.istio.io -n ${namespace} --ignore-not-found ${fqdn.join(' ')}`,
        `kubectl delete serviceentries.networking.istio.io -n ${namespace} --ignore-not-found ${ip.join(' ')}`,
    ];
}
/**
 * The apply that recreates the DynaKube as the cluster has it: a kustomization that patches the DynaKube renders
 * another object than its file, so `kubectl apply -f` of that file would recreate it without the overlay's
 * `enableIstio`. A DynaKube that Flux or Argo CD deploys is applied again by them.
 */
function reapplyOf(model, dynakube) {
    const setBy = dynakube.enableIstio.defaulted ? undefined : dynakube.enableIstio.origin.file;
    const deployer = deployersOf(model, dynakube.origin.file, setBy)[0];
    switch (deployer?.tool) {
        case 'flux':
            return {
                command: `flux reconcile kustomization ${deployer.name} -n ${deployer.namespace} --with-source`,
                how: `let Flux Kustomization ${deployer.namespace}/${deployer.name} apply it again`,
            };
        case 'argo': {
            const app = deployer.namespace && deployer.namespace !== 'argocd'
                ? `${deployer.namespace}/${deployer.name}`
                : deployer.name;
            return { command: `argocd app sync ${app}`, how: `let Argo CD Application ${app} sync it again` };
        }
        case 'kustomize': {
            const dir = deployer.dir === '' ? '.' : deployer.dir;
            return {
                // kubectl's `apply -k` has no `--enable-helm`; `kubectl kustomize` has (kubectl reference, kubectl kustomize).
                command: inflatesHelmCharts(model, deployer.dir)
                    ? `kubectl kustomize ${dir} --enable-helm | kubectl apply -f -`
                    : `kubectl apply -k ${dir}`,
                how: `apply the kustomization ${dir} that renders it again`,
            };
        }
        default:
            return { command: `kubectl apply -f ${dynakube.origin.file}`, how: 'apply it again' };
    }
}
const enableIstioReapply = {
    meta: {
        id: enable_istio_reapply_id,
        severity: 'warning',
        description: 'Changing `enableIstio` takes effect only after the DynaKube is deleted and applied again.',
        docs: docsUrl(enable_istio_reapply_id),
        fixable: true,
    },
    check({ head, base }) {
        if (!base)
            return [];
        const findings = [];
        for (const dynakube of head.dynakubes) {
            const before = baseOf(base, dynakube);
            if (!before || before.enableIstio.value === dynakube.enableIstio.value)
                continue;
            const namespace = namespaceOf(head, dynakube);
            const switchedOff = before.enableIstio.value;
            const reapply = reapplyOf(head, dynakube);
            const commands = [
                `kubectl delete dynakube ${dynakube.name} -n ${namespace}`,
                reapply.command,
                ...(switchedOff ? cleanupCommands(before, namespace) : []),
            ];
            const leftovers = switchedOff
                ? ` With enableIstio off the operator does not remove the ServiceEntries and VirtualServices it made ` +
                    `(${before.name}-fqdn-operator stays behind) while the DynaKube exists; deleting the DynaKube removes them ` +
                    `through their owner references, and the last commands delete any that remain.`
                : '';
            findings.push({
                message: `DynaKube ${dynakube.name} switches enableIstio ${switchedOff ? 'off' : 'on'}. ` +
                    `"Changes to the enableIstio attribute require you to remove and reapply your DynaKube for the update to take effect."` +
                    leftovers,
                origin: dynakube.enableIstio.defaulted ? dynakube.origin : dynakube.enableIstio.origin,
                resource: resourceId(dynakube),
                field: 'spec.enableIstio',
                subject: dynakube,
                fix: {
                    description: `Delete DynaKube ${dynakube.name} and ${reapply.how} once this change is merged${switchedOff ? ', then remove any Istio objects the operator made for it that remain' : ''}.`,
                    edits: [],
                    commands,
                },
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/dynatrace-consumers.ts



/** An ordinary pod of `namespace` gets a sidecar (namespace-level enrolment; pod opt-ins are not known). */
function namespaceHasSidecars(model, namespace) {
    return (podMeshMembership(model, { namespace, labels: {}, annotations: {}, hostNetwork: false })?.mode ===
        'sidecar');
}
/** Per model: each namespace's first workload whose pods run with a sidecar (see {@link sidecarWorkloadPod}). */
const sidecarWorkloadPods = new WeakMap();
/**
 * The pod of a workload of `namespace` in the repository that runs with a sidecar, even where the namespace does not
 * enrol its pods: a pod opt-in, or a template `istioctl kube-inject` already injected (stefanprodan/gitops-istio
 * keeps its apps that way, in a namespace labelled `istio-injection: disabled`). Its code modules reach Dynatrace
 * through that sidecar. Worked out once per model, in one pass over the workloads: callers ask per namespace, and
 * a dense repository holds thousands of workloads.
 */
function sidecarWorkloadPod(model, namespace) {
    let pods = sidecarWorkloadPods.get(model);
    if (!pods) {
        const found = new Map();
        for (const workload of model.workloads) {
            const pod = workloadPod(workload);
            if (!found.has(pod.namespace) && podMeshMembership(model, pod)?.mode === 'sidecar')
                found.set(pod.namespace, pod);
        }
        sidecarWorkloadPods.set(model, found);
        pods = found;
    }
    return pods.get(namespace);
}
/** The CSI driver pods run in the operator's namespace with `csidriver.labels`; undefined when not in the mesh. */
function csiDriverMembership(model) {
    const labels = Object.assign({}, ...model.operatorInstalls.map((install) => install.csiDriverLabels));
    for (const namespace of operatorNamespaces(model)) {
        const membership = podMeshMembership(model, {
            namespace: namespace.value,
            labels,
            annotations: {},
            hostNetwork: false,
        });
        if (membership)
            return { ...membership, namespace: namespace.value };
    }
    return undefined;
}
/**
 * Namespaces whose sidecars carry a DynaKube's traffic to Dynatrace: the namespaces it injects code modules into,
 * its ActiveGate's namespace when the ActiveGate has a sidecar, and the operator's namespace when enrolled.
 * Ambient pods are left out: ztunnel ignores `exportTo` and Sidecar resources do not apply to them.
 */
function sidecarConsumers(model, dynakube) {
    const consumers = [];
    for (const namespace of monitoredNamespaces(model, dynakube)) {
        if (namespaceHasSidecars(model, namespace) || sidecarWorkloadPod(model, namespace))
            consumers.push({ namespace, why: `code modules of DynaKube ${dynakube.name}` });
    }
    const activeGate = activeGatePod(model, dynakube);
    if (activeGate && podMeshMembership(model, activeGate)?.mode === 'sidecar')
        consumers.push({ namespace: activeGate.namespace, why: `the ActiveGate of DynaKube ${dynakube.name}` });
    for (const namespace of operatorNamespaces(model)) {
        if (namespaceHasSidecars(model, namespace.value))
            consumers.push({ namespace: namespace.value, why: 'the Dynatrace Operator' });
    }
    const seen = new Set();
    return consumers.filter((consumer) => !seen.has(consumer.namespace) && !!seen.add(consumer.namespace));
}

;// CONCATENATED MODULE: ./src/model/facts-native-sidecars.ts


const NATIVE_SIDECARS_ENV = 'ENABLE_NATIVE_SIDECARS';
/** Per-pod override, "Takes precedence over the ENABLE_NATIVE_SIDECARS environment variable" (Istio 1.24+). */
const NATIVE_SIDECAR_ANNOTATION = 'sidecar.istio.io/nativeSidecar';
/**
 * Whether an istiod install injects native sidecars (reference/istio.md §4): `ENABLE_NATIVE_SIDECARS` as that
 * version parses it ({@link parseNativeSidecarsEnv}), else the default of the version: off before 1.27, `auto`
 * from 1.27. `compatibilityVersion` ≤ 1.26 switches it off. An unpinned version is the newest release. `auto` turns
 * native sidecars on only where every node runs Kubernetes 1.33 or newer: with the cluster's Kubernetes version
 * stated (`kubernetes-version`), it is on or off.
 */
function nativeSidecarState(pilot, kubernetesVersion) {
    const state = configuredState(pilot);
    return state.state === 'auto' ? withKubernetes(state, kubernetesVersion) : state;
}
/** The state istiod's configuration gives, before the nodes' Kubernetes version decides `auto`. */
function configuredState(pilot) {
    const line = releaseLine(pilot.version?.value) ?? 'latest';
    const version = istioVersionText(pilot);
    const setting = pilot.env[NATIVE_SIDECARS_ENV];
    const anchor = pilot.version?.origin ?? setting?.origin ?? pilot.compatibilityVersion?.origin;
    if (setting) {
        const base = { origin: setting.origin, setting };
        const state = parseNativeSidecarsEnv(setting.value, line);
        if (state === 'auto')
            return { ...base, state, reason: `${NATIVE_SIDECARS_ENV} is "auto" on ${version}` };
        return { ...base, state, reason: `${NATIVE_SIDECARS_ENV} is "${setting.value}"` };
    }
    const compatibility = releaseLine(pilot.compatibilityVersion?.value);
    if (pilot.compatibilityVersion && compatibility && !atLeast(compatibility, 1, 27))
        return {
            state: 'off',
            reason: `compatibilityVersion ${pilot.compatibilityVersion.value} switches native sidecars off`,
            origin: pilot.compatibilityVersion.origin,
        };
    const origin = anchor ?? envTargetOrigin(pilot);
    if (!atLeast(line, 1, 27))
        return {
            state: 'off',
            reason: `${version} (${formatLine(line)}) injects classic sidecars by default`,
            origin,
        };
    return {
        state: 'auto',
        reason: `${version} defaults ${NATIVE_SIDECARS_ENV} to "auto": native sidecars on every node with Kubernetes 1.33 or newer`,
        origin,
    };
}
/** The install's Istio version for messages, saying where it comes from when the repository pins none. */
function istioVersionText(pilot) {
    if (!pilot.version)
        return 'an unpinned (newest) Istio';
    return pilot.version.defaulted
        ? `Istio ${pilot.version.value} (istio-version: the repository pins none)`
        : `Istio ${pilot.version.value}`;
}
/** `auto` decided by the cluster's Kubernetes version, when the user states it. */
function withKubernetes(auto, kubernetesVersion) {
    const line = releaseLine(kubernetesVersion);
    if (!line || line === 'latest')
        return auto;
    const nodes = `the cluster runs Kubernetes ${kubernetesVersion} (kubernetes-version)`;
    return atLeast(line, 1, 33)
        ? { ...auto, state: 'on', reason: `${auto.reason}; ${nodes}, so they are on` }
        : { ...auto, state: 'off', reason: `${auto.reason}; ${nodes}, so they stay off` };
}
/**
 * `ENABLE_NATIVE_SIDECARS` as istiod of `line` parses it (pilot/pkg/features): from 1.27 a string compared with
 * `true`, `false` and `auto` exactly, anything else off; before, a bool variable read by `strconv.ParseBool` (`1`,
 * `t`, `TRUE`, `True` are true), anything it cannot parse the default off.
 */
function parseNativeSidecarsEnv(value, line) {
    if (atLeast(line, 1, 27))
        return value === 'true' ? 'on' : value === 'auto' ? 'auto' : 'off';
    return (0,model_read/* parseGoBool */.MY)(value) === true ? 'on' : 'off';
}
/**
 * The line where pilot env settings go (or the nearest parent that exists), for installs that pin nothing; a
 * rendered istiod has no values map for them, and its discovery container is where the env goes.
 */
function envTargetOrigin(pilot) {
    const target = pilot.envTarget;
    if (!target)
        return pilot.origin;
    for (let depth = target.path.length; depth >= 0; depth -= 1) {
        const line = target.document.lineAt(target.path.slice(0, depth));
        if (line !== undefined)
            return { file: target.document.file, line, path: target.path.join('.') };
    }
    return { file: target.document.file, line: target.document.line };
}

;// CONCATENATED MODULE: ./src/rules/native-sidecars.ts










const native_sidecars_id = 'native-sidecars';
/** `a.b.0.c` → `['a', 'b', 0, 'c']`. */
function pathOf(dotted) {
    return dotted.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
/** The document a fact was read from: the resource of that file that has a node at the fact's path. */
function documentAt(model, file, path) {
    return model.resources.find((r) => r.document.describeAt(path) && fileAt(r.document, path) === file)
        ?.document;
}
/** Sets `ENABLE_NATIVE_SIDECARS` to "false" where this install's pilot env is written. */
function disableEdit(model, pilot) {
    const setting = pilot.env[NATIVE_SIDECARS_ENV];
    const settingPath = setting?.origin.path ? pathOf(setting.origin.path) : undefined;
    // A `- name: ENABLE_NATIVE_SIDECARS` list item (IstioOperator k8s.env, a rendered istiod): edit its value there,
    // because that list overrides values-level env.
    if (setting && settingPath && typeof settingPath[settingPath.length - 1] === 'number') {
        const document = documentAt(model, setting.origin.file, settingPath);
        const valuePath = [...settingPath, 'value'];
        const current = document?.describeAt(valuePath);
        if (document && current)
            return (replaceScalarEdit(model, document, valuePath, setting.value, 'false') ??
                setValueEdit(model, document, valuePath, '"false"'));
        return undefined;
    }
    if (!pilot.envTarget)
        return undefined;
    const { document, path } = pilot.envTarget;
    return setValueEdit(model, document, [...path, NATIVE_SIDECARS_ENV], '"false"');
}
/** Pods of a gateway Deployment get Istio's `gateway` injection template: a proxy container, not a sidecar. */
const INJECT_TEMPLATES_ANNOTATION = 'inject.istio.io/templates';
/** Whether anything in the repository gets a sidecar: a namespace, a workload, an ActiveGate or the CSI driver. */
function anySidecarEnrolment(model) {
    if ([...model.namespaces.keys()].some((ns) => namespaceDataPlaneMode(model, ns).value === 'sidecar'))
        return true;
    const gateway = (w) => w.podAnnotations[INJECT_TEMPLATES_ANNOTATION] === 'gateway';
    if (model.workloads.some((w) => !gateway(w) && podMeshMembership(model, workloadPod(w))?.mode === 'sidecar'))
        return true;
    const activeGates = model.dynakubes.map((dk) => activeGatePod(model, dk)).filter((pod) => !!pod);
    if (activeGates.some((pod) => podMeshMembership(model, pod)?.mode === 'sidecar'))
        return true;
    return csiDriverMembership(model)?.mode === 'sidecar';
}
/**
 * The repository shows a pure ambient mesh: every istiod install uses an ambient profile, some namespace is
 * ambient, and nothing is enrolled for sidecars. Then no pod carries istio-proxy, native or not, and the guide's
 * concern (code modules in pods with native sidecars) does not arise. The injector still runs under the ambient
 * profile, so a namespace labelled for sidecars later (or outside the repository) would get native ones: the
 * finding drops to info rather than going away. `enable-istio-required` reads it the same way.
 */
function pureAmbient(model) {
    const profiles = model.pilotInstalls.map((pilot) => pilot.profile?.value);
    if (profiles.length === 0 || !profiles.every((profile) => profile?.includes('ambient')))
        return undefined;
    const ambient = [...model.namespaces.keys()].filter((ns) => namespaceDataPlaneMode(model, ns).value === 'ambient');
    if (ambient.length === 0 || anySidecarEnrolment(model))
        return undefined;
    return ambient.join(', ');
}
function pilotFindings(model, injecting) {
    const ambientNamespaces = pureAmbient(model);
    return model.pilotInstalls.flatMap((pilot) => {
        const native = nativeSidecarState(pilot, model.kubernetesVersion);
        if (native.state === 'off')
            return [];
        const edit = disableEdit(model, pilot);
        const fix = edit
            ? {
                description: `Set \`${NATIVE_SIDECARS_ENV}: "false"\` in the pilot env of ${pilot.via}.`,
                edits: [edit],
            }
            : undefined;
        return [
            {
                message: ambientNamespaces
                    ? `${pilot.via} can inject native sidecars (${native.reason}), but the repository shows a pure ambient ` +
                        `mesh (ambient profile; ambient namespaces ${ambientNamespaces}; nothing enrolled for sidecars), so no ` +
                        `pod that DynaKube ${injecting} injects code modules into has a sidecar. A namespace enrolled for ` +
                        `sidecars later would get native ones, which Dynatrace Operator does not support.`
                    : `${pilot.via} can inject native sidecars (${native.reason}) while DynaKube ${injecting} injects code ` +
                        `modules. The guide: native sidecar containers are "currently not supported by Dynatrace Operator. ` +
                        `Disable native sidecars in your Istio deployment".`,
                ...(ambientNamespaces ? { severity: 'info' } : {}),
                origin: native.origin,
                resource: pilot.via,
                field: `pilot.env.${NATIVE_SIDECARS_ENV}`,
                ...(fix ? { fix } : {}),
            },
        ];
    });
}
/** Pods that ask for a native sidecar themselves: the annotation wins over istiod's setting. */
function podFindings(model, injecting) {
    return model.workloads.flatMap((workload) => {
        if (workload.podAnnotations[NATIVE_SIDECAR_ANNOTATION]?.toLowerCase() !== 'true')
            return [];
        const membership = podMeshMembership(model, workloadPod(workload));
        if (membership?.mode !== 'sidecar')
            return [];
        const path = [...workload.podMetadataPath, 'annotations', NATIVE_SIDECAR_ANNOTATION];
        const edit = setValueEdit(model, workload.document, path, '"false"');
        return [
            {
                message: `${resourceId(workload)} asks for a native Istio sidecar (${NATIVE_SIDECAR_ANNOTATION}: "true", ${membership.reason}) ` +
                    `while DynaKube ${injecting} injects code modules; Dynatrace Operator does not support native sidecars.`,
                origin: originAt(workload, path),
                resource: resourceId(workload),
                field: `podAnnotations.${NATIVE_SIDECAR_ANNOTATION}`,
                subject: workload,
                ...(edit
                    ? {
                        fix: {
                            description: `Set \`${NATIVE_SIDECAR_ANNOTATION}: "false"\` on the pod template.`,
                            edits: [edit],
                        },
                    }
                    : {}),
            },
        ];
    });
}
const nativeSidecars = {
    meta: {
        id: native_sidecars_id,
        severity: 'error',
        description: 'Istio must not inject native sidecars where Dynatrace injects code modules.',
        docs: docsUrl(native_sidecars_id),
        fixable: true,
    },
    check({ head }) {
        const injecting = head.dynakubes.filter(injectsCodeModules).map((dk) => dk.name);
        if (injecting.length === 0)
            return [];
        const names = injecting.join(', ');
        return [...pilotFindings(head, names), ...podFindings(head, names)];
    },
};

;// CONCATENATED MODULE: ./src/rules/enable-istio-required.ts











const enable_istio_required_id = 'enable-istio-required';
/**
 * The namespaces this DynaKube's traffic leaves from (`where`: `namespace shop`, or the ones the repository does not
 * declare), each with its restriction if it has one: its own namespace (operator, ActiveGate) and, when it injects
 * code modules, every namespace it monitors (its own too, if its ignored-namespaces flag lets it inject there).
 */
function namespaceRestrictions(model, dynakube) {
    const ownNamespace = dynakubeNamespace(model, dynakube);
    const monitored = monitoredNamespaces(model, dynakube);
    const restrictions = [ownNamespace, ...monitored.filter((namespace) => namespace !== ownNamespace)].map((namespace) => ({ where: `namespace ${namespace}`, restriction: outboundRestriction(model, namespace) }));
    // The repository declares none of the namespaces it monitors: they exist all the same, under the root default.
    if (injectsCodeModules(dynakube) && monitored.length === 0) {
        restrictions.push({
            where: `the namespaces DynaKube ${dynakube.name} selects that the repository does not declare`,
            restriction: undeclaredNamespaceRestriction(model),
        });
    }
    return restrictions;
}
/**
 * For a DynaKube without code modules, the Dynatrace pods in its namespace that run with a sidecar, and so are held
 * by its outbound policy: its OneAgents use the host network and are never in the mesh (the guide: "those pods can
 * never be part of the mesh"), so only the ActiveGate and the operator can need `enableIstio`.
 */
function sidecarPodsWithoutCodeModules(model, dynakube) {
    const pods = [];
    if (namespaceHasSidecars(model, dynakubeNamespace(model, dynakube)))
        pods.push('the Dynatrace Operator');
    const activeGate = activeGatePod(model, dynakube);
    if (activeGate && podMeshMembership(model, activeGate)?.mode === 'sidecar')
        pods.push('the ActiveGate');
    return pods;
}
/** Namespaces named in a message before the rest is counted. */
const NAMESPACES_NAMED = 5;
/**
 * Who cannot reach Dynatrace, for the message; undefined when no pod of a DynaKube without code modules can be held.
 * With code modules, the pods it injects that run with a sidecar (named by namespace where the repository enrolls
 * them), and its operator or ActiveGate when they do too: never its OneAgents, which use the host network.
 */
function blockedPods(model, dynakube) {
    if (injectsCodeModules(dynakube)) {
        const enrolled = monitoredNamespaces(model, dynakube).filter((namespace) => namespaceHasSidecars(model, namespace));
        const where = enrolled.length > 0
            ? ` (namespace${enrolled.length === 1 ? '' : 's'} ${firstAndMore(enrolled, NAMESPACES_NAMED)})`
            : '';
        const own = sidecarPodsWithoutCodeModules(model, dynakube);
        const also = own.length > 0 ? `, and ${own.join(' and ')} in namespace ${dynakubeNamespace(model, dynakube)},` : '';
        return `The code modules it injects into pods with an Istio sidecar${where}${also} cannot reach`;
    }
    const pods = sidecarPodsWithoutCodeModules(model, dynakube);
    if (pods.length === 0)
        return undefined;
    const hostAgents = dynakube.modes.length > 0 ? 'Its OneAgents use the host network, outside the mesh, but ' : '';
    return (`${hostAgents}${pods.join(' and ')} in namespace ${dynakubeNamespace(model, dynakube)} ` +
        `run${pods.length === 1 ? 's' : ''} with an Istio sidecar and cannot reach`);
}
/**
 * Where egress is restricted for this DynaKube's traffic, if anywhere: the same per-namespace decision as the other
 * egress rules, so a Sidecar that sets ALLOW_ANY lifts the mesh-wide REGISTRY_ONLY for the namespaces it governs.
 */
function egressRestriction(model, dynakube) {
    const restrictions = namespaceRestrictions(model, dynakube);
    const first = restrictions.find(({ restriction }) => restriction);
    if (!first?.restriction)
        return undefined;
    const { where, restriction } = first;
    // Only the mesh-wide policy restricting every namespace concerned goes without saying where.
    const everywhere = restrictions.every((r) => r.restriction && !r.restriction.sidecar);
    const what = describeRestriction(restriction);
    return { origin: restriction.origin, what: everywhere ? what : `${what} for ${where}` };
}
const enableIstioRequired = {
    meta: {
        id: enable_istio_required_id,
        severity: 'error',
        description: 'A mesh that restricts egress needs `enableIstio: true` (or equivalent ServiceEntries) on every DynaKube.',
        docs: docsUrl(enable_istio_required_id),
        fixable: true,
    },
    check({ head }) {
        const findings = [];
        for (const dynakube of head.dynakubes) {
            if (dynakube.enableIstio.value)
                continue;
            const blocked = blockedPods(head, dynakube);
            if (!blocked)
                continue;
            const restriction = egressRestriction(head, dynakube);
            if (!restriction)
                continue;
            const host = apiUrlHost(dynakube.apiUrl?.value);
            if (host && hostCovered(head, host, dynakube.namespace))
                continue;
            const edit = setValueEdit(head, dynakube.document, ['spec', 'enableIstio'], 'true');
            // The outbound policy is enforced by sidecars only: ztunnel passes ambient traffic through (reference
            // istio.md §1, istio/istio#54281), as `registry-egress` and the egress map read it. In a pure ambient mesh
            // nothing is blocked today; a namespace enrolled for sidecars later would be, so it stays a note.
            const ambientNamespaces = pureAmbient(head);
            findings.push({
                message: ambientNamespaces
                    ? `DynaKube ${dynakube.name} has enableIstio off while ${restriction.what} ` +
                        `(${restriction.origin.file}:${restriction.origin.line}), but the repository shows a pure ambient mesh ` +
                        `(ambient profile; ambient namespaces ${ambientNamespaces}; nothing enrolled for sidecars): ztunnel ` +
                        `does not enforce the outbound policy, so no Dynatrace traffic is blocked. Pods enrolled for sidecars ` +
                        `later could not reach Dynatrace${host ? ` (${host})` : ''}: no ServiceEntry in the repository covers it.`
                    : `DynaKube ${dynakube.name} has enableIstio off while ${restriction.what} ` +
                        `(${restriction.origin.file}:${restriction.origin.line}). ${blocked} ` +
                        `Dynatrace${host ? ` (${host})` : ''}: no ServiceEntry in the repository covers it.`,
                ...(ambientNamespaces ? { severity: 'info' } : {}),
                origin: dynakube.enableIstio.defaulted ? dynakube.origin : dynakube.enableIstio.origin,
                resource: resourceId(dynakube),
                field: 'spec.enableIstio',
                ...(edit
                    ? {
                        fix: {
                            description: 'Set `enableIstio: true` so the operator creates ServiceEntries and VirtualServices for the Dynatrace endpoints (the DynaKube must then be deleted and reapplied).',
                            edits: [edit],
                        },
                    }
                    : {}),
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/metric-scraping-mtls.ts






const metric_scraping_mtls_id = 'metric-scraping-mtls';
const SCRAPE = 'metrics.dynatrace.com/scrape';
const PORT = 'metrics.dynatrace.com/port';
const PATH = 'metrics.dynatrace.com/path';
/** The istio-agent's merged metrics endpoint: excepted from mTLS, serves Envoy, Istio and application metrics. */
const MERGED_PORT = '15020';
const MERGED_PATH = '/stats/prometheus';
const MERGE_OPT_OUT = 'prometheus.istio.io/merge-metrics';
const EXCLUDE_INBOUND = 'traffic.sidecar.istio.io/excludeInboundPorts';
const INCLUDE_INBOUND = 'traffic.sidecar.istio.io/includeInboundPorts';
/** ActiveGates that scrape Prometheus endpoints (the `kubernetes-monitoring` capability), with their mesh state. */
function scrapingActiveGates(model) {
    return model.dynakubes
        .filter((dynakube) => dynakube.activeGate?.capabilities.value.includes('kubernetes-monitoring'))
        .map((dynakube) => ({ dynakube, membership: podMeshMembership(model, activeGatePod(model, dynakube)) }));
}
function scrapePort(workload) {
    const port = Number(workload.podAnnotations[PORT]);
    return Number.isInteger(port) && port > 0 ? port : undefined;
}
/**
 * A port the sidecar's iptables do not capture bypasses the sidecar, and so mTLS (`handleInboundPortsInclude` in
 * tools/istio-iptables): one listed in `traffic.sidecar.istio.io/excludeInboundPorts`, or, where the pod sets
 * `traffic.sidecar.istio.io/includeInboundPorts` to something other than `*`, one that list leaves out (empty
 * captures nothing).
 */
function bypassesSidecar(workload, port) {
    if (port === undefined)
        return false;
    const listed = (key) => (workload.podAnnotations[key] ?? '').split(',').map((p) => p.trim());
    if (listed(EXCLUDE_INBOUND).includes(String(port)))
        return true;
    const included = workload.podAnnotations[INCLUDE_INBOUND];
    return included !== undefined && !listed(INCLUDE_INBOUND).some((p) => p === '*' || p === String(port));
}
/**
 * Points Dynatrace at the merged endpoint and keeps the application's endpoint in `prometheus.io/*`, which
 * Istio reads to merge the application's metrics in. New keys are inserted together, in one edit.
 */
function mergingFix(model, workload) {
    const annotations = workload.podAnnotations;
    const wanted = [
        [PORT, `"${MERGED_PORT}"`],
        [PATH, MERGED_PATH],
    ];
    const appPort = annotations[PORT];
    if (annotations['prometheus.io/scrape'] === undefined)
        wanted.push(['prometheus.io/scrape', '"true"']);
    if (annotations['prometheus.io/port'] === undefined && appPort)
        wanted.push(['prometheus.io/port', `"${appPort}"`]);
    if (annotations['prometheus.io/path'] === undefined && annotations[PATH])
        wanted.push(['prometheus.io/path', yamlString(annotations[PATH])]);
    if (annotations[MERGE_OPT_OUT]?.toLowerCase() === 'false')
        wanted.push([MERGE_OPT_OUT, '"true"']);
    const annotationsPath = [...workload.podMetadataPath, 'annotations'];
    const shape = workload.document.describeAt(annotationsPath);
    const edits = [];
    if (!shape || shape.kind !== 'map' || shape.flow) {
        if (shape && shape.kind !== 'null')
            return undefined;
        const block = Object.fromEntries(wanted);
        const edit = setValueEdit(model, workload.document, annotationsPath, block);
        if (!edit)
            return undefined;
        edits.push(edit);
    }
    else {
        for (const [key, value] of wanted) {
            const edit = setValueEdit(model, workload.document, [...annotationsPath, key], value);
            if (!edit)
                return undefined;
            edits.push(edit);
        }
    }
    return {
        description: `Point Dynatrace at Istio's merged metrics endpoint (${PORT}: "${MERGED_PORT}", ${PATH}: ${MERGED_PATH}), ` +
            'which strict mTLS does not block, and keep the application endpoint in the prometheus.io/* annotations so ' +
            'Istio merges its metrics in. Add `metrics.dynatrace.com/filter` to drop istio_* and envoy_* metrics if they are not wanted.',
        edits: mergeInsertions(edits),
    };
}
/** Insertions at the same place become one edit, so applying them cannot interleave. */
function mergeInsertions(edits) {
    const result = [];
    for (const edit of edits) {
        const same = result.find((other) => other.file === edit.file &&
            other.startLine === edit.startLine &&
            other.endLine === edit.endLine &&
            edit.startLine > edit.endLine);
        if (same)
            same.replacement = `${same.replacement}\n${edit.replacement}`;
        else
            result.push({ ...edit });
    }
    return result;
}
function metric_scraping_mtls_finding(model, workload, membership, mtls, outside) {
    const base = {
        origin: originAt(workload, [...workload.podMetadataPath, 'annotations', SCRAPE]),
        resource: resourceId(workload),
        field: `${workload.podMetadataPath.join('.')}.annotations.${SCRAPE}`,
    };
    const strict = `${mtls.policy} makes mTLS STRICT (${mtls.origin.file}:${mtls.origin.line})`;
    if (membership.mode === 'ambient') {
        return {
            ...base,
            message: `${resourceId(workload)} asks Dynatrace to scrape its metrics directly, but it is in ambient mode ` +
                `(${membership.reason}), ${strict} and ${outside} is outside the mesh: the ActiveGate cannot connect to ` +
                'the pod. Istio metric merging is not available in ambient mode (it needs a sidecar); put the ActiveGate ' +
                'into the mesh (ambient) to scrape this pod.',
        };
    }
    const fix = mergingFix(model, workload);
    return {
        ...base,
        message: `${resourceId(workload)} asks Dynatrace to scrape its metrics directly (port ` +
            `${workload.podAnnotations[PORT] ?? 'unset'}), but it has a sidecar (${membership.reason}), ${strict} and ` +
            `${outside} is outside the mesh: with strict mTLS, direct connections to pod IPs are not possible. ` +
            'Use the Istio metric-merging endpoint instead.',
        ...(fix ? { fix } : {}),
    };
}
const metricScrapingMtls = {
    meta: {
        id: metric_scraping_mtls_id,
        severity: 'warning',
        description: 'Under strict mTLS, an ActiveGate outside the mesh can only scrape mesh pods through Istio metric merging.',
        docs: docsUrl(metric_scraping_mtls_id),
        fixable: true,
    },
    check({ head }) {
        const activeGates = scrapingActiveGates(head);
        const outside = activeGates.filter((activeGate) => !activeGate.membership);
        // Unknown ActiveGate, or one in the mesh that scrapes through its own proxy: nothing to say.
        if (outside.length === 0)
            return [];
        const outsideName = `the ActiveGate of DynaKube ${outside.map((a) => a.dynakube.name).join(', ')}`;
        const findings = [];
        for (const workload of head.workloads) {
            if (workload.podAnnotations[SCRAPE]?.toLowerCase() !== 'true')
                continue;
            if (workload.podAnnotations[PORT] === MERGED_PORT)
                continue;
            const namespace = workload.namespace ?? 'default';
            const membership = podMeshMembership(head, workloadPod(workload));
            if (!membership)
                continue;
            const port = scrapePort(workload);
            if (membership.mode === 'sidecar' && bypassesSidecar(workload, port))
                continue;
            const mtls = effectiveMtls(head, namespace, workload.podLabels, port);
            if (mtls.value !== 'STRICT')
                continue;
            findings.push(metric_scraping_mtls_finding(head, workload, membership, mtls, outsideName));
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/mixed-dataplane-modes.ts




const mixed_dataplane_modes_id = 'mixed-dataplane-modes';
const GUIDE = '"Istio East-West (sidecar combined with ambient) deployment is not supported."';
/** The sidecar label of a namespace (`istio-injection=enabled`, or `istio.io/rev` without `istio-injection`). */
function sidecarLabel(namespace) {
    const labels = namespace.labels;
    if (labels['istio-injection'] !== undefined)
        return labels['istio-injection'] === 'enabled' ? 'istio-injection' : undefined;
    return labels['istio.io/rev'] !== undefined ? 'istio.io/rev' : undefined;
}
function labelOrigin(resource, label) {
    return originAt(resource, ['metadata', 'labels', label]);
}
/** Namespaces that carry both an injection label and `istio.io/dataplane-mode=ambient` (IST0123). */
function doubleLabelled(model) {
    return [...model.namespaces.values()].flatMap((namespace) => {
        const sidecar = sidecarLabel(namespace);
        if (!sidecar || namespace.labels['istio.io/dataplane-mode'] !== 'ambient')
            return [];
        return [
            {
                message: `Namespace ${namespace.name} has both ${sidecar}=${namespace.labels[sidecar]} and istio.io/dataplane-mode=ambient: ` +
                    `its pods get sidecars, and a sidecar wins over ambient. ${GUIDE} Keep one of the two labels.`,
                origin: labelOrigin(namespace, 'istio.io/dataplane-mode'),
                resource: resourceId(namespace),
                field: 'metadata.labels',
                subject: namespace,
            },
        ];
    });
}
/** Namespaces, workloads and ActiveGates enrolled in exactly one data-plane mode. */
function enrollments(model) {
    const found = [];
    for (const namespace of model.namespaces.values()) {
        const sidecar = sidecarLabel(namespace);
        const ambient = namespace.labels['istio.io/dataplane-mode'] === 'ambient';
        if (sidecar && !ambient)
            found.push({
                mode: 'sidecar',
                resource: namespace,
                reason: `${sidecar}=${namespace.labels[sidecar]}`,
                origin: labelOrigin(namespace, sidecar),
            });
        if (ambient && !sidecar)
            found.push({
                mode: 'ambient',
                resource: namespace,
                reason: 'istio.io/dataplane-mode=ambient',
                origin: labelOrigin(namespace, 'istio.io/dataplane-mode'),
            });
    }
    for (const workload of model.workloads) {
        const membership = podMeshMembership(model, workloadPod(workload));
        // Pods that only follow their namespace add nothing: the namespace is already counted.
        if (!membership || membership.reason.startsWith('namespace '))
            continue;
        const origin = originAt(workload, [...workload.podMetadataPath, 'labels']);
        found.push({ mode: membership.mode, resource: workload, reason: membership.reason, origin });
    }
    for (const dynakube of model.dynakubes) {
        const pod = activeGatePod(model, dynakube);
        const membership = pod && podMeshMembership(model, pod);
        if (!membership || membership.reason.startsWith('namespace '))
            continue;
        found.push({
            mode: membership.mode,
            resource: dynakube,
            reason: `its ActiveGate: ${membership.reason}`,
            origin: dynakube.activeGate.origin,
        });
    }
    return found;
}
function describe(list) {
    const shown = list.slice(0, 3).map((e) => `${resourceId(e.resource)} (${e.reason})`);
    return list.length > 3 ? `${shown.join(', ')} and ${list.length - 3} more` : shown.join(', ');
}
const mixedDataplaneModes = {
    meta: {
        id: mixed_dataplane_modes_id,
        severity: 'warning',
        description: 'Dynatrace does not support sidecar and ambient data planes in one mesh.',
        docs: docsUrl(mixed_dataplane_modes_id),
        fixable: false,
    },
    check({ head }) {
        const findings = doubleLabelled(head);
        const all = enrollments(head);
        const sidecar = all.filter((e) => e.mode === 'sidecar');
        const ambient = all.filter((e) => e.mode === 'ambient');
        if (sidecar.length > 0 && ambient.length > 0) {
            const anchor = ambient[0];
            findings.push({
                message: `The mesh runs both data planes: ambient for ${describe(ambient)}; sidecars for ${describe(sidecar)}. ${GUIDE}`,
                origin: anchor.origin,
                resource: resourceId(anchor.resource),
                field: 'dataplane-mode',
                subject: anchor.resource,
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/operator-namespace-injection.ts




const operator_namespace_injection_id = 'operator-namespace-injection';
/** `a: 1` or `a: 1`, `b: 2` and `c: 3`, each as inline code. */
function listed(items) {
    const coded = items.map((item) => `\`${item}\``);
    return coded.length < 2 ? coded.join('') : `${coded.slice(0, -1).join(', ')} and ${coded.at(-1)}`;
}
/** The guide: "Istio injection into the Dynatrace Operator namespace is not supported." */
const operatorNamespaceInjection = {
    meta: {
        id: operator_namespace_injection_id,
        severity: 'error',
        description: 'The Dynatrace Operator namespace must not be enrolled in the Istio mesh.',
        docs: docsUrl(operator_namespace_injection_id),
        fixable: true,
    },
    check({ head }) {
        const findings = [];
        for (const operatorNamespace of operatorNamespaces(head)) {
            const namespace = head.namespaces.get(operatorNamespace.value);
            const enrolling = namespaceEnrollingLabels(head, operatorNamespace.value);
            if (!namespace || enrolling.length === 0)
                continue;
            const [enrollment, ...others] = enrolling;
            const labelPath = ['metadata', 'labels', enrollment.label];
            // Removing one label while another still enrols the namespace would leave it in the mesh: all go at once.
            const edits = removeEntriesEdits(head, namespace.document, enrolling.map((label) => ['metadata', 'labels', label.label]));
            const alsoBy = others.length > 0
                ? `; without it, ${listed(others.map((other) => `${other.label}: ${other.value}`))} would keep it in the mesh`
                : '';
            findings.push({
                message: `Namespace ${operatorNamespace.value} runs the Dynatrace Operator and is enrolled in the mesh by ` +
                    `\`${enrollment.label}: ${enrollment.value}\`${alsoBy}. Istio injection into the Dynatrace Operator namespace is not supported.`,
                origin: enrollment.origin,
                resource: resourceId(namespace),
                field: labelPath.join('.'),
                ...(edits
                    ? {
                        fix: {
                            description: `Remove the ${listed(enrolling.map((label) => label.label))} label${enrolling.length > 1 ? 's' : ''} from the operator namespace.`,
                            edits,
                        },
                    }
                    : {}),
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/generate/registry-entries.ts






/** The annotation that says which component pulls from the registry, and of which DynaKube. */
const PULLED_BY_ANNOTATION = `${GENERATOR_NAME}/pulled-by`;
/**
 * The image of a pull the CSI provisioner makes (`getInstaller` in pkg/controllers/csi/provisioner/install.go pulls
 * `status.codeModules.imageID`: the custom image, or the public registry's image the operator learnt from the
 * Dynatrace API). The caller passes only such pulls: the only registry traffic from inside the mesh.
 *
 * No entry for the OneAgent image (`oneAgent.*.image`) or `activeGate.image`: the kubelet pulls them for the
 * DaemonSet and StatefulSet, outside the mesh, and no pod in the mesh reads them. Since v1.0 the operator takes a
 * custom image reference as the version status unverified (`setImageIDToCustomImage`, version/updater.go), and the
 * public registry's versions come from the Dynatrace API (v1.10: `/v2/fleetManagement/components/containerImages`;
 * v1.0–v1.8: `/v1/deployment/image/.../latest`), i.e. the apiUrl host. Before v1.0 the operator read image
 * manifests itself (`registry.GetImageVersion`), but from the operator's pod, whose namespace must stay out of the
 * mesh (operator-namespace-injection).
 */
function imageOf({ dynakube, pull }) {
    const csiPull = (what) => `the CSI driver pulls ${what} of DynaKube ${dynakube.name}`;
    if (pull.source === 'codeModulesImage')
        return {
            image: pull.image.value,
            field: 'codeModulesImage',
            fact: pull.image,
            pulledBy: csiPull('codeModulesImage'),
        };
    const override = !!dynakube.publicRegistryOverride;
    return {
        image: pull.image.value,
        field: override ? 'publicRegistryOverride' : 'the public-registry feature flag',
        fact: pull.image,
        pulledBy: csiPull(override
            ? 'the code modules image from publicRegistryOverride'
            : "the code modules image from Dynatrace's public registry"),
    };
}
function slug(text) {
    return text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
}
function registryMetadata(name, namespace) {
    return {
        name,
        namespace,
        labels: { 'app.kubernetes.io/created-by': GENERATOR_NAME, 'app.kubernetes.io/component': 'registry' },
    };
}
function describedBy(object, pulledBy) {
    object.metadata.annotations = { [PULLED_BY_ANNOTATION]: pulledBy.join('; ') };
    return object;
}
function dnsEntry(name, namespace, hosts, ports, resolution) {
    return {
        apiVersion: NETWORKING_API_VERSION,
        kind: 'ServiceEntry',
        metadata: registryMetadata(name, namespace),
        spec: {
            hosts,
            ports: ports.map((port) => ({ name: `https-${port}`, number: port, protocol: 'HTTPS' })),
            location: 'MESH_EXTERNAL',
            resolution,
        },
    };
}
/**
 * A registry given by IP: Istio rejects an IP in `hosts`, so the IP goes to `addresses` under a name that never
 * resolves (`.invalid`, RFC 6761) and the ports are TCP with `resolution: NONE`, the shape the operator uses for
 * IP communication endpoints. The sidecar then matches the traffic by destination address and port, which works
 * without SNI (clients send none to an IP) and for plain-HTTP registries alike.
 */
function ipEntry(name, namespace, ip, ports) {
    return {
        apiVersion: NETWORKING_API_VERSION,
        kind: 'ServiceEntry',
        metadata: registryMetadata(name, namespace),
        spec: {
            hosts: [`ip-${slug(ip)}.registry.invalid`],
            addresses: [singleAddress(ip)],
            ports: ports.map((port) => ({ name: `tcp-${port}`, number: port, protocol: 'TCP' })),
            location: 'MESH_EXTERNAL',
            resolution: 'NONE',
        },
    };
}
/** Keeps names within 63 characters and valid: longer registry names are cut at a dash boundary. */
function entryName(registry, suffix = '') {
    const base = `dynatrace-registry-${slug(registry)}`.slice(0, 63 - suffix.length).replace(/-+$/, '');
    return `${base}${suffix}`;
}
/** Hosts grouped by the ports they need, in first-seen order: each group is one entry. */
function byPorts(needs) {
    const portsOf = new Map();
    for (const need of needs)
        portsOf.set(need.host, [...(portsOf.get(need.host) ?? []), need.port]);
    const groups = new Map();
    for (const [host, ports] of portsOf) {
        const sorted = [...new Set(ports)].sort((a, b) => a - b);
        const key = sorted.join(',');
        const group = groups.get(key) ?? { hosts: [], ports: sorted };
        group.hosts.push(host);
        groups.set(key, group);
    }
    return [...groups.values()];
}
/** The entries that declare `needs` for one registry in one namespace. */
function entriesFor(registry, namespace, needs) {
    if (needs.length === 0)
        return [];
    if ((0,external_node_net_.isIP)(registry) !== 0) {
        const ports = [...new Set(needs.map((need) => need.port))].sort((a, b) => a - b);
        return [ipEntry(entryName(registry), namespace, registry, ports)];
    }
    const objects = byPorts(needs.filter((need) => !need.wildcard)).map((group, index) => dnsEntry(entryName(registry, index === 0 ? '' : index === 1 ? '-blobs' : `-blobs-${index}`), namespace, group.hosts, group.ports, 'DNS'));
    const wildcards = [...new Set(needs.filter((need) => need.wildcard).map((need) => need.host))];
    // `NONE` is the only resolution Istio accepts for a wildcard without endpoints.
    if (wildcards.length > 0)
        objects.push(dnsEntry(entryName(registry, '-wildcard'), namespace, wildcards, [443], 'NONE'));
    return objects;
}
/**
 * `name`, or `name-2`, `name-3`… when a ServiceEntry of that name already exists in the namespace (`namespace/name`
 * in `taken`): applying a second object of the same name would replace the first. Marks the result as taken.
 */
function unusedName(name, namespace, taken) {
    let candidate = name;
    for (let n = 2; taken.has(`${namespace}/${candidate}`); n += 1) {
        const suffix = `-${n}`;
        candidate = `${name.slice(0, 63 - suffix.length).replace(/-+$/, '')}${suffix}`;
    }
    taken.add(`${namespace}/${candidate}`);
    return candidate;
}
/** `namespace/name` of the repository's ServiceEntries (an entry without a namespace lands in `default`). */
function serviceEntryNamesIn(model) {
    return model.serviceEntries.map((entry) => `${entry.namespace ?? 'default'}/${entry.name}`);
}
/**
 * The registry ServiceEntries the DynaKubes need: one set per registry per namespace, with every port the images
 * use and the blob hosts the registry redirects to, for the hosts the entries visible in that namespace
 * (`coverageFor`) leave undeclared. Nothing for a registry whose pull already goes through. Each entry is checked
 * by Istio's validation first: one it would reject is not offered, a note says so. Names already used by
 * ServiceEntries (`existingNames`, as `namespace/name`) are not reused.
 */
function registryEntries(pulls, coverageFor, existingNames = []) {
    const notes = [];
    const groups = new Map();
    for (const registryPull of pulls) {
        const { dynakube, namespace } = registryPull;
        const use = imageOf(registryPull);
        const origin = use.fact.origin;
        const skip = (why) => notes.push({
            file: origin.file,
            line: origin.line,
            reason: `registry ServiceEntry for ${use.field} of DynaKube ${dynakube.name} not generated: "${use.image}" ${why}`,
        });
        if ((0,placeholders/* isPlaceholder */.wK)(use.image)) {
            skip('is a placeholder');
            continue;
        }
        const parsed = registryOfImage(use.image);
        if (!parsed) {
            skip('is not an image reference');
            continue;
        }
        const key = `${namespace}|${parsed.registry}`;
        const group = groups.get(key) ?? {
            namespace,
            registry: parsed.registry,
            ports: [],
            origin,
            pulledBy: [],
        };
        if (!group.ports.includes(parsed.port))
            group.ports.push(parsed.port);
        if (!group.pulledBy.includes(use.pulledBy))
            group.pulledBy.push(use.pulledBy);
        groups.set(key, group);
    }
    const objects = [];
    const taken = new Set(existingNames);
    for (const group of groups.values()) {
        const { toDeclare } = uncoveredPull(group.registry, group.ports, coverageFor(group.namespace));
        const note = (reason) => notes.push({ file: group.origin.file, line: group.origin.line, reason });
        for (const object of entriesFor(group.registry, group.namespace, toDeclare)) {
            const errors = (0,validate_service_entry/* validateServiceEntrySpec */.dO)(object.spec).filter((problem) => problem.severity === 'error');
            if (errors.length > 0) {
                note(`generated ServiceEntry ${object.metadata.name} is invalid and was dropped: ` +
                    errors.map((problem) => `spec.${problem.path.join('.')}: ${problem.message}`).join('; '));
                continue;
            }
            object.metadata.name = unusedName(object.metadata.name, group.namespace, taken);
            objects.push({ object: describedBy(object, group.pulledBy), origin: group.origin });
        }
        const caveat = registryHosts(group.registry, group.ports[0]).caveat;
        if (caveat && toDeclare.some((need) => need.wildcard))
            note(`registry ServiceEntry ${entryName(group.registry, '-wildcard')}: ${caveat}`);
    }
    return { objects, notes };
}

;// CONCATENATED MODULE: ./src/rules/registry-egress.ts








const registry_egress_id = 'registry-egress';
/** The generator's registry ServiceEntries for the code modules images only, in a new file beside the DynaKube. */
function generatedEntriesFix(model, blocked, namespace, covered) {
    const pulls = blocked.map(({ dynakube, pull }) => ({ dynakube, pull, namespace }));
    const { objects } = registryEntries(pulls, () => covered, serviceEntryNamesIn(model));
    if (objects.length === 0)
        return undefined;
    const first = objects[0].object.metadata.name;
    const edit = newFileEdit(model, blocked[0].dynakube.origin.file, `${first}.yaml`, renderManifests(objects.map((o) => o.object)));
    const byAddress = objects.some((o) => 'addresses' in o.object.spec);
    return {
        description: `Create ${edit.file} (a new file) with ServiceEntries for the registry and the hosts it redirects blob ` +
            `downloads to, in namespace ${namespace}` +
            (byAddress
                ? '. A registry given by IP is declared by `addresses` (TCP, `resolution: NONE`) under a placeholder ' +
                    'host, as Istio rejects an IP in `hosts`'
                : '') +
            '. Add the file to your kustomization if you use one.',
        edits: [edit],
    };
}
function describePull({ pull, registry }) {
    return pull.source === 'codeModulesImage'
        ? `codeModulesImage ${pull.image.value}`
        : `the code modules image from the public registry ${registry} (feature flag or publicRegistryOverride)`;
}
function blockedPulls(model, covered) {
    return model.dynakubes.flatMap((dynakube) => {
        // Pulled by the kubelet (node-image-pull) the image never passes the mesh; a placeholder cannot be checked.
        const pull = codeModulesPull(model, dynakube);
        if (pull?.by !== 'csi-driver' || !pull.registry)
            return [];
        const { registry, port } = pull.registry;
        const { missing } = uncoveredPull(registry, [port], covered);
        return missing.length > 0 ? [{ dynakube, pull, registry, missing }] : [];
    });
}
const registryEgress = {
    meta: {
        id: registry_egress_id,
        severity: 'error',
        description: 'Under REGISTRY_ONLY, a CSI driver in the mesh needs ServiceEntries for the registry it pulls the code modules image from (codeModulesImage or the public registry).',
        docs: docsUrl(registry_egress_id),
        fixable: true,
    },
    check({ head }) {
        if (!csiDriverEnabled(head).value)
            return [];
        const csi = csiDriverMembership(head);
        // Ambient traffic goes through ztunnel, which does not enforce REGISTRY_ONLY.
        if (csi?.mode !== 'sidecar')
            return [];
        const restriction = outboundRestriction(head, csi.namespace);
        if (!restriction)
            return [];
        const covered = coverageIn(head, csi.namespace);
        const pulls = blockedPulls(head, covered);
        // One fix per registry, on its first finding, declares every port its images use: two fixes that create the
        // same entry with different ports would overwrite each other.
        const fixes = new Map();
        for (const pull of pulls) {
            if (fixes.has(pull.registry))
                continue;
            const sameRegistry = pulls.filter((other) => other.registry === pull.registry);
            fixes.set(pull.registry, {
                fix: generatedEntriesFix(head, sameRegistry, csi.namespace, covered),
                on: pull,
            });
        }
        return pulls.map((blocked) => {
            const { dynakube, pull } = blocked;
            const { fix, on } = fixes.get(blocked.registry);
            const fixedElsewhere = fix && on !== blocked;
            return {
                message: `The CSI driver pulls ${describePull(blocked)} of DynaKube ${dynakube.name} itself, from inside ` +
                    `the mesh (${csi.reason}), and ${describeRestriction(restriction)} (${restriction.origin.file}:${restriction.origin.line}). ` +
                    `No ServiceEntry visible in namespace ${csi.namespace} covers ` +
                    `${blocked.missing.map((need) => `${need.host}:${need.port}`).join(', ')}: ` +
                    'the image pull fails and no code modules reach the node.' +
                    (fixedElsewhere ? ` The fix offered for DynaKube ${on.dynakube.name} declares these too.` : ''),
                origin: pull.image.origin,
                resource: resourceId(dynakube),
                field: `${pull.source === 'codeModulesImage' ? 'codeModulesImage' : 'publicRegistry'}|${blocked.registry}`,
                ...(fix && !fixedElsewhere ? { fix } : {}),
            };
        });
    },
};

;// CONCATENATED MODULE: ./src/text-order.ts
/**
 * Orders text by UTF-16 code units, the same on every machine. `localeCompare` would let the host's locale decide
 * the order of a report (a required check must not change with the runner's language), and its first call loads
 * ICU's collator: about 13 ms of every start.
 */
function byCodeUnits(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/rules/service-entry-conflict.ts



const service_entry_conflict_id = 'service-entry-conflict';
/** Two entries can only clash where both are visible: their `exportTo` sets must meet. */
function visibleTogether(model, a, b) {
    const left = exportedTo(model, a);
    const right = exportedTo(model, b);
    if (left === 'all')
        return right === 'all' || right.length > 0;
    if (right === 'all')
        return left.length > 0;
    return left.some((ns) => right.includes(ns));
}
function service_entry_conflict_describe(view) {
    return view.madeFor
        ? `${view.resource} (created by the operator for DynaKube ${view.madeFor.name}, enableIstio)`
        : `${view.resource} (${view.origin.file}:${view.origin.line})`;
}
/** What differs between two declarations of the same host and port, or undefined when they agree. */
function difference(a, b, port) {
    const differences = [];
    const protocolA = a.ports.find((p) => p.number === port).protocol;
    const protocolB = b.ports.find((p) => p.number === port).protocol;
    if (protocolA !== protocolB)
        differences.push(`protocol ${protocolA || '(unset)'} vs ${protocolB || '(unset)'}`);
    if (a.resolution !== b.resolution)
        differences.push(`resolution ${a.resolution} vs ${b.resolution}`);
    return differences.length > 0 ? differences.join(', ') : undefined;
}
/** Later in the repository (file, then line) is where the finding goes; operator objects are never anchors. */
function anchorFirst(a, b) {
    if (a.madeFor)
        return [b, a];
    if (b.madeFor)
        return [a, b];
    const order = byCodeUnits(a.origin.file, b.origin.file) || a.origin.line - b.origin.line;
    return order > 0 ? [a, b] : [b, a];
}
function conflicts(model, host, a, b) {
    if (a.madeFor && b.madeFor)
        return [];
    // A repository object with the operator's own name is overwritten by it, not kept beside it.
    if ((a.madeFor || b.madeFor) && a.name === b.name && a.namespace === b.namespace)
        return [];
    if (!visibleTogether(model, a, b))
        return [];
    const [anchor, other] = anchorFirst(a, b);
    const findings = [];
    for (const port of anchor.ports.filter((p) => other.ports.some((q) => q.number === p.number))) {
        const diff = difference(anchor, other, port.number);
        if (!diff)
            continue;
        findings.push({
            message: `${anchor.resource} and ${service_entry_conflict_describe(other)} both declare ${host}:${port.number} with different ` +
                `settings (${diff}). Istio keeps only one of them (the most recent by creation time), which it ` +
                'considers invalid configuration: traffic to the host can fail or be blackholed.',
            origin: { file: port.file ?? anchor.origin.file, line: port.line, path: 'spec.ports' },
            resource: anchor.resource,
            field: `${host}:${port.number}|${other.resource}`,
        });
    }
    return findings;
}
const serviceEntryConflict = {
    meta: {
        id: service_entry_conflict_id,
        severity: 'warning',
        description: 'Two ServiceEntries (including the operator-made ones) must not declare one host and port differently.',
        docs: docsUrl(service_entry_conflict_id),
        fixable: false,
    },
    check({ head }) {
        // Only entries that share a host can clash: compare within each host's bucket.
        const byHost = new Map();
        for (const view of [...head.serviceEntries.map(viewOfEntry), ...operatorEntries(head)])
            for (const host of new Set(view.hosts)) {
                const bucket = byHost.get(host) ?? [];
                bucket.push(view);
                byHost.set(host, bucket);
            }
        const findings = [];
        for (const [host, views] of byHost)
            for (let i = 0; i < views.length; i += 1)
                for (let j = i + 1; j < views.length; j += 1)
                    findings.push(...conflicts(head, host, views[i], views[j]));
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/service-entry-invalid.ts






const service_entry_invalid_id = 'service-entry-invalid';
/** Wildcard hosts cannot be resolved by DNS without endpoints: `NONE` forwards to the address the app resolved. */
function fixWildcardResolution(entry, model, fix) {
    const resolution = ((0,model_read/* asString */.oJ)(fix.spec.resolution) ?? 'NONE').toUpperCase();
    const hosts = (0,model_read/* asArray */._j)(fix.spec.hosts).map((host) => (0,model_read/* asString */.oJ)(host) ?? '');
    if (!['DNS', 'DNS_ROUND_ROBIN'].includes(resolution) || (0,model_read/* asArray */._j)(fix.spec.endpoints).length > 0)
        return;
    if (!hosts.some((host) => host.includes('*')))
        return;
    const edit = setValueEdit(model, entry.document, ['spec', 'resolution'], 'NONE');
    if (!edit)
        return;
    fix.spec.resolution = 'NONE';
    fix.edits.push(edit);
    fix.changes.push('resolution DNS → NONE (wildcard hosts)');
}
/** Duplicate port numbers are dropped; missing, invalid or duplicate names become `<protocol>-<number>`. */
function fixPorts(entry, model, fix) {
    const ports = (0,model_read/* asArray */._j)(fix.spec.ports);
    const names = new Set();
    const numbers = new Set();
    const kept = [];
    ports.forEach((item, index) => {
        const port = { ...((0,model_read/* asRecord */.qY)(item) ?? {}) };
        const number = (0,model_read/* asNumber */.i)(port.number);
        const path = ['spec', 'ports', index];
        if (number !== undefined && numbers.has(number)) {
            const edit = removeItemEdit(model, entry.document, path);
            if (!edit)
                return void kept.push(port);
            fix.edits.push(edit);
            fix.changes.push(`duplicate port ${number} removed`);
            return;
        }
        if (number !== undefined)
            numbers.add(number);
        const name = (0,model_read/* asString */.oJ)(port.name) ?? '';
        if (!(0,validate_service_entry/* isDns1123Label */.z3)(name) || names.has(name)) {
            const base = `${((0,model_read/* asString */.oJ)(port.protocol) || 'tcp').toLowerCase()}-${number ?? index}`;
            let candidate = base;
            for (let n = 2; names.has(candidate); n += 1)
                candidate = `${base}-${n}`;
            const edit = setValueEdit(model, entry.document, [...path, 'name'], candidate);
            if (edit) {
                fix.edits.push(edit);
                fix.changes.push(`port name "${name}" → "${candidate}"`);
                port.name = candidate;
            }
        }
        names.add((0,model_read/* asString */.oJ)(port.name) ?? '');
        kept.push(port);
    });
    fix.spec.ports = kept;
}
/**
 * Several hosts can share a port only when Istio tells them apart by Host header or SNI. Port 443 declared as
 * TCP (or unset) is TLS in practice, so it becomes `TLS`; other plain TCP ports have no safe correction.
 */
function fixMultiHostProtocols(entry, model, fix) {
    const resolution = ((0,model_read/* asString */.oJ)(fix.spec.resolution) ?? 'NONE').toUpperCase();
    if (resolution === 'NONE' || (0,model_read/* asArray */._j)(fix.spec.hosts).length < 2)
        return;
    const ports = (0,model_read/* asArray */._j)(fix.spec.ports).map((item) => ({ ...((0,model_read/* asRecord */.qY)(item) ?? {}) }));
    const original = (0,model_read/* asArray */._j)((0,model_read/* getIn */.O6)(entry.document.value, ['spec', 'ports']));
    ports.forEach((port) => {
        const protocol = ((0,model_read/* asString */.oJ)(port.protocol) ?? '').toUpperCase();
        if ((0,validate_service_entry/* distinguishesHosts */.XR)(protocol) || (0,model_read/* asNumber */.i)(port.number) !== 443)
            return;
        const index = original.findIndex((item) => (0,model_read/* asNumber */.i)((0,model_read/* asRecord */.qY)(item)?.number) === 443);
        const edit = setValueEdit(model, entry.document, ['spec', 'ports', index, 'protocol'], 'TLS');
        if (!edit)
            return;
        fix.edits.push(edit);
        fix.changes.push(`port 443 protocol ${protocol || '(unset)'} → TLS`);
        port.protocol = 'TLS';
    });
    fix.spec.ports = ports;
}
/** A corrected entry, offered only when the corrected spec passes Istio's validation. */
function correction(model, entry, spec) {
    const fix = { spec: { ...spec }, edits: [], changes: [] };
    fixWildcardResolution(entry, model, fix);
    fixPorts(entry, model, fix);
    fixMultiHostProtocols(entry, model, fix);
    if (fix.edits.length === 0)
        return undefined;
    const problems = (0,validate_service_entry/* validateServiceEntrySpec */.dO)(fix.spec, entry.namespace ?? 'default');
    if (problems.some((problem) => problem.severity === 'error'))
        return undefined;
    return { description: `Correct ${resourceId(entry)}: ${fix.changes.join('; ')}.`, edits: fix.edits };
}
/** The problem's line, or its nearest parent's, in the file that holds it (a kustomize patch's when it wrote it). */
function originOf(entry, problem) {
    const path = ['spec', ...problem.path];
    for (let depth = problem.path.length; depth >= 0; depth -= 1) {
        const found = ['spec', ...problem.path.slice(0, depth)];
        if (entry.document.rangeAt(found))
            return { ...originAt(entry, found), path: path.join('.') };
    }
    return { ...entry.origin, path: path.join('.') };
}
const serviceEntryInvalid = {
    meta: {
        id: service_entry_invalid_id,
        severity: 'error',
        description: "A ServiceEntry must pass Istio's validation, or the API server rejects it.",
        docs: docsUrl(service_entry_invalid_id),
        fixable: true,
    },
    check({ head }) {
        const findings = [];
        for (const entry of head.serviceEntries) {
            // The same judgement that keeps an invalid entry from covering any host elsewhere.
            const errors = (0,validate_service_entry/* serviceEntryErrors */.fy)(entry);
            if (!errors || errors.length === 0)
                continue;
            const fix = correction(head, entry, (0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(entry.document.value, ['spec'])));
            findings.push({
                message: `${resourceId(entry)} breaks Istio's ServiceEntry validation, so applying it fails: ` +
                    errors.map((problem) => problem.message).join('; ') +
                    '.',
                origin: originOf(entry, errors[0]),
                resource: resourceId(entry),
                field: 'spec',
                ...(fix ? { fix } : {}),
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/service-entry-visibility.ts










const service_entry_visibility_id = 'service-entry-visibility';
/** Dynatrace SaaS domains: an entry for one of these hosts is meant for Dynatrace traffic. */
const DYNATRACE_DOMAINS = ['.dynatrace.com', '.dynatracelabs.com'];
function isDynatraceHost(host, dynakube) {
    const apiHost = operatorApiEndpoint(dynakube.apiUrl?.value)?.host;
    if (apiHost && hostMatches(host, apiHost))
        return true;
    return DYNATRACE_DOMAINS.some((domain) => host.endsWith(domain));
}
/** Hosts the CSI driver pulls `codeModulesImage` from, blob redirects included. */
function codeModuleRegistryHosts(dynakube) {
    const registry = dynakube.codeModulesImage && registryOfImage(dynakube.codeModulesImage.value);
    if (!registry)
        return [];
    const hosts = registryHosts(registry.registry, registry.port);
    return [...hosts.hosts, ...hosts.wildcardHosts];
}
/** Where an entry is needed: sidecar namespaces that carry the traffic it is meant for. */
function consumersOf(model, view) {
    const consumers = [];
    const dynakubes = view.madeFor ? [view.madeFor] : model.dynakubes;
    for (const dynakube of dynakubes) {
        if (view.hosts.some((host) => isDynatraceHost(host, dynakube)))
            consumers.push(...sidecarConsumers(model, dynakube));
        const registry = codeModulesViaCsi(model, dynakube).value ? codeModuleRegistryHosts(dynakube) : [];
        const csi = csiDriverMembership(model);
        if (csi?.mode === 'sidecar' && view.hosts.some((host) => registry.some((r) => hostMatches(host, r))))
            consumers.push({
                namespace: csi.namespace,
                why: `the CSI driver pulling codeModulesImage of ${dynakube.name}`,
            });
    }
    const seen = new Set();
    return consumers.filter((consumer) => !seen.has(consumer.namespace) && !!seen.add(consumer.namespace));
}
/** Sidecar `egress.hosts` entries are `namespace/host`; `.` is the proxy's namespace, `~` none, `*` any. */
function egressAllows(egressHost, proxyNamespace, view) {
    const slash = egressHost.indexOf('/');
    const namespace = slash < 0 ? '*' : egressHost.slice(0, slash);
    const host = slash < 0 ? egressHost : egressHost.slice(slash + 1);
    const namespaceOk = namespace === '*' ||
        (namespace === '.' ? view.namespace === proxyNamespace : namespace === view.namespace);
    if (!namespaceOk)
        return false;
    return host === '*' || view.hosts.some((h) => hostMatches(host, h));
}
function hiddenBySidecar(model, view, namespace) {
    const sidecar = namespaceSidecar(model, namespace);
    if (!sidecar || sidecar.egressHosts.length === 0)
        return undefined;
    return sidecar.egressHosts.some((host) => egressAllows(host, namespace, view)) ? undefined : sidecar;
}
function service_entry_visibility_describe(view) {
    return view.madeFor
        ? `${view.resource} (created by the operator for DynaKube ${view.madeFor.name}, enableIstio)`
        : view.resource;
}
function listNeeds(consumers) {
    return consumers.map((c) => `${c.namespace} (${c.why})`).join(', ');
}
/** `exportTo` widened by the namespaces that need the entry; `.` stays for the entry's own namespace. */
function exportToFix(model, view, missing) {
    const entry = view.entry;
    if (!entry)
        return undefined;
    const current = exportToInEffect(model, view).filter((ns) => ns !== '~');
    const wanted = [...current, ...missing.filter((ns) => !current.includes(ns))];
    const rendered = `[${wanted.map((ns) => JSON.stringify(ns)).join(', ')}]`;
    const edit = entry.document.describeAt(['spec', 'exportTo'])
        ? replaceValueEdit(model, entry.document, ['spec', 'exportTo'], rendered)
        : setValueEdit(model, entry.document, ['spec', 'exportTo'], rendered);
    return edit
        ? {
            description: `Export ${view.resource} to the namespaces that need it: \`exportTo: ${rendered}\`.`,
            edits: [edit],
        }
        : undefined;
}
/**
 * How istiod reads a mesh default that does not say what it seems to (see `effectiveDefaultExportTo`): names there
 * export nothing, and `.` wins over `*`. Said when the default lists the entry nowhere, or lists what needs it.
 */
function meshDefaultReading(model, missing) {
    const written = defaultExportTo(model);
    const effective = effectiveDefaultExportTo(model);
    if (effective.length === 0)
        return ', and istiod reads only "." and "*" there, so it is exported nowhere';
    const misread = written.some((ns) => ns === '*' || missing.includes(ns));
    return effective[0] === '.' && misread ? ', and istiod reads only "." there when it is listed' : '';
}
function exportFinding(model, view, missing) {
    const exportLine = view.entry?.document.lineAt(['spec', 'exportTo']);
    const meshDefault = model.meshConfigs.find((source) => source.defaultServiceExportTo)?.defaultServiceExportTo;
    const because = view.exportTo && view.exportTo.length > 0
        ? `its exportTo is [${view.exportTo.join(', ')}]`
        : `it has no exportTo and meshConfig.defaultServiceExportTo is [${defaultExportTo(model).join(', ')}]` +
            (meshDefault ? ` (${meshDefault.origin.file}:${meshDefault.origin.line})` : '') +
            meshDefaultReading(model, missing.map((c) => c.namespace));
    const origin = view.madeFor && meshDefault
        ? meshDefault.origin
        : exportLine
            ? originAt(view.entry, ['spec', 'exportTo'])
            : view.origin;
    const fix = exportToFix(model, view, missing.map((c) => c.namespace));
    return {
        message: `${service_entry_visibility_describe(view)} is meant for Dynatrace traffic but is not visible in ${listNeeds(missing)}: ${because}.` +
            (view.madeFor
                ? ' The operator creates its entries without exportTo; widen defaultServiceExportTo or write the entries by hand with an exportTo.'
                : ''),
        origin,
        resource: view.resource,
        field: 'spec.exportTo',
        ...(fix ? { fix } : {}),
    };
}
function sidecarFinding(view, sidecar, hidden) {
    const hosts = view.hosts.map((host) => `${view.namespace}/${host}`).join(', ');
    return {
        message: `Sidecar ${sidecar.namespace ?? ''}/${sidecar.name} limits egress.hosts so that ${service_entry_visibility_describe(view)}, meant ` +
            `for Dynatrace traffic, is hidden from ${listNeeds(hidden)}. Add ${hosts} to its egress hosts.`,
        origin: originAt(sidecar, ['spec', 'egress']),
        resource: resourceId(sidecar),
        field: `spec.egress.hosts|${view.resource}`,
    };
}
const serviceEntryVisibility = {
    meta: {
        id: service_entry_visibility_id,
        severity: 'warning',
        description: 'ServiceEntries for Dynatrace traffic must be visible (exportTo, defaultServiceExportTo, Sidecar egress) where the traffic starts.',
        docs: docsUrl(service_entry_visibility_id),
        fixable: true,
    },
    check({ head }) {
        const findings = [];
        for (const view of [...head.serviceEntries.map(viewOfEntry), ...operatorEntries(head)]) {
            const consumers = consumersOf(head, view).filter((c) => !!outboundRestriction(head, c.namespace));
            if (consumers.length === 0)
                continue;
            const unexported = consumers.filter((c) => !exportedToNamespace(head, view, c.namespace));
            if (unexported.length > 0)
                findings.push(exportFinding(head, view, unexported));
            const bySidecar = new Map();
            for (const consumer of consumers.filter((c) => !unexported.includes(c))) {
                const sidecar = hiddenBySidecar(head, view, consumer.namespace);
                if (sidecar)
                    bySidecar.set(sidecar, [...(bySidecar.get(sidecar) ?? []), consumer]);
            }
            for (const [sidecar, hidden] of bySidecar)
                findings.push(sidecarFinding(view, sidecar, hidden));
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/model/facts-distribution.ts



const OSSM_IMAGE = /registry\.redhat\.io\/openshift-service-mesh\//;
const OSSM_OPERATOR_PACKAGES = ['servicemeshoperator', 'servicemeshoperator3'];
const POD_SPEC_PATHS = [
    ['spec', 'template', 'spec'],
    ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
    ['spec'],
];
/** Where containers are listed, pod spec by pod spec: made once, every object of the repository is looked at. */
const CONTAINER_LIST_PATHS = POD_SPEC_PATHS.flatMap((specPath) => ['containers', 'initContainers'].map((list) => [...specPath, list]));
function ossmImage(resource) {
    for (const listPath of CONTAINER_LIST_PATHS) {
        const containers = (0,model_read/* asArray */._j)((0,model_read/* getIn */.O6)(resource.document.value, listPath));
        for (let index = 0; index < containers.length; index += 1) {
            const image = (0,model_read/* asString */.oJ)((0,model_read/* asRecord */.qY)(containers[index])?.image);
            if (image && OSSM_IMAGE.test(image))
                return { image, path: [...listPath, index, 'image'] };
        }
    }
    return undefined;
}
function evidenceOf(resource) {
    const id = resourceId(resource);
    const group = apiGroup(resource.apiVersion);
    if (group === 'maistra.io') {
        const primary = resource.kind === 'ServiceMeshControlPlane';
        return { resource, what: `${id} (Maistra / OpenShift Service Mesh 2)`, origin: resource.origin, primary };
    }
    if (group === 'sailoperator.io') {
        const profile = (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(resource.document.value, ['spec', 'profile']));
        if (profile?.startsWith('openshift'))
            return {
                resource,
                what: `${id} with profile ${profile} (OpenShift Service Mesh 3)`,
                origin: originAt(resource, ['spec', 'profile']),
                primary: true,
            };
    }
    if (resource.kind === 'Subscription' && group === 'operators.coreos.com') {
        const name = (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(resource.document.value, ['spec', 'name']));
        if (name && OSSM_OPERATOR_PACKAGES.includes(name))
            return {
                resource,
                what: `${id} installs the OpenShift Service Mesh operator (${name})`,
                origin: originAt(resource, ['spec', 'name']),
                primary: true,
            };
    }
    const image = ossmImage(resource);
    if (image)
        return {
            resource,
            what: `${id} runs the OpenShift Service Mesh image ${image.image}`,
            origin: originAt(resource, image.path),
            primary: true,
        };
    if (resource.kind === 'Namespace' && resource.labels['maistra.io/member-of'] !== undefined)
        return {
            resource,
            what: `${id} is a member of the Maistra control plane in ${resource.labels['maistra.io/member-of']}`,
            origin: originAt(resource, ['metadata', 'labels', 'maistra.io/member-of']),
            primary: false,
        };
    return undefined;
}
/** Evidence of an Istio spin-off in the repository (reference/istio.md §8), in file order. */
function distributionEvidence(model) {
    return model.resources.map(evidenceOf).filter((e) => e !== undefined);
}

;// CONCATENATED MODULE: ./src/rules/unsupported-istio-distribution.ts



const unsupported_istio_distribution_id = 'unsupported-istio-distribution';
const unsupportedIstioDistribution = {
    meta: {
        id: unsupported_istio_distribution_id,
        severity: 'warning',
        description: 'Dynatrace supports upstream Istio only, not Maistra or OpenShift Service Mesh.',
        docs: docsUrl(unsupported_istio_distribution_id),
        fixable: false,
    },
    check({ head }) {
        const evidence = distributionEvidence(head);
        const primary = evidence.filter((e) => e.primary);
        // Control planes and installs each get a finding; mesh members only point at one, so the first stands for all.
        const reported = primary.length > 0 ? primary : evidence.slice(0, 1);
        const others = primary.length > 0 ? 0 : evidence.length - reported.length;
        return reported.map((e) => ({
            message: `${e.what}${others > 0 ? ` (and ${others} more mesh member${others > 1 ? 's' : ''})` : ''}. The guide: ` +
                '"Istio spin-offs are currently not supported (for example, Maistra or OpenShift Service Mesh)." ' +
                'Dynatrace with enableIstio, CNI exclusions and metric merging is documented for upstream Istio only.',
            origin: e.origin,
            resource: resourceId(e.resource),
            field: 'distribution',
            subject: e.resource,
        }));
    },
};

;// CONCATENATED MODULE: ./src/rules/index.ts



















/** Every rule, sorted by id. A new rule is one file in this folder, one line here and its doc page. */
const ALL_RULES = [
    activeGateMeshAccess,
    cniCsiDeadlock,
    configNotEvaluable,
    dynakubeApiVersion,
    dynakubeSpec,
    enableIstioConflict,
    enableIstioDnsLoad,
    enableIstioReapply,
    enableIstioRequired,
    metricScrapingMtls,
    mixedDataplaneModes,
    nativeSidecars,
    operatorNamespaceInjection,
    registryEgress,
    serviceEntryConflict,
    serviceEntryInvalid,
    serviceEntryVisibility,
    unsupportedIstioDistribution,
].sort((a, b) => byCodeUnits(a.meta.id, b.meta.id));

;// CONCATENATED MODULE: ./src/config/load.ts









const DEFAULT_CONFIG_PATH = CONFIG_FILE_PATHS[0];
class ConfigError extends Error {
}
const SETTINGS = new Set(['error', 'warning', 'info', 'off']);
function emptyConfig() {
    return { rules: {}, include: [], exclude: [], raw: {} };
}
/**
 * Reads the config file; a missing default file (`.yml`, else `.yaml`) is an empty config, a missing explicit file
 * is an error. The default files are looked up in `repo`; an explicit relative path is taken from `explicitFrom`
 * (the CLI: the current directory, as any path on its command line; the action: the workspace).
 */
async function loadConfig(repo, explicitPath, explicitFrom = repo) {
    if (explicitPath) {
        const text = await readText(external_node_path_default().resolve(explicitFrom, explicitPath));
        if (text === undefined)
            throw new ConfigError(`config file ${explicitPath} cannot be read${await fileInRepoHint(repo, explicitPath, explicitFrom)}`);
        return parseConfig(text, explicitPath);
    }
    for (const candidate of CONFIG_FILE_PATHS) {
        const text = await readText(external_node_path_default().resolve(repo, candidate));
        if (text !== undefined)
            return parseConfig(text, candidate);
    }
    return emptyConfig();
}
function readText(file) {
    return external_node_fs_.promises.readFile(file, 'utf8').catch(() => undefined);
}
/**
 * A relative `--config` that names a file of the repository, not of the current directory (earlier versions of the
 * CLI took it from `--repo`): which path names that file.
 */
async function fileInRepoHint(repo, file, from) {
    const inRepo = external_node_path_default().resolve(repo, file);
    if (external_node_path_default().isAbsolute(file) || inRepo === external_node_path_default().resolve(from, file) || (await readText(inRepo)) === undefined)
        return '';
    return ` (a relative path is taken from the current directory; the one in ${repo} is ${external_node_path_default().join(repo, file)})`;
}
/** The keys a config file may have: a misspelt one would otherwise be ignored without a word. */
const CONFIG_KEYS = ['rules', 'paths', 'exclude', 'charts'];
/** A rule's level as the config file and `--rule` write it (`false` also means off), or undefined. */
function ruleLevel(value) {
    const setting = value === false ? 'off' : (0,model_read/* asString */.oJ)(value)?.toLowerCase();
    if (setting === 'false')
        return 'off';
    return setting && SETTINGS.has(setting) ? setting : undefined;
}
function parseConfig(text, label) {
    let raw;
    try {
        // Warnings (an unresolved tag, a mapping as a key) would be printed by Node on stderr; the checks below say
        // what is wrong with such a file.
        raw = (0,dist/* parse */.qg)(text, { version: '1.1', logLevel: 'error' });
    }
    catch (error) {
        const line = error.linePos?.[0]?.line ?? 1;
        const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        throw new ConfigError(`${label}:${line}: not valid YAML: ${reason}`);
    }
    if (raw === null || raw === undefined)
        return emptyConfig(); // an empty file or only comments
    const record = (0,model_read/* asRecord */.qY)(raw);
    if (!record)
        throw new ConfigError(`${label}: must be a mapping of ${CONFIG_KEYS.join(', ')}`);
    const unknown = Object.keys(record).find((key) => !CONFIG_KEYS.includes(key));
    if (unknown !== undefined)
        throw new ConfigError(`${where(label, keyLineOf(text, [unknown]))}: unknown key '${shortValue(unknown)}' (known: ${CONFIG_KEYS.join(', ')})`);
    if (record.rules !== undefined && record.rules !== null && !(0,model_read/* asRecord */.qY)(record.rules))
        throw new ConfigError(`${where(label, lineOf(text, ['rules']))}: rules must be a mapping of rule id to error, warning, info or off`);
    checkCharts(record.charts, text, label);
    const known = new Set(ALL_RULES.map((rule) => rule.meta.id));
    const rules = {};
    for (const [id, value] of Object.entries((0,model_read/* asRecord */.qY)(record.rules) ?? {})) {
        if (!known.has(id))
            throw new ConfigError(`${where(label, keyLineOf(text, ['rules', id]))}: rules.${shortValue(id)}: unknown rule`);
        const setting = ruleLevel(value);
        if (!setting)
            throw new ConfigError(`${where(label, lineOf(text, ['rules', id]))}: rules.${id} must be one of error, warning, info, off`);
        rules[id] = setting;
    }
    for (const key of ['paths', 'exclude']) {
        const value = record[key];
        if (value !== undefined && value !== null && typeof value !== 'string' && !Array.isArray(value))
            throw new ConfigError(`${where(label, lineOf(text, [key]))}: ${key} must be a glob or a list of globs`);
    }
    checkGlobs(record, text, label);
    const strings = (value) => globList(value)
        .map(model_read/* asString */.oJ)
        .filter((s) => !!s);
    return { rules, include: strings(record.paths), exclude: strings(record.exclude), raw: record };
}
/** `charts` maps chart names to globs: a misspelt chart name (`istiodd`) would map its files to no chart. */
function checkCharts(charts, text, label) {
    if (charts === undefined || charts === null)
        return;
    if (!(0,model_read/* asRecord */.qY)(charts))
        throw new ConfigError(`${where(label, lineOf(text, ['charts']))}: charts must be a mapping of chart name to globs`);
    const chart = Object.keys((0,model_read/* asRecord */.qY)(charts)).find((name) => !HELM_CHARTS.includes(name));
    if (chart !== undefined)
        throw new ConfigError(`${where(label, keyLineOf(text, ['charts', chart]))}: charts.${shortValue(chart)}: unknown chart (known: ${HELM_CHARTS.join(', ')})`);
}
/** A list of globs, or one glob written on its own (`paths: clusters/**`), as a list. */
function globList(value) {
    return typeof value === 'string' ? [value] : (0,model_read/* asArray */._j)(value);
}
/**
 * Refuses a glob picomatch cannot read in `paths`, `exclude` or a chart's list under `charts`: picomatch would
 * make it match nothing, so the run would silently read (or skip, or map to the chart) no file.
 */
function checkGlobs(record, text, label) {
    const lists = [
        ['paths'],
        ['exclude'],
        ...HELM_CHARTS.map((chart) => ['charts', chart]),
    ];
    for (const keys of lists) {
        const value = keys.reduce((node, key) => (0,model_read/* asRecord */.qY)(node)?.[key], record);
        const entries = globList(value);
        entries.forEach((entry, index) => {
            if (typeof entry !== 'string' || !isUnreadableGlob(entry))
                return;
            const at = Array.isArray(value) ? [...keys, index] : keys;
            throw new ConfigError(`${where(label, lineOf(text, at))}: ${keys.join('.')} has a glob that is not valid: '${shortValue(entry)}'`);
        });
    }
}
/** `file:line` for an error, or the file alone when the line is not known. */
function where(label, line) {
    return line === undefined ? label : `${label}:${line}`;
}
/** The line of the value at `keys` in the config text, read again with positions only when there is an error. */
function lineOf(text, keys) {
    const lineCounter = new dist/* LineCounter */.HN();
    const node = (0,dist/* parseDocument */.Tp)(text, { version: '1.1', lineCounter }).getIn(keys, true);
    return (0,dist/* isNode */.Ll)(node) && node.range ? lineCounter.linePos(node.range[0]).line : undefined;
}
/**
 * The line of the key at `keys` (not of its value, which may be on the next line or absent): where a misspelt
 * key is written.
 */
function keyLineOf(text, keys) {
    const lineCounter = new dist/* LineCounter */.HN();
    const document = (0,dist/* parseDocument */.Tp)(text, { version: '1.1', lineCounter });
    const parent = keys.length === 1 ? document.contents : document.getIn(keys.slice(0, -1), true);
    if (!(0,dist/* isMap */.jh)(parent))
        return undefined;
    const key = parent.items.find((pair) => (0,dist/* isScalar */.jn)(pair.key) && String(pair.key.value) === keys.at(-1))?.key;
    return (0,dist/* isNode */.Ll)(key) && key.range ? lineCounter.linePos(key.range[0]).line : undefined;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/diff/egress.ts










/** Namespaces drawn one by one; the rest are counted. */
const MAX_NAMESPACES = 8;
class MapBuilder {
    nodes = new Map();
    edges = new Map();
    ids = new Map();
    omittedNamespaces = 0;
    node(key, node) {
        let id = this.ids.get(key);
        if (!id) {
            id = `n${this.ids.size}`;
            this.ids.set(key, id);
            this.nodes.set(id, { id, ...node });
        }
        return id;
    }
    edge(edge) {
        const key = `${edge.from}>${edge.to}`;
        const existing = this.edges.get(key);
        // A path is blocked if any DynaKube's view of it is blocked.
        if (!existing || (!existing.blocked && edge.blocked))
            this.edges.set(key, edge);
    }
}
function pod(namespace, labels = {}) {
    return { namespace, labels, annotations: {}, hostNetwork: false };
}
/** The data-plane mode of a pod, or undefined when it is outside the mesh. */
function meshMode(model, shape) {
    return podMeshMembership(model, shape)?.mode;
}
/**
 * Why traffic from `namespace` to `host` is blocked: the mesh lets it out only when registered. `operatorCovers`
 * says whether the operator's own ServiceEntries (enableIstio) cover the host: never for registries.
 */
function egressBlock(model, from, host, operatorCovers) {
    return restrictedEgress(model, from, operatorCovers, () => !!host && hostCovered(model, host, from.namespace));
}
/** Like `egressBlock`, with the coverage decided by `covered` (asked only when egress is restricted). */
function restrictedEgress(model, from, operatorCovers, covered) {
    // The outbound policy is enforced by sidecars; ztunnel (ambient) passes such traffic through.
    if (meshMode(model, from) !== 'sidecar')
        return undefined;
    // The same decision as the rules': a namespace's own Sidecar with ALLOW_ANY lifts the mesh-wide REGISTRY_ONLY.
    const restriction = outboundRestriction(model, from.namespace);
    if (!restriction)
        return undefined;
    if (operatorCovers?.enableIstio)
        return undefined;
    if (covered())
        return undefined;
    const { sidecar } = restriction;
    const where = sidecar ? `Sidecar ${sidecar.namespace ?? from.namespace}/${sidecar.name}` : 'mesh-wide';
    return `REGISTRY_ONLY (${where}): no ServiceEntry${operatorCovers ? ', enableIstio off' : ''}`;
}
/**
 * Whether the CSI driver's pull from `registry` goes through: the registry-egress rule's decision (every needed host
 * and port declared by a valid entry visible in the namespace).
 */
function registryPullCovered(model, registry, namespace) {
    return uncoveredPull(registry.registry, [registry.port], coverageIn(model, namespace)).missing.length === 0;
}
/** Adds the components of one DynaKube and their paths. */
function addDynaKube(builder, model, dynakube) {
    const operatorNamespace = operatorNamespaces(model)[0]?.value ?? dynakube.namespace ?? 'dynatrace';
    const host = apiUrlHost(dynakube.apiUrl?.value);
    const toDynatrace = { enableIstio: dynakube.enableIstio.value };
    const environment = builder.node(`env:${host ?? '?'}`, {
        label: `Dynatrace environment\n${host ?? (dynakube.apiUrl?.value || 'apiUrl not set')}`,
        place: 'external',
    });
    const operatorPod = pod(operatorNamespace, { 'app.kubernetes.io/name': 'dynatrace-operator' });
    const operator = builder.node(`operator:${operatorNamespace}`, {
        label: `Dynatrace Operator\nns ${operatorNamespace}`,
        place: 'cluster',
        inMesh: meshMode(model, operatorPod) !== undefined,
    });
    builder.edge({
        from: operator,
        to: environment,
        label: 'API 443',
        blocked: egressBlock(model, operatorPod, host, toDynatrace),
    });
    const agPod = activeGatePod(model, dynakube);
    let activeGate;
    if (agPod) {
        activeGate = builder.node(`ag:${agPod.namespace}/${dynakube.name}`, {
            label: `ActiveGate ${dynakube.name}\nns ${agPod.namespace}`,
            place: 'cluster',
            inMesh: meshMode(model, agPod) !== undefined,
        });
        builder.edge({
            from: activeGate,
            to: environment,
            label: '443',
            blocked: egressBlock(model, agPod, host, toDynatrace),
        });
    }
    const routed = !!agPod && !!dynakube.activeGate?.capabilities.value.includes('routing');
    const agentTarget = routed ? activeGate : environment;
    /** In-cluster services are in the registry: towards a routing ActiveGate only strict mTLS can block. */
    const agentBlock = (from) => {
        if (!routed)
            return from ? egressBlock(model, from, host, toDynatrace) : undefined;
        const fromMesh = from !== undefined && meshMode(model, from) !== undefined;
        const strict = activeGateStrictMtls(model, agPod) !== undefined;
        return !fromMesh && strict ? 'STRICT mTLS at the ActiveGate, client outside the mesh' : undefined;
    };
    const hostAgents = dynakube.modes.some((mode) => HOST_AGENT_MODES.includes(mode.value));
    if (hostAgents) {
        const oneAgent = builder.node(`oneagent:${dynakube.namespace ?? ''}/${dynakube.name}`, {
            label: `OneAgent ${dynakube.name}\nhost network`,
            place: 'cluster',
            inMesh: false,
        });
        builder.edge({ from: oneAgent, to: agentTarget, label: 'agent traffic', blocked: agentBlock(undefined) });
    }
    if (!injectsCodeModules(dynakube))
        return;
    addMonitoredNamespaces(builder, model, dynakube, agentTarget, agentBlock, host);
    if (!codeModulesViaCsi(model, dynakube).value)
        return;
    const csiLabels = Object.assign({}, ...model.operatorInstalls.map((i) => i.csiDriverLabels));
    // The namespace registry-egress judges: the first operator namespace where the CSI driver is in the mesh.
    const csiNamespace = csiDriverMembership(model)?.namespace ?? operatorNamespace;
    const csiPod = pod(csiNamespace, csiLabels);
    const csi = builder.node(`csi:${csiNamespace}`, {
        label: `CSI driver\nns ${csiNamespace}`,
        place: 'cluster',
        inMesh: meshMode(model, csiPod) !== undefined,
    });
    const pull = codeModulesPull(model, dynakube);
    if (!pull) {
        const blocked = egressBlock(model, csiPod, host, toDynatrace);
        builder.edge({ from: csi, to: environment, label: 'code modules download', blocked });
        return;
    }
    const registry = pull.registry?.registry ?? pull.image.value;
    const target = builder.node(`registry:${registry}`, { label: `registry\n${registry}`, place: 'external' });
    builder.edge({ from: csi, to: target, label: pullLabel(pull), blocked: pullBlock(model, csiPod, pull) });
}
function pullLabel(pull) {
    if (pull.by === 'node')
        return 'code modules image, pulled by the node';
    return pull.registry ? 'code modules image' : 'code modules image, registry not evaluable';
}
/**
 * Why the CSI driver's own pull is blocked, as registry-egress decides: only a pull through its sidecar from a
 * registry it can tell; the kubelet's pull (node-image-pull) leaves the mesh out.
 */
function pullBlock(model, csiPod, pull) {
    const registry = pull.registry;
    if (pull.by !== 'csi-driver' || !registry)
        return undefined;
    // The operator's ServiceEntries never cover registries (bar its API host, which coverageIn counts).
    return restrictedEgress(model, csiPod, undefined, () => registryPullCovered(model, registry, csiPod.namespace));
}
const HOST_AGENT_MODES = ['classicFullStack', 'cloudNativeFullStack', 'hostMonitoring'];
/**
 * The pod whose agent traffic stands for a monitored namespace: an ordinary pod of it when the namespace enrols its
 * pods for sidecars, else one of its workloads that runs a sidecar all the same (kube-injected or opted in), as
 * service-entry-visibility counts them; else the ordinary pod (ambient, or outside the mesh).
 */
function codeModulesPod(model, namespace) {
    const ordinary = pod(namespace);
    if (meshMode(model, ordinary) === 'sidecar')
        return ordinary;
    return sidecarWorkloadPod(model, namespace) ?? ordinary;
}
/** The namespaces whose pods get code modules, each in or out of the mesh, and their agent traffic. */
function addMonitoredNamespaces(builder, model, dynakube, agentTarget, agentBlock, host) {
    const namespaces = monitoredNamespaces(model, dynakube);
    for (const namespace of namespaces.slice(0, MAX_NAMESPACES)) {
        const shape = codeModulesPod(model, namespace);
        const id = builder.node(`ns:${namespace}`, {
            label: `code modules\nns ${namespace}`,
            place: 'cluster',
            inMesh: meshMode(model, shape) !== undefined,
        });
        builder.edge({ from: id, to: agentTarget, label: 'agent traffic', blocked: agentBlock(shape) });
    }
    builder.omittedNamespaces += Math.max(0, namespaces.length - MAX_NAMESPACES);
    if (namespaces.length > 0)
        return;
    // The namespaces are not in the repository: whether they are in the mesh is unknown.
    const id = builder.node(`ns:*:${dynakube.name}`, {
        label: `code modules\nnamespaces selected by ${dynakube.name}`,
        place: 'cluster',
    });
    // Only the root namespace's default Sidecar and the mesh-wide policy govern them, as enable-istio-required says.
    const restriction = undeclaredNamespaceRestriction(model);
    const covered = dynakube.enableIstio.value || (!!host && hostCovered(model, host, undefined));
    const routed = builder.nodes.get(agentTarget)?.place === 'cluster';
    const where = restriction?.sidecar
        ? `Sidecar ${restriction.sidecar.namespace ?? ''}/${restriction.sidecar.name}`
        : 'mesh-wide';
    const blocked = !routed && restriction && !covered
        ? `REGISTRY_ONLY (${where}) for namespaces in the mesh: no ServiceEntry, enableIstio off`
        : undefined;
    builder.edge({ from: id, to: agentTarget, label: 'agent traffic', blocked });
}
/** The egress map of head; with base, paths blocked on head but open on base are marked as blocked by the change. */
function egressMap(head, base) {
    const map = buildMap(head);
    if (!map)
        return undefined;
    if (base) {
        const before = buildMap(base);
        const openBefore = new Set((before?.edges ?? [])
            .filter((edge) => !edge.blocked)
            .map((edge) => `${labelOf(before, edge.from)}>${labelOf(before, edge.to)}`));
        for (const edge of map.edges) {
            const key = `${labelOf(map, edge.from)}>${labelOf(map, edge.to)}`;
            if (edge.blocked && openBefore.has(key))
                edge.newlyBlocked = true;
        }
    }
    return map;
}
function labelOf(map, id) {
    return map.nodes.find((node) => node.id === id)?.label ?? id;
}
function buildMap(model) {
    if (model.dynakubes.length === 0)
        return undefined;
    const builder = new MapBuilder();
    for (const dynakube of model.dynakubes)
        addDynaKube(builder, model, dynakube);
    return {
        nodes: [...builder.nodes.values()],
        edges: [...builder.edges.values()],
        omittedNamespaces: builder.omittedNamespaces,
    };
}

;// CONCATENATED MODULE: ./src/diff/facts.ts
const SECTION = {
    dynakube: 0,
    operator: 1,
    mesh: 2,
    controlPlane: 3,
    cni: 4,
    namespace: 5,
    policy: 6,
    egress: 7,
    workload: 8,
};
/** Collects facts in the order they are added; a later fact with the same resource and path replaces it. */
class FactSet {
    facts = new Map();
    add(fact) {
        this.facts.set(factKey(fact), fact);
    }
    /** Adds one fact per entry of a string map (labels, annotations), so a change names the key that changed. */
    addMap(base, path, map, locate = () => undefined) {
        for (const key of Object.keys(map).sort()) {
            const origin = locate(key) ?? base.origin;
            this.add({ ...base, path: `${path}.${key}`, value: map[key], ...(origin ? { origin } : {}) });
        }
    }
}
function factKey(fact) {
    return `${fact.resource}\u0000${fact.path}`;
}
/** Origin of a fact only when it is written in the repository (defaults carry an empty file). */
function writtenOrigin(origin) {
    return origin && origin.file ? origin : undefined;
}
/** JSON with sorted keys: two values mean the same when their canonical forms are equal. */
function canonical(value) {
    return JSON.stringify(sortKeys(value)) ?? 'null';
}
function sortKeys(value) {
    if (Array.isArray(value))
        return value.map(sortKeys);
    if (value !== null && typeof value === 'object') {
        const record = value;
        return Object.fromEntries(Object.keys(record)
            .sort()
            .filter((key) => record[key] !== undefined)
            .map((key) => [key, sortKeys(record[key])]));
    }
    return value;
}

;// CONCATENATED MODULE: ./src/diff/dynakube.ts


/** A label selector in kubectl's syntax, with its terms sorted: order and formatting carry no meaning. */
function selectorText(selector) {
    const terms = [
        ...Object.entries(selector.matchLabels ?? {}).map(([key, value]) => `${key}=${value}`),
        ...(selector.matchExpressions ?? []).map((requirement) => {
            const values = [...(requirement.values ?? [])].sort().join(', ');
            if (requirement.operator === 'Exists')
                return requirement.key;
            if (requirement.operator === 'DoesNotExist')
                return `!${requirement.key}`;
            if (requirement.operator === 'In')
                return `${requirement.key} in (${values})`;
            if (requirement.operator === 'NotIn')
                return `${requirement.key} notin (${values})`;
            return `${requirement.key} ${requirement.operator} (${values})`;
        }),
    ].sort();
    return terms.length > 0 ? terms.join(', ') : 'everything';
}
/** The settings of a DynaKube that decide how it works with Istio, one fact each. */
function addDynaKubeFacts(facts, dynakube) {
    const resource = resourceId(dynakube);
    const base = { resource, section: SECTION.dynakube, resourceOrigin: dynakube.origin };
    facts.add({ ...base, path: '', value: true, origin: dynakube.origin });
    facts.add({ ...base, path: 'apiVersion', value: dynakube.apiVersion, origin: dynakube.origin });
    const modes = dynakube.modes.map((mode) => mode.value).sort();
    facts.add({
        ...base,
        path: 'oneAgent mode',
        value: modes.length > 0 ? modes.join(' + ') : null,
        origin: dynakube.modes[0]?.origin,
    });
    facts.add({
        ...base,
        path: 'apiUrl',
        value: dynakube.apiUrl?.value ?? null,
        origin: dynakube.apiUrl?.origin,
    });
    facts.add({
        ...base,
        path: 'enableIstio',
        value: dynakube.enableIstio.value,
        origin: dynakube.enableIstio.defaulted ? undefined : dynakube.enableIstio.origin,
    });
    facts.add({
        ...base,
        path: 'networkZone',
        value: dynakube.networkZone?.value ?? null,
        origin: dynakube.networkZone?.origin,
    });
    facts.add({
        ...base,
        path: 'namespaceSelector',
        value: dynakube.namespaceSelector ? selectorText(dynakube.namespaceSelector.value) : null,
        origin: writtenOrigin(dynakube.namespaceSelector?.origin),
    });
    facts.add({
        ...base,
        path: 'codeModulesImage',
        value: dynakube.codeModulesImage?.value ?? null,
        origin: dynakube.codeModulesImage?.origin,
    });
    facts.add({
        ...base,
        path: 'useCSIDriver',
        value: dynakube.useCSIDriver?.value ?? null,
        origin: dynakube.useCSIDriver?.defaulted ? undefined : dynakube.useCSIDriver?.origin,
    });
    facts.add({
        ...base,
        path: 'oneAgent image',
        value: dynakube.oneAgentImage?.value ?? null,
        origin: dynakube.oneAgentImage?.origin,
    });
    addActiveGateFacts(facts, dynakube, base);
    const featureFlags = Object.fromEntries(Object.entries(dynakube.annotations).filter(([key]) => key.startsWith('feature.dynatrace.com/')));
    facts.addMap({ ...base, origin: dynakube.origin }, 'annotations', featureFlags, (key) => lineOrigin(dynakube, ['metadata', 'annotations', key]));
}
function addActiveGateFacts(facts, dynakube, base) {
    const activeGate = dynakube.activeGate;
    const capabilities = activeGate ? [...activeGate.capabilities.value].sort() : null;
    facts.add({
        ...base,
        path: 'activeGate.capabilities',
        value: capabilities,
        origin: activeGate?.capabilities.origin ?? activeGate?.origin,
    });
    facts.add({
        ...base,
        path: 'activeGate.image',
        value: activeGate?.image?.value ?? null,
        origin: activeGate?.image?.origin,
    });
    if (!activeGate)
        return;
    facts.addMap({ ...base, origin: activeGate.origin }, 'activeGate.labels', activeGate.labels, (key) => lineOrigin(dynakube, ['spec', 'activeGate', 'labels', key]));
}
function lineOrigin(dynakube, path) {
    const line = dynakube.document.lineAt(path);
    return line === undefined ? undefined : { file: dynakube.document.file, line, path: path.join('.') };
}

;// CONCATENATED MODULE: ./src/diff/mesh.ts






const MESH = 'Istio mesh';
const CONTROL_PLANE = 'Istio control plane';
const CNI = 'Istio CNI';
const OPERATOR = 'Dynatrace Operator';
const NATIVE_SIDECARS = 'ENABLE_NATIVE_SIDECARS';
function factValue(value) {
    if (!value)
        return { value: null };
    const origin = value.defaulted ? undefined : writtenOrigin(value.origin);
    return { value: value.value, ...(origin ? { origin } : {}) };
}
/** Mesh-wide settings: egress policy, root namespace, export default, discovery selectors, mesh-wide mTLS. */
function addMeshFacts(facts, model) {
    const base = { resource: MESH, section: SECTION.mesh };
    facts.add({ ...base, path: 'outboundTrafficPolicy.mode', ...factValue(effectiveOutboundPolicy(model)) });
    facts.add({ ...base, path: 'rootNamespace', ...factValue(effectiveRootNamespace(model)) });
    const exportTo = model.meshConfigs.find((source) => source.defaultServiceExportTo)?.defaultServiceExportTo;
    facts.add({
        ...base,
        path: 'defaultServiceExportTo',
        value: exportTo ? [...exportTo.value].sort() : ['*'],
        ...(exportTo ? { origin: exportTo.origin } : {}),
    });
    const selectors = model.meshConfigs.find((source) => source.discoverySelectors)?.discoverySelectors;
    facts.add({
        ...base,
        path: 'discoverySelectors',
        value: selectors ? selectors.value.map(selectorText).sort() : null,
        ...(selectors ? { origin: selectors.origin } : {}),
    });
    const meshWide = meshWidePeerAuthentication(model);
    facts.add({
        ...base,
        path: 'mTLS mode',
        value: modeOf(meshWide) ?? 'PERMISSIVE',
        ...(meshWide ? { origin: meshWide.mtlsMode?.origin ?? meshWide.origin } : {}),
    });
}
/** The mesh-wide PeerAuthentication: no selector, in the root namespace. */
function meshWidePeerAuthentication(model) {
    const root = effectiveRootNamespace(model).value;
    return model.peerAuthentications.find((pa) => pa.namespace === root && !hasSelector(pa));
}
/** A PeerAuthentication's own mode; `UNSET` (or none) inherits from its parent scope. */
function modeOf(pa) {
    const mode = pa?.mtlsMode?.value;
    return mode && mode !== 'UNSET' ? mode : undefined;
}
/** The mTLS mode that applies to a namespace: its own namespace-wide policy, else the mesh-wide one. */
function effectiveNamespaceMtls(model, namespace) {
    return (modeOf(ownPeerAuthentication(model, namespace)) ??
        modeOf(meshWidePeerAuthentication(model)) ??
        'PERMISSIVE');
}
/** A namespace's namespace-wide PeerAuthentication: no selector, in that namespace. */
function ownPeerAuthentication(model, namespace) {
    return model.peerAuthentications.find((pa) => pa.namespace === namespace && !hasSelector(pa));
}
/** Istiod: version, profile, compatibility version and the native sidecar switch. */
function addControlPlaneFacts(facts, model) {
    const base = { resource: CONTROL_PLANE, section: SECTION.controlPlane };
    const first = (key) => model.pilotInstalls.map((install) => install[key]).find((value) => value !== undefined);
    facts.add({ ...base, path: 'version', ...factValue(first('version')) });
    facts.add({ ...base, path: 'profile', ...factValue(first('profile')) });
    facts.add({ ...base, path: 'compatibilityVersion', ...factValue(first('compatibilityVersion')) });
    const nativeSidecars = model.pilotInstalls
        .map((install) => install.env[NATIVE_SIDECARS])
        .find((value) => value !== undefined);
    facts.add({ ...base, path: `env.${NATIVE_SIDECARS}`, ...factValue(nativeSidecars) });
    // What the setting means on this version: `on`, `auto` (the 1.27+ default) or `off`.
    const pilot = model.pilotInstalls[0];
    if (pilot) {
        const state = nativeSidecarState(pilot, model.kubernetesVersion);
        facts.add({ ...base, path: 'native sidecars', value: state.state, origin: writtenOrigin(state.origin) });
    }
}
/** The CNI node agent: whether it runs, where, and its pod annotations (one fact per annotation). */
function addCniFacts(facts, model) {
    const base = { resource: CNI, section: SECTION.cni };
    const enabled = model.cniInstalls.filter((install) => install.enabled.value);
    facts.add({
        ...base,
        path: 'enabled',
        value: enabled.length > 0,
        ...(enabled[0] ? { origin: enabled[0].enabled.origin } : {}),
    });
    const install = enabled[0];
    if (!install)
        return;
    facts.add({ ...base, path: 'namespace', ...factValue(install.namespace) });
    const annotations = Object.assign({}, ...enabled.map((one) => one.podAnnotations.value));
    facts.addMap({ ...base, origin: install.podAnnotations.origin }, 'podAnnotations', annotations);
}
/** The operator's namespace, CSI driver and version. */
function addOperatorFacts(facts, model) {
    const base = { resource: OPERATOR, section: SECTION.operator };
    const installs = model.operatorInstalls;
    if (installs.length > 0) {
        const namespaces = operatorNamespaces(model);
        facts.add({
            ...base,
            path: 'namespace',
            value: namespaces.map((ns) => ns.value).sort(),
            ...(installs[0] ? { origin: installs[0].namespace.origin } : {}),
        });
    }
    facts.add({ ...base, path: 'csidriver.enabled', ...factValue(csiDriverEnabled(model)) });
    const version = installs.map((install) => install.version).find((value) => value !== undefined);
    facts.add({ ...base, path: 'version', ...factValue(version) });
}
/** How a namespace joins the mesh, read from its labels; null when it is not in the mesh. */
function dataPlaneMode(namespace) {
    const labels = namespace.labels;
    const injection = labels['istio-injection'];
    const revision = labels['istio.io/rev'];
    const ambient = labels['istio.io/dataplane-mode'];
    const sidecar = injection === 'enabled'
        ? 'sidecar (istio-injection=enabled)'
        : injection === undefined && revision !== undefined
            ? `sidecar (istio.io/rev=${revision})`
            : undefined;
    const parts = [
        ...(sidecar ? [sidecar] : []),
        ...(ambient === 'ambient' ? ['ambient'] : []),
        ...(injection === 'disabled' ? ['injection disabled'] : []),
        ...(ambient === 'none' ? ['ambient opted out'] : []),
    ];
    return parts.length > 0 ? parts.join(' + ') : null;
}
const mesh_MESH_LABELS = ['istio-injection', 'istio.io/rev', 'istio.io/dataplane-mode'];
/** Namespaces with a namespace-wide PeerAuthentication of their own (the root namespace's is the mesh-wide one). */
function namespacesWithOwnMtls(model) {
    const root = effectiveRootNamespace(model).value;
    return model.peerAuthentications.flatMap((pa) => !hasSelector(pa) && pa.namespace && pa.namespace !== root ? [pa.namespace] : []);
}
/**
 * Per namespace: data-plane mode, and the mTLS mode that applies to each namespace with a namespace-wide
 * PeerAuthentication on either side (`mtlsNamespaces`, from both sides of the diff). Where its own policy does not
 * decide (none on this side, or `UNSET`), the mode is the inherited one, marked so: a namespace policy replaced by a
 * mesh-wide STRICT one reads `STRICT → STRICT (mesh-wide)`, not as mTLS gone.
 */
function addNamespaceFacts(facts, model, mtlsNamespaces = namespacesWithOwnMtls(model)) {
    for (const namespace of model.namespaces.values()) {
        const resource = `Namespace ${namespace.name}`;
        const label = mesh_MESH_LABELS.find((key) => namespace.labels[key] !== undefined);
        const line = label ? namespace.document.lineAt(['metadata', 'labels', label]) : undefined;
        facts.add({
            resource,
            section: SECTION.namespace,
            path: 'data plane',
            value: dataPlaneMode(namespace),
            origin: line ? { file: namespace.document.file, line } : namespace.origin,
            resourceOrigin: namespace.origin,
        });
    }
    const root = effectiveRootNamespace(model).value;
    const meshWide = meshWidePeerAuthentication(model);
    const inherited = modeOf(meshWide);
    for (const namespace of new Set(mtlsNamespaces)) {
        if (namespace === root)
            continue;
        const own = ownPeerAuthentication(model, namespace);
        const mode = modeOf(own);
        const origin = mode
            ? (own.mtlsMode?.origin ?? own.origin)
            : inherited
                ? (meshWide.mtlsMode?.origin ?? meshWide.origin)
                : own?.origin;
        facts.add({
            resource: `Namespace ${namespace}`,
            section: SECTION.namespace,
            path: 'mTLS mode',
            value: mode ?? (inherited ? `${inherited} (mesh-wide)` : 'PERMISSIVE (default)'),
            ...(origin ? { origin } : {}),
            ...(own ? { resourceOrigin: own.origin } : {}),
        });
    }
}
/** Workload-scoped PeerAuthentications, Sidecars and ServiceEntries: the objects that open or close paths. */
function addPolicyFacts(facts, model) {
    for (const pa of model.peerAuthentications) {
        if (!hasSelector(pa))
            continue;
        const base = { resource: resourceId(pa), section: SECTION.policy, resourceOrigin: pa.origin };
        facts.add({ ...base, path: '', value: true, origin: pa.origin });
        facts.add({
            ...base,
            path: 'selector',
            value: selectorText({ matchLabels: pa.selector }),
            origin: pa.origin,
        });
        facts.add({
            ...base,
            path: 'mTLS mode',
            value: modeOf(pa) ?? null,
            origin: pa.mtlsMode?.origin ?? pa.origin,
        });
        facts.addMap({ ...base, origin: pa.origin }, 'portLevelMtls', pa.portLevelMtls);
    }
    for (const sidecar of model.sidecars) {
        const base = { resource: resourceId(sidecar), section: SECTION.policy, resourceOrigin: sidecar.origin };
        facts.add({ ...base, path: '', value: true, origin: sidecar.origin });
        facts.add({
            ...base,
            path: 'outboundTrafficPolicy.mode',
            value: sidecar.outboundPolicy?.value ?? null,
            origin: sidecar.outboundPolicy?.origin ?? sidecar.origin,
        });
        facts.add({
            ...base,
            path: 'egress hosts',
            value: [...sidecar.egressHosts].sort(),
            origin: sidecar.origin,
        });
    }
    for (const entry of model.serviceEntries) {
        const base = { resource: resourceId(entry), section: SECTION.egress, resourceOrigin: entry.origin };
        facts.add({ ...base, path: '', value: true, origin: entry.origin });
        facts.add({ ...base, path: 'hosts', value: [...entry.hosts.value].sort(), origin: entry.hosts.origin });
        const ports = entry.ports.map((port) => `${port.number}/${port.protocol ?? '?'}`).sort();
        facts.add({ ...base, path: 'ports', value: ports, origin: entry.origin });
        facts.add({
            ...base,
            path: 'exportTo',
            value: entry.exportTo ? [...entry.exportTo].sort() : null,
            origin: entry.origin,
        });
    }
}
/** Pod labels and annotations through which a workload joins the mesh or talks to Dynatrace. */
const WORKLOAD_KEYS = /^(sidecar\.istio\.io\/|istio\.io\/|proxy\.istio\.io\/|traffic\.sidecar\.istio\.io\/|oneagent\.dynatrace\.com\/|metrics\.dynatrace\.com\/|dynatrace\.com\/|prometheus\.io\/)/;
function relevant(map) {
    return Object.fromEntries(Object.entries(map).filter(([key]) => WORKLOAD_KEYS.test(key)));
}
/**
 * Workloads: only the pod labels and annotations that Istio or Dynatrace read, one fact per key. No fact says
 * a workload exists: the pre-filter skips workloads that mention neither, so absence is not removal.
 */
function addWorkloadFacts(facts, model) {
    for (const workload of model.workloads) {
        const base = {
            resource: resourceId(workload),
            section: SECTION.workload,
            resourceOrigin: workload.origin,
        };
        const at = (kind) => (key) => {
            const line = workload.document.lineAt([...workload.podMetadataPath, kind, key]);
            return line === undefined ? undefined : { file: workload.document.file, line };
        };
        facts.addMap({ ...base, origin: workload.origin }, 'pod labels', relevant(workload.podLabels), at('labels'));
        facts.addMap({ ...base, origin: workload.origin }, 'pod annotations', relevant(workload.podAnnotations), at('annotations'));
        if (workload.hostNetwork)
            facts.add({ ...base, path: 'hostNetwork', value: true, origin: workload.origin });
    }
}

;// CONCATENATED MODULE: ./src/diff/index.ts




/**
 * Every setting of one side of the repository that the diff compares, in domain terms. `mtlsNamespaces`: the
 * namespaces whose mTLS mode is compared, those with a namespace-wide policy on either side (default: this side).
 */
function domainFacts(model, mtlsNamespaces) {
    const facts = new FactSet();
    for (const dynakube of model.dynakubes)
        addDynaKubeFacts(facts, dynakube);
    addOperatorFacts(facts, model);
    addMeshFacts(facts, model);
    addControlPlaneFacts(facts, model);
    addCniFacts(facts, model);
    addNamespaceFacts(facts, model, mtlsNamespaces);
    addPolicyFacts(facts, model);
    addWorkloadFacts(facts, model);
    return facts;
}
/** The path of the fact that says a resource exists; a resource on one side only is one added/removed change. */
const diff_EXISTS = '';
/**
 * What a change does in domain terms: settings compared by meaning, so moving, reformatting or re-quoting YAML
 * (or switching a DynaKube between apiVersions that say the same) is no change.
 */
function diffModels(base, head) {
    const mtlsNamespaces = new Set([...namespacesWithOwnMtls(base), ...namespacesWithOwnMtls(head)]);
    const pairs = pairFacts(domainFacts(base, mtlsNamespaces), domainFacts(head, mtlsNamespaces));
    const whole = new Set();
    for (const pair of pairs.values()) {
        const one = pair.before ?? pair.after;
        if (one.path === diff_EXISTS && (!pair.before || !pair.after))
            whole.add(one.resource);
    }
    const changes = [];
    for (const pair of pairs.values()) {
        const one = pair.after ?? pair.before;
        if (whole.has(one.resource)) {
            if (one.path === diff_EXISTS)
                changes.push(wholeResourceChange(pairs, one.resource, pair));
            continue;
        }
        if (canonical(pair.before?.value ?? null) === canonical(pair.after?.value ?? null))
            continue;
        changes.push({ change: toChange(pair), section: one.section, order: pair.order });
    }
    return changes
        .sort((a, b) => a.section - b.section || byCodeUnits(a.change.resource, b.change.resource) || a.order - b.order)
        .map((entry) => entry.change);
}
function pairFacts(before, after) {
    const pairs = new Map();
    let order = 0;
    for (const [key, fact] of before.facts)
        pairs.set(key, { before: fact, order: order++ });
    for (const [key, fact] of after.facts) {
        const pair = pairs.get(key);
        if (pair)
            pair.after = fact;
        else
            pairs.set(key, { after: fact, order: order++ });
    }
    return pairs;
}
/** Where a change is written: the new value on head; for a removed setting, its resource on head, else base. */
function diff_location(pair) {
    const origin = pair.after?.origin ?? pair.after?.resourceOrigin ?? pair.before?.origin ?? pair.before?.resourceOrigin;
    return origin?.file ? { file: origin.file, line: origin.line } : {};
}
function toChange(pair) {
    const one = pair.after ?? pair.before;
    return {
        resource: one.resource,
        path: one.path,
        before: pair.before?.value ?? null,
        after: pair.after?.value ?? null,
        ...diff_location(pair),
    };
}
/** A resource added or removed as a whole: one change whose other side lists its settings. */
function wholeResourceChange(pairs, resource, exists) {
    const added = !!exists.after;
    const one = exists.after ?? exists.before;
    const settings = {};
    for (const pair of pairs.values()) {
        const fact = added ? pair.after : pair.before;
        if (!fact || fact.resource !== resource || fact.path === diff_EXISTS)
            continue;
        if (fact.value !== null && !(Array.isArray(fact.value) && fact.value.length === 0))
            settings[fact.path] = fact.value;
    }
    const change = {
        resource,
        path: '',
        before: added ? null : settings,
        after: added ? settings : null,
        ...diff_location(exists),
    };
    return { change, section: one.section, order: exists.order };
}

;// CONCATENATED MODULE: ./src/output-file.ts


/** A report or manifest that cannot be written where the user asked: said in one line, not as an internal error. */
class OutputError extends Error {
}
/**
 * Writes `text` to `target`, making the folders it needs first (as a linter's `--output` does). A failure names the
 * file and the reason in an {@link OutputError}.
 */
async function writeOutputFile(target, text) {
    try {
        await makeFolders(external_node_path_default().dirname(external_node_path_default().resolve(target)));
        await external_node_fs_.promises.writeFile(target, text);
    }
    catch (error) {
        throw new OutputError(`cannot write ${target}: ${reasonOf(error)}`);
    }
}
/**
 * Makes `folder` and its missing parents one level at a time. Not `mkdir({ recursive: true })`: Node's recursive
 * mkdir never returns (it spins at full CPU) when a parent lies on a file system that answers ENOENT to every new
 * folder, such as `/proc`; one level at a time, that answer is an error like any other.
 */
async function makeFolders(folder) {
    const missing = [];
    let current = external_node_path_default().resolve(folder);
    while (!(await isFolder(current))) {
        missing.push(current);
        const parent = external_node_path_default().dirname(current);
        if (parent === current)
            break;
        current = parent;
    }
    for (const dir of missing.reverse()) {
        await external_node_fs_.promises.mkdir(dir).catch((error) => {
            // Made meanwhile by someone else: fine.
            if (error.code !== 'EEXIST')
                throw error;
        });
    }
}
async function isFolder(dir) {
    const stat = await external_node_fs_.promises.stat(dir).catch(() => undefined);
    return stat?.isDirectory() ?? false;
}
/** Node's `ENOENT: no such file or directory, mkdir '/x'` without the path, which the caller names already. */
function reasonOf(error) {
    const message = (error.message ?? String(error)).split('\n')[0];
    return message.replace(/, \w+ '.*'$/, '');
}

;// CONCATENATED MODULE: ./src/generate/dynatrace-api.ts

const DEFAULT_TIMEOUT_MS = 10_000;
const ONEAGENT_PATH = '/v1/deployment/installer/agent/connectioninfo';
const ACTIVEGATE_PATH = '/v1/deployment/installer/gateway/connectioninfo';
/**
 * A minimal client for the two connection-info endpoints the operator reads. Every failure becomes a message
 * (never an exception) and no message ever contains the token.
 */
class DynatraceApiClient {
    options;
    /** The API base the operator talks to (third-generation URLs mapped to second generation), without a trailing `/`. */
    baseUrl;
    timeoutMs;
    constructor(options) {
        this.options = options;
        this.baseUrl = withoutQuery(toSecondGenApiUrl(options.apiUrl)).replace(/\/+$/, '');
        this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    }
    /** OneAgent endpoints; with a network zone the operator asks for that zone with fallback to the default zone. */
    async oneAgentConnectionInfo(networkZone) {
        const query = networkZone
            ? `?networkZone=${encodeURIComponent(networkZone)}&defaultZoneFallback=true`
            : '';
        const result = await this.getJson(`${this.baseUrl}${ONEAGENT_PATH}${query}`);
        if (!result.ok) {
            if (result.status === 400 && networkZone) {
                return {
                    ok: false,
                    error: `the Dynatrace API could not find the network zone "${networkZone}" or deliver the default fallback ` +
                        '(HTTP 400); is an ActiveGate configured for the network zone?',
                };
            }
            return result;
        }
        return { ok: true, value: { endpoints: oneAgentEndpoints(result.body) } };
    }
    async activeGateConnectionInfo() {
        const result = await this.getJson(`${this.baseUrl}${ACTIVEGATE_PATH}`);
        if (!result.ok)
            return result;
        return { ok: true, value: { endpoints: activeGateEndpoints(result.body) } };
    }
    async getJson(url) {
        const where = redact(url);
        let response;
        try {
            response = await fetch(url, {
                headers: { Authorization: `Api-Token ${this.options.token}`, Accept: 'application/json' },
                signal: AbortSignal.timeout(this.timeoutMs),
                redirect: 'error',
            });
        }
        catch (error) {
            return {
                ok: false,
                error: `${where}: ${this.scrub(describeFetchError(error, this.timeoutMs))}`,
                ...(isTimeout(error) ? { timedOut: true } : {}),
            };
        }
        if (!response.ok) {
            await response.body?.cancel().catch(() => undefined);
            return {
                ok: false,
                status: response.status,
                error: `${where}: ${describeStatus(response.status, response.statusText)}`,
            };
        }
        try {
            return { ok: true, body: JSON.parse(await response.text()) };
        }
        catch (error) {
            return {
                ok: false,
                error: `${where}: ${this.scrub(describeFetchError(error, this.timeoutMs, 'the response is not JSON'))}`,
                ...(isTimeout(error) ? { timedOut: true } : {}),
            };
        }
    }
    /** fetch's own messages may quote the URL, credentials in it included (it refuses such URLs saying so). */
    scrub(message) {
        const withoutUserinfo = message.replace(/\/\/[^/\s@]*@/g, '//***@');
        return this.options.token ? withoutUserinfo.split(this.options.token).join('***') : withoutUserinfo;
    }
}
/** The endpoint paths are appended to the base, so a query or fragment on the given URL would swallow them. */
function withoutQuery(url) {
    const cut = url.search(/[?#]/);
    return cut < 0 ? url : url.slice(0, cut);
}
/** URL without query string or credentials, for messages. */
function redact(url) {
    try {
        const parsed = new URL(url);
        return `${parsed.origin}${parsed.pathname}`;
    }
    catch {
        return 'the Dynatrace API';
    }
}
function describeStatus(status, statusText) {
    const text = statusText ? ` ${statusText}` : '';
    if (status === 401 || status === 403) {
        return `HTTP ${status}${text}: the API token was rejected (it needs the PaaS / InstallerDownload scope)`;
    }
    if (status === 404)
        return `HTTP ${status}${text}: not found (is the API URL right, ending in /api?)`;
    return `HTTP ${status}${text}`;
}
/** Errors may come from another realm (fetch's own), so they are read by shape, not by `instanceof`. */
function isTimeout(error) {
    const name = error?.name;
    return name === 'TimeoutError' || name === 'AbortError';
}
function describeFetchError(error, timeoutMs, fallback = 'request failed') {
    const failure = (error ?? {});
    if (isTimeout(error))
        return `no answer within ${timeoutMs} ms`;
    if (failure.name === 'SyntaxError')
        return fallback;
    if (failure.cause?.code)
        return `could not connect (${failure.cause.code})`;
    const detail = failure.cause?.message ?? failure.message;
    return detail ? `${fallback}: ${detail}` : fallback;
}
function strings(value) {
    return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}
function record(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value)
        ? value
        : {};
}
/**
 * OneAgent connection info: `communicationEndpoints` (array) is what the newest operator reads; older ones read
 * `formattedCommunicationEndpoints` (one `;`-joined string); the oldest API shape had `communicationHosts`.
 */
function oneAgentEndpoints(body) {
    const info = record(body);
    const list = strings(info.communicationEndpoints);
    if (list.length > 0)
        return list;
    if (typeof info.formattedCommunicationEndpoints === 'string')
        return info.formattedCommunicationEndpoints.split(';');
    return hostsToUrls(info.communicationHosts);
}
/** ActiveGate connection info: `communicationEndpoints` is one `,`-joined string. */
function activeGateEndpoints(body) {
    const info = record(body);
    const endpoints = info.communicationEndpoints;
    if (typeof endpoints === 'string')
        return endpoints.split(',');
    return strings(endpoints);
}
function hostsToUrls(value) {
    if (!Array.isArray(value))
        return [];
    return value.flatMap((item) => {
        const host = record(item);
        if (typeof host.host !== 'string' || typeof host.protocol !== 'string')
            return [];
        const port = typeof host.port === 'number' || typeof host.port === 'string' ? `:${host.port}` : '';
        return [`${host.protocol}://${host.host.includes(':') ? `[${host.host}]` : host.host}${port}`];
    });
}

;// CONCATENATED MODULE: ./src/generate/index.ts













const generate_DEFAULT_NAMESPACE = 'dynatrace';
/** Egress is restricted somewhere: REGISTRY_ONLY mesh-wide or in a Sidecar. */
function egressRestricted(model) {
    return (model.meshConfigs.some((mesh) => mesh.outboundPolicy?.value.toUpperCase() === 'REGISTRY_ONLY') ||
        model.sidecars.some((sidecar) => sidecar.outboundPolicy?.value === 'REGISTRY_ONLY'));
}
/**
 * The Dynatrace entries as the operator writes them, without `exportTo`, and so exported where
 * `meshConfig.defaultServiceExportTo` says. The operator counts on `*` (the guide: its entries "enable
 * communication from inside the mesh"; code modules call from every monitored namespace). Under a default that
 * keeps entries in their own namespace, or hides them (istiod reads only `.` and `*` there), the generated
 * ServiceEntries say `*` themselves: otherwise they would open nothing for the application namespaces. The
 * VirtualServices stay as they are: an HTTPS or HTTP port of a visible ServiceEntry routes the host on its own.
 */
function exportedEverywhere(model, objects) {
    if (effectiveDefaultExportTo(model).includes('*'))
        return objects;
    return objects.map((object) => object.kind === 'ServiceEntry' ? { ...object, spec: { ...object.spec, exportTo: ['*'] } } : object);
}
function generate_namespaceOf(model, dynakube) {
    return dynakube.namespace ?? model.operatorInstalls[0]?.namespace.value ?? generate_DEFAULT_NAMESPACE;
}
/**
 * One client per tenant and one query per (tenant, network zone), shared by all DynaKubes. Once a server let one
 * request time out it is not asked again in this run: the queries run one after another, so a hung API would
 * otherwise cost a full timeout per DynaKube, zone and component.
 */
function connectionInfoSource(options) {
    const clients = new Map();
    const answers = new Map();
    const hung = new Set();
    const given = options?.apiUrl
        ? generate_originOf(new DynatraceApiClient({ apiUrl: options.apiUrl, token: '' }).baseUrl)
        : undefined;
    const once = (key, client, query) => {
        let answer = answers.get(key);
        if (!answer)
            answers.set(key, (answer = unlessHung(client, query)));
        return answer;
    };
    const unlessHung = async (client, query) => {
        // Per server, not per tenant: Managed tenants share one host (`https://host/e/<id>/api`), and hang together.
        const server = generate_originOf(client.baseUrl)?.origin ?? client.baseUrl;
        if (hung.has(server)) {
            return {
                ok: false,
                error: `${client.baseUrl} was not asked: an earlier request of this run got no answer within ${client.timeoutMs} ms`,
            };
        }
        const answer = await query();
        if (!answer.ok && answer.timedOut)
            hung.add(server);
        return answer;
    };
    return {
        clientFor(apiUrl) {
            if (!options?.token) {
                return {
                    unavailable: 'no Dynatrace API token was given, so the communication endpoints are unknown (CLI: DT_API_TOKEN; action: dynatrace-api-token)',
                };
            }
            // The URL given says which tenant the token is for. One that does not parse must not drop that pin: the token
            // would then go to whatever tenant a DynaKube of the pull request names. The URL itself is not repeated here,
            // as it may hold the token.
            if (options.apiUrl && !given) {
                return {
                    unavailable: 'the Dynatrace API URL given is not a valid URL, so the token is sent nowhere (CLI: --dynatrace-api-url; action: dynatrace-api-url)',
                };
            }
            const client = new DynatraceApiClient({ apiUrl, token: options.token, timeoutMs: options.timeoutMs });
            const own = generate_originOf(client.baseUrl);
            if (given && own && own.origin !== given.origin) {
                return {
                    unavailable: `the API token is for ${given.host}, not for this DynaKube's tenant ${own.host}`,
                };
            }
            const known = clients.get(client.baseUrl);
            if (known)
                return known;
            clients.set(client.baseUrl, client);
            return client;
        },
        oneAgent: (client, networkZone) => once(`oa|${client.baseUrl}|${networkZone ?? ''}`, client, () => client.oneAgentConnectionInfo(networkZone)),
        activeGate: (client) => once(`ag|${client.baseUrl}`, client, () => client.activeGateConnectionInfo()),
    };
}
function generate_originOf(url) {
    try {
        const { origin, host } = new URL(url);
        return { origin, host };
    }
    catch {
        return undefined;
    }
}
function render(object) {
    const { kind, metadata } = object;
    return {
        kind,
        namespace: metadata.namespace,
        name: metadata.name,
        file: `generated/${metadata.namespace}.yaml`,
        yaml: (0,dist/* stringify */.As)(object, { lineWidth: 0, indentSeq: false }),
    };
}
/** The objects, each validated first: one that Istio would reject is not offered, a note says why. */
async function validated(planned, notes) {
    if (planned.length === 0)
        return [];
    const { validateIstioObject } = await __webpack_require__.e(/* import() */ 923).then(__webpack_require__.bind(__webpack_require__, 5923));
    const kept = [];
    for (const entry of planned) {
        const { object, origin } = entry;
        const problems = await validateIstioObject(object);
        if (problems.length === 0)
            kept.push(entry);
        else {
            notes.push({
                ...origin,
                reason: `generated ${object.kind} ${object.metadata.name} is invalid and was dropped: ${problems.join('; ')}`,
            });
        }
    }
    // A VirtualService is generated with the ServiceEntry of the same name (the operator's `<dk>-fqdn-<component>`
    // pair) and routes to that entry's hosts: without the entry it routes to hosts the mesh does not know.
    const droppedEntries = new Set(planned
        .filter(({ object }) => object.kind === 'ServiceEntry' && !kept.some((entry) => entry.object === object))
        .map(({ object }) => `${object.metadata.namespace}/${object.metadata.name}`));
    return kept
        .filter(({ object, origin }) => {
        const key = `${object.metadata.namespace}/${object.metadata.name}`;
        if (object.kind !== 'VirtualService' || !droppedEntries.has(key))
            return true;
        notes.push({
            ...origin,
            reason: `generated VirtualService ${object.metadata.name} was dropped with its ServiceEntry, whose hosts it routes`,
        });
        return false;
    })
        .map(({ object }) => object);
}
/**
 * The Istio objects the cluster needs for its DynaKubes: the operator-shaped ServiceEntries / VirtualServices
 * for the Dynatrace endpoints, registry ServiceEntries, and a PERMISSIVE PeerAuthentication for ActiveGates.
 * Never throws for bad input or API trouble: what cannot be generated becomes a note.
 */
async function generateManifests(model, options = {}) {
    const all = options.scope === 'all';
    const restricted = all || egressRestricted(model);
    const notes = [];
    const planned = [];
    const add = (list, origin) => {
        for (const object of list)
            planned.push({ object, origin });
    };
    // Hosts the generated Dynatrace entries declare (exported to every namespace), so registries do not repeat them.
    const generatedCovers = [];
    const source = connectionInfoSource(options.dynatrace);
    const placed = model.dynakubes.map((dynakube) => ({ dynakube, namespace: generate_namespaceOf(model, dynakube) }));
    // Hosts the generated VirtualServices route so far: each host goes into one (see dynatraceEntries).
    const routedHosts = new Set();
    for (const { dynakube, namespace } of placed) {
        if (!restricted)
            continue;
        // With enableIstio the operator creates these itself (coverageIn counts its API host entry).
        if (!all && dynakube.enableIstio.value)
            continue;
        const entries = await dynatraceEntries(dynakube, namespace, source, options.dynatrace?.apiUrl, {
            declared: declaredByRepository(model, dynakube, namespace, (other) => generate_namespaceOf(model, other)),
            routedHosts,
        });
        add(exportedEverywhere(model, entries.objects), dynakube.origin);
        notes.push(...entries.notes);
        generatedCovers.push(...entries.covered.map(({ host, port }) => ({ host, port })));
    }
    if (restricted) {
        // The same decisions as the registry-egress rule and the egress map. Only the CSI driver pulls from a registry
        // (withRegistryPulls), from the operator's namespace: an entry is needed only when its pod has a sidecar
        // (ztunnel does not enforce REGISTRY_ONLY) and egress is restricted there.
        const csiInMesh = csiDriverMembership(model)?.mode === 'sidecar';
        const registries = registryEntries(placed
            .filter(({ namespace }) => all || (csiInMesh && !!outboundRestriction(model, namespace)))
            .flatMap(({ dynakube, namespace }) => {
            const pull = csiDriverPull(model, dynakube);
            return pull ? [{ dynakube, pull, namespace }] : [];
        }), (namespace) => [...coverageIn(model, namespace), ...generatedCovers], serviceEntryNames(model, planned.map(({ object }) => object)));
        registries.objects.forEach(({ object, origin }) => add([object], origin));
        notes.push(...registries.notes);
    }
    const permissiveDone = new Set();
    for (const { dynakube, namespace } of placed) {
        if (!hasActiveGate(dynakube) || permissiveDone.has(namespace))
            continue;
        if (!all && !activeGateNeedsPermissive(model, dynakube, namespace))
            continue;
        permissiveDone.add(namespace);
        add([activeGatePeerAuthentication(namespace)], dynakube.activeGate?.origin ?? dynakube.origin);
    }
    const kept = await validated(planned, notes);
    return { generated: kept.map(render), notes };
}
/**
 * The registry pull a DynaKube's entries declare: only the one the CSI driver makes itself, from inside the mesh when
 * its pod is (`codeModulesPull`, the same decision as registry-egress and the egress map): its `codeModulesImage`,
 * or the public registry's code modules image. With `node-image-pull` the node's kubelet pulls it for a Job, and
 * without the CSI driver it is an init container's image, pulled by the kubelet too: outside the mesh either way;
 * the operator does not read a custom image's manifest either (since v1.0 it takes the reference as the version
 * status, unverified).
 */
function csiDriverPull(model, dynakube) {
    const pull = codeModulesPull(model, dynakube);
    return pull?.by === 'csi-driver' ? pull : undefined;
}
/** `namespace/name` of the repository's ServiceEntries and of those generated so far. */
function serviceEntryNames(model, generated) {
    return [
        ...serviceEntryNamesIn(model),
        ...generated
            .filter((object) => object.kind === 'ServiceEntry')
            .map((object) => `${object.metadata.namespace}/${object.metadata.name}`),
    ];
}
/** All manifests of one namespace as one multi-document YAML file, for `--output-dir`. */
function manifestsByFile(generated) {
    const files = new Map();
    for (const manifest of generated) {
        const file = manifest.file ?? `generated/${manifest.namespace}.yaml`;
        const previous = files.get(file);
        files.set(file, previous === undefined ? manifest.yaml : `${previous}---\n${manifest.yaml}`);
    }
    return files;
}
/**
 * The first line of every manifest file the tool writes. Only a file that starts with it is the tool's to remove:
 * `--output-dir` may name a folder whose `generated/` holds the user's own manifests (`--output-dir .` in a repository
 * with rendered charts in `generated/`), and those must survive a run.
 */
const GENERATED_FILE_HEADER = '# Written by dynakube-istio-guard for its last report; the next run with this output folder rewrites or removes it.\n';
/**
 * Writes one YAML file per target namespace under `outputDir` (e.g. `<dir>/generated/<namespace>.yaml`); returns the
 * paths. Files an earlier run wrote in `generated/` are removed: `kubectl apply -f <dir>/generated/` must apply
 * what this report says the cluster needs, not what an earlier run said.
 */
async function writeGeneratedManifests(outputDir, generated) {
    const written = [];
    for (const [file, yaml] of manifestsByFile(generated)) {
        const target = external_node_path_default().resolve(outputDir, file);
        // Namespaces come from the repository: a name like `../x` must not write outside the output directory.
        if (external_node_path_default().relative(external_node_path_default().resolve(outputDir), target).startsWith('..'))
            continue;
        await writeOutputFile(target, `${GENERATED_FILE_HEADER}${yaml}`);
        written.push(target);
    }
    await removeEarlierManifests(external_node_path_default().resolve(outputDir, 'generated'), new Set(written));
    return written;
}
/** The YAML files in `folder` an earlier run wrote (they start with the header) and this one did not. */
async function removeEarlierManifests(folder, kept) {
    const entries = await external_node_fs_.promises.readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
        const file = external_node_path_default().join(folder, entry.name);
        if (!entry.isFile() || !entry.name.endsWith('.yaml') || kept.has(file))
            continue;
        const text = await external_node_fs_.promises.readFile(file, 'utf8').catch(() => '');
        if (text.startsWith(GENERATED_FILE_HEADER))
            await external_node_fs_.promises.rm(file, { force: true });
    }
}

;// CONCATENATED MODULE: ./src/model/doublestar.ts
/**
 * Globs as Argo CD expands `helm.valueFiles` with github.com/bmatcuk/doublestar/v4 (match.go): `**` as a whole
 * segment matches any number of folders, `*` any text within a segment, `?` one character, `[...]` (`[!...]`,
 * `[^...]`) a class, `{a,b}` alternatives and `\` an escape. The glob is written in the repository a pull request
 * changes, so it is matched without regular expressions: `*` keeps one backtracking point, as doublestar does, and
 * `**` is memoised, so a glob of many stars cannot stall a run.
 */
/** Alternatives a glob's braces may expand to; more are not read. */
const MAX_ALTERNATIVES = 256;
/** A test for repository paths, or undefined when the glob is not one doublestar reads (unclosed `[` or `{`). */
function globMatcher(glob) {
    const alternatives = expandBraces(glob);
    if (!alternatives || alternatives.some((alternative) => !wellFormed(alternative)))
        return undefined;
    const split = alternatives.map((alternative) => alternative.split('/'));
    return (path) => {
        const segments = path.split('/');
        return split.some((pattern) => matchSegments(pattern, segments));
    };
}
function expandBraces(glob) {
    let open = -1;
    let depth = 0;
    const commas = [];
    for (let index = 0; index < glob.length; index++) {
        const char = glob[index];
        if (char === '\\')
            index++;
        else if (char === '{') {
            if (depth++ === 0)
                open = index;
        }
        else if (char === ',' && depth === 1)
            commas.push(index);
        else if (char === '}' && depth > 0 && --depth === 0) {
            const cuts = [open, ...commas, index];
            const prefix = glob.slice(0, open);
            const rest = expandBraces(glob.slice(index + 1));
            if (!rest)
                return undefined;
            const expanded = [];
            for (let cut = 0; cut + 1 < cuts.length; cut++) {
                const inner = expandBraces(glob.slice(cuts[cut] + 1, cuts[cut + 1]));
                if (!inner)
                    return undefined;
                for (const middle of inner)
                    for (const tail of rest) {
                        if (expanded.length >= MAX_ALTERNATIVES)
                            return undefined;
                        expanded.push(prefix + middle + tail);
                    }
            }
            return expanded;
        }
    }
    return depth === 0 ? [glob] : undefined;
}
/** Whether every `[` has its `]` (a lone trailing `\` is an error too). */
function wellFormed(glob) {
    for (let index = 0; index < glob.length; index++) {
        if (glob[index] === '\\') {
            if (++index >= glob.length)
                return false;
        }
        else if (glob[index] === '[' && classEnd(glob, index) < 0)
            return false;
    }
    return true;
}
/** The index after a class that starts at `start`, or -1 when it is not closed. */
function classEnd(glob, start) {
    let index = start + 1;
    if (glob[index] === '!' || glob[index] === '^')
        index++;
    if (glob[index] === ']')
        index++;
    for (; index < glob.length; index++) {
        if (glob[index] === '\\')
            index++;
        else if (glob[index] === ']')
            return index + 1;
    }
    return -1;
}
function matchSegments(pattern, segments) {
    const failed = new Set();
    const go = (p, s) => {
        const key = p * (segments.length + 1) + s;
        if (failed.has(key))
            return false;
        let result;
        if (p === pattern.length)
            result = s === segments.length;
        else if (pattern[p] === '**')
            result = go(p + 1, s) || (s < segments.length && go(p, s + 1));
        else
            result = s < segments.length && matchSegment(pattern[p], segments[s]) && go(p + 1, s + 1);
        if (!result)
            failed.add(key);
        return result;
    };
    return go(0, 0);
}
/** One segment: `*` with a single backtracking point (the last star), as doublestar's matchWithSeparator. */
function matchSegment(pattern, name) {
    let p = 0;
    let n = 0;
    let starP = -1;
    let starN = 0;
    while (n < name.length) {
        const step = p < pattern.length ? matchOne(pattern, p, name[n]) : -1;
        if (p < pattern.length && pattern[p] === '*') {
            starP = ++p;
            starN = n;
        }
        else if (step >= 0) {
            p = step;
            n++;
        }
        else if (starP >= 0) {
            p = starP;
            n = ++starN;
        }
        else
            return false;
    }
    while (p < pattern.length && pattern[p] === '*')
        p++;
    return p === pattern.length;
}
/** The index after the token at `p` when it matches `char`, else -1 (`*` is handled by the caller). */
function matchOne(pattern, p, char) {
    const token = pattern[p];
    if (token === '?')
        return p + 1;
    if (token === '\\')
        return pattern[p + 1] === char ? p + 2 : -1;
    if (token === '[') {
        const end = classEnd(pattern, p);
        let index = p + 1;
        const negated = pattern[index] === '!' || pattern[index] === '^';
        if (negated)
            index++;
        let found = false;
        for (let first = true; index < end - 1; first = false) {
            if (pattern[index] === ']' && !first)
                break;
            let low = pattern[index];
            if (low === '\\')
                low = pattern[++index];
            let high = low;
            if (pattern[index + 1] === '-' && index + 2 < end - 1) {
                index += 2;
                high = pattern[index] === '\\' ? pattern[++index] : pattern[index];
            }
            index++;
            if (low <= char && char <= high)
                found = true;
        }
        return found !== negated ? end : -1;
    }
    return token === char ? p + 1 : -1;
}

;// CONCATENATED MODULE: ./src/model/argo-repository.ts


/**
 * Which Git repository the tree being checked is, as far as the tree itself tells. The checker is not told its
 * repository's URL, but Argo CD Applications name it: a source with a `path` into a folder of this tree (an
 * app-of-apps deploying `apps/`, or another source of the same Application) says the tree is its `repoURL`. With
 * that evidence a multi-source `$values/…` file whose `ref` source has another `repoURL` is in another repository,
 * and a file of the same path here is not it. Without evidence the tree is assumed to be the ref source's
 * repository, as the real repositories that use `$values` are (realworld-forms: all four).
 *
 * A source with the repository root as its `path` is no evidence: every tree has a root.
 */
const urlsByRepository = new WeakMap();
/**
 * The normalized repoURLs this tree is (usually one; empty when nothing in the tree says), from the repository's
 * Argo CD `applications`; found once per repository.
 */
function localRepositoryUrls(repo, applications) {
    let urls = urlsByRepository.get(repo);
    if (!urls)
        urlsByRepository.set(repo, (urls = findLocalUrls(repo, applications())));
    return urls;
}
/**
 * {@link localRepositoryUrls} from some of the Applications, not remembered: for ApplicationSet git generators, which
 * are expanded before all Applications of the tree are known.
 */
function findLocalUrls(repo, applications) {
    const folders = foldersOf(repo);
    const urls = new Set();
    for (const resource of applications) {
        const spec = (0,model_read/* getIn */.O6)(resource.document.value, ['spec']);
        for (const raw of [(0,model_read/* getIn */.O6)(spec, ['source']), ...(0,model_read/* asArray */._j)((0,model_read/* getIn */.O6)(spec, ['sources']))]) {
            const source = (0,model_read/* asRecord */.qY)(raw);
            if (!source || source.chart !== undefined)
                continue;
            const dir = entryDir((0,model_read/* asString */.oJ)(source.path));
            const url = normalizeGitUrl((0,model_read/* asString */.oJ)(source.repoURL));
            if (dir && url && folders.has(dir))
                urls.add(url);
        }
    }
    return urls;
}
/** Every folder that holds a file of the tree, and the folders above it (not the root). */
function foldersOf(repo) {
    const folders = new Set();
    for (const file of repo.files.keys()) {
        for (let slash = file.lastIndexOf('/'); slash > 0; slash = file.lastIndexOf('/', slash - 1)) {
            const folder = file.slice(0, slash);
            if (folders.has(folder))
                break;
            folders.add(folder);
        }
    }
    return folders;
}
/** `user@host:path`, the scp-like form of SSH URLs Argo CD accepts. */
const SCP_LIKE = /^(?:[^@/]+@)?([^:/]+):(?!\/\/)(.+)$/;
/**
 * One spelling of a Git URL: `host/path`, the host in lower case, without scheme, user, port, `.git` suffix or
 * slashes at the ends, so `https://GitHub.com/org/repo.git/` and `git@github.com:org/repo` are the same. The path
 * keeps its case (servers differ on it). Undefined for what is not a URL, such as a `${VAR}` template.
 */
function normalizeGitUrl(url) {
    const text = url?.trim();
    if (!text)
        return undefined;
    const scp = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? undefined : SCP_LIKE.exec(text);
    let host;
    let path;
    if (scp) {
        [, host, path] = scp;
    }
    else {
        try {
            const parsed = new URL(text);
            host = parsed.hostname;
            path = decodeURIComponent(parsed.pathname);
        }
        catch {
            return undefined;
        }
    }
    const trimmed = path
        .replace(/^\/+|\/+$/g, '')
        .replace(/\.git$/, '')
        .replace(/\/+$/, '');
    if (!host || !trimmed || /[{}$]/.test(host + trimmed))
        return undefined;
    return `${host.toLowerCase()}/${trimmed}`;
}

;// CONCATENATED MODULE: ./src/model/subcharts.ts




const CHART_FILE = /^Chart\.ya?ml$/;
const VALUES_FILE = /^values\.ya?ml$/;
const documentsByRepository = new WeakMap();
/**
 * The repository's documents without `kind` (Chart.yaml, values files) by folder (`''` for the root), where chart
 * folders are looked for; made once per repository.
 */
function plainDocumentsByDir(repo) {
    let byDir = documentsByRepository.get(repo);
    if (byDir)
        return byDir;
    byDir = new Map();
    for (const document of repo.plainDocuments) {
        const dir = external_node_path_default().posix.dirname(document.file);
        const key = dir === '.' ? '' : dir;
        const documents = byDir.get(key);
        if (documents)
            documents.push(document);
        else
            byDir.set(key, [document]);
    }
    documentsByRepository.set(repo, byDir);
    return byDir;
}
/** The chart in `dir`, when the folder has a Chart.yaml. */
function chartFolder(byDir, dir) {
    const documents = byDir.get(dir) ?? [];
    const chartFile = documents.find((document) => CHART_FILE.test(external_node_path_default().posix.basename(document.file)));
    if (!chartFile)
        return undefined;
    const metadata = (0,model_read/* asRecord */.qY)(chartFile.value) ?? {};
    const version = (0,model_read/* asString */.oJ)(metadata.version);
    return {
        name: (0,model_read/* asString */.oJ)(metadata.name) ?? external_node_path_default().posix.basename(dir),
        ...(version ? { version } : {}),
        chartFile,
        values: documents.find((document) => VALUES_FILE.test(external_node_path_default().posix.basename(document.file))),
    };
}
/** Istio's unreleased charts (`manifests/charts/*` in istio/istio) carry this version, "replaced at build-time". */
const ISTIO_SOURCE_CHART_VERSION = '1.0.0';
/**
 * The release a chart folder of the repository installs: its Chart.yaml `version` (what `helm template` stamps into
 * `helm.sh/chart`). A copy of Istio's chart from its git tree says 1.0.0 (reference istio.md §9): that is an
 * unknown release, not Istio 1.0, which had none of these charts.
 */
function installedChartVersion(chart, helmChart) {
    if (helmChart !== 'dynatrace-operator' && chart.version === ISTIO_SOURCE_CHART_VERSION)
        return undefined;
    return chart.version;
}
/** Charts unpacked in `<chartDir>/charts/`, one folder level down (Helm loads every chart there). */
function unpackedSubcharts(byDir, chartDir) {
    const prefix = chartDir === '' ? 'charts/' : `${chartDir}/charts/`;
    const found = [];
    for (const dir of byDir.keys()) {
        if (!dir.startsWith(prefix) || dir.slice(prefix.length).includes('/'))
            continue;
        const chart = chartFolder(byDir, dir);
        if (chart)
            found.push(chart);
    }
    return found;
}
/** The folder a `repository: file://<path>` dependency names, relative to the parent chart; else undefined. */
function fileRepositoryDir(chartDir, repository) {
    const match = /^file:\/\/(.+)$/.exec(repository ?? '');
    return match ? joinPath(chartDir, match[1]) : undefined;
}
/** Istio charts from 1.24 keep their defaults under this key and merge it under the profile and user values. */
const INTERNAL_DEFAULTS = '_internal_defaults_do_not_set';
/**
 * A subchart's values.yaml as layers below everything the parent gives it. Istio's `zzz_profile.yaml` merges
 * `_internal_defaults_do_not_set` as the defaults, under the profile; the file's other keys are read with them (a
 * vendored chart rarely has any).
 */
function chartDefaultsLayers(values) {
    if (!values)
        return [];
    const via = `chart defaults ${values.file}`;
    const whole = (0,model_read/* asRecord */.qY)(values.value) ?? {};
    const { [INTERNAL_DEFAULTS]: internal, ...rest } = whole;
    return [
        ...((0,model_read/* asRecord */.qY)(internal)
            ? [{ ...documentLayer(values, [INTERNAL_DEFAULTS], via), chartDefaults: true }]
            : []),
        { via, values: rest, document: values, valuesPath: [], chartDefaults: true },
    ];
}

;// CONCATENATED MODULE: ./src/model/umbrella.ts





const REQUIREMENTS_FILE = /^requirements\.ya?ml$/;
const OVERLAY_FILE = /^values-[^/]+\.ya?ml$/;
const chartsByRepository = new WeakMap();
/**
 * Umbrella charts of the repository that depend on at least one chart the tool reads, found once per repository:
 * every Argo CD Application with a `path` asks for them.
 */
function umbrellaChartsOf(repo) {
    let charts = chartsByRepository.get(repo);
    if (!charts)
        chartsByRepository.set(repo, (charts = umbrellaCharts(repo)));
    return charts;
}
function umbrellaCharts(repo) {
    const byDir = plainDocumentsByDir(repo);
    const charts = [];
    for (const [dir, documents] of byDir) {
        const chart = chartFolder(byDir, dir);
        if (!chart)
            continue;
        const { chartFile } = chart;
        const listing = dependencyListing(chartFile, documents);
        const unpacked = unpackedSubcharts(byDir, dir);
        const notes = [];
        const listed = listing ? readDependencies(listing, dir, byDir, unpacked, notes) : [];
        // Helm also installs a chart unpacked in charts/ that `dependencies` does not list, under its name.
        const listedNames = new Set(listing ? dependencyNames(listing) : []);
        const unlisted = unpacked.flatMap((subchart) => listedNames.has(subchart.name) ? [] : unlistedDependency(subchart));
        const dependencies = [...listed, ...unlisted];
        if (dependencies.length === 0)
            continue;
        charts.push({
            dir,
            file: listed.length > 0 ? listing.file : chartFile.file,
            dependencies,
            values: chart.values,
            overlays: documents.filter((document) => OVERLAY_FILE.test(baseName(document.file))),
            notes,
        });
    }
    return charts;
}
/** `dependencies` of Chart.yaml (apiVersion v2), else of `requirements.yaml` next to it (apiVersion v1). */
function dependencyListing(chartFile, documents) {
    if (Array.isArray((0,model_read/* asRecord */.qY)(chartFile.value)?.dependencies))
        return chartFile;
    return documents.find((document) => REQUIREMENTS_FILE.test(baseName(document.file)) &&
        Array.isArray((0,model_read/* asRecord */.qY)(document.value)?.dependencies));
}
function dependencyNames(listing) {
    return (0,model_read/* asArray */._j)((0,model_read/* asRecord */.qY)(listing.value)?.dependencies).flatMap((raw) => {
        const name = (0,model_read/* asString */.oJ)((0,model_read/* asRecord */.qY)(raw)?.name);
        return name ? [name] : [];
    });
}
function readDependencies(listing, chartDir, byDir, unpacked, notes) {
    return (0,model_read/* asArray */._j)((0,model_read/* asRecord */.qY)(listing.value)?.dependencies).flatMap((raw, index) => {
        const entry = (0,model_read/* asRecord */.qY)(raw);
        const name = (0,model_read/* asString */.oJ)(entry?.name);
        const chart = chartOf(name);
        if (!entry || !name || !chart)
            return [];
        const range = listing.rangeAt(['dependencies', index]);
        const origin = {
            file: listing.file,
            line: range?.startLine ?? listing.line,
            ...(range ? { endLine: range.endLine } : {}),
            path: `dependencies.${index}`,
        };
        const local = localChart(name, (0,model_read/* asString */.oJ)(entry.repository), chartDir, byDir, unpacked);
        if (typeof local === 'string')
            notes.push({ file: listing.file, line: origin.line, reason: local });
        const subchart = typeof local === 'string' ? undefined : local;
        // The version of a chart in the repository is the one installed; the listing's may be a range.
        const version = (subchart && installedChartVersion(subchart, chart)) ?? (0,model_read/* asString */.oJ)(entry.version);
        return [
            {
                chart,
                key: (0,model_read/* asString */.oJ)(entry.alias) ?? name,
                ...(version ? { version } : {}),
                conditions: ((0,model_read/* asString */.oJ)(entry.condition) ?? '')
                    .split(',')
                    .map((condition) => condition.trim())
                    .filter((condition) => condition !== ''),
                tags: (0,model_read/* asArray */._j)(entry.tags)
                    .map(model_read/* asString */.oJ)
                    .filter((tag) => !!tag),
                origin,
                ...(subchart?.values ? { defaults: subchart.values } : {}),
            },
        ];
    });
}
/**
 * The dependency's chart when it is in the repository: unpacked in `charts/` (matched by its Chart.yaml name, as
 * Helm does), else the folder of a `file://` repository. A `file://` folder that is not in the repository is a
 * reason: the chart may change the defaults the rules assume.
 */
function localChart(name, repository, chartDir, byDir, unpacked) {
    const found = unpacked.find((subchart) => subchart.name === name);
    if (found)
        return found;
    const dir = fileRepositoryDir(chartDir, repository);
    if (dir === undefined)
        return undefined;
    return (chartFolder(byDir, dir) ??
        `dependency ${name}: its chart ${repository} is not in the repository, so the defaults in its values.yaml were not read`);
}
/** A chart the tool reads, unpacked in `charts/` without being listed: installed under its name, always. */
function unlistedDependency(subchart) {
    const chart = chartOf(subchart.name);
    if (!chart)
        return [];
    const version = installedChartVersion(subchart, chart);
    return [
        {
            chart,
            key: subchart.name,
            ...(version ? { version } : {}),
            conditions: [],
            tags: [],
            origin: { file: subchart.chartFile.file, line: subchart.chartFile.line },
            ...(subchart.values ? { defaults: subchart.values } : {}),
        },
    ];
}
/**
 * Whether Helm installs the dependency with these parent values: its first `condition` path that holds a boolean
 * decides; without one, its tags do (any tag true enables, only false tags disable); else it is installed.
 */
function dependencyEnabled(dependency, parentValues) {
    for (const condition of dependency.conditions) {
        const value = (0,model_read/* getIn */.O6)(parentValues, condition.split('.'));
        if (typeof value === 'boolean')
            return value;
    }
    const tags = dependency.tags.map((tag) => (0,model_read/* getIn */.O6)(parentValues, ['tags', tag]));
    if (tags.includes(true))
        return true;
    return !tags.includes(false);
}
/**
 * The values of each installed dependency. Helm always applies the chart's own `values.yaml`; an overlay
 * (`values-prod.yaml`) is read on top of it as one install, so with overlays there is one install per overlay.
 * Without either, the dependencies whose subchart is in the repository are installed with its defaults.
 */
function umbrellaChartValues(umbrella) {
    const installs = umbrella.overlays.length > 0 ? umbrella.overlays.map((overlay) => [overlay]) : [[]];
    const base = umbrella.values ? [umbrella.values] : [];
    return installs.flatMap((overlay) => {
        const files = [...base, ...overlay];
        const editable = files.at(-1);
        return umbrellaInstall(umbrella, files.map((document) => documentLayer(document, [], `values file ${document.file}`)), {
            via: (key) => `umbrella chart ${umbrella.file} dependency ${key}${files.length > 0 ? ` (${files.map((f) => f.file).join(', ')})` : ''}`,
            ...(editable ? { fallback: { document: editable, valuesPath: [] } } : {}),
        });
    });
}
/**
 * The installed dependencies of one install of an umbrella chart whose parent values are `parentLayers` (lowest
 * precedence first: the chart's `values.yaml`, `-f` files, inline values, `--set`). Conditions and tags are read
 * from the merged parent values.
 */
function umbrellaInstall(umbrella, parentLayers, release) {
    const parentValues = mergeLayers(parentLayers);
    return umbrella.dependencies
        .filter((dependency) => dependencyEnabled(dependency, parentValues))
        .flatMap((dependency) => {
        const key = dependency.key;
        const fallback = release.fallback
            ? { ...release.fallback, valuesPath: [...release.fallback.valuesPath, key] }
            : dependency.defaults && { document: dependency.defaults, valuesPath: [] };
        if (!fallback)
            return [];
        const setter = [...parentLayers].reverse().find((layer) => layerOrigin(layer, [key]));
        const layers = [...chartDefaultsLayers(dependency.defaults), ...dependencyLayers(parentLayers, key)];
        return [
            layeredChartValues(dependency.chart, layers, {
                via: release.via(key),
                origin: (setter && layerOrigin(setter, [key])) ?? dependency.origin,
                ...(dependency.version ? { chartVersion: dependency.version } : {}),
                ...(release.releaseNamespace ? { releaseNamespace: release.releaseNamespace } : {}),
                ...(release.releaseName ? { releaseName: release.releaseName } : {}),
                fallback,
            }),
        ];
    });
}
/**
 * What Helm hands the dependency under `key`: each parent layer's mapping under the key, then the parent's `global`
 * map, which reaches every dependency and wins over the dependency's own `global`.
 */
function dependencyLayers(parentLayers, key) {
    return [
        ...parentLayers.map((layer) => nestedLayer(layer, key)),
        ...parentLayers.flatMap((layer) => globalsLayer(layer)),
    ];
}
function nestedLayer(layer, key) {
    const values = (0,model_read/* asRecord */.qY)(layer.values[key]) ?? {};
    if (layer.document && layer.valuesPath)
        return { via: layer.via, values, document: layer.document, valuesPath: [...layer.valuesPath, key] };
    return { via: layer.via, values, locate: (path) => layerOrigin(layer, [key, ...path]) };
}
function globalsLayer(layer) {
    const global = (0,model_read/* asRecord */.qY)(layer.values.global);
    if (!global)
        return [];
    return [
        { via: `global values of ${layer.via}`, values: { global }, locate: (at) => layerOrigin(layer, at) },
    ];
}
function baseName(file) {
    return external_node_path_default().posix.basename(file);
}

;// CONCATENATED MODULE: ./src/model/argo.ts











function isApplication(resource) {
    return resource.kind === 'Application' && resource.apiVersion.startsWith('argoproj.io/');
}
function sourcesOf(resource) {
    const spec = (0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(resource.document.value, ['spec'])) ?? {};
    const single = (0,model_read/* asRecord */.qY)(spec.source);
    if (single)
        return [{ path: ['spec', 'source'], value: single }];
    return (0,model_read/* asArray */._j)(spec.sources).flatMap((raw, index) => {
        const value = (0,model_read/* asRecord */.qY)(raw);
        return value ? [{ path: ['spec', 'sources', index], value }] : [];
    });
}
/**
 * Chart values of an Argo CD Application, one per source whose chart we read. Argo CD's order is
 * valueFiles < values < valuesObject < parameters; `valuesObject` replaces the `values` string when both are set
 * (Argo CD renders one or the other).
 */
function readApplication(resource, context) {
    const sources = sourcesOf(resource);
    const destination = (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(resource.document.value, ['spec', 'destination', 'namespace']));
    const name = `${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`;
    return sources.flatMap((source) => {
        const via = `Application ${name}${sources.length > 1 ? ` ${source.path.join('.')}` : ''}`;
        const helmPath = [...source.path, 'helm'];
        const userLayers = () => [
            ...valueFileLayers(resource, source, sources, context),
            ...inlineLayers(resource, helmPath, via, context),
            ...parameterLayers(resource, helmPath, via, buildEnvironment(resource, source)),
        ];
        const umbrella = localUmbrella(source, context.repo);
        if (umbrella) {
            // Helm applies the chart's own values.yaml first; Argo CD's values are the parent's, nested per dependency.
            const chartDefaults = umbrella.values
                ? [documentLayer(umbrella.values, [], `values file ${umbrella.values.file}`)]
                : [];
            return umbrellaInstall(umbrella, [...chartDefaults, ...userLayers()], {
                via: (key) => `${via} umbrella chart ${umbrella.file} dependency ${key}`,
                ...(destination ? { releaseNamespace: destination } : {}),
                releaseName: (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(source.value, ['helm', 'releaseName'])) ?? resource.name,
                fallback: { document: resource.document, valuesPath: [...helmPath, 'valuesObject'] },
            });
        }
        const local = argo_localChart(source, context.repo);
        const chart = chartOf((0,model_read/* asString */.oJ)(source.value.chart) ?? local?.name) ??
            chartOf(lastSegment((0,model_read/* asString */.oJ)(source.value.path)));
        if (!chart)
            return [];
        // Helm applies the chart's own values.yaml first, then what Argo CD passes.
        const layers = [...(local ? chartDefaultsLayers(local.values) : []), ...userLayers()];
        const isChartRepo = source.value.chart !== undefined;
        const version = local ? localChartVersion(local, chart) : remoteChartVersion(source);
        return [
            layeredChartValues(chart, layers, {
                via,
                origin: originAt(resource, [...source.path, isChartRepo ? 'chart' : 'path']),
                releaseNamespace: destination,
                chartVersion: version?.value,
                ...(version?.origin ? { chartVersionOrigin: version.origin } : {}),
                releaseName: (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(source.value, ['helm', 'releaseName'])) ?? resource.name,
                fallback: { document: resource.document, valuesPath: [...helmPath, 'valuesObject'] },
            }),
        ];
    });
}
/** The folder of this repository a `path` source names; undefined for a chart from a Helm repository. */
function sourceFolder(source) {
    return source.value.chart === undefined ? entryDir((0,model_read/* asString */.oJ)(source.value.path)) : undefined;
}
/** The umbrella chart in the folder of a `path` source, when that folder is one (a chart source never is). */
function localUmbrella(source, repo) {
    const dir = sourceFolder(source);
    return dir === undefined ? undefined : umbrellaChartsOf(repo).find((umbrella) => umbrella.dir === dir);
}
/**
 * The chart folder of this repository a `path` source names (its values.yaml the lowest layers, Istio's
 * `_internal_defaults_do_not_set` below the profile presets; never where a fix goes). A folder without a Chart.yaml
 * is no chart: Argo CD renders it as plain manifests or kustomize.
 */
function argo_localChart(source, repo) {
    const dir = sourceFolder(source);
    return dir === undefined ? undefined : chartFolder(plainDocumentsByDir(repo), dir);
}
/**
 * The version of a chart folder of this repository, at its Chart.yaml line. The Application's `targetRevision` is
 * then a git revision of this repository (a branch, or a tag of the platform), not a chart version.
 */
function localChartVersion(chart, helmChart) {
    const version = installedChartVersion(chart, helmChart);
    if (!version)
        return undefined;
    const line = chart.chartFile.lineAt(['version']) ?? chart.chartFile.line;
    return { value: version, origin: { file: chart.chartFile.file, line, path: 'version' } };
}
/**
 * The version of a chart that is not in this repository: `targetRevision` of a Helm repository source (`chart:`),
 * or of a git source when it looks like a release (a tag of istio/istio such as `1.22.3`; a branch says nothing).
 */
function remoteChartVersion(source) {
    const targetRevision = (0,model_read/* asString */.oJ)(source.value.targetRevision);
    if (!targetRevision)
        return undefined;
    const isChartRepo = source.value.chart !== undefined;
    return isChartRepo || /^v?\d+\.\d+/.test(targetRevision) ? { value: targetRevision } : undefined;
}
function lastSegment(path) {
    return path?.replace(/\/+$/, '').split('/').pop();
}
/**
 * `helm.valueFiles`: `$<ref>/path` into the repository of the `ref` source, or paths of this repository: beside the
 * chart, or from the root when absolute.
 */
function valueFileLayers(resource, source, all, context) {
    const filesPath = [...source.path, 'helm', 'valueFiles'];
    const ignoreMissing = (0,model_read/* asBoolean */.tB)((0,model_read/* getIn */.O6)(source.value, ['helm', 'ignoreMissingValueFiles'])) ?? false;
    const entries = (0,model_read/* asArray */._j)((0,model_read/* getIn */.O6)(resource.document.value, filesPath)).map((raw) => {
        const entry = (0,model_read/* asString */.oJ)(raw);
        return entry
            ? { entry, target: valueFilePath(entry, source, all, context.repo, buildEnvironment(resource, source)) }
            : undefined;
    });
    // Argo CD passes each file once, at its first place; a file also listed by name is left out of a glob's matches.
    const explicit = new Set(entries.flatMap((e) => (typeof e?.target === 'string' && !isGlob(e.target) ? [e.target] : [])));
    const seen = new Set();
    return entries.flatMap((item, index) => {
        if (!item)
            return [];
        const { entry, target } = item;
        const line = resource.document.lineAt([...filesPath, index]) ?? resource.origin.line;
        const skip = (reason) => {
            context.notEvaluable.push({
                file: resource.origin.file,
                line,
                reason: `valueFiles ${entry}: ${reason}`,
            });
            return [];
        };
        if (typeof target !== 'string')
            return skip(target.reason);
        const parameters = target.match(TEMPLATE_TAG);
        if (parameters) {
            // An ApplicationSet's generator fills these in per generated Application (a clusters generator, whose
            // clusters are not in the repository): each file the path may name belongs to one of them, so none is read
            // as this Application's values, nor as an install of its own.
            const candidates = templatedMatches(context.repo, target);
            for (const file of candidates)
                context.unreadValuesFiles?.add(file);
            const named = candidates.length > 0 ? ` (${firstAndMore(candidates, NAMED_CANDIDATES)})` : '';
            return skip(`${parameters.join(', ')} is filled in by the ApplicationSet per generated Application and is not known here, so the file it names is not read${named}`);
        }
        const layer = (file) => {
            const document = firstDocument(context.repo, file);
            if (!document || seen.has(file))
                return [];
            seen.add(file);
            return [documentLayer(document, [], `valueFiles ${file}`)];
        };
        if (isGlob(target)) {
            const matches = globMatches(context.repo, target);
            if (!matches)
                return skip(`${target} is not a glob Argo CD reads`);
            if (matches.length === 0)
                return ignoreMissing ? [] : skip(`${target} matches no YAML file of this repository`);
            return matches.filter((file) => !explicit.has(file)).flatMap(layer);
        }
        // Argo CD skips a missing file with ignoreMissingValueFiles; one it cannot be seen to skip is still noted.
        if (!firstDocument(context.repo, target))
            return ignoreMissing ? [] : skip(`${target} is not a YAML file of this repository`);
        return layer(target);
    });
}
/** How many of the files a valueFiles path with parameters may name its note lists. */
const NAMED_CANDIDATES = 3;
/** An ApplicationSet parameter left in a generated Application (`{{name}}`, `{{ .name }}`). */
const TEMPLATE_TAG = /\{\{.*?\}\}/g;
/** The YAML files of this repository a path with ApplicationSet parameters may name, each parameter within a folder. */
function templatedMatches(repo, path) {
    const pattern = path
        .split(TEMPLATE_TAG)
        .map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*');
    const matches = new RegExp(`^${pattern}$`);
    return [...repo.files.keys()].filter((file) => matches.test(file) && !!firstDocument(repo, file)).sort();
}
/** Argo CD expands a valueFiles path with `*`, `?` or `[` as a doublestar glob (repository.go isGlobPath). */
function isGlob(path) {
    return /[*?[]/.test(path);
}
/**
 * The repository's YAML files a glob matches, in doublestar's walk order: a folder's own files by name, then its
 * subfolders by name (Argo CD docs/user-guide/helm.md, "Glob Patterns in Value Files").
 */
function globMatches(repo, glob) {
    const matches = globMatcher(glob);
    if (!matches)
        return undefined;
    return [...repo.files.keys()].filter((file) => matches(file)).sort(walkOrder);
}
function walkOrder(a, b) {
    const left = a.split('/');
    const right = b.split('/');
    for (let i = 0; i < Math.min(left.length, right.length); i++) {
        if (left[i] === right[i])
            continue;
        const leftIsFile = i === left.length - 1;
        const rightIsFile = i === right.length - 1;
        if (leftIsFile !== rightIsFile)
            return leftIsFile ? -1 : 1;
        return left[i] < right[i] ? -1 : 1;
    }
    return left.length - right.length;
}
function valueFilePath(entry, source, all, repo, environment) {
    const ref = /^\$([^/]+)\/(.*)$/.exec(entry);
    // `$<ref>/…` names a source; `$ARGOCD_APP_NAME/…` is a path with a variable (repository.go getReferencedSource).
    if (ref && !Object.hasOwn(environment, ref[1])) {
        const refSource = all.find((s) => (0,model_read/* asString */.oJ)(s.value.ref) === ref[1]);
        if (!refSource)
            return { reason: `no source has ref ${ref[1]}` };
        const elsewhere = otherRepository(refSource, repo);
        if (elsewhere)
            return { reason: elsewhere };
        // The rest of the path has the environment filled in after the source is resolved.
        const rest = expandEnvironment(ref[2], environment);
        if (typeof rest !== 'string')
            return rest;
        return joinPath('', rest) ?? { reason: 'path leaves the repository' };
    }
    const expanded = expandEnvironment(entry, environment);
    if (typeof expanded !== 'string')
        return expanded;
    if (/^[a-z]+:\/\//i.test(expanded))
        return { reason: 'remote values file, not evaluated' };
    const chartDir = (0,model_read/* asString */.oJ)(source.value.path);
    if (source.value.chart !== undefined || chartDir === undefined)
        return { reason: 'file inside a remote chart, not evaluated' };
    // Relative to the chart folder; an absolute path from the repository root (Argo CD util/io/path/resolved.go).
    return (joinPath(expanded.startsWith('/') ? '' : chartDir, expanded) ?? { reason: 'path leaves the repository' });
}
/** Where Argo CD runs, the namespace whose Applications are named without it (`InstanceName`). */
const ARGOCD_NAMESPACE = 'argocd';
/**
 * The variables Argo CD sets for a source (reposerver/repository/repository.go newEnv). `ARGOCD_APP_NAME` is
 * `<namespace>_<name>` for an Application outside Argo CD's own namespace, which is not known here; the revision
 * variables hold the commit that is rendered.
 */
function buildEnvironment(resource, source) {
    const spec = resource.document.value;
    return {
        ARGOCD_APP_NAME: resource.namespace === undefined || resource.namespace === ARGOCD_NAMESPACE ? resource.name : undefined,
        ARGOCD_APP_NAMESPACE: (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(spec, ['spec', 'destination', 'namespace'])) ?? '',
        ARGOCD_APP_PROJECT_NAME: (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(spec, ['spec', 'project'])) ?? '',
        ARGOCD_APP_REVISION: undefined,
        ARGOCD_APP_REVISION_SHORT: undefined,
        ARGOCD_APP_REVISION_SHORT_8: undefined,
        ARGOCD_APP_SOURCE_REPO_URL: (0,model_read/* asString */.oJ)(source.value.repoURL) ?? '',
        ARGOCD_APP_SOURCE_PATH: (0,model_read/* asString */.oJ)(source.value.path) ?? '',
        ARGOCD_APP_SOURCE_TARGET_REVISION: (0,model_read/* asString */.oJ)(source.value.targetRevision) ?? '',
    };
}
/**
 * `$VAR`, `${VAR}` and `$$` as Argo CD's Env.Envsubst expands them with Go's os.Expand: a variable it does not set
 * is empty, a `$` before no name stays. A reason when the value is one the repository does not tell.
 */
function expandEnvironment(text, environment) {
    let unknown;
    const expanded = text.replace(/\$(?:\{([^}]*)\}|([*#$@!?\-0-9])|([A-Za-z_][A-Za-z0-9_]*))/g, (_whole, braced, special, plain) => {
        const name = braced ?? special ?? plain ?? '';
        if (name === '$')
            return '$';
        // Own keys only: `$constructor` is no variable of Argo CD's.
        if (!Object.hasOwn(environment, name))
            return '';
        if (environment[name] === undefined)
            unknown ??= name;
        return environment[name] ?? '';
    });
    return unknown ? { reason: `${unknown} is filled in by Argo CD, not evaluated` } : expanded;
}
/**
 * Why the `ref` source's files are not this tree's, when its repoURL is known to be another repository than this
 * one (see {@link localRepositoryUrls}); undefined when it is this one or nothing tells.
 */
function otherRepository(refSource, repo) {
    const repoURL = (0,model_read/* asString */.oJ)(refSource.value.repoURL);
    const url = normalizeGitUrl(repoURL);
    const local = localRepositoryUrls(repo, () => repo.resources.filter(isApplication));
    if (!url || local.size === 0 || local.has(url))
        return undefined;
    return `the file is in ${repoURL}, not in this repository (${[...local].join(', ')} by the Argo CD sources whose path is here), and was not read`;
}
/** `helm.values` (a YAML string, parsed with lines of this file) or `helm.valuesObject`, which replaces it. */
function inlineLayers(resource, helmPath, via, context) {
    const document = resource.document;
    if ((0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(document.value, [...helmPath, 'valuesObject']))) {
        return [documentLayer(document, [...helmPath, 'valuesObject'], `${via} helm.valuesObject`)];
    }
    const raw = (0,model_read/* getIn */.O6)(document.value, [...helmPath, 'values']);
    if ((0,model_read/* asRecord */.qY)(raw))
        return [documentLayer(document, [...helmPath, 'values'], `${via} helm.values`)];
    if (typeof raw !== 'string')
        return [];
    const nested = document.nestedAt([...helmPath, 'values']);
    if (!nested)
        return [];
    context.notEvaluable.push(...nested.problems.map((p) => ({ ...p, reason: `helm.values: ${p.reason}` })));
    const inner = nested.documents[0];
    return inner ? [documentLayer(inner, [], `${via} helm.values`)] : [];
}
/** `helm.parameters[]` as Helm `--set` (`--set-string` with `forceString`), the build environment filled in. */
function parameterLayers(resource, helmPath, via, environment) {
    const parametersPath = [...helmPath, 'parameters'];
    const values = {};
    const written = [];
    (0,model_read/* asArray */._j)((0,model_read/* getIn */.O6)(resource.document.value, parametersPath)).forEach((raw, index) => {
        const parameter = (0,model_read/* asRecord */.qY)(raw);
        const name = (0,model_read/* asString */.oJ)(parameter?.name);
        const value = (0,model_read/* asString */.oJ)(parameter?.value);
        if (!name || value === undefined)
            return;
        const path = parseSetKey(name);
        // Argo CD fills its build environment into the value; one it cannot be told here stays as written.
        const expanded = expandEnvironment(value, environment);
        const text = typeof expanded === 'string' ? expanded : value;
        setAt(values, path, setValue(text, (0,model_read/* asBoolean */.tB)(parameter?.forceString) ?? false));
        written.push({ path, index });
    });
    if (written.length === 0)
        return [];
    const locate = (path) => {
        const hit = [...written].reverse().find((w) => startsWith(w.path, path) || startsWith(path, w.path));
        return hit
            ? { ...originAt(resource, [...parametersPath, hit.index, 'value']), path: hit.path.join('.') }
            : undefined;
    };
    return [{ via: `${via} helm.parameters`, values, locate }];
}
function startsWith(path, prefix) {
    return prefix.every((segment, index) => String(path[index]) === String(segment));
}

;// CONCATENATED MODULE: ./src/model/argo-applicationset.ts






/**
 * Argo CD ApplicationSets: each generates Applications from `spec.template` (an Application's `metadata` and `spec`)
 * with the parameters of its generators filled into the template's strings. The Applications of a `list` generator,
 * and of a `git` directories generator of this repository, are added to the repository's objects, where they are
 * read as an Application written in the repository is; their lines are the template's. A `clusters` generator's
 * clusters are Argo CD's cluster secrets, not in the repository: its template is read as one Application whose cluster
 * parameters stay as written (see {@link clustersGenerator}). Generators whose parameters come from other places
 * outside the repository (SCM providers, plugins) or combine others are not guessed at.
 */
function isApplicationSet(resource) {
    return resource.kind === 'ApplicationSet' && resource.apiVersion.startsWith('argoproj.io/');
}
const TEMPLATE = ['spec', 'template'];
/**
 * Adds the Applications the repository's ApplicationSets generate to `repo.resources`, each after its
 * ApplicationSet, and notes the ApplicationSets that are not expanded. Runs before anything reads the Applications.
 */
function expandApplicationSets(repo, notEvaluable) {
    const applicationSets = repo.resources.filter(isApplicationSet);
    if (applicationSets.length === 0)
        return;
    const generated = new Map();
    const pending = [];
    for (const applicationSet of applicationSets) {
        const generators = readGenerators(applicationSet);
        if ('notExpanded' in generators) {
            notEvaluable.push(notExpandedNote(applicationSet, generators.notExpanded));
            continue;
        }
        const lines = textLines(repo, applicationSet.origin.file);
        const fromParameters = generators.flatMap((generator) => {
            if (generator.kind === 'list')
                return generator.renders.flatMap((render) => generatedApplication(applicationSet, render, lines) ?? []);
            if (generator.kind !== 'clusters')
                return [];
            notEvaluable.push({
                file: applicationSet.origin.file,
                line: generator.line,
                reason: `ApplicationSet ${nameOf(applicationSet)}: the clusters generator makes one Application per cluster registered in Argo CD, and the clusters are not in the repository; its template is read as one Application, the cluster parameters (name, server, metadata.labels…) unknown`,
            });
            return generatedApplication(applicationSet, generator.render, lines) ?? [];
        });
        generated.set(applicationSet, fromParameters);
        for (const generator of generators)
            if (generator.kind === 'git')
                pending.push({ applicationSet, generator });
    }
    if (pending.length > 0)
        expandGitGenerators(repo, pending, generated, notEvaluable);
    repo.resources = repo.resources.flatMap((resource) => [resource, ...(generated.get(resource) ?? [])]);
}
/**
 * Adds the Applications of git directories generators to `generated`; an ApplicationSet with one that cannot be
 * expanded generates nothing here and is noted.
 */
function expandGitGenerators(repo, pending, generated, notEvaluable) {
    // Which repository this tree is, from the Applications written here and those the list generators make.
    const applications = [...repo.resources.filter(isApplication), ...[...generated.values()].flat()];
    const localUrls = findLocalUrls(repo, applications);
    const folders = [...foldersOf(repo)].filter((folder) => !folder.split('/').some(isHidden)).sort();
    for (const { applicationSet, generator } of pending) {
        const known = generated.get(applicationSet);
        if (!known)
            continue;
        const outcome = gitApplications(applicationSet, generator, localUrls, folders, repo);
        if ('notExpanded' in outcome) {
            generated.delete(applicationSet);
            notEvaluable.push(notExpandedNote(applicationSet, outcome.notExpanded));
        }
        else {
            known.push(...outcome.applications);
            if (outcome.note)
                notEvaluable.push(outcome.note);
        }
    }
}
function nameOf(resource) {
    return `${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`;
}
function notExpandedNote(applicationSet, { line, reason }) {
    return {
        file: applicationSet.origin.file,
        line,
        reason: `ApplicationSet ${nameOf(applicationSet)} is not expanded: ${reason}; the Applications it generates are not read`,
    };
}
function textLines(repo, file) {
    return (repo.files.get(file)?.text ?? '').split(/\r?\n/);
}
/** Generators Argo CD fills from outside the repository, or from other generators: never guessed at. */
const NOT_EXPANDED_GENERATORS = {
    clusterDecisionResource: 'its parameters come from a resource in the cluster',
    matrix: 'generators combined by a matrix generator are not evaluated',
    merge: 'generators combined by a merge generator are not evaluated',
    scmProvider: 'its parameters come from the repositories of an SCM provider',
    pullRequest: 'its parameters come from the open pull requests',
    plugin: 'its parameters come from a plugin',
};
function readGenerators(applicationSet) {
    const document = applicationSet.document;
    const spec = (0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(document.value, ['spec'])) ?? {};
    const at = (path) => document.lineAt(path) ?? applicationSet.origin.line;
    if (spec.templatePatch !== undefined)
        return notExpanded(at(['spec', 'templatePatch']), 'templatePatch is not evaluated');
    if (!(0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(spec, ['template', 'spec'])))
        return [];
    const goTemplate = (0,model_read/* asBoolean */.tB)(spec.goTemplate) ?? false;
    const generators = [];
    for (const [index, raw] of (0,model_read/* asArray */._j)(spec.generators).entries()) {
        const path = ['spec', 'generators', index];
        const read = readGenerator((0,model_read/* asRecord */.qY)(raw) ?? {}, goTemplate, (...rest) => at([...path, ...rest]));
        if ('notExpanded' in read)
            return read;
        generators.push(read);
    }
    return generators;
}
function notExpanded(line, reason) {
    return { notExpanded: { line, reason } };
}
/** One entry of `spec.generators`: a `list`, a `git` directories generator, or one that is not expanded. */
function readGenerator(entry, goTemplate, at) {
    const kind = Object.keys(entry).find((key) => key !== 'selector');
    if (!kind)
        return notExpanded(at(), 'a generator without a kind');
    const body = (0,model_read/* asRecord */.qY)(entry[kind]) ?? {};
    if (entry.selector !== undefined)
        return notExpanded(at('selector'), 'a generator selector is not evaluated');
    if (body.template !== undefined)
        return notExpanded(at(kind, 'template'), `the ${kind} generator's own template is not evaluated`);
    if (kind === 'list')
        return listGenerator(body, goTemplate, (...rest) => at(kind, ...rest));
    if (kind === 'git')
        return gitGenerator(body, at(kind));
    if (kind === 'clusters')
        return clustersGenerator(body, goTemplate, at(kind));
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
function clustersGenerator(body, goTemplate, line) {
    const constants = Object.entries((0,model_read/* asRecord */.qY)(body.values) ?? {}).filter((entry) => typeof entry[1] === 'string' && !entry[1].includes('{{'));
    const render = goTemplate
        ? goRender({ values: Object.fromEntries(constants) })
        : flatRender(new Map(constants.map(([key, value]) => [`values.${key}`, value])));
    return { kind: 'clusters', render, line };
}
/** `list.elements`: one Application per element (`elementsYaml` is not read). */
function listGenerator(body, goTemplate, at) {
    if (body.elementsYaml !== undefined)
        return notExpanded(at('elementsYaml'), 'elementsYaml is not evaluated');
    const renders = [];
    for (const [index, raw] of (0,model_read/* asArray */._j)(body.elements).entries()) {
        const element = (0,model_read/* asRecord */.qY)(raw) ?? {};
        if (goTemplate) {
            renders.push(goRender(element));
            continue;
        }
        const params = flatParams(element);
        if (typeof params === 'string')
            return notExpanded(at('elements', index, params), `without goTemplate, Argo CD takes string element values only, and ${params} is not one (no Application is generated)`);
        renders.push(flatRender(params));
    }
    return { kind: 'list', renders };
}
/**
 * The parameters of a list element without goTemplate: its string values, and those of its `values` map as
 * `values.<key>` (Argo CD's list generator); the key of a value that is not a string instead.
 */
function flatParams(element) {
    const params = new Map();
    for (const [key, value] of Object.entries(element)) {
        const values = key === 'values' ? (0,model_read/* asRecord */.qY)(value) : undefined;
        const entries = values
            ? Object.entries(values).map(([name, item]) => [`values.${name}`, item])
            : [[key, value]];
        for (const [name, item] of entries) {
            if (typeof item !== 'string')
                return key;
            params.set(name, item);
        }
    }
    return params;
}
const argo_applicationset_TAG = /\{\{(.*?)\}\}/g;
/** Argo CD's default templating: `{{ name }}` is the parameter of that name, an unknown one stays as written. */
function flatRender(params) {
    return (text) => text.replace(argo_applicationset_TAG, (tag, name) => params.get(name.trim()) ?? tag);
}
/** A Go template field chain: `.cluster`, `.values.mode`. */
const FIELD_CHAIN = /^\.[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;
/**
 * goTemplate: `{{ .a.b }}` is the scalar at that path of the parameters. Anything else (pipelines, functions, a
 * missing key, which Go renders as `<no value>` or fails on) stays as written, so it is noted as a template.
 */
function goRender(params) {
    return (text) => text.replace(argo_applicationset_TAG, (tag, action) => {
        const chain = action.trim();
        if (!FIELD_CHAIN.test(chain))
            return tag;
        const value = (0,model_read/* getIn */.O6)(params, chain.slice(1).split('.'));
        return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
            ? String(value)
            : tag;
    });
}
/** The template with the parameters filled into every string and map key, as Argo CD renders it. */
function renderValue(value, render) {
    if (typeof value === 'string')
        return render(value);
    if (Array.isArray(value))
        return value.map((item) => renderValue(item, render));
    const record = (0,model_read/* asRecord */.qY)(value);
    if (!record)
        return value;
    return Object.fromEntries(Object.entries(record).map(([key, item]) => [render(key), renderValue(item, render)]));
}
/** The Application one parameter set generates, in the ApplicationSet's namespace, or undefined without a name. */
function generatedApplication(applicationSet, render, lines) {
    const template = (0,model_read/* asRecord */.qY)(renderValue((0,model_read/* getIn */.O6)(applicationSet.document.value, TEMPLATE), render)) ?? {};
    const metadata = (0,model_read/* asRecord */.qY)(template.metadata) ?? {};
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
function templatedDocument(applicationSet, value, lines) {
    const inFile = (path) => path[0] === 'metadata' || path[0] === 'spec' ? [...TEMPLATE, ...path] : [...path];
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
            const rendered = text ?? (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(value, path));
            const nested = applicationSet.nestedAt(inFile(path), rendered);
            if (!nested)
                return undefined;
            const written = (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(applicationSet.value, inFile(path))) ?? '';
            // A parameter holding line breaks moves the lines after it: the lines no longer say where a value is written.
            const sameLines = lineCount(written) === lineCount(rendered ?? written);
            const line = applicationSet.lineAt(inFile(path)) ?? applicationSet.line;
            return sameLines ? literalFile(nested, lines) : pinnedFile(nested, line);
        },
    };
}
function lineCount(text) {
    return text.split('\n').length;
}
/**
 * A shape for edits, unless one of its lines holds a placeholder of the template. A collection counts its every line:
 * where a templated value below it is hidden, an edit would take the value for absent and write it a second time.
 */
function literalShape(shape, lines) {
    if (!shape)
        return undefined;
    for (let line = shape.start.line; line <= shape.endLine; line++)
        if ((0,placeholders/* placeholderIn */.P5)(lines[line - 1] ?? ''))
            return undefined;
    return shape;
}
/** The documents of a nested values string, with the template's placeholder lines kept from edits. */
function literalFile(nested, lines) {
    return {
        ...nested,
        documents: nested.documents.map((document) => ({
            ...subDocument(document, [], document.value),
            describeAt: (path) => literalShape(document.describeAt(path), lines),
        })),
    };
}
/** The documents of a nested values string whose lines are not the template's: every position is its key's line. */
function pinnedFile(nested, line) {
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
function gitGenerator(body, line) {
    const repoURL = (0,model_read/* asString */.oJ)(body.repoURL) ?? '';
    if (body.files !== undefined)
        return notExpanded(line, 'the git files generator is not evaluated');
    if (body.values !== undefined || body.pathParamPrefix !== undefined)
        return notExpanded(line, 'git generator values and pathParamPrefix are not evaluated');
    const include = [];
    const exclude = [];
    for (const raw of (0,model_read/* asArray */._j)(body.directories)) {
        const entry = (0,model_read/* asRecord */.qY)(raw) ?? {};
        const pattern = (0,model_read/* asString */.oJ)(entry.path);
        const matcher = pattern === undefined ? undefined : simpleGlob(pattern);
        if (!matcher)
            return notExpanded(line, `the git directories path ${pattern ?? '(none)'} is not a simple pattern`);
        ((0,model_read/* asBoolean */.tB)(entry.exclude) ? exclude : include).push(matcher);
    }
    return { kind: 'git', repoURL, include, exclude, line };
}
/** A `path.Match` pattern with only `*` and `?` (neither crosses a `/`); undefined for classes, escapes, templates. */
function simpleGlob(pattern) {
    if (pattern === '' || /[[\\]|\{\{/.test(pattern))
        return undefined;
    const body = pattern
        .split('')
        .map((char) => (char === '*' ? '[^/]*' : char === '?' ? '[^/]' : char.replace(/[.+^${}()|]/g, '\\$&')))
        .join('');
    return new RegExp(`^${body}$`);
}
/** Argo CD reads no hidden folder (`.git`, `.github`). */
function isHidden(segment) {
    return segment.startsWith('.');
}
/**
 * The Applications of a git directories generator: one per folder of this tree its patterns match, when its
 * `repoURL` is this repository (the tree is taken to be it when nothing tells its URL, as for `$values` files).
 */
function gitApplications(applicationSet, generator, localUrls, folders, repo) {
    const url = normalizeGitUrl(generator.repoURL);
    if (!url)
        return notExpanded(generator.line, `the git generator's repoURL ${generator.repoURL} is not a URL`);
    if (localUrls.size > 0 && !localUrls.has(url))
        return notExpanded(generator.line, `the git generator reads ${generator.repoURL}, not this repository (${[...localUrls].join(', ')} by the Argo CD sources whose path is here)`);
    const goTemplate = (0,model_read/* asBoolean */.tB)((0,model_read/* getIn */.O6)(applicationSet.document.value, ['spec', 'goTemplate'])) ?? false;
    const matched = folders.filter((folder) => generator.include.some((pattern) => pattern.test(folder)) &&
        !generator.exclude.some((pattern) => pattern.test(folder)));
    const lines = textLines(repo, applicationSet.origin.file);
    const applications = matched.flatMap((folder) => {
        const render = goTemplate ? goRender({ path: goPathParams(folder) }) : flatRender(flatPathParams(folder));
        return generatedApplication(applicationSet, render, lines) ?? [];
    });
    if (matched.length > 0)
        return { applications };
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
function flatPathParams(folder) {
    const base = folder.split('/').pop() ?? folder;
    const params = new Map([
        ['path', folder],
        ['path.basename', base],
        ['path.basenameNormalized', sanitizeName(base)],
    ]);
    folder.split('/').forEach((segment, index) => params.set(`path[${index}]`, segment));
    return params;
}
function goPathParams(folder) {
    const base = folder.split('/').pop() ?? folder;
    return {
        path: folder,
        basename: base,
        basenameNormalized: sanitizeName(base),
        segments: folder.split('/'),
    };
}
/** Argo CD's `SanitizeName`: a DNS name from a folder name (lower case, other characters as `-`). */
function sanitizeName(name) {
    return name
        .toLowerCase()
        .replace(/[^-a-z0-9.]/g, '-')
        .slice(0, 253)
        .replace(/^[-.]+|[-.]+$/g, '');
}

;// CONCATENATED MODULE: ./src/model/istio-presets.ts




/**
 * The parts of Istio's Helm presets (`manifests/helm-profiles/*.yaml`) that decide something this tool checks.
 * The charts apply them as chart defaults < profile < compatibilityVersion < platform < user values.
 */
const PROFILES = {
    ambient: {
        meshConfig: { defaultConfig: { proxyMetadata: { ISTIO_META_ENABLE_HBONE: 'true' } } },
        global: { variant: 'distroless' },
        pilot: { env: { PILOT_ENABLE_AMBIENT: 'true' } },
        cni: { ambient: { enabled: true } },
    },
};
/** Compatibility profiles up to 1.26 switch native sidecars off (1.27 made them the default). */
function compatibilityPreset(version) {
    const match = /^v?(\d+)\.(\d+)/.exec(version);
    if (!match)
        return undefined;
    const [major, minor] = [Number(match[1]), Number(match[2])];
    if (major !== 1 || minor > 26)
        return undefined;
    return { pilot: { env: { ENABLE_NATIVE_SIDECARS: 'false' } } };
}
/** The preset settings the charts also accept under `global.`. */
const ALSO_UNDER_GLOBAL = ['profile', 'platform'];
/** OpenShift runs the CNI agent as a Multus plugin with its own directories. */
const PLATFORMS = {
    openshift: {
        cniBinDir: '/var/lib/cni/bin',
        cniConfDir: '/etc/cni/multus/net.d',
        chained: false,
        provider: 'multus',
        pilot: { cni: { provider: 'multus' } },
    },
};
/**
 * A setting that selects a preset. The charts' `zzz_profile.yaml` coalesces `profile` and `platform` with
 * `global.profile` / `global.platform`, but reads `compatibilityVersion` only at the top level.
 */
function presetSetting(values, key) {
    const top = (0,model_read/* asString */.oJ)(values[key]);
    if (top)
        return { value: top, path: [key] };
    if (!ALSO_UNDER_GLOBAL.includes(key))
        return undefined;
    const global = (0,model_read/* asString */.oJ)((0,model_read/* asRecord */.qY)(values.global)?.[key]);
    return global ? { value: global, path: ['global', key] } : undefined;
}
/** Chart values with the presets their `profile`, `compatibilityVersion` and `platform` select, under the user's. */
function withIstioPresets(values) {
    if (!isIstioChart(values.chart))
        return values;
    const presets = [];
    const add = (key, preset) => {
        const chosen = presetSetting(values.values, key);
        if (!chosen || !preset)
            return;
        const origin = valuesOrigin(values, chosen.path);
        presets.push({
            via: `${key} ${chosen.value} preset`,
            values: preset,
            preset: true,
            locate: (path) => (0,model_read/* getIn */.O6)(preset, path) === undefined
                ? undefined
                : { ...origin, path: `${chosen.path.join('.')}=${chosen.value}: ${path.join('.')}` },
        });
    };
    const profile = presetSetting(values.values, 'profile')?.value;
    add('profile', profile ? PROFILES[profile] : undefined);
    const compatibility = presetSetting(values.values, 'compatibilityVersion')?.value;
    add('compatibilityVersion', compatibility ? compatibilityPreset(compatibility) : undefined);
    const platform = presetSetting(values.values, 'platform')?.value;
    add('platform', platform ? PLATFORMS[platform] : undefined);
    if (presets.length === 0)
        return values;
    const userLayers = values.layers ?? [documentLayer(values.document, values.valuesPath, values.via)];
    // The chart's own defaults (a subchart's values.yaml in the repository) stay under the presets.
    const defaults = userLayers.filter((layer) => layer.chartDefaults);
    const layers = [...defaults, ...presets, ...userLayers.filter((layer) => !layer.chartDefaults)];
    return { ...values, layers, values: mergeLayers(layers) };
}

;// CONCATENATED MODULE: ./src/model/mesh-install.ts








/** Reads mesh-wide settings from a MeshConfig object found at `meshPath`. */
function readMeshConfig(meshConfig, locate, via, origin) {
    const source = { via, origin };
    const policy = (0,model_read/* asRecord */.qY)(meshConfig.outboundTrafficPolicy);
    if (policy) {
        // `outboundTrafficPolicy` without `mode` is REGISTRY_ONLY (the protobuf enum's zero value). A mode is kept as
        // written: istiod parses enum names case-sensitively (see `unreadableMeshModes`).
        const mode = (0,model_read/* asString */.oJ)(policy.mode) ?? 'REGISTRY_ONLY';
        source.outboundPolicy = provenance_fact(mode, locate(policy.mode !== undefined ? ['outboundTrafficPolicy', 'mode'] : ['outboundTrafficPolicy']));
    }
    const root = (0,model_read/* asString */.oJ)(meshConfig.rootNamespace);
    if (root)
        source.rootNamespace = provenance_fact(root, locate(['rootNamespace']));
    if (meshConfig.defaultServiceExportTo !== undefined) {
        const exportTo = (0,model_read/* asArray */._j)(meshConfig.defaultServiceExportTo)
            .map(model_read/* asString */.oJ)
            .filter((v) => !!v);
        source.defaultServiceExportTo = provenance_fact(exportTo, locate(['defaultServiceExportTo']));
    }
    if (meshConfig.discoverySelectors !== undefined) {
        const selectors = (0,model_read/* asArray */._j)(meshConfig.discoverySelectors)
            .map((selector) => toSelector(selector))
            .filter((s) => s !== undefined);
        source.discoverySelectors = provenance_fact(selectors, locate(['discoverySelectors']));
    }
    return source;
}
/** The names of `MeshConfig.OutboundTrafficPolicy.Mode` (`ALLOW_ANY_DYNAMIC_DNS` since Istio 1.30). */
const MESH_OUTBOUND_MODES = ['REGISTRY_ONLY', 'ALLOW_ANY', 'ALLOW_ANY_DYNAMIC_DNS'];
/**
 * Notes for mesh configs whose outbound mode is no enum name as written (`registry_only`). istiod reads the mesh
 * config with jsonpb, which matches enum names exactly; on an error it discards the whole config and keeps its last
 * valid one, or the default ALLOW_ANY (`meshwatcher`, "invalid mesh config, using last known state").
 */
function unreadableMeshModes(sources) {
    return sources.flatMap((source) => {
        const mode = source.outboundPolicy;
        if (!mode || MESH_OUTBOUND_MODES.includes(mode.value))
            return [];
        return [
            {
                file: mode.origin.file,
                line: mode.origin.line,
                reason: `${source.via}: outboundTrafficPolicy.mode "${mode.value}" is not one of ${MESH_OUTBOUND_MODES.join(', ')} ` +
                    '(as written, upper case); istiod rejects the mesh config and keeps its last valid one, so it is not read as a restriction',
            },
        ];
    });
}
function isMeshConfigMap(resource) {
    return resource.kind === 'ConfigMap' && resource.apiVersion === 'v1' && /^istio(-.+)?$/.test(resource.name);
}
/** The `istio` / `istio-<rev>` ConfigMap keeps the mesh config as a YAML string under `data.mesh`. */
function readMeshConfigMap(resource) {
    const nested = resource.document.nestedAt(['data', 'mesh']);
    const line = resource.document.lineAt(['data', 'mesh']) ?? resource.origin.line;
    if (!nested)
        return { line };
    if (nested.problems.length > 0)
        return { line: nested.problems[0].line, problem: `mesh config: ${nested.problems[0].reason}` };
    const document = nested.documents[0];
    const mesh = (0,model_read/* asRecord */.qY)(document?.value) ?? {};
    const file = fileAt(resource.document, ['data', 'mesh']);
    const locate = (path) => ({
        file,
        line: document?.lineAt(path) ?? line,
        path: `data.mesh:${path.join('.')}`,
    });
    const via = `ConfigMap ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`;
    return { source: readMeshConfig(mesh, locate, via, resource.origin), line };
}
/** istiod chart values: mesh config, pilot env (`pilot.*` wins over the flat 1.24+ keys), CNI-in-use flag. */
function readIstiodValues(values) {
    const at = (path) => valuesOrigin(values, path);
    const meshConfig = (0,model_read/* asRecord */.qY)(values.values.meshConfig);
    const mesh = withChartRootNamespace(meshConfig
        ? readMeshConfig(meshConfig, (p) => at(['meshConfig', ...p]), values.via, values.origin)
        : undefined, values.values, at, values.via, values.origin);
    const env = {};
    for (const prefix of [['env'], ['pilot', 'env']]) {
        for (const [key, raw] of Object.entries((0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(values.values, prefix)) ?? {})) {
            const text = (0,model_read/* asString */.oJ)(raw);
            if (text !== undefined)
                env[key] = provenance_fact(text, at([...prefix, key]));
        }
    }
    const envPrefix = (0,model_read/* getIn */.O6)(values.values, ['pilot', 'env']) !== undefined || (0,model_read/* getIn */.O6)(values.values, ['env']) === undefined
        ? ['pilot', 'env']
        : ['env'];
    const cniInUse = istiodCniFlag(values, at);
    const namespace = values.releaseNamespace;
    const pilot = {
        origin: values.origin,
        env,
        envTarget: { document: values.document, path: [...values.valuesPath, ...envPrefix] },
        via: values.via,
        ...chartVersionFact(values),
        ...presetFact(values, 'compatibilityVersion'),
        ...presetFact(values, 'profile'),
        ...optionalFact('revision', (0,model_read/* asString */.oJ)(values.values.revision) || undefined, at(['revision'])),
        ...presetFact(values, 'platform'),
        namespace: provenance_fact(namespace ?? 'istio-system', values.origin, !namespace),
        ...(cniInUse ? { cniEnabled: cniInUse } : {}),
        autoInject: autoInjectPolicy(values.values, at, values.origin),
    };
    return { ...(mesh ? { mesh } : {}), pilot, ...(cniInUse ? { cniInUse } : {}) };
}
/**
 * `global.proxy.autoInject`, which the istiod chart writes as the injector's `policy` (`istiod-injector-configmap.yaml`):
 * `enabled` (the chart default) injects pods that say nothing, `disabled` injects only pods that ask.
 */
function autoInjectPolicy(values, at, origin) {
    const path = ['global', 'proxy', 'autoInject'];
    const written = (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(values, path));
    return written ? provenance_fact(written, at(path)) : provenance_fact('enabled', origin, true);
}
/**
 * The istiod chart renders `rootNamespace` as `meshConfig.rootNamespace`, else `global.istioNamespace`
 * (`templates/configmap.yaml`, 1.20 to 1.28; IstioOperator renders the same chart from `spec.values`), so a mesh
 * config without a root namespace of its own has the chart's. Sail sets `global.istioNamespace` to the CR's
 * `spec.namespace` (see `readSailResource`).
 */
function withChartRootNamespace(mesh, values, at, via, origin) {
    if (mesh?.rootNamespace)
        return mesh;
    const istioNamespace = (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(values, ['global', 'istioNamespace']));
    if (!istioNamespace)
        return mesh;
    const rootNamespace = provenance_fact(istioNamespace, at(['global', 'istioNamespace']));
    return { ...(mesh ?? { via, origin }), rootNamespace };
}
/**
 * Whether istiod is told the CNI agent is in use. 1.24+ reads only `pilot.cni.enabled` (the flat `cni.enabled` is
 * copied there, `pilot.*` winning); 1.22–1.23 also `istio_cni.enabled`, which older charts used alone.
 */
function istiodCniFlag(values, at) {
    for (const prefix of [['pilot', 'cni'], ['cni']]) {
        const enabled = (0,model_read/* asBoolean */.tB)((0,model_read/* getIn */.O6)(values.values, [...prefix, 'enabled']));
        if (enabled !== undefined)
            return provenance_fact(enabled, at([...prefix, 'enabled']));
    }
    const legacy = (0,model_read/* asBoolean */.tB)((0,model_read/* getIn */.O6)(values.values, ['istio_cni', 'enabled']));
    const minor = /^v?1\.(\d+)/.exec(values.chartVersion ?? '');
    if (legacy !== undefined && (!minor || Number(minor[1]) < 24))
        return provenance_fact(legacy, at(['istio_cni', 'enabled']));
    return undefined;
}
/** A preset setting as a fact at the key the chart reads it from (see {@link presetSetting}). */
function presetFact(values, key) {
    const chosen = presetSetting(values.values, key);
    return optionalFact(key, chosen?.value, valuesOrigin(values, chosen?.path ?? [key]));
}
function optionalFact(key, value, origin) {
    return value === undefined ? {} : { [key]: provenance_fact(value, origin) };
}
/**
 * Why the cni chart does not read its flat top-level keys (`podAnnotations`, `ambient`, …) here, or undefined when
 * it does. The flat layout came with 1.24; a chart of unknown version may be that new, so its flat keys count (as
 * `istio_cni.enabled` counts for an istiod chart of unknown version). Sail keeps only the `cni` and `global` maps of
 * an IstioCNI's values (its CNIValues type has no other field), whatever the version.
 */
function whyFlatCniKeysIgnored(values) {
    if (values.installer === 'sail')
        return "Sail passes only `cni` and `global` of an IstioCNI's spec.values to the chart";
    const line = releaseLine(values.chartVersion);
    if (line && !atLeast(line, 1, 24))
        return `the cni chart ${values.chartVersion} reads only the \`cni:\` map (the flat keys came with 1.24)`;
    return undefined;
}
/**
 * The cni chart. Up to 1.23 its templates read only the `cni:` map; from 1.24 the keys are flat, and the chart still
 * copies `cni.*` over the flat keys, so `cni.*` wins wherever both are set.
 */
function readCniValues(values) {
    const flatIgnored = whyFlatCniKeysIgnored(values);
    const legacyMap = (0,model_read/* asRecord */.qY)(values.values.cni);
    const hasLegacy = (0,model_read/* getIn */.O6)(values.values, ['cni', 'podAnnotations']) !== undefined;
    const hasFlat = values.values.podAnnotations !== undefined;
    const annotationsPath = flatIgnored || hasLegacy || (!hasFlat && legacyMap) ? ['cni', 'podAnnotations'] : ['podAnnotations'];
    const pick = (key) => {
        const legacy = (0,model_read/* getIn */.O6)(values.values, ['cni', ...key]);
        if (legacy !== undefined)
            return { value: legacy, path: ['cni', ...key] };
        const flat = flatIgnored ? undefined : (0,model_read/* getIn */.O6)(values.values, key);
        return flat !== undefined ? { value: flat, path: key } : undefined;
    };
    const ambient = pick(['ambient', 'enabled']);
    const ambientEnabled = (0,model_read/* asBoolean */.tB)(ambient?.value);
    const exclude = pick(['excludeNamespaces']);
    const at = (path) => valuesOrigin(values, path);
    const flatAnnotations = (0,model_read/* stringMap */.Qi)(values.values.podAnnotations);
    // The chart copies `cni.podAnnotations` over the flat map: a key's value as written is the one that wins.
    const writtenAnnotations = {
        ...(flatIgnored ? {} : (0,model_read/* asRecord */.qY)(values.values.podAnnotations)),
        ...(0,model_read/* asRecord */.qY)(legacyMap?.podAnnotations),
    };
    return {
        enabled: provenance_fact(true, values.origin),
        namespace: provenance_fact(values.releaseNamespace ?? 'istio-system', values.origin, !values.releaseNamespace),
        podAnnotations: provenance_fact((0,model_read/* stringMap */.Qi)(writtenAnnotations), at(annotationsPath)),
        nonStringPodAnnotations: (0,model_read/* nonStringKeys */.nZ)(writtenAnnotations),
        annotationsTarget: { document: values.document, path: [...values.valuesPath, ...annotationsPath] },
        ...(flatIgnored && hasFlat
            ? {
                ignoredPodAnnotations: {
                    annotations: provenance_fact(flatAnnotations, at(['podAnnotations'])),
                    reason: flatIgnored,
                },
            }
            : {}),
        via: values.via,
        ...(ambient && ambientEnabled !== undefined ? { ambient: provenance_fact(ambientEnabled, at(ambient.path)) } : {}),
        ...(exclude
            ? {
                excludeNamespaces: provenance_fact((0,model_read/* asArray */._j)(exclude.value)
                    .map(model_read/* asString */.oJ)
                    .filter((v) => !!v), at(exclude.path)),
            }
            : {}),
        ...chartVersionFact(values),
    };
}
/** The chart version as the install's Istio version; `defaulted` when it is the assumed one. */
function chartVersionFact(values) {
    if (!values.chartVersion)
        return {};
    const origin = values.chartVersionOrigin ?? values.origin;
    return { version: provenance_fact(values.chartVersion, origin, values.chartVersionAssumed) };
}
function isIstioOperator(resource) {
    return resource.kind === 'IstioOperator' && resource.apiVersion.startsWith('install.istio.io/');
}
/** IstioOperator: `spec.values.meshConfig` wins over `spec.meshConfig`; `components.cni.enabled` installs CNI. */
function readIstioOperator(resource) {
    const spec = (0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(resource.document.value, ['spec'])) ?? {};
    const via = `IstioOperator ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`;
    const at = (path) => originAt(resource, ['spec', ...path]);
    // istioctl merges `spec.meshConfig` into `spec.values.meshConfig` and then the user's `spec.values` on top, key by
    // key (operator/pkg/render/manifest.go): a `values.meshConfig.outboundTrafficPolicy` without `mode` keeps the mode of
    // `spec.meshConfig`. Each setting points at the map that wrote it.
    const topMesh = (0,model_read/* asRecord */.qY)(spec.meshConfig);
    const valuesMesh = (0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(spec, ['values', 'meshConfig']));
    let mesh = topMesh || valuesMesh
        ? readMeshConfig(helmMerge(topMesh ?? {}, valuesMesh ?? {}), (p) => at((0,model_read/* getIn */.O6)(valuesMesh, p) !== undefined ? ['values', 'meshConfig', ...p] : ['meshConfig', ...p]), via, resource.origin)
        : undefined;
    mesh = withChartRootNamespace(mesh, (0,model_read/* asRecord */.qY)(spec.values) ?? {}, (p) => at(['values', ...p]), via, resource.origin);
    // `components.pilot.k8s.env` patches the rendered Deployment, so it wins over `values.pilot.env`.
    const env = {};
    for (const [key, raw] of Object.entries((0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(spec, ['values', 'pilot', 'env'])) ?? {})) {
        const text = (0,model_read/* asString */.oJ)(raw);
        if (text !== undefined)
            env[key] = provenance_fact(text, at(['values', 'pilot', 'env', key]));
    }
    (0,model_read/* asArray */._j)((0,model_read/* getIn */.O6)(spec, ['components', 'pilot', 'k8s', 'env'])).forEach((item, index) => {
        const name = (0,model_read/* asString */.oJ)((0,model_read/* asRecord */.qY)(item)?.name);
        const value = (0,model_read/* asString */.oJ)((0,model_read/* asRecord */.qY)(item)?.value);
        if (name && value !== undefined)
            env[name] = provenance_fact(value, at(['components', 'pilot', 'k8s', 'env', index]));
    });
    const compatibilityPath = spec.compatibilityVersion !== undefined ? ['compatibilityVersion'] : ['values', 'compatibilityVersion'];
    const profile = (0,model_read/* asString */.oJ)(spec.profile);
    const cniComponent = iopCniComponent(spec, profile, at);
    const pilotCni = (0,model_read/* asBoolean */.tB)((0,model_read/* getIn */.O6)(spec, ['values', 'pilot', 'cni', 'enabled']));
    const cniInUse = pilotCni !== undefined
        ? provenance_fact(pilotCni, at(['values', 'pilot', 'cni', 'enabled']))
        : cniComponent?.enabled;
    const namespace = (0,model_read/* asString */.oJ)(spec.namespace) ?? (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(spec, ['values', 'global', 'istioNamespace']));
    const pilot = {
        origin: resource.origin,
        env,
        envTarget: { document: resource.document, path: ['spec', 'values', 'pilot', 'env'] },
        via,
        ...optionalFact('version', (0,model_read/* asString */.oJ)(spec.tag) ?? (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(spec, ['values', 'global', 'tag'])), at(spec.tag !== undefined ? ['tag'] : ['values', 'global', 'tag'])),
        ...optionalFact('profile', profile, at(['profile'])),
        ...optionalFact('compatibilityVersion', (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(spec, compatibilityPath)), at(compatibilityPath)),
        ...optionalFact('revision', (0,model_read/* asString */.oJ)(spec.revision) || undefined, at(['revision'])),
        ...optionalFact('platform', (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(spec, ['values', 'global', 'platform'])), at(['values', 'global', 'platform'])),
        namespace: provenance_fact(namespace ?? 'istio-system', namespace
            ? at(spec.namespace !== undefined ? ['namespace'] : ['values', 'global', 'istioNamespace'])
            : resource.origin, !namespace),
        ...(cniInUse ? { cniEnabled: cniInUse } : {}),
        autoInject: autoInjectPolicy((0,model_read/* asRecord */.qY)(spec.values) ?? {}, (p) => at(['values', ...p]), resource.origin),
    };
    let cni;
    if (cniComponent) {
        const cniNamespace = (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(spec, ['components', 'cni', 'namespace']));
        const ambient = (0,model_read/* asBoolean */.tB)((0,model_read/* getIn */.O6)(spec, ['values', 'cni', 'ambient', 'enabled'])) ??
            (profile?.includes('ambient') ? true : undefined);
        const exclude = (0,model_read/* getIn */.O6)(spec, ['values', 'cni', 'excludeNamespaces']);
        cni = {
            enabled: cniComponent.enabled,
            namespace: provenance_fact(cniNamespace ?? 'istio-system', at(['components', 'cni']), !cniNamespace),
            podAnnotations: provenance_fact((0,model_read/* stringMap */.Qi)((0,model_read/* getIn */.O6)(spec, ['values', 'cni', 'podAnnotations'])), at(['values', 'cni', 'podAnnotations'])),
            nonStringPodAnnotations: (0,model_read/* nonStringKeys */.nZ)((0,model_read/* getIn */.O6)(spec, ['values', 'cni', 'podAnnotations'])),
            annotationsTarget: { document: resource.document, path: ['spec', 'values', 'cni', 'podAnnotations'] },
            via,
            ...(ambient !== undefined
                ? {
                    ambient: provenance_fact(ambient, at((0,model_read/* getIn */.O6)(spec, ['values', 'cni', 'ambient', 'enabled']) !== undefined
                        ? ['values', 'cni', 'ambient', 'enabled']
                        : ['profile'])),
                }
                : {}),
            ...(exclude !== undefined
                ? {
                    excludeNamespaces: provenance_fact((0,model_read/* asArray */._j)(exclude)
                        .map(model_read/* asString */.oJ)
                        .filter((v) => !!v), at(['values', 'cni', 'excludeNamespaces'])),
                }
                : {}),
            ...(pilot.version ? { version: pilot.version } : {}),
        };
    }
    // The `empty` profile disables every component (istio/istio manifests/profiles/empty.yaml), and
    // `components.pilot.enabled: false` istiod: such an IstioOperator installs gateways or CNI only, and its meshConfig
    // reaches no mesh ConfigMap, which the istiod chart renders.
    const installsIstiod = (0,model_read/* asBoolean */.tB)((0,model_read/* getIn */.O6)(spec, ['components', 'pilot', 'enabled'])) ?? profile !== 'empty';
    if (!installsIstiod)
        return cni ? { cni } : {};
    return { ...(mesh ? { mesh } : {}), pilot, ...(cni ? { cni } : {}) };
}
/** IstioOperator profiles that install the CNI agent without `components.cni.enabled`. */
const CNI_PROFILES = ['ambient', 'openshift', 'openshift-ambient'];
/** `components.cni.enabled`, or a profile that installs CNI; undefined when the IstioOperator says nothing. */
function iopCniComponent(spec, profile, at) {
    const explicit = (0,model_read/* asBoolean */.tB)((0,model_read/* getIn */.O6)(spec, ['components', 'cni', 'enabled']));
    if (explicit !== undefined)
        return { enabled: provenance_fact(explicit, at(['components', 'cni', 'enabled'])) };
    if (profile && CNI_PROFILES.includes(profile))
        return { enabled: provenance_fact(true, at(['profile'])) };
    return undefined;
}
/** A rendered `istio-cni-node` DaemonSet: CNI is installed in its namespace with its pod annotations. */
function readCniDaemonSet(resource) {
    if (resource.kind !== 'DaemonSet' || resource.name !== 'istio-cni-node')
        return undefined;
    const path = ['spec', 'template', 'metadata', 'annotations'];
    return {
        enabled: provenance_fact(true, resource.origin),
        namespace: provenance_fact(resource.namespace ?? 'istio-system', resource.origin, !resource.namespace),
        podAnnotations: provenance_fact((0,model_read/* stringMap */.Qi)((0,model_read/* getIn */.O6)(resource.document.value, path)), originAt(resource, path)),
        nonStringPodAnnotations: (0,model_read/* nonStringKeys */.nZ)((0,model_read/* getIn */.O6)(resource.document.value, path)),
        annotationsTarget: { document: resource.document, path },
        via: `DaemonSet ${resource.namespace ?? ''}/${resource.name}`,
    };
}

;// CONCATENATED MODULE: ./src/model/operator-install.ts



/**
 * The Dynatrace Operator chart: its namespace and the CSI driver (enabled unless `csidriver.enabled: false`; serving
 * new pods unless `csidriver.migrationMode: true`).
 */
function readOperatorValues(values) {
    const csiEnabled = (0,model_read/* asBoolean */.tB)((0,model_read/* getIn */.O6)(values.values, ['csidriver', 'enabled']));
    const migrationMode = (0,model_read/* asBoolean */.tB)((0,model_read/* getIn */.O6)(values.values, ['csidriver', 'migrationMode']));
    return {
        namespace: provenance_fact(values.releaseNamespace ?? 'dynatrace', values.origin, !values.releaseNamespace),
        csiDriverEnabled: csiEnabled === undefined
            ? provenance_fact(true, values.origin, true)
            : provenance_fact(csiEnabled, valuesOrigin(values, ['csidriver', 'enabled'])),
        ...(migrationMode === true
            ? { csiDriverMigrationMode: provenance_fact(true, valuesOrigin(values, ['csidriver', 'migrationMode'])) }
            : {}),
        csiDriverLabels: (0,model_read/* stringMap */.Qi)((0,model_read/* getIn */.O6)(values.values, ['csidriver', 'labels'])),
        ...(values.chartVersion
            ? { version: provenance_fact(values.chartVersion, values.chartVersionOrigin ?? values.origin) }
            : {}),
        via: values.via,
    };
}

;// CONCATENATED MODULE: ./src/model/chart-templates.ts
/**
 * Files of a Helm chart's `templates/` folder (a folder beside a `Chart.yaml`, subfolders included) are rendered by
 * Helm from the chart's values when the chart is installed, and those of its `files/` folder only reach the cluster
 * through the templates (`.Files.Get`: Istio's istiod chart keeps its injection templates there); none is applied as
 * written. Each used to give its own note, which a vendored chart turns into dozens (dt-wv/aiops-easytrade commits
 * the Istio 1.24.0 release: 78). Their problems are gathered per chart into one note at its Chart.yaml, and into none
 * when the chart is read as an install through its values (an Argo CD Application of the folder, an umbrella chart,
 * its values.yaml recognized from its keys). A stray template in a plain manifests folder keeps its own note.
 */
const chart_templates_CHART_FILE = /(^|\/)Chart\.ya?ml$/;
const RENDERED_FOLDERS = /^(templates|files)\//;
/** The folder holding `path` (`''` for the root's), undefined above the root. */
function parentDir(path) {
    if (path === undefined || path === '')
        return undefined;
    const slash = path.lastIndexOf('/');
    return slash < 0 ? '' : path.slice(0, slash);
}
/**
 * The innermost chart (a folder `isChartDir` accepts) one of whose content folders (`folders`, matched against the
 * path below the chart: `templates/…`) holds `file`, with that folder's name.
 */
function chartFolderOf(file, folders, isChartDir) {
    for (let dir = parentDir(parentDir(file)); dir !== undefined; dir = parentDir(dir)) {
        const below = dir === '' ? file : file.slice(dir.length + 1);
        const folder = folders.exec(below)?.[1];
        if (folder && isChartDir(dir))
            return { chartDir: dir, folder };
    }
    return undefined;
}
/**
 * The problems of the parsed files, those of charts' rendered folders held back per chart (see
 * {@link chartTemplateNotes}).
 */
function splitChartTemplateProblems(files) {
    const chartFiles = new Map();
    for (const file of files)
        if (chart_templates_CHART_FILE.test(file.file))
            chartFiles.set(parentDir(file.file) ?? '', file);
    const problems = [];
    const charts = new Map();
    for (const file of files) {
        if (file.problems.length === 0)
            continue;
        const rendered = chartFiles.size > 0
            ? chartFolderOf(file.file, RENDERED_FOLDERS, (dir) => chartFiles.has(dir))
            : undefined;
        if (!rendered) {
            // One by one: a file can have more problems than a spread can pass as arguments.
            for (const problem of file.problems)
                problems.push(problem);
            continue;
        }
        const chartFile = chartFiles.get(rendered.chartDir);
        let chart = charts.get(rendered.chartDir);
        if (!chart) {
            chart = {
                chartDir: rendered.chartDir,
                chartFile: chartFile.file,
                chartLine: chartFile.documents[0]?.line ?? 1,
                files: new Map(),
                first: file.problems[0],
            };
            charts.set(rendered.chartDir, chart);
        }
        const listed = chart.files.get(rendered.folder) ?? [];
        listed.push(file.file);
        chart.files.set(rendered.folder, listed);
    }
    return { problems, charts: [...charts.values()] };
}
/** Whether values of an install were read from a file of the chart's own folder (its values.yaml, an overlay). */
function isReadAsInstall(chartDir, chartValues) {
    return chartValues.some((values) => (values.layers ?? []).some((layer) => !layer.preset && layer.document && parentDir(layer.document.file) === chartDir));
}
/** One note per chart whose rendered folders were not read, unless the chart is read as an install. */
function chartTemplateNotes(charts, chartValues) {
    return charts.flatMap((chart) => {
        if (isReadAsInstall(chart.chartDir, chartValues))
            return [];
        const counts = [...chart.files].map(([folder, files]) => `${files.length} file${files.length === 1 ? '' : 's'} of ${folder}/`);
        const where = chart.chartDir === '' ? 'the repository root' : chart.chartDir;
        const first = chart.first.file.slice(chart.chartDir === '' ? 0 : chart.chartDir.length + 1);
        return [
            {
                file: chart.chartFile,
                line: chart.chartLine,
                reason: `Helm chart ${where}: ${counts.join(' and ')} were not read: Helm renders them from the chart's values when the chart is installed, they are not applied as written (first: ${first}:${chart.first.line})`,
            },
        ];
    });
}

;// CONCATENATED MODULE: ./src/model/flux.ts







function isFluxKustomization(resource) {
    return resource.kind === 'Kustomization' && resource.apiVersion.startsWith('kustomize.toolkit.fluxcd.io/');
}
/**
 * What the kustomization Flux generates for a folder without one lists: the folder's files, and each subfolder
 * holding a kustomization as that kustomization, not descended into (fluxcd/pkg kustomize/kustomize_generator.go,
 * scanManifests). Listing such a subfolder's files directly made its kustomization a root of its own, whose
 * namespace then conflicted with the Flux Kustomization's `targetNamespace`.
 */
function generatedResources(repo, known, dir) {
    const prefix = dir === '' ? '' : `${dir}/`;
    // Sorted, a folder comes before the folders inside it: those are then known to be below a child already.
    const below = [...known.keys()].filter((other) => other !== dir && other.startsWith(prefix)).sort();
    const children = new Set();
    for (const other of below)
        if (!isBelowOneOf(other, children, prefix.length))
            children.add(other);
    const files = filesUnder(repo.files, dir).filter((file) => !isBelowOneOf(file, children, prefix.length));
    return { files, children: [...children] };
}
/** Whether one of `folders` holds `path`, looking at the folders of `path` past its first `from` characters. */
function isBelowOneOf(path, folders, from) {
    for (let slash = path.indexOf('/', from); slash >= 0; slash = path.indexOf('/', slash + 1))
        if (folders.has(path.slice(0, slash)))
            return true;
    return false;
}
/**
 * Kustomize for the whole repository, with the entry points that choose what is deployed: Flux Kustomizations
 * (`spec.path`, `spec.targetNamespace`, `postBuild` substitutions) and Argo CD Applications (`source.path`).
 */
function applyDeployment(repo, notEvaluable) {
    const fluxes = repo.resources.filter(isFluxKustomization);
    const known = kustomizeNodes(repo, notEvaluable);
    const extraNodes = [];
    const entryPoints = [];
    const fluxRoots = new Map();
    const argoSources = [];
    for (const flux of fluxes) {
        const dir = entryDir((0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(flux.document.value, ['spec', 'path'])) ?? '');
        if (dir === undefined)
            continue;
        const targetNamespace = (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(flux.document.value, ['spec', 'targetNamespace']));
        // Flux builds the folder's kustomization, or one it generates with every file under the folder.
        let root = dir;
        if (!known.has(dir))
            extraNodes.push({
                dir,
                ...generatedResources(repo, known, dir),
                ...(targetNamespace ? { namespace: targetNamespace } : {}),
            });
        else if (targetNamespace) {
            root = `flux:${flux.namespace ?? ''}/${flux.name}`;
            extraNodes.push({ dir: root, namespace: targetNamespace, files: [], children: [dir] });
        }
        entryPoints.push(root);
        fluxRoots.set(flux, root);
    }
    for (const resource of repo.resources) {
        if (resource.kind !== 'Application' || !resource.apiVersion.startsWith('argoproj.io/'))
            continue;
        const sources = [
            (0,model_read/* getIn */.O6)(resource.document.value, ['spec', 'source']),
            ...(0,model_read/* asArray */._j)((0,model_read/* getIn */.O6)(resource.document.value, ['spec', 'sources'])),
        ];
        for (const source of sources) {
            const dir = entryDir((0,model_read/* asString */.oJ)((0,model_read/* asRecord */.qY)(source)?.path));
            if (dir === undefined || (0,model_read/* asRecord */.qY)(source)?.chart !== undefined)
                continue;
            entryPoints.push(dir);
            argoSources.push({ resource, dir, recurse: argoRecurse(source) });
        }
    }
    // A folder's own kustomization wins over one Flux would generate; of two Flux ones, the first. Without Flux
    // nodes the nodes are kustomizeNodes' own, so a side with the same ones reuses their walk.
    const nodes = extraNodes.length === 0 ? known : new Map(known);
    for (const node of extraNodes)
        if (!nodes.has(node.dir))
            nodes.set(node.dir, node);
    const outcome = applyKustomizations(repo, notEvaluable, nodes, entryPoints);
    applyArgoDestinations(repo, nodes, argoSources);
    for (const [flux, root] of fluxRoots)
        substitute(repo, flux, subtreeFiles(nodes, root), notEvaluable);
    const deployedByFlux = [...fluxRoots].map(([resource, root]) => ({ resource, root }));
    return { chartValues: outcome.chartValues, deployment: { nodes, fluxes: deployedByFlux, argoSources } };
}
/**
 * Argo CD puts a namespaced object that names no namespace, after kustomize has given the ones it gives, into the
 * Application's `spec.destination.namespace` (argo-cd controller/state.go, NormalizeTargetObjects). Without it a
 * PeerAuthentication of an app deploying into istio-system was no mesh-wide policy, and a Deployment was read as
 * running in `default`. Of two Applications deploying one file, the first read decides.
 */
function applyArgoDestinations(repo, nodes, argoSources) {
    const unplaced = repo.resources.filter((r) => r.namespace === undefined && !isClusterScoped(r.kind));
    for (const { resource, dir, recurse } of argoSources) {
        if (unplaced.length === 0)
            return;
        const destination = (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(resource.document.value, ['spec', 'destination', 'namespace']));
        if (!destination || (0,placeholders/* isPlaceholder */.wK)(destination))
            continue;
        const files = nodes.get(dir)?.document ? subtreeFiles(nodes, dir) : undefined;
        for (const object of unplaced)
            if (files ? files.has(object.origin.file) : inDirectory(object.origin.file, dir, recurse))
                object.namespace = destination;
        unplaced.splice(0, unplaced.length, ...unplaced.filter((object) => object.namespace === undefined));
    }
}
/** `$$` (an escaped `$`), or `${var}` with an optional default (`${var:=d}`, `${var:-d}`, `${var=d}`, `${var-d}`). */
const VARIABLE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-=])([^}]*))?\}/g;
/** `postBuild.substitute` and `substituteFrom` ConfigMaps of the repository; Secrets are not read. */
function variablesOf(repo, flux, notEvaluable) {
    const postBuild = (0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(flux.document.value, ['spec', 'postBuild']));
    if (!postBuild)
        return undefined;
    const variables = new Map();
    let unread = false;
    (0,model_read/* asArray */._j)(postBuild.substituteFrom).forEach((raw, index) => {
        const entry = (0,model_read/* asRecord */.qY)(raw);
        const kind = (0,model_read/* asString */.oJ)(entry?.kind) ?? 'ConfigMap';
        const name = (0,model_read/* asString */.oJ)(entry?.name) ?? '';
        const line = flux.document.lineAt(['spec', 'postBuild', 'substituteFrom', index]) ?? flux.origin.line;
        if (kind !== 'ConfigMap') {
            unread = true;
            notEvaluable.push({
                file: flux.origin.file,
                line,
                reason: `substituteFrom ${kind} ${name} is not read: variables from it stay unresolved`,
            });
            return;
        }
        const configMap = findResource(repo, 'ConfigMap', name, flux.namespace);
        if (!configMap) {
            unread = true;
            notEvaluable.push({
                file: flux.origin.file,
                line,
                reason: `substituteFrom ConfigMap ${name} is not in the repository`,
            });
            return;
        }
        for (const [key, value] of Object.entries((0,model_read/* stringMap */.Qi)((0,model_read/* getIn */.O6)(configMap.document.value, ['data']))))
            variables.set(key, withoutNewlines(value));
    });
    // Inline `substitute` wins over `substituteFrom` (Flux applies it last).
    for (const [key, value] of Object.entries((0,model_read/* stringMap */.Qi)(postBuild.substitute)))
        variables.set(key, withoutNewlines(value));
    // Flux substitutes only with at least one variable, unless `substituteStrategy: Always` (kustomize-controller
    // internal/controller/kustomization_controller.go); a source that was not read may hold some.
    if (variables.size === 0 && !unread && postBuild.substituteStrategy !== 'Always')
        return undefined;
    return variables;
}
/** Flux drops the newlines of every variable's value (fluxcd/pkg kustomize/kustomize_varsub.go). */
function withoutNewlines(value) {
    return value.replaceAll('\n', '');
}
/**
 * `${var}` and its defaults resolved as Flux's envsubst does (fluxcd/pkg envsubst): each default form takes the
 * default when the value is unset or empty (funcs.go toDefault), and `$$` is a `$` (`$${var}` stays `${var}`,
 * parse/scan.go). Unknown variables without a default stay as written.
 */
function substituteText(text, variables) {
    return text.replace(VARIABLE, (whole, name, operator, fallback) => {
        if (name === undefined)
            return '$';
        const value = variables.get(name);
        if (value !== undefined && !(operator && value === ''))
            return value;
        return operator ? (fallback ?? '') : whole;
    });
}
function substituteValue(value, variables) {
    if (typeof value === 'string')
        return value.includes('$') ? substituteText(value, variables) : value;
    if (Array.isArray(value))
        return value.map((item) => substituteValue(item, variables));
    const record = (0,model_read/* asRecord */.qY)(value);
    if (!record)
        return value;
    return Object.fromEntries(Object.entries(record).map(([key, item]) => [
        substituteText(key, variables),
        substituteValue(item, variables),
    ]));
}
const SUBSTITUTE_MARKER = 'kustomize.toolkit.fluxcd.io/substitute';
function substitute(repo, flux, files, notEvaluable) {
    const variables = variablesOf(repo, flux, notEvaluable);
    if (!variables)
        return;
    repo.resources.forEach((resource, index) => {
        if (!files.has(resource.origin.file) || resource === flux)
            return;
        // The label disables it as the annotation does (fluxcd/pkg kustomize/kustomize_varsub.go).
        if (resource.labels[SUBSTITUTE_MARKER] === 'disabled' ||
            resource.annotations[SUBSTITUTE_MARKER] === 'disabled')
            return;
        const value = substituteValue(resource.document.value, variables);
        if (JSON.stringify(value) === JSON.stringify(resource.document.value))
            return;
        const document = overlayDocument(resource.document, value, []);
        const replaced = readResource(document, value);
        if (!replaced)
            return;
        // Keep what kustomize decided for name and namespace, with its variables resolved too.
        const namespace = resource.namespace === undefined ? undefined : substituteText(resource.namespace, variables);
        repo.resources[index] = {
            ...replaced,
            name: substituteText(resource.name, variables),
            ...(namespace !== undefined ? { namespace } : {}),
            origin: resource.origin,
        };
    });
}

;// CONCATENATED MODULE: ./src/model/sail.ts





/** Sail operator kinds (OpenShift Service Mesh 3 and upstream Sail) and the chart each one installs. */
const SAIL_KINDS = {
    Istio: { chart: 'istiod', namespace: 'istio-system' },
    IstioRevision: { chart: 'istiod', namespace: 'istio-system' },
    IstioCNI: { chart: 'cni', namespace: 'istio-cni' },
    ZTunnel: { chart: 'ztunnel', namespace: 'ztunnel' },
};
function isSailResource(resource) {
    const group = apiGroup(resource.apiVersion);
    // Before August 2024 development builds of Sail used `operator.istio.io`.
    return (group === 'sailoperator.io' || group === 'operator.istio.io') && resource.kind in SAIL_KINDS;
}
/**
 * A Sail CR is a Helm install in disguise: `spec.values` are the chart's values, `spec.version` its version,
 * `spec.namespace` the release namespace, `spec.profile` the chart preset.
 */
function readSailResource(resource) {
    const { chart, namespace } = SAIL_KINDS[resource.kind];
    const spec = (0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(resource.document.value, ['spec'])) ?? {};
    const via = `${resource.kind} ${resource.name}`;
    const layers = [];
    const profile = (0,model_read/* asString */.oJ)(spec.profile);
    if (profile) {
        layers.push({
            via: `${via} spec.profile`,
            values: { profile },
            locate: () => originAt(resource, ['spec', 'profile']),
        });
    }
    layers.push(documentLayer(resource.document, ['spec', 'values'], `${via} spec.values`));
    // Sail overrides `global.istioNamespace` with `spec.namespace` (pkg/istiovalues/overrides.go); for istiod that is
    // also the mesh's root namespace unless meshConfig names one.
    const specNamespace = (0,model_read/* asString */.oJ)(spec.namespace);
    if (chart === 'istiod' && specNamespace) {
        layers.push({
            via: `${via} spec.namespace`,
            values: { global: { istioNamespace: specNamespace } },
            locate: () => originAt(resource, ['spec', 'namespace']),
        });
    }
    const version = (0,model_read/* asString */.oJ)(spec.version)?.replace(/^v(?=\d)/, '');
    const values = layeredChartValues(chart, layers, {
        via,
        origin: originAt(resource, spec.version !== undefined ? ['spec', 'version'] : ['spec']),
        releaseNamespace: (0,model_read/* asString */.oJ)(spec.namespace) ?? namespace,
        chartVersion: version,
        releaseName: resource.name,
        fallback: { document: resource.document, valuesPath: ['spec', 'values'] },
    });
    return { ...values, installer: 'sail' };
}
/** Sail profiles `openshift*` mean OpenShift Service Mesh. */
function sailDistributionHint(resource) {
    const profile = (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(resource.document.value, ['spec', 'profile']));
    if (!profile?.startsWith('openshift'))
        return undefined;
    return provenance_fact(`${resource.kind} ${resource.name} profile ${profile} (OpenShift Service Mesh)`, originAt(resource, ['spec', 'profile']));
}
function isMaistraControlPlane(resource) {
    return resource.kind === 'ServiceMeshControlPlane' && apiGroup(resource.apiVersion) === 'maistra.io';
}
/** Maistra keeps the egress policy at `spec.proxy.networking.trafficControl.outbound.policy`. */
function readMaistraControlPlane(resource) {
    const spec = (0,model_read/* asRecord */.qY)((0,model_read/* getIn */.O6)(resource.document.value, ['spec'])) ?? {};
    const via = `ServiceMeshControlPlane ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`;
    const meshConfig = (0,model_read/* asRecord */.qY)(spec.meshConfig) ?? {};
    const source = readMeshConfig(meshConfig, (path) => originAt(resource, ['spec', 'meshConfig', ...path]), via, resource.origin);
    const policyPath = ['spec', 'proxy', 'networking', 'trafficControl', 'outbound', 'policy'];
    const policy = (0,model_read/* asString */.oJ)((0,model_read/* getIn */.O6)(resource.document.value, policyPath));
    if (policy)
        source.outboundPolicy = provenance_fact(policy.toUpperCase(), originAt(resource, policyPath));
    // A Maistra control plane is its own root namespace.
    if (!source.rootNamespace && resource.namespace)
        source.rootNamespace = provenance_fact(resource.namespace, resource.origin, true);
    return source;
}
/** A rendered istiod Deployment (`istiod`, `istiod-<rev>`): container `discovery`'s env, image tag, revision. */
function readIstiodDeployment(resource) {
    if (resource.kind !== 'Deployment' || !/^istiod(-.+)?$/.test(resource.name))
        return undefined;
    const containersPath = ['spec', 'template', 'spec', 'containers'];
    const containers = (0,model_read/* asArray */._j)((0,model_read/* getIn */.O6)(resource.document.value, containersPath));
    const index = containers.findIndex((c) => (0,model_read/* asString */.oJ)((0,model_read/* asRecord */.qY)(c)?.name) === 'discovery');
    if (index < 0)
        return undefined;
    const container = (0,model_read/* asRecord */.qY)(containers[index]) ?? {};
    const env = {};
    (0,model_read/* asArray */._j)(container.env).forEach((item, envIndex) => {
        const name = (0,model_read/* asString */.oJ)((0,model_read/* asRecord */.qY)(item)?.name);
        const value = (0,model_read/* asString */.oJ)((0,model_read/* asRecord */.qY)(item)?.value);
        if (name && value !== undefined)
            env[name] = provenance_fact(value, originAt(resource, [...containersPath, index, 'env', envIndex]));
    });
    const image = (0,model_read/* asString */.oJ)(container.image);
    const tag = image?.includes(':') ? image.slice(image.lastIndexOf(':') + 1) : undefined;
    const revision = resource.labels['istio.io/rev'];
    const containerPath = [...containersPath, index];
    return {
        // istiod's settings are the discovery container's env: where one is added, or the container when it has none.
        origin: originAt(resource, container.env !== undefined ? [...containerPath, 'env'] : containerPath),
        env,
        via: `Deployment ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`,
        ...(tag ? { version: provenance_fact(tag, originAt(resource, [...containersPath, index, 'image'])) } : {}),
        ...(revision && revision !== 'default'
            ? { revision: provenance_fact(revision, originAt(resource, ['metadata', 'labels', 'istio.io/rev'])) }
            : {}),
        namespace: provenance_fact(resource.namespace ?? 'istio-system', resource.origin, !resource.namespace),
    };
}

;// CONCATENATED MODULE: ./src/model/build.ts
























/** Builds the model of one side of the repository from its parsed files. */
function buildModel(files, options = {}) {
    const model = emptyModel();
    for (const file of files)
        model.files.set(file.file, file.text);
    const { problems, charts: chartTemplates } = splitChartTemplateProblems(files);
    // One by one: a repository can have more problems than a spread can pass as arguments.
    for (const problem of problems)
        model.notEvaluable.push(problem);
    for (const note of shapeNotes(files))
        model.notEvaluable.push(note);
    const repo = indexRepository(files);
    // Before anything reads Applications: the generated ones are read as those written here are.
    expandApplicationSets(repo, model.notEvaluable);
    repo.generatedConfigMaps.push(...kustomizations(repo).flatMap(generatedConfigMaps));
    const { chartValues, deployment } = applyDeployment(repo, model.notEvaluable);
    model.chartValues.push(...chartValues);
    model.deployment = deployment;
    const context = { repo, notEvaluable: model.notEvaluable, unreadValuesFiles: new Set() };
    const istioctlInputs = [];
    for (const resource of repo.resources)
        if (isIstioctlInput(resource))
            istioctlInputs.push(resource);
        else
            addResource(model, resource, context);
    addIstioctlInputs(model, istioctlInputs, context);
    addValuesFiles(model, repo, options.charts ?? chartGlobsOf(repo), context.unreadValuesFiles);
    model.notEvaluable.push(...chartTemplateNotes(chartTemplates, model.chartValues));
    const { istioVersion, kubernetesVersion } = options.assume ?? {};
    if (istioVersion)
        model.chartValues = model.chartValues.map((values) => withIstioVersion(values, istioVersion));
    model.chartValues = model.chartValues.map(withIstioPresets);
    for (const values of model.chartValues)
        addChartValues(model, values);
    if (istioVersion)
        assumeInstallVersions(model, istioVersion);
    if (kubernetesVersion)
        model.kubernetesVersion = kubernetesVersion;
    for (const note of unreadableMeshModes(model.meshConfigs))
        model.notEvaluable.push(note);
    reportPlaceholders(model);
    return model;
}
/** An IstioOperator without a name: a file `istioctl install -f` or `istioctl manifest generate -f` reads. */
function isIstioctlInput(resource) {
    return isIstioOperator(resource) && givenName((0,model_read/* getIn */.O6)(resource.document.value, ['metadata'])) === undefined;
}
/**
 * Nameless IstioOperators are read as the install, unless the repository also holds a rendered istiod: then they
 * are the input of `istioctl manifest generate`, whose output is what is applied (kubeflow/manifests
 * `common/istio/profile*.yaml`, rendered into `istio-install/base/install.yaml`), and reading them too would count
 * istiod several times.
 */
function addIstioctlInputs(model, inputs, context) {
    const rendered = model.pilotInstalls.find((pilot) => pilot.via.startsWith('Deployment '));
    for (const input of inputs) {
        if (isBuiltInProfile(input.origin.file, context.repo))
            continue;
        if (!rendered)
            addResource(model, input, context);
        else
            model.notEvaluable.push({
                file: input.origin.file,
                line: input.origin.line,
                reason: `IstioOperator without metadata.name is istioctl input, and the repository holds a rendered istiod (${rendered.origin.file}:${rendered.origin.line}), which is read instead`,
            });
    }
}
/**
 * A profile istioctl carries built in: `manifests/profiles/*.yaml` of Istio's own tree (embedded by istio/istio
 * manifests/manifest.go), there beside `manifests/charts/`. A vendored Istio release (dt-wv/aiops-easytrade
 * `istio-1.24.0/`) holds them all; none is an install, `--set profile=` only names one.
 */
function isBuiltInProfile(file, repo) {
    const match = /^(.*\/)?manifests\/profiles\/[^/]+$/.exec(file);
    return !!match && repo.files.has(`${match[1] ?? ''}manifests/charts/base/Chart.yaml`);
}
/** An Istio chart's values with the assumed version when the repository pins none. */
function withIstioVersion(values, istioVersion) {
    if (values.chartVersion || !isIstioChart(values.chart))
        return values;
    return { ...values, chartVersion: istioVersion, chartVersionAssumed: true };
}
/** IstioOperators and rendered installs without a version (no `spec.tag`, no image tag) take the assumed one. */
function assumeInstallVersions(model, istioVersion) {
    for (const pilot of model.pilotInstalls)
        pilot.version ??= provenance_fact(istioVersion, pilot.origin, true);
    for (const cni of model.cniInstalls)
        cni.version ??= provenance_fact(istioVersion, cni.enabled.origin, true);
}
function chartGlobsOf(repo) {
    const path = CONFIG_FILE_PATHS.find((candidate) => repo.files.has(candidate));
    return path ? chartGlobsFromConfig(repo.files.get(path)?.documents[0]?.value) : {};
}
/** Dispatches a resource to the reader of its kind. Kinds no rule reads are only recorded. */
function addResource(model, resource, context) {
    model.resources.push(resource);
    if (isDynaKube(resource))
        model.dynakubes.push(readDynaKube(resource));
    else if (resource.kind === 'Namespace' && resource.apiVersion === 'v1')
        model.namespaces.set(resource.name, resource);
    else if (isIstioKind(resource, 'PeerAuthentication'))
        model.peerAuthentications.push(readPeerAuthentication(resource));
    else if (isIstioKind(resource, 'ServiceEntry'))
        model.serviceEntries.push(readServiceEntry(resource));
    else if (isIstioKind(resource, 'VirtualService'))
        model.virtualServices.push(readVirtualService(resource));
    else if (isIstioKind(resource, 'Sidecar'))
        model.sidecars.push(readSidecar(resource));
    else if (isHelmRelease(resource)) {
        const values = readHelmRelease(resource, context);
        if (values)
            model.chartValues.push(values);
    }
    else if (isApplication(resource)) {
        model.chartValues.push(...readApplication(resource, context));
    }
    else if (isIstioOperator(resource)) {
        const install = readIstioOperator(resource);
        if (install.mesh)
            model.meshConfigs.push(install.mesh);
        if (install.pilot)
            model.pilotInstalls.push(install.pilot);
        if (install.cni)
            model.cniInstalls.push(install.cni);
    }
    else if (isMeshConfigMap(resource)) {
        const read = readMeshConfigMap(resource);
        if (read.source)
            model.meshConfigs.push(read.source);
        if (read.problem)
            model.notEvaluable.push({ file: resource.origin.file, line: read.line, reason: read.problem });
    }
    else if (isSailResource(resource)) {
        model.chartValues.push(readSailResource(resource));
        const hint = sailDistributionHint(resource);
        if (hint)
            model.distributionHints.push(hint);
    }
    else if (resource.apiVersion.startsWith('maistra.io/')) {
        if (isMaistraControlPlane(resource))
            model.meshConfigs.push(readMaistraControlPlane(resource));
        model.distributionHints.push(provenance_fact(`${resource.kind} (Maistra / OpenShift Service Mesh)`, resource.origin));
    }
    if (isWorkload(resource)) {
        model.workloads.push(readWorkload(resource));
        const cni = readCniDaemonSet(resource);
        if (cni)
            model.cniInstalls.push(cni);
        const istiod = readIstiodDeployment(resource);
        if (istiod)
            model.pilotInstalls.push(istiod);
    }
}
/** The folders of a chart that hold its content, not values of an install: Helm's own and the usual ones. */
const CHART_CONTENT = /^(templates|files|crds|ci)\//;
/** Files that are never values files even without `kind`. */
const NOT_VALUES_FILES = /(^|\/)(kustomization\.ya?ml|Kustomization|Chart\.ya?ml|Chart\.lock|requirements\.ya?ml|requirements\.lock)$/;
/**
 * Plain values files not already read through a reference (HelmRelease, Application, kustomize): mapped to their
 * chart by the config's globs, else read as the values of an umbrella chart's dependencies when they sit next to
 * its Chart.yaml, else recognized from their keys. A file recognized from its keys is no install of its own when a
 * deployer object (HelmRelease, Application, kustomize `helmCharts`, Sail) already installs that chart: nothing
 * hands it to Helm, so it is left over (a release moved to inline values) or another environment's copy; skipped
 * silently, as it decides nothing. A repository with no deployer of the chart keeps it for `helm install -f`, and
 * there it is the install.
 */
function addValuesFiles(model, repo, globs, unread = new Set()) {
    const referenced = new Set([
        ...model.chartValues.flatMap((values) => (values.layers ?? []).map((layer) => layer.document?.file)),
        ...unread,
    ]);
    const deployed = new Set(model.chartValues.map((values) => values.chart));
    const configured = chartMatcher(globs);
    const isCandidate = (file) => !referenced.has(file) && !NOT_VALUES_FILES.test(file) && !CONFIG_FILE_PATHS.includes(file);
    const umbrellaFiles = addUmbrellaValues(model, repo, (file) => isCandidate(file) && !configured(file), (file) => !!configured(file));
    // A file in a chart's content folders is part of the chart: Istio's charts read `files/profile-<name>.yaml` as
    // presets (istio/istio manifests/charts/*/templates/zzz_profile.yaml, `.Files.Get`), and `ci/` holds test values.
    // Read as values by their keys, a vendored Istio release (dt-wv/aiops-easytrade `istio-1.24.0/`) made 96 istiod
    // installs.
    const byDir = plainDocumentsByDir(repo);
    const chartDirs = new Map();
    const isChartDir = (dir) => {
        let known = chartDirs.get(dir);
        if (known === undefined)
            chartDirs.set(dir, (known = !!chartFolder(byDir, dir)));
        return known;
    };
    const isInsideChart = (file) => chartFolderOf(file, CHART_CONTENT, isChartDir) !== undefined;
    for (const document of repo.plainDocuments) {
        const file = document.file;
        if (!isCandidate(file) || umbrellaFiles.has(file))
            continue;
        const byConfig = configured(file);
        const chart = byConfig ??
            (isInsideChart(file) ? undefined : recognizeChart(document.value));
        if (chart && (byConfig || !deployed.has(chart)))
            model.chartValues.push(valuesFileChartValues(chart, document, byConfig ? 'chart from config' : 'chart recognized from its keys'));
    }
}
/**
 * Values of umbrella charts' dependencies; returns the values files read so, which key guessing must skip. A chart's
 * `values.yaml` read already (by an Argo CD Application of the folder) is still the base of an overlay no one reads:
 * Helm always applies it. A subchart's values.yaml in the repository is never an install of its own.
 */
function addUmbrellaValues(model, repo, isFree, isConfigured) {
    const read = new Set();
    for (const umbrella of umbrellaChartsOf(repo)) {
        model.notEvaluable.push(...umbrella.notes);
        const subchartValues = umbrella.dependencies.flatMap((dependency) => dependency.defaults ?? []);
        for (const document of subchartValues)
            read.add(document.file);
        const valuesFree = !!umbrella.values && isFree(umbrella.values.file);
        const overlays = umbrella.overlays.filter((overlay) => isFree(overlay.file));
        // Without values of its own, an umbrella chart nothing deploys still installs its subcharts' defaults.
        const defaultsOnly = !umbrella.values && subchartValues.some((document) => isFree(document.file));
        if (!valuesFree && overlays.length === 0 && !defaultsOnly)
            continue;
        const values = umbrella.values && !isConfigured(umbrella.values.file) ? umbrella.values : undefined;
        model.chartValues.push(...umbrellaChartValues({ ...umbrella, values, overlays }));
        for (const document of [...(valuesFree ? [umbrella.values] : []), ...overlays])
            read.add(document.file);
    }
    return read;
}
function addChartValues(model, values) {
    if (values.chart === 'istiod') {
        const istiod = readIstiodValues(values);
        if (istiod.mesh)
            model.meshConfigs.push(istiod.mesh);
        model.pilotInstalls.push(istiod.pilot);
    }
    else if (values.chart === 'cni') {
        model.cniInstalls.push(readCniValues(values));
    }
    else if (values.chart === 'dynatrace-operator') {
        model.operatorInstalls.push(readOperatorValues(values));
    }
}
/**
 * The hosts of a VirtualService bound only to gateways: no rule reads them (enable-istio-conflict compares the hosts of
 * the ones that route the sidecars), so a placeholder there (`hipstershop.IP_TO_REPLACE.nip.io` of an ingress route)
 * changes nothing.
 */
function gatewayOnlyHosts(resource, path) {
    if (resource.kind !== 'VirtualService' || path.join('.') !== 'spec.hosts')
        return false;
    const gateways = (0,model_read/* getIn */.O6)(resource.document.value, ['spec', 'gateways']);
    return Array.isArray(gateways) && !routesSidecars(gateways.map(String));
}
/** Values filled in at deploy time (`${VAR}`, `{{ }}`, `<path:…>`, `*_PLACEHOLDER`) in the fields rules read. */
function reportPlaceholders(model) {
    const found = [];
    for (const resource of model.resources) {
        const paths = (placeholders/* RELEVANT_PATHS */.rA[resource.kind] ?? (isWorkload(resource) ? [podMetadataPath(resource)] : [])).filter((path) => !gatewayOnlyHosts(resource, path));
        const where = resourceId(resource);
        for (const path of paths) {
            const value = (0,model_read/* getIn */.O6)(resource.document.value, path);
            if (value !== undefined)
                found.push(...(0,placeholders/* scanPlaceholders */.m7)(resource.document, path, value, where));
        }
    }
    for (const values of model.chartValues) {
        for (const layer of values.layers ?? []) {
            if (!layer.document || !layer.valuesPath || layer.preset)
                continue;
            for (const path of placeholders/* RELEVANT_VALUES */.NN) {
                const value = (0,model_read/* getIn */.O6)(layer.values, path);
                if (value !== undefined)
                    found.push(...(0,placeholders/* scanPlaceholders */.m7)(layer.document, [...layer.valuesPath, ...path], value, `${values.chart} values`));
            }
        }
    }
    const seen = new Set(model.notEvaluable.map(key));
    // Reading an Application notes every valueFiles entry it cannot read, saying why (an ApplicationSet parameter
    // names a file per cluster): a second note at that line would only call it a template.
    const valueFileLines = new Set(model.notEvaluable.flatMap((entry) => entry.reason.startsWith('valueFiles ') ? [`${entry.file}:${entry.line}`] : []));
    for (const entry of found) {
        if (seen.has(key(entry)) || valueFileLines.has(`${entry.file}:${entry.line}`))
            continue;
        seen.add(key(entry));
        model.notEvaluable.push(entry);
    }
}
function key(entry) {
    return `${entry.file}:${entry.line}:${entry.reason}`;
}
function podMetadataPath(resource) {
    return resource.kind === 'CronJob'
        ? ['spec', 'jobTemplate', 'spec', 'template', 'metadata']
        : resource.kind === 'Pod'
            ? ['metadata']
            : ['spec', 'template', 'metadata'];
}

;// CONCATENATED MODULE: ./src/model/note-limit.ts
/**
 * A file can yield thousands of notes (a mapping with 100,000 duplicate keys, a `kind: List` of numbers). The first
 * few say what is wrong; the rest would only bury the other files' notes and blow up the comment.
 */
const MAX_NOTES_PER_FILE = 20;
/** The first `MAX_NOTES_PER_FILE` notes of each file in their order, then one note counting the rest. */
function limitNotesPerFile(notes, limit = MAX_NOTES_PER_FILE) {
    const kept = [];
    const dropped = new Map();
    const counts = new Map();
    for (const note of notes) {
        const count = (counts.get(note.file) ?? 0) + 1;
        counts.set(note.file, count);
        if (count <= limit)
            kept.push(note);
        else {
            const entry = dropped.get(note.file);
            if (entry)
                entry.count++;
            else
                dropped.set(note.file, { first: note, count: 1 });
        }
    }
    for (const [file, { first, count }] of dropped)
        kept.push({ file, line: first.line, reason: `${count} more problem(s) in this file are not listed` });
    return kept;
}

;// CONCATENATED MODULE: ./src/rules/same-line.ts

/** Resources named in a collapsed finding's message; the rest are counted. */
const NAMED_RESOURCES = 5;
/**
 * One finding for resources that one line of the repository gives the same problem with the same fix, such as the
 * Applications an Argo CD ApplicationSet generates from a literal template line. Each would otherwise be an annotation and an entry of the PR comment of its own, word for
 * word the same but for the name (an ApplicationSet over thirty clusters gave thirty). The finding kept is the one
 * of the first resource by name, so the choice does not follow the order of a generator's elements; the others are
 * listed in its `alsoFor` and its message. Findings are only merged within one status, so a PR that adds a cluster
 * still shows the new Application's finding as new.
 */
function collapseSameLine(findings) {
    const groups = new Map();
    for (const finding of findings) {
        const identity = sameLineIdentity(finding);
        const group = groups.get(identity);
        if (group)
            group.push(finding);
        else
            groups.set(identity, [finding]);
    }
    return [...groups.values()].map(collapsed);
}
/** What two findings share when they differ only in their resource: everything, with the resource's name masked. */
function sameLineIdentity(finding) {
    const { ruleId, severity, status, file, line, endLine, fix } = finding;
    const { resource, field } = keyParts(finding);
    const masked = (text) => maskName(maskName(text, resource), finding.resource);
    return JSON.stringify([
        ruleId,
        severity,
        status,
        file,
        line,
        endLine,
        field,
        masked(finding.message),
        fix ? [masked(fix.description), fix.edits] : null,
    ]);
}
/** The resource (whole, as the rule named it) and the field of a finding's key `rule|resource|field`. */
function keyParts(finding) {
    const fieldStart = finding.key.lastIndexOf('|');
    return {
        resource: finding.key.slice(finding.ruleId.length + 1, fieldStart),
        field: finding.key.slice(fieldStart + 1),
    };
}
function maskName(text, name) {
    return name === '' ? text : text.split(name).join('\u0000');
}
function collapsed(group) {
    if (group.length === 1)
        return group[0];
    const [first, ...others] = [...group].sort((a, b) => byCodeUnits(a.resource, b.resource));
    const alsoFor = others.map((finding) => finding.resource);
    return { ...first, message: `${first.message} ${alsoSentence(alsoFor)}`, alsoFor };
}
function alsoSentence(resources) {
    const named = resources.slice(0, NAMED_RESOURCES);
    const unnamed = resources.length - named.length;
    const list = unnamed > 0
        ? `${named.join(', ')} and ${unnamed} more`
        : named.length === 1
            ? named[0]
            : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
    return `The same line gives ${list} the same finding.`;
}

;// CONCATENATED MODULE: ./src/rules/suppress.ts

/** Annotation that silences rules on one object, like istioctl's `galley.istio.io/analyze-suppress`. */
const SUPPRESS_ANNOTATION = 'dynakube-istio-guard.io/suppress';
/** Rule ids listed in an object's suppression annotation (`*` stands for every rule). */
function suppressedRules(resource) {
    const value = resource.annotations[SUPPRESS_ANNOTATION];
    if (value === undefined)
        return new Set();
    return new Set(value
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== ''));
}
/** Indexes a model's resources by their `Kind ns/name` id, so findings without an explicit subject resolve too. */
function resourceIndex(model) {
    const index = new Map();
    for (const resource of model.resources) {
        const id = resourceId(resource);
        const list = index.get(id);
        if (list)
            list.push(resource);
        else
            index.set(id, [resource]);
    }
    return index;
}
/**
 * Whether the object a finding is about suppresses `ruleId`. Without an explicit subject, every object of the
 * finding's resource id is consulted (the same object may be written in several files, e.g. a base and a patch).
 */
function isSuppressed(ruleId, draft, index) {
    const subjects = draft.subject ? [draft.subject] : (index.get(draft.resource) ?? []);
    return subjects.some((subject) => {
        const rules = suppressedRules(subject);
        return rules.has('*') || rules.has(ruleId);
    });
}

;// CONCATENATED MODULE: ./src/report/types.ts
/** Attaches the render context without making it part of the JSON contract: it is not enumerable. */
function attachRenderContext(report, context) {
    Object.defineProperty(report, 'context', {
        value: context,
        enumerable: false,
        writable: true,
        configurable: true,
    });
    return report;
}

;// CONCATENATED MODULE: ./src/report/format.ts

/** Cell text longer than this is cut: a table row must stay readable. */
const MAX_VALUE_CHARS = 160;
function format_cut(text, max = MAX_VALUE_CHARS) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
/** A setting's value as a reviewer reads it; `—` for absent. */
function formatValue(value) {
    if (value === null || value === undefined)
        return '—';
    if (Array.isArray(value))
        return value.length === 0 ? '[]' : format_cut(value.map(formatValue).join(', '));
    if (typeof value === 'object')
        return format_cut(Object.entries(value)
            .map(([key, item]) => `${key}: ${formatValue(item)}`)
            .join('; '));
    return format_cut(String(value));
}
/** What a change row calls the setting: the resource itself when it was added or removed. */
function changeSetting(change) {
    if (change.path !== '')
        return change.path;
    return change.before === null ? 'added' : change.after === null ? 'removed' : '(resource)';
}
const SEVERITIES = ['error', 'warning', 'info'];
const SEVERITY_WORD = {
    error: ['error', 'errors'],
    warning: ['warning', 'warnings'],
    info: ['note', 'notes'],
};
function plural(count, severity) {
    return `${count} ${SEVERITY_WORD[severity][count === 1 ? 0 : 1]}`;
}
function bySeverity(report, status) {
    const group = report.findings.filter((f) => f.status === status);
    const parts = SEVERITIES.map((severity) => [severity, group.filter((f) => f.severity === severity).length])
        .filter(([, count]) => count > 0)
        .map(([severity, count]) => plural(count, severity));
    return `${group.length} ${status}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}
/** The defaults of the CLI and the action: new errors fail. */
const DEFAULT_FAIL_POLICY = { failOn: 'error', failScope: 'new' };
/** The findings that fail the check under `policy`: open ones at or above `failOn`, new only unless scope `all`. */
function format_failingFindings(report, policy = DEFAULT_FAIL_POLICY) {
    const { failOn, failScope } = policy;
    if (failOn === 'never')
        return [];
    return report.findings.filter((finding) => finding.status !== 'fixed' &&
        (failScope === 'all' || finding.status === 'new') &&
        SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[failOn]);
}
/**
 * The outcome a reviewer sees first, the same as the exit status: `fail` when findings fail the check under
 * `policy`; otherwise new findings (new errors too, when the policy lets them pass) need a look.
 */
function outcome(report, policy = DEFAULT_FAIL_POLICY) {
    if (format_failingFindings(report, policy).length > 0)
        return 'fail';
    return report.findings.some((f) => f.status === 'new') ? 'attention' : 'pass';
}
/** `1 new warning, 2 errors already on base`: failing findings by status, then severity. */
function describeFailing(failing) {
    const parts = [];
    for (const status of ['new', 'unchanged'])
        for (const severity of SEVERITIES) {
            const count = failing.filter((f) => f.status === status && f.severity === severity).length;
            if (count === 0)
                continue;
            const [number, word] = plural(count, severity).split(' ');
            parts.push(status === 'new' ? `${number} new ${word}` : `${number} ${word} already on base`);
        }
    return parts.join(', ');
}
/**
 * Why findings other than new errors fail: the settings that made them count. Written as the action's input
 * and the CLI's flag both read (`fail-scope all`).
 */
function failReasons(failing, policy) {
    const reasons = [];
    if (policy.failOn !== 'error' && failing.some((f) => f.severity !== 'error'))
        reasons.push(`fail-on ${policy.failOn}`);
    if (failing.some((f) => f.status === 'unchanged'))
        reasons.push(`fail-scope ${policy.failScope}`);
    return reasons;
}
/**
 * The verdict's words without decoration: the headline and the counts by status and severity. The headline agrees
 * with the exit status under `policy`: it says what fails and which setting made it fail, or that new errors
 * pass because of the settings.
 */
function verdictParts(report, policy = DEFAULT_FAIL_POLICY) {
    const fresh = report.findings.filter((f) => f.status === 'new');
    const newErrors = fresh.filter((f) => f.severity === 'error').length;
    const failing = format_failingFindings(report, policy);
    const reasons = failReasons(failing, policy);
    const headline = failing.length > 0
        ? reasons.length === 0
            ? `${plural(newErrors, 'error')} introduced`
            : `fails: ${describeFailing(failing)} (${reasons.join(', ')})`
        : newErrors > 0
            ? `${plural(newErrors, 'error')} introduced, not failing (fail-on ${policy.failOn})`
            : fresh.length > 0
                ? 'no new errors, new findings to review'
                : 'no new findings';
    const counts = [
        bySeverity(report, 'new'),
        bySeverity(report, 'unchanged'),
        bySeverity(report, 'fixed'),
    ].join(' · ');
    return { headline, counts };
}
function summaryLine(summary) {
    return `${summary.errors} error(s), ${summary.warnings} warning(s), ${summary.infos} note(s) open`;
}

;// CONCATENATED MODULE: ./src/sources/links.ts


/** The one note for a link, the same for a folder read from disk and a commit read from git. */
function linkNote(link, problem) {
    const what = {
        outside: 'symlink pointing outside the workspace',
        'into-skipped': `symlink pointing into ${problem.kind === 'into-skipped' ? problem.folder : ''}/`,
        dangling: 'symlink whose target does not exist',
        loop: 'symlink loop',
    }[problem.kind];
    return { file: link, line: 1, reason: `${what} was not followed` };
}
/**
 * Where a link's target lies, by its text alone (`target` is relative to the link's folder, both with `/`):
 * outside the tree, inside a folder never read, or `inside` at the returned tree path ('' for the root).
 */
function placeOfTarget(link, target) {
    if (external_node_path_default().posix.isAbsolute(target) || external_node_path_default().win32.isAbsolute(target))
        return { kind: 'outside' };
    const at = external_node_path_default().posix.normalize(external_node_path_default().posix.join(external_node_path_default().posix.dirname(link), target)).replace(/\/+$/, '');
    if (at === '..' || at.startsWith('../'))
        return { kind: 'outside' };
    const folder = at.split('/').find((segment) => ALWAYS_SKIPPED_DIRS.has(segment));
    if (folder)
        return { kind: 'into-skipped', folder };
    return { kind: 'inside', at: at === '.' ? '' : at };
}
/**
 * What is wrong with a link of a commit's tree, following a chain of links inside the tree (never reading
 * anything): undefined when it ends at a file or folder of the tree. `isFolder` says whether it ends at a folder.
 */
function treeLinkProblem(link, tree, folders) {
    const seen = new Set([link]);
    let current = link;
    for (;;) {
        const place = placeOfTarget(current, tree.links.get(current) ?? '');
        if (place.kind !== 'inside')
            return { problem: place, isFolder: false };
        if (tree.files.has(place.at))
            return { isFolder: false };
        if (place.at === '' || folders.has(place.at))
            return { isFolder: true };
        if (!tree.links.has(place.at))
            return { problem: { kind: 'dangling' }, isFolder: false };
        if (seen.has(place.at))
            return { problem: { kind: 'loop' }, isFolder: false };
        seen.add(place.at);
        current = place.at;
    }
}
/** Every folder of a tree listed file by file. */
function links_foldersOf(paths) {
    const folders = new Set();
    for (const file of paths)
        for (let cut = file.lastIndexOf('/'); cut > 0; cut = file.lastIndexOf('/', cut - 1))
            folders.add(file.slice(0, cut));
    return folders;
}

;// CONCATENATED MODULE: ./src/sources/directory.ts





/**
 * Options of every read, made once: given as a string, Node copies them into a new object on each of the thousands
 * of calls, which costs a fifth of the read itself.
 */
const AS_TEXT = { encoding: 'utf8', flag: 'r' };
const WITH_TYPES = { withFileTypes: true };
/**
 * Files of a directory tree. Symlinks are not followed, so nothing outside the tree is read. The walk and the
 * reads are synchronous on purpose: for thousands of small files they are several times faster than the
 * promise API, and a check has nothing else to do meanwhile.
 */
function directorySource(root, selection) {
    const absoluteRoot = external_node_path_default().resolve(root);
    const matches = fileMatcher(selection);
    // Files the walk found as regular files need no second lstat before reading.
    const listed = new Set();
    const links = [];
    const readNow = (relative) => {
        try {
            // A listed file is a regular file the walk found inside the tree: nothing to check again.
            if (listed.has(relative))
                return (0,external_node_fs_.readFileSync)(`${absoluteRoot}${(external_node_path_default()).sep}${relative}`, AS_TEXT);
            const target = external_node_path_default().resolve(absoluteRoot, relative);
            // A path not listed may run through a symlinked folder: only its real location decides.
            if (!isInside(absoluteRoot, target) || !(0,external_node_fs_.lstatSync)(target).isFile() || !realInside(absoluteRoot, target))
                return undefined;
            return (0,external_node_fs_.readFileSync)(target, AS_TEXT);
        }
        catch {
            return undefined;
        }
    };
    const listTree = async () => {
        const found = [];
        walk(absoluteRoot, '', found, links);
        const selected = found.filter(matches).sort();
        for (const file of selected)
            listed.add(file);
        return selected;
    };
    // The tree is walked once: a PR's base built on this source lists it again, and must see the same files head saw.
    let listing;
    return {
        label: `directory ${root}`,
        list: () => (listing ??= listTree()),
        readNow,
        async read(relative) {
            return readNow(relative);
        },
        skipped() {
            return links.flatMap((link) => linkNoteOf(absoluteRoot, link, matches));
        },
    };
}
/**
 * A symlink is never followed; one that leaves the tree (or enters `.git`), leads nowhere or into a loop is named,
 * as a PR may plant it or it hides a manifest.
 */
function linkNoteOf(absoluteRoot, link, matches) {
    const full = external_node_path_default().join(absoluteRoot, link);
    const problem = linkProblem(absoluteRoot, link, full);
    if (!problem)
        return [];
    // Folders are named whatever their name; files only when they are among the files to check.
    if (!isDirectory(full) && !matches(link))
        return [];
    return [linkNote(link, problem)];
}
function linkProblem(absoluteRoot, link, full) {
    let target;
    try {
        target = (0,external_node_fs_.readlinkSync)(full);
    }
    catch {
        return undefined;
    }
    const place = placeOfTarget(link, target.split((external_node_path_default()).sep).join('/'));
    if (place.kind !== 'inside')
        return place;
    try {
        (0,external_node_fs_.statSync)(full);
    }
    catch (error) {
        return error.code === 'ELOOP' ? { kind: 'loop' } : { kind: 'dangling' };
    }
    // A chain of links inside the tree may end outside it.
    return realInside(absoluteRoot, full) ? undefined : { kind: 'outside' };
}
/** Whether the link leads to a folder (a dangling link does not). */
function isDirectory(full) {
    try {
        return (0,external_node_fs_.statSync)(full).isDirectory();
    }
    catch {
        return false;
    }
}
/** Whether the real location of `target` (symlinks resolved) is inside the real root. */
function realInside(absoluteRoot, target) {
    try {
        return isInside((0,external_node_fs_.realpathSync)(absoluteRoot), (0,external_node_fs_.realpathSync)(target));
    }
    catch {
        return false;
    }
}
function walk(absoluteRoot, relative, found, links) {
    // `relative` is built here from entry names: it needs no normalising.
    const entries = (0,external_node_fs_.readdirSync)(relative ? `${absoluteRoot}${(external_node_path_default()).sep}${relative}` : absoluteRoot, WITH_TYPES);
    for (const entry of entries) {
        const child = relative ? `${relative}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
            if (!ALWAYS_SKIPPED_DIRS.has(entry.name))
                walk(absoluteRoot, child, found, links);
        }
        else if (entry.isFile()) {
            found.push(child);
        }
        else if (entry.isSymbolicLink()) {
            links.push(child);
        }
    }
}
function isInside(root, target) {
    const relative = external_node_path_default().relative(root, target);
    return relative === '' || (!relative.startsWith('..') && !external_node_path_default().isAbsolute(relative));
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/sources/blob-reader.ts

/** Child process pipes are sockets, which can stop keeping the event loop alive. */
const socket = (stream) => stream;
/**
 * Reads blobs through one `git cat-file --batch` process instead of one process per file. Requests are
 * pipelined: git answers them in order, so each answer goes to the oldest waiting request. The process only
 * keeps Node alive while a request waits, and exits by itself when Node closes its stdin.
 */
class BlobReader {
    repo;
    child;
    waiting = [];
    buffered = Buffer.alloc(0);
    failure;
    constructor(repo) {
        this.repo = repo;
    }
    read(oid) {
        if (this.failure)
            return Promise.reject(this.failure);
        const child = this.process();
        return new Promise((resolve, reject) => {
            if (this.waiting.length === 0)
                socket(child.stdout).ref();
            this.waiting.push({ resolve, reject });
            child.stdin.write(`${oid}\n`);
        });
    }
    process() {
        if (this.child)
            return this.child;
        const child = (0,external_node_child_process_.spawn)('git', ['-C', this.repo, 'cat-file', '--batch'], { stdio: 'pipe' });
        child.unref();
        socket(child.stdin).unref();
        socket(child.stdout).unref();
        socket(child.stderr).unref();
        child.stdout.on('data', (chunk) => this.receive(chunk));
        child.stdin.on('error', (error) => this.fail(error));
        child.on('error', (error) => this.fail(error));
        child.on('exit', (code) => this.fail(new Error(`git cat-file exited with code ${code}`)));
        this.child = child;
        return child;
    }
    fail(error) {
        this.failure ??= error;
        for (const pending of this.waiting.splice(0))
            pending.reject(this.failure);
    }
    /** Answers are `<oid> blob <size>\n<content>\n`, or `<oid> missing\n`. */
    receive(chunk) {
        this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
        for (;;) {
            const newline = this.buffered.indexOf(0x0a);
            if (newline < 0)
                return;
            const header = this.buffered.toString('latin1', 0, newline);
            const size = /^\S+ \S+ (\d+)$/.exec(header);
            let content;
            if (size) {
                const length = Number(size[1]);
                const end = newline + 1 + length;
                if (this.buffered.length < end + 1)
                    return;
                content = this.buffered.subarray(newline + 1, end);
                this.buffered = this.buffered.subarray(end + 1);
            }
            else {
                this.buffered = this.buffered.subarray(newline + 1);
            }
            const pending = this.waiting.shift();
            if (this.waiting.length === 0 && this.child)
                socket(this.child.stdout).unref();
            pending?.resolve(content);
        }
    }
}

;// CONCATENATED MODULE: ./src/sources/git.ts






const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
const MAX_BUFFER = 256 * 1024 * 1024;
class GitError extends Error {
}
async function git(repo, args) {
    try {
        const { stdout } = await run('git', ['-C', repo, ...args], { maxBuffer: MAX_BUFFER, encoding: 'utf8' });
        return stdout;
    }
    catch (error) {
        const stderr = error.stderr?.trim().split('\n')[0];
        throw new GitError(stderr || error.message);
    }
}
/** The one-line reason for a `--base`/`--head` that names no commit. */
function notARef(repo, ref, why = '') {
    return new GitError(`'${ref}' is neither a directory nor a git ref in ${repo}${why}`);
}
/**
 * Checks with one `git rev-parse` that `ref` names a commit (a GitError with a one-line reason if not). When it does
 * not, the reason says why git may not know it: `repo` is in no git repository (or git is missing), a mistake other
 * than a misspelt ref; or the clone is shallow, as CI checkouts are by default, so an older commit is not there.
 */
async function verifyCommit(repo, ref) {
    const out = await git(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).catch(() => '');
    if (out.trim())
        return;
    const shallow = await git(repo, ['rev-parse', '--is-shallow-repository']).then((answer) => answer.trim() === 'true', (error) => error);
    if (shallow instanceof Error) {
        const reason = shallow.message.replace(/^fatal: /, '');
        throw new GitError(`'${ref}' is not a directory, and git cannot read refs in ${repo}: ${reason}`);
    }
    const why = shallow
        ? ' (the clone is shallow: fetch that ref, or clone with history, e.g. fetch-depth: 0)'
        : '';
    throw notARef(repo, ref, why);
}
/**
 * Files of a commit in a local repository, listed with `git ls-tree` and read through one `git cat-file --batch`
 * process (regular files only). Blob ids are known without reading, so files equal to the other side's are not read.
 * When `repo` is a folder below the top of its work tree, only the commit's files in that folder are listed, with
 * paths relative to it, as a directory source of the same folder lists them: both sides of a check then cover the
 * same files under the same names.
 */
async function gitRefSource(repo, ref, selection, options = {}) {
    // A ref never starts with `-`; such an argument would reach git as an option.
    if (ref.startsWith('-'))
        throw notARef(repo, ref);
    const matches = fileMatcher(selection);
    const reader = new BlobReader(repo);
    // Every git process starts now and works on the other core while the caller reads the other side; a wrong ref
    // is reported by the first call that needs the files.
    const revision = `${ref}^{commit}`;
    const verified = verifyCommit(repo, ref);
    // Without `--full-tree`, ls-tree lists the folder git runs in, with paths relative to it.
    const tree = git(repo, ['ls-tree', '-r', '-z', revision]).then(treeEntries);
    const listing = tree.then(({ blobs }) => blobs);
    let linkNotes = [];
    const { workingTree } = options;
    // Until git answers (or if it cannot), files are compared by blob id.
    let changed;
    /** Blobs asked for as soon as git says which files differ: this side reads every one of them. */
    const early = new Map();
    const askEarly = (blobs, paths) => {
        for (const path of paths) {
            const blob = blobs.get(path);
            if (blob === undefined || !matches(path))
                continue;
            const content = reader.read(blob);
            content.catch(() => undefined); // read() reports a failure when the file is asked for
            early.set(path, content);
        }
    };
    const diffing = workingTree
        ? changedInWorkingTree(repo, revision).then(async (paths) => {
            changed = paths;
            if (paths)
                askEarly(await listing.catch(() => new Map()), paths);
        })
        : undefined;
    for (const pending of [verified, listing])
        pending.catch(() => undefined);
    const listBlobs = async () => {
        await verified; // a wrong ref gets the one-line reason above, not ls-tree's message
        return listing;
    };
    return {
        label: `git ref ${ref}`,
        async list() {
            const blobs = await listBlobs();
            await diffing;
            linkNotes = await notesForLinks(reader, blobs, (await tree).links, matches);
            return [...blobs.keys()].filter(matches).sort();
        },
        skipped: () => linkNotes,
        sameFileIn: (path) => (changed && !changed.has(path) ? workingTree : undefined),
        async blobId(path) {
            // A file git found changed differs from the working tree's: no need to hash that one to compare.
            if (changed?.has(path))
                return undefined;
            return (await listBlobs()).get(path);
        },
        async read(path) {
            const blob = (await listBlobs()).get(path);
            if (!blob)
                return undefined;
            try {
                const asked = early.get(path);
                early.delete(path);
                return (await (asked ?? reader.read(blob)))?.toString('utf8');
            }
            catch (error) {
                throw new GitError(`cannot read ${path} at ${ref}: ${error.message}`);
            }
        },
    };
}
/**
 * `git ls-tree -r -z` output → path → blob id of the regular files, and of the symlinks (never followed; their blob
 * holds the target).
 */
function treeEntries(out) {
    const blobs = new Map();
    const links = new Map();
    for (const record of out.split('\0')) {
        // `<mode> blob <id>\t<path>`; modes 100644 and 100755 are regular files, 120000 a symlink.
        const tab = record.indexOf('\t');
        if (tab < 0 || !record.startsWith(' blob ', 6))
            continue;
        if (record.startsWith('100'))
            blobs.set(record.slice(tab + 1), record.slice(12, tab));
        else if (record.startsWith('120000'))
            links.set(record.slice(tab + 1), record.slice(12, tab));
    }
    return { blobs, links };
}
/**
 * The notes for the commit's symlinks, as a directory source gives them for the same tree on disk. Git cannot say
 * whether a target outside the tree is a folder: such a link is named when it is among the files to check or its
 * name has no extension, as a folder's usually has none.
 */
async function notesForLinks(reader, blobs, linkBlobs, matches) {
    if (linkBlobs.size === 0)
        return [];
    const read = [...linkBlobs].map(async ([link, blob]) => {
        const target = await reader.read(blob).catch(() => undefined);
        return [link, target?.toString('utf8')];
    });
    const targets = new Map();
    for (const [link, target] of await Promise.all(read))
        if (target !== undefined)
            targets.set(link, target);
    const entries = { files: new Set(blobs.keys()), links: targets };
    const folders = links_foldersOf([...blobs.keys(), ...targets.keys()]);
    const notes = [];
    for (const link of [...targets.keys()].sort()) {
        const { problem, isFolder } = treeLinkProblem(link, entries, folders);
        if (!problem)
            continue;
        const mayBeFolder = isFolder || (problem.kind === 'outside' && external_node_path_.posix.extname(link) === '');
        if (mayBeFolder || matches(link))
            notes.push(linkNote(link, problem));
    }
    return notes;
}
/**
 * Paths whose working-tree file differs from `commit` (modified, deleted, type changed), as `git diff` sees them:
 * content after git's own filters, so a file that differs only by checkout line endings is the same file. With
 * `--relative`, only `repo`'s folder, with paths relative to it, as the listing has them. Undefined when git cannot
 * say (no working tree).
 */
async function changedInWorkingTree(repo, revision) {
    const diffArgs = [
        'diff',
        '--name-only',
        '--relative',
        '--no-renames',
        '--no-ext-diff',
        '-z',
        revision,
        '--',
    ];
    try {
        return new Set((await git(repo, diffArgs)).split('\0').filter(Boolean));
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/engine.ts



















/** Files larger than this are skipped with a note: manifests are small, and a huge file is not config. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;
class InputError extends Error {
}
/** A `--base`/`--head` argument: a directory is read as a tree; anything else is a git ref in `repo`. */
async function resolveSource(repo, spec, selection, options = {}) {
    const asDirectory = external_node_path_default().resolve(options.cwd ?? repo, spec);
    if (await engine_isDirectory(asDirectory))
        return directorySource(asDirectory, selection);
    await refuseFolderOfRepo(repo, spec, options.cwd);
    const { workingTree } = options;
    try {
        return await gitRefSource(repo, spec, selection, workingTree ? { workingTree } : {});
    }
    catch (error) {
        throw new InputError(error.message);
    }
}
async function engine_isDirectory(target) {
    return (await external_node_fs_.promises.stat(target).catch(() => undefined))?.isDirectory() ?? false;
}
/**
 * A folder of the repository named relative to it while relative folders are taken from `cwd` (earlier versions of
 * the CLI took them from `--repo`), and no git ref has that name: the reason says which path names the folder, so the
 * reader does not hunt for a mistyped ref. Git is asked only in this rare case; a ref otherwise fails when read.
 */
async function refuseFolderOfRepo(repo, spec, cwd) {
    if (cwd === undefined || external_node_path_default().isAbsolute(spec) || !(await engine_isDirectory(external_node_path_default().resolve(repo, spec))))
        return;
    try {
        await verifyCommit(repo, spec);
    }
    catch (error) {
        const folder = external_node_path_default().join(repo, spec);
        throw new InputError(`${error.message} (a relative folder is taken from the current directory; the one in ${repo} is ${folder})`);
    }
}
/** Runs `work` and adds its wall time to `phase`, and to the side's own figures when given. */
async function timed(stats, phase, work, side) {
    const start = performance.now();
    try {
        return await work();
    }
    finally {
        const ms = Math.round(performance.now() - start);
        stats.phases[phase] += ms;
        if (side)
            side[phase] = (side[phase] ?? 0) + ms;
    }
}
/** {@link ParseCache.readNow}'s answer when the file can only be read asynchronously. */
const LATER = Symbol('read later');
/** The git blob id of a text, so files from a directory and from a git ref are compared without reading both. */
function gitBlobId(text) {
    return (0,external_node_crypto_.createHash)('sha1')
        .update(`blob ${Buffer.byteLength(text)}\0`)
        .update(text, 'utf8')
        .digest('hex');
}
/**
 * Reads and parses each distinct (path, content) once: a file that base and head share (the source says so, or
 * their git blob ids or texts are equal) is neither read again nor parsed again. Blob ids of files read from a
 * directory are computed only when a git source's file must be compared with them.
 */
class ParseCache {
    stats = {
        files: 0,
        documents: 0,
        filesRead: 0,
        documentsParsed: 0,
        reused: 0,
        phases: { read: 0, parse: 0, build: 0, analyze: 0, generate: 0 },
        sides: [],
    };
    /**
     * What each source read, by path: a source built on another one takes its unchanged files from here, and a file
     * read again (by another source) is looked for here by text or blob id: a run has two or three sources, so no
     * second index of every content by path is kept.
     */
    bySource = new Map();
    prefilter;
    /** The inputs and the model of the side built last. */
    lastBuilt;
    constructor(options = {}) {
        this.prefilter = options.prefilter ?? true;
    }
    /**
     * Reads one file now when no promise is needed (a file shared with another source, or a source that reads
     * synchronously); {@link LATER} otherwise. A directory of ten thousand files is read without ten thousand promises.
     */
    readNow(source, path) {
        this.stats.files++;
        const shared = this.sharedRead(source, path);
        if (shared)
            return shared;
        if (!source.readNow || source.blobId)
            return LATER;
        const text = source.readNow(path);
        return text === undefined ? undefined : this.remember(source, path, this.accept(path, text, undefined));
    }
    /** Reads one file that {@link readNow} left for later. */
    async readLater(source, path) {
        const blob = source.blobId ? await source.blobId(path) : undefined;
        const known = blob === undefined ? undefined : this.withBlob(path, blob);
        if (known) {
            this.stats.reused++;
            return this.remember(source, path, known);
        }
        const text = await source.read(path);
        return text === undefined ? undefined : this.remember(source, path, this.accept(path, text, blob));
    }
    /** The read of the source this one shares the file with (a PR's base built on its head). */
    sharedRead(source, path) {
        const owner = source.sameFileIn?.(path);
        const known = owner && this.bySource.get(owner)?.get(path);
        if (!known)
            return undefined;
        this.stats.reused++;
        return this.remember(source, path, known);
    }
    remember(source, path, read) {
        let files = this.bySource.get(source);
        if (!files)
            this.bySource.set(source, (files = new Map()));
        files.set(path, read);
        return read;
    }
    /** A read of `path` by a source read so far that `matches`. */
    earlierRead(path, matches) {
        for (const files of this.bySource.values()) {
            const read = files.get(path);
            if (read && matches(read))
                return read;
        }
        return undefined;
    }
    /** A read of `path` with this blob id; reads whose id is unknown are hashed now, once. */
    withBlob(path, blob) {
        return this.earlierRead(path, (read) => (read.blob ??= gitBlobId(read.text)) === blob);
    }
    /** A text just read: the earlier read of the same path and text when there is one, else a new plan. */
    accept(path, text, blob) {
        this.stats.filesRead++;
        const same = this.earlierRead(path, (read) => read.text === text);
        if (same) {
            this.stats.reused++;
            same.blob ??= blob;
            return same;
        }
        const read = this.plan(path, text);
        if (blob !== undefined)
            read.blob = blob;
        return read;
    }
    plan(path, text) {
        const skipped = (line, reason) => ({
            path,
            text,
            spans: undefined,
            skipped: { file: path, line, reason },
        });
        // UTF-8 needs at most 3 bytes per UTF-16 unit, so only long texts need their bytes counted.
        if (text.length > MAX_FILE_BYTES ||
            (text.length > MAX_FILE_BYTES / 3 && Buffer.byteLength(text) > MAX_FILE_BYTES)) {
            return skipped(1, `file is larger than ${MAX_FILE_BYTES} bytes and was not read`);
        }
        if (text.includes('\u0000'))
            return skipped(1, 'file is binary, not YAML');
        const replaced = text.indexOf('\uFFFD');
        if (replaced >= 0) {
            // Sources decode bytes that are not UTF-8 as U+FFFD. The API server rejects such a file, and the names and
            // values read from it would be guesses.
            return skipped(text.slice(0, replaced).split('\n').length, 'file is not valid UTF-8 and was not read');
        }
        return { path, text, spans: this.prefilter ? planDocuments(text) : undefined };
    }
    /** Parses the files of one side: each (path, content, kept documents) once across base and head. */
    parseSide(files) {
        const decisions = this.prefilter ? decideDocuments(files) : undefined;
        return files.map((file, index) => {
            const parsed = this.parseOnce(file, decisions?.[index]);
            this.stats.documents += parsed.documents;
            return parsed.parsed;
        });
    }
    /** The model of a side: the one built last when its inputs give the same model, else a new one. */
    model(inputs) {
        if (this.lastBuilt && sameModelInputs(this.lastBuilt.inputs, inputs))
            return this.lastBuilt.model;
        const model = buildModel(inputs.parsed, inputs.options);
        for (const note of inputs.notes)
            model.notEvaluable.push(note);
        this.lastBuilt = { inputs, model };
        return model;
    }
    parseOnce(file, keep) {
        if (keep && !keep.includes(true))
            return (file.nothingKept ??= parseKept(file.path, file.text, file.spans, keep));
        // A file has one or two sets of flags (its ConfigMaps kept on one side only): a list, not a map.
        const known = file.parses?.find((parse) => sameFlags(parse.keep, keep));
        if (known)
            return known.parsed;
        const parsed = parseKept(file.path, file.text, file.spans, keep);
        this.stats.documentsParsed += parsed.parsedDocuments;
        (file.parses ??= []).push({ keep, parsed });
        return parsed;
    }
}
/** Whether two sets of keep flags (undefined: keep all) are the same. */
function sameFlags(a, b) {
    if (a === b)
        return true;
    return !!a && !!b && a.length === b.length && a.every((flag, index) => flag === b[index]);
}
/**
 * Whether two sides give the same model: the same paths, and for each the same parse (base and head share the
 * parse of every file they share) or no document and no problem on both sides. A pull request that changes
 * only documents the pre-filter drops (a Service, a Role) has such sides; its base then is the head's model.
 */
function sameModelInputs(a, b) {
    const empty = (file) => file.documents.length === 0 && file.problems.length === 0;
    return (JSON.stringify(a.options) === JSON.stringify(b.options) &&
        a.parsed.length === b.parsed.length &&
        a.parsed.every((file, index) => {
            const other = b.parsed[index];
            return file === other || (file.file === other.file && empty(file) && empty(other));
        }) &&
        JSON.stringify(a.notes) === JSON.stringify(b.notes));
}
/** Git sources pipeline their reads: this many files are asked for at once. */
const READS_IN_FLIGHT = 64;
/**
 * Milliseconds of synchronous reading between two turns of the event loop. Git runs meanwhile on the other core
 * (the other side's `ls-tree` and `diff`); its output is taken in at each turn, so its pipe never stays full while
 * thousands of files are read. Timed rather than counted: a side whose files are all shared with the other one
 * (a PR's base) goes through ten thousand paths in a few milliseconds and needs no turn.
 */
const MS_PER_TURN = 8;
/** Files read between two looks at the clock (a few hundred microseconds of reading). */
const FILES_PER_CLOCK_READ = 16;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
/** Lists and reads every file of a source: at once what needs no promise, the rest a few at a time. */
async function readAll(source, cache) {
    const paths = await source.list();
    const read = [];
    let turnStart = performance.now();
    for (const path of paths) {
        read.push(cache.readNow(source, path));
        // Reading the clock costs about as much as deciding a shared file: it is read every few files.
        if (read.length % FILES_PER_CLOCK_READ === 0 && performance.now() - turnStart > MS_PER_TURN) {
            await nextTurn();
            turnStart = performance.now();
        }
    }
    const later = read.flatMap((file, index) => (file === LATER ? [index] : []));
    let next = 0;
    const worker = async () => {
        while (next < later.length) {
            const index = later[next++];
            read[index] = await cache.readLater(source, paths[index]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(READS_IN_FLIGHT, later.length) }, worker));
    return read;
}
async function loadModel(source, cache, options = {}) {
    const side = { read: 0, parse: 0, build: 0 };
    cache.stats.sides.push(side);
    const read = await timed(cache.stats, 'read', () => readAll(source, cache), side);
    const planned = [];
    const skipped = [];
    for (const file of read) {
        if (file?.skipped)
            skipped.push(file.skipped);
        else if (file)
            planned.push(file);
    }
    const parsed = await timed(cache.stats, 'parse', () => cache.parseSide(planned), side);
    const notes = [...skipped, ...(source.skipped?.() ?? [])];
    return timed(cache.stats, 'build', () => cache.model({ parsed, notes, options }), side);
}
function runRules(rules, context, settings) {
    const findings = [];
    const index = resourceIndex(context.head);
    for (const rule of rules) {
        const setting = settings[rule.meta.id];
        if (setting === 'off')
            continue;
        for (const draft of rule.check(context)) {
            if (isSuppressed(rule.meta.id, draft, index))
                continue;
            findings.push(toFinding(rule, draft, setting));
        }
    }
    return findings;
}
/** Values the rules needed but could not know, for the report's `notEvaluable` (never findings). */
function ruleNotes(rules, context, settings) {
    return rules
        .filter((rule) => settings[rule.meta.id] !== 'off' && rule.notEvaluable)
        .flatMap((rule) => rule.notEvaluable(context));
}
function toFinding(rule, draft, override) {
    // Messages quote names and values from the input, which can be megabytes long: they are shown shortened. The
    // key keeps the whole resource, so that two long names are still two resources.
    return {
        ruleId: rule.meta.id,
        severity: override ?? draft.severity ?? rule.meta.severity,
        message: shortMessage(draft.message),
        file: draft.origin.file,
        line: draft.origin.line,
        endLine: draft.origin.endLine ?? draft.origin.line,
        resource: shortMessage(draft.resource),
        docs: rule.meta.docs || docsUrl(rule.meta.id),
        ...(draft.fix ? { fix: { ...draft.fix, description: shortMessage(draft.fix.description) } } : {}),
        key: `${rule.meta.id}|${draft.resource}|${draft.field}`,
    };
}
/** Findings on head are `new` or `unchanged` by their key; base findings missing on head are `fixed`. */
function withStatuses(head, base) {
    if (!base)
        return head.map((finding) => ({ ...finding, status: 'new' }));
    const baseKeys = new Set(base.map((finding) => finding.key));
    const headKeys = new Set(head.map((finding) => finding.key));
    return [
        ...head.map((finding) => ({
            ...finding,
            status: baseKeys.has(finding.key) ? 'unchanged' : 'new',
        })),
        ...base
            .filter((finding) => !headKeys.has(finding.key))
            .map((finding) => ({ ...finding, status: 'fixed' })),
    ];
}
function summarize(findings) {
    const open = findings.filter((f) => f.status !== 'fixed');
    return {
        errors: open.filter((f) => f.severity === 'error').length,
        warnings: open.filter((f) => f.severity === 'warning').length,
        infos: open.filter((f) => f.severity === 'info').length,
        new: findings.filter((f) => f.status === 'new').length,
        unchanged: findings.filter((f) => f.status === 'unchanged').length,
        fixed: findings.filter((f) => f.status === 'fixed').length,
    };
}
/** Runs the rules on head (and base, for statuses) and assembles the report. */
function analyze(head, base, options = {}) {
    const rules = options.rules ?? ALL_RULES;
    const settings = options.settings ?? {};
    const headContext = { head, ...(base ? { base } : {}) };
    const headFindings = runRules(rules, headContext, settings);
    // A base that is head's own model (the PR changed nothing a rule reads) has head's findings: rules report a
    // difference between base and head only when there is one (a test holds every rule to it).
    const baseFindings = !base
        ? undefined
        : base === head
            ? headFindings
            : runRules(rules, { head: base }, settings);
    const findings = sortFindings(collapseSameLine(withStatuses(headFindings, baseFindings)));
    const report = {
        version: 1,
        summary: summarize(findings),
        findings,
        generated: [],
        changes: base ? diffModels(base, head) : [],
        notEvaluable: limitNotesPerFile(reportedNotes([...head.notEvaluable, ...ruleNotes(rules, headContext, settings)])),
    };
    const egress = egressMap(head, base);
    attachRenderContext(report, { files: head.files, ...(egress ? { egress } : {}) });
    return { report, head, ...(base ? { base } : {}) };
}
function sortFindings(findings) {
    const statusRank = { new: 0, unchanged: 1, fixed: 2 };
    return findings.sort((a, b) => statusRank[a.status] - statusRank[b.status] ||
        SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
        byCodeUnits(a.file, b.file) ||
        a.line - b.line ||
        byCodeUnits(a.ruleId, b.ruleId));
}
/** Notes as the report lists them: each once, the values they quote from the input shortened. */
function reportedNotes(notes) {
    const seen = new Set();
    return notes.flatMap((note) => {
        const shown = { ...note, reason: shortMessage(note.reason) };
        const key = `${shown.file}:${shown.line}:${shown.reason}`;
        if (seen.has(key))
            return [];
        seen.add(key);
        return [shown];
    });
}
/**
 * Whether the check fails: findings at or above `failOn`, counting only new ones unless the scope is `all` (the
 * report's headline counts the same ones, `failingFindings`).
 */
function shouldFail(report, failOn, scope) {
    return failingFindings(report, { failOn, failScope: scope }).length > 0;
}
/** Fills `report.generated` from the head model; what could not be generated joins `notEvaluable`. */
async function addGenerated(analysis, options = {}) {
    const { generated, notes } = await generateManifests(analysis.head, options);
    analysis.report.generated = generated;
    analysis.report.notEvaluable = reportedNotes([...analysis.report.notEvaluable, ...notes]);
    return analysis;
}
/** The whole check for the CLI: read base and head, build both models, run the rules. */
async function check(options) {
    const cache = new ParseCache({ ...(options.prefilter === false ? { prefilter: false } : {}) });
    const cwd = options.cwd ? { cwd: options.cwd } : {};
    const headSource = options.head
        ? await resolveSource(options.repo, options.head, options.selection, cwd)
        : directorySource(options.repo, options.selection);
    const baseSource = options.base
        ? await resolveSource(options.repo, options.base, options.selection, {
            ...cwd,
            // Without `--head`, head is the checked-out tree: git tells which of its files base shares.
            ...(options.head ? {} : { workingTree: headSource }),
        })
        : undefined;
    const build = {
        ...(options.charts ? { charts: options.charts } : {}),
        ...(options.assume ? { assume: options.assume } : {}),
    };
    const head = await loadModel(headSource, cache, build);
    const base = baseSource ? await loadModel(baseSource, cache, build) : undefined;
    const analyzed = await timed(cache.stats, 'analyze', () => analyze(head, base, options));
    const analysis = await timed(cache.stats, 'generate', () => addGenerated(analyzed, options.generate));
    return { ...analysis, stats: cache.stats };
}

;// CONCATENATED MODULE: ./src/report/explain.ts






/** `file:line`, or `default` for a value no file sets. */
function explain_where(origin, defaulted) {
    if (defaulted || !origin.file)
        return origin.file ? `default; ${origin.file}:${origin.line}` : 'default';
    return `${origin.file}:${origin.line}`;
}
function show(value) {
    if (typeof value === 'string')
        return value;
    return JSON.stringify(value);
}
function factLine(label, item, via) {
    if (!item)
        return `  ${label}: (not set)`;
    return `  ${label}: ${show(item.value)}  (${explain_where(item.origin, item.defaulted)}${via ? `, ${via}` : ''})`;
}
function section(title, lines) {
    return lines.length > 0 ? [title, ...lines, ''] : [];
}
function dynatraceLines(model) {
    const lines = [];
    for (const namespace of operatorNamespaces(model))
        lines.push(factLine('operator namespace', namespace));
    lines.push(factLine('CSI driver enabled', csiDriverEnabled(model)));
    for (const install of model.operatorInstalls) {
        if (install.version)
            lines.push(factLine('operator version', install.version, install.via));
        if (Object.keys(install.csiDriverLabels).length > 0)
            lines.push(`  csidriver.labels: ${show(install.csiDriverLabels)}  (${install.via})`);
    }
    for (const dynakube of model.dynakubes) {
        lines.push(`  ${resourceId(dynakube)} ${dynakube.apiVersion}  (${explain_where(dynakube.origin)})`);
        lines.push(`  ${factLine('enableIstio', dynakube.enableIstio)}`);
        for (const mode of dynakube.modes)
            lines.push(`  ${factLine('OneAgent mode', mode)}`);
        if (dynakube.apiUrl)
            lines.push(`  ${factLine('apiUrl', dynakube.apiUrl)}`);
        if (dynakube.networkZone)
            lines.push(`  ${factLine('networkZone', dynakube.networkZone)}`);
        lines.push(`  ${factLine('namespaceSelector', dynakube.namespaceSelector)}`);
        if (injectsCodeModules(dynakube))
            lines.push(`  ${factLine('code modules via CSI driver', codeModulesViaCsi(model, dynakube))}`);
    }
    return lines;
}
function outboundLine(model) {
    const policy = effectiveOutboundPolicy(model);
    const source = model.meshConfigs.find((mesh) => mesh.outboundPolicy === policy);
    return factLine('outbound traffic policy', policy, source?.via);
}
function meshLines(model) {
    const lines = [
        factLine('distribution', istioDistribution(model)),
        ...istioVersions(model).map((version) => factLine('Istio version', version, version.via)),
        outboundLine(model),
        factLine('root namespace', effectiveRootNamespace(model)),
    ];
    for (const source of model.meshConfigs) {
        if (source.defaultServiceExportTo)
            lines.push(factLine('defaultServiceExportTo', source.defaultServiceExportTo, source.via));
        if (source.discoverySelectors)
            lines.push(factLine('discoverySelectors', source.discoverySelectors, source.via));
    }
    for (const pilot of model.pilotInstalls) {
        lines.push(`  istiod: ${pilot.via}`);
        for (const [label, item] of [
            ['namespace', pilot.namespace],
            ['revision', pilot.revision],
            ['profile', pilot.profile],
            ['compatibilityVersion', pilot.compatibilityVersion],
            ['CNI in use', pilot.cniEnabled],
        ]) {
            if (item)
                lines.push(`  ${factLine(label, item)}`);
        }
        const native = nativeSidecarState(pilot, model.kubernetesVersion);
        lines.push(`    native sidecars: ${native.state} — ${native.reason}  (${explain_where(native.origin)})`);
    }
    for (const state of effectiveCni(model)) {
        const install = state.install;
        lines.push(factLine('CNI agent', state, install?.via));
        if (!install)
            continue;
        lines.push(`  ${factLine('namespace', install.namespace)}`);
        lines.push(`  ${factLine('pod annotations', install.podAnnotations)}`);
        const ignored = install.ignoredPodAnnotations;
        if (ignored)
            lines.push(`  ${factLine('ignored pod annotations', ignored.annotations)} — ${ignored.reason}`);
        if (install.ambient)
            lines.push(`  ${factLine('ambient', install.ambient)}`);
    }
    return lines;
}
function namespaceLines(model) {
    const lines = [];
    for (const name of [...model.namespaces.keys()].sort()) {
        const mode = namespaceDataPlaneMode(model, name);
        const mtls = effectiveMtls(model, name, {});
        const revision = mode.revision ? ` rev ${mode.revision}` : '';
        const mixed = mode.mixed ? ' (sidecar and ambient labels)' : '';
        lines.push(`  ${name}: ${mode.value}${revision}${mixed}  (${explain_where(mode.origin, mode.defaulted)})`);
        lines.push(`    mTLS: ${mtls.value} [${mtls.scope}]  (${explain_where(mtls.origin, mtls.defaulted)})`);
    }
    return lines;
}
/** The model as a person reads it: each effective fact with the file and line it comes from. */
function explainModel(model) {
    const notEvaluable = model.notEvaluable.map((entry) => `  ${entry.file}:${entry.line}: ${entry.reason}`);
    const chartLines = model.chartValues
        .map((values) => `  ${values.chart}${values.chartVersion ? ` ${values.chartVersion}` : ''} in ${values.releaseNamespace ?? '(namespace unknown)'}: ${values.via}`)
        .sort();
    return [
        ...section('Dynatrace', dynatraceLines(model)),
        ...section('Mesh', meshLines(model)),
        ...section('Charts', chartLines),
        ...section('Namespaces (data plane, mTLS)', namespaceLines(model)),
        ...section('Not evaluated', notEvaluable),
    ]
        .join('\n')
        .trimEnd()
        .concat('\n');
}

;// CONCATENATED MODULE: ./src/request-timeout.ts
/** A test or a slow network may shorten or lengthen every request's timeout, for the action and the CLI alike. */
const TIMEOUT_ENV = 'DKIG_REQUEST_TIMEOUT_MS';
/** `value` as a positive number of milliseconds, else `fallback`. */
function positiveNumber(value, fallback) {
    const number = Number(value);
    return value && Number.isFinite(number) && number > 0 ? number : fallback;
}
/** The per-request timeout for GitHub and the Dynatrace API: `fallbackMs` unless `DKIG_REQUEST_TIMEOUT_MS` says. */
function requestTimeoutMs(fallbackMs) {
    return positiveNumber(process.env[TIMEOUT_ENV], fallbackMs);
}

;// CONCATENATED MODULE: ./src/report/json.ts
/** The JSON contract (DESIGN §6). The internal `key` stays out of the public shape. */
function renderJson(report) {
    const { context: _context, ...contract } = report;
    const findings = report.findings.map(({ key: _key, ...finding }) => finding);
    return `${JSON.stringify({ ...contract, findings }, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/report/control-chars.ts
/**
 * Characters taken from manifests, file names included, that must not reach a terminal or a rendered comment as
 * they are:
 * - control characters (C0, DEL, C1): in a terminal they move the cursor or recolor it (ESC, CSI), or start a line
 *   that looks like a finding of its own (`\n`, `\r`);
 * - Unicode bidi controls (U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069): they reorder what follows on the
 *   line, so a name can make a file:line or a verdict read backwards ("Trojan Source", CVE-2021-42574);
 * - zero-width characters (U+200B-U+200D, U+2060, U+FEFF): invisible, they make two different names look the same.
 */
const INVISIBLE = String.raw `\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff`;
const CONTROL = new RegExp(String.raw `[\u0000-\u001f\u007f-\u009f${INVISIBLE}]`, 'gu');
/** As {@link CONTROL}, but for `\n`, tabs, and a `\r` that ends a line (a CRLF file's patch lines keep it). */
const CONTROL_BUT_LINE_BREAK_AND_TAB = new RegExp(String.raw `[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f${INVISIBLE}]|\r(?!\n)`, 'gu');
/** Text meant for one line: every character above, line breaks and tabs too, becomes `?`. */
function visibleLine(text) {
    return text.replace(CONTROL, '?');
}
/**
 * A multi-line block (YAML, a patch): its line breaks (`\n`, `\r\n`) and tabs stay, every other character above is
 * `?`.
 */
function visibleBlock(text) {
    return text.replace(CONTROL_BUT_LINE_BREAK_AND_TAB, '?');
}

;// CONCATENATED MODULE: ./src/report/escape.ts

/** Every line ending CommonMark knows: a lone `\r` ends a line too, so it can start a new block. */
const LINE_ENDING = /\r\n|\r|\n/g;
/**
 * Text for one line: line breaks become spaces (as CommonMark treats them in a code span), other control characters
 * but the harmless tab (ESC, C1) are made visible.
 */
function oneLine(text) {
    return visibleBlock(text.replace(LINE_ENDING, ' '));
}
/** Length of the longest run of backticks; a loop, because a spread of a huge match list overflows the stack. */
function longestBacktickRun(text) {
    let longest = 0;
    for (const run of text.match(/`+/g) ?? [])
        longest = Math.max(longest, run.length);
    return longest;
}
/**
 * Escaping for text taken from manifests before it goes into markdown: no HTML, no @mentions, no math (`$`), no
 * breaking out of a table cell or inline code.
 */
function escapeMarkdown(text) {
    return (oneLine(text)
        .replace(/[\\`*_{}[\]()#+!|~&$]/g, (c) => `\\${c}`)
        // Entities, not backslashes: a literal autolink can swallow the backslash before it (`https://x\<img>`).
        .replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))
        // No literal autolinks either: they can swallow the escapes after them and re-pair code spans into a link.
        .replace(/:(?=\/\/)/g, '\\:')
        .replace(/\b(www)\./gi, '$1\\.')
        .replace(/@(?=\w)/g, '@\u200b'));
}
/** Inline code that cannot be broken out of: the fence is longer than any backtick run inside. */
function inlineCode(text) {
    const clean = oneLine(text);
    const longest = longestBacktickRun(clean);
    const fence = '`'.repeat(longest + 1);
    const pad = clean.startsWith('`') || clean.endsWith('`') || clean === '' ? ' ' : '';
    return `${fence}${pad}${clean}${pad}${fence}`;
}
/** Inline code inside a table cell: GFM splits cells on `|` even in code spans unless it is escaped. */
function cellCode(text) {
    // A backslash right before the pipe would escape the escape: `\\|` ends the cell. Each one is doubled, so the
    // pipe is always preceded by an odd run (the cell shows the backslashes doubled; it cannot show them as they are).
    return inlineCode(text).replace(/(\\*)\|/g, (_, slashes) => `${slashes}${slashes}\\|`);
}
/** A fenced block whose fence is longer than any backtick run in the content. */
function codeBlock(content, language = '') {
    const lines = visibleBlock(content.replace(LINE_ENDING, '\n'));
    const fence = '`'.repeat(Math.max(2, longestBacktickRun(lines)) + 1);
    return `${fence}${language}\n${lines.replace(/\n$/, '')}\n${fence}`;
}
/**
 * Prose written by a rule that quotes manifest values: `code spans` stay code (safe whatever they hold), the
 * rest is escaped. Lets messages keep their formatting without trusting what they quote.
 */
function escapeProse(text) {
    return text
        .replace(LINE_ENDING, ' ')
        .split(/(`[^`]+`)/)
        .map((part, index) => (index % 2 === 1 ? inlineCode(part.slice(1, -1)) : escapeMarkdown(part)))
        .join('');
}
/** Text inside raw HTML (a `<summary>`), where markdown is not parsed: entities only. */
function escapeHtml(text) {
    // An entity-encoded `@` is still an @ in the text GitHub scans for mentions: a zero-width space follows it.
    return oneLine(text).replace(/[&<>"'`@|]/g, (c) => `&#${c.codePointAt(0)};${c === '@' ? '&#8203;' : ''}`);
}

;// CONCATENATED MODULE: ./src/report/mermaid.ts
/**
 * Text for a Mermaid label: characters outside a small safe set become Mermaid entity codes (`#60;`), so no
 * manifest value can close the label, inject HTML or end the code fence.
 */
function escapeMermaid(text) {
    return [...text]
        .map((char) => (/^[A-Za-z0-9 .,:/_()=+-]$/.test(char) ? char : `#${char.codePointAt(0)};`))
        .join('');
}
function label(text) {
    return `"${text.split('\n').map(escapeMermaid).join('<br/>')}"`;
}
function nodeLine(node) {
    const shape = node.place === 'external' ? `([${label(node.label)}])` : `[${label(node.label)}]`;
    return `${node.id}${shape}`;
}
function edgeText(edge) {
    if (!edge.blocked)
        return edge.label;
    return `${edge.newlyBlocked ? 'BLOCKED by this PR' : 'BLOCKED'}: ${edge.blocked}`;
}
/** The egress map as a Mermaid flowchart: in-mesh components in their own box, blocked paths crossed and red. */
function renderMermaid(map) {
    const inMesh = map.nodes.filter((node) => node.place === 'cluster' && node.inMesh);
    const outside = map.nodes.filter((node) => node.place === 'cluster' && !node.inMesh);
    const external = map.nodes.filter((node) => node.place === 'external');
    const lines = ['flowchart LR', '  subgraph cluster["Kubernetes cluster"]'];
    if (inMesh.length > 0) {
        lines.push('    subgraph mesh["in the Istio mesh"]');
        lines.push(...inMesh.map((node) => `      ${nodeLine(node)}`));
        lines.push('    end');
    }
    lines.push(...outside.map((node) => `    ${nodeLine(node)}`));
    if (map.omittedNamespaces > 0)
        lines.push(`    more["${map.omittedNamespaces} more monitored namespaces not shown"]`);
    lines.push('  end', '  subgraph outside["outside the cluster"]');
    lines.push(...external.map((node) => `    ${nodeLine(node)}`), '  end');
    const blocked = [];
    map.edges.forEach((edge, index) => {
        const arrow = edge.blocked ? '--x' : '-->';
        lines.push(`  ${edge.from} ${arrow}|${label(edgeText(edge))}| ${edge.to}`);
        if (edge.blocked)
            blocked.push(index);
    });
    if (blocked.length > 0)
        lines.push(`  linkStyle ${blocked.join(',')} stroke:#d1242f,stroke-width:3px,color:#d1242f`);
    lines.push('  classDef meshed fill:#ddf4ff,stroke:#0969da');
    if (inMesh.length > 0)
        lines.push(`  class ${inMesh.map((node) => node.id).join(',')} meshed`);
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/report/compose.ts
function indentOf(line) {
    return line.length - line.trimStart().length;
}
/** The lines of a block as a tree by indentation; blank lines stay with the line before them. */
function blockTree(lines) {
    const roots = [];
    const open = [];
    for (const line of lines) {
        if (line.trim() === '' && open.length > 0) {
            open[open.length - 1].node.children.push({ line, children: [] });
            continue;
        }
        const indent = indentOf(line);
        while (open.length > 0 && open[open.length - 1].indent >= indent)
            open.pop();
        const node = { line, children: [] };
        (open.length > 0 ? open[open.length - 1].node.children : roots).push(node);
        open.push({ indent, node });
    }
    return roots;
}
/**
 * A mapping key that opens a nested block on its own line (`values:`), not a sequence item, a block scalar (`x: |`)
 * or a key with a value: only such lines can be shared by two blocks without changing what either means.
 */
const MAPPING_KEY_LINE = /^\s*(?:"[^"\\]*"|'[^']*'|[^\s#\-"'{[][^:#]*?)\s*:\s*$/;
function opensMapping(line) {
    return MAPPING_KEY_LINE.test(line);
}
function childIndent(node) {
    const child = node.children.find((one) => one.line.trim() !== '');
    return child && indentOf(child.line);
}
/** A mapping entry's indentation and key (`  values`), or undefined for a sequence item, a comment or a blank. */
function compose_entryKey(line) {
    const match = /^(\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s#\-"'{[][^:#]*?)\s*:(?:\s|$)/.exec(line);
    return match ? `${match[1]}${match[2]}` : undefined;
}
/** Merges `from` into `into`; false where both write one key differently (a mapping may not hold it twice). */
function mergeTrees(into, from) {
    for (const node of from) {
        const key = compose_entryKey(node.line);
        const same = key === undefined ? undefined : into.find((other) => compose_entryKey(other.line) === key);
        if (!same) {
            into.push({ line: node.line, children: [...node.children] });
            continue;
        }
        // Entries of one mapping share one indentation: children indented otherwise cannot join the other's.
        if (opensMapping(node.line) && opensMapping(same.line) && childIndent(same) === childIndent(node)) {
            if (!mergeTrees(same.children, node.children))
                return false;
            continue;
        }
        // The same entry written by both (`ENABLE_NATIVE_SIDECARS: "false"`) once; another value is a conflict.
        if (flatten([same]).join('\n').trimEnd() !== flatten([node]).join('\n').trimEnd())
            return false;
    }
    return true;
}
function flatten(nodes) {
    return nodes.flatMap((node) => [node.line, ...flatten(node.children)]);
}
/**
 * Two blocks inserted at the same place as one: keys that open a mapping at the same indentation in both (each
 * fix adds `values:` under an IstioOperator's `spec`) are written once, with the entries of both under them. A
 * mapping with the same key twice is invalid YAML, so inserting one block after the other would not do. An entry
 * both write alike is written once; undefined where both write one key differently.
 */
function mergeInsertedBlocks(first, second) {
    const tree = blockTree(first.split('\n'));
    return mergeTrees(tree, blockTree(second.split('\n'))) ? flatten(tree).join('\n') : undefined;
}
const isInsertion = (edit) => edit.startLine > edit.endLine;
/**
 * The edits of several fixes as one set of edits to apply together: identical edits once, insertions at the same
 * place merged (`mergeInsertedBlocks`). Undefined when they conflict: two edits replace an existing line
 * differently, an insertion falls inside lines another edit replaces, or two insertions write one key differently.
 */
function composeEdits(edits) {
    const composed = [];
    for (const edit of edits) {
        const sameFile = composed.filter((other) => other.file === edit.file);
        if (sameFile.some((other) => other.startLine === edit.startLine &&
            other.endLine === edit.endLine &&
            other.replacement === edit.replacement))
            continue;
        if (isInsertion(edit)) {
            const at = sameFile.find((other) => isInsertion(other) && other.startLine === edit.startLine);
            if (at) {
                const merged = mergeInsertedBlocks(at.replacement, edit.replacement);
                if (merged === undefined)
                    return undefined;
                at.replacement = merged;
                continue;
            }
            if (sameFile.some((other) => !isInsertion(other) && other.startLine < edit.startLine && edit.startLine <= other.endLine))
                return undefined;
        }
        else {
            const overlaps = (other) => isInsertion(other)
                ? edit.startLine < other.startLine && other.startLine <= edit.endLine
                : other.startLine <= edit.endLine && edit.startLine <= other.endLine;
            if (sameFile.some(overlaps))
                return undefined;
        }
        composed.push({ ...edit });
    }
    // `applyEdits` applies edits from the bottom up, in this order where they start on the same line: a replacement
    // of line n before an insertion before line n, so the insertion is not replaced with the line.
    return composed.sort((a, b) => Number(isInsertion(a)) - Number(isInsertion(b)));
}
/** The first and last line an edit touches (an insertion: the lines around it). */
function span(edit) {
    return [Math.min(edit.startLine, edit.endLine), Math.max(edit.startLine, edit.endLine)];
}
/** Whether two edits of one file come within `margin` lines of each other. */
function editsNear(a, b, margin) {
    if (a.file !== b.file)
        return false;
    const [aFrom, aTo] = span(a);
    const [bFrom, bTo] = span(b);
    return aFrom <= bTo + margin && bFrom <= aTo + margin;
}

// EXTERNAL MODULE: ./node_modules/diff/libesm/patch/create.js + 2 modules
var create = __webpack_require__(7291);
;// CONCATENATED MODULE: ./src/report/patch.ts



/** Lines of context around each hunk, as `git diff` writes them. */
const CONTEXT_LINES = 3;
/**
 * Unchanged lines kept around a fix's edits when its patch is made: the hunks' context, and a margin. A patch is
 * made from this part of the file, not the whole file: a rendered manifest with a finding per workload diffed its
 * whole text once per finding.
 */
const WINDOW_LINES = CONTEXT_LINES + 20;
function groupByFile(edits) {
    const byFile = new Map();
    for (const edit of edits)
        byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
    return byFile;
}
/**
 * A `git apply`-able unified diff for a fix, made from the head texts of the files it edits (a file not on head
 * is created); undefined when the edits change nothing.
 */
function fixPatch(fix, files) {
    const parts = [];
    for (const [file, edits] of groupByFile(fix.edits)) {
        const existing = files.get(file);
        const body = existing === undefined ? newFilePatch(file, edits) : editPatch(file, existing, edits);
        if (body === undefined)
            continue;
        const header = `diff --git ${gitPath('a/', file)} ${gitPath('b/', file)}\n${existing === undefined ? 'new file mode 100644\n' : ''}`;
        parts.push(header + body.replace(/^=+\n/, ''));
    }
    return parts.length > 0 ? parts.join('') : undefined;
}
function newFilePatch(file, edits) {
    let after = applyEdits('', edits);
    if (after === '')
        return undefined;
    if (!after.endsWith('\n'))
        after += '\n';
    return unifiedDiff('/dev/null', file, '', after);
}
/** The diff of the lines around the edits, its hunks numbered as in the whole file. */
function editPatch(file, text, edits) {
    const { starts, eol } = linesOf(text);
    const first = Math.min(...edits.map((edit) => edit.startLine));
    const last = Math.max(...edits.map((edit) => Math.max(edit.startLine, edit.endLine)));
    const from = Math.max(1, first - WINDOW_LINES);
    const to = Math.min(starts.length, last + WINDOW_LINES);
    const before = text.slice(starts[from - 1], to < starts.length ? starts[to] : text.length);
    const shifted = edits.map((edit) => ({
        ...edit,
        startLine: edit.startLine - (from - 1),
        endLine: edit.endLine - (from - 1),
    }));
    const after = applyEdits(before, shifted, eol);
    if (after === before)
        return undefined;
    return unifiedDiff(`a/${file}`, file, before, after).replace(/^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@/gm, (_hunk, oldStart, oldCount = '', newStart, newCount = '') => `@@ -${Number(oldStart) + from - 1}${oldCount} +${Number(newStart) + from - 1}${newCount} @@`);
}
function unifiedDiff(oldName, file, before, after) {
    // The library quotes the names of the ---/+++ lines itself, as git does; the `diff --git` line is ours.
    return (0,create/* createTwoFilesPatch */.ss)(oldName, `b/${file}`, before, after, undefined, undefined, {
        context: CONTEXT_LINES,
        headerOptions: create/* FILE_HEADERS_ONLY */.jr,
    });
}
// eslint-disable-next-line no-control-regex
const GIT_QUOTED = /[\u0000-\u001f\u007f"\\]/;
const C_ESCAPES = {
    '\u0007': 'a',
    '\b': 'b',
    '\t': 't',
    '\n': 'n',
    '\v': 'v',
    '\f': 'f',
    '\r': 'r',
    '"': '"',
    '\\': '\\',
};
/**
 * A path in a patch header as git writes it: in double quotes with C escapes when it holds a control character,
 * `"` or `\`. A raw line break in a file name would end the header line and make the rest look like patch text.
 */
function gitPath(prefix, file) {
    if (!GIT_QUOTED.test(file))
        return `${prefix}${file}`;
    const escaped = file.replace(new RegExp(GIT_QUOTED.source, 'g'), (c) => `\\${C_ESCAPES[c] ?? c.charCodeAt(0).toString(8).padStart(3, '0')}`);
    return `"${prefix}${escaped}"`;
}
/** Where each line of a text starts, and its dominant line break: once per text, whatever the findings in it. */
function linesOf(text) {
    if (lastLines?.text === text)
        return lastLines;
    const starts = lineStarts(text);
    // A final line break ends the last line: it starts no line of its own.
    if (starts.length > 1 && starts[starts.length - 1] === text.length)
        starts.pop();
    lastLines = { text, starts, eol: dominantLineEnding(text) };
    return lastLines;
}
/** The lines of the text asked for last: the findings of one file are rendered one after the other. */
let lastLines;

;// CONCATENATED MODULE: ./src/report/finding-patches.ts


/**
 * The patches of findings listed in this order, made once each, however many times a report is laid out: a
 * finding's own patch, or where fixes collide (`collidingFixes`) one patch of them all under the first listed,
 * composed as the PR's suggestions are (`composeEdits`); where two of them change a line differently each keeps
 * its own patch, with a note.
 */
function findingPatches(listed, files) {
    const made = new Map();
    // A group's edits composed once for all its findings.
    const composed = new Map();
    let groups;
    return (finding) => {
        if (!finding.fix)
            return undefined;
        groups ??= collidingFixes(listed);
        const group = groups.get(finding);
        if (group && !composed.has(group))
            composed.set(group, composeEdits(group.flatMap((f) => f.fix.edits)));
        if (!made.has(finding))
            made.set(finding, findingPatch(finding, group && { findings: group, edits: composed.get(group) }, files));
        return made.get(finding);
    };
}
/**
 * Findings whose patches would not apply one after the other, in groups in listed order: their edits of a file come
 * within a hunk's context of each other, so the second patch's context or lines no longer read as it expects; or,
 * where both insert the same new key (`values:` under an IstioOperator's `spec`), the file would hold it twice.
 */
function collidingFixes(listed) {
    const patched = listed.filter((f) => f.fix && f.fix.edits.length > 0);
    const root = patched.map((_, index) => index);
    const find = (index) => (root[index] === index ? index : (root[index] = find(root[index])));
    const union = (a, b) => {
        const [first, second] = [find(a), find(b)].sort((x, y) => x - y);
        root[second] = first;
    };
    // Edits by file and first line, each compared with the ones after it that start near enough: a rendered manifest
    // with a finding per workload has thousands of fixes, far apart.
    const edits = patched
        .flatMap((finding, index) => finding.fix.edits.map((edit) => ({ index, edit })))
        .sort((a, b) => a.edit.file === b.edit.file
        ? Math.min(a.edit.startLine, a.edit.endLine) - Math.min(b.edit.startLine, b.edit.endLine)
        : a.edit.file < b.edit.file
            ? -1
            : 1);
    edits.forEach((a, i) => {
        for (let j = i + 1; j < edits.length && edits[j].edit.file === a.edit.file; j += 1) {
            const b = edits[j];
            if (Math.min(b.edit.startLine, b.edit.endLine) >
                Math.max(a.edit.startLine, a.edit.endLine) + CONTEXT_LINES)
                break;
            if (a.index !== b.index && editsNear(a.edit, b.edit, CONTEXT_LINES))
                union(a.index, b.index);
        }
    });
    const groups = new Map();
    patched.forEach((finding, index) => groups.set(find(index), [...(groups.get(find(index)) ?? []), finding]));
    const byFinding = new Map();
    for (const group of groups.values())
        if (group.length > 1)
            for (const finding of group)
                byFinding.set(finding, group);
    return byFinding;
}
function targetsOf(edits) {
    return [...new Set(edits.map((edit) => edit.file))].join(', ');
}
/** A finding's patch and note; `group` holds the findings whose fixes collide with its own, and their edits composed. */
function findingPatch(finding, group, files) {
    const own = () => ({ patch: fixPatch(finding.fix, files), targets: targetsOf(finding.fix.edits) });
    if (!group)
        return own();
    const others = group.findings.filter((f) => f !== finding);
    const composed = group.edits;
    if (!composed)
        return { ...own(), note: { kind: 'conflict', others } };
    if (finding !== group.findings[0])
        return { note: { kind: 'elsewhere', others: [group.findings[0]] } };
    return {
        patch: fixPatch({ description: finding.fix.description, edits: composed }, files),
        targets: targetsOf(composed),
        note: { kind: 'combined', others },
    };
}

;// CONCATENATED MODULE: ./src/report/markdown.ts





const COMMENT_MARKER = '<!-- dynakube-istio-guard -->';
/** GitHub rejects comment bodies over 65,536 characters; a comment stays below with room for a note. */
const MAX_COMMENT_CHARS = 65_000;
const SEVERITY_TITLE = { error: 'Errors', warning: 'Warnings', info: 'Notes' };
const SEVERITY_ICON = { error: '🔴', warning: '🟠', info: '🔵' };
const OUTCOME_ICON = { fail: '❌', attention: '⚠️', pass: '✅' };
/**
 * Bulky parts go first (manifest bodies, patches, the egress map, long tables), then the findings' text; every
 * finding keeps its headline as long as the headlines alone fit, and only then are findings left out.
 */
const DETAIL_STEPS = [
    {
        manifestBodies: true,
        patches: true,
        egressMap: true,
        findingText: true,
        maxRows: Infinity,
        maxFindings: Infinity,
    },
    {
        manifestBodies: false,
        patches: true,
        egressMap: true,
        findingText: true,
        maxRows: 200,
        maxFindings: Infinity,
    },
    {
        manifestBodies: false,
        patches: false,
        egressMap: true,
        findingText: true,
        maxRows: 100,
        maxFindings: Infinity,
    },
    {
        manifestBodies: false,
        patches: false,
        egressMap: false,
        findingText: true,
        maxRows: 30,
        maxFindings: Infinity,
    },
    {
        manifestBodies: false,
        patches: false,
        egressMap: false,
        findingText: false,
        maxRows: 30,
        maxFindings: Infinity,
    },
    {
        manifestBodies: false,
        patches: false,
        egressMap: false,
        findingText: false,
        maxRows: 30,
        maxFindings: 200,
    },
    {
        manifestBodies: false,
        patches: false,
        egressMap: false,
        findingText: false,
        maxRows: 30,
        maxFindings: 30,
    },
];
/** Patches of the findings the comment lists with a patch (not those offered as suggestions), in its order. */
function patchMaker(findings, files, suggested) {
    if (!files)
        return () => undefined;
    const open = findings.filter((f) => f.status !== 'fixed' && !(suggested?.(f) ?? false));
    // The order of `findingsSection`: new findings by severity, then the others.
    const listed = [
        ...SEVERITIES.flatMap((severity) => open.filter((f) => f.status === 'new' && f.severity === severity)),
        ...SEVERITIES.flatMap((severity) => open.filter((f) => f.status !== 'new' && f.severity === severity)),
    ];
    return findingPatches(listed, files);
}
function fixNames(findings) {
    return firstAndMore(findings.map((f) => `${inlineCode(f.ruleId)} (${escapeProse(f.resource)})`));
}
function patchNote({ kind, others }) {
    switch (kind) {
        case 'combined':
            return `_This patch also makes the fix of ${fixNames(others)}: their edits meet this one's, so applied one after the other their own patches would not fit together (or would write a key twice)._`;
        case 'elsewhere':
            return `_Its patch is the one of ${fixNames(others)}, which makes this fix too: their edits meet, so applied one after the other their own patches would not fit together._`;
        case 'conflict':
            return `_This patch and the one of ${fixNames(others)} change the same lines differently and do not apply one after the other: apply one, then re-run the check for the other._`;
    }
}
function markdown_location(file, line, options, inTable = false) {
    const label = `${file}:${line}`;
    if (!options.fileLinkBase)
        return inTable ? cellCode(label) : inlineCode(label);
    // encodeURIComponent leaves `(` `)` alone; a `)` would end the markdown link.
    const encoded = file
        .split('/')
        .map((part) => encodeURIComponent(part).replace(/\(/g, '%28').replace(/\)/g, '%29'))
        .join('/');
    return `[${escapeMarkdown(label)}](${options.fileLinkBase}/${encoded}#L${line})`;
}
function verdict(report, policy) {
    const { headline, counts } = verdictParts(report, policy);
    return `${OUTCOME_ICON[outcome(report, policy)]} **${headline}** — ${counts}`;
}
function changesSection(report, options, detail) {
    if (report.changes.length === 0)
        return [];
    const rows = report.changes.slice(0, detail.maxRows).map((change) => changeRow(change, options));
    const more = report.changes.length - rows.length;
    return [
        `#### What this PR changes (${report.changes.length})`,
        '',
        '| Resource | Setting | Before | After | Where |',
        '| --- | --- | --- | --- | --- |',
        ...rows,
        ...(more > 0 ? ['', `_${more} more change(s) not shown: see the JSON report._`] : []),
        '',
    ];
}
function changeRow(change, options) {
    // A removed resource is written on the base only: no link into the head.
    const removed = change.path === '' && change.after === null;
    const where = change.file && change.line
        ? removed
            ? `${cellCode(`${change.file}:${change.line}`)} (base)`
            : markdown_location(change.file, change.line, options, true)
        : '';
    const value = (v) => (v === null || v === undefined ? '—' : cellValue(v));
    return `| ${escapeMarkdown(change.resource)} | ${escapeMarkdown(changeSetting(change))} | ${value(change.before)} | ${value(change.after)} | ${where} |`;
}
/** A cell value; a whole added or removed resource lists its settings one per line. */
function cellValue(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return cellCode(formatValue(value));
    return Object.entries(value)
        .map(([key, item]) => `${escapeMarkdown(key)}: ${cellCode(formatValue(item))}`)
        .join('<br>');
}
function indent(text, prefix = '  ') {
    return text
        .split('\n')
        .map((line) => (line === '' ? line : prefix + line))
        .join('\n');
}
function renderFinding(finding, options, detail, patchFor) {
    const status = finding.status === 'new' ? '**new**' : finding.status;
    const headline = [
        `${SEVERITY_ICON[finding.severity]} [${inlineCode(finding.ruleId)}](${finding.docs})`,
        status,
        escapeMarkdown(finding.resource),
        // A finding about a default that no file sets has no place to link to.
        ...(finding.file === '' ? [] : [markdown_location(finding.file, finding.line, options)]),
    ].join(' · ');
    // Two spaces ending the line (a resource's own, when no location follows) would be a hard line break.
    const lines = [`- ${headline.trimEnd()}`];
    if (!detail.findingText)
        return lines;
    lines.push(`  ${escapeProse(finding.message)}`);
    const fix = finding.fix;
    if (!fix)
        return lines;
    lines.push('', `  **Fix:** ${escapeProse(fix.description)}`);
    if (fix.commands?.length)
        lines.push('', indent(codeBlock(fix.commands.join('\n'), 'sh')));
    const suggested = options.suggested?.(finding) ?? false;
    const made = detail.patches && !suggested ? patchFor(finding) : undefined;
    if (made?.patch) {
        lines.push('', `  <details><summary>Patch for ${escapeHtml(made.targets ?? '')} (<code>git apply</code>)</summary>`, '', indent(codeBlock(made.patch, 'diff')), '', '  </details>');
    }
    // A note goes with the patch it is about, or stands for a patch shown with another finding.
    if (made?.note && (made.patch || made.note.kind === 'elsewhere')) {
        lines.push('', `  ${patchNote(made.note)}`);
    }
    else if (suggested) {
        lines.push('', '  _Offered as a suggestion on the changed line._');
    }
    return lines;
}
/**
 * What the PR introduces comes first, grouped by severity; findings already on the base branch follow in one
 * collapsed block, so the reviewer sees first what this PR is responsible for.
 */
function findingsSection(report, options, detail, patchFor) {
    const open = report.findings.filter((f) => f.status !== 'fixed');
    const fresh = open.filter((f) => f.status === 'new');
    const unchanged = open.filter((f) => f.status === 'unchanged');
    const out = [];
    let budget = detail.maxFindings;
    const list = (findings) => {
        const shown = findings.slice(0, Math.max(0, budget));
        budget -= shown.length;
        for (const finding of shown)
            out.push(...renderFinding(finding, options, detail, patchFor), '');
    };
    for (const severity of SEVERITIES) {
        const group = fresh.filter((f) => f.severity === severity);
        if (group.length === 0)
            continue;
        out.push(`#### ${SEVERITY_ICON[severity]} ${SEVERITY_TITLE[severity]} (${group.length})`, '');
        list(group);
    }
    if (unchanged.length > 0) {
        const counts = SEVERITIES.map((severity) => [severity, unchanged.filter((f) => f.severity === severity).length])
            .filter(([, count]) => count > 0)
            .map(([severity, count]) => plural(count, severity))
            .join(', ');
        out.push(`<details><summary>Already on the base branch: ${counts}</summary>`, '');
        for (const severity of SEVERITIES)
            list(unchanged.filter((f) => f.severity === severity));
        out.push('</details>', '');
    }
    const hidden = open.length - (detail.maxFindings === Infinity ? open.length : Math.min(open.length, detail.maxFindings));
    if (hidden > 0)
        out.push(`_${hidden} more finding(s) not shown: see the job summary or the JSON report._`, '');
    return out;
}
function fixedSection(report, detail) {
    const fixed = report.findings.filter((f) => f.status === 'fixed');
    if (fixed.length === 0)
        return [];
    const shown = fixed.slice(0, detail.maxFindings);
    return [
        `#### ✅ Fixed by this PR (${fixed.length})`,
        '',
        ...shown.map((f) => `- [${inlineCode(f.ruleId)}](${f.docs}) · ${escapeMarkdown(f.resource)}`),
        ...(fixed.length > shown.length ? [`- _and ${fixed.length - shown.length} more_`] : []),
        '',
    ];
}
function manifestTitle(manifest) {
    const where = manifest.namespace ? `${manifest.namespace}/` : '';
    return `${manifest.kind} ${where}${manifest.name}`;
}
function generatedSection(report, detail) {
    if (report.generated.length === 0)
        return [];
    const out = [`#### 🧩 Manifests the cluster needs (${report.generated.length})`, ''];
    if (!detail.manifestBodies) {
        out.push(...report.generated.map((m) => `- ${escapeMarkdown(manifestTitle(m))}`));
        out.push('', '_Bodies left out to fit the comment: see the job summary or `output-dir`._', '');
        return out;
    }
    for (const manifest of report.generated) {
        const file = manifest.file ? ` → ${manifest.file}` : '';
        out.push(`<details><summary>${escapeHtml(manifestTitle(manifest) + file)}</summary>`, '', codeBlock(manifest.yaml, 'yaml'), '', '</details>', '');
    }
    return out;
}
function egressSection(report, detail) {
    const map = report.context?.egress;
    if (!map || !detail.egressMap)
        return [];
    const blocked = map.edges.filter((edge) => edge.blocked).length;
    const byThisPr = map.edges.filter((edge) => edge.newlyBlocked).length;
    const title = blocked === 0
        ? '#### 🗺️ Egress map'
        : `#### 🗺️ Egress map — ${blocked} path(s) blocked${byThisPr > 0 ? `, ${byThisPr} by this PR` : ''}`;
    return [title, '', codeBlock(renderMermaid(map), 'mermaid'), ''];
}
function notEvaluableSection(report, detail) {
    if (report.notEvaluable.length === 0)
        return [];
    const notes = report.notEvaluable.slice(0, detail.maxFindings);
    return [
        `<details><summary>Could not evaluate (${report.notEvaluable.length})</summary>`,
        '',
        ...notes.map((note) => `- ${inlineCode(`${note.file}:${note.line}`)} ${escapeProse(note.reason)}`),
        ...(report.notEvaluable.length > notes.length
            ? [`- _and ${report.notEvaluable.length - notes.length} more_`]
            : []),
        '',
        '</details>',
        '',
    ];
}
function markdown_render(report, options, detail, step, patchFor) {
    const out = [COMMENT_MARKER, '### dynakube-istio-guard', '', verdict(report, options.failPolicy), ''];
    if (report.changes.length === 0 && report.findings.length === 0 && report.generated.length === 0)
        out.push('No DynaKube or mesh setting changes and no findings.', '');
    out.push(...changesSection(report, options, detail), ...findingsSection(report, options, detail, patchFor), ...fixedSection(report, detail), ...generatedSection(report, detail), ...egressSection(report, detail), ...notEvaluableSection(report, detail));
    if (step > 0) {
        const what = detail.findingText
            ? 'Parts of this report'
            : 'Messages, fixes and other parts of this report';
        out.push(`_${what} were shortened to fit in one comment: see the job summary._`, '');
    }
    return `${out.join('\n')}\n`;
}
/** Markdown report for the PR comment and the job summary; shortened section by section to fit `maxLength`. */
function renderMarkdown(report, options = {}) {
    const limit = options.maxLength ?? Infinity;
    const patchFor = patchMaker(report.findings, options.files ?? report.context?.files, options.suggested);
    for (const [step, detail] of DETAIL_STEPS.entries()) {
        const body = markdown_render(report, options, detail, step, patchFor);
        if (body.length <= limit)
            return body;
    }
    return `${COMMENT_MARKER}\n### dynakube-istio-guard\n\n${verdict(report, options.failPolicy)}\n\n_The full report is too large for a comment: see the job summary or the JSON report._\n`;
}

;// CONCATENATED MODULE: ./src/report/sarif.ts



const TOOL_NAME = 'dynakube-istio-guard';
const LEVEL = {
    error: 'error',
    warning: 'warning',
    info: 'note',
};
const PROBLEM_SEVERITY = {
    error: 'error',
    warning: 'warning',
    info: 'recommendation',
};
/** Code scanning limits descriptions to 1,024 characters. */
function sarif_short(text) {
    return text.length <= 1024 ? text : `${text.slice(0, 1021)}...`;
}
function ruleDescriptor(meta) {
    return {
        id: meta.id,
        name: meta.id
            .split('-')
            .map((word) => word[0].toUpperCase() + word.slice(1))
            .join(''),
        shortDescription: { text: sarif_short(meta.description) },
        fullDescription: { text: sarif_short(meta.description) },
        help: {
            text: `${meta.description} See ${meta.docs}`,
            markdown: `${meta.description}\n\n[Documentation](${meta.docs})`,
        },
        helpUri: meta.docs,
        defaultConfiguration: { level: LEVEL[meta.severity] },
        properties: {
            tags: ['dynatrace', 'istio', 'kubernetes'],
            precision: 'high',
            'problem.severity': PROBLEM_SEVERITY[meta.severity],
        },
    };
}
/**
 * Identity of a finding across runs: its key (rule, resource, field), not its line, so moving a line does not
 * close one alert and open another. Code scanning matches results on `primaryLocationLineHash`.
 */
function fingerprint(finding) {
    return (0,external_node_crypto_.createHash)('sha256').update(finding.key).digest('hex').slice(0, 16);
}
/**
 * Where a finding without a file is placed (a default that no file sets). Code scanning refuses a result without a
 * location ("locationFromSarifResult: expected at least one location") and an empty `uri`; this is the path
 * GitHub itself shows for alerts of no file, as OpenSSF Scorecard writes it.
 */
const NO_FILE_URI = 'no file associated with this alert';
/** Code scanning rejects a run with more results than this; it keeps the 5,000 most severe anyway. */
const MAX_RESULTS = 25_000;
function sarif_linesOf(files) {
    const split = new Map();
    return (file) => {
        const text = files?.get(file);
        if (text === undefined)
            return undefined;
        if (!split.has(file))
            split.set(file, text.split(/\r\n|\r|\n/));
        return split.get(file);
    };
}
/**
 * The finding's whole lines. GitHub's SARIF reference marks the region's columns required too: with the file's text
 * known, the region runs from column 1 to the column after the last line's end (UTF-16 code units, SARIF's default).
 */
function physicalLocation(finding, lines, uriPrefix) {
    if (finding.file === '')
        return { artifactLocation: { uri: NO_FILE_URI }, region: { startLine: 1, endLine: 1 } };
    // Lines are 1-based; a finding placed on line 0 (a default with a file) still needs a valid region.
    const startLine = Math.max(1, finding.line);
    const endLine = Math.max(finding.endLine, startLine);
    const endText = lines(finding.file)?.[endLine - 1];
    return {
        artifactLocation: { uri: `${uriPrefix}${finding.file}`.split('/').map(encodeURIComponent).join('/') },
        region: {
            startLine,
            ...(endText === undefined ? {} : { startColumn: 1 }),
            endLine,
            ...(endText === undefined ? {} : { endColumn: endText.length + 1 }),
        },
    };
}
/** The open findings code scanning takes: all of them, or the most severe when there are too many. */
function uploadable(findings) {
    const open = findings.filter((finding) => finding.status !== 'fixed');
    if (open.length <= MAX_RESULTS)
        return open;
    const kept = new Set([...open].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]).slice(0, MAX_RESULTS));
    return open.filter((finding) => kept.has(finding));
}
function result(finding, ruleIndex, lines, uriPrefix) {
    const text = finding.fix
        ? `${finding.resource}: ${finding.message} Fix: ${finding.fix.description}`
        : `${finding.resource}: ${finding.message}`;
    return {
        ruleId: finding.ruleId,
        ruleIndex,
        level: LEVEL[finding.severity],
        message: { text },
        locations: [{ physicalLocation: physicalLocation(finding, lines, uriPrefix) }],
        partialFingerprints: {
            primaryLocationLineHash: `${fingerprint(finding)}:1`,
            'dynakubeIstioGuard/v1': fingerprint(finding),
        },
        properties: { status: finding.status, resource: finding.resource },
    };
}
/** SARIF 2.1.0 log of the open findings, for `github/codeql-action/upload-sarif`. */
function buildSarif(report, options = {}) {
    const rules = [...(options.rules ?? ALL_RULES.map((rule) => rule.meta))];
    const open = uploadable(report.findings);
    for (const finding of open) {
        if (rules.some((rule) => rule.id === finding.ruleId))
            continue;
        rules.push({
            id: finding.ruleId,
            severity: finding.severity,
            description: finding.ruleId,
            docs: finding.docs,
            fixable: false,
        });
    }
    const index = new Map(rules.map((rule, i) => [rule.id, i]));
    const lines = sarif_linesOf(report.context?.files);
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: TOOL_NAME,
                        informationUri: PROJECT_HOME,
                        ...(options.toolVersion ? { semanticVersion: options.toolVersion } : {}),
                        rules: rules.map(ruleDescriptor),
                    },
                },
                results: open.map((finding) => result(finding, index.get(finding.ruleId), lines, options.uriPrefix ?? '')),
            },
        ],
    };
}
function renderSarif(report, options = {}) {
    return `${JSON.stringify(buildSarif(report, options), null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/report/text.ts





const COLORS = {
    error: '\u001b[31m',
    warning: '\u001b[33m',
    info: '\u001b[36m',
    green: '\u001b[32m',
    bold: '\u001b[1m',
    dim: '\u001b[2m',
    reset: '\u001b[0m',
};
/** `file:line`, or `(no file)` for a finding about a default that no file sets. */
function place(finding) {
    return finding.file === '' ? '(no file)' : `${visibleLine(finding.file)}:${finding.line}`;
}
function text_fixNames(findings) {
    return firstAndMore(findings.map((f) => `${f.ruleId} (${f.resource})`));
}
function text_patchNote({ kind, others }) {
    switch (kind) {
        case 'combined':
            return `this patch also makes the fix of ${text_fixNames(others)}, whose edits meet this one's: apply it once for both`;
        case 'elsewhere':
            return `its patch is the one of ${text_fixNames(others)}, which makes this fix too`;
        case 'conflict':
            return `this patch and the one of ${text_fixNames(others)} change the same lines differently: apply one, then re-run the check`;
    }
}
function text_renderFinding(finding, paint, patchFor) {
    const head = `${place(finding)}  ${paint(finding.severity, finding.severity)}  ${finding.ruleId}  [${finding.status}]`;
    const lines = [head, visibleLine(`  ${finding.resource}: ${finding.message}`)];
    if (finding.fix) {
        lines.push(visibleLine(`  fix: ${finding.fix.description}`));
        for (const command of finding.fix.commands ?? [])
            lines.push(visibleLine(`    $ ${command}`));
        const made = patchFor(finding);
        const patch = made?.patch;
        if (made?.note && (patch || made.note.kind === 'elsewhere'))
            lines.push(visibleLine(`  note: ${text_patchNote(made.note)}`));
        if (patch)
            lines.push(...visibleBlock(patch)
                .trimEnd()
                .split('\n')
                .map((line) => `    ${colorDiffLine(line, paint)}`));
    }
    lines.push(paint('dim', `  docs: ${finding.docs}`));
    return lines;
}
function colorDiffLine(line, paint) {
    if (line.startsWith('+') && !line.startsWith('+++'))
        return paint('green', line);
    if (line.startsWith('-') && !line.startsWith('---'))
        return paint('error', line);
    return line;
}
function changeLines(report) {
    if (report.changes.length === 0)
        return [];
    const out = ['What this change does:'];
    for (const change of report.changes) {
        const where = change.file ? `  (${change.file}:${change.line})` : '';
        out.push(visibleLine(`  ${change.resource}  ${changeSetting(change)}: ${formatValue(change.before)} -> ${formatValue(change.after)}${where}`));
    }
    return [...out, ''];
}
function egressLines(report, paint) {
    const map = report.context?.egress;
    if (!map)
        return [];
    const label = (id) => map.nodes.find((node) => node.id === id)?.label.replace(/\n/g, ' ') ?? id;
    const mesh = (id) => (map.nodes.find((node) => node.id === id)?.inMesh ? ' [mesh]' : '');
    const out = ['Egress paths:'];
    for (const edge of map.edges) {
        const text = `  ${label(edge.from)}${mesh(edge.from)} -> ${label(edge.to)}: ${edgeText(edge)}`;
        out.push(edge.blocked ? paint('error', visibleLine(text)) : visibleLine(text));
    }
    if (map.omittedNamespaces > 0)
        out.push(`  (${map.omittedNamespaces} more monitored namespaces)`);
    return [...out, ''];
}
/** Human output for terminals: the same content as the PR comment, findings first, verdict last. */
function renderText(report, options = { color: false }) {
    const paint = (color, text) => (options.color ? `${COLORS[color]}${text}${COLORS.reset}` : text);
    const files = options.files ?? report.context?.files;
    const out = [...changeLines(report)];
    const open = report.findings.filter((f) => f.status !== 'fixed');
    const listed = SEVERITIES.flatMap((severity) => open.filter((f) => f.severity === severity));
    const patchFor = files ? findingPatches(listed, files) : () => undefined;
    for (const finding of listed)
        out.push(...text_renderFinding(finding, paint, patchFor), '');
    const fixed = report.findings.filter((f) => f.status === 'fixed');
    if (fixed.length > 0) {
        out.push('Fixed by this change:');
        for (const finding of fixed)
            out.push(visibleLine(`  ${finding.ruleId}  ${finding.resource}  (${place(finding)})`));
        out.push('');
    }
    if (report.generated.length > 0) {
        out.push('Manifests the cluster needs:');
        for (const manifest of report.generated) {
            const file = manifest.file ? `  -> ${manifest.file}` : '';
            out.push(visibleLine(`  # ${manifest.kind} ${manifest.namespace}/${manifest.name}${file}`));
            out.push(...visibleBlock(manifest.yaml)
                .trimEnd()
                .split('\n')
                .map((line) => `    ${line}`));
        }
        out.push('');
    }
    out.push(...egressLines(report, paint));
    if (report.notEvaluable.length > 0) {
        out.push('Could not evaluate:');
        for (const note of report.notEvaluable)
            out.push(visibleLine(`  ${note.file}:${note.line}  ${note.reason}`));
        out.push('');
    }
    const { headline, counts } = verdictParts(report, options.failPolicy);
    const color = { fail: 'error', attention: 'warning', pass: 'green' };
    out.push(`${paint(color[outcome(report, options.failPolicy)], paint('bold', headline))} — ${counts}`);
    return `${out.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
;// CONCATENATED MODULE: ./src/cli-commands.ts






















const USAGE = `Usage: dynakube-istio-guard check [options]

Reviews DynaKube and Istio configuration: what breaks, on base and head of a change.

Options:
  --base <dir|git-ref>     the state before the change (a directory, or a git ref in --repo)
  --head <dir|git-ref>     the state after the change (default: the working tree of --repo)
  --repo <path>            the repository (default: .)
  --config <file>          config file (default: .github/dynakube-istio-guard.yml in --repo, if present)
  --format <f>             text | json | markdown | sarif (default: text)
  --output <file>          write the report to a file instead of stdout (its folder is made if missing)
  --fail-on <level>        error | warning | info | never (default: error)
  --fail-scope <scope>     new | all (default: new)
  --rule <id=level>        change a rule's severity or switch it off (repeatable), e.g. --rule cni-csi-deadlock=off
  --dynatrace-api-url <url>
                           Dynatrace API URL for the generated ServiceEntries; with the token in the
                           DT_API_TOKEN environment variable, OneAgent / ActiveGate endpoints are queried live
  --generate <scope>       needed | all: which manifests to generate (default: needed, what the mesh calls for)
  --output-dir <dir>       write generated manifests (<dir>/generated/<namespace>.yaml) and report.json
  --istio-version <v>      Istio version of installs the repository does not pin (default: the newest release)
  --kubernetes-version <v> the cluster's Kubernetes version: decides Istio's "auto" native sidecars (on from 1.33)
  --paths <glob>           files to read (repeatable; default **/*.yaml, **/*.yml)
  --exclude <glob>         files to skip (repeatable)
  -h, --help               show this help
  --version                print the version

Paths given on the command line (--repo, --base, --head, --config, --output, --output-dir) are relative to the
current directory, as in kubectl or eslint; only the default config file is looked up in --repo. Globs (--paths,
--exclude, the config file's) match paths relative to the tree read: --repo, or a --head / --base folder.

Exit status: 0 pass, 1 findings at or above --fail-on, 2 bad invocation, unreadable input, a glob that cannot
be parsed (--paths, --exclude or the config file), --paths that match no file, or an output that cannot be
written.

       dynakube-istio-guard model [--head <dir|git-ref>] [--repo <path>] [--config <file>] [--output <file>]
                                  [--paths <glob>] [--exclude <glob>] [--istio-version <v>]
                                  [--kubernetes-version <v>]

Prints the effective Dynatrace and mesh facts the rules see (outbound policy, mTLS and data-plane mode per
namespace, CNI, native sidecars, versions, operator namespace, CSI driver), each with the file and line it
comes from, and what could not be evaluated.`;
class UsageError extends Error {
}
const FORMATS = ['text', 'json', 'markdown', 'sarif'];
const FAIL_ON = ['error', 'warning', 'info', 'never'];
const FAIL_SCOPE = ['new', 'all'];
function oneOf(name, value, allowed, fallback) {
    if (value === undefined)
        return fallback;
    if (!allowed.includes(value)) {
        throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got '${value}')`);
    }
    return value;
}
function parseRuleFlags(flags) {
    const known = new Set(ALL_RULES.map((rule) => rule.meta.id));
    const settings = {};
    for (const flag of flags) {
        const [id, level, ...rest] = flag.split('=');
        if (!known.has(id))
            throw new UsageError(`--rule: unknown rule '${id}'`);
        const setting = rest.length === 0 ? ruleLevel(level) : undefined;
        if (!setting)
            throw new UsageError(`--rule ${flag}: write <id>=<error|warning|info|off>`);
        settings[id] = setting;
    }
    return settings;
}
/**
 * The globs of a repeatable `--paths` / `--exclude` flag, refusing one picomatch cannot parse: it would match
 * nothing, so the run would silently read (or skip) no file.
 */
function globFlag(flag, globs) {
    const unreadable = (globs ?? []).find(isUnreadableGlob);
    if (unreadable !== undefined)
        throw new InputError(`--${flag} has a glob that is not valid: '${unreadable}'`);
    return globs ?? [];
}
function cli_commands_render(report, format, options) {
    const { toTerminal, failPolicy, uriPrefix } = options;
    if (format === 'json')
        return renderJson(report);
    if (format === 'markdown')
        return renderMarkdown(report, { failPolicy });
    if (format === 'sarif')
        return renderSarif(report, { toolVersion: package_namespaceObject.rE, uriPrefix });
    return renderText(report, { color: toTerminal && !process.env.NO_COLOR, failPolicy });
}
/**
 * The chart mappings of an explicit `--config` file for the model build. Without `--config` the build reads the tree's
 * own config file, so each side of a check uses the mappings of its own revision.
 */
function chartsOf(explicitConfig, config) {
    return explicitConfig ? { charts: chartGlobsFromConfig(config.raw) } : {};
}
/** `--paths` that match no file would pass a run that read nothing: a mistyped glob must not look like a clean tree. */
function refuseUnmatchedPaths(paths, filesListed, where) {
    if (paths.length > 0 && filesListed === 0)
        throw new InputError(`--paths ${paths.join(', ')} matches no file ${where}`);
}
/** `DKIG_STATS=1`: one JSON line on stderr with counts, time and peak memory, for `npm run bench`. */
function writeStats(stats) {
    const usage = process.resourceUsage();
    const line = {
        ...stats,
        ms: Math.round(performance.now()),
        cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
        maxRssMB: Math.round(usage.maxRSS / 1024),
    };
    process.stderr.write(`dkig-stats ${JSON.stringify(line)}\n`);
}
/**
 * Whether `text` parses as an http(s) URL with a host. A looser test let `http://host:port-typo` through, and the
 * generator, unable to read it, then queried each DynaKube's own tenant with the token.
 */
function isHttpUrl(text) {
    try {
        const url = new URL(text);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '';
    }
    catch {
        return false;
    }
}
/** The API token only comes from the environment, so it never shows in a process list or shell history. */
function generateOptions(apiUrl, scope) {
    // Not repeated in the message: a URL may carry the token (userinfo, query), and stderr ends up in CI logs.
    if (apiUrl !== undefined && !isHttpUrl(apiUrl)) {
        throw new UsageError('--dynatrace-api-url must be an http(s) URL, e.g. https://<environment-id>.live.dynatrace.com/api');
    }
    const token = process.env.DT_API_TOKEN?.trim();
    return {
        scope: oneOf('generate', scope, ['needed', 'all'], 'needed'),
        ...(apiUrl || token
            ? {
                dynatrace: {
                    ...(apiUrl ? { apiUrl } : {}),
                    ...(token ? { token } : {}),
                    timeoutMs: requestTimeoutMs(DEFAULT_TIMEOUT_MS),
                },
            }
            : {}),
    };
}
/** The flags of `check`, as `parseArgs` takes them; the help text and the README list each one. */
const CHECK_OPTIONS = {
    base: { type: 'string' },
    head: { type: 'string' },
    repo: { type: 'string', default: '.' },
    config: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string' },
    'fail-on': { type: 'string' },
    'fail-scope': { type: 'string' },
    rule: { type: 'string', multiple: true, default: [] },
    paths: { type: 'string', multiple: true, default: [] },
    exclude: { type: 'string', multiple: true, default: [] },
    'dynatrace-api-url': { type: 'string' },
    generate: { type: 'string' },
    'output-dir': { type: 'string' },
    'istio-version': { type: 'string' },
    'kubernetes-version': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' },
};
/** The flags of `model`. */
const MODEL_OPTIONS = {
    head: { type: 'string' },
    repo: { type: 'string', default: '.' },
    config: { type: 'string' },
    output: { type: 'string' },
    paths: { type: 'string', multiple: true, default: [] },
    exclude: { type: 'string', multiple: true, default: [] },
    'istio-version': { type: 'string' },
    'kubernetes-version': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' },
};
/** `--istio-version` / `--kubernetes-version`, each checked to name a release. */
function assumedVersions(values) {
    const assume = {};
    for (const [flag, key] of [
        ['istio-version', 'istioVersion'],
        ['kubernetes-version', 'kubernetesVersion'],
    ]) {
        const value = values[flag];
        if (value === undefined)
            continue;
        const problem = assumedVersionProblem(`--${flag}`, value);
        if (problem)
            throw new UsageError(problem);
        assume[key] = value.trim();
    }
    return Object.keys(assume).length > 0 ? { assume } : {};
}
/**
 * The flags of one command, refusing an empty value (`--base=`, `--output ""`): taken as given it would read as
 * the flag left out (no base, so no diff; the report on stdout) without a word, or reach a glob parser that throws.
 */
function parseFlags(args, options) {
    const { values } = (0,external_node_util_.parseArgs)({ args, options, strict: true, allowPositionals: false });
    for (const [name, value] of Object.entries(values)) {
        const empty = Array.isArray(value) ? value.some((item) => item === '') : value === '';
        if (empty)
            throw new UsageError(`--${name} needs a value`);
    }
    return values;
}
function printVersion() {
    process.stdout.write(`dynakube-istio-guard ${package_namespaceObject.rE}\n`);
    return 0;
}
async function runCheck(args) {
    const values = parseFlags(args, CHECK_OPTIONS);
    if (values.help) {
        process.stdout.write(`${USAGE}\n`);
        return 0;
    }
    if (values.version)
        return printVersion();
    const paths = globFlag('paths', values.paths);
    const excluded = globFlag('exclude', values.exclude);
    const format = oneOf('format', values.format, FORMATS, 'text');
    const failOn = oneOf('fail-on', values['fail-on'], FAIL_ON, 'error');
    const failScope = oneOf('fail-scope', values['fail-scope'], FAIL_SCOPE, 'new');
    const repo = values.repo ?? '.';
    const repoStat = await external_node_fs_.promises.stat(repo).catch(() => undefined);
    if (!repoStat?.isDirectory())
        throw new InputError(`--repo ${repo} is not a directory`);
    const config = await loadConfig(repo, values.config, process.cwd());
    const settings = { ...config.rules, ...parseRuleFlags(values.rule ?? []) };
    const { report, stats } = await check({
        repo,
        cwd: process.cwd(),
        ...(values.head ? { head: values.head } : {}),
        ...(values.base ? { base: values.base } : {}),
        selection: {
            include: paths.length > 0 ? paths : config.include,
            exclude: [
                ...config.exclude,
                ...excluded,
                ...(await ownOutputsIn(repo, [values.head, values.base], {
                    dirs: values['output-dir'] ? [values['output-dir']] : [],
                    files: values.output ? [values.output] : [],
                })),
            ],
        },
        settings,
        ...chartsOf(values.config, config),
        ...assumedVersions(values),
        generate: generateOptions(values['dynatrace-api-url'], values.generate),
    });
    refuseUnmatchedPaths(paths, stats?.files, 'on either side: nothing was checked');
    const output = cli_commands_render(report, format, {
        toTerminal: !values.output && process.stdout.isTTY === true,
        failPolicy: { failOn, failScope },
        uriPrefix: format === 'sarif' ? await treeFolderInGit(repo, values.head) : '',
    });
    if (process.env.DKIG_STATS === '1')
        writeStats(stats);
    if (values.output)
        await writeOutputFile(values.output, output);
    else
        process.stdout.write(output);
    const outputDir = values['output-dir'];
    if (outputDir) {
        await writeOutputFile(external_node_path_default().join(outputDir, 'report.json'), renderJson(report));
        await writeGeneratedManifests(outputDir, report.generated);
    }
    const failing = format_failingFindings(report, { failOn, failScope });
    // JSON and SARIF have no headline: when the check fails on something else than new errors (unchanged findings
    // with --fail-scope all, warnings with --fail-on warning), one line says why it exits 1.
    if (failing.length > 0 && !report.findings.some((f) => f.status === 'new' && f.severity === 'error'))
        process.stderr.write(`dynakube-istio-guard: failing on ${failing.length} ${failScope === 'new' ? 'new' : 'open'} finding(s) at or above '${failOn}'\n`);
    return failing.length > 0 ? 1 : 0;
}
/**
 * Exclude globs for this run's outputs inside the trees it reads: `--repo`, and `--head` / `--base` when they are
 * folders (paths of a folder side are relative to it). Paths on the command line are taken from the current directory.
 */
async function ownOutputsIn(repo, sides, outputs) {
    const roots = [repo];
    for (const side of sides) {
        const folder = await folderOfSide(side);
        if (folder)
            roots.push(folder);
    }
    return [...new Set(roots.flatMap((root) => ownOutputExcludes(root, outputs)))];
}
/** The folder a `--head` / `--base` names (from the current directory), or undefined for a git ref or none. */
async function folderOfSide(side) {
    if (side === undefined)
        return undefined;
    const folder = external_node_path_default().resolve(side);
    return (await engine_isDirectory(folder)) ? folder : undefined;
}
/**
 * Where the tree read (a `--head` folder, else `--repo`) lies below the top of its git repository (`clusters/prod/`),
 * for SARIF: code scanning resolves paths from the repository's top. Empty at the top, and outside git.
 */
async function treeFolderInGit(repo, head) {
    const tree = (await folderOfSide(head)) ?? repo;
    return (await git(tree, ['rev-parse', '--show-prefix']).catch(() => '')).trim();
}
/** `model`: the effective facts of one tree with their origins, for a person checking what the tool read. */
async function runModel(args) {
    const values = parseFlags(args, MODEL_OPTIONS);
    if (values.help) {
        process.stdout.write(`${USAGE}\n`);
        return 0;
    }
    if (values.version)
        return printVersion();
    const paths = globFlag('paths', values.paths);
    const excluded = globFlag('exclude', values.exclude);
    const repo = values.repo ?? '.';
    const repoStat = await external_node_fs_.promises.stat(repo).catch(() => undefined);
    if (!repoStat?.isDirectory())
        throw new InputError(`--repo ${repo} is not a directory`);
    const config = await loadConfig(repo, values.config, process.cwd());
    const selection = {
        include: paths.length > 0 ? paths : config.include,
        exclude: [...config.exclude, ...excluded],
    };
    const source = values.head
        ? await resolveSource(repo, values.head, selection, { cwd: process.cwd() })
        : directorySource(repo, selection);
    const cache = new ParseCache();
    // As check builds it: an explicit config file's chart mappings decide which values files belong to which chart.
    const model = await loadModel(source, cache, {
        ...chartsOf(values.config, config),
        ...assumedVersions(values),
    });
    refuseUnmatchedPaths(paths, cache.stats.files, 'in the tree read: no fact to show');
    const output = explainModel(model);
    if (values.output)
        await writeOutputFile(values.output, output);
    else
        process.stdout.write(output);
    return 0;
}
/** Runs one command line (without `node` and the script) and returns the exit status; never throws. */
async function main(argv) {
    const [command, ...rest] = argv;
    try {
        if (command === undefined)
            throw new UsageError("no command given (try 'check', 'model' or 'help')");
        if (command === '-h' || command === '--help' || command === 'help') {
            process.stdout.write(`${USAGE}\n`);
            return 0;
        }
        if (command === '--version' || command === 'version')
            return printVersion();
        if (command === 'model')
            return await runModel(rest);
        if (command !== 'check')
            throw new UsageError(`unknown command '${command}' (try 'check' or 'model')`);
        return await runCheck(rest);
    }
    catch (error) {
        const known = error instanceof UsageError ||
            error instanceof InputError ||
            error instanceof ConfigError ||
            error instanceof GitError ||
            error instanceof OutputError;
        const isArgError = error.code?.startsWith('ERR_PARSE_ARGS');
        const message = known || isArgError ? error.message : `internal error: ${error.message}`;
        process.stderr.write(`dynakube-istio-guard: ${message.split('\n')[0]}\n`);
        return 2;
    }
}


/***/ }),

/***/ 6746:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cf: () => (/* binding */ validateVirtualServiceSpec),
/* harmony export */   XR: () => (/* binding */ distinguishesHosts),
/* harmony export */   _n: () => (/* binding */ rejectedByIstio),
/* harmony export */   dO: () => (/* binding */ validateServiceEntrySpec),
/* harmony export */   fy: () => (/* binding */ serviceEntryErrors),
/* harmony export */   z3: () => (/* binding */ isDns1123Label)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _model_read_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(549);
/* harmony import */ var _model_placeholders_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(891);



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
function list(value) {
    return Array.isArray(value) ? value : [];
}
function text(value) {
    return typeof value === 'string' ? value : undefined;
}
/** `namespace`, when known, is the entry's own: `validateExportTo` takes `.` as that name when looking for duplicates. */
function validateServiceEntrySpec(spec, namespace) {
    const problems = [];
    const add = (message, path, severity = 'error') => problems.push({ severity, message, path });
    if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
        add('spec is missing', []);
        return problems;
    }
    const se = spec;
    const hosts = list(se.hosts).map((host) => text(host) ?? '');
    const resolution = text(se.resolution) ?? 'NONE';
    const endpoints = list(se.endpoints);
    if (hosts.length === 0)
        add('service entry must have at least one host', ['hosts']);
    hosts.forEach((host, index) => checkHost(host, resolution, (message, severity) => add(message, ['hosts', index], severity)));
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
    if (resolution === 'DYNAMIC_DNS')
        checkDynamicDns(se, hosts, add);
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
function serviceEntryErrors(entry) {
    const spec = (0,_model_read_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .qY)((0,_model_read_js__WEBPACK_IMPORTED_MODULE_1__/* .getIn */ .O6)(entry.document.value, ['spec']));
    if (!spec || (0,_model_placeholders_js__WEBPACK_IMPORTED_MODULE_2__/* .isPlaceholder */ .wK)(JSON.stringify(spec)))
        return undefined;
    return validateServiceEntrySpec(spec, entry.namespace ?? 'default').filter((problem) => problem.severity === 'error');
}
const rejected = new WeakMap();
/**
 * Whether the API server rejects this entry, so it declares nothing: an entry that breaks Istio's validation
 * covers no host. An entry that cannot be judged counts as accepted (no false alarms on templates).
 */
function rejectedByIstio(entry) {
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
function checkHost(host, resolution, add) {
    if (host === '*')
        return add('hostname cannot be wildcard "*"');
    if (host === '')
        return add('empty host');
    if (host.length > 255)
        return add(`invalid host "${host}": longer than 255 characters`);
    // `ValidatePartialWildCard`: a warning for any `*` that is not the whole first label, except with DYNAMIC_DNS.
    if (host.includes('*') && !host.startsWith('*.') && resolution !== 'DYNAMIC_DNS')
        add(`partial wildcard "${host}" is not allowed`, 'warning');
    const [first, ...rest] = host.split('.');
    if (!WILDCARD_LABEL.test(first) || first.length > 63)
        return add(`invalid host "${host}"`);
    const last = rest.length - 1;
    if (rest.some((label, index) => !(index === last && label === '') && !isDns1123Label(label)))
        return add(`invalid host "${host}"`);
    if (rest.length > 0 && /^[0-9]+$/.test(rest[last]))
        add(`invalid host "${host}": the top-level domain cannot be all-numeric`);
}
/** A DNS-1123 label in any case (Istio's port names and hosts; Kubernetes object names are lower case). */
function isDns1123Label(label) {
    return label.length <= 63 && DNS1123_LABEL.test(label);
}
/** Ports a DYNAMIC_DNS entry may have: HTTP in Istio 1.28, also TLS, GRPC and HTTP2 from 1.30. */
const DYNAMIC_DNS_PROTOCOLS = ['HTTP', 'TLS', 'GRPC', 'HTTP2'];
/**
 * `resolution: DYNAMIC_DNS` (Istio 1.28+) resolves the request's host at request time: `ValidateServiceEntry` wants
 * only wildcard hosts, no `addresses`, no `endpoints`, and HTTP-routable ports.
 */
function checkDynamicDns(se, hosts, add) {
    hosts.forEach((host, index) => {
        if (!host.startsWith('*'))
            add(`host must be wildcarded for resolution mode DYNAMIC_DNS: "${host}"`, ['hosts', index]);
    });
    if (list(se.addresses).length > 0)
        add('addresses cannot be set for resolution type DYNAMIC_DNS', ['addresses']);
    if (list(se.endpoints).length > 0)
        add('endpoints cannot be set for resolution type DYNAMIC_DNS', ['endpoints']);
    list(se.ports).forEach((item, index) => {
        const protocol = (text((item ?? {}).protocol) ?? '').toUpperCase();
        if (!DYNAMIC_DNS_PROTOCOLS.includes(protocol))
            add(`protocol "${protocol}" is not supported for resolution type DYNAMIC_DNS`, [
                'ports',
                index,
                'protocol',
            ]);
    });
}
function checkEnum(se, key, allowed, add) {
    const value = se[key];
    if (value === undefined || value === null || (typeof value === 'string' && allowed.includes(value)))
        return;
    add(`${key} "${String(value)}" is not one of ${allowed.join(', ')} (the names are case-sensitive)`, [key]);
}
function checkPorts(se, add) {
    const names = new Set();
    const numbers = new Set();
    list(se.ports).forEach((item, index) => {
        const port = (item ?? {});
        const name = text(port.name) ?? '';
        const number = port.number;
        if (names.has(name))
            add(`service entry port name "${name}" already defined`, ['ports', index, 'name']);
        names.add(name);
        if (!isDns1123Label(name))
            add(`invalid port name "${name}"`, ['ports', index, 'name']);
        if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > 65535) {
            add(`port number ${String(number)} is not between 1 and 65535`, ['ports', index, 'number']);
        }
        else if (numbers.has(number)) {
            add(`service entry port ${number} already defined`, ['ports', index, 'number']);
        }
        else
            numbers.add(number);
        const protocol = text(port.protocol);
        if (protocol !== undefined && protocol !== '' && !PROTOCOLS.includes(protocol.toUpperCase())) {
            add(`unsupported protocol "${protocol}"`, ['ports', index, 'protocol']);
        }
        const target = port.targetPort;
        if (target !== undefined &&
            (typeof target !== 'number' || !Number.isInteger(target) || target < 1 || target > 65535)) {
            add(`targetPort ${String(target)} is not between 1 and 65535`, ['ports', index, 'targetPort']);
        }
    });
}
/** Whether a port protocol (upper case) tells hosts apart: by the Host header (HTTP) or SNI (TLS); plain TCP cannot. */
function distinguishesHosts(protocol) {
    return HTTP_PROTOCOLS.includes(protocol) || TLS_PROTOCOLS.includes(protocol);
}
function portsDistinguishHosts(se) {
    return list(se.ports).every((item) => distinguishesHosts((text((item ?? {}).protocol) ?? '').toUpperCase()));
}
function checkAddresses(se, resolution, add) {
    list(se.addresses).forEach((item, index) => {
        const address = text(item) ?? '';
        const [ip, prefix, extra] = address.split('/');
        const family = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(ip);
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
function checkExportTo(se, namespace, add) {
    const exportTo = list(se.exportTo).map((item) => text(item) ?? '');
    if (exportTo.length > 1 && exportTo.includes('*'))
        add('exportTo "*" cannot be combined with other namespaces', ['exportTo']);
    if (exportTo.length > 1 && exportTo.includes('~'))
        add('cannot export service entry to no one (~) and someone', ['exportTo']);
    const keys = exportTo.map((entry) => (entry === '.' && namespace ? namespace : entry));
    if (new Set(keys).size !== keys.length)
        add('duplicate entries in exportTo', ['exportTo']);
    exportTo.forEach((entry, index) => {
        if (!['.', '*', '~'].includes(entry) && !isDns1123Label(entry))
            add(`exportTo "${entry}" is not ".", "*", "~" or a namespace name`, ['exportTo', index]);
    });
}
/** The VirtualService checks that matter for generated objects: hosts present and distinct, some route. */
function validateVirtualServiceSpec(spec) {
    const problems = [];
    const vs = (spec ?? {});
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


/***/ }),

/***/ 891:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NN: () => (/* binding */ RELEVANT_VALUES),
/* harmony export */   P5: () => (/* binding */ placeholderIn),
/* harmony export */   m7: () => (/* binding */ scanPlaceholders),
/* harmony export */   rA: () => (/* binding */ RELEVANT_PATHS),
/* harmony export */   wK: () => (/* binding */ isPlaceholder)
/* harmony export */ });
/* unused harmony export DYNAKUBE_ANNOTATIONS_READ */
/* harmony import */ var _read_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(549);

/** Values that are filled in at deploy time: the text in the repository is not what the cluster gets. */
const PLACEHOLDERS = [
    { pattern: /\{\{[^}]*\}\}/, kind: 'a Helm/Go template' },
    { pattern: /\$\{ARGOCD_ENV_[A-Za-z0-9_]+\}/, kind: 'an Argo CD plugin variable' },
    { pattern: /\$\{[A-Za-z_][A-Za-z0-9_]*(?::?[-=+?][^}]*)?\}/, kind: 'a substitution variable' },
    { pattern: /<path:[^>]+>/, kind: 'an argocd-vault-plugin placeholder' },
    // `TENANTURL_TOREPLACE` and `DT_TENANT_URL_TO_REPLACE` / `ENVIRONMENT_URL_TO_REPLACE` (both spellings in the
    // Dynatrace workshop repositories, isItObservable/*, henrikrexed/*, replaced by their `sed` scripts).
    { pattern: /\b[A-Z][A-Z0-9_]*_(?:PLACEHOLDER|TO_?REPLACE)\b/, kind: 'a placeholder token' },
    // `sed -i "s/REPLACE_TENANT_ID/$TENANT_ID/g"` (dt-wv/aiops-easytrade .devcontainer/post-attach.sh).
    { pattern: /\bREPLACE_[A-Z0-9_]*[A-Z0-9]\b/, kind: 'a placeholder token' },
    { pattern: /\bpatch-me\S*/, kind: 'a placeholder an overlay replaces' },
];
/** What kind of placeholder `text` holds, with the placeholder itself; undefined for a literal value. */
function placeholderIn(text) {
    for (const { pattern, kind } of PLACEHOLDERS) {
        const found = pattern.exec(text);
        if (found)
            return { match: found[0], kind };
    }
    return undefined;
}
/**
 * Markers that make a whole value unknown though {@link placeholderIn} does not list them as a placeholder of the
 * repository: the documented example tenant (`ENVIRONMENTID`), a shell or Kubernetes `$(VAR)` expansion, a
 * `<name>`-style blank to fill in, a bare Argo CD plugin variable, a lower-case `_placeholder` token, and the
 * openings of templates and substitutions even when they are not closed on the same value.
 */
const UNKNOWN_VALUE_MARKERS = /ENVIRONMENTID|\$\(|\$\{|\{\{|<path:|<[A-Za-z_-]+>|ARGOCD_ENV_|_PLACEHOLDER/i;
/**
 * Whether a value is substituted at deploy time, so that no rule, fix or generated object may take it literally.
 * The one answer for every rule and the generator (they used to keep five lists of markers, each missing some).
 */
function isPlaceholder(value) {
    return UNKNOWN_VALUE_MARKERS.test(value) || placeholderIn(value) !== undefined;
}
const MAX_DEPTH = 40;
const MAX_REPORTS_PER_SCAN = 50;
/**
 * Reports every string under `path` in `document` that is a placeholder, each at its own line. Keys are checked
 * too (`${NAME}: x`). The walk is bounded so a huge document costs little.
 */
function scanPlaceholders(document, path, value, where) {
    const found = [];
    const visit = (node, at, depth) => {
        if (found.length >= MAX_REPORTS_PER_SCAN || depth > MAX_DEPTH)
            return;
        if (typeof node === 'string') {
            const placeholder = placeholderIn(node);
            if (placeholder)
                found.push(report(document, at, where, placeholder));
            return;
        }
        if (Array.isArray(node)) {
            node.forEach((item, index) => visit(item, [...at, index], depth + 1));
            return;
        }
        const record = (0,_read_js__WEBPACK_IMPORTED_MODULE_0__/* .asRecord */ .qY)(node);
        if (!record)
            return;
        for (const [key, item] of Object.entries(record)) {
            const keyPlaceholder = placeholderIn(key);
            if (keyPlaceholder)
                found.push(report(document, [...at, key], where, keyPlaceholder));
            visit(item, [...at, key], depth + 1);
        }
    };
    visit(value, path, 0);
    return found;
}
function report(document, path, where, placeholder) {
    return {
        file: document.file,
        line: document.lineAt(path) ?? document.line,
        reason: `${where} ${path.join('.')}: ${placeholder.match} is ${placeholder.kind}, filled in at deploy time; not evaluated`,
    };
}
/**
 * The DynaKube annotations a rule reads: placeholders in the others (the `…-cluster-name` of Kubernetes monitoring,
 * `CLUSTER_NAME_TO_REPLACE` in the workshop repositories) change no finding. Read in model/dynakube.ts
 * (`automatic-injection`), model/monitored-namespaces.ts (`ignored-namespaces`), rules/code-modules-pull.ts
 * (`node-image-pull`, the public-registry flags) and rules/dynakube-api-version.ts (`metadata-enrichment`).
 */
const DYNAKUBE_ANNOTATIONS_READ = [
    'feature.dynatrace.com/automatic-injection',
    'feature.dynatrace.com/ignored-namespaces',
    'feature.dynatrace.com/node-image-pull',
    'feature.dynatrace.com/use-public-registry',
    'feature.dynatrace.com/public-registry',
    'feature.dynatrace.com/metadata-enrichment',
];
/** The fields of each kind that a rule reads; placeholders elsewhere (image tags, resources) do not matter. */
const RELEVANT_PATHS = {
    DynaKube: [
        ['metadata', 'name'],
        ['metadata', 'namespace'],
        ...DYNAKUBE_ANNOTATIONS_READ.map((key) => ['metadata', 'annotations', key]),
        ['spec', 'apiUrl'],
        ['spec', 'enableIstio'],
        ['spec', 'networkZone'],
        ['spec', 'namespaceSelector'],
        ['spec', 'oneAgent'],
        ['spec', 'activeGate'],
    ],
    Namespace: [['metadata']],
    PeerAuthentication: [['metadata', 'namespace'], ['spec']],
    ServiceEntry: [['metadata', 'namespace'], ['spec']],
    VirtualService: [
        ['metadata', 'namespace'],
        ['spec', 'hosts'],
        ['spec', 'exportTo'],
    ],
    Sidecar: [['metadata', 'namespace'], ['spec']],
    HelmRelease: [
        ['metadata', 'namespace'],
        ['spec', 'chart'],
        ['spec', 'chartRef'],
        ['spec', 'targetNamespace'],
    ],
    Application: [
        ['spec', 'destination', 'namespace'],
        ['spec', 'source', 'chart'],
        ['spec', 'source', 'targetRevision'],
        ['spec', 'sources'],
    ],
    IstioOperator: [
        ['spec', 'profile'],
        ['spec', 'tag'],
        ['spec', 'revision'],
        ['spec', 'meshConfig'],
        ['spec', 'components', 'cni'],
        ['spec', 'components', 'pilot', 'k8s', 'env'],
        ['spec', 'values', 'meshConfig'],
        ['spec', 'values', 'pilot'],
        ['spec', 'values', 'cni'],
        ['spec', 'values', 'compatibilityVersion'],
    ],
    Istio: [
        ['spec', 'version'],
        ['spec', 'namespace'],
        ['spec', 'profile'],
    ],
    IstioCNI: [
        ['spec', 'version'],
        ['spec', 'namespace'],
        ['spec', 'profile'],
    ],
    ConfigMap: [['data', 'mesh']],
};
/** Chart values a rule reads (the same for every chart: keys of other charts are simply absent). */
const RELEVANT_VALUES = [
    ['meshConfig'],
    ['pilot', 'env'],
    ['pilot', 'cni'],
    ['env'],
    ['cni'],
    ['istio_cni'],
    ['podAnnotations'],
    ['ambient'],
    ['excludeNamespaces'],
    ['profile'],
    ['compatibilityVersion'],
    ['revision'],
    ['platform'],
    ['global', 'profile'],
    ['global', 'platform'],
    ['global', 'istioNamespace'],
    ['csidriver'],
];


/***/ }),

/***/ 549:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $N: () => (/* binding */ deepMerge),
/* harmony export */   MY: () => (/* binding */ parseGoBool),
/* harmony export */   O6: () => (/* binding */ getIn),
/* harmony export */   Qi: () => (/* binding */ stringMap),
/* harmony export */   _j: () => (/* binding */ asArray),
/* harmony export */   ah: () => (/* binding */ metadataStrings),
/* harmony export */   cn: () => (/* binding */ fieldPath),
/* harmony export */   i: () => (/* binding */ asNumber),
/* harmony export */   nZ: () => (/* binding */ nonStringKeys),
/* harmony export */   oJ: () => (/* binding */ asString),
/* harmony export */   qY: () => (/* binding */ asRecord),
/* harmony export */   tB: () => (/* binding */ asBoolean)
/* harmony export */ });
/** Small, total readers over plain YAML values: they never throw on a wrong type, they return undefined. */
function asRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}
function asArray(value) {
    return Array.isArray(value) ? value : [];
}
function asString(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return undefined;
}
/** Kubernetes booleans; strings such as "true" are accepted because Helm values often quote them. */
function asBoolean(value) {
    if (typeof value === 'boolean')
        return value;
    if (typeof value === 'string') {
        const lower = value.trim().toLowerCase();
        if (['true', 'yes', 'on'].includes(lower))
            return true;
        if (['false', 'no', 'off'].includes(lower))
            return false;
    }
    return undefined;
}
function getIn(value, path) {
    let current = value;
    for (const segment of path) {
        if (Array.isArray(current) && typeof segment === 'number')
            current = current[segment];
        else {
            const record = asRecord(current);
            if (!record)
                return undefined;
            current = record[String(segment)];
        }
    }
    return current;
}
/** A map of string to string (labels, annotations); non-string values are stringified, other entries dropped. */
function stringMap(value) {
    const record = asRecord(value);
    const result = {};
    if (!record)
        return result;
    for (const [key, item] of Object.entries(record)) {
        const text = asString(item);
        if (text !== undefined)
            result[key] = text;
    }
    return result;
}
/** `spec.x.matchExpressions[0].key`, as kubectl names a field. */
function fieldPath(path) {
    return path
        .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i ? `.${segment}` : segment))
        .join('');
}
/**
 * The labels or annotations of a Kubernetes object as the cluster takes them: string values only. A boolean, number
 * or null written unquoted (`sidecar.istio.io/inject: false`) is not an opt-out or opt-in the cluster ever sees (the
 * API server rejects the object), so it is left out here; `shapeNotes` says so at its line. The same holds for the
 * label maps of selectors and of `activeGate.labels` in custom resources whose schema types the values `string`.
 */
function metadataStrings(value) {
    const result = {};
    for (const [key, item] of Object.entries(asRecord(value) ?? {}))
        if (typeof item === 'string')
            result[key] = item;
    return result;
}
/**
 * Keys of a map (labels, annotations) whose value is a boolean or number, not a string: `stringMap` reads them as text,
 * but the API server rejects the object (Helm's `toYaml` renders an unquoted `false` as it is).
 */
function nonStringKeys(value) {
    return Object.entries(asRecord(value) ?? {})
        .filter(([, item]) => typeof item === 'boolean' || typeof item === 'number')
        .map(([key]) => key);
}
/** Deep merge where `override` wins; arrays are replaced, as Helm does. */
function deepMerge(base, override) {
    const result = { ...base };
    for (const [key, value] of Object.entries(override)) {
        const left = asRecord(result[key]);
        const right = asRecord(value);
        result[key] = left && right ? deepMerge(left, right) : value;
    }
    return result;
}
function asNumber(value) {
    if (typeof value === 'number' && Number.isFinite(value))
        return value;
    if (typeof value === 'string' && /^\d+$/.test(value.trim()))
        return Number(value.trim());
    return undefined;
}
/**
 * A boolean as Go programs (the Dynatrace Operator, istiod before 1.27) parse it: `strconv.ParseBool` (`1`, `t`, `T`, `true`, `True`, `TRUE`
 * and `0`, `f`, `F`, `false`, `False`, `FALSE`), no trimming; undefined for anything else, where the operator keeps
 * the setting's default.
 */
function parseGoBool(raw) {
    if (raw === undefined)
        return undefined;
    if (GO_TRUE_VALUES.has(raw))
        return true;
    return GO_FALSE_VALUES.has(raw) ? false : undefined;
}
const GO_TRUE_VALUES = new Set(['1', 't', 'T', 'true', 'True', 'TRUE']);
const GO_FALSE_VALUES = new Set(['0', 'f', 'F', 'false', 'False', 'FALSE']);


/***/ })

};
