/** The benchmark table: one row per figure, kx beside kubectl, the ratio and the budget. */

/** One measured figure. */
export interface Figure {
  figure: string;
  kx: string;
  kubectl: string;
  /** kx ÷ kubectl where both are numbers, else ''. */
  ratio: string;
  budget: string;
  /** 'met', 'missed' or 'n/a' with the reason. */
  verdict: string;
  /** Raw numbers for the JSON file. */
  raw?: Record<string, unknown>;
}

/** Formats figures as a fixed-width text table. */
export function table(rows: readonly Figure[]): string {
  const head: Figure = { figure: 'figure', kx: 'kx', kubectl: 'kubectl', ratio: 'ratio', budget: 'budget', verdict: 'verdict' };
  const cols = ['figure', 'kx', 'kubectl', 'ratio', 'budget', 'verdict'] as const;
  const all = [head, ...rows];
  const widths = cols.map((c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r: Figure): string =>
    cols
      .map((c, i) => r[c].padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** 'x.xx×' for a ratio, '' when either side is missing. */
export function ratioText(kx: number, kubectl: number): string {
  return Number.isFinite(kx) && Number.isFinite(kubectl) && kubectl > 0 ? `${(kx / kubectl).toFixed(2)}×` : '';
}
