import path from 'node:path';
import { z } from 'zod';
import { createBackup } from '../../maintenance/backup.js';
import { storeStats } from '../../maintenance/stats.js';
import { defineHandler } from '../handler.js';
import { empty } from '../schemas.js';

/** A folder chosen in the UI's folder picker: absolute, and free of NUL (SQLite would cut the name there). */
const outDirSchema = z
  .string()
  .min(1, { error: 'validation.required' })
  .max(1000, { error: 'validation.tooLong' })
  .refine((p) => path.isAbsolute(p) && !p.includes('\0'), { error: 'validation.path' });

export const maintenanceHandlers = {
  /** Writes an encrypted backup into an empty folder; returns its manifest (sizes and hashes only). */
  'backup.create': defineHandler({
    input: z.object({ outDir: outDirSchema }),
    access: 'backup.run',
    run: async (ctx, { outDir }) => (await createBackup(ctx.desk, outDir, undefined, { staffId: ctx.session.staff?.id ?? null })).manifest,
  }),

  'store.stats': defineHandler({
    input: empty,
    access: 'backup.run',
    run: ({ desk }) => storeStats(desk),
  }),
};
