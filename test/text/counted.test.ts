import { describe, expect, it } from 'vitest';
import { counted, wordFor } from '../../sim/text/counted';
import { counted as appCounted } from '../../src/lib/format';

describe('a count and its word', () => {
  it('singular for exactly one, plural for 0, 2 and 1,000, with thousands separators', () => {
    expect(counted(1, 'agent')).toBe('1 agent');
    expect(counted(0, 'agent')).toBe('0 agents');
    expect(counted(2, 'agent')).toBe('2 agents');
    expect(counted(1000, 'agent')).toBe('1,000 agents');
    expect(counted(2000, 'scenario hash', 'scenario hashes')).toBe('2,000 scenario hashes');
  });

  it('irregular plurals by an explicit many', () => {
    expect(counted(1, 'reply', 'replies')).toBe('1 reply');
    expect(counted(3, 'reply', 'replies')).toBe('3 replies');
    expect(counted(1, 'person', 'people')).toBe('1 person');
    expect(counted(12, 'person', 'people')).toBe('12 people');
  });

  it('the word alone, for a number printed elsewhere or as it is', () => {
    expect(wordFor(1, 'agent')).toBe('agent');
    expect(wordFor(0, 'agent')).toBe('agents');
    expect(wordFor(1000, 'agent')).toBe('agents');
    expect(`${1000} ${wordFor(1000, 'replication')}`).toBe('1000 replications');
    expect(wordFor(1, 'gives', 'give')).toBe('gives');
    expect(wordFor(2, 'gives', 'give')).toBe('give');
  });

  it("is the app's counted", () => {
    expect(appCounted).toBe(counted);
  });
});
