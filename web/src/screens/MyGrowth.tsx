import type { components } from '../api/schema';
import { takeOrAsk } from '../app/askedAhead';
import { formatDateTime, formatNumber, humanize } from '../app/labels';
import { useSession } from '../app/session';
import { useLoad } from '../app/useLoad';
import { Badge, Empty, ErrorNotice, Loading } from '../app/ui';
import { askReadiness, readinessAhead, whatIsMissing } from './readiness';
import { ReadinessTrend } from './ReadinessTrend';

type Readiness = components['schemas']['Readiness'];
type CompetencyResult = components['schemas']['CompetencyResult'];

export function MyGrowth() {
  const { personId } = useSession();
  const [readiness, reload] = useLoad(
    () => takeOrAsk(readinessAhead(personId), () => askReadiness(personId)),
    personId,
  );

  return (
    <>
      <h1>My growth</h1>
      {readiness.state === 'loading' && <Loading what="your readiness" />}
      {readiness.state === 'error' && <ErrorNotice error={readiness.error} retry={reload} />}
      {readiness.state === 'ready' && <ReadinessView readiness={readiness.data} />}
      {/* Loaded after readiness, whose reading records today's point. */}
      {readiness.state !== 'loading' && <ReadinessTrend personId={personId} />}
    </>
  );
}

const STATUS_TONE = { READY: 'good', EMERGING: 'warn', NOT_READY: 'bad' } as const;

