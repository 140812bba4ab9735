import type { Migration } from '../migrate.js';
import { migration0001 } from './0001-foundation.js';
import { migration0002 } from './0002-patients.js';
import { migration0003 } from './0003-consents.js';
import { migration0004 } from './0004-sync.js';
import { migration0005 } from './0005-printing.js';

/** In order. The position in this list is the schema version; never renumber or edit a shipped one. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005];
