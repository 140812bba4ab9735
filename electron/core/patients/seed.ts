import { makeIin } from '../identity/iin.js';
import type { PatientInput } from './schema.js';

/**
 * Synthetic patients for demos and benchmarks. Names are drawn from common Kazakh and Russian
 * names, combined at random; IINs are made with the real check-digit algorithm from random
 * dates and serials; phones are random numbers in Kazakhstan's mobile ranges; e-mail is at
 * example.kz (a reserved-for-examples style domain) and every address says it is test data.
 * The combination is invented: no record here describes a real person, and the generator
 * never reads any real data.
 */
const KZ_SURNAMES_M = ['Ахметов', 'Сейтжанов', 'Нұрланов', 'Жұмабеков', 'Қасымов', 'Омаров', 'Тоқтаров', 'Әбдірахманов', 'Серікбаев', 'Құрманов', 'Бекмұханов', 'Исаев'];
const KZ_NAMES_M = ['Ерлан', 'Айдар', 'Нұрсұлтан', 'Дәурен', 'Асқар', 'Бауыржан', 'Ғани', 'Ерболат', 'Қанат', 'Мұрат', 'Санжар', 'Әлихан'];
const KZ_NAMES_F = ['Әйгерім', 'Айгүл', 'Гүлнар', 'Динара', 'Жанар', 'Меруерт', 'Сәуле', 'Ұлжан', 'Аружан', 'Іңкәр', 'Назерке', 'Әлия'];
const RU_SURNAMES_M = ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Соколов', 'Лебедев', 'Козлов', 'Новиков', 'Морозов', 'Петров', 'Волков', 'Фёдоров'];
const RU_NAMES_M = ['Алексей', 'Дмитрий', 'Сергей', 'Андрей', 'Михаил', 'Иван', 'Артём', 'Николай', 'Павел', 'Юрий'];
const RU_NAMES_F = ['Анна', 'Мария', 'Елена', 'Ольга', 'Татьяна', 'Наталья', 'Ирина', 'Светлана', 'Юлия', 'Алёна'];
const KZ_PATRONYMIC_ROOTS = ['Серік', 'Болат', 'Ержан', 'Қайрат', 'Нұрлан', 'Асхат'];
const RU_PATRONYMIC_ROOTS = ['Александров', 'Владимиров', 'Сергеев', 'Николаев', 'Петров', 'Иванов'];
const CITIES = ['г. Алматы', 'г. Астана', 'г. Шымкент', 'г. Караганда', 'г. Актобе', 'г. Павлодар'];
const STREETS = ['ул. Абая', 'пр. Достык', 'ул. Толе би', 'ул. Сатпаева', 'ул. Жандосова', 'пр. Республики'];
const MOBILE = ['700', '701', '702', '705', '707', '708', '747', '771', '775', '776', '777', '778'];

/** A small, seedable PRNG (mulberry32), so a seed run can be repeated exactly. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

function feminine(surname: string): string {
  return surname.endsWith('ов') || surname.endsWith('ев') || surname.endsWith('ин') ? `${surname}а` : surname;
}

/** One synthetic adult patient. `serial` keeps IINs unique within a run. */
export function syntheticPatient(r: () => number, serial: number): PatientInput {
  const female = r() < 0.5;
  const kazakh = r() < 0.65;
  const year = 1940 + Math.floor(r() * 66);
  const month = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  const birthDate = `${year}-${pad(month, 2)}-${pad(day, 2)}`;
  let iin: string | null = null;
  for (let s = serial % 10000, tries = 0; iin === null && tries < 10; s = (s + 1) % 10000, tries++) iin = makeIin(birthDate, female ? 'female' : 'male', s);
  const surnameM = kazakh ? pick(r, KZ_SURNAMES_M) : pick(r, RU_SURNAMES_M);
  const given = female ? (kazakh ? pick(r, KZ_NAMES_F) : pick(r, RU_NAMES_F)) : kazakh ? pick(r, KZ_NAMES_M) : pick(r, RU_NAMES_M);
  const patronymic = kazakh ? `${pick(r, KZ_PATRONYMIC_ROOTS)}${female ? 'қызы' : 'ұлы'}` : `${pick(r, RU_PATRONYMIC_ROOTS)}${female ? 'на' : 'ич'}`;
  const phone = `+77${pick(r, MOBILE).slice(1)}${pad(Math.floor(r() * 10_000_000), 7)}`;
  return {
    surname: female ? feminine(surnameM) : surnameM,
    givenName: given,
    patronymic,
    iin,
    birthDate,
    sex: female ? 'female' : 'male',
    document: { type: 'id-card', number: pad(Math.floor(r() * 1_000_000_000), 9), issuedOn: null, issuer: 'МВД РК', expiresOn: null },
    phone,
    email: r() < 0.4 ? `patient${serial}@example.kz` : null,
    address: `${pick(r, CITIES)}, ${pick(r, STREETS)}, ${1 + Math.floor(r() * 200)} (тестовые данные)`,
    representative: null,
    preferredLanguage: kazakh ? 'kk' : 'ru',
  };
}
