import { describe, expect, it } from 'vitest';
import { cellState, competencyColumns, disagreement, filtersFromSearch, filtersToSearch, heatmapBodyHtml, signalCounts, visibleRows, type TeamRow } from './team';

const row = (name: string, extra: Partial<TeamRow>): TeamRow => ({ personId: name, name, ...extra });
const ada = row('Ada', { level: 'PM', readinessPercent: 40, readinessStatus: 'EMERGING',
  competencies: { influence: { expected: 3, rating: 1 }, delivery: { expected: 3, rating: 3 } } });
const ben = row('Ben', { level: 'APM', readinessPercent: 90, readinessStatus: 'READY',
  competencies: { influence: { expected: 2, rating: 2 }, strategy: { expected: 1 } } });
const cy = row('Cy', { level: 'PM', readinessPercent: 10, readinessStatus: 'NOT_READY',
  competencies: { influence: { expected: 3, rating: 2 } } });

describe('cellState', () => {
  it('says how far a rating is from the expectation', () => {
    expect(cellState({ expected: 3, rating: 3.5 })).toBe('met');
    expect(cellState({ expected: 3, rating: 2 })).toBe('below');
    expect(cellState({ expected: 3, rating: 1 })).toBe('far-below');
    expect(cellState({ expected: 3 })).toBe('unrated');
    expect(cellState({ expected: 0, rating: 2 })).toBe('not-expected');
    expect(cellState(undefined)).toBe('not-expected');
  });
});

describe('visibleRows', () => {
  const all = [cy, ben, ada];
  it('sorts by name, readiness, status or a competency gap', () => {
    expect(visibleRows(all, { sort: 'name' }).map((r) => r.name)).toEqual(['Ada', 'Ben', 'Cy']);
    expect(visibleRows(all, { sort: 'readiness' }).map((r) => r.name)).toEqual(['Cy', 'Ada', 'Ben']);
    expect(visibleRows(all, { sort: 'status' }).map((r) => r.name)).toEqual(['Cy', 'Ada', 'Ben']);
    expect(visibleRows(all, { sort: 'influence' }).map((r) => r.name)).toEqual(['Ada', 'Cy', 'Ben']);
  });
  it('filters by level, status and competency', () => {
    expect(visibleRows(all, { sort: 'name', level: 'PM' }).map((r) => r.name)).toEqual(['Ada', 'Cy']);
    expect(visibleRows(all, { sort: 'name', status: 'READY' }).map((r) => r.name)).toEqual(['Ben']);
    expect(visibleRows(all, { sort: 'name', competency: 'strategy' }).map((r) => r.name)).toEqual(['Ben']);
    expect(all.map((r) => r.name)).toEqual(['Cy', 'Ben', 'Ada']); // the input is left alone
  });
});

describe('columns and the address', () => {
  it('lists every expected competency once', () => {
    expect(competencyColumns([ada, ben, cy])).toEqual(['influence', 'delivery', 'strategy']);
    expect(competencyColumns([ada, ben], 'delivery')).toEqual(['delivery']);
  });
  it('round-trips the filters through the query string', () => {
    const search = filtersToSearch({ depth: 'all', level: 'PM', status: 'READY', competency: 'influence', sort: 'readiness' });
    expect(search).toBe('?depth=all&level=PM&status=READY&competency=influence&sort=readiness');
    expect(filtersFromSearch(search)).toEqual({ level: 'PM', status: 'READY', competency: 'influence', sort: 'readiness' });
    expect(filtersToSearch({ sort: 'name' })).toBe('');
  });
});

describe('disagreement', () => {
  it('flags two points or more between the manager and the self or peers', () => {
    expect(disagreement(4, [2, undefined])).toBe(2);
    expect(disagreement(1, [2, 4.5])).toBe(3.5);
    expect(disagreement(3, [2, 4])).toBeUndefined();
    expect(disagreement(undefined, [1])).toBeUndefined();
  });
});

describe('heatmapBodyHtml', () => {
  const row = (name: string, competencies: Record<string, { expected: number; rating?: number }>) =>
    ({ personId: '7d5c1a2e-0000-4000-8000-000000000001', name, level: 'PM', targetLevel: 'SENIOR_PM',
      readinessPercent: 42, readinessStatus: 'NOT_READY', competencies }) as unknown as TeamRow;

  it('escapes everything a person could have typed, so a name cannot open markup', () => {
    const html = heatmapBodyHtml([row('<img src=x onerror=alert(1)> & "Bo" \'Li\'', {})], []);
    expect(html).not.toContain('<img');
    expect(html).toContain('>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Bo&quot; &#39;Li&#39;</a>');
    // the name cell's title is an attribute: a quote in the name must not close it
    expect(html).toContain('title="&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Bo&quot; &#39;Li&#39;"');
  });

  it('writes a row per person with a link, readiness and a marked value in every cell', () => {
    const html = heatmapBodyHtml([row('Ada', { a: { expected: 3, rating: 3 }, b: { expected: 4, rating: 3 },
      c: { expected: 4, rating: 1.5 }, d: { expected: 2 } })], ['a', 'b', 'c', 'd', 'e']);
    expect(html).toContain('<th scope="row" title="Ada"><a href="/team/people/7d5c1a2e-0000-4000-8000-000000000001">Ada</a></th>');
    expect(html).toContain('42% Not ready');
    expect(html).toContain('<td class="cell cell-met">✓ 3 / 3</td>');
    expect(html).toContain('<td class="cell cell-below">▽ 3 / 4</td>');
    expect(html).toContain('<td class="cell cell-far-below">▼ 1.5 / 4</td>');
    expect(html).toContain('<td class="cell cell-unrated">? – / 2</td>');
    expect(html).toContain('<td class="cell cell-not-expected">–</td>');
    expect(html.match(/<tr>/g)).toHaveLength(1);
  });

  it('marks a cell whose rating and evidence disagree, in words for the tooltip and a mark in the text', () => {
    const ada = { ...row('Ada', { a: { expected: 3, rating: 3 }, b: { expected: 4, rating: 2 } }),
      signals: [{ competency: 'a', signal: 'OPINION_ONLY' }, { competency: 'b', signal: 'UNDER_RECOGNISED' }] } as TeamRow;
    const html = heatmapBodyHtml([ada], ['a', 'b']);
    expect(html).toContain('<td class="cell cell-met signal" title="Opinion only: rated at the expectation, evidence below half of what it requires">✓ 3 / 3 ⚑</td>');
    expect(html).toContain('<td class="cell cell-far-below signal" title="Under-recognised: the evidence meets what is required, the rating is below the expectation">▼ 2 / 4 ★</td>');
    expect(signalCounts([ada, row('Bo', {})])).toEqual({ OPINION_ONLY: 1, UNDER_RECOGNISED: 1 });
  });
});
