import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import path from 'node:path';
import { expect, test } from './fixtures';
import { loginByKeyboard } from './helpers';
import { connectCore, MANAGER, MINOR, PATIENT, RECEPTIONIST, stageDesk } from './helpers/consent-helpers';

/**
 * Consent at the desk, end to end in the Russian UI: the patient is registered through the
 * core (the registration form has its own tests), then everything else is done the way the
 * receptionist does it: open the card by IIN, take the consent in three steps, print, confirm
 * the paper signature, withdraw, and see the block. Texts are written here by hand, so a
 * wrong translation fails the test.
 */

type BlobWindow = Window & { deskTestBlobs?: Map<string, Blob> };

/**
 * The PDFs are shown from `blob:` URLs, which the page's CSP (rightly) does not let even the
 * page itself fetch. The test keeps each Blob the page turns into a URL, so it can read the
 * bytes of exactly what the viewer shows.
 */
async function keepBlobs(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as BlobWindow;
    const blobs = new Map<string, Blob>();
    w.deskTestBlobs = blobs;
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (obj: Blob | MediaSource) => {
      const url = create(obj);
      if (obj instanceof Blob) blobs.set(url, obj);
      return url;
    };
  });
}

/** The first bytes of the PDF in a viewer frame, read from the Blob behind its URL. */
async function pdfHead(page: Page, frame: Locator): Promise<string> {
  const src = await frame.getAttribute('src');
  expect(src).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
  const url = (src ?? '').split('#')[0] ?? '';
  return page.evaluate(async (u) => {
    const blob = (window as BlobWindow).deskTestBlobs?.get(u);
    if (!blob) return '';
    if (blob.type !== 'application/pdf') return `type ${blob.type}`;
    return new TextDecoder().decode(new Uint8Array(await blob.slice(0, 5).arrayBuffer()));
  }, url);
}

/**
 * axe on one part of the screen (the rest belongs to other screens' tests), failing on
 * serious or critical violations. With DESK_SCREENSHOT_DIR set, also keeps a 1366×768
 * screenshot of what was checked.
 */
