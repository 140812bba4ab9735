/** The preload's bridge (electron/preload/preload.ts): one function, nothing else from Electron. */
interface DeskBridge {
  call(method: string, payload: unknown): Promise<unknown>;
}

interface Window {
  /** Present only inside Electron; the browser harness talks over a WebSocket instead. */
  deskApi?: DeskBridge;
}
