import { execFileSync } from 'node:child_process';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { NotModifiedError } from '@backstage/errors';
import { readGitOpsTree } from './readGitOpsTree';

const wanted = (path: string) => path.endsWith('catalog-info.yaml');

describe('readGitOpsTree', () => {
  it('reads the wanted files of a local folder, skipping hidden folders', async () => {
    const dir = createMockDirectory({
      content: {
        'tenants/a/dev/a-dev/catalog-info.yaml': 'kind: Resource',
        'tenants/a/dev/a-dev/namespace.yaml': 'kind: Namespace',
        '.git/catalog-info.yaml': 'not me',
      },
    });

    const tree = await readGitOpsTree({
      target: dir.path,
      reader: mockServices.urlReader.mock(),
      wanted,
    });

    expect(tree!.files).toEqual([
      {
        path: 'tenants/a/dev/a-dev/catalog-info.yaml',
        content: 'kind: Resource',
      },
    ]);
    expect(tree!.locationOf('x/y.yaml')).toBe(`file:${dir.path}/x/y.yaml`);
  });

  it("reads a local git repository's committed branch, never uncommitted or half-merged files", async () => {
    const dir = createMockDirectory({
      content: {
        'tenants/a/dev/a-dev/catalog-info.yaml': 'kind: Resource # merged',
      },
    });
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: dir.path, encoding: 'utf8' });
    git('init', '--quiet', '--initial-branch', 'main');
    git('add', '--all');
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'seed');
    // What a reviewer has not merged: an edit and a new, untracked folder.
    dir.addContent({
      'tenants/a/dev/a-dev/catalog-info.yaml': '<<<<<<< HEAD\nconflict',
      'tenants/a/dev/a-web-dev/catalog-info.yaml': 'kind: Resource # open',
    });

    const tree = await readGitOpsTree({
      target: dir.path,
      reader: mockServices.urlReader.mock(),
      wanted,
    });

    expect(tree!.files).toEqual([
      {
        path: 'tenants/a/dev/a-dev/catalog-info.yaml',
        content: 'kind: Resource # merged',
      },
    ]);
    expect(tree!.locationOf('x/y.yaml')).toBe(`file:${dir.path}/x/y.yaml`);
  });

  it('reads a URL through the UrlReader with the filter and the last ETag', async () => {
    const reader = mockServices.urlReader.mock();
    reader.readTree.mockResolvedValue({
      etag: 'etag-2',
      files: async () => [
        {
          path: 'tenants/a/tenant.yaml',
          content: async () => Buffer.from('kind: Tenant'),
        },
      ],
      archive: jest.fn(),
      dir: jest.fn(),
    } as any);

    const tree = await readGitOpsTree({
      target: 'https://github.com/acme/gitops/tree/main/',
      reader,
      wanted,
      etag: 'etag-1',
    });

    expect(reader.readTree).toHaveBeenCalledWith(
      'https://github.com/acme/gitops/tree/main/',
      {
        etag: 'etag-1',
        filter: expect.any(Function),
      },
    );
    const { filter } = reader.readTree.mock.calls[0][1]!;
    expect(filter!('tenants/a/tenant.yaml')).toBe(false);
    expect(filter!('tenants/a/dev/a-dev/catalog-info.yaml')).toBe(true);
    expect(tree!.etag).toBe('etag-2');
    expect(tree!.files).toEqual([
      { path: 'tenants/a/tenant.yaml', content: 'kind: Tenant' },
    ]);
    expect(tree!.locationOf('tenants/a/tenant.yaml')).toBe(
      'url:https://github.com/acme/gitops/tree/main/tenants/a/tenant.yaml',
    );
  });

  it('answers undefined when the repository is unchanged', async () => {
    const reader = mockServices.urlReader.mock();
    reader.readTree.mockRejectedValue(new NotModifiedError());
    await expect(
      readGitOpsTree({
        target: 'https://example.com/repo',
        reader,
        wanted,
        etag: 'e',
      }),
    ).resolves.toBeUndefined();
  });

  it('passes other read errors on', async () => {
    const reader = mockServices.urlReader.mock();
    reader.readTree.mockRejectedValue(new Error('401 Unauthorized'));
    await expect(
      readGitOpsTree({ target: 'https://example.com/repo', reader, wanted }),
    ).rejects.toThrow('401 Unauthorized');
  });

  it('hands a local file over the size limit on with its size, unread', async () => {
    const dir = createMockDirectory({
      content: {
        'tenants/a/dev/a-dev/catalog-info.yaml': 'kind: Resource',
        'tenants/b/dev/b-dev/catalog-info.yaml': 'x'.repeat(300 * 1024),
      },
    });

    const tree = await readGitOpsTree({
      target: dir.path,
      reader: mockServices.urlReader.mock(),
      wanted,
    });

    expect(
      [...tree!.files].sort((x, y) => x.path.localeCompare(y.path)),
    ).toEqual([
      {
        path: 'tenants/a/dev/a-dev/catalog-info.yaml',
        content: 'kind: Resource',
      },
      {
        path: 'tenants/b/dev/b-dev/catalog-info.yaml',
        content: '',
        size: 300 * 1024,
      },
    ]);
  });

  it.each([
    [{ treeFiles: 2 }, /has more than 2 files to read; at most 2/],
    [
      { treeBytes: 20 },
      /has more than 20 bytes in the files to read; at most 20/,
    ],
  ])(
    'refuses a local tree over its limits %j, naming the target',
    async (limits, message) => {
      const dir = createMockDirectory({
        content: {
          'tenants/a/dev/a-dev/catalog-info.yaml': 'kind: Resource',
          'tenants/b/dev/b-dev/catalog-info.yaml': 'kind: Resource',
          'tenants/c/dev/c-dev/catalog-info.yaml': 'kind: Resource',
          'tenants/c/dev/c-dev/other.yaml': 'not counted',
        },
      });
      const read = readGitOpsTree({
        target: dir.path,
        reader: mockServices.urlReader.mock(),
        wanted,
        limits,
      });
      await expect(read).rejects.toThrow(message);
      await expect(read).rejects.toThrow(dir.path);
    },
  );

  /** A UrlReader answering like the archive readers: the filter sees each size first. */
  function archiveReader(entries: Record<string, string>) {
    const reader = mockServices.urlReader.mock();
    const read = jest.fn();
    reader.readTree.mockImplementation(async (_url, options) => ({
      etag: 'e',
      files: async () =>
        Object.entries(entries)
          .filter(([path, content]) =>
            options!.filter!(path, { size: Buffer.byteLength(content) }),
          )
          .map(([path, content]) => ({
            path,
            content: async () => {
              read(path);
              return Buffer.from(content);
            },
          })),
      archive: jest.fn(),
      dir: jest.fn(),
    }));
    return { reader, read };
  }

  it('skips the content of a remote file over the size limit, keeping its size', async () => {
    const { reader, read } = archiveReader({
      'tenants/a/dev/a-dev/catalog-info.yaml': 'kind: Resource',
      'tenants/b/dev/b-dev/catalog-info.yaml': 'x'.repeat(257 * 1024),
    });

    const tree = await readGitOpsTree({
      target: 'https://example.com/repo',
      reader,
      wanted,
    });

    expect(tree!.files).toEqual([
      {
        path: 'tenants/a/dev/a-dev/catalog-info.yaml',
        content: 'kind: Resource',
      },
      {
        path: 'tenants/b/dev/b-dev/catalog-info.yaml',
        content: '',
        size: 257 * 1024,
      },
    ]);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('checks the size of a remote file once read when the reader gave none', async () => {
    const reader = mockServices.urlReader.mock();
    reader.readTree.mockResolvedValue({
      etag: 'e',
      files: async () => [
        {
          path: 'tenants/a/tenant.yaml',
          content: async () => Buffer.alloc(300 * 1024, 'x'),
        },
      ],
      archive: jest.fn(),
      dir: jest.fn(),
    } as any);
    const tree = await readGitOpsTree({
      target: 'https://example.com/repo',
      reader,
      wanted: () => true,
    });
    expect(tree!.files).toEqual([
      { path: 'tenants/a/tenant.yaml', content: '', size: 300 * 1024 },
    ]);
  });

  it.each([
    [{ treeFiles: 1 }, /https:\/\/example.com\/repo has more than 1 files/],
    [{ treeBytes: 20 }, /https:\/\/example.com\/repo has more than 20 bytes/],
  ])('refuses a remote tree over its limits %j', async (limits, message) => {
    const { reader } = archiveReader({
      'tenants/a/dev/a-dev/catalog-info.yaml': 'kind: Resource',
      'tenants/b/dev/b-dev/catalog-info.yaml': 'kind: Resource',
    });
    await expect(
      readGitOpsTree({
        target: 'https://example.com/repo',
        reader,
        wanted,
        limits,
      }),
    ).rejects.toThrow(message);
  });
});
