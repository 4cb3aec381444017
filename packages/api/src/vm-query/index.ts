// The VM query language, for the plan wizard's query bar and the inventory's `?query=`: one parser,
// so that the page and the server agree on what a query selects.
import { evaluate } from './evaluate.ts';
import { parseQuery } from './parser.ts';

export { QuerySyntaxError } from './lexer.ts';

/** Compiles a query into a test of one VM; throws QuerySyntaxError saying what is wrong where. */
export const compileVmQuery = (query: string): ((vm: unknown) => boolean) => {
  const tree = parseQuery(query);
  return (vm) => {
    const result = evaluate(tree, vm);
    return result === true;
  };
};
