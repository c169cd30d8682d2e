import { describe, expect, it } from 'vitest';

// Every UI source file, as text (Vite's glob import; tests excluded).
const sources = import.meta.glob(['../**/*.{ts,tsx}', '../../main.tsx', '!../**/*.test.ts'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

describe('labels and names from a scenario are shown as text', () => {
  it('the UI never hands a string to the HTML parser', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(40);
    const parsesHtml = /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|createContextualFragment|DOMParser|document\.write/;
    const offenders = Object.entries(sources)
      .filter(([, text]) => parsesHtml.test(text))
      .map(([file]) => file);
    expect(offenders, 'files that would parse a label as HTML').toEqual([]);
  });
});
