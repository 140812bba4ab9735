import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import path from 'node:path';
import { formField, iin, registerPatient, td1 } from './helpers/patient-data';
import { expect, MANAGER, signIn, test } from './helpers/patient-desk';

/**
 * Patient intake at the desk (Russian UI; the texts are written here, not read from the
 * locales, so a missing translation fails). One harness per worker, set up through the UI;
 * each test signs in afresh and uses its own people, so the tests can share the store.
 */
const search = (page: Page) => page.getByLabel('ИИН, фамилия или телефон');
const history = (page: Page) => page.getByRole('region', { name: 'История изменений' });
const results = (page: Page) => page.getByRole('listbox', { name: 'Найденные пациенты' });

/** With DESK_SCREENSHOT_DIR set, keeps a 1366×768 screenshot of the screen for a human to look at. */
async function shot(page: Page, screen: string): Promise<void> {
  const dir = process.env.DESK_SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: path.join(dir, `patients-${screen}.png`) });
}

async function axeClean(page: Page, screen: string): Promise<void> {
  await shot(page, screen);
  // The status bar belongs to the shell and is checked by a11y.spec.ts; this spec answers for the desk.
  const found = await new AxeBuilder({ page }).exclude('.status-bar').analyze();
  const bad = found.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact ?? ''}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `axe on ${screen}`).toEqual([]);
}

