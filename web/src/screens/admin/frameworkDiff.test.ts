import { describe, expect, it } from 'vitest';
import type { FrameworkDocument } from '../../api/framework';
import { diffFrameworks, isUnchanged } from './frameworkDiff';

function framework(): FrameworkDocument {
  return {
    name: 'PM framework',
    tiers: [{ code: 'IC', name: 'Individual contributor', focus: 'MARKET' }],
    levels: [
      { code: 'APM', name: 'Associate PM', tier: 'IC' },
      { code: 'PM', name: 'Product Manager', tier: 'IC' },
    ],
    competencies: [
      { code: 'delivery', name: 'Delivery', focus: 'MARKET', description: 'Ships', behaviours: { APM: ['ships small'], PM: ['ships'] } },
      { code: 'strategy', name: 'Strategy', focus: 'STRATEGY', description: 'Thinks', behaviours: { PM: ['writes strategy'] } },
    ],
    expectations: {
      APM: { delivery: { proficiency: 2, evidence: 1 }, strategy: { proficiency: 1, evidence: 0 } },
      PM: { delivery: { proficiency: 3, evidence: 2 }, strategy: { proficiency: 2, evidence: 1 } },
    },
    leadershipCompetencies: ['delivery'],
    credibilityCompetencies: [],
    strategyCompetencies: ['strategy'],
  };
}

describe('diffFrameworks', () => {
  it('finds nothing between a document and its copy, whatever the key order of behaviours', () => {
    const a = framework();
    const b = framework();
    b.competencies[0]!.behaviours = { PM: ['ships'], APM: ['ships small'] };
    expect(isUnchanged(diffFrameworks(a, b))).toBe(true);
  });

  it('reports added and removed levels and competencies, and the fields that changed', () => {
    const a = framework();
    const b = framework();
    b.levels.push({ code: 'SPM', name: 'Senior PM', tier: 'IC' });
    b.levels[0] = { code: 'APM', name: 'Associate Product Manager', tier: 'IC' };
    b.competencies = [
      { ...b.competencies[0]!, description: 'Ships reliably', behaviours: { APM: ['ships small'], PM: ['ships often'] } },
      { code: 'discovery', name: 'Discovery', focus: 'MARKET', description: 'Talks to customers', behaviours: {} },
    ];
    const diff = diffFrameworks(a, b);
    expect(diff.levels).toEqual({ added: ['SPM'], removed: [], changed: [{ code: 'APM', fields: ['name'] }] });
    expect(diff.competencies).toEqual({
      added: ['discovery'], removed: ['strategy'], changed: [{ code: 'delivery', fields: ['description', 'behaviours'] }],
    });
    expect(isUnchanged(diff)).toBe(false);
  });

  it('lists each expectation cell that differs, with both sides, and the special lists gained or lost', () => {
    const a = framework();
    const b = framework();
    b.name = 'PM framework 2';
    b.expectations.PM!.delivery = { proficiency: 4, evidence: 2 };
    delete b.expectations.APM!.strategy;
    b.leadershipCompetencies = ['strategy'];
    const diff = diffFrameworks(a, b);
    expect(diff.nameChanged).toEqual({ from: 'PM framework', to: 'PM framework 2' });
    expect(diff.expectations).toEqual([
      { level: 'APM', competency: 'strategy', from: { proficiency: 1, evidence: 0 } },
      { level: 'PM', competency: 'delivery', from: { proficiency: 3, evidence: 2 }, to: { proficiency: 4, evidence: 2 } },
    ]);
    expect(diff.lists).toEqual([{ list: 'leadershipCompetencies', added: ['strategy'], removed: ['delivery'] }]);
  });
});
