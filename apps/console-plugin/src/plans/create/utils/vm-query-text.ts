// The query bar's text as the VM query language reads it: kubectl-mtv writes queries after a
// leading `where`, which the language itself does not have, so the bar accepts and drops it.
import { compileVmQuery, QuerySyntaxError } from '@forklift-console/api';

export type VmQueryText =
  | { state: 'empty' }
  | { state: 'valid'; query: string }
  | { state: 'invalid'; message: string; position: number };

const WHERE = /^\s*where\b\s*/i;

export const readVmQuery = (text: string): VmQueryText => {
  const offset = WHERE.exec(text)?.[0].length ?? 0;
  const query = text.slice(offset);
  if (!query.trim()) return { state: 'empty' };
  try {
    compileVmQuery(query);
    return { state: 'valid', query };
  } catch (error) {
    if (!(error instanceof QuerySyntaxError)) throw error;
    // Positions count from the text the user typed, `where` included.
    const position = error.position + offset;
    const message = error.message.replace(
      /\(at character \d+\)$/,
      `(at character ${position + 1})`,
    );
    return { state: 'invalid', message, position };
  }
};
