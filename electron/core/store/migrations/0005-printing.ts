import type { Migration } from '../migrate.js';

/**
 * Printing at this workstation: which printer each kind of form goes to, and whether it goes
 * there without the OS print dialog (silent printing, an opt-in). Printers are per computer,
 * and so is this store; the choice is remembered per form type so the consent goes to the
 * desk printer and a report to the office one. No personal data here.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'printing',
  up(db) {
    db.exec(`
      CREATE TABLE print_preference (
        form_type TEXT PRIMARY KEY CHECK (length(form_type) BETWEEN 1 AND 40),
        printer_name TEXT CHECK (printer_name IS NULL OR length(printer_name) BETWEEN 1 AND 300),
        silent INTEGER NOT NULL DEFAULT 0 CHECK (silent IN (0, 1)),
        updated_at TEXT NOT NULL,
        updated_by TEXT,
        -- Silent printing needs a named printer: never silently to whatever is the default today.
        CHECK (silent = 0 OR printer_name IS NOT NULL)
      ) STRICT;
    `);
  },
};
