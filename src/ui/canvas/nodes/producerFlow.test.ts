import { describe, expect, it } from 'vitest';
import { offerText, perSecond, producerFlowText, producerSubtitle } from './producerFlow';

describe('a producer’s line of numbers', () => {
  it('says what it offers and what actually gets out', () => {
    expect(producerFlowText({ rate: 250 }, 250, 47.3)).toBe('offered 250/s · out 47/s');
    expect(producerFlowText({ rate: 1200 }, 1200, 1199.6)).toBe('offered 1,200/s · out 1,200/s');
  });

  it('follows its profile: the rate it offers now, not the configured one', () => {
    expect(producerFlowText({ rate: 100 }, 400, 380)).toBe('offered 400/s · out 380/s');
  });

  it('offers only its rate before the run starts', () => {
    expect(producerFlowText({ rate: 110 }, 110, null)).toBe('offered 110/s');
    expect(offerText({ rate: 110 })).toBe('offered 110/s');
  });

  it('counts users, not a rate, when closed loop', () => {
    expect(producerFlowText({ rate: 100, users: 50 }, 100, 31)).toBe('50 users · out 31/s');
  });

  it('keeps a decimal while small, and never prints NaN', () => {
    expect(perSecond(0.44)).toBe('0.4/s');
    expect(perSecond(Number.NaN)).toBe('0/s');
  });

  it('says how it produces under the title', () => {
    expect(producerSubtitle({ arrival: 'poisson' })).toBe('poisson arrivals');
    expect(producerSubtitle({ arrival: 'bursty', profile: [{ atMs: 0, rate: 5, rampMs: 0 }] })).toBe('bursty arrivals · profile');
    expect(producerSubtitle({ arrival: 'poisson', users: 10, thinkTimeMs: 1500 })).toBe('closed loop · think 1.5 s');
  });
});
