/** The demo kubelet's PodRuntime: container logs generated from pod status, and exec into a built-in shell. */
import type { KubeObject } from '../../../kube/object.ts';
import { DemoApiError, type ExecSession, type LogSource, type PodRuntime, type StoreChange } from '../../types.ts';
import type { ScenarioContext } from '../context.ts';
import { R } from '../refs.ts';
import { fnv32a } from '../rng.ts';
import { FailedExec, ShellExec } from './exec-session.ts';
import { imageProfile } from './images.ts';
import { crashLines, logLine } from './log-lines.ts';
import { GeneratedLog } from './log-source.ts';
import type { ContainerSpec, ContainerStatus, PodStatus } from './pod-status.ts';
import { containerFiles } from './container-files.ts';
import { connectPodPort, goneMessage } from './pod-ports.ts';
import type { Duplex } from 'node:stream';
import { logAttachment, MainShell } from './container-stdio.ts';
import { rfc3339 } from '../meta.ts';

interface Open {
  container: string;
  startedAt: string;
  log: GeneratedLog;
}

/** Serves pods/log and pods/exec for every pod in the demo store. */
export class DemoRuntime implements PodRuntime {
  private readonly open = new Map<string, Set<Open>>();
  /** Interactive main processes by pod uid, container and start time (a restart starts a new one). */
  private readonly mains = new Map<string, MainShell>();

  constructor(private readonly ctx: ScenarioContext) {}

  logs(req: { namespace: string; pod: string; container: string; previous: boolean }): LogSource {
    const { pod, spec, status } = this.find(req.namespace, req.pod, req.container);
    const profile = imageProfile(spec.image);
    const waiting = status?.state.waiting;
    const name = req.container;
    let term = status?.state.terminated;
    let startedAt = status?.state.running?.startedAt;
    let restart = status?.restartCount ?? 0;
    if (req.previous) {
      term = status?.lastState.terminated;
      if (!term) throw new DemoApiError(400, 'BadRequest', `previous terminated container "${name}" in pod "${req.pod}" not found`);
      startedAt = undefined;
      restart -= 1;
    } else if (!startedAt && !term) {
      term = status?.lastState.terminated;
      if (!term) {
        const reason = waiting?.reason === 'ImagePullBackOff' || waiting?.reason === 'ErrImagePull' ? 'trying and failing to pull image' : (waiting?.reason ?? 'ContainerCreating');
        throw new DemoApiError(400, 'BadRequest', `container "${name}" in pod "${req.pod}" is waiting to start: ${reason}`);
      }
      restart -= 1;
    }
    const seed = fnv32a(`${pod.metadata.uid}/${name}/${restart}`);
    const intervalMs = (profile.logEverySeconds * 1000) / this.ctx.speed;
    const begin = Date.parse(startedAt ?? term?.startedAt ?? pod.metadata.creationTimestamp ?? '') || Date.now();
    const crashed = term !== undefined && term.exitCode !== 0;
    const log = new GeneratedLog({
      line: (k, time) => logLine(profile.logStyle, seed, k, time, name),
      startMs: begin,
      intervalMs,
      ...(term ? { endMs: Math.max(begin, Date.parse(term.finishedAt)) } : {}),
      ...(crashed ? { lastWords: crashLines(name) } : {}),
    });
    if (startedAt) {
      const set = this.open.get(pod.metadata.uid) ?? new Set<Open>();
      const entry: Open = { container: name, startedAt, log };
      set.add(entry);
      this.open.set(pod.metadata.uid, set);
      log.onEnd(() => set.delete(entry));
    }
    return log;
  }

  checkExec(req: { namespace: string; pod: string; container: string }): void {
    const { pod, status } = this.find(req.namespace, req.pod, req.container);
    const phase = (pod.status as PodStatus | undefined)?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw new DemoApiError(400, 'BadRequest', `cannot exec into a container in a completed pod; current phase is ${phase}`);
    if (!status?.state.running) throw new DemoApiError(400, 'BadRequest', `unable to upgrade connection: container not found ("${req.container}")`);
  }

