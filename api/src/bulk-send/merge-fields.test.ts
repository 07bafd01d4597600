import { AppError } from '@signet/shared';
import { mergeFieldsOf, renderMergeFields } from './merge-fields';

describe('merge fields', () => {
  it('lists the fields a text uses, lower-cased, once each', () => {
    expect(mergeFieldsOf('Hi {{Name}}, {{ company }} and {{name}}')).toEqual(['name', 'company']);
    expect(mergeFieldsOf(undefined)).toEqual([]);
  });

  it('replaces each field with the row value, case-insensitively and with spaces inside the braces', () => {
    expect(renderMergeFields('Contract for {{ Name }} at {{company}}', { name: 'Ann', company: 'Acme' })).toBe(
      'Contract for Ann at Acme',
    );
  });

  it('inserts values verbatim as text: markup and formulas are not interpreted, nested braces are not re-expanded', () => {
    const values = { name: '<b>Ann</b> & "co"', company: '=1+2', other: '{{name}}' };
    expect(renderMergeFields('{{name}} / {{company}} / {{other}}', values)).toBe('<b>Ann</b> & "co" / =1+2 / {{name}}');
  });

  it('fails with VALIDATION_FAILED for a field the row does not have', () => {
    expect(() => renderMergeFields('Hi {{nickname}}', { name: 'Ann' })).toThrow(AppError);
    expect(() => renderMergeFields('Hi {{nickname}}', { name: 'Ann' })).toThrow(/nickname/);
  });
});
