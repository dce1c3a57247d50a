/** Stream channel numbers of the Kubernetes remotecommand WebSocket protocols. */
export const Channel = { stdin: 0, stdout: 1, stderr: 2, error: 3, resize: 4, close: 255 } as const;

/** Subprotocols the fake kubelet accepts, most preferred first. */
export const EXEC_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io', 'channel.k8s.io'] as const;

/** Picks the best subprotocol the client offered, or false when none is supported. */
export function chooseProtocol(offered: Set<string>): string | false {
  return EXEC_PROTOCOLS.find((p) => offered.has(p)) ?? false;
}

/** Prefixes a payload with its channel byte. */
export function frame(channel: number, payload: Buffer | string): Buffer {
  return Buffer.concat([Buffer.from([channel]), Buffer.isBuffer(payload) ? payload : Buffer.from(payload)]);
}

/** The metav1.Status sent on the error channel when the command ends. */
export function exitStatus(command: string[], exitCode: number): Record<string, unknown> {
  if (exitCode === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${exitCode}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(exitCode) }] },
  };
}

/** The metav1.Status sent when the command could not be started at all. */
export function startFailureStatus(message: string): Record<string, unknown> {
  return { metadata: {}, status: 'Failure', message, reason: 'InternalError', code: 500 };
}

/** Parses a resize message ({"Width":w,"Height":h}) from channel 4. */
export function parseResize(payload: Buffer): { cols: number; rows: number } | undefined {
  try {
    const size = JSON.parse(payload.toString('utf8')) as { Width?: number; Height?: number };
    return size.Width && size.Height ? { cols: size.Width, rows: size.Height } : undefined;
  } catch {
    return undefined;
  }
}
