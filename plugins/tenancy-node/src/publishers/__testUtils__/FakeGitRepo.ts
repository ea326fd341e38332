/**
 * The state behind a forge fake: branches with their files, and pull
 * requests. Each forge's msw handlers translate its REST API onto this.
 */
export interface FakePullRequest {
  number: number;
  branch: string;
  title: string;
  body: string;
  state: 'open' | 'merged' | 'closed';
  version: number;
}

export class FakeGitRepo {
  readonly branches = new Map<
    string,
    { commit: string; parent?: string; files: Record<string, string> }
  >();
  readonly requests: FakePullRequest[] = [];
  /** Authorization headers seen, by header name. */
  readonly auth = new Set<string>();
  private seq = 0;

  constructor(files: Record<string, string>) {
    this.branches.set('main', { commit: this.nextCommit(), files });
  }

  nextCommit(): string {
    return (++this.seq).toString(16).padStart(40, '0');
  }

  files(branch: string): Record<string, string> {
    const found = this.branches.get(branch);
    if (!found) throw new Error(`no branch ${branch}`);
    return found.files;
  }

  /** Files of a branch under a folder ('' for all), relative to the root. */
  filesUnder(branch: string, folder: string): string[] {
    const prefix = folder ? `${folder.replace(/^\/|\/$/g, '')}/` : '';
    return Object.keys(this.files(branch))
      .filter(p => p.startsWith(prefix))
      .sort();
  }

  /** Sets a branch to new files; returns the new commit. */
  commit(branch: string, files: Record<string, string>, parent?: string) {
    const commit = this.nextCommit();
    this.branches.set(branch, { commit, parent, files });
    return commit;
  }

  openRequest(branch: string, title: string, body: string) {
    if (this.requests.some(r => r.branch === branch && r.state === 'open')) {
      return undefined;
    }
    const request: FakePullRequest = {
      number: this.requests.length + 1,
      branch,
      title,
      body,
      state: 'open',
      version: 0,
    };
    this.requests.push(request);
    return request;
  }

  request(number: number) {
    const found = this.requests.find(r => r.number === number);
    if (!found) throw new Error(`no request ${number}`);
    return found;
  }
}

export const BASE_FILES = {
  'tenants/payments/tenant.yaml': 'kind: Tenant\n',
  'tenants/payments/dev/payments-dev/namespace.yaml': 'kind: Namespace\n',
  'tenants/payments/dev/payments-dev/kustomization.yaml': 'resources: []\n',
};
