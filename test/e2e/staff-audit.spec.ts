import { expect, test } from './fixtures';
import { ADMIN, createStaffRu, firstLoginRu, loginByKeyboard, setupByKeyboard } from './helpers';

test('admin manages staff; a receptionist changes the temporary password and lands on the desk', async ({ page, desk }) => {
  await setupByKeyboard(page, desk.openUrl, 'ru');
  await createStaffRu(page, { login: 'aigerim', fullName: 'Айгерім Нұрланқызы', role: 'Регистратор', password: 'temporary-pass-1' });
  const row = page.getByRole('row', { name: /Айгерім Нұрланқызы/ });
  await expect(row).toContainText('Регистратор');
  await expect(row).toContainText('должен сменить пароль');

  // The same login again: the core refuses, and the dialog says why.
  await page.getByRole('button', { name: 'Новый сотрудник' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новый сотрудник' });
  await dialog.getByLabel('Логин', { exact: true }).fill('AIGERIM');
  await dialog.getByLabel('ФИО', { exact: true }).fill('Кто-то другой');
  await dialog.getByLabel('Временный пароль').fill('temporary-pass-2');
  await dialog.getByRole('button', { name: 'Создать учётную запись' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Этот логин уже занят.');
  // Esc with something typed warns first; a second Esc discards.
  await page.keyboard.press('Escape');
  await expect(dialog.getByText('Нажмите Esc ещё раз')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The last admin cannot demote themselves.
  await page.getByRole('button', { name: `Изменить — ${ADMIN.fullName}` }).click();
  const edit = page.getByRole('dialog', { name: 'Учётная запись admin' });
  await edit.getByLabel('Роль', { exact: true }).selectOption({ label: 'Менеджер' });
  await edit.getByRole('button', { name: 'Сохранить' }).click();
  await expect(edit.getByRole('alert')).toContainText('последний активный администратор');
  await edit.getByRole('button', { name: 'Отмена' }).click();

  await page.getByRole('button', { name: 'Выйти' }).click();
  await firstLoginRu(page, 'aigerim', 'temporary-pass-1', 'my own secret 42');

  // The receptionist's desk: the big search field has the focus.
  const search = page.getByLabel('ИИН, фамилия или телефон');
  await expect(search).toBeFocused();
  await expect(page.getByRole('banner')).toContainText('Регистратор');
  // A receptionist sees the desk and the sync status, never the audit log or staff accounts.
  await expect(page.getByRole('tab')).toHaveText(['Регистратура', 'Синхронизация']);
});

test('admin resets a password and deactivates an account; sign-in then says why it is refused', async ({ page, desk }) => {
  await setupByKeyboard(page, desk.openUrl, 'ru');
  await createStaffRu(page, { login: 'dana', fullName: 'Дана Серікқызы', role: 'Менеджер', password: 'temporary-pass-3' });

  await page.getByRole('button', { name: 'Сбросить пароль — Дана Серікқызы' }).click();
  const reset = page.getByRole('dialog', { name: 'Новый временный пароль: Дана Серікқызы' });
  await reset.getByRole('button', { name: 'Сгенерировать пароль' }).click();
  await expect(reset.getByLabel('Временный пароль')).toHaveValue(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  const generated = await reset.getByLabel('Временный пароль').inputValue();
  await reset.getByRole('button', { name: 'Задать временный пароль' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Для dana задан временный пароль.' })).toBeVisible();

  await page.getByRole('button', { name: 'Изменить — Дана Серікқызы' }).click();
  const edit = page.getByRole('dialog', { name: 'Учётная запись dana' });
  await edit.getByLabel('Учётная запись активна').uncheck();
  await edit.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByRole('row', { name: /Дана Серікқызы/ })).toContainText('Отключён');

  await page.getByRole('button', { name: 'Выйти' }).click();
  await loginByKeyboard(page, 'dana', generated);
  await expect(page.getByRole('alert')).toContainText('Учётная запись отключена. Обратитесь к администратору.');
});

test('a manager reads the audit log, filters it, and verifies the chain', async ({ page, desk }) => {
  await setupByKeyboard(page, desk.openUrl, 'ru');
  await createStaffRu(page, { login: 'dana', fullName: 'Дана Серікқызы', role: 'Менеджер', password: 'temporary-pass-3' });
  await page.getByRole('button', { name: 'Выйти' }).click();
  await firstLoginRu(page, 'dana', 'temporary-pass-3', 'my own secret 43');
  await expect(page.getByLabel('ИИН, фамилия или телефон')).toBeFocused();

  await page.keyboard.press('Alt+2');
  const table = page.getByRole('table', { name: 'Журнал аудита' });
  await expect(table).toContainText('Рабочее место настроено');
  await expect(table).toContainText('Смена пароля');

  await page.getByLabel('Действие', { exact: true }).selectOption({ label: 'Вход' });
  await page.getByRole('button', { name: 'Применить' }).click();
  const rows = table.getByRole('row');
  await expect(rows.nth(1)).toContainText('Вход');
  for (const text of await rows.allInnerTexts()) expect(text).not.toContain('Смена пароля');

  // A date typed as digits gets its dots; a date that does not exist is refused inline.
  const from = page.getByLabel('С', { exact: true });
  await from.fill('');
  await from.pressSequentially('31022026');
  await expect(from).toHaveValue('31.02.2026');
  await from.press('Tab');
  await expect(page.getByText('Введите дату в виде дд.мм.гггг.')).toBeVisible();

  await page.getByRole('button', { name: 'Проверить цепочку' }).click();
  await expect(page.getByText('Цепочка не нарушена.')).toBeVisible();
});
