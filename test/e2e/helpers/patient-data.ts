import { expect, type Page } from '@playwright/test';
import { makeIin } from '../../../electron/core/identity/iin';

/**
 * Synthetic people for the patient specs: valid IINs built from a birth date, sex and serial
 * (never a real person's), and a TD1 machine-readable zone with correct check digits.
 */
export function iin(birthDate: string, sex: 'male' | 'female', serial: number): string {
  for (let s = serial; s < serial + 200; s++) {
    const value = makeIin(birthDate, sex, s);
    if (value) return value;
  }
  throw new Error('no valid IIN near this serial');
}

/** ICAO 9303 check digit: weights 7, 3, 1; '<' = 0, A = 10 … Z = 35. */
function icaoCheckDigit(s: string): string {
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    const value = c === '<' ? 0 : /[0-9]/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += value * ([7, 3, 1][i % 3] ?? 0);
  }
  return String(sum % 10);
}

const pad = (v: string, n: number) => v.padEnd(n, '<');

/** A Kazakhstan ID card's MRZ (TD1, 3 lines of 30), the IIN in line 1's optional data. */
export function td1(o: { docNumber: string; iin: string; birth: string; sex: 'M' | 'F'; expiry: string; surname: string; given: string }): string[] {
  const doc = pad(o.docNumber, 9);
  const line1 = `IDKAZ${doc}${icaoCheckDigit(doc)}${pad(o.iin, 15)}`;
  const upper = `${o.birth}${icaoCheckDigit(o.birth)}${o.sex}${o.expiry}${icaoCheckDigit(o.expiry)}KAZ${pad('', 11)}`;
  const composite = icaoCheckDigit(line1.slice(5, 30) + upper.slice(0, 7) + upper.slice(8, 15) + upper.slice(18, 29));
  return [line1, upper + composite, pad(`${o.surname}<<${o.given}`, 30)];
}

export interface TestPatient {
  surname: string;
  givenName: string;
  patronymic?: string;
  /** Empty for a foreigner with a passport: then the date of birth and sex are typed. */
  iin: string;
  birthDate?: string;
  sex?: 'Мужской' | 'Женский';
  documentNumber: string;
  phone: string;
  address: string;
}

/** The registration form's fields by their Russian labels. */
export function formField(page: Page, label: string) {
  return page.getByLabel(label, { exact: true });
}

/**
 * Registers a patient from the desk's search screen (Alt+N) and waits for the card. `reason`
 * is typed when similar patients are shown. Used to set the stage; the keyboard-only
 * registration is its own test.
 */
export async function registerPatient(page: Page, p: TestPatient, reason?: string): Promise<void> {
  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('heading', { name: 'Новый пациент' })).toBeVisible();
  await formField(page, 'Фамилия').fill(p.surname);
  await formField(page, 'Имя').fill(p.givenName);
  await formField(page, 'Отчество').fill(p.patronymic ?? '');
  await formField(page, 'ИИН').fill(p.iin);
  if (p.iin === '') {
    await formField(page, 'Вид документа').selectOption({ label: 'Паспорт' });
    await formField(page, 'Дата рождения').fill(p.birthDate ?? '');
    await page.getByRole('radio', { name: p.sex ?? 'Мужской' }).check();
  }
  await formField(page, 'Номер документа').fill(p.documentNumber);
  await formField(page, 'Телефон').fill(p.phone);
  await formField(page, 'Адрес проживания').fill(p.address);
  if (reason) {
    await formField(page, 'Почему это другой человек').fill(reason);
  }
  await formField(page, 'Адрес проживания').press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: [p.surname, p.givenName, p.patronymic].filter(Boolean).join(' ') })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Пациент зарегистрирован.' })).toBeVisible();
}
