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
  /** Every commit, by SHA: its parents and files. */
  readonly commits = new Map<
    string,
    { parents: string[]; files: Record<string, string> }
  >();
  readonly requests: FakePullRequest[] = [];
  /** Authorization headers seen, by header name. */
  readonly auth = new Set<string>();
  private seq = 0;

  constructor(files: Record<string, string>) {
    const commit = this.addCommit(files, []);
    this.branches.set('main', { commit, files });
  }

  nextCommit(): string {
    return (++this.seq).toString(16).padStart(40, '0');
  }

  /** Files of a branch, or of a commit by SHA. */
  files(branch: string): Record<string, string> {
    const found = this.branches.get(branch) ?? this.commits.get(branch);
    if (!found) throw new Error(`no branch ${branch}`);
    return found.files;
  }

  /** Whether a branch or commit SHA exists. */
  has(ref: string) {
    return this.branches.has(ref) || this.commits.has(ref);
  }

  /** A commit on no branch yet (as a forge's commit API creates it). */
  addCommit(files: Record<string, string>, parents: string[]) {
    const commit = this.nextCommit();
    this.commits.set(commit, { parents, files: { ...files } });
    return commit;
  }

  /** The files that differ between two branches or commits, and how. */
  diff(from: string, to: string) {
    const [a, b] = [this.files(from), this.files(to)];
    const paths = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return paths
      .filter(path => a[path] !== b[path])
      .map(path => {
        let change: 'added' | 'removed' | 'modified' = 'modified';
        if (a[path] === undefined) change = 'added';
        if (b[path] === undefined) change = 'removed';
        return { path, change };
      });
  }

  /** Points a branch at a commit. */
  setBranch(branch: string, commit: string) {
    const { parents, files } = this.commits.get(commit)!;
    this.branches.set(branch, { commit, parent: parents[0], files });
  }

  /** The newest commit of `ref` that is also on `other` (git merge-base). */
  mergeBase(ref: string, other: string): string {
    const ancestors = new Set<string>();
    const walk = [this.branches.get(other)?.commit ?? other];
    while (walk.length) {
      const sha = walk.pop()!;
      if (ancestors.has(sha)) continue;
      ancestors.add(sha);
      walk.push(...(this.commits.get(sha)?.parents ?? []));
    }
    const queue = [this.branches.get(ref)?.commit ?? ref];
    while (queue.length) {
      const sha = queue.shift()!;
      if (ancestors.has(sha)) return sha;
      queue.push(...(this.commits.get(sha)?.parents ?? []));
    }
    throw new Error(`${ref} and ${other} share no commit`);
  }

  /**
   * Merges a pull request into main as a forge's merge button does: refused
   * when a file the branch changed since it left main changed on main too
   * (the forge shows conflicts; a person would have to resolve them).
   */
  mergeRequest(number: number) {
    const request = this.request(number);
    const tip = this.branches.get(request.branch)!;
    const main = this.branches.get('main')!;
    const fork = this.files(this.mergeBase(request.branch, 'main'));
    const files = { ...main.files };
    const paths = new Set([...Object.keys(fork), ...Object.keys(tip.files)]);
    for (const path of paths) {
      if (fork[path] === tip.files[path]) continue;
      if (
        main.files[path] !== fork[path] &&
        main.files[path] !== tip.files[path]
      ) {
        throw new Error(`merge conflict in ${path}`);
      }
      if (tip.files[path] === undefined) delete files[path];
      else files[path] = tip.files[path];
    }
    this.setBranch('main', this.addCommit(files, [main.commit, tip.commit]));
    request.state = 'merged';
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
    const commit = this.addCommit(files, parent ? [parent] : []);
    this.setBranch(branch, commit);
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
