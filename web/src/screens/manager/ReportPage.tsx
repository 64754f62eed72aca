import { api, call } from '../../api/client';
import { formatDate, humanize } from '../../app/labels';
import { Link } from '../../app/router';
import { useLoad } from '../../app/useLoad';
import { Badge, Empty, ErrorNotice, Loading } from '../../app/ui';
import { PlanDetail } from '../GrowthPlan';
import { OpenCaseButton } from '../Promotion';
import { ReadinessView } from '../MyGrowth';
import { currentPlan } from '../planProgress';
import { ReadinessTrend } from '../ReadinessTrend';

const STATUS_TONE = { SUGGESTED: 'warn', CONFIRMED: 'neutral', VERIFIED: 'good', REJECTED: 'bad' } as const;

/** A direct or indirect report's growth: the same view as My growth, with their plan and evidence. */
export function ReportPage({ personId }: { personId: string }) {
  const [person, reload] = useLoad(
    () => call(api.GET('/api/v1/people/{id}', { params: { path: { id: personId } } })),
    personId,
  );
  const name = person.state === 'ready' ? person.data.name ?? person.data.email : 'Report';
  return (
    <>
      <p className="breadcrumb"><Link href="/team">← Team</Link></p>
      <h1>{name}</h1>
      {person.state === 'loading' && <Loading what="this person" />}
      {person.state === 'error' && <ErrorNotice error={person.error} retry={reload} />}
      {person.state === 'ready' && (
        <>
          <p className="muted">
            {person.data.email} · {humanize(person.data.level)}
          </p>
          <div className="actions">
            <Link className="button" href={`/team/people/${personId}/assess`}>Assess {person.data.name}</Link>
            <OpenCaseButton personId={personId} label={`Open a promotion case for ${person.data.name ?? person.data.email ?? 'them'}`} />
          </div>
          <Readiness personId={personId} />
          <Plan personId={personId} />
          <EvidenceList personId={personId} />
        </>
      )}
    </>
  );
}

function Readiness({ personId }: { personId: string }) {
  const [readiness, reload] = useLoad(
    () => call(api.GET('/api/v1/people/{id}/readiness', { params: { path: { id: personId } } })),
    personId,
  );
  return (
    <section aria-labelledby="report-growth-title">
      <h2 id="report-growth-title">Growth</h2>
      {readiness.state === 'loading' && <Loading what="readiness" />}
      {readiness.state === 'error' && <ErrorNotice error={readiness.error} retry={reload} />}
      {readiness.state === 'ready' && <ReadinessView readiness={readiness.data} />}
      {/* Loaded after readiness, whose reading records today's point. */}
      {readiness.state !== 'loading' && <ReadinessTrend personId={personId} />}
    </section>
  );
}

function Plan({ personId }: { personId: string }) {
  const [plan, reload] = useLoad(async () => {
    const plans = await call(api.GET('/api/v1/plans', { params: { query: { personId, limit: 200 } } }));
    const summary = currentPlan(plans.items ?? []);
    if (!summary?.id) return undefined;
    return call(api.GET('/api/v1/plans/{id}', { params: { path: { id: summary.id } } }));
  }, personId);
  return (
    <section aria-labelledby="report-plan-title">
      <h2 id="report-plan-title">Growth plan</h2>
      {plan.state === 'loading' && <Loading what="the plan" />}
      {plan.state === 'error' && <ErrorNotice error={plan.error} retry={reload} />}
      {plan.state === 'ready' && !plan.data && <Empty>No growth plan yet.</Empty>}
      {plan.state === 'ready' && plan.data && <PlanDetail plan={plan.data} onChanged={reload} />}
    </section>
  );
}

function EvidenceList({ personId }: { personId: string }) {
  const [page, reload] = useLoad(
    () => call(api.GET('/api/v1/evidence', { params: { query: { personId, limit: 100 } } })),
    personId,
  );
  const items = page.state === 'ready' ? page.data.items ?? [] : [];
  return (
    <section aria-labelledby="report-evidence-title">
      <h2 id="report-evidence-title">Evidence</h2>
      {page.state === 'loading' && <Loading what="evidence" />}
      {page.state === 'error' && <ErrorNotice error={page.error} retry={reload} />}
      {page.state === 'ready' && items.length === 0 && <Empty>No evidence yet.</Empty>}
      {items.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="report-evidence-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="report-evidence-caption">Newest work first{page.state === 'ready' && page.data.nextCursor ? ' (the latest 100)' : ''}</caption>
            <thead><tr><th scope="col">Work</th><th scope="col">When</th><th scope="col">Competencies</th><th scope="col">Status</th></tr></thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <th scope="row">{e.title}<br /><span className="muted small">{humanize(e.kind)} · {humanize(e.source)}</span></th>
                  <td>{formatDate(e.occurredAt)}</td>
                  <td>{(e.competencies ?? []).map(humanize).join(', ')}</td>
                  <td>{e.status && <Badge tone={STATUS_TONE[e.status]}>{humanize(e.status)}</Badge>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
