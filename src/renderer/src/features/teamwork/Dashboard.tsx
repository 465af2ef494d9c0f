import { useEffect, useState, type ReactElement } from 'react';
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AGE_BUCKETS, type FollowThroughMetrics } from '../../../../shared/policy';
import { errorText } from '../../callErrors';
import { percent } from './format';
import { AXIS_FONT, WrappedTick, xTitle, yTitle } from './chartAxes';
import { nameOf, useDashboard, useRoster } from './stores';
import './teamwork.css';
import { dayText } from '../../dates';

const CHART_HEIGHT = 240;

/** One week as the charts plot it. */
export interface WeekPoint {
  week: string;
  courtesy: number | null;
  firstReplyHours: number | null;
  promises: number | null;
  repeat: number | null;
}

/** The weekly metrics as chart points, oldest week first. */
export function weekPoints(weeks: readonly FollowThroughMetrics[]): WeekPoint[] {
  return [...weeks]
    .sort((a, b) => a.period.from - b.period.from)
    .map((m) => ({
      week: dayText(m.period.from),
      courtesy: percent(m.courtesy.share),
      firstReplyHours:
        m.firstReply.wallClock.median === null ? null : Math.round(m.firstReply.wallClock.median / 360_000) / 10,
      promises: percent(m.promises.share),
      repeat: percent(m.repeatContact.rate),
    }));
}

