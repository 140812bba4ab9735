import { expect, type Page } from '@playwright/test';

export type Lang = 'kk' | 'ru' | 'en';

export const ADMIN = { login: 'admin', fullName: 'Сейтжанов Ерлан', password: 'correct horse battery' };

/** Field values in the setup form's Tab order: branch (3), operator (6), admin (4). */
export const SETUP_VALUES = [
  'ALA-01',
  'Алматы, Абая 10',
  'г. Алматы, пр. Абая, 10',
  '«АйМедЛаб» ЖШС',
  'ТОО «АйМедЛаб»',
  '160440012346',
  'г. Алматы, ул. Толе би, 101',
  'Утебаева А.Б.',
  'Утебаевой А.Б.',
  ADMIN.login,
  ADMIN.fullName,
  ADMIN.password,
  ADMIN.password,
];

/**
 * A few words of each language, written here by hand rather than read from the locale files,
 * so a wrong or missing translation fails the test.
 */
export const TEXT = {
  kk: {
    languageName: 'Қазақша',
    setupTitle: 'Алғашқы баптау',
    loginTitle: 'Жүйеге кіру',
    loginLabel: 'Логин',
    passwordLabel: 'Құпиясөз',
    wrongCredentials: 'Логин немесе құпиясөз қате.',
    admin: 'Әкімші',
    logout: 'Шығу',
    settingsTab: 'Баптаулар',
    staffTab: 'Қызметкерлер',
    idleLock: 'Әрекетсіздікте құлыптау, минут',
    branchName: 'Филиал атауы',
    saved: 'Баптаулар сақталды.',
    lockTitle: 'Жұмыс орны құлыпталған',
    unlock: 'Құлыпты ашу',
    save: 'Сақтау',
  },
  ru: {
    languageName: 'Русский',
    setupTitle: 'Первоначальная настройка',
    loginTitle: 'Вход',
    loginLabel: 'Логин',
    passwordLabel: 'Пароль',
    wrongCredentials: 'Неверный логин или пароль.',
    admin: 'Администратор',
    logout: 'Выйти',
    settingsTab: 'Настройки',
    staffTab: 'Сотрудники',
    idleLock: 'Блокировка при бездействии, минут',
    branchName: 'Название филиала',
    saved: 'Настройки сохранены.',
    lockTitle: 'Рабочее место заблокировано',
    unlock: 'Разблокировать',
    save: 'Сохранить',
  },
  en: {
    languageName: 'English',
    setupTitle: 'First-run setup',
    loginTitle: 'Sign in',
    loginLabel: 'Login',
    passwordLabel: 'Password',
    wrongCredentials: 'Wrong login or password.',
    admin: 'Administrator',
    logout: 'Log out',
    settingsTab: 'Settings',
    staffTab: 'Staff',
    idleLock: 'Lock after inactivity, minutes',
    branchName: 'Branch name',
    saved: 'Settings saved.',
    lockTitle: 'The desk is locked',
    unlock: 'Unlock',
    save: 'Save',
  },
} as const satisfies Record<Lang, Record<string, string>>;

/** Opens the app on first run, picks the language and fills the whole setup form by keyboard. */
export async function setupByKeyboard(page: Page, openUrl: string, lang: Lang): Promise<void> {
  await page.goto(openUrl);
  const radio = page.getByRole('radio', { name: TEXT[lang].languageName });
  await radio.focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEXT[lang].setupTitle);
  for (const value of SETUP_VALUES) {
    await page.keyboard.press('Tab');
    await page.keyboard.type(value);
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('banner').getByText(TEXT[lang].admin)).toBeVisible();
}

/** Signs in by keyboard from the login screen (the login field has the focus). */
export async function loginByKeyboard(page: Page, login: string, password: string): Promise<void> {
  await expect(page.locator('#login-login')).toBeFocused();
  await page.keyboard.type(login);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
}

/** Creates an account from the admin's Staff screen (Russian UI). */
export async function createStaffRu(page: Page, s: { login: string; fullName: string; role: 'Регистратор' | 'Менеджер' | 'Администратор'; password: string }): Promise<void> {
  await page.getByRole('button', { name: 'Новый сотрудник' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новый сотрудник' });
  await expect(dialog.getByLabel('Логин', { exact: true })).toBeFocused();
  await page.keyboard.type(s.login);
  await page.keyboard.press('Tab');
  await page.keyboard.type(s.fullName);
  await dialog.getByLabel('Роль', { exact: true }).selectOption({ label: s.role });
  await dialog.getByLabel('Временный пароль').fill(s.password);
  await dialog.getByLabel('Временный пароль').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Учётная запись ${s.login} создана` })).toBeVisible();
}

/** First sign-in with a temporary password: the forced change screen, then the desk. */
export async function firstLoginRu(page: Page, login: string, temporary: string, own: string): Promise<void> {
  await loginByKeyboard(page, login, temporary);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Задайте свой пароль');
  await expect(page.getByLabel('Временный (текущий) пароль')).toBeFocused();
  await page.keyboard.type(temporary);
  await page.keyboard.press('Tab');
  await page.keyboard.type(own);
  await page.keyboard.press('Tab');
  await page.keyboard.type(own);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tablist')).toBeVisible();
}
