// Rendering the report model: both languages, escaping, nothing loaded, and what it says when
// times are unknown (month-only sources such as police.uk).
import { describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/report/report_model.ts';
import { renderReportHtml } from '../../src/report/render_html.ts';
import { background, cluster, incidents, type Row } from './synthetic.ts';

const contains = (text: string, part: string) => expect(text.includes(part), part).toBe(true);
const lacks = (text: string, re: RegExp) => expect(re.exec(text)?.[0] ?? null, String(re)).toBeNull();
const figures = (html: string) => new Map([...html.matchAll(/data-fig="([^"]*)" data-value="([^"]*)"/g)].map((m) => [m[1], m[2]]));

function rows(category = 'assault', withTimes = true): Row[] {
  const out: Row[] = [];
  for (const m of ['2019-03', '2019-04', '2019-05', '2019-06']) {
    out.push(...background(8, m, { category: 'theft' }));
    out.push(...cluster(m === '2019-06' ? 5 : 2, m, -87.70, 41.92, withTimes ? { category, hour: 21, dow: 5 } : { category }));
  }
  return out;
}

describe('renderReportHtml', () => {
  it('renders every section in English and Lithuanian with the same figures', () => {
    const model = buildReportModel({ incidents: incidents(rows()), title: 'Test area', generatedAt: '2019-07-01T08:00:00Z' }, { month: '2019-06' });
    const en = renderReportHtml(model, { lang: 'en' });
    const lt = renderReportHtml(model, { lang: 'lt' });
    for (const cls of ['summary', 'map', 'headline', 'top', 'time', 'forecast', 'patrol', 'quality', 'methods', 'attributions']) {
      contains(en, `<section class="${cls}`);
      contains(lt, `<section class="${cls}`);
    }
    contains(en, 'Monthly hot-spot report');
    contains(en, 'June 2019');
    contains(lt, 'Mėnesio nusikalstamumo židinių ataskaita');
    contains(lt, '2019 m. birželis');
    const fe = figures(en);
    const fl = figures(lt);
    expect(fe.get('category.total.month')).toBe('13');
    expect(fe.get('category.total.previous')).toBe('10');
    expect(fe.get('category.total.lastYear')).toBe('');
    expect([...fl]).toEqual([...fe]);
    // No street network: said, and no patrol stops.
    contains(en, 'No street network loaded');
    contains(lt, 'Gatvių tinklas neįkeltas');
    // Nothing that loads anything.
    for (const html of [en, lt]) {
      lacks(html, /https?:\/\//i);
      lacks(html, /\s(src|href)\s*=/i);
      lacks(html, /<script/i);
    }
  });

  it('escapes data text: a category with markup appears as text', () => {
    const model = buildReportModel({ incidents: incidents(rows('<script>alert(1)</script>')), title: '<b>x</b>' }, { month: '2019-06' });
    const html = renderReportHtml(model);
    contains(html, '&lt;script&gt;alert(1)&lt;/script&gt;');
    contains(html, '&lt;b&gt;x&lt;/b&gt;');
    lacks(html, /<script|<b>/i);
  });

  it('says the time of day is unknown when no incident has one, and draws no day-of-week x hour chart', () => {
    const model = buildReportModel({ incidents: incidents(rows('assault', false).map((r) => ({ ...r, hour: undefined }))) }, { month: '2019-06' });
    expect(model.time.known).toBe(0);
    const en = renderReportHtml(model, { lang: 'en' });
    contains(en, 'The time of day is not known for any incident in this period');
    lacks(en, /aria-label="When: day of week × hour"/);
    contains(renderReportHtml(model, { lang: 'lt' }), 'Nė vieno šio laikotarpio įvykio paros laikas nežinomas');
  });

  it('notes how many incidents have no time when some do', () => {
    const rs = rows();
    const model = buildReportModel({ incidents: incidents(rs) }, { month: '2019-06' });
    const unknown = rs.filter((r) => r.hour === undefined).length;
    expect(figures(renderReportHtml(model)).get('time.unknown')).toBe(String(unknown));
  });

  it('embeds fonts as data: URLs and rejects anything that is not base64', () => {
    const model = buildReportModel({ incidents: incidents(rows()) }, { month: '2019-06' });
    const html = renderReportHtml(model, { fonts: [{ family: 'Noto Sans', weight: 400, unicodeRange: 'U+0000-00FF', woff2Base64: 'd09GMgABAAA=' }] });
    contains(html, "src:url(data:font/woff2;base64,d09GMgABAAA=) format('woff2');unicode-range:U+0000-00FF;");
    expect(() => renderReportHtml(model, { fonts: [{ family: 'X', weight: 400, woff2Base64: 'a);}body{' }] })).toThrow(/not base64/);
    expect(() => renderReportHtml(model, { lang: 'de' as 'en' })).toThrow(/lang must be/);
  });
});
