import { PERMISSIONS, ROLES, type Permission } from './roles.js';

/** The role matrix as a Markdown table, for README (a test keeps the two identical). */
export function roleMatrixMarkdown(): string {
  const header = `| permission | ${ROLES.join(' | ')} |`;
  const rule = `|---|${ROLES.map(() => ':-:').join('|')}|`;
  const rows = (Object.keys(PERMISSIONS) as Permission[]).map(
    (p) => `| \`${p}\` | ${ROLES.map((r) => ((PERMISSIONS[p] as readonly string[]).includes(r) ? '✔' : '')).join(' | ')} |`,
  );
  return [header, rule, ...rows].join('\n');
}
