import { Link, VisuallyHidden } from '@backstage/ui';
import { ReactNode } from 'react';

/**
 * A link to a page outside Backstage: an Argo CD application, a pull request
 * (or, for the local git repository, its record). Web pages open in a new
 * window, announced as such to screen readers.
 */
export function ExternalLink(props: {
  href: string;
  title?: string;
  children: ReactNode;
}) {
  const newWindow = /^https?:/.test(props.href);
  return (
    <Link
      href={props.href}
      title={props.title}
      {...(newWindow ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
    >
      {props.children}
      {newWindow && <VisuallyHidden>, Opens in a new window</VisuallyHidden>}
    </Link>
  );
}
