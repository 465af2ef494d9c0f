import { describe, expect, it } from 'vitest';
import { addressPieces } from '../../../src/renderer/src/features/customer/customer';

describe('a customer address in a narrow panel', () => {
  it('may wrap after each @, dot and hyphen, and loses no character', () => {
    const address = 'bartholomew.featherstonehaugh-worthington@customer-relations.example';
    const pieces = addressPieces(address);
    expect(pieces).toEqual([
      'bartholomew.',
      'featherstonehaugh-',
      'worthington@',
      'customer-',
      'relations.',
      'example',
    ]);
    expect(pieces.join('')).toBe(address);
    expect(addressPieces('ann@x')).toEqual(['ann@', 'x']);
  });
});
