import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Result } from '../core/api/handler.js';
import { methodName, senderAllowed } from './origin.js';

export const CALL_CHANNEL = 'desk:call';

/** The part of the core's process the IPC bridge needs (main/core-process.ts). */
export interface CoreCalls {
  call(session: string, method: string, payload: unknown): Promise<Result<unknown>>;
  endSession(session: string): void;
}

/**
 * The IPC transport: one channel, the same handler map as the browser harness. Each window
 * has its own session in the core, keyed by its web contents. The sender is checked here
 * (top frame, our window, our origin); the method and payload are checked by the core.
 */
export function registerIpc(core: CoreCalls, isOurWindow: (e: IpcMainInvokeEvent) => boolean): void {
  const known = new Set<number>();
  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, payload: unknown) => {
    const frame = event.senderFrame;
    if (!senderAllowed({ frameUrl: frame?.url ?? null, isTopFrame: frame?.parent === null, isOurWindow: isOurWindow(event) })) {
      return { ok: false, error: { code: 'transport.badOrigin' } };
    }
    const name = methodName(method);
    if (!name) return { ok: false, error: { code: 'unknownMethod' } };
    const id = event.sender.id;
    if (!known.has(id)) {
      known.add(id);
      event.sender.once('destroyed', () => {
        known.delete(id);
        core.endSession(String(id));
      });
    }
    return core.call(String(id), name, payload);
  });
}
