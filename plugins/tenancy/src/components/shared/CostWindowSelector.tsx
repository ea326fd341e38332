import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import {
  COST_WINDOWS,
  CostWindow,
} from '@tenancy-plugins/backstage-plugin-tenancy-common';

const LABELS: Record<CostWindow, string> = {
  '1d': 'Last day',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
};

/** Picks the cost window: 1d, 7d or 30d. */
export function CostWindowSelector(props: {
  value: CostWindow;
  onChange: (window: CostWindow) => void;
}) {
  const { value, onChange } = props;
  return (
    <ButtonGroup size="small" aria-label="Cost window">
      {COST_WINDOWS.map(w => (
        <Button
          key={w}
          aria-pressed={w === value}
          title={LABELS[w]}
          color={w === value ? 'primary' : 'default'}
          variant={w === value ? 'contained' : 'outlined'}
          onClick={() => onChange(w)}
        >
          {w}
        </Button>
      ))}
    </ButtonGroup>
  );
}
