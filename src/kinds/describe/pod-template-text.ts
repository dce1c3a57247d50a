/**
 * kubectl's printTemplate (pkg/polymorphichelpers): DescribePodTemplate written through a bare
 * PrefixWriter, with no tabwriter, so labels and values stay separated by one tab, as
 * `rollout history --revision N` and `rollout undo --dry-run=client` print them.
 */
import { escapeTerminal, type PrefixWriter } from './describe-writer.ts';
import { writePodTemplate } from './pod-template-section.ts';

/** The 'Pod Template:' block of `template`, unaligned, as kubectl's rollout commands print it. */
export function podTemplateText(template: unknown): string {
  let text = '';
  const w: PrefixWriter = {
    write: (level, s) => {
      text += '  '.repeat(level) + escapeTerminal(s);
    },
    writeLine: (s) => {
      text += escapeTerminal(s) + '\n';
    },
    // Nothing is aligned, so there is nothing to close.
    flush: () => undefined,
  };
  writePodTemplate(w, template);
  return text;
}
