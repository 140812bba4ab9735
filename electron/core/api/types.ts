import type { z } from 'zod';
import type { Result } from './handler.js';
import type { Handlers, MethodName } from './index.js';

/** Type-only view of the handler map for clients: imported with `import type` by the renderer. */
export type MethodInput<K extends MethodName> = z.input<Handlers[K]['input']>;
export type MethodOutput<K extends MethodName> = Awaited<ReturnType<Handlers[K]['run']>>;

export type Api = { [K in MethodName]: (input: MethodInput<K>) => Promise<Result<MethodOutput<K>>> };

export type { Result } from './handler.js';
export type { ErrorBody, ErrorCode, FieldIssue } from '../errors.js';
export type { MethodName } from './index.js';
