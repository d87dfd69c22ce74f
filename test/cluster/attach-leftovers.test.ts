import { describe, expect, it } from 'vitest';
import { attachLeftovers } from '../../src/cluster/attach-leftovers.js';

const groups = [
  ['orders/a.ts', 'orders/b.ts'],
  ['users/a.ts', 'users/b.ts'],
];

describe('attachLeftovers', () => {
  it('places a hub with the group it is most tied to, whatever the strength, and says why', () => {
    const edges = [
      { source: 'base.ts', target: 'orders/a.ts', weight: 0.2 },
      { source: 'base.ts', target: 'orders/b.ts', weight: 0.2 },
      { source: 'base.ts', target: 'users/a.ts', weight: 0.3 },
      { source: 'base.ts', target: 'kernel/log.ts', weight: 5 },
    ];
    const placement = attachLeftovers(
      groups,
      [{ module: 'base.ts', kind: 'hub', why: 'hub: imported by 9 modules' }],
      edges,
      () => 'static',
    );
    expect(placement.joined).toEqual(new Map([['base.ts', 0]]));
    // 0.4 towards orders against 0.3 towards users; the kernel edge does not count.
    expect(placement.reasons.get('base.ts')).toBe(
      'hub: imported by 9 modules; placed after clustering with the service it is most tied to (0.4 of 0.7, strongest: static with orders/a.ts)',
    );
  });

  it('attaches an unattached module only when its tie is strong and clear, else leaves it unattached', () => {
    const edges = [
      // A migration named after users: a stem tie of 1 to users, nothing else.
      { source: 'migrations/add-user.ts', target: 'users/a.ts', weight: 0.6 },
      { source: 'migrations/add-user.ts', target: 'users/b.ts', weight: 0.4 },
      // A script with a weak, split vocabulary.
      { source: 'scripts/tool.ts', target: 'orders/a.ts', weight: 0.2 },
      { source: 'scripts/tool.ts', target: 'users/a.ts', weight: 0.15 },
      // Ties of 0.3 and 0.35: strong enough, but no group holds half of it.
      { source: 'scripts/mixed.ts', target: 'orders/a.ts', weight: 0.3 },
      { source: 'scripts/mixed.ts', target: 'users/a.ts', weight: 0.35 },
      { source: 'scripts/mixed.ts', target: 'scripts/tool.ts', weight: 0.1 },
    ];
    const leftovers = ['migrations/add-user.ts', 'scripts/mixed.ts', 'scripts/tool.ts', 'seed.ts'].map((module) => ({
      module,
      kind: 'unattached' as const,
      why: 'no import joins it',
    }));
    const placement = attachLeftovers(groups, leftovers, edges, () => 'stem');
    expect(placement.joined).toEqual(new Map([['migrations/add-user.ts', 1]]));
    expect(placement.reasons.get('scripts/mixed.ts')).toBe(
      'no import joins it; no other signal ties it clearly to one service: unattached',
    );
    expect(placement.reasons.get('seed.ts')).toBe(
      'no import joins it; no other signal ties it clearly to one service: unattached',
    );
  });

  it('attaches in rounds, through modules attached before', () => {
    const edges = [
      { source: 'orders/a.ts', target: 'z-hub.ts', weight: 1 },
      { source: 'a-single.ts', target: 'z-hub.ts', weight: 1 },
    ];
    const placement = attachLeftovers(
      groups,
      [
        { module: 'a-single.ts', kind: 'singleton', why: 'alone' },
        { module: 'z-hub.ts', kind: 'hub', why: 'hub' },
      ],
      edges,
      () => 'static',
    );
    expect(placement.joined).toEqual(
      new Map([
        ['z-hub.ts', 0],
        ['a-single.ts', 0],
      ]),
    );
  });
});
