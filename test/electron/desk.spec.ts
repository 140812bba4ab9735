import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ADMIN, createStaffRu, firstLoginRu, loginByKeyboard, setupByKeyboard } from '../e2e/helpers';
import { registerPatient, type TestPatient } from '../e2e/helpers/patient-data';
import { ELECTRON, ensureBuilt, launchDesk, removeDirs, SKIP_REASON, type LaunchedDesk } from './fixture';

/**
 * A receptionist's day in the real app: first-run setup, login, a patient registered, consent
 * captured with its form printed to PDF by Electron's print engine (through the core process's
 * host call), the desk locked by the OS's lock and suspend events, and the log holding none of
 * the patient's data afterwards. The core runs in a utilityProcess here.
 */
test.skip(!ELECTRON, SKIP_REASON);
test.beforeAll(ensureBuilt);
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const RECEPTIONIST = { login: 'aigerim', fullName: 'Айгерім Нұрланқызы', temporary: 'temporary pass 42', password: 'my own secret 42' };
const PATIENT: TestPatient = {
  surname: 'Нұрланова',
  givenName: 'Әйгерім',
  patronymic: 'Серікқызы',
  iin: '880315400010',
  documentNumber: '045678912',
  phone: '8 701 234 56 78',
  address: 'г. Алматы, ул. Жандосова, 12, кв. 5',
};

let desk: LaunchedDesk;

test.afterAll(async () => {
  await desk?.close().catch(() => undefined);
  if (desk) removeDirs(desk);
});

test('launches with the core in a utility process, and runs first-run setup', async () => {
  desk = await launchDesk();
  const { app, page } = desk;
  const utility = await app.evaluate(({ app: a }) => a.getAppMetrics().filter((m) => m.type === 'Utility').map((m) => m.serviceName ?? m.name ?? ''));
  expect(utility.some((n) => n.includes('desk core'))).toBe(true);
  await setupByKeyboard(page, page.url(), 'ru');
  await createStaffRu(page, { login: RECEPTIONIST.login, fullName: RECEPTIONIST.fullName, role: 'Регистратор', password: RECEPTIONIST.temporary });
  await page.getByRole('button', { name: 'Выйти' }).click();
  expect(existsSync(path.join(desk.dataDir, 'store.db'))).toBe(true);
  // The data key is sealed by the OS keychain where there is a real one, and the keychain is named.
  const keyring = JSON.parse(readFileSync(path.join(desk.dataDir, 'keyring.json'), 'utf8')) as { seal: string; keychain?: { backend: string } };
  if (keyring.seal === 'os') expect(keyring.keychain?.backend).not.toBe('basic_text');
});

test('logs in, registers a patient and captures consent, printing the form to PDF', async () => {
  const { page } = desk;
  await firstLoginRu(page, RECEPTIONIST.login, RECEPTIONIST.temporary, RECEPTIONIST.password);
  await registerPatient(page, PATIENT);
  const panel = page.locator('.consent-panel');
  await panel.getByRole('button', { name: 'Оформить согласие' }).click();
  const dialog = page.getByRole('dialog', { name: 'Согласие на обработку персональных данных' });
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  // The form printed to PDF by Electron's printToPDF, shown in the viewer, offered for saving.
  const viewer = dialog.locator('iframe[title^="Бланк согласия ALA-01-"]');
  await expect(viewer).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByRole('button', { name: 'Сохранить в PDF' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Пациент подписал бланк' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.card-header .consent-badge')).toHaveText('Согласие действует');
});

test('locks on the OS lock-screen and suspend events, and unlocks with the password', async () => {
  const { app, page } = desk;
  for (const event of ['lock-screen', 'suspend'] as const) {
    await app.evaluate(({ powerMonitor }, e) => powerMonitor.emit(e), event);
    // The core locks at once; the renderer's status poll shows it within seconds.
    const lock = page.getByRole('dialog', { name: 'Рабочее место заблокировано' });
    await expect(lock).toBeVisible({ timeout: 10_000 });
    await page.locator('#unlock-password').fill(RECEPTIONIST.password);
    await page.locator('#unlock-password').press('Enter');
    await expect(lock).toBeHidden();
  }
});

test('leaves no personal data in its rotating log', async () => {
  await desk.close();
  const logs = desk.logs();
  expect(logs).toContain('app.start');
  for (const secret of [PATIENT.surname, PATIENT.givenName, PATIENT.iin, '234 56 78', PATIENT.documentNumber, 'Жандосова', RECEPTIONIST.fullName, ADMIN.fullName]) expect(logs).not.toContain(secret);
  // And the desk starts again on the same data and keychain: login works.
  desk = await launchDesk({ dataDir: desk.dataDir, userData: desk.userData });
  await loginByKeyboard(desk.page, RECEPTIONIST.login, RECEPTIONIST.password);
  await expect(desk.page.getByRole('tablist')).toBeVisible();
});
