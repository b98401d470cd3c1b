/** Identity in one home: how addresses, names and locations are compared everywhere. */
import { describe, expect, it } from 'vitest';
import {
  emailKey,
  isAllLocations,
  nameKey,
  normalizeName,
  personKey,
  sameLocation,
} from '../../src/core/identity';

describe('identity', () => {
  it('compares e-mail addresses trimmed and in lower case, and finds the address in a display name', () => {
    expect(emailKey('  Anna@School.Example ')).toBe('anna@school.example');
    expect(personKey('Anna <Anna@School.Example>')).toBe('anna@school.example');
    expect(personKey('mailto:anna@school.example')).toBe('anna@school.example');
    expect(personKey(' Geen Adres ')).toBe('geen adres');
  });

  it('reads "all locations" the same way for every tab: empty, alle or all, loosely', () => {
    for (const all of ['', '  ', 'alle', 'Alle', ' ALLE ', 'all', 'All'])
      expect(isAllLocations(all)).toBe(true);
    for (const one of ['Onderbouw havo', 'allemaal', 'a']) expect(isAllLocations(one)).toBe(false);
  });

  it('matches names and locations loosely, but a name for privacy only without case', () => {
    expect(normalizeName('Élise  van der Berg')).toBe('elisevanderberg');
    expect(sameLocation('Onderbouw havo', ' onderbouw-HAVO ')).toBe(true);
    expect(nameKey(' Jan de Vries ')).toBe('jan de vries');
    expect(nameKey('Jan Devries')).not.toBe(nameKey('Jan de Vries'));
  });
});