  exec(req: { namespace: string; pod: string; container: string; command: string[]; tty: boolean }): ExecSession {
    this.checkExec(req);
    const { pod, spec } = this.find(req.namespace, req.pod, req.container);
    const profile = imageProfile(spec.image);
    const bin = (req.command[0] ?? '').replace(/^\/(usr\/)?bin\//, '');
    if (profile.shell === 'none') return new FailedExec(req.command[0] ?? '', req.tty);
    if (!['sh', 'bash', 'echo', 'ls', 'pwd', 'cat', 'env', 'printenv', 'hostname', 'whoami', 'id', 'date', 'uname', 'true', 'false'].includes(bin) || (bin === 'bash' && profile.shell === 'sh')) {
      return new FailedExec(req.command[0] ?? '', req.tty);
    }
    return new ShellExec(containerFiles(pod, spec, profile.shell), req.command, req.tty);
  }

  checkPortForward(req: { namespace: string; pod: string }): void {
    const pod = this.ctx.store.get(R.pods, req.namespace, req.pod);
    if (!pod) throw new DemoApiError(404, 'NotFound', `pods "${req.pod}" not found`);
    // The apiserver sends the request to the pod's node; the kubelet only knows running sandboxes.
    if (!(pod.spec as { nodeName?: string } | undefined)?.nodeName) throw new DemoApiError(400, 'BadRequest', `pod ${req.pod} does not have a host assigned`);
    if ((pod.status as PodStatus | undefined)?.phase !== 'Running') throw new DemoApiError(400, 'BadRequest', `unable to upgrade connection: pod not found ("${req.pod}_${req.namespace}")`);
  }

  connectPort(req: { namespace: string; pod: string; uid: string; port: number }): Duplex {
    // A forward's streams outlive its upgrade: a pod deleted (or stopped) since then has no sandbox.
    const pod = this.ctx.store.get(R.pods, req.namespace, req.pod);
    if (!pod || pod.metadata.uid !== req.uid || (pod.status as PodStatus | undefined)?.phase !== 'Running') throw new Error(goneMessage(req.uid, req.port));
    return connectPodPort(pod, req.port);
  }

  checkAttach(req: { namespace: string; pod: string; container: string }): void {
    const { status } = this.find(req.namespace, req.pod, req.container);
    // The kubelet finds only running containers; the apiserver reports its error as an upgrade failure.
    if (!status?.state.running) throw new DemoApiError(400, 'BadRequest', `unable to upgrade connection: container ${req.container} not found in pod ${req.pod}_${req.namespace}`);
  }

  attach(req: { namespace: string; pod: string; container: string; stdin: boolean }): ExecSession {
    this.checkAttach(req);
    const { pod, spec, status } = this.find(req.namespace, req.pod, req.container);
    const profile = imageProfile(spec.image);
    const startedAt = status?.state.running?.startedAt ?? '';
    const bin = (spec.command?.[0] ?? profile.shell).replace(/^\/(usr\/)?bin\//, '');
    // A container started with stdin whose main process is a shell (the image's default, or sh/bash).
    if (spec.stdin === true && profile.shell !== 'none' && (bin === 'sh' || bin === 'bash')) {
      const key = `${pod.metadata.uid}/${req.container}/${startedAt}`;
      let main = this.mains.get(key);
      if (!main) {
        const shell = bin === 'bash' && profile.shell === 'bash' ? 'bash' : 'sh';
        main = new MainShell(containerFiles(pod, spec, shell), spec.tty === true, (code) => {
          this.mains.delete(key);
          this.restart(req.namespace, req.pod, req.container, startedAt, code);
        });
        this.mains.set(key, main);
      }
      return main.attach(req.stdin);
    }
    return logAttachment(this.logs({ ...req, previous: false }) as GeneratedLog, spec.tty === true);
  }

  /** The main process exited: the kubelet restarts the container (a new start time, one more restart). */
  private restart(namespace: string, name: string, container: string, startedAt: string, exitCode: number): void {
    const now = rfc3339(new Date());
    this.ctx.store.mutate(R.pods, namespace, name, (d) => {
      const st = (d.status ?? {}) as PodStatus;
      const cs = st.containerStatuses?.find((c) => c.name === container);
      if (!cs || cs.state.running?.startedAt !== startedAt) return;
      cs.lastState = { terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt, finishedAt: now, ...(cs.containerID ? { containerID: cs.containerID } : {}) } };
      cs.restartCount += 1;
      cs.state = { running: { startedAt: now } };
    });
  }

  /** Ends the logs of containers that stopped or restarted, and of deleted pods. */
  onPod(change: StoreChange): void {
    this.stopMains(change);
    const set = this.open.get(change.object.metadata.uid);
    if (!set) return;
    const statuses = (change.object.status as PodStatus | undefined) ?? {};
    for (const entry of [...set]) {
      const s = [...(statuses.containerStatuses ?? []), ...(statuses.initContainerStatuses ?? [])].find((c) => c.name === entry.container);
      const still = change.type !== 'DELETED' && s?.state.running?.startedAt === entry.startedAt;
      if (still) continue;
      const crashed = s?.state.terminated && s.state.terminated.exitCode !== 0;
      entry.log.end(crashed ? crashLines(entry.container) : []);
    }
    if (set.size === 0) this.open.delete(change.object.metadata.uid);
  }

  /** Stops the main processes of containers that are no longer running as they were. */
  private stopMains(change: StoreChange): void {
    const uid = change.object.metadata.uid;
    for (const [key, main] of this.mains) {
      if (!key.startsWith(`${uid}/`)) continue;
      const [, container, startedAt] = key.split('/') as [string, string, string];
      const s = ((change.object.status as PodStatus | undefined)?.containerStatuses ?? []).find((c) => c.name === container);
      if (change.type !== 'DELETED' && s?.state.running?.startedAt === startedAt) continue;
      this.mains.delete(key);
      main.stop();
    }
  }

  /** Ends every open log (the scenario stopped). */
  stop(): void {
    for (const main of this.mains.values()) main.stop();
    this.mains.clear();
    for (const set of this.open.values()) for (const e of [...set]) e.log.end();
    this.open.clear();
  }

  private find(namespace: string, name: string, container: string): { pod: KubeObject; spec: ContainerSpec; status: ContainerStatus | undefined } {
    const pod = this.ctx.store.get(R.pods, namespace, name);
    if (!pod) throw new DemoApiError(404, 'NotFound', `pods "${name}" not found`);
    const s = (pod.spec ?? {}) as { containers?: ContainerSpec[]; initContainers?: ContainerSpec[]; ephemeralContainers?: ContainerSpec[] };
    const spec = [...(s.containers ?? []), ...(s.initContainers ?? []), ...(s.ephemeralContainers ?? [])].find((c) => c.name === container);
    if (!spec) throw new DemoApiError(400, 'BadRequest', `container ${container} is not valid for pod ${name}`);
    const st = (pod.status ?? {}) as PodStatus;
    const status = [...(st.containerStatuses ?? []), ...(st.initContainerStatuses ?? [])].find((c) => c.name === container);
    return { pod, spec, status };
  }
}