async function axe(page: Page, scope: string, name: string): Promise<void> {
  const dir = process.env.DESK_SCREENSHOT_DIR;
  // The PDF viewer draws the page a moment after the frame appears; only the picture needs it.
  if (dir && (await page.locator('iframe.pdf-frame').count()) > 0) await page.waitForTimeout(1500);
  if (dir) await page.screenshot({ path: path.join(dir, `consent-${name.replace(/\W+/g, '-')}.png`) });
  const results = await new AxeBuilder({ page }).include(scope).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact ?? ''}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on ${name}`).toEqual([]);
}

test('take consent in three steps, print, confirm the paper signature, withdraw, and the patient is blocked', async ({ page, desk }) => {
  const { patientId, core } = await stageDesk(desk.openUrl);
  await keepBlobs(page);
  await page.goto(desk.openUrl);
  await loginByKeyboard(page, RECEPTIONIST.login, RECEPTIONIST.password);

  // The desk: find the patient by IIN, Enter opens the card.
  const search = page.getByLabel('ИИН, фамилия или телефон');
  await expect(search).toBeFocused();
  await page.keyboard.type(PATIENT.iin ?? '');
  await expect(page.getByRole('option', { name: /Нұрланова/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Нұрланова Әйгерім/ })).toBeVisible();
  const badge = page.locator('.card-header .consent-badge');
  await expect(badge).toHaveText('Нет согласия');
  await expect(badge).toHaveAttribute('data-badge', 'none');
  const panel = page.locator('.consent-panel');
  await expect(panel).toContainText('Нет действующего согласия');
  await axe(page, '.consent-panel', 'consent panel, no consent');

  // Step 1: the language. Russian is preselected (the patient's preferred language).
  await panel.getByRole('button', { name: 'Оформить согласие' }).click();
  const dialog = page.getByRole('dialog', { name: 'Согласие на обработку персональных данных' });
  await expect(dialog.getByRole('radio', { name: /Русский/ })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: /Русский/ })).toBeFocused();
  await expect(dialog.getByText('предпочитаемый язык пациента')).toBeVisible();
  await axe(page, 'dialog[open]', 'consent step 1');
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: 'Казахский и русский, один за другим' })).toBeChecked();
  await page.keyboard.press('Enter');

  // Step 2: required purposes ticked and locked, optional ones off until the patient agrees.
  const required = dialog.getByRole('checkbox', { name: /Ведение медицинской документации/ });
  await expect(required).toBeChecked();
  await expect(required).toBeDisabled();
  await expect(dialog.getByText('обязательно для оказания услуги')).toHaveCount(4);
  const notify = dialog.getByRole('switch', { name: /Информирование о готовности результатов/ });
  await expect(notify).not.toBeChecked();
  await expect(notify).toBeFocused();
  await expect(dialog.getByRole('radio', { name: 'Пациент' })).toBeChecked();
  await axe(page, 'dialog[open]', 'consent step 2');
  await page.keyboard.press('Space');
  await expect(notify).toBeChecked();
  await page.keyboard.press('Enter');

  // Step 3: the printed form in the viewer; printing directly is not available in the harness.
  const viewer = dialog.locator('iframe[title^="Бланк согласия ALA-01-"]');
  await expect(viewer).toBeVisible({ timeout: 20_000 });
  expect(await pdfHead(page, viewer)).toBe('%PDF-');
  await expect(badge).toHaveText('Ожидает подписи');
  await axe(page, 'dialog[open]', 'consent step 3');
  await dialog.getByRole('button', { name: 'Печать', exact: true }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Напечатайте из окна просмотра бланка' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Пациент подписал бланк' }).click();

  // Back on the card: signed, green, and the list says what was agreed to.
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: /Согласие ALA-01-\d{4}-000001 подписано и действует\./ })).toBeVisible();
  await expect(badge).toHaveText('Согласие действует');
  await expect(badge).toHaveAttribute('data-badge', 'active');
  const row = panel.getByRole('listitem', { name: /ALA-01-\d{4}-000001/ });
  await expect(row).toContainText(/\d{2}\.\d{2}\.\d{4}/);
  await expect(row).toContainText('v1');
  await expect(row).toContainText('казахский + русский');
  await expect(row).toContainText('Действует');
  await expect(row).toContainText('Пациент, подпись на бумаге');
  await expect(row).toContainText('Уведомления о готовности: да');
  await expect(row).toContainText('Личный кабинет на сайте: нет');
  await axe(page, '.consent-panel', 'consent list');
  expect(await core.ok('visit.check', { patientId })).toMatchObject({ allowed: true, reason: null });

  // The stored form, byte for byte.
  await row.getByRole('button', { name: /Показать сохранённый бланк согласия/ }).click();
  const stored = page.getByRole('dialog', { name: /сохранённый бланк/ });
  const storedViewer = stored.locator('iframe');
  await expect(storedViewer).toBeVisible();
  expect(await pdfHead(page, storedViewer)).toBe('%PDF-');
  await stored.getByRole('button', { name: 'Закрыть' }).click();

  // Withdrawal: a reason is required; then the confirmation to print for the patient.
  await row.getByRole('button', { name: /Отозвать согласие ALA-01-/ }).click();
  const withdraw = page.getByRole('dialog', { name: /Отзыв согласия ALA-01-/ });
  await withdraw.getByRole('button', { name: 'Отозвать согласие', exact: true }).click();
  await expect(withdraw.getByText('Заполните это поле.')).toBeVisible();
  await withdraw.getByLabel('Причина отзыва').fill('Письменное заявление пациента');
  await withdraw.getByRole('button', { name: 'Отозвать согласие', exact: true }).click();
  await expect(withdraw.getByText(/Согласие ALA-01-\d{4}-000001 отозвано\./)).toBeVisible();
  const confirmation = withdraw.locator('iframe[title^="Подтверждение отзыва согласия"]');
  await expect(confirmation).toBeVisible();
  expect(await pdfHead(page, confirmation)).toBe('%PDF-');
  await axe(page, 'dialog[open]', 'withdrawal confirmation');
  await withdraw.getByRole('button', { name: 'Закрыть' }).click();

  // Blocked: grey badge, the panel says why, and the visit does not start.
  await expect(badge).toHaveText('Заблокирован: согласие отозвано');
  await expect(badge).toHaveAttribute('data-badge', 'blocked');
  await expect(panel).toContainText('Обработка данных пациента заблокирована.');
  await expect(panel).toContainText('Уведомления о готовности результатов (SMS, e-mail) не отправляются');
  await expect(row).toContainText('Отозвано');
  await expect(row).toContainText('Письменное заявление пациента');
  await page.getByRole('button', { name: 'Начать визит' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Обработка данных пациента заблокирована.' }).first()).toBeVisible();
  expect(await core.ok('visit.check', { patientId })).toMatchObject({ allowed: false, reason: 'visit.blocked' });

  // The data-protection officer has a task for it.
  const manager = await connectCore(desk.openUrl);
  await manager.ok('auth.login', { login: MANAGER.login, password: MANAGER.password });
  const tasks = await manager.ok('dpo.tasks.list', { status: 'open' });
  expect(tasks.map((task) => [task.kind, task.patientId])).toEqual([['consent-withdrawn', patientId]]);
  manager.close();
  core.close();
});

test('a refused form, then a representative signs for a minor on screen', async ({ page, desk }) => {
  const { patientId, core } = await stageDesk(desk.openUrl, MINOR);
  await page.goto(desk.openUrl);
  await loginByKeyboard(page, RECEPTIONIST.login, RECEPTIONIST.password);
  await expect(page.getByLabel('ИИН, фамилия или телефон')).toBeFocused();
  await page.keyboard.type(MINOR.iin ?? '');
  await expect(page.getByRole('option', { name: /Айдар/ })).toBeVisible();
  await page.keyboard.press('Enter');
  const panel = page.locator('.consent-panel');
  const badge = page.locator('.card-header .consent-badge');
  const dialog = page.getByRole('dialog', { name: 'Согласие на обработку персональных данных' });

  // Kazakh, the family's preferred language; the mother, prefilled from the card, signs.
  await panel.getByRole('button', { name: 'Оформить согласие' }).click();
  await expect(dialog.getByRole('radio', { name: /Казахский/ }).first()).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('Пациенту нет 18 лет: подписывает законный представитель.')).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Законный представитель' })).toBeChecked();
  await expect(dialog.getByLabel('ФИО представителя')).toHaveValue('Нұрланова Әйгерім Серікқызы');
  await expect(dialog.getByLabel('ИИН представителя')).toHaveValue('880315400010');
  await expect(dialog.getByLabel('Действует на основании')).toHaveValue('birth-certificate');
  await page.keyboard.press('Enter');

  // The family refuses: the record says so, and there is still no consent.
  await dialog.getByRole('button', { name: 'Пациент отказывается' }).click();
  await expect(dialog.getByText('Без согласия на обязательные цели визит продолжить нельзя.', { exact: false })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Зафиксировать отказ' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole('listitem', { name: /ALA-01-\d{4}-000001/ })).toContainText('Отказ');
  await expect(badge).toHaveAttribute('data-badge', 'none');

  // They change their minds: a new record. Kazakh again, "as last time"; Esc first warns.
  await panel.getByRole('button', { name: 'Оформить согласие' }).click();
  await expect(dialog.getByText('как в прошлый раз')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('switch').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog.getByText('Нажмите Esc ещё раз')).toBeVisible();
  await page.keyboard.press('Enter');

  // Signed on screen: nothing to save until something is drawn; the last stroke can be undone.
  await dialog.getByRole('button', { name: 'Подпись на экране' }).click();
  const save = dialog.getByRole('button', { name: 'Сохранить подпись' });
  await expect(save).toBeDisabled();
  const pad = dialog.getByRole('img', { name: /Поле подписи/ });
  const box = await pad.boundingBox();
  if (!box) throw new Error('no signature pad');
  for (const dy of [0, 30]) {
    await page.mouse.move(box.x + 40, box.y + box.height * 0.6 + dy);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + 40 + i * 15, box.y + box.height * 0.6 + dy - Math.sin(i / 2) * 30);
    await page.mouse.up();
  }
  await expect(dialog.getByText('Штрихов: 2')).toBeVisible();
  await dialog.getByRole('button', { name: 'Отменить штрих' }).click();
  await expect(dialog.getByText('Штрихов: 1')).toBeVisible();
  await axe(page, 'dialog[open]', 'signature pad');
  await save.click();
  await expect(dialog).toBeHidden();

  const row = panel.getByRole('listitem', { name: /ALA-01-\d{4}-000002/ });
  await expect(row).toContainText('Действует');
  await expect(row).toContainText('Нұрланова Әйгерім Серікқызы, представитель (свидетельство о рождении)');
  await expect(row).toContainText('подпись на экране');
  await expect(badge).toHaveAttribute('data-badge', 'active');
  const status = await core.ok('consent.status', { patientId });
  expect(status.active).toMatchObject({ signatureKind: 'drawn', hasDrawnSignature: true, language: 'kk', signer: { kind: 'representative', basis: 'birth-certificate' } });
  core.close();
});
