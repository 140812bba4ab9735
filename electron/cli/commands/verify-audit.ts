import type { ChainProblem } from '../../core/audit/chain.js';
import { optionalString } from '../args.js';
import { callMethod } from '../call.js';
import type { CliCommand } from '../command.js';
import { withDesk } from '../desk.js';
import { signInCli } from '../identity.js';

export const EXIT_CHAIN_BROKEN = 3;

function describeProblem(p: ChainProblem): string {
  switch (p.kind) {
    case 'gap':
      return `gap: expected #${p.expectedSeq}, found #${p.foundSeq}`;
    case 'link':
      return `broken link at #${p.seq}`;
    case 'hash':
      return `entry #${p.seq} was changed`;
    case 'head':
      return `head mismatch: meta says #${p.expectedSeq}, log ends at #${p.foundSeq}`;
  }
}

export const verifyAuditCommand: CliCommand = {
  summary: "verifies the audit log's hash chain (manager or admin password on stdin); exit 3 when broken",
  usage: 'verify-audit --data DIR [--login LOGIN]',
  options: { login: { type: 'string' } },
  async run(values, io) {
    const password = await io.secrets.read('Password: ');
    return withDesk(values, async (desk) => {
      const ctx = await signInCli(desk, password, { login: optionalString(values, 'login'), permission: 'audit.verify' });
      const verdict = await callMethod(ctx, 'audit.verify', {});
      const head = `${verdict.entries} entries, head #${verdict.headSeq} ${verdict.headHash.slice(0, 12)}`;
      const text = verdict.valid
        ? `audit chain valid: ${head}`
        : [`audit chain BROKEN: ${head}`, ...verdict.problems.map((p) => `  ${describeProblem(p)}`)].join('\n');
      return { json: { ...verdict }, text, exitCode: verdict.valid ? 0 : EXIT_CHAIN_BROKEN };
    });
  },
};
