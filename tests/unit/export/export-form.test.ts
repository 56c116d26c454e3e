import { describe, expect, it } from 'vitest';
import {
  formProblems,
  initialForm,
  redactionNames,
  rowProblem,
} from '../../../src/renderer/src/components/export/export-form';
import { exportRequest } from '../../../src/shared/channels/export';

describe('export dialog form', () => {
  const form = initialForm([
    { name: 'FreshCart Grocers', aliases: ['FreshCart'], category: 'company', count: 3 },
    { name: 'Priya Raman', aliases: [], category: 'person', count: 1 },
  ]);

  it('starts with redaction on and the found names ticked', () => {
    expect(form.redact).toBe(true);
    expect(redactionNames(form)).toEqual([
      { name: 'FreshCart Grocers', category: 'company', aliases: ['FreshCart'] },
      { name: 'Priya Raman', category: 'person' },
    ]);
  });

  it('reads aliases, skips unticked rows, sends nothing when redaction is off', () => {
    const edited = {
      ...form,
      rows: [
        { ...form.rows[0]!, text: 'FreshCart Grocers | FreshCart ' },
        { ...form.rows[1]!, enabled: false },
        { key: 9, text: 'StoreLink', category: 'service' as const, found: null, enabled: true },
      ],
    };
    expect(redactionNames(edited)).toEqual([
      { name: 'FreshCart Grocers', category: 'company', aliases: ['FreshCart'] },
      { name: 'StoreLink', category: 'service' },
    ]);
    expect(redactionNames({ ...edited, redact: false })).toEqual([]);
  });

  it('flags rows the back end would reject, before sending', () => {
    expect(rowProblem({ key: 1, text: ' ', category: 'name', found: null, enabled: true })).toMatch(/Type a name/);
    expect(rowProblem({ key: 1, text: 'Acme | X', category: 'name', found: null, enabled: true })).toMatch(
      /"X" is too short/,
    );
    expect(
      formProblems({
        ...form,
        rows: [...form.rows, { key: 3, text: 'Q', category: 'name', found: null, enabled: true }],
      }),
    ).toHaveLength(1);
  });

  it('builds requests the channel accepts, with no path in them', () => {
    const request = { sessionId: 'abc-123', format: form.format, names: redactionNames(form) };
    expect(exportRequest.safeParse(request).success).toBe(true);
    expect(exportRequest.safeParse({ ...request, path: '/tmp/x' }).success).toBe(false);
  });
});
