import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { zodIssueMessage } from './issues';

/** zodResolver with our message rule: schema keys win, zod's own codes fall back to keys. */
export function deskResolver<S extends z.ZodType<FieldValues, FieldValues>>(schema: S): Resolver<z.input<S>, unknown, z.output<S>> {
  return zodResolver(schema, { error: zodIssueMessage });
}
