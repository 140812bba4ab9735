/**
 * The one thing both ends of the core's port need: send a message, hear messages, close.
 * Electron's MessagePortMain (utility process and main process) and Node's worker_threads
 * MessagePort (tests, the harness) differ only in how a received message is wrapped, so each
 * gets a two-line adapter here and the protocol code never knows which one it runs on.
 */
export interface PortLike {
  post(message: unknown): void;
  /** Returns a function that stops listening. */
  onMessage(listener: (message: unknown) => void): () => void;
  onClose(listener: () => void): void;
  close(): void;
}

/** Node's worker_threads MessagePort: `message` events carry the value itself. */
export interface NodeMessagePort {
  postMessage(value: unknown): void;
  on(event: 'message', listener: (value: unknown) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  off(event: 'message', listener: (value: unknown) => void): unknown;
  close(): void;
}

export function nodePort(port: NodeMessagePort): PortLike {
  return {
    post: (m) => port.postMessage(m),
    onMessage(listener) {
      port.on('message', listener);
      return () => port.off('message', listener);
    },
    onClose: (listener) => void port.on('close', listener),
    close: () => port.close(),
  };
}

/** Electron's MessagePortMain: `message` events carry `{ data, ports }`, and the port must be started. */
export interface ElectronMessagePort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  off(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  start(): void;
  close(): void;
}

export function electronPort(port: ElectronMessagePort): PortLike {
  port.start();
  return {
    post: (m) => port.postMessage(m),
    onMessage(listener) {
      const l = (e: { data: unknown }) => listener(e.data);
      port.on('message', l);
      return () => port.off('message', l);
    },
    onClose: (listener) => void port.on('close', listener),
    close: () => port.close(),
  };
}
