import type { AuditLog } from '../audit/log.js';
import type { Db } from '../store/database.js';
import type { PaperJob } from './service.js';

/**
 * The kinds of printed form, each with its own remembered printer. New forms (the subject's
 * request of Appendix 1, response reports) pick one of these; a new kind is one more entry.
 */
export const FORM_TYPES = ['consent', 'request', 'report'] as const;
export type FormType = (typeof FORM_TYPES)[number];

export interface PrintPreference {
  formType: FormType;
  printer: string | null;
  silent: boolean;
}

interface Row {
  form_type: string;
  printer_name: string | null;
  silent: number;
}

const isFormType = (v: string): v is FormType => (FORM_TYPES as readonly string[]).includes(v);

/** Reads and writes `print_preference`; every change is audited (who pointed forms where). */
export class PrintPreferences {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {}

  all(): PrintPreference[] {
    const rows = this.db.prepare('SELECT form_type, printer_name, silent FROM print_preference').all() as Row[];
    const byType = new Map(rows.filter((r) => isFormType(r.form_type)).map((r) => [r.form_type, r]));
    return FORM_TYPES.map((formType) => {
      const r = byType.get(formType);
      return { formType, printer: r?.printer_name ?? null, silent: r?.silent === 1 };
    });
  }

  get(formType: FormType): PrintPreference {
    return this.all().find((p) => p.formType === formType)!;
  }

  /** The paper job for a form: its remembered printer (null: the OS default) and whether to skip the dialog. */
  job(formType: FormType): PaperJob {
    const p = this.get(formType);
    return { printer: p.printer, silent: p.silent && p.printer !== null };
  }

  set(pref: PrintPreference, staffId: string | null, at: string): PrintPreference {
    const silent = pref.silent && pref.printer !== null;
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO print_preference (form_type, printer_name, silent, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (form_type) DO UPDATE SET printer_name = excluded.printer_name, silent = excluded.silent, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        )
        .run(pref.formType, pref.printer, silent ? 1 : 0, at, staffId);
      // The printer's name is the workstation's, not a person's; the audit keeps the form type and the switch.
      this.audit.append({ action: 'print.preferenceChanged', staffId, entityType: 'printPreference', entityId: pref.formType, details: { silent, printerChosen: pref.printer !== null } });
    })();
    return { formType: pref.formType, printer: pref.printer, silent };
  }
}
