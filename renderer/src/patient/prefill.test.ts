import { describe, expect, it } from 'vitest';
import { prefillFromQuery } from './prefill';

describe('New patient from what was typed into the search', () => {
  it('digits go to the IIN', () => {
    expect(prefillFromQuery(' 900101 3008 ')).toEqual({ iin: '9001013008' });
  });

  it('a phone number is recognised as one', () => {
    expect(prefillFromQuery('+7 701 234 56 78')).toEqual({ phone: '+7 701 234 56 78' });
    expect(prefillFromQuery('87012345678')).toEqual({ phone: '87012345678' });
  });

  it('letters go to surname, given name and patronymic, capitalised', () => {
    expect(prefillFromQuery('нұрланов')).toEqual({ surname: 'Нұрланов' });
    expect(prefillFromQuery('әбілқасымова гүлнұр серікқызы')).toEqual({ surname: 'Әбілқасымова', givenName: 'Гүлнұр', patronymic: 'Серікқызы' });
  });

  it('nothing typed, nothing carried', () => {
    expect(prefillFromQuery('   ')).toEqual({});
  });
});
