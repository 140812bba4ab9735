import { describe, expect, it } from 'vitest';
import { SYNCED_TYPES } from './fhir/resource-types.js';
import { ensureResourceSchemas, validationErrors } from './fhir/validate.js';

ensureResourceSchemas();

const VALID: Record<(typeof SYNCED_TYPES)[number], Record<string, unknown>> = {
  Patient: {
    resourceType: 'Patient',
    id: 'p1',
    meta: { tag: [{ system: 'https://fhir.aimedlab.kz/CodeSystem/branch', code: 'BR01' }] },
    identifier: [{ system: 'https://fhir.aimedlab.kz/sid/iin', value: '061211600012' }],
    name: [{ family: 'Ахметова', given: ['Айгерім'] }],
    telecom: [{ system: 'phone', value: '+77011234567' }],
    gender: 'female',
    birthDate: '2006-12-11',
    deceasedBoolean: false,
    address: [{ city: 'Алматы', country: 'KZ' }],
    communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'kk' }] }, preferred: true }],
    contact: [{ name: { family: 'Ахметов' }, telecom: [{ system: 'phone', value: '+77021234567' }] }],
    extension: [{ url: 'https://fhir.aimedlab.kz/StructureDefinition/x', valueString: 'y' }],
  },
  Consent: {
    resourceType: 'Consent',
    id: 'c1',
    status: 'active',
    scope: { coding: [{ code: 'patient-privacy' }] },
    category: [{ coding: [{ code: '59284-0' }] }],
    patient: { reference: 'Patient/p1' },
    dateTime: '2026-11-25T09:00:00+05:00',
    policy: [{ uri: 'https://fhir.aimedlab.kz/consent-text/1/kk' }],
    sourceAttachment: { contentType: 'application/pdf', data: 'JVBERi0=' },
    provision: { type: 'permit', provision: [{ type: 'deny', purpose: [{ code: 'marketing' }] }] },
  },
  AuditEvent: {
    resourceType: 'AuditEvent',
    type: { code: 'rest' },
    recorded: '2026-11-25T09:00:00.123Z',
    agent: [{ requestor: true, network: { address: '10.0.0.1', type: '2' } }],
    source: { observer: { display: 'BR01' } },
    entity: [{ what: { reference: 'Patient/p1' }, detail: [{ type: 'k', valueString: 'v' }] }],
  },
  DocumentReference: {
    resourceType: 'DocumentReference',
    status: 'current',
    subject: { reference: 'Patient/p1' },
    content: [{ attachment: { contentType: 'application/pdf', url: 'urn:uuid:0b0c3c1e-9d4e-4c55-8f0e-5f0f1e2d3c4b' } }],
    context: { related: [{ reference: 'Consent/c1' }] },
  },
  QuestionnaireResponse: {
    resourceType: 'QuestionnaireResponse',
    status: 'completed',
    subject: { reference: 'Patient/p1' },
    item: [{ linkId: '1', answer: [{ valueCoding: { code: 'y' }, item: [{ linkId: '1.1', answer: [{ valueInteger: 3 }] }] }] }],
  },
  Task: {
    resourceType: 'Task',
    status: 'requested',
    intent: 'order',
    for: { reference: 'Patient/p1' },
    input: [{ type: { text: 'deadline' }, valueDate: '2026-12-25' }],
    restriction: { repetitions: 1 },
  },
};

describe('R4 structure validation of the synced types', () => {
  it.each(SYNCED_TYPES)('accepts a realistic %s', (type) => {
    expect(validationErrors(type, VALID[type])).toEqual([]);
  });

  it('reports unknown properties, wrong shapes, bad primitives and missing required elements', () => {
    const errors = (type: (typeof SYNCED_TYPES)[number], r: Record<string, unknown>) =>
      validationErrors(type, r).flatMap((i) => i.expression ?? []);
    expect(errors('Patient', { ...VALID.Patient, nickname: 'x' })).toEqual(['Patient.nickname']);
    expect(errors('Patient', { ...VALID.Patient, gender: 1 })).toEqual(['Patient.gender']);
    expect(errors('Patient', { ...VALID.Patient, birthDate: '11.12.2006' })).toEqual(['Patient.birthDate']);
    expect(errors('Patient', { ...VALID.Patient, name: { family: 'x' } })).toContain('Patient.name');
    expect(errors('Patient', { ...VALID.Patient, communication: [{ preferred: true }] })).toEqual([
      'Patient.communication[0].language',
    ]);
    expect(errors('Consent', { ...VALID.Consent, category: undefined })).toContain('Consent.category');
    const invariant = validationErrors('Consent', { ...VALID.Consent, policy: undefined });
    expect(invariant).toEqual([expect.objectContaining({ code: 'invariant', details: { text: expect.stringMatching(/Policy/) } })]);
    expect(
      errors('Consent', { ...VALID.Consent, provision: { provision: [{ provision: [{ colour: 'red' }] }] } }),
    ).toEqual(['Consent.provision.provision[0].provision[0].colour']);
    expect(errors('Task', { ...VALID.Task, input: [{ type: { text: 't' }, valueBogus: 1 }] })).not.toEqual([]);
    expect(errors('AuditEvent', { ...VALID.AuditEvent, recorded: '2026-11-25' })).toEqual(['AuditEvent.recorded']);
    expect(errors('Patient', { ...VALID.Patient, contained: [{ resourceType: 'Patient', gender: 7 }] })).toEqual([
      'Patient.contained[0].gender',
    ]);
  });
});