export function ReadinessView({ readiness }: { readiness: Readiness }) {
  const competencies = readiness.competencies ?? [];
  const percent = readiness.readinessPercent ?? 0;
  const names = new Map(competencies.map((c) => [c.competency, c.name ?? c.competency]));
  const nameOf = (code: string) => names.get(code) ?? humanize(code);

  return (
    <>
      <section className="card summary" aria-labelledby="summary-title">
        <h2 id="summary-title" className="visually-hidden">Summary</h2>
        <dl className="facts">
          <div><dt>Current level</dt><dd>{humanize(readiness.currentLevel)}</dd></div>
          <div><dt>Target level</dt><dd>{humanize(readiness.targetLevel)}</dd></div>
          <div className="fact-readiness">
            <dt id="readiness-term">Readiness</dt>
            <dd aria-labelledby="readiness-term">
              <span className="big-number">{percent}%</span>
              <span className="bar" aria-hidden="true"><span className="bar-fill" style={{ width: `${Math.min(100, Math.max(0, percent))}%` }} /></span>
            </dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>{readiness.status && <Badge tone={STATUS_TONE[readiness.status]}>{humanize(readiness.status)}</Badge>}</dd>
          </div>
        </dl>
        <p className="muted">
          Framework version {readiness.frameworkVersion}; computed {formatDateTime(readiness.computedAt)}.
        </p>
        {readiness.evidenceAvailable === false && (
          <p className="notice notice-warn" role="status">
            Evidence could not be counted just now, so readiness comes from ratings alone.
          </p>
        )}
      </section>

      <section aria-labelledby="competencies-title">
        <h2 id="competencies-title">Competencies</h2>
        {competencies.length === 0 ? (
          <Empty>Your target level expects no competencies yet, or none has been rated.</Empty>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="competencies-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="competencies-caption">
                What {humanize(readiness.targetLevel)} expects, and where you stand
              </caption>
              <thead>
                <tr>
                  <th scope="col">Competency</th>
                  <th scope="col">Expected</th>
                  <th scope="col">Ratings</th>
                  <th scope="col">Evidence strength</th>
                  <th scope="col">Verdict</th>
                  <th scope="col" className="col-missing">What is missing</th>
                </tr>
              </thead>
              <tbody>
                {competencies.map((c) => <CompetencyRow key={c.competency} result={c} />)}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <div className="two-columns">
        <section className="card" aria-labelledby="leadership-title">
          <h2 id="leadership-title">Leadership traits</h2>
          {readiness.leadership && (readiness.leadership.of ?? 0) > 0 ? (
            <>
              <p>{readiness.leadership.demonstrated} of {readiness.leadership.of} demonstrated.</p>
              <ul className="check-list">
                {(readiness.leadership.competencies ?? []).map((code) => {
                  const missing = readiness.leadership?.missing?.includes(code);
                  return (
                    <li key={code}>
                      <Badge tone={missing ? 'bad' : 'good'}>{missing ? 'Missing' : 'Demonstrated'}</Badge> {nameOf(code)}
                    </li>
                  );
                })}
              </ul>
            </>
          ) : <Empty>The framework names no leadership traits for your target level.</Empty>}
        </section>
        <section className="card" aria-labelledby="credibility-title">
          <h2 id="credibility-title">Credibility gate</h2>
          {readiness.credibilityGate?.applies ? (
            readiness.credibilityGate.met ? (
              <p><Badge tone="good">Met</Badge> You have demonstrated the competencies a founder-led team needs first.</p>
            ) : (
              <>
                <p><Badge tone="bad">Not met</Badge> In a founder-led team these must be demonstrated first:</p>
                <ul>{(readiness.credibilityGate.missing ?? []).map((code) => <li key={code}>{nameOf(code)}</li>)}</ul>
                {(readiness.credibilityGate.strategyWithheld ?? []).length > 0 && (
                  <p>
                    Until then, {(readiness.credibilityGate.strategyWithheld ?? []).map(nameOf).join(' and ')} earn
                    no credit: readiness would be {readiness.credibilityGate.percentWithoutRule}% without this rule.
                  </p>
                )}
              </>
            )
          ) : <p>{readiness.credibilityGate?.explanation ?? 'Does not apply to you: it applies in founder-led teams.'}</p>}
        </section>
      </div>
    </>
  );
}

const VERDICT_TONE = {
  DEMONSTRATED: 'good', RATING_GAP: 'warn', EVIDENCE_GAP: 'warn', BOTH_GAPS: 'bad', EVIDENCE_UNAVAILABLE: 'neutral',
} as const;

function CompetencyRow({ result: c }: { result: CompetencyResult }) {
  const ratings = [
    ['Self', c.selfRating], ['Manager', c.managerRating], ['Peers', c.peerRating], ['Calibrated', c.calibratedRating],
  ] as const;
  const missing = whatIsMissing(c);
  const evidence = c.evidence ?? [];
  return (
    <tr>
      <th scope="row">
        <span className="competency-name">{c.name ?? c.competency}</span>
        <span className="muted small">{humanize(c.focus)}</span>
        {evidence.length > 0 && (
          <details className="small">
            <summary>{evidence.length} evidence item{evidence.length === 1 ? '' : 's'} counted</summary>
            <ul>{evidence.map((e) => <li key={e.id}>{e.title} ({humanize(e.status)}, weight {formatNumber(e.weight, 2)})</li>)}</ul>
          </details>
        )}
      </th>
      <td>Level {c.expected ?? 0}<br /><span className="muted small">{c.evidenceRequired ?? 0} evidence</span></td>
      <td>
        <dl className="ratings">
          {ratings.map(([who, value]) => <div key={who}><dt>{who}</dt><dd>{formatNumber(value)}</dd></div>)}
          <div className="rating-effective"><dt>Effective</dt><dd>{formatNumber(c.effectiveRating)}</dd></div>
        </dl>
      </td>
      <td>{formatNumber(c.evidenceStrength, 2)} <span className="muted small">of {c.evidenceRequired ?? 0}</span></td>
      <td>{c.verdict && <Badge tone={VERDICT_TONE[c.verdict]}>{humanize(c.verdict)}</Badge>}</td>
      <td>{missing.length === 0 ? 'Nothing' : <ul className="plain">{missing.map((m) => <li key={m}>{m}</li>)}</ul>}</td>
    </tr>
  );
}
