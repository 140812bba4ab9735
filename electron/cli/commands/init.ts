import { dispatch } from '../../core/api/dispatch.js';
import { AppError } from '../../core/errors.js';
import { Session } from '../../core/session.js';
import { optionalString, requireString, type OptionValues } from '../args.js';
import type { CliCommand } from '../command.js';
import { withDesk } from '../desk.js';

/** A BIN that passes the checksum but belongs to no one: fine for a trial, never for production. */
export const PLACEHOLDER_BIN = '160440012346';

interface Defaulted {
  value: string;
  warning?: string;
}

const PLACEHOLDER = 'a placeholder is used and printed forms will show it; correct it in Settings';

/** A given option, or its default with a warning. Warnings never quote the value: it may be a person's name. */
function pick(values: OptionValues, name: string, fallback: string, warning: string | null = PLACEHOLDER): Defaulted {
  const given = optionalString(values, name);
  if (given !== undefined) return { value: given };
  return warning ? { value: fallback, warning: `--${name} not given: ${warning}.` } : { value: fallback };
}

function setupPayload(values: OptionValues): { login: string; warnings: string[]; build(password: string): Record<string, unknown> } {
  const branchName = requireString(values, 'branch-name');
  const director = pick(values, 'director', 'не указан');
  const fields = {
    code: pick(values, 'branch-code', 'BR-01', null),
    address: pick(values, 'branch-address', branchName, 'the branch name is used as its address'),
    kk: pick(values, 'operator-name-kk', 'Оператор (атауы көрсетілмеген)'),
    ru: pick(values, 'operator-name-ru', 'Оператор (наименование не указано)'),
    bin: pick(values, 'bin', PLACEHOLDER_BIN, null),
    postal: pick(values, 'operator-address', 'не указан'),
    director,
    // Russian forms need the dative ("Директору ... Утебаевой"); the nominative is only a stopgap.
    dative: pick(values, 'director-ru-dative', director.value, 'the nominative form is used; correct it in Settings'),
    language: pick(values, 'language', 'ru', null),
  };
  const warnings = Object.values(fields).flatMap((f) => (f.warning ? [f.warning] : []));
  if (optionalString(values, 'bin') === undefined) {
    warnings.unshift(`--bin not given: using the placeholder BIN ${PLACEHOLDER_BIN}, which is not your organisation's. Set the real BIN before production use.`);
  }
  const login = requireString(values, 'admin-login');
  const fullName = requireString(values, 'admin-name');
  return {
    login,
    warnings,
    build: (password) => ({
      branch: { code: fields.code.value, name: branchName, address: fields.address.value },
      operator: {
        legalNameKk: fields.kk.value,
        legalNameRu: fields.ru.value,
        bin: fields.bin.value,
        postalAddress: fields.postal.value,
        directorName: fields.director.value,
        directorNameRuDative: fields.dative.value,
      },
      admin: { login, fullName, password },
      language: fields.language.value,
    }),
  };
}

export const initCommand: CliCommand = {
  summary: 'first-run setup: branch, operator and the first admin (password on stdin)',
  usage:
    'init --data DIR --branch-name NAME --admin-login LOGIN --admin-name "FULL NAME" [--branch-code CODE] [--branch-address TEXT]\n' +
    '     [--operator-name-kk TEXT] [--operator-name-ru TEXT] [--bin BIN] [--operator-address TEXT] [--director NAME]\n' +
    '     [--director-ru-dative NAME] [--language kk|ru|en]',
  options: {
    'branch-name': { type: 'string' },
    'branch-code': { type: 'string' },
    'branch-address': { type: 'string' },
    'admin-login': { type: 'string' },
    'admin-name': { type: 'string' },
    'operator-name-kk': { type: 'string' },
    'operator-name-ru': { type: 'string' },
    bin: { type: 'string' },
    'operator-address': { type: 'string' },
    director: { type: 'string' },
    'director-ru-dative': { type: 'string' },
    language: { type: 'string' },
  },
  async run(values, io) {
    const { login, warnings, build } = setupPayload(values);
    for (const w of warnings) io.note(`warning: ${w}`);
    const password = await io.secrets.readNew('Password for the new admin: ');
    return withDesk(values, async (desk) => {
      // The same handler as the setup screen: same validation, same audit entries.
      const r = await dispatch({ desk, session: new Session(), transport: 'cli' }, 'setup.run', build(password));
      if (!r.ok) throw new AppError(r.error.code, { ...(r.error.issues ? { issues: r.error.issues } : {}) });
      const store = desk.store();
      const adminId = store.staff.byLogin(login)?.id ?? null;
      const branchCode = desk.branch().code;
      return {
        json: { setupDone: true, storeId: store.keyring.storeId, cipher: store.cipher, branchCode, adminId, warnings },
        text: `set up: store ${store.keyring.storeId} (${store.cipher}), branch ${branchCode}, admin account created`,
      };
    });
  },
};