test('register by keyboard only; the same IIN again is blocked and opens the existing patient', async ({ page, sharedDesk }) => {
  await signIn(page, sharedDesk.openUrl);
  const id = iin('1990-03-15', 'male', 100);
  await page.keyboard.type(id);
  await expect(page.getByText(`По запросу «${id}» никого не найдено.`)).toBeVisible();
  // Nothing found: Enter starts a registration carrying the typed digits as the IIN.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Новый пациент' })).toBeVisible();
  await expect(formField(page, 'Фамилия')).toBeFocused();
  await expect(formField(page, 'ИИН')).toHaveValue(id);
  await expect(formField(page, 'Дата рождения')).toHaveValue('15.03.1990');
  await expect(page.getByText('Из ИИН')).toHaveCount(2);

  const typeAndTab = async (text: string) => {
    if (text) await page.keyboard.type(text);
    await page.keyboard.press('Tab');
  };
  await typeAndTab('Жаксылыков');
  await typeAndTab('Ерлан');
  await typeAndTab('Маратович');
  await typeAndTab(''); // IIN, prefilled
  await typeAndTab(''); // date of birth, derived from the IIN
  await expect(formField(page, 'Вид документа')).toBeFocused();
  await typeAndTab('');
  await typeAndTab('045612378');
  await page.keyboard.type('15032020');
  await expect(formField(page, 'Дата выдачи')).toHaveValue('15.03.2020');
  await page.keyboard.press('Tab');
  await typeAndTab('МВД РК');
  await typeAndTab('14032030');
  // A wrong phone: the error shows as soon as the field is left.
  await typeAndTab('12345');
  await expect(page.getByText('Введите номер телефона, например +7 701 234 56 78.')).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Control+A');
  await typeAndTab('87015550101');
  await expect(formField(page, 'Телефон')).toHaveValue('+7 (701) 555-01-01');
  await typeAndTab(''); // e-mail
  await typeAndTab(''); // language of forms
  await expect(formField(page, 'Адрес проживания')).toBeFocused();
  await page.keyboard.type('г. Алматы, ул. Абая, 1');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Жаксылыков Ерлан Маратович' })).toBeVisible();
  await expect(page.getByText('Пациент зарегистрирован.')).toBeVisible();
  await expect(history(page)).toContainText('Регистрация');
  await expect(history(page)).toContainText(`${RECEPTIONIST_NAME}`);

  // Back to the search (Esc), then the same IIN as a new patient: blocked before saving.
  await page.keyboard.press('Escape');
  await expect(search(page)).toBeFocused();
  await expect(search(page)).toHaveValue(id);
  await page.keyboard.press('Alt+N');
  await expect(formField(page, 'ИИН')).toHaveValue(id);
  const blocked = page.getByRole('alert').filter({ hasText: 'Пациент с этим ИИН уже зарегистрирован.' });
  await expect(blocked).toContainText('Жаксылыков Ерлан Маратович, дата рождения 15.03.1990');
  await shot(page, 'duplicate-exact');
  // Saving anyway only moves the focus to the way out.
  await formField(page, 'Фамилия').fill('Другой');
  await formField(page, 'Фамилия').press('Enter');
  await expect(page.getByRole('button', { name: 'Открыть существующего пациента' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Жаксылыков Ерлан Маратович' })).toBeVisible();
});

const RECEPTIONIST_NAME = 'Айгерім Нұрланқызы';

test('a near-duplicate is shown side by side, needs a reason, and the reason is in the history', async ({ page, sharedDesk }) => {
  await signIn(page, sharedDesk.openUrl);
  const birth = '1985-07-02';
  await registerPatient(page, {
    surname: 'Нұрланова',
    givenName: 'Айгерім',
    iin: iin(birth, 'female', 300),
    documentNumber: '011111111',
    phone: '+7 701 555 0201',
    address: 'г. Алматы, ул. Сатпаева, 5',
  });
  await page.keyboard.press('Escape');

  await page.keyboard.press('Alt+N');
  await formField(page, 'Фамилия').fill('Нурланова');
  await formField(page, 'Имя').fill('Айгерим');
  await formField(page, 'ИИН').fill(iin(birth, 'female', 400));
  const similar = page.getByRole('region', { name: /Уже зарегистрированы похожие пациенты: 1/ });
  await expect(similar).toBeVisible();
  const candidate = similar.getByRole('listitem');
  await expect(candidate).toContainText('Нұрланова Айгерім');
  await expect(candidate).toContainText('Почему похож: та же дата рождения, похожее имя');
  // Beside the form: what is the same as typed is marked, what differs is not.
  await expect(candidate.getByRole('definition').filter({ hasText: '02.07.1985' })).toContainText('совпадает');
  await expect(candidate.getByRole('definition').filter({ hasText: '+7 (701) 555-02-01' })).not.toContainText('совпадает');

  await formField(page, 'Номер документа').fill('022222222');
  await formField(page, 'Телефон').fill('+7 701 555 0202');
  await formField(page, 'Адрес проживания').fill('г. Алматы, ул. Сатпаева, 7');
  await formField(page, 'Адрес проживания').press('Enter');
  // Saving without a reason: the reason field says so and gets the focus.
  const reason = formField(page, 'Почему это другой человек');
  await expect(reason).toBeFocused();
  await expect(similar.getByText('Заполните это поле.')).toBeVisible();
  await shot(page, 'duplicate-similar');
  await page.keyboard.type('Другой человек: сёстры-близнецы');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Нурланова Айгерим' })).toBeVisible();
  await expect(history(page)).toContainText('Причина: Другой человек: сёстры-близнецы');
});

test('search by IIN prefix, by name typed without Kazakh letters, and by phone; arrows and Enter open', async ({ page, sharedDesk }) => {
  await signIn(page, sharedDesk.openUrl);
  const id = iin('1992-11-05', 'female', 700);
  await registerPatient(page, {
    surname: 'Әбілқасымова',
    givenName: 'Гүлнұр',
    iin: id,
    documentNumber: '033333333',
    phone: '8 702 444 11 22',
    address: 'г. Шымкент, ул. Байтурсынова, 3',
  });
  await registerPatient(page, { surname: 'Әбілқасымов', givenName: 'Нұрсұлтан', iin: iin('1994-02-10', 'male', 700), documentNumber: '044444444', phone: '+7 705 000 33 44', address: 'г. Шымкент' });
  await page.keyboard.press('Escape');

  const field = search(page);
  await field.fill(id.slice(0, 6));
  await expect(results(page).getByRole('option')).toHaveCount(1);
  await expect(results(page)).toContainText('Әбілқасымова Гүлнұр');
  await expect(results(page)).toContainText('05.11.1992');

  await field.fill('абилкасымов');
  await expect(results(page).getByRole('option')).toHaveCount(2);
  await expect(results(page).getByRole('option').first()).toHaveAttribute('aria-selected', 'true');

  await field.fill('8702444');
  await expect(results(page).getByRole('option')).toHaveCount(1);
  await expect(results(page)).toContainText('+7 (702) 444-11-22');

  // Two results; the arrow moves to the second, Enter opens it.
  await field.fill('Абилкасымов');
  await expect(results(page).getByRole('option')).toHaveCount(2);
  await page.keyboard.press('ArrowDown');
  await expect(results(page).getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
  const second = (await results(page).getByRole('option').nth(1).locator('.result-name').textContent()) ?? '';
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: second })).toBeVisible();
});

test('a correction is saved with its reason and shows in the history as before → after', async ({ page, sharedDesk }) => {
  await signIn(page, sharedDesk.openUrl);
  await registerPatient(page, {
    surname: 'Серікбаев',
    givenName: 'Дәулет',
    iin: iin('1979-09-21', 'male', 900),
    documentNumber: '055555555',
    phone: '+7 707 111 22 33',
    address: 'г. Астана, пр. Республики, 9',
  });
  // Merging is a manager's action: a receptionist does not see it.
  await expect(page.getByRole('button', { name: 'Объединить дубликат' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Запрос субъекта' })).toHaveAttribute('aria-disabled', 'true');

  await page.keyboard.press('Alt+E');
  await expect(page.getByRole('heading', { name: 'Исправление: Серікбаев Дәулет' })).toBeVisible();
  await expect(formField(page, 'Причина изменения')).toHaveValue('Исправление по требованию пациента');
  await shot(page, 'edit');
  const phone = formField(page, 'Телефон');
  await expect(phone).toHaveValue('+7 (707) 111-22-33');
  await phone.fill('+7 747 999 00 11');
  await phone.press('Enter');

  await expect(page.getByText('Изменения сохранены.')).toBeVisible();
  // No consent yet: the visit does not start, and the card says why.
  await page.keyboard.press('Alt+V');
  await expect(page.locator('#visit-answer')).toHaveText('Нет действующего согласия: сначала оформите согласие пациента.');
  const entry = history(page).getByRole('listitem').first();
  await expect(entry).toContainText('Исправление');
  await expect(entry).toContainText('Причина: Исправление по требованию пациента');
  const row = entry.getByRole('row', { name: /Телефон/ });
  await expect(row).toContainText('+7 (707) 111-22-33');
  await expect(row).toContainText('+7 (747) 999-00-11');
  await shot(page, 'history');
});

test('an ID card scanned anywhere fills the registration form; scanning it again opens the patient', async ({ page, sharedDesk }) => {
  await signIn(page, sharedDesk.openUrl);
  const id = iin('1988-04-12', 'male', 500);
  const mrz = td1({ docNumber: '048812345', iin: id, birth: '880412', sex: 'M', expiry: '330101', surname: 'SAPAROV', given: 'NURBOL' });

  // A keyboard-wedge scanner: the lines arrive as a fast burst with Enter between them.
  await page.keyboard.type(`${mrz.join('\n')}\n`);
  await expect(page.getByRole('heading', { name: 'Новый пациент' })).toBeVisible();
  await expect(page.getByText('Заполнено по отсканированному документу.')).toBeVisible();
  await expect(formField(page, 'Фамилия')).toHaveValue('Saparov');
  await expect(formField(page, 'Имя')).toHaveValue('Nurbol');
  await expect(formField(page, 'ИИН')).toHaveValue(id);
  await expect(formField(page, 'Дата рождения')).toHaveValue('12.04.1988');
  await expect(formField(page, 'Номер документа')).toHaveValue('048812345');
  await expect(formField(page, 'Действителен до')).toHaveValue('01.01.2033');
  await shot(page, 'scanned');

  // The names as printed on the card, then the rest; the scanned text went nowhere.
  await formField(page, 'Фамилия').fill('Сапаров');
  await formField(page, 'Имя').fill('Нұрбол');
  await formField(page, 'Телефон').fill('+7 701 777 88 99');
  await formField(page, 'Адрес проживания').fill('г. Караганда, ул. Ерубаева, 2');
  await formField(page, 'Адрес проживания').press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Сапаров Нұрбол' })).toBeVisible();

  // Back at the search, the same card pasted: the IIN is known, so the card opens.
  await page.keyboard.press('Escape');
  await expect(search(page)).toHaveValue('');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, mrz.join('\n'));
  await expect(page.getByRole('heading', { level: 1, name: 'Сапаров Нұрбол' })).toBeVisible();
});

test('search, registration form and patient card are axe-clean', async ({ page, sharedDesk }) => {
  await signIn(page, sharedDesk.openUrl);
  await registerPatient(page, { surname: 'Оспанова', givenName: 'Мадина', iin: iin('2001-01-30', 'female', 1200), documentNumber: '066666666', phone: '+7 776 123 45 67', address: 'г. Актобе' });
  await axeClean(page, 'card');
  await page.keyboard.press('Escape');
  await search(page).fill('Оспан');
  await expect(results(page).getByRole('option')).not.toHaveCount(0);
  await axeClean(page, 'search');
  await page.keyboard.press('Alt+N');
  await formField(page, 'Фамилия').press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Исправьте отмеченные поля' })).toBeVisible();
  await axeClean(page, 'form-errors');
});

test('a manager merges a duplicate record; the history keeps the merge and its reason', async ({ page, sharedDesk }) => {
  await signIn(page, sharedDesk.openUrl, MANAGER);
  const birth = '1970-05-05';
  await registerPatient(page, { surname: 'Ким', givenName: 'Виктор', iin: iin(birth, 'male', 1500), documentNumber: '077777777', phone: '+7 701 300 40 50', address: 'г. Алматы' });
  await page.keyboard.press('Escape');
  // The same man registered again from his passport, without the IIN: warned, overridden.
  await registerPatient(
    page,
    { surname: 'Ким', givenName: 'Виктор', iin: '', birthDate: '05.05.1970', documentNumber: 'N0123456', phone: '+7 701 300 40 51', address: 'г. Алматы' },
    'Проверю позже',
  );

  await page.keyboard.press('Alt+M');
  const dialog = page.getByRole('dialog', { name: 'Объединение дубликата с записью: Ким Виктор' });
  await expect(dialog).toBeVisible();
  await page.keyboard.type('Ким');
  await expect(dialog.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('table')).toContainText('Эта запись');
  await expect(dialog.getByRole('table')).toContainText('+7 (701) 300-40-50');
  await shot(page, 'merge');
  await dialog.getByLabel('Причина объединения').fill('Один человек: записан по паспорту и по удостоверению');
  await dialog.getByRole('button', { name: 'Объединить записи' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Записи объединены.')).toBeVisible();
  await expect(history(page).getByRole('listitem').first()).toContainText('Причина: Один человек: записан по паспорту и по удостоверению');
});

test('a half-filled registration survives a crash: the draft comes back when the form is opened again', async ({ page, sharedDesk }) => {
  await signIn(page, sharedDesk.openUrl);
  await page.keyboard.press('Alt+N');
  await formField(page, 'Фамилия').fill('Төлеуова');
  await formField(page, 'Имя').fill('Сәуле');
  await formField(page, 'Телефон').fill('+7 775 010 20 30');
  await expect(page.getByText(/Черновик сохранён: \d\d\.\d\d\.\d{4} \d\d:\d\d/)).toBeVisible();

  // The window is gone without any goodbye (a crash, a power cut); a new session starts.
  await page.reload();
  await signIn(page, sharedDesk.openUrl);
  await page.keyboard.press('Alt+N');
  await expect(page.getByText(/Восстановлена несохранённая анкета от/)).toBeVisible();
  await expect(formField(page, 'Фамилия')).toHaveValue('Төлеуова');
  await expect(formField(page, 'Телефон')).toHaveValue('+7 775 010 20 30');

  // Esc with something typed asks first; the second Esc discards, and the draft with it.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alert').filter({ hasText: 'Отменить введённое?' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(search(page)).toBeFocused();
  await page.keyboard.press('Alt+N');
  await expect(formField(page, 'Фамилия')).toHaveValue('');
  await expect(page.getByText(/Восстановлена несохранённая анкета/)).toHaveCount(0);
});

test('two desks correct the same patient: the second save is refused and the form reloads', async ({ page, browser, sharedDesk }) => {
  await signIn(page, sharedDesk.openUrl);
  await registerPatient(page, { surname: 'Жұмабеков', givenName: 'Арман', iin: iin('1983-12-01', 'male', 2000), documentNumber: '088888888', phone: '+7 700 100 20 30', address: 'г. Павлодар' });
  await page.keyboard.press('Alt+E');
  await formField(page, 'Адрес проживания').fill('г. Павлодар, ул. Ломова, 1');

  // Meanwhile a colleague corrects the same record at her desk.
  const other = await browser.newPage();
  await signIn(other, sharedDesk.openUrl, MANAGER);
  await search(other).fill('Жұмабеков');
  await expect(results(other).getByRole('option')).toHaveCount(1);
  await other.keyboard.press('Enter');
  await expect(other.getByRole('heading', { level: 1, name: 'Жұмабеков Арман' })).toBeVisible();
  await other.keyboard.press('Alt+E');
  await formField(other, 'Телефон').fill('+7 700 100 20 31');
  await formField(other, 'Телефон').press('Enter');
  await expect(other.getByText('Изменения сохранены.')).toBeVisible();
  await other.close();

  await formField(page, 'Адрес проживания').press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'запись изменил кто-то другой' })).toBeVisible();
  await expect(formField(page, 'Телефон')).toHaveValue('+7 (700) 100-20-31');
  await expect(formField(page, 'Адрес проживания')).toHaveValue('г. Павлодар');
});
