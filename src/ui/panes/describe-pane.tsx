/**
 * `d`: the object described like `kubectl describe`, live: the object is watched (a change
 * describes it again), its events are watched, and related objects are fetched again as they
 * change. A deleted object says so and keeps its last description on screen.
 */
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import type { Describer } from '../../kinds/describe/describe-types.ts';
import { groupOf, loadDescriber } from '../../kinds/describe/describe-object.ts';
import { useNow } from '../hooks/use-now.ts';
import type { PaneProps } from './pane-types.ts';
import { paneStatus, paneTitle } from './pane-title.ts';
import { copyPaneText } from './pane-copy.ts';
import { TextPane } from './text-pane.tsx';
import { useLiveEvents } from './use-live-events.ts';
import { useLiveObject } from './use-live-object.ts';
import { useRelatedObjects } from './use-related-objects.ts';

/** Ages ('5m', '(x3 over 2h)') are recomputed this often. */
const ageTickMs = 2000;

/** The describe pane. */
export function DescribePane(props: PaneProps): ReactElement {
  const live = useLiveObject(props.client, props.target);
  const events = useLiveEvents(props.client, live.object);
  const related = useRelatedObjects(props.client, live.object);
  const now = useNow(ageTickMs);
  // The kind's describer is loaded on first use (its module says which).
  const [describer, setDescriber] = useState<Describer | undefined>(undefined);
  const group = live.object ? groupOf(live.object.apiVersion) : undefined;
  const kind = live.object?.kind;
  useEffect(() => {
    if (group === undefined || kind === undefined) return undefined;
    let current = true;
    void loadDescriber(group, kind).then((d) => current && setDescriber(() => d));
    return () => {
      current = false;
    };
  }, [group, kind]);
  const lines = useMemo(() => (live.object && describer ? describer({ object: live.object, related: { ...related, events: events ?? [] }, now }) : []), [live.object, describer, related, events, now]);
  return (
    <TextPane
      title={paneTitle('Describe', props.target)}
      status={paneStatus(live)}
      lines={lines}
      width={props.width}
      height={props.height}
      active={props.active}
      onClose={props.onClose}
      onCopy={(text, fromMatch) => copyPaneText(text, fromMatch, props.onFlash)}
      empty={live.phase === 'loading' ? 'loading…' : live.message}
    />
  );
}
