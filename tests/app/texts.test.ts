/**
 * The one helper that turns a coded message (`{key, params}`) into text: dates as long dates,
 * labels as keys under a prefix, an unknown label as written.
 */
import { describe, expect, it } from 'vitest';
import { label, translate } from '../../src/app/texts/messages';
import { UserError } from '../../src/core/errors';
import { userMessage } from '../../src/server/root';

describe('translate', () => {
  it('reads a day among the params as a long date', () => {
    expect(translate('nl', 'overview.why.absent', { until: '2027-01-11' })).toBe(
      'is afwezig tot maandag 11 januari 2027',
    );
    expect(translate('en', 'overview.why.absent', { until: '2027-01-11' })).toBe(
      'is absent until Monday 11 January 2027',
    );
  });

  it('reads a labelled param as the text of its key, filled from the same params', () => {
    const params = { name: 'Sanne', buddy: 'Piet', why: 'absent', until: '2027-01-11' };
    expect(translate('nl', 'attention.buddyUnavailable', params, { why: 'overview.why' })).toBe(
      'De buddy van Sanne (Piet) is afwezig tot maandag 11 januari 2027.',
    );
  });

  it('leaves a label with no key as written', () => {
    expect(label('nl', 'field', 'buddy')).toBe('buddy');
    expect(label('nl', 'field', 'location')).toBe('locatie');
    expect(label('en', 'field', 'bogus')).toBe('bogus');
  });

  it('names a UserError field in the user’s language, and a typed field name as written', () => {
    expect(userMessage(new UserError('arg.notText', { field: 'location' }), 'nl')).toBe(
      'Ongeldige invoer: locatie moet tekst zijn.',
    );
    expect(userMessage(new UserError('arg.notText', { field: 'Kleur' }), 'en')).toBe(
      'Invalid input: Kleur must be text.',
    );
  });
});
