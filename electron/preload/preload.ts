import { contextBridge, ipcRenderer } from 'electron';

/**
 * The whole bridge: one function. The renderer never sees ipcRenderer, Node or Electron;
 * the main process validates the method name and payload.
 */
contextBridge.exposeInMainWorld('deskApi', {
  call: (method: string, payload: unknown): Promise<unknown> => ipcRenderer.invoke('desk:call', String(method), payload),
});
