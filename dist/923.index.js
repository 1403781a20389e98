export const id = 923;
export const ids = [923];
export const modules = {

/***/ 5923:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   validateIstioObject: () => (/* binding */ validateIstioObject)
/* harmony export */ });
/* unused harmony export closeObjectSchemas */
/* harmony import */ var _validate_service_entry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6746);

/** Kubernetes-only schema keywords: Ajv must know them to leave them alone (CEL rules are checked in code). */
const KUBERNETES_KEYWORDS = [
    'x-kubernetes-validations',
    'x-kubernetes-list-map-keys',
    'x-kubernetes-list-type',
    'x-kubernetes-preserve-unknown-fields',
    'x-kubernetes-int-or-string',
];
/**
 * `kubectl apply` validates fields strictly: an unknown field is an error, not silently pruned. The CRD schema
 * does not say so itself, so every object schema with `properties` is closed unless it preserves unknown fields.
 */
function closeObjectSchemas(node) {
    if (Array.isArray(node))
        return node.map(closeObjectSchemas);
    if (node === null || typeof node !== 'object')
        return node;
    const schema = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, closeObjectSchemas(value)]));
    if (schema.properties &&
        schema.additionalProperties === undefined &&
        !schema['x-kubernetes-preserve-unknown-fields']) {
        schema.additionalProperties = false;
    }
    return schema;
}
let compiler;
const validators = new Map();
/** Ajv and the schemas are loaded on first use only, so runs that generate nothing do not pay for them. */
async function loadCompiler() {
    const [ajvModule, schemaModule] = await Promise.all([
        __webpack_require__.e(/* import() */ 463).then(__webpack_require__.t.bind(__webpack_require__, 2463, 23)),
        __webpack_require__.e(/* import() */ 895).then(__webpack_require__.t.bind(__webpack_require__, 4895, 19)),
    ]);
    // Node exposes the CommonJS package's named `Ajv` export; bundlers may only give `default` (= module.exports).
    const loaded = ajvModule;
    const AjvClass = loaded.Ajv ?? loaded.default?.Ajv;
    if (!AjvClass)
        throw new Error('the ajv module has no Ajv export');
    // The schemas are Istio's own (checked against the fixture by a test): validating them against the JSON
    // Schema meta-schema and optimizing the generated code would only slow the first validation down.
    const ajv = new AjvClass({
        allErrors: true,
        strict: false,
        validateFormats: false,
        validateSchema: false,
        code: { optimize: false },
    });
    ajv.addVocabulary(KUBERNETES_KEYWORDS);
    return { ajv, file: schemaModule.default };
}
/** Each kind's validator is compiled when first needed (the VirtualService schema alone is most of the cost). */
async function validatorFor(kind) {
    const known = validators.get(kind);
    if (known)
        return known;
    compiler ??= loadCompiler();
    const { ajv, file } = await compiler;
    const spec = file.schemas[kind].openAPIV3Schema.properties.spec;
    const validate = validators.get(kind) ?? ajv.compile(closeObjectSchemas(spec));
    validators.set(kind, validate);
    return validate;
}
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
function metadataProblems(object) {
    const problems = [];
    const { name, namespace, labels = {} } = object.metadata;
    if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name))
        problems.push(`metadata.name "${name}" is not a DNS-1123 subdomain`);
    if (namespace.length > 63 || !DNS1123_LABEL.test(namespace))
        problems.push(`metadata.namespace "${namespace}" is not a DNS-1123 label`);
    for (const [key, value] of Object.entries(labels)) {
        if (value.length > 63 || !LABEL_VALUE.test(value))
            problems.push(`label ${key} has an invalid value "${value}"`);
    }
    return problems;
}
function describeSchemaError(error) {
    const where = `spec${error.instancePath.replace(/\//g, '.')}`;
    if (error.keyword === 'additionalProperties') {
        return `${where}: unknown field "${String(error.params.additionalProperty)}"`;
    }
    if (error.keyword === 'enum') {
        return `${where}: must be one of ${error.params.allowedValues.join(', ')}`;
    }
    return `${where}: ${error.message ?? error.keyword}`;
}
function semanticProblems(object) {
    if (object.kind === 'ServiceEntry')
        return (0,_validate_service_entry_js__WEBPACK_IMPORTED_MODULE_0__/* .validateServiceEntrySpec */ .d)(object.spec);
    if (object.kind === 'VirtualService')
        return (0,_validate_service_entry_js__WEBPACK_IMPORTED_MODULE_0__/* .validateVirtualServiceSpec */ .C)(object.spec);
    return [];
}
/**
 * Everything wrong with an object: Istio's CRD schema (v1, identical to v1beta1), the object's metadata, and
 * Istio's semantic ServiceEntry / VirtualService rules. Warnings are not errors and are not returned.
 */
async function validateIstioObject(object) {
    const validate = await validatorFor(object.kind);
    const problems = metadataProblems(object);
    if (!validate(object.spec))
        problems.push(...(validate.errors ?? []).map(describeSchemaError));
    for (const problem of semanticProblems(object)) {
        if (problem.severity === 'error')
            problems.push(`spec${problem.path.map((p) => `.${p}`).join('')}: ${problem.message}`);
    }
    return [...new Set(problems)];
}


/***/ })

};
