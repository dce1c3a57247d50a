/** Entry point called by bin/kx and bin/kubectl-kx. */
export async function main(argv: string[], opts: { invokedAs: string }): Promise<void> {
  console.log(opts.invokedAs, argv.join(' '));
}
