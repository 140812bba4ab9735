import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { dispatch } from '../core/api/dispatch.js';
import type { DeskCore } from '../core/desk.js';
import { Session } from '../core/session.js';
import { isAppUrl } from './security.js';

export const CALL_CHANNEL = 'desk:call';

/**
 * The IPC transport: one channel, the same handler map as the browser harness. Each window
 * has its own session. A call is served only if it comes from the top frame of one of our
 * windows showing our own origin; anything else (a subframe, a foreign page) is refused.
 */
export function registerIpc(desk: DeskCore, isOurWindow: (e: IpcMainInvokeEvent) => boolean): void {
  const sessions = new Map<number, Session>();
  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, payload: unknown) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isAppUrl(frame.url) || !isOurWindow(event)) {
      return { ok: false, error: { code: 'transport.badOrigin' } };
    }
    if (typeof method !== 'string') return { ok: false, error: { code: 'unknownMethod' } };
    const id = event.sender.id;
    let session = sessions.get(id);
    if (!session) {
      session = new Session();
      sessions.set(id, session);
      event.sender.once('destroyed', () => sessions.delete(id));
    }
    return dispatch({ desk, session, transport: 'ipc' }, method, payload);
  });
}
