import { describe, expect, it } from 'vitest';
import { makeIin } from '../../../../electron/core/identity/iin';
import { emptyForm } from '../formModel';
import { duplicateQuery, NO_BIRTH_DATE } from './dupQuery';

const NOW = new Date(2026, 0, 15, 12, 0, 0);
const IIN = makeIin('1985-07-02', 'female', 300) ?? '';

describe('when the duplicate check is asked', () => {
  it('not while nothing identifying is complete', () => {
    expect(duplicateQuery({ ...emptyForm(), surname: 'Нұрланова', iin: IIN.slice(0, 8) }, NOW)).toBeNull();
  });

  it('a valid IIN is enough, and brings its birth date', () => {
    expect(duplicateQuery({ ...emptyForm(), iin: IIN }, NOW)).toEqual({ iin: IIN, surname: '', givenName: '', birthDate: '1985-07-02', phone: null });
  });

  it('surname, given name and a typed birth date', () => {
    expect(duplicateQuery({ ...emptyForm(), surname: ' Нұрланова ', givenName: 'Айгерім', birthDate: '02.07.1985' }, NOW)).toMatchObject({ surname: 'Нұрланова', birthDate: '1985-07-02', iin: null });
  });

  it('a valid phone alone, normalised, with a birth date that matches nobody', () => {
    expect(duplicateQuery({ ...emptyForm(), phone: '8 701 555 02 01' }, NOW)).toMatchObject({ phone: '+77015550201', birthDate: NO_BIRTH_DATE });
  });
});
