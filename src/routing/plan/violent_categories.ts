/**
 * Which incident categories count as violent for the volunteers' risk threshold.
 *
 * A normalised category name is violent when it contains one of these fragments (case-insensitive).
 * They cover the police.uk categories "violence and sexual offences", "robbery", "possession of
 * weapons", the Chicago data portal's "homicide", "assault", "aggravated assault", "battery",
 * "aggravated battery", "criminal sexual assault", "robbery", "weapons violation", "kidnapping",
 * and common English names elsewhere (shooting, stabbing, rape, murder, manslaughter).
 * Lithuanian register names are matched by their stems (smurt- violence, plėšim- robbery,
 * nužud- murder, ginkl- weapon, sužalojim- injury, išžagin- rape).
 */
export const violentCategoryFragments: readonly string[] = Object.freeze([
  'violen', 'sexual', 'sex offen', 'rape', 'robbery', 'weapon', 'firearm', 'aggravated', 'homicide',
  'murder', 'manslaughter', 'assault', 'battery', 'kidnap', 'abduct', 'shooting', 'stabbing', 'wounding',
  'smurt', 'plėšim', 'nužud', 'ginkl', 'sužalojim', 'išžagin',
]);

/** Whether a category name is violent by {@link violentCategoryFragments} (or a list given). */
export function isViolentCategory(name: string, fragments: readonly string[] = violentCategoryFragments): boolean {
  const s = name.toLowerCase();
  for (const f of fragments) if (s.includes(f.toLowerCase())) return true;
  return false;
}

/** mask[k] = 1 when categories[k] is violent. */
export function violentCategoryMask(categories: readonly string[], fragments: readonly string[] = violentCategoryFragments): Uint8Array {
  return Uint8Array.from(categories, (c) => (isViolentCategory(c, fragments) ? 1 : 0));
}
