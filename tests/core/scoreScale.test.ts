import { describe, expect, it } from 'vitest';
import { SAME_LOCATION_WEIGHT } from '../../src/core/pairing';
import { fitOutOfTen, scoreScale } from '../../src/core/scoreScale';
import { readSettings } from '../../src/core/settings';

const defaults = readSettings([]).settings;

describe('the scale of a suggestion’s score', () => {
  it('is every weight fully met: 3 + 3 + 1 + 1 + 2 = 10 points with the default weights', () => {
    expect(scoreScale(defaults)).toBe(10);
  });

  it('grows by the same-location weight when buddies of other locations are allowed', () => {
    expect(scoreScale({ ...defaults, pairAcrossLocations: true })).toBe(10 + SAME_LOCATION_WEIGHT);
  });

  it('follows the school’s own weights', () => {
    const { settings } = readSettings([
      { name: 'Gewicht ervaring VSO', value: '0' },
      { name: 'Gewicht ruimte', value: '2,5' },
    ]);
    expect(scoreScale(settings)).toBe(7.5);
  });

  it.each([
    [10, 10, 10],
    [6.5, 10, 7],
    [6.4, 10, 6],
    [3, 7.5, 4],
    [0, 10, 0],
    // "Onlangs buddy" can push a score below zero: the scale stops at 0.
    [-1, 10, 0],
    // A score above the scale cannot happen, but would still read 10/10.
    [12, 10, 10],
  ])('reads %d of %d points as %d/10', (score, scale, fit) => {
    expect(fitOutOfTen(score, scale)).toBe(fit);
  });

  it('has no reading when every weight is 0', () => {
    expect(fitOutOfTen(0, 0)).toBeNull();
  });
});
