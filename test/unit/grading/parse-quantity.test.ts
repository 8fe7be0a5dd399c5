import { describe, expect, it } from 'vitest';
import { convertUnit, unitDimension } from '../../../src/core/grading/convert-unit.js';
import { parseQuantity, type Quantity } from '../../../src/core/grading/parse-quantity.js';

describe('parseQuantity', () => {
  it.each<[string, Quantity | undefined]>([
    ['60s', { value: 60, unit: 's' }],
    ['60 秒', { value: 60, unit: 's' }],
    ['60 seconds', { value: 60, unit: 's' }],
    ['60秒钟', { value: 60, unit: 's' }],
    ['1 minute', { value: 1, unit: 'min' }],
    ['1分钟', { value: 1, unit: 'min' }],
    ['500ms', { value: 500, unit: 'ms' }],
    ['500 毫秒', { value: 500, unit: 'ms' }],
    ['0.5 秒', { value: 0.5, unit: 's' }],
    ['.5s', { value: 0.5, unit: 's' }],
    ['零点五秒', { value: 0.5, unit: 's' }],
    ['六十秒', { value: 60, unit: 's' }],
    ['两小时', { value: 2, unit: 'h' }],
    ['2 hours', { value: 2, unit: 'h' }],
    ['半分钟', { value: 0.5, unit: 'min' }],
    ['一个半小时', { value: 1.5, unit: 'h' }],
    ['1分半', { value: 1.5, unit: 'min' }],
    ['1分30秒', { value: 1.5, unit: 'min' }],
    ['1h 30min', { value: 1.5, unit: 'h' }],
    ['1 min, 30 s', { value: 1.5, unit: 'min' }],
    ['64 KB', { value: 64, unit: 'KB' }],
    ['64KiB', { value: 64, unit: 'KB' }],
    ['1 MB', { value: 1, unit: 'MB' }],
    ['65,536 bytes', { value: 65536, unit: 'byte' }],
    ['3', { value: 3, unit: null }],
    ['３', { value: 3, unit: null }],
    ['-1', { value: -1, unit: null }],
    ['三次', { value: 3, unit: 'count' }],
    ['3 times', { value: 3, unit: 'count' }],
    ['3 segments', { value: 3, unit: 'word' }],
    ['about 60s', { value: 60, unit: 's' }],
    ['约 60 秒。', { value: 60, unit: 's' }],
    // English number words and approximations, read the way Chinese ones are.
    ['twenty bytes', { value: 20, unit: 'byte' }],
    ['Sixty-four KB', { value: 64, unit: 'KB' }],
    ['sixty seconds', { value: 60, unit: 's' }],
    ['one hundred and five ms', { value: 105, unit: 'ms' }],
    ['three', { value: 3, unit: null }],
    ['three segments', { value: 3, unit: 'word' }],
    ['a minute', { value: 1, unit: 'min' }],
    ['about a minute', { value: 1, unit: 'min' }],
    ['roughly an hour', { value: 1, unit: 'h' }],
    ['half a minute', { value: 0.5, unit: 'min' }],
    ['an hour and a half', { value: 1.5, unit: 'h' }],
    ['one and a half minutes', { value: 1.5, unit: 'min' }],
    ['one minute thirty seconds', { value: 1.5, unit: 'min' }],
    ['60 秒左右', { value: 60, unit: 's' }],
    ['60s or so', { value: 60, unit: 's' }],
    ['nearly 60 seconds', { value: 60, unit: 's' }],
    ['a lot', undefined],
    ['someone', undefined],
    ['', undefined],
    ['abc', undefined],
    ['1,5', undefined],
    ['1分30', undefined],
    ['3 apples 4 pears', undefined],
    ['1 min 3 KB', undefined],
    ['TIME_WAIT', undefined],
  ])('%j -> %j', (text, expected) => {
    expect(parseQuantity(text)).toEqual(expected);
  });
});

describe('convertUnit', () => {
  it.each([
    [1, 'min', 's', 60],
    [500, 'ms', 's', 0.5],
    [2, 'h', 'min', 120],
    [65536, 'byte', 'KB', 64],
    [1, 'MB', 'KB', 1024],
    [7, 'count', 'count', 7],
  ] as const)('%f %s = %f %s', (value, from, to, out) => {
    expect(convertUnit(value, from, to)).toBeCloseTo(out, 12);
  });
  it('refuses to convert between dimensions', () => {
    expect(convertUnit(1, 's', 'KB')).toBeUndefined();
    expect(convertUnit(1, 'count', 'ms')).toBeUndefined();
    expect(unitDimension('MB')).toBe('size');
  });
});
