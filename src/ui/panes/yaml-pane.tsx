/**
 * `y`: the whole object as YAML, exactly as the server sent it (raw GET), kept current while
 * open. managedFields are hidden until `m`; a Secret's data is masked until `x` shows it
 * base64-decoded. The revealed values exist only in this pane's render: never flashed, logged
 * or saved.
 */
import { useMemo, useState, type ReactElement } from 'react';
import type { PaneProps } from './pane-types.ts';
import { paneStatus, paneTitle } from './pane-title.ts';
import { copyPaneText } from './pane-copy.ts';
import { TextPane } from './text-pane.tsx';
import { useLiveObject } from './use-live-object.ts';
import { isSecret, yamlLines, yamlText } from './yaml-text.ts';
import { useTheme } from '../theme-context.tsx';

/** The YAML pane. */
export function YamlPane(props: PaneProps): ReactElement {
  const live = useLiveObject(props.client, props.target);
  const [managedFields, setManagedFields] = useState(false);
  const [reveal, setReveal] = useState(false);
  const colour = useTheme().colour;
  const lines = useMemo(() => (live.object ? yamlLines(yamlText(live.object, { managedFields, reveal }), colour) : []), [live.object, managedFields, reveal, colour]);
  const secret = live.object !== undefined && isSecret(live.object);
  const notes = [managedFields ? 'managedFields shown · m hides' : 'managedFields hidden · m shows'];
  if (secret) notes.push(reveal ? 'values decoded · x masks' : 'values masked · x reveals');
  return (
    <TextPane
      title={paneTitle('YAML', props.target)}
      status={paneStatus(live)}
      lines={lines}
      width={props.width}
      height={props.height}
      active={props.active}
      onClose={props.onClose}
      scope="yaml"
      actions={{
        'yaml-managed-fields': () => setManagedFields((v) => !v),
        // Offered only for Secrets: elsewhere x does nothing.
        ...(secret ? { 'yaml-reveal': () => setReveal((v) => !v) } : {}),
      }}
      onCopy={(text, fromMatch) => copyPaneText(text, fromMatch, props.onFlash)}
      footer={notes.join(' · ')}
      empty={live.phase === 'loading' ? 'loading…' : live.message}
    />
  );
}
