// The one seam between the pages and whatever hosts them. Inside the OpenShift console the values
// come from the console SDK; in the standalone shell from the shell. Pages read only this.
import { createContext, useContext } from 'react';

export type ConsoleHost = {
  /** The project the user chose; undefined means All projects. */
  activeNamespace: string | undefined;
  /** Where the BFF answers, without a trailing slash ('' when it serves the page itself). */
  bffBaseUrl: string;
};

export const ConsoleHostContext = createContext<ConsoleHost | undefined>(undefined);

export const useConsoleHost = (): ConsoleHost => {
  const host = useContext(ConsoleHostContext);
  if (!host) throw new Error('A page was rendered outside a console host');
  return host;
};
