/**
 * The scale a buddy suggestion's score is shown on: the most points the school's weights can
 * give (every weighted term fully met), so "past 8/10" means the same at every school.
 */
import { SAME_LOCATION_WEIGHT } from './pairing';
import type { Settings } from './settings';

type Weights = Pick<
  Settings,
  | 'weightExperience'
  | 'weightAffinity'
  | 'weightSameRole'
  | 'weightSameSubject'
  | 'weightRoom'
  | 'pairAcrossLocations'
>;

/**
 * The highest score a suggestion can reach with these settings: ten years' experience,
 * affinity, same job title and subject, all room free (and the same location when other
 * locations are allowed). "Onlangs buddy" only subtracts, so it never raises the top.
 */
export function scoreScale(s: Weights): number {
  const total =
    s.weightExperience +
    s.weightAffinity +
    s.weightSameRole +
    s.weightSameSubject +
    s.weightRoom +
    (s.pairAcrossLocations ? SAME_LOCATION_WEIGHT : 0);
  return Math.round(total * 1000) / 1000;
}

/** A score as a whole number from 0 to 10 on `scale`; null when the scale is empty (all weights 0). */
export function fitOutOfTen(score: number, scale: number): number | null {
  if (!(scale > 0)) return null;
  return Math.max(0, Math.min(10, Math.round((score / scale) * 10)));
}
