import { escapeHtml, printPage } from './page.js';
import { consentQrSvg } from './qr.js';

type Lang = 'kk' | 'ru';

const LABELS = {
  kk: {
    document: 'Құжат №',
    id: 'Келісім идентификаторы',
    hash: 'Мәтіннің SHA-256 хэші',
    subjectSign: 'Дербес деректер субъектісінің қолы',
    representativeSign: 'Заңды өкілдің қолы',
    basis: 'Негіздеме',
    staffSign: 'Келісімді қабылдаған қызметкер',
    date: 'Күні',
    withdrawalTitle: 'Дербес деректерді өңдеуге келісімді кері қайтарып алуды растау',
    withdrawalBody: 'Төменде көрсетілген келісім кері қайтарып алынды. Кері қайтарып алу оған дейін жүргізілген өңдеудің заңдылығына әсер етпейді және заң талап ететін өңдеуді тоқтатпайды.',
    consentNo: 'Келісім №',
    subject: 'Субъект',
    iin: 'ЖСН',
    withdrawnAt: 'Кері қайтарып алынған күні',
    reason: 'Себебі',
  },
  ru: {
    document: 'Документ №',
    id: 'Идентификатор согласия',
    hash: 'SHA-256 текста',
    subjectSign: 'Подпись субъекта персональных данных',
    representativeSign: 'Подпись законного представителя',
    basis: 'Основание',
    staffSign: 'Согласие принял(а) работник',
    date: 'Дата',
    withdrawalTitle: 'Подтверждение отзыва согласия на обработку персональных данных',
    withdrawalBody: 'Указанное ниже согласие отозвано. Отзыв не влияет на законность обработки, выполненной до него, и не прекращает обработку, которая требуется по закону.',
    consentNo: 'Согласие №',
    subject: 'Субъект',
    iin: 'ИИН',
    withdrawnAt: 'Дата отзыва',
    reason: 'Причина',
  },
} as const;

const BASIS_LABELS: Record<string, Record<Lang, string>> = {
  'power-of-attorney': { kk: 'сенімхат', ru: 'доверенность' },
  'birth-certificate': { kk: 'туу туралы куәлік', ru: 'свидетельство о рождении' },
  'court-decision': { kk: 'сот шешімі', ru: 'решение суда' },
  guardianship: { kk: 'қамқоршылық', ru: 'опека (попечительство)' },
};

export interface ConsentFormInput {
  consentId: string;
  number: string;
  date: string; // dd.MM.yyyy
  textSha256: string;
  sections: { lang: Lang; html: string }[];
  signer: { kind: 'subject'; fullName: string } | { kind: 'representative'; fullName: string; basis: string };
  staffName: string;
}

/** The printable consent: each chosen language on its own pages, kk before ru as in the policy. */
export async function consentFormPage(resourcesDir: string, input: ConsentFormInput): Promise<string> {
  const qr = await consentQrSvg(input.consentId, input.textSha256);
  const docs = input.sections.map(({ lang, html }) => {
    const l = LABELS[lang];
    // The text itself ends with the signature rows (subject or representative, and the
    // receptionist); the header names who took the consent and, for a representative, who
    // signs and on what basis, so the paper matches the record.
    const signer =
      input.signer.kind === 'representative'
        ? `<br>${l.representativeSign}: ${escapeHtml(input.signer.fullName)}; ${l.basis}: ${escapeHtml(BASIS_LABELS[input.signer.basis]?.[lang] ?? input.signer.basis)}`
        : '';
    return `<section class="doc" lang="${lang}">
<div class="doc-head"><div class="doc-id">${l.document} ${escapeHtml(input.number)}<br>${l.id}: <code>${escapeHtml(input.consentId)}</code><br>${l.hash}: <code>${escapeHtml(input.textSha256)}</code><br>${l.staffSign}: ${escapeHtml(input.staffName)}${signer}</div><div class="qr">${qr}</div></div>
${html}
</section>`;
  });
  return printPage(resourcesDir, input.sections[0]?.lang ?? 'ru', `${input.number}`, docs.join('\n'));
}

export interface WithdrawalFormInput {
  number: string;
  subjectName: string;
  subjectIin: string;
  withdrawnAt: string; // dd.MM.yyyy
  reason: string;
  staffName: string;
  languages: Lang[];
}

/** The confirmation handed to the patient when they withdraw consent at the desk. */
export function withdrawalFormPage(resourcesDir: string, input: WithdrawalFormInput): string {
  const docs = input.languages.map((lang) => {
    const l = LABELS[lang];
    return `<section class="doc" lang="${lang}">
<h1>${l.withdrawalTitle}</h1>
<p>${l.withdrawalBody}</p>
<table>
<tr><th>${l.consentNo}</th><td>${escapeHtml(input.number)}</td></tr>
<tr><th>${l.subject}</th><td>${escapeHtml(input.subjectName)}</td></tr>
<tr><th>${l.iin}</th><td>${escapeHtml(input.subjectIin)}</td></tr>
<tr><th>${l.withdrawnAt}</th><td>${escapeHtml(input.withdrawnAt)}</td></tr>
<tr><th>${l.reason}</th><td>${escapeHtml(input.reason)}</td></tr>
</table>
<div class="signatures">
<div><div class="sign-line"></div><div class="sign-caption">${l.subjectSign}</div></div>
<div><div class="sign-line"></div><div class="sign-caption">${l.staffSign}: ${escapeHtml(input.staffName)}</div></div>
</div>
</section>`;
  });
  return printPage(resourcesDir, input.languages[0] ?? 'ru', input.number, docs.join('\n'));
}
