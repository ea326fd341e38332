import Button from '@material-ui/core/Button';
import { ReactNode, useState } from 'react';

/**
 * Renders the first `limit` items and a button to show the rest: long lists
 * (a tenant with hundreds of namespaces) stay quick to open.
 */
export function ShowMore<T>(props: {
  items: T[];
  limit: number;
  noun: string;
  children: (shown: T[]) => ReactNode;
}) {
  const { items, limit, noun, children } = props;
  const [all, setAll] = useState(false);
  const hidden = items.length - limit;
  return (
    <>
      {children(all || hidden <= 0 ? items : items.slice(0, limit))}
      {hidden > 0 && (
        <Button
          size="small"
          style={{ textTransform: 'none', marginTop: 8 }}
          onClick={() => setAll(!all)}
        >
          {all
            ? `Show the first ${limit} ${noun}`
            : `Show all ${items.length} ${noun}`}
        </Button>
      )}
    </>
  );
}
