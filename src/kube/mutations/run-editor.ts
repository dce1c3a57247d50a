/** Starts the user's editor on a file with the terminal, as kubectl does (`$KUBE_EDITOR`, `$EDITOR`, vi). */
import { spawn } from 'node:child_process';
import { KxError } from '../errors.ts';
import { editorCommand } from './edit.ts';

/** Runs the editor and resolves when it exits 0; a failing or missing editor is kubectl's sentence. */
export function runEditor(file: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const editor = editorCommand(env);
  return new Promise((resolve, reject) => {
    // Through the shell, so an editor with arguments (`code --wait`) works as with kubectl.
    const child = spawn('/bin/sh', ['-c', `${editor} "$1"`, 'sh', file], { stdio: 'inherit', env });
    const fail = (): void => reject(new KxError('config', `there was a problem with the editor "${editor}"`));
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? resolve() : fail()));
  });
}
