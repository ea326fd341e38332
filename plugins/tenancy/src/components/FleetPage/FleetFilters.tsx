import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import { FleetTenant } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { FleetFilter } from './filterFleet';

function distinct(values: string[]): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b));
}

function FilterSelect(props: {
  id: string;
  label: string;
  value?: string;
  options: Array<{ value: string; label: string }>;
  onChange: (value?: string) => void;
}) {
  const { id, label, value, options, onChange } = props;
  return (
    <FormControl variant="outlined" size="small" style={{ minWidth: 180 }}>
      <InputLabel id={`${id}-label`}>{label}</InputLabel>
      <Select
        labelId={`${id}-label`}
        id={id}
        label={label}
        value={value ?? ''}
        onChange={e => onChange((e.target.value as string) || undefined)}
      >
        <MenuItem value="">
          <em>All</em>
        </MenuItem>
        {options.map(o => (
          <MenuItem key={o.value} value={o.value}>
            {o.label}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/** Filters of the fleet table: owner, cost center, environment, attention. */
export function FleetFilters(props: {
  items: FleetTenant[];
  value: FleetFilter;
  onChange: (filter: FleetFilter) => void;
}) {
  const { items, value, onChange } = props;
  const toOptions = (list: string[]) => list.map(v => ({ value: v, label: v }));
  return (
    <Box display="flex" flexWrap="wrap" alignItems="center" style={{ gap: 16 }}>
      <FilterSelect
        id="fleet-owner"
        label="Owner"
        value={value.owner}
        options={distinct(items.map(t => t.owner)).map(ref => ({
          value: ref,
          label: humanizeEntityRef(parseEntityRef(ref), {
            defaultKind: 'group',
          }),
        }))}
        onChange={owner => onChange({ ...value, owner })}
      />
      <FilterSelect
        id="fleet-cost-center"
        label="Cost center"
        value={value.costCenter}
        options={toOptions(distinct(items.map(t => t.costCenter)))}
        onChange={costCenter => onChange({ ...value, costCenter })}
      />
      <FilterSelect
        id="fleet-environment"
        label="Environment"
        value={value.environment}
        options={toOptions(distinct(items.flatMap(t => t.environments)))}
        onChange={environment => onChange({ ...value, environment })}
      />
      <FormControlLabel
        control={
          <Checkbox
            checked={Boolean(value.needsAttention)}
            onChange={e =>
              onChange({ ...value, needsAttention: e.target.checked })
            }
          />
        }
        label="Needs attention (out of sync, degraded or quota past warning)"
      />
    </Box>
  );
}
