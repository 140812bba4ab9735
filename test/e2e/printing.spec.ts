import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { loginByKeyboard } from './helpers';
import { connectCore, PATIENT, RECEPTIONIST, SETUP, stageDesk } from './helpers/consent-helpers';

/**
 * Printing in the browser harness, which has Chromium's PDF engine but no printers: the
 * printers of each form type on the admin's settings (none here, said plainly, and silent
 * printing cannot be switched on without a printer), and Save as PDF of a stored form from
 * the patient card (the same PDF the print engine made, byte for byte).
 */
async function openCard(page: Page, openUrl: string): Promise<void> {
  await page.goto(openUrl);
  await loginByKeyboard(page, RECEPTIONIST.login, RECEPTIONIST.password);
  await page.getByLabel('ИИН, фамилия или телефон').fill(PATIENT.iin ?? '');
  await expect(page.getByRole('option', { name: /Нұрланова/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Нұрланова Әйгерім/ })).toBeVisible();
}

test('save a stored consent form as PDF from the patient card', async ({ page, desk }) => {
  const { patientId, core } = await stageDesk(desk.openUrl);
  const { purposes } = await core.ok('consent.purposes', {});
  const prepared = await core.ok('consent.prepare', { patientId, language: 'ru', purposes: purposes.map((p) => ({ id: p.id, chosen: p.required })), signer: { kind: 'subject' } });
  core.close();
  await openCard(page, desk.openUrl);
  await page.getByRole('button', { name: `Показать сохранённый бланк согласия ${prepared.consent.number}` }).click();
  const dialog = page.getByRole('dialog');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Сохранить в PDF' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const saved = readFileSync(await download.path());
  expect(saved.equals(Buffer.from(prepared.pdfBase64, 'base64'))).toBe(true);
  // The harness cannot print on paper: Print sends her to the viewer, and no printer line is shown.
  await dialog.getByRole('button', { name: 'Печать', exact: true }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Напечатайте из окна просмотра бланка' })).toBeVisible();
  await expect(dialog.getByText(/^Принтер:/)).toHaveCount(0);
});

test('the admin sees every form type\'s printer, and no silent printing without a printer', async ({ page, desk }) => {
  const admin = await connectCore(desk.openUrl);
  await admin.ok('setup.run', SETUP);
  admin.close();
  await page.goto(desk.openUrl);
  await loginByKeyboard(page, SETUP.admin.login, SETUP.admin.password);
  await page.getByRole('tab', { name: 'Настройки' }).click();
  const section = page.getByRole('region', { name: 'Принтеры этого рабочего места' });
  await expect(section).toBeVisible();
  for (const legend of ['Согласия и подтверждения отзыва', 'Запросы субъектов (Приложение 1)', 'Отчёты и ответы на запросы']) {
    const group = section.getByRole('group', { name: legend });
    await expect(group).toBeVisible();
    await expect(group.getByText('На этом компьютере не установлен принтер.')).toBeVisible();
    await expect(group.getByLabel('Принтер', { exact: true })).toHaveValue('');
    await expect(group.getByRole('checkbox', { name: 'Печатать без окна печати' })).toBeDisabled();
  }
});
