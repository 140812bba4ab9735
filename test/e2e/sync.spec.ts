import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import path from 'node:path';
import { expect, test } from './fixtures';
import { createStaffRu, firstLoginRu, loginByKeyboard, setupByKeyboard } from './helpers';
import { BRANCH_TOKEN, captureConsent, connectCore, RECEPTIONIST as STAGED, stageBranch, startCentral, syntheticPatient, waitSynced } from './helpers/sync-helpers';

/**
 * Offline operation end to end: a real central server (fastify + PGlite) in the test process,
 * the desk configured to it in the admin UI, then the central server stopped and started
 * again. The desk's engine polls and probes every 500 ms here (dev-web --sync-interval-ms);
 * nobody presses a sync button anywhere. Set DESK_SCREENSHOT_DIR to keep 1366×768 screenshots.
 */
test.use({ deskArgs: ['--sync-interval-ms', '500'] });

const RECEPTIONIST = { login: 'aigerim', fullName: 'Айгерім Нұрланқызы', temporary: 'temporary pass 4242', password: 'receptionist pass 42' };
const OUTAGE = { timeout: 20_000 };

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.DESK_SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

async function axeClean(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact ?? ''}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on ${screen}`).toEqual([]);
}

function syncIndicator(page: Page): Locator {
  return page.getByRole('banner').getByRole('group', { name: 'Синхронизация с центральной системой' });
}

async function queued(indicator: Locator): Promise<number> {
  const m = /В очереди: (\d+)/.exec((await indicator.textContent()) ?? '');
  return m ? Number(m[1]) : -1;
}

async function lastSyncMs(indicator: Locator): Promise<number> {
  const at = await indicator.locator('time').getAttribute('datetime');
  return at ? Date.parse(at) : 0;
}

/** Admin: the sync tab (Alt+3), the central URL and the branch token, saved. */
async function configureSync(page: Page, baseUrl: string): Promise<void> {
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { level: 1, name: 'Синхронизация' })).toBeVisible();
  await expect(page.getByText(/должна размещаться на территории Республики Казахстан/)).toBeVisible();
  await page.getByLabel('Адрес центральной системы (базовый URL FHIR R4)').fill(baseUrl);
  await expect(page.getByRole('radio', { name: 'Токен (Bearer)' })).toBeChecked();
  await page.getByLabel('Токен филиала', { exact: true }).fill(BRANCH_TOKEN);
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Настройки синхронизации сохранены.' })).toBeVisible();
  // Write-only: the token is not shown again, only that one is set.
  await expect(page.getByLabel('Токен филиала', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Заменить: Токен филиала' })).toBeVisible();
  await shot(page, 'sync-settings-admin');
  await axeClean(page, 'sync screen (admin)');
}

test('offline: the queue grows while the central server is down and drains by itself when it returns', async ({ page, desk }) => {
  test.setTimeout(120_000);
  const central = await startCentral();
  try {
    await setupByKeyboard(page, desk.openUrl, 'ru');
    const indicator = syncIndicator(page);
    await expect(indicator).toContainText('Синхронизация не настроена');

    await configureSync(page, central.baseUrl);
    await expect(indicator).toContainText('На связи', OUTAGE);
    await expect(indicator).toContainText('В очереди: 0', OUTAGE);

    await page.keyboard.press('Alt+1');
    await createStaffRu(page, { login: RECEPTIONIST.login, fullName: RECEPTIONIST.fullName, role: 'Регистратор', password: RECEPTIONIST.temporary });
    await page.getByRole('button', { name: 'Выйти' }).click();
    await firstLoginRu(page, RECEPTIONIST.login, RECEPTIONIST.temporary, RECEPTIONIST.password);
    await expect(indicator).toContainText('На связи');
    await expect(indicator).toContainText('В очереди: 0', OUTAGE);
    const syncedBefore = await lastSyncMs(indicator);
    expect(syncedBefore).toBeGreaterThan(0);
    await shot(page, 'sync-bar-synced');

    // The link dies.
    await central.stop();
    await expect(indicator).toContainText('Нет связи', OUTAGE);

    // Work goes on: a patient registered and consented at this desk (another window of it).
    const core = await connectCore(desk.openUrl);
    await core.ok('auth.login', { login: RECEPTIONIST.login, password: RECEPTIONIST.password });
    const patient = syntheticPatient(101, 'Жұмабаева');
    const { id: patientId } = await core.ok('patient.create', { patient });
    await expect.poll(() => queued(indicator), OUTAGE).toBeGreaterThan(0);
    const afterPatient = await queued(indicator);
    await captureConsent(core, patientId);
    await expect.poll(() => queued(indicator), OUTAGE).toBeGreaterThan(afterPatient);
    test.info().annotations.push({ type: 'queued while offline', description: String(await queued(indicator)) });
    await expect(indicator).toContainText('Нет связи');
    await shot(page, 'sync-bar-offline-queue');
    // Only the earlier data is at the central system.
    expect(await central.admin.read('Patient', patientId)).toBeUndefined();

    // The link returns on the same port; the desk notices and drains without anyone asking.
    await central.start();
    await expect(indicator).toContainText('На связи', OUTAGE);
    await expect.poll(() => lastSyncMs(indicator), OUTAGE).toBeGreaterThan(syncedBefore);
    await expect.poll(async () => (await central.admin.read('Patient', patientId))?.identifier, OUTAGE).toEqual(
      expect.arrayContaining([expect.objectContaining({ value: patient.iin })]),
    );
    await expect(indicator).toContainText('В очереди: 0', OUTAGE);
    expect(await central.admin.countResources('Consent')).toBe(1);
    // The signed form goes up with its consent.
    expect(await central.admin.countResources('DocumentReference')).toBe(1);
    await shot(page, 'sync-bar-drained');
    core.close();
  } finally {
    await central.close();
  }
});

test('conflict: a patient changed here and centrally during an outage is merged field by field in the UI', async ({ page, desk }) => {
  test.setTimeout(90_000);
  const central = await startCentral();
  try {
    await stageBranch(desk.openUrl, central.baseUrl);
    const core = await connectCore(desk.openUrl);
    await core.ok('auth.login', { login: STAGED.login, password: STAGED.password });
    const patient = syntheticPatient(202, 'Сейтқали');
    const created = await core.ok('patient.create', { patient });
    await waitSynced(core);

    // During an outage the branch corrects the phone and address, and the central system
    // (the data-protection officer) corrects the surname and, differently, the address.
    await central.stop();
    await core.ok('patient.update', { id: created.id, expectedVersion: created.version, patient: { ...patient, phone: '+7 702 111 22 33', address: 'г. Алматы, ул. Сатпаева, 30, кв. 21' } });
    await central.admin.editResource('Patient', created.id, (r) => {
      const names = r.name as Record<string, unknown>[];
      return { ...r, name: [{ ...names[0], family: 'Сейтқалиева' }], address: [{ use: 'home', text: 'г. Алматы, ул. Сатпаева, 30' }] };
    });
    await central.start();

    await page.goto(desk.openUrl);
    await loginByKeyboard(page, STAGED.login, STAGED.password);
    const problems = syncIndicator(page).getByRole('button', { name: 'Конфликты: 1' });
    await expect(problems).toBeVisible(OUTAGE);
    await problems.click();
    await expect(page.getByRole('tab', { name: 'Синхронизация' })).toHaveAttribute('aria-selected', 'true');

    const card = page.getByRole('article', { name: /Сейтқали/ });
    await expect(card).toContainText('Изменено здесь и в центральной системе');
    for (const field of ['Фамилия', 'Телефон', 'Адрес проживания']) await expect(card.getByRole('row', { name: new RegExp(field) })).toContainText('различается');
    await expect(card.getByRole('row', { name: /Имя/ })).not.toContainText('различается');
    await shot(page, 'sync-conflict');
    await axeClean(page, 'sync conflict screen');

    // By keyboard: the surname from the central system; phone and address stay ours.
    const surname = card.getByRole('radiogroup', { name: 'Какое значение сохранить: Фамилия' });
    await surname.getByRole('radio', { name: 'Этот филиал' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(surname.getByRole('radio', { name: 'Центральная система' })).toBeChecked();
    await card.getByRole('button', { name: 'Сохранить выбранные значения' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Конфликт разрешён.' })).toBeVisible();
    await expect(page.getByText('Конфликтов нет.')).toBeVisible();

    // The central system ends up with the merge, uploaded over its own version.
    await expect.poll(async () => ((await central.admin.read('Patient', created.id))?.name as { family?: string }[] | undefined)?.[0]?.family, OUTAGE).toBe('Сейтқалиева');
    const stored = await central.admin.read('Patient', created.id);
    expect(stored?.address).toEqual([expect.objectContaining({ text: 'г. Алматы, ул. Сатпаева, 30, кв. 21' })]);
    expect(stored?.telecom).toEqual(expect.arrayContaining([expect.objectContaining({ system: 'phone', value: '+77021112233' })]));
    await expect(syncIndicator(page)).toContainText('В очереди: 0', OUTAGE);
    await expect(syncIndicator(page).getByRole('button')).toHaveCount(0);
    core.close();
  } finally {
    await central.close();
  }
});

test('refused: a record the central system deleted meanwhile is listed with its reason and can be sent again', async ({ page, desk }) => {
  test.setTimeout(90_000);
  const central = await startCentral();
  try {
    await stageBranch(desk.openUrl, central.baseUrl);
    const core = await connectCore(desk.openUrl);
    await core.ok('auth.login', { login: STAGED.login, password: STAGED.password });
    const patient = syntheticPatient(303, 'Әбенова');
    const created = await core.ok('patient.create', { patient });
    await waitSynced(core);

    // While the link is down the branch corrects the record and the central system erases it.
    await central.stop();
    await core.ok('patient.update', { id: created.id, expectedVersion: created.version, patient: { ...patient, phone: '+7 705 000 11 22' } });
    await central.admin.deleteResource('Patient', created.id);
    await central.start();

    await page.goto(desk.openUrl);
    await loginByKeyboard(page, STAGED.login, STAGED.password);
    // The record, and the audit entry of its correction, which names a patient the centre no longer has.
    const problems = syncIndicator(page).getByRole('button', { name: /^Не отправлено: \d+$/ });
    await expect(problems).toBeVisible(OUTAGE);
    await problems.focus();
    await page.keyboard.press('Enter');
    const failed = page.getByRole('region', { name: 'Не приняты центральной системой' });
    const row = failed.getByRole('row', { name: /Карточка пациента/ });
    await expect(row).toContainText('Запись удалена в центральной системе.');
    await shot(page, 'sync-failed');
    await axeClean(page, 'sync screen with a refused item');

    // Sent again, it is refused again for the same reason: nothing is lost or overwritten.
    await row.getByRole('button', { name: /^Отправить снова: Карточка пациента/ }).click();
    await expect(failed.getByRole('status')).toHaveText('Возвращено в очередь: 1.');
    await expect(failed.getByRole('row', { name: /Карточка пациента/ })).toContainText('Запись удалена в центральной системе.', OUTAGE);
    expect(await central.admin.read('Patient', created.id)).toBeUndefined();
    core.close();
  } finally {
    await central.close();
  }
});
