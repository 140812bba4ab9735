import { describe, expect, it } from 'vitest';
import { initialPurposesValues, purposeChoices, purposesFormSchema, signerOf, toFormPaths, type PurposesFormValues } from './purposesForm';
import type { PatientView, PurposeDef } from './types';

const label = { kk: 'к', ru: 'р', en: 'e' };
const DEFS: PurposeDef[] = [
  { id: 'lab-services', required: true, label },
  { id: 'result-notification', required: false, label },
  { id: 'website-account', required: false, label },
];
const NOW = () => new Date('2026-11-25T10:00:00');

function patient(over: Partial<PatientView> = {}): PatientView {
  return { birthDate: '1988-03-15', representative: null, ...over } as PatientView;
}

describe('consent step 2', () => {
  it('starts with every optional purpose off and the patient signing', () => {
    expect(initialPurposesValues(patient(), DEFS)).toEqual({
      optional: { 'result-notification': false, 'website-account': false },
      signerKind: 'subject',
      rep: { fullName: '', iin: '', basis: '' },
    });
  });

  it("prefills the representative on file, e.g. a minor's parent", () => {
    const rep = { fullName: 'Нұрланова Әйгерім', iin: '880315400010', basis: 'birth-certificate' as const };
    expect(initialPurposesValues(patient({ birthDate: '2015-01-20', representative: rep }), DEFS)).toMatchObject({ signerKind: 'representative', rep });
  });

  it('answers every purpose: required always chosen, optional as toggled', () => {
    const values: PurposesFormValues = { ...initialPurposesValues(patient(), DEFS), optional: { 'result-notification': true, 'website-account': false } };
    expect(purposeChoices(DEFS, values)).toEqual([
      { id: 'lab-services', chosen: true },
      { id: 'result-notification', chosen: true },
      { id: 'website-account', chosen: false },
    ]);
  });

  it('checks the representative only when one signs, with the core’s message keys', () => {
    const schema = purposesFormSchema(NOW);
    const base = initialPurposesValues(patient(), DEFS);
    expect(schema.safeParse(base).success).toBe(true);
    const r = schema.safeParse({ ...base, signerKind: 'representative', rep: { fullName: ' ', iin: '880315400011', basis: '' } });
    expect(r.success).toBe(false);
    const issues = r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['rep.fullName', 'validation.required'],
      ['rep.iin', 'iin.checksum'],
      ['rep.basis', 'validation.required'],
    ]);
  });

  it('sends the signer the core expects', () => {
    const base = initialPurposesValues(patient(), DEFS);
    expect(signerOf(base)).toEqual({ kind: 'subject' });
    expect(signerOf({ ...base, signerKind: 'representative', rep: { fullName: ' Әйгерім ', iin: '880315400010', basis: 'guardianship' } })).toEqual({
      kind: 'representative',
      fullName: 'Әйгерім',
      iin: '880315400010',
      basis: 'guardianship',
    });
  });

  it("maps the core's signer paths onto this form's fields", () => {
    expect(toFormPaths({ code: 'validation', issues: [{ path: 'signer.iin', code: 'iin.format' }] }).issues).toEqual([{ path: 'rep.iin', code: 'iin.format' }]);
  });
});
