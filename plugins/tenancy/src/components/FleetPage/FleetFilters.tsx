import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import { ReactNode } from 'react';
import { EntityDisplayName } from '@backstage/plugin-catalog-react';
import { FleetTenant } from '@tenancy-plugins/backstage-plugin-tenancy-common';
import { FleetFilter } from './filterFleet';

function distinct(values: string[]): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b));
}

function FilterSelect(props: {
  id: string;
  label: string;
  value?: string;
  options: Array<{ value: string; label: ReactNode }>;
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

function FilterCheckbox(props: {
  label: string;
  checked?: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <FormControlLabel
      control={
        <Checkbox
          checked={Boolean(props.checked)}
          onChange={e => props.onChange(e.target.checked)}
        />
      }
      label={props.label}
    />
  );
}

/**
 * Filters of the fleet table: owner, cost center, environment, attention,
 * policy failures, drift.
 */
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
          label: (
            <EntityDisplayName
              entityRef={ref}
              defaultKind="group"
              hideIcon
              disableTooltip
            />
          ),
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
      <FilterCheckbox
        checked={value.needsAttention}
        onChange={needsAttention => onChange({ ...value, needsAttention })}
        label="Needs attention (out of sync, degraded or failed, or quota past warning)"
      />
      <FilterCheckbox
        checked={value.policyFailures}
        onChange={policyFailures => onChange({ ...value, policyFailures })}
        label="With policy failures"
      />
      <FilterCheckbox
        checked={value.drift}
        onChange={drift => onChange({ ...value, drift })}
        label="With drift"
      />
    </Box>
  );
}
