/** kx's log streaming core (UI-independent): used by `kx logs` and by the TUI's logs pane. */
export { chooseContainers } from './container-choice.ts';
export type { ChosenContainers } from './container-choice.ts';
export { containerRunState, streamContainerLog } from './container-log-stream.ts';
export type { ContainerStreamOptions, RunState } from './container-log-stream.ts';
export { parseGoDuration } from './go-duration.ts';
export { LineQueue } from './line-queue.ts';
export type { LineQueueOptions, Overflow } from './line-queue.ts';
export { startLogFollower } from './log-follower.ts';
export type { LogFollower, LogFollowerOptions, LogFollowerStats } from './log-follower.ts';
export { loggableResource, LogTargetTypeError, resolveLogTarget } from './log-target.ts';
export { ResumePoint, splitTimestamp, timestampKey } from './log-timestamp.ts';
export type { ContainerChoice, ContainerKind, LogLine, LogNotice, LogOrigin, LogQuery, PodSelection, StreamEnd } from './log-types.ts';
export { OutputWriter } from './output-writer.ts';
export { podContainers, podPhase } from './pod-containers.ts';
export type { PodContainer } from './pod-containers.ts';
export { colorIndexes, LineFormatter, useColor } from './prefixer.ts';
export type { LineFormatOptions } from './prefixer.ts';
export { selectorString as labelSelectorText, mapSelectorText } from '../kube/label-selector.ts';
