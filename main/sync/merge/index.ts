/** The merge: pure functions from sides' states to writes, conflicts and guards (DESIGN §5.3-4). */
export { mergeTitle } from './merge-title';
export { evaluateGuards, type GuardLimits } from './guards';
export { nativeOf, value100Of, storedOn, sameScore, scoresInStep } from './scores';
export { isValidDate, compatibleDates, earlierDate, laterDate, sameDate } from './dates';
