/** Patrol planning: hot spots for a shift become routes (one export per file). */
export { parseUnits, expandUnits, unitKinds, DEFAULT_DWELL_MIN, type UnitKind, type UnitSpec, type PlanUnitSpec } from './plan_units.ts';
export { pointInRing, pointInZone, type ZonePolygons } from './point_in_zone.ts';
export { preparePatrolPlan, type CandidateStops, type PatrolPlanInput, type PlanNetwork, type PreparePlanOptions, type PreparedPatrolPlan } from './prepare_patrol_plan.ts';
export { dayIndexOf, dayNames, formatClock, parseClock, shiftWindow, SLOTS_PER_WEEK, type Shift, type ShiftWindow } from './shift_window.ts';
export { solvePatrolPlan, type PatrolPlan, type PlannedRoute, type PlanSummary, type SolvePlanOptions } from './solve_patrol_plan.ts';
export { isViolentCategory, violentCategoryFragments, violentCategoryMask } from './violent_categories.ts';
export { topTierThreshold } from './violent_threshold.ts';
export { windowHotSpots, type PlanIncidents, type WindowHotSpotOptions, type WindowHotSpots } from './window_hot_spots.ts';
export { weekdaysInMonths, windowWeights } from './window_weights.ts';
