import { mockServices } from '@backstage/backend-test-utils';
import {
  catalogEntitiesFor,
  generateWorld,
} from '@internal/upstream-simulators';
import { TenancyCatalogIndex } from './TenancyCatalogIndex';

const world = generateWorld({
  clusters: 1,
  namespaces: 4,
  namespacesPerTenant: 2,
  argocdInstances: 1,
  applications: 4,
  costInstances: 'single',
});
const all = catalogEntitiesFor(world) as any[];
const tenants = all.filter(e => e.kind === 'Tenant');
const later = tenants[1];
const laterRef = `tenant:default/${later.metadata.name}`;

/** A catalog that ingests the second tenant after the first read. */
function catalogIngestingLater() {
  let entities = all.filter(e => e !== later);
  const reads = jest.fn((request: { filter: Record<string, any> }) => {
    const { kind, ...fields } = request.filter;
    const items = entities.filter(
      e =>
        e.kind === kind &&
        Object.entries(fields).every(([path, values]) =>
          [values]
            .flat()
            .includes(path === 'spec.type' ? e.spec?.type : undefined),
        ),
    );
    return Promise.resolve({ items });
  });
  const ingest = () => {
    entities = all;
  };
  return { catalog: { getEntities: reads } as any, reads, ingest };
}

describe('TenancyCatalogIndex', () => {
  afterEach(() => jest.useRealTimers());

  it('serves its copy while fresh, and reads again at once for an entity the copy lacks', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-03T08:00:00Z') });
    const { catalog, reads, ingest } = catalogIngestingLater();
    const index = new TenancyCatalogIndex(catalog, mockServices.auth());

    expect((await index.current()).byRef.has(laterRef)).toBe(false);
    expect(reads).toHaveBeenCalledTimes(2); // tenants and their parts
    ingest();

    // Within the second: the copy as it is, no new read.
    jest.advanceTimersByTime(500);
    expect((await index.current(laterRef)).byRef.has(laterRef)).toBe(false);
    expect(reads).toHaveBeenCalledTimes(2);

    // Later, still fresh for other lookups, but the missing tenant is read.
    jest.advanceTimersByTime(1_000);
    const known = `tenant:default/${tenants[0].metadata.name}`;
    await index.current(known);
    expect(reads).toHaveBeenCalledTimes(2);
    expect((await index.current(laterRef)).byRef.has(laterRef)).toBe(true);
    expect(reads).toHaveBeenCalledTimes(4);
  });
});
