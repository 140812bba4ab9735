import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import path from 'node:path';
import { expect, test } from './fixtures';
import { ADMIN, createStaffRu, firstLoginRu, loginByKeyboard, setupByKeyboard } from './helpers';

/**
 * axe on every foundation screen, failing on serious or critical violations. Set
 * DESK_SCREENSHOT_DIR to also keep a 1366×768 screenshot of each screen checked.
 */
async function check(page: Page, screen: string): Promise<void> {
  const dir = process.env.DESK_SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: path.join(dir, `${screen}.png`) });
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact ?? ''}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on ${screen}`).toEqual([]);
}

test('setup, admin screens, lock and login are axe-clean', async ({ page, desk }) => {
  await page.goto(desk.openUrl);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Первоначальная настройка');
  await check(page, 'setup');
  await page.getByRole('radio', { name: 'Қазақша' }).check();
  await page.getByRole('button', { name: 'Баптауды аяқтау' }).click();
  await expect(page.getByRole('alert')).toContainText('Белгіленген өрістерді түзетіңіз');
  await check(page, 'setup-errors-kk');

  await page.reload();
  await setupByKeyboard(page, desk.openUrl, 'ru');
  await check(page, 'staff');
  await page.getByRole('button', { name: 'Новый сотрудник' }).click();
  await page.getByRole('button', { name: 'Создать учётную запись' }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toBeVisible();
  await check(page, 'staff-create-errors');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Alt+2');
  await expect(page.getByLabel('Блокировка при бездействии, минут')).toBeVisible();
  await check(page, 'settings');

  await page.keyboard.press('Control+L');
  await expect(page.getByRole('dialog', { name: 'Рабочее место заблокировано' })).toBeVisible();
  await page.keyboard.type('not the password');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Неверный логин или пароль.');
  await check(page, 'lock');
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Рабочее место заблокировано' })).toBeHidden();

  await page.getByRole('button', { name: 'Выйти' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Вход');
  await check(page, 'login');
  await loginByKeyboard(page, ADMIN.login, 'not the password');
  await expect(page.getByRole('alert')).toContainText('Неверный логин или пароль.');
  await check(page, 'login-error');
});

test('forced password change, the desk and the audit log are axe-clean', async ({ page, desk }) => {
  await setupByKeyboard(page, desk.openUrl, 'ru');
  await createStaffRu(page, { login: 'aigerim', fullName: 'Айгерім Нұрланқызы', role: 'Регистратор', password: 'temporary-pass-1' });
  await createStaffRu(page, { login: 'dana', fullName: 'Дана Серікқызы', role: 'Менеджер', password: 'temporary-pass-2' });
  await page.getByRole('button', { name: 'Выйти' }).click();

  await loginByKeyboard(page, 'aigerim', 'temporary-pass-1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Задайте свой пароль');
  await check(page, 'change-password');
  await page.getByRole('button', { name: 'Выйти' }).click();

  await firstLoginRu(page, 'aigerim', 'temporary-pass-1', 'my own secret 42');
  await expect(page.getByLabel('ИИН, фамилия или телефон')).toBeFocused();
  await check(page, 'desk-receptionist');
  await page.getByRole('button', { name: 'Выйти' }).click();

  await firstLoginRu(page, 'dana', 'temporary-pass-2', 'my own secret 43');
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('table', { name: 'Журнал аудита' })).toBeVisible();
  await page.getByRole('button', { name: 'Проверить цепочку' }).click();
  await expect(page.getByText('Цепочка не нарушена.')).toBeVisible();
  await check(page, 'audit');
});
