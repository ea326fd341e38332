import { useTheme } from '@material-ui/core/styles';
import { TenancyApiComponents } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

type WeekLeadTimes = TenancyApiComponents['schemas']['WeekLeadTimes'];

/** The unit the chart's largest value reads best in. */
function unitFor(maxSeconds: number): { unit: string; seconds: number } {
  if (maxSeconds < 120) return { unit: 's', seconds: 1 };
  if (maxSeconds < 120 * 60) return { unit: 'min', seconds: 60 };
  return { unit: 'h', seconds: 3600 };
}

/**
 * Median and p90 lead time from opened to ready, per week, in seconds,
 * minutes or hours, whichever the largest value reads best in.
 */
export function LeadTimeChart(props: { weeks: WeekLeadTimes[] }) {
  const theme = useTheme();
  const max = Math.max(
    0,
    ...props.weeks.map(w => w.leadTimes.toReady.p90Seconds ?? 0),
  );
  const { unit, seconds } = unitFor(max);
  const scaled = (s?: number) =>
    s === undefined ? undefined : Math.round((s / seconds) * 10) / 10;
  const data = props.weeks.map(w => ({
    week: w.week,
    median: scaled(w.leadTimes.toReady.medianSeconds),
    p90: scaled(w.leadTimes.toReady.p90Seconds),
  }));
  return (
    <div
      role="img"
      aria-label={`Lead time to ready per week, over ${data.length} weeks`}
      style={{ width: '100%', height: 200 }}
    >
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 8, right: 8, left: 8, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="week" tickFormatter={d => String(d).slice(5)} />
          <YAxis width={50} unit={` ${unit}`} allowDecimals={unit !== 's'} />
          <Tooltip
            formatter={(v, name) => [`${v} ${unit}`, String(name)]}
            labelFormatter={d => `Week of ${d}`}
          />
          <Legend />
          <Bar
            dataKey="median"
            name="Median"
            isAnimationActive={false}
            fill={theme.palette.primary.main}
          />
          <Bar
            dataKey="p90"
            name="p90"
            isAnimationActive={false}
            fill={theme.palette.primary.light}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
