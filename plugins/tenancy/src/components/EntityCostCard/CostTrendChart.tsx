import { useTheme } from '@material-ui/core/styles';
import {
  Area,
  AreaChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatCost } from '../shared/formatCost';

/** Daily cost as an area chart. */
export function CostTrendChart(props: {
  daily: Array<{ date: string; total: number }>;
  currency: string;
}) {
  const { daily, currency } = props;
  const theme = useTheme();
  return (
    <div
      role="img"
      aria-label={`Daily cost over ${daily.length} days`}
      style={{ width: '100%', height: 180 }}
    >
      <ResponsiveContainer>
        <AreaChart
          data={daily}
          margin={{ top: 8, right: 8, left: 8, bottom: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" tickFormatter={d => String(d).slice(5)} />
          <YAxis
            width={70}
            tickFormatter={v => formatCost(Number(v), currency)}
          />
          <Tooltip
            formatter={v => [formatCost(Number(v), currency), 'Cost']}
            labelFormatter={d => String(d)}
          />
          <Area
            type="monotone"
            dataKey="total"
            isAnimationActive={false}
            stroke={theme.palette.primary.main}
            fill={theme.palette.primary.light}
          />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
