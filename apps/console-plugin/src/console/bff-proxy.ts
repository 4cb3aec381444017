/** The BFF as the console reaches it: its plugin proxy, alias `forklift-bff` in the ConsolePlugin. */
export const BFF_PROXY_URL = '/api/proxy/plugin/forklift-console-plugin/forklift-bff';
