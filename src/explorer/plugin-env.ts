/**
 * The variables a plugin's arguments (and a hotkey's command) may use, as k9s sets them
 * (internal/view/helpers.go defaultEnv, table.go, container.go), and k9s's substitution:
 * `$NAME`, `$!FLAG` (a boolean inverted) and `${COL-%CPU/R}` (braces for names with other
 * characters or text right after), looked up upper-cased; a name that is not a variable is left
 * as written, so a shell in `args` still sees its own `$HOME`.
 */
import type { Row } from '../kinds/types.ts';
import type { ViewEntry } from './view-entry.ts';

/** Variables by upper-case name. */
export type PluginEnv = Readonly<Record<string, string>>;

/** Who and where kx is connected (the header's facts). */
export interface PluginSession {
  context: string;
  cluster: string;
  user: string;
  /** The kubeconfig kx read: --kubeconfig, else $KUBECONFIG, else '' (kubectl's default). */
  kubeconfig: string;
}

/** What k9s writes for a value it does not know (render.NAValue). */
const notAvailable = 'n/a';

/**
 * The variables for `row` of the view `entry`: `columns` are the row's cells by column title (as
 * shown, wide columns too). On a containers view NAME and CONTAINER are the container, POD its pod.
 */
export function pluginEnv(session: PluginSession, entry: ViewEntry, row: Row, columns: Readonly<Record<string, string>>): PluginEnv {
  const env: Record<string, string> = {
    CONTEXT: session.context,
    CLUSTER: session.cluster,
    USER: session.user,
    // k9s fills GROUPS from --as-group impersonation, which kx does not offer.
    GROUPS: notAvailable,
    KUBECONFIG: session.kubeconfig,
    NAMESPACE: row.namespace,
    NAME: row.name,
    RESOURCE_GROUP: entry.resource.group,
    RESOURCE_VERSION: entry.resource.version,
    RESOURCE_NAME: entry.resource.plural,
  };
  for (const [title, value] of Object.entries(columns)) env[`COL-${title.toUpperCase()}`] = value;
  // k9s: the filter typed after `/`, else the selected object's name.
  env['FILTER'] = entry.filter.trim() !== '' ? entry.filter.trim() : row.name;
  if (row.container) {
    env['POD'] = row.container.pod;
    env['CONTAINER'] = row.name;
    env['RESOURCE_NAME'] = 'containers';
  }
  return env;
}

/** k9s's pattern: $NAME, $!NAME, ${NAME} or ${!NAME} (braces allow %, /, : and spaces). */
const variablePattern = /\$(!?)([\w-]+)|\$\{(!?)([\w\-%/: ]+)\}/g;

/** k9s's strconv.ParseBool spellings that are not numbers, by the value they stand for. */
const booleans: Readonly<Record<string, boolean>> = { t: true, T: true, true: true, TRUE: true, True: true, f: false, F: false, false: false, FALSE: false, False: false };

/** `text` with every known variable replaced by its value, unknown ones left as written. */
export function substitute(text: string, env: PluginEnv): string {
  return text.replace(variablePattern, (whole: string, bang1: string | undefined, name1: string | undefined, bang2: string | undefined, name2: string | undefined) => {
    const name = (name1 ?? name2 ?? '').toUpperCase();
    const invert = (bang1 ?? bang2) === '!';
    const value = env[name];
    if (value === undefined) return whole;
    // Booleans are normalised (and $! inverts them); numbers such as 0 and 1 stay numbers, as in k9s.
    const asBool = booleans[value];
    if (asBool === undefined) return value;
    return String(invert ? !asBool : asBool);
  });
}
