/** Seed: the crontabs.stable.example.com CRD and CronTab objects, one stuck Terminating on a finalizer. */
import type { ScenarioContext } from '../context.ts';
import { R } from '../refs.ts';
import { age, obj } from './builders.ts';

const schema = {
  openAPIV3Schema: {
    type: 'object',
    properties: {
      spec: { type: 'object', properties: { cronSpec: { type: 'string' }, image: { type: 'string' }, replicas: { type: 'integer' } } },
      status: { type: 'object', properties: { replicas: { type: 'integer' }, labelSelector: { type: 'string' } } },
    },
  },
};

/** Creates the CRD (the API server registers it) and its objects. */
export function seedCrd(ctx: ScenarioContext): void {
  ctx.create(
    R.crds,
    obj('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'crontabs.stable.example.com', undefined, {
      spec: {
        group: 'stable.example.com',
        scope: 'Namespaced',
        names: { plural: 'crontabs', singular: 'crontab', kind: 'CronTab', listKind: 'CronTabList', shortNames: ['ct'] },
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema,
            subresources: { status: {}, scale: { specReplicasPath: '.spec.replicas', statusReplicasPath: '.status.replicas', labelSelectorPath: '.status.labelSelector' } },
            additionalPrinterColumns: [
              { name: 'Spec', type: 'string', jsonPath: '.spec.cronSpec' },
              { name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas' },
              { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
            ],
          },
        ],
        conversion: { strategy: 'None' },
      },
    }),
    age.days(10),
  );
  const tab = (ns: string, name: string, cronSpec: string, replicas: number, a: number, meta: Record<string, unknown> = {}) =>
    ctx.create(
      R.crontabs,
      obj(
        'stable.example.com/v1',
        'CronTab',
        name,
        ns,
        {
          spec: { cronSpec, image: 'ghcr.io/acme/cron-runner:1.0.3', replicas },
          status: { replicas, labelSelector: `app=${name}` },
        },
        meta,
      ),
      a,
    );
  tab('default', 'cleanup', '*/5 * * * *', 1, age.days(10));
  tab('batch', 'reindex', '0 */6 * * *', 2, age.days(4));
  tab('batch', 'report-digest', '30 7 * * 1-5', 1, age.days(3));
  tab('shop', 'cache-warmer', '*/15 * * * *', 3, age.days(8));
  tab('batch', 'legacy-export', '0 0 * * 0', 1, age.days(6), { finalizers: ['stable.example.com/cleanup'] });
  // Deleting an object with a finalizer only marks it; nothing ever removes the finalizer.
  ctx.store.delete(R.crontabs, 'batch', 'legacy-export');
}
