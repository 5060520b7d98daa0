import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape_html.ts';

describe('escapeHtml', () => {
  it('escapeHtml(text) replaces & < > " and \' with entities, & first', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });
  it('escapeHtml(text) leaves other text, Lithuanian letters included, as it is', () => {
    expect(escapeHtml('Šančiai, Žaliakalnis – 2019 m. birželis')).toBe('Šančiai, Žaliakalnis – 2019 m. birželis');
  });
});
