import type { Db } from '../store/database.js';
import { AppError } from '../errors.js';
import {
  ConsentTextError,
  listConsentVersions,
  loadConsentVersion,
  parseConsentVersion,
  templateSha256,
  type LoadedConsentVersion,
} from './texts.js';

/**
 * Consent text versions come from two places: those shipped in resources/consent/<v>/ and
 * those a manager published at the desk. Once a version is used for a consent it is copied
 * into the store (`consent_version`) and never changes there, so a consent can always be
 * re-rendered and checked against its hash, even after an app update removed the files.
 */
const versionNumber = (v: string) => Number(v.slice(1));

export function consentError(e: unknown): never {
  if (e instanceof ConsentTextError) throw new AppError('consent.text', { details: { reason: e.code }, cause: e });
  throw e;
}

export class ConsentVersions {
  constructor(
    private readonly db: Db,
    private readonly resourcesDir: string,
  ) {}

  list(): string[] {
    const stored = (this.db.prepare('SELECT version FROM consent_version').all() as { version: string }[]).map((r) => r.version);
    return [...new Set([...listConsentVersions(this.resourcesDir), ...stored])].sort((a, b) => versionNumber(a) - versionNumber(b));
  }

  current(): string {
    const all = this.list();
    const last = all.at(-1);
    if (!last) throw new AppError('consent.text', { details: { reason: 'consent.versionNotFound' } });
    return last;
  }

  load(version: string): LoadedConsentVersion {
    const row = this.db.prepare('SELECT manifest, template_kk, template_ru FROM consent_version WHERE version = ?').get(version) as
      | { manifest: string; template_kk: string; template_ru: string }
      | undefined;
    try {
      if (row) return parseConsentVersion(JSON.parse(row.manifest), { kk: row.template_kk, ru: row.template_ru });
      return loadConsentVersion(this.resourcesDir, version);
    } catch (e) {
      return consentError(e);
    }
  }

  /** Copies a shipped version into the store the first time a consent uses it. Call inside the consent's transaction. */
  pin(version: string, at: string): void {
    const exists = this.db.prepare('SELECT first_used_at FROM consent_version WHERE version = ?').get(version) as { first_used_at: string | null } | undefined;
    if (!exists) {
      const v = this.load(version);
      this.db
        .prepare('INSERT INTO consent_version (version, published_at, published_by, manifest, template_kk, template_ru, first_used_at) VALUES (?, ?, NULL, ?, ?, ?, ?)')
        .run(version, v.manifest.publishedAt, JSON.stringify(v.manifest), v.templates.kk ?? '', v.templates.ru ?? '', at);
    } else if (!exists.first_used_at) {
      this.db.prepare('UPDATE consent_version SET first_used_at = ? WHERE version = ?').run(at, version);
    }
  }

  /**
   * A manager publishes a new text. It must be newer than every existing version; the
   * template hashes are computed here, and the full set of checks of a shipped version apply.
   */
  publish(manifest: Record<string, unknown>, templates: { kk: string; ru: string }, staffId: string | null, at: string): LoadedConsentVersion {
    const version = String(manifest['version'] ?? '');
    if (!/^v[1-9][0-9]*$/.test(version) || this.list().some((v) => versionNumber(v) >= versionNumber(version))) {
      throw new AppError('consent.versionNotNewer', { details: { current: this.current() } });
    }
    const full = { ...manifest, templateSha256: { kk: templateSha256(templates.kk), ru: templateSha256(templates.ru) } };
    let loaded: LoadedConsentVersion;
    try {
      loaded = parseConsentVersion(full, templates);
    } catch (e) {
      return consentError(e);
    }
    this.db
      .prepare('INSERT INTO consent_version (version, published_at, published_by, manifest, template_kk, template_ru, first_used_at) VALUES (?, ?, ?, ?, ?, ?, NULL)')
      .run(version, at, staffId, JSON.stringify(loaded.manifest), loaded.templates.kk ?? '', loaded.templates.ru ?? '');
    return loaded;
  }
}
