import { auditHandlers } from './handlers/audit.js';
import { consentHandlers } from './handlers/consents.js';
import { draftHandlers } from './handlers/drafts.js';
import { maintenanceHandlers } from './handlers/maintenance.js';
import { patientHandlers } from './handlers/patients.js';
import { authHandlers } from './handlers/auth.js';
import { settingsHandlers } from './handlers/settings.js';
import { setupHandlers } from './handlers/setup.js';
import { staffHandlers } from './handlers/staff.js';
import { syncHandlers } from './handlers/sync.js';
import { printingHandlers } from './handlers/printing.js';

/**
 * The one map of everything the renderer (or the CLI) can ask the core to do. Transports
 * route by these names; the renderer's client type is derived from this object, so a
 * renamed or retyped handler breaks the build, not the desk.
 */
export const handlers = {
  ...setupHandlers,
  ...authHandlers,
  ...staffHandlers,
  ...settingsHandlers,
  ...auditHandlers,
  ...patientHandlers,
  ...draftHandlers,
  ...consentHandlers,
  ...maintenanceHandlers,
  ...syncHandlers,
  ...printingHandlers,
};

export type Handlers = typeof handlers;
export type MethodName = keyof Handlers;