/** Saves text as a file through a Blob URL (no Node, no main-process dialog). */
export function downloadText(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A chart with its title, a fixed or responsive size, and its numbers as a table for screen readers. */
function Figure(props: {
  title: string;
  unit: string;
  width?: number;
  rows: Array<{ label: string; value: number | null }>;
  chart: (size: { width?: number; height: number }) => ReactElement;
}) {
  const { title, unit, width, rows, chart } = props;
  return (
    <figure className="tw-figure" aria-label={title}>
      <figcaption>{title}</figcaption>
      {width ? (
        chart({ width, height: CHART_HEIGHT })
      ) : (
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          {chart({ height: CHART_HEIGHT })}
        </ResponsiveContainer>
      )}
      <details>
        <summary>Show as a table</summary>
        <table>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td>{r.value === null ? '—' : `${r.value}${unit}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

type WeekKey = Exclude<keyof WeekPoint, 'week'>;

const WEEKLY: Array<{ key: WeekKey; title: string; unit: string; percent: boolean; axis: string }> = [
  { key: 'courtesy', title: 'Courtesy deadlines met', unit: '%', percent: true, axis: '% met on time' },
  { key: 'firstReplyHours', title: 'Median time to first human reply', unit: ' h', percent: false, axis: 'Hours' },
  { key: 'promises', title: 'Promises kept', unit: '%', percent: true, axis: '% kept' },
  { key: 'repeat', title: 'Repeat-contact rate', unit: '%', percent: true, axis: '% who wrote again' },
];

/** Room for the Y axis title beside its ticks. */
const Y_AXIS_WIDTH = 64;

/**
 * Follow-through per week over the last 12 weeks (docs/PRODUCT.md principle 5): courtesy deadlines
 * met, time to first human reply, promises kept, repeat contact; and open threads now by owner
 * and by age. Deliberately no ranking of people by speed.
 */
export function Dashboard({ width, weeks: given }: { width?: number; weeks?: FollowThroughMetrics[] }) {
  const loaded = useDashboard((s) => s.weeks);
  const loading = useDashboard((s) => s.loading);
  const error = useDashboard((s) => s.error);
  const teammates = useRoster((s) => s.teammates);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!given) void useDashboard.getState().load();
  }, [given]);

  const weeks = given ?? loaded;
  const points = weekPoints(weeks);
  const latest = [...weeks].sort((a, b) => b.period.from - a.period.from)[0];
  const byOwner = latest
    ? Object.entries(latest.open.byOwner).map(([owner, count]) => ({
        label: owner === '' || owner === 'unassigned' ? 'Unassigned' : nameOf(teammates, owner),
        value: count,
      }))
    : [];
  const byAge = latest ? AGE_BUCKETS.map((b) => ({ label: b, value: latest.open.byAge[b] ?? 0 })) : [];

  async function exportCsv(kind: 'threads' | 'metrics') {
    setProblem(null);
    try {
      const csv = await useDashboard.getState().exportCsv(kind);
      downloadText(`promptly-${kind}-${new Date().toISOString().slice(0, 10)}.csv`, csv);
    } catch (e) {
      setProblem(errorText(e));
    }
  }

  return (
    <section className="tw-dashboard" aria-label="Dashboard" id="dashboard-view" tabIndex={-1}>
      <header className="tw-row">
        <h1 className="tw-grow">Follow-through, last 12 weeks</h1>
        <button type="button" onClick={() => void exportCsv('threads')}>
          Export threads CSV
        </button>
        <button type="button" onClick={() => void exportCsv('metrics')}>
          Export metrics CSV
        </button>
      </header>
      {(error || problem) && <p role="alert">{problem ?? error}</p>}
      {loading && weeks.length === 0 && <p className="muted">Measuring…</p>}
      {weeks.length > 0 && (
        <div className="tw-charts">
          {WEEKLY.map((m) => (
            <Figure
              key={m.key}
              title={m.title}
              unit={m.unit}
              width={width}
              rows={points.map((p) => ({ label: p.week, value: p[m.key] }))}
              chart={(size) => (
                <LineChart {...size} data={points} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
                  <CartesianGrid stroke="var(--line)" strokeDasharray="3 3" />
                  {/* Every week named: slanted so twelve dates fit a narrow chart. */}
                  <XAxis
                    dataKey="week"
                    stroke="var(--muted)"
                    interval={0}
                    angle={-45}
                    textAnchor="end"
                    height={62}
                    tick={{ fontSize: AXIS_FONT }}
                    label={xTitle('Week starting')}
                  />
                  <YAxis
                    stroke="var(--muted)"
                    domain={m.percent ? [0, 100] : [0, 'auto']}
                    unit={m.unit.trim()}
                    width={Y_AXIS_WIDTH}
                    tick={{ fontSize: AXIS_FONT }}
                    label={yTitle(m.axis)}
                  />
                  <Tooltip contentStyle={{ background: 'var(--bg)', border: '1px solid var(--line)' }} />
                  <Line
                    type="monotone"
                    dataKey={m.key}
                    name={m.title}
                    stroke="var(--accent)"
                    connectNulls
                    isAnimationActive={false}
                  />
                </LineChart>
              )}
            />
          ))}
          {(
            [
              ['Open threads by owner', 'Owner', byOwner],
              ['Open threads by age', 'Open for', byAge],
            ] as const
          ).map(([title, axis, rows]) => (
            <Figure
              key={title}
              title={title}
              unit=""
              width={width}
              rows={rows}
              chart={(size) => (
                <BarChart {...size} data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
                  <CartesianGrid stroke="var(--line)" strokeDasharray="3 3" />
                  {/* Every bar named: long names wrap under the bar rather than being dropped. */}
                  <XAxis
                    dataKey="label"
                    stroke="var(--muted)"
                    interval={0}
                    height={62}
                    tick={WrappedTick}
                    label={xTitle(axis)}
                  />
                  <YAxis
                    stroke="var(--muted)"
                    allowDecimals={false}
                    width={Y_AXIS_WIDTH}
                    tick={{ fontSize: AXIS_FONT }}
                    label={yTitle('Open threads')}
                  />
                  <Tooltip contentStyle={{ background: 'var(--bg)', border: '1px solid var(--line)' }} />
                  <Bar dataKey="value" name="Open threads" fill="var(--accent)" isAnimationActive={false} />
                </BarChart>
              )}
            />
          ))}
        </div>
      )}
    </section>
  );
}
