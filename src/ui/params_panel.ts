/**
 * Method parameters: cell size, KDE bandwidth and kernel, Gi* band and FDR. An empty field means
 * the default; after each analysis every field shows the value used and why (the reason comes
 * from the worker as a message key with numbers, translated here).
 */
import type { AnalysisParams, AnalysisResult, Explained } from '../worker/analysis_types.ts';
import type { KernelName } from '../stats/kernels.ts';
import { KERNEL_NAMES } from '../stats/kernels.ts';
import { el } from './dom.ts';
import type { I18n, MessageKey } from './i18n.ts';

type NumberParam = 'cellSizeM' | 'bandwidthM' | 'bandM';
const NUMBER_PARAMS: { key: NumberParam; label: MessageKey; id: string }[] = [
  { key: 'cellSizeM', label: 'params.cell', id: 'param-cell' },
  { key: 'bandwidthM', label: 'params.bandwidth', id: 'param-bandwidth' },
  { key: 'bandM', label: 'params.band', id: 'param-band' },
];

export class ParamsPanel {
  readonly element: HTMLElement;
  private readonly heading = el('h2', { id: 'params-heading' });
  private readonly inputs = new Map<NumberParam, { input: HTMLInputElement; label: HTMLLabelElement; hint: HTMLElement }>();
  private readonly kernel = el('select', { id: 'param-kernel', 'aria-describedby': 'param-kernel-hint' });
  private readonly kernelLabel = el('label', { for: 'param-kernel' });
  private readonly kernelHint = el('small', { id: 'param-kernel-hint', class: 'hint' });
  private readonly fdr = el('input', { type: 'checkbox', id: 'param-fdr', checked: true, 'aria-describedby': 'param-fdr-hint' });
  private readonly fdrLabel = el('span');
  private readonly fdrHint = el('small', { id: 'param-fdr-hint', class: 'hint' });
  private readonly kdeNote = el('p', { class: 'note' });
  private readonly reset = el('button', { type: 'button', id: 'param-reset' });
  private fdrTouched = false;
  private last: AnalysisResult | null = null;

  constructor(private readonly i18n: I18n, private readonly onChange: () => void) {
    const fields: HTMLElement[] = [];
    for (const p of NUMBER_PARAMS) {
      const hintId = `${p.id}-hint`;
      const input = el('input', { type: 'number', id: p.id, min: '1', step: 'any', inputMode: 'decimal', 'aria-describedby': hintId });
      const label = el('label', { for: p.id });
      const hint = el('small', { id: hintId, class: 'hint' });
      this.inputs.set(p.key, { input, label, hint });
      fields.push(el('div', { class: 'field' }, label, input, hint));
    }
    this.kernel.append(el('option', { value: '' }), ...KERNEL_NAMES.map((k) => el('option', { value: k })));
    fields.splice(2, 0, el('div', { class: 'field' }, this.kernelLabel, this.kernel, this.kernelHint));
    this.element = el('section', { class: 'panel params', 'aria-labelledby': 'params-heading' },
      this.heading, ...fields,
      el('div', { class: 'field' }, el('label', { for: 'param-fdr', class: 'check' }, this.fdr, this.fdrLabel), this.fdrHint),
      this.kdeNote, this.reset);
    this.element.addEventListener('change', (ev) => {
      if (ev.target === this.fdr) this.fdrTouched = true;
      if (this.valid()) this.onChange();
    });
    this.reset.addEventListener('click', () => {
      for (const { input } of this.inputs.values()) input.value = '';
      this.kernel.value = '';
      this.fdr.checked = true;
      this.fdrTouched = false;
      this.valid();
      this.onChange();
    });
    i18n.watch(() => this.relabel());
  }

  /** The parameters set by the user (absent = default). */
  params(): AnalysisParams {
    const p: AnalysisParams = {};
    for (const [key, { input }] of this.inputs) {
      const v = input.value.trim() === '' ? NaN : Number(input.value);
      if (v > 0) p[key] = v;
    }
    if (this.kernel.value) p.kernel = this.kernel.value as KernelName;
    if (this.fdrTouched) p.fdr = this.fdr.checked;
    return p;
  }

  private valid(): boolean {
    let ok = true;
    for (const { input } of this.inputs.values()) {
      const bad = input.value.trim() !== '' && !(Number(input.value) > 0);
      input.setAttribute('aria-invalid', String(bad));
      if (bad) ok = false;
    }
    this.showHints();
    return ok;
  }

  /** Show the values and reasons of an analysis. */
  show(r: AnalysisResult): void {
    this.last = r;
    if (!this.fdrTouched) this.fdr.checked = r.fdr.value;
    this.showHints();
  }

  private reason(e: Explained<unknown>): string {
    return this.i18n.has(e.reason) ? this.i18n.t(e.reason, e.vars) : e.reason;
  }

  private showHints(): void {
    const t = this.i18n.t.bind(this.i18n);
    const r = this.last;
    for (const [key, { input, hint }] of this.inputs) {
      if (input.getAttribute('aria-invalid') === 'true') {
        hint.textContent = t('params.invalid');
        continue;
      }
      const e = r?.hasData ? r[key] : null;
      input.placeholder = e && !e.given ? this.i18n.n(e.value, 0) : '';
      hint.textContent = e ? `${t('params.used', { value: `${this.i18n.n(e.value, 1)} m` })} — ${this.reason(e)}` : '';
    }
    this.kernelHint.textContent = r?.hasData ? this.reason(r.kernel) : '';
    this.fdrHint.textContent = r?.hasData ? this.reason(r.fdr) : '';
    this.kdeNote.textContent = r?.hasData ? (r.kde.mode === 'exact' ? t('kde.exact') : t('kde.fast', { accuracy: r.kde.accuracy })) : '';
  }

  private relabel(): void {
    const t = this.i18n.t.bind(this.i18n);
    this.heading.textContent = t('params.heading');
    for (const p of NUMBER_PARAMS) this.inputs.get(p.key)!.label.textContent = t(p.label);
    this.kernelLabel.textContent = t('params.kernel');
    for (const o of this.kernel.options) o.textContent = o.value ? t(`kernel.${o.value}` as MessageKey) : t('kernel.default');
    this.fdrLabel.textContent = t('params.fdr');
    this.reset.textContent = t('params.reset');
    this.showHints();
  }
}
