/**
 * `d`: the object described like `kubectl describe`, live: the object is watched (a change
 * describes it again), its events are watched, and related objects are fetched again as they
 * change. A deleted object says so and keeps its last description on screen.
 */
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import type { Describer } from '../../kinds/describe/describe-types.ts';
import { groupOf, loadDescriber } from '../../kinds/describe/describe-object.ts';
import { changesSeenSection } from '../../explorer/change-rows.ts';
import type { ChangeRecorder } from '../../store/changes/change-recorder.ts';
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

/** Props of DescribePane: a pane's, and the recorder whose changes of the object it lists ("Changes seen"). */
export interface DescribePaneProps extends PaneProps {
  changesSeen?: ChangeRecorder | undefined;
}

/** The describe pane. */
export function DescribePane(props: DescribePaneProps): ReactElement {
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
  const { changesSeen } = props;
  const uid = live.object?.metadata.uid;
  const lines = useMemo(() => {
    if (!live.object || !describer) return [];
    const described = describer({ object: live.object, related: { ...related, events: events ?? [] }, now });
    const seen = uid && changesSeen ? changesSeenSection(changesSeen.changesOf(uid), now) : [];
    return seen.length > 0 ? [...described, ...seen] : described;
  }, [live.object, describer, related, events, now, uid, changesSeen]);
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
