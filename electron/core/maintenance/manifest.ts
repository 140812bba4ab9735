import { z } from 'zod';
import { CIPHERS } from '../store/database.js';

export const BACKUP_STORE_FILE = 'store.db';
export const BACKUP_KEYRING_FILE = 'keyring.json';
export const MANIFEST_FILE = 'manifest.json';

/**
 * What a backup folder says about itself. Written last, so a folder without it is an
 * interrupted backup and restore refuses it.
 */
export const manifestSchema = z.object({
  format: z.literal(1),
  createdAt: z.iso.datetime(),
  storeId: z.uuid(),
  cipher: z.enum(CIPHERS),
  schemaVersion: z.number().int().min(1),
  sizeBytes: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export type BackupManifest = z.infer<typeof manifestSchema>;
