import type { Unit } from '../questions/schema.js';

/** What a unit measures; values convert only within one dimension. */
export type Dimension = 'time' | 'size' | 'count';

const UNIT_INFO: Readonly<Record<Unit, { dimension: Dimension; factor: number }>> = {
  ms: { dimension: 'time', factor: 0.001 },
  s: { dimension: 'time', factor: 1 },
  min: { dimension: 'time', factor: 60 },
  h: { dimension: 'time', factor: 3600 },
  byte: { dimension: 'size', factor: 1 },
  // Binary multiples, as buffer and window sizes are quoted in networking and OS texts.
  KB: { dimension: 'size', factor: 1024 },
  MB: { dimension: 'size', factor: 1024 * 1024 },
  count: { dimension: 'count', factor: 1 },
};

export function unitDimension(unit: Unit): Dimension {
  return UNIT_INFO[unit].dimension;
}

/** `value` in `from` expressed in `to`; undefined when the units measure different things. */
export function convertUnit(value: number, from: Unit, to: Unit): number | undefined {
  const a = UNIT_INFO[from];
  const b = UNIT_INFO[to];
  if (a.dimension !== b.dimension) return undefined;
  return from === to ? value : (value * a.factor) / b.factor;
}
