import { describe, expect, it } from 'vitest';
import { buildTree } from './peopleTree';

const names = (nodes: ReturnType<typeof buildTree>): unknown =>
  nodes.map((n) => (n.reports.length ? { [n.person.name!]: names(n.reports) } : n.person.name));

describe('buildTree', () => {
  it('hangs each person under their manager, sorted by name, with unmanaged people at the top', () => {
    const tree = buildTree([
      { id: 'c', name: 'Cleo', managerId: 'a' },
      { id: 'a', name: 'Ada' },
      { id: 'b', name: 'Bo', managerId: 'a' },
      { id: 'd', name: 'Dee', managerId: 'b' },
      { id: 'z', name: 'Zed', managerId: 'not-listed' },
    ]);
    expect(names(tree)).toEqual([{ Ada: [{ Bo: ['Dee'] }, 'Cleo'] }, 'Zed']);
  });

  it('does not lose people whose lines loop', () => {
    const tree = buildTree([
      { id: 'a', name: 'Ada', managerId: 'b' },
      { id: 'b', name: 'Bo', managerId: 'a' },
    ]);
    const count = (nodes: ReturnType<typeof buildTree>): number => nodes.reduce((n, node) => n + 1 + count(node.reports), 0);
    expect(count(tree)).toBe(2);
  });
});
