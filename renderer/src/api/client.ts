import type { Api, ErrorBody, MethodName } from '../../../electron/core/api/types';
import type { Transport } from './transport';

/**
 * The typed client: `api['auth.login']({ login, password })`. The method names and their
 * input and output types come from the core's handler map (type-only import), so a renamed
 * handler is a compile error here, not a runtime surprise at the desk.
 *
 * `onError` sees every refusal, so one place can react to "locked" or "signed out" whichever
 * screen made the call.
 */
export function createApi(transport: Transport, onError: (error: ErrorBody, method: MethodName) => void): Api {
  const target = {} as Api;
  return new Proxy(target, {
    get(_t, prop) {
      // Not a thenable, not a symbol-keyed protocol: only string method names are calls.
      if (typeof prop !== 'string' || prop === 'then') return undefined;
      const method = prop as MethodName;
      return async (input: unknown) => {
        const result = await transport.call(method, input ?? {});
        if (!result.ok) onError(result.error, method);
        return result;
      };
    },
  });
}
