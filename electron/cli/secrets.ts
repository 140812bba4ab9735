import { createInterface, type Interface } from 'node:readline';
import { AppError } from '../core/errors.js';

/** Ctrl-C at a password prompt. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/**
 * Reads passwords: from a terminal without echo, otherwise one per line of stdin (so
 * scripts and tests pipe them in; never argv or env, which other users can read).
 */
export class SecretReader {
  private rl: Interface | null = null;
  private lines: AsyncIterator<string> | null = null;

  constructor(
    private readonly input: NodeJS.ReadStream = process.stdin,
    private readonly prompts: NodeJS.WriteStream = process.stderr,
  ) {}

  async read(prompt: string, field = 'password'): Promise<string> {
    const value = this.input.isTTY ? await this.readTty(prompt) : await this.readLine();
    if (value === '') throw new AppError('validation', { issues: [{ path: field, code: 'validation.required' }] });
    return value;
  }

  /** A new password: on a terminal it is typed twice, since nobody can see a typo. */
  async readNew(prompt: string, field = 'password'): Promise<string> {
    const value = await this.read(prompt, field);
    if (this.input.isTTY && (await this.read('Again: ', field)) !== value) {
      throw new AppError('validation', { issues: [{ path: field, code: 'validation.passwordMismatch' }] });
    }
    return value;
  }

  close(): void {
    this.rl?.close();
    if (!this.input.isTTY) this.input.destroy();
  }

  private async readLine(): Promise<string> {
    if (!this.lines) {
      this.rl = createInterface({ input: this.input, crlfDelay: Infinity, terminal: false });
      this.lines = this.rl[Symbol.asyncIterator]();
    }
    const next = await this.lines.next();
    return next.done ? '' : String(next.value).replace(/\r$/, '');
  }

  private readTty(prompt: string): Promise<string> {
    const input = this.input;
    return new Promise((resolve, reject) => {
      let chars: string[] = [];
      const finish = () => {
        input.off('data', onData);
        input.setRawMode(false);
        input.pause();
        this.prompts.write('\n');
      };
      const onData = (chunk: Buffer | string) => {
        for (const ch of Array.from(String(chunk))) {
          if (ch === '\r' || ch === '\n') {
            finish();
            resolve(chars.join(''));
            chars = [];
            return;
          }
          if (ch === '\u0003') {
            finish();
            reject(new Cancelled());
            return;
          }
          if (ch === '\u007f' || ch === '\b') chars.pop();
          else chars.push(ch);
        }
      };
      this.prompts.write(prompt);
      input.setRawMode(true);
      input.setEncoding('utf8');
      input.on('data', onData);
      input.resume();
    });
  }
}
