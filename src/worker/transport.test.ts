// The session across a boundary: what travels in pieces arrives whole and exactly as the
// session holds it, held lists are let go, two sessions hold nothing in common, and the
// in-process channel copies like postMessage.
import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../test/fixtures.ts';
import { DEFAULT_EXPORT } from '../core/io/export.ts';
import { getValue, setCell } from '../core/model.ts';
import { DocumentSession } from './session.ts';
import { type Call, type PageSizes, cloningChannel, connectSession, serveSession } from './transport.ts';

const FIX_ALL = { step: { kind: 'fixAll' as const } };
const bytes = (name: string) => fixtureBytes(name).slice().buffer;

/** A session over the cloning channel, with the methods called counted. */
function served(sizes?: PageSizes) {
  const session = new DocumentSession();
  const { call, marshal } = cloningChannel((m) => serveSession(session, m));
  const calls: string[] = [];
  const counted = ((method, ...args) => {
    calls.push(method);
    return call(method, ...args);
  }) as Call;
  return { api: connectSession(counted, marshal, sizes), session, calls };
}

const count = (calls: string[], method: string) => calls.filter((m) => m === method).length;

describe('session transport', () => {
  it('a workbook, its analyses and fix-all arrive in small pieces exactly as the session has them', async () => {
    const { api, calls } = served({ cells: 25, violations: 7, changes: 13 });
    const direct = new DocumentSession();
    const opened = await api.openFile('population.xlsx', bytes('population.xlsx'));
    const mine = direct.open('population.xlsx', bytes('population.xlsx'));
    expect(opened.ok && mine.ok).toBe(true);
    if (!opened.ok || !mine.ok) return;
    expect(opened.workbook).toEqual(mine.workbook);
    // 58 rows in slices of 25: three messages per column.
    expect(count(calls, 'columnSlice')).toBe(3 * mine.workbook.sheets[0].columns.length);

    const analyses = await api.analyse();
    expect(analyses).toEqual(direct.analyse());
    expect(count(calls, 'violationPage')).toBe(Math.ceil(analyses[0].cellViolations.length / 7));

    const fixed = await api.fixAll(FIX_ALL);
    const theirs = direct.fixAll(FIX_ALL);
    expect(fixed.changes.length).toBeGreaterThan(13);
    expect(fixed.changes).toStrictEqual(theirs.changes);
    expect(fixed.deltas).toEqual(theirs.deltas);
    expect(count(calls, 'changePage')).toBe(Math.ceil(fixed.changes.length / 13));

    const csv = await api.export('s1', 'csv', DEFAULT_EXPORT);
    const csvDirect = direct.export('s1', 'csv', DEFAULT_EXPORT);
    expect(csv.ok && csvDirect.ok && Buffer.from(csv.file.bytes).equals(Buffer.from(csvDirect.file.bytes))).toBe(true);
  });

  it('a list handed out in pages is let go once its last page is fetched', async () => {
    const session = new DocumentSession();
    const { marshal } = cloningChannel((m) => serveSession(session, m));
    const endpoint = serveSession(session, marshal);
    await endpoint.openFile('population.xlsx', bytes('population.xlsx'));
    await endpoint.analyse();
    const { changes } = await endpoint.fixAll(FIX_ALL);
    expect(changes.count).toBeGreaterThan(10);
    await endpoint.changePage(changes.token, 0, 10);
    await endpoint.changePage(changes.token, 10, changes.count);
    await expect(endpoint.changePage(changes.token, 0, 10)).rejects.toThrow(/no list/);
  });

  it('two served sessions hold nothing in common', async () => {
    const a = served({ cells: 1000, violations: 5, changes: 5 });
    const b = served({ cells: 1000, violations: 5, changes: 5 });
    await a.api.openFile('population.xlsx', bytes('population.xlsx'));
    await b.api.openFile('ci-index.xlsx', bytes('ci-index.xlsx'));
    // Started together, paged in turns: each gets its own document's findings.
    const [fromA, fromB] = await Promise.all([a.api.analyse(), b.api.analyse()]);
    expect(fromA).toEqual(a.session.analyse());
    expect(fromB).toEqual(b.session.analyse());
    expect(fromA[0].cellViolations).not.toEqual(fromB[0].cellViolations);
  });

  it('in one thread, what crosses is a copy, as with a worker; an error arrives as a plain Error with its name and message', async () => {
    const { api } = served();
    const opened = await api.openFile('population.xlsx', bytes('population.xlsx'));
    if (!opened.ok) throw new Error('not opened');
    const before = await api.export('s1', 'csv', DEFAULT_EXPORT);
    setCell(opened.workbook.sheets[0], 5, 1, { value: 'changed here only' });
    const after = await api.export('s1', 'csv', DEFAULT_EXPORT);
    expect(before.ok && after.ok && Buffer.from(before.file.bytes).equals(Buffer.from(after.file.bytes))).toBe(true);

    // Arguments too: the session keeps its own copy of an adopted workbook.
    await api.adopt(opened.workbook, { past: [], future: [] }, []);
    setCell(opened.workbook.sheets[0], 5, 1, { value: 'changed after adopting' });
    const adopted = await api.export('s1', 'csv', DEFAULT_EXPORT);
    expect(adopted.ok && new TextDecoder().decode(adopted.file.bytes)).toContain('changed here only');
    expect(adopted.ok && new TextDecoder().decode(adopted.file.bytes)).not.toContain('changed after adopting');

    const failed = api.setOverrides('nope', []);
    await expect(failed).rejects.toThrow('sheet nope has not been analysed');
    await failed.catch((e: unknown) => expect(Object.getPrototypeOf(e)).toBe(Error.prototype));
    expect(getValue(opened.workbook.sheets[0], 5, 1)).toBe('changed after adopting');
  });
});
