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
        filter: wanted,
      },
    );
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
});
