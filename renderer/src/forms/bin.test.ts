import { describe, expect, it } from 'vitest';
import { binProblem } from './bin';

describe('binProblem', () => {
  it('accepts a valid BIN, with or without spaces', () => {
    expect(binProblem('160440012346')).toBeNull();
    expect(binProblem('160 440 012 346')).toBeNull();
  });
  it('names the problem', () => {
    expect(binProblem('160440012347')).toBe('bin.checksum');
    expect(binProblem('16044001234')).toBe('bin.format');
    expect(binProblem('16044001234x')).toBe('bin.format');
  });
});
