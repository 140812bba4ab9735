import { expect, test } from './fixtures';
import { ADMIN, loginByKeyboard, setupByKeyboard, TEXT, type Lang } from './helpers';

/**
 * The foundation end to end, once per UI language: first-run setup by keyboard, sign-out and
 * sign-in, the idle lock (renderer timer under Playwright's clock, unlock checked by the
 * core), and the language surviving a reload.
 */
for (const lang of ['kk', 'ru', 'en'] as const satisfies readonly Lang[]) {
  test(`first run, sign-in, idle lock and language persistence (${lang})`, async ({ page, desk }) => {
    const T = TEXT[lang];
    // The renderer's timers run on Playwright's clock, so the idle minute can be skipped.
    await page.clock.install();
    await setupByKeyboard(page, desk.openUrl, lang);

    // Signed in as the admin: the status bar says who and where, in the chosen language.
    const bar = page.getByRole('banner');
    await expect(bar).toContainText('ALA-01');
    await expect(bar).toContainText(ADMIN.fullName);
    await expect(page.getByRole('tab', { name: T.staffTab })).toHaveAttribute('aria-selected', 'true');

    await page.getByRole('button', { name: T.logout }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(T.loginTitle);

    // A wrong password: a localized error, the password field cleared and focused again.
    await loginByKeyboard(page, ADMIN.login, 'not the password 1');
    await expect(page.getByRole('alert')).toContainText(T.wrongCredentials);
    await expect(page.getByLabel(T.passwordLabel)).toBeFocused();
    await expect(page.getByLabel(T.passwordLabel)).toHaveValue('');
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Enter');
    await expect(bar.getByText(T.admin)).toBeVisible();

    // Settings by shortcut; idle lock down to one minute.
    await page.keyboard.press('Alt+2');
    const idle = page.getByLabel(T.idleLock);
    await expect(idle).toHaveValue('5');
    await idle.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await expect(page.getByText(T.saved)).toBeVisible();

    // Half-typed, unsaved input that the lock must not lose.
    const branchName = page.getByLabel(T.branchName);
    await branchName.focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' (draft)');

    await page.clock.fastForward('01:05');
    const lock = page.getByRole('dialog', { name: T.lockTitle });
    await expect(lock).toBeVisible();
    await expect(page.locator('#unlock-password')).toBeFocused();

    // The core checks the password: a wrong one is refused with a localized message.
    await page.keyboard.type('not the password 2');
    await page.keyboard.press('Enter');
    await expect(lock.getByRole('alert')).toContainText(T.wrongCredentials);
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Enter');
    await expect(lock).toBeHidden();
    await expect(branchName).toHaveValue('Алматы, Абая 10 (draft)');

    await page.getByRole('button', { name: T.logout }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(T.loginTitle);

    // The language is stored by the core: after a reload the login screen still speaks it.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(T.loginTitle);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await loginByKeyboard(page, ADMIN.login, ADMIN.password);
    await expect(bar.getByText(T.admin)).toBeVisible();
    await page.getByRole('button', { name: T.logout }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(T.loginTitle);
  });
}

/**
 * The core decides the lock by its own wall clock, whatever the renderer's timers do. Here
 * the renderer's clock is stopped, a real minute passes, and only the status poll runs: the
 * lock screen that appears is the core's decision, and unlocking goes through the core.
 */
test('the core locks an idle desk by its own clock and the status poll shows it', async ({ page, desk }) => {
  test.setTimeout(150_000);
  const T = TEXT.ru;
  await page.clock.install();
  await setupByKeyboard(page, desk.openUrl, 'ru');
  await page.keyboard.press('Alt+2');
  const idle = page.getByLabel(T.idleLock);
  await expect(idle).toHaveValue('5');
  await idle.fill('1');
  await page.keyboard.press('Enter');
  await expect(page.getByText(T.saved)).toBeVisible();

  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 1_000);
  // A real minute for the core; nothing in the page moves meanwhile.
  await new Promise((resolve) => setTimeout(resolve, 62_000));
  const lock = page.getByRole('dialog', { name: T.lockTitle });
  await expect(lock).toBeHidden();

  // Only the status poll (every 5 s) is due within the next 6 s of the page's time.
  await page.clock.runFor(6_000);
  await expect(lock).toBeVisible();
  await page.keyboard.type(ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(lock).toBeHidden();
  await expect(page.getByRole('banner').getByText(T.admin)).toBeVisible();
});

/** What only the core checks comes back as `{ code: 'validation', issues }` and lands on the field. */
test("the core's validation issues are shown next to their field", async ({ page, desk }) => {
  await setupByKeyboard(page, desk.openUrl, 'en');
  await page.getByRole('button', { name: TEXT.en.logout }).click();
  // The login form only checks that something was typed; the core checks the login's format.
  await loginByKeyboard(page, 'a!', 'whatever password');
  const login = page.getByLabel(TEXT.en.loginLabel, { exact: true });
  await expect(login).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#login-login-error')).toHaveText('Use 3–40 Latin letters, digits, dots, hyphens or underscores.');
  await expect(page.getByRole('alert')).toContainText('Login: Use 3–40 Latin letters');
});
